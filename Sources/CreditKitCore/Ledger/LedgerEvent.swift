/// A fact the ledger records (账本事件): a subject registered, a record entered, a payment made.
///
/// Conform a `Codable` struct, give it a stable ``kind`` (`"core.record.entered"`, `"procurement.payment.made"`)
/// and say which date it takes effect and which subjects it concerns. Its canonical bytes are what the hash chain
/// covers, so use only types with a canonical form (see ``CanonicalEncoder``): strings, integers, booleans,
/// `Decimal`, ``LocalDate``, arrays, and structs and enums of those.
///
/// `validate(in:)` runs before anything is written; throw a ``CreditKitError`` saying what is wrong, and the whole
/// batch is refused.
public protocol LedgerEvent: Codable, Sendable {
    /// The stable kind string; never reuse or rename one that has been stored.
    static var kind: EventKind { get }
    /// The payload's version, raised when its shape changes; 1 by default.
    static var version: Int { get }
    /// When the fact holds in the world: the decision, signing or payment date.
    var effectiveDate: LocalDate { get }
    /// The subjects the fact concerns, the first being the principal one; the ledger indexes entries by them.
    var subjects: [SubjectID] { get }
    /// Checks the event against what the ledger already holds and what came earlier in the same batch.
    /// - Parameter context: The view of the ledger as it will be just before this event.
    /// - Throws: A ``CreditKitError`` saying what is wrong.
    func validate(in context: ValidationContext) throws
    /// The event as a fact about a case, when it is one: how validation keeps a batch's case facts without a
    /// dynamic cast per event.
    var caseFact: (any AnyCaseEvent)? { get }
}

extension LedgerEvent {
    /// Version 1.
    public static var version: Int { 1 }
    /// Not a case fact.
    public var caseFact: (any AnyCaseEvent)? { nil }
    /// No checks beyond decoding.
    /// - Parameter context: Unused.
    public func validate(in context: ValidationContext) throws {}
}

/// The stable kind string of an event, for example `core.record.entered`.
public typealias EventKind = Tagged<EventKindTag, String>

/// The tag of ``EventKind``.
public enum EventKindTag {}
