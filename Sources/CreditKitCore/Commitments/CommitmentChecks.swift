/// A promisor's commitment record (守信践诺情况) as of a day: counts by state and the fulfilment rate, for the
/// integrity file.
public struct CommitmentStats: Hashable, Sendable, Codable {
    /// Commitments made by then.
    public var made = 0
    /// Fulfilled on or before their due date.
    public var fulfilledOnTime = 0
    /// Fulfilled after their due date.
    public var fulfilledLate = 0
    /// Breached.
    public var breached = 0
    /// Withdrawn.
    public var withdrawn = 0
    /// Still open and not yet due (or with no due date).
    public var open = 0
    /// Still open past their due date.
    public var overdue = 0
    /// Changed for a reason the law recognises (counted again under their final state).
    public var changedLawfully = 0

    /// All counts zero.
    public init() {}

    /// Fulfilled on time ÷ those that fell due or ended (made − open − withdrawn); `nil` when none did.
    public var fulfilmentRate: Double? {
        let decided = made - open - withdrawn
        return decided > 0 ? Double(fulfilledOnTime) / Double(decided) : nil
    }
}

/// The commitment checks (承诺核查): overdue commitments, late fulfilment, breaches, and any change or breach
/// blamed on a change of leadership or government term, which the law never accepts.
public struct CommitmentChecks: Sendable {
    /// The profile whose figures apply.
    public var profile: JurisdictionProfile

    /// Makes the checks.
    /// - Parameter profile: The profile.
    public init(profile: JurisdictionProfile) { self.profile = profile }

    /// The state of one commitment on a day.
    public enum State: Hashable, Sendable {
        /// Not yet due, or with no due date.
        case open
        /// Past its due date and not ended.
        case overdue(due: LocalDate)
        /// Fulfilled on or before the due date.
        case fulfilledOnTime(LocalDate)
        /// Fulfilled after the due date.
        case fulfilledLate(LocalDate, due: LocalDate)
        /// Breached.
        case breached(LocalDate, BreachOrChangeReason)
        /// Withdrawn.
        case withdrawn(LocalDate)
    }

    /// A commitment's state on a day.
    /// - Parameters:
    ///   - commitment: The commitment.
    ///   - life: Its lifecycle.
    ///   - asOf: The day.
    ///   - knownAt: What the ledger knew.
    /// - Returns: The state.
    public func state(
        of commitment: Commitment, _ life: CommitmentLifecycle, asOf: LocalDate, knownAt: Timestamp = .distantFuture
    ) -> State {
        let due = life.dueDate(original: commitment.dueDate, asOf: asOf, knownAt: knownAt)
        switch life.outcome(asOf: asOf, knownAt: knownAt) {
        case let o? where o.value == .fulfilled:
            if let due, o.on > due { return .fulfilledLate(o.on, due: due) }
            return .fulfilledOnTime(o.on)
        case let o?:
            if case .breached(let reason, _) = o.value { return .breached(o.on, reason) }
            return .withdrawn(o.on)
        case nil:
            if let due, asOf > due { return .overdue(due: due) }
            return .open
        }
    }

    /// Counts a promisor's commitments by state.
    /// - Parameters:
    ///   - commitments: The commitments with their IDs.
    ///   - view: The view.
    ///   - asOf: The day.
    ///   - knownAt: What the ledger knew.
    /// - Returns: The counts.
    public func stats(
        _ commitments: [(Commitment.ID, Commitment)], view: CoreView, asOf: LocalDate,
        knownAt: Timestamp = .distantFuture
    ) -> CommitmentStats {
        var stats = CommitmentStats()
        for (id, c) in commitments where c.madeOn <= asOf {
            let life = view.commitmentLifecycle(id)
            stats.made += 1
            if life.changes.contains(where: { $0.on <= asOf && $0.recordedAt <= knownAt && $0.value.reason.isLawful }) {
                stats.changedLawfully += 1
            }
            switch state(of: c, life, asOf: asOf, knownAt: knownAt) {
            case .open: stats.open += 1
            case .overdue: stats.overdue += 1
            case .fulfilledOnTime: stats.fulfilledOnTime += 1
            case .fulfilledLate: stats.fulfilledLate += 1
            case .breached: stats.breached += 1
            case .withdrawn: stats.withdrawn += 1
            }
        }
        return stats
    }

    /// Runs the checks as of a day.
    /// - Parameters:
    ///   - commitments: Every commitment with its ID.
    ///   - view: The view.
    ///   - asOf: The day.
    ///   - knownAt: What the ledger knew.
    /// - Returns: The findings not yet decided.
    /// - Throws: When a rule has no figure in force.
    public func run(
        _ commitments: [(Commitment.ID, Commitment)], view: CoreView, asOf: LocalDate,
        knownAt: Timestamp = .distantFuture
    ) throws -> [Finding] {
        try findings(commitments, view: view, asOf: asOf, knownAt: knownAt).filter {
            view.findingDecision($0.key) == nil
        }
    }

    /// Every finding as of a day, decided ones included.
    func findings(
        _ commitments: [(Commitment.ID, Commitment)], view: CoreView, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        var out: [Finding] = []
        for (id, c) in commitments where c.madeOn <= asOf {
            let life = view.commitmentLifecycle(id)
            let base = [
                Finding.Fact("commitment", String(id.rawValue)), Finding.Fact("terms", c.terms),
                Finding.Fact("beneficiary", c.beneficiary),
            ]
            func make(
                _ rule: RuleID, _ severity: Severity, _ facts: [Finding.Fact], _ dates: [Finding.NamedDate],
                _ evidence: [LedgerEntry.ID]
            )
                throws -> Finding
            {
                let figure = try profile.figure(rule, on: c.madeOn)
                return Finding(
                    rule: rule, title: figure.title, basis: figure.basis, subject: c.promisor, severity: severity,
                    facts: [Finding.Fact("figure", figure.figure.description)] + base + facts,
                    dates: [Finding.NamedDate("made", c.madeOn)] + dates, evidence: [id.entry] + evidence, asOf: asOf
                )
            }
            let ended = life.outcome(asOf: asOf, knownAt: knownAt)
            switch state(of: c, life, asOf: asOf, knownAt: knownAt) {
            case .overdue(let due):
                out.append(
                    try make(
                        CoreLaw.commitmentOverdue.id, .minor, [Finding.Fact("state", "open past its due date")],
                        [Finding.NamedDate("due", due)], []))
            case .fulfilledLate(let on, let due):
                out.append(
                    try make(
                        CoreLaw.commitmentOverdue.id, .minor, [Finding.Fact("state", "fulfilled late")],
                        [Finding.NamedDate("due", due), Finding.NamedDate("fulfilled", on)],
                        ended.map { [$0.sequence] } ?? []))
            case .breached(let on, let reason):
                let rule: RuleID =
                    reason.isLawful || reason == .other
                    ? CoreLaw.commitmentBreach.id : CoreLaw.commitmentLeadershipChange.id
                out.append(
                    try make(
                        rule, rule == CoreLaw.commitmentBreach.id ? .ordinary : .serious,
                        [Finding.Fact("statedReason", reason.chineseName)], [Finding.NamedDate("breached", on)],
                        ended.map { [$0.sequence] } ?? []))
            default:
                break
            }
            for change in life.changes
            where change.on <= asOf && change.recordedAt <= knownAt && !change.value.reason.isLawful {
                out.append(
                    try make(
                        change.value.reason == .other
                            ? CoreLaw.commitmentBreach.id : CoreLaw.commitmentLeadershipChange.id, .serious,
                        [
                            Finding.Fact("statedReason", change.value.reason.chineseName),
                            Finding.Fact("newTerms", change.value.newTerms),
                        ],
                        [Finding.NamedDate("changed", change.on)], [change.sequence]))
            }
        }
        return out
    }
}

extension CreditKit {
    /// Every commitment the ledger knew at a time, by ID.
    /// - Parameter knownAt: The recorded time; now by default.
    /// - Returns: The commitments in order.
    /// - Throws: Storage and decoding errors.
    public func commitments(knownAt: Timestamp? = nil) throws -> [(Commitment.ID, Commitment)] {
        try commitmentEntries(knownAt: knownAt).map { ($0.0, $0.1) }
    }

    /// Every commitment the ledger knew at a time, with the kind of the entry that made it.
    func commitmentEntries(knownAt: Timestamp? = nil) throws -> [(Commitment.ID, Commitment, EventKind)] {
        let limit = knownAt ?? ledger.clock.now()
        return try ledger.store.entries(sequences: view.commitmentSequences).compactMap { entry in
            guard entry.recordedAt <= limit, let e = try ledger.registry.decode(entry) as? any CommitmentMaking else {
                return nil
            }
            return (Commitment.ID(entry.sequence), e.commitmentMade, entry.kind)
        }
    }

    /// The commitment findings as of a day.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings not yet decided.
    /// - Throws: Storage errors, or a rule with no figure in force.
    public func commitmentFindings(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let now = ledger.clock.now()
        // A sector that judges the commitments its own facts make (a promise to an investor, with the investor's
        // default and the compensation the core cannot see) judges them once, there.
        let judgedElsewhere = modules.filter(\.judgesCommitments).map { $0.id.rawValue + "." }
        let mine = try commitmentEntries(knownAt: knownAt ?? now).filter { _, _, kind in
            !judgedElsewhere.contains { kind.rawValue.hasPrefix($0) }
        }
        return try CommitmentChecks(profile: profile).run(
            mine.map { ($0.0, $0.1) }, view: view, asOf: asOf ?? now.chinaDate, knownAt: knownAt ?? now)
    }

    /// A promisor's commitment counts and fulfilment rate as of a day.
    /// - Parameters:
    ///   - promisor: The promisor.
    ///   - asOf: The day; today by default.
    /// - Returns: The counts.
    /// - Throws: Storage errors.
    public func commitmentStats(of promisor: SubjectID, asOf: LocalDate? = nil) throws -> CommitmentStats {
        let now = ledger.clock.now()
        return CommitmentChecks(profile: profile).stats(
            try commitments(knownAt: now).filter { $0.1.promisor == promisor }, view: view, asOf: asOf ?? now.chinaDate,
            knownAt: now)
    }

    /// Publishes a commitment.
    /// - Parameters:
    ///   - commitment: The commitment.
    ///   - on: The day.
    ///   - channel: Where.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when already published.
    public func publish(_ commitment: Commitment.ID, on: LocalDate, channel: String) async throws {
        try await append(CommitmentPublished(commitment: commitment, on: on, channel: channel))
    }

    /// Records how a commitment ended: fulfilled, breached or withdrawn.
    /// - Parameters:
    ///   - commitment: The commitment.
    ///   - on: The day.
    ///   - outcome: The outcome.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when it already ended.
    public func end(_ commitment: Commitment.ID, on: LocalDate, outcome: CommitmentOutcome) async throws {
        try await append(CommitmentEnded(commitment: commitment, on: on, outcome: outcome))
    }

    /// Records a change of a commitment.
    /// - Parameters:
    ///   - commitment: The commitment.
    ///   - on: The day.
    ///   - change: The change.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` for a lawful reason without authority or procedure.
    public func change(_ commitment: Commitment.ID, on: LocalDate, change: CommitmentChange) async throws {
        try await append(CommitmentChanged(commitment: commitment, on: on, change: change))
    }
}
