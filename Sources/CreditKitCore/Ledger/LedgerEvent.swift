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
    /// Whose act the event records (填报主体), which decides who may append it (``AccessPolicy``); the credit
    /// office's by default.
    static var authorship: Authorship { get }
    /// Whether the event is within a reporting unit's own scope: by default, when it names the unit among its
    /// subjects. A record is the deciding unit's (its authority's credit code).
    /// - Parameters:
    ///   - unit: The reporting unit.
    ///   - context: The ledger before the event.
    /// - Returns: Whether the unit may report it.
    /// - Throws: When what the scope rests on cannot be read (an unknown record, a storage fault): an error, never a
    ///   refusal.
    func isWithinScope(of unit: SubjectID, in context: ValidationContext) throws -> Bool
}

extension LedgerEvent {
    /// Version 1.
    public static var version: Int { 1 }
    /// Not a case fact.
    public var caseFact: (any AnyCaseEvent)? { nil }
    /// No checks beyond decoding.
    /// - Parameter context: Unused.
    public func validate(in context: ValidationContext) throws {}
    /// The credit office's.
    public static var authorship: Authorship { .creditOffice }
    /// When the event names the unit among its subjects.
    /// - Parameters:
    ///   - unit: The reporting unit.
    ///   - context: Unused.
    /// - Returns: Whether the unit is among the subjects.
    public func isWithinScope(of unit: SubjectID, in context: ValidationContext) throws -> Bool {
        subjects.contains(unit)
    }
}

/// The stable kind string of an event, for example `core.record.entered`.
public typealias EventKind = Tagged<EventKindTag, String>

/// The tag of ``EventKind``.
public enum EventKindTag {}
