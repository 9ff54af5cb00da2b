/// A signed tree head (签名树头): the ledger's size, its Merkle root and the chain hash of its last entry at one
/// moment, signed with the ledger's ``TreeHeadKey``. Published somewhere the ledger's keeper cannot take back (a
/// gazette, another agency, a newspaper), it lets anyone check later that the ledger still holds those entries
/// unchanged: see ``Ledger/compare(store:with:publicKey:)``.
///
/// The signature covers these bytes, in order (``signedBytes``): the ASCII text `creditkit-tree-head-1` and a
/// newline, the tree size as 8 bytes big-endian, the timestamp (microseconds since 1970-01-01 UTC) as 8 bytes
/// big-endian, the root hash (32 bytes), the last entry's chain hash (32 bytes; zeros for an empty ledger).
public struct SignedTreeHead: Codable, Hashable, Sendable {
    /// The format's name, `creditkit-tree-head-1`.
    public static let formatName = "creditkit-tree-head-1"

    /// The format, ``formatName``.
    public var format: String
    /// How many entries the tree covers: entries 1 through `treeSize`.
    public var treeSize: Int64
    /// The RFC 6962 Merkle root over those entries (``MerkleTree``).
    public var rootHash: Digest
    /// The chain hash of entry `treeSize`.
    public var lastEntryHash: Digest
    /// When the head was signed, in microseconds since 1970-01-01 UTC.
    public var timestamp: Timestamp
    /// The signer's public key, 64 hex digits: which key to check with. Trust the key you pinned, not this field.
    public var publicKey: String
    /// The Ed25519 signature over ``signedBytes``, 128 hex digits.
    public var signature: String

    /// The bytes the signature covers.
    public var signedBytes: [UInt8] {
        var bytes = Array((Self.formatName + "\n").utf8)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: treeSize >> shift)) }
        let micros = timestamp.microseconds
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: micros >> shift)) }
        rootHash.appendBytes(to: &bytes)
        lastEntryHash.appendBytes(to: &bytes)
        return bytes
    }

    /// Signs a head.
    /// - Parameters:
    ///   - treeSize: How many entries.
    ///   - rootHash: Their Merkle root.
    ///   - lastEntryHash: The last one's chain hash.
    ///   - timestamp: Now.
    ///   - key: The signing key.
    /// - Throws: ``CreditKitError/Code/crypto`` when signing fails.
    public init(treeSize: Int64, rootHash: Digest, lastEntryHash: Digest, timestamp: Timestamp, key: TreeHeadKey)
        throws
    {
        self.format = Self.formatName
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.lastEntryHash = lastEntryHash
        self.timestamp = timestamp
        self.publicKey = HexCoding.encode(key.publicKey)
        self.signature = ""
        self.signature = HexCoding.encode(try key.sign(signedBytes))
    }

    /// Whether the signature holds under a public key (the one you pinned).
    /// - Parameter publicKey: The 32-byte Ed25519 public key.
    /// - Returns: Whether the head was signed by that key and not changed since.
    public func isSigned(by publicKey: [UInt8]) -> Bool {
        guard format == Self.formatName, treeSize >= 0, let signature = HexCoding.decode(signature) else {
            return false
        }
        return TreeHeadKey.isValid(signature: signature, of: signedBytes, publicKey: publicKey)
    }
}

/// An inclusion proof (包含证明): that entry `entry`, with chain hash `entryHash`, is leaf `entry − 1` of the tree
/// of `treeSize` entries whose root is `rootHash`. Check it with ``verifies`` and compare `treeSize` and `rootHash`
/// with a signed head you trust (``check(against:)``).
public struct InclusionProof: Codable, Hashable, Sendable {
    /// The format's name, `creditkit-inclusion-1`.
    public static let formatName = "creditkit-inclusion-1"
    /// The format, ``formatName``.
    public var format: String
    /// The entry's sequence number (from 1).
    public var entry: Int64
    /// The entry's chain hash; its leaf is `SHA-256(0x00 ‖ entryHash)`.
    public var entryHash: Digest
    /// The tree's size.
    public var treeSize: Int64
    /// The tree's root.
    public var rootHash: Digest
    /// The audit path, from the leaf's sibling up.
    public var path: [Digest]

    /// Makes a proof.
    /// - Parameters:
    ///   - entry: The entry's sequence number.
    ///   - entryHash: Its chain hash.
    ///   - treeSize: The tree's size.
    ///   - rootHash: The tree's root.
    ///   - path: The audit path.
    public init(entry: Int64, entryHash: Digest, treeSize: Int64, rootHash: Digest, path: [Digest]) {
        self.format = Self.formatName
        self.entry = entry
        self.entryHash = entryHash
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.path = path
    }

    /// Whether the path leads from the entry's leaf to the root.
    public var verifies: Bool {
        format == Self.formatName && entry >= 1 && entry <= treeSize
            && MerkleTree.verifyInclusion(
                index: Int(entry - 1), size: Int(treeSize), leaf: MerkleTree.leafHash(entry: entryHash), proof: path,
                root: rootHash)
    }

    /// Checks the proof against a head you trust (its signature checked first).
    /// - Parameter head: The head.
    /// - Throws: ``CreditKitError/Code/invalidProof`` saying what does not hold.
    public func check(against head: SignedTreeHead) throws {
        guard head.treeSize == treeSize, head.rootHash == rootHash else {
            throw CreditKitError(
                .invalidProof,
                "the proof is for a tree of \(treeSize) entries with root \(rootHash); the head is of \(head.treeSize) "
                    + "entries with root \(head.rootHash)")
        }
        guard verifies else {
            throw CreditKitError(
                .invalidProof, "the audit path does not lead from entry \(entry)'s leaf to the root: not included")
        }
    }
}

/// A consistency proof (一致性证明): that the tree of `toSize` entries extends the tree of `fromSize` entries,
/// every earlier entry kept as it was.
public struct ConsistencyProof: Codable, Hashable, Sendable {
    /// The format's name, `creditkit-consistency-1`.
    public static let formatName = "creditkit-consistency-1"
    /// The format, ``formatName``.
    public var format: String
    /// The earlier tree's size.
    public var fromSize: Int64
    /// The earlier tree's root.
    public var fromRoot: Digest
    /// The later tree's size.
    public var toSize: Int64
    /// The later tree's root.
    public var toRoot: Digest
    /// The proof's hashes.
    public var path: [Digest]

    /// Makes a proof.
    /// - Parameters:
    ///   - fromSize: The earlier size.
    ///   - fromRoot: The earlier root.
    ///   - toSize: The later size.
    ///   - toRoot: The later root.
    ///   - path: The proof's hashes.
    public init(fromSize: Int64, fromRoot: Digest, toSize: Int64, toRoot: Digest, path: [Digest]) {
        self.format = Self.formatName
        self.fromSize = fromSize
        self.fromRoot = fromRoot
        self.toSize = toSize
        self.toRoot = toRoot
        self.path = path
    }

    /// Whether the hashes show the later tree extends the earlier one.
    public var verifies: Bool {
        format == Self.formatName && fromSize >= 1 && fromSize <= toSize
            && MerkleTree.verifyConsistency(
                oldSize: Int(fromSize), newSize: Int(toSize), oldRoot: fromRoot, newRoot: toRoot, proof: path)
    }

    /// Checks the proof between two heads you trust (their signatures checked first).
    /// - Parameters:
    ///   - earlier: The head published first.
    ///   - later: The head published after.
    /// - Throws: ``CreditKitError/Code/invalidProof`` saying what does not hold.
    public func check(from earlier: SignedTreeHead, to later: SignedTreeHead) throws {
        guard earlier.treeSize == fromSize, earlier.rootHash == fromRoot else {
            throw CreditKitError(
                .invalidProof,
                "the proof starts from a tree of \(fromSize) entries with root \(fromRoot); the earlier head is of "
                    + "\(earlier.treeSize) entries with root \(earlier.rootHash)")
        }
        guard later.treeSize == toSize, later.rootHash == toRoot else {
            throw CreditKitError(
                .invalidProof,
                "the proof ends at a tree of \(toSize) entries with root \(toRoot); the later head is of "
                    + "\(later.treeSize) entries with root \(later.rootHash)")
        }
        guard verifies else {
            throw CreditKitError(
                .invalidProof,
                "the proof does not show that the \(toSize) entries extend the first \(fromSize): history changed")
        }
    }
}

/// How a ledger stands against a head published earlier (与已发布树头比对).
public enum HeadComparison: Hashable, Sendable {
    /// The ledger holds the head's entries unchanged, and `added` more after them.
    case extends(treeSize: Int64, added: Int64)
    /// The head is not signed by the key given (forged or altered head): nothing can be concluded from it.
    case badSignature
    /// The chain itself does not verify (see the report); compare again once it is repaired.
    case brokenChain(VerificationReport)
    /// The ledger holds fewer entries than the head: `missing` were taken away.
    case truncated(held: Int64, missing: ClosedRange<Int64>)
    /// The first `treeSize` entries no longer hash to the head's root: history was rewritten (the chain was
    /// recomputed, or an entry was replaced), at or before entry `treeSize`.
    case rewritten(treeSize: Int64, root: Digest, publishedRoot: Digest)

    /// Whether the ledger still extends the head.
    public var holds: Bool {
        if case .extends = self { return true }
        return false
    }

    /// What it means, in a sentence.
    public var message: String {
        switch self {
        case .extends(let size, let added):
            return "the ledger extends the published head: its \(size) entries are unchanged, \(added) added since"
        case .badSignature:
            return "the head's signature does not hold under the public key: the head is not one this ledger signed"
        case .brokenChain(let report):
            return "the chain is broken at entry \(report.firstBrokenSequence ?? 0): \(report.problem ?? "")"
        case .truncated(let held, let missing):
            let which =
                missing.count == 1
                ? "entry \(missing.lowerBound) is" : "entries \(missing.lowerBound)-\(missing.upperBound) are"
            return "TRUNCATED: the published head covers \(missing.upperBound) entries, the ledger holds \(held): "
                + "\(which) missing"
        case .rewritten(let size, let root, let published):
            return "REWRITTEN: entries 1-\(size) now hash to root \(root), the published head says \(published): "
                + "at least one of them was changed or replaced since the head was signed"
        }
    }
}
