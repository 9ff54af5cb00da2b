import CSQLite
import Foundation

// Every call into SQLite lives in this file and SQLiteLedgerStore.swift.

let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection. Not `Sendable`: it lives behind the lock of the store that owns it.
final class SQLiteConnection {
    let handle: OpaquePointer
    let path: String

    init(path: String, readOnly: Bool = false) throws {
        var db = try Self.open(path, readOnly: readOnly, immutable: false)
        // A WAL file read in a folder that cannot be written: SQLite cannot make its shared-memory index there.
        // With no write-ahead log, or an empty one, no change waits outside the file (a writer would have to make
        // one in that folder), so the file is read as it stands; a log with changes cannot be read there.
        let folder = (path as NSString).deletingLastPathComponent
        if readOnly, sqlite3_exec(db, "PRAGMA schema_version", nil, nil, nil) != SQLITE_OK,
            !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder)
        {
            let wal = path + "-wal"
            let pending =
                FileManager.default.fileExists(atPath: wal)
                ? (try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 1 : 0
            sqlite3_close_v2(db)
            guard pending == 0 else {
                throw CreditKitError(
                    .storage,
                    "\(path): its write-ahead log \(wal) holds changes that SQLite cannot read in a folder it cannot "
                        + "write (it would need to make \(path)-shm); open the ledger once where its folder can be "
                        + "written, or copy the folder")
            }
            db = try Self.open(path, readOnly: true, immutable: true)
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        // A writer waits this long for another process's write to finish (appends hold the lock through their
        // validation, see SQLiteLedgerStore.whileWriting) before the wait is reported as an error.
        sqlite3_busy_timeout(db, 30_000)
    }

    private static func open(_ path: String, readOnly: Bool, immutable: Bool) throws -> OpaquePointer {
        var db: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
            | (immutable ? SQLITE_OPEN_URI : 0)
        let name: String
        if immutable {
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: "?#%")
            name = "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
        } else {
            name = path
        }
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw CreditKitError(
                .storage, "cannot open SQLite file \(path): \(message)", context: ["sqlite": String(rc)])
        }
        return db
    }

    deinit { sqlite3_close_v2(handle) }

    /// Whether the file was opened read-only (SQLite falls back to it for a file or folder it cannot write).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    func error(_ rc: Int32, _ sql: String) -> CreditKitError {
        CreditKitError(
            .storage, "SQLite: \(String(cString: sqlite3_errmsg(handle)))",
            context: ["sqlite": String(rc), "sql": String(sql.prefix(120)), "file": path])
    }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error \(rc)"
            sqlite3_free(message)
            throw CreditKitError(
                .storage, "SQLite: \(text)", context: ["sqlite": String(rc), "sql": String(sql.prefix(120))])
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc, sql) }
        return SQLiteStatement(connection: self, handle: statement, sql: sql)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// - Parameters:
    ///   - begun: The write transaction was already begun (``SQLiteLedgerStore/whileWriting(_:)``): finish it.
    ///   - body: The writes.
    func transaction<T>(begun: Bool = false, _ body: () throws -> T) throws -> T {
        if !begun { try execute("BEGIN IMMEDIATE") }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // The transaction failed and its error is rethrown below; a failing ROLLBACK adds nothing to report.
            try? execute("ROLLBACK")
            throw error
        }
    }

    func scalarInt(_ sql: String) throws -> Int64? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.isNull(0) ? nil : statement.int64(0) : nil
    }
}

/// A prepared statement. Reset before each use; bound values are copied.
final class SQLiteStatement {
    unowned let connection: SQLiteConnection
    let handle: OpaquePointer
    let sql: String

    init(connection: SQLiteConnection, handle: OpaquePointer, sql: String) {
        self.connection = connection
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

    func bind(_ index: Int32, _ value: String) {
        sqlite3_bind_text(handle, index, value, -1, sqliteTransient)
    }

    func bind(_ index: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { raw in
            // A zero-length blob still binds as a blob, not NULL.
            sqlite3_bind_blob(
                handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), sqliteTransient)
        }
    }

    func bind(_ index: Int32, _ digest: Digest) {
        var words = (digest.w0.bigEndian, digest.w1.bigEndian, digest.w2.bigEndian, digest.w3.bigEndian)
        withUnsafeBytes(of: &words) { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress, 32, sqliteTransient)
        }
    }

    /// Steps once: `true` for a row, `false` when done.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(rc, sql)
        }
    }

    func run() throws {
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Whether a text column equals a string, without making a string.
    func textEquals(_ column: Int32, _ string: String) -> Bool {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let text = sqlite3_column_text(handle, column) else { return string.isEmpty }
        var string = string
        return string.withUTF8 { $0.count == count && (count == 0 || memcmp($0.baseAddress!, text, count) == 0) }
    }

    /// A text column's bytes, valid until the statement steps or resets.
    func rawText(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let text = sqlite3_column_text(handle, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: text, count: count)
    }

    /// A blob column's bytes, valid until the statement steps or resets.
    func rawBlob(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(handle, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }

    func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// A 32-byte blob read as a digest; `nil` when the column holds another length.
    func digest(_ column: Int32) -> Digest? {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count == 32, let pointer = sqlite3_column_blob(handle, column) else { return nil }
        return Digest(pointer: pointer)
    }
}

func sqlite3Changes(_ connection: SQLiteConnection) -> Int32 { sqlite3_changes(connection.handle) }
