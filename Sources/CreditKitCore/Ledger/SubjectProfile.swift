/// A subject's profile as of a date (主体档案): what the ledger knew then.
public struct SubjectProfile: Sendable {
    /// A record in a profile.
    public struct RecordItem: Sendable, Hashable {
        /// The record's ID.
        public var id: CreditRecord.ID
        /// The record.
        public var record: CreditRecord
        /// When the ledger learned it.
        public var recordedAt: Timestamp
        /// Whether the profile's subject is the record's subject or a responsible official.
        public var role: EntryRef.Role
    }

    /// A commitment in a profile.
    public struct CommitmentItem: Sendable, Hashable {
        /// The commitment's ID.
        public var id: Commitment.ID
        /// The commitment.
        public var commitment: Commitment
        /// When the ledger learned it.
        public var recordedAt: Timestamp
        /// Whether the profile's subject promised or benefits.
        public var role: EntryRef.Role
    }

    /// The subject's registration.
    public var state: SubjectState
    /// The effective date asked about.
    public var asOf: LocalDate
    /// The recorded time asked about.
    public var knownAt: Timestamp
    /// The subject's tenures (for officials: posts held; for agencies: who held posts there).
    public var tenures: [TenureState]
    /// Records about the subject, or naming it responsible, in sequence order.
    public var records: [RecordItem]
    /// Commitments made by or to the subject, in sequence order.
    public var commitments: [CommitmentItem]

    /// The subject.
    public var subject: Subject { state.subject }
}
