import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("The yearly report of commitments not kept, and the judgment-defaulter clean-up")
struct AnnualReportTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func commitment(_ world: LifecycleWorld, _ terms: String, made: String, due: String?) async throws -> Commitment.ID
    {
        try await world.kit.make(
            Commitment(
                promisor: world.bureau.id, beneficiary: "社会公众", kind: .timeLimit, terms: terms, madeOn: day(made),
                dueDate: due.map(day)))
    }

    @Test(
        "2025's commitments: one kept, one late, one overdue, one broken and confirmed, one withdrawn; 2026's not counted"
    )
    func unkept() async throws {
        let world = try await LifecycleWorld(today: "2026-03-01")
        let kept = try await commitment(world, "按期办结", made: "2025-01-01", due: "2025-03-01")
        let late = try await commitment(world, "五月前完成改造", made: "2025-01-01", due: "2025-05-01")
        let overdue = try await commitment(world, "六月前兑现奖补", made: "2025-01-01", due: "2025-06-01")
        let broken = try await commitment(world, "年内建成", made: "2025-01-01", due: "2025-12-01")
        let withdrawn = try await commitment(world, "九月前开放", made: "2025-01-01", due: "2025-09-01")
        _ = try await commitment(world, "明年完成", made: "2025-01-01", due: "2026-06-01")
        try await world.kit.end(kept, on: day("2025-02-28"), outcome: .fulfilled)
        try await world.kit.end(late, on: day("2025-05-03"), outcome: .fulfilled)
        try await world.kit.end(broken, on: day("2025-07-01"), outcome: .breached(.leadershipChange, "新任领导不认可"))
        try await world.kit.end(withdrawn, on: day("2025-08-01"), outcome: .withdrawn("规划调整"))
        // The broken promise's finding is confirmed as a dishonesty record.
        let finding = try #require(
            try world.kit.commitmentFindings(asOf: day("2025-12-31")).first {
                $0.fact("commitment") == String(broken.rawValue)
            })
        let record = try await world.kit.confirm(
            finding, on: day("2025-08-15"), by: "信用办", authority: Authority(name: world.regulator.name),
            documentNumber: "秦信认〔2025〕1号")

        let (due, onTime, rows) = try world.kit.unkeptCommitments(year: 2025, asOf: day("2025-12-31"))
        #expect(due == 5 && onTime == 1)
        #expect(rows.map(\.commitment) == [late, overdue, broken, withdrawn])
        #expect(rows[0].state == "逾期履行（应于2025-05-01，2025-05-03履行）")
        #expect(rows[1].state == "逾期未履行（应于2025-06-01）" && rows[1].handling.contains("待核查"))
        #expect(rows[2].reason == "领导人员更替：新任领导不认可" && rows[2].record == record)
        #expect(rows[2].handling == "2025-08-15认定为失信记录 #\(record)")
        #expect(rows[3].state == "撤回（2025-08-01）" && rows[3].reason == "规划调整")

        let report = try world.kit.unkeptCommitmentsReport(year: 2025, asOf: day("2025-12-31"))
        let figures = Dictionary(uniqueKeysWithValues: report.keyFigures.map { ($0.label, $0.value) })
        #expect(figures["本年度到期承诺"] == "5" && figures["按期履行"] == "1" && figures["未按期履行"] == "4")
        #expect(figures["涉及单位"] == "1" && figures["已认定失信记录"] == "1")
        let table = try #require(report.tables.first { $0.name == "unkept-commitments" })
        #expect(table.rows.count == 4 && table.rows.allSatisfy { $0[0] == world.bureau.name })
        let chart = try #require(report.tables.first { $0.name == "unkept-by-agency" })
        #expect(chart.rows == [[world.bureau.name, "4"]])
    }

    @Test(
        "judgment defaulters: listed, a deadline set, cleared when revoked; the deadline's last day is in time, the next day overdue"
    )
    func defaulters() async throws {
        let world = try await LifecycleWorld(today: "2026-11-23")
        let listed = try await world.record("2026-01-10", basis: .judgmentDefaulter, severity: .serious)
        let third = Fixtures.agency(index: 3)
        try await world.kit.register(third, on: day("2020-01-01"))
        let other = try await world.record(
            "2026-02-10", basis: .judgmentDefaulter, severity: .serious, subject: third.id)
        try await world.kit.append([
            ClearanceDeadlineSet(record: listed, deadline: day("2026-06-30"), on: day("2026-03-01"), by: "政务失信专项治理办公室"),
            ClearanceDeadlineSet(record: other, deadline: day("2026-12-31"), on: day("2026-03-01"), by: "政务失信专项治理办公室"),
        ])
        func state(_ on: String) throws -> [String] {
            let report = try world.kit.defaulterCleanupReport(asOf: day(on))
            return try #require(report.tables.first { $0.name == "defaulter-listings" }).rows.map { $0[4] }
        }
        #expect(try state("2026-06-30") == ["整改中（期限2026-06-30）", "整改中（期限2026-12-31）"])
        #expect(try state("2026-07-01")[0] == "逾期未清零（期限2026-06-30，已逾期1天）")
        let report = try world.kit.defaulterCleanupReport(asOf: day("2026-07-01"))
        let figures = Dictionary(uniqueKeysWithValues: report.keyFigures.map { ($0.label, $0.value) })
        #expect(figures["在列名单（条）"] == "2" && figures["逾期未清零"] == "1" && figures["已清零"] == "0")
        #expect(figures["在列涉及金额（万元）"] == "10")  // two listings of 50,000 yuan each
        // Progress to zero: January's end has the first listing, February's both.
        let trend = try #require(report.tables.first { $0.name == "defaulters-standing" }).rows
        #expect(trend.first { $0[0] == "2026-01" }?[1] == "1" && trend.first { $0[0] == "2026-02" }?[1] == "2")
        // The other listing is revoked on an objection: cleared from that day, and not before.
        try await world.reviewAndPublish(other, reviewed: "2026-02-11", published: "2026-02-12")
        let objection = try await world.kit.fileObjection(
            other, on: day("2026-08-01"), by: third.id, grounds: "判决已履行完毕")
        try await world.kit.resolveObjection(
            objection, of: other, on: day("2026-08-05"), outcome: .revoked, office: world.regulator.id, reason: "已履行")
        #expect(try state("2026-08-04")[1] == "整改中（期限2026-12-31）")
        #expect(try state("2026-08-05")[1] == "已清零（2026-08-05）")
        let later = Dictionary(
            uniqueKeysWithValues: try world.kit.defaulterCleanupReport(asOf: day("2026-08-05")).keyFigures.map {
                ($0.label, $0.value)
            })
        #expect(later["在列名单（条）"] == "1" && later["已清零"] == "1" && later["在列涉及金额（万元）"] == "5")
        // A refused deadline writes nothing: not a defaulter listing, a second one, before it is set.
        let penalty = try await world.record("2026-01-10")
        let head = await world.kit.ledger.head
        for bad in [
            ClearanceDeadlineSet(record: penalty, deadline: day("2026-06-30"), on: day("2026-03-01"), by: "办"),
            ClearanceDeadlineSet(record: listed, deadline: day("2026-09-30"), on: day("2026-04-01"), by: "办"),
            ClearanceDeadlineSet(record: other, deadline: day("2026-02-01"), on: day("2026-03-01"), by: "办"),
        ] {
            await #expect(throws: CreditKitError.self) { try await world.kit.append(bad) }
        }
        #expect(await world.kit.ledger.head == head)
    }
}
