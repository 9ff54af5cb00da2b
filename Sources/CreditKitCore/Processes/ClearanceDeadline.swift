import Foundation

/// The deadline set for a government body listed as a judgment defaulter to clear its listing (限期清零), in the
/// campaign against government dishonesty (政务失信专项治理): `core.record.clearance-deadline`.
public struct ClearanceDeadlineSet: RecordLifecycleEvent, Hashable {
    /// `core.record.clearance-deadline`.
    public static let kind: EventKind = "core.record.clearance-deadline"
    /// The listing's record.
    public var record: CreditRecord.ID
    /// The last day to clear it.
    public var deadline: LocalDate
    /// The day it was set.
    public var on: LocalDate
    /// Who set it (the campaign's leading office).
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - record: The listing's record.
    ///   - deadline: The last day to clear it.
    ///   - on: The day it was set.
    ///   - by: Who set it.
    public init(record: CreditRecord.ID, deadline: LocalDate, on: LocalDate, by: String) {
        self.record = record
        self.deadline = deadline
        self.on = on
        self.by = by
    }

    /// The day set.
    public var effectiveDate: LocalDate { on }
    /// None beyond the record.
    public var subjects: [SubjectID] { [] }

    /// Refuses a record that is not a judgment-defaulter listing of a government body, a second deadline, a day
    /// before the listing, a deadline before the day it is set, or no office.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        guard r.basis == .judgmentDefaulter, context.kind(of: r.subject) == .agency else {
            throw CreditKitError(.invalidEvent, "record \(record) is no government body's judgment-defaulter listing")
        }
        guard context.lifecycle(record).clearanceDeadline == nil else {
            throw refuse("record \(record) has its clearance deadline already")
        }
        guard on >= r.decisionDate, deadline >= on else {
            throw CreditKitError(
                .invalidEvent,
                "a deadline is set on or after the listing (\(r.decisionDate)) and falls on or after it is set")
        }
        try context.requireOfficialText(by, "the office that set the deadline")
    }

    /// Sets the deadline.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.clearanceDeadline = .init(
            value: deadline, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
    }
}
