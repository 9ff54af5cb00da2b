import Foundation

/// A government body's judgment-defaulter listing as it stands on a day (失信被执行人名单中的政府机构).
public struct DefaulterListing: Hashable, Sendable {
    /// The listing's record.
    public var id: CreditRecord.ID
    /// The record.
    public var record: CreditRecord
    /// Its lifecycle.
    public var lifecycle: RecordLifecycle
    /// The day it stands on; `nil` until asked for one.
    public var day: LocalDate?

    /// The listing as it stands on a day, or `nil` when it was not yet listed.
    /// - Parameter day: The day.
    /// - Returns: The listing.
    public func on(_ day: LocalDate) -> DefaulterListing? {
        guard record.decisionDate <= day else { return nil }
        var copy = self
        copy.day = day
        return copy
    }

    /// The listed body.
    public var body: SubjectID { record.subject }
    /// The day listed.
    public var listed: LocalDate { record.decisionDate }
    /// The amount the judgment orders, in yuan.
    public var amount: Decimal? { record.amount }
    /// The deadline to clear it, set by the day.
    public var deadline: LocalDate? {
        lifecycle.clearanceDeadline.flatMap { $0.on <= (day ?? .distantFuture) ? $0.value : nil }
    }
    /// The day cleared (repaired or revoked), by the day.
    public var cleared: LocalDate? {
        let asOf = day ?? .distantFuture
        return [lifecycle.repairedOn(asOf: asOf), lifecycle.revokedOn(asOf: asOf)].compactMap { $0 }.min()
    }
}

/// One commitment of the yearly report of commitments not kept (未履行承诺).
public struct UnkeptCommitment: Hashable, Sendable {
    /// The commitment.
    public var commitment: Commitment.ID
    /// The promisor.
    public var promisor: SubjectID
    /// Its terms.
    public var terms: String
    /// The day it was due.
    public var due: LocalDate?
    /// What became of it, in Chinese: 逾期未履行, 逾期履行, 违约, 撤回.
    public var state: String
    /// The reason given, if any.
    public var reason: String
    /// What was done: a dishonesty record confirmed, the finding dismissed with its reason, or still to be examined.
    public var handling: String
    /// The record confirmed from it, if any.
    public var record: CreditRecord.ID?
}

extension CommitmentChecks {
    /// Every finding of the commitments as of a day, decided ones included.
    func allFindings(
        _ commitments: [(Commitment.ID, Commitment)], view: CoreView, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        try findings(commitments, view: view, asOf: asOf, knownAt: knownAt)
    }
}

extension CreditKit {
    /// The commitments not kept in a year (年度未履行承诺情况), by agency: each commitment due in the year (or ended in
    /// it by a breach or a withdrawal) and not kept on time as of the day, with its reason and what was done — the
    /// dishonesty record confirmed from it, or the finding dismissed, or still to be examined.
    /// - Parameters:
    ///   - year: The year.
    ///   - asOf: The day the report looks from; the year's last day, or today if sooner, by default.
    /// - Returns: The commitments, by promisor then commitment.
    /// - Throws: Storage errors; a rule with no figure in force.
    public func unkeptCommitments(year: Int, asOf: LocalDate? = nil) throws -> (
        due: Int, keptOnTime: Int, unkept: [UnkeptCommitment]
    ) {
        let end = try LocalDate(year: year, month: 12, day: 31)
        let day = asOf ?? min(end, ledger.clock.today)
        let checks = CommitmentChecks(profile: profile)
        let judgedElsewhere = modules.filter(\.judgesCommitments).map { $0.id.rawValue + "." }
        let mine = try commitmentEntries().filter { _, _, kind in
            !judgedElsewhere.contains { kind.rawValue.hasPrefix($0) }
        }.map { ($0.0, $0.1) }
        let findings = try checks.allFindings(mine, view: view, asOf: day, knownAt: .distantFuture)
        var due = 0
        var kept = 0
        var out: [UnkeptCommitment] = []
        for (id, commitment) in mine where commitment.madeOn <= day {
            let life = view.commitmentLifecycle(id)
            let dueDate = life.dueDate(original: commitment.dueDate, asOf: day)
            let state = checks.state(of: commitment, life, asOf: day)
            let inYear: Bool
            let text: String
            var reason = ""
            switch state {
            case .open: continue
            case .fulfilledOnTime:
                if dueDate?.year == year {
                    due += 1
                    kept += 1
                }
                continue
            case .fulfilledLate(let on, let d):
                inYear = d.year == year
                text = "逾期履行（应于\(d)，\(on)履行）"
            case .overdue(let d):
                inYear = d.year == year
                text = "逾期未履行（应于\(d)）"
            case .breached(let on, let why):
                inYear = on.year == year || dueDate?.year == year
                text = "违约（\(on)）"
                reason = why.chineseName
                if case .breached(_, let stated)? = life.outcome(asOf: day)?.value, !stated.isBlank {
                    reason += "：\(stated)"
                }
            case .withdrawn(let on):
                inYear = on.year == year || dueDate?.year == year
                text = "撤回（\(on)）"
                if case .withdrawn(let stated)? = life.outcome(asOf: day)?.value { reason = stated }
            }
            guard inYear else { continue }
            due += 1
            // What was done: each finding on the commitment, confirmed, dismissed or open.
            var handling: [String] = []
            var record: CreditRecord.ID?
            for finding in findings where finding.fact("commitment") == String(id.rawValue) {
                if let decision = view.findingDecision(finding.key) {
                    if let confirmed = decision.record {
                        record = confirmed
                        handling.append("\(decision.on)认定为失信记录 #\(confirmed)")
                    } else {
                        handling.append("\(decision.on)排除：\(decision.reason ?? "")")
                    }
                } else {
                    handling.append("待核查（\(finding.title.chinese)）")
                }
            }
            out.append(
                UnkeptCommitment(
                    commitment: id, promisor: commitment.promisor, terms: commitment.terms, due: dueDate, state: text,
                    reason: reason, handling: handling.isEmpty ? "—" : handling.joined(separator: "；"), record: record))
        }
        // By agency name, as an official looks one up; then by commitment.
        let names = try Dictionary(uniqueKeysWithValues: Set(out.map(\.promisor)).map { ($0, try name(of: $0)) })
        out.sort { (names[$0.promisor]!, $0.commitment) < (names[$1.promisor]!, $1.commitment) }
        return (due, kept, out)
    }

    /// The yearly report of commitments not kept (年度政务承诺未履行情况报告), as Harbin's plan asks: by agency, with
    /// reasons and what was done.
    /// - Parameters:
    ///   - year: The year.
    ///   - asOf: The day; the year's last day, or today if sooner, by default.
    /// - Returns: The report.
    /// - Throws: Storage errors; a rule with no figure in force.
    public func unkeptCommitmentsReport(year: Int, asOf: LocalDate? = nil) throws -> Report {
        let end = try LocalDate(year: year, month: 12, day: 31)
        let day = asOf ?? min(end, ledger.clock.today)
        let (due, kept, unkept) = try unkeptCommitments(year: year, asOf: day)
        var byAgency: [(String, Double)] = []
        for promisor in Set(unkept.map(\.promisor)).sorted() {
            byAgency.append((try name(of: promisor), Double(unkept.filter { $0.promisor == promisor }.count)))
        }
        byAgency.sort { ($1.1, $0.0) < ($0.1, $1.0) }
        let confirmed = unkept.filter { $0.record != nil }.count
        let open = unkept.filter { $0.handling.contains("待核查") }.count
        return Report(
            title: "\(year)年度政务承诺未履行情况报告", subtitle: "Commitments not kept in \(year), by agency", asOf: day,
            keyFigures: [
                KeyFigure("本年度到期承诺", String(due), note: "到期或于本年违约、撤回的承诺"),
                KeyFigure("按期履行", String(kept)),
                KeyFigure("未按期履行", String(unkept.count), note: "逾期履行、逾期未履行、违约、撤回"),
                KeyFigure("涉及单位", String(byAgency.count)),
                KeyFigure("已认定失信记录", String(confirmed)),
                KeyFigure("待核查", String(open)),
            ],
            sections: [
                ReportSection(
                    title: "按单位 By agency",
                    blocks: unkept.isEmpty
                        ? [.paragraph("本年度没有未按期履行的承诺。")]
                        : [
                            .chart(
                                ReportChart(
                                    kind: .bar, name: "unkept-by-agency", caption: "未按期履行承诺数 Commitments not kept",
                                    labelHeader: "单位 Agency", valueHeader: "件数 Count", points: byAgency)),
                            .table(
                                ReportTable(
                                    name: "unkept-commitments", caption: "未按期履行的承诺 Commitments not kept",
                                    headers: [
                                        "单位 Agency", "承诺事项 Terms", "应履行日 Due", "情况 State", "原因 Reason", "处理情况 Done",
                                    ],
                                    rows: try unkept.map {
                                        [
                                            try name(of: $0.promisor), $0.terms, $0.due?.description ?? "—", $0.state,
                                            $0.reason.isEmpty ? "—" : $0.reason, $0.handling,
                                        ]
                                    })),
                        ])
            ])
    }

    /// The government bodies listed as judgment defaulters (失信被执行人) on a day, for the campaign to clear them
    /// (政务失信专项治理): each listing with its day, amount, the deadline set to clear it and the day it was cleared
    /// (repaired or revoked) by the day.
    /// - Parameter asOf: The day; today by default.
    /// - Returns: The listings, by record.
    /// - Throws: Storage errors.
    public func defaulterListings(asOf: LocalDate? = nil) throws -> [DefaulterListing] {
        let day = asOf ?? ledger.clock.today
        let view = self.view
        return try records().sorted { $0.key < $1.key }.compactMap { id, record in
            guard record.basis == .judgmentDefaulter, view.subject(record.subject)?.subject.kind == .agency else {
                return nil
            }
            return DefaulterListing(id: id, record: record, lifecycle: view.lifecycle(id)).on(day)
        }
    }

    /// The campaign report on government bodies listed as judgment defaulters (政务失信专项治理：失信被执行人清零): who is
    /// listed, since when, the amount, the deadline set to clear, and progress to zero month by month.
    /// - Parameter asOf: The day; today by default.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    public func defaulterCleanupReport(asOf: LocalDate? = nil) throws -> Report {
        let day = asOf ?? ledger.clock.today
        let all = try defaulterListings(asOf: .distantFuture)
        let listings = all.compactMap { $0.on(day) }
        let standing = listings.filter { $0.cleared == nil }
        let overdue = standing.filter { $0.deadline.map { $0 < day } ?? false }
        let amount = standing.compactMap(\.amount).reduce(Decimal(0), +)
        // Progress to zero: bodies still listed at each month's end over the last twelve months, and today.
        var trend: [(String, Double)] = []
        for back in stride(from: 11, through: 1, by: -1) {
            let monthEnd = try LocalDate(year: day.year, month: day.month, day: 1).adding(months: -back + 1).adding(
                days: -1)
            let count = all.compactMap { $0.on(monthEnd) }.filter { $0.cleared == nil }.count
            trend.append((String(monthEnd.description.prefix(7)), Double(count)))
        }
        trend.append((day.description, Double(standing.count)))
        func state(_ l: DefaulterListing) -> String {
            if let cleared = l.cleared { return "已清零（\(cleared)）" }
            guard let deadline = l.deadline else { return "未定清零期限" }
            return deadline < day ? "逾期未清零（期限\(deadline)，已逾期\(deadline.days(until: day))天）" : "整改中（期限\(deadline)）"
        }
        return Report(
            title: "政务失信专项治理：失信被执行人清零进展", subtitle: "Government bodies listed as judgment defaulters", asOf: day,
            keyFigures: [
                KeyFigure("在列名单（条）", String(standing.count), note: "一个单位可有多条"),
                KeyFigure("已清零", String(listings.count - standing.count)),
                KeyFigure("逾期未清零", String(overdue.count)),
                KeyFigure("在列涉及金额（万元）", "\(amount / 10_000)"),
            ],
            sections: [
                ReportSection(
                    title: "清零进展 Progress to zero",
                    blocks: [
                        .chart(
                            ReportChart(
                                kind: .trend, name: "defaulters-standing",
                                caption: "月末在列条数 Listings standing at month end",
                                labelHeader: "月份 Month", valueHeader: "在列 Standing", points: trend)),
                        .table(
                            ReportTable(
                                name: "defaulter-listings", caption: "失信被执行人名单中的政府机构 Listings",
                                headers: ["单位 Body", "列入日期 Listed", "文书号 Document", "涉及金额（元） Amount", "情况 State"],
                                rows: try listings.map { l in
                                    [
                                        try name(of: l.body), l.listed.description, l.record.documentNumber,
                                        l.amount.map { "\($0)" } ?? "—", state(l),
                                    ]
                                })),
                    ])
            ])
    }
}
