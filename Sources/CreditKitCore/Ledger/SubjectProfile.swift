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
        /// The day the record was revoked on objection (撤销), by the profile's day.
        public var revokedOn: LocalDate?
        /// The day its repair was granted (信用修复), by the profile's day.
        public var repairedOn: LocalDate?

        /// Neither revoked nor repaired by the profile's day: a record that still counts (有效记录).
        public var isInForce: Bool { revokedOn == nil && repairedOn == nil }

        /// 已撤销 (day), 已修复 (day), or 有效.
        public var standing: String {
            if let revokedOn { return "已撤销（\(revokedOn)）" }
            if let repairedOn { return "已修复（\(repairedOn)）" }
            return "有效"
        }
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
