import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@testable import creditkit

@Suite("creditkit head, verify --against, prove, check-proof")
struct TreeHeadCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-heads-\(UUID())")

    /// A ledger file with an agency and `records` records, written at the demo clock's fixed time: two files made
    /// with the same count hold the same entries, so a smaller one is the larger one cut short.
    func ledger(_ name: String, records: Int) async throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        let kit = try CreditKit(store: .sqlite(path), clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: LocalDate("2024-01-01")!)
        for i in 0..<records {
            try await kit.enter(
                Fixtures.record(
                    subject: agency.id, decisionDate: LocalDate("2025-01-01")!.adding(days: i),
                    amount: Decimal(1000 + i)))
        }
        try await kit.close()
        return path
    }

    func run(_ command: any Command.Type, _ arguments: [String]) async throws {
        var parser = ArgumentParser(arguments, command: command)
        try await command.run(&parser)
    }

    func head(of path: String, to name: String) throws -> String {
        let key = try #require(try TreeHeadKey.load(keysFile: path + ".keys"))
        let head = try Ledger.signedTreeHead(store: SQLiteLedgerStore(readingOnly: path), key: key)
        let out = folder.appendingPathComponent(name).path
        try JSONEncoder().encode(head).write(to: URL(fileURLWithPath: out))
        return out
    }

    @Test("verify --against: a ledger that grew passes; one cut short names its missing entries and exits 1")
    func against() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try await ledger("full.sqlite", records: 9)
        let headFile = try head(of: full, to: "head.json")
        try await run(VerifyCommand.self, [full, "--against", headFile])
        // The same history cut after entry 6, with the same keys: what deleting the last rows leaves.
        let cut = try await ledger("cut.sqlite", records: 5)
        try FileManager.default.removeItem(atPath: cut + ".keys")
        try FileManager.default.copyItem(atPath: full + ".keys", toPath: cut + ".keys")
        await #expect(
            performing: { try await run(VerifyCommand.self, [cut, "--against", headFile]) },
            throws: { ($0 as? CLIError)?.message.contains("entries 7-10 are missing") == true })
        // A head checked under another key is not this ledger's.
        let other = try TreeHeadKey.generate()
        await #expect(
            performing: {
                try await run(
                    VerifyCommand.self, [full, "--against", headFile, "--public-key", HexText(other.publicKey)])
            },
            throws: { ($0 as? CLIError)?.message.contains("signature does not hold") == true })
    }

    @Test("check-proof refuses a head the key did not sign, a proof of another tree, and a file that is not a proof")
    func checkProof() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try await ledger("l.sqlite", records: 4)
        let headFile = try head(of: path, to: "head.json")
        let key = try #require(try TreeHeadKey.load(keysFile: path + ".keys"))
        let pem = folder.appendingPathComponent("pub.pem").path
        try key.publicKeyPEM.write(toFile: pem, atomically: true, encoding: .utf8)
        let store = try SQLiteLedgerStore(readingOnly: path)
        let proofFile = folder.appendingPathComponent("proof.json").path
        try JSONEncoder().encode(try Ledger.inclusionProof(store: store, entry: 2, treeSize: 5))
            .write(to: URL(fileURLWithPath: proofFile))
        try await run(CheckProofCommand.self, [proofFile, "--head", headFile, "--public-key", pem])
        await #expect(
            performing: {
                try await run(
                    CheckProofCommand.self,
                    [proofFile, "--head", headFile, "--public-key", HexText(try TreeHeadKey.generate().publicKey)])
            }, throws: { ($0 as? CLIError)?.message.contains("not signed by that key") == true })
        try JSONEncoder().encode(try Ledger.inclusionProof(store: store, entry: 2, treeSize: 4))
            .write(to: URL(fileURLWithPath: proofFile))
        await #expect(
            performing: {
                try await run(CheckProofCommand.self, [proofFile, "--head", headFile, "--public-key", pem])
            },
            throws: { ($0 as? CLIError)?.message.contains("the proof does not hold") == true })
        try Data("[1, 2]".utf8).write(to: URL(fileURLWithPath: proofFile))
        await #expect(
            performing: {
                try await run(CheckProofCommand.self, [proofFile, "--head", headFile, "--public-key", pem])
            },
            throws: { ($0 as? CLIError)?.message.contains("not a JSON object") == true })
    }

    @Test("head --size signs an earlier state; prove refuses a head the ledger no longer reaches; no silent new key")
    func headOptions() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try await ledger("l.sqlite", records: 6)
        let key = try #require(try TreeHeadKey.load(keysFile: path + ".keys"))
        let store = try SQLiteLedgerStore(readingOnly: path)
        let early = try Ledger.signedTreeHead(store: store, key: key, size: 4)
        let now = try Ledger.signedTreeHead(store: store, key: key)
        #expect(early.treeSize == 4 && early.isSigned(by: key.publicKey))
        try Ledger.consistencyProof(store: store, from: 4, to: 7).check(from: early, to: now)
        #expect(throws: CreditKitError.self) { try Ledger.signedTreeHead(store: store, key: key, size: 8) }
        // A head the ledger no longer reaches (another root, or more entries than it holds) is refused before any
        // proof is made.
        #expect(try Ledger.signedTreeHeadCheck(store: store, head: now) == nil)
        var foreign = now
        foreign.rootHash = early.rootHash
        #expect(try Ledger.signedTreeHeadCheck(store: store, head: foreign)?.contains("another ledger's head") == true)
        var longer = now
        longer.treeSize = 9
        #expect(try Ledger.signedTreeHeadCheck(store: store, head: longer)?.contains("entries 8-9 are missing") == true)
        let headFile = folder.appendingPathComponent("long.json").path
        try JSONEncoder().encode(longer).write(to: URL(fileURLWithPath: headFile))
        await #expect(
            performing: { try await run(ProveCommand.self, [path, "--entry", "2", "--head", headFile]) },
            throws: { ($0 as? CLIError)?.message.contains("TRUNCATED") == true })
        // A keys file without a signing line: head refuses until told --new-key.
        let bare = folder.appendingPathComponent("bare.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: bare)
        try "token=\(String(repeating: "11", count: 32))\nsealing=\(String(repeating: "22", count: 32))\n"
            .write(toFile: bare + ".keys", atomically: true, encoding: .utf8)
        await #expect(
            performing: { try await run(HeadCommand.self, [bare, "--public-key"]) },
            throws: { ($0 as? CLIError)?.message.contains("--new-key") == true })
        #expect(try TreeHeadKey.load(keysFile: bare + ".keys") == nil)
        try await run(HeadCommand.self, [bare, "--public-key", "--new-key"])
        #expect(try TreeHeadKey.load(keysFile: bare + ".keys") != nil)
    }

    @Test("attack: every read command, verify and head included, leaves the ledger file byte for byte as it was")
    func readCommandsWriteNothing() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try await ledger("l.sqlite", records: 3)
        let agency = Fixtures.agency(index: 1).id.rawValue
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let headFile = try head(of: path, to: "head.json")
        try await run(VerifyCommand.self, [path, "--against", headFile])
        try await run(FindingsCommand.self, [path])
        try await run(CheckCommand.self, [path, "--subject", agency, "--for", "tenders"])
        try await run(PublishCommand.self, [path])
        try await run(ProveCommand.self, [path, "--entry", "2"])
        try await run(HeadCommand.self, [path])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // A write through a kit opened to read is refused in plain words, and writes nothing.
        let kit = try openKit(path)
        await #expect(
            performing: {
                try await kit.enter(
                    Fixtures.record(subject: Fixtures.agency(index: 1).id, decisionDate: LocalDate("2025-05-05")!))
            }, throws: { ($0 as? CreditKitError)?.message.contains("opened read-only") == true })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

/// Bytes as lowercase hex.
func HexText(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
