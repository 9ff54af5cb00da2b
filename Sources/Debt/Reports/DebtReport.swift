import CreditKitCore
import Foundation

/// The debt reports (地方政府债务报告): a figures file judged for officials (`creditkit debt assess --format html`),
/// and the ledger's regions ranked by risk with each region's trend and the arrears (`creditkit report --kind
/// debt`).
public enum DebtReport {
    /// The lines a debt ratio is read against, from the profile's figures in force on a day: the warning line and
    /// the lower bounds of yellow, orange and red.
    /// - Parameters:
    ///   - profile: The profile, with the module's figures.
    ///   - day: The day.
    /// - Returns: The lines, lowest first.
    /// - Throws: When the profile lacks one of the figures.
    public static func lines(_ profile: JurisdictionProfile, on day: LocalDate) throws -> [ReportChart.Reference] {
        var out: [ReportChart.Reference] = []
        for (rule, label) in [
            (DebtLaw.ratioWarning.id, "警戒线"), (DebtLaw.yellow.id, "黄色起"), (DebtLaw.orange.id, "橙色起"),
            (DebtLaw.red.id, "红色起"),
        ] {
            guard let figure = try profile.figureInForce(rule, on: day) else { continue }
            let value = NSDecimalNumber(decimal: figure.figure.value).doubleValue
            out.append(.init("\(ReportFormat.number(value))% \(label)", value))
        }
        return out
    }

    static func text(_ d: Decimal?) -> String { d.map { "\($0)" } ?? "—" }
    static func percent(_ shown: String?) -> String { shown.map { $0 + "%" } ?? "无法计算" }

    /// The emergency level as officials read it: 无 only when the facts that decide it are known.
    static func level(_ a: DebtAssessment) -> String {
        if let level = a.emergencyLevel { return level.chineseName }
        return a.overdueRatio == nil && a.restructuring != true ? "无法判断" : "无"
    }

    /// The overdue band as officials read it.
    static func band(_ a: DebtAssessment) -> String {
        guard let shown = a.overdueText else { return "无法计算" }
        return shown + "%" + (a.overdueBand.map { "（\($0.chineseName)）" } ?? "")
    }

    /// A table of assessed years: figures, ratios, colour, restructuring, band and level.
    /// - Parameters:
    ///   - years: The assessments.
    ///   - name: The table's file-name stem.
    /// - Returns: The table.
    public static func yearsTable(_ years: [DebtAssessment], name: String) -> ReportTable {
        ReportTable(
            name: name, caption: "地区年度债务风险评估（金额：万元） Debt by region and year (10,000 yuan)",
            headers: [
                "地区", "年度", "债务余额", "限额（一般/专项）", "综合财力", "债务率", "风险等级", "付息占比（一般/专项）", "财政重整", "逾期债务率",
                "应急等级",
            ],
            rows: years.map { a in
                let f = a.figures
                return [
                    "\(f.regionName ?? "")（\(f.region)）", String(f.year), text(f.totalBalance),
                    "\(text(f.generalLimit))/\(text(f.specialLimit))", text(f.fiscalResources),
                    percent(a.debtRatioText),
                    a.colour?.chineseName ?? "无法判断",
                    "\(percent(a.generalInterestText))/\(percent(a.specialInterestText))",
                    a.restructuring.map { $0 ? "触发" : "未触发" } ?? "无法判断", band(a), level(a),
                ]
            })
    }

    /// One region's debt ratio by year against the lines; `nil` when no year has a ratio.
    /// - Parameters:
    ///   - years: The region's assessments.
    ///   - lines: The lines.
    /// - Returns: The chart.
    public static func trend(_ years: [DebtAssessment], lines: [ReportChart.Reference]) -> ReportChart? {
        let points = years.sorted { $0.figures.year < $1.figures.year }.compactMap { a in
            a.debtRatio.map { (String(a.figures.year), NSDecimalNumber(decimal: $0).doubleValue) }
        }
        guard let first = years.first, !points.isEmpty else { return nil }
        let top = max(points.map(\.1).max() ?? 0, lines.map(\.value).max() ?? 0)
        return ReportChart(
            kind: .trend, name: "debt-ratio-\(first.figures.region)",
            caption: "\(first.figures.regionName ?? first.figures.region.rawValue) 债务率走势（%） Debt ratio by year",
            labelHeader: "年度 Year", valueHeader: "债务率 % Debt ratio", points: points, maximum: (top * 1.1).rounded(.up),
            references: lines)
    }

    /// The labels the findings' facts, dates and coded values are read with: the core's and the module's.
    static let labels = FactLabels.core.adding(DebtModule().factLabels)

    /// The rules whose money facts are fiscal figures, shown in 万元 as the spreadsheets keep them.
    static let fiscalRules: Set<RuleID> = [
        DebtLaw.overLimit.id, DebtLaw.ratioWarning.id, DebtLaw.restructuring.id, DebtLaw.overdueRatio.id,
    ]

    /// A finding's facts as officials read them: Chinese names, fiscal amounts in 万元 and the rest in 元, coded
    /// values in Chinese; the figure and the region left out (the rule and the region stand beside them).
    static func facts(_ f: Finding, names: (String) throws -> String) rethrows -> String {
        try f.facts.filter { !["region", "regionName", "figure"].contains($0.name) }.map { fact in
            let label = labels.label(fact.name)
            if case .money(let yuan) = fact.typed {
                return fiscalRules.contains(f.rule) ? "\(label) \(yuan / 10_000)万元" : "\(label) \(yuan)元"
            }
            let value = fact.name == "creditor" ? try names(fact.value) : labels.values["*"]?[fact.value] ?? fact.value
            return "\(label) \(value)"
        }.joined(separator: "，")
    }

    /// The findings as a table with their decisions, or a sentence saying there are none.
    /// - Parameters:
    ///   - findings: The findings.
    ///   - decisions: Their decisions, by key.
    ///   - kit: The kit the subjects' names are read from, when there is one.
    /// - Returns: The block.
    /// - Throws: When a subject's name cannot be read.
    public static func findingsBlock(_ findings: [Finding], decisions: [String: String], kit: CreditKit?) throws
        -> ReportBlock
    {
        guard !findings.isEmpty else { return .paragraph("无债务核查线索。No debt findings.") }
        func name(_ id: String) throws -> String { try kit?.name(of: SubjectID(rawValue: id)) ?? id }
        return .table(
            ReportTable(
                name: "debt-findings", caption: "债务核查线索 Debt findings",
                headers: ["规则", "对象", "事实", "日期", "依据", "处理"],
                rows: try findings.map { f in
                    let who: String
                    if let region = f.fact("region") {
                        who = "\(f.fact("regionName") ?? "地区")（\(region)）"
                    } else {
                        who = try name(f.subject.rawValue)
                    }
                    return [
                        "\(f.title.chinese)（\(f.rule)）", who, try facts(f, names: name),
                        f.dates.map { "\(labels.label($0.name)) \($0.date)" }.joined(separator: "，"),
                        f.basis.map(\.description).joined(separator: "；"), decisions[f.key] ?? "待处理",
                    ]
                }))
    }

    /// The assessments of a figures file as one table (`creditkit debt assess --format csv`).
    /// - Parameter result: The file's assessment.
    /// - Returns: The table.
    public static func assessmentTable(_ result: DebtFileAssessment) -> ReportTable {
        ReportTable(
            name: "debt-assessments", caption: "债务风险评估 Assessments",
            headers: [
                "地区代码", "地区名称", "年度", "债务率%", "风险等级", "一般债务付息占比%", "专项债务付息占比%", "财政重整", "逾期债务率%", "逾期风险区间",
                "应急等级",
            ],
            rows: result.assessments.map { a in
                [
                    a.figures.region.rawValue, a.figures.regionName ?? "", String(a.figures.year),
                    a.debtRatioText ?? "", a.colour?.chineseName ?? "", a.generalInterestText ?? "",
                    a.specialInterestText ?? "", a.restructuring.map { $0 ? "触发" : "未触发" } ?? "",
                    a.overdueText ?? "", a.overdueBand?.chineseName ?? "", a.emergencyLevel?.chineseName ?? "",
                ]
            })
    }

    /// The ranking of regions by risk, on each region's latest year: emergency level, then colour, then debt
    /// ratio, gravest first.
    /// - Parameter assessments: Every assessment.
    /// - Returns: The latest assessment of each region, gravest first.
    public static func ranking(_ assessments: [DebtAssessment]) -> [DebtAssessment] {
        var latest: [RegionCode: DebtAssessment] = [:]
        for a in assessments where (latest[a.figures.region]?.figures.year ?? Int.min) < a.figures.year {
            latest[a.figures.region] = a
        }
        func key(_ a: DebtAssessment) -> (Int, Int, Decimal) {
            (
                a.emergencyLevel.map { DebtEmergencyLevel.allCases.firstIndex(of: $0)! + 1 } ?? 0,
                a.colour.map { DebtRiskColour.allCases.firstIndex(of: $0)! } ?? -1, a.debtRatio ?? -1
            )
        }
        return latest.values.sorted { l, r in
            let (a, b) = (key(l), key(r))
            if a.0 != b.0 { return a.0 > b.0 }
            if a.1 != b.1 { return a.1 > b.1 }
            if a.2 != b.2 { return a.2 > b.2 }
            return l.figures.region < r.figures.region
        }
    }

    /// Each region's place in the ranking: regions with the same level, colour and ratio share a place, and the
    /// next place counts them (1, 2, 2, 4).
    static func places(_ ranked: [DebtAssessment]) -> [Int] {
        func key(_ a: DebtAssessment) -> String {
            "\(a.emergencyLevel?.rawValue ?? "")|\(a.colour?.rawValue ?? "")|\(a.debtRatio.map { "\($0)" } ?? "")"
        }
        var out: [Int] = []
        for (i, a) in ranked.enumerated() {
            out.append(i > 0 && key(ranked[i - 1]) == key(a) ? out[i - 1] : i + 1)
        }
        return out
    }

    static func rankingTable(_ ranked: [DebtAssessment]) -> ReportTable {
        let places = places(ranked)
        return ReportTable(
            name: "debt-ranking",
            caption: "地区债务风险排名（按最近年度；风险相同者并列） Regions ranked by risk, latest year; equal risks share a place",
            headers: ["名次", "地区", "年度", "应急等级", "风险等级", "债务率", "财政重整"],
            rows: ranked.enumerated().map { i, a in
                [
                    String(places[i]), "\(a.figures.regionName ?? "")（\(a.figures.region)）", String(a.figures.year),
                    level(a), a.colour?.chineseName ?? "无法判断", percent(a.debtRatioText),
                    a.restructuring.map { $0 ? "触发" : "未触发" } ?? "无法判断",
                ]
            })
    }

    static func colourFigures(_ assessments: [DebtAssessment]) -> [KeyFigure] {
        DebtRiskColour.allCases.map { c in
            KeyFigure("\(c.chineseName)（地区年度）", String(assessments.filter { $0.colour == c }.count))
        }
    }

    /// A figures file's assessment as a report for officials: the counts, the ranking, every year, the findings
    /// and what could not be judged.
    /// - Parameter result: The file's assessment.
    /// - Returns: The report.
    /// - Throws: Never for a file's findings, which name regions.
    public static func assessmentReport(_ result: DebtFileAssessment) throws -> Report {
        let a = result.assessments
        var sections = [
            ReportSection(title: "地区风险排名 Ranking", blocks: [.table(rankingTable(ranking(a)))]),
            ReportSection(title: "逐年评估 Every year", blocks: [.table(yearsTable(a, name: "debt-years"))]),
            ReportSection(
                title: "核查线索 Findings",
                blocks: [try findingsBlock(a.flatMap(\.findings), decisions: [:], kit: nil)]),
        ]
        if !result.problems.isEmpty {
            sections.append(
                ReportSection(
                    title: "无法判断的数据 Data that could not be judged",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "debt-problems", caption: "数据问题 Problems",
                                headers: ["行", "地区代码", "年度", "字段", "原因"],
                                rows: result.problems.map {
                                    [
                                        $0.line.map(String.init) ?? "", $0.region, $0.year.map(String.init) ?? "",
                                        $0.field, $0.reason,
                                    ]
                                }))
                    ]))
        }
        return Report(
            title: "地方政府债务风险评估", subtitle: "Local government debt assessed from a figures file", asOf: result.asOf,
            keyFigures: [
                KeyFigure("地区", String(Set(a.map(\.figures.region)).count)),
                KeyFigure("地区年度", String(a.count)),
            ] + colourFigures(a) + [
                KeyFigure("超过限额", String(a.filter { $0.findings.contains { $0.rule == DebtLaw.overLimit.id } }.count)),
                KeyFigure(
                    "超过警戒线", String(a.filter { $0.findings.contains { $0.rule == DebtLaw.ratioWarning.id } }.count)),
                KeyFigure("触发财政重整", String(a.filter { $0.restructuring == true }.count)),
                KeyFigure("核查线索", String(a.flatMap(\.findings).count)),
                KeyFigure("无法判断的数据", String(result.problems.count)),
            ],
            sections: sections)
    }

    /// The ledger's debt report as of a day: regions ranked by risk, each region's trend and years, and every
    /// agency's arrears and findings.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a figure the profile lacks.
    public static func make(_ kit: CreditKit, asOf: LocalDate) throws -> Report {
        let view = kit.view
        let assessor = try DebtAssessor(profile: kit.profile)
        let lines = try lines(assessor.profile, on: asOf)
        let rules = try DebtArrearRules(profile: kit.profile)
        let read = try DebtModule.readAll(ledger: kit.ledger, view: view, asOf: asOf, knownAt: .distantFuture)
        var files: [DebtFile] = []
        for facts in read.agencies {
            let file = try DebtFile(
                facts, view: view, campaign: read.campaign(of: facts.owner, view: view), assessor: assessor,
                rules: rules, asOf: asOf)
            if !file.isEmpty { files.append(file) }
        }
        let years = files.flatMap(\.years)
        var sections = [
            ReportSection(title: "地区债务风险排名 Regions ranked by risk", blocks: [.table(rankingTable(ranking(years)))])
        ]
        // Each region in the ranking's order, the gravest first.
        for region in ranking(years).map(\.figures.region) {
            let own = years.filter { $0.figures.region == region }
            var blocks: [ReportBlock] = []
            if let chart = trend(own, lines: lines) { blocks.append(.chart(chart)) }
            blocks.append(.table(yearsTable(own, name: "debt-years-\(region)")))
            sections.append(
                ReportSection(title: "\(own[0].figures.regionName ?? region.rawValue)（\(region)）", blocks: blocks))
        }
        let withArrears = files.filter { !$0.arrears.isEmpty }
        let owed = withArrears.flatMap(\.arrears).reduce(Decimal(0)) { $0 + $1.outstanding(on: asOf) }
        if !withArrears.isEmpty {
            sections.append(
                ReportSection(
                    title: "拖欠账款 Arrears",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "debt-arrears-agencies", caption: "各单位拖欠及清偿（元） Arrears by agency (yuan)",
                                headers: ["单位", "笔数", "金额", "已清偿", "未清偿", "线索"],
                                rows: try withArrears.map { f in
                                    let total = f.arrears.reduce(Decimal(0)) { $0 + ($1.recorded?.amount ?? 0) }
                                    let left = f.arrears.reduce(Decimal(0)) { $0 + $1.outstanding(on: asOf) }
                                    return [
                                        try kit.name(of: f.agency), String(f.arrears.count), "\(total)",
                                        "\(total - left)",
                                        "\(left)", String(f.findings.count),
                                    ]
                                }))
                    ]))
        }
        for file in files where !file.arrears.isEmpty || !file.findings.isEmpty {
            var section = try file.section(names: kit)
            section.title = "\(try kit.name(of: file.agency)) \(section.title)"
            sections.append(section)
        }
        let findings = files.flatMap(\.findings)
        return Report(
            title: "地方政府债务与拖欠清理报告", subtitle: "Local government debt and arrears", asOf: asOf,
            keyFigures: [
                KeyFigure("地区", String(Set(years.map(\.figures.region)).count)),
                KeyFigure("地区年度", String(years.count)),
            ] + colourFigures(years) + [
                KeyFigure(
                    "超过限额", String(years.filter { $0.findings.contains { $0.rule == DebtLaw.overLimit.id } }.count)),
                KeyFigure(
                    "超过警戒线", String(years.filter { $0.findings.contains { $0.rule == DebtLaw.ratioWarning.id } }.count)),
                KeyFigure("触发财政重整", String(years.filter { $0.restructuring == true }.count)),
                KeyFigure("拖欠未清偿（元）", "\(owed)"),
                KeyFigure("核查线索", String(findings.count)),
            ],
            sections: sections)
    }
}
