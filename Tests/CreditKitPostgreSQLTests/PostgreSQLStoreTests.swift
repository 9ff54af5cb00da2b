import CreditKitCore
import CreditKitTesting
import Foundation
import Synchronization
import Testing

@testable import CreditKitPostgreSQL

/// The PostgreSQL server the tests use: `CREDITKIT_TEST_POSTGRESQL` (a libpq URI; `.ci/postgres start DIR` starts a
/// throwaway one and prints it). Without it the tests that need a server are skipped with that message; `.ci/run`
/// sets `CREDITKIT_REQUIRE_POSTGRESQL=1`, and then a missing server is a failure.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["CREDITKIT_TEST_POSTGRESQL"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["CREDITKIT_REQUIRE_POSTGRESQL"] == "1"
    static let absent =
        "no PostgreSQL server for the tests: set CREDITKIT_TEST_POSTGRESQL to a libpq URI (`.ci/postgres start DIR` "
        + "starts a throwaway server and prints one)"

    /// A schema no other test uses.
    static func freshSchema(_ tag: String) -> String {
        "t_\(tag)_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Runs `body` with a fresh schema's name, and drops the schema afterwards.
    static func withSchema<T>(_ tag: String, _ body: (_ url: String, _ schema: String) async throws -> T)
        async throws -> T
    {
        let url = try #require(url)
        let schema = freshSchema(tag)
        defer {
            do { try PostgreSQLLedgerStore.dropLedger(url: url, schema: schema) } catch {
                Issue.record("could not drop the test schema \(schema): \(error)")
            }
        }
        return try await body(url, schema)
    }

    /// Runs SQL on a connection of its own, as another program would.
    static func raw(_ url: String, _ sql: String) throws {
        try PGConnection(url: url, settings: "SET client_min_messages = warning").execute(sql)
    }
}

@Test("the PostgreSQL tests have their server when CI requires it")
func serverPresentWhenRequired() {
    #expect(!TestServer.required || TestServer.url != nil, "\(TestServer.absent)")
}

@Suite("Connection strings", .tags(.postgreSQL))
struct ConnectionStringTests {
    @Test(
        "a password is never shown",
        arguments: [
            ("postgresql://credit:s3cret@db.example/credit", "postgresql://credit:***@db.example/credit"),
            (
                "postgresql://credit:s3cr@t@db.example:5433/credit?sslmode=verify-full",
                "postgresql://credit:***@db.example:5433/credit?sslmode=verify-full"
            ),
            (
                "postgresql://credit@/credit?host=/run/pg&password=s3cret",
                "postgresql://credit@/credit?host=/run/pg&password=***"
            ),
            ("host=db user=credit password=s3cret dbname=credit", "host=db user=credit password=*** dbname=credit"),
            ("postgresql://credit@/credit?host=/run/pg", "postgresql://credit@/credit?host=/run/pg"),
        ])
    func redacted(url: String, shown: String) {
        #expect(PostgreSQLConnectionString.redacted(url) == shown)
    }

    @Test("the database and the default keys file come from the connection string")
    func databaseName() throws {
        #expect(try PostgreSQLConnectionString.databaseName("postgresql://u@/credit_city?host=/tmp") == "credit_city")
        #expect(try PostgreSQLConnectionString.databaseName("postgresql://u@db.example") == "u")
        #expect(PostgreSQLLedgerStore.defaultKeysPath(url: "postgresql://u@db/credit") == "creditkit-credit.keys")
        #expect(
            PostgreSQLLedgerStore.defaultKeysPath(url: "postgresql://u@db/credit", schema: "county")
                == "creditkit-credit-county.keys")
        #expect(PostgreSQLConnectionString.isPostgreSQL("postgres://u@db/credit"))
        #expect(!PostgreSQLConnectionString.isPostgreSQL("ledger.sqlite"))
    }

    @Test("a server that cannot be reached is a storage error that names it without its password")
    func unreachable() throws {
        let url = "postgresql://credit:hunter2@/credit?host=/nonexistent-socket-dir&port=1&connect_timeout=2"
        let error = try #require(throws: CreditKitError.self) { try PostgreSQLLedgerStore(url: url) }
        #expect(error.code == .storage)
        #expect(error.message.contains("cannot connect to PostgreSQL at postgresql://credit:***@"))
        #expect(!"\(error)".contains("hunter2"))
    }

    @Test("a connection string libpq cannot read, and a bad schema name, are refused before connecting")
    func badArguments() throws {
        let bad = try #require(throws: CreditKitError.self) {
            try PostgreSQLLedgerStore(url: "postgresql://u:pw@db/credit?nosuchoption=1")
        }
        #expect(bad.code == .invalidArgument && !bad.message.contains("pw@"))
        for schema in ["Credit", "1st", "a;drop", "", String(repeating: "a", count: 64)] {
            let error = try #require(throws: CreditKitError.self) {
                try PostgreSQLLedgerStore(url: "postgresql://u@db/credit", schema: schema)
            }
            #expect(error.code == .invalidArgument)
        }
    }
}

extension Tag {
    @Tag static var postgreSQL: Self
}

@Suite("PostgreSQL store", .tags(.postgreSQL), .enabled(if: TestServer.url != nil, "\(TestServer.absent)"))
struct PostgreSQLStoreTests {
    @Test("passes the store conformance suite", arguments: LedgerStoreConformance.checks)
    func conforms(check: LedgerStoreConformance.Check) async throws {
        let url = try #require(TestServer.url)
        var schemas: [String] = []
        defer {
            for schema in schemas {
                do { try PostgreSQLLedgerStore.dropLedger(url: url, schema: schema) } catch {
                    Issue.record("could not drop \(schema): \(error)")
                }
            }
        }
        try await check.run {
            let schema = TestServer.freshSchema("conf")
            schemas.append(schema)
            return try PostgreSQLLedgerStore(url: url, schema: schema)
        }
    }

    @Test("a ledger reopened from another connection reads the same entries, vault and checkpoint")
    func reopen() async throws {
        try await TestServer.withSchema("reopen") { url, schema in
            let written: [LedgerEntry]
            do {
                let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
                let agency = Fixtures.agency(index: 3)
                try await kit.register(agency, on: FixedClock.demo.today.adding(days: -30))
                for day in 0..<5 {
                    try await kit.enter(
                        Fixtures.record(subject: agency.id, decisionDate: FixedClock.demo.today.adding(days: -day)))
                }
                var all: [LedgerEntry] = []
                try kit.ledger.store.forEachEntry(from: 1) { all.append($0) }
                written = all
                try await kit.close()
            }
            let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
            #expect(kit.ledger.restoration.usedCheckpoint)
            #expect(kit.ledger.restoration.warnings.isEmpty)
            var read: [LedgerEntry] = []
            try kit.ledger.store.forEachEntry(from: 1) { read.append($0) }
            #expect(read == written)
            #expect(kit.view.recordCount == 5)
            let report = try await kit.verify()
            #expect(report.isValid && report.entryCount == Int64(written.count))
        }
    }

    @Test("the ledger tables refuse UPDATE, DELETE and TRUNCATE inside the server")
    func guards() async throws {
        try await TestServer.withSchema("guards") { url, schema in
            let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
            try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
            for sql in [
                "UPDATE \(schema).ledger SET version = 2", "DELETE FROM \(schema).ledger",
                "TRUNCATE \(schema).ledger", "UPDATE \(schema).ledger_subject SET seq = 9",
                "DELETE FROM \(schema).ledger_subject", "TRUNCATE \(schema).ledger_subject",
            ] {
                let error = try #require(throws: CreditKitError.self, "\(sql)") { try TestServer.raw(url, sql) }
                #expect(error.message.contains("append-only"), "\(sql): \(error.message)")
            }
            #expect(try await kit.verify().isValid)
        }
    }

    @Test("an entry edited with the guards dropped is named by verify, and opening to write restores the guards")
    func tampering() async throws {
        try await TestServer.withSchema("tamper") { url, schema in
            do {
                let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
                let agency = Fixtures.agency(index: 1)
                try await kit.register(agency, on: FixedClock.demo.today)
                try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: FixedClock.demo.today))
                try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: FixedClock.demo.today))
            }
            try TestServer.raw(
                url,
                "DROP TRIGGER ledger_append_only ON \(schema).ledger; "
                    + "UPDATE \(schema).ledger SET payload = payload || '\\x20'::bytea WHERE seq = 2")
            let store = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
            #expect(store.openingWarnings.contains { $0.contains("ledger_append_only") })
            let ledger = try Ledger(store: store, registry: .core)
            let report = try await ledger.verify()
            #expect(!report.isValid && report.firstBrokenSequence == 2, "\(report)")
            // Opening to write makes the guard again, and says it was gone.
            let writer = try PostgreSQLLedgerStore(url: url, schema: schema)
            #expect(writer.openingWarnings.contains { $0.contains("restored") })
            #expect(throws: CreditKitError.self) { try TestServer.raw(url, "DELETE FROM \(schema).ledger") }
        }
    }

    @Test("opened to read only, every write is refused and nothing is created")
    func readingOnly() async throws {
        try await TestServer.withSchema("ro") { url, schema in
            let missing = try #require(throws: CreditKitError.self) {
                try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
            }
            #expect(missing.message.contains("no CreditKit ledger"))
            do {
                let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
                try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
            }
            let kit = try CreditKit(store: .postgreSQL(url, schema: schema, readingOnly: true), keys: Fixtures.keys)
            let head = kit.view.head
            await #expect(throws: CreditKitError.self) {
                try await kit.register(Fixtures.agency(index: 2), on: FixedClock.demo.today)
            }
            #expect(throws: CreditKitError.self) { try kit.ledger.store.saveCheckpoint([1]) }
            #expect(try kit.ledger.store.head() == head)
        }
    }

    @Test("a schema that holds other tables is not taken over")
    func otherTables() async throws {
        try await TestServer.withSchema("other") { url, schema in
            try TestServer.raw(url, "CREATE SCHEMA \(schema); CREATE TABLE \(schema).payroll(id int)")
            let error = try #require(throws: CreditKitError.self) {
                try PostgreSQLLedgerStore(url: url, schema: schema)
            }
            #expect(error.message.contains("not a CreditKit ledger") && error.message.contains("payroll"))
        }
    }

    @Test("a writer that cannot have the write lock in time fails clearly and writes nothing")
    func lockTimeout() async throws {
        try await TestServer.withSchema("lock") { url, schema in
            let holder = try PostgreSQLLedgerStore(url: url, schema: schema)
            let waiter = try PostgreSQLLedgerStore(url: url, schema: schema, lockTimeoutSeconds: 1)
            let ledger = try Ledger(store: waiter, clock: SteppingClock(start: FixedClock.demo.instant))
            let started = Mutex(false)
            let release = DispatchSemaphore(value: 0)
            let thread = Thread {
                do {
                    try holder.whileWriting {
                        started.withLock { $0 = true }
                        release.wait()
                    }
                } catch {
                    Issue.record("the holder could not take the lock: \(error)")
                }
            }
            thread.start()
            while !started.withLock({ $0 }) { usleep(1_000) }
            let error = await #expect(throws: CreditKitError.self) {
                try await ledger.append(AgencyRegistered(agency: Fixtures.agency(index: 1), on: FixedClock.demo.today))
            }
            release.signal()
            #expect(error?.message.contains("write lock") == true, "\(String(describing: error))")
            #expect(try waiter.head() == .empty)
            // Once the lock is free the same ledger writes.
            try await ledger.append(AgencyRegistered(agency: Fixtures.agency(index: 1), on: FixedClock.demo.today))
            #expect(try holder.head().sequence == 1)
        }
    }
}
