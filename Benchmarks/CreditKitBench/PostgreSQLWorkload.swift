import CreditKitCore
import CreditKitPostgreSQL
import CreditKitTesting
import Foundation

// `creditkit-bench ledger --store postgresql://…`: the ledger workload on the PostgreSQL store, in a schema of its
// own that is dropped at the end, with PostgreSQL's own insert of the same rows as the yardstick and the throughput
// of 1, 2 and 4 writer processes on one ledger.

/// The settings every yardstick session uses: the store's durability.
private let yardstickSettings = "SET synchronous_commit = on; SET client_min_messages = warning"

/// The ledger workload on PostgreSQL: append N records in batches of 1,000 through the ledger, verify, reopen; the
/// yardstick; then the writers.
func postgreSQLLedgerWorkload(n: Int, url: String) async throws {
    let schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10)
    defer {
        do { try PostgreSQLLedgerStore.dropLedger(url: url, schema: schema) } catch {
            FileHandle.standardError.write(Data("creditkit-bench: could not drop schema \(schema): \(error)\n".utf8))
        }
    }
    let agencies = 10_000
    let batch = 1_000
    let base = try LocalDate(year: 2024, month: 1, day: 1)
    let cacheKey = Fixtures.keys.cacheKey
    var subjectIDs: [SubjectID] = []
    do {
        let ledger = try Ledger(store: PostgreSQLLedgerStore(url: url, schema: schema), cacheKey: cacheKey)
        subjectIDs = try await registerAgencies(agencies, on: base, in: ledger, batch: batch)
        let (appendSeconds, _) = try await appendRecords(n, about: subjectIDs, from: base, to: ledger, batch: batch)
        let verifyStart = ContinuousClock.now
        let report = try await ledger.verify()
        let verifySeconds = seconds(since: verifyStart)
        guard report.isValid else { throw BenchError.message("verify failed: \(report)") }
        try await ledger.close()

        let yardstick = try PostgreSQLYardstick.insert(url: url, schema: schema, after: Int64(agencies), batch: batch)
        guard yardstick.rows == n else {
            throw BenchError.message("the yardstick wrote \(yardstick.rows) rows, not \(n)")
        }
        let storePerSecond = try PostgreSQLYardstick.storeAppend(
            url: url, schema: schema, after: Int64(agencies), batch: batch)
        let appendPerSecond = Double(n) / appendSeconds
        let best = max(yardstick.copyPerSecond, yardstick.insertPerSecond, yardstick.multiInsertPerSecond)
        emit([
            ("workload", "append"), ("store", "postgresql"), ("n", n), ("seconds", appendSeconds),
            ("per_second", appendPerSecond), ("batch", batch),
            ("postgresql_copy_per_second", yardstick.copyPerSecond),
            ("postgresql_insert_per_second", yardstick.insertPerSecond),
            ("postgresql_multirow_insert_per_second", yardstick.multiInsertPerSecond),
            ("vs_postgresql", appendPerSecond / best),
            ("vs_postgresql_insert", appendPerSecond / yardstick.insertPerSecond),
            ("vs_postgresql_multirow_insert", appendPerSecond / yardstick.multiInsertPerSecond),
            ("store_append_per_second", storePerSecond), ("store_vs_postgresql", storePerSecond / best),
        ])
        let scanPerSecond = try PostgreSQLYardstick.scan(url: url, schema: schema)
        let verifyPerSecond = Double(report.entryCount) / verifySeconds
        emit([
            ("workload", "verify"), ("store", "postgresql"), ("n", Int(report.entryCount)), ("seconds", verifySeconds),
            ("per_second", verifyPerSecond), ("scan_per_second", scanPerSecond),
            ("vs_scan", verifyPerSecond / scanPerSecond),
        ])
    }
    let start = ContinuousClock.now
    let reopened = try Ledger(store: PostgreSQLLedgerStore(url: url, schema: schema), cacheKey: cacheKey)
    guard try reopened.profile(of: subjectIDs[4_242], asOf: base.adding(days: 400)) != nil else {
        throw BenchError.message("the reopened ledger has no profile for \(subjectIDs[4_242])")
    }
    emit([
        ("workload", "reopen"), ("store", "postgresql"), ("n", Int(await reopened.head.sequence)),
        ("seconds", seconds(since: start)),
    ])
    try await writersWorkload(url: url)
}

/// 1, 2 and 4 writer processes (this executable's `pg-writer`) appending 40,000 records in all, in batches of 100,
/// to one new ledger each time: entries per second over the wall time, every batch taking in the others' first.
func writersWorkload(url: String) async throws {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let total = 40_000
    let size = 100
    for writers in [1, 2, 4] {
        let schema = "bench_w_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10)
        defer {
            do { try PostgreSQLLedgerStore.dropLedger(url: url, schema: schema) } catch {
                FileHandle.standardError.write(
                    Data("creditkit-bench: could not drop schema \(schema): \(error)\n".utf8))
            }
        }
        do {
            let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
            for i in 0..<100 {
                try await kit.register(Fixtures.agency(index: i), on: try LocalDate(parsing: "2024-01-01"))
            }
        }
        let batches = total / size / writers
        let start = ContinuousClock.now
        let processes = try (0..<writers).map { w -> Process in
            let process = Process()
            process.executableURL = executable
            // The connection string by the environment, which only this user can read (a command line is shown
            // to everyone by `ps`).
            process.arguments = ["pg-writer", schema, "--n", String(batches * 1_000 + w)]
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["CREDITKIT_BENCH_STORE": url], uniquingKeysWith: { $1 })
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BenchError.message("a writer failed") }
        }
        let wall = seconds(since: start)
        let check = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
        let report = try Ledger.verify(store: check)
        guard report.isValid, report.entryCount == Int64(100 + batches * writers * size) else {
            throw BenchError.message("after \(writers) writers: \(report)")
        }
        emit([
            ("workload", "writers"), ("store", "postgresql"), ("writers", writers), ("n", batches * writers * size),
            ("batch", size), ("seconds", wall), ("per_second", Double(batches * writers * size) / wall),
            ("batches_per_second", Double(batches * writers) / wall),
        ])
    }
}

/// One writer process of ``writersWorkload(url:)``: `--n` is batches × 1,000 + the writer's number.
func postgreSQLWriter(url: String, schema: String, code: Int) async throws {
    let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
    let (batches, writer) = (code / 1_000, code % 1_000)
    let base = try LocalDate(parsing: "2025-01-01")
    for b in 0..<batches {
        let records = (0..<100).map { i in
            RecordEntered(
                record: Fixtures.record(
                    subject: Fixtures.agency(index: (b + i) % 100).id, decisionDate: base.adding(days: b % 300),
                    amount: Decimal(writer * 1_000_000 + b * 100 + i)))
        }
        try await kit.append(records)
    }
}

/// PostgreSQL's own work on the same rows, in the same run.
enum PostgreSQLYardstick {
    /// Copies the ledger's record rows (after `after`) into a table of the same shape with its primary key and no
    /// other index, in transactions of `batch` rows committed with the store's durability: once with `COPY` (binary,
    /// the fastest way PostgreSQL takes rows), once with a prepared one-row `INSERT` per row, and once with one
    /// multi-row `INSERT` per batch.
    static func insert(url: String, schema: String, after: Int64, batch: Int) throws -> (
        rows: Int, copyPerSecond: Double, insertPerSecond: Double, multiInsertPerSecond: Double
    ) {
        let db = try PGConnection(url: url, settings: yardstickSettings)
        let columns = "seq, recorded_at, effective, kind, version, subjects, payload, prev_hash, hash, principal"
        let source = try db.query(
            "SELECT \(columns) FROM \(schema).ledger WHERE seq > $1 ORDER BY seq", [.int8(after)])
        let rows = source.count
        try db.execute(
            """
            CREATE TABLE \(schema).yard_copy(
                seq bigint PRIMARY KEY, recorded_at bigint NOT NULL, effective integer NOT NULL, kind text NOT NULL,
                version integer NOT NULL, subjects text NOT NULL, payload bytea NOT NULL, prev_hash bytea NOT NULL,
                hash bytea NOT NULL, principal text);
            CREATE TABLE \(schema).yard_insert (LIKE \(schema).yard_copy INCLUDING ALL);
            """)
        var copySeconds = 0.0
        for first in stride(from: 0, to: rows, by: batch) {
            // The bytes laid out before the clock starts: the yardstick is the server taking them.
            var buffer = PGCopyBuffer(capacity: batch * 700)
            for r in first..<min(rows, first + batch) {
                buffer.row(fields: 10)
                buffer.int8(source.int64(r, 0))
                buffer.int8(source.int64(r, 1))
                buffer.int4(Int32(source.int64(r, 2)))
                buffer.bytes(source.raw(r, 3))
                buffer.int4(Int32(source.int64(r, 4)))
                buffer.bytes(source.raw(r, 5))
                buffer.bytes(source.raw(r, 6))
                buffer.bytes(source.raw(r, 7))
                buffer.bytes(source.raw(r, 8))
                if source.isNull(r, 9) { buffer.null() } else { buffer.bytes(source.raw(r, 9)) }
            }
            let start = ContinuousClock.now
            try db.execute("BEGIN")
            try db.copy("COPY \(schema).yard_copy(\(columns)) FROM STDIN (FORMAT binary)", buffer)
            try db.execute("COMMIT")
            copySeconds += seconds(since: start)
        }
        var insertSeconds = 0.0
        try db.prepare(
            "yard_row",
            "INSERT INTO \(schema).yard_insert(\(columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            types: [20, 20, 23, 25, 23, 25, 17, 17, 17, 25])
        for first in stride(from: 0, to: rows, by: batch) {
            let start = ContinuousClock.now
            try db.execute("BEGIN")
            for r in first..<min(rows, first + batch) {
                try db.run(
                    prepared: "yard_row",
                    [
                        .int8(source.int64(r, 0)), .int8(source.int64(r, 1)), .int4(Int32(source.int64(r, 2))),
                        .text(source.string(r, 3)), .int4(Int32(source.int64(r, 4))), .text(source.string(r, 5)),
                        .bytea(source.bytes(r, 6)), .bytea(source.bytes(r, 7)), .bytea(source.bytes(r, 8)),
                        source.isNull(r, 9) ? .null(type: 25) : .text(source.string(r, 9)),
                    ])
            }
            try db.execute("COMMIT")
            insertSeconds += seconds(since: start)
        }
        // One multi-row INSERT a batch: the batch's rows as the statement's parameters, ten a row.
        var multiSeconds = 0.0
        try db.execute("CREATE TABLE \(schema).yard_multi (LIKE \(schema).yard_copy INCLUDING ALL)")
        for first in stride(from: 0, to: rows, by: batch) {
            let last = min(rows, first + batch)
            var parameters: [PGParameter] = []
            parameters.reserveCapacity((last - first) * 10)
            var tuples: [String] = []
            for r in first..<last {
                let base = parameters.count
                tuples.append("(" + (1...10).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
                parameters += [
                    .int8(source.int64(r, 0)), .int8(source.int64(r, 1)), .int4(Int32(source.int64(r, 2))),
                    .text(source.string(r, 3)), .int4(Int32(source.int64(r, 4))), .text(source.string(r, 5)),
                    .bytea(source.bytes(r, 6)), .bytea(source.bytes(r, 7)), .bytea(source.bytes(r, 8)),
                    source.isNull(r, 9) ? .null(type: 25) : .text(source.string(r, 9)),
                ]
            }
            let sql = "INSERT INTO \(schema).yard_multi(\(columns)) VALUES " + tuples.joined(separator: ", ")
            let start = ContinuousClock.now
            try db.execute("BEGIN")
            try db.query(sql, parameters)
            try db.execute("COMMIT")
            multiSeconds += seconds(since: start)
        }
        return (rows, Double(rows) / copySeconds, Double(rows) / insertSeconds, Double(rows) / multiSeconds)
    }

    /// The store's own part of an append: the same entries, already made, given to ``PostgreSQLLedgerStore/append(_:)``
    /// of a new ledger in the same batches (the write lock, the head, the rows and the subject index by `COPY`, the
    /// commit), without the ledger's validation, encoding, hashing and view.
    static func storeAppend(url: String, schema: String, after: Int64, batch: Int) throws -> Double {
        let copy = schema + "_store"
        defer {
            do { try PostgreSQLLedgerStore.dropLedger(url: url, schema: copy) } catch {
                FileHandle.standardError.write(Data("creditkit-bench: could not drop schema \(copy): \(error)\n".utf8))
            }
        }
        let source = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
        let target = try PostgreSQLLedgerStore(url: url, schema: copy)
        var pending: [LedgerEntry] = []
        var timed = 0.0
        var rows = 0
        try source.forEachEntry(from: 1) { entry in
            pending.append(entry)
            guard pending.count == batch || entry.sequence == after else { return }
            let start = ContinuousClock.now
            try target.append(pending)
            if entry.sequence > after {
                timed += seconds(since: start)
                rows += pending.count
            }
            pending.removeAll(keepingCapacity: true)
        }
        if !pending.isEmpty {
            let start = ContinuousClock.now
            try target.append(pending)
            timed += seconds(since: start)
            rows += pending.count
        }
        return Double(rows) / timed
    }

    /// Reads every row of the ledger through a cursor, 4,096 at a time, as the store streams them.
    static func scan(url: String, schema: String) throws -> Double {
        let db = try PGConnection(url: url, settings: yardstickSettings)
        let start = ContinuousClock.now
        try db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try db.execute(
            "DECLARE yard NO SCROLL CURSOR FOR SELECT seq, recorded_at, effective, kind, version, subjects, payload, "
                + "prev_hash, hash, principal FROM \(schema).ledger ORDER BY seq")
        var rows = 0
        var bytes = 0
        while true {
            let part = try db.query("FETCH 4096 FROM yard")
            if part.count == 0 { break }
            for r in 0..<part.count { bytes &+= part.raw(r, 6).count }
            rows += part.count
        }
        try db.execute("COMMIT")
        guard bytes > 0 else { throw BenchError.message("the scan read no payload") }
        return Double(rows) / seconds(since: start)
    }
}
