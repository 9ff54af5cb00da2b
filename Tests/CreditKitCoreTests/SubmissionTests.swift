import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Submission to the upper platform (报送)")
struct SubmissionTests {
    @Test("periods: a year, a quarter, a month; anything else refused")
    func periods() throws {
        let q = try SubmissionPeriod(parsing: "2026-Q3")
        #expect(q.first == LocalDate("2026-07-01")! && q.last == LocalDate("2026-09-30")!)
        let m = try SubmissionPeriod(parsing: "2024-02")
        #expect(m.last == LocalDate("2024-02-29")!)
        #expect(try SubmissionPeriod(parsing: "2025").last == LocalDate("2025-12-31")!)
        for bad in [
            "2026-Q5", "2026-13", "26", "2026-Q3-1", "2026-3", "", "Q3", "2026-+1", "2026-Q+", "+202", "2026-1 ",
        ] {
            #expect(throws: CreditKitError.self) { try SubmissionPeriod(parsing: bad) }
        }
    }

    @Test(
        "the period's new and changed records, as known at its end; the last second in, the next day out; taken again, the same bytes"
    )
    func submission() async throws {
        let world = try await LifecycleWorld(today: "2026-06-20")
        let clock = world.clock
        clock.set(to: LocalDate("2026-06-29")!)
        let old = try await world.record("2026-06-01")
        clock.set(to: LocalDate("2026-07-01")!, hour: 0)
        let first = try await world.record("2026-06-30")
        clock.set(to: LocalDate("2026-07-10")!)
        try await world.kit.review(old, on: LocalDate("2026-07-10")!, reviewer: "保密审查小组", outcome: .publishable)
        // The last microsecond of 30 September, China time.
        clock.set(to: Timestamp(microseconds: Timestamp(startOf: LocalDate("2026-10-01")!).microseconds - 2))
        let last = try await world.record("2026-09-30")
        clock.set(to: LocalDate("2026-10-01")!, hour: 0)
        let after = try await world.record("2026-09-30")
        try await world.kit.publish(old, on: LocalDate("2026-10-01")!, office: world.regulator.id, channel: "网站")
        clock.set(to: LocalDate("2026-10-09")!)

        let period = try SubmissionPeriod(parsing: "2026-Q3")
        let s = try await world.kit.submission(for: period)
        let lines = s.records.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(lines.map { $0["record"] as? Int } == [old, first, last].map { Int($0.rawValue) })
        #expect(lines.map { $0["status"] as? String } == ["changed", "new", "new"])
        #expect(s.newRecords == 2 && s.changedRecords == 1)
        // The old record: reviewed in the period, published after it, so not published as of its end.
        let changes = try #require(lines[0]["changes"] as? [[String: Any]])
        #expect(changes.map { $0["kind"] as? String } == ["core.record.reviewed"])
        #expect(lines[0]["review"] as? String == "publishable" && lines[0]["published_on"] == nil)
        #expect(lines[1]["changes"] as? [Any] == nil || (lines[1]["changes"] as? [Any])?.isEmpty == true)
        #expect(!s.records.contains("\"record\":\(after.rawValue),"))

        // The manifest: the head at the period's end, the counts, the file's hash.
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(s.manifest.utf8)) as? [String: Any])
        let head = try #require(manifest["ledger_head"] as? [String: Any])
        #expect(head["sequence"] as? Int == Int(last.rawValue) && s.head.sequence == last.rawValue)
        let file = try #require(manifest["file"] as? [String: Any])
        #expect(file["sha256"] as? String == Digest.sha256(of: Array(s.records.utf8)).hex)
        #expect(file["lines"] as? Int == 3 && file["bytes"] as? Int == s.records.utf8.count)
        #expect(manifest["records"] as? Int == 3 && manifest["new_records"] as? Int == 2)
        #expect((manifest["records_by_basis"] as? [String: Int]) == ["administrativePenalty": 3])

        // Taken again after more facts: the same bytes.
        clock.set(to: LocalDate("2026-10-20")!)
        _ = try await world.record("2026-10-15")
        try await world.kit.review(first, on: LocalDate("2026-10-20")!, reviewer: "保密审查小组", outcome: .publishable)
        let again = try await world.kit.submission(for: period)
        #expect(again.records == s.records && again.manifest == s.manifest)
    }

    @Test("a period not over is refused; the public may not take one")
    func refusals() async throws {
        let world = try await LifecycleWorld(today: "2026-09-30")
        await #expect(throws: CreditKitError.self) {
            try await world.kit.submission(for: SubmissionPeriod(parsing: "2026-Q3"))
        }
        let q2 = try await world.kit.submission(for: SubmissionPeriod(parsing: "2026-Q2"))
        #expect(q2.records.isEmpty && q2.newRecords == 0 && q2.manifest.contains("\"records\":0"))
        let reader = world.kit.acting(as: .anonymous)
        await #expect(throws: CreditKitError.self) {
            try await reader.submission(for: SubmissionPeriod(parsing: "2026-Q2"))
        }
    }
}
