import CreditKitCore
import CreditKitPostgreSQL
import Foundation

/// Where a command's ledger lives (账本位置): an SQLite file, or a PostgreSQL ledger named by a libpq connection
/// string (`postgresql://user@/db?host=/socket/dir&port=N`, with a host name, or `host=… dbname=…`), accepted wherever
/// a ledger path is, in the schema `--schema` names (`creditkit` by default). The vault and signing keys are in
/// PATH.keys beside a file, and for a PostgreSQL ledger in the file `--keys` names, by default
/// `creditkit-<database>.keys` in the working directory: never in the database.
struct LedgerLocation {
    /// The path or connection string as given.
    let path: String
    /// `--keys`, when given.
    let keysOption: String?
    /// The schema of a PostgreSQL ledger.
    let schema: String

    /// Makes a location, refusing options that do not fit it.
    /// - Throws: ``CLIError`` for `--schema` with a file, or a schema name PostgreSQL tables cannot take.
    init(_ path: String, keys: String?, schema: String?) throws {
        self.path = path
        self.keysOption = keys
        self.schema = schema ?? "creditkit"
        if schema != nil, !isPostgreSQL {
            throw CLIError(message: "--schema names a PostgreSQL ledger's schema; \(path) is a file")
        }
    }

    /// Whether the ledger is in PostgreSQL.
    var isPostgreSQL: Bool { PostgreSQLConnectionString.isPostgreSQL(path) }

    /// The ledger as messages show it: a connection string without its passwords, and a schema other than the
    /// default.
    var shown: String {
        guard isPostgreSQL else { return path }
        return PostgreSQLConnectionString.redacted(path) + (schema == "creditkit" ? "" : " (schema \(schema))")
    }

    /// The ledger as a hint to type shows it: quoted for the shell (a URI holds `&` and `?`), the password as `***`,
    /// with its `--schema`.
    var typed: String {
        guard isPostgreSQL else { return path }
        let quoted = "'" + PostgreSQLConnectionString.redacted(path).replacingOccurrences(of: "'", with: "'\\''") + "'"
        return quoted + (schema == "creditkit" ? "" : " --schema \(schema)")
    }

    /// Where the ledger's vault and signing keys are: `--keys` when given, else PATH.keys for a file and
    /// `creditkit-<database>.keys` (with `-<schema>` for a schema other than `creditkit`) here for PostgreSQL.
    var keysPath: String {
        if let keysOption { return keysOption }
        return isPostgreSQL ? PostgreSQLLedgerStore.defaultKeysPath(url: path, schema: schema) : path + ".keys"
    }

    /// How the kit opens the ledger.
    func storeChoice(writing: Bool) -> CreditKit.StoreChoice {
        if isPostgreSQL { return .postgreSQL(path, schema: schema, readingOnly: !writing) }
        return writing ? .sqlite(path) : .sqliteReadingOnly(path)
    }

    /// Opens the ledger's store to read only (nothing created, repaired or written).
    func openStore() throws -> any LedgerStore {
        if isPostgreSQL { return try PostgreSQLLedgerStore(url: path, schema: schema, readingOnly: true) }
        return try SQLiteLedgerStore(readingOnly: path)
    }

    /// Opens the ledger's store to write, creating it when missing.
    func openStoreForWriting(cacheKey: [UInt8]) throws -> any LedgerStore {
        if isPostgreSQL { return try PostgreSQLLedgerStore(url: path, schema: schema) }
        return try SQLiteLedgerStore(path: path, cacheKey: cacheKey)
    }

    /// Whether a ledger is there: a file that is a ledger, or a schema that holds one. Anything else at a file path
    /// is refused saying what it is; a server that cannot be reached is an error, not "missing".
    func exists() throws -> Bool {
        if isPostgreSQL {
            do {
                _ = try PostgreSQLLedgerStore(url: path, schema: schema, readingOnly: true)
                return true
            } catch let error as CreditKitError where error.context["ledger"] == "absent" {
                return false  // The server answered: there is no ledger in the schema.
            }
        }
        if case .missing = SQLiteLedgerStore.inspect(path) { return false }
        try requireLedger(path)
        return true
    }

    /// Refuses a location without a ledger, saying how to make one.
    func requireExisting() throws {
        guard try exists() else {
            throw CLIError(
                message: "no ledger at \(shown); create an empty one with `creditkit init \(typed)`"
                    + (isPostgreSQL ? "" : " (or a demo city with `creditkit demo --store \(path)`)"))
        }
    }
}

extension ArgumentParser {
    /// The ledger at `path`, with this command line's `--keys` and `--schema`.
    /// - Throws: ``CLIError`` for options that do not fit it.
    func location(_ path: String) throws -> LedgerLocation {
        try LedgerLocation(path, keys: keysFile, schema: schema)
    }
}

/// What is wrong with the store's subject index, checked against the entries, or `nil` when it agrees.
func indexProblem(of store: any LedgerStore) throws -> String? {
    switch store {
    case let sqlite as SQLiteLedgerStore: return try sqlite.indexProblem()
    case let postgreSQL as PostgreSQLLedgerStore: return try postgreSQL.indexProblem()
    default: return nil
    }
}
