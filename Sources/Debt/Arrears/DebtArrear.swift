import CreditKitCore
import Foundation

/// What an arrear is owed for (拖欠款项类别).
public enum ArrearKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Goods (货物).
    case goods
    /// Services (服务).
    case services
    /// Works (工程款).
    case works
    /// Migrant workers' labour cost on a government-funded project (农民工工资/人工费用).
    case wages

    /// 货物款, 服务款, 工程款, 农民工工资.
    public var chineseName: String {
        switch self {
        case .goods: "货物款"
        case .services: "服务款"
        case .works: "工程款"
        case .wages: "农民工工资"
        }
    }
}

/// An amount a government body owes an enterprise (政府机构拖欠账款): the case of one debt, owned by the debtor agency,
/// from the day it fell due to its last clearance.
public struct DebtArrear: CaseState, Hashable {
    /// `debt`.
    public static var sector: String { DebtModule.sectorID.rawValue }
    /// `arrear`.
    public static var caseKey: String { "arrear" }
    /// `debtor`.
    public static var ownerKey: String { "debtor" }
    /// An agency.
    public static var ownerKind: SubjectKind { .agency }

    /// One payment towards the debt.
    public struct Clearance: Hashable, Sendable {
        /// The day and entry.
        public var on: DatedFact
        /// The amount paid, in yuan.
        public var amount: Decimal
    }

    /// The arrear's number.
    public var id: CaseID
    /// The debtor agency.
    public var debtor: SubjectID
    /// What was recorded: creditor, kind, amount, due day; `nil` before.
    public var recorded: ArrearRecorded?
    /// The record's day and entry.
    public var recordedOn: DatedFact?
    /// The payments, in order.
    public var clearances: [Clearance] = []

    /// An arrear not recorded yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The debtor.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.debtor = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<DebtArrear> { CaseRef(id, owner: debtor) }

    /// What was paid by a day, in yuan.
    /// - Parameter day: The day.
    /// - Returns: The sum.
    public func paid(by day: LocalDate) -> Decimal {
        clearances.filter { $0.on.on <= day }.reduce(Decimal(0)) { $0 + $1.amount }
    }

    /// What was still owed at the end of a day, in yuan.
    /// - Parameter day: The day.
    /// - Returns: The amount, never below zero.
    public func outstanding(on day: LocalDate) -> Decimal {
        max(0, (recorded?.amount ?? 0) - paid(by: day))
    }

    /// The payment that cleared the debt in full, by a day; `nil` while some is owed.
    /// - Parameter day: The day.
    /// - Returns: The clearing payment.
    public func clearedInFull(by day: LocalDate) -> Clearance? {
        guard let amount = recorded?.amount else { return nil }
        var sum = Decimal(0)
        for c in clearances where c.on.on <= day {
            sum += c.amount
            if sum >= amount { return c }
        }
        return nil
    }
}

/// An arrear recorded (拖欠登记): `debt.arrear.recorded`. The creditor is a registered enterprise (whose record says
/// whether it is an SME); the due day is when payment was owed. For goods, services or works owed to an SME, the
/// delivery day (and any agreed term) lets the SME payment rule judge the due day too.
public struct ArrearRecorded: CaseFacts {
    /// `debt.arrear.recorded`.
    public static let kind: EventKind = "debt.arrear.recorded"
    /// An arrear is recorded once.
    public static var opensCase: Bool { true }
    /// The creditor enterprise.
    public var creditor: SubjectID
    /// What it is owed for.
    public var category: ArrearKind
    /// The amount owed, in yuan.
    public var amount: Decimal
    /// The day payment was due.
    public var due: LocalDate
    /// The project it belongs to (a government-funded project for wages).
    public var project: String?
    /// For wages: the month worked, as its first day.
    public var workMonth: LocalDate?
    /// For goods, services and works: the delivery (or completion) day, from which the SME payment term runs.
    public var delivered: LocalDate?
    /// A payment term the contract agreed, in days.
    public var agreedTermDays: Int?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - creditor: The creditor enterprise.
    ///   - category: What it is owed for.
    ///   - amount: The amount, in yuan.
    ///   - due: The due day.
    ///   - project: The project.
    ///   - workMonth: For wages, the month worked (any day of it).
    ///   - delivered: The delivery day.
    ///   - agreedTermDays: The agreed payment term.
    public init(
        creditor: SubjectID, _ category: ArrearKind, amount: Decimal, due: LocalDate, project: String? = nil,
        workMonth: LocalDate? = nil, delivered: LocalDate? = nil, agreedTermDays: Int? = nil
    ) {
        self.creditor = creditor
        self.category = category
        self.amount = amount
        self.due = due
        self.project = project
        self.workMonth = workMonth.map { LocalDate(validYear: $0.year, month: $0.month, day: 1)! }
        self.delivered = delivered
        self.agreedTermDays = agreedTermDays
    }

    /// The amount may not be negative.
    public var amounts: [Decimal?] { [amount] }
    /// The creditor.
    public var parties: [SubjectID] { [creditor] }

    /// Refuses a creditor that is not a registered enterprise, a zero amount, wages without their project and month,
    /// a month not given by its first day, a negative agreed term and a delivery after the day the record is made.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`) or `CreditKitError` (`unknownSubject`).
    public func validate(_ stamp: CaseStamp<DebtArrear>, in context: ValidationContext) throws {
        try context.requireSubject(creditor, kind: .enterprise, role: "creditor")
        try stamp.require(amount > 0, "the amount owed is \(amount); an arrear owes something")
        try stamp.require(amount.isWholeFen, "the amount \(amount) has fractions of a fen")
        try stamp.require(
            stamp.on <= context.recordedAt.chinaDate, "recorded for \(stamp.on), a day that has not come yet")
        if category == .wages {
            try stamp.requireText(project, "the government-funded project of wages owed")
            try stamp.require(workMonth != nil, "wages owed name the month worked")
        } else {
            try stamp.require(workMonth == nil, "only wages have a month worked")
        }
        if let workMonth {
            try stamp.require(workMonth.day == 1, "the month worked is given by its first day")
            try stamp.require(workMonth <= stamp.on, "the month worked, \(workMonth), is after the record")
        }
        if let agreedTermDays { try stamp.require(agreedTermDays >= 0, "the agreed term is negative") }
        if let delivered { try stamp.require(delivered <= stamp.on, "delivered on \(delivered), after the record") }
    }

    /// Records the debt.
    /// - Parameters:
    ///   - state: The arrear.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DebtArrear, _ stamp: CaseStamp<DebtArrear>) {
        state.recorded = self
        state.recordedOn = stamp.dated
    }
}

/// A payment towards an arrear (清偿): `debt.arrear.cleared`, partial or in full.
public struct ArrearCleared: CaseFacts {
    /// `debt.arrear.cleared`.
    public static let kind: EventKind = "debt.arrear.cleared"
    /// The amount paid, in yuan.
    public var amount: Decimal

    /// Makes the fact.
    /// - Parameter amount: The amount paid, in yuan.
    public init(amount: Decimal) { self.amount = amount }

    /// The amount may not be negative.
    public var amounts: [Decimal?] { [amount] }

    /// Refuses a zero payment and one above what is still owed.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<DebtArrear>, in context: ValidationContext) throws {
        try stamp.require(amount > 0, "a payment of \(amount) clears nothing")
        try stamp.require(amount.isWholeFen, "the payment \(amount) has fractions of a fen")
        try stamp.require(
            stamp.on <= context.recordedAt.chinaDate, "paid on \(stamp.on), a day that has not come yet")
        guard let arrear = try context.state(of: stamp) else { return }
        let owed = arrear.outstanding(on: .distantFuture)
        try stamp.require(amount <= owed, "a payment of \(amount) is more than the \(owed) still owed")
    }

    /// Adds the payment.
    /// - Parameters:
    ///   - state: The arrear.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DebtArrear, _ stamp: CaseStamp<DebtArrear>) {
        state.clearances.append(.init(on: stamp.dated, amount: amount))
    }
}

/// A government investment project (政府投资项目), owned by the agency that runs it: the case of how it was started.
public struct GovernmentProject: CaseState, Hashable {
    /// `debt`.
    public static var sector: String { DebtModule.sectorID.rawValue }
    /// `project`.
    public static var caseKey: String { "project" }
    /// `agency`.
    public static var ownerKey: String { "agency" }
    /// An agency.
    public static var ownerKind: SubjectKind { .agency }

    /// The project number.
    public var id: CaseID
    /// The agency.
    public var agency: SubjectID
    /// How it started; `nil` before.
    public var started: GovernmentProjectStarted?
    /// The start's day and entry.
    public var startedOn: DatedFact?

    /// A project not started.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.agency = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<GovernmentProject> { CaseRef(id, owner: agency) }
}

/// A government investment project started (政府投资项目开工): `debt.project.started`, with whether its funds were
/// in place and whether the contractor was required to advance funds (垫资).
public struct GovernmentProjectStarted: CaseFacts {
    /// `debt.project.started`.
    public static let kind: EventKind = "debt.project.started"
    /// A project starts once.
    public static var opensCase: Bool { true }
    /// The project's name.
    public var name: String
    /// Whether the funds were in place (建设资金落实) when it started.
    public var fundsInPlace: Bool
    /// Whether the contractor was required to advance funds (要求施工单位垫资建设).
    public var contractorAdvance: Bool
    /// The contractor, when a registered enterprise.
    public var contractor: SubjectID?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - name: The name.
    ///   - fundsInPlace: Whether the funds were in place.
    ///   - contractorAdvance: Whether the contractor was required to advance funds.
    ///   - contractor: The contractor.
    public init(name: String, fundsInPlace: Bool, contractorAdvance: Bool, contractor: SubjectID? = nil) {
        self.name = name
        self.fundsInPlace = fundsInPlace
        self.contractorAdvance = contractorAdvance
        self.contractor = contractor
    }

    /// The contractor.
    public var parties: [SubjectID] { contractor.map { [$0] } ?? [] }

    /// Refuses a blank name and a contractor that is not a registered enterprise.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`) or `CreditKitError` (`unknownSubject`).
    public func validate(_ stamp: CaseStamp<GovernmentProject>, in context: ValidationContext) throws {
        try stamp.requireText(name, "the project's name")
        if let contractor { try context.requireSubject(contractor, kind: .enterprise, role: "contractor") }
    }

    /// Records the start.
    /// - Parameters:
    ///   - state: The project.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout GovernmentProject, _ stamp: CaseStamp<GovernmentProject>) {
        state.started = self
        state.startedOn = stamp.dated
    }
}
