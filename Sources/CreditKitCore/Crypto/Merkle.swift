/// The Merkle tree over the ledger's entries (默克尔树), hashed as RFC 6962 §2.1 hashes a certificate
/// transparency log, so that proofs can be checked by anyone who knows that format.
///
/// - A leaf is `SHA-256(0x00 ‖ data)`; CreditKit's leaf data for entry *n* is its 32-byte chain hash
///   (``LedgerEntry/hash``), which already commits to the entry's whole content.
/// - An inner node is `SHA-256(0x01 ‖ left ‖ right)`.
/// - The root of *n* leaves splits them at the largest power of two below *n*; the root of none is `SHA-256("")`.
///
/// Leaf indices here count from 0: entry *n* is leaf *n − 1*.
public enum MerkleTree {
    /// The hash of a leaf: `SHA-256(0x00 ‖ data)`.
    /// - Parameter data: The leaf's data.
    /// - Returns: Its hash.
    public static func leafHash(_ data: [UInt8]) -> Digest {
        SHA256Hasher().hash([0] + data)
    }

    /// The leaf hash of a ledger entry: `SHA-256(0x00 ‖ entry hash)`.
    /// - Parameter entryHash: The entry's chain hash.
    /// - Returns: Its leaf hash.
    public static func leafHash(entry entryHash: Digest) -> Digest { leafHash(entry: entryHash, using: SHA256Hasher()) }

    /// The leaf hash of an entry with a hasher the caller reuses.
    static func leafHash(entry entryHash: Digest, using hasher: SHA256Hasher) -> Digest {
        var bytes: [UInt8] = [0]
        bytes.reserveCapacity(33)
        entryHash.appendBytes(to: &bytes)
        return hasher.hash(bytes)
    }

    /// The hash of an inner node: `SHA-256(0x01 ‖ left ‖ right)`.
    /// - Parameters:
    ///   - left: The left child's hash.
    ///   - right: The right child's hash.
    /// - Returns: The node's hash.
    public static func nodeHash(_ left: Digest, _ right: Digest) -> Digest {
        nodeHash(left, right, using: SHA256Hasher())
    }

    /// An inner node's hash with a hasher the caller reuses.
    static func nodeHash(_ left: Digest, _ right: Digest, using hasher: SHA256Hasher) -> Digest {
        var bytes: [UInt8] = [1]
        bytes.reserveCapacity(65)
        left.appendBytes(to: &bytes)
        right.appendBytes(to: &bytes)
        return hasher.hash(bytes)
    }

    /// The root of the empty tree, `SHA-256("")`.
    public static let emptyRoot = SHA256Hasher().hash([])

    /// The largest power of two strictly below `n` (n ≥ 2): where RFC 6962 splits a tree of n leaves.
    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// The root over leaf hashes (MTH).
    /// - Parameter leaves: Leaf hashes, in order.
    /// - Returns: The root.
    public static func root(of leaves: ArraySlice<Digest>) -> Digest {
        let hasher = SHA256Hasher()
        var accumulator = MerkleAccumulator()
        for leaf in leaves { accumulator.append(leaf, using: hasher) }
        return accumulator.root(using: hasher)
    }

    /// The audit path of one leaf (PATH(m, D[n])): the sibling hashes from the leaf up to the root.
    /// - Parameters:
    ///   - index: The leaf's index, from 0.
    ///   - leaves: All leaf hashes of the tree.
    /// - Returns: The path, bottom first.
    public static func inclusionProof(index: Int, leaves: ArraySlice<Digest>) -> [Digest] {
        precondition(leaves.indices.contains(leaves.startIndex + index), "leaf index outside the tree")
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let start = leaves.startIndex
        if index < k {
            return inclusionProof(index: index, leaves: leaves[start..<start + k])
                + [root(of: leaves[(start + k)...])]
        }
        return inclusionProof(index: index - k, leaves: leaves[(start + k)...]) + [root(of: leaves[start..<start + k])]
    }

    /// The consistency proof from the tree of the first `oldSize` leaves to the tree of all of them
    /// (PROOF(m, D[n])): what shows the larger tree extends the smaller one.
    /// - Parameters:
    ///   - oldSize: The earlier tree's size, 1 through `leaves.count`.
    ///   - leaves: All leaf hashes of the later tree.
    /// - Returns: The proof's hashes.
    public static func consistencyProof(oldSize: Int, leaves: ArraySlice<Digest>) -> [Digest] {
        precondition(oldSize >= 1 && oldSize <= leaves.count, "the earlier tree must have 1 to n leaves")
        return subproof(oldSize, leaves, complete: true)
    }

    /// SUBPROOF(m, D[n], b) of RFC 6962 §2.1.2.
    private static func subproof(_ m: Int, _ leaves: ArraySlice<Digest>, complete: Bool) -> [Digest] {
        let n = leaves.count
        if m == n { return complete ? [] : [root(of: leaves)] }
        let k = split(n)
        let start = leaves.startIndex
        if m <= k {
            return subproof(m, leaves[start..<start + k], complete: complete) + [root(of: leaves[(start + k)...])]
        }
        return subproof(m - k, leaves[(start + k)...], complete: false) + [root(of: leaves[start..<start + k])]
    }

    /// Checks an audit path: whether the leaf sits at `index` in the tree of `size` leaves with this root.
    /// - Parameters:
    ///   - index: The leaf's index, from 0.
    ///   - size: The tree's size.
    ///   - leaf: The leaf's hash.
    ///   - proof: The path, bottom first.
    ///   - root: The root the path must reach.
    /// - Returns: Whether it does.
    public static func verifyInclusion(index: Int, size: Int, leaf: Digest, proof: [Digest], root: Digest) -> Bool {
        guard index >= 0, index < size else { return false }
        var hash = leaf
        let reachedTop = climb(proof[...], node: index, last: size - 1) { sibling, onLeft in
            hash = onLeft ? nodeHash(sibling, hash) : nodeHash(hash, sibling)
        }
        return reachedTop && hash == root
    }

    /// Walks up the tree from `node` on a level whose last node is `last`, taking one sibling of the path per
    /// level: the sibling is on the left when the node's index is odd or it is the last node of its level (a last
    /// node without a sibling moves up unchanged, so levels are skipped). Returns whether the path ended exactly
    /// at the root.
    private static func climb(
        _ path: ArraySlice<Digest>, node start: Int, last end: Int, _ visit: (Digest, _ onLeft: Bool) -> Void
    ) -> Bool {
        var (node, last) = (start, end)
        for sibling in path {
            guard last > 0 else { return false }
            if node & 1 == 1 || node == last {
                visit(sibling, true)
                while node & 1 == 0 && node != 0 {
                    node >>= 1
                    last >>= 1
                }
            } else {
                visit(sibling, false)
            }
            node >>= 1
            last >>= 1
        }
        return last == 0
    }

    /// Checks a consistency proof: whether the tree of `newSize` leaves with `newRoot` extends the tree of
    /// `oldSize` leaves with `oldRoot`.
    /// - Parameters:
    ///   - oldSize: The earlier size (at least 1).
    ///   - newSize: The later size.
    ///   - oldRoot: The earlier root.
    ///   - newRoot: The later root.
    ///   - proof: The proof's hashes.
    /// - Returns: Whether the later tree extends the earlier one.
    public static func verifyConsistency(
        oldSize: Int, newSize: Int, oldRoot: Digest, newRoot: Digest, proof: [Digest]
    ) -> Bool {
        guard oldSize >= 1, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        guard !proof.isEmpty else { return false }
        // When the old tree is a complete left subtree, its root is the proof's implied first node.
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        var node = oldSize - 1
        var last = newSize - 1
        // Climb to the first level where the old tree's last node is a left child.
        while node & 1 == 1 {
            node >>= 1
            last >>= 1
        }
        var oldHash = path[0]
        var newHash = path[0]
        let reachedTop = climb(path.dropFirst(), node: node, last: last) { sibling, onLeft in
            if onLeft {
                oldHash = nodeHash(sibling, oldHash)
                newHash = nodeHash(sibling, newHash)
            } else {
                newHash = nodeHash(newHash, sibling)
            }
        }
        return reachedTop && oldHash == oldRoot && newHash == newRoot
    }
}

/// A Merkle root built leaf by leaf in O(log n) memory (the right edge of the tree: one hash per power of two in
/// the leaf count), so the root of a ledger of any size is computed while streaming it once.
public struct MerkleAccumulator: Sendable {
    /// Roots of the complete subtrees along the right edge, largest first, with their sizes.
    private var stack: [(hash: Digest, size: Int)] = []
    /// How many leaves were added.
    public private(set) var count = 0

    /// An empty tree.
    public init() {}

    /// Adds the next leaf.
    /// - Parameter leaf: The leaf's hash.
    public mutating func append(_ leaf: Digest) { append(leaf, using: SHA256Hasher()) }

    /// Adds the next leaf with a hasher the caller reuses.
    mutating func append(_ leaf: Digest, using hasher: SHA256Hasher) {
        var top = (hash: leaf, size: 1)
        while let last = stack.last, last.size == top.size {
            stack.removeLast()
            top = (MerkleTree.nodeHash(last.hash, top.hash, using: hasher), last.size * 2)
        }
        stack.append(top)
        count += 1
    }

    /// The root of the leaves added so far.
    public var root: Digest { root(using: SHA256Hasher()) }

    /// The root, with a hasher the caller reuses.
    func root(using hasher: SHA256Hasher) -> Digest {
        guard var hash = stack.last?.hash else { return MerkleTree.emptyRoot }
        for subtree in stack.dropLast().reversed() { hash = MerkleTree.nodeHash(subtree.hash, hash, using: hasher) }
        return hash
    }
}
