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
        case .openTender, .invitedTender: ProcurementLaw.tenderShortPeriod.id
        case .competitiveConsultation: ProcurementLaw.tenderShortPeriodConsultation.id
        case .competitiveNegotiation: ProcurementLaw.tenderShortPeriodNegotiation.id
        case .requestForQuotation: ProcurementLaw.tenderShortPeriodQuotation.id
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

/// One procurement process (采购项目) with every fact known about it, from the ledger or from open data: what the
/// rules read.
///
/// A process built from the ledger is ``isComplete``: a fact missing there did not happen. One built from open data
/// is not: the data may simply leave a fact out, so rules that fire on a missing fact (a contract never published)
/// stay silent for it.
public struct ProcurementProcess: ContractingCase, Hashable {
    /// A dated fact with the ledger entries it rests on.
    public typealias Dated = DatedFact

    /// A payment (付款).
    public typealias Payment = SMEPaymentRule.Contract.Payment
    /// A contract (合同) and what happened under it.
    public typealias Contract = CaseContract
    /// A bid bond (投标保证金).
    public typealias Bond = CaseBond

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
    public var id: CaseID
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
    public var evidence: [LedgerEntry.ID] = []

    /// Makes a process.
    /// - Parameters:
    ///   - id: The project number.
    ///   - purchaser: The purchaser.
    ///   - isComplete: Whether a missing fact means it did not happen.
    public init(id: CaseID, purchaser: SubjectID, isComplete: Bool) {
        self.id = id
        self.purchaser = purchaser
        self.isComplete = isComplete
    }
}

extension ProcurementProcess {
    /// `procurement`.
    public static let sector = "procurement"
    /// `project`.
    public static let caseKey = "project"
    /// `purchaser`.
    public static let ownerKey = "purchaser"
    /// A purchaser is an agency.
    public static let ownerKind = SubjectKind.agency

    /// A project with no facts yet; the ledger will hold all of its facts.
    /// - Parameters:
    ///   - id: The project number.
    ///   - owner: The purchaser.
    public init(case id: CaseID, owner: SubjectID) { self.init(id: id, purchaser: owner, isComplete: true) }

    /// The project number and the purchaser.
    public var caseRef: CaseRef<Self> { CaseRef(id, owner: purchaser) }

    /// The result notice's day.
    public var awardNoticeDay: LocalDate? { resultAnnounced?.on }

    /// Names a project, from which its facts are made: `ProcurementProcess.project("2026-001", purchaser: bureau)`.
    /// - Parameters:
    ///   - number: The project number (采购项目编号).
    ///   - purchaser: The purchaser (采购人), a registered agency.
    /// - Returns: The project.
    public static func project(_ number: CaseID, purchaser: SubjectID) -> CaseRef<Self> {
        CaseRef(number, owner: purchaser)
    }
}
