/// A sector's desk on the kit (领域入口): `kit.procurement`, `kit.bidding`, and the same for every sector. It records
/// the sector's facts in one batch (validated first, nothing written on refusal), reads its cases back as of a day,
/// and runs the sector's rules alone.
public struct SectorDesk<State: CaseState>: Sendable {
    /// The kit.
    public let kit: CreditKit
    /// The sector's module id.
    public let sector: SectorID

    /// Makes a desk; a module gives its own as a property of the kit.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - sector: The module's id.
    public init(kit: CreditKit, sector: SectorID) {
        self.kit = kit
        self.sector = sector
    }

    /// The registered module.
    /// - Returns: The module.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when the kit was made without it.
    public func module() throws -> any SectorModule {
        guard let module = kit.modules.first(where: { $0.id == sector }) else {
            throw CreditKitError(
                .invalidArgument, "the kit has no \(sector) module registered; add it to CreditKit(modules:)")
        }
        return module
    }

    /// Records facts of the sector's cases in one batch: all of them, or, when one is refused, none.
    /// - Parameter facts: The facts, made with ``CaseRef/on(_:_:)``.
    /// - Returns: The entries written.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` without the module; the ledger's refusal, naming the fact
    ///   and what is wrong with it.
    @discardableResult
    public func record(_ facts: [any AnyCaseEvent<State>]) async throws -> [LedgerEntry] {
        _ = try module()
        return try await kit.append(facts)
    }

    /// The sector's cases as the ledger knew them.
    /// - Parameters:
    ///   - owner: One owner, or `nil` for every owner.
    ///   - asOf: Facts effective after this day are left out.
    ///   - knownAt: Facts recorded after this time are left out.
    /// - Returns: The cases.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` without the module; storage and decoding errors.
    public func cases(owner: SubjectID? = nil, asOf: LocalDate, knownAt: Timestamp = .distantFuture) throws -> [State] {
        _ = try module()
        return try kit.ledger.cases(State.self, view: kit.view, owner: owner, asOf: asOf, knownAt: knownAt)
    }

    /// The sector's rules alone, as of a day: the findings not yet confirmed or dismissed.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` without the module; storage errors; a figure the profile
    ///   lacks.
    public func findings(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let module = try module()
        let now = kit.ledger.clock.now()
        let view = kit.view
        let context = CheckContext(kit: kit, view: view, asOf: asOf ?? now.chinaDate, knownAt: knownAt ?? now)
        return try kit.findings(of: module, in: context).filter { view.findingDecision($0.key) == nil }
    }
}
