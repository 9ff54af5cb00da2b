import CreditKitCore
import CreditKitPostgreSQL
import CreditKitTesting
import Foundation
import Testing

/// Several processes on one PostgreSQL ledger, as several services of a platform are: the writer is
/// `ledger-crash-writer`, built beside the tests.
@Suite(
    "PostgreSQL: many services, one ledger", .tags(.postgreSQL),
    .enabled(if: TestServer.url != nil, "\(TestServer.absent)"))
struct ManyWritersTests {
    static var writer: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ledger-crash-writer")
    }

    /// Starts the writer; its errors go to a file (a second pipe could fill and block it).
    static func start(_ arguments: [String], errors: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = writer
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try #require(FileManager.default.createFile(atPath: errors.path, contents: nil))
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return (process, pipe)
    }

    /// Service B: a long-lived kit on the schema, with the agency registered and nothing yet about it.
    static func serviceB(_ url: String, _ schema: String) async throws -> CreditKit {
        let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
        try await kit.register(Fixtures.agency(index: 1), on: try LocalDate(parsing: "2024-01-01"))
        return kit
    }

    /// Service A: another process that appends one batch of `records` records about the agency.
    static func serviceA(_ url: String, _ schema: String, records: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-pg-a-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let errors = dir.appendingPathComponent("a.err")
        let (process, pipe) = try start([url, "1", schema, String(records)], errors: errors)
        #expect(finish(process, pipe, errors: errors) == [1])
    }

    /// Waits for the writer and returns its acknowledgements.
    static func finish(_ process: Process, _ pipe: Pipe, errors: URL) -> [Int] {
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "a writer failed: \(said.prefix(2000))")
        return output.split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
    }

    @Test("4 processes × 1,000 batches: no fork, nothing lost, every batch whole, the chain verifies")
    func fourProcesses() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.writer.path), "the writer is built beside the tests")
        try await TestServer.withSchema("writers") { url, schema in
            let agency = Fixtures.agency(index: 1)
            do {
                let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
                try await kit.register(agency, on: try LocalDate(parsing: "2024-01-01"))
            }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-pg-writers-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let batches = 1_000
            let size = 2
            let started = Date()
            let writers = try (0..<4).map { n in
                let errors = dir.appendingPathComponent("writer-\(n).err")
                let (process, pipe) = try Self.start([url, String(batches), schema, String(size)], errors: errors)
                return (process, pipe, errors)
            }
            var acks = 0
            for (process, pipe, errors) in writers { acks += Self.finish(process, pipe, errors: errors).count }
            print("4 writers × \(batches) batches on PostgreSQL: \(Date().timeIntervalSince(started)) s")
            #expect(acks == 4 * batches)
            let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
            let report = try await kit.verify()
            #expect(report.isValid, "\(report.problem ?? "")")
            #expect(report.entryCount == Int64(1 + 4 * batches * size))
            #expect(kit.view.recordCount == 4 * batches * size)
            // Every batch is whole: its records are consecutive entries with one recorded time.
            var byTime: [Timestamp: [Int64]] = [:]
            try kit.ledger.store.forEachEntry(from: 2) { byTime[$0.recordedAt, default: []].append($0.sequence) }
            #expect(byTime.values.allSatisfy { $0.count % size == 0 })
            #expect(
                try kit.ledger.read(concerning: agency.id, through: kit.view).count == 1 + 4 * batches * size)
        }
    }

    @Test("a record written by one process is answered by another process's credit check, after refresh and not before")
    func creditCheckAcrossProcesses() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.writer.path))
        try await TestServer.withSchema("across") { url, schema in
            let agency = Fixtures.agency(index: 1)
            // Service B: a long-lived kit, opened before anything is written about the agency.
            let serviceB = try await Self.serviceB(url, schema)
            let day = try LocalDate(parsing: "2025-12-31")
            #expect(serviceB.check(agency.id, for: .honours, on: day)?.allowed == true)
            // Service A, another process, enters one batch of three records.
            try Self.serviceA(url, schema, records: 3)
            // B's view is a snapshot: the check answers from it until B takes in what A wrote.
            #expect(serviceB.check(agency.id, for: .honours, on: day)?.allowed == true)
            #expect(try await serviceB.ledger.refresh() == 3)
            let check = try #require(serviceB.check(agency.id, for: .honours, on: day))
            #expect(!check.allowed)
            #expect(Set(check.restrictions.map(\.record)).count == 3)
            #expect(try await serviceB.ledger.refresh() == 0)
        }
    }

    @Test("a service in another process, following the ledger, sees a record within its polling interval")
    func following() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.writer.path))
        try await TestServer.withSchema("follow") { url, schema in
            let agency = Fixtures.agency(index: 1)
            do {
                let kit = try CreditKit(store: .postgreSQL(url, schema: schema), keys: Fixtures.keys)
                try await kit.register(agency, on: try LocalDate(parsing: "2024-01-01"))
            }
            // Service B in a process of its own (its own threads, as a deployed service has), following every 100 ms.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-pg-follow-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let errors = dir.appendingPathComponent("b.err")
            let (follower, pipe) = try Self.start(["follow", url, schema, "1"], errors: errors)
            defer { if follower.isRunning { follower.terminate() } }
            var said = ""
            while !said.contains("ready\n"), follower.isRunning {
                said += String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
            }
            try #require(said.contains("ready"), "the follower did not start: \(said)")
            try Self.serviceA(url, schema, records: 1)
            said += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            follower.waitUntilExit()
            #expect(follower.terminationStatus == 0)
            let seen = try #require(
                said.split(separator: "\n").first { $0.hasPrefix("seen ") }.flatMap { Int64($0.dropFirst(5)) },
                "the follower said: \(said)")
            // From the record's recorded time (taken before its commit) to B's view holding it.
            let store = try PostgreSQLLedgerStore(url: url, schema: schema, readingOnly: true)
            let entry = try #require(try store.entries(sequences: [2]).first)
            let delay = Double(seen - entry.recordedAt.microseconds) / 1e6
            print("a record appended by service A was in service B's view after \(delay) s (following every 0.1 s)")
            #expect(delay >= 0 && delay < 2, "seen after \(delay) s")
        }
    }
}
