import CreditKitCore
import Foundation

/// An agency's record with investors as of a day (招商引资履约情况): its agreements and promises, how many fell due
/// and were kept on time, the money still owed, changes lawful and unlawful, the complaints it handled, and the
/// findings with their decisions.
public struct InvestmentRecord: Sendable {
    /// The agency.
    public var agency: SubjectID
    /// The day.
    public var asOf: LocalDate
    /// Its agreements, as of the day.
    public var agreements: [InvestmentAgreement]
    /// The complaints it handled.
    public var complaints: [InvestorComplaint]
    /// The findings over its agreements and complaints.
    public var findings: [Finding]
    /// How each finding was decided, by finding key.
    public var decisions: [String: String] = [:]

    /// Reads an agency's record from the ledger.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The record.
    /// - Throws: Storage errors; a figure the profile lacks.
    public static func of(_ agency: SubjectID, in kit: CreditKit, asOf: LocalDate) throws -> InvestmentRecord {
        let view = kit.view
        let facts = try kit.ledger.caseFacts(
            of: agency, sector: InvestmentPromotionModule.sectorID.rawValue, view: view, asOf: asOf)
        let agreements = facts.cases(InvestmentAgreement.self)
        let complaints = facts.cases(InvestorComplaint.self)
        let rules = try InvestmentRules.of(kit, view: view)
        let complaintRules = try InvestorComplaintRules(profile: kit.profile)
        var record = InvestmentRecord(
            agency: agency, asOf: asOf, agreements: agreements, complaints: complaints,
            findings: try agreements.flatMap { try rules.findings(for: $0, asOf: asOf) }
                + complaints.flatMap { try complaintRules.findings(for: $0, asOf: asOf) })
        record.decisions = view.decisions(of: record.findings, asOf: asOf)
        return record
    }

    /// The promises made by the day.
    public var promises: [InvestmentAgreement.Promise] {
        agreements.flatMap(\.promises).filter { $0.made.on <= asOf }
    }

    /// Promises that fell due by the day (their day passed), or that were withdrawn for a reason the law does not
    /// recognise (a breach, counted as due and not kept); a lawful withdrawal takes a promise out.
    public var due: [InvestmentAgreement.Promise] {
        agreements.flatMap { a in
            a.promises.filter { p in
                guard p.made.on <= asOf else { return false }
                if let withdrawn = p.withdrawn(by: asOf) { return !withdrawn.change.lawfulOnItsFace }
                guard let due = p.due(on: asOf), due < asOf else { return false }
                // Withheld after the investor's own default: not a promise the agency had to keep.
                return a.investorDefault(by: due, setBy: p.facts.made(p.made.on)) == nil
            }
        }
    }

    /// Of those, fulfilled by their due day.
    public var keptOnTime: Int {
        due.filter { p in p.completed(by: asOf).map { $0.on.on <= p.due(on: asOf)! } ?? false }.count
    }

    /// The share of promises due that were kept on time, or `nil` when none fell due.
    public var fulfilmentRate: Double? { due.isEmpty ? nil : Double(keptOnTime) / Double(due.count) }

    /// Subsidies and rewards promised and due (or withdrawn unlawfully), not yet paid, in yuan: the money the
    /// agency owes investors. Other promises with an amount (a fee waived, tax forgone) are not payments.
    public var owed: Decimal {
        due.filter { $0.facts.category == .subsidy && $0.completed(by: asOf) == nil }.reduce(Decimal(0)) { sum, p in
            sum + max(0, (p.facts.amount ?? 0) - p.paid(by: asOf))
        }
    }

    /// Changes and withdrawals by the day, and how many of them a finding calls unlawful.
    public var changes: (all: Int, unlawful: Int) {
        let all = promises.flatMap(\.changes).filter { $0.on.on <= asOf }.count
        let unlawful = findings.filter { $0.rule == InvestmentLaw.unlawfulChange.id }.count
        return (all, unlawful)
    }

    /// Complaints received by the day, and how many were forwarded and answered in time.
    public var complaintsOnTime: (all: Int, onTime: Int) {
        let received = complaints.filter { ($0.receivedOn?.on ?? .distantFuture) <= asOf }
        let late = Set(
            findings.filter { InvestorComplaintRules.ids.contains($0.rule) }.compactMap { $0.fact("complaint") })
        return (received.count, received.filter { !late.contains($0.id.rawValue) }.count)
    }

    /// The labels the findings' dates are read with: the core's and the module's.
    static let labels = FactLabels.core.adding(InvestmentPromotionModule().factLabels)

    /// The record as a report section: the measures, every promise with its state, and the findings.
    /// - Parameter kit: The kit the investors' names are read from.
    /// - Returns: The section.
    /// - Throws: When a name cannot be read.
    public func section(names kit: CreditKit) throws -> ReportSection {
        let rate = fulfilmentRate.map { ReportFormat.number($0 * 100) + "%" } ?? "—"
        var rows: [[String]] = [
            ["协议 Agreements", String(agreements.count)], ["承诺事项 Promises", String(promises.count)],
            ["到期承诺 Due", String(due.count)], ["按期兑现率 Kept on time", "\(rate) (\(keptOnTime)/\(due.count))"],
            ["到期未兑付奖补（元） Subsidies owed (yuan)", "\(owed)"],
            ["变更、撤回（其中违法） Changes (unlawful)", "\(changes.all)（\(changes.unlawful)）"],
        ]
        if agreements.isEmpty { rows = [] }
        if !complaints.isEmpty {
            rows.append(["受理投诉（按时办理） Complaints (in time)", "\(complaintsOnTime.all)（\(complaintsOnTime.onTime)）"])
        }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    name: "investment-agency-\(agency.rawValue)",
                    caption: "招商引资履约情况 Promises to investors as of \(asOf)",
                    headers: ["指标 Measure", "数值 Value"], rows: rows))
        ]
        if !agreements.isEmpty {
            blocks.append(
                .table(
                    try InvestmentRegistry.table(
                        agreements, asOf: asOf, kit: kit, name: "investment-promises-\(agency.rawValue)")))
        }
        if findings.isEmpty {
            blocks.append(.paragraph("无招商引资核查线索。No investment findings."))
        } else {
            blocks.append(
                .table(
                    ReportTable(
                        name: "investment-findings-\(agency.rawValue)", caption: "招商引资核查线索 Findings",
                        headers: ["规则 Rule", "协议/投诉 Case", "承诺 Promise", "日期 Dates", "处理 Decision"],
                        rows: findings.map { f in
                            [
                                "\(f.title.chinese)（\(f.rule)）", f.fact("agreement") ?? f.fact("complaint") ?? "",
                                f.fact("promise") ?? "",
                                f.dates.map { "\(Self.labels.label($0.name)) \($0.date)" }.joined(
                                    separator: "，"),
                                decisions[f.key] ?? "待处理 open",
                            ]
                        })))
        }
        return ReportSection(title: "招商引资 Investment promotion", blocks: blocks)
    }
}

/// The public registry of promises to investors (政府招商引资承诺事项台账), for the credit website: every promise
/// with its agency, investor, category, due day and state, and the official who signed the agreement with the name
/// masked.
public enum InvestmentRegistry {
    /// A name as the public registry shows it: the first character, the rest masked (`王**`).
    /// - Parameter name: The name.
    /// - Returns: The masked name.
    public static func masked(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// A promise's state on a day, in Chinese.
    /// - Parameters:
    ///   - p: The promise.
    ///   - a: Its agreement (for the investor's default).
    ///   - asOf: The day.
    /// - Returns: 已兑现, 逾期兑现, 逾期未兑现, 投资方违约，暂缓兑现, 未到期, 已变更，未到期, 未定期限, 已撤回.
    public static func state(_ p: InvestmentAgreement.Promise, of a: InvestmentAgreement, asOf: LocalDate) -> String {
        if p.withdrawn(by: asOf) != nil { return "已撤回" }
        let due = p.due(on: asOf)
        if let done = p.completed(by: asOf) { return due.map { done.on.on > $0 ? "逾期兑现" : "已兑现" } ?? "已兑现" }
        guard let due else { return "未定期限" }
        if due < asOf {
            return a.investorDefault(by: due, setBy: p.facts.made(p.made.on)) == nil ? "逾期未兑现" : "投资方违约，暂缓兑现"
        }
        return p.changes.contains { $0.on.on <= asOf } ? "已变更，未到期" : "未到期"
    }

    /// The promises of some agreements as a table.
    /// - Parameters:
    ///   - agreements: The agreements.
    ///   - asOf: The day.
    ///   - kit: The kit the names are read from.
    ///   - name: The table's file-name stem.
    /// - Returns: The table.
    /// - Throws: When a name cannot be read.
    public static func table(_ agreements: [InvestmentAgreement], asOf: LocalDate, kit: CreditKit, name: String) throws
        -> ReportTable
    {
        var rows: [[String]] = []
        for a in agreements {
            guard let signed = a.signed else { continue }
            let signer = try signed.signedBy.map { masked(try kit.displayName(of: $0)) } ?? "未记录"
            for p in a.promises where p.made.on <= asOf {
                rows.append([
                    try kit.name(of: a.agency), try kit.name(of: signed.investor), a.id.rawValue, p.facts.promise,
                    p.facts.category.chineseName, p.facts.terms, p.facts.amount.map { "\($0)" } ?? "—",
                    p.due(on: asOf)?.description ?? "—", state(p, of: a, asOf: asOf), signer,
                ])
            }
        }
        return ReportTable(
            name: name, caption: "招商引资承诺事项台账 Promises to investors",
            headers: ["承诺单位", "投资方", "协议", "承诺", "类别", "内容", "金额（元）", "兑现期限", "状态", "签约人"], rows: rows)
    }

    /// The registry as a report.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a name that cannot be read.
    public static func report(_ kit: CreditKit, asOf: LocalDate) throws -> Report {
        let agreements = try kit.ledger.cases(InvestmentAgreement.self, view: kit.view, asOf: asOf)
        let table = try table(agreements, asOf: asOf, kit: kit, name: "investment-registry")
        let states = table.rows.map { $0[8] }
        return Report(
            title: "政府招商引资承诺事项台账", subtitle: "Public registry of promises to investors", asOf: asOf,
            keyFigures: ["已兑现", "逾期兑现", "逾期未兑现", "未到期", "未定期限", "已撤回"].map { s in
                KeyFigure(s, String(states.filter { $0 == s }.count))
            } + [KeyFigure("承诺事项", String(table.rows.count))],
            sections: [ReportSection(title: "承诺事项 Promises", blocks: [.table(table)])])
    }
}

/// The investment report of a kit's ledger as of a day (招商引资履约报告): each agency's record, the county ranking
/// by promises kept on time, and every finding. `creditkit report --kind investment`.
public enum InvestmentReport {
    /// Makes the report.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a figure the profile lacks; a name that cannot be read.
    public static func make(_ kit: CreditKit, asOf: LocalDate) throws -> Report {
        let view = kit.view
        var records: [InvestmentRecord] = []
        for agency in view.subjects(ofKind: .agency, asOf: asOf) {
            let record = try InvestmentRecord.of(agency.subject.id, in: kit, asOf: asOf)
            if !record.agreements.isEmpty || !record.complaints.isEmpty { records.append(record) }
        }
        // Ranked by the share kept on time (those with nothing due last), then by name.
        let ranked = try records.filter { !$0.agreements.isEmpty }.map { ($0, try kit.name(of: $0.agency)) }.sorted {
            switch ($0.0.fulfilmentRate, $1.0.fulfilmentRate) {
            case (let a?, let b?) where a != b: return a > b
            case (_?, nil): return true
            case (nil, _?): return false
            default: return $0.1 < $1.1
            }
        }
        var sections = [
            ReportSection(
                title: "按期兑现排名 Ranking by promises kept",
                blocks: [
                    .chart(
                        ReportChart(
                            kind: .bar, name: "investment-ranking", caption: "承诺按期兑现率（%） Promises kept on time",
                            labelHeader: "单位 Agency", valueHeader: "按期兑现率 % Kept",
                            points: ranked.map { ($0.1, ($0.0.fulfilmentRate ?? 0) * 100) }, maximum: 100)),
                    .paragraph(
                        "列出签有协议的单位；尚无到期承诺的按0%列于最后。Agencies with agreements; those with nothing due yet are "
                            + "listed last at 0%."),
                ])
        ]
        for record in records {
            var section = try record.section(names: kit)
            section.title = "\(try kit.name(of: record.agency)) \(section.title)"
            sections.append(section)
        }
        let promises = records.flatMap(\.promises)
        let due = records.reduce(0) { $0 + $1.due.count }
        let kept = records.reduce(0) { $0 + $1.keptOnTime }
        return Report(
            title: "招商引资承诺履约报告", subtitle: "Investment promotion: promises to investors", asOf: asOf,
            keyFigures: [
                KeyFigure("协议", String(records.reduce(0) { $0 + $1.agreements.count })),
                KeyFigure("承诺事项", String(promises.count)), KeyFigure("到期承诺", String(due)),
                KeyFigure("按期兑现", String(kept)),
                KeyFigure("到期未兑付奖补（元）", "\(records.reduce(Decimal(0)) { $0 + $1.owed })"),
                KeyFigure("核查线索", String(records.reduce(0) { $0 + $1.findings.count })),
            ],
            sections: sections)
    }
}

/// An agency's conduct towards investors beyond the promises the core counts (招商引资诚信), an indicator of the
/// scoring model. The promises are the core's commitments, so whether they were kept on time counts in the core's
/// commitment indicator, once; this one takes a share for each unlawful change that is not a withdrawal (a
/// withdrawal for a prohibited reason is a breach there), each incentive without a legal basis, without review or
/// tied to registration or tax, each late payment of promised money and each complaint handled late.
public struct InvestmentIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `investment.agency`.
    public var id: RuleID { "investment.agency" }
    /// 招商引资诚信.
    public var name: LocalizedName { LocalizedName(chinese: "招商引资诚信", english: "integrity towards investors") }
    /// 6 points.
    public var weight: Double { 6 }

    /// Scores an agency: full points without agreements or complaints.
    /// - Parameters:
    ///   - subject: The agency.
    ///   - context: The evaluation's context.
    /// - Returns: The score, each deduction with its finding's rule, dates and evidence when explained.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let full = IndicatorScore(
            indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        let ledger = try context.requireLedger(for: id)
        let view = context.view
        let facts = try ledger.caseFacts(
            of: subject, sector: InvestmentPromotionModule.sectorID.rawValue, view: view, asOf: context.asOf,
            knownAt: context.knownAt)
        let agreements = facts.cases(InvestmentAgreement.self)
        let complaints = facts.cases(InvestorComplaint.self)
        let duties = agreements.flatMap(\.promises).filter { $0.made.on <= context.asOf }.count + complaints.count
        guard duties > 0 else { return full }
        let rules = try InvestmentRules.of(context.profile, view: view)
        let findings =
            try agreements.flatMap { try rules.findings(for: $0, asOf: context.asOf) }
            + complaints.flatMap {
                try InvestorComplaintRules(profile: context.profile).findings(for: $0, asOf: context.asOf)
            }
        let counted = findings.filter { f in
            guard !view.isDecided(f, asOf: context.asOf) else { return false }
            switch f.rule {
            case InvestmentLaw.overdue.id: return false
            case InvestmentLaw.unlawfulChange.id: return f.fact("change") == "changed"
            default: return true
            }
        }
        let share = weight / Double(duties)
        var left = weight
        let items = counted.map { f in
            let taken = min(left, share)
            left -= taken
            return IndicatorScore.Item(
                points: -taken,
                reason: "\(f.title.chinese)（\(f.rule)）"
                    + (f.fact("promise").map { " 承诺 \($0)" } ?? f.fact("complaint").map { " 投诉 \($0)" } ?? ""),
                dates: f.dates, evidence: f.evidence)
        }
        let points = max(0, weight - share * Double(counted.count))
        guard context.explain else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: points, items: [], improvements: [])
        }
        var improvements: [IndicatorScore.Improvement] = []
        let incentives = counted.filter { $0.rule.rawValue.hasPrefix("investment.incentive.") }
        if !incentives.isEmpty {
            improvements.append(
                .init(
                    action: "对招商引资优惠政策开展公平竞争审查，清理无依据的优惠", points: share * Double(incentives.count),
                    evidence: incentives.flatMap(\.evidence)))
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: points, items: items, improvements: improvements)
    }
}
