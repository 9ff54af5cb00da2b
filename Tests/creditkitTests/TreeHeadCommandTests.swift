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
