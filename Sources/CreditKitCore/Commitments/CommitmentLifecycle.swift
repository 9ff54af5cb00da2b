import Foundation

/// What became of a commitment (承诺履行情况): publication, fulfilment, breach, lawful or unlawful change,
/// withdrawal, each dated and with the time the ledger learned it.
public struct CommitmentLifecycle: Hashable, Sendable, Codable {
    /// The commitment.
    public var commitment: Commitment.ID
    /// The publication.
    public var published: RecordLifecycle.Step<String>?
    /// How it ended, once it did.
    public var outcome: RecordLifecycle.Step<CommitmentOutcome>?
    /// Changes, in order (a lawful change keeps the commitment open with new terms).
    public var changes: [RecordLifecycle.Step<CommitmentChange>] = []

    /// Makes an empty lifecycle.
    /// - Parameter commitment: The commitment.
    public init(commitment: Commitment.ID) { self.commitment = commitment }

    /// The due date in force on a day: the original, or the last lawful change's.
    /// - Parameters:
    ///   - original: The commitment's own due date.
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The due date.
    public func dueDate(original: LocalDate?, asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> LocalDate? {
        changes.last { $0.on <= date && $0.recordedAt <= knownAt && $0.value.reason.isLawful }?.value.newDueDate
            ?? original
    }

    /// The outcome by a day, if any.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The outcome and its day.
    public func outcome(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> RecordLifecycle.Step<
        CommitmentOutcome
    >? {
        guard let o = outcome, o.on <= date, o.recordedAt <= knownAt else { return nil }
        return o
    }
}

/// How a commitment ended.
public enum CommitmentOutcome: Hashable, Sendable, Codable {
    /// Fulfilled (履约).
    case fulfilled
    /// Breached (违约), with the reason the promisor gave.
    case breached(BreachOrChangeReason, String)
    /// Withdrawn before it fell due, for a reason (撤回).
    case withdrawn(String)
}

/// A change of a commitment (承诺变更).
public struct CommitmentChange: Hashable, Sendable, Codable {
    /// The reason given.
    public var reason: BreachOrChangeReason
    /// The authority that approved it (有权机关).
    public var approvingAuthority: String
    /// The document of the legal procedure (法定程序文书).
    public var procedureDocument: String
    /// The compensation paid for the lawful losses it causes, in yuan (依法补偿).
    public var compensation: Decimal
    /// The new terms.
    public var newTerms: String
    /// The new due date.
    public var newDueDate: LocalDate?

    /// Makes a change.
    /// - Parameters:
    ///   - reason: The reason given.
    ///   - approvingAuthority: The approving authority.
    ///   - procedureDocument: The procedure document.
    ///   - compensation: The compensation paid, in yuan.
    ///   - newTerms: The new terms.
    ///   - newDueDate: The new due date.
    public init(
        reason: BreachOrChangeReason, approvingAuthority: String, procedureDocument: String, compensation: Decimal,
        newTerms: String, newDueDate: LocalDate?
    ) {
        self.reason = reason
        self.approvingAuthority = approvingAuthority
        self.procedureDocument = procedureDocument
        self.compensation = compensation
        self.newTerms = newTerms
        self.newDueDate = newDueDate
    }
}

/// Why a commitment was changed or broken.
public enum BreachOrChangeReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// National interest (国家利益).
    case nationalInterest
    /// Public interest (社会公共利益).
    case publicInterest
    /// Another statutory reason (其他法定事由).
    case otherStatutoryReason
    /// A change of leadership (领导人员更替): never lawful (新官要理旧账).
    case leadershipChange
    /// A change of government term (政府换届): never lawful.
    case governmentTermChange
    /// A change of administrative division (行政区划调整): never lawful (优化营商环境条例 art. 31).
    case administrativeDivisionChange
    /// A change of institutions (机构变更): never lawful (优化营商环境条例 art. 31).
    case institutionChange
    /// The other party did not keep its own obligations first (相对人违约): a lawful reason to withhold.
    case counterpartyDefault
    /// Lack of funds or another reason the law does not recognise.
    case other

    /// Whether the law recognises the reason for a change.
    public var isLawful: Bool {
        [.nationalInterest, .publicInterest, .otherStatutoryReason, .counterpartyDefault].contains(self)
    }

    /// The reason's Chinese name.
    public var chineseName: String {
        switch self {
        case .nationalInterest: "国家利益需要"
        case .publicInterest: "社会公共利益需要"
        case .otherStatutoryReason: "其他法定事由"
        case .leadershipChange: "领导人员更替"
        case .governmentTermChange: "政府换届"
        case .administrativeDivisionChange: "行政区划调整"
        case .institutionChange: "机构变更"
        case .counterpartyDefault: "相对人违约"
        case .other: "其他理由"
        }
    }
}

/// An event that moves a commitment through its lifecycle.
public protocol CommitmentLifecycleEvent: LedgerEvent {
    /// The commitment.
    var commitment: Commitment.ID { get }
    /// Updates the commitment's lifecycle.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When the ledger learned it.
    func apply(to lifecycle: inout CommitmentLifecycle, sequence: Int64, recordedAt: Timestamp)
}

extension CommitmentLifecycleEvent {
    /// Within the scope of the commitment's promisor.
    /// - Parameters:
    ///   - unit: The reporting unit.
    ///   - context: The ledger before the event.
    /// - Returns: Whether the unit made the commitment.
    public func isWithinScope(of unit: SubjectID, in context: ValidationContext) throws -> Bool {
        // An unknown commitment, or a store that cannot be read, is an error, never "out of scope".
        try context.commitment(commitment).promisor == unit
    }
}

/// A commitment was published (承诺公开): `core.commitment.published`.
public struct CommitmentPublished: CommitmentLifecycleEvent, Hashable {
    /// `core.commitment.published`.
    public static let kind: EventKind = "core.commitment.published"
    /// The promisor's own report.
    public static var authorship: Authorship { .reportingUnit }
    /// The commitment.
    public var commitment: Commitment.ID
    /// The day.
    public var on: LocalDate
    /// Where.
    public var channel: String

    /// Makes the event.
    /// - Parameters:
    ///   - commitment: The commitment.
    ///   - on: The day.
    ///   - channel: Where.
    public init(commitment: Commitment.ID, on: LocalDate, channel: String) {
        self.commitment = commitment
        self.on = on
        self.channel = channel
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// None beyond the commitment.
    public var subjects: [SubjectID] { [] }

    /// Refuses an unknown commitment, a second publication, or one before it was made.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let c = try context.commitment(commitment)
        guard context.commitmentLifecycle(commitment).published == nil else {
            throw refuse("commitment \(commitment) is already published")
        }
        guard on >= c.madeOn else {
            throw refuse("commitment \(commitment) cannot be published before it was made (\(c.madeOn))")
        }
    }

    /// Sets the publication.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout CommitmentLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.published = .init(value: channel, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
    }
}

/// A commitment ended: fulfilled, breached or withdrawn (承诺履行结果): `core.commitment.ended`.
public struct CommitmentEnded: CommitmentLifecycleEvent, Hashable {
    /// `core.commitment.ended`.
    public static let kind: EventKind = "core.commitment.ended"
    /// The promisor's own report (a breach found against it is a finding, confirmed by the office).
    public static var authorship: Authorship { .reportingUnit }
    /// The commitment.
    public var commitment: Commitment.ID
    /// The day.
    public var on: LocalDate
    /// The outcome.
    public var outcome: CommitmentOutcome

    /// Makes the event.
    /// - Parameters:
    ///   - commitment: The commitment.
    ///   - on: The day.
    ///   - outcome: The outcome.
    public init(commitment: Commitment.ID, on: LocalDate, outcome: CommitmentOutcome) {
        self.commitment = commitment
        self.on = on
        self.outcome = outcome
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// None beyond the commitment.
    public var subjects: [SubjectID] { [] }

    /// Refuses an unknown or already ended commitment, a day before it was made, or a breach or withdrawal without
    /// a reason.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let c = try context.commitment(commitment)
        guard context.commitmentLifecycle(commitment).outcome == nil else {
            throw refuse("commitment \(commitment) has already ended")
        }
        guard on >= c.madeOn else {
            throw refuse("commitment \(commitment) cannot end before it was made (\(c.madeOn))")
        }
        switch outcome {
        case .fulfilled: break
        case .breached(_, let text), .withdrawn(let text):
            guard !text.isBlank else { throw CreditKitError(.invalidEvent, "a breach or withdrawal states its reason") }
        }
    }

    /// Sets the outcome.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout CommitmentLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.outcome = .init(value: outcome, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
    }
}

/// A commitment was changed (承诺变更): `core.commitment.changed`. A change for a reason the law recognises needs
/// the approving authority, the procedure document and the compensation; a change for a change of leadership or
/// government term is recorded as the fact it is, and the commitment checks report it.
public struct CommitmentChanged: CommitmentLifecycleEvent, Hashable {
    /// `core.commitment.changed`.
    public static let kind: EventKind = "core.commitment.changed"
    /// The promisor's own report.
    public static var authorship: Authorship { .reportingUnit }
    /// The commitment.
    public var commitment: Commitment.ID
    /// The day.
    public var on: LocalDate
    /// The change.
    public var change: CommitmentChange

    /// Makes the event.
    /// - Parameters:
    ///   - commitment: The commitment.
    ///   - on: The day.
    ///   - change: The change.
    public init(commitment: Commitment.ID, on: LocalDate, change: CommitmentChange) {
        self.commitment = commitment
        self.on = on
        self.change = change
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// None beyond the commitment.
    public var subjects: [SubjectID] { [] }

    /// Refuses a change of an ended commitment, a negative compensation, new terms left empty, or a change for a
    /// lawful reason without its authority and procedure document.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let c = try context.commitment(commitment)
        guard context.commitmentLifecycle(commitment).outcome == nil else {
            throw refuse("commitment \(commitment) has already ended")
        }
        guard on >= c.madeOn else { throw refuse("commitment \(commitment) cannot change before it was made") }
        guard change.compensation >= 0 else {
            throw CreditKitError(.invalidAmount, "compensation \(change.compensation) is negative")
        }
        guard !change.newTerms.isBlank else { throw CreditKitError(.invalidEvent, "a change states the new terms") }
        if change.reason.isLawful {
            guard !change.approvingAuthority.isBlank, !change.procedureDocument.isBlank else {
                throw refuse(
                    "a change for \(change.reason.chineseName) needs the approving authority and the procedure document"
                )
            }
        }
    }

    /// Adds the change.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout CommitmentLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.changes.append(
            .init(value: change, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt))
    }
}
