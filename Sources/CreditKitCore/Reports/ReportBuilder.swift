import Foundation

/// The report kinds (报告类型).
public enum ReportKind: String, Hashable, Sendable, CaseIterable {
    /// A subject's credit file (信用档案).
    case file
    /// The ranking of agencies (排名).
    case ranking
    /// The semi-annual jurisdiction report upward (半年报告), due on the day a local plan sets (the Qinhuangdao
    /// transport bureau's: 10 July and 10 January).
    case semiannual
    /// The early-warning list (预警名单).
    case warnings
    /// The year's commitments not kept, by agency, with reasons and what was done (年度承诺未履行情况).
    case commitmentsUnkept = "commitments-unkept"
    /// The government bodies listed as judgment defaulters and the progress to clear them (失信被执行人清零).
    case defaulters
}

extension CreditKit {
    /// A subject's name for reports: an agency's or enterprise's name, an official's masked ID number (the name
    /// stays in the vault; the token's start for a principal that may not read personal data), or the identifier
    /// when not registered.
    /// - Parameter subject: The subject.
    /// - Returns: The name; `公务人员 [已删除]` for an official whose personal data was erased.
    /// - Throws: When an official's sealed data cannot be opened.
    public func name(of subject: SubjectID) throws -> String {
        switch view.subject(subject)?.subject {
        case .agency(let a)?: return a.name
        case .enterprise(let e)?: return e.name
        case .official(let o)?:
            guard view.subject(subject)?.personalDataErasedOn == nil else { return "公务人员 [已删除]" }
            // A principal that may not read personal data sees the token's start, never the ID number.
            guard principal.mayUnmask else { return "公务人员 \(o.token.hex.prefix(12))…" }
            return "公务人员 " + (try personalData(of: subject).residentID.masked)
        case nil: return subject.rawValue
        }
    }

    /// A subject's credit file (信用档案) as of a day: its score and grade explained indicator by indicator, what
    /// would raise it, its monthly trend, its records, commitments and the credit check for every purpose.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: ``CreditKitError/Code/unknownSubject``; storage errors.
    public func creditFile(of subject: SubjectID, asOf: LocalDate) throws -> Report {
        guard let profile = try profile(of: subject, asOf: asOf) else {
            throw CreditKitError(.unknownSubject, "\(subject) is not registered on \(asOf)")
        }
        let card = try evaluate(asOf: asOf, agencies: [subject]).first!
        let trend = try self.trend(of: subject, months: 12, asOf: asOf)
        let f = ReportFormat.number
        var sections: [ReportSection] = []
        sections.append(
            ReportSection(
                title: "评分构成 Score by indicator",
                blocks: [
                    .chart(
                        ReportChart(
                            kind: .bar, name: "indicators", caption: "各指标得分占其满分 Points by indicator, out of its weight",
                            labelHeader: "指标 Indicator",
                            valueHeader: "得分 Points", points: card.indicators.map { ($0.name.chinese, $0.points) }
                        ).measured(against: card.indicators.map(\.weight))),
                    .paragraph(
                        "每条以该指标满分为全长；满分取自评价模型的权重，注册的领域模块增加指标时，各指标满分按比例缩放，合计100分。"
                            + "Each bar runs to its indicator's weight; the weights are the model's, scaled to add up to 100 "
                            + "when sector modules add indicators."),
                    .table(
                        ReportTable(
                            name: "indicator-detail", caption: "指标明细 Indicator detail",
                            headers: ["指标 Indicator", "编号 Id", "满分 Weight", "得分 Points"],
                            rows: card.indicators.map {
                                [$0.name.chinese, $0.indicator.rawValue, f($0.weight), f($0.points)]
                            })),
                    .table(
                        ReportTable(
                            name: "score-items", caption: "加减分依据 What added or took points",
                            headers: ["指标 Indicator", "分值 Points", "依据 Reason", "日期 Dates", "账本条目 Entries"],
                            rows: card.indicators.flatMap { i in
                                i.items.map { item in
                                    [
                                        i.name.chinese, f(item.points), item.reason,
                                        item.dates.map { "\(factLabels(for: i.indicator).label($0.name)) \($0.date)" }
                                            .joined(separator: "；"),
                                        item.evidence.map { "#\($0)" }.joined(separator: " "),
                                    ]
                                }
                            })),
                    .table(
                        ReportTable(
                            name: "improvements", caption: "提升建议 What would raise the score",
                            headers: ["措施 Action", "可恢复分值 Points back"],
                            rows: card.improvements.map { [$0.action, f($0.points)] })),
                ]))
        sections.append(
            ReportSection(
                title: "信用走势 Monthly trend",
                blocks: [
                    .chart(
                        ReportChart(
                            kind: .trend, name: "trend", caption: "近12个月评分 Score, past 12 months",
                            labelHeader: "月末 Month end",
                            valueHeader: "评分 Score",
                            points: trend.map { (String($0.asOf.description.prefix(7)), $0.score) },
                            maximum: 100))
                ]))
        let records = profile.records.filter { $0.role != .decidingAuthority }
        sections.append(
            ReportSection(
                title: "信用记录 Records",
                blocks: [
                    .table(
                        ReportTable(
                            name: "records", caption: "信用记录 Records (\(records.count))",
                            headers: [
                                "编号 Id", "决定日期 Decided", "类型 Kind", "依据 Basis", "文书号 Document", "认定机关 Authority",
                                "事实 Facts", "状态 Standing",
                            ],
                            rows: records.map { item in
                                let r = item.record
                                return [
                                    "#\(item.id)", r.decisionDate.description,
                                    r.polarity == .good ? "守信" : "失信（\(r.severity?.chineseName ?? "")）",
                                    r.basis.chineseName,
                                    r.documentNumber, r.authority.name, r.facts, item.standing,
                                ]
                            }))
                ]))
        let stats = try commitmentStats(of: subject, asOf: asOf)
        sections.append(
            ReportSection(
                title: "守信践诺 Commitments",
                blocks: [
                    .chart(
                        ReportChart(
                            kind: .bar, name: "commitments", caption: "承诺履行情况 Commitments by state",
                            labelHeader: "状态 State",
                            valueHeader: "件数 Count",
                            points: [
                                ("按期履行", Double(stats.fulfilledOnTime)), ("逾期履行", Double(stats.fulfilledLate)),
                                ("到期未履行", Double(stats.overdue)), ("违约", Double(stats.breached)),
                                ("履行中", Double(stats.open)),
                            ]))
                ]))
        sections.append(
            ReportSection(
                title: "信用核查 Credit check",
                blocks: [
                    .table(
                        ReportTable(
                            name: "credit-check", caption: "各用途核查结果 Check by purpose",
                            headers: ["用途 Purpose", "结果 Result", "限制措施 Measures", "激励 Incentives"],
                            rows: CheckPurpose.allCases.map { purpose in
                                let check = self.view.check(subject, for: purpose, on: asOf, policy: policy)
                                return [
                                    purpose.chineseName, check?.allowed == false ? "受限" : "允许",
                                    (check?.restrictions ?? []).map {
                                        "\($0.measure?.chineseName ?? "")（\($0.department)，至\($0.until)）"
                                    }
                                    .joined(separator: "；"),
                                    (check?.incentives ?? []).map { $0.incentive?.chineseName ?? "" }.joined(
                                        separator: "；"),
                                ]
                            }))
                ]))
        if let section = try enforcementSection(of: subject, asOf: asOf) { sections.append(section) }
        for module in modules {
            sections += try module.reportSections(ReportContext(kit: self, subject: subject, asOf: asOf))
        }
        let title = "信用档案：" + (try name(of: subject))
        return Report(
            title: title,
            subtitle: "Credit file of \(subject) — \(profile.subject.kind.rawValue)",
            asOf: asOf,
            keyFigures: [
                KeyFigure("评分 Score", f(card.score), note: "100分制，\(card.indicators.count)项指标"),
                KeyFigure("等级 Grade", card.grade, note: "A ≥ 90, B ≥ 80, C ≥ 60"),
                KeyFigure(
                    "有效失信记录 Dishonesty records in force",
                    String(records.filter { $0.record.polarity == .dishonesty && $0.isInForce }.count),
                    note: "不含已撤销、已修复的记录"),
                KeyFigure("承诺按期履行率 Commitments kept", stats.fulfilmentRate.map { f($0 * 100) + "%" } ?? "—"),
            ],
            sections: sections)
    }

    /// The ranking of every agency registered by the day (or of one group).
    /// - Parameters:
    ///   - asOf: The day.
    ///   - group: The group to rank within; all agencies by default.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    public func rankingReport(asOf: LocalDate, group: Ranking.Group? = nil) throws -> Report {
        let agencies = view.subjects(ofKind: .agency, asOf: asOf).compactMap { state -> Agency? in
            guard case .agency(let a) = state.subject, group?.contains(a) ?? true else { return nil }
            return a
        }
        let ranked = Ranking.rank(try evaluate(asOf: asOf, agencies: agencies.map(\.id), explain: false))
        let f = ReportFormat.number
        let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0) })
        let grades = Dictionary(grouping: ranked, by: \.card.grade)
        return Report(
            title: "政务诚信评价排名", subtitle: "Government integrity ranking — \(ranked.count) agencies", asOf: asOf,
            keyFigures: [
                KeyFigure("参评单位 Agencies", String(ranked.count)),
                KeyFigure(
                    "平均分 Mean score",
                    ranked.isEmpty ? "—" : f(ranked.reduce(0) { $0 + $1.card.score } / Double(ranked.count))),
                KeyFigure("A 等级 Grade A", String(grades["A"]?.count ?? 0)),
                KeyFigure("D 等级 Grade D", String(grades["D"]?.count ?? 0)),
            ],
            sections: rankingSections(ranked, byID: byID))
    }

    /// The ranking's sections: one per administrative level (city bodies, county bodies, townships are ranked among
    /// their peers, never in one list), each with the lowest scores as a chart, the count of the tie at each rank
    /// and the full table.
    func rankingSections(_ all: [RankedCard], byID: [SubjectID: Agency]) -> [ReportSection] {
        let f = ReportFormat.number
        let present = Set(all.compactMap { byID[$0.card.subject]?.level })
        let levels = AdministrativeLevel.allCases.filter(present.contains)
        return levels.map { level in
            let ranked = Ranking.rank(all.filter { byID[$0.card.subject]?.level == level }.map(\.card))
            let ties = Dictionary(grouping: ranked, by: \.rank).filter { $0.value.count > 1 }
            let tieText =
                ties.isEmpty
                ? "无并列。No ties."
                : "并列：" + ties.keys.sorted().map { "第\($0)名\(ties[$0]!.count)个单位" }.joined(separator: "，") + "。"
            return ReportSection(
                title: "\(level.chineseName)单位排名 Ranking of \(level.rawValue) bodies (\(ranked.count))",
                blocks: [
                    .paragraph(
                        "同层级单位之间排名；同分同名次，下一名次顺延（1, 2, 2, 4）。\(tieText) Bodies are ranked among their own level; "
                            + "equal scores share a rank."),
                    .chart(
                        ReportChart(
                            kind: .bar, name: "lowest-\(level.rawValue)",
                            caption: ranked.count <= 20
                                ? "\(level.chineseName)各单位得分（由低到高） Every score, lowest first"
                                : "\(level.chineseName)得分最低的20个单位 The lowest scores",
                            labelHeader: "单位 Agency", valueHeader: "评分 Score",
                            points: ranked.suffix(20).reversed().map {
                                ("\($0.rank). \(byID[$0.card.subject]?.name ?? "")", $0.card.score)
                            },
                            maximum: 100)),
                    .table(
                        ReportTable(
                            name: "ranking-\(level.rawValue)", caption: "\(level.chineseName)全部排名 Full ranking",
                            headers: ["名次 Rank", "单位 Agency", "统一社会信用代码 Code", "评分 Score", "等级 Grade"],
                            rows: ranked.map { r in
                                [
                                    String(r.rank), byID[r.card.subject]?.name ?? "", r.card.subject.rawValue,
                                    f(r.card.score), r.card.grade,
                                ]
                            })),
                ])
        }
    }

    /// The early-warning list as of a day.
    /// - Parameter asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    public func warningReport(asOf: LocalDate) throws -> Report {
        let warnings = try self.warnings(asOf: asOf)
        let byLevel = EarlyWarning.Level.allCases.reversed().map { level in
            (level.chineseName, Double(warnings.filter { $0.level == level }.count))
        }
        return Report(
            title: "政务诚信预警名单", subtitle: "Early warnings — \(warnings.count)", asOf: asOf,
            keyFigures: EarlyWarning.Level.allCases.reversed().map { level in
                KeyFigure(level.chineseName, String(warnings.filter { $0.level == level }.count))
            },
            sections: [
                ReportSection(
                    title: "预警 Warnings",
                    blocks: [
                        .chart(
                            ReportChart(
                                kind: .bar, name: "by-level", caption: "按级别 By level", labelHeader: "级别 Level",
                                valueHeader: "条数 Count", points: byLevel
                            ).coloured(EarlyWarning.Level.allCases.reversed().map(\.colour))),
                        .table(
                            ReportTable(
                                name: "warnings", caption: "预警明细 Warnings",
                                headers: ["级别 Level", "单位 Agency", "预警规则 Rule", "原因 Reason"],
                                rows: try warnings.map {
                                    [$0.level.chineseName, try name(of: $0.subject), $0.title, $0.reason]
                                })),
                    ])
            ])
    }

    /// The semi-annual integrity report upward (半年工作情况报告) for the half-year ending on or before the day:
    /// due on the day the profile's `disclosure.semiannual-report.*` figure names, a local rule (the Qinhuangdao
    /// transport bureau's profile: 10 July for the first half, 10 January for the second); none in a profile without
    /// it.
    /// - Parameter asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a due-day figure that is not a day of the year.
    public func semiannualReport(asOf: LocalDate) throws -> Report {
        let (y, m, _) = asOf.components
        let firstHalf = m >= 7
        let periodStart = try LocalDate(year: firstHalf ? y : y - 1, month: firstHalf ? 1 : 7, day: 1)
        let periodEnd =
            firstHalf ? try LocalDate(year: y, month: 6, day: 30) : try LocalDate(year: y - 1, month: 12, day: 31)
        let rule: RuleID =
            firstHalf ? CoreLaw.disclosureSemiannualReportFirstHalf.id : CoreLaw.disclosureSemiannualReportSecondHalf.id
        // The day it is due is a local rule (the Qinhuangdao transport bureau's plan): a profile without it has none.
        var due: (day: LocalDate, figure: RuleFigure)?
        if profile.knows(rule) {
            let figure = try profile.figure(rule, on: periodEnd)
            let monthDay = NSDecimalNumber(decimal: figure.figure.value).intValue
            guard figure.figure.unit == .monthDay else {
                throw CreditKitError(
                    .invalidArgument, "rule \(rule) has figure \(figure.figure), not a day of the year")
            }
            due = (try LocalDate(year: y, month: monthDay / 100, day: monthDay % 100), figure)
        }
        // Government integrity: the records of agencies decided in the half-year and still standing at its end (a
        // record revoked on objection by then is not counted; one repaired later still was decided in the period).
        let lifecycles = view.lifecycles
        let inPeriod = try records(knownAt: nil).filter { id, record in
            guard record.decisionDate >= periodStart, record.decisionDate <= periodEnd,
                case .agency? = view.subject(record.subject)?.subject
            else { return false }
            return lifecycles[id]?.revokedOn(asOf: periodEnd) == nil
        }
        let dishonest = inPeriod.values.filter { $0.polarity == .dishonesty }
        let byBasis = Dictionary(grouping: dishonest, by: \.basis).map { ($0.key.chineseName, Double($0.value.count)) }
            .sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        // Every rule's open findings at the period's end, the sector modules' included.
        let findings = try runChecks(asOf: periodEnd)
        // Labelled by the rule's Chinese title (its id in the table's row follows the title).
        let byRule = Dictionary(grouping: findings, by: \.rule).map {
            ("\($0.value[0].title.chinese)（\($0.key)）", Double($0.value.count))
        }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        let ranked = Ranking.rank(try evaluate(asOf: periodEnd, explain: false))
        var agencies: [SubjectID: Agency] = [:]
        for state in view.subjects(ofKind: .agency) {
            if case .agency(let a) = state.subject { agencies[a.id] = a }
        }
        let f = ReportFormat.number
        // The lowest five of each level, ranked among their peers (never city, county and township bodies in one list).
        let peers = Dictionary(grouping: ranked.map(\.card)) { agencies[$0.subject]?.level }
        let lowest = AdministrativeLevel.allCases.flatMap { level in
            Ranking.rank(peers[level] ?? []).suffix(5).map { (level, $0, peers[level]?.count ?? 0) }
        }
        return Report(
            title: "政务诚信建设半年工作情况报告", subtitle: "Semi-annual report, \(periodStart) – \(periodEnd)", asOf: periodEnd,
            keyFigures: [
                KeyFigure(
                    "报送截止 Due", due.map { $0.day.description } ?? "未规定",
                    note: due.map { "\($0.figure.rule)：\($0.figure.basis.map(\.description).joined(separator: "；"))" }
                        ?? "本档案未规定报送日期，由地方方案规定 not set in this profile; a local plan sets it"),
                KeyFigure("新增失信记录 New dishonesty records", String(dishonest.count)),
                KeyFigure("新增守信记录 New good records", String(inPeriod.count - dishonest.count)),
                KeyFigure("待核查线索 Open findings", String(findings.count)),
                KeyFigure(
                    "平均分 Mean score",
                    ranked.isEmpty ? "—" : f(ranked.reduce(0) { $0 + $1.card.score } / Double(ranked.count))),
            ],
            sections: [
                ReportSection(
                    title: "失信记录 Dishonesty records in the period",
                    blocks: [
                        .chart(
                            ReportChart(
                                kind: .bar, name: "records-by-basis", caption: "按认定依据 By basis",
                                labelHeader: "依据 Basis", valueHeader: "件数 Count", points: byBasis))
                    ]),
                ReportSection(
                    title: "核查线索 Findings at period end",
                    blocks: [
                        .chart(
                            ReportChart(
                                kind: .bar, name: "findings-by-rule", caption: "按规则 By rule", labelHeader: "规则 Rule",
                                valueHeader: "条数 Count", points: byRule))
                    ]),
                ReportSection(
                    title: "评价 Evaluation",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "lowest-five", caption: "各层级得分最低的5个单位 The five lowest of each level",
                                headers: ["层级 Level", "同级名次 Rank", "单位 Agency", "评分 Score", "等级 Grade"],
                                rows: try lowest.map { level, r, count in
                                    [
                                        level.chineseName, "\(r.rank)/\(count)",
                                        try name(of: r.card.subject), f(r.card.score), r.card.grade,
                                    ]
                                }))
                    ]),
            ])
    }
}

/// What a sector module's report section may look at.
public struct ReportContext: Sendable {
    /// The kit.
    public let kit: CreditKit
    /// The subject of the credit file.
    public let subject: SubjectID
    /// The day.
    public let asOf: LocalDate
}
