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
            out += try caseFacts(of: owner, sector: State.sector, view: view, asOf: asOf, knownAt: knownAt).cases(
                State.self)
        }
        return out
    }

    /// One owner's facts of a sector, read and decoded once (案件事实), for a module whose cases are of several
    /// kinds (a region's years, its arrears, its projects) to fold each kind from one read.
    /// - Parameters:
    ///   - owner: The owner.
    ///   - sector: The sector, for example `debt`.
    ///   - view: The snapshot to read.
    ///   - asOf: Facts effective after this day are left out.
    ///   - knownAt: Facts recorded after this time are left out.
    /// - Returns: The facts, in ledger order.
    /// - Throws: Storage and decoding errors.
    public nonisolated func caseFacts(
        of owner: SubjectID, sector: String, view: CoreView, asOf: LocalDate, knownAt: Timestamp = .distantFuture
    ) throws -> OwnerCaseFacts {
        let prefix = sector + "."
        var facts: [(event: any AnyCaseEvent, entry: Int64)] = []
        for entry in try read(concerning: owner, through: view)
        where entry.kind.rawValue.hasPrefix(prefix) && entry.effectiveDate <= asOf && entry.recordedAt <= knownAt {
            guard let event = try registry.decode(entry) as? any AnyCaseEvent, event.owner == owner else { continue }
            facts.append((event, entry.sequence))
        }
        return OwnerCaseFacts(owner: owner, facts: facts)
    }
}

/// One owner's case facts of a sector, decoded (案件事实集): fold each kind of case from them.
public struct OwnerCaseFacts: Sendable {
    /// The owner.
    public let owner: SubjectID
    let facts: [(event: any AnyCaseEvent, entry: Int64)]

    /// Whether the owner has no facts of the sector.
    public var isEmpty: Bool { facts.isEmpty }

    /// The owner's cases of one kind, in the order they first appear, each folded in ledger order.
    /// - Parameter type: The case state.
    /// - Returns: The cases.
    public func cases<State: CaseState>(_ type: State.Type) -> [State] {
        var byCase: [CaseID: State] = [:]
        var order: [CaseID] = []
        let wanted = ObjectIdentifier(State.self)
        for (fact, sequence) in facts {
            // Compare the case kind first: the constrained existential cast is slow, and most facts are of other kinds.
            guard ObjectIdentifier(Swift.type(of: fact).caseStateType) == wanted,
                let event = fact as? any AnyCaseEvent<State>
            else { continue }
            if byCase[event.caseID] == nil {
                order.append(event.caseID)
                byCase[event.caseID] = State(case: event.caseID, owner: owner)
            }
            event.apply(to: &byCase[event.caseID]!, sequence: sequence)
        }
        return order.map { byCase[$0]! }
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
