import CPostgreSQL
import CreditKitCore
import Foundation

// Every call into libpq lives in this file.

/// libpq connection strings (连接串): what CreditKit accepts, and what it may show of one.
public enum PostgreSQLConnectionString {
    /// Whether a store argument names a PostgreSQL server rather than an SQLite file: a libpq URI
    /// (`postgresql://…` or `postgres://…`, the scheme in any case) or a libpq key-value string
    /// (`host=db dbname=credit user=credit`, its first word a libpq keyword followed by `=`).
    /// - Parameter text: A store path or connection string.
    /// - Returns: Whether it is a connection string.
    public static func isPostgreSQL(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") { return true }
        let trimmed = lower.drop { $0 == " " }
        guard let equals = trimmed.firstIndex(of: "=") else { return false }
        return keywords.contains(trimmed[..<equals].trimmingCharacters(in: .whitespaces))
    }

    /// libpq's connection keywords (PostgreSQL 15's `PQconndefaults`, and a few older ones).
    static let keywords: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "sslmode", "sslcompression",
        "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer",
        "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib", "service",
        "target_session_attrs", "replication",
    ]

    /// The connection string with every password replaced by `***` — the user part of a URI (whatever characters
    /// the password holds), and any parameter whose name ends in `password` (`password`, `sslpassword`, also
    /// percent-encoded) in a URI's query or a key-value string: the only form an error message, a log line or a
    /// report may show.
    /// - Parameter url: A libpq URI or key-value string.
    /// - Returns: The same string without the passwords.
    public static func redacted(_ url: String) -> String {
        var text = url
        for range in secretRanges(in: url).reversed() { text.replaceSubrange(range, with: "***") }
        return text
    }

    /// A text libpq wrote about a connection string with the string's passwords taken out: libpq quotes the token
    /// it could not read, and that token may be a password.
    /// - Parameters:
    ///   - text: What libpq said.
    ///   - url: The connection string it was about.
    /// - Returns: The text, each password (as written, and percent-decoded) replaced by `***`.
    static func scrubbed(_ text: String, of url: String) -> String {
        var out = text
        let secrets = secretRanges(in: url).map { String(url[$0]) }.filter { !$0.isEmpty }
        for secret in secrets.sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: secret, with: "***")
            if let decoded = secret.removingPercentEncoding, !decoded.isEmpty {
                out = out.replacingOccurrences(of: decoded, with: "***")
            }
        }
        return out
    }

    /// Where the passwords are in a connection string, in order and not overlapping.
    static func secretRanges(in url: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var queryStart = url.startIndex
        // postgresql://user:secret@host: the user part runs to the last '@' (a password may hold '/', '?' or '@'
        // unencoded; masking too much is the safe side).
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            if let at = rest.lastIndex(of: "@") {
                if let colon = rest[..<at].firstIndex(of: ":") { ranges.append(url.index(after: colon)..<at) }
                queryStart = at
            }
        }
        // name=value pairs whose name, percent-decoded, ends in "password": split on '&' in a URI's query, on
        // spaces (values maybe quoted) in a key-value string.
        let isURI = url.range(of: "://") != nil
        var i = queryStart
        while i < url.endIndex {
            guard let equals = url[i...].firstIndex(of: "=") else { break }
            let nameEnd = url[i..<equals].lastIndex { $0 != " " }.map { url.index(after: $0) } ?? i
            let nameStart =
                url[i..<nameEnd].lastIndex { $0 == "&" || $0 == "?" || (!isURI && $0 == " ") }.map {
                    url.index(after: $0)
                } ?? i
            let name = url[nameStart..<nameEnd]
            let decoded = (isURI ? name.removingPercentEncoding : String(name)) ?? String(name)
            var valueStart = url.index(after: equals)
            if !isURI { valueStart = url[valueStart...].firstIndex { $0 != " " } ?? url.endIndex }
            var valueEnd = url[valueStart...].firstIndex { $0 == "&" || (!isURI && $0 == " ") } ?? url.endIndex
            if !isURI, valueStart < url.endIndex, url[valueStart] == "'" {
                // A quoted value runs to the next quote that no backslash escapes (or to the end).
                valueEnd = url.endIndex
                var escaped = false
                for j in url[url.index(after: valueStart)...].indices {
                    if escaped {
                        escaped = false
                    } else if url[j] == "\\" {
                        escaped = true
                    } else if url[j] == "'" {
                        valueEnd = url.index(after: j)
                        break
                    }
                }
            }
            if decoded.lowercased().hasSuffix("password"), valueStart <= valueEnd {
                ranges.append(valueStart..<valueEnd)
            }
            i = valueEnd
        }
        return ranges.filter { !$0.isEmpty }
    }

    /// The database a connection string names (`dbname`), or, as libpq does without one, the user's name.
    /// - Parameter url: A libpq URI or key-value string.
    /// - Returns: The database's name.
    /// - Throws: `CreditKitError.Code.invalidArgument` when libpq cannot read the string.
    public static func databaseName(_ url: String) throws -> String {
        // In libpq's order: the string's dbname, PGDATABASE, then the user's name (the string's, PGUSER, the login).
        let options = try parse(url)
        let environment = ProcessInfo.processInfo.environment
        if let name = options["dbname"], !name.isEmpty { return name }
        if let name = environment["PGDATABASE"], !name.isEmpty { return name }
        if let user = options["user"], !user.isEmpty { return user }
        if let user = environment["PGUSER"], !user.isEmpty { return user }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }

    /// The options libpq reads from a connection string (only those given).
    static func parse(_ url: String) throws -> [String: String] {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &message) else {
            let reason = message.map {
                scrubbed(String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines), of: url)
            }
            if let message { PQfreemem(message) }
            throw CreditKitError(
                .invalidArgument,
                "not a PostgreSQL connection string (\(redacted(url))): \(reason ?? "libpq could not read it")")
        }
        defer { PQconninfoFree(options) }
        var out: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { out[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return out
    }
}

/// One parameter of a statement, sent in PostgreSQL's binary format.
package enum PGParameter {
    case int8(Int64)
    case int4(Int32)
    case text(String)
    case bytea([UInt8])
    /// A `bigint[]`, sent as its text form.
    case int8Array([Int64])
    case null(type: UInt32)

    /// The type's OID and the value's bytes and format (1 binary, 0 text); `nil` bytes for SQL NULL.
    var wire: (type: UInt32, bytes: [UInt8]?, format: Int32) {
        switch self {
        case .int8(let v): (20, withUnsafeBytes(of: v.bigEndian) { Array($0) }, 1)
        case .int4(let v): (23, withUnsafeBytes(of: v.bigEndian) { Array($0) }, 1)
        case .text(let s): (25, Array(s.utf8), 1)
        case .bytea(let b): (17, b, 1)
        case .int8Array(let values): (1016, Array(("{" + values.map(String.init).joined(separator: ",") + "}").utf8), 0)
        case .null(let type): (type, nil, 1)
        }
    }
}

/// A query's rows, in binary format. Not `Sendable`: read where it was made.
package final class PGRows {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { PQclear(handle) }

    package var count: Int { Int(PQntuples(handle)) }

    package func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(handle, Int32(row), Int32(column)) == 1 }

    /// The value's bytes, valid while the rows live.
    package func raw(_ row: Int, _ column: Int) -> UnsafeRawBufferPointer {
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        guard let start = PQgetvalue(handle, Int32(row), Int32(column)), length > 0 else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: start, count: length)
    }

    /// A `bigint` or `integer` column (a `bigint` read as a whole; an `integer` widened).
    package func int64(_ row: Int, _ column: Int) -> Int64 {
        let bytes = raw(row, column)
        var value: Int64 = 0
        for b in bytes { value = value << 8 | Int64(b) }
        // An `integer` of four bytes is signed in its own width.
        return bytes.count == 4 ? Int64(Int32(truncatingIfNeeded: value)) : value
    }

    package func bytes(_ row: Int, _ column: Int) -> [UInt8] { Array(raw(row, column)) }

    package func string(_ row: Int, _ column: Int) -> String { String(decoding: raw(row, column), as: UTF8.self) }
}

/// One libpq connection. Not `Sendable`: it lives behind the lock of the store that owns it.
package final class PGConnection {
    private(set) var handle: OpaquePointer
    /// The connection string without its password, for messages.
    let shownAs: String

    /// Connects; `settings` run at once and again after a reconnection.
    package init(url: String, settings: String) throws {
        shownAs = PostgreSQLConnectionString.redacted(url)
        _ = try PostgreSQLConnectionString.parse(url)
        guard let conn = PQconnectdb(url) else {
            throw CreditKitError(.storage, "cannot connect to PostgreSQL at \(shownAs): libpq is out of memory")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let reason = PostgreSQLConnectionString.scrubbed(
                String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines), of: url)
            PQfinish(conn)
            throw CreditKitError(.storage, "cannot connect to PostgreSQL at \(shownAs): \(reason)")
        }
        handle = conn
        self.settings = settings
        self.url = url
        try execute(settings)
    }

    private let settings: String
    /// The connection string, to take its passwords out of what libpq says.
    private let url: String

    deinit { PQfinish(handle) }

    /// Whether a transaction is open on the server and usable (not failed, not lost with the connection).
    var inTransaction: Bool { PQtransactionStatus(handle) == PQTRANS_INTRANS }

    /// Whether the server closed the connection.
    var isLost: Bool { PQstatus(handle) == CONNECTION_BAD }

    /// Connects again when the server closed the connection (it restarted, or an administrator ended the session),
    /// but never in the middle of a transaction, whose work would be lost without a word.
    func reconnectIfLost() throws {
        guard PQstatus(handle) == CONNECTION_BAD else { return }
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw CreditKitError(
                .storage,
                "lost the connection to PostgreSQL at \(shownAs) and could not connect again: "
                    + PostgreSQLConnectionString.scrubbed(
                        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines), of: url
                    ))
        }
        try execute(settings)
    }

    /// The error a failed result or call stands for, with its SQLSTATE.
    func error(_ result: OpaquePointer?, _ sql: String) -> CreditKitError {
        let message =
            result.flatMap { PQresultErrorMessage($0) }.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? String(cString: PQerrorMessage(handle))
        let state =
            result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) } ?? ""
        var context = ["sql": String(sql.prefix(120))]
        if !state.isEmpty { context["sqlstate"] = state }
        if let constraint = result.flatMap({ PQresultErrorField($0, Int32(UInt8(ascii: "n"))) }) {
            context["constraint"] = String(cString: constraint)
        }
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        switch state {
        case "55P03":
            return CreditKitError(
                .storage,
                "PostgreSQL: another writer held the ledger's write lock longer than the lock timeout; nothing was "
                    + "written (\(text))", context: context)
        case "25006":
            return CreditKitError(
                .storage, "the PostgreSQL ledger was opened read-only (to look, not to change it): nothing was written",
                context: context)
        default:
            return CreditKitError(.storage, "PostgreSQL: \(text)", context: context)
        }
    }

    /// Whether a statement that failed because the server closed the connection (a restart, an administrator,
    /// an idle timeout) is run again once on a new connection: yes outside a transaction, never inside one (its
    /// work and locks went with the connection). The store turns it off for the length of a write.
    package var retryAfterLoss = true

    /// Runs `attempt`, and once more on a new connection when it failed because the old one was lost and running
    /// it again is safe.
    private func retrying<T>(_ attempt: () throws -> T) throws -> T {
        do {
            return try attempt()
        } catch let error as CreditKitError {
            guard retryAfterLoss, PQstatus(handle) == CONNECTION_BAD else { throw error }
            try reconnectIfLost()
            return try attempt()
        }
    }

    /// Runs statements without parameters or rows.
    package func execute(_ sql: String) throws {
        try retrying {
            let result = PQexec(handle, sql)
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw error(result, sql) }
        }
    }

    /// Runs one statement with parameters and returns its rows in binary format.
    @discardableResult
    package func query(_ sql: String, _ parameters: [PGParameter] = []) throws -> PGRows {
        try retrying {
            try withWire(parameters) { count, types, values, lengths, formats in
                PQexecParams(handle, sql, count, types, values, lengths, formats, 1)
            } failure: {
                sql
            }
        }
    }

    /// Lays the parameters out as libpq takes them (each value in memory that stays put while libpq reads it, text
    /// ones ending in a NUL), calls `send`, and turns what comes back into rows or an error.
    private func withWire(
        _ parameters: [PGParameter],
        _ send: (
            Int32, [UInt32], [UnsafePointer<CChar>?], [Int32], [Int32]
        ) -> OpaquePointer?,
        failure statement: () -> String
    ) throws -> PGRows {
        let wires = parameters.map(\.wire)
        let buffers: [UnsafeMutablePointer<CChar>?] = wires.map { wire in
            guard let bytes = wire.bytes else { return nil }
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress {
                    UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: bytes.count)
                }
            }
            buffer[bytes.count] = 0
            return buffer
        }
        defer { for buffer in buffers { buffer?.deallocate() } }
        let result = send(
            Int32(parameters.count), wires.map(\.type), buffers.map { UnsafePointer($0) },
            wires.map { Int32($0.bytes?.count ?? 0) }, wires.map(\.format))
        guard let result else { throw error(nil, statement()) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let failure = error(result, statement())
            PQclear(result)
            throw failure
        }
        return PGRows(result)
    }

    /// Prepares a named statement on the server, parsed and planned once.
    package func prepare(_ name: String, _ sql: String, types: [UInt32]) throws {
        let result = PQprepare(handle, name, sql, Int32(types.count), types)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw error(result, sql) }
    }

    /// Runs a prepared statement with parameters (sent in binary, as ``query(_:_:)`` sends them).
    @discardableResult
    package func run(prepared name: String, _ parameters: [PGParameter]) throws -> PGRows {
        try withWire(parameters) { count, types, values, lengths, formats in
            _ = types
            return PQexecPrepared(handle, name, count, values, lengths, formats, 1)
        } failure: {
            "EXECUTE \(name)"
        }
    }

    /// Sends rows in PostgreSQL's binary COPY format (``PGCopyBuffer``) to `COPY … FROM STDIN`.
    /// - Returns: How many rows the server says it stored.
    @discardableResult
    package func copy(_ sql: String, _ data: consuming PGCopyBuffer) throws -> Int {
        let start = PQexec(handle, sql)
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            let failure = error(start, sql)
            PQclear(start)
            throw failure
        }
        PQclear(start)
        data.finish()
        let bytes = data.bytes
        var sent = true
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count, sent {
                let size = min(1 << 20, buffer.count - offset)
                let base = UnsafeRawPointer(buffer.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                sent = PQputCopyData(handle, base, Int32(size)) == 1
                offset += size
            }
        }
        let ended = PQputCopyEnd(handle, sent ? nil : "CreditKit could not send the rows") == 1
        var failure: CreditKitError?
        var stored = 0
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil { failure = error(result, sql) }
            if let count = PQcmdTuples(result) { stored = Int(String(cString: count)) ?? 0 }
            PQclear(result)
        }
        if let failure { throw failure }
        guard sent, ended else { throw error(nil, sql) }
        return stored
    }
}

/// Rows laid out in PostgreSQL's binary COPY format: a header, each row as its field count and each field as its
/// length and bytes, and a trailer.
package struct PGCopyBuffer {
    private(set) var bytes: [UInt8]

    package init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity + 21)
        // "PGCOPY\n\xff\r\n\0", no flags, no header extension.
        bytes.append(contentsOf: [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00])
        bytes.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0])
    }

    private mutating func big<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func row(fields: Int16) { big(fields) }

    package mutating func int8(_ value: Int64) {
        big(Int32(8))
        big(value)
    }

    package mutating func int4(_ value: Int32) {
        big(Int32(4))
        big(value)
    }

    package mutating func bytes(_ value: some Collection<UInt8>) {
        big(Int32(value.count))
        bytes.append(contentsOf: value)
    }

    package mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { bytes($0) }
    }

    package mutating func null() { big(Int32(-1)) }

    /// A digest's 32 bytes as a `bytea` field, written straight from its words.
    package mutating func digest(_ value: Digest) {
        big(Int32(32))
        value.appendBytes(to: &bytes)
    }

    /// Ends the rows with the trailer.
    mutating func finish() { bytes.append(contentsOf: [0xFF, 0xFF]) }
}
