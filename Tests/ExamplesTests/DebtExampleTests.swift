import DebtExample
import Foundation
import Testing

@Suite("DebtExample")
struct DebtExampleTests {
    @Test(
        "Qinglong passes the warning line, turns yellow, triggers restructuring; the late clearance and wages are found"
    )
    func story() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-debt-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try await runDebtExample(writingTo: directory)
        // Five counties over five years: 22 green, Qinglong's last three yellow, two years triggering restructuring.
        #expect(
            lines[0]
                == "file: regions=5 rows=25 withDebtRatio=25 green=22 yellow=3 overWarning=4 restructuring=2 emergency=2 findings=8"
        )
        #expect(
            Array(lines[1...5]) == [
                "青龙满族自治县 2020: debt ratio 93.75% 绿色, restructuring no",
                "青龙满族自治县 2021: debt ratio 106.06% 绿色, restructuring no",
                "青龙满族自治县 2022: debt ratio 122.39% 黄色, restructuring no",
                "青龙满族自治县 2023: debt ratio 132.35% 黄色, restructuring triggered, emergency Ⅳ级（一般）",
                "青龙满族自治县 2024: debt ratio 136.23% 黄色, restructuring triggered, emergency Ⅳ级（一般）",
            ])
        #expect(
            lines.filter { $0.hasPrefix("finding ") } == [
                "finding debt.ratio.over-warning 130321 2021", "finding debt.ratio.over-warning 130321 2022",
                "finding debt.ratio.over-warning 130321 2023", "finding debt.restructuring.triggered 130321 2023",
                "finding debt.emergency.level 130321 2023", "finding debt.ratio.over-warning 130321 2024",
                "finding debt.restructuring.triggered 130321 2024", "finding debt.emergency.level 130321 2024",
                // Due in 2019, before the campaign (2021-03-01): the last day was 2024-03-01, cleared 2024-06-10.
                "finding debt.arrears.clearance-late QL-QQ-2019-07",
                // May's wages due 2024-06-30, paid 2024-07-22: a new arrear after the campaign, and late wages.
                "finding debt.arrears.new QL-GZ-2024-05", "finding debt.wages.late QL-GZ-2024-05",
            ])
        // Five years reported, six shares missed (two warnings, two restructurings at two shares): nothing left.
        let county = try #require(lines.firstIndex { $0.hasPrefix("青龙满族自治县人民政府: ") })
        #expect(lines[county] == "青龙满族自治县人民政府: debt and arrears 0 of 7.41")
        #expect(
            Array(lines[(county + 1)...(county + 4)]) == [
                "  -1.48 债务率超过警戒线（debt.ratio.over-warning） 2021年度",
                "  -1.48 债务率超过警戒线（debt.ratio.over-warning） 2022年度",
                "  -2.96 付息支出超过10%触发财政重整（debt.restructuring.triggered） 2023年度",
                "  -1.48 付息支出超过10%触发财政重整（debt.restructuring.triggered） 2024年度",
            ])
        #expect(lines.contains("青龙满族自治县教育和体育局: debt and arrears 0 of 7.41"))
        #expect(lines.contains("  -7.41 清欠后新增拖欠企业账款（debt.arrears.new） 欠款 QL-GZ-2024-05"))
        #expect(
            lines.contains("ranking: 青龙满族自治县（130321） > 抚宁区（130306） > 山海关区（130303） > 北戴河区（130304） > 海港区（130302）"))
        #expect(
            lines.contains(
                "report: 地区=5 地区年度=25 绿色（地区年度）=22 黄色（地区年度）=3 橙色（地区年度）=0 红色（地区年度）=0 超过限额=0 超过警戒线=4 触发财政重整=2 拖欠未清偿（元）=0 核查线索=11"
            ))
        // The report and the credit file carry the same figures for officials.
        let html = try String(contentsOf: directory.appendingPathComponent("debt-report.html"), encoding: .utf8)
        #expect(html.contains("132.35%") && html.contains("100% 警戒线") && html.contains("120% 黄色起"))
        let file = try String(contentsOf: directory.appendingPathComponent("credit-file.html"), encoding: .utf8)
        #expect(file.contains("地方政府债务与拖欠 Debt and arrears") && file.contains("136.23%"))
    }
}
