import CreditKitCore
import Foundation

extension CreditKit.StoreChoice {
    /// A ledger in a PostgreSQL database (PostgreSQL 账本), shared by every service that opens the same database
    /// and schema: `CreditKit(store: .postgreSQL("postgresql://credit@db.internal/credit?sslmode=verify-full"))`.
    ///
    /// The vault and signing keys are never kept in the database: they are read from `keys`, by default
    /// `creditkit-<database>.keys` in the working directory (`creditkit-<database>-<schema>.keys` for a schema
    /// other than `creditkit`), and made there only while the ledger is empty. Every service that reads personal
    /// data needs a copy of that file.
    /// - Parameters:
    ///   - url: A libpq connection string (TLS and the rest passed through).
    ///   - schema: The schema of the ledger's tables.
    ///   - keys: The vault keys' file.
    ///   - readingOnly: Opens an existing ledger to read it only.
    /// - Returns: The store choice.
    public static func postgreSQL(
        _ url: String, schema: String = "creditkit", keys: String? = nil, readingOnly: Bool = false
    ) -> Self {
        .opened(
            CreditKit.StoreOpening(
                name: "the PostgreSQL ledger \(PostgreSQLConnectionString.redacted(url)) (schema \(schema))",
                keysPath: keys ?? PostgreSQLLedgerStore.defaultKeysPath(url: url, schema: schema),
                open: { try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: readingOnly) }))
    }
}

extension PostgreSQLLedgerStore {
    /// Where the keys of a PostgreSQL ledger are looked for when none is named: `creditkit-<database>.keys` in the
    /// working directory, with `-<schema>` before `.keys` for a schema other than `creditkit`.
    /// - Parameters:
    ///   - url: The connection string.
    ///   - schema: The ledger's schema.
    /// - Returns: The path.
    public static func defaultKeysPath(url: String, schema: String = "creditkit") -> String {
        // A string libpq cannot read has no database; opening the store names that error before keys are read.
        let database = (try? PostgreSQLConnectionString.databaseName(url)) ?? "unreadable"
        let safe = String(database.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "_" })
        return "creditkit-\(safe)" + (schema == "creditkit" ? "" : "-\(schema)") + ".keys"
    }
}
