import CreditKitCore
import Foundation

/// One agency's debt file as of a day (债务档案): the region-years it reported with their assessment, its arrears
/// with what arose, was cleared and stays owed each year, its projects, and the findings with their decisions.
public struct DebtFile: Sendable {
    /// The agency.
    public var agency: SubjectID
    /// The day.
    public var asOf: LocalDate
    /// The assessments of the years it reported, oldest first.
    public var years: [DebtAssessment]
    /// Its arrears.
    public var arrears: [DebtArrear]
    /// Its government investment projects.
    public var projects: [GovernmentProject]
    /// The findings over its years, arrears, projects and publications.
    public var findings: [Finding]
    /// How each finding was decided, by finding key.
    public var decisions: [String: String] = [:]
    /// The lines the debt ratio is drawn against, from the profile.
    public var lines: [ReportChart.Reference]

    /// Whether the agency has no debt facts.
    public var isEmpty: Bool { years.isEmpty && arrears.isEmpty && projects.isEmpty && findings.isEmpty }

    /// Reads an agency's file from the ledger.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The file.
    /// - Throws: Storage errors; a figure the profile lacks.
    public static func of(_ agency: SubjectID, in kit: CreditKit, asOf: LocalDate) throws -> DebtFile {
        let view = kit.view
        let facts = try kit.ledger.caseFacts(
            of: agency, sector: DebtModule.sectorID.rawValue, view: view, asOf: asOf)
        var campaign: DebtCampaign?
        if case .agency(let a)? = view.subject(agency)?.subject {
            campaign = try DebtModule.campaign(
                of: a.region, ledger: kit.ledger, view: view, asOf: asOf, knownAt: .distantFuture)
        }
        return try DebtFile(
            facts, view: view, campaign: campaign, assessor: try DebtAssessor(profile: kit.profile),
            rules: try DebtArrearRules(profile: kit.profile), asOf: asOf)
    }

    /// An agency's file from its facts, read once.
    /// - Parameters:
    ///   - facts: The agency's debt facts.
    ///   - view: The snapshot.
    ///   - campaign: Its region's campaign.
    ///   - assessor: The assessment with the profile's figures.
    ///   - rules: The arrears rules.
    ///   - asOf: The day.
    /// - Throws: A figure the profile lacks.
    public init(
        _ facts: OwnerCaseFacts, view: CoreView, campaign: DebtCampaign?, assessor: DebtAssessor,
        rules: DebtArrearRules, asOf: LocalDate
    ) throws {
        agency = facts.owner
        self.asOf = asOf
        years = try facts.cases(DebtYear.self).compactMap { y in
            try y.figures.map {
                try assessor.assess($0, asOf: asOf, subject: facts.owner, evidence: y.evidence)
            }
        }.sorted { ($0.figures.region, $0.figures.year) < ($1.figures.region, $1.figures.year) }
        let agency = DebtArrearRules.Agency(facts, view: view, campaign: campaign)
        arrears = agency.arrears
        projects = agency.projects
        findings = years.flatMap(\.findings) + (try rules.findings(for: agency, asOf: asOf))
        lines = try DebtReport.lines(assessor.profile, on: asOf)
        decisions = view.decisions(of: findings, asOf: asOf)
    }

    /// What arose, was cleared and stayed owed in each year, from the first due day to the day looked at.
    public var arrearsByYear: [(year: Int, arisen: Decimal, cleared: Decimal, outstanding: Decimal)] {
        let dues = arrears.compactMap { $0.recorded?.due }.filter { $0 <= asOf }
        guard let first = dues.min()?.year else { return [] }
        return (first...asOf.year).map { year in
            let end = min(LocalDate(validYear: year, month: 12, day: 31)!, asOf)
            var arisen = Decimal(0)
            var cleared = Decimal(0)
            var outstanding = Decimal(0)
            for a in arrears {
                guard let r = a.recorded, r.due <= asOf else { continue }
                if r.due.year == year { arisen += r.amount }
                cleared += a.clearances.filter { $0.on.on.year == year && $0.on.on <= asOf }.reduce(0) {
                    $0 + $1.amount
                }
                if r.due <= end { outstanding += a.outstanding(on: end) }
            }
            return (year, arisen, cleared, outstanding)
        }
    }

    /// The file as a report section: the years with their ratios and the trend against the lines, the arrears by
    /// year and one by one, and the findings with their decisions.
    /// - Parameter kit: The kit the creditors' names are read from.
    /// - Returns: The section.
    /// - Throws: When a name cannot be read.
    public func section(names kit: CreditKit) throws -> ReportSection {
        var blocks: [ReportBlock] = []
        if !years.isEmpty {
            blocks.append(.table(DebtReport.yearsTable(years, name: "debt-years")))
            for region in Set(years.map(\.figures.region)).sorted() {
                if let chart = DebtReport.trend(years.filter { $0.figures.region == region }, lines: lines) {
                    blocks.append(.chart(chart))
                }
            }
        }
        if !arrears.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        name: "debt-arrears-by-year", caption: "拖欠账款分年度情况（元） Arrears by year (yuan)",
                        headers: ["年度 Year", "新发生 Arisen", "清偿 Cleared", "年末未清偿 Owed at year end"],
                        rows: arrearsByYear.map {
                            [String($0.year), "\($0.arisen)", "\($0.cleared)", "\($0.outstanding)"]
                        })))
            blocks.append(
                .table(
                    ReportTable(
                        name: "debt-arrears", caption: "拖欠账款明细 Arrears one by one",
                        headers: [
                            "编号 No.", "债权企业 Creditor", "类别 Kind", "约定应付日 Agreed due", "金额 Amount", "未清偿 Owed",
                            "结清日 Cleared",
                        ],
                        rows: try arrears.compactMap { a in
                            guard let r = a.recorded, (a.recordedOn?.on ?? .distantFuture) <= asOf else { return nil }
                            return [
                                a.id.rawValue, try kit.name(of: r.creditor), r.category.chineseName, r.due.description,
                                "\(r.amount)", "\(a.outstanding(on: asOf))",
                                a.clearedInFull(by: asOf)?.on.on.description ?? "未结清 owed",
                            ]
                        })))
        }
        blocks.append(try DebtReport.findingsBlock(findings, decisions: decisions, kit: kit))
        return ReportSection(title: "地方政府债务与拖欠 Debt and arrears", blocks: blocks)
    }
}
