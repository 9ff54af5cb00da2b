/// Signed tree heads and proofs over a ledger's entries (see ``SignedTreeHead`` and ``MerkleTree``). These read a
/// store and write nothing, so they work on a file opened read-only.
extension Ledger {
    /// What one pass over the chain found: whether it holds, and the Merkle root at a size and at its end.
    struct TreeWalk {
        var report: VerificationReport
        /// The root over all the entries that held.
        var root: Digest
        /// The root and the last chain hash at the size asked for, when the chain reached it.
        var atSize: (root: Digest, lastHash: Digest)?
        /// The leaf hashes, when asked to keep them.
        var leaves: [Digest]
    }

    /// Verifies the chain and computes the Merkle root in one streaming pass.
    static func walkTree(store: any LedgerStore, rootAt size: Int64? = nil, keepLeaves: Bool = false) throws -> TreeWalk
    {
        let hasher = EntryHasher()
        let sha = SHA256Hasher()
        var tree = MerkleAccumulator()
        var expected = ChainHead.empty
        var problem: (Int64, String)?
        var atSize: (root: Digest, lastHash: Digest)? = size == 0 ? (MerkleTree.emptyRoot, .zero) : nil
        var leaves: [Digest] = []
        struct Stop: Error {}
        do {
            try store.forEachEntry(from: 1) { entry in
                if entry.sequence != expected.sequence + 1 {
                    problem = (
                        expected.sequence + 1,
                        "entry \(expected.sequence + 1) is missing (next stored is \(entry.sequence))"
                    )
                } else if entry.previousHash != expected.hash {
                    problem = (
                        entry.sequence, "entry \(entry.sequence) does not name entry \(expected.sequence)'s hash"
                    )
                } else if hasher.hash(of: entry) != entry.hash {
                    problem = (entry.sequence, "entry \(entry.sequence) does not match its stored hash")
                }
                if problem != nil { throw Stop() }
                expected = ChainHead(sequence: entry.sequence, hash: entry.hash)
                let leaf = MerkleTree.leafHash(entry: entry.hash, using: sha)
                tree.append(leaf, using: sha)
                if keepLeaves { leaves.append(leaf) }
                if entry.sequence == size { atSize = (tree.root(using: sha), entry.hash) }
            }
        } catch is Stop {}
        return TreeWalk(
            report: VerificationReport(
                entryCount: expected.sequence, head: expected, firstBrokenSequence: problem?.0, problem: problem?.1),
            root: tree.root(using: sha), atSize: atSize, leaves: leaves)
    }

    /// Signs the ledger's current tree head, or the head of its first `size` entries, after verifying the whole
    /// chain (a broken chain is never signed).
    /// - Parameters:
    ///   - store: The store.
    ///   - key: The signing key.
    ///   - size: How many entries the head covers (default: all of them); a head of fewer re-publishes an earlier
    ///     state of the ledger, signed now.
    ///   - clock: What gives the time of signing.
    /// - Returns: The signed head.
    /// - Throws: ``CreditKitError/Code/brokenChain`` naming the first entry that does not hold;
    ///   ``CreditKitError/Code/invalidArgument`` for a size the ledger does not reach; storage errors.
    public static func signedTreeHead(
        store: any LedgerStore, key: TreeHeadKey, size: Int64? = nil, clock: any LedgerClock = SystemClock()
    ) throws -> SignedTreeHead {
        let walk = try walkTree(store: store, rootAt: size)
        if let broken = walk.report.firstBrokenSequence {
            throw CreditKitError(
                .brokenChain, "no head is signed over a broken chain: \(walk.report.problem ?? "")",
                context: ["sequence": String(broken)])
        }
        guard let size else {
            return try SignedTreeHead(
                treeSize: walk.report.entryCount, rootHash: walk.root, lastEntryHash: walk.report.head.hash,
                timestamp: clock.now(), key: key)
        }
        guard size >= 0, let at = walk.atSize else {
            throw CreditKitError(
                .invalidArgument, "a head of \(size) entries: the ledger holds \(walk.report.entryCount)")
        }
        return try SignedTreeHead(
            treeSize: size, rootHash: at.root, lastEntryHash: at.lastHash, timestamp: clock.now(), key: key)
    }

    /// Compares the ledger with a head published earlier: whether it still holds those entries unchanged.
    ///
    /// The head's signature is checked first, under the key you pinned; then the chain is verified and its
    /// Merkle root at the head's size compared with the head's. This catches truncation (entries taken away),
    /// rewriting (an entry changed and the chain recomputed) and forgery (an entry slipped in before the head)
    /// by anyone without the signing key.
    /// - Parameters:
    ///   - store: The store.
    ///   - head: The published head.
    ///   - publicKey: The signer's public key, 32 bytes.
    /// - Returns: How the ledger stands.
    /// - Throws: Storage errors.
    public static func compare(store: any LedgerStore, with head: SignedTreeHead, publicKey: [UInt8]) throws
        -> HeadComparison
    {
        guard head.isSigned(by: publicKey) else { return .badSignature }
        let walk = try walkTree(store: store, rootAt: head.treeSize)
        if walk.report.firstBrokenSequence != nil { return .brokenChain(walk.report) }
        let held = walk.report.entryCount
        guard held >= head.treeSize else { return .truncated(held: held, missing: (held + 1)...head.treeSize) }
        guard let at = walk.atSize, at.root == head.rootHash, at.lastHash == head.lastEntryHash else {
            return .rewritten(
                treeSize: head.treeSize, root: walk.atSize?.root ?? walk.root, publishedRoot: head.rootHash)
        }
        return .extends(treeSize: head.treeSize, added: held - head.treeSize)
    }

    /// Whether the ledger still holds a head's entries, its signature aside: `nil` when the first `treeSize`
    /// entries reach the head's root, or what is wrong (cut short, rewritten, another ledger's head).
    /// - Parameters:
    ///   - store: The store.
    ///   - head: The head.
    /// - Returns: The problem, or `nil`.
    /// - Throws: Storage errors.
    public static func signedTreeHeadCheck(store: any LedgerStore, head: SignedTreeHead) throws -> String? {
        let walk = try walkTree(store: store, rootAt: head.treeSize)
        if let broken = walk.report.firstBrokenSequence {
            return "the chain is broken at entry \(broken): \(walk.report.problem ?? "")"
        }
        let held = walk.report.entryCount
        guard held >= head.treeSize else {
            return HeadComparison.truncated(held: held, missing: (held + 1)...head.treeSize).message
        }
        guard let at = walk.atSize, at.root == head.rootHash, at.lastHash == head.lastEntryHash else {
            return "the ledger's first \(head.treeSize) entries do not reach this head's root "
                + "\(head.rootHash): a rewritten history, or another ledger's head"
        }
        return nil
    }

    /// The leaf hashes of entries 1 through `size`, after verifying the chain.
    private static func leaves(store: any LedgerStore, size: Int64) throws -> [Digest] {
        let walk = try walkTree(store: store, keepLeaves: true)
        if let broken = walk.report.firstBrokenSequence {
            throw CreditKitError(
                .brokenChain, "no proof is given over a broken chain: \(walk.report.problem ?? "")",
                context: ["sequence": String(broken)])
        }
        guard size >= 1, size <= walk.report.entryCount else {
            throw CreditKitError(
                .invalidArgument,
                size > walk.report.entryCount
                    ? "a tree of \(size) entries, but the ledger holds only \(walk.report.entryCount): entries "
                        + "\(walk.report.entryCount + 1)-\(size) are missing (was it cut short?)"
                    : "a tree has at least 1 entry, not \(size)")
        }
        return Array(walk.leaves.prefix(Int(size)))
    }

    /// An inclusion proof of one entry in the tree of the first `treeSize` entries.
    /// - Parameters:
    ///   - store: The store.
    ///   - entry: The entry's sequence number.
    ///   - treeSize: The tree's size (a published head's size), at least `entry`.
    /// - Returns: The proof.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` for an entry or size outside the ledger;
    ///   ``CreditKitError/Code/brokenChain``; storage errors.
    public static func inclusionProof(store: any LedgerStore, entry: Int64, treeSize: Int64) throws
        -> InclusionProof
    {
        guard entry >= 1, entry <= treeSize else {
            throw CreditKitError(.invalidArgument, "entry \(entry) is not in a tree of \(treeSize) entries")
        }
        let leaves = try leaves(store: store, size: treeSize)
        guard let stored = try store.entries(sequences: [entry]).first else {
            throw CreditKitError(.invalidArgument, "the ledger has no entry \(entry)")
        }
        return InclusionProof(
            entry: entry, entryHash: stored.hash, treeSize: treeSize, rootHash: MerkleTree.root(of: leaves[...]),
            path: MerkleTree.inclusionProof(index: Int(entry - 1), leaves: leaves[...]))
    }

    /// A consistency proof that the tree of the first `toSize` entries extends the tree of the first `fromSize`.
    /// - Parameters:
    ///   - store: The store.
    ///   - fromSize: The earlier size (a published head's), at least 1.
    ///   - toSize: The later size, at least `fromSize`.
    /// - Returns: The proof.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` for sizes outside the ledger;
    ///   ``CreditKitError/Code/brokenChain``; storage errors.
    public static func consistencyProof(store: any LedgerStore, from fromSize: Int64, to toSize: Int64) throws
        -> ConsistencyProof
    {
        guard fromSize >= 1, fromSize <= toSize else {
            throw CreditKitError(
                .invalidArgument,
                "a consistency proof runs from 1 or more entries to as many or more, not \(fromSize) to \(toSize)")
        }
        let leaves = try leaves(store: store, size: toSize)
        return ConsistencyProof(
            fromSize: fromSize, fromRoot: MerkleTree.root(of: leaves.prefix(Int(fromSize))), toSize: toSize,
            toRoot: MerkleTree.root(of: leaves[...]),
            path: MerkleTree.consistencyProof(oldSize: Int(fromSize), leaves: leaves[...]))
    }
}

extension CreditKit {
    /// A signed tree head of the whole ledger as it stands (签名树头), for a service to publish: the chain is walked and
    /// checked first, and no head is signed over a broken one.
    /// - Parameter key: The signing key (``TreeHeadKey/load(keysFile:)`` reads it from the keys file).
    /// - Returns: The signed head.
    /// - Throws: ``CreditKitError/Code/brokenChain`` naming the first entry that does not hold; storage errors.
    public func signedTreeHead(key: TreeHeadKey) throws -> SignedTreeHead {
        try Ledger.signedTreeHead(store: ledger.store, key: key, clock: ledger.clock)
    }
}
