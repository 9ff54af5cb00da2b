import CreditKitCore
import Foundation

/// What a government promises an investor (承诺事项类别).
public enum PromiseCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// Land (土地).
    case land
    /// A subsidy or reward (奖励、补贴).
    case subsidy
    /// Tax treatment (税收优惠).
    case tax
    /// A fee reduction (费用减免).
    case fee
    /// Infrastructure (配套设施).
    case infrastructure
    /// Approval services (审批服务).
    case approval
    /// Anything else (其他).
    case other

    /// 土地, 奖励补贴, 税收优惠, 费用减免, 配套设施, 审批服务, 其他.
    public var chineseName: String {
        switch self {
        case .land: "土地"
        case .subsidy: "奖励补贴"
        case .tax: "税收优惠"
        case .fee: "费用减免"
        case .infrastructure: "配套设施"
        case .approval: "审批服务"
        case .other: "其他"
        }
    }

    /// Whether it is an incentive the fair-competition review covers, and that a specific operator may receive only
    /// with a legal basis or State Council approval (公平竞争审查条例 arts. 8-10): land, subsidies, tax treatment, fees.
    public var isIncentive: Bool { [.land, .subsidy, .tax, .fee].contains(self) }
}

/// What a subsidy is tied to (奖补挂钩条件), which the 2025 measures prohibit.
public enum IncentiveTie: String, Hashable, Sendable, Codable, CaseIterable {
    /// Moving the registered office here (迁移注册地).
    case registration
    /// Paying tax here (在本地纳税).
    case localTax
    /// Being counted in local statistics (纳入本地统计).
    case localStatistics

    /// 迁移注册地, 本地纳税, 本地统计.
    public var chineseName: String {
        switch self {
        case .registration: "迁移注册地"
        case .localTax: "本地纳税"
        case .localStatistics: "本地统计"
        }
    }
}

/// An investment agreement (招商引资协议) with its government promises, the investor's own obligations and what
/// became of each: the case, owned by the agency that signed it.
public struct InvestmentAgreement: CaseState, Hashable {
    /// `investment`.
    public static var sector: String { InvestmentPromotionModule.sectorID.rawValue }
    /// `agreement`.
    public static var caseKey: String { "agreement" }
    /// `agency`.
    public static var ownerKey: String { "agency" }
    /// An agency.
    public static var ownerKind: SubjectKind { .agency }

    /// One promise: what it says, the entry that made it (its commitment), and what became of it.
    public struct Promise: Hashable, Sendable {
        /// A payment or delivery against the promise.
        public struct Fulfilment: Hashable, Sendable {
            /// The day and entry.
            public var on: DatedFact
            /// The amount paid, in yuan, for money promises.
            public var amount: Decimal?
            /// Whether it completed the promise.
            public var inFull: Bool
        }

        /// A change or withdrawal of the promise.
        public struct Change: Hashable, Sendable {
            /// The day and entry.
            public var on: DatedFact
            /// What was changed, why, how and with what compensation.
            public var change: InvestmentPromiseChanged
        }

        /// The facts of the promise.
        public var facts: InvestmentPromised
        /// The day and entry; the entry is the commitment's ID.
        public var made: DatedFact
        /// Payments and deliveries against it, in order.
        public var fulfilments: [Fulfilment] = []
        /// Changes and withdrawals, in order.
        public var changes: [Change] = []

        /// The commitment the promise is.
        public var commitment: Commitment.ID { Commitment.ID(made.evidence[0].rawValue) }

        /// What was paid by a day, in yuan.
        /// - Parameter day: The day.
        /// - Returns: The sum.
        public func paid(by day: LocalDate) -> Decimal {
            fulfilments.filter { $0.on.on <= day }.reduce(Decimal(0)) { $0 + ($1.amount ?? 0) }
        }

        /// The fulfilment that completed the promise, by a day.
        /// - Parameter day: The day.
        /// - Returns: The fulfilment.
        public func completed(by day: LocalDate) -> Fulfilment? {
            fulfilments.first { $0.inFull && $0.on.on <= day }
        }

        /// The withdrawal, by a day.
        /// - Parameter day: The day.
        /// - Returns: The change that withdrew the promise.
        public func withdrawn(by day: LocalDate) -> Change? {
            changes.first { $0.change.withdraws && $0.on.on <= day }
        }

        /// The due day in force on a day: the promise's own, moved only by a change lawful on its face made before
        /// the promise fell due (an unlawful change, or one made once it was overdue, moves nothing).
        /// - Parameter day: The day.
        /// - Returns: The due day.
        public func due(on day: LocalDate) -> LocalDate? {
            var due = facts.due
            for change in changes where change.on.on <= day && change.change.lawfulOnItsFace {
                guard let moved = change.change.newDue else { continue }
                if let current = due, change.on.on > current { continue }
                due = moved
            }
            return due
        }
    }

    /// One of the investor's own obligations and whether it defaulted.
    public struct Obligation: Hashable, Sendable {
        /// The facts of the obligation.
        public var facts: InvestorObligationSet
        /// The day and entry.
        public var set: DatedFact
        /// The day the agency recorded the investor's default on it.
        public var defaulted: DatedFact?
    }

    /// The agreement's number.
    public var id: CaseID
    /// The agency.
    public var agency: SubjectID
    /// The signing: investor, project, signer.
    public var signed: InvestmentAgreementSigned?
    /// The signing's day and entry.
    public var signedOn: DatedFact?
    /// The promises, by promise number in order made.
    public var promises: [Promise] = []
    /// The investor's obligations.
    public var obligations: [Obligation] = []

    /// An agreement not signed yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.agency = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<InvestmentAgreement> { CaseRef(id, owner: agency) }

    /// A promise by number.
    /// - Parameter number: The promise's number in the agreement.
    /// - Returns: The promise.
    public func promise(_ number: String) -> Promise? { promises.first { $0.facts.promise == number } }

    /// The first default of the investor by a day on an obligation set no later than a given day (an obligation
    /// added after a promise cannot excuse it).
    /// - Parameters:
    ///   - day: The day.
    ///   - setBy: The latest day the obligation may have been set; no limit when `nil`.
    /// - Returns: The default's day and entry, if the investor was in default by then.
    public func investorDefault(by day: LocalDate, setBy: LocalDate? = nil) -> DatedFact? {
        obligations.filter { o in setBy.map { o.set.on <= $0 } ?? true }.compactMap(\.defaulted).filter {
            $0.on <= day
        }.min { $0.on < $1.on }
    }

    /// Names an agreement, from which its facts are made.
    /// - Parameters:
    ///   - number: The agreement's number.
    ///   - agency: The agency that signed it.
    /// - Returns: The agreement.
    public static func agreement(_ number: CaseID, agency: SubjectID) -> CaseRef<InvestmentAgreement> {
        CaseRef(number, owner: agency)
    }
}

/// An investment agreement signed (签订招商引资协议): `investment.agreement.signed`.
public struct InvestmentAgreementSigned: CaseFacts {
    /// `investment.agreement.signed`.
    public static let kind: EventKind = "investment.agreement.signed"
    /// An agreement is signed once.
    public static var opensCase: Bool { true }
    /// The investor, a registered enterprise.
    public var investor: SubjectID
    /// The project (项目).
    public var project: String
    /// The official who signed for the government (签约人), when recorded.
    public var signedBy: SubjectID?
    /// The investment the investor promised, in yuan.
    public var investment: Decimal?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - investor: The investor.
    ///   - project: The project.
    ///   - signedBy: The official who signed.
    ///   - investment: The investment promised.
    public init(investor: SubjectID, project: String, signedBy: SubjectID? = nil, investment: Decimal? = nil) {
        self.investor = investor
        self.project = project
        self.signedBy = signedBy
        self.investment = investment
    }

    /// The investment may not be negative.
    public var amounts: [Decimal?] { [investment] }
    /// The investor and the signer.
    public var parties: [SubjectID] { [investor] + (signedBy.map { [$0] } ?? []) }

    /// Refuses an investor that is not a registered enterprise, a signer that is not a registered official, and a
    /// blank project.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent` or `unknownSubject`).
    public func validate(_ stamp: CaseStamp<InvestmentAgreement>, in context: ValidationContext) throws {
        try context.requireSubject(investor, kind: .enterprise, role: "investor")
        if let signedBy { try context.requireSubject(signedBy, kind: .official, role: "signer") }
        try stamp.requireText(project, "the project")
    }

    /// Records the signing.
    /// - Parameters:
    ///   - state: The agreement.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestmentAgreement, _ stamp: CaseStamp<InvestmentAgreement>) {
        state.signed = self
        state.signedOn = stamp.dated
    }
}

/// A government promise to the investor (政府承诺事项): `investment.promise.made`. The promise is a commitment of
/// the core (its entry is the commitment's ID), so it counts in the agency's commitment record and score; the
/// investment rules judge it.
public struct InvestmentPromised: CommitmentFacts {
    /// `investment.promise.made`.
    public static let kind: EventKind = "investment.promise.made"
    /// The promise's number in the agreement (`P-1`).
    public var promise: String
    /// The investor (the agreement's).
    public var investor: SubjectID
    /// What is promised.
    public var category: PromiseCategory
    /// The terms, in the agreement's words.
    public var terms: String
    /// The amount, in yuan, for money promises.
    public var amount: Decimal?
    /// The day it falls due.
    public var due: LocalDate?
    /// What a subsidy is tied to, if anything.
    public var tiedTo: IncentiveTie?
    /// The law or regulation it relies on (法律法规依据).
    public var legalBasis: String?
    /// The State Council approval it relies on (国务院批准).
    public var approval: String?
    /// The day it passed fair-competition review (公平竞争审查), if it did.
    public var reviewed: LocalDate?
    /// Whether it was made in a published policy rather than in the agreement.
    public var fromPolicy: Bool
    /// An agreed late-payment interest rate, in percent a day.
    public var agreedDailyRatePercent: Decimal?
    /// The day a published policy made the promise, when before the agreement recorded it; the fact's own day
    /// otherwise.
    public var promisedOn: LocalDate?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - promise: The promise's number.
    ///   - investor: The investor.
    ///   - category: What is promised.
    ///   - terms: The terms.
    ///   - amount: The amount.
    ///   - due: The due day.
    ///   - tiedTo: What a subsidy is tied to.
    ///   - legalBasis: The legal basis.
    ///   - approval: The State Council approval.
    ///   - reviewed: The day of the fair-competition review.
    ///   - fromPolicy: Whether it comes from a published policy.
    ///   - agreedDailyRatePercent: An agreed daily interest rate.
    ///   - promisedOn: The day a published policy made the promise, when before the agreement.
    public init(
        _ promise: String, investor: SubjectID, _ category: PromiseCategory, terms: String, amount: Decimal? = nil,
        due: LocalDate?, tiedTo: IncentiveTie? = nil, legalBasis: String? = nil, approval: String? = nil,
        reviewed: LocalDate? = nil, fromPolicy: Bool = false, agreedDailyRatePercent: Decimal? = nil,
        promisedOn: LocalDate? = nil
    ) {
        self.promise = promise
        self.investor = investor
        self.category = category
        self.terms = terms
        self.amount = amount
        self.due = due
        self.tiedTo = tiedTo
        self.legalBasis = legalBasis
        self.approval = approval
        self.reviewed = reviewed
        self.fromPolicy = fromPolicy
        self.agreedDailyRatePercent = agreedDailyRatePercent
        self.promisedOn = promisedOn
    }

    /// Amounts may not be negative.
    public var amounts: [Decimal?] { [amount, agreedDailyRatePercent] }
    /// The investor.
    public var parties: [SubjectID] { [investor] }

    /// The commitment the promise is: the agency to the investor, on the promise's terms and day, named by the
    /// agreement and the promise's number.
    /// - Parameters:
    ///   - promisor: The agency.
    ///   - id: The agreement's number.
    ///   - day: The fact's day.
    /// - Returns: The commitment.
    public func commitment(promisor: SubjectID, case id: CaseID, on day: LocalDate) -> Commitment {
        Commitment(
            promisor: promisor, beneficiary: "协议\(id)的投资方", beneficiarySubject: investor,
            kind: fromPolicy ? .policy : .contract, terms: "协议\(id) \(promise) \(category.chineseName)：\(terms)",
            madeOn: promisedOn ?? day, dueDate: due, sector: InvestmentPromotionModule.sectorID)
    }

    /// The day the promise was made: a policy's day, or the fact's.
    /// - Parameter day: The fact's day.
    /// - Returns: The day.
    public func made(_ day: LocalDate) -> LocalDate { promisedOn ?? day }

    /// Refuses a promise of an agreement not signed with this investor, a promise number used before, blank terms,
    /// a due day before the promise, and a tie on anything but a subsidy.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<InvestmentAgreement>, in context: ValidationContext) throws {
        try stamp.requireText(promise, "a promise's number")
        try stamp.requireText(terms, "the promise's terms")
        try InvestmentAgreement.requireMoney(amount, "the amount", stamp)
        if let promisedOn {
            try stamp.require(fromPolicy, "only a published policy's promise has a day of its own")
            try stamp.require(promisedOn <= stamp.on, "a policy's day, \(promisedOn), is after the agreement's record")
        }
        if let due {
            try stamp.require(due >= made(stamp.on), "promise \(promise) falls due on \(due), before it was made")
        }
        try stamp.require(tiedTo == nil || category == .subsidy, "only a subsidy is tied to registration or tax")
        guard let agreement = try context.state(of: stamp) else { return }
        try stamp.require(
            agreement.signed?.investor == investor, "promise \(promise) names an investor the agreement does not")
        try stamp.require(agreement.promise(promise) == nil, "promise \(promise) is made already")
    }

    /// Adds the promise.
    /// - Parameters:
    ///   - state: The agreement.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestmentAgreement, _ stamp: CaseStamp<InvestmentAgreement>) {
        state.promises.append(.init(facts: self, made: stamp.dated))
    }
}

/// An investor's own obligation (投资方义务): `investment.obligation.set`, the investment, jobs or output it
/// promised, by a day.
public struct InvestorObligationSet: CaseFacts {
    /// `investment.obligation.set`.
    public static let kind: EventKind = "investment.obligation.set"
    /// The obligation's number (`O-1`).
    public var obligation: String
    /// What it is, in the agreement's words (投资额、就业、产值).
    public var terms: String
    /// The day it falls due.
    public var due: LocalDate

    /// Makes the fact.
    /// - Parameters:
    ///   - obligation: The number.
    ///   - terms: What it is.
    ///   - due: The due day.
    public init(_ obligation: String, terms: String, due: LocalDate) {
        self.obligation = obligation
        self.terms = terms
        self.due = due
    }

    /// Refuses a blank number or terms, and a number used before.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<InvestmentAgreement>, in context: ValidationContext) throws {
        try stamp.requireText(obligation, "an obligation's number")
        try stamp.requireText(terms, "the obligation's terms")
        let agreement = try context.state(of: stamp)
        try stamp.require(
            agreement?.obligations.contains { $0.facts.obligation == obligation } != true,
            "obligation \(obligation) is set already")
    }

    /// Adds the obligation.
    /// - Parameters:
    ///   - state: The agreement.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestmentAgreement, _ stamp: CaseStamp<InvestmentAgreement>) {
        state.obligations.append(.init(facts: self, set: stamp.dated))
    }
}

/// The investor's default on one of its obligations (投资方违约), recorded by the agency: `investment.investor.defaulted`.
public struct InvestorDefaulted: CaseFacts {
    /// `investment.investor.defaulted`.
    public static let kind: EventKind = "investment.investor.defaulted"
    /// The obligation missed.
    public var obligation: String
    /// What happened.
    public var note: String

    /// Makes the fact.
    /// - Parameters:
    ///   - obligation: The obligation missed.
    ///   - note: What happened.
    public init(_ obligation: String, note: String) {
        self.obligation = obligation
        self.note = note
    }

    /// Refuses a default on an obligation never set or not yet due, and a blank note.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<InvestmentAgreement>, in context: ValidationContext) throws {
        try stamp.requireText(note, "what the default was")
        let set = try context.state(of: stamp)?.obligations.first { $0.facts.obligation == obligation }
        guard let set else { throw CreditKitError(.invalidEvent, "agreement \(stamp.id): no obligation \(obligation)") }
        try stamp.require(
            set.facts.due < stamp.on, "obligation \(obligation) falls due on \(set.facts.due): no default before")
    }

    /// Marks the default.
    /// - Parameters:
    ///   - state: The agreement.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestmentAgreement, _ stamp: CaseStamp<InvestmentAgreement>) {
        if let i = state.obligations.firstIndex(where: { $0.facts.obligation == obligation }),
            state.obligations[i].defaulted == nil
        {
            state.obligations[i].defaulted = stamp.dated
        }
    }
}

/// A payment or delivery against a promise (兑现承诺): `investment.promise.fulfilled`, partial or in full. In full, it
/// is the fulfilment of the promise's commitment in the core.
public struct InvestmentPromiseFulfilled: CommitmentStepFacts {
    /// `investment.promise.fulfilled`.
    public static let kind: EventKind = "investment.promise.fulfilled"
    /// The promise's number.
    public var promise: String
    /// The promise's commitment: the entry that made it.
    public var commitment: Commitment.ID
    /// The amount paid, in yuan, for money promises.
    public var amount: Decimal?
    /// Whether this completes the promise.
    public var inFull: Bool

    /// Makes the fact; `kit.investment.fulfil` finds the commitment.
    /// - Parameters:
    ///   - promise: The promise's number.
    ///   - commitment: The promise's commitment.
    ///   - amount: The amount paid.
    ///   - inFull: Whether this completes the promise.
    public init(_ promise: String, commitment: Commitment.ID, amount: Decimal? = nil, inFull: Bool) {
        self.promise = promise
        self.commitment = commitment
        self.amount = amount
        self.inFull = inFull
    }

    /// The amount may not be negative.
    public var amounts: [Decimal?] { [amount] }

    /// Refuses a promise not of this agreement or not this commitment, one ended already, and a payment above what
    /// is promised.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<InvestmentAgreement>, in context: ValidationContext) throws {
        let found = try InvestmentAgreement.step(promise, commitment: commitment, stamp, context)
        try InvestmentAgreement.requireMoney(amount, "the payment", stamp)
        if let promised = found.facts.amount {
            let total = found.paid(by: .distantFuture) + (amount ?? 0)
            try stamp.require(
                total <= promised,
                "promise \(promise): paying \(amount ?? 0) brings the total above the \(promised) promised")
            try stamp.require(
                !inFull || total == promised,
                "promise \(promise): \(total) of \(promised) paid is not in full")
        }
    }

    /// Adds the fulfilment.
    /// - Parameters:
    ///   - state: The agreement.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestmentAgreement, _ stamp: CaseStamp<InvestmentAgreement>) {
        guard let i = state.promises.firstIndex(where: { $0.facts.promise == promise }) else { return }
        state.promises[i].fulfilments.append(.init(on: stamp.dated, amount: amount, inFull: inFull))
    }

    /// In full: the commitment is fulfilled.
    /// - Parameters:
    ///   - lifecycle: The commitment's lifecycle.
    ///   - step: The step's day and entry.
    public func apply(to lifecycle: inout CommitmentLifecycle, step: CommitmentStep) {
        guard inFull else { return }
        lifecycle.outcome = .init(value: .fulfilled, on: step.on, sequence: step.entry, recordedAt: step.recordedAt)
    }
}

/// A promise changed or withdrawn (变更、撤回承诺): `investment.promise.changed`, with the reason given, the procedure
/// followed and the compensation agreed and paid. In the core, a withdrawal ends the commitment (withdrawn for a
/// reason the law recognises, breached for one it does not) and a change is a change of it.
public struct InvestmentPromiseChanged: CommitmentStepFacts {
    /// `investment.promise.changed`.
    public static let kind: EventKind = "investment.promise.changed"
    /// The promise's number.
    public var promise: String
    /// The promise's commitment: the entry that made it.
    public var commitment: Commitment.ID
    /// Whether the promise is withdrawn (撤回) rather than changed.
    public var withdraws: Bool
    /// The reason given.
    public var reason: BreachOrChangeReason
    /// The lawful procedure followed (法定程序文书), when one was.
    public var procedure: String?
    /// The compensation agreed with the investor, in yuan.
    public var compensationAgreed: Decimal?
    /// The compensation paid, in yuan.
    public var compensationPaid: Decimal?
    /// The new terms of a change.
    public var newTerms: String?
    /// The new due day of a change.
    public var newDue: LocalDate?

    /// Makes the fact; `kit.investment.change` finds the commitment.
    /// - Parameters:
    ///   - promise: The promise's number.
    ///   - commitment: The promise's commitment.
    ///   - withdraws: Whether it is withdrawn.
    ///   - reason: The reason given.
    ///   - procedure: The procedure followed.
    ///   - compensationAgreed: The compensation agreed.
    ///   - compensationPaid: The compensation paid.
    ///   - newTerms: The new terms.
    ///   - newDue: The new due day.
    public init(
        _ promise: String, commitment: Commitment.ID, withdraws: Bool, reason: BreachOrChangeReason,
        procedure: String? = nil, compensationAgreed: Decimal? = nil, compensationPaid: Decimal? = nil,
        newTerms: String? = nil, newDue: LocalDate? = nil
    ) {
        self.promise = promise
        self.commitment = commitment
        self.withdraws = withdraws
        self.reason = reason
        self.procedure = procedure
        self.compensationAgreed = compensationAgreed
        self.compensationPaid = compensationPaid
        self.newTerms = newTerms
        self.newDue = newDue
    }

    /// The compensation may not be negative.
    public var amounts: [Decimal?] { [compensationAgreed, compensationPaid] }

    /// Whether the change is lawful on its face: a reason the law recognises, and for anything but the investor's
    /// default, the procedure followed and compensation agreed. (Whether a claimed default was recorded is the
    /// rules' to judge.)
    public var lawfulOnItsFace: Bool {
        guard reason.isLawful else { return false }
        if reason == .counterpartyDefault { return true }
        return !(procedure?.allSatisfy(\.isWhitespace) ?? true) && (compensationAgreed ?? 0) > 0
    }

    /// Refuses a promise not of this agreement or not this commitment, one ended already, and a change without its
    /// new terms.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<InvestmentAgreement>, in context: ValidationContext) throws {
        _ = try InvestmentAgreement.step(promise, commitment: commitment, stamp, context)
        try InvestmentAgreement.requireMoney(compensationAgreed, "the compensation agreed", stamp)
        try InvestmentAgreement.requireMoney(compensationPaid, "the compensation paid", stamp)
        if !withdraws { try stamp.requireText(newTerms, "a change's new terms") }
        if let procedure { try stamp.require(!procedure.hasControlCharacters, "the procedure has control characters") }
    }

    /// Adds the change.
    /// - Parameters:
    ///   - state: The agreement.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestmentAgreement, _ stamp: CaseStamp<InvestmentAgreement>) {
        guard let i = state.promises.firstIndex(where: { $0.facts.promise == promise }) else { return }
        state.promises[i].changes.append(.init(on: stamp.dated, change: self))
    }

    /// A withdrawal ends the commitment: withdrawn when lawful on its face, breached otherwise (so the commitment
    /// record counts it once, as a breach). A change changes it; only one lawful on its face moves its due day.
    /// - Parameters:
    ///   - lifecycle: The commitment's lifecycle.
    ///   - step: The step's day and entry.
    public func apply(to lifecycle: inout CommitmentLifecycle, step: CommitmentStep) {
        let text = "撤回：\(reason.chineseName)"
        if withdraws {
            let outcome: CommitmentOutcome = lawfulOnItsFace ? .withdrawn(text) : .breached(reason, text)
            lifecycle.outcome = .init(value: outcome, on: step.on, sequence: step.entry, recordedAt: step.recordedAt)
        } else {
            let change = CommitmentChange(
                reason: lawfulOnItsFace || !reason.isLawful ? reason : .other, approvingAuthority: procedure ?? "",
                procedureDocument: procedure ?? "", compensation: compensationAgreed ?? 0, newTerms: newTerms ?? "",
                newDueDate: lawfulOnItsFace ? newDue : nil)
            lifecycle.changes.append(
                .init(value: change, on: step.on, sequence: step.entry, recordedAt: step.recordedAt))
        }
    }
}

extension InvestmentAgreement {
    /// Refuses an amount in fractions of a fen or beyond 10^16 yuan.
    static func requireMoney(_ amount: Decimal?, _ what: String, _ stamp: CaseStamp<InvestmentAgreement>) throws {
        guard let amount else { return }
        try stamp.require(amount.isWholeFen, "\(what) \(amount) has fractions of a fen")
        try stamp.require(
            amount <= Decimal(sign: .plus, exponent: 16, significand: 1), "\(what) \(amount) is beyond 10^16 yuan")
    }

    /// The promise a step names, checked: of this agreement, with this commitment, not ended.
    static func step(
        _ promise: String, commitment: Commitment.ID, _ stamp: CaseStamp<InvestmentAgreement>,
        _ context: ValidationContext
    ) throws -> Promise {
        guard let found = try context.state(of: stamp)?.promise(promise) else {
            throw CreditKitError(.invalidEvent, "agreement \(stamp.id): no promise \(promise)")
        }
        try stamp.require(
            found.commitment == commitment, "promise \(promise) is commitment \(found.commitment), not \(commitment)")
        try stamp.require(
            context.commitmentLifecycle(commitment).outcome == nil, "promise \(promise) has ended already")
        try stamp.require(stamp.on >= found.made.on, "promise \(promise) was made on \(found.made.on)")
        return found
    }
}
