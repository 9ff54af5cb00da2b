import Foundation
import PPPExample
import Testing

@Suite("PPPExample")
struct PPPExampleTests {
    @Test(
        "finds the late, the unpaid and the unlawful change, traces each to its official, sanctions, passes the concession"
    )
    func story() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-ppp-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try await runPPPExample(writingTo: directory)
        let findings = lines.filter { $0.hasPrefix("finding ") }
        #expect(
            findings.map { String($0.split(separator: " ")[1]) } == [
                "ppp.obligation.late-payment", "ppp.obligation.overdue-unpaid", "ppp.contract.unlawful-change",
                "ppp.disclosure.late-annual",
            ])
        // The 2021 instalment paid 47 days late; half of 2022's still unpaid 915 days on; the 2024 cut under Li.
        #expect(findings[0].contains("obligation=AP-2021 daysLate=47") && findings[0].hasSuffix("answered by 张建国"))
        #expect(findings[1].contains("outstanding=3000000 daysLate=915") && findings[1].hasSuffix("answered by 张建国"))
        #expect(
            findings[2].contains("wrong=以法律不认可的理由变更（如领导人员更替）；未履行法定程序")
                && findings[2].hasSuffix("answered by 李明"))
        #expect(findings[3].contains("year=2021"))
        #expect(lines.contains("parking concession: 0 findings"))
        #expect(lines.contains("张建国: 局长@住建局 2016-03-01–2023-12-31, 局长@发改局 2024-01-01–"))
        #expect(lines.contains("confirmed 2 findings as dishonesty records"))
        #expect(lines.contains { $0.hasPrefix("measure sanction.agency.serious") })
        #expect(lines.contains("may the bureau be honoured on 2025-01-10? no"))
        // Each official answers for what happened on their watch, after the transfer.
        #expect(lines.contains("张建国 on 2025-01-10: 选拔任用 allowed; 评优评先 no (sanction.official.responsible-ordinary)"))
        #expect(
            lines.contains(
                "李明 on 2025-01-10: 选拔任用 no (sanction.official.responsible); 评优评先 no (sanction.official.responsible)"))
        // Four duties fell due (three instalments, one change); three were missed, but the two confirmed as records
        // are deducted among the records: only the late 2021 instalment is taken off here, a quarter of the weight.
        let conduct = try #require(lines.firstIndex { $0.hasPrefix("PPP conduct ") })
        #expect(lines[conduct] == "PPP conduct 5.56 of 7.41")
        #expect(lines[conduct + 1].hasPrefix("  -1.85 政府方逾期支付PPP项目款项") && lines[conduct + 1].hasSuffix("义务 AP-2021"))
        #expect(!lines[conduct + 2].hasPrefix("  -"))
        // The credit file's PPP section: three instalments due by the day, one met on time, 3,000,000 overdue.
        let file = try String(contentsOf: directory.appendingPathComponent("credit-file.md"), encoding: .utf8)
        #expect(file.contains("| PPP项目 Projects | 2 |"))
        #expect(file.contains("| 按期履行率 Met on time | 33.33% (1/3) |"))
        #expect(file.contains("| 逾期未付金额 Overdue unpaid (yuan) | 3000000 |"))
        #expect(file.contains("张建国（现任 now 青龙满族自治县发展和改革局局长）"))
        let html = try String(contentsOf: directory.appendingPathComponent("credit-file.html"), encoding: .utf8)
        #expect(html.contains("政府和社会资本合作 PPP"))
        // The agency's section carries its fiscal ratio against the lines too.
        #expect(file.contains("| 2021年 青龙县城污水处理厂 | 8.3 |"))
        // The county's PPP report: the same counts, and the plant's 8.3% against the three lines.
        #expect(lines.contains("PPP report: 项目=2 到期政府方义务=3 按期履行=1 逾期未付=3000000 核查线索=4"))
        let report = try String(contentsOf: directory.appendingPathComponent("ppp-report.md"), encoding: .utf8)
        #expect(report.contains("| 2021年 青龙县城污水处理厂 | 8.3 |"))
        // Each project's file: the stages with who answered and the handover, the instalments and how each was met.
        #expect(report.contains("| 项目执行 | 2024-01-02 | 责任人变更 handed over | 李明（现任 now 青龙满族自治县住房和城乡建设局局长） |"))
        #expect(report.contains("| AP-2021 | 可用性付费 | 2021-06-30 | 6000000 | 6000000 | 逾期履行 late |"))
        #expect(report.contains("| AP-2022 | 可用性付费 | 2022-06-30 | 6000000 | 3000000 | 逾期未履行 overdue |"))
        #expect(
            report.contains("| 参考线 line: 10% 上限（2015-04-07起） | 10 |")
                && report.contains("| 参考线 line: 7% 预警（2019-03-07起） | 7 |")
                && report.contains("| 参考线 line: 5% 政府付费项目（2022-11-18起） | 5 |"))
    }
}
