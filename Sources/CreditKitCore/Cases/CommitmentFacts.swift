/// A case fact that is a commitment (承诺事实): a promise to an investor in an agreement is both a fact of the
/// agreement and a commitment of the core, so the entry's sequence number is the commitment's ID and the core's
/// commitment record and score count it.
public protocol CommitmentFacts: CaseFacts {
    /// The commitment the fact makes.
    /// - Parameters:
    ///   - promisor: The case's owner.
    ///   - id: The case's number, which the commitment's terms name.
    ///   - day: The fact's day.
    /// - Returns: The commitment.
    func commitment(promisor: SubjectID, case id: CaseID, on day: LocalDate) -> Commitment
}

extension CaseEvent: CommitmentMaking where Facts: CommitmentFacts {
    /// The commitment the fact makes.
    public var commitmentMade: Commitment { facts.commitment(promisor: owner, case: caseID, on: on) }
}

/// A case fact that is a step of a commitment made by an earlier fact (承诺履行事实): its fulfilment, change or
/// withdrawal, as the sector records it, is also a step of the core's commitment lifecycle.
public protocol CommitmentStepFacts: CaseFacts {
    /// The commitment: the entry of the fact that made it.
    var commitment: Commitment.ID { get }
    /// Updates the commitment's lifecycle.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - step: The step as the lifecycle dates it: its day, entry and recording time.
    func apply(to lifecycle: inout CommitmentLifecycle, step: CommitmentStep)
}

/// Where a commitment step stands: its day, its entry and when the ledger learned it.
public struct CommitmentStep: Hashable, Sendable {
    /// The day.
    public var on: LocalDate
    /// The entry.
    public var entry: LedgerEntry.ID
    /// When the ledger learned it.
    public var recordedAt: Timestamp
}

extension CaseEvent: CommitmentLifecycleEvent where Facts: CommitmentStepFacts {
    /// The commitment.
    public var commitment: Commitment.ID { facts.commitment }

    /// Updates the commitment's lifecycle.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout CommitmentLifecycle, sequence: Int64, recordedAt: Timestamp) {
        facts.apply(
            to: &lifecycle, step: CommitmentStep(on: on, entry: LedgerEntry.ID(sequence), recordedAt: recordedAt))
    }
}
