// creditkit-bench: the standard workloads, one JSON object per line. Build and run in release:
//   swift run -c release creditkit-bench ledger [--n 1000000] [--dir DIR]
import Bidding
import CreditKitCore
import CreditKitPostgreSQL
import CreditKitTesting
import Foundation
import OpenContracting
import Synchronization

struct Options {
    var workload = ""
    /// How many events; each workload has its own default.
    var n: Int?
    var dir: String?
    var file: String?
    var cardinal: String?
    /// A PostgreSQL ledger's libpq URI, for `ledger`.
    var store: String?

    static let usage = """
        usage: creditkit-bench WORKLOAD [--n N] [--dir DIR]

        workloads:
          ledger   append N record events (batches of 1,000) to a new SQLite file, verify it, reopen it
                   (default N = 1,000,000); with --store postgresql://…, to a new schema in that database
                   (default N = 100,000), beside PostgreSQL's own COPY and INSERT of the same rows, then 1, 2
                   and 4 writer processes appending 40,000 records to one ledger
          evaluate score and rank 10,000 agencies carrying N records (default 1,000,000) as of one date, on a
                   SQLite ledger; with the process's peak memory per record
          ocds FILE read an OCDS file and run every registered module that reads it (the procurement and bidding
                   rules, the red flags), one thread and two, with all eleven red flags and with the first six;
                   then the red flags alone as `creditkit ocds flags` computes them, one thread and two
          scale    a SQLite ledger of N records (default 10,000,000) over 100,000 agencies: append, verify,
                   reopen, 100,000 credit checks, score and rank; resident and peak memory per record
          commands FILE  the user's commands as whole processes (`creditkit ocds check` and `ocds flags` on one
                   thread, two and every core): wall time, cores busy, peak memory; with --cardinal BIN, OCP
                   Cardinal's `indicators` on the same file (every indicator, one thread and two) and each
                   figure as a ratio to it
          check    the credit check over 100,000 subjects carrying N records (default 1,000,000) on a SQLite
                   ledger: 1,000,000 checks of random subjects, purposes and days, each timed; with the process's
                   peak memory per record
          ppp      N PPP facts (default 1,000,000: 100,000 projects over 10,000 agencies) appended through
                   validation, then every ppp.* rule over every project as of one day, and one agency's section
          debt     a figures file of 3,000 regions x 10 years judged as `creditkit debt assess` does; then N arrears
                   facts (default 1,000,000, over 10,000 agencies) appended through validation and every debt.*
                   rule over them as of one day
          investment  N investment facts (default 1,000,000: 100,000 agreements over 10,000 agencies, each promise
                   a commitment of the core) appended through validation, then every investment.* rule as of one day
          townships  N township facts (default 4,000,000: 40,000 townships, 100 facts each, 20 to a county)
                   appended through validation into a SQLite file, then every county's ranking of its townships
                   with each township's file and integrity-township judgement as of one day

        options:
          --n N      how many events
          --dir DIR  where the SQLite file goes (default: a new temporary directory, removed afterwards)
          --cardinal BIN  OCP Cardinal's `ocdscardinal`, the yardstick of `commands`
          --store URI  a PostgreSQL database for `ledger` (schemas of its own are made, and dropped when the
                     run ends; an interrupted run leaves its bench_* schemas to drop by hand)
        """

    init(_ arguments: [String]) throws {
        var args = arguments[...]
        guard let first = args.popFirst(), first != "--help", first != "-h" else { throw BenchError.usage }
        workload = first
        while let arg = args.popFirst() {
            switch arg {
            case "--n":
                guard let v = args.popFirst(), let n = Int(v.replacingOccurrences(of: "_", with: "")), n > 0 else {
                    throw BenchError.message("--n takes a positive whole number")
                }
                self.n = n
            case "--dir":
                guard let v = args.popFirst() else { throw BenchError.message("--dir takes a directory") }
                dir = v
            case "--cardinal":
                guard let v = args.popFirst() else {
                    throw BenchError.message("--cardinal takes Cardinal's executable")
                }
                cardinal = v
            case "--store":
                guard let v = args.popFirst(), PostgreSQLConnectionString.isPostgreSQL(v) else {
                    throw BenchError.message("--store takes a PostgreSQL URI (postgresql://…)")
                }
                store = v
            case "--help", "-h": throw BenchError.usage
            default:
                guard file == nil, !arg.hasPrefix("--") else { throw BenchError.message("unknown option \(arg)") }
                file = arg
            }
        }
    }
}

enum BenchError: Error {
    case usage
    case message(String)
}

func emit(_ fields: [(String, Any)]) {
    let body = fields.map { key, value -> String in
        switch value {
        case let s as String: return "\"\(key)\":\"\(s)\""
        case let d as Double: return "\"\(key)\":\(String(format: "%.4f", d))"
        default: return "\"\(key)\":\(value)"
        }
    }
    print("{" + body.joined(separator: ",") + "}")
}

/// A record of a random agency, decided on a random day by another one (a record's authority is never its own
/// subject), of one of the four bases the scoring weighs most, with a random severity.
func randomRecord(
    among agencies: [Agency], from base: LocalDate, days: Int, using rng: inout SystemRandomNumberGenerator
) -> CreditRecord {
    let subject = Int.random(in: 0..<agencies.count, using: &rng)
    var record = Fixtures.record(
        subject: agencies[subject].id, decisionDate: base.adding(days: Int.random(in: 0..<days, using: &rng)),
        basis: [.administrativePenalty, .courtJudgment, .unexecutedJudgment, .verifiedComplaint].randomElement(
            using: &rng)!,
        severity: Severity.allCases.randomElement(using: &rng)!)
    let authority = agencies[(subject + Int.random(in: 1..<agencies.count, using: &rng)) % agencies.count]
    record.authority = Authority(name: authority.name, creditCode: authority.creditCode)
    return record
}

/// The process's peak resident memory so far, in bytes (what `/usr/bin/time -v` reports at the end).
func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss) * 1024
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Registers `count` agencies in batches (setup, not timed): the subjects the records belong to.
func registerAgencies(_ count: Int, on day: LocalDate, in ledger: Ledger, batch: Int) async throws -> [SubjectID] {
    var ids: [SubjectID] = []
    for start in stride(from: 0, to: count, by: batch) {
        let events = (start..<min(count, start + batch)).map { i -> AgencyRegistered in
            let agency = Fixtures.agency(index: i)
            ids.append(agency.id)
            return AgencyRegistered(agency: agency, on: day)
        }
        try await ledger.append(events)
    }
    return ids
}

/// Appends `n` records about the subjects, in batches, through the ledger's validation: the seconds the appends
/// took (making the events is not timed) and the payload bytes written.
func appendRecords(
    _ n: Int, about subjects: [SubjectID], from base: LocalDate, to ledger: Ledger, batch: Int
) async throws -> (seconds: Double, payloadBytes: Int) {
    var appendSeconds = 0.0
    var payloadBytes = 0
    var made = 0
    while made < n {
        let count = min(batch, n - made)
        let events = (made..<(made + count)).map { i -> RecordEntered in
            RecordEntered(
                record: Fixtures.record(
                    subject: subjects[i % subjects.count], decisionDate: base.adding(days: i % 600),
                    amount: Decimal(i % 100_000)))
        }
        let start = ContinuousClock.now
        let written = try await ledger.append(events)
        appendSeconds += seconds(since: start)
        payloadBytes += written.reduce(0) { $0 + $1.payload.count }
        made += count
    }
    return (appendSeconds, payloadBytes)
}

/// The ledger workload: append, verify, reopen.
func ledgerWorkload(n: Int, dir: String) async throws {
    let path = dir + "/bench-ledger.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let agencies = 10_000
    let batch = 1_000
    let base = try LocalDate(year: 2024, month: 1, day: 1)
    var subjectIDs: [SubjectID] = []
    // The checkpoint is authenticated with the kit's cache key, as CreditKit opens a ledger.
    let cacheKey = Fixtures.keys.cacheKey
    do {
        let ledger = try Ledger(store: SQLiteLedgerStore(path: path), cacheKey: cacheKey)
        subjectIDs = try await registerAgencies(agencies, on: base, in: ledger, batch: batch)
        let (appendSeconds, payloadBytes) = try await appendRecords(
            n, about: subjectIDs, from: base, to: ledger, batch: batch)
        let start = ContinuousClock.now
        let report = try await ledger.verify()
        let verifySeconds = seconds(since: start)
        guard report.isValid else { throw BenchError.message("verify failed: \(report)") }
        try await ledger.close()
        // The yardsticks, on the same rows in the same run: SQLite putting the record rows on disk in the same
        // batches with the same durability and no subject index; SQLite reading every row; SHA-256 over the bytes.
        let yardstickPath = dir + "/bench-yardstick.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: yardstickPath + suffix) }
        let (rows, sqlitePerSecond) = try LedgerYardsticks.insert(
            from: path, after: Int64(agencies), batch: batch, into: yardstickPath)
        guard rows == n else { throw BenchError.message("the yardstick wrote \(rows) rows, not \(n)") }
        let appendPerSecond = Double(n) / appendSeconds
        emit([
            ("workload", "append"), ("n", n), ("seconds", appendSeconds), ("per_second", appendPerSecond),
            ("batch", batch), ("mean_payload_bytes", payloadBytes / n), ("sqlite_insert_per_second", sqlitePerSecond),
            ("vs_sqlite", appendPerSecond / sqlitePerSecond),
        ])
        let scanPerSecond = try LedgerYardsticks.scan(path)
        let hashPerSecond = try LedgerYardsticks.hash(path)
        let verifyPerSecond = Double(report.entryCount) / verifySeconds
        emit([
            ("workload", "verify"), ("n", Int(report.entryCount)), ("seconds", verifySeconds),
            ("per_second", verifyPerSecond), ("scan_per_second", scanPerSecond), ("hash_per_second", hashPerSecond),
            ("vs_limit", verifyPerSecond / min(scanPerSecond, hashPerSecond)),
        ])
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: yardstickPath + suffix) }
    }
    let start = ContinuousClock.now
    let reopened = try Ledger(store: SQLiteLedgerStore(path: path), cacheKey: cacheKey)
    guard let profile = try reopened.profile(of: subjectIDs[4_242], asOf: base.adding(days: 400)) else {
        throw BenchError.message("the reopened ledger has no profile for \(subjectIDs[4_242])")
    }
    let reopenSeconds = seconds(since: start)
    emit([
        ("workload", "reopen"), ("n", Int(await reopened.head.sequence)), ("seconds", reopenSeconds),
        ("per_second", 1 / reopenSeconds), ("profile_records", profile.records.count),
        ("used_checkpoint", reopened.restoration.usedCheckpoint ? 1 : 0),
    ])
}

/// The evaluate workload: 10,000 agencies, `records` records decided by one another, scored and ranked as of a day.
func evaluateWorkload(records: Int, dir: String) async throws {
    let agencies = 10_000
    // On the SQLite store, as users run it: the views in memory, the payloads on disk.
    let kit = try CreditKit(store: .sqlite(dir + "/bench-evaluate.sqlite"))
    let base = try LocalDate(year: 2023, month: 1, day: 1)
    var list: [Agency] = []
    for start in stride(from: 0, to: agencies, by: 1_000) {
        let batch = (start..<(start + 1_000)).map { Fixtures.agency(index: $0) }
        list += batch
        try await kit.ledger.append(batch.map { AgencyRegistered(agency: $0, on: base) })
    }
    var rng = SystemRandomNumberGenerator()
    var made = 0
    while made < records {
        let count = min(1_000, records - made)
        let events = (0..<count).map { _ -> RecordEntered in
            RecordEntered(record: randomRecord(among: list, from: base, days: 1_300, using: &rng))
        }
        try await kit.ledger.append(events)
        made += count
    }
    let asOf = base.adding(days: 1_200)
    // The ranking path scores points only; the explained run also writes every item and improvement, as a
    // report of every agency's credit file does.
    for (workload, explain) in [("evaluate", false), ("evaluate-explained", true)] {
        let start = ContinuousClock.now
        let cards = try kit.evaluate(asOf: asOf, explain: explain)
        let ranking = Ranking.rank(cards)
        let elapsed = seconds(since: start)
        guard ranking.count == agencies else {
            throw BenchError.message("ranked \(ranking.count) agencies, expected \(agencies)")
        }
        emit([
            ("workload", workload), ("n", records), ("agencies", agencies), ("seconds", elapsed),
            ("mean_score", cards.reduce(0) { $0 + $1.score } / Double(cards.count)),
            ("top_score", ranking[0].card.score), ("peak_mib", Double(peakResidentBytes()) / 1_048_576),
            ("peak_bytes_per_record", peakResidentBytes() / records),
        ])
    }
}

/// The OCDS workload: what `creditkit ocds check` does, through the same `OCDSRun.check` — every registered module
/// that reads OCDS over every release (the rules, the flags a process raises), then what needs the whole file (the
/// red flags over organisations and gaps) — on one thread and on two (the file cut at a line end near its middle,
/// each part streamed through the reader's own buffer, the later part's findings held in a temporary file until
/// their turn), with all eleven red flags and with the first six; the findings are counted, not printed (the
/// `commands` workload times the printing command). Opening and reading the file are inside the timing.
func ocdsWorkload(file: String) throws {
    let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
    let asOf = try LocalDate(year: 2026, month: 11, day: 23)
    /// The six flags CreditKit had before Cardinal's other five: the yardstick of what the five cost.
    let six: Set<RedFlagCode> = [
        .singleBid, .identicalPrices, .lateBidWon, .allButWinnerDisqualified, .lowestBidDisqualified,
        .excessiveDisqualifications,
    ]
    for flagSet in ["all", "six"] {
        @Sendable func checks() throws -> [any OCDSCheck] {
            var checks = try OCDSRun.checks(benchModules)
            if flagSet == "six" {
                var settings = RedFlagSettings()
                settings.enabled = six
                for i in checks.indices where checks[i] is BiddingOCDSCheck {
                    checks[i] = BiddingOCDSCheck(rules: try BiddingOCDSChecks(), flags: settings)
                }
            }
            return checks
        }
        for threads in [1, 2] {
            let start = ContinuousClock.now
            var findings = 0
            var flags = 0
            let report = try OCDSRun.check(path: file, checks: checks, asOf: asOf, threads: threads) {
                findings += 1
                if $0.rule.rawValue.hasPrefix("bidding.flag.") { flags += 1 }
            }
            let elapsed = seconds(since: start)
            emit([
                ("workload", "ocds"), ("flags", flagSet == "all" ? 11 : 6), ("threads", threads),
                ("n", report.releases), ("seconds", elapsed), ("per_second", Double(report.releases) / elapsed),
                ("mb_per_second", Double(size) / 1e6 / elapsed), ("findings", findings), ("flag_findings", flags),
            ])
        }
    }
    // The red flags alone, on the path `creditkit ocds flags` takes: every indicator, Cardinal's output shape.
    for threads in [1, 2] {
        let start = ContinuousClock.now
        var (scan, report) = try RedFlagScan.scan(path: file, settings: RedFlagSettings(), threads: threads)
        let flags = scan.finish()
        let text = CardinalOutput.json(flags, meta: scan.meta)
        let elapsed = seconds(since: start)
        emit([
            ("workload", "ocds-flags"), ("flags", 11), ("threads", threads), ("n", report.releases),
            ("seconds", elapsed), ("per_second", Double(report.releases) / elapsed),
            ("mb_per_second", Double(size) / 1e6 / elapsed), ("results", flags.count), ("bytes_out", text.utf8.count),
        ])
    }
}

/// The check workload: a SQLite ledger with 100,000 subjects and `records` records, then timed credit checks.
func checkWorkload(records: Int, dir: String) async throws {
    let subjects = 100_000
    let ledger = try Ledger(store: SQLiteLedgerStore(path: dir + "/bench-check.sqlite"))
    let base = try LocalDate(year: 2023, month: 1, day: 1)
    var ids: [SubjectID] = []
    ids.reserveCapacity(subjects)
    for start in stride(from: 0, to: subjects, by: 1_000) {
        let events = (start..<(start + 1_000)).map { i -> AgencyRegistered in
            let agency = Fixtures.agency(index: i)
            ids.append(agency.id)
            return AgencyRegistered(agency: agency, on: base)
        }
        try await ledger.append(events)
    }
    var rng = SystemRandomNumberGenerator()
    let bases: [RecordBasis] = [
        .administrativePenalty, .courtJudgment, .unexecutedJudgment, .judgmentDefaulter, .accountabilityDecision,
        .verifiedComplaint, .lostAdministrativeLawsuit,
    ]
    var made = 0
    while made < records {
        let count = min(1_000, records - made)
        let events = (0..<count).map { _ -> RecordEntered in
            var record = Fixtures.record(
                subject: ids[Int.random(in: 0..<subjects, using: &rng)],
                decisionDate: base.adding(days: Int.random(in: 0..<1_000, using: &rng)),
                basis: bases.randomElement(using: &rng)!, severity: Severity.allCases.randomElement(using: &rng)!)
            if Int.random(in: 0..<10, using: &rng) == 0 {
                record.polarity = .good
                record.basis = .commendation
                record.severity = nil
            }
            return RecordEntered(record: record)
        }
        try await ledger.append(events)
        made += count
    }
    let view = ledger.snapshot
    let policy = SanctionPolicy.default
    let n = 1_000_000
    var samples = [Int64](repeating: 0, count: n)
    var restricted = 0
    let clock = ContinuousClock()
    let total = clock.now
    for i in 0..<n {
        let subject = ids[Int.random(in: 0..<subjects, using: &rng)]
        let purpose = CheckPurpose.allCases.randomElement(using: &rng)!
        let day = base.adding(days: Int.random(in: 0..<1_300, using: &rng))
        let start = clock.now
        let answer = view.check(subject, for: purpose, on: day, policy: policy)
        let elapsed = clock.now - start
        if answer?.allowed == false { restricted += 1 }
        samples[i] = elapsed.components.attoseconds / 1_000_000_000 + elapsed.components.seconds * 1_000_000_000
    }
    let totalSeconds = seconds(since: total)
    samples.sort()
    emit([
        ("workload", "check"), ("n", n), ("subjects", subjects), ("records", records), ("seconds", totalSeconds),
        ("per_second", Double(n) / totalSeconds), ("median_ns", Int(samples[n / 2])),
        ("p99_ns", Int(samples[n * 99 / 100])),
        ("restricted", restricted), ("peak_mib", Double(peakResidentBytes()) / 1_048_576),
        ("peak_bytes_per_record", peakResidentBytes() / records),
    ])
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let dir: String
    var cleanup: String?
    if let given = options.dir {
        dir = given
    } else {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("creditkit-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        cleanup = dir
    }
    defer { if let cleanup { try? FileManager.default.removeItem(atPath: cleanup) } }
    switch options.workload {
    case "ledger":
        if let url = options.store {
            try await postgreSQLLedgerWorkload(n: options.n ?? 100_000, url: url)
        } else {
            try await ledgerWorkload(n: options.n ?? 1_000_000, dir: dir)
        }
    case "pg-writer":
        // One writer process of the PostgreSQL `ledger` workload.
        guard let url = ProcessInfo.processInfo.environment["CREDITKIT_BENCH_STORE"], let schema = options.file,
            let code = options.n
        else {
            throw BenchError.message("pg-writer is started by the ledger workload")
        }
        try await postgreSQLWriter(url: url, schema: schema, code: code)
    case "check": try await checkWorkload(records: options.n ?? 1_000_000, dir: dir)
    case "evaluate": try await evaluateWorkload(records: options.n ?? 1_000_000, dir: dir)
    case "ppp": try await pppWorkload(events: options.n ?? 1_000_000)
    case "debt": try await debtWorkload(events: options.n ?? 1_000_000)
    case "investment": try await investmentWorkload(events: options.n ?? 1_000_000)
    case "townships":
        try await townshipsWorkload(events: options.n ?? 4_000_000, dir: dir)
    case "ocds":
        guard let file = options.file else { throw BenchError.message("ocds needs a FILE") }
        try ocdsWorkload(file: file)
    case "scale": try await scaleWorkload(records: options.n ?? 10_000_000, dir: dir)
    case "commands":
        guard let file = options.file else { throw BenchError.message("commands needs a FILE") }
        try commandWorkload(file: file, cardinal: options.cardinal)
    default: throw BenchError.message("unknown workload '\(options.workload)'")
    }
} catch BenchError.usage {
    print(Options.usage)
} catch BenchError.message(let text) {
    FileHandle.standardError.write(Data("creditkit-bench: \(text)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("creditkit-bench: \(error)\n".utf8))
    exit(1)
}
