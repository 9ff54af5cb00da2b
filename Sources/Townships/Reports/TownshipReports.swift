import CreditKitCore
import Foundation

/// A county's ranking of its townships (县域乡镇（街道）政务诚信排名) as of a day: every township agency of the county
/// (its region code), scored by the kit's scoring model (which holds the township indicator and the commitments),
/// ranked highest first, ties sharing a rank, each with its file's measures and its integrity-township judgement.
public struct TownshipRanking: Sendable {
    /// One township's place.
    public struct Place: Sendable {
        /// The rank.
        public var rank: Int
        /// The township's name.
        public var name: String
        /// Its score card.
        public var card: ScoreCard
        /// Its file.
        public var file: TownshipFile
        /// Its integrity-township judgement for the year.
        public var eligibility: IntegrityTownshipEligibility
    }

    /// The county's region code.
    public var county: RegionCode
    /// The county's name: its people's government's without 人民政府 (清源县), or the code.
    public var countyName: String
    /// The day.
    public var asOf: LocalDate
    /// The places, ranked.
    public var places: [Place]

    /// The townships on the year's integrity-township list, in rank order.
    public var integrityTownships: [Place] { places.filter(\.eligibility.eligible) }

    /// Ranks one county's townships.
    /// - Parameters:
    ///   - county: The county's region code.
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The ranking.
    /// - Throws: Storage errors; a figure the profile lacks.
    public static func of(_ county: RegionCode, in kit: CreditKit, asOf: LocalDate) throws -> TownshipRanking {
        try counties(in: kit, asOf: asOf, only: county).first
            ?? TownshipRanking(county: county, countyName: county.rawValue, asOf: asOf, places: [])
    }

    /// Ranks every county's townships, counties in code order.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    ///   - only: One county; every county when `nil`.
    /// - Returns: The rankings.
    /// - Throws: Storage errors; a figure the profile lacks.
    public static func counties(in kit: CreditKit, asOf: LocalDate, only: RegionCode? = nil) throws
        -> [TownshipRanking]
    {
        let view = kit.view
        var townships: [RegionCode: [Agency]] = [:]
        var governments: [RegionCode: String] = [:]
        for state in view.subjects(ofKind: .agency, asOf: asOf) {
            guard case .agency(let a) = state.subject, only.map({ a.region == $0 }) ?? true else { continue }
            if a.level == .township { townships[a.region, default: []].append(a) }
            if a.level == .county && a.kind == .government {
                governments[a.region] = a.name.hasSuffix("人民政府") ? String(a.name.dropLast(4)) : a.name
            }
        }
        // Each township's file read once, for its tables and, through the indicator, its score; one evaluation for
        // every township, so the scoring model reads the ledger's commitments once, not per county (so do the
        // core's commitment checks).
        let commitmentFindings = try kit.commitmentFindings(asOf: asOf)
        var files: [SubjectID: TownshipFile] = [:]
        for township in townships.values.joined() {
            files[township.id] = try TownshipFile.of(
                township.id, in: kit, asOf: asOf, commitmentFindings: commitmentFindings)
        }
        let model = ScoringModel(
            indicators: ScoringModel.governmentIntegrity.indicators + [TownshipIndicator(files: Array(files.values))],
            bands: ScoringModel.governmentIntegrity.bands)
        let cards = try kit.evaluate(
            asOf: asOf, agencies: townships.values.flatMap { $0.map(\.id) }, model: model, explain: false)
        let cardOf = Dictionary(uniqueKeysWithValues: cards.map { ($0.subject, $0) })
        var out: [TownshipRanking] = []
        for (county, members) in townships.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.name) })
            var places: [Place] = []
            for ranked in Ranking.rank(members.compactMap { cardOf[$0.id] }) {
                let id = ranked.card.subject
                let file = files[id]!
                places.append(
                    Place(
                        rank: ranked.rank, name: names[id] ?? id.rawValue, card: ranked.card, file: file,
                        eligibility: try IntegrityTownshipEligibility.judge(file, in: kit)))
            }
            out.append(
                TownshipRanking(
                    county: county, countyName: governments[county] ?? county.rawValue, asOf: asOf, places: places))
        }
        return out
    }

    /// The ranking as report blocks: a bar chart of the scores and a table with each township's measures.
    public var blocks: [ReportBlock] {
        [
            .chart(
                ReportChart(
                    kind: .bar, name: "township-ranking-\(county.rawValue)",
                    caption: "\(countyName)乡镇（街道）政务诚信得分（满分100） Scores out of 100",
                    labelHeader: "乡镇（街道） Township", valueHeader: "得分 Score",
                    points: places.map { ("\($0.rank). \($0.name)", $0.card.score) }, maximum: 100)),
            .table(
                ReportTable(
                    name: "township-ranking-table-\(county.rawValue)", caption: "\(countyName)乡镇（街道）排名 Ranking",
                    headers: ["名次", "乡镇（街道）", "得分", "等级", "承诺按期兑现", "服务按时办结", "政务公开逾期", "属实投诉", "诚信乡镇"],
                    rows: places.map { p in
                        let due = p.file.due()
                        let s = p.file.services()
                        return [
                            String(p.rank), p.name, ReportFormat.number(p.card.score), p.card.grade,
                            "\(p.file.keptOnTime(due))/\(due.count)", "\(s.onTime)/\(s.judged)",
                            String(p.file.disclosureFindings.count), String(p.file.complaints.founded),
                            p.eligibility.eligible ? "符合" : "不符合",
                        ]
                    })),
        ]
    }
}

/// The townships report of a kit's ledger as of a day (乡镇（街道）政务诚信报告): each county's ranking with its chart,
/// the year's integrity-township list, and every township's file. `creditkit report --kind townships`.
public enum TownshipReport {
    /// Makes the report.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a figure the profile lacks.
    public static func make(_ kit: CreditKit, asOf: LocalDate) throws -> Report {
        let rankings = try TownshipRanking.counties(in: kit, asOf: asOf)
        var sections: [ReportSection] = []
        for ranking in rankings {
            let list = ranking.integrityTownships.map(\.name)
            sections.append(
                ReportSection(
                    title: "\(ranking.countyName)乡镇（街道）排名 Ranking",
                    blocks: ranking.blocks + [
                        .paragraph(
                            "\(asOf.year)年度诚信乡镇（街道）：" + (list.isEmpty ? "无" : list.joined(separator: "、"))
                                + "。按各乡镇（街道）评定条件逐项判断，见各档案。")
                    ]))
            for place in ranking.places {
                var section = place.file.section(eligibility: place.eligibility)
                section.title = "\(place.name) 档案 File"
                sections.append(section)
            }
        }
        let places = rankings.flatMap(\.places)
        let pushed = places.flatMap(\.file.assignedFindings)
        if !pushed.isEmpty {
            sections.append(
                ReportSection(
                    title: "县级部门派转清单外事项 Tasks pushed down off the duty lists",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "townships-pushed-down", caption: "违规向乡镇（街道）派转事项（线索对派转部门）",
                                headers: ["派转部门", "乡镇（街道）", "派转编号", "事项", "清单情况", "派转日期"],
                                rows: try pushed.map { f in
                                    [
                                        try kit.name(of: f.subject),
                                        try kit.name(of: SubjectID(rawValue: f.fact("township") ?? "")),
                                        f.fact("task") ?? "", f.fact("title") ?? "",
                                        f.fact("list") == "taken back" ? "已列入上级部门收回事项清单" : "不在清单内且无准入批准",
                                        f.dates.first { $0.name == "assigned" }?.date.description ?? "",
                                    ]
                                }))
                    ]))
        }
        let due = places.reduce(0) { $0 + $1.file.due().count }
        let kept = places.reduce(0) { $0 + $1.file.keptOnTime($1.file.due()) }
        let services = places.map { $0.file.services() }
        return Report(
            title: "乡镇（街道）政务诚信报告", subtitle: "Townships: commitments, services, disclosure, complaints", asOf: asOf,
            keyFigures: [
                KeyFigure("乡镇（街道）", String(places.count)),
                KeyFigure("公开承诺事项", String(places.reduce(0) { $0 + $1.file.commitments.count })),
                KeyFigure("到期承诺", String(due)), KeyFigure("按期兑现", String(kept)),
                KeyFigure(
                    "服务办件按时办结", "\(services.reduce(0) { $0 + $1.onTime })/\(services.reduce(0) { $0 + $1.judged })"),
                KeyFigure("属实投诉", String(places.reduce(0) { $0 + $1.file.complaints.founded })),
                KeyFigure("诚信乡镇（街道）", String(places.filter(\.eligibility.eligible).count)),
                KeyFigure("乡镇（街道）核查线索", String(places.reduce(0) { $0 + $1.file.allFindings.count })),
                KeyFigure("部门违规派转事项", String(pushed.count)),
            ],
            sections: sections)
    }
}

/// The public commitment board for the credit website (乡镇（街道）公开承诺公示栏): every township's published
/// commitments by area, with the deadline or promised time, the office responsible, and the state on the day.
/// `creditkit report --kind townships-board`.
public enum TownshipBoard {
    /// Makes the board.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a figure the profile lacks.
    public static func make(_ kit: CreditKit, asOf: LocalDate) throws -> Report {
        let view = kit.view
        var rows: [[String]] = []
        let commitmentFindings = try kit.commitmentFindings(asOf: asOf)
        for state in view.subjects(ofKind: .agency, asOf: asOf) {
            guard case .agency(let a) = state.subject, a.level == .township else { continue }
            let file = try TownshipFile.of(a.id, in: kit, asOf: asOf, commitmentFindings: commitmentFindings)
            for item in TownshipFile.byArea(file.commitments) {
                let p = item.published!
                rows.append([
                    a.name, p.area.chineseName, item.id.rawValue, p.promise, p.target ?? "—",
                    p.deadline?.description ?? p.promisedTime.map { "办理时限" + $0.chineseDescription } ?? "—",
                    p.office,
                    file.state(of: item),
                ])
            }
        }
        let states = rows.map { $0[7] }
        return Report(
            title: "乡镇（街道）公开承诺公示", subtitle: "Public commitments of townships and streets", asOf: asOf,
            keyFigures: [KeyFigure("承诺事项", String(rows.count))]
                + ["已兑现", "逾期兑现", "逾期未兑现", "未兑现", "未到期"].map { s in
                    KeyFigure(s, String(states.filter { $0 == s }.count))
                } + [KeyFigure("常设服务承诺", String(states.filter { $0.hasPrefix("常设") }.count))],
            sections: [
                ReportSection(
                    title: "公开承诺事项 Commitments",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "townships-board", caption: "乡镇（街道）公开承诺事项",
                                headers: ["乡镇（街道）", "领域", "编号", "承诺内容", "目标", "期限", "责任科室", "状态"], rows: rows))
                    ])
            ])
    }
}
