import CreditKitCore
import Foundation
import Synchronization

/// The platform store (PostgreSQL 存储): one ledger in a PostgreSQL database that several services on several
/// machines append to and read, through the system's libpq.
///
/// Tables, in their own schema (`creditkit` unless given): `meta`, `ledger` (one row per entry: `seq`,
/// `recorded_at` in microseconds, `effective` in days since 1970-01-01, `kind`, `version`, `subjects` separated by
/// spaces, `payload` canonical JSON as `bytea`, `prev_hash`, `hash`, `principal`), `ledger_subject` (subject →
/// sequence rows under a hash index on the subject, written in the same transaction as their entries), `checkpoint`
/// (one cached view blob) and `vault` (sealed personal data, the only rows ever deleted). Triggers refuse `UPDATE`, `DELETE` and `TRUNCATE` on the
/// ledger tables inside the server; whoever drops them to edit a row is caught by `Ledger.verify()`.
///
/// Many writers: every append takes the ledger's write lock (a transaction-level advisory lock, so a role with only
/// `INSERT` and `SELECT` can write), reads the head inside it, and commits; `Ledger` takes in what other writers
/// appended and validates against it while the lock is held, so two writers never fork the chain. A writer waits
/// for the lock up to ``lockTimeoutSeconds`` and then fails with a storage error, writing nothing. Should a program
/// that does not take the lock insert rows, the primary key on `seq` still refuses a second entry at the same place.
///
/// Durable on return: each session sets `synchronous_commit = on`, whatever the server's default.
public final class PostgreSQLLedgerStore: LedgerStore {
    private final class Connection {
        let db: PGConnection
        let schema: String
        let readOnly: Bool
        /// A transaction holding the write lock is open for ``whileWriting(_:)``; the next append commits it.
        var writing = false
        /// The head read while holding the write lock: no other writer can move it until the lock is let go, so the
        /// append checks against it without asking the server again.
        var lockedHead: ChainHead?

        /// Connects again if the server closed the connection, but never under the write lock: the transaction and
        /// its lock went with the connection, and what follows must not run outside them.
        func ensureConnected() throws {
            if writing, db.isLost || !db.inTransaction {
                throw CreditKitError(
                    .storage,
                    "the connection to PostgreSQL at \(db.shownAs) was lost during a write: its transaction and the "
                        + "write lock went with it, and nothing was written")
            }
            try db.reconnectIfLost()
        }
        var warnings: [String] = []

        init(url: String, schema: String, readOnly: Bool, lockTimeout: Int) throws {
            self.schema = schema
            self.readOnly = readOnly
            // Read committed, whatever the database's default: a statement after the write lock must see what the
            // writer before committed.
            db = try PGConnection(
                url: url,
                settings: "SET synchronous_commit = on; SET lock_timeout = '\(lockTimeout)s'; "
                    + "SET default_transaction_isolation = 'read committed'; "
                    + "SET default_transaction_read_only = \(readOnly ? "on" : "off"); SET client_min_messages = warning"
            )
            // From the catalogue, which every role can read (information_schema shows only tables one may use).
            let found = try db.query(
                """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                """, [.text(schema)])
            let names = Set((0..<found.count).map { found.string($0, 0) })
            let ours: Set<String> = ["meta", "ledger", "ledger_subject", "checkpoint", "vault"]
            if !names.isEmpty, !names.contains("meta") {
                throw CreditKitError(
                    .storage,
                    "the schema \(schema) in \(db.shownAs) is not a CreditKit ledger: it holds other tables "
                        + "(\(names.sorted().prefix(3).joined(separator: ", "))); nothing was changed")
            }
            if readOnly {
                guard names.isSuperset(of: ours) else {
                    // Marked so that a caller can tell "no ledger here" from a server that could not answer.
                    throw CreditKitError(
                        .storage, "no CreditKit ledger in schema \(schema) of \(db.shownAs) to read",
                        context: ["ledger": "absent"])
                }
                warnings += try guardProblems().map {
                    "\($0): the tables were open to edits; opened to read only, nothing was repaired"
                }
                warnings += try foreignHooks().map {
                    "\($0), which CreditKit did not make, could change or drop rows as they are written"
                }
            } else if !names.isSuperset(of: ours) {
                try createTables(repairing: [])
            } else {
                // A ledger whose guards stand needs no change, so a role without the right to make tables can write.
                let problems = try guardProblems()
                if !problems.isEmpty {
                    try createTables(repairing: problems)
                    warnings += problems.map {
                        "\($0): the tables were open to edits; the guard is restored (run verify)"
                    }
                }
            }
            let format = try db.query("SELECT value FROM \(schema).meta WHERE key = 'format'")
            guard format.count == 1, format.string(0, 0) == "creditkit-ledger-1" else {
                throw CreditKitError(
                    .storage,
                    "the schema \(schema) in \(db.shownAs) is not a CreditKit ledger of format creditkit-ledger-1")
            }
            if !readOnly {
                // A trigger or rule of someone else's could change or drop rows as they are written.
                let foreign = try foreignHooks()
                if !foreign.isEmpty {
                    throw CreditKitError(
                        .storage,
                        "the ledger tables in schema \(schema) carry \(foreign.joined(separator: ", ")), which CreditKit "
                            + "did not make and which could change or drop rows as they are written; nothing was "
                            + "written (remove it, then run verify)")
                }
            }
        }

        /// The body of the function the guards run, as CreditKit makes it.
        static let refuseBody =
            "\nBEGIN\n    RAISE EXCEPTION 'the CreditKit ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;\nEND "

        /// The triggers that keep the ledger and its index append-only: each with its table, the kind PostgreSQL
        /// stores (`tgtype`: row 1, before 2, delete 8, update 16, truncate 32), and the statement that makes it.
        var guardTriggers: [(name: String, table: String, type: Int64, sql: String)] {
            var out: [(name: String, table: String, type: Int64, sql: String)] = []
            for (table, name) in [("ledger", "ledger_append_only"), ("ledger_subject", "ledger_subject_append_only")] {
                let rowType: Int64 = 1 | 2 | 8 | 16
                let truncateType: Int64 = 2 | 32
                out.append(
                    (
                        name, table, rowType,
                        "CREATE TRIGGER \(name) BEFORE UPDATE OR DELETE ON \(schema).\(table) "
                            + "FOR EACH ROW EXECUTE FUNCTION \(schema).refuse_change()"
                    ))
                out.append(
                    (
                        name + "_truncate", table, truncateType,
                        "CREATE TRIGGER \(name)_truncate BEFORE TRUNCATE ON \(schema).\(table) "
                            + "FOR EACH STATEMENT EXECUTE FUNCTION \(schema).refuse_change()"
                    ))
            }
            return out
        }

        /// Creates the schema, tables and guards where they are missing, and makes again each guard named in
        /// `repairing`, one opener at a time.
        func createTables(repairing: [String]) throws {
            try db.execute("BEGIN")
            do {
                try db.query(
                    "SELECT pg_advisory_xact_lock(\(PostgreSQLLedgerStore.lockClass), hashtext($1))",
                    [.text(schema + ":schema")])
                try db.execute(
                    """
                    CREATE SCHEMA IF NOT EXISTS \(schema);
                    CREATE TABLE IF NOT EXISTS \(schema).meta(key text PRIMARY KEY, value text NOT NULL);
                    INSERT INTO \(schema).meta(key, value) VALUES ('format', 'creditkit-ledger-1') ON CONFLICT DO NOTHING;
                    CREATE TABLE IF NOT EXISTS \(schema).ledger(
                        seq bigint PRIMARY KEY CHECK (seq >= 1),
                        recorded_at bigint NOT NULL,
                        effective integer NOT NULL,
                        kind text NOT NULL,
                        version integer NOT NULL,
                        subjects text NOT NULL,
                        payload bytea NOT NULL,
                        prev_hash bytea NOT NULL,
                        hash bytea NOT NULL,
                        principal text);
                    CREATE TABLE IF NOT EXISTS \(schema).ledger_subject(
                        subject text NOT NULL, seq bigint NOT NULL CHECK (seq >= 1));
                    CREATE INDEX IF NOT EXISTS ledger_subject_by_subject ON \(schema).ledger_subject USING hash (subject);
                    CREATE TABLE IF NOT EXISTS \(schema).checkpoint(id integer PRIMARY KEY CHECK (id = 1), blob bytea NOT NULL);
                    CREATE TABLE IF NOT EXISTS \(schema).vault(token text PRIMARY KEY, sealed bytea NOT NULL);
                    CREATE OR REPLACE FUNCTION \(schema).refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$\(Self.refuseBody)$$;
                    """)
                let present = try guardRows()
                for guardTrigger in guardTriggers {
                    if let row = present[guardTrigger.name] {
                        guard repairing.contains(where: { $0.contains(guardTrigger.name) }) || !row.fires else {
                            continue
                        }
                        try db.execute("DROP TRIGGER \(guardTrigger.name) ON \(schema).\(guardTrigger.table)")
                    }
                    try db.execute(guardTrigger.sql)
                }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")  // The error that made the rollback is the one to report.
                throw error
            }
        }

        /// The schema's own triggers by name: whether each fires in an ordinary session (enabled as origin or
        /// always: not disabled, not replica-only), its table, kind, and the function it runs with that function's
        /// body.
        func guardRows() throws -> [String: (fires: Bool, table: String, type: Int64, function: String, body: String)] {
            let rows = try db.query(
                """
                SELECT t.tgname, t.tgenabled IN ('O', 'A'), c.relname, t.tgtype::integer,
                       pn.nspname || '.' || p.proname, p.prosrc
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = p.pronamespace
                WHERE n.nspname = $1 AND NOT t.tgisinternal
                """, [.text(schema)])
            var out: [String: (fires: Bool, table: String, type: Int64, function: String, body: String)] = [:]
            for row in 0..<rows.count {
                out[rows.string(row, 0)] = (
                    rows.raw(row, 1).first == 1, rows.string(row, 2), rows.int64(row, 3), rows.string(row, 4),
                    rows.string(row, 5)
                )
            }
            return out
        }

        /// What is wrong with the guards: each one missing, not firing, changed, or running a function that is not
        /// CreditKit's refusal.
        func guardProblems() throws -> [String] {
            let present = try guardRows()
            return guardTriggers.compactMap { expected in
                guard let row = present[expected.name] else { return "the guard trigger \(expected.name) was dropped" }
                if !row.fires { return "the guard trigger \(expected.name) was disabled" }
                if row.table != expected.table || row.type != expected.type
                    || row.function != "\(schema).refuse_change" || row.body != Self.refuseBody
                {
                    return "the guard trigger \(expected.name) was changed"
                }
                return nil
            }
        }

        /// Triggers and rules on the ledger tables that CreditKit did not make.
        func foreignHooks() throws -> [String] {
            let guards = Set(guardTriggers.map(\.name))
            var out = try guardRows().filter {
                !guards.contains($0.key) && ["ledger", "ledger_subject"].contains($0.value.table)
            }
            .map { "the trigger \($0.key) on \($0.value.table)" }
            let rules = try db.query(
                "SELECT rulename, tablename FROM pg_rules WHERE schemaname = $1 AND tablename IN ('ledger', 'ledger_subject')",
                [.text(schema)])
            out += (0..<rules.count).map { "the rule \(rules.string($0, 0)) on \(rules.string($0, 1))" }
            return out.sorted()
        }

        func refuseIfReadOnly() throws {
            guard readOnly else { return }
            throw CreditKitError(
                .storage, "the PostgreSQL ledger was opened read-only (to look, not to change it): nothing was written")
        }

        func head() throws -> ChainHead {
            if writing, let lockedHead { return lockedHead }
            try ensureConnected()
            let rows = try db.query("SELECT seq, hash FROM \(schema).ledger ORDER BY seq DESC LIMIT 1")
            guard rows.count == 1 else {
                if writing { lockedHead = .empty }
                return .empty
            }
            let seq = rows.int64(0, 0)
            guard let hash = try? Digest(bytes: rows.raw(0, 1)) else {  // A hash of the wrong length is named below.
                throw CreditKitError(
                    .brokenChain, "entry \(seq) has a stored hash that is not 32 bytes",
                    context: ["sequence": String(seq)])
            }
            let head = ChainHead(sequence: seq, hash: hash)
            if writing { lockedHead = head }
            return head
        }

        /// Takes the ledger's write lock for the open transaction (released at its end).
        func lockForWriting() throws {
            try db.query(
                "SELECT pg_advisory_xact_lock(\(PostgreSQLLedgerStore.lockClass), hashtext($1))", [.text(schema)])
        }

        static let columns = "seq, recorded_at, effective, kind, version, subjects, payload, prev_hash, hash, principal"

        /// The last kind and principal read, reused while rows repeat them (they mostly do).
        var lastKind = EventKind(rawValue: "")
        var lastPrincipal: (text: String, principal: Principal?)?

        func entry(_ rows: PGRows, _ row: Int) -> LedgerEntry {
            let subjectText = rows.string(row, 5)
            let subjects = subjectText.split(separator: " ").map { SubjectID(rawValue: String($0)) }
            let kind = rows.string(row, 3)
            if kind != lastKind.rawValue { lastKind = EventKind(rawValue: kind) }
            // A stored hash of the wrong length is tampering; keep the entry readable and let verify name it.
            let unmatchable = Digest(w0: .max, w1: .max, w2: .max, w3: .max)
            let previous = (try? Digest(bytes: rows.raw(row, 7))) ?? unmatchable
            let hash = (try? Digest(bytes: rows.raw(row, 8))) ?? unmatchable
            // The entry hash writes the version in 16 bits and each string's length in 16: a row edited beyond those
            // would hash as another, lawful one, so it is read with its version changed and cannot match.
            // So is a day beyond 32 bits (a column made wider), and a subjects text with empty pieces (spaces
            // doubled, leading or trailing), which reads as the same ids as the text an append writes.
            let rawVersion = rows.int64(row, 4)
            let rawDay = rows.int64(row, 2)
            let aliased =
                !(0...Int64(UInt16.max)).contains(rawVersion) || kind.utf8.count > Int(UInt16.max)
                || subjects.contains { $0.rawValue.utf8.count > Int(UInt16.max) }
                || Int64(Int32(truncatingIfNeeded: rawDay)) != rawDay
                || subjects.map(\.rawValue).joined(separator: " ") != subjectText
            var principal: Principal?
            if !rows.isNull(row, 9) {
                let text = rows.string(row, 9)
                if let last = lastPrincipal, last.text == text {
                    principal = last.principal
                } else {
                    // A stored text that is not a principal reads as none, so its hash cannot match.
                    principal = Principal(canonicalText: text)
                    lastPrincipal = (text, principal)
                }
            }
            return LedgerEntry(
                sequence: rows.int64(row, 0), recordedAt: Timestamp(microseconds: rows.int64(row, 1)),
                effectiveDate: LocalDate(daysSinceEpoch: Int32(truncatingIfNeeded: rawDay)),
                kind: lastKind,
                version: aliased ? Int(UInt16(truncatingIfNeeded: rawVersion) ^ 1) : Int(rawVersion),
                subjects: subjects, payload: rows.bytes(row, 6), previousHash: previous, hash: hash,
                appendedBy: principal)
        }
    }

    /// Refuses a schema name that is not lower-case ASCII letters, digits and `_` (it is written into statements).
    static func checkSchemaName(_ schema: String) throws {
        let scalars = schema.unicodeScalars
        guard let first = scalars.first, scalars.count <= 63, !("0"..."9").contains(first),
            scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            throw CreditKitError(
                .invalidArgument,
                "'\(schema)' cannot name the ledger's schema: lower-case ASCII letters, digits and _, at most 63, "
                    + "not starting with a digit")
        }
    }

    /// The first key of the advisory locks CreditKit takes ("CKLG"); the second is the schema's hash.
    package static let lockClass: Int32 = 0x434B_4C47

    /// How long a writer waits for another's write lock before it fails, by default.
    public static let defaultLockTimeoutSeconds = 30

    private let connection: Mutex<Connection>

    /// The connection string without its password.
    public let server: String
    /// The schema the ledger's tables live in.
    public let schema: String
    /// How long a writer waits for another's write lock before it fails, in seconds.
    public let lockTimeoutSeconds: Int
    /// What was found wrong when the ledger was opened.
    public let openingWarnings: [String]
    /// Whether the ledger was opened to read only.
    public let isReadOnly: Bool

    /// Connects to a PostgreSQL server and opens (creating when missing) the ledger in a schema.
    /// - Parameters:
    ///   - url: A libpq connection string: `postgresql://user@host:5432/db?sslmode=verify-full`, or with a socket
    ///     folder `postgresql://user@/db?host=/run/postgresql`. TLS, timeouts and the rest are libpq's own settings,
    ///     passed through; a password is never shown in errors.
    ///   - schema: The schema of the ledger's tables (lower-case letters, digits and `_`); `creditkit` by default.
    ///     One database can hold several ledgers in several schemas.
    ///   - readingOnly: Opens an existing ledger to read it only: nothing is created, and every write is refused
    ///     (the session is read-only on the server too).
    ///   - lockTimeoutSeconds: How long a writer waits for another's write lock before it fails.
    /// - Throws: `CreditKitError.Code.storage` when the server cannot be reached, or the schema holds something
    ///   else; `CreditKitError.Code.invalidArgument` for a connection string libpq cannot read or a bad schema name.
    public init(
        url: String, schema: String = "creditkit", readingOnly: Bool = false,
        lockTimeoutSeconds: Int = PostgreSQLLedgerStore.defaultLockTimeoutSeconds
    ) throws {
        try Self.checkSchemaName(schema)
        let connection = try Connection(
            url: url, schema: schema, readOnly: readingOnly, lockTimeout: max(1, lockTimeoutSeconds))
        self.server = connection.db.shownAs
        self.schema = schema
        self.isReadOnly = readingOnly
        self.lockTimeoutSeconds = max(1, lockTimeoutSeconds)
        self.openingWarnings = connection.warnings
        self.connection = Mutex(connection)
    }

    /// The last entry's sequence number and hash.
    public func head() throws -> ChainHead {
        try connection.withLock { try $0.head() }
    }

    /// Opens a transaction holding the ledger's write lock while `body` runs: another writer, in this process or
    /// any other, waits for it (up to ``lockTimeoutSeconds``). Reads inside see everything committed before the
    /// lock was taken; the append inside commits, and without one nothing is written.
    /// - Parameter body: The catch-up, validation and at most one ``append(_:)``.
    /// - Returns: What `body` returns.
    /// - Throws: A storage error when the lock cannot be had; what `body` throws.
    public func whileWriting<T>(_ body: () throws -> T) throws -> T {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            guard !c.writing else { throw CreditKitError(.storage, "a write is already under way on this store") }
            try c.ensureConnected()
            try c.db.execute("BEGIN")
            // From here a lost connection is a lost transaction: nothing is run again on a new one.
            c.db.retryAfterLoss = false
            do {
                try c.lockForWriting()
            } catch {
                try? c.db.execute("ROLLBACK")  // The lock's error is the one to report.
                c.db.retryAfterLoss = true
                throw error
            }
            c.writing = true
        }
        defer {
            connection.withLock { c in
                // Still open only when no append ran (validation refused the batch): it wrote nothing, and a
                // failing ROLLBACK of it has nothing to report (the server ends the transaction with the session).
                c.lockedHead = nil
                c.db.retryAfterLoss = true
                if c.writing {
                    c.writing = false
                    try? c.db.execute("ROLLBACK")
                }
            }
        }
        return try body()
    }

    /// Appends a batch in one transaction under the write lock, committed before returning; refuses one that does
    /// not continue the chain.
    /// - Parameter entries: The batch.
    /// - Throws: `CreditKitError.Code.brokenChain` when the batch does not continue the head; storage errors.
    public func append(_ entries: [LedgerEntry]) throws {
        guard !entries.isEmpty else { return }
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            let begun = c.writing
            let held = c.lockedHead
            defer {
                c.lockedHead = nil
                c.db.retryAfterLoss = true
            }
            do {
                try c.ensureConnected()
                if !begun {
                    try c.db.execute("BEGIN")
                    c.db.retryAfterLoss = false
                    try c.lockForWriting()
                }
                c.writing = false
                try checkContinuation(entries, of: held ?? c.head())
                var rows = PGCopyBuffer(capacity: entries.reduce(0) { $0 + $1.payload.count + 220 })
                var index: [(subject: String, seq: Int64)] = []
                for entry in entries {
                    rows.row(fields: 10)
                    rows.int8(entry.sequence)
                    rows.int8(entry.recordedAt.microseconds)
                    rows.int4(entry.effectiveDate.daysSinceEpoch)
                    rows.text(entry.kind.rawValue)
                    rows.int4(Int32(entry.version))
                    rows.text(
                        entry.subjects.count == 1
                            ? entry.subjects[0].rawValue : entry.subjects.map(\.rawValue).joined(separator: " "))
                    rows.bytes(entry.payload)
                    rows.digest(entry.previousHash)
                    rows.digest(entry.hash)
                    if let principal = entry.appendedBy?.canonicalText { rows.text(principal) } else { rows.null() }
                    if entry.subjects.count == 1 {
                        index.append((entry.subjects[0].rawValue, entry.sequence))
                    } else {
                        for subject in Set(entry.subjects) { index.append((subject.rawValue, entry.sequence)) }
                    }
                }
                let written = try c.db.copy(
                    "COPY \(c.schema).ledger(\(Connection.columns)) FROM STDIN (FORMAT binary)", rows)
                // Every row sent is a row stored: a trigger of someone else's that dropped one would otherwise have
                // the batch acknowledged and lost.
                guard written == entries.count else {
                    throw CreditKitError(
                        .storage,
                        "PostgreSQL stored \(written) of the batch's \(entries.count) entries (something on the ledger "
                            + "table drops rows); nothing was written")
                }
                if !index.isEmpty {
                    index.sort { ($0.subject, $0.seq) < ($1.subject, $1.seq) }
                    var subjects = PGCopyBuffer(capacity: index.count * 40)
                    for (subject, seq) in index {
                        subjects.row(fields: 2)
                        subjects.text(subject)
                        subjects.int8(seq)
                    }
                    // Not unique: rows someone put in the index ahead of their entries cannot stop a write (verify
                    // names them). The index is a hash index: reads ask for one subject at a time, and it takes rows
                    // faster than a B-tree of random keys (measured in Docs/PERFORMANCE.md).
                    try c.db.copy("COPY \(c.schema).ledger_subject(subject, seq) FROM STDIN (FORMAT binary)", subjects)
                }
                try c.db.execute("COMMIT")
            } catch let error as CreditKitError {
                if c.db.isLost {
                    throw CreditKitError(
                        .storage,
                        "the connection to PostgreSQL at \(c.db.shownAs) was lost during a write: its transaction went "
                            + "with it and nothing was written (\(error.message))", context: error.context)
                }
                try? c.db.execute("ROLLBACK")  // The error that made the rollback is the one to report.
                // Another program inserted at the same place without the lock: the chain would fork, so nothing is
                // written.
                if error.context["sqlstate"] == "23505", error.context["constraint"] == "ledger_pkey" {
                    throw CreditKitError(
                        .brokenChain,
                        "entry \(entries[0].sequence) is already taken: another writer appended at the same place "
                            + "without the ledger's write lock; nothing was written",
                        context: ["sequence": String(entries[0].sequence)])
                }
                throw error
            }
        }
    }

    /// Streams every entry from `first` on, 4,096 rows at a time by sequence number (one query each: entries never
    /// change, so pages read at different moments fit together; entries appended meanwhile are read too).
    /// - Parameters:
    ///   - first: The first sequence number.
    ///   - body: Called per entry.
    public func forEachEntry(from first: Int64, _ body: (LedgerEntry) throws -> Void) throws {
        try connection.withLock { c in
            try c.ensureConnected()
            var next = first
            while true {
                let rows = try c.db.query(
                    "SELECT \(Connection.columns) FROM \(c.schema).ledger WHERE seq >= $1 ORDER BY seq LIMIT 4096",
                    [.int8(next)])
                for row in 0..<rows.count { try body(c.entry(rows, row)) }
                guard rows.count == 4096 else { return }
                next = rows.int64(rows.count - 1, 0) + 1
            }
        }
    }

    /// The entries with these sequence numbers, in the order given.
    /// - Parameter sequences: Sequence numbers.
    /// - Returns: The entries that exist.
    public func entries(sequences: [Int64]) throws -> [LedgerEntry] {
        guard !sequences.isEmpty else { return [] }
        return try connection.withLock { c in
            try c.ensureConnected()
            var found: [Int64: LedgerEntry] = [:]
            for start in stride(from: 0, to: sequences.count, by: 10_000) {
                let part = Array(sequences[start..<min(sequences.count, start + 10_000)])
                let rows = try c.db.query(
                    "SELECT \(Connection.columns) FROM \(c.schema).ledger WHERE seq = ANY($1) AND seq >= 1",
                    [.int8Array(part)])
                for row in 0..<rows.count {
                    let entry = c.entry(rows, row)
                    found[entry.sequence] = entry
                }
            }
            return sequences.compactMap { found[$0] }
        }
    }

    /// The sequence numbers of the entries that concern a subject.
    /// - Parameter subject: The subject.
    /// - Returns: Ascending sequence numbers.
    public func sequences(concerning subject: SubjectID) throws -> [Int64] {
        try connection.withLock { c in
            try c.ensureConnected()
            let rows = try c.db.query(
                "SELECT DISTINCT seq FROM \(c.schema).ledger_subject WHERE subject = $1 AND seq >= 1 ORDER BY seq",
                [.text(subject.rawValue)])
            return (0..<rows.count).map { rows.int64($0, 0) }
        }
    }

    /// The checkpoint blob.
    public func loadCheckpoint() throws -> [UInt8]? {
        try connection.withLock { c in
            try c.ensureConnected()
            let rows = try c.db.query("SELECT blob FROM \(c.schema).checkpoint WHERE id = 1")
            return rows.count == 1 ? rows.bytes(0, 0) : nil
        }
    }

    /// Replaces the checkpoint blob (whichever service writes last; a checkpoint is a cache checked on open).
    /// - Parameter blob: The blob.
    public func saveCheckpoint(_ blob: [UInt8]) throws {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            try c.ensureConnected()
            try c.db.query(
                "INSERT INTO \(c.schema).checkpoint(id, blob) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET blob = $1",
                [.bytea(blob)])
        }
    }

    /// Stores sealed personal data.
    /// - Parameters:
    ///   - sealed: The sealed bytes.
    ///   - token: The person's token.
    public func storeSealedPersonalData(_ sealed: [UInt8], for token: PersonToken) throws {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            try c.ensureConnected()
            try c.db.query(
                "INSERT INTO \(c.schema).vault(token, sealed) VALUES ($1, $2) "
                    + "ON CONFLICT (token) DO UPDATE SET sealed = $2", [.text(token.hex), .bytea(sealed)])
        }
    }

    /// Sealed personal data.
    /// - Parameter token: The person's token.
    /// - Returns: The sealed bytes, or `nil`.
    public func sealedPersonalData(for token: PersonToken) throws -> [UInt8]? {
        try connection.withLock { c in
            try c.ensureConnected()
            let rows = try c.db.query("SELECT sealed FROM \(c.schema).vault WHERE token = $1", [.text(token.hex)])
            return rows.count == 1 ? rows.bytes(0, 0) : nil
        }
    }

    /// The tokens the vault holds data for.
    /// - Returns: The tokens, sorted.
    /// - Throws: A storage error, or `CreditKitError.Code.decoding` for a row whose token is not 64 hex digits.
    public func sealedTokens() throws -> [PersonToken]? {
        try connection.withLock { c in
            try c.ensureConnected()
            let rows = try c.db.query("SELECT token FROM \(c.schema).vault ORDER BY token")
            return try (0..<rows.count).map { row in
                let text = rows.string(row, 0)
                do {
                    return try PersonToken(hex: text)
                } catch {
                    throw CreditKitError(
                        .decoding, "the vault holds a row under '\(text.prefix(70))', which is not a person token")
                }
            }
        }
    }

    /// Erases sealed personal data: the row is deleted and, outside a write transaction, the vault table is
    /// rewritten (`VACUUM FULL`), so the erased bytes leave the table's files. Copies in the write-ahead log, WAL
    /// archives and backups remain until they are rotated away (see `Docs/DEPLOYING.md`).
    /// - Parameter token: The person's token.
    /// - Returns: Whether there was any.
    @discardableResult
    public func eraseSealedPersonalData(for token: PersonToken) throws -> Bool {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            try c.ensureConnected()
            let rows = try c.db.query(
                "DELETE FROM \(c.schema).vault WHERE token = $1 RETURNING token", [.text(token.hex)])
            // Rewriting the table takes its owner; a service's role without that leaves it to the owner's routine
            // (Docs/DEPLOYING.md).
            let owner = try c.db.query(
                """
                SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname = 'vault'
                """, [.text(c.schema)])
            if !c.writing, rows.count > 0, owner.count == 1, owner.raw(0, 0).first == 1 {
                try c.db.execute("VACUUM FULL \(c.schema).vault")
            }
            return rows.count > 0
        }
    }

    /// What is wrong with the subject index, checked against the entries in the server (for `verify`): every
    /// subject of every entry indexed, and nothing else; `nil` when it agrees.
    /// - Returns: The problem, or `nil`.
    /// - Throws: Storage errors.
    public func indexProblem() throws -> String? {
        try connection.withLock { c in
            try c.ensureConnected()
            let outside = try c.db.query(
                "SELECT count(*), min(seq) FROM \(c.schema).ledger WHERE seq < 1")
            if outside.int64(0, 0) > 0 {
                return
                    "the ledger holds \(outside.int64(0, 0)) row(s) outside the chain (sequence \(outside.int64(0, 1)) "
                    + "and below 1), which no append writes: rows were inserted by hand"
            }
            let named =
                "SELECT DISTINCT l.seq, s.subject FROM \(c.schema).ledger l, "
                + "unnest(string_to_array(l.subjects, ' ')) AS s(subject) WHERE s.subject <> ''"
            let missing = try c.db.query(
                "SELECT min(seq) FROM (\(named) EXCEPT SELECT seq, subject FROM \(c.schema).ledger_subject) m")
            if !missing.isNull(0, 0) {
                return "the subject index lacks entry #\(missing.int64(0, 0)), which the entries say it holds"
            }
            let extra = try c.db.query(
                "SELECT count(*) FROM (SELECT seq, subject FROM \(c.schema).ledger_subject EXCEPT \(named)) e")
            let count = extra.int64(0, 0)
            if count > 0 { return "the subject index holds \(count) row(s) that no entry names" }
            let repeated = try c.db.query(
                "SELECT count(*) - count(DISTINCT (subject, seq)) FROM \(c.schema).ledger_subject")
            let twice = repeated.int64(0, 0)
            return twice == 0 ? nil : "the subject index holds \(twice) row(s) twice: rows were inserted by hand"
        }
    }

    /// Removes the schema and everything in it: for tests and for a ledger that is being given up. The guards do
    /// not stop it (`DROP SCHEMA` is not an edit of rows); nothing else in the database is touched.
    /// - Parameters:
    ///   - url: The connection string.
    ///   - schema: The schema to remove.
    /// - Throws: Storage errors.
    public static func dropLedger(url: String, schema: String) throws {
        try checkSchemaName(schema)
        let db = try PGConnection(url: url, settings: "SET client_min_messages = warning")
        try db.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }
}
