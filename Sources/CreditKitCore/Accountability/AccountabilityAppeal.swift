import Foundation

/// What a ground in law does to the accountability for a decision (减轻或者免予追究).
public enum AccountabilityGroundEffect: String, Hashable, Sendable, Codable, CaseIterable {
    /// 减轻: accountability is applied, lighter.
    case mitigate
    /// 免予: no accountability is applied.
    case exempt

    /// The effect in Chinese.
    public var chineseName: String {
        switch self {
        case .mitigate: "减轻追究"
        case .exempt: "免予追究"
        }
    }
}

/// How an appeal against an accountability decision ended (申诉处理结果).
public enum AppealOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// 维持: the decision stands.
    case upheld
    /// 变更: another form replaces it from the day of the appeal's decision.
    case changed
    /// 撤销: it is revoked; its effects end on the day of the appeal's decision.
    case revoked

    /// The outcome in Chinese.
    public var chineseName: String {
        switch self {
        case .upheld: "维持"
        case .changed: "变更"
        case .revoked: "撤销"
        }
    }
}

/// A ground in law that mitigates or exempts an official's accountability for a decision (减轻或者免予追究责任的情形),
/// recorded with its basis: `core.accountability.ground`. The New Barag Left Banner system (art. 13) defers to the
/// laws, regulations and rules that provide such grounds; an exempting ground refuses any later accountability of
/// that official for that decision, and the decision's findings show the ground.
public struct AccountabilityGroundRecorded: OfficialFileEvent, Hashable {
    /// `core.accountability.ground`.
    public static let kind: EventKind = "core.accountability.ground"
    /// The decision (its entry).
    public var decision: LedgerEntry.ID
    /// The deciding agency, repeated so the entry is indexed under it.
    public var agency: SubjectID
    /// The official.
    public var official: SubjectID
    /// Mitigate or exempt.
    public var effect: AccountabilityGroundEffect
    /// The ground, as the deciding body states it.
    public var ground: String
    /// The provisions that provide the ground; at least one.
    public var basis: [LegalCitation]
    /// The day it was found.
    public var on: LocalDate
    /// The body that found it (the accountability organ).
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - decision: The decision's entry.
    ///   - agency: The deciding agency.
    ///   - official: The official.
    ///   - effect: Mitigate or exempt.
    ///   - ground: The ground.
    ///   - basis: The provisions.
    ///   - on: The day found.
    ///   - by: The body.
    public init(
        decision: LedgerEntry.ID, agency: SubjectID, official: SubjectID, effect: AccountabilityGroundEffect,
        ground: String, basis: [LegalCitation], on: LocalDate, by: String
    ) {
        self.decision = decision
        self.agency = agency
        self.official = official
        self.effect = effect
        self.ground = ground
        self.basis = basis
        self.on = on
        self.by = by
    }

    /// The day found.
    public var effectiveDate: LocalDate { on }
    /// The official, then the agency.
    public var subjects: [SubjectID] { [official, agency] }

    /// Refuses an unknown official or decision, a decision of another agency, a day before the decision, a ground
    /// without its text or its basis, or a second ground for the same official and decision.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "official")
        try context.requireDecision(decision, of: agency, onOrBefore: on)
        try context.requireOfficialText(ground, "the ground")
        try context.requireOfficialText(by, "the body that found the ground")
        guard !basis.isEmpty, basis.allSatisfy({ !$0.document.isBlank }) else {
            throw CreditKitError(.invalidEvent, "a ground is recorded with the provisions that provide it")
        }
        guard
            !context.fileFacts(of: official).contains(where: {
                $0.kind == .accountabilityGround && $0.refers == decision
            })
        else {
            throw CreditKitError(.duplicate, "a ground is recorded already for \(official) and decision \(decision)")
        }
    }

    /// The fact as the official's file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(
            kind: .accountabilityGround, sequence: sequence, recordedAt: recordedAt, on: on, text: ground)
        fact.refers = decision
        fact.groundEffect = effect
        fact.basis = basis.map(\.description).joined(separator: "；")
        return fact
    }
}

/// An official's appeal against an accountability decision (对问责决定提出申诉): `core.accountability.appeal-filed`.
/// The New Barag Left Banner system (art. 16) lets the official appeal under the Civil Servant Law and the Law on
/// Administrative Discipline of Public Employees.
public struct AccountabilityAppealFiled: OfficialFileEvent, Hashable {
    /// `core.accountability.appeal-filed`.
    public static let kind: EventKind = "core.accountability.appeal-filed"
    /// The accountability appealed (its entry).
    public var accountability: LedgerEntry.ID
    /// The official appealing.
    public var official: SubjectID
    /// The day filed.
    public var on: LocalDate
    /// The grounds of the appeal.
    public var grounds: String

    /// Makes the event.
    /// - Parameters:
    ///   - accountability: The accountability's entry.
    ///   - official: The official.
    ///   - on: The day filed.
    ///   - grounds: The grounds.
    public init(accountability: LedgerEntry.ID, official: SubjectID, on: LocalDate, grounds: String) {
        self.accountability = accountability
        self.official = official
        self.on = on
        self.grounds = grounds
    }

    /// The day filed.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses an appeal against an accountability that is not this official's, one filed before it, or a second
    /// appeal against it.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let facts = context.fileFacts(of: official)
        guard let applied = facts.first(where: { $0.kind == .accountability && $0.sequence == accountability }) else {
            throw CreditKitError(.invalidTransition, "entry \(accountability) is no accountability of \(official)")
        }
        guard on >= applied.on else {
            throw CreditKitError(.invalidEvent, "an appeal is filed on or after the accountability (\(applied.on))")
        }
        try context.requireOfficialText(grounds, "the appeal's grounds")
        guard !facts.contains(where: { $0.kind == .appealFiled && $0.refers == accountability }) else {
            throw CreditKitError(.duplicate, "accountability \(accountability) is appealed already")
        }
    }

    /// The fact as the official's file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(
            kind: .appealFiled, sequence: sequence, recordedAt: recordedAt, on: on, text: grounds)
        fact.refers = accountability
        return fact
    }
}

/// The decision on an official's appeal against accountability (申诉处理决定): `core.accountability.appeal-decided`.
/// Upheld, the accountability stands; changed, the new form replaces it from this day; revoked, its effects (the bar on
/// appointment, the grade's deduction) end on this day — not before.
public struct AccountabilityAppealDecided: OfficialFileEvent, Hashable {
    /// `core.accountability.appeal-decided`.
    public static let kind: EventKind = "core.accountability.appeal-decided"
    /// The appeal (its entry).
    public var appeal: LedgerEntry.ID
    /// The official.
    public var official: SubjectID
    /// The outcome.
    public var outcome: AppealOutcome
    /// The form that replaces the accountability's, for a change.
    public var newForm: AccountabilityForm?
    /// The day decided.
    public var on: LocalDate
    /// The body that decided.
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - appeal: The appeal's entry.
    ///   - official: The official.
    ///   - outcome: The outcome.
    ///   - newForm: The replacing form, for a change.
    ///   - on: The day decided.
    ///   - by: The deciding body.
    public init(
        appeal: LedgerEntry.ID, official: SubjectID, outcome: AppealOutcome, newForm: AccountabilityForm? = nil,
        on: LocalDate, by: String
    ) {
        self.appeal = appeal
        self.official = official
        self.outcome = outcome
        self.newForm = newForm
        self.on = on
        self.by = by
    }

    /// The day decided.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses a decision on no appeal of this official, a second decision, a day before the filing, a change without
    /// another form, or a form on an outcome that is not a change.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let facts = context.fileFacts(of: official)
        guard let filed = facts.first(where: { $0.kind == .appealFiled && $0.sequence == appeal }),
            let applied = facts.first(where: { $0.kind == .accountability && $0.sequence == filed.refers })
        else {
            throw CreditKitError(.invalidTransition, "entry \(appeal) is no appeal of \(official)")
        }
        guard !facts.contains(where: { $0.kind == .appealDecided && $0.refers == appeal }) else {
            throw CreditKitError(.invalidTransition, "appeal \(appeal) is decided already")
        }
        guard on >= filed.on else {
            throw CreditKitError(.invalidEvent, "an appeal is decided on or after it is filed (\(filed.on))")
        }
        try context.requireOfficialText(by, "the body deciding the appeal")
        switch outcome {
        case .changed:
            guard let newForm, newForm != applied.accountability else {
                throw CreditKitError(
                    .invalidEvent,
                    "a change names the form that replaces \(applied.accountability.map(\.chineseName) ?? "")")
            }
        case .upheld, .revoked:
            guard newForm == nil else {
                throw CreditKitError(.invalidEvent, "only a change names a new form")
            }
        }
    }

    /// The fact as the official's file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .appealDecided, sequence: sequence, recordedAt: recordedAt, on: on, text: by)
        fact.refers = appeal
        fact.appeal = outcome
        fact.accountability = newForm
        return fact
    }
}

extension ValidationContext {
    /// Requires a major decision of the agency, entered before, made on or before a day.
    func requireDecision(_ decision: LedgerEntry.ID, of agency: SubjectID, onOrBefore day: LocalDate) throws {
        guard decision.rawValue < sequence, let made = try lookupEvent(decision.rawValue) as? MajorDecisionMade else {
            throw CreditKitError(.invalidEvent, "there is no major decision \(decision)")
        }
        guard made.agency == agency else {
            throw CreditKitError(.invalidEvent, "decision \(decision) is not \(agency)'s")
        }
        guard day >= made.decidedOn else {
            throw CreditKitError(
                .invalidEvent, "this is recorded on or after the decision (\(made.decidedOn)), not \(day)")
        }
    }
}

/// An accountability as it stands on a day, after any appeal decided by then.
struct StandingAccountability {
    /// The accountability's fact.
    var fact: OfficialFileFact
    /// The form in force: the original, or the one a change put in its place.
    var form: AccountabilityForm
    /// The appeal's decision that changed it, if any.
    var changedBy: OfficialFileFact?
}

extension [OfficialFileFact] {
    /// The accountabilities that stand on a day: a revoked one is gone from its appeal's day, a changed one carries
    /// its new form from that day; each with its effect still counted from its own day.
    func standingAccountabilities() -> (
        standing: [StandingAccountability], revoked: [(OfficialFileFact, OfficialFileFact)]
    ) {
        var standing: [StandingAccountability] = []
        var revoked: [(OfficialFileFact, OfficialFileFact)] = []
        for fact in self where fact.kind == .accountability {
            guard let form = fact.accountability else { continue }
            let appeal = first { $0.kind == .appealFiled && $0.refers == fact.sequence }
            let decided = appeal.flatMap { a in first { $0.kind == .appealDecided && $0.refers == a.sequence } }
            switch decided?.appeal {
            case .revoked?: revoked.append((fact, decided!))
            case .changed?:
                standing.append(
                    StandingAccountability(fact: fact, form: decided?.accountability ?? form, changedBy: decided))
            case .upheld?, nil: standing.append(StandingAccountability(fact: fact, form: form, changedBy: nil))
            }
        }
        return (standing, revoked)
    }
}
