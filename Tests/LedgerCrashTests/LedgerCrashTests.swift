import CreditKitCore
import CreditKitTesting
import Foundation
import Synchronization
import Testing

/// The crash harness (issue: integrity under attack, item 5): a child process appending batches is killed with
/// SIGKILL at random points; after each kill the file verifies, holds every acknowledged batch (and at most the one
/// batch that committed before its acknowledgement was printed), and takes the next write.
@Suite("Crash harness")
struct LedgerCrashTests {
    /// The writer, built beside the test bundle.
    static var writer: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ledger-crash-writer")
    }

    /// Runs the writer until it has acknowledged `target` more batches (it opened the ledger first), waits
    /// `jitter` microseconds more so the kill lands anywhere in the next batch, kills it with SIGKILL, and returns
    /// the batch count it opened with and the batches it acknowledged. Progress, not wall time, decides the kill, so
    /// a busy machine does not let the writer run on.
    static func runAndKill(_ path: String, target: Int, jitter: UInt32) throws -> (opened: Int?, acked: [Int]) {
        let process = Process()
        process.executableURL = writer
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        let lines = Mutex<[String]>([])
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            lines.withLock { $0 += text.split(separator: "\n").map(String.init) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning {
            let seen = lines.withLock { $0 }
            if seen.contains(where: { $0.hasPrefix("open ") }), seen.filter({ $0.hasPrefix("ack ") }).count >= target {
                break
            }
            usleep(500)
        }
        usleep(jitter)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        pipe.fileHandleForReading.readabilityHandler = nil
        let rest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let all = lines.withLock { $0 } + rest.split(separator: "\n").map(String.init)
        let opened = all.first { $0.hasPrefix("open ") }.flatMap { Int($0.dropFirst(5)) }
        return (opened, all.compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil })
    }

    @Test("50 kills -9 at random points: every acknowledged batch is there, the chain verifies, the next write works")
    func killedWriter() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.writer.path), "the writer is built beside the tests")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-crash-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("crash.sqlite").path
        // A new seed each run, printed; CREDITKIT_CRASH_SEED runs one again (the kills land as the machine schedules).
        let seed =
            ProcessInfo.processInfo.environment["CREDITKIT_CRASH_SEED"].flatMap(UInt64.init)
            ?? UInt64(Date().timeIntervalSince1970)
        var rng = SplitMix64(state: seed)
        print("crash harness: seed \(seed)")
        var acknowledged = 0
        var kills = 0
        var killedMidWrite = 0
        for _ in 0..<50 {
            let (opened, acked) = try Self.runAndKill(
                path, target: Int(rng.next() % 4), jitter: UInt32(rng.next() % 40_000))
            kills += 1
            if let opened {
                #expect(opened >= acknowledged, "a reopen lost acknowledged batches: \(opened) < \(acknowledged)")
            }
            acknowledged = max(acknowledged, acked.max() ?? 0)
            let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
            let report = try await kit.verify()
            #expect(report.isValid, "\(report.problem ?? "")")
            let batches = kit.view.recordCount / 20
            #expect(kit.view.recordCount % 20 == 0, "a batch was half written")
            #expect(batches == acknowledged || batches == acknowledged + 1, "\(batches) batches, \(acknowledged) acked")
            if batches > acknowledged { killedMidWrite += 1 }
            acknowledged = batches
        }
        // The file takes the next write.
        let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
        try await kit.enter(
            Fixtures.record(subject: Fixtures.agency(index: 1).id, decisionDate: try LocalDate(parsing: "2025-06-01")))
        #expect(try await kit.verify().isValid)
        print(
            "crash harness: \(kills) kills, \(acknowledged) batches acknowledged, \(killedMidWrite) committed before their acknowledgement"
        )
        #expect(kills == 50 && acknowledged > 0)
    }

    @Test("four processes appending to one file at once: each batch is written once, whole, and the chain holds")
    func manyWriters() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.writer.path))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-writers-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("shared.sqlite").path
        // The file and its agency first, so the writers only append.
        do {
            let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
            try await kit.register(Fixtures.agency(index: 1), on: try LocalDate(parsing: "2024-01-01"))
            try await kit.close()
        }
        let batches = 15
        var processes: [(Process, Pipe, URL)] = []
        for n in 0..<4 {
            let process = Process()
            process.executableURL = Self.writer
            process.arguments = [path, String(batches)]
            let pipe = Pipe()
            process.standardOutput = pipe
            // What a writer says when it fails goes to a file (a second pipe could fill and block it).
            let errors = dir.appendingPathComponent("writer-\(n).err")
            try #require(FileManager.default.createFile(atPath: errors.path, contents: nil))
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            processes.append((process, pipe, errors))
        }
        var acks = 0
        for (process, pipe, errors) in processes {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "a writer failed: \(said.prefix(2000))")
            acks += output.split(separator: "\n").filter { $0.hasPrefix("ack ") }.count
        }
        #expect(acks == 4 * batches)
        let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
        #expect(try await kit.verify().isValid)
        #expect(kit.view.recordCount == 4 * batches * 20)
        #expect(
            try kit.ledger.read(concerning: Fixtures.agency(index: 1).id, through: kit.view).count == 1 + 4 * batches
                * 20)
    }
}
