import Foundation
import InvestmentPromotionExample
import Testing

@Suite("InvestmentPromotionExample")
struct InvestmentPromotionExampleTests {
    @Test(
        "the new director's withdrawal, the late forwarding and the unlawful rebate are found; the record and measures follow"
    )
    func story() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-invest-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try await runInvestmentPromotionExample(writingTo: directory)
        #expect(
            lines.filter { $0.hasPrefix("finding ") } == [
                "finding investment.commitment.unlawful-change QETDZ-ZS-2023-07 promise=P-2 reason=leadershipChange wrong=以法律不认可的理由变更（如领导人员更替）",
                "finding investment.incentive.unlawful QETDZ-ZS-2024-19 promise=P-1",
                "finding investment.incentive.unreviewed QETDZ-ZS-2024-19 promise=P-1",
                // Received Friday 26 September 2025; the 11th working day, after National Day, is one day late.
                "finding investment.complaint.late-forward 12345-2025-0926-0031 daysLate=1",
            ])
        #expect(lines.contains("may the zone be honoured on 2026-01-08? no"))
        #expect(lines.contains { $0.hasPrefix("measure sanction.agency.serious") })
        // The promises count once, in the commitment indicator: the land kept on time, the subsidy breached; the
        // rebate has no day. The investment indicator takes only the rebate's two findings (3 duties: 3 promises
        // and the complaint the centre handled belong to the centre, not the zone).
        #expect(lines.contains("commitments: made 3, on time 1, breached 1, open 1"))
        let integrity = try #require(lines.firstIndex { $0.hasPrefix("招商引资诚信 ") })
        #expect(lines[integrity] == "招商引资诚信 1.89 of 5.66")
        #expect(lines[integrity + 1].hasSuffix("（investment.incentive.unlawful） 承诺 P-1"))
        #expect(
            Array(lines.filter { $0.hasPrefix("registry ") }) == [
                "registry QETDZ-ZS-2023-07 P-1 土地 已兑现 signed by 王**",
                "registry QETDZ-ZS-2023-07 P-2 奖励补贴 已撤回 signed by 王**",
                "registry QETDZ-ZS-2024-19 P-1 税收优惠 未定期限 signed by 未记录",
            ])
        // The subsidy withdrawn for a prohibited reason is a breach: it counts as due, not kept, and owed.
        #expect(lines.contains("report: 协议=2 承诺事项=3 到期承诺=2 按期兑现=1 到期未兑付奖补（元）=3000000 核查线索=4"))
        let registry = try String(
            contentsOf: directory.appendingPathComponent("investment-registry.html"), encoding: .utf8)
        #expect(registry.contains("王**") && !registry.contains("王建华"))
    }
}
