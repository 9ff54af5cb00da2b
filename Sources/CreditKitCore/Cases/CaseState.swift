/// The number of a case (案件编号): a procurement project, a tender, a PPP project, an investment agreement. Unique
/// for its owner within its sector.
public typealias CaseID = Tagged<CaseIDTag, String>

/// The tag of ``CaseID``.
public enum CaseIDTag {}

/// What a case is (案件): a sector's unit of work, owned by a subject and built from dated facts.
///
/// A sector declares its case once: the state its facts fold into, and the names under which a fact stores the
/// case number and the owner. Everything a fact shares with every other fact of its sector (the case, the owner,
/// the day, the subjects it concerns, the common validation) then comes from ``CaseEvent``, and one fold
/// (``Ledger/cases(_:view:owner:asOf:knownAt:)``) reads the cases back.
///
/// Conformance test: `SectorModuleConformance` round-trips each module's sample facts through canonical bytes, a
/// reopen and this fold.
public protocol CaseState: Sendable {
    /// The sector, which starts each of its facts' kinds (`procurement` for `procurement.contract.signed`).
    static var sector: String { get }
    /// The key a fact stores the case number under, for example `project`; also how messages name the case.
    static var caseKey: String { get }
    /// The key a fact stores the owner under, for example `purchaser`; also how messages name the owner.
    static var ownerKey: String { get }
    /// What kind of subject owns a case.
    static var ownerKind: SubjectKind { get }
    /// A case with no facts yet.
    /// - Parameters:
    ///   - id: The case number.
    ///   - owner: The owner.
    init(case id: CaseID, owner: SubjectID)
    /// The case's number and owner.
    var caseRef: CaseRef<Self> { get }
}

/// A case as its facts name it (案件指引): the number and the owner, from which the facts of that case are made.
///
/// ```swift
/// let project = ProcurementProcess.project("2026-001", purchaser: bureau)
/// try await kit.append([project.on(day, PaymentMade(contract: "C1", amount: 120_000))])
/// ```
public struct CaseRef<State: CaseState>: Hashable, Sendable {
    /// The case number.
    public var id: CaseID
    /// The owner.
    public var owner: SubjectID

    /// Names a case.
    /// - Parameters:
    ///   - id: The case number.
    ///   - owner: The owner.
    public init(_ id: CaseID, owner: SubjectID) {
        self.id = id
        self.owner = owner
    }

    /// A fact of this case on a day.
    /// - Parameters:
    ///   - day: When the fact holds.
    ///   - facts: What happened.
    /// - Returns: The event to append.
    public func on<Facts: CaseFacts>(_ day: LocalDate, _ facts: Facts) -> CaseEvent<Facts>
    where Facts.State == State {
        CaseEvent(facts, case: id, owner: owner, on: day)
    }
}

extension CaseState {
    /// The start of the canonical payload every fact of a case shares: its number and its owner, then a comma.
    static func casePrefix(_ id: CaseID, owner: SubjectID) -> [UInt8] {
        var w = CanonicalWriter()
        w.openObject()
        w.key(string: caseKey)
        w.string(id.rawValue)
        w.key(string: ownerKey)
        w.string(owner.rawValue)
        return w.bytes + [UInt8(ascii: ",")]
    }

    /// A case's key in the view's case index: the sector, a zero byte, then ``casePrefix(_:owner:)``.
    static func caseIndexKey(_ id: CaseID, owner: SubjectID) -> [UInt8] {
        Array(sector.utf8) + [0] + casePrefix(id, owner: owner)
    }
}

/// Reads a case fact's index key from its stored bytes: the sector (the kind up to its first dot), a zero byte,
/// then the payload up to and including the comma after its first two values (the case number and the owner),
/// which every fact of the case begins with; `nil` for a payload of another shape.
func caseIndexKey(kind: EventKind, payload: [UInt8]) -> [UInt8]? {
    guard let dot = kind.rawValue.utf8.firstIndex(of: UInt8(ascii: ".")), payload.first == UInt8(ascii: "{") else {
        return nil
    }
    var i = 1
    // Four strings (key, value, key, value), each followed by `:` or `,`.
    for n in 0..<4 {
        guard i < payload.count, payload[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        while i < payload.count, payload[i] != UInt8(ascii: "\"") {
            i += payload[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        i += 1
        guard i < payload.count, payload[i] == (n % 2 == 0 ? UInt8(ascii: ":") : UInt8(ascii: ",")) else {
            return nil
        }
        i += 1
    }
    return Array(kind.rawValue.utf8[..<dot]) + [0] + payload[0..<i]
}

extension ValidationContext {
    /// A case as it stands just before the fact being validated (案件现状): its facts in the ledger and earlier in
    /// the batch, folded in order. A fact's `validate` reads it to refuse what its case makes impossible (a contract
    /// signed twice, a payment on a contract never signed).
    /// - Parameter stamp: The fact's stamp: its case and owner.
    /// - Returns: The case, or `nil` when no fact of it is known.
    /// - Throws: Storage and decoding errors.
    public func state<State: CaseState>(of stamp: CaseStamp<State>) throws -> State? {
        try state(of: CaseRef<State>(stamp.id, owner: stamp.owner))
    }

    /// Another case as it stands just before the fact being validated, for a fact that refers to it (a service
    /// request to the catalogue item that promises its time).
    /// - Parameter ref: The case's number and owner.
    /// - Returns: The case, or `nil` when no fact of it is known.
    /// - Throws: Storage and decoding errors.
    public func state<State: CaseState>(of ref: CaseRef<State>) throws -> State? {
        let key = State.caseIndexKey(ref.id, owner: ref.owner)
        var state: State?
        func fold(_ event: any LedgerEvent, _ sequence: Int64) {
            guard let fact = event as? any AnyCaseEvent<State> else { return }
            if state == nil { state = State(case: ref.id, owner: ref.owner) }
            fact.apply(to: &state!, sequence: sequence)
        }
        // The case's own entries, through the view's index (never the owner's whole history).
        for sequence in view.caseEntries[key] ?? [] {
            if let event = try lookupEvent(sequence) { fold(event, sequence) }
        }
        for (event, sequence) in newCaseFacts[key] ?? [] { fold(event, sequence) }
        return state
    }
}
