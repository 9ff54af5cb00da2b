import CSQLite
import CreditKitCore
import CreditKitTesting
import Foundation

/// A fresh temporary directory, removed by the caller's `defer`.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("creditkit-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A kit on a new SQLite ledger file in a fresh temporary directory, with the fixture keys: the directory is the
/// caller's to remove in a `defer`.
func sqliteKit() throws -> (kit: CreditKit, path: String, dir: URL) {
    let dir = try temporaryDirectory()
    let path = dir.appendingPathComponent("l.sqlite").path
    return (try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo), path, dir)
}

let today = FixedClock.demo.today

func date(_ text: String) -> LocalDate { LocalDate(text)! }

/// Runs raw SQL against a ledger file, as someone with the sqlite3 shell would.
func rawSQL(_ path: String, _ sql: String) throws {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK else { throw CreditKitError(.storage, "cannot open \(path)") }
    defer { sqlite3_close(db) }
    var message: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(db, sql, nil, nil, &message) != SQLITE_OK {
        let text = message.map { String(cString: $0) } ?? "?"
        sqlite3_free(message)
        throw CreditKitError(.storage, text)
    }
}

/// All bytes of a ledger file and its WAL side files.
func fileBytes(_ path: String) -> [UInt8] {
    [path, path + "-wal", path + "-shm"].flatMap { p in
        FileManager.default.contents(atPath: p).map { Array($0) } ?? []
    }
}

extension Array where Element == UInt8 {
    func contains(_ needle: String) -> Bool {
        Data(self).range(of: Data(needle.utf8)) != nil
    }
}
