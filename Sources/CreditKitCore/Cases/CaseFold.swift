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

/// A sector's rules over every case the ledger holds (案件核查): the module's ledger check, made from its rules.
///
/// ```swift
/// CaseCheck<ProcurementProcess>(rules: ProcurementRules.ids) { profile in
///     let rules = try ProcurementRules(profile: profile)
///     return { process, day in try rules.findings(for: process, asOf: day) }
/// }
/// ```
public struct CaseCheck<State: CaseState>: IntegrityCheck {
    /// How a profile's rules judge one case as of a day.
    public typealias Judge = @Sendable (_ state: State, _ asOf: LocalDate) throws -> [Finding]

    /// The rule ids the check may report.
    public let rules: [RuleID]
    let judge: @Sendable (JurisdictionProfile) throws -> Judge

    /// Makes the check.
    /// - Parameters:
    ///   - rules: The rule ids it may report.
    ///   - judge: Given the kit's profile, how one case is judged as of a day.
    public init(rules: [RuleID], judge: @escaping @Sendable (JurisdictionProfile) throws -> Judge) {
        self.rules = rules
        self.judge = judge
    }

    /// Judges every case, owner by owner.
    /// - Parameter context: The kit and the day.
    /// - Returns: The findings.
    /// - Throws: Storage and decoding errors; a rule figure the profile lacks.
    public func run(_ context: CheckContext) throws -> [Finding] {
        let judge = try judge(context.profile)
        return try context.kit.ledger.cases(
            State.self, view: context.view, asOf: context.asOf, knownAt: context.knownAt
        ).flatMap { try judge($0, context.asOf) }
    }
}
