import CreditKitCore
import Foundation
import Testing

@Suite("Charts a reader can't misread")
struct ChartTests {
    func html(_ chart: ReportChart) -> String {
        ReportRenderer.html(
            Report(
                title: "t", subtitle: "s", asOf: LocalDate("2026-06-30")!, keyFigures: [],
                sections: [ReportSection(title: "x", blocks: [.chart(chart)])]))
    }

    @Test("each indicator is a share of its own weight: a full 16.67 is a full bar, 3.75 of 29.17 an eighth")
    func tracks() {
        let chart = ReportChart(
            kind: .bar, name: "indicators", caption: "c", labelHeader: "指标", valueHeader: "得分",
            points: [("守信践诺", 16.67), ("政务失信记录", 3.75)]
        ).measured(against: [16.67, 29.17])
        let page = html(chart)
        #expect(page.contains("width: 100%") && page.contains("width: 12.86%"))
        #expect(page.contains("16.67 / 16.67") && page.contains("3.75 / 29.17"))
        #expect(
            chart.table.headers == ["指标", "得分", "满分 Out of"] && chart.table.rows[1] == ["政务失信记录", "3.75", "29.17"])
    }

    @Test("long labels are whole (wrapped, never cut), and level colours are the levels'")
    func labelsAndColours() {
        let long = "失信被执行人和未履行生效判决的政府机构（eval.judgments）"
        let chart = ReportChart(
            kind: .bar, name: "w", caption: "c", labelHeader: "l", valueHeader: "v", points: [(long, 2), ("b", 1)]
        ).coloured(["#c0392b", "#d69e2e"])
        let page = html(chart)
        #expect(
            page.contains(">\(long)<") && page.contains("background: #c0392b") && page.contains("background: #d69e2e"))
        #expect(!page.contains("<svg"))
    }

    @Test("a wide table stacks on a phone, each cell under its header; a narrow one stays a table")
    func stackedTables() {
        let wide = ReportTable(
            name: "w", caption: "c", headers: ["甲", "乙", "丙", "丁", "戊"], rows: [["1", "2", "3", "4", "5"]])
        let narrow = ReportTable(name: "n", caption: "c", headers: ["甲", "乙"], rows: [["1", "2"]])
        let page = ReportRenderer.html(
            Report(
                title: "t", subtitle: "s", asOf: LocalDate("2026-06-30")!, keyFigures: [],
                sections: [ReportSection(title: "x", blocks: [.table(wide), .table(narrow)])]))
        #expect(page.contains("<table class=\"stack\">") && page.contains("<td data-label=\"戊\">5</td>"))
        #expect(page.contains("<td>2</td>") && page.contains("td::before { content: attr(data-label)"))
        let empty = ReportRenderer.html(
            Report(
                title: "t", subtitle: "s", asOf: LocalDate("2026-06-30")!, keyFigures: [],
                sections: [
                    ReportSection(
                        title: "x",
                        blocks: [.table(ReportTable(name: "e", caption: "c", headers: ["甲", "乙"], rows: []))])
                ]))
        #expect(empty.contains("<td colspan=\"2\">无记录 None</td>"))
    }

    @Test("the ranking ranks each level among its peers, and says how many share each tied rank")
    func rankingByLevel() async throws {
        let kit = try CreditKit(store: .inMemory)
        for (i, level) in [(1, AdministrativeLevel.city), (2, .city), (3, .township)] {
            try await kit.register(
                Agency(
                    creditCode: try UnifiedSocialCreditCode(
                        registrationAuthority: "1", category: "1", region: try RegionCode("130300"),
                        organizationNumber: 70_000_000 + i),
                    name: "单位\(i)", level: level, region: try RegionCode("130302")),
                on: LocalDate("2020-01-01")!)
        }
        let report = try kit.rankingReport(asOf: LocalDate("2026-01-01")!)
        #expect(report.sections.map(\.title).map { String($0.prefix(4)) } == ["市级单位", "乡镇（街"])
        let city = try #require(report.tables.first { $0.name == "ranking-city" })
        #expect(city.rows.map { $0[0] } == ["1", "1"])
        guard case .paragraph(let note) = report.sections[0].blocks[0] else {
            Issue.record("no note")
            return
        }
        #expect(note.contains("第1名2个单位"))
        #expect(report.tables.first { $0.name == "ranking-township" }?.rows.count == 1)
    }
}
