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

extension VerificationReport {
    /// The report of a reading that checked links in order and hashes meanwhile: the first problem in the chain's
    /// order, as reading entry by entry would meet it — a changed entry before the first broken link, else the link.
    /// - Parameters:
    ///   - changed: The first entry whose contents do not match its hash, with the hash before it.
    ///   - link: The first broken link (its sequence number and what is wrong).
    ///   - head: The last entry read whose link held.
    static func first(
        changed: (sequence: Int64, previous: Digest)?, link: (sequence: Int64, problem: String)?, head: ChainHead
    ) -> VerificationReport {
        if let changed, link.map({ changed.sequence < $0.sequence }) ?? true {
            let held = ChainHead(sequence: changed.sequence - 1, hash: changed.previous)
            return VerificationReport(
                entryCount: held.sequence, head: held, firstBrokenSequence: changed.sequence,
                problem: "entry \(changed.sequence) does not match its stored hash: its contents were changed")
        }
        return VerificationReport(
            entryCount: head.sequence, head: head, firstBrokenSequence: link?.sequence, problem: link?.problem)
    }

    /// What is wrong with the link from the entry read last (`expected`) to `entry`, or `nil`: a missing entry, or
    /// a previous hash that is not the last one's.
    static func linkProblem(_ entry: LedgerEntry, after expected: ChainHead) -> (sequence: Int64, problem: String)? {
        if entry.sequence != expected.sequence + 1 {
            return (
                expected.sequence + 1, "entry \(expected.sequence + 1) is missing (next stored is \(entry.sequence))"
            )
        }
        if entry.previousHash != expected.hash {
            return (
                entry.sequence,
                "entry \(entry.sequence) names previous hash \(entry.previousHash), but entry \(expected.sequence) hashes to \(expected.hash)"
            )
        }
        return nil
    }
}
