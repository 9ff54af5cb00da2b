/// Where a complaint came in (投诉举报渠道).
public enum ComplaintChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// The 12345 government service hotline (政务服务便民热线).
    case hotline12345
    /// The 12328 transport service hotline (交通运输服务监督电话).
    case hotline12328
    /// The 12346 hotline.
    case hotline12346
    /// The credit website (信用网站).
    case creditWebsite
    /// A letter or visit (信访).
    case letter

    /// The channel's Chinese name.
    public var chineseName: String {
        switch self {
        case .hotline12345: "12345热线"
        case .hotline12328: "12328热线"
        case .hotline12346: "12346热线"
        case .creditWebsite: "信用网站"
        case .letter: "来信来访"
        }
    }
}

/// A complaint and what became of it (投诉举报).
public struct ComplaintState: Hashable, Sendable, Codable {
    /// A complaint's identifier (投诉编号): the sequence number of its receipt.
    public typealias ID = Tagged<ComplaintState, Int64>
    /// The complaint's ID: its entry.
    public var id: ID
    /// Whom it is against.
    public var against: SubjectID
    /// The channel.
    public var channel: ComplaintChannel
    /// The day it was received.
    public var receivedOn: LocalDate
    /// When the ledger learned of it.
    public var recordedAt: Timestamp
    /// The office handling it.
    public var handler: SubjectID?
    /// What it says.
    public var summary: String
    /// The outcome, once decided: the record it entered when verified, or `nil` when rejected.
    public var outcome: RecordLifecycle.Step<CreditRecord.ID?>?
    /// Why it was rejected.
    public var rejection: String?

    init(_ e: ComplaintReceived, sequence: Int64, recordedAt: Timestamp) {
        self.id = ID(sequence)
        self.against = e.against
        self.channel = e.channel
        self.receivedOn = e.on
        self.recordedAt = recordedAt
        self.handler = e.handler
        self.summary = e.summary
    }

    mutating func decide(_ e: ComplaintDecided, sequence: Int64, recordedAt: Timestamp) {
        outcome = .init(value: e.record, on: e.on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
        rejection = e.rejection
    }

    /// Whether it was still open on a day, as known then.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: `true` when received and not yet decided.
    public func isOpen(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> Bool {
        receivedOn <= date && recordedAt <= knownAt && (outcome.map { $0.on > date || $0.recordedAt > knownAt } ?? true)
    }
}

/// A complaint was received (受理投诉举报): `core.complaint.received`. The entry's sequence is its ID.
public struct ComplaintReceived: LedgerEvent, Hashable {
    /// `core.complaint.received`.
    public static let kind: EventKind = "core.complaint.received"
    /// Whom it is against.
    public var against: SubjectID
    /// The channel.
    public var channel: ComplaintChannel
    /// The day it was received.
    public var on: LocalDate
    /// The office handling it.
    public var handler: SubjectID?
    /// What it says (no complainant's personal data).
    public var summary: String

    /// Makes the event.
    /// - Parameters:
    ///   - against: Whom it is against.
    ///   - channel: The channel.
    ///   - on: The day it was received.
    ///   - handler: The office handling it.
    ///   - summary: What it says.
    public init(against: SubjectID, channel: ComplaintChannel, on: LocalDate, handler: SubjectID?, summary: String) {
        self.against = against
        self.channel = channel
        self.on = on
        self.handler = handler
        self.summary = summary
    }

    /// The day it was received.
    public var effectiveDate: LocalDate { on }
    /// The subject complained about, then the handler.
    public var subjects: [SubjectID] { [against] + (handler.map { [$0] } ?? []) }

    /// Refuses a complaint against an unknown subject, an unknown handler, or an empty summary.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(against, kind: nil, role: "subject complained about")
        if let handler { try context.requireSubject(handler, kind: .agency, role: "handling office") }
        guard !summary.isBlank else { throw CreditKitError(.invalidEvent, "a complaint states what it is about") }
    }
}

/// A complaint was decided (投诉举报办结): `core.complaint.decided`. A verified complaint names the record it
/// entered (basis ``RecordBasis/verifiedComplaint``, entered before this event, usually in the same batch).
public struct ComplaintDecided: LedgerEvent, Hashable {
    /// `core.complaint.decided`.
    public static let kind: EventKind = "core.complaint.decided"
    /// The complaint.
    public var complaint: ComplaintState.ID
    /// The day of the decision.
    public var on: LocalDate
    /// The record entered when verified; `nil` when rejected.
    public var record: CreditRecord.ID?
    /// Why it was rejected, when it was.
    public var rejection: String?

    /// Makes the event.
    /// - Parameters:
    ///   - complaint: The complaint.
    ///   - on: The day of the decision.
    ///   - record: The record entered when verified.
    ///   - rejection: Why it was rejected.
    public init(complaint: ComplaintState.ID, on: LocalDate, record: CreditRecord.ID?, rejection: String?) {
        self.complaint = complaint
        self.on = on
        self.record = record
        self.rejection = rejection
    }

    /// The day of the decision.
    public var effectiveDate: LocalDate { on }
    /// None; the complaint's own entry carries the subjects.
    public var subjects: [SubjectID] { [] }

    /// Refuses a decision on an unknown or decided complaint, before receipt, a verification whose record is not
    /// about the subject complained about or not on the verified-complaint basis, or a rejection without a reason.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        guard let state = context.complaint(complaint) else { throw refuse("there is no complaint \(complaint)") }
        guard state.outcome == nil else { throw refuse("complaint \(complaint) was already decided") }
        guard on >= state.receivedOn else {
            throw refuse("complaint \(complaint) cannot be decided before it was received")
        }
        if let record {
            let r = try context.record(record)
            guard r.subject == state.against, r.basis == .verifiedComplaint else {
                throw refuse("record \(record) is not a verified-complaint record about \(state.against)")
            }
            guard rejection == nil else { throw CreditKitError(.invalidEvent, "a verified complaint has no rejection") }
        } else {
            guard !(rejection?.isBlank ?? true) else {
                throw CreditKitError(.invalidEvent, "a rejected complaint states why")
            }
        }
    }
}
