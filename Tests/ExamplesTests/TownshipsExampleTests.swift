import Foundation
import Testing
import TownshipsExample

@Suite("TownshipsExample")
struct TownshipsExampleTests {
    @Test("the overrun, the missing publication and the pushed-down task are found; the list follows the criteria")
    func story() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-townships-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try await runTownshipsExample(writingTo: directory)
        // Friday 24 January 2025: Sunday the 26th and Monday the 27th are working days, then the holiday to 4 February.
        #expect(lines.contains("residence certificate received 2025-01-24, due 2025-02-05, completed 2025-02-06"))
        #expect(
            lines.filter { $0.hasPrefix("finding ") } == [
                "finding townships.service.overrun 东城街道办事处 service=JZZM-2025-0124-07 daysLate=1",
                "finding townships.commitment.overdue 南山镇 daysLate=7",
                // The finding is the department's that pushed the task down, not the township's.
                "finding townships.duty.outside-list 清源县自然资源局 task=PZ-2025-018 list=taken back",
                "finding townships.commitment.overdue 青石镇 daysLate=7",
                "finding townships.finance.unpublished 柳林乡 village=柳林村 period=2025Q2",
            ])
        // Nine townships qualify: 南山镇 just at 95%; 青石镇 just below; 松岭镇 and 石门镇 for other reasons.
        #expect(
            lines.contains(
                "integrity townships 2025: 北河镇、杏花乡、桃源乡、白云乡、梨树沟乡、清水镇、南山镇、柳林乡、东城街道办事处"))
        #expect(lines.contains("南山镇 kept 95%（19/20）: eligible"))
        #expect(lines.contains("青石镇 kept 94.74%（18/19）: 年内到期公开承诺按期兑现率 94.74%（18/19）"))
        #expect(lines.contains("松岭镇 kept 100%（2/2）: 经核实属实而未办结的投诉 1"))
        #expect(lines.contains("石门镇 kept 100%（2/2）: 年内严重失信记录 1"))
        // The ranking: six clean townships share first place; each finding costs its township in the scoring model.
        let ranks = lines.filter { $0.hasPrefix("rank ") }
        #expect(ranks.count == 12 && ranks.prefix(6).allSatisfy { $0.hasPrefix("rank 1 ") && $0.contains(" 100 ") })
        #expect(ranks.last == "rank 12 石门镇 90.57 不符合")
        #expect(
            lines.contains(
                "report: 乡镇（街道）=12 公开承诺事项=60 到期承诺=59 按期兑现=57 服务办件按时办结=0/1 属实投诉=1 诚信乡镇（街道）=9 乡镇（街道）核查线索=4 部门违规派转事项=1"))
        #expect(lines.contains("board: 承诺事项=60 已兑现=57 逾期兑现=2 逾期未兑现=0 未兑现=0 未到期=0 常设服务承诺=1"))
        let report = try String(contentsOf: directory.appendingPathComponent("townships-report.html"), encoding: .utf8)
        #expect(report.contains("清源县乡镇（街道）排名") && report.contains("诚信乡镇"))
    }
}
