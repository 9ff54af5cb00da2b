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
            let copy = try openKit(url, keys: keys)
            #expect(copy.view.head == original.view.head)
            #expect(copy.view.recordCount == 2_345)
            #expect(copy.check(agency, for: .honours) == original.check(agency, for: .honours))
            #expect(try copy.vaultFaults().isEmpty)
            // Run again: TO already holds the whole chain.
            try await run(MigrateCommand.self, [file, url, "--to-keys", keys])
            #expect(try PostgreSQLLedgerStore(url: url, readingOnly: true).head() == original.view.head)
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
                performing: { _ = try openKit(url) })
            let kit = try openKit(url, keys: keys, writing: true)
            try await kit.register(Fixtures.agency(index: 2), on: LocalDate("2024-01-01")!)
            try await run(VerifyCommand.self, [url, "--keys", keys])
            #expect(try openKit(url, keys: keys).view.subjectCount == 1)
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
