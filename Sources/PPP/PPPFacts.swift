import CreditKitCore
import Foundation

/// The facts of a PPP project (PPP项目事实), in the order a project meets them.
public enum PPPFacts {
    /// Every fact type of the sector.
    public static let all: [any CaseFacts.Type] = [
        PPPProjectRegistered.self, PPPStageEntered.self, PPPResponsibleChanged.self,
        PPPFiscalAffordabilityAssessed.self,
        PPPQualificationReviewed.self, PPPContractSigned.self, PPPObligationScheduled.self,
        PPPObligationFulfilled.self, PPPContractChanged.self, PPPPerformanceFailed.self, PPPPenaltyPaid.self,
        PPPDisclosed.self,
    ]
}

/// A PPP project registered (项目登记): `ppp.project.registered`.
public struct PPPProjectRegistered: CaseFacts {
    /// `ppp.project.registered`.
    public static let kind: EventKind = "ppp.project.registered"
    /// A project is registered once.
    public static var opensCase: Bool { true }
    /// The project's name.
    public var name: String
    /// The government level (本级政府): `province`, `city`, `county` or `township`.
    public var level: String?
    /// The sector (行业).
    public var industry: String?
    /// The total investment (总投资), in yuan.
    public var totalInvestment: Decimal?
    /// The operating mode (运作方式).
    public var mode: PPPOperatingMode
    /// The payment mechanism (回报机制); `nil` when the source does not say.
    public var mechanism: PPPPaymentMechanism?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - name: The project's name.
    ///   - level: The government level.
    ///   - industry: The sector.
    ///   - totalInvestment: The total investment.
    ///   - mode: The operating mode.
    ///   - mechanism: The payment mechanism.
    public init(
        name: String, level: String? = nil, industry: String? = nil, totalInvestment: Decimal? = nil,
        mode: PPPOperatingMode, mechanism: PPPPaymentMechanism?
    ) {
        self.name = name
        self.level = level
        self.industry = industry
        self.totalInvestment = totalInvestment
        self.mode = mode
        self.mechanism = mechanism
    }

    /// The total investment.
    public var amounts: [Decimal?] { [totalInvestment] }

    /// Refuses a blank name or an unknown level.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        try stamp.require(!name.allSatisfy(\.isWhitespace), "a project has a name")
        if let level {
            try stamp.require(
                ["province", "city", "county", "township"].contains(level),
                "level '\(level)' is not province, city, county or township")
        }
    }

    /// Sets the project's particulars.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.name = name
        project.level = level
        project.industry = industry
        project.totalInvestment = totalInvestment
        project.mode = mode
        project.mechanism = mechanism
        project.registered = stamp.dated
    }
}

/// A stage entered (进入项目阶段): `ppp.stage.entered`, with the government-side official who answers for it.
public struct PPPStageEntered: CaseFacts {
    /// `ppp.stage.entered`.
    public static let kind: EventKind = "ppp.stage.entered"
    /// The stage.
    public var stage: PPPStage
    /// Who answers for the stage on the government side (阶段责任人), when known: an official and the tenure
    /// (recorded before, in the ledger) that covers the day.
    public var responsible: PPPProject.Responsible?

    /// Makes the fact.
    /// - Parameters:
    ///   - stage: The stage.
    ///   - responsible: The responsible official and their tenure.
    public init(_ stage: PPPStage, responsible: PPPProject.Responsible? = nil) {
        self.stage = stage
        self.responsible = responsible
    }

    /// The responsible official, whose file then shows the stage.
    public var parties: [SubjectID] { responsible.map { [$0.official] } ?? [] }

    /// Refuses a stage that goes back, and a responsible official whose tenure is not theirs or does not cover the
    /// day.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        if let last = try context.state(of: stamp)?.stages.last {
            try stamp.require(
                stage > last.stage,
                "stage \(stage.rawValue) does not follow \(last.stage.rawValue), entered on \(last.entered.on)")
            try stamp.require(
                stamp.on >= last.entered.on,
                "stage \(stage.rawValue) is dated \(stamp.on), before \(last.stage.rawValue) began on \(last.entered.on)"
            )
        }
        if let responsible { try responsible.validate(stamp, in: context) }
    }

    /// Adds the stage.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.stages.append(.init(stage: stage, entered: stamp.dated, responsible: responsible))
    }
}

extension PPPProject.Responsible {
    /// Refuses a tenure not in the ledger, another official's, or one that does not cover the fact's day.
    func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        guard let held = context.view.tenure(tenure) else {
            throw CreditKitError(
                .invalidEvent, "project \(stamp.id): tenure #\(tenure.rawValue) is not in the ledger (record it first)")
        }
        try stamp.require(
            held.tenure.official == official,
            "tenure #\(tenure.rawValue) is \(held.tenure.official)'s, not \(official)'s")
        try stamp.require(
            held.covers(stamp.on),
            "tenure #\(tenure.rawValue) does not cover \(stamp.on): the official was not in that post")
    }
}

/// A new official answers for the project's current stage from this day (阶段责任人变更): `ppp.responsible.changed`,
/// after the one before was transferred, retired or removed. Failures from this day on are traced to them; earlier
/// ones stay with whoever answered then. With no official, the post is recorded as vacant from the day.
public struct PPPResponsibleChanged: CaseFacts {
    /// `ppp.responsible.changed`.
    public static let kind: EventKind = "ppp.responsible.changed"
    /// Who answers from this day; `nil` for a post left vacant.
    public var responsible: PPPProject.Responsible?

    /// Makes the fact.
    /// - Parameter responsible: The official and the tenure that covers the day; `nil` for a vacant post.
    public init(_ responsible: PPPProject.Responsible?) { self.responsible = responsible }

    /// The official, whose file then shows the project.
    public var parties: [SubjectID] { responsible.map { [$0.official] } ?? [] }

    /// Refuses a project with no stage entered yet, and a tenure that does not fit.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        guard let stage = try context.state(of: stamp)?.stages.last, stage.entered.on <= stamp.on else {
            throw CreditKitError(.invalidEvent, "project \(stamp.id): no stage was entered by \(stamp.on)")
        }
        try responsible?.validate(stamp, in: context)
    }

    /// Adds the handover to the current stage.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        guard !project.stages.isEmpty else { return }
        project.stages[project.stages.count - 1].handovers.append(.init(on: stamp.dated, responsible: responsible))
    }
}

/// The government's fiscal affordability assessed for the project (财政承受能力论证): `ppp.fiscal.assessed`.
public struct PPPFiscalAffordabilityAssessed: CaseFacts {
    /// `ppp.fiscal.assessed`.
    public static let kind: EventKind = "ppp.fiscal.assessed"
    /// The year with the highest ratio.
    public var year: Int
    /// That year's spending on all the government's PPP projects, this one included, in yuan.
    public var pppSpending: Decimal
    /// That year's general public budget expenditure (一般公共预算支出), in yuan.
    public var budgetExpenditure: Decimal

    /// Makes the fact.
    /// - Parameters:
    ///   - year: The year.
    ///   - pppSpending: All PPP spending that year.
    ///   - budgetExpenditure: The general public budget expenditure that year.
    public init(year: Int, pppSpending: Decimal, budgetExpenditure: Decimal) {
        self.year = year
        self.pppSpending = pppSpending
        self.budgetExpenditure = budgetExpenditure
    }

    /// Both amounts.
    public var amounts: [Decimal?] { [pppSpending, budgetExpenditure] }

    /// Refuses a budget of nothing and a year outside the dates CreditKit handles.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        try stamp.require(budgetExpenditure > 0, "the budget expenditure is more than zero")
        try stamp.require(LocalDate.supportedYears.contains(year), "year \(year) is outside 1900-2200")
    }

    /// Adds the assessment.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.fiscalAssessments.append(
            .init(on: stamp.dated, year: year, pppSpending: pppSpending, budgetExpenditure: budgetExpenditure))
    }
}

/// A qualification or prequalification review (资格审查结果): `ppp.qualification.reviewed`.
public struct PPPQualificationReviewed: CaseFacts {
    /// `ppp.qualification.reviewed`.
    public static let kind: EventKind = "ppp.qualification.reviewed"
    /// How many bidders qualified.
    public var qualified: Int

    /// Makes the fact.
    /// - Parameter qualified: How many qualified.
    public init(qualified: Int) { self.qualified = qualified }

    /// Refuses a negative count.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        try stamp.require(qualified >= 0, "the number qualified is negative")
    }

    /// Adds the review.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.qualifications.append(.init(on: stamp.dated, qualified: qualified))
    }
}

/// The PPP contract signed (签订PPP项目合同): `ppp.contract.signed`.
public struct PPPContractSigned: CaseFacts {
    /// `ppp.contract.signed`.
    public static let kind: EventKind = "ppp.contract.signed"
    /// The concessionaire (社会资本方或者项目公司).
    public var concessionaire: Counterparty
    /// The first day of the term (合作期起), when known.
    public var termStart: LocalDate?
    /// The last day of the term (合作期止), when known.
    public var termEnd: LocalDate?
    /// The private side's share of the project company's equity, in percent.
    public var privateEquityPercent: Decimal?
    /// Whether the project serves the public interest (公益性项目).
    public var publicInterest: Bool
    /// Whether a longer term than the usual was approved (经批准延长的特许经营期限).
    public var approvedLongerTerm: Bool

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - concessionaire: The concessionaire.
    ///   - termStart: The term's first day.
    ///   - termEnd: The term's last day.
    ///   - privateEquityPercent: The private equity share.
    ///   - publicInterest: Whether the project serves the public interest.
    ///   - approvedLongerTerm: Whether a longer term was approved.
    public init(
        concessionaire: Counterparty, termStart: LocalDate?, termEnd: LocalDate?, privateEquityPercent: Decimal? = nil,
        publicInterest: Bool = true, approvedLongerTerm: Bool = false
    ) {
        self.concessionaire = concessionaire
        self.termStart = termStart
        self.termEnd = termEnd
        self.privateEquityPercent = privateEquityPercent
        self.publicInterest = publicInterest
        self.approvedLongerTerm = approvedLongerTerm
    }

    /// The concessionaire, when named by a credit code.
    public var parties: [SubjectID] { concessionaire.creditSubject.map { [$0] } ?? [] }
    /// The concessionaire.
    public var counterparties: [Counterparty] { [concessionaire] }
    /// The equity share.
    public var amounts: [Decimal?] { [privateEquityPercent] }

    /// Refuses a second signing, a term that ends before it starts, and a share over 100%.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        try stamp.require(!concessionaire.name.allSatisfy(\.isWhitespace), "the contract names its concessionaire")
        try stamp.require(
            (termStart == nil) == (termEnd == nil), "a term has both its first and its last day, or neither")
        if let termStart, let termEnd {
            try stamp.require(termEnd >= termStart, "the term ends (\(termEnd)) before it starts (\(termStart))")
        }
        try stamp.require((privateEquityPercent ?? 0) <= 100, "the private equity share is over 100%")
        if let signed = try context.state(of: stamp)?.contract?.signed.on {
            throw CreditKitError(.invalidEvent, "project \(stamp.id): the contract was signed already, on \(signed)")
        }
    }

    /// Sets the contract.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.contract = .init(
            concessionaire: concessionaire, signed: stamp.dated, termStart: termStart, termEnd: termEnd,
            privateEquityPercent: privateEquityPercent, publicInterest: publicInterest,
            approvedLongerTerm: approvedLongerTerm)
    }
}

/// An obligation of the government side scheduled (政府方义务): `ppp.obligation.scheduled`. Its due day is either fixed
/// by the contract (`dueOn`), which does not move off a rest day, or a number of days after an event (`dueDays`
/// after `dueFrom`), whose last day does.
public struct PPPObligationScheduled: CaseFacts {
    /// `ppp.obligation.scheduled`.
    public static let kind: EventKind = "ppp.obligation.scheduled"
    /// Its number in the contract's schedule.
    public var obligation: String
    /// What is owed.
    public var type: PPPObligationKind
    /// The amount, for a payment.
    public var amount: Decimal?
    /// The day the contract fixes.
    public var dueOn: LocalDate?
    /// Days after `dueFrom`.
    public var dueDays: Int?
    /// The event's day the days count from.
    public var dueFrom: LocalDate?

    /// An obligation due on a day the contract fixes.
    /// - Parameters:
    ///   - obligation: Its number.
    ///   - type: What is owed.
    ///   - amount: The amount, for a payment.
    ///   - due: The day.
    public init(_ obligation: String, _ type: PPPObligationKind, amount: Decimal? = nil, due: LocalDate) {
        self.obligation = obligation
        self.type = type
        self.amount = amount
        self.dueOn = due
    }

    /// An obligation due a number of days after an event.
    /// - Parameters:
    ///   - obligation: Its number.
    ///   - type: What is owed.
    ///   - amount: The amount, for a payment.
    ///   - days: How many days.
    ///   - from: The event's day (not counted).
    public init(
        _ obligation: String, _ type: PPPObligationKind, amount: Decimal? = nil, days: Int, after from: LocalDate
    ) {
        self.obligation = obligation
        self.type = type
        self.amount = amount
        self.dueDays = days
        self.dueFrom = from
    }

    /// The amount.
    public var amounts: [Decimal?] { [amount] }

    /// The due term.
    var due: PPPProject.Due? {
        if let dueOn, dueDays == nil, dueFrom == nil { return .fixed(dueOn) }
        if dueOn == nil, let dueDays, let dueFrom { return .counted(days: dueDays, from: dueFrom) }
        return nil
    }

    /// Refuses a payment without an amount, an amount on what is not a payment, a due term that is both or
    /// neither, negative days, and a number scheduled twice.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        try stamp.require(!obligation.allSatisfy(\.isWhitespace), "an obligation has a number")
        try stamp.require(
            due != nil, "obligation \(obligation) is due either on a fixed day or a number of days after an event")
        try stamp.require(
            (0...36_600).contains(dueDays ?? 0), "obligation \(obligation): the number of days is not 0 to 36600")
        try stamp.require((amount ?? 1) > 0, "obligation \(obligation): the amount owed is more than zero")
        try stamp.require(
            type.isPayment == (amount != nil),
            type.isPayment
                ? "obligation \(obligation) is a payment (\(type.rawValue)) and has an amount"
                : "obligation \(obligation) (\(type.rawValue)) is not a payment and has no amount")
        let project = try context.state(of: stamp)
        try stamp.require(
            project?.obligations.contains { $0.id == obligation } != true,
            "obligation \(obligation) is scheduled already")
    }

    /// Adds the obligation.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        guard let due else { return }
        project.obligations.append(.init(id: obligation, kind: type, due: due, amount: amount, scheduled: stamp.dated))
    }
}

/// An obligation fulfilled, in whole or (for a payment) in part (义务履行): `ppp.obligation.fulfilled`.
public struct PPPObligationFulfilled: CaseFacts {
    /// `ppp.obligation.fulfilled`.
    public static let kind: EventKind = "ppp.obligation.fulfilled"
    /// The obligation's number.
    public var obligation: String
    /// The amount paid, for a payment.
    public var amount: Decimal?

    /// Makes the fact.
    /// - Parameters:
    ///   - obligation: The obligation's number.
    ///   - amount: The amount paid, for a payment.
    public init(_ obligation: String, amount: Decimal? = nil) {
        self.obligation = obligation
        self.amount = amount
    }

    /// The amount.
    public var amounts: [Decimal?] { [amount] }

    /// Refuses an obligation never scheduled, a payment without an amount and an act with one.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        guard let scheduled = try context.state(of: stamp)?.obligations.first(where: { $0.id == obligation }) else {
            throw CreditKitError(.invalidEvent, "project \(stamp.id): obligation \(obligation) was never scheduled")
        }
        try stamp.require(
            scheduled.kind.isPayment == (amount != nil),
            scheduled.kind.isPayment
                ? "obligation \(obligation) is a payment: say how much was paid"
                : "obligation \(obligation) is not a payment and has no amount")
    }

    /// Adds the fulfilment.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        guard let index = project.obligations.firstIndex(where: { $0.id == obligation }) else { return }
        project.obligations[index].fulfilments.append(.init(on: stamp.dated, amount: amount))
    }
}

/// The contract changed or ended (合同变更、提前终止): `ppp.contract.changed`.
public struct PPPContractChanged: CaseFacts {
    /// `ppp.contract.changed`.
    public static let kind: EventKind = "ppp.contract.changed"
    /// What changed, in words (for example `下调污水处理服务费单价`).
    public var change: String
    /// Whether the government side made it.
    public var byGovernment: Bool
    /// Whether it ended the contract.
    public var terminates: Bool
    /// Why.
    public var reason: PPPChangeReason
    /// Whether the lawful procedure was followed (the concessionaire and creditors heard, approval obtained).
    public var lawfulProcedure: Bool
    /// The compensation agreed for the concessionaire's loss, if any.
    public var compensationAgreed: Decimal?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - change: What changed.
    ///   - byGovernment: Whether the government side made it.
    ///   - terminates: Whether it ended the contract.
    ///   - reason: Why.
    ///   - lawfulProcedure: Whether the lawful procedure was followed.
    ///   - compensationAgreed: The compensation agreed.
    public init(
        _ change: String, byGovernment: Bool = true, terminates: Bool = false, reason: PPPChangeReason,
        lawfulProcedure: Bool, compensationAgreed: Decimal? = nil
    ) {
        self.change = change
        self.byGovernment = byGovernment
        self.terminates = terminates
        self.reason = reason
        self.lawfulProcedure = lawfulProcedure
        self.compensationAgreed = compensationAgreed
    }

    /// The compensation.
    public var amounts: [Decimal?] { [compensationAgreed] }

    /// Refuses a change of a contract never signed, or of one already ended.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        try stamp.require(!change.allSatisfy(\.isWhitespace), "a change says what changed")
        let project = try context.state(of: stamp)
        guard let signed = project?.contract?.signed.on, signed <= stamp.on else {
            throw CreditKitError(.invalidEvent, "project \(stamp.id): no contract was signed by \(stamp.on) to change")
        }
        if let ended = project?.changes.first(where: \.terminates) {
            throw CreditKitError(.invalidEvent, "project \(stamp.id): the contract ended on \(ended.on.on)")
        }
    }

    /// Adds the change.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.changes.append(
            .init(
                on: stamp.dated, byGovernment: byGovernment, terminates: terminates, reason: reason,
                lawfulProcedure: lawfulProcedure, compensationAgreed: compensationAgreed, description: change))
    }
}

/// A performance failure of the concessionaire recorded (绩效不达标): `ppp.failure.recorded`, with the penalty the
/// contract sets and the one imposed (OCDS for PPPs: `performanceFailures`).
public struct PPPPerformanceFailed: CaseFacts {
    /// `ppp.failure.recorded`.
    public static let kind: EventKind = "ppp.failure.recorded"
    /// Its id.
    public var failure: String
    /// The period it covers.
    public var from: LocalDate
    /// The period's last day.
    public var to: LocalDate
    /// What failed.
    public var category: String
    /// The penalty the contract sets, in words.
    public var penaltyContracted: String?
    /// The penalty imposed, in words; `nil` when none was.
    public var penaltyImposed: String?
    /// Whether the imposed penalty was paid when the failure was recorded; `nil` when the source does not say
    /// (open data), and then the penalty is not judged.
    public var penaltyPaid: Bool?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - failure: Its id.
    ///   - from: The period's first day.
    ///   - to: The period's last day.
    ///   - category: What failed.
    ///   - penaltyContracted: The penalty the contract sets.
    ///   - penaltyImposed: The penalty imposed.
    ///   - penaltyPaid: Whether it was paid already.
    public init(
        _ failure: String, from: LocalDate, to: LocalDate, category: String, penaltyContracted: String? = nil,
        penaltyImposed: String? = nil, penaltyPaid: Bool? = false
    ) {
        self.failure = failure
        self.from = from
        self.to = to
        self.category = category
        self.penaltyContracted = penaltyContracted
        // A blank penalty is no penalty.
        self.penaltyImposed = penaltyImposed.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        self.penaltyPaid = penaltyPaid
    }

    /// Refuses a period that ends before it starts or after the day it is recorded, a blank category, and an id
    /// recorded twice.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        try stamp.require(!failure.allSatisfy(\.isWhitespace), "a performance failure has an id")
        try stamp.require(!category.allSatisfy(\.isWhitespace), "failure \(failure) says what failed")
        try stamp.require(to >= from, "failure \(failure): the period ends (\(to)) before it starts (\(from))")
        try stamp.require(
            to <= stamp.on, "failure \(failure) is recorded on \(stamp.on), before its period ends on \(to)")
        try stamp.require(
            try context.state(of: stamp)?.failures.contains { $0.id == failure } != true,
            "failure \(failure) is recorded already")
    }

    /// Adds the failure.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.failures.append(
            .init(
                id: failure, recorded: stamp.dated, from: from, to: to, category: category,
                penaltyContracted: penaltyContracted, penaltyImposed: penaltyImposed,
                penaltyPaid: penaltyPaid == true ? stamp.dated : nil, paymentKnown: penaltyPaid != nil))
    }
}

/// The penalty imposed for a performance failure paid (违约金缴纳): `ppp.failure.penalty-paid`.
public struct PPPPenaltyPaid: CaseFacts {
    /// `ppp.failure.penalty-paid`.
    public static let kind: EventKind = "ppp.failure.penalty-paid"
    /// The failure's id.
    public var failure: String

    /// Makes the fact.
    /// - Parameter failure: The failure's id.
    public init(_ failure: String) { self.failure = failure }

    /// Refuses a failure never recorded, one without a penalty imposed, and one paid already.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        guard let recorded = try context.state(of: stamp)?.failures.first(where: { $0.id == failure }) else {
            throw CreditKitError(.invalidEvent, "project \(stamp.id): failure \(failure) was never recorded")
        }
        try stamp.require(recorded.penaltyImposed != nil, "failure \(failure) has no penalty imposed to pay")
        try stamp.require(recorded.penaltyPaid == nil, "the penalty for failure \(failure) is paid already")
        try stamp.require(
            stamp.on >= recorded.recorded.on,
            "the penalty for failure \(failure) is paid on \(stamp.on), before the failure was recorded on \(recorded.recorded.on)"
        )
    }

    /// Marks the penalty paid.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        guard let index = project.failures.firstIndex(where: { $0.id == failure }) else { return }
        project.failures[index].penaltyPaid = stamp.dated
        project.failures[index].paymentKnown = true
    }
}

/// Information disclosed (信息公开): `ppp.disclosed` — the stages before execution, or a year of execution.
public struct PPPDisclosed: CaseFacts {
    /// `ppp.disclosed`.
    public static let kind: EventKind = "ppp.disclosed"
    /// The year of execution disclosed; `nil` for the identification, preparation and procurement information.
    public var executionYear: Int?

    /// Makes the fact.
    /// - Parameter executionYear: The year of execution, or `nil` for the information before execution.
    public init(executionYear: Int? = nil) { self.executionYear = executionYear }

    /// Refuses a year outside the dates CreditKit handles.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<PPPProject>, in context: ValidationContext) throws {
        if let executionYear {
            try stamp.require(
                LocalDate.supportedYears.contains(executionYear), "year \(executionYear) is outside 1900-2200")
        }
    }

    /// Adds the disclosure.
    /// - Parameters:
    ///   - project: The project.
    ///   - stamp: The fact's entry.
    public func apply(to project: inout PPPProject, _ stamp: CaseStamp<PPPProject>) {
        project.disclosures.append(
            .init(item: executionYear.map { .execution(year: $0) } ?? .beforeExecution, on: stamp.dated))
    }
}
