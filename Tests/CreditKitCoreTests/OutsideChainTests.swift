import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

/// A row put in a ledger file outside the chain (sequence 0 or below), as the sqlite3 shell can: no read finds it,
/// and verify's check of what is derived names it.
@Test("a row inserted by hand below sequence 1 is read by nobody and named by the index check")
func rowOutsideTheChain() async throws {
    let (kit, path, dir) = try sqliteKit()
    defer { try? FileManager.default.removeItem(at: dir) }
    let agency = Fixtures.agency(index: 1)
    try await kit.register(agency, on: date("2024-01-01"))
    try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2024-06-01")))
    try await kit.close()
    try rawSQL(
        path,
        "INSERT INTO ledger SELECT -1, recorded_at, effective, kind, version, subjects, payload, prev_hash, hash, "
            + "principal FROM ledger WHERE seq = 2; INSERT INTO ledger_subject VALUES ('\(agency.id)', -1)")
    let store = try SQLiteLedgerStore(readingOnly: path)
    #expect(try store.indexProblem()?.contains("outside the chain") == true)
    #expect(try store.sequences(concerning: agency.id) == [1, 2])
    #expect(try store.entries(sequences: [-1, 2]).map(\.sequence) == [2])
}
