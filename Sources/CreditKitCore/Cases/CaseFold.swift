import Foundation

extension Ledger {
    /// The cases of one sector as the ledger knew them (案件还原): every fact of the case's kind, effective by a day
    /// and recorded by a time, folded in ledger order.
    /// - Parameters:
    ///   - type: The case state, for example `ProcurementProcess.self`.
    ///   - view: The snapshot to read; entries after its head are left out.
    ///   - owner: One owner, or `nil` for every subject of the owners' kind registered by `asOf`.
    ///   - asOf: Facts effective after this day are left out.
    ///   - knownAt: Facts recorded after this time are left out.
    /// - Returns: The cases, owner by owner (in the view's order), each owner's in the order they first appear.
    /// - Throws: Storage and decoding errors.
    public nonisolated func cases<State: CaseState>(
        _ type: State.Type, view: CoreView, owner: SubjectID? = nil, asOf: LocalDate,
        knownAt: Timestamp = .distantFuture
    ) throws -> [State] {
        let prefix = State.sector + "."
        guard view.kindsSeen.contains(where: { $0.rawValue.hasPrefix(prefix) }) else { return [] }
        let owners = owner.map { [$0] } ?? view.subjects(ofKind: State.ownerKind, asOf: asOf).map(\.subject.id)
        var out: [State] = []
        for owner in owners {
            var byCase: [CaseID: State] = [:]
            var order: [CaseID] = []
            for entry in try read(concerning: owner, through: view)
            where entry.kind.rawValue.hasPrefix(prefix) && entry.effectiveDate <= asOf && entry.recordedAt <= knownAt {
                guard let event = try registry.decode(entry) as? any AnyCaseEvent<State>, event.owner == owner
                else { continue }
                if byCase[event.caseID] == nil {
                    order.append(event.caseID)
                    byCase[event.caseID] = State(case: event.caseID, owner: owner)
                }
                event.apply(to: &byCase[event.caseID]!, sequence: entry.sequence)
            }
            out += order.map { byCase[$0]! }
        }
        return out
    }
}
