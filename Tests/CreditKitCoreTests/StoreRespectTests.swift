import CSQLite
import CreditKitCore
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
