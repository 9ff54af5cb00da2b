import CreditKitCore
import CreditKitPostgreSQL
import Foundation

// Where a command's ledger lives: an SQLite file, or a PostgreSQL ledger named by a libpq URI
// (`postgresql://user@/db?host=/socket/dir&port=N`, or with a host name), accepted wherever a ledger path is. The vault
// and signing keys are in PATH.keys beside a file, and for a PostgreSQL ledger in the file `--keys` names, by default
// `creditkit-<database>.keys` in the working directory: never in the database.

/// Whether a ledger argument names a PostgreSQL ledger.
func isPostgreSQL(_ location: String) -> Bool { PostgreSQLConnectionString.isPostgreSQL(location) }

/// The ledger as messages show it: a URI without its password.
func shown(_ location: String) -> String {
    isPostgreSQL(location) ? PostgreSQLConnectionString.redacted(location) : location
}

/// Where the ledger's vault and signing keys are: `--keys` when given, else PATH.keys for a file and
/// `creditkit-<database>.keys` in the working directory for PostgreSQL.
func keysPath(of location: String, keys: String?) -> String {
    if let keys { return keys }
    return isPostgreSQL(location) ? PostgreSQLLedgerStore.defaultKeysPath(url: location) : location + ".keys"
}

/// How the kit opens the ledger.
func storeChoice(_ location: String, writing: Bool) -> CreditKit.StoreChoice {
    if isPostgreSQL(location) { return .postgreSQL(location, readingOnly: !writing) }
    return writing ? .sqlite(location) : .sqliteReadingOnly(location)
}

/// Opens the ledger's store to read only (nothing created, repaired or written).
func openStore(_ location: String) throws -> any LedgerStore {
    if isPostgreSQL(location) { return try PostgreSQLLedgerStore(url: location, readingOnly: true) }
    return try SQLiteLedgerStore(readingOnly: location)
}

/// Whether a ledger is there: a file that is a ledger, or a schema that holds one. Anything else at a file path is
/// refused saying what it is; a server that cannot be reached is an error, not "missing".
func ledgerExists(_ location: String) throws -> Bool {
    if isPostgreSQL(location) {
        do {
            _ = try PostgreSQLLedgerStore(url: location, readingOnly: true)
            return true
        } catch let error as CreditKitError where error.message.hasPrefix("no CreditKit ledger") {
            return false  // The server answered: there is no ledger in the schema.
        }
    }
    if case .missing = SQLiteLedgerStore.inspect(location) { return false }
    try requireLedger(location)
    return true
}

/// What is wrong with the store's subject index, checked against the entries, or `nil` when it agrees.
func indexProblem(of store: any LedgerStore) throws -> String? {
    switch store {
    case let sqlite as SQLiteLedgerStore: return try sqlite.indexProblem()
    case let postgreSQL as PostgreSQLLedgerStore: return try postgreSQL.indexProblem()
    default: return nil
    }
}
