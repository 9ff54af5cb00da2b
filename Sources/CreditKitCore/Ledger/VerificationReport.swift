/// The outcome of recomputing the hash chain (校验结果).
public struct VerificationReport: Hashable, Sendable, Codable {
    /// How many entries held, counted from the first.
    public var entryCount: Int64
    /// The head of the part that held.
    public var head: ChainHead
    /// The first entry that does not hold, or `nil` when the whole chain holds.
    public var firstBrokenSequence: Int64?
    /// What is wrong with it.
    public var problem: String?

    /// Whether the whole chain holds.
    public var isValid: Bool { firstBrokenSequence == nil }

    /// Makes a report.
    /// - Parameters:
    ///   - entryCount: How many entries held.
    ///   - head: The head of the part that held.
    ///   - firstBrokenSequence: The first entry that does not hold.
    ///   - problem: What is wrong with it.
    public init(entryCount: Int64, head: ChainHead, firstBrokenSequence: Int64? = nil, problem: String? = nil) {
        self.entryCount = entryCount
        self.head = head
        self.firstBrokenSequence = firstBrokenSequence
        self.problem = problem
    }
}
