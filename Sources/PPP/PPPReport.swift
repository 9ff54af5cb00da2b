import CreditKitCore
import Foundation

/// An implementing agency's PPP record as of a day (PPP项目履约情况): its projects, the government's obligations that
/// fell due and how they were met, what is overdue, and the findings with the stage and official each belongs to.
public struct PPPStatistics: CaseOwnerStatistics, Hashable {
    /// The implementing agency.
    public var agency: SubjectID
    /// The day.
    public var asOf: LocalDate
    /// The projects, as of the day.
    public var projects: [PPPProject]
    /// Obligations whose due day has passed by the day.
    public var obligationsDue = 0
    /// Of those, met in full by their due day.
    public var metOnTime = 0
    /// Payments due and not made in full, in yuan.
    public var overdueAmount: Decimal = 0
    /// The findings over the projects.
    public var findings: [Finding]
    /// How each finding was decided, by finding key.
    public var decisions: [String: String] = [:]

    /// The share of obligations due that were met on time, or `nil` when none fell due.
    public var onTimeRate: Double? { obligationsDue == 0 ? nil : Double(metOnTime) / Double(obligationsDue) }

    /// Computes the statistics.
    /// - Parameters:
    ///   - agency: The implementing agency.
    ///   - projects: Its projects, as of the day.
    ///   - rules: The PPP rules.
    ///   - asOf: The day.
    /// - Throws: When the profile lacks a rule's figure.
    public init(owner agency: SubjectID, cases projects: [PPPProject], rules: PPPRules, asOf: LocalDate) throws {
        self.agency = agency
        self.asOf = asOf
        self.projects = projects
        self.findings = try projects.flatMap { try rules.findings(for: $0, asOf: asOf) }
        for p in projects {
            for o in p.obligations where o.scheduled.on <= asOf {
                let due = rules.dueDay(o.due)
                guard due < asOf else { continue }
                obligationsDue += 1
                if o.completion(asOf: due) != nil { metOnTime += 1 }
            }
        }
        for f in findings where f.rule == PPPLaw.overdueUnpaid.id {
            overdueAmount += f.money("outstanding") ?? 0
        }
    }

    /// An official as the reports name them: the name and where they are now, or that none was recorded.
    /// - Parameters:
    ///   - id: The official's subject identifier, as a finding's `responsible` fact gives it.
    ///   - kit: The kit the name and posts are read from.
    /// - Returns: The text.
    /// - Throws: When the official's sealed data cannot be opened (a fault, never shown as erased).
    static func official(_ id: String?, in kit: CreditKit) throws -> String {
        guard let id, id != "not recorded" else { return "未记录 not recorded" }
        let subject = SubjectID(rawValue: id)
        let name = try kit.displayName(of: subject)
        let now = kit.view.tenures(of: subject).filter { $0.end == nil }.map { t in
            guard case .agency(let a)? = kit.view.subject(t.tenure.agency)?.subject else { return t.tenure.post }
            return a.name + t.tenure.post
        }
        return now.isEmpty ? "\(name)（已离任 no longer in post）" : "\(name)（现任 now \(now.joined(separator: "、"))）"
    }

    /// A project's file (项目档案): its stages with who answered for each (and every handover), the government's
    /// obligations and how each was met, the concessionaire's failures and the contract's changes.
    /// - Parameters:
    ///   - project: The project.
    ///   - rules: The rules (for the obligations' due days).
    ///   - kit: The kit the officials' names and posts are read from.
    ///   - asOf: The day.
    /// - Returns: The section.
    /// - Throws: When an official's sealed data cannot be opened.
    public static func projectFile(_ project: PPPProject, rules: PPPRules, kit: CreditKit, asOf: LocalDate) throws
        -> ReportSection
    {
        var stageRows: [[String]] = []
        for stage in project.stages where stage.entered.on <= asOf {
            stageRows.append([
                stage.stage.chineseName, stage.entered.on.description, "进入阶段 entered",
                try official(stage.responsible?.official.rawValue, in: kit),
            ])
            for handover in stage.handovers where handover.on.on <= asOf {
                stageRows.append([
                    stage.stage.chineseName, handover.on.on.description, "责任人变更 handed over",
                    try official(handover.responsible?.official.rawValue, in: kit),
                ])
            }
        }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    name: "ppp-project-stages", caption: "阶段及责任人 Stages and who answered",
                    headers: ["阶段 Stage", "日期 Day", "事项 What", "责任人 Responsible"], rows: stageRows))
        ]
        let obligations = project.obligations.filter { $0.scheduled.on <= asOf }
        if !obligations.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        name: "ppp-project-obligations", caption: "政府方义务 Government obligations",
                        headers: ["义务 Obligation", "类别 Kind", "到期 Due", "金额 Amount", "已付 Paid", "状态 State"],
                        rows: obligations.map { o in
                            let due = rules.dueDay(o.due)
                            let done = o.fulfilments(asOf: asOf)
                            let paid = o.paid(asOf: asOf)
                            let state: String
                            if let completed = o.completion(asOf: asOf) {
                                state = completed.on.on <= due ? "按期 on time" : "逾期履行 late"
                            } else if asOf > due {
                                state = "逾期未履行 overdue"
                            } else {
                                state = "未到期 not yet due"
                            }
                            return [
                                o.id, o.kind.chineseName, due.description, o.amount.map { "\($0)" } ?? "—",
                                o.kind.isPayment ? "\(paid)" : (done.isEmpty ? "—" : "已履行 done"), state,
                            ]
                        })))
        }
        let failures = project.failures.filter { $0.recorded.on <= asOf }
        if !failures.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        name: "ppp-project-failures", caption: "社会资本方绩效不达标 Performance failures",
                        headers: ["编号 Id", "期间 Period", "事项 What", "处罚 Penalty", "缴纳 Paid"],
                        rows: failures.map { f in
                            [
                                f.id, "\(f.from)–\(f.to)", f.category, f.penaltyImposed ?? "未处罚 none",
                                f.penaltyPaid.map { $0.on <= asOf ? $0.on.description : "未缴 unpaid" } ?? "未缴 unpaid",
                            ]
                        })))
        }
        let changes = project.changes.filter { $0.on.on <= asOf }
        if !changes.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        name: "ppp-project-changes", caption: "合同变更、终止 Changes and terminations",
                        headers: ["日期 Day", "变更 Change", "提出方 By", "原因 Reason", "程序 Procedure", "补偿 Compensation"],
                        rows: changes.map { c in
                            [
                                c.on.on.description, c.description + (c.terminates ? "（终止）" : ""),
                                c.byGovernment ? "政府方 government" : "社会资本方 concessionaire", c.reason.chineseName,
                                c.lawfulProcedure ? "依法 lawful" : "未履行法定程序 none",
                                c.compensationAgreed.map { "\($0)" } ?? "未约定 none",
                            ]
                        })))
        }
        return ReportSection(title: "项目档案 Project file \(project.id)（\(project.name ?? "")）", blocks: blocks)
    }

    /// The fiscal ratio of each assessment as a bar chart against the lines in force before the 2023 mechanism, each
    /// line labelled with its first day, and a note that says which assessments each binds; `nil` without any.
    /// - Parameters:
    ///   - projects: The projects.
    ///   - asOf: The day.
    /// - Returns: The chart and its note.
    public static func fiscalBlocks(_ projects: [PPPProject], asOf: LocalDate) -> [ReportBlock]? {
        let assessments = projects.flatMap { p in p.fiscalAssessments.filter { $0.on.on <= asOf }.map { (p, $0) } }
        guard !assessments.isEmpty else { return nil }
        let points = assessments.map { p, a in
            ("\(a.year)年 \(p.name ?? p.id.rawValue)", NSDecimalNumber(decimal: a.ratioPercent).doubleValue)
        }
        return [
            .chart(
                ReportChart(
                    kind: .bar, name: "ppp-fiscal-ratio",
                    caption: "PPP支出占一般公共预算支出比例（%） PPP spending as % of the general budget",
                    labelHeader: "年度 项目 Year, project", valueHeader: "比例 % Ratio", points: points,
                    maximum: max(12, (points.map(\.1).max() ?? 0) + 1),
                    references: [
                        .init("5% 政府付费项目（2022-11-18起）", 5), .init("7% 预警（2019-03-07起）", 7),
                        .init("10% 上限（2015-04-07起）", 10),
                    ])),
            .paragraph(
                "比例按各项目财政承受能力论证所载年度计算。每条线只约束其施行日之后、2023年11月8日新机制施行之前作出的论证："
                    + "10%自2015-04-07起，7%预警自2019-03-07起，5%（仅政府付费项目）自2022-11-18起。"
                    + "Ratios from each project's assessment. Each line binds only assessments made from its day until "
                    + "the 2023 mechanism: 10% from 2015-04-07, the 7% warning from 2019-03-07, 5% for government-pay "
                    + "projects from 2022-11-18."),
        ]
    }

    /// The labels the findings' dates are read with: the core's and the module's.
    static let labels = FactLabels.core.adding(PPPModule().factLabels)

    /// The report section: the measures, the projects with their current stage and its official, and the findings
    /// with the stage and official each is traced to (the official's name and where they are now come from `kit`).
    /// - Parameter kit: The kit the names and posts are read from.
    /// - Returns: The section.
    /// - Throws: When a person's sealed data cannot be opened (a fault, never shown as erased).
    public func section(names kit: CreditKit) throws -> ReportSection {
        func percent(_ v: Double?) -> String { v.map { ReportFormat.number($0 * 100) + "%" } ?? "—" }
        func official(_ id: String?) throws -> String { try Self.official(id, in: kit) }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    name: "ppp-agency", caption: "PPP项目履约情况 PPP record as of \(asOf)",
                    headers: ["指标 Measure", "数值 Value"],
                    rows: [
                        ["PPP项目 Projects", String(projects.count)],
                        ["到期政府方义务 Government obligations due", String(obligationsDue)],
                        ["按期履行率 Met on time", "\(percent(onTimeRate)) (\(metOnTime)/\(obligationsDue))"],
                        ["逾期未付金额 Overdue unpaid (yuan)", "\(overdueAmount)"],
                    ])),
            .table(
                ReportTable(
                    name: "ppp-projects", caption: "项目及当前阶段责任人 Projects and who answers for their stage",
                    headers: ["项目 Project", "名称 Name", "回报机制 Payment", "阶段 Stage", "阶段责任人 Responsible"],
                    rows: try projects.map { p in
                        let stage = p.stage(on: asOf)
                        return [
                            p.id.rawValue, p.name ?? "", p.mechanism?.chineseName ?? "",
                            stage?.stage.chineseName ?? "未进入 not entered",
                            try official(stage?.responsible(on: asOf).responsible?.official.rawValue),
                        ]
                    })),
        ]
        blocks += Self.fiscalBlocks(projects, asOf: asOf) ?? []
        if findings.isEmpty {
            blocks.append(.paragraph("无PPP核查线索。No PPP findings."))
        } else {
            blocks.append(
                .table(
                    ReportTable(
                        name: "ppp-findings", caption: "PPP核查线索及责任倒查 PPP findings and who answers",
                        headers: ["规则 Rule", "项目 Project", "阶段 Stage", "责任人 Responsible", "日期 Dates", "处理 Decision"],
                        rows: try findings.map { f in
                            [
                                "\(f.title.chinese) (\(f.rule))", f.fact("project") ?? "",
                                f.fact("stage").flatMap(PPPStage.init(rawValue:))?.chineseName ?? "未进入 not entered",
                                try official(f.fact("responsible")),
                                f.dates.map { "\(Self.labels.label($0.name)) \($0.date)" }.joined(
                                    separator: "，"),
                                decisions[f.key] ?? "待处理 open",
                            ]
                        })))
        }
        return ReportSection(title: "政府和社会资本合作 PPP", blocks: blocks)
    }
}

/// The government side's conduct in PPP projects (PPP政府方履约), an indicator of the scoring model: each obligation
/// that fell due and each change the government made counts once; a miss (paid late, unpaid, not done by its day, an
/// unlawful change) takes its share of the weight. No fact is deducted twice: a PPP obligation is not also entered as
/// a commitment, and a finding confirmed as a dishonesty record is deducted among the records instead.
public struct PPPIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `ppp.agency`.
    public var id: RuleID { "ppp.agency" }
    /// PPP政府方履约.
    public var name: LocalizedName { LocalizedName(chinese: "PPP政府方履约", english: "PPP government-side conduct") }
    /// 8 points.
    public var weight: Double { 8 }

    /// The rules whose findings are misses.
    static let counted: Set<RuleID> = [
        PPPLaw.latePayment.id, PPPLaw.overdueUnpaid.id, PPPLaw.unfulfilled.id, PPPLaw.unlawfulChange.id,
    ]

    /// Scores an implementing agency: full points without PPP projects or without anything due.
    /// - Parameters:
    ///   - subject: The agency.
    ///   - context: The evaluation's context.
    /// - Returns: The score, each deduction with its finding's dates and evidence when explained.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let full = IndicatorScore(
            indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        let projects = try context.requireLedger(for: id).cases(
            PPPProject.self, view: context.view, owner: subject, asOf: context.asOf, knownAt: context.knownAt)
        guard !projects.isEmpty else { return full }
        let stats = try PPPStatistics(
            owner: subject, cases: projects, rules: try PPPRules(profile: context.profile), asOf: context.asOf)
        let changes = projects.reduce(0) {
            $0 + $1.changes.filter { $0.byGovernment && $0.on.on <= context.asOf }.count
        }
        let duties = stats.obligationsDue + changes
        guard duties > 0 else { return full }
        // One miss per obligation (paid late and still partly unpaid count once) and per change; a finding confirmed
        // as a dishonesty record is deducted among the records, so not here again, and a dismissed one is no miss.
        var missed: [String: Finding] = [:]
        for f in stats.findings
        where Self.counted.contains(f.rule) && !context.view.isDecided(f, asOf: context.asOf) {
            let what =
                f.fact("obligation").map { "obligation \($0)" } ?? "change \(f.dates.first?.date.description ?? "")"
            missed["\(f.fact("project") ?? "")|\(what)"] = missed["\(f.fact("project") ?? "")|\(what)"] ?? f
        }
        let share = weight / Double(duties)
        let points = max(0, weight - share * Double(missed.count))
        guard context.explain else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: points, items: [], improvements: [])
        }
        let ordered = missed.keys.sorted().map { missed[$0]! }
        let items = ordered.map { f in
            IndicatorScore.Item(
                points: -share,
                reason: "\(f.title.chinese)（\(f.rule)）项目 \(f.fact("project") ?? "")"
                    + (f.fact("obligation").map { " 义务 \($0)" } ?? ""),
                dates: f.dates, evidence: f.evidence)
        }
        var improvements: [IndicatorScore.Improvement] = []
        let unpaid = ordered.filter { $0.rule == PPPLaw.overdueUnpaid.id || $0.rule == PPPLaw.unfulfilled.id }
        if !unpaid.isEmpty {
            improvements.append(
                .init(
                    action: "足额支付逾期的政府方付费、履行到期义务", points: share * Double(unpaid.count),
                    evidence: unpaid.flatMap(\.evidence)))
        }
        let changed = ordered.filter { $0.rule == PPPLaw.unlawfulChange.id }
        if !changed.isEmpty {
            improvements.append(
                .init(
                    action: "依法与社会资本方协商变更并给予补偿，纠正因政府换届等原因违约的行为",
                    points: share * Double(changed.count), evidence: changed.flatMap(\.evidence)))
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: points, items: items, improvements: improvements)
    }
}

/// The PPP report of a kit's whole ledger as of a day (PPP项目政府履约报告): every implementing agency's record, the
/// fiscal ratio of each assessment against the 5%, 7% and 10% lines, and every finding with the official it is
/// traced to. `creditkit report --kind ppp`.
public enum PPPReport {
    /// Makes the report.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a figure the profile lacks; a person's sealed data that cannot be opened.
    public static func make(_ kit: CreditKit, asOf: LocalDate) throws -> Report {
        let view = kit.view
        let projects = try kit.ledger.cases(PPPProject.self, view: view, asOf: asOf)
        let rules = try PPPRules(profile: kit.profile)
        var agencies: [PPPStatistics] = []
        for agency in Set(projects.map(\.agency)).sorted() {
            var stats = try PPPStatistics(
                owner: agency, cases: projects.filter { $0.agency == agency }, rules: rules, asOf: asOf)
            stats.decisions = view.decisions(of: stats.findings, asOf: asOf)
            agencies.append(stats)
        }
        func name(_ id: SubjectID) -> String {
            guard case .agency(let a)? = view.subject(id)?.subject else { return id.rawValue }
            return a.name
        }
        let due = agencies.reduce(0) { $0 + $1.obligationsDue }
        let met = agencies.reduce(0) { $0 + $1.metOnTime }
        let overdue = agencies.reduce(Decimal(0)) { $0 + $1.overdueAmount }
        let findings = agencies.reduce(0) { $0 + $1.findings.count }
        var sections = [
            ReportSection(
                title: "实施机构履约情况 Implementing agencies",
                blocks: [
                    .table(
                        ReportTable(
                            name: "ppp-agencies", caption: "各实施机构政府方履约 Government side by agency",
                            headers: [
                                "实施机构 Agency", "项目 Projects", "到期义务 Due", "按期 On time", "逾期未付 Overdue (yuan)",
                                "线索 Findings",
                            ],
                            rows: agencies.map { s in
                                [
                                    name(s.agency), String(s.projects.count), String(s.obligationsDue),
                                    String(s.metOnTime), "\(s.overdueAmount)", String(s.findings.count),
                                ]
                            }))
                ])
        ]
        // The fiscal lines: each assessment's ratio, with the limits in force before the 2023 mechanism.
        if let fiscal = PPPStatistics.fiscalBlocks(projects, asOf: asOf) {
            sections.append(ReportSection(title: "财政承受能力 Fiscal affordability", blocks: fiscal))
        }
        for stats in agencies where !stats.projects.isEmpty {
            var section = try stats.section(names: kit)
            section.title = "\(name(stats.agency)) \(section.title)"
            sections.append(section)
            for project in stats.projects {
                sections.append(try PPPStatistics.projectFile(project, rules: rules, kit: kit, asOf: asOf))
            }
        }
        return Report(
            title: "政府和社会资本合作项目政府方履约报告", subtitle: "PPP: the government side's record", asOf: asOf,
            keyFigures: [
                KeyFigure("项目 Projects", String(projects.count)),
                KeyFigure("到期政府方义务 Obligations due", String(due)),
                KeyFigure("按期履行 Met on time", "\(met)"),
                KeyFigure("逾期未付 Overdue unpaid (yuan)", "\(overdue)"),
                KeyFigure("核查线索 Findings", String(findings)),
            ],
            sections: sections)
    }
}
