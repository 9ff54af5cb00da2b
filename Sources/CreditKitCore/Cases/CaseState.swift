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
}

extension ValidationContext {
    /// A case as it stands just before the fact being validated (案件现状): its facts in the ledger and earlier in
    /// the batch, folded in order. A fact's `validate` reads it to refuse what its case makes impossible (a contract
    /// signed twice, a payment on a contract never signed).
    /// - Parameter stamp: The fact's stamp: its case and owner.
    /// - Returns: The case, or `nil` when no fact of it is known.
    /// - Throws: Storage and decoding errors.
    public func state<State: CaseState>(of stamp: CaseStamp<State>) throws -> State? {
        let prefix = State.casePrefix(stamp.id, owner: stamp.owner)
        var state: State?
        func fold(_ event: any LedgerEvent, _ sequence: Int64) {
            guard let fact = event as? any AnyCaseEvent<State> else { return }
            if state == nil { state = State(case: stamp.id, owner: stamp.owner) }
            fact.apply(to: &state!, sequence: sequence)
        }
        // A case opened in this batch has nothing in the ledger (a second opening is refused).
        if newCaseDays[prefix] == nil {
            let sector = State.sector + "."
            for entry in try lookupEntries(stamp.owner)
            where entry.kind.rawValue.hasPrefix(sector) && entry.payload.starts(with: prefix) {
                fold(try decode(entry), entry.sequence)
            }
        }
        for (event, sequence) in newCaseFacts[prefix] ?? [] { fold(event, sequence) }
        return state
    }
}
