import CreditKitCore
import Foundation

/// How a purchase is made (采购方式).
public enum ProcurementMethod: String, Hashable, Sendable, Codable, CaseIterable {
    /// 公开招标.
    case openTender = "open-tender"
    /// 邀请招标.
    case invitedTender = "invited-tender"
    /// 竞争性谈判.
    case competitiveNegotiation = "competitive-negotiation"
    /// 竞争性磋商.
    case competitiveConsultation = "competitive-consultation"
    /// 询价.
    case requestForQuotation = "request-for-quotation"
    /// 单一来源.
    case singleSource = "single-source"
    /// 框架协议.
    case frameworkAgreement = "framework-agreement"
    /// Anything else.
    case other

    /// Whether the method is a tender (招标), which the tender rules bind.
    public var isTender: Bool { self == .openTender || self == .invitedTender }

    /// The rule that sets the shortest time from documents issued to the deadline, if the method has one.
    public var shortPeriodRule: RuleID? {
        switch self {
        case .openTender, .invitedTender: "procurement.tender.short-period"
        case .competitiveConsultation: "procurement.tender.short-period.consultation"
        case .competitiveNegotiation: "procurement.tender.short-period.negotiation"
        case .requestForQuotation: "procurement.tender.short-period.quotation"
        case .singleSource, .frameworkAgreement, .other: nil
        }
    }

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .openTender: "公开招标"
        case .invitedTender: "邀请招标"
        case .competitiveNegotiation: "竞争性谈判"
        case .competitiveConsultation: "竞争性磋商"
        case .requestForQuotation: "询价"
        case .singleSource: "单一来源"
        case .frameworkAgreement: "框架协议"
        case .other: "其他"
        }
    }
}

/// A supplier as a procurement names it (供应商), with its declared size.
public struct ProcurementSupplier: Hashable, Sendable, Codable {
    /// Its name.
    public var name: String
    /// Its unified social credit code or other identifier, when known.
    public var identifier: String?
    /// Whether it declared itself a small, medium or micro enterprise (中小企业声明函).
    public var isSME: Bool

    /// Makes a supplier.
    /// - Parameters:
    ///   - name: Its name.
    ///   - identifier: Its identifier.
    ///   - isSME: Whether it is an SME.
    public init(name: String, identifier: String? = nil, isSME: Bool) {
        self.name = name
        self.identifier = identifier
        self.isSME = isSME
    }

    /// Whether two namings are the same supplier: the same identifier, or the same name when either lacks one.
    func sameAs(_ other: ProcurementSupplier) -> Bool {
        if let a = identifier, let b = other.identifier { return a == b }
        return name == other.name
    }
}

/// One procurement process (采购项目) with every fact known about it, from the ledger or from open data: what the
/// rules read.
///
/// A process built from the ledger is ``isComplete``: a fact missing there did not happen. One built from open data
/// is not: the data may simply leave a fact out, so rules that fire on a missing fact (a contract never published)
/// stay silent for it.
public struct ProcurementProcess: Hashable, Sendable {
    /// A dated fact with the ledger entries it rests on.
    public typealias Dated = DatedFact

    /// A payment (付款).
    public struct Payment: Hashable, Sendable {
        /// The day paid.
        public var on: LocalDate?
        /// The amount.
        public var amount: Decimal?
        /// The entries.
        public var evidence: [Int64] = []

        /// Makes a payment.
        /// - Parameters:
        ///   - on: The day.
        ///   - amount: The amount.
        ///   - evidence: The entries.
        public init(on: LocalDate?, amount: Decimal?, evidence: [Int64] = []) {
            self.on = on
            self.amount = amount
            self.evidence = evidence
        }
    }

    /// A contract (政府采购合同) and its performance.
    public struct Contract: Hashable, Sendable {
        /// Its number.
        public var id: String
        /// The suppliers.
        public var suppliers: [ProcurementSupplier] = []
        /// The contract amount.
        public var amount: Decimal?
        /// The award notice it follows (中标、成交通知书).
        public var awardNotice: LocalDate?
        /// Signed.
        public var signed: Dated?
        /// Published (合同公告).
        public var published: Dated?
        /// Filed with the finance department (备案).
        public var filed: Dated?
        /// The payment term agreed, in days, if any.
        public var paymentTermDays: Int?
        /// Whether payment waits for acceptance (以验收合格为付款条件).
        public var paysOnAcceptance = false
        /// The agreed acceptance date.
        public var acceptanceDue: LocalDate?
        /// Acceptance organised (组织验收).
        public var acceptanceOrganised: Dated?
        /// Acceptance completed and passed (验收合格).
        public var acceptancePassed: Dated?
        /// Deliveries (交付).
        public var deliveries: [Dated] = []
        /// Invoices received (发票).
        public var invoices: [Dated] = []
        /// Payments.
        public var payments: [Payment] = []
        /// The performance bond (履约保证金) amount.
        public var performanceBond: Decimal?
        /// The entries of the signing and the bond.
        public var evidence: [Int64] = []

        /// Makes a contract.
        /// - Parameter id: Its number.
        public init(id: String) { self.id = id }

        /// Whether a supplier is an SME.
        public var paysAnSME: Bool { suppliers.contains(where: \.isSME) }

        /// The contract as the shared SME payment rule reads it.
        public var paymentTerms: SMEPaymentRule.Contract {
            SMEPaymentRule.Contract(
                amount: amount, agreedTermDays: paymentTermDays, paysOnAcceptance: paysOnAcceptance,
                acceptanceDue: acceptanceDue, acceptancePassed: acceptancePassed, deliveries: deliveries,
                payments: payments.map { .init(on: $0.on, amount: $0.amount, evidence: $0.evidence) },
                evidence: evidence)
        }
    }

    /// A bid bond (投标保证金).
    public struct Bond: Hashable, Sendable {
        /// Who posted it.
        public var supplier: ProcurementSupplier
        /// The amount.
        public var amount: Decimal
        /// Posted.
        public var posted: LocalDate
        /// Refunded.
        public var refunded: Dated?
        /// The entries.
        public var evidence: [Int64] = []

        /// Makes a bond.
        /// - Parameters:
        ///   - supplier: Who posted it.
        ///   - amount: The amount.
        ///   - posted: The day posted.
        ///   - evidence: The entries.
        public init(supplier: ProcurementSupplier, amount: Decimal, posted: LocalDate, evidence: [Int64] = []) {
            self.supplier = supplier
            self.amount = amount
            self.posted = posted
            self.evidence = evidence
        }
    }

    /// A supplier's challenge (质疑).
    public struct Challenge: Hashable, Sendable {
        /// Its number.
        public var id: String
        /// Received.
        public var received: Dated
        /// Answered.
        public var answered: Dated?

        /// Makes a challenge.
        /// - Parameters:
        ///   - id: Its number.
        ///   - received: When received.
        public init(id: String, received: Dated) {
            self.id = id
            self.received = received
        }
    }

    /// The project number, or the OCDS `ocid`.
    public var id: String
    /// The OCDS `ocid`, for a process read from open data.
    public var ocid: String?
    /// The purchaser (采购人).
    public var purchaser: SubjectID
    /// The project's name.
    public var name: String?
    /// The method.
    public var method: ProcurementMethod = .other
    /// The method as the source names it.
    public var methodText: String?
    /// `goods`, `services` or `works`.
    public var category: String?
    /// The budget (预算金额).
    public var budget: Decimal?
    /// Documents issued (招标文件、采购文件发出).
    public var documentsIssued: Dated?
    /// The bid or response deadline, the latest set.
    public var bidDeadline: LocalDate?
    /// Clarifications and changes of the documents (澄清、修改).
    public var clarifications: [Dated] = []
    /// How many bidders took part.
    public var bidders: Int?
    /// The evaluation report received by the purchaser (评审报告).
    public var evaluationReport: Dated?
    /// The winner confirmed (确定中标、成交供应商).
    public var winnerConfirmed: Dated?
    /// The result announced and the notice sent (中标、成交结果公告).
    public var resultAnnounced: Dated?
    /// Whether a contract was awarded.
    public var awarded = false
    /// Whether the process was cancelled.
    public var cancelled = false
    /// The bid bonds.
    public var bidBonds: [Bond] = []
    /// The challenges.
    public var challenges: [Challenge] = []
    /// The contracts.
    public var contracts: [Contract] = []
    /// Whether a missing fact means it did not happen (the ledger) rather than that the source left it out (open data).
    public var isComplete: Bool
    /// The entries of the project's registration and tender facts.
    public var evidence: [Int64] = []

    /// Makes a process.
    /// - Parameters:
    ///   - id: The project number.
    ///   - purchaser: The purchaser.
    ///   - isComplete: Whether a missing fact means it did not happen.
    public init(id: String, purchaser: SubjectID, isComplete: Bool) {
        self.id = id
        self.purchaser = purchaser
        self.isComplete = isComplete
    }
}
