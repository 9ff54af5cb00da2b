import CreditKitCore
import Foundation

/// Debt and arrears in a government body's integrity score (债务与清欠), an indicator of the scoring model. Each
/// arrear that fell due, each project started and each region-year reported counts once; a miss takes its share of
/// the weight, and a new arrear after the no-new-arrears day takes three shares (new arrears weigh heavily). A
/// finding confirmed as a dishonesty record is deducted among the records instead, never twice. A year over its limit
/// or past the restructuring trigger takes two shares, one over the warning line one.
public struct DebtIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `debt.agency`.
    public var id: RuleID { "debt.agency" }
    /// 债务与清欠.
    public var name: LocalizedName { LocalizedName(chinese: "债务与清欠", english: "Debt and arrears") }
    /// 8 points.
    public var weight: Double { 8 }

    /// How many shares a finding of each rule takes; rules not listed take none (the colour lines, the bands'
    /// upper figures, the SME-report finding, which the disclosure indicator counts).
    static let shares: [RuleID: Int] = [
        DebtLaw.newArrears.id: 3, DebtLaw.clearanceLate.id: 1, DebtLaw.wagesLate.id: 2,
        DebtLaw.smePayment.lateRule: 1, DebtLaw.smePayment.unpaidRule: 1, DebtLaw.advanceFunding.id: 1,
        DebtLaw.overLimit.id: 2, DebtLaw.restructuring.id: 2, DebtLaw.ratioWarning.id: 1,
    ]

    /// Scores an agency: full points without debt facts or without anything due.
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
        guard view.kindsSeen.contains(where: { $0.rawValue.hasPrefix("debt.") }) else { return full }
        let assessor = try DebtAssessor(profile: context.profile)
        let years = try ledger.cases(
            DebtYear.self, view: view, owner: subject, asOf: context.asOf, knownAt: context.knownAt)
        let facts = try DebtArrearRules.Agency(
            subject, ledger: ledger, view: view, asOf: context.asOf, knownAt: context.knownAt)
        let due = facts.arrears.filter { ($0.recorded?.due ?? .distantFuture) < context.asOf }.count
        let duties = due + facts.projects.count + years.count
        guard duties > 0 else { return full }
        var findings = try DebtArrearRules(profile: context.profile).findings(for: facts, asOf: context.asOf)
        for y in years {
            guard let figures = y.figures else { continue }
            findings += try assessor.assess(figures, asOf: context.asOf, subject: subject).findings
        }
        // One deduction per arrear, project or year and rule; the heaviest rule counts when several hit one arrear.
        var missed: [String: (Finding, Int)] = [:]
        for f in findings where !view.isDecided(f, asOf: context.asOf) {
            guard let n = Self.shares[f.rule] else { continue }
            let what = f.fact("arrear") ?? f.fact("project") ?? "\(f.fact("region") ?? "")-\(f.fact("year") ?? "")"
            if (missed[what]?.1 ?? 0) < n { missed[what] = (f, n) }
        }
        let share = weight / Double(duties)
        let taken = missed.values.reduce(0) { $0 + $1.1 }
        let points = max(0, weight - share * Double(taken))
        guard context.explain else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: points, items: [], improvements: [])
        }
        let ordered = missed.keys.sorted().map { missed[$0]! }
        // Each item takes what it costs, until the weight is gone: the items add up to the points taken.
        var left = weight
        let items = ordered.map { f, n in
            let taken = min(left, share * Double(n))
            left -= taken
            let what =
                f.fact("arrear").map { " 欠款 \($0)" } ?? f.fact("project").map { " 项目 \($0)" }
                ?? f.fact("year").map { " \($0)年度" } ?? ""
            return IndicatorScore.Item(
                points: -taken, reason: "\(f.title.chinese)（\(f.rule)）" + what, dates: f.dates, evidence: f.evidence)
        }
        var improvements: [IndicatorScore.Improvement] = []
        func improve(_ action: String, _ misses: [(Finding, Int)]) {
            guard !misses.isEmpty else { return }
            let shares = misses.reduce(0) { $0 + $1.1 }
            let evidence = misses.flatMap { $0.0.evidence }
            improvements.append(.init(action: action, points: share * Double(shares), evidence: evidence))
        }
        improve(
            "清偿拖欠企业和农民工的账款，不再发生新的拖欠",
            ordered.filter { $0.0.money("outstanding").map { $0 > 0 } ?? false })
        improve(
            "压减债务规模、控制付息支出，使债务余额不超过限额、债务率回到警戒线以下",
            ordered.filter { Self.yearRules.contains($0.0.rule) })
        improve("按月足额拨付政府投资项目人工费用", ordered.filter { $0.0.rule == DebtLaw.wagesLate.id })
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: points, items: items, improvements: improvements)
    }

    /// The rules judged on a region's year.
    static let yearRules: Set<RuleID> = [DebtLaw.overLimit.id, DebtLaw.restructuring.id, DebtLaw.ratioWarning.id]
}

extension CreditKit {
    /// Local government debt and arrears (地方政府债务与拖欠) on this kit: record the sector's facts in one batch,
    /// read a region's years and an agency's file, judge a figures file.
    ///
    /// ```swift
    /// try await kit.debt.record([DebtYear.report(figures, by: county.id, on: day)])
    /// let file = try kit.debt.file(of: county.id, asOf: day)
    /// ```
    public var debt: DebtDesk { DebtDesk(kit: self) }
}

/// The debt sector's desk on the kit (债务入口): `kit.debt`.
public struct DebtDesk: Sendable {
    /// The kit.
    public let kit: CreditKit

    /// The module, when registered.
    func module() throws {
        guard kit.modules.contains(where: { $0.id == DebtModule.sectorID }) else {
            throw CreditKitError(
                .invalidArgument, "the kit has no debt module registered; add it to CreditKit(modules:)")
        }
    }

    /// Records debt facts in one batch: all of them, or, when one is refused, none.
    /// - Parameter facts: The facts (figures reported, campaigns, arrears, payments, projects, publications).
    /// - Returns: The entries written.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module or for a fact of another sector; the
    ///   ledger's refusal.
    @discardableResult
    public func record(_ facts: [any LedgerEvent]) async throws -> [LedgerEntry] {
        try module()
        for fact in facts where !type(of: fact).kind.rawValue.hasPrefix(DebtModule.sectorID.rawValue + ".") {
            throw CreditKitError(.invalidArgument, "\(type(of: fact).kind) is not a debt fact")
        }
        return try await kit.append(facts)
    }

    /// Every reported region-year assessed as of a day.
    /// - Parameter asOf: The day.
    /// - Returns: The assessments, by region and year.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func assessments(asOf: LocalDate) throws -> [DebtAssessment] {
        try module()
        let assessor = try DebtAssessor(profile: kit.profile)
        return try kit.ledger.cases(DebtYear.self, view: kit.view, asOf: asOf).compactMap { y in
            try y.figures.map {
                try assessor.assess($0, asOf: asOf, subject: y.government, evidence: y.evidence)
            }
        }.sorted { ($0.figures.region, $0.figures.year) < ($1.figures.region, $1.figures.year) }
    }

    /// The debt report as of a day: regions ranked by risk, each region's trend, every agency's arrears.
    /// - Parameter asOf: The day.
    /// - Returns: The report.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func report(asOf: LocalDate) throws -> Report {
        try module()
        return try DebtReport.make(kit, asOf: asOf)
    }

    /// An agency's debt file.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - asOf: The day.
    /// - Returns: The file.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func file(of agency: SubjectID, asOf: LocalDate) throws -> DebtFile {
        try module()
        return try DebtFile.of(agency, in: kit, asOf: asOf)
    }

    /// The debt rules alone, as of a day: the findings not yet confirmed or dismissed.
    /// - Parameter asOf: The day.
    /// - Returns: The findings.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func findings(asOf: LocalDate) throws -> [Finding] {
        try module()
        let view = kit.view
        let context = CheckContext(kit: kit, view: view, asOf: asOf, knownAt: kit.ledger.clock.now())
        return try DebtLedgerCheck().run(context).filter { view.findingDecision($0.key) == nil }
    }
}
