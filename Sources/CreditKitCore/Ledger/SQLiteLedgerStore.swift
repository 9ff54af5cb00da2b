import Foundation
import Synchronization

/// The embedded default store (SQLite 存储): one SQLite file in WAL mode, synced on every commit.
///
/// Tables: `ledger` (one row per entry: `seq`, `recorded_at` in microseconds, `effective` in days since
/// 1970-01-01, `kind`, `version`, `subjects` separated by spaces, `payload` canonical JSON, `prev_hash`, `hash`),
/// `ledger_subject` (subject → sequence index), `checkpoint` (one cached view blob) and `vault` (sealed personal
/// data, the only rows ever deleted). Triggers refuse `UPDATE` and `DELETE` on the ledger tables inside SQLite
/// itself; whoever drops them to edit a row is caught by ``Ledger/verify()``. The subject index is derived data: it is
/// written in sorted bulk every ``defaultIndexFlushThreshold`` subject references, within the transaction of the batch that crosses the
/// threshold, and the entries after `meta.indexed_through` are indexed in memory (and re-read from the ledger rows
/// on open), so a batch of random subjects does not scatter writes over the whole index. Deleted vault rows are overwritten
/// (`secure_delete`), and the WAL is checkpointed after an erasure, so erased data does not linger in the file.
public final class SQLiteLedgerStore: LedgerStore {
    private final class Connection {
        let db: SQLiteConnection
        let insertEntry: SQLiteStatement
        let insertSubject: SQLiteStatement
        let selectHead: SQLiteStatement
        let selectFrom: SQLiteStatement
        let selectOne: SQLiteStatement
        let selectSubject: SQLiteStatement
        let setIndexedThrough: SQLiteStatement
        /// Subjects of the entries after `indexedThrough`, not yet in `ledger_subject`.
        var pending: [SubjectID: [Int64]] = [:]
        var pendingCount = 0
        var indexedThrough: Int64 = 0
        /// The last entry this connection has taken into its in-memory index (its own or another process's).
        var knownThrough: Int64 = 0
        /// What was found wrong in the derived data on open.
        var warnings: [String] = []
        /// Guard triggers missing when the file was opened.
        var droppedTriggers: [String] = []
        /// A write transaction is open for ``whileWriting(_:)``; the next append finishes it.
        var writing = false
        /// Whether the subject index table can be read: not when its guards were dropped and, opened read-only,
        /// it could not be rebuilt (then every entry is indexed in memory).
        var diskIndexUsable = true

        /// The triggers that keep the ledger and its index append-only, each with the statement that makes it.
        static let guardTriggers: [String: String] = {
            let guards = [
                ("ledger_no_update", "UPDATE", "ledger", "the ledger is append-only: UPDATE refused"),
                ("ledger_no_delete", "DELETE", "ledger", "the ledger is append-only: DELETE refused"),
                (
                    "ledger_subject_no_update", "UPDATE", "ledger_subject",
                    "the ledger index is append-only: UPDATE refused"
                ),
                (
                    "ledger_subject_no_delete", "DELETE", "ledger_subject",
                    "the ledger index is append-only: DELETE refused"
                ),
            ]
            var out: [String: String] = [:]
            for (name, operation, table, message) in guards {
                out[name] =
                    "CREATE TRIGGER \(name) BEFORE \(operation) ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END"
            }
            return out
        }()

        /// A statement with its runs of white space made one space, to compare what SQLite keeps with what was meant.
        static func normalized(_ sql: String) -> String {
            sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        /// The mark as stored: `N`, or with a key `N:` and the HMAC of `N` in hex.
        static func writeMark(_ mark: Int64, key: [UInt8]?) -> String {
            guard let key else { return String(mark) }
            return "\(mark):" + HexCoding.encode(LibCrypto.hmacSHA256(key: key, message: Array(String(mark).utf8)))
        }

        /// The stored mark's value if it holds: with a key, only an authenticated one.
        static func readMark(_ stored: String, key: [UInt8]?) -> Int64? {
            let parts = stored.split(separator: ":", maxSplits: 1).map(String.init)
            guard let mark = Int64(parts.first ?? "") else { return nil }
            guard let key else { return mark }
            guard parts.count == 2 else { return mark == 0 ? 0 : nil }
            return parts[1] == writeMark(mark, key: key).split(separator: ":")[1] ? mark : nil
        }

        let indexFlushThreshold: Int

        /// Authenticates the index's mark; without one the mark is only kept within the chain.
        let markKey: [UInt8]?

        /// Opened to read only: nothing is created, repaired or written.
        let readOnly: Bool

        init(path: String, indexFlushThreshold: Int, markKey: [UInt8]?, readOnly: Bool = false) throws {
            self.indexFlushThreshold = indexFlushThreshold
            self.markKey = markKey
            self.readOnly = readOnly
            db = try SQLiteConnection(path: path, readOnly: readOnly)
            guard readOnly || !db.isReadOnly else {
                throw CreditKitError(
                    .storage,
                    "\(path) cannot be written (a read-only file or folder); CreditKit opens a ledger to write to it")
            }
            // Before anything is created: a file holding other tables, or no database at all, is left as it is.
            do {
                let tables = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
                var names: Set<String> = []
                while try tables.step() { names.insert(tables.string(0)) }
                if names.contains("ledger") {
                    // A guard counts only as the statement that makes it: one replaced by a trigger of the same name
                    // that does nothing is as good as dropped.
                    let found = try db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
                    var triggers: [String: String] = [:]
                    while try found.step() { triggers[found.string(0)] = Self.normalized(found.string(1)) }
                    droppedTriggers = Self.guardTriggers.keys.filter {
                        triggers[$0] != Self.normalized(Self.guardTriggers[$0]!)
                    }
                    .sorted()
                    if !readOnly {
                        // An altered guard is taken away so that it is made again below.
                        for name in droppedTriggers where triggers[name] != nil {
                            try db.execute("DROP TRIGGER \(name)")
                        }
                    }
                }
                if readOnly, !names.isSuperset(of: ["meta", "ledger", "ledger_subject", "checkpoint", "vault"]) {
                    throw CreditKitError(
                        .storage,
                        "\(path) is not a CreditKit ledger: "
                            + (names.isEmpty ? "an SQLite file without tables" : "it lacks CreditKit's tables"))
                }
                if !names.isEmpty, !names.contains("meta") {
                    throw CreditKitError(
                        .storage,
                        "\(path) is not a CreditKit ledger: an SQLite file with other tables (\(names.sorted().prefix(3).joined(separator: ", "))); nothing was changed"
                    )
                }
            } catch let error as CreditKitError where error.context["sqlite"] != nil {
                throw CreditKitError(
                    .storage, "\(path) is not a CreditKit ledger: \(error.message); nothing was changed",
                    context: error.context)
            }
            if readOnly {
                try db.execute("PRAGMA cache_size = -65536")
            } else {
                try Self.createTables(in: db)
            }
            let format = try db.prepare("SELECT value FROM meta WHERE key = 'format'")
            guard try format.step(), format.string(0) == "creditkit-ledger-1" else {
                throw CreditKitError(.storage, "\(path) is not a CreditKit ledger of format creditkit-ledger-1")
            }
            // Who appended each entry: a column added to a file made before principals were recorded (its entries
            // keep none); a file opened to read only and lacking it reads none.
            let info = try db.prepare("PRAGMA table_info(ledger)")
            var hasPrincipal = false
            while try info.step() {
                if info.string(1) == "principal" { hasPrincipal = true }
            }
            if !hasPrincipal, !readOnly {
                try db.execute("ALTER TABLE ledger ADD COLUMN principal TEXT")
                hasPrincipal = true
            }
            let fixedColumns = "seq, recorded_at, effective, kind, version, subjects, payload, prev_hash, hash"
            let columns = fixedColumns + (hasPrincipal ? ", principal" : ", NULL")
            // (A file opened to read only never inserts; without the column, its statement names none.)
            insertEntry = try db.prepare(
                hasPrincipal
                    ? "INSERT INTO ledger(\(fixedColumns), principal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    : "INSERT INTO ledger(\(fixedColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            insertSubject = try db.prepare("INSERT OR IGNORE INTO ledger_subject(subject, seq) VALUES (?, ?)")
            selectHead = try db.prepare("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
            selectFrom = try db.prepare("SELECT \(columns) FROM ledger WHERE seq >= ? ORDER BY seq")
            selectOne = try db.prepare("SELECT \(columns) FROM ledger WHERE seq = ? AND seq >= 1")
            selectSubject = try db.prepare("SELECT seq FROM ledger_subject WHERE subject = ? AND seq >= 1 ORDER BY seq")
            setIndexedThrough = try db.prepare(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('indexed_through', ?)")
            if !droppedTriggers.isEmpty && readOnly {
                warnings.append(
                    "the guard trigger(s) \(droppedTriggers.joined(separator: ", ")) had been dropped or altered: the "
                        + "file was edited by hand; opened read-only, so nothing was repaired and the subject index is not used "
                        + "(opening the file to write restores the guards and rebuilds the index)")
                diskIndexUsable = false
            } else if !droppedTriggers.isEmpty {
                // Someone edited the file with the guards off: the index is rebuilt from the entries.
                try db.execute(
                    "DROP TRIGGER ledger_subject_no_delete; DELETE FROM ledger_subject; "
                        + Self.guardTriggers["ledger_subject_no_delete"]!
                        + "; DELETE FROM meta WHERE key = 'indexed_through'")
                warnings.append(
                    "the guard trigger(s) \(droppedTriggers.joined(separator: ", ")) had been dropped or altered: the "
                        + "file was edited by hand; the guards are restored and the subject index is rebuilt from the "
                        + "entries (run verify)")
            }
            let indexed = try db.prepare("SELECT value FROM meta WHERE key = 'indexed_through'")
            let stored = try indexed.step() ? indexed.string(0) : "0"
            let head = try db.prepare("SELECT coalesce(max(seq), 0) FROM ledger")
            let last = try head.step() ? head.int64(0) : 0
            switch diskIndexUsable ? Self.readMark(stored, key: markKey) : nil {
            case .some(let mark) where mark <= last:
                indexedThrough = mark
            default:
                // A mark that does not authenticate (or claims more than the chain holds) is not used: every entry
                // is indexed again, so nothing can be hidden behind it.
                indexedThrough = 0
                if stored != "0" && diskIndexUsable {
                    warnings.append(
                        "the subject index's mark '\(stored.prefix(24))' does not hold; the index is completed again "
                            + "from the entries")
                }
            }
            knownThrough = indexedThrough
            try takeInNewEntries()
        }

        /// Throws when the file was opened to read only.
        func refuseIfReadOnly() throws {
            guard readOnly else { return }
            throw CreditKitError(
                .storage, "\(db.path) was opened read-only (to look, not to change it): nothing was written")
        }

        /// Creates the tables, guards and settings of a ledger file where they are missing.
        static func createTables(in db: SQLiteConnection) throws {
            try db.execute(
                """
                PRAGMA page_size = 8192;
                PRAGMA journal_mode = WAL;
                PRAGMA cache_size = -65536;
                PRAGMA wal_autocheckpoint = 4096;
                PRAGMA synchronous = FULL;
                PRAGMA secure_delete = ON;
                CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT OR IGNORE INTO meta(key, value) VALUES ('format', 'creditkit-ledger-1');
                CREATE TABLE IF NOT EXISTS ledger(
                    seq INTEGER PRIMARY KEY,
                    recorded_at INTEGER NOT NULL,
                    effective INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    subjects TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL,
                    principal TEXT);
                CREATE TABLE IF NOT EXISTS ledger_subject(
                    subject TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(subject, seq)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS checkpoint(id INTEGER PRIMARY KEY CHECK (id = 1), blob BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS vault(token TEXT PRIMARY KEY, sealed BLOB NOT NULL);
                """)
            for name in guardTriggers.keys.sorted() {
                try db.execute(
                    guardTriggers[name]!.replacingOccurrences(
                        of: "CREATE TRIGGER", with: "CREATE TRIGGER IF NOT EXISTS"))
            }
        }

        /// Adds to the in-memory index the entries after ``knownThrough``: the tail on open, and what other
        /// processes appended since.
        func takeInNewEntries() throws {
            let tail = try db.prepare("SELECT seq, subjects FROM ledger WHERE seq > ? ORDER BY seq")
            tail.bind(1, knownThrough)
            while try tail.step() {
                let seq = tail.int64(0)
                for subject in tail.string(1).split(separator: " ") {
                    pending[SubjectID(rawValue: String(subject)), default: []].append(seq)
                    pendingCount += 1
                }
                knownThrough = seq
            }
        }

        /// Writes the pending subject index in sorted order and moves `indexed_through` to `last`.
        func flushIndex(through last: Int64) throws {
            for subject in pending.keys.sorted() {
                for seq in pending[subject]! {
                    let t = insertSubject
                    t.reset()
                    t.bind(1, subject.rawValue)
                    t.bind(2, seq)
                    try t.run()
                }
            }
            setIndexedThrough.reset()
            setIndexedThrough.bind(1, Self.writeMark(last, key: markKey))
            try setIndexedThrough.run()
        }

        func head() throws -> ChainHead {
            selectHead.reset()
            defer { selectHead.reset() }
            guard try selectHead.step() else { return .empty }
            let seq = selectHead.int64(0)
            guard let hash = selectHead.digest(1) else {
                throw CreditKitError(
                    .brokenChain, "entry \(seq) has a stored hash that is not 32 bytes",
                    context: ["sequence": String(seq)])
            }
            return ChainHead(sequence: seq, hash: hash)
        }

        /// The last kind read, reused while rows repeat it (they mostly do), to spare a string per row.
        var lastKind = EventKind(rawValue: "")
        /// The last principal read, reused while rows repeat it (a batch's rows all do).
        var lastPrincipal: (text: String, principal: Principal?)?

        /// See ``SQLiteLedgerStore/verifiedChain()``.
        func verifyChain() throws -> VerificationReport {
            let s = selectFrom
            s.reset()
            s.bind(1, 1)
            defer { s.reset() }
            let mismatches = Mutex<[(sequence: Int64, previous: Digest)]>([])
            let group = DispatchGroup()
            // At most three batches wait to be hashed: reading never runs far ahead of hashing.
            let slots = DispatchSemaphore(value: 3)
            var batch = HashBatch()
            batch.bytes.reserveCapacity(4_096 * 640)
            func dispatch() {
                let full = batch
                batch = HashBatch()
                batch.bytes.reserveCapacity(4_096 * 640)
                slots.wait()
                DispatchQueue.global().async(group: group) {
                    if let found = full.firstMismatch() { mismatches.withLock { $0.append(found) } }
                    slots.signal()
                }
            }
            let hasher = EntryHasher()
            var expected = ChainHead.empty
            var link: (sequence: Int64, problem: String)?
            var principalValid: (text: [UInt8], valid: Bool)?
            while try s.step() {
                let seq = s.int64(0)
                let previous = s.digest(7) ?? Digest(w0: .max, w1: .max, w2: .max, w3: .max)
                let hash = s.digest(8) ?? Digest(w0: .max, w1: .max, w2: .max, w3: .max)
                if seq != expected.sequence + 1 {
                    link = (expected.sequence + 1, "entry \(expected.sequence + 1) is missing (next stored is \(seq))")
                    break
                }
                if previous != expected.hash {
                    link = (
                        seq,
                        "entry \(seq) names previous hash \(previous), but entry \(expected.sequence) hashes to \(expected.hash)"
                    )
                    break
                }
                let kind = s.rawText(3)
                let subjects = s.rawText(5)
                let principal = s.isNull(9) ? nil : s.rawText(9)
                let ascii = { (b: UnsafeRawBufferPointer) in !b.contains { $0 >= 0x80 } }
                var unhashable = false
                if ascii(kind), ascii(subjects), principal.map(ascii) ?? true,
                    (principal?.count ?? 0) <= Int(UInt16.max)
                {
                    let rawDay = s.int64(2)
                    let rawVersion = s.int64(4)
                    // The subject ids, split on spaces with empty pieces dropped, as reading an entry splits them; a
                    // text with empty pieces (spaces doubled, leading or trailing) is not one an append writes.
                    var pieces = 0
                    var longest = 0
                    var run = 0
                    var emptyPiece = false
                    for b in subjects {
                        if b == 0x20 {
                            if run > 0 { pieces += 1 } else { emptyPiece = true }
                            run = 0
                        } else {
                            run += 1
                            longest = max(longest, run)
                        }
                    }
                    if run > 0 { pieces += 1 } else if !subjects.isEmpty { emptyPiece = true }
                    unhashable =
                        emptyPiece || !(0...Int64(UInt16.max)).contains(rawVersion)
                        || Int64(Int32(truncatingIfNeeded: rawDay)) != rawDay
                        || kind.count > Int(UInt16.max) || longest > Int(UInt16.max)
                    // A stored principal that is not one is read as none: the tag and bytes of an entry without one.
                    var valid = false
                    if let principal {
                        if let known = principalValid, known.text.elementsEqual(principal) {
                            valid = known.valid
                        } else {
                            valid = Principal(canonicalText: String(decoding: principal, as: UTF8.self)) != nil
                            principalValid = (Array(principal), valid)
                        }
                    }
                    let payload = s.rawBlob(6)
                    Self.appendCanonical(
                        to: &batch.bytes, principal: valid ? principal : nil, sequence: seq, recordedAt: s.int64(1),
                        day: rawDay, kind: kind, version: rawVersion, subjects: subjects, pieces: pieces,
                        payload: payload)
                    previous.appendBytes(to: &batch.bytes)
                } else {
                    // Texts beyond ASCII are read as an entry reads them, whatever that makes of their bytes.
                    hasher.appendCanonicalBytes(of: try entry(from: s), to: &batch.bytes)
                }
                batch.ends.append(batch.bytes.count)
                batch.sequences.append(seq)
                batch.previous.append(previous)
                batch.stored.append(hash)
                batch.unhashable.append(unhashable)
                expected = ChainHead(sequence: seq, hash: hash)
                if batch.sequences.count == 4_096 { dispatch() }
            }
            if !batch.sequences.isEmpty { dispatch() }
            group.wait()
            return VerificationReport.first(
                changed: mismatches.withLock { $0.min { $0.sequence < $1.sequence } }, link: link, head: expected)
        }

        /// An entry's canonical bytes, but the previous hash, from its columns (texts ASCII, lengths checked).
        static func appendCanonical(
            to out: inout [UInt8], principal: UnsafeRawBufferPointer?, sequence: Int64, recordedAt: Int64, day: Int64,
            kind: UnsafeRawBufferPointer, version: Int64, subjects: UnsafeRawBufferPointer, pieces: Int,
            payload: UnsafeRawBufferPointer
        ) {
            func big<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
            out.append(contentsOf: principal == nil ? [67, 75, 76, 49] : [67, 75, 76, 50])  // "CKL1", "CKL2"
            big(UInt64(bitPattern: sequence))
            big(UInt64(bitPattern: recordedAt))
            big(UInt32(bitPattern: Int32(truncatingIfNeeded: day)))
            big(UInt16(truncatingIfNeeded: kind.count))
            out.append(contentsOf: kind)
            big(UInt16(truncatingIfNeeded: version))
            big(UInt32(pieces))
            var start = 0
            for i in 0...subjects.count where i == subjects.count || subjects[i] == 0x20 {
                if i > start {
                    big(UInt16(truncatingIfNeeded: i - start))
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: subjects[start..<i]))
                }
                start = i + 1
            }
            big(UInt32(truncatingIfNeeded: payload.count))
            out.append(contentsOf: payload)
            if let principal {
                big(UInt16(truncatingIfNeeded: principal.count))
                out.append(contentsOf: principal)
            }
        }

        func entry(from s: SQLiteStatement) throws -> LedgerEntry {
            let seq = s.int64(0)
            let subjectText = s.string(5)
            let subjects: [SubjectID] =
                subjectText.utf8.contains(32)
                ? subjectText.split(separator: " ").map { SubjectID(rawValue: String($0)) }
                : subjectText.isEmpty ? [] : [SubjectID(rawValue: subjectText)]
            if !s.textEquals(3, lastKind.rawValue) { lastKind = EventKind(rawValue: s.string(3)) }
            // A stored hash of the wrong length is tampering; keep the entry readable and let verify name it.
            let previous = s.digest(7) ?? Digest(w0: .max, w1: .max, w2: .max, w3: .max)
            let hash = s.digest(8) ?? Digest(w0: .max, w1: .max, w2: .max, w3: .max)
            // The entry hash writes the version in 16 bits, the day in 32 and each string's length in 16: a row
            // edited to a value beyond those would hash as another, lawful one. Such a row is read with its version
            // changed, so that its hash cannot match and verify names it.
            let rawDay = s.int64(2)
            let rawVersion = s.int64(4)
            // A subjects text with empty pieces (spaces doubled, leading or trailing) reads as the same ids as the
            // text an append writes: it is read as another entry too.
            let aliased =
                subjects.map(\.rawValue).joined(separator: " ") != subjectText
                || !(0...Int64(UInt16.max)).contains(rawVersion) || Int64(Int32(truncatingIfNeeded: rawDay)) != rawDay
                || lastKind.rawValue.utf8.count > Int(UInt16.max)
                || subjects.contains { $0.rawValue.utf8.count > Int(UInt16.max) }
            // Who appended it: a stored text that is not a principal reads as none, so its hash cannot match and
            // verify names the entry.
            var principal: Principal?
            if !s.isNull(9) {
                if let last = lastPrincipal, s.textEquals(9, last.text) {
                    principal = last.principal
                } else {
                    let text = s.string(9)
                    principal = Principal(canonicalText: text)
                    lastPrincipal = (text, principal)
                }
            }
            return LedgerEntry(
                sequence: seq, recordedAt: Timestamp(microseconds: s.int64(1)),
                effectiveDate: LocalDate(daysSinceEpoch: Int32(truncatingIfNeeded: rawDay)),
                kind: lastKind,
                version: aliased ? Int(UInt16(truncatingIfNeeded: rawVersion) ^ 1) : Int(rawVersion),
                subjects: subjects, payload: s.bytes(6), previousHash: previous, hash: hash, appendedBy: principal)
        }
    }

    private let connection: Mutex<Connection>

    /// Rows laid out for hashing on another thread: their canonical bytes end to end, and what each must hash to.
    struct HashBatch: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var sequences: [Int64] = []
        var previous: [Digest] = []
        var stored: [Digest] = []
        /// A row whose columns the hash cannot hold as they are: it cannot match.
        var unhashable: [Bool] = []

        /// The first row whose bytes do not hash to its stored hash: its sequence number and previous hash.
        func firstMismatch() -> (sequence: Int64, previous: Digest)? {
            let sha = SHA256Hasher()
            var start = 0
            return bytes.withUnsafeBytes { all in
                for i in sequences.indices {
                    defer { start = ends[i] }
                    if unhashable[i] || sha.hash(UnsafeRawBufferPointer(rebasing: all[start..<ends[i]])) != stored[i] {
                        return (sequences[i], previous[i])
                    }
                }
                return nil
            }
        }
    }

    /// The file's path.
    public let path: String

    /// Opens or creates a ledger file.
    /// - Parameters:
    ///   - path: The SQLite file; created with its tables when missing.
    ///   - indexFlushThreshold: How many unindexed subject references trigger a bulk write of the subject index.
    ///   - cacheKey: The key the subject index's mark is authenticated with (``VaultKeys/cacheKey``, as
    ///     ``CreditKit`` passes it); without one the mark is trusted only as far as the chain reaches.
    /// - Throws: ``CreditKitError/Code/storage`` when the file cannot be opened or is not a CreditKit ledger.
    public init(
        path: String, indexFlushThreshold: Int = SQLiteLedgerStore.defaultIndexFlushThreshold, cacheKey: [UInt8]? = nil
    ) throws {
        self.path = path
        let connection = try Connection(
            path: path, indexFlushThreshold: max(1, indexFlushThreshold), markKey: cacheKey)
        self.openingWarnings = connection.warnings
        self.connection = Mutex(connection)
    }

    /// Opens an existing ledger file to read it only (只读打开): nothing is created, repaired or written, so it works
    /// on a read-only file or folder and leaves the file as it was. What the writing open would repair (a dropped
    /// guard, an index mark that does not hold) is reported in ``openingWarnings`` and worked around in memory.
    /// Every write (append, checkpoint, vault) is refused with a storage error. SQLite may make its own empty
    /// `-wal` and `-shm` side files beside the file when the folder can be written; the ledger file is not touched.
    /// - Parameters:
    ///   - path: The SQLite file; it must exist and be a CreditKit ledger.
    ///   - cacheKey: The key the subject index's mark is authenticated with (``VaultKeys/cacheKey``).
    /// - Throws: ``CreditKitError/Code/storage`` when the file cannot be opened or is not a CreditKit ledger.
    public init(readingOnly path: String, cacheKey: [UInt8]? = nil) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CreditKitError(.storage, "no ledger at \(path)")
        }
        let connection = try Connection(
            path: path, indexFlushThreshold: Self.defaultIndexFlushThreshold, markKey: cacheKey, readOnly: true)
        self.openingWarnings = connection.warnings
        self.connection = Mutex(connection)
    }

    /// Moves everything in the write-ahead log into the file and empties the log (`wal_checkpoint(TRUNCATE)`), so
    /// that the file alone holds every committed entry: before it is copied, moved or replaced.
    /// - Throws: ``CreditKitError/Code/storage`` when the store is read-only, or another connection keeps the log
    ///   from being emptied.
    public func checkpointLog() throws {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            let s = try c.db.prepare("PRAGMA wal_checkpoint(TRUNCATE)")
            guard try s.step(), s.int64(0) == 0 else {
                throw CreditKitError(
                    .storage, "\(c.db.path): another connection keeps its write-ahead log from being emptied")
            }
        }
    }

    /// Whether the file was opened to read only (``init(readingOnly:cacheKey:)``).
    public var isReadOnly: Bool { connection.withLock { $0.readOnly } }

    /// What was found wrong in the derived data when the file was opened, and rebuilt.
    public let openingWarnings: [String]

    /// Takes in the entries other processes appended since this store last looked, so reads by subject find them.
    /// - Throws: Storage errors.
    public func refresh() throws {
        try connection.withLock { try $0.takeInNewEntries() }
    }

    /// What is wrong with the subject index, checked against the entries (for `verify`): every subject of every
    /// entry through the index's mark indexed, and nothing else; `nil` when it agrees.
    /// - Returns: The problem, or `nil`.
    /// - Throws: Storage errors.
    public func indexProblem() throws -> String? {
        try connection.withLock { c in
            // Rows below sequence 1 are outside the chain: no append writes one, and no read should find one.
            let outside = try c.db.prepare("SELECT count(*), min(seq) FROM ledger WHERE seq < 1")
            if try outside.step(), outside.int64(0) > 0 {
                return "the ledger holds \(outside.int64(0)) row(s) outside the chain (sequence \(outside.int64(1)) "
                    + "and below 1), which no append writes: rows were inserted by hand"
            }
            let through = c.indexedThrough
            let rows = try c.db.prepare("SELECT count(*) FROM ledger_subject WHERE seq <= ?")
            rows.bind(1, through)
            let indexed = try rows.step() ? rows.int64(0) : 0
            let beyond = try c.db.prepare("SELECT count(*) FROM ledger_subject WHERE seq > ?")
            beyond.bind(1, through)
            let extra = try beyond.step() ? beyond.int64(0) : 0
            var named: Int64 = 0
            var missing: Int64?
            let entries = try c.db.prepare("SELECT seq, subjects FROM ledger WHERE seq <= ? ORDER BY seq")
            entries.bind(1, through)
            let lookup = try c.db.prepare("SELECT 1 FROM ledger_subject WHERE subject = ? AND seq = ?")
            while try entries.step() {
                let seq = entries.int64(0)
                for subject in Set(entries.string(1).split(separator: " ")) {
                    named += 1
                    guard missing == nil else { continue }
                    lookup.reset()
                    lookup.bind(1, String(subject))
                    lookup.bind(2, seq)
                    if try !lookup.step() { missing = seq }
                }
            }
            if let missing {
                return "the subject index lacks entry #\(missing), which the entries say it holds"
            }
            if indexed != named || extra != 0 {
                return "the subject index holds \(indexed + extra) rows; the entries through #\(through) name \(named)"
            }
            return nil
        }
    }

    /// Holds the file's write lock (`BEGIN IMMEDIATE`) while `body` runs, so another process's writer waits (up to
    /// 30 s, then a storage error) instead of appending between this one's validation and commit. Reads inside see
    /// everything committed before the lock was taken; the append inside commits, and without one nothing is
    /// written.
    /// - Parameter body: The catch-up, validation and at most one ``append(_:)``.
    /// - Returns: What `body` returns.
    /// - Throws: A storage error when the lock cannot be had; what `body` throws.
    public func whileWriting<T>(_ body: () throws -> T) throws -> T {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            guard !c.writing else {
                throw CreditKitError(.storage, "a write is already under way on this store")
            }
            try c.db.execute("BEGIN IMMEDIATE")
            c.writing = true
        }
        defer {
            connection.withLock { c in
                // Still open only when no append ran (validation refused the batch): it wrote nothing, and a
                // failing ROLLBACK of an empty transaction has nothing to report.
                if c.writing {
                    c.writing = false
                    try? c.db.execute("ROLLBACK")
                }
            }
        }
        return try body()
    }

    /// The last entry's sequence number and hash.
    public func head() throws -> ChainHead {
        try connection.withLock { try $0.head() }
    }

    /// Appends a batch in one transaction, synced before returning; refuses one that does not continue the chain.
    /// - Parameter entries: The batch.
    public func append(_ entries: [LedgerEntry]) throws {
        guard !entries.isEmpty else { return }
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            let begun = c.writing
            c.writing = false
            do {
                try c.db.transaction(begun: begun) {
                    try checkContinuation(entries, of: c.head())
                    for entry in entries {
                        let s = c.insertEntry
                        s.reset()
                        s.bind(1, entry.sequence)
                        s.bind(2, entry.recordedAt.microseconds)
                        s.bind(3, Int64(entry.effectiveDate.daysSinceEpoch))
                        s.bind(4, entry.kind.rawValue)
                        s.bind(5, Int64(entry.version))
                        s.bind(
                            6,
                            entry.subjects.count == 1
                                ? entry.subjects[0].rawValue : entry.subjects.map(\.rawValue).joined(separator: " "))
                        s.bind(7, entry.payload)
                        s.bind(8, entry.previousHash)
                        s.bind(9, entry.hash)
                        if let principal = entry.appendedBy?.canonicalText {
                            s.bind(10, principal)
                        } else {
                            s.bindNull(10)
                        }
                        try s.run()
                        for subject in entry.subjects {
                            c.pending[subject, default: []].append(entry.sequence)
                            c.pendingCount += 1
                        }
                    }
                    c.knownThrough = entries[entries.count - 1].sequence
                    if c.pendingCount >= c.indexFlushThreshold {
                        try c.flushIndex(through: entries[entries.count - 1].sequence)
                    }
                }
            } catch {
                // Take back what this batch added to the in-memory index; the rows were rolled back.
                for entry in entries.reversed() {
                    for subject in entry.subjects where c.pending[subject]?.last == entry.sequence {
                        c.pending[subject]!.removeLast()
                        c.pendingCount -= 1
                        if c.pending[subject]!.isEmpty { c.pending[subject] = nil }
                    }
                }
                throw error
            }
            if c.pendingCount >= c.indexFlushThreshold {
                c.pending = [:]
                c.pendingCount = 0
                c.indexedThrough = entries[entries.count - 1].sequence
            }
        }
    }

    /// How many unindexed subject references trigger a bulk write of the subject index, by default.
    public static let defaultIndexFlushThreshold = 262_144

    /// The chain verified from the stored rows, read on this thread while a second one hashes them (验证账本链):
    /// the same report ``Ledger/verify(store:)`` gives entry by entry — the first entry missing, linked to the wrong
    /// previous hash, or changed — at the speed of the slower of reading and hashing.
    ///
    /// Each row's canonical bytes are laid out straight from its columns when its texts are ASCII (kinds, subject
    /// ids and principals are), with the same guards as reading an entry: a version, day or length beyond what the
    /// hash can hold, or a stored principal that is not one, cannot match. Any other row is read as an entry first.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    public func verifiedChain() throws -> VerificationReport? {
        try connection.withLock { c in try c.verifyChain() }
    }

    /// Streams every entry from `first` on.
    /// - Parameters:
    ///   - first: The first sequence number.
    ///   - body: Called per entry.
    public func forEachEntry(from first: Int64, _ body: (LedgerEntry) throws -> Void) throws {
        try connection.withLock { c in
            let s = c.selectFrom
            s.reset()
            s.bind(1, first)
            defer { s.reset() }
            while try s.step() { try body(c.entry(from: s)) }
        }
    }

    /// The entries with these sequence numbers.
    /// - Parameter sequences: Sequence numbers.
    /// - Returns: The entries that exist.
    public func entries(sequences: [Int64]) throws -> [LedgerEntry] {
        try connection.withLock { c in
            var out: [LedgerEntry] = []
            out.reserveCapacity(sequences.count)
            for seq in sequences {
                let s = c.selectOne
                s.reset()
                s.bind(1, seq)
                if try s.step() { out.append(try c.entry(from: s)) }
            }
            c.selectOne.reset()
            return out
        }
    }

    /// The sequence numbers of the entries that concern a subject.
    /// - Parameter subject: The subject.
    /// - Returns: Ascending sequence numbers.
    public func sequences(concerning subject: SubjectID) throws -> [Int64] {
        try connection.withLock { c in
            var out: [Int64] = []
            if c.diskIndexUsable {
                let s = c.selectSubject
                s.reset()
                s.bind(1, subject.rawValue)
                while try s.step() { out.append(s.int64(0)) }
                s.reset()
            }
            guard let pending = c.pending[subject] else { return out }
            // Rows on disk and in memory overlap only when the mark was not trusted and the index is completed again.
            if let last = out.last, last >= pending[0] { return Array(Set(out).union(pending)).sorted() }
            return out + pending
        }
    }

    /// The checkpoint blob.
    public func loadCheckpoint() throws -> [UInt8]? {
        try connection.withLock { c in
            let s = try c.db.prepare("SELECT blob FROM checkpoint WHERE id = 1")
            return try s.step() ? s.bytes(0) : nil
        }
    }

    /// Replaces the checkpoint blob.
    /// - Parameter blob: The blob.
    public func saveCheckpoint(_ blob: [UInt8]) throws {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            let s = try c.db.prepare("INSERT OR REPLACE INTO checkpoint(id, blob) VALUES (1, ?)")
            s.bind(1, blob)
            try s.run()
        }
    }

    /// Stores sealed personal data.
    /// - Parameters:
    ///   - sealed: The sealed bytes.
    ///   - token: The person's token.
    public func storeSealedPersonalData(_ sealed: [UInt8], for token: PersonToken) throws {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            let s = try c.db.prepare("INSERT OR REPLACE INTO vault(token, sealed) VALUES (?, ?)")
            s.bind(1, token.hex)
            s.bind(2, sealed)
            try s.run()
        }
    }

    /// The tokens the vault holds data for.
    /// - Returns: The tokens, sorted.
    /// - Throws: A storage error, or ``CreditKitError/Code/decoding`` for a row whose token is not 64 hex digits.
    public func sealedTokens() throws -> [PersonToken]? {
        try connection.withLock { c in
            let s = try c.db.prepare("SELECT token FROM vault ORDER BY token")
            var out: [PersonToken] = []
            while try s.step() {
                let text = s.string(0)
                do {
                    out.append(try PersonToken(hex: text))
                } catch {
                    throw CreditKitError(
                        .decoding, "the vault holds a row under '\(text.prefix(70))', which is not a person token")
                }
            }
            return out
        }
    }

    /// Sealed personal data.
    /// - Parameter token: The person's token.
    /// - Returns: The sealed bytes, or `nil`.
    public func sealedPersonalData(for token: PersonToken) throws -> [UInt8]? {
        try connection.withLock { c in
            let s = try c.db.prepare("SELECT sealed FROM vault WHERE token = ?")
            s.bind(1, token.hex)
            return try s.step() ? s.bytes(0) : nil
        }
    }

    /// Erases sealed personal data, overwriting the freed pages and checkpointing the WAL.
    /// - Parameter token: The person's token.
    /// - Returns: Whether there was any.
    @discardableResult
    public func eraseSealedPersonalData(for token: PersonToken) throws -> Bool {
        try connection.withLock { c in
            try c.refuseIfReadOnly()
            let s = try c.db.prepare("DELETE FROM vault WHERE token = ?")
            s.bind(1, token.hex)
            try s.run()
            let erased = sqlite3Changes(c.db) > 0
            try c.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return erased
        }
    }
}

/// What a file holds, as far as CreditKit is concerned (文件检查).
public enum SQLiteFileKind: Hashable, Sendable {
    /// No file.
    case missing
    /// A file of no bytes.
    case empty
    /// A CreditKit ledger.
    case ledger
    /// Something else, and what.
    case other(String)
}

extension SQLiteLedgerStore {
    /// What the file at a path holds, read without changing it: what a tool checks before it writes or deletes
    /// there.
    /// - Parameter path: The file.
    /// - Returns: Its kind.
    public static func inspect(_ path: String) -> SQLiteFileKind {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .missing }
        guard !isFolder.boolValue else { return .other("a folder") }
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { handle.closeFile() }
            head = try handle.read(upToCount: 16) ?? Data()
        } catch {
            return .other("a file that cannot be read (\(error.localizedDescription))")
        }
        if head.isEmpty { return .empty }
        guard head == Data("SQLite format 3\u{0}".utf8) else { return .other("not an SQLite file") }
        let db: SQLiteConnection
        do {
            db = try SQLiteConnection(path: path, readOnly: true)
        } catch let error as CreditKitError {
            return .other("an SQLite file that cannot be read here: \(error.message)")
        } catch {
            return .other("an SQLite file that cannot be read here: \(error)")
        }
        do {
            let format = try db.prepare("SELECT value FROM meta WHERE key = 'format'")
            guard try format.step() else { return .other("an SQLite file without CreditKit's format mark") }
            let value = format.string(0)
            return value == "creditkit-ledger-1" ? .ledger : .other("an SQLite file of format \(value)")
        } catch let error as CreditKitError where error.message.contains("no such table") {
            return .other("an SQLite file without CreditKit's tables")
        } catch let error as CreditKitError {
            return .other("an SQLite file that cannot be read here: \(error.message)")
        } catch {
            return .other("an SQLite file that cannot be read here: \(error)")
        }
    }
}
