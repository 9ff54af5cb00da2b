import Foundation

/// A contract of a case (合同) as its facts built it: who, how much, when signed, published, filed, delivered,
/// accepted, invoiced and paid.
public struct CaseContract: Hashable, Sendable {
    /// The contract number.
    public var id: String
    /// The suppliers (供应商/中标人).
    public var suppliers: [Counterparty] = []
    /// The amount (合同金额), in yuan.
    public var amount: Decimal?
    /// The award or result notice day, when known.
    public var awardNotice: LocalDate?
    /// When signed.
    public var signed: DatedFact?
    /// When published (合同公告).
    public var published: DatedFact?
    /// When filed (合同备案).
    public var filed: DatedFact?
    /// The agreed payment term in days, when set.
    public var paymentTermDays: Int?
    /// Whether payment runs from acceptance rather than delivery.
    public var paysOnAcceptance = false
    /// The agreed acceptance day.
    public var acceptanceDue: LocalDate?
    /// When acceptance was organised (组织履约验收).
    public var acceptanceOrganised: DatedFact?
    /// When acceptance passed (验收合格).
    public var acceptancePassed: DatedFact?
    /// Deliveries.
    public var deliveries: [DatedFact] = []
    /// Invoices received.
    public var invoices: [DatedFact] = []
    /// Payments.
    public var payments: [SMEPaymentRule.Contract.Payment] = []
    /// The performance bond (履约保证金), in yuan.
    public var performanceBond: Decimal?
    /// The entries that built it.
    public var evidence: [LedgerEntry.ID] = []

    /// A contract with a number and nothing else yet.
    /// - Parameter id: The number.
    public init(id: String) { self.id = id }

    /// Whether a supplier is a small, medium or micro enterprise.
    public var paysAnSME: Bool { suppliers.contains(where: \.isSME) }

    /// The terms the SME payment rule judges.
    public var paymentTerms: SMEPaymentRule.Contract {
        SMEPaymentRule.Contract(
            amount: amount, agreedTermDays: paymentTermDays, paysOnAcceptance: paysOnAcceptance,
            acceptanceDue: acceptanceDue, acceptancePassed: acceptancePassed, deliveries: deliveries,
            payments: payments, evidence: evidence)
    }
}

/// A bid bond (投标保证金) as its facts built it.
public struct CaseBond: Hashable, Sendable {
    /// Who posted it.
    public var holder: Counterparty
    /// How much, in yuan.
    public var amount: Decimal
    /// When posted.
    public var posted: LocalDate
    /// When refunded.
    public var refunded: DatedFact?
    /// The entries.
    public var evidence: [LedgerEntry.ID] = []

    /// Makes a bond.
    /// - Parameters:
    ///   - holder: Who posted it.
    ///   - amount: How much.
    ///   - posted: When.
    ///   - evidence: The entries.
    public init(holder: Counterparty, amount: Decimal, posted: LocalDate, evidence: [LedgerEntry.ID] = []) {
        self.holder = holder
        self.amount = amount
        self.posted = posted
        self.evidence = evidence
    }
}

/// Which bond (保证金).
public enum BondKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 投标保证金.
    case bid
    /// 履约保证金.
    case performance
}

/// What happened to a contract on a day (合同履行节点).
public enum ContractMilestone: String, Hashable, Sendable, Codable, CaseIterable {
    /// Published (合同公告).
    case published
    /// Filed with the finance department (合同备案).
    case filed
    /// Goods, works or services delivered (交付).
    case delivered
    /// Acceptance organised (组织履约验收).
    case acceptanceOrganised
    /// Acceptance passed (验收合格).
    case acceptancePassed
    /// An invoice received (收到发票).
    case invoiceReceived
}

/// A case that awards contracts, takes bid bonds and pays (合同类案件): procurement projects, tenders, PPP projects.
/// Its facts can use the core's contract facts (``ContractSigned``, ``ContractMilestoneReached``,
/// ``PaymentMade``, ``BondPosted``, ``BondRefunded``).
public protocol ContractingCase: CaseState {
    /// The contracts, in the order first named.
    var contracts: [CaseContract] { get set }
    /// The bid bonds.
    var bidBonds: [CaseBond] { get set }
    /// Whether a contract was awarded.
    var awarded: Bool { get set }
    /// The day the award was made public (result or award notice), which a contract signed later counts from.
    var awardNoticeDay: LocalDate? { get }
}

extension ContractingCase {
    /// Dates the award notice on every contract that has none yet: a contract signed before its notice was
    /// recorded counts from the notice.
    /// - Parameter day: The notice's day.
    public mutating func noticeAward(on day: LocalDate) {
        for i in contracts.indices where contracts[i].awardNotice == nil { contracts[i].awardNotice = day }
    }

    /// Changes the contract with a number, adding it when new.
    /// - Parameters:
    ///   - id: The number.
    ///   - body: The change.
    public mutating func contract(_ id: String, _ body: (inout CaseContract) -> Void) {
        if let i = contracts.firstIndex(where: { $0.id == id }) {
            body(&contracts[i])
        } else {
            var contract = CaseContract(id: id)
            body(&contract)
            contracts.append(contract)
        }
    }
}
