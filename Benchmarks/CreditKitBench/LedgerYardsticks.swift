import CSQLite
import CreditKitCore
import Foundation

/// The ledger's yardsticks, measured in the same run as the ledger itself, on the same rows: what SQLite alone
/// takes to put those rows on disk, to read them back, and what hashing their bytes takes.
enum LedgerYardsticks {
    /// One stored row of the ledger table, as read back.
    struct Row {
        var seq: Int64
        var recordedAt: Int64
        var effective: Int64
        var kind: [UInt8]
        var version: Int64
        var subjects: [UInt8]
        var payload: [UInt8]
        var previousHash: [UInt8]
        var hash: [UInt8]
        var principal: [UInt8]?

        /// The number of bytes the entry's canonical form hashes: tag, sequence, time, date, kind, version,
        /// subjects, payload, principal and previous hash, with their lengths (see `LedgerEntry`).
        var canonicalSize: Int {
            4 + 8 + 8 + 4 + 2 + kind.count + 2 + 4 + 2 + subjects.count + 4 + payload.count
                + (principal.map { 2 + $0.count } ?? 0) + 32
        }
    }

    static func check(_ code: Int32, _ db: OpaquePointer?, _ what: String) throws {
        guard code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW else {
            throw BenchError.message("\(what): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    static func blob(_ s: OpaquePointer?, _ column: Int32) -> [UInt8] {
        let n = Int(sqlite3_column_bytes(s, column))
        guard n > 0, let p = sqlite3_column_blob(s, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// Reads the ledger's rows with sequence numbers above `after`, `batch` at a time, handing each batch on.
    static func forEachBatch(
        of path: String, after: Int64, batch: Int, _ body: ([Row]) throws -> Void
    ) throws {
        try withRows(of: path, after: after) { s in try forEach(s, batch: batch, body) }
    }

    /// Opens the ledger file read-only and hands on a statement over every column of its rows with sequence numbers
    /// above `after`, in order.
    static func withRows(of path: String, after: Int64, _ body: (OpaquePointer?) throws -> Void) throws {
        var db: OpaquePointer?
        try check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil), db, "open \(path)")
        defer { sqlite3_close(db) }
        var s: OpaquePointer?
        try check(
            sqlite3_prepare_v2(
                db,
                "SELECT seq, recorded_at, effective, kind, version, subjects, payload, prev_hash, hash, principal "
                    + "FROM ledger WHERE seq > ? ORDER BY seq", -1, &s, nil), db, "prepare")
        defer { sqlite3_finalize(s) }
        sqlite3_bind_int64(s, 1, after)
        try body(s)
    }

    /// The statement's rows, `batch` at a time.
    static func forEach(_ s: OpaquePointer?, batch: Int, _ body: ([Row]) throws -> Void) throws {
        var rows: [Row] = []
        rows.reserveCapacity(batch)
        while sqlite3_step(s) == SQLITE_ROW {
            rows.append(
                Row(
                    seq: sqlite3_column_int64(s, 0), recordedAt: sqlite3_column_int64(s, 1),
                    effective: sqlite3_column_int64(s, 2), kind: blob(s, 3), version: sqlite3_column_int64(s, 4),
                    subjects: blob(s, 5), payload: blob(s, 6), previousHash: blob(s, 7), hash: blob(s, 8),
                    principal: sqlite3_column_type(s, 9) == SQLITE_NULL ? nil : blob(s, 9)))
            if rows.count == batch {
                try body(rows)
                rows.removeAll(keepingCapacity: true)
            }
        }
        if !rows.isEmpty { try body(rows) }
    }

    /// SQLite writing the ledger's record rows into a new file with the ledger's settings (8 KiB pages, WAL,
    /// `synchronous=FULL`) and its table, without the subject index, in the same batches: the cost of putting the
    /// same bytes on disk with the same durability. Reading the rows back is not timed.
    /// - Returns: Rows per second.
    static func insert(from ledger: String, after: Int64, batch: Int, into path: String) throws -> (Int, Double) {
        var db: OpaquePointer?
        try check(sqlite3_open(path, &db), db, "open \(path)")
        defer { sqlite3_close(db) }
        try check(
            sqlite3_exec(
                db,
                """
                PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536;
                PRAGMA wal_autocheckpoint = 4096; PRAGMA synchronous = FULL;
                CREATE TABLE ledger(seq INTEGER PRIMARY KEY, recorded_at INTEGER NOT NULL, effective INTEGER NOT NULL,
                    kind TEXT NOT NULL, version INTEGER NOT NULL, subjects TEXT NOT NULL, payload BLOB NOT NULL,
                    prev_hash BLOB NOT NULL, hash BLOB NOT NULL, principal TEXT);
                """, nil, nil, nil), db, "create")
        var s: OpaquePointer?
        try check(
            sqlite3_prepare_v2(db, "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &s, nil), db,
            "prepare")
        defer { sqlite3_finalize(s) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        var timed = 0.0
        var count = 0
        try forEachBatch(of: ledger, after: after, batch: batch) { rows in
            let start = ContinuousClock.now
            try check(sqlite3_exec(db, "BEGIN", nil, nil, nil), db, "begin")
            for r in rows {
                sqlite3_reset(s)
                sqlite3_bind_int64(s, 1, r.seq)
                sqlite3_bind_int64(s, 2, r.recordedAt)
                sqlite3_bind_int64(s, 3, r.effective)
                _ = r.kind.withUnsafeBytes { sqlite3_bind_text(s, 4, $0.baseAddress, Int32($0.count), transient) }
                sqlite3_bind_int64(s, 5, r.version)
                _ = r.subjects.withUnsafeBytes { sqlite3_bind_text(s, 6, $0.baseAddress, Int32($0.count), transient) }
                _ = r.payload.withUnsafeBytes { sqlite3_bind_blob(s, 7, $0.baseAddress, Int32($0.count), transient) }
                _ = r.previousHash.withUnsafeBytes { sqlite3_bind_blob(s, 8, $0.baseAddress, 32, transient) }
                _ = r.hash.withUnsafeBytes { sqlite3_bind_blob(s, 9, $0.baseAddress, 32, transient) }
                if let p = r.principal {
                    _ = p.withUnsafeBytes { sqlite3_bind_text(s, 10, $0.baseAddress, Int32($0.count), transient) }
                } else {
                    sqlite3_bind_null(s, 10)
                }
                try check(sqlite3_step(s), db, "insert")
            }
            try check(sqlite3_exec(db, "COMMIT", nil, nil, nil), db, "commit")
            timed += seconds(since: start)
            count += rows.count
        }
        return (count, Double(count) / timed)
    }

    /// SQLite reading every row of the ledger table, every column touched, in order: the floor of any verify.
    /// - Returns: Rows per second.
    static func scan(_ path: String) throws -> Double {
        let start = ContinuousClock.now
        var count = 0
        var bytes = 0
        // Every row: sequence numbers start at 1.
        try withRows(of: path, after: 0) { s in
            while sqlite3_step(s) == SQLITE_ROW {
                for c in Int32(0)..<10 {
                    _ = sqlite3_column_blob(s, c)
                    bytes += Int(sqlite3_column_bytes(s, c))
                }
                count += 1
            }
        }
        guard bytes > 0 else { throw BenchError.message("the scan read nothing") }
        return Double(count) / seconds(since: start)
    }

    /// SHA-256 over buffers of each entry's canonical size (its own bytes laid end to end), through the same
    /// libcrypto the ledger uses: the other floor of any verify. Reading the rows is not timed.
    /// - Returns: Entries per second.
    static func hash(_ path: String) throws -> Double {
        var timed = 0.0
        var count = 0
        var digest = Digest.zero
        try forEachBatch(of: path, after: 0, batch: 10_000) { rows in
            let buffers = rows.map { r -> [UInt8] in
                var b = r.kind + r.subjects + r.payload + r.previousHash + (r.principal ?? [])
                b += [UInt8](repeating: 0, count: r.canonicalSize - b.count)
                return b
            }
            let start = ContinuousClock.now
            for b in buffers { digest = Digest.sha256(of: b) }
            timed += seconds(since: start)
            count += rows.count
        }
        guard digest != .zero else { throw BenchError.message("hashed nothing") }
        return Double(count) / timed
    }
}
