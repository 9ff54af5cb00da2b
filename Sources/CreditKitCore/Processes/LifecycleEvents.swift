/// An event that moves a record through its lifecycle; it knows how to update the record's ``RecordLifecycle``.
public protocol RecordLifecycleEvent: LedgerEvent {
    /// The record.
    var record: CreditRecord.ID { get }
    /// Updates the lifecycle with this event.
    /// - Parameters:
    ///   - lifecycle: The record's lifecycle.
    ///   - sequence: This event's entry.
    ///   - recordedAt: When the ledger learned it.
    func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp)
}

func refuse(_ message: String) -> CreditKitError { CreditKitError(.invalidTransition, message) }

/// A record's confidentiality review (保密审查): `core.record.reviewed`. Publication needs a publishable review.
public struct RecordReviewed: RecordLifecycleEvent, Hashable {
    /// `core.record.reviewed`.
    public static let kind: EventKind = "core.record.reviewed"
    /// The record.
    public var record: CreditRecord.ID
    /// The day of the sign-off.
    public var on: LocalDate
    /// Who signed off (an office or a post; not a person's name).
    public var reviewer: String
    /// The outcome.
    public var outcome: ReviewOutcome

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day of the sign-off.
    ///   - reviewer: Who signed off.
    ///   - outcome: The outcome.
    public init(record: CreditRecord.ID, on: LocalDate, reviewer: String, outcome: ReviewOutcome) {
        self.record = record
        self.on = on
        self.reviewer = reviewer
        self.outcome = outcome
    }

    /// The day of the sign-off.
    public var effectiveDate: LocalDate { on }
    /// None beyond the record, which the lifecycle index keeps.
    public var subjects: [SubjectID] { [] }

    /// Refuses an unknown record, a review before the decision, or one without a reviewer.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        guard on >= r.decisionDate else {
            throw refuse("record \(record) cannot be reviewed on \(on), before its decision \(r.decisionDate)")
        }
        guard !reviewer.isBlank else {
            throw CreditKitError(.invalidEvent, "a confidentiality review names its reviewer")
        }
        guard context.lifecycle(record).publication == nil else {
            throw refuse("record \(record) is already published; a review comes before publication")
        }
    }

    /// Adds the review.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.reviews.append(
            .init(value: outcome, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt))
    }
}

/// A record was published on the credit website (公示): `core.record.published`.
public struct RecordPublished: RecordLifecycleEvent, Hashable {
    /// `core.record.published`.
    public static let kind: EventKind = "core.record.published"
    /// The record.
    public var record: CreditRecord.ID
    /// The day of publication.
    public var on: LocalDate
    /// The office that published it.
    public var office: SubjectID?
    /// Where, for example 信用中国（河北秦皇岛）.
    public var channel: String

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day of publication.
    ///   - office: The office that published it.
    ///   - channel: Where.
    public init(record: CreditRecord.ID, on: LocalDate, office: SubjectID?, channel: String) {
        self.record = record
        self.on = on
        self.office = office
        self.channel = channel
    }

    /// The day of publication.
    public var effectiveDate: LocalDate { on }
    /// The publishing office.
    public var subjects: [SubjectID] { office.map { [$0] } ?? [] }

    /// Refuses publication twice, of a revoked or good... record, before the decision, or without a publishable
    /// confidentiality review on or before the day.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        let life = context.lifecycle(record)
        guard !r.basis.isNeverPublished else {
            throw refuse(
                "record \(record) is a \(r.basis.chineseName) decision, handled inside the discipline system and never "
                    + "published as credit information")
        }
        guard life.publication == nil else { throw refuse("record \(record) is already published") }
        guard on >= r.decisionDate else {
            throw refuse("record \(record) cannot be published on \(on), before its decision \(r.decisionDate)")
        }
        guard life.revokedOn(asOf: on) == nil else {
            throw refuse("record \(record) was revoked and cannot be published")
        }
        switch life.review(asOf: on) {
        case .publishable?: break
        case .withheld(let category)?:
            throw refuse(
                "record \(record) is withheld as \(category.chineseName) (\(category.rawValue)) and is never public")
        case nil: throw refuse("record \(record) has no confidentiality review (保密审查) on or before \(on)")
        }
        if let office { try context.requireSubject(office, kind: .agency, role: "publishing office") }
    }

    /// Sets the publication.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.publication = .init(value: office, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
    }
}

/// A subject objected to a record (异议申请): `core.objection.filed`. The entry's sequence is the objection's ID.
public struct ObjectionFiled: RecordLifecycleEvent, Hashable {
    /// `core.objection.filed`.
    public static let kind: EventKind = "core.objection.filed"
    /// The record's subject's own request.
    public static var authorship: Authorship { .subject }
    /// The record.
    public var record: CreditRecord.ID
    /// The day it was filed.
    public var on: LocalDate
    /// Who objected.
    public var by: SubjectID
    /// The grounds.
    public var grounds: String

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day it was filed.
    ///   - by: Who objected.
    ///   - grounds: The grounds.
    public init(record: CreditRecord.ID, on: LocalDate, by: SubjectID, grounds: String) {
        self.record = record
        self.on = on
        self.by = by
        self.grounds = grounds
    }

    /// The filing day.
    public var effectiveDate: LocalDate { on }
    /// The objector.
    public var subjects: [SubjectID] { [by] }

    /// Refuses an objection against a revoked record, while another is open, before the decision, or without grounds.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        let life = context.lifecycle(record)
        try context.requireSubject(by, kind: nil, role: "objector")
        // Only the record's subject (or an official it names responsible) objects to it.
        guard by == r.subject || r.responsibleOfficials.contains(by) else {
            throw refuse("\(by) is not the subject of record \(record) nor an official it names; only they may object")
        }
        guard on >= r.decisionDate else {
            throw refuse("an objection on \(on) precedes record \(record)'s decision \(r.decisionDate)")
        }
        guard life.revokedOn(asOf: .distantFuture) == nil else {
            throw refuse("record \(record) was revoked; there is nothing to object to")
        }
        guard life.openObjection(asOf: .distantFuture) == nil else {
            throw refuse("record \(record) already has an open objection")
        }
        guard !grounds.isBlank else { throw CreditKitError(.invalidEvent, "an objection states its grounds") }
    }

    /// Adds the objection.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.objections.append(
            .init(id: .init(sequence), by: by, filedOn: on, filedRecordedAt: recordedAt, grounds: grounds))
    }
}

/// An objection was decided (异议处理): `core.objection.resolved`.
public struct ObjectionResolved: RecordLifecycleEvent, Hashable {
    /// `core.objection.resolved`.
    public static let kind: EventKind = "core.objection.resolved"
    /// The record.
    public var record: CreditRecord.ID
    /// The objection.
    public var objection: RecordLifecycle.Objection.ID
    /// The day of the decision.
    public var on: LocalDate
    /// The outcome.
    public var outcome: ObjectionOutcome
    /// The office that decided.
    public var office: SubjectID?
    /// The reason.
    public var reason: String
    /// The corrected facts, required when the outcome is a correction.
    public var correctedFacts: String?

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - objection: The objection.
    ///   - on: The day of the decision.
    ///   - outcome: The outcome.
    ///   - office: The office that decided.
    ///   - reason: The reason.
    ///   - correctedFacts: The corrected facts, for a correction.
    public init(
        record: CreditRecord.ID, objection: RecordLifecycle.Objection.ID, on: LocalDate, outcome: ObjectionOutcome,
        office: SubjectID?,
        reason: String, correctedFacts: String? = nil
    ) {
        self.record = record
        self.objection = objection
        self.on = on
        self.outcome = outcome
        self.office = office
        self.reason = reason
        self.correctedFacts = correctedFacts
    }

    /// The day of the decision.
    public var effectiveDate: LocalDate { on }
    /// The deciding office.
    public var subjects: [SubjectID] { office.map { [$0] } ?? [] }

    /// Refuses a decision on an objection that is not open, before its filing, or a correction without facts.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let life = context.lifecycle(record)
        guard let open = life.objections.first(where: { $0.id == objection }) else {
            throw refuse("record \(record) has no objection \(objection)")
        }
        guard open.resolution == nil else { throw refuse("objection \(objection) was already decided") }
        guard on >= open.filedOn else {
            throw refuse("objection \(objection) cannot be decided on \(on), before it was filed on \(open.filedOn)")
        }
        guard !reason.isBlank else { throw CreditKitError(.invalidEvent, "an objection decision states its reason") }
        if outcome == .corrected, correctedFacts?.isBlank ?? true {
            throw CreditKitError(.invalidEvent, "a correction states the corrected facts")
        }
        if let office { try context.requireSubject(office, kind: .agency, role: "deciding office") }
    }

    /// Records the decision.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        guard let i = lifecycle.objections.firstIndex(where: { $0.id == objection }) else { return }
        lifecycle.objections[i].resolution = .init(
            value: outcome, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
        lifecycle.objections[i].office = office
        lifecycle.objections[i].correctedFacts = correctedFacts
    }
}

/// A subject applied for credit repair (信用修复申请): `core.repair.applied`.
public struct RepairApplied: RecordLifecycleEvent, Hashable {
    /// `core.repair.applied`.
    public static let kind: EventKind = "core.repair.applied"
    /// The record's subject's own request.
    public static var authorship: Authorship { .subject }
    /// The record.
    public var record: CreditRecord.ID
    /// The day of the application.
    public var on: LocalDate
    /// Who applied.
    public var by: SubjectID
    /// Whether the conduct was corrected and the obligations performed (纠正失信行为、履行法定义务).
    public var rectified: Bool
    /// Whether a public credit commitment was signed (信用承诺).
    public var commitmentSigned: Bool

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day of the application.
    ///   - by: Who applied.
    ///   - rectified: Whether the conduct was corrected and the obligations performed.
    ///   - commitmentSigned: Whether a credit commitment was signed.
    public init(record: CreditRecord.ID, on: LocalDate, by: SubjectID, rectified: Bool, commitmentSigned: Bool) {
        self.record = record
        self.on = on
        self.by = by
        self.rectified = rectified
        self.commitmentSigned = commitmentSigned
    }

    /// The day of the application.
    public var effectiveDate: LocalDate { on }
    /// The applicant.
    public var subjects: [SubjectID] { [by] }

    /// Refuses repair of a good, revoked or repaired record, while an objection or application is open, before the
    /// minimum display period of the record's class and regime has passed, or without rectification and commitment.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        let life = context.lifecycle(record)
        try context.requireSubject(by, kind: nil, role: "applicant")
        guard r.polarity == .dishonesty, let severity = r.severity else {
            throw refuse("record \(record) is not a dishonesty record")
        }
        guard life.revokedOn(asOf: .distantFuture) == nil else {
            throw refuse("record \(record) was revoked; nothing to repair")
        }
        guard life.repairedOn(asOf: .distantFuture) == nil else {
            throw refuse("record \(record) was already repaired")
        }
        guard life.openRepair(asOf: .distantFuture) == nil else {
            throw refuse("record \(record) already has an open repair application")
        }
        guard life.openObjection(asOf: .distantFuture) == nil else {
            throw refuse("record \(record) has an open objection; decide it first")
        }
        let minimum = try context.profile.figure(
            RuleID("record.display.minimum.\(severity.rawValue)"), on: r.decisionDate)
        guard let period = minimum.figure.period else { throw refuse("the minimum display period is not a period") }
        let earliest = context.profile.calendar.deadline(period, from: r.decisionDate, restDayExtension: false).due
        guard on >= earliest else {
            throw refuse(
                "record \(record) (\(severity.rawValue), decided \(r.decisionDate)) may be repaired from \(earliest), after its minimum display period of \(minimum.figure) (\(minimum.basis.map(\.description).joined(separator: "; "))); not on \(on)"
            )
        }
        guard rectified, commitmentSigned else {
            throw refuse("repair needs the conduct corrected, the obligations performed and a credit commitment signed")
        }
    }

    /// Adds the application.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.repairs.append(.init(id: .init(sequence), appliedOn: on, appliedRecordedAt: recordedAt))
    }
}

/// A repair application was decided (信用修复决定): `core.repair.decided`.
public struct RepairDecided: RecordLifecycleEvent, Hashable {
    /// `core.repair.decided`.
    public static let kind: EventKind = "core.repair.decided"
    /// The record.
    public var record: CreditRecord.ID
    /// The application.
    public var application: RecordLifecycle.Repair.ID
    /// The day of the decision.
    public var on: LocalDate
    /// Granted or refused.
    public var granted: Bool
    /// The office that decided.
    public var office: SubjectID?
    /// The reason.
    public var reason: String

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - application: The application.
    ///   - on: The day of the decision.
    ///   - granted: Granted or refused.
    ///   - office: The office that decided.
    ///   - reason: The reason.
    public init(
        record: CreditRecord.ID, application: RecordLifecycle.Repair.ID, on: LocalDate, granted: Bool,
        office: SubjectID?, reason: String
    ) {
        self.record = record
        self.application = application
        self.on = on
        self.granted = granted
        self.office = office
        self.reason = reason
    }

    /// The day of the decision.
    public var effectiveDate: LocalDate { on }
    /// The deciding office.
    public var subjects: [SubjectID] { office.map { [$0] } ?? [] }

    /// Refuses a decision on an application that is not open or before it was filed.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let life = context.lifecycle(record)
        guard let app = life.repairs.first(where: { $0.id == application }) else {
            throw refuse("record \(record) has no repair application \(application)")
        }
        guard app.decision == nil else { throw refuse("repair application \(application) was already decided") }
        guard on >= app.appliedOn else {
            throw refuse("repair application \(application) cannot be decided before it was filed")
        }
        guard !reason.isBlank else { throw CreditKitError(.invalidEvent, "a repair decision states its reason") }
        if let office { try context.requireSubject(office, kind: .agency, role: "deciding office") }
    }

    /// Records the decision.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        guard let i = lifecycle.repairs.firstIndex(where: { $0.id == application }) else { return }
        lifecycle.repairs[i].decision = .init(
            value: granted, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
        lifecycle.repairs[i].office = office
        lifecycle.repairs[i].reason = reason
    }
}

extension LocalDate {
    /// The greatest date, for "at any time".
    public static let distantFuture = LocalDate(daysSinceEpoch: .max)
}
