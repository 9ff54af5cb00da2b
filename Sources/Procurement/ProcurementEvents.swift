import CreditKitCore
import Foundation

/// A procurement fact (政府采购事实) the ledger records: it names its project and purchaser, and folds itself into the
/// project's ``ProcurementProcess``.
public protocol ProcurementEvent: LedgerEvent {
    /// The project number (采购项目编号), unique for the purchaser.
    var project: String { get }
    /// The purchaser (采购人), a registered agency.
    var purchaser: SubjectID { get }
    /// Adds the fact to its process.
    /// - Parameters:
    ///   - process: The process so far.
    ///   - sequence: The fact's ledger entry.
    func apply(to process: inout ProcurementProcess, sequence: Int64)
}

extension ProcurementEvent {
    /// The purchaser.
    public var subjects: [SubjectID] { [purchaser] }

    /// Refuses an unregistered purchaser, a blank project number, or a negative amount.
    func validateCommon(_ context: ValidationContext, amounts: [Decimal?] = []) throws {
        try context.requireSubject(purchaser, kind: .agency, role: "purchaser")
        guard !project.allSatisfy(\.isWhitespace) else {
            throw CreditKitError(.invalidEvent, "a procurement fact names its project number")
        }
        for case let amount? in amounts where amount < 0 {
            throw CreditKitError(.invalidEvent, "project \(project): the amount \(amount) is negative")
        }
    }

    func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        guard condition else { throw CreditKitError(.invalidEvent, "project \(project): " + message()) }
    }
}

extension ProcurementProcess {
    /// The contract with a number, added when new.
    mutating func contract(_ id: String, _ body: (inout Contract) -> Void) {
        if let i = contracts.firstIndex(where: { $0.id == id }) {
            body(&contracts[i])
        } else {
            var c = Contract(id: id)
            body(&c)
            contracts.append(c)
        }
    }
}

/// A procurement project registered (采购项目登记): `procurement.project.registered`.
public struct ProjectRegistered: ProcurementEvent, Hashable {
    /// `procurement.project.registered`.
    public static let kind: EventKind = "procurement.project.registered"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The project's name.
    public var name: String
    /// The method.
    public var method: ProcurementMethod
    /// `goods`, `services` or `works`, when known.
    public var category: String?
    /// The budget (预算金额), in yuan, when known.
    public var budget: Decimal?
    /// The day registered.
    public var on: LocalDate
    /// Whether the ledger will hold every fact of the project, so that a missing fact did not happen; `false` for
    /// projects imported from open data, which may leave facts out.
    public var completeFacts: Bool

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - name: The project's name.
    ///   - method: The method.
    ///   - category: `goods`, `services` or `works`.
    ///   - budget: The budget.
    ///   - on: The day registered.
    ///   - completeFacts: Whether every fact will be recorded.
    public init(
        project: String, purchaser: SubjectID, name: String, method: ProcurementMethod, category: String?,
        budget: Decimal?, on: LocalDate, completeFacts: Bool = true
    ) {
        self.project = project
        self.purchaser = purchaser
        self.name = name
        self.method = method
        self.category = category
        self.budget = budget
        self.on = on
        self.completeFacts = completeFacts
    }

    /// The day registered.
    public var effectiveDate: LocalDate { on }

    /// Refuses an unknown purchaser, a blank number or name, an unknown category or a negative budget.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: [budget])
        try require(!name.allSatisfy(\.isWhitespace), "a project has a name")
        if let category {
            try require(
                ["goods", "services", "works"].contains(category),
                "category '\(category)' is not goods, services or works")
        }
    }

    /// Sets the project's name, method, category, budget and completeness.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        process.name = name
        process.method = method
        process.methodText = method.chineseName
        process.category = category
        process.budget = budget
        process.isComplete = completeFacts
        process.evidence.insert(sequence, at: 0)
    }
}

/// Tender or procurement documents issued with their deadline (采购文件发出): `procurement.tender.documents-issued`.
public struct TenderDocumentsIssued: ProcurementEvent, Hashable {
    /// `procurement.tender.documents-issued`.
    public static let kind: EventKind = "procurement.tender.documents-issued"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The day the documents were issued.
    public var on: LocalDate
    /// The bid or response deadline.
    public var bidDeadline: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - on: The day issued.
    ///   - bidDeadline: The deadline.
    public init(project: String, purchaser: SubjectID, on: LocalDate, bidDeadline: LocalDate) {
        self.project = project
        self.purchaser = purchaser
        self.on = on
        self.bidDeadline = bidDeadline
    }

    /// The day issued.
    public var effectiveDate: LocalDate { on }

    /// Refuses a deadline before the documents.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(bidDeadline >= on, "the bid deadline \(bidDeadline) is before the documents (\(on))")
    }

    /// Sets documents issued and the deadline.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        process.documentsIssued = .init(on, evidence: [sequence])
        process.bidDeadline = bidDeadline
    }
}

/// A clarification or change of the documents (澄清、修改), perhaps moving the deadline: `procurement.tender.clarified`.
public struct TenderClarified: ProcurementEvent, Hashable {
    /// `procurement.tender.clarified`.
    public static let kind: EventKind = "procurement.tender.clarified"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The day issued.
    public var on: LocalDate
    /// The new deadline, when it was moved.
    public var newBidDeadline: LocalDate?

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - on: The day issued.
    ///   - newBidDeadline: The new deadline, if moved.
    public init(project: String, purchaser: SubjectID, on: LocalDate, newBidDeadline: LocalDate? = nil) {
        self.project = project
        self.purchaser = purchaser
        self.on = on
        self.newBidDeadline = newBidDeadline
    }

    /// The day issued.
    public var effectiveDate: LocalDate { on }

    /// Refuses a new deadline before the clarification.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        if let newBidDeadline { try require(newBidDeadline >= on, "the new deadline is before the clarification") }
    }

    /// Adds the clarification and moves the deadline.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        process.clarifications.append(.init(on, evidence: [sequence]))
        if let newBidDeadline { process.bidDeadline = newBidDeadline }
    }
}

/// The evaluation report received by the purchaser (评审报告送交采购人): `procurement.evaluation.reported`.
public struct EvaluationReported: ProcurementEvent, Hashable {
    /// `procurement.evaluation.reported`.
    public static let kind: EventKind = "procurement.evaluation.reported"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// How many bidders took part.
    public var bidders: Int
    /// The day the purchaser received the report.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - bidders: How many bidders took part.
    ///   - on: The day received.
    public init(project: String, purchaser: SubjectID, bidders: Int, on: LocalDate) {
        self.project = project
        self.purchaser = purchaser
        self.bidders = bidders
        self.on = on
    }

    /// The day received.
    public var effectiveDate: LocalDate { on }

    /// Refuses a negative number of bidders.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(bidders >= 0, "the number of bidders is negative")
    }

    /// Sets the report and the number of bidders.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        process.evaluationReport = .init(on, evidence: [sequence])
        process.bidders = bidders
    }
}

/// The winner confirmed and the result announced with the award notice (中标、成交结果公告和通知书):
/// `procurement.result.announced`.
public struct ResultAnnounced: ProcurementEvent, Hashable {
    /// `procurement.result.announced`.
    public static let kind: EventKind = "procurement.result.announced"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The day the purchaser confirmed the winner.
    public var winnerConfirmedOn: LocalDate
    /// The day the result was announced and the notice sent.
    public var on: LocalDate
    /// The winners.
    public var suppliers: [ProcurementSupplier]
    /// How many bidders the result lists, when it says.
    public var bidders: Int?

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - winnerConfirmedOn: The day the winner was confirmed.
    ///   - on: The day announced.
    ///   - suppliers: The winners.
    ///   - bidders: How many bidders the result lists.
    public init(
        project: String, purchaser: SubjectID, winnerConfirmedOn: LocalDate, on: LocalDate,
        suppliers: [ProcurementSupplier], bidders: Int? = nil
    ) {
        self.project = project
        self.purchaser = purchaser
        self.winnerConfirmedOn = winnerConfirmedOn
        self.on = on
        self.suppliers = suppliers
        self.bidders = bidders
    }

    /// The day announced.
    public var effectiveDate: LocalDate { on }

    /// Refuses an announcement before the confirmation, or no winner.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(on >= winnerConfirmedOn, "the result is announced before the winner is confirmed")
        try require(!suppliers.isEmpty, "a result names its winners")
    }

    /// Sets the confirmation and the notice, and marks the project awarded.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        process.winnerConfirmed = .init(winnerConfirmedOn, evidence: [sequence])
        process.resultAnnounced = .init(on, evidence: [sequence])
        process.bidders = process.bidders ?? bidders
        process.awarded = true
        for i in process.contracts.indices where process.contracts[i].awardNotice == nil {
            process.contracts[i].awardNotice = on
        }
    }
}

/// A contract signed (合同签订): `procurement.contract.signed`.
public struct ContractSigned: ProcurementEvent, Hashable {
    /// `procurement.contract.signed`.
    public static let kind: EventKind = "procurement.contract.signed"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The contract number.
    public var contract: String
    /// The supplier.
    public var supplier: ProcurementSupplier
    /// The amount.
    public var amount: Decimal
    /// The day signed.
    public var on: LocalDate
    /// The payment term agreed, in days, if any.
    public var paymentTermDays: Int?
    /// Whether payment waits for acceptance.
    public var paysOnAcceptance: Bool
    /// The agreed acceptance date, if any.
    public var acceptanceDue: LocalDate?
    /// The award notice the contract follows, when it is not the project's announced result (one lot of several).
    public var awardNoticeOn: LocalDate?

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - contract: The contract number.
    ///   - supplier: The supplier.
    ///   - amount: The amount.
    ///   - on: The day signed.
    ///   - paymentTermDays: The agreed payment term.
    ///   - paysOnAcceptance: Whether payment waits for acceptance.
    ///   - acceptanceDue: The agreed acceptance date.
    ///   - awardNoticeOn: The contract's own award notice, if not the project's result.
    public init(
        project: String, purchaser: SubjectID, contract: String, supplier: ProcurementSupplier, amount: Decimal,
        on: LocalDate, paymentTermDays: Int? = nil, paysOnAcceptance: Bool = false, acceptanceDue: LocalDate? = nil,
        awardNoticeOn: LocalDate? = nil
    ) {
        self.awardNoticeOn = awardNoticeOn
        self.project = project
        self.purchaser = purchaser
        self.contract = contract
        self.supplier = supplier
        self.amount = amount
        self.on = on
        self.paymentTermDays = paymentTermDays
        self.paysOnAcceptance = paysOnAcceptance
        self.acceptanceDue = acceptanceDue
    }

    /// The day signed.
    public var effectiveDate: LocalDate { on }

    /// Refuses a blank contract number or supplier, a negative amount or term, or acceptance due before signing.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: [amount])
        try require(!contract.allSatisfy(\.isWhitespace), "a contract has a number")
        try require(!supplier.name.allSatisfy(\.isWhitespace), "contract \(contract) names its supplier")
        try require((paymentTermDays ?? 0) >= 0, "contract \(contract): the payment term is negative")
        if let acceptanceDue {
            try require(acceptanceDue >= on, "contract \(contract): acceptance is due before signing")
        }
        if let awardNoticeOn {
            try require(awardNoticeOn <= on, "contract \(contract): signed before its award notice")
        }
    }

    /// Adds the signed contract.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        let notice = process.resultAnnounced?.on
        process.contract(contract) { c in
            c.suppliers = [supplier]
            c.amount = amount
            c.signed = .init(on, evidence: [sequence])
            c.awardNotice = awardNoticeOn ?? c.awardNotice ?? notice
            c.paymentTermDays = paymentTermDays
            c.paysOnAcceptance = paysOnAcceptance
            c.acceptanceDue = acceptanceDue
            c.evidence.append(sequence)
        }
        process.awarded = true
    }
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

/// A contract milestone reached (合同履行): `procurement.contract.milestone`.
public struct ContractMilestoneReached: ProcurementEvent, Hashable {
    /// `procurement.contract.milestone`.
    public static let kind: EventKind = "procurement.contract.milestone"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The contract number.
    public var contract: String
    /// What happened.
    public var milestone: ContractMilestone
    /// The day.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - contract: The contract number.
    ///   - milestone: What happened.
    ///   - on: The day.
    public init(project: String, purchaser: SubjectID, contract: String, milestone: ContractMilestone, on: LocalDate) {
        self.project = project
        self.purchaser = purchaser
        self.contract = contract
        self.milestone = milestone
        self.on = on
    }

    /// The day.
    public var effectiveDate: LocalDate { on }

    /// Refuses a blank contract number.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!contract.allSatisfy(\.isWhitespace), "a contract milestone names its contract")
    }

    /// Sets the milestone on its contract; deliveries and invoices add up.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        let dated = ProcurementProcess.Dated(on, evidence: [sequence])
        process.contract(contract) { c in
            switch milestone {
            case .published: c.published = c.published ?? dated
            case .filed: c.filed = c.filed ?? dated
            case .delivered: c.deliveries.append(dated)
            case .acceptanceOrganised: c.acceptanceOrganised = c.acceptanceOrganised ?? dated
            case .acceptancePassed: c.acceptancePassed = c.acceptancePassed ?? dated
            case .invoiceReceived: c.invoices.append(dated)
            }
        }
    }
}

/// A payment to a supplier (付款): `procurement.payment.made`.
public struct PaymentMade: ProcurementEvent, Hashable {
    /// `procurement.payment.made`.
    public static let kind: EventKind = "procurement.payment.made"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The contract number.
    public var contract: String
    /// The amount.
    public var amount: Decimal
    /// The day paid.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - contract: The contract number.
    ///   - amount: The amount.
    ///   - on: The day paid.
    public init(project: String, purchaser: SubjectID, contract: String, amount: Decimal, on: LocalDate) {
        self.project = project
        self.purchaser = purchaser
        self.contract = contract
        self.amount = amount
        self.on = on
    }

    /// The day paid.
    public var effectiveDate: LocalDate { on }

    /// Refuses a blank contract number or an amount that is not positive.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!contract.allSatisfy(\.isWhitespace), "a payment names its contract")
        try require(amount > 0, "a payment of \(amount) is not positive")
    }

    /// Adds the payment to its contract.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        process.contract(contract) { $0.payments.append(.init(on: on, amount: amount, evidence: [sequence])) }
    }
}

/// Which bond (保证金).
public enum BondKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 投标保证金.
    case bid
    /// 履约保证金.
    case performance
}

/// A bond posted by a supplier (缴纳保证金): `procurement.bond.posted`.
public struct BondPosted: ProcurementEvent, Hashable {
    /// `procurement.bond.posted`.
    public static let kind: EventKind = "procurement.bond.posted"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// Which bond.
    public var bond: BondKind
    /// The supplier.
    public var supplier: ProcurementSupplier
    /// For a performance bond, its contract.
    public var contract: String?
    /// The amount.
    public var amount: Decimal
    /// The day posted.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - bond: Which bond.
    ///   - supplier: The supplier.
    ///   - contract: For a performance bond, its contract.
    ///   - amount: The amount.
    ///   - on: The day posted.
    public init(
        project: String, purchaser: SubjectID, bond: BondKind, supplier: ProcurementSupplier, contract: String? = nil,
        amount: Decimal, on: LocalDate
    ) {
        self.project = project
        self.purchaser = purchaser
        self.bond = bond
        self.supplier = supplier
        self.contract = contract
        self.amount = amount
        self.on = on
    }

    /// The day posted.
    public var effectiveDate: LocalDate { on }

    /// Refuses a negative amount, or a performance bond without its contract.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: [amount])
        try require(bond == .bid || contract != nil, "a performance bond names its contract")
    }

    /// Adds a bid bond, or sets a contract's performance bond.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        switch bond {
        case .bid:
            process.bidBonds.append(.init(supplier: supplier, amount: amount, posted: on, evidence: [sequence]))
        case .performance:
            process.contract(contract ?? "") { c in
                c.performanceBond = amount
                c.evidence.append(sequence)
            }
        }
    }
}

/// A bid bond refunded (退还投标保证金): `procurement.bond.refunded`.
public struct BondRefunded: ProcurementEvent, Hashable {
    /// `procurement.bond.refunded`.
    public static let kind: EventKind = "procurement.bond.refunded"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The supplier.
    public var supplier: ProcurementSupplier
    /// The day refunded.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - supplier: The supplier.
    ///   - on: The day refunded.
    public init(project: String, purchaser: SubjectID, supplier: ProcurementSupplier, on: LocalDate) {
        self.project = project
        self.purchaser = purchaser
        self.supplier = supplier
        self.on = on
    }

    /// The day refunded.
    public var effectiveDate: LocalDate { on }

    /// Checks the purchaser and project.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws { try validateCommon(context) }

    /// Marks the supplier's bid bond refunded.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        if let i = process.bidBonds.firstIndex(where: { $0.refunded == nil && $0.supplier.sameAs(supplier) }) {
            process.bidBonds[i].refunded = .init(on, evidence: [sequence])
        }
    }
}

/// A supplier's written challenge received (收到质疑): `procurement.challenge.received`.
public struct ChallengeReceived: ProcurementEvent, Hashable {
    /// `procurement.challenge.received`.
    public static let kind: EventKind = "procurement.challenge.received"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The challenge's number.
    public var challenge: String
    /// The challenger.
    public var supplier: ProcurementSupplier
    /// The day received.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - challenge: Its number.
    ///   - supplier: The challenger.
    ///   - on: The day received.
    public init(project: String, purchaser: SubjectID, challenge: String, supplier: ProcurementSupplier, on: LocalDate)
    {
        self.project = project
        self.purchaser = purchaser
        self.challenge = challenge
        self.supplier = supplier
        self.on = on
    }

    /// The day received.
    public var effectiveDate: LocalDate { on }

    /// Refuses a blank challenge number.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!challenge.allSatisfy(\.isWhitespace), "a challenge has a number")
    }

    /// Adds the challenge.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        process.challenges.append(.init(id: challenge, received: .init(on, evidence: [sequence])))
    }
}

/// A challenge answered in writing (答复质疑): `procurement.challenge.answered`.
public struct ChallengeAnswered: ProcurementEvent, Hashable {
    /// `procurement.challenge.answered`.
    public static let kind: EventKind = "procurement.challenge.answered"
    /// The project number.
    public var project: String
    /// The purchaser.
    public var purchaser: SubjectID
    /// The challenge's number.
    public var challenge: String
    /// The day answered.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - purchaser: The purchaser.
    ///   - challenge: Its number.
    ///   - on: The day answered.
    public init(project: String, purchaser: SubjectID, challenge: String, on: LocalDate) {
        self.project = project
        self.purchaser = purchaser
        self.challenge = challenge
        self.on = on
    }

    /// The day answered.
    public var effectiveDate: LocalDate { on }

    /// Refuses a blank challenge number.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!challenge.allSatisfy(\.isWhitespace), "an answer names its challenge")
    }

    /// Marks the challenge answered.
    /// - Parameters:
    ///   - process: The process.
    ///   - sequence: The entry.
    public func apply(to process: inout ProcurementProcess, sequence: Int64) {
        if let i = process.challenges.firstIndex(where: { $0.id == challenge && $0.answered == nil }) {
            process.challenges[i].answered = .init(on, evidence: [sequence])
        }
    }
}

/// Every procurement event type.
enum ProcurementEvents {
    static let all: [any ProcurementEvent.Type] = [
        ProjectRegistered.self, TenderDocumentsIssued.self, TenderClarified.self, EvaluationReported.self,
        ResultAnnounced.self, ContractSigned.self, ContractMilestoneReached.self, PaymentMade.self, BondPosted.self,
        BondRefunded.self, ChallengeReceived.self, ChallengeAnswered.self,
    ]
}
