import CreditKitCore
import Foundation

/// A tenderer's record as of a day (招标人履责统计): tenders, those the law requires, contracts signed on time, and
/// every finding with its decision.
public struct TendererStatistics: CaseOwnerStatistics, Hashable {
    /// The labels the findings' facts and dates are read with: the core's and the module's.
    static let labels = FactLabels.core.adding(BiddingModule().factLabels)

    /// The tenderer.
    public var tenderer: SubjectID
    /// The day.
    public var asOf: LocalDate
    /// Tenders, and those the law requires.
    public var tenders: Int, mandatory: Int
    /// Obligations due by the day and those met on time (signing, report, publicity, objection replies, bond refunds,
    /// SME payments).
    public var obligations: Int, met: Int
    /// The findings.
    public var findings: [Finding]
    /// How findings were decided, by key.
    public var decisions: [String: String] = [:]

    static let counted: Set<RuleID> = [
        BiddingLaw.contractLateSigning.id, BiddingLaw.reportLate.id, BiddingLaw.candidatesLatePublicity.id,
        BiddingLaw.objectionLateReply.id, BiddingLaw.bondLateRefund.id, BiddingLaw.smePayment.lateRule,
        BiddingLaw.smePayment.unpaidRule,
    ]

    /// Computes the statistics.
    /// - Parameters:
    ///   - tenderer: The tenderer.
    ///   - processes: Its tenders.
    ///   - rules: The rules.
    ///   - asOf: The day.
    /// - Throws: When the profile lacks a rule's figure.
    public init(owner tenderer: SubjectID, cases processes: [BiddingProcess], rules: BiddingRules, asOf: LocalDate)
        throws
    {
        self.tenderer = tenderer
        self.asOf = asOf
        tenders = processes.count
        mandatory =
            try processes.filter { try $0.isMandatory(profile: rules.profile, on: $0.documentsIssued?.on ?? asOf) }
            .count
        findings = try processes.flatMap { try rules.findings(for: $0, asOf: asOf) }.filter { $0.subject == tenderer }
        var due = 0
        for p in processes {
            let required = try p.isMandatory(profile: rules.profile, on: p.documentsIssued?.on ?? asOf)
            due += p.contracts.filter { $0.awardNotice.map { $0 <= asOf } ?? false }.count
            due += p.objections.filter { $0.received.on <= asOf }.count
            if required, p.winnerDetermined != nil || p.awardNotice != nil { due += 1 }
            if required, p.evaluationReport != nil { due += 1 }
            if !p.contracts.filter({ $0.signed != nil }).isEmpty { due += p.bidBonds.count }
            due +=
                p.contracts.filter { $0.suppliers.contains(where: \.isSME) && $0.paymentTerms.start(asOf: asOf) != nil }
                .count
        }
        var missed: Set<String> = []
        for f in findings where Self.counted.contains(f.rule) { missed.insert(Self.missKey(f)) }
        obligations = due
        met = max(0, due - missed.count)
    }

    /// The obligation a counted finding is a miss of: a late payment and the rest still unpaid count once.
    static func missKey(_ f: Finding) -> String {
        let rule = (f.rule == BiddingLaw.smePayment.unpaidRule ? BiddingLaw.smePayment.lateRule : f.rule).rawValue
        return [rule, f.fact("project"), f.fact("contract"), f.fact("objection"), f.fact("tenderer")].map { $0 ?? "" }
            .joined(separator: "|")
    }

    /// The report section (招标人履责情况).
    public var section: ReportSection {
        ReportSection(
            title: "招标投标 Bidding",
            blocks: [
                .table(
                    ReportTable(
                        name: "bidding-tenderer", caption: "招标人履责情况 Tenderer's record as of \(asOf)",
                        headers: ["指标 Measure", "数值 Value"],
                        rows: [
                            ["招标项目 Tenders", String(tenders)], ["依法必须招标 Required by law", String(mandatory)],
                            ["到期义务 Obligations due", String(obligations)], ["按时履行 Met on time", String(met)],
                        ])),
                findings.isEmpty
                    ? .paragraph("无招标投标核查线索。No bidding findings.")
                    : .table(
                        ReportTable(
                            name: "bidding-findings", caption: "招标投标核查线索 Bidding findings",
                            headers: ["规则 Rule", "项目 Project", "日期 Dates", "事实 Facts", "处理 Decision"],
                            rows: findings.map { f in
                                [
                                    "\(f.title.chinese) (\(f.rule))", f.fact("project") ?? "",
                                    f.dates.map { "\(Self.labels.label($0.name)) \($0.date)" }.joined(separator: "，"),
                                    f.facts.filter { !["project", "ocid"].contains($0.name) }
                                        .map(Self.labels.text).joined(separator: "；"),
                                    decisions[f.key] ?? "待处理 open",
                                ]
                            })),
            ])
    }
}

/// 招标人履责 (10 points): the share of a tenderer's obligations due by the day that it met on time (signing, the
/// report to the supervisor, the candidates' publicity, objection replies, bond refunds, paying SMEs for works).
public struct TendererIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `bidding.tenderer`.
    public var id: RuleID { "bidding.tenderer" }
    /// 招标人履责.
    public var name: LocalizedName { LocalizedName(chinese: "招标投标履责", english: "conduct as a tenderer") }
    /// 10.
    public var weight: Double { 10 }

    /// Scores the tenderer.
    /// - Parameters:
    ///   - subject: The tenderer.
    ///   - context: The context, with the ledger.
    /// - Returns: The score: full points for a tenderer with no obligation due yet.
    /// - Throws: When the context has no ledger, the facts cannot be read or the profile lacks a figure.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let processes = try context.requireLedger(for: id).cases(
            BiddingProcess.self, view: context.view, owner: subject, asOf: context.asOf,
            knownAt: context.knownAt)
        guard !processes.isEmpty else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        }
        let stats = try TendererStatistics(
            owner: subject, cases: processes, rules: BiddingRules(profile: context.profile), asOf: context.asOf)
        guard stats.obligations > 0 else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        }
        let share = weight / Double(stats.obligations)
        // A miss confirmed as a dishonesty record is deducted among the records, so not here again; a dismissed one is none.
        let deducted = stats.findings.filter {
            TendererStatistics.counted.contains($0.rule) && !context.view.isDecided($0, asOf: context.asOf)
        }
        let items =
            context.explain
            ? deducted.map { f in
                IndicatorScore.Item(
                    points: -share, reason: "\(f.title.chinese)（\(f.rule)）项目 \(f.fact("project") ?? "")",
                    dates: f.dates,
                    evidence: f.evidence)
            } : []
        return IndicatorScore(
            indicator: id, name: name, weight: weight,
            points: share * Double(max(0, stats.obligations - Set(deducted.map(TendererStatistics.missKey)).count)),
            items: items, improvements: []
        )
    }
}
