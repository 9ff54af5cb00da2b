import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Merkle tree (RFC 6962)")
struct MerkleTests {
    /// The eight leaves of the certificate-transparency test vectors.
    static let leafData: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map(HexBytes)

    static let leaves = leafData.map(MerkleTree.leafHash)

    func d(_ hex: String) throws -> Digest { try Digest(hex: hex) }

    @Test("roots of sizes 0-8 are RFC 6962's published ones")
    func roots() throws {
        let expected = [
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ]
        for size in 0...8 {
            #expect(MerkleTree.root(of: Self.leaves.prefix(size)) == (try d(expected[size])), "size \(size)")
        }
    }

    @Test("audit paths and consistency proofs are the published ones")
    func publishedProofs() throws {
        let all = Self.leaves[...]
        #expect(
            MerkleTree.inclusionProof(index: 0, leaves: all) == [
                try d("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                try d("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                try d("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            ])
        #expect(
            MerkleTree.inclusionProof(index: 5, leaves: all) == [
                try d("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                try d("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                try d("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            ])
        #expect(
            MerkleTree.consistencyProof(oldSize: 6, leaves: all) == [
                try d("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                try d("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                try d("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            ])
        #expect(
            MerkleTree.consistencyProof(oldSize: 2, leaves: all.prefix(5)) == [
                try d("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                try d("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            ])
    }

    @Test("in every tree of 1-40 leaves, every proof verifies and every altered one fails")
    func roundTrips() {
        let many = (0..<40).map { MerkleTree.leafHash([UInt8($0), 7]) }
        let stranger = MerkleTree.leafHash([99])
        for size in 1...40 {
            let leaves = many.prefix(size)
            let root = MerkleTree.root(of: leaves)
            var accumulator = MerkleAccumulator()
            for leaf in leaves { accumulator.append(leaf) }
            #expect(accumulator.root == root && accumulator.count == size)
            for index in 0..<size {
                let path = MerkleTree.inclusionProof(index: index, leaves: leaves)
                #expect(
                    MerkleTree.verifyInclusion(index: index, size: size, leaf: many[index], proof: path, root: root))
                // Another leaf, another place, a shorter path or another size: each fails.
                #expect(!MerkleTree.verifyInclusion(index: index, size: size, leaf: stranger, proof: path, root: root))
                if size > 1 {
                    #expect(
                        !MerkleTree.verifyInclusion(
                            index: (index + 1) % size, size: size, leaf: many[index], proof: path, root: root))
                    #expect(
                        !MerkleTree.verifyInclusion(
                            index: index, size: size, leaf: many[index], proof: Array(path.dropLast()), root: root))
                }
            }
            for old in 1...size {
                let proof = MerkleTree.consistencyProof(oldSize: old, leaves: leaves)
                let oldRoot = MerkleTree.root(of: many.prefix(old))
                #expect(
                    MerkleTree.verifyConsistency(
                        oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: root, proof: proof),
                    "\(old) → \(size)")
                // A different earlier history (its first leaf replaced) is not extended by this tree.
                var rewritten = Array(many.prefix(old))
                rewritten[0] = stranger
                #expect(
                    !MerkleTree.verifyConsistency(
                        oldSize: old, newSize: size, oldRoot: MerkleTree.root(of: rewritten[...]), newRoot: root,
                        proof: proof))
                if !proof.isEmpty {
                    var altered = proof
                    altered[altered.count - 1] = stranger
                    #expect(
                        !MerkleTree.verifyConsistency(
                            oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: root, proof: altered))
                }
            }
        }
    }

    @Test("Ed25519 through libcrypto signs as RFC 8032's first test vector says")
    func ed25519() throws {
        let seed = HexBytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let key = try TreeHeadKey(seed: seed)
        #expect(key.publicKey == HexBytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
        let signature = try key.sign([])
        #expect(
            signature
                == HexBytes(
                    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
                ))
        #expect(TreeHeadKey.isValid(signature: signature, of: [], publicKey: key.publicKey))
        #expect(!TreeHeadKey.isValid(signature: signature, of: [0], publicKey: key.publicKey))
        #expect(try TreeHeadKey.publicKey(from: key.publicKeyPEM) == key.publicKey)
        #expect(throws: CreditKitError.self) { try TreeHeadKey(seed: [1, 2, 3]) }
    }
}

/// Hex text to bytes, for test vectors.
func HexBytes(_ text: String) -> [UInt8] {
    let chars = Array(text.utf8)
    return stride(from: 0, to: chars.count, by: 2).map {
        UInt8(String(decoding: chars[$0...$0 + 1], as: UTF8.self), radix: 16)!
    }
}

@Suite("Signed tree heads against attacks")
struct TreeHeadAttackTests {
    let key = try! TreeHeadKey(seed: HexBytes("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"))

    /// A ledger file with an agency and `records` records.
    func ledger(records: Int, amountOffset: Int = 0) async throws -> (kit: CreditKit, path: String, dir: URL) {
        let (kit, path, dir) = try sqliteKit()
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2024-01-01"))
        for i in 0..<records {
            try await kit.enter(
                Fixtures.record(
                    subject: agency.id, decisionDate: date("2025-01-01").adding(days: i),
                    amount: Decimal(1000 + i + amountOffset)))
        }
        return (kit, path, dir)
    }

    @Test("a ledger that only grew extends its published head, and proofs of inclusion and consistency hold")
    func extends() async throws {
        let (kit, path, dir) = try await ledger(records: 6)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteLedgerStore(path: path)
        let head = try Ledger.signedTreeHead(store: store, key: key, clock: FixedClock.demo)
        #expect(head.treeSize == 7 && head.isSigned(by: key.publicKey))
        try await kit.enter(Fixtures.record(subject: Fixtures.agency(index: 1).id, decisionDate: date("2025-03-01")))
        #expect(
            try Ledger.compare(store: store, with: head, publicKey: key.publicKey) == .extends(treeSize: 7, added: 1))
        let later = try Ledger.signedTreeHead(store: store, key: key, clock: FixedClock.demo)
        let proof = try Ledger.consistencyProof(store: store, from: head.treeSize, to: later.treeSize)
        try proof.check(from: head, to: later)
        for entry in Int64(1)...later.treeSize {
            try Ledger.inclusionProof(store: store, entry: entry, treeSize: later.treeSize).check(against: later)
        }
        // A proof for an entry that claims another hash does not hold.
        var forged = try Ledger.inclusionProof(store: store, entry: 3, treeSize: later.treeSize)
        forged.entryHash = head.rootHash
        #expect(throws: CreditKitError.self) { try forged.check(against: later) }
        #expect(throws: CreditKitError.self) { try proof.check(from: later, to: head) }
    }

    @Test("attack: the last entries deleted behind the ledger's back (triggers dropped) are named as missing")
    func truncated() async throws {
        let (_, path, dir) = try await ledger(records: 9)
        defer { try? FileManager.default.removeItem(at: dir) }
        let head = try Ledger.signedTreeHead(store: try SQLiteLedgerStore(path: path), key: key)
        try rawSQL(path, "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq > 6")
        // The chain that is left verifies: only the head tells.
        #expect(try Ledger.verify(store: try SQLiteLedgerStore(path: path)).isValid)
        let comparison = try Ledger.compare(
            store: try SQLiteLedgerStore(path: path), with: head, publicKey: key.publicKey)
        #expect(comparison == .truncated(held: 6, missing: 7...10))
        #expect(comparison.message.contains("entries 7-10 are missing"))
    }

    @Test("attack: history rewritten with a recomputed chain (or an entry forged into it) no longer reaches the root")
    func rewritten() async throws {
        let (_, path, dir) = try await ledger(records: 5)
        defer { try? FileManager.default.removeItem(at: dir) }
        let head = try Ledger.signedTreeHead(store: try SQLiteLedgerStore(path: path), key: key)
        // The same events with one amount changed: a chain that verifies, hashed anew from the change on.
        let (_, otherPath, otherDir) = try await ledger(records: 5, amountOffset: 1)
        defer { try? FileManager.default.removeItem(at: otherDir) }
        let rewritten = try SQLiteLedgerStore(path: otherPath)
        #expect(try Ledger.verify(store: rewritten).isValid)
        let comparison = try Ledger.compare(store: rewritten, with: head, publicKey: key.publicKey)
        guard case .rewritten(let size, _, let published) = comparison else {
            Issue.record("expected rewritten, got \(comparison)")
            return
        }
        #expect(size == 6 && published == head.rootHash)
        // Whoever holds the key of the rewritten file cannot show it extends the published head.
        let forgedLater = try Ledger.signedTreeHead(store: rewritten, key: key)
        let proof = try Ledger.consistencyProof(store: rewritten, from: head.treeSize, to: forgedLater.treeSize)
        #expect(throws: CreditKitError.self) { try proof.check(from: head, to: forgedLater) }
    }

    @Test("attack: a head edited after signing, or signed by another key, is refused")
    func forgedHead() async throws {
        let (_, path, dir) = try await ledger(records: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteLedgerStore(path: path)
        var head = try Ledger.signedTreeHead(store: store, key: key)
        let other = try TreeHeadKey.generate()
        #expect(try Ledger.compare(store: store, with: head, publicKey: other.publicKey) == .badSignature)
        head.treeSize = 2
        #expect(try Ledger.compare(store: store, with: head, publicKey: key.publicKey) == .badSignature)
        // A head as JSON survives the trip and still verifies.
        let fresh = try Ledger.signedTreeHead(store: store, key: key)
        let decoded = try JSONDecoder().decode(SignedTreeHead.self, from: JSONEncoder().encode(fresh))
        #expect(decoded == fresh && decoded.isSigned(by: key.publicKey))
    }

    @Test("attack: a version or a day edited beyond what the hash writes (65537, day + 2^32) is named by verify")
    func aliasedFields() async throws {
        for edit in ["version = 65537", "version = -65535", "effective = effective + 4294967296"] {
            let (_, path, dir) = try await ledger(records: 3)
            defer { try? FileManager.default.removeItem(at: dir) }
            let head = try Ledger.signedTreeHead(store: try SQLiteLedgerStore(path: path), key: key)
            try rawSQL(path, "DROP TRIGGER ledger_no_update; UPDATE ledger SET \(edit) WHERE seq = 2")
            let store = try SQLiteLedgerStore(readingOnly: path)
            #expect(try Ledger.verify(store: store).firstBrokenSequence == 2, "\(edit)")
            guard case .brokenChain = try Ledger.compare(store: store, with: head, publicKey: key.publicKey) else {
                Issue.record("\(edit): the head still holds")
                continue
            }
        }
    }

    @Test("no head is signed and no proof given over a broken chain")
    func brokenChain() async throws {
        let (_, path, dir) = try await ledger(records: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        let head = try Ledger.signedTreeHead(store: try SQLiteLedgerStore(path: path), key: key)
        try rawSQL(path, "DROP TRIGGER ledger_no_update; UPDATE ledger SET recorded_at = recorded_at + 1 WHERE seq = 2")
        let store = try SQLiteLedgerStore(path: path)
        #expect(throws: CreditKitError.self) { try Ledger.signedTreeHead(store: store, key: key) }
        #expect(throws: CreditKitError.self) { try Ledger.inclusionProof(store: store, entry: 1, treeSize: 2) }
        guard case .brokenChain(let report) = try Ledger.compare(store: store, with: head, publicKey: key.publicKey)
        else {
            Issue.record("expected a broken chain")
            return
        }
        #expect(report.firstBrokenSequence == 2)
    }

    @Test("a keys file gets a signing key: new files at creation, older ones when first asked, kept after")
    func signingKeyInKeysFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("new.keys").path
        _ = try VaultKeys.loadOrCreate(at: fresh)
        #expect(try TreeHeadKey.load(keysFile: fresh) != nil)
        let old = dir.appendingPathComponent("old.keys").path
        try "token=\(String(repeating: "11", count: 32))\nsealing=\(String(repeating: "22", count: 32))"
            .write(toFile: old, atomically: true, encoding: .utf8)
        #expect(try TreeHeadKey.load(keysFile: old) == nil)
        let (added, wasAdded) = try TreeHeadKey.loadOrAdd(keysFile: old)
        #expect(wasAdded)
        let (again, addedAgain) = try TreeHeadKey.loadOrAdd(keysFile: old)
        #expect(!addedAgain && again.publicKey == added.publicKey)
        // The vault keys still read as before.
        #expect(try VaultKeys.load(from: old).tokenKey == [UInt8](repeating: 0x11, count: 32))
    }
}
