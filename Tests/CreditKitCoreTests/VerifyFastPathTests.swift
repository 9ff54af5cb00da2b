import CSQLite
import CreditKitTesting
import Foundation
import Testing

@testable import CreditKitCore

/// The SQLite store's own verify (rows laid out and hashed on a second thread) against verify entry by entry: the
/// same report, word for word, for an intact chain and for every way a row can be edited, over more than one batch.
@Suite("Verify from the stored rows equals verify entry by entry")
struct VerifyFastPathTests {
    /// A ledger of 5,001 entries (more than one batch of 4,096), closed.
    static func ledger(in dir: URL) async throws -> String {
        let path = dir.appendingPathComponent("base.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2020-01-01"))
        for start in stride(from: 0, to: 5_000, by: 1_000) {
            try await kit.ledger.append(
                (start..<(start + 1_000)).map {
                    RecordEntered(
                        record: Fixtures.record(
                            subject: agency.id, decisionDate: date("2021-01-01").adding(days: $0 % 900)))
                })
        }
        try await kit.close()
        return path
    }

    static let edits: [(String, String)] = [
        ("intact", ""),
        ("a payload changed in the second batch", "UPDATE ledger SET payload = CAST('{}' AS BLOB) WHERE seq = 4500"),
        ("a row deleted", "DELETE FROM ledger WHERE seq = 100"),
        ("a previous hash changed", "UPDATE ledger SET prev_hash = zeroblob(32) WHERE seq = 200"),
        ("a hash of the wrong length", "UPDATE ledger SET hash = x'010203' WHERE seq = 300"),
        ("a version beyond 16 bits", "UPDATE ledger SET version = 70000 WHERE seq = 50"),
        ("a day beyond 32 bits", "UPDATE ledger SET effective = 1099511627776 WHERE seq = 60"),
        ("a principal that is none", "UPDATE ledger SET principal = 'not a principal' WHERE seq = 70"),
        ("a principal removed", "UPDATE ledger SET principal = NULL WHERE seq = 71"),
        ("subjects beyond ASCII", "UPDATE ledger SET subjects = '机构 x' WHERE seq = 80"),
        ("the kind beyond ASCII", "UPDATE ledger SET kind = '记录' WHERE seq = 90"),
        (
            "a change before a broken link",
            "UPDATE ledger SET payload = CAST('{}' AS BLOB) WHERE seq = 4500; "
                + "UPDATE ledger SET prev_hash = zeroblob(32) WHERE seq = 4600"
        ),
        (
            "a broken link before a change",
            "UPDATE ledger SET prev_hash = zeroblob(32) WHERE seq = 10; "
                + "UPDATE ledger SET payload = CAST('{}' AS BLOB) WHERE seq = 4500"
        ),
        ("the last row changed", "UPDATE ledger SET recorded_at = recorded_at + 1 WHERE seq = 5001"),
    ]

    @Test("every edit gives the same report both ways, and the edit is found")
    func sameReports() async throws {
        let dir = try temporaryDirectory()
        // The test's own folder: a failure to remove it changes nothing tested.
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try await Self.ledger(in: dir)
        for (index, (name, sql)) in Self.edits.enumerated() {
            let path = dir.appendingPathComponent("copy-\(index).sqlite").path
            try FileManager.default.copyItem(atPath: base, toPath: path)
            if !sql.isEmpty {
                try rawSQL(
                    path, "DROP TRIGGER IF EXISTS ledger_no_update; DROP TRIGGER IF EXISTS ledger_no_delete; " + sql)
            }
            let store = try SQLiteLedgerStore(path: path)
            let fast = try #require(try store.verifiedChain())
            let slow = try Ledger.verifyEntryByEntry(store: store)
            #expect(fast == slow, "\(name): \(fast) is not \(slow)")
            // The pipelined reading every other store gets gives the same report too.
            let pipelined = try Ledger.verifyPipelined(store: store)
            #expect(pipelined == slow, "\(name): pipelined \(pipelined) is not \(slow)")
            #expect(fast.isValid == sql.isEmpty, "\(name): \(fast)")
            #expect(try Ledger.verify(store: store) == slow)
        }
    }
}
