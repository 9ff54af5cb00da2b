import CreditKitCore
import CreditKitPostgreSQL
import Foundation

/// `creditkit init PATH`: a new, empty ledger and its vault keys.
enum InitCommand: Command {
    static let name = "init"
    static let summary = "create a new, empty ledger and its vault keys, to import a platform's own data into"
    static let help = """
        usage: creditkit init PATH
               creditkit init 'postgresql://USER@HOST/DB' [--keys FILE] [--schema NAME]

        Creates an empty ledger at PATH and its vault keys at PATH.keys (keep the keys safe and backed up: without
        them officials' personal data cannot be read and tree heads cannot be signed). Refuses a PATH or PATH.keys
        that exists. Given a libpq connection string, creates the ledger's tables in the database (schema
        creditkit, or --schema) and the keys in the file --keys names (default creditkit-<database>.keys here;
        never in the database); refuses a schema that holds a ledger already, or a keys file that exists. The
        database itself must exist (createdb). To move an existing ledger there, use `creditkit migrate`
        instead, into a database without a ledger: it makes the tables and takes the ledger's own keys. Then register the platform's bodies and enterprises from a CSV roster and import each module's
        data:

          creditkit import subjects.csv --store PATH                  (统一社会信用代码, 名称, 主体类别, 登记日期, 层级 …)
          creditkit import catalogue.csv --store PATH --module townships
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger's PATH")
        try arguments.finish()
        let location = try arguments.location(path)
        if location.isPostgreSQL {
            try await initPostgreSQL(location)
            return
        }
        if arguments.keysFile != nil {
            throw CLIError(message: "a ledger file keeps its keys beside it (PATH.keys); --keys is for PostgreSQL")
        }
        for existing in [path, path + ".keys"] where FileManager.default.fileExists(atPath: existing) {
            throw CLIError(message: "\(existing) exists; nothing was changed")
        }
        let keys = try VaultKeys.loadOrCreate(at: path + ".keys")
        do {
            let kit = try CreditKit(store: .sqlite(path), keys: keys, modules: allSectorModules)
            try await kit.close()
        } catch {
            // A ledger that could not be made leaves nothing behind: neither the file nor its keys. A file that is
            // not there (never made) is what removal wants, so its absence is no failure; the error reported is the
            // one that stopped the making.
            for made in ["", "-wal", "-shm", ".keys"] { try? FileManager.default.removeItem(atPath: path + made) }
            throw error
        }
        print(
            "created an empty ledger at \(path), its vault keys at \(path).keys; `creditkit import --help` shows what to load"
        )
    }

    /// Makes the tables of a PostgreSQL ledger and its keys' file; refuses a schema that holds a ledger already,
    /// even an empty one (its keys were made with it: a second set would seal data the first cannot read).
    static func initPostgreSQL(_ location: LedgerLocation) async throws {
        let keysPath = location.keysPath
        guard !FileManager.default.fileExists(atPath: keysPath) else {
            throw CLIError(message: "\(keysPath) exists; nothing was changed")
        }
        // One init at a time for the schema, held until this one has made the ledger and sealed its key check (the
        // lock goes with the connection): two run at once would otherwise both find no ledger and make two sets of
        // keys.
        let lock = try PGConnection(url: location.path, settings: "SET client_min_messages = warning")
        try lock.query(
            "SELECT pg_advisory_lock(\(PostgreSQLLedgerStore.lockClass), hashtext($1))",
            [.text(location.schema + ":init")])
        defer { withExtendedLifetime(lock) {} }
        if try location.exists() {
            throw CLIError(
                message: "\(location.shown) holds a ledger already (its keys were made with it, where `creditkit "
                    + "init` ran); nothing was changed")
        }
        let keys = try VaultKeys.loadOrCreate(at: keysPath)
        do {
            let kit = try CreditKit(
                store: location.storeChoice(writing: true), keys: keys, modules: allSectorModules)
            try await kit.close()
        } catch {
            // The keys of a ledger that could not be made are of no use; the error reported is the one that stopped
            // the making (the file, just made, is there to remove).
            try? FileManager.default.removeItem(atPath: keysPath)
            throw error
        }
        print(
            "created an empty ledger in \(location.shown), its vault keys at \(keysPath); give every service that "
                + "reads personal data a copy of the keys, and `creditkit import --help` shows what to load")
    }
}
