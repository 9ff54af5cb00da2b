import CreditKitCore
import Foundation

/// A purchaser's procurement record as of a day (采购人履约统计): contracts, how many were signed and published on
/// time, how long SMEs waited for their money, what is overdue, and the findings.
public struct PurchaserStatistics: CaseOwnerStatistics, Hashable {
    /// The labels the findings' facts and dates are read with: the core's and the module's.
    static let labels = FactLabels.core.adding(ProcurementModule().factLabels)

    /// The purchaser.
    public var purchaser: SubjectID
    /// The day.
    public var asOf: LocalDate
    /// Projects.
    public var projects: Int
    /// Contracts signed.
    public var contracts: Int
    /// Contracts whose signing was due by the day, and those signed on time.
    public var signingDue = 0, signedOnTime = 0
    /// Contracts whose publication was due by the day, and those published on time.
    public var publicationDue = 0, publishedOnTime = 0
    /// Days from the payment period's start to each payment to an SME.
    public var daysToPay: [Int] = []
    /// What SMEs are owed past the limit, and the interest on it and on late payments.
    public var overdueAmount: Decimal = 0, interestOwed: Decimal = 0
    /// The findings.
    public var findings: [Finding]
    /// How findings were decided, by finding key: `confirmed #<record>` or `dismissed: <reason>`.
    public var decisions: [String: String] = [:]

    /// The share signed on time, or `nil` with none due.
    public var signingRate: Double? { signingDue == 0 ? nil : Double(signedOnTime) / Double(signingDue) }
    /// The share published on time, or `nil` with none due.
    public var publicationRate: Double? {
        publicationDue == 0 ? nil : Double(publishedOnTime) / Double(publicationDue)
    }
    /// The average days to pay.
    public var averageDaysToPay: Double? {
        daysToPay.isEmpty ? nil : Double(daysToPay.reduce(0, +)) / Double(daysToPay.count)
    }
    /// The 90th percentile of days to pay (nearest rank).
    public var p90DaysToPay: Int? {
        guard !daysToPay.isEmpty else { return nil }
        let sorted = daysToPay.sorted()
        return sorted[max(0, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
    }

    /// Computes the statistics over a purchaser's processes.
    /// - Parameters:
    ///   - purchaser: The purchaser.
    ///   - processes: Its processes.
    ///   - rules: The rules.
    ///   - asOf: The day.
    /// - Throws: When the profile lacks a rule's figure.
    public init(
        owner purchaser: SubjectID, cases processes: [ProcurementProcess], rules: ProcurementRules, asOf: LocalDate
    ) throws {
        self.purchaser = purchaser
        self.asOf = asOf
        self.projects = processes.count
        self.findings = try processes.flatMap { try rules.findings(for: $0, asOf: asOf) }
        self.contracts = processes.reduce(0) {
            $0 + $1.contracts.filter { $0.signed.map { $0.on <= asOf } ?? false }.count
        }
        let late = Dictionary(grouping: findings) {
            "\($0.rule)|\($0.fact("project") ?? "")|\($0.fact("contract") ?? "")"
        }
        for p in processes {
            for c in p.contracts {
                func due(_ rule: RuleID, _ from: LocalDate) throws -> LocalDate? {
                    try rules.profile.deadlineInForce(rule, from: from)?.deadline.due
                }
                let key = { (rule: String) in late["\(rule)|\(p.id)|\(c.id)"] == nil }
                if let notice = c.awardNotice, let d = try due(ProcurementLaw.contractLateSigning.id, notice),
                    d < asOf || (c.signed.map { $0.on <= asOf } ?? false)
                {
                    signingDue += 1
                    if key(ProcurementLaw.contractLateSigning.id.rawValue) { signedOnTime += 1 }
                }
                if let signed = c.signed, signed.on <= asOf,
                    let d = try due(ProcurementLaw.contractLatePublication.id, signed.on),
                    d < asOf || (c.published.map { $0.on <= asOf } ?? false)
                {
                    publicationDue += 1
                    if key(ProcurementLaw.contractLatePublication.id.rawValue) { publishedOnTime += 1 }
                }
                if c.paysAnSME, let start = c.paymentTerms.start(asOf: asOf)?.fact {
                    daysToPay += c.payments.compactMap { $0.on }.filter { $0 <= asOf }.map { start.on.days(until: $0) }
                }
            }
        }
        for f in findings {
            if let v = f.money("outstanding") { overdueAmount += v }
            for name in ["interestOwed", "interestAccrued"] {
                if let v = f.money(name) { interestOwed += v }
            }
        }
    }

    /// The report section (采购人履约情况).
    public var section: ReportSection {
        func percent(_ v: Double?) -> String { v.map { ReportFormat.number($0 * 100) + "%" } ?? "—" }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    name: "procurement-purchaser", caption: "采购人履约情况 Purchaser's record as of \(asOf)",
                    headers: ["指标 Measure", "数值 Value"],
                    rows: [
                        ["采购项目 Projects", String(projects)], ["签订合同 Contracts signed", String(contracts)],
                        ["按时签订率 Signed on time", "\(percent(signingRate)) (\(signedOnTime)/\(signingDue))"],
                        [
                            "按时公告率 Published on time",
                            "\(percent(publicationRate)) (\(publishedOnTime)/\(publicationDue))",
                        ],
                        ["平均付款天数 Average days to pay (SMEs)", averageDaysToPay.map(ReportFormat.number) ?? "—"],
                        ["90%付款天数 90th percentile days to pay", p90DaysToPay.map(String.init) ?? "—"],
                        ["逾期未付金额 Overdue unpaid (yuan)", "\(overdueAmount)"],
                        ["应付逾期利息 Late-payment interest owed (yuan)", "\(interestOwed)"],
                    ]))
        ]
        if findings.isEmpty {
            blocks.append(.paragraph("无采购核查线索。No procurement findings."))
        } else {
            blocks.append(
                .table(
                    ReportTable(
                        name: "procurement-findings", caption: "采购核查线索 Procurement findings",
                        headers: ["规则 Rule", "项目 Project", "合同 Contract", "日期 Dates", "事实 Facts", "处理 Decision"],
                        rows: findings.map { f in
                            [
                                "\(f.title.chinese) (\(f.rule))", f.fact("project") ?? "", f.fact("contract") ?? "",
                                f.dates.map { "\(Self.labels.label($0.name)) \($0.date)" }.joined(separator: "，"),
                                f.facts.filter { !["project", "contract", "ocid"].contains($0.name) }
                                    .map(Self.labels.text).joined(separator: "；"),
                                decisions[f.key] ?? "待处理 open",
                            ]
                        })))
        }
        return ReportSection(title: "政府采购 Government procurement", blocks: blocks)
    }
}

/// 采购人履约 (10 points): the share of a purchaser's contract obligations due by the day that it met on time —
/// signing, publication, acceptance and paying SMEs — each one missed taking its share, each named with its rule,
/// dates and entries. A purchaser with no obligations due keeps every point.
public struct PurchaserIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `procurement.purchaser`.
    public var id: RuleID { "procurement.purchaser" }
    /// 采购人履约.
    public var name: LocalizedName { LocalizedName(chinese: "政府采购履约", english: "procurement conduct") }
    /// 10.
    public var weight: Double { 10 }

    static let counted: Set<RuleID> = [
        ProcurementLaw.contractLateSigning.id, ProcurementLaw.contractLatePublication.id,
        ProcurementLaw.acceptanceOverdue.id,
        ProcurementLaw.smePayment.lateRule, ProcurementLaw.smePayment.unpaidRule,
    ]

    /// Scores the purchaser's procurement obligations.
    /// - Parameters:
    ///   - subject: The purchaser.
    ///   - context: The context, with the ledger.
    /// - Returns: The score: full points for a purchaser with no obligation due yet.
    /// - Throws: When the context has no ledger, the facts cannot be read or the profile lacks a figure.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let full = IndicatorScore(
            indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        let processes = try context.requireLedger(for: id).cases(
            ProcurementProcess.self, view: context.view, owner: subject, asOf: context.asOf,
            knownAt: context.knownAt)
        guard !processes.isEmpty else { return full }
        let rules = try ProcurementRules(profile: context.profile)
        let stats = try PurchaserStatistics(
            owner: subject, cases: processes, rules: rules, asOf: context.asOf)
        // Obligations due: signings, publications, acceptances and SME payment periods that ended by the day.
        var obligations = stats.signingDue + stats.publicationDue
        for p in processes {
            for c in p.contracts {
                if let due = c.acceptanceDue, due < context.asOf { obligations += 1 }
                if c.paysAnSME, c.paymentTerms.start(asOf: context.asOf) != nil { obligations += 1 }
            }
        }
        // One miss per rule and contract (a late payment and the rest still unpaid count once); a finding confirmed as
        // a dishonesty record is deducted among the records, so not here again, and a dismissed one is no miss.
        var missed: [String: Finding] = [:]
        for f in stats.findings
        where Self.counted.contains(f.rule) && !context.view.isDecided(f, asOf: context.asOf) {
            let rule = (f.rule == ProcurementLaw.smePayment.unpaidRule ? ProcurementLaw.smePayment.lateRule : f.rule)
                .rawValue
            missed["\(rule)|\(f.fact("project") ?? "")|\(f.fact("contract") ?? "")"] =
                missed[
                    "\(rule)|\(f.fact("project") ?? "")|\(f.fact("contract") ?? "")"] ?? f
        }
        guard obligations > 0 else { return full }
        let share = weight / Double(obligations)
        let points = max(0, weight - share * Double(missed.count))
        guard context.explain else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: points, items: [], improvements: [])
        }
        let ordered = missed.keys.sorted().map { missed[$0]! }
        let items = ordered.map { f in
            IndicatorScore.Item(
                points: -share,
                reason: "\(f.title.chinese)（\(f.rule)）项目 \(f.fact("project") ?? "") 合同 \(f.fact("contract") ?? "")",
                dates: f.dates, evidence: f.evidence)
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: points, items: items, improvements: [])
    }
}
