import CSQLite
import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

/// A store is opened on a file only when that file is a CreditKit ledger or nothing yet: what else is there is left
/// exactly as it was (issue: integrity under attack, "commands destroy or alter what they are pointed at").
@Suite("Stores respect the file they are given")
struct StoreRespectTests {
    func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ck-respect-\(UUID())-\(name)").path
    }

    /// An SQLite file of another application, with a table of its own.
    func foreignSQLite(at path: String) throws {
        var db: OpaquePointer?
        try #require(sqlite3_open(path, &db) == SQLITE_OK)
        defer { sqlite3_close(db) }
        try #require(
            sqlite3_exec(db, "CREATE TABLE people(name TEXT); INSERT INTO people VALUES ('x');", nil, nil, nil)
                == SQLITE_OK)
    }

    @Test("attack: an SQLite file of another application is refused and not rewritten into a ledger")
    func foreignFile() throws {
        let path = scratch("other.sqlite")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try foreignSQLite(at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(
            performing: { try SQLiteLedgerStore(path: path) },
            throws: { error in
                (error as? CreditKitError)?.message.contains("not a CreditKit ledger") == true
            })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(SQLiteLedgerStore.inspect(path) == .other("an SQLite file without CreditKit's tables"))
    }

    @Test("attack: a text file is refused as it is, with the cause named")
    func textFile() throws {
        let path = scratch("notes.txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Data(String(repeating: "会议纪要 minutes of the meeting\n", count: 200).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(
            performing: { try SQLiteLedgerStore(path: path) },
            throws: { error in
                (error as? CreditKitError)?.message.contains("\(path) is not a CreditKit ledger") == true
            })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
        #expect(SQLiteLedgerStore.inspect(path) == .other("not an SQLite file"))
    }

    @Test("inspect tells a missing path, an empty file, a folder and a ledger apart, changing nothing")
    func inspect() throws {
        let path = scratch("ledger.sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        #expect(SQLiteLedgerStore.inspect(path) == .missing)
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(SQLiteLedgerStore.inspect(path) == .empty)
        try FileManager.default.removeItem(atPath: path)
        _ = try SQLiteLedgerStore(path: path)
        #expect(SQLiteLedgerStore.inspect(path) == .ledger)
        #expect(SQLiteLedgerStore.inspect(FileManager.default.temporaryDirectory.path) == .other("a folder"))
    }
}

/// The subject index is derived data, bound to the entries (issue: integrity under attack, "views lie").
@Suite("Index integrity")
struct IndexIntegrityTests {
    @Test("attack: a forged indexed_through mark hides nothing; the index is rebuilt from the entries, with a warning")
    func forgedMark() async throws {
        let (kit, path, dir) = try sqliteKit()
        defer { try? FileManager.default.removeItem(at: dir) }
        let agency = Fixtures.agency(index: 1)
        do {
            try await kit.register(agency, on: date("2024-01-01"))
            try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-01-05")))
            try await kit.close()
        }
        try rawSQL(path, "INSERT OR REPLACE INTO meta(key, value) VALUES ('indexed_through', '999999')")
        let reopened = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        #expect(try reopened.ledger.read(concerning: agency.id, through: reopened.view).count == 2)
        #expect(reopened.ledger.restoration.warning?.contains("mark '999999' does not hold") == true)
        #expect(try SQLiteLedgerStore(path: path).indexProblem() == nil)
    }

    @Test("attack: index rows forged with plain INSERTs put nothing in a subject's file")
    func forgedRows() async throws {
        let (kit, path, dir) = try sqliteKit()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = (Fixtures.agency(index: 1), Fixtures.agency(index: 2))
        try await kit.register(a, on: date("2024-01-01"))
        try await kit.register(b, on: date("2024-01-01"))
        try await kit.enter(Fixtures.record(subject: b.id, decisionDate: date("2025-01-05")))
        try await kit.close()
        // Entry 3 is b's record; a row claims it is a's, another names a subject nobody has.
        try rawSQL(path, "INSERT INTO ledger_subject VALUES ('\(a.id)', 3), ('zzz', 3)")
        let reopened = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        #expect(try reopened.ledger.read(concerning: a.id, through: reopened.view).map(\.sequence) == [1])
        #expect(try reopened.ledger.read(concerning: b.id, through: reopened.view).map(\.sequence) == [2, 3])
    }

    @Test("attack: index rows deleted with a guard trigger dropped: found on open, guards restored, index rebuilt")
    func deletedRow() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let agency = Fixtures.agency(index: 1)
        do {
            let store = try SQLiteLedgerStore(path: path, indexFlushThreshold: 1)
            let kit = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: FixedClock.demo)
            try await kit.register(agency, on: date("2024-01-01"))
            try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-01-05")))
            try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-02-05")))
        }
        #expect(try SQLiteLedgerStore(path: path).indexProblem() == nil)
        try rawSQL(path, "DROP TRIGGER ledger_subject_no_delete; DELETE FROM ledger_subject WHERE seq = 2")
        let reopened = try SQLiteLedgerStore(path: path)
        #expect(
            reopened.openingWarnings.first?.contains("ledger_subject_no_delete had been dropped or altered") == true)
        #expect(try reopened.indexProblem() == nil)
        #expect(try reopened.sequences(concerning: agency.id) == [1, 2, 3])
        // The guard is back (dropping it again works only because it exists).
        #expect(throws: Never.self) { try rawSQL(path, "DROP TRIGGER ledger_subject_no_delete") }
    }

    @Test(
        "attack: a hand-edited file opened to read (guard dropped, index rows deleted, mark forged) is left as it was")
    func readOnlyOpen() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let agency = Fixtures.agency(index: 1)
        do {
            let store = try SQLiteLedgerStore(path: path, indexFlushThreshold: 1, cacheKey: Fixtures.keys.cacheKey)
            let kit = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: FixedClock.demo)
            try await kit.register(agency, on: date("2024-01-01"))
            try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-01-05")))
            try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-02-05")))
            try await kit.close()
        }
        try rawSQL(
            path,
            """
            DROP TRIGGER ledger_subject_no_delete; DELETE FROM ledger_subject WHERE seq = 2;
            INSERT OR REPLACE INTO meta(key, value) VALUES ('indexed_through', '999999')
            """)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let kit = try CreditKit(store: .sqliteReadingOnly(path), keys: Fixtures.keys, clock: FixedClock.demo)
        // Nothing hidden: the index on disk is not used, every entry is indexed in memory.
        #expect(try kit.ledger.read(concerning: agency.id, through: kit.view).map(\.sequence) == [1, 2, 3])
        #expect(kit.ledger.restoration.warnings.contains { $0.contains("opened read-only, so nothing was repaired") })
        await #expect(
            performing: { try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-03-05"))) },
            throws: { ($0 as? CreditKitError)?.message.contains("opened read-only") == true })
        try await kit.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // The guard is still missing: nothing was repaired.
        #expect(throws: CreditKitError.self) { try rawSQL(path, "DROP TRIGGER ledger_subject_no_delete") }
        // A file that is not a ledger is refused to read as well, and not changed.
        let other = dir.appendingPathComponent("other.sqlite").path
        try rawSQL(other, "CREATE TABLE people(name TEXT)")
        let otherBefore = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: CreditKitError.self) { try SQLiteLedgerStore(readingOnly: other) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBefore)
    }

    @Test(
        "attack: a guard replaced by a do-nothing trigger of the same name is found, and made again on a writing open")
    func hollowGuard() async throws {
        let (kit, path, dir) = try sqliteKit()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await kit.register(Fixtures.agency(index: 1), on: date("2024-01-01"))
        try await kit.close()
        try rawSQL(
            path,
            "DROP TRIGGER ledger_no_delete; CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT 1; END"
        )
        let looked = try SQLiteLedgerStore(readingOnly: path)
        #expect(looked.openingWarnings.first?.contains("ledger_no_delete had been dropped or altered") == true)
        let opened = try SQLiteLedgerStore(path: path)
        #expect(opened.openingWarnings.first?.contains("ledger_no_delete had been dropped or altered") == true)
        // The guard refuses again.
        #expect(throws: CreditKitError.self) { try rawSQL(path, "DELETE FROM ledger WHERE seq = 1") }
        #expect(try SQLiteLedgerStore(path: path).openingWarnings.isEmpty)
    }
}
