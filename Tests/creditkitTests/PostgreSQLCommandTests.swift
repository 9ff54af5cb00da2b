import CreditKitCore
import CreditKitPostgreSQL
import CreditKitTesting
import Foundation
import Testing

@testable import creditkit

/// The command line on a PostgreSQL ledger: a libpq URI wherever a ledger path goes, keys by `--keys`, and
/// `migrate` between stores. Each test has a database of its own (the commands use the default schema), made on the
/// server `CREDITKIT_TEST_POSTGRESQL` names and dropped afterwards; without it the suite is skipped saying so.
@Suite(
    "creditkit on PostgreSQL: URIs, --keys, init and migrate",
    .enabled(
        if: ProcessInfo.processInfo.environment["CREDITKIT_TEST_POSTGRESQL"] != nil,
        "no PostgreSQL server for the tests: set CREDITKIT_TEST_POSTGRESQL (`.ci/postgres start DIR` prints one)"))
struct PostgreSQLCommandTests {
    let server = ProcessInfo.processInfo.environment["CREDITKIT_TEST_POSTGRESQL"] ?? ""
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-pg-cli-\(UUID())")

    /// A database of its own for `body`, dropped afterwards.
    func withDatabase(_ body: (_ url: String) async throws -> Void) async throws {
        let name = "ck_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let admin = try PGConnection(url: server, settings: "SET client_min_messages = warning")
        try admin.execute("CREATE DATABASE \(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: folder)  // A folder already gone is what removal wants.
            do { try admin.execute("DROP DATABASE \(name) WITH (FORCE)") } catch {
                Issue.record("could not drop the test database \(name): \(error)")
            }
        }
        // A later dbname in the query overrides the path's.
        try await body(server + (server.contains("?") ? "&" : "?") + "dbname=\(name)")
    }

    func run(_ command: any Command.Type, _ arguments: [String]) async throws {
        var parser = ArgumentParser(arguments, command: command)
        try await command.run(&parser)
    }

    /// A ledger file with an agency, `records` records and one official (whose data is in the vault).
    func ledgerFile(records: Int) async throws -> (path: String, agency: SubjectID) {
        let path = folder.appendingPathComponent("county.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: LocalDate("2024-01-01")!)
        for i in 0..<records {
            try await kit.enter(
                Fixtures.record(
                    subject: agency.id, decisionDate: LocalDate("2025-01-01")!.adding(days: i % 300), amount: Decimal(i)
                ))
        }
        try await kit.registerOfficial(
            residentID: Fixtures.residentID(index: 1), name: "张三", on: LocalDate("2024-01-01")!)
        try await kit.close()
        return (path, agency.id)
    }

    @Test("migrate a file into PostgreSQL and back: the same entries, vault and head; again, nothing more is copied")
    func migrateRoundTrip() async throws {
        try await withDatabase { url in
            let (file, agency) = try await ledgerFile(records: 2_345)
            let keys = folder.appendingPathComponent("platform.keys").path
            try await run(MigrateCommand.self, [file, url, "--to-keys", keys])
            #expect(FileManager.default.contentsEqual(atPath: file + ".keys", andPath: keys))
            try await run(VerifyCommand.self, [url, "--keys", keys])
            // The copy answers as the file does.
            let original = try openKit(file)
            let copy = try openKit(LedgerLocation(url, keys: keys, schema: nil))
            #expect(copy.view.head == original.view.head)
            #expect(copy.view.recordCount == 2_345)
            #expect(copy.check(agency, for: .honours) == original.check(agency, for: .honours))
            #expect(try copy.vaultFaults().isEmpty)
            // Run again: TO already holds the whole chain.
            try await run(MigrateCommand.self, [file, url, "--to-keys", keys])
            #expect(try PostgreSQLLedgerStore(url: url, readingOnly: true).head() == original.view.head)
            // A file that holds only a beginning of the chain is behind TO, which is further along.
            let shorter = try await TreeHeadLikeLedger.cut(of: file, keeping: 100, in: folder)
            await #expect(
                performing: {
                    try await run(MigrateCommand.self, [shorter, url, "--keys", file + ".keys", "--to-keys", keys])
                },
                throws: { ($0 as? CLIError)?.message.contains("further along") == true })
            // And back into a new file.
            let back = folder.appendingPathComponent("archive.sqlite").path
            try await run(MigrateCommand.self, [url, back, "--keys", keys])
            try await run(VerifyCommand.self, [back])
            #expect(try openKit(back).view.head == original.view.head)
        }
    }

    @Test("migrate refuses other keys and another ledger, and writes nothing")
    func migrateRefusals() async throws {
        try await withDatabase { url in
            let (file, _) = try await ledgerFile(records: 3)
            // FROM's keys that are not its own: refused before anything is written, and no keys file is made.
            let strangers = folder.appendingPathComponent("strangers.keys").path
            _ = try VaultKeys.loadOrCreate(at: strangers)
            let madeKeys = folder.appendingPathComponent("made.keys").path
            await #expect(throws: (any Error).self) {
                try await run(MigrateCommand.self, [file, url, "--keys", strangers, "--to-keys", madeKeys])
            }
            #expect(throws: CreditKitError.self) { try PostgreSQLLedgerStore(url: url, readingOnly: true) }
            #expect(!FileManager.default.fileExists(atPath: madeKeys))
            let otherKeys = folder.appendingPathComponent("other.keys").path
            _ = try VaultKeys.loadOrCreate(at: otherKeys)
            await #expect(
                performing: { try await run(MigrateCommand.self, [file, url, "--to-keys", otherKeys]) },
                throws: { ($0 as? CLIError)?.message.contains("other keys") == true })
            #expect(throws: CreditKitError.self) { try PostgreSQLLedgerStore(url: url, readingOnly: true) }
            // A database holding another ledger.
            let keys = folder.appendingPathComponent("platform.keys").path
            try await run(InitCommand.self, [url, "--keys", keys])
            let kit = try CreditKit(store: .postgreSQL(url, keys: keys))
            try await kit.register(Fixtures.agency(index: 9), on: LocalDate("2024-01-01")!)
            try FileManager.default.removeItem(atPath: keys)
            await #expect(
                performing: { try await run(MigrateCommand.self, [file, url, "--to-keys", keys]) },
                throws: { ($0 as? CLIError)?.message.contains("holds another ledger") == true })
            #expect(try PostgreSQLLedgerStore(url: url, readingOnly: true).head().sequence == 1)
        }
    }

    @Test("init on a URI makes the tables and the keys file; commands open the ledger by its URI and --keys")
    func initAndOpen() async throws {
        try await withDatabase { url in
            let keys = folder.appendingPathComponent("credit.keys").path
            try await run(InitCommand.self, [url, "--keys", keys])
            #expect(FileManager.default.fileExists(atPath: keys))
            await #expect(
                performing: { try await run(InitCommand.self, [url, "--keys", keys]) },
                throws: { ($0 as? CLIError)?.message.contains("exists") == true })
            // Without --keys the default file in the working directory is looked for, and its absence named.
            #expect(
                throws: CLIError.self,
                performing: { _ = try openKit(LedgerLocation(url, keys: nil, schema: nil)) })
            // A second init, from where the keys are not, would make other keys: refused.
            await #expect(
                performing: {
                    try await run(InitCommand.self, [url, "--keys", folder.appendingPathComponent("b.keys").path])
                },
                throws: { ($0 as? CLIError)?.message.contains("holds a ledger already") == true })
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.keys").path))
            let kit = try openKit(LedgerLocation(url, keys: keys, schema: nil), writing: true)
            try await kit.register(Fixtures.agency(index: 2), on: LocalDate("2024-01-01")!)
            try await run(VerifyCommand.self, [url, "--keys", keys])
            #expect(try openKit(LedgerLocation(url, keys: keys, schema: nil)).view.subjectCount == 1)
        }
    }

    @Test("two inits at once on one database: one makes the ledger and its keys, the other is refused")
    func concurrentInit() async throws {
        try await withDatabase { url in
            let keys = (1...2).map { folder.appendingPathComponent("init-\($0).keys").path }
            let made = try await withThrowingTaskGroup(of: Bool.self) { group in
                for path in keys {
                    group.addTask {
                        var parser = ArgumentParser([url, "--keys", path], command: InitCommand.self)
                        do {
                            try await InitCommand.run(&parser)
                            return true
                        } catch let error as CLIError where error.message.contains("holds a ledger already") {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(made.filter { $0 }.count == 1)
            #expect(keys.filter { FileManager.default.fileExists(atPath: $0) }.count == 1)
        }
    }

    @Test("--schema reaches a ledger in another schema of the same database")
    func otherSchema() async throws {
        try await withDatabase { url in
            let keys = folder.appendingPathComponent("county.keys").path
            try await run(InitCommand.self, [url, "--schema", "county", "--keys", keys])
            let kit = try openKit(LedgerLocation(url, keys: keys, schema: "county"), writing: true)
            try await kit.register(Fixtures.agency(index: 4), on: LocalDate("2024-01-01")!)
            try await run(VerifyCommand.self, [url, "--schema", "county", "--keys", keys])
            await #expect(
                performing: { try await run(VerifyCommand.self, [url, "--keys", keys]) },
                throws: { ($0 as? CLIError)?.message.hasPrefix("no ledger at") == true })
            #expect(throws: CLIError.self) { _ = try LedgerLocation("ledger.sqlite", keys: nil, schema: "county") }
        }
    }

    @Test("no ledger in the database is said plainly, and a password never shows")
    func missing() async throws {
        try await withDatabase { url in
            await #expect(
                performing: { try await run(VerifyCommand.self, [url]) },
                throws: { ($0 as? CLIError)?.message.hasPrefix("no ledger at postgresql://") == true })
            let withPassword = url.replacingOccurrences(of: "://creditkit@", with: "://creditkit:hunter2@")
            do {
                try await run(ProfileCommand.self, [withPassword, "--subject", "x"])
                Issue.record("a missing ledger opened")
            } catch {
                #expect(!"\(error)".contains("hunter2"), "\(error)")
            }
        }
    }
}

/// Ledgers cut short: a file holding only the first entries of another, with its keys, as a migration that stopped
/// would leave.
enum TreeHeadLikeLedger {
    static func cut(of file: String, keeping count: Int64, in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("first-\(count).sqlite").path
        let source = try SQLiteLedgerStore(readingOnly: file)
        let target = try SQLiteLedgerStore(path: path)
        try target.append(try source.entries(from: 1, through: count))
        try FileManager.default.copyItem(atPath: file + ".keys", toPath: path + ".keys")
        return path
    }
}
