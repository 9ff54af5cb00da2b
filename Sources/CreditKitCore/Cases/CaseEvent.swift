import Foundation

/// A fact about a case as the ledger records it (案件事件): the case number, the owner, the day, and the facts.
///
/// The stored payload is one flat object: the case number under the sector's ``CaseState/caseKey``, the owner under
/// its ``CaseState/ownerKey``, the day under `on`, then the facts' own fields. Read the facts' fields directly on
/// the event (`event.amount`).
@dynamicMemberLookup
public struct CaseEvent<Facts: CaseFacts>: LedgerEvent, Hashable {
    /// The facts' kind.
    public static var kind: EventKind { Facts.kind }
    /// The facts' version.
    public static var version: Int { Facts.version }

    /// The case number.
    public var caseID: CaseID
    /// The owner.
    public var owner: SubjectID
    /// When the fact holds.
    public var on: LocalDate
    /// What happened.
    public var facts: Facts

    /// Makes the event.
    /// - Parameters:
    ///   - facts: What happened.
    ///   - case: The case number.
    ///   - owner: The owner.
    ///   - on: When it holds.
    public init(_ facts: Facts, case: CaseID, owner: SubjectID, on: LocalDate) {
        self.caseID = `case`
        self.owner = owner
        self.on = on
        self.facts = facts
    }

    /// A field of the facts.
    /// - Parameter field: The field.
    public subscript<Value>(dynamicMember field: KeyPath<Facts, Value>) -> Value { facts[keyPath: field] }

    /// The case this fact belongs to.
    public var caseRef: CaseRef<Facts.State> { CaseRef(caseID, owner: owner) }

    /// The day.
    public var effectiveDate: LocalDate { on }

    /// The facts' authorship.
    public static var authorship: Authorship { Facts.authorship }

    /// Within the scope of the case's owner.
    /// - Parameters:
    ///   - unit: The reporting unit.
    ///   - context: Unused.
    /// - Returns: Whether the unit owns the case.
    public func isWithinScope(of unit: SubjectID, in context: ValidationContext) throws -> Bool { owner == unit }

    /// The owner, then the facts' parties.
    public var subjects: [SubjectID] {
        var out = [owner]
        for party in facts.parties where !out.contains(party) { out.append(party) }
        return out
    }

    /// Refuses an unregistered owner (or one of another kind), a blank case number or a negative amount, then
    /// whatever the facts refuse.
    /// - Parameter context: The ledger before this event.
    /// - Throws: ``CreditKitError/Code/unknownSubject`` or ``CreditKitError/Code/invalidEvent``.
    public func validate(in context: ValidationContext) throws {
        typealias S = Facts.State
        try context.requireSubject(owner, kind: S.ownerKind, role: S.ownerKey)
        guard !caseID.rawValue.allSatisfy(\.isWhitespace) else {
            throw CreditKitError(.invalidEvent, "a \(S.sector) fact names its \(S.caseKey) number")
        }
        // One spelling per number: the composed form (NFC), so two byte forms of one text never make two cases
        // (ASCII, the usual case, is composed already).
        let number = caseID.rawValue
        guard
            number.utf8.allSatisfy({ $0 < 0x80 })
                || number.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(number.unicodeScalars),
            !number.hasControlCharacters
        else {
            throw CreditKitError(
                .invalidEvent,
                "\(S.caseKey) number '\(caseID.rawValue)' has control characters or is not in composed form (NFC)")
        }
        for case let amount? in facts.amounts where amount < 0 {
            throw CreditKitError(.invalidEvent, "\(S.caseKey) \(caseID): the amount \(amount) is negative")
        }
        for party in facts.counterparties {
            do {
                try party.validate()
            } catch let error as CreditKitError {
                throw CreditKitError(error.code, "\(S.caseKey) \(caseID): " + error.message, context: error.context)
            }
        }
        if Facts.opensCase {
            try context.requireNewCase(caseIndexKey, described: "\(S.caseKey) \(caseID) of \(owner)")
        } else {
            try context.requireOpenedCase(caseIndexKey, on: on, described: "\(S.caseKey) \(caseID) of \(owner)")
        }
        try facts.validate(stamp(sequence: context.sequence), in: context)
    }

    /// For a fact that opens its case: its kind, a zero byte, then ``casePrefix``, which every earlier opening of
    /// the same case begins with.
    public var openingKey: [UInt8]? {
        guard Facts.opensCase else { return nil }
        return Array(Self.kind.rawValue.utf8) + [0] + casePrefix
    }

    /// Whether this kind of fact opens its case.
    public static var opensCase: Bool { Facts.opensCase }

    /// The start of the canonical payload every fact of this case shares: the case number and the owner.
    public var casePrefix: [UInt8] { Facts.State.casePrefix(caseID, owner: owner) }

    /// The case's key in the view's case index: the sector, a zero byte, then ``casePrefix``.
    public var caseIndexKey: [UInt8] { Facts.State.caseIndexKey(caseID, owner: owner) }

    func stamp(sequence: Int64) -> CaseStamp<Facts.State> {
        CaseStamp(id: caseID, owner: owner, on: on, entry: LedgerEntry.ID(sequence))
    }
}

extension CaseEvent: Codable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads the flat payload.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error naming the missing or wrong field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        caseID = try container.decode(CaseID.self, forKey: Key(Facts.State.caseKey))
        owner = try container.decode(SubjectID.self, forKey: Key(Facts.State.ownerKey))
        if let legacy = Facts.legacyDayKeys.first(where: { container.contains(Key($0)) }),
            !container.contains(Key("on"))
        {
            on = try container.decode(LocalDate.self, forKey: Key(legacy))
        } else {
            on = try container.decode(LocalDate.self, forKey: Key("on"))
        }
        facts = try Facts(from: decoder)
    }

    /// Writes the flat payload: case number, owner, day, then the facts' fields.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(caseID, forKey: Key(Facts.State.caseKey))
        try container.encode(owner, forKey: Key(Facts.State.ownerKey))
        try container.encode(on, forKey: Key("on"))
        try facts.encode(to: encoder)
    }
}

/// A case event of any facts, for folds and other code that reads a sector's events without knowing each type.
public protocol AnyCaseEvent<State>: LedgerEvent {
    /// The case.
    associatedtype State: CaseState
    /// The case number.
    var caseID: CaseID { get }
    /// The owner.
    var owner: SubjectID { get }
    /// For a fact that opens its case, the key every opening of the same case shares; `nil` otherwise.
    var openingKey: [UInt8]? { get }
    /// The start of the canonical payload every fact of the case shares.
    var casePrefix: [UInt8] { get }
    /// The case's key in the view's case index: the sector, a zero byte, then the payload's start.
    var caseIndexKey: [UInt8] { get }
    /// Whether this kind of fact opens its case.
    static var opensCase: Bool { get }
    /// The kind of case the fact belongs to, so a fold can pass over other kinds without a cast.
    static var caseStateType: any CaseState.Type { get }
    /// Adds the fact to its case.
    /// - Parameters:
    ///   - state: The case so far.
    ///   - sequence: The fact's ledger entry.
    func apply(to state: inout State, sequence: Int64)
}

extension CaseEvent: AnyCaseEvent {
    /// The fact itself.
    public var caseFact: (any AnyCaseEvent)? { self }

    /// The facts' case.
    public static var caseStateType: any CaseState.Type { Facts.State.self }

    /// Adds the fact to its case.
    /// - Parameters:
    ///   - state: The case so far.
    ///   - sequence: The fact's ledger entry.
    public func apply(to state: inout Facts.State, sequence: Int64) {
        facts.apply(to: &state, stamp(sequence: sequence))
    }
}

extension CaseFacts {
    /// The ledger event type of these facts, for a module's list of event types.
    public static var eventType: any LedgerEvent.Type { CaseEvent<Self>.self }
}
