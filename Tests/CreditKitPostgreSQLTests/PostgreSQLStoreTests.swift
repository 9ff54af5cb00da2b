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
            ("POSTGRESQL://credit:s3cret@/credit", "POSTGRESQL://credit:***@/credit"),
            ("postgresql://credit:s3cret/PW@/credit?host=/x", "postgresql://credit:***@/credit?host=/x"),
            (
                "postgresql://credit@/credit?host=/x&sslpassword=s3cret&port=5",
                "postgresql://credit@/credit?host=/x&sslpassword=***&port=5"
            ),
            ("host=db password = 's3 c\\'ret' dbname=credit", "host=db password = *** dbname=credit"),
            ("host=db sslpassword=s3cret", "host=db sslpassword=***"),
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
        #expect(PostgreSQLConnectionString.isPostgreSQL("PostgreSQL://u@db/credit"))
        #expect(PostgreSQLConnectionString.isPostgreSQL("host=/run/pg dbname=credit"))
        #expect(PostgreSQLConnectionString.isPostgreSQL(" dbname = credit"))
        #expect(!PostgreSQLConnectionString.isPostgreSQL("ledger.sqlite"))
        #expect(!PostgreSQLConnectionString.isPostgreSQL("./a=b.sqlite"))
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
            let refused = #expect(throws: CreditKitError.self) {
                try TestServer.raw(url, "DELETE FROM \(schema).ledger")
            }
            #expect(refused?.message.contains("append-only") == true)
        }
    }

    @Test("opened to read only, every write is refused and nothing is created")
    func readingOnly() async throws {
        try await TestServer.withSchema("ro") { url, schema in
            let missing = try #require(throws: CreditKitError.self) {
                try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
            }
            #expect(missing.message.contains("no CreditKit ledger") && missing.context["ledger"] == "absent")
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

/// What an attacker with the database's rights (a service's role, or the tables' owner) might try, each caught.
@Suite("PostgreSQL store under attack", .tags(.postgreSQL), .enabled(if: TestServer.url != nil, "\(TestServer.absent)"))
struct PostgreSQLAttackTests {
    /// A ledger in `schema` with an agency and two records (entries 1–3).
    static func ledger(_ url: String, _ schema: String) async throws -> CreditKit {
        let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: FixedClock.demo.today.adding(days: -30))
        try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: FixedClock.demo.today.adding(days: -2)))
        try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: FixedClock.demo.today.adding(days: -1)))
        return kit
    }

    @Test("a row inserted outside the chain (sequence 0 or below) is refused, and named by verify if let in")
    func outsideTheChain() async throws {
        try await TestServer.withSchema("outside") { url, schema in
            _ = try await Self.ledger(url, schema)
            let forge =
                "INSERT INTO \(schema).ledger SELECT -1, recorded_at, effective, kind, version, subjects, "
                + "payload, prev_hash, hash, principal FROM \(schema).ledger WHERE seq = 2"
            let checked = #expect(throws: CreditKitError.self) { try TestServer.raw(url, forge) }
            #expect(checked?.context["sqlstate"] == "23514", "\(String(describing: checked))")  // check violation
            // With the check dropped (the owner's right), the row gets in, and verify names it.
            try TestServer.raw(url, "ALTER TABLE \(schema).ledger DROP CONSTRAINT ledger_seq_check; " + forge)
            try TestServer.raw(
                url,
                "ALTER TABLE \(schema).ledger_subject DROP CONSTRAINT ledger_subject_seq_check; "
                    + "INSERT INTO \(schema).ledger_subject VALUES ('\(Fixtures.agency(index: 1).id)', -1)")
            let store = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
            #expect(try store.indexProblem()?.contains("outside the chain") == true)
            #expect(try store.sequences(concerning: Fixtures.agency(index: 1).id) == [1, 2, 3])
            #expect(try store.entries(sequences: [-1, 2]).map(\.sequence) == [2])
        }
    }

    @Test("guards disabled, set to fire only on replicas, or given another function are found and made again")
    func guardsNeutralised() async throws {
        for (tag, sabotage) in [
            ("disabled", "ALTER TABLE %s.ledger DISABLE TRIGGER ledger_append_only"),
            ("replica", "ALTER TABLE %s.ledger ENABLE REPLICA TRIGGER ledger_append_only"),
            (
                "function",
                "CREATE OR REPLACE FUNCTION %s.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RETURN NEW; END $$"
            ),
        ] {
            try await TestServer.withSchema("guard_\(tag)") { url, schema in
                _ = try await Self.ledger(url, schema)
                try TestServer.raw(url, sabotage.replacingOccurrences(of: "%s", with: schema))
                let reader = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
                #expect(reader.openingWarnings.contains { $0.contains("ledger_append_only") }, "\(tag)")
                let writer = try PostgreSQLLedgerStore(url: url, schema: schema)
                #expect(writer.openingWarnings.contains { $0.contains("restored") }, "\(tag)")
                let refused = #expect(throws: CreditKitError.self, "\(tag)") {
                    try TestServer.raw(url, "UPDATE \(schema).ledger SET version = 9 WHERE seq = 2")
                }
                #expect(refused?.message.contains("append-only") == true, "\(tag): \(String(describing: refused))")
                #expect(try PostgreSQLLedgerStore(url: url, schema: schema).openingWarnings.isEmpty, "\(tag)")
            }
        }
    }

    @Test("a trigger of someone else's that drops rows: the write is refused, never acknowledged and lost")
    func droppingTrigger() async throws {
        try await TestServer.withSchema("swallow") { url, schema in
            let kit = try await Self.ledger(url, schema)
            try TestServer.raw(
                url,
                "CREATE FUNCTION \(schema).swallow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$; "
                    + "CREATE TRIGGER zz BEFORE INSERT ON \(schema).ledger FOR EACH ROW EXECUTE FUNCTION \(schema).swallow()"
            )
            // The writer opened before the trigger was made: its batch is refused when the rows do not arrive.
            let error = await #expect(throws: CreditKitError.self) {
                try await kit.enter(
                    Fixtures.record(subject: Fixtures.agency(index: 1).id, decisionDate: FixedClock.demo.today))
            }
            #expect(error?.message.contains("stored 0 of the batch's 1") == true, "\(String(describing: error))")
            #expect(try kit.ledger.store.head().sequence == 3)
            // A writer opening now refuses to write at all.
            let refusal = try #require(throws: CreditKitError.self) {
                try PostgreSQLLedgerStore(url: url, schema: schema)
            }
            #expect(refusal.message.contains("the trigger zz on ledger"))
        }
    }

    @Test("padding the subjects or widening the day column: verify names the entry")
    func aliasedColumns() async throws {
        try await TestServer.withSchema("alias") { url, schema in
            _ = try await Self.ledger(url, schema)
            try TestServer.raw(
                url,
                "ALTER TABLE \(schema).ledger DISABLE TRIGGER ledger_append_only; "
                    + "UPDATE \(schema).ledger SET subjects = subjects || ' ' WHERE seq = 2; "
                    + "ALTER TABLE \(schema).ledger ALTER COLUMN effective TYPE bigint; "
                    + "UPDATE \(schema).ledger SET effective = effective + 4294967296 WHERE seq = 3")
            let store = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
            let report = try Ledger.verify(store: store)
            #expect(report.firstBrokenSequence == 2, "\(report)")
            try TestServer.raw(url, "UPDATE \(schema).ledger SET subjects = rtrim(subjects) WHERE seq = 2")
            #expect(try Ledger.verify(store: store).firstBrokenSequence == 3)
        }
    }

    @Test("rows put in the subject index ahead of their entries do not stop writes, and verify names them")
    func poisonedIndex() async throws {
        try await TestServer.withSchema("poison") { url, schema in
            let kit = try await Self.ledger(url, schema)
            let agency = Fixtures.agency(index: 1).id
            try TestServer.raw(
                url, "INSERT INTO \(schema).ledger_subject SELECT '\(agency)', g FROM generate_series(4, 50) g")
            try await kit.enter(Fixtures.record(subject: agency, decisionDate: FixedClock.demo.today))
            #expect(kit.view.recordCount == 3)
            let store = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
            #expect(try store.indexProblem()?.contains("that no entry names") == true)
            #expect(try store.entries(concerning: agency).map(\.sequence) == [1, 2, 3, 4])
        }
    }

    @Test("a row inserted past the head (a gap) stops the next writer with a broken chain, not a crash")
    func gap() async throws {
        try await TestServer.withSchema("gap") { url, schema in
            let kit = try await Self.ledger(url, schema)
            for seq in ["1000", "9223372036854775807"] {
                try TestServer.raw(
                    url,
                    "INSERT INTO \(schema).ledger SELECT \(seq), recorded_at, effective, kind, version, subjects, "
                        + "payload, prev_hash, hash, principal FROM \(schema).ledger WHERE seq = 3")
                let error = await #expect(throws: CreditKitError.self) {
                    try await kit.enter(
                        Fixtures.record(subject: Fixtures.agency(index: 1).id, decisionDate: FixedClock.demo.today))
                }
                #expect(error?.code == .brokenChain, "\(String(describing: error))")
                #expect(throws: CreditKitError.self) {
                    _ = try Ledger(store: PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true))
                }
                try TestServer.raw(
                    url,
                    "ALTER TABLE \(schema).ledger DISABLE TRIGGER ledger_append_only; "
                        + "DELETE FROM \(schema).ledger WHERE seq = \(seq); "
                        + "ALTER TABLE \(schema).ledger ENABLE TRIGGER ledger_append_only")
            }
        }
    }

    @Test("a role with only the documented grants writes, reads, seals and erases")
    func leastPrivilege() async throws {
        try await TestServer.withSchema("grants") { url, schema in
            _ = try await Self.ledger(url, schema)
            let role = "svc_" + schema.suffix(12)
            try TestServer.raw(
                url,
                """
                CREATE ROLE \(role) LOGIN;
                GRANT USAGE ON SCHEMA \(schema) TO \(role);
                GRANT SELECT ON \(schema).meta TO \(role);
                GRANT SELECT, INSERT ON \(schema).ledger, \(schema).ledger_subject TO \(role);
                GRANT SELECT, INSERT, UPDATE, DELETE ON \(schema).checkpoint, \(schema).vault TO \(role);
                """)
            defer {
                do { try TestServer.raw(url, "DROP OWNED BY \(role); DROP ROLE \(role)") } catch {
                    Issue.record("could not drop role \(role): \(error)")
                }
            }
            let asService = url.replacingCharacters(
                in: try #require(url.range(of: "://creditkit@")), with: "://\(role)@")
            let kit = try CreditKit(store: .postgreSQL(asService, schema: schema), keys: Fixtures.keys)
            try await kit.enter(
                Fixtures.record(subject: Fixtures.agency(index: 1).id, decisionDate: FixedClock.demo.today))
            let token = Fixtures.keys.token(for: Fixtures.residentID(index: 2))
            try kit.ledger.store.storeSealedPersonalData([7, 7], for: token)
            #expect(try kit.ledger.store.eraseSealedPersonalData(for: token))
            try await kit.close()
            #expect(try await kit.verify().isValid)
            // What the role may not do, it cannot: edit the chain.
            let asServiceSession = try PGConnection(url: asService, settings: "SET client_min_messages = warning")
            let refused = #expect(throws: CreditKitError.self) {
                try asServiceSession.execute("UPDATE \(schema).ledger SET version = 2")
            }
            // 42501: insufficient privilege.
            #expect(refused?.context["sqlstate"] == "42501", "\(String(describing: refused))")
        }
    }
}

@Suite(
    "PostgreSQL store: lost connections", .tags(.postgreSQL),
    .enabled(if: TestServer.url != nil, "\(TestServer.absent)"))
struct LostConnectionTests {
    @Test("a read after the server dropped the connection connects again; a write under way is not run again")
    func reconnects() async throws {
        let server = try #require(TestServer.url)
        let name = "ck_lost_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10)
        try TestServer.raw(server, "CREATE DATABASE \(name)")
        defer {
            do { try TestServer.raw(server, "DROP DATABASE \(name) WITH (FORCE)") } catch {
                Issue.record("could not drop \(name): \(error)")
            }
        }
        let url = server + (server.contains("?") ? "&" : "?") + "dbname=\(name)"
        let dropEveryone =
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()"
        let kit = try CreditKit(store: .postgreSQL(url), keys: Fixtures.keys)
        try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
        try TestServer.raw(server, dropEveryone)
        // A read (what following does) is run again on a new connection.
        #expect(try await kit.ledger.refresh() == 0)
        #expect(try kit.ledger.store.head().sequence == 1)
        // A write whose connection is lost after it took the lock fails, and writes nothing.
        let error = await #expect(throws: CreditKitError.self) {
            try await kit.ledger.append(
                building: { _ in
                    try TestServer.raw(server, dropEveryone)
                    return [AgencyRegistered(agency: Fixtures.agency(index: 2), on: FixedClock.demo.today)]
                })
        }
        #expect(error?.message.contains("was lost during a write") == true, "\(String(describing: error))")
        #expect(try kit.ledger.store.head().sequence == 1)
        // And the next write works.
        try await kit.register(Fixtures.agency(index: 3), on: FixedClock.demo.today)
        #expect(try kit.ledger.store.head().sequence == 2)
    }
}
