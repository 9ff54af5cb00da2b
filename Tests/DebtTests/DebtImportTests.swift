import CreditKitCore
import CreditKitTesting
import Debt
import Foundation
import Testing

@Suite("Debt imports and the assess command")
struct DebtImportTests {
    static let header = DebtCSVTests.header
    static let rows = [
        "130302,海港区,2023,30000,20000,40000,30000,100000,200000,50000,2000,500,0",
        "130302,海港区,2024,45000,80000,50000,80000,100000,200000,50000,2000,500,0",
    ]

    func figuresLayout() -> ModuleCSVLayout { DebtModule().csvLayouts.first { $0.name == "debt-figures" }! }

    @Test("debt-figures: every row a year reported by the region's government, in one batch")
    func importsFigures() async throws {
        let d = try await DebtDistrict()
        let entries = try await d.kit.importCSV(
            ([Self.header] + Self.rows).joined(separator: "\n"), layout: figuresLayout())
        // Each year's figures speak for its last day (recorded on the day of the import), so a report as of any
        // later day sees them.
        #expect(entries.map(\.effectiveDate) == [day("2023-12-31"), day("2024-12-31")])
        #expect(try d.kit.debt.assessments(asOf: day("2023-12-30")).isEmpty)
        #expect(try d.kit.debt.assessments(asOf: day("2024-06-30")).map(\.figures.year) == [2023])
        let years = try d.kit.debt.assessments(asOf: day("2026-11-30"))
        #expect(years.map(\.figures.year) == [2023, 2024])
        #expect(years.map { DebtAssessment.percentText($0.debtRatio) } == ["50.00", "125.00"])
        #expect(years[1].colour == .yellow)
        #expect(try d.kit.debt.findings(asOf: day("2026-11-30")).map(\.rule) == ["debt.ratio.over-warning"])
        // The same file again is refused, not doubled.
        await #expect(throws: CreditKitError.self) {
            try await d.kit.importCSV(([Self.header] + Self.rows).joined(separator: "\n"), layout: figuresLayout())
        }
        #expect(try d.kit.debt.assessments(asOf: day("2026-11-30")).count == 2)
    }

    @Test(
        "debt-figures: a text amount, a repeated region-year or a region without a government refuses the file, naming the line"
    )
    func refusesBadFiles() async throws {
        let d = try await DebtDistrict()
        let head = d.kit.view.head.sequence
        let bad = [
            (
                [Self.header, Self.rows[0], "130302,海港区,2024,四万五,80000,50000,80000,100000,200000,50000,2000,500,0"],
                "line 3"
            ),
            ([Self.header, Self.rows[0], Self.rows[0]], "line 3"),
            ([Self.header, Self.rows[0], "130303,山海关区,2024,1,1,1,1,1,1,1,1,1,1"], "line 3"),
            ([Self.header.replacingOccurrences(of: "综合财力", with: "财力")] + Self.rows, "综合财力"),
        ]
        for (lines, named) in bad {
            do {
                try await d.kit.importCSV(lines.joined(separator: "\n"), layout: figuresLayout())
                Issue.record("accepted a bad file")
            } catch let error as CreditKitError {
                #expect(error.code == .invalidCSV && error.message.contains(named), "\(error.message)")
            }
        }
        #expect(d.kit.view.head.sequence == head)
    }

    @Test("debt-arrears: rows become arrears; a wage row without its month is refused with its line")
    func importsArrears() async throws {
        let d = try await DebtDistrict()
        let layout = DebtModule().csvLayouts.first { $0.name == "debt-arrears" }!
        let header = "欠款编号,债务单位,债权企业,款项类别,金额,应付日期,登记日期,项目,工资月份,交付日期,约定付款期限"
        let good = [
            header,
            "Q-1,\(d.bureau.id),\(d.sme.id),货物,50000.00,2025-03-01,2025-03-05,,,2025-01-20,",
            "Q-2,\(d.bureau.id),\(d.contractor.id),工资,120000,2025-04-30,2025-05-06,第三中学教学楼,2025-03,,",
        ]
        let entries = try await d.kit.importCSV(good.joined(separator: "\r\n"), layout: layout)
        #expect(entries.count == 2)
        let file = try d.kit.debt.file(of: d.bureau.id, asOf: day("2026-11-30"))
        #expect(file.arrears.map(\.id) == ["Q-1", "Q-2"])
        #expect(file.arrears[1].recorded?.workMonth == day("2025-03-01"))
        let head = d.kit.view.head.sequence
        let bad = [header, "Q-3,\(d.bureau.id),\(d.contractor.id),工资,1000,2025-04-30,2025-05-06,学校,,,"]
        do {
            try await d.kit.importCSV(bad.joined(separator: "\n"), layout: layout)
            Issue.record("accepted wages without their month")
        } catch let error as CreditKitError {
            #expect(error.message.hasPrefix("line 2"), "\(error.message)")
        }
        #expect(d.kit.view.head.sequence == head)
    }

    @Test("creditkit debt assess: JSON with ratios as two-decimal strings and nulls, problems listed, exit 0")
    func assessJSON() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("debt-assess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("figures.csv").path
        let text =
            ([Self.header] + Self.rows + ["130303,山海关区,2024,abc,20000,40000,30000,0,200000,50000,2000,500,0"])
            .joined(separator: "\n")
        try Data(("\u{FEFF}" + text).utf8).write(to: URL(fileURLWithPath: file))
        let tool = DebtModule().tools.first { $0.name == "assess" }!
        let result = try await tool.run([file, "--as-of", "2025-06-30"])
        #expect(result.exitCode == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let assessments = json["assessments"] as! [[String: Any]]
        #expect(assessments.map { $0["debtRatio"] as? String } == ["50.00", "125.00", nil])
        #expect(assessments[2]["debtRatio"] is NSNull && assessments[1]["colour"] as? String == "yellow")
        let summary = json["summary"] as! [String: Int]
        #expect(summary["rows"] == 3 && summary["yellow"] == 1 && summary["green"] == 1 && summary["findings"] == 1)
        let problems = json["problems"] as! [[String: Any]]
        #expect(problems.allSatisfy { $0["line"] as? Int == 4 })
        #expect(Set(problems.compactMap { $0["field"] as? String }).isSuperset(of: ["一般债务余额", "综合财力"]))
        let findings = json["findings"] as! [[String: Any]]
        #expect(findings.map { $0["rule"] as? String } == ["debt.ratio.over-warning"])
        // The officials' formats carry the same counts.
        let html = try await tool.run([file, "--as-of", "2025-06-30", "--format", "html"]).output
        #expect(html.contains("地方政府债务风险评估") && html.contains("125.00%") && html.contains("无法判断的数据"))
        let csv = try await tool.run([file, "--as-of", "2025-06-30", "--format", "csv"]).output
        #expect(csv.split(separator: "\r\n").count == 4)
        // A file that cannot be read at all is an error (exit 1 in the tool), not an empty assessment.
        await #expect(throws: CreditKitError.self) { try await tool.run([dir.appendingPathComponent("none.csv").path]) }
        try Data("地区代码,年度\n130302,2024\n".utf8).write(to: URL(fileURLWithPath: file))
        await #expect(throws: CreditKitError.self) { try await tool.run([file]) }
        await #expect(throws: CreditKitError.self) { try await tool.run([file, "--format", "pdf"]) }
    }

    @Test("the debt indicator: a new arrear takes three shares, a late wage two, an arrear paid on its day none")
    func indicator() async throws {
        let d = try await DebtDistrict()
        try await d.campaign("2024-01-01")
        try await d.kit.debt.record([
            d.arrear("N-1").on(
                day("2024-03-01"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 10_000, due: day("2024-03-01"))),
            d.arrear("N-2").on(
                day("2024-03-01"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 10_000, due: day("2024-03-01"))),
            d.arrear("N-2").on(day("2024-03-01"), ArrearCleared(amount: 10_000)),
            d.arrear("W-1").on(
                day("2024-04-01"),
                ArrearRecorded(
                    creditor: d.contractor.id, .wages, amount: 10_000, due: day("2024-04-30"), project: "学校",
                    workMonth: day("2024-02-01"))),
            // Paid on the day the contract set, so not a new arrear, but two months after February's work.
            d.arrear("W-1").on(day("2024-04-30"), ArrearCleared(amount: 10_000)),
        ])
        for n in 1...3 {
            try await d.kit.debt.record([
                d.arrear(CaseID(rawValue: "OK-\(n)")).on(
                    day("2024-05-01"),
                    ArrearRecorded(creditor: d.contractor.id, .works, amount: 5_000, due: day("2024-05-01"))),
                d.arrear(CaseID(rawValue: "OK-\(n)")).on(day("2024-05-01"), ArrearCleared(amount: 5_000)),
            ])
        }
        let cards = try d.kit.evaluate(asOf: day("2024-06-30"), agencies: [d.bureau.id, d.government.id])
        let debt = cards.first { $0.subject == d.bureau.id }!.indicators.first { $0.indicator == "debt.agency" }!
        // Six arrears due: a sixth of the weight a share; N-1 is new (3 shares, the heaviest of its rules), W-1 late
        // (2 shares); N-2 and the three others were paid on their day.
        #expect(abs(debt.points - debt.weight / 6) < 1e-9)
        #expect(debt.items.count == 2)
        #expect(debt.items.map(\.reason).contains { $0.contains("debt.arrears.new") && $0.contains("N-1") })
        let calm = cards.first { $0.subject == d.government.id }!
        let full = calm.indicators.first { $0.indicator == "debt.agency" }!
        #expect(full.points == full.weight)
    }
}

@Suite("Debt after the outside looks")
struct DebtAttackTests {
    static let header = DebtCSVTests.header

    @Test("a figure too large to be real is a problem, never NaN or a colour; the ledger refuses it")
    func hugeAmounts() async throws {
        // 41 digits are no amount (more than a Decimal holds); 10^16 万元 is one, but beyond any budget.
        let huge = "1" + String(repeating: "0", count: 40)
        let large = "1" + String(repeating: "0", count: 16)
        let text =
            Self.header + "\n130302,海港区,2024,\(huge),0,1,1,1,1,1,0,0,0\n130303,山海关区,2024,\(large),0,1,1,1,1,1,0,0,0\n"
        let judged = try DebtFileAssessment(text, asOf: day("2025-06-30"))
        #expect(judged.assessments.count == 2 && judged.assessments.allSatisfy { $0.debtRatio == nil })
        #expect(judged.assessments.allSatisfy { $0.colour == nil } && !judged.json().contains("NaN"))
        #expect(judged.problems.contains { $0.line == 2 && $0.reason.contains("not an amount") })
        #expect(judged.problems.contains { $0.line == 3 && $0.reason.contains("too large") })
        let d = try await DebtDistrict()
        var figures = calm()
        figures.generalBalance = DebtYearFigures.largestAmount * 10
        await #expect(throws: CreditKitError.self) {
            try await d.kit.debt.record([DebtYear.report(figures, by: d.government.id, on: day("2024-12-31"))])
        }
    }

    @Test("a shown ratio never lands on a line it is not on")
    func roundingSides() throws {
        let lines: [Decimal] = [100, 120, 200, 300]
        #expect(DebtAssessment.percentText(amount("100.004"), lines: lines) == "100.01")
        #expect(DebtAssessment.percentText(amount("119.995"), lines: lines) == "119.99")
        #expect(DebtAssessment.percentText(amount("299.995"), lines: lines) == "299.99")
        #expect(DebtAssessment.percentText(100, lines: lines) == "100.00")
        #expect(DebtAssessment.percentText(amount("123.456"), lines: lines) == "123.46")
        // In an assessment: 100.004% is over the warning line, and shows so.
        var f = calm()
        f.generalLimit = 1_000_000
        f.specialLimit = 1_000_000
        f.generalBalance = 0
        f.fiscalResources = 100_000
        f.specialBalance = amount("100004")
        let over = try assess(f)
        #expect(over.debtRatioText == "100.01" && over.findings.contains { $0.rule == "debt.ratio.over-warning" })
    }

    @Test("import: a year not begun is refused; a region-year is corrected through 更正说明, and only so")
    func correctionsAndFutureYears() async throws {
        let d = try await DebtDistrict()
        let layout = DebtModule().csvLayouts.first { $0.name == "debt-figures" }!
        let row = "130302,海港区,2024,30000,20000,40000,30000,100000,200000,50000,2000,500,0"
        try await d.kit.importCSV([Self.header, row].joined(separator: "\n"), layout: layout)
        do {
            try await d.kit.importCSV(
                [Self.header, "130302,海港区,2099,1,1,1,1,1,1,1,1,1,1"].joined(separator: "\n"), layout: layout)
            Issue.record("a year not begun was imported")
        } catch let error as CreditKitError {
            #expect(error.message.contains("line 2") && error.message.contains("has not begun"))
        }
        let changed = "130302,海港区,2024,30000,90000,40000,30000,100000,200000,50000,2000,500,0"
        do {
            try await d.kit.importCSV([Self.header, changed].joined(separator: "\n"), layout: layout)
            Issue.record("a second report of a year was imported")
        } catch let error as CreditKitError {
            #expect(error.message.contains("reported already") && error.message.contains("更正说明"))
        }
        let corrected = [Self.header + ",更正说明", changed + ",专项债务余额漏报项目收益专项债"].joined(separator: "\n")
        try await d.kit.importCSV(corrected, layout: layout)
        let year = try #require(try d.kit.debt.assessments(asOf: day("2026-11-30")).first)
        #expect(year.debtRatioText == "120.00" && year.colour == .yellow)
        let held = try d.kit.ledger.cases(
            DebtYear.self, view: d.kit.view, owner: d.government.id, asOf: day("2026-11-30"))
        #expect(held.first?.corrections.map(\.reason) == ["专项债务余额漏报项目收益专项债"])
    }

    @Test("import: the reporting government is the highest of the region; two of one level are ambiguous")
    func governmentByLevel() async throws {
        let d = try await DebtDistrict()
        let township = Agency(
            creditCode: Fixtures.creditCode(index: 70), name: "海阳镇人民政府", level: .township, kind: .government,
            region: try RegionCode("130302"))
        try await d.kit.register(township, on: day("2010-01-01"))
        let layout = DebtModule().csvLayouts.first { $0.name == "debt-figures" }!
        let entries = try await d.kit.importCSV(
            [Self.header, "130302,海港区,2024,30000,20000,40000,30000,100000,200000,50000,2000,500,0"].joined(
                separator: "\n"), layout: layout)
        #expect(entries[0].subjects.first == d.government.id)
        let twin = Agency(
            creditCode: Fixtures.creditCode(index: 71), name: "另一个区人民政府", level: .county, kind: .government,
            region: try RegionCode("130302"))
        try await d.kit.register(twin, on: day("2010-01-01"))
        do {
            try await d.kit.importCSV(
                [Self.header, "130302,海港区,2023,30000,20000,40000,30000,100000,200000,50000,2000,500,0"].joined(
                    separator: "\n"), layout: layout)
            Issue.record("an ambiguous region was imported")
        } catch let error as CreditKitError {
            #expect(error.message.contains("2 governments of level"))
        }
    }

    @Test("arrears: fractions of a fen, a month worked after the record and a day to come are refused")
    func arrearRefusals() async throws {
        let d = try await DebtDistrict()
        let head = d.kit.view.head.sequence
        let bad: [ArrearRecorded] = [
            ArrearRecorded(creditor: d.sme.id, .goods, amount: amount("7000.001"), due: day("2024-01-01")),
            ArrearRecorded(
                creditor: d.contractor.id, .wages, amount: 100, due: day("2024-01-01"), project: "学校",
                workMonth: day("2024-03-01")),
        ]
        for fact in bad {
            await #expect(throws: CreditKitError.self) {
                try await d.kit.debt.record([d.arrear("B").on(day("2024-02-01"), fact)])
            }
        }
        await #expect(throws: CreditKitError.self) {
            try await d.kit.debt.record([
                d.arrear("F").on(
                    day("2200-12-31"), ArrearRecorded(creditor: d.sme.id, .goods, amount: 100, due: day("2200-12-31")))
            ])
        }
        #expect(d.kit.view.head.sequence == head)
    }

    @Test("what officials read: findings in Chinese with fiscal amounts in 万元; names never become markup")
    func officialsRead() throws {
        var f = calm()
        f.regionName = "海港区"
        f.generalBalance = amount("40000.01")
        let text =
            Self.header
            + "\n130302,\"海港区<img src=x>\n# 标题\",2024,40000.01,20000,40000,30000,100000,200000,50000,2000,500,0\n"
        let judged = try DebtFileAssessment(text, asOf: day("2025-06-30"))
        #expect(judged.problems.contains { $0.field == "地区名称" })
        let report = try DebtReport.assessmentReport(judged)
        let findings = try #require(report.tables.first { $0.name == "debt-findings" })
        #expect(findings.rows[0][2].contains("债务余额 40000.01万元") && findings.rows[0][2].contains("超出 0.01万元"))
        let md = ReportRenderer.markdown(report)
        #expect(!md.contains("<img") && !md.contains("\n# 标题"))
        let a = try assess(f)
        #expect(a.findings[0].fact("regionName") == "海港区" && a.findings[0].dates.map(\.name) == ["judged"])
    }
}
