import CreditKitCore
import CreditKitTesting
import Foundation

/// The province-scale workload (省级规模): a SQLite ledger of `records` records over 100,000 agencies built through
/// the ledger's own append, then verified, reopened as a user reopens it, asked 100,000 credit checks and scored
/// and ranked; each step timed, with the process's memory after it, so the cost curve from 1M to 10M records is on
/// record.
/// - Parameters:
///   - records: How many records (default 10,000,000).
///   - dir: Where the ledger file goes.
func scaleWorkload(records: Int, dir: String) async throws {
    let subjects = 100_000
    let path = dir + "/bench-scale.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let base = try LocalDate(year: 2020, month: 1, day: 1)
    var rng = SystemRandomNumberGenerator()
    var agencies: [Agency] = []
    do {
        let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
        for start in stride(from: 0, to: subjects, by: 1_000) {
            let batch = (start..<(start + 1_000)).map { Fixtures.agency(index: $0) }
            agencies += batch
            try await kit.ledger.append(batch.map { AgencyRegistered(agency: $0, on: base) })
        }
        var appendSeconds = 0.0
        var made = 0
        while made < records {
            let count = min(1_000, records - made)
            let events = (0..<count).map { _ in
                RecordEntered(record: randomRecord(among: agencies, from: base, days: 2_000, using: &rng))
            }
            let start = ContinuousClock.now
            try await kit.ledger.append(events)
            appendSeconds += seconds(since: start)
            made += count
        }
        emit([
            ("workload", "scale-append"), ("records", records), ("subjects", subjects), ("seconds", appendSeconds),
            ("per_second", Double(records) / appendSeconds), ("resident_mib", residentMiB()),
            ("peak_mib", Double(peakResidentBytes()) / 1_048_576),
        ])
        let start = ContinuousClock.now
        let report = try await kit.verify()
        let verifySeconds = seconds(since: start)
        guard report.isValid else { throw BenchError.message("verify failed: \(report)") }
        emit([
            ("workload", "scale-verify"), ("entries", Int(report.entryCount)), ("seconds", verifySeconds),
            ("per_second", Double(report.entryCount) / verifySeconds),
        ])
        let closeStart = ContinuousClock.now
        try await kit.close()
        // Closing writes the checkpoint of the views that the reopening reads.
        emit([
            ("workload", "scale-close"), ("seconds", seconds(since: closeStart)),
            ("peak_mib", Double(peakResidentBytes()) / 1_048_576),
        ])
    }
    // Reopened as a user reopens it: the views from the checkpoint, checked against the chain.
    let start = ContinuousClock.now
    let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
    let reopenSeconds = seconds(since: start)
    emit([
        ("workload", "scale-reopen"), ("entries", Int(await kit.ledger.head.sequence)), ("seconds", reopenSeconds),
        ("used_checkpoint", kit.ledger.restoration.usedCheckpoint ? 1 : 0), ("resident_mib", residentMiB()),
        ("resident_bytes_per_record", Int(residentMiB() * 1_048_576) / records),
        ("peak_mib", Double(peakResidentBytes()) / 1_048_576),
    ])
    let view = kit.view
    let n = 100_000
    var samples = [Int64](repeating: 0, count: n)
    let clock = ContinuousClock()
    for i in 0..<n {
        let subject = agencies[Int.random(in: 0..<subjects, using: &rng)].id
        let day = base.adding(days: Int.random(in: 0..<2_200, using: &rng))
        let t = clock.now
        _ = view.check(subject, for: CheckPurpose.allCases.randomElement(using: &rng)!, on: day, policy: .default)
        let d = clock.now - t
        samples[i] = d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
    }
    samples.sort()
    emit([
        ("workload", "scale-check"), ("n", n), ("median_ns", Int(samples[n / 2])),
        ("p99_ns", Int(samples[n * 99 / 100])),
    ])
    let evaluateStart = ContinuousClock.now
    // The ranking path: points only, as a ranking of every agency asks (a credit file explains one agency).
    let cards = try kit.evaluate(asOf: base.adding(days: 2_100), explain: false)
    let evaluateSeconds = seconds(since: evaluateStart)
    guard cards.count == subjects else { throw BenchError.message("scored \(cards.count) agencies, not \(subjects)") }
    emit([
        ("workload", "scale-evaluate"), ("agencies", cards.count), ("seconds", evaluateSeconds),
        ("peak_mib", Double(peakResidentBytes()) / 1_048_576), ("peak_bytes_per_record", peakResidentBytes() / records),
    ])
    try await kit.close()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// The process's resident memory now, in MiB (`/proc/self/statm`'s second field, in pages).
func residentMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
        let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return .nan }  // no /proc: the figure is unknown, and said so (NaN), not zero
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
