/// Who answers for what happened in an agency on a day (责任倒查): the officials in post then, principal first,
/// each with every post they held since, so responsibility follows them for life, after transfer, resignation or
/// retirement (终身责任追究).
public struct ResponsibilityTrace: Hashable, Sendable {
    /// One official in post on the day.
    public struct Holder: Hashable, Sendable {
        /// The tenure covering the day.
        public var tenure: TenureState
        /// Every tenure of the official, earliest first: where they are now.
        public var career: [TenureState]

        /// The official.
        public var official: SubjectID { tenure.tenure.official }
        /// Whether the official is still in any post.
        public var isInPost: Bool { career.contains { $0.end == nil } }
    }

    /// The agency.
    public var agency: SubjectID
    /// The day of the act.
    public var date: LocalDate
    /// The officials in post that day, principal first.
    public var holders: [Holder]

    /// The principal responsible person (主要负责人) on the day, if recorded.
    public var principal: Holder? { holders.first { $0.tenure.tenure.isPrincipal } }
}

extension CoreView {
    /// Who held posts in an agency on a day, and where each is now.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - date: The day of the act.
    ///   - knownAt: What the ledger knew.
    /// - Returns: The trace.
    public func responsibility(for agency: SubjectID, on date: LocalDate, knownAt: Timestamp = .distantFuture)
        -> ResponsibilityTrace
    {
        let holders = holders(of: agency, on: date, knownAt: knownAt)
            .sorted { ($0.tenure.isPrincipal ? 0 : 1, $0.id) < ($1.tenure.isPrincipal ? 0 : 1, $1.id) }
            .map { t in
                ResponsibilityTrace.Holder(tenure: t, career: tenures(of: t.tenure.official, knownAt: knownAt))
            }
        return ResponsibilityTrace(agency: agency, date: date, holders: holders)
    }
}
