import CreditKitCore
import Foundation

/// The arrears rules (拖欠清理规则) over one agency's arrears, projects and publications as of a day: new arrears
/// after the region's no-new-arrears day, historical arrears not cleared within the term, labour cost not paid
/// monthly, SME payments late or unpaid, projects advance-funded or started without funds, and last year's overdue
/// SME payments not published by 31 March.
public struct DebtArrearRules: Sendable {
    /// The profile, the module's figures added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile; the module's figures are added where it has none.
    /// - Throws: When the module's figures do not fit the profile.
    public init(profile: JurisdictionProfile = .national) throws {
        self.profile = try profile.addingDefaults(DebtLaw.figures)
    }

    /// One agency's debt facts as of a day, with what the rules need from the core's records.
    public struct Agency: Sendable {
        /// The agency.
        public var id: SubjectID
        /// Its region's clearance campaign, if one started.
        public var campaign: DebtCampaign?
        /// Its arrears.
        public var arrears: [DebtArrear]
        /// Its government investment projects.
        public var projects: [GovernmentProject]
        /// Its publications of overdue SME payments.
        public var reports: [SMEOverdueReport]
        /// The creditors that are SMEs, with their names.
        public var smes: [SubjectID: String]

        /// Gathers an agency's facts from the ledger, with its region's campaign.
        /// - Parameters:
        ///   - agency: The agency.
        ///   - ledger: The ledger.
        ///   - view: The snapshot.
        ///   - asOf: The day.
        ///   - knownAt: What the ledger knew.
        /// - Throws: Storage and decoding errors.
        public init(
            _ agency: SubjectID, ledger: Ledger, view: CoreView, asOf: LocalDate, knownAt: Timestamp = .distantFuture
        ) throws {
            let facts = try ledger.caseFacts(
                of: agency, sector: DebtModule.sectorID.rawValue, view: view, asOf: asOf, knownAt: knownAt)
            var campaign: DebtCampaign?
            if case .agency(let a)? = view.subject(agency)?.subject {
                campaign = try DebtModule.campaign(
                    of: a.region, ledger: ledger, view: view, asOf: asOf, knownAt: knownAt)
            }
            self.init(facts, view: view, campaign: campaign)
        }

        /// An agency's facts, read once, with its region's campaign.
        /// - Parameters:
        ///   - facts: The agency's debt facts.
        ///   - view: The snapshot (for the creditors' records).
        ///   - campaign: Its region's campaign, if one started.
        public init(_ facts: OwnerCaseFacts, view: CoreView, campaign: DebtCampaign?) {
            id = facts.owner
            arrears = facts.cases(DebtArrear.self)
            projects = facts.cases(GovernmentProject.self)
            reports = facts.cases(SMEOverdueReport.self)
            self.campaign = campaign
            smes = [:]
            for arrear in arrears {
                guard let creditor = arrear.recorded?.creditor, smes[creditor] == nil,
                    case .enterprise(let e)? = view.subject(creditor)?.subject, e.isSME
                else { continue }
                smes[creditor] = e.name
            }
        }
    }

    /// Every finding for one agency as of a day.
    /// - Parameters:
    ///   - agency: The agency's facts.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func findings(for agency: Agency, asOf: LocalDate) throws -> [Finding] {
        var out: [Finding] = []
        for arrear in agency.arrears { out += try findings(for: arrear, of: agency, asOf: asOf) }
        for project in agency.projects { out += try findings(for: project, asOf: asOf) }
        out += try smeReport(agency, asOf: asOf)
        return out
    }

    func collector(_ subject: SubjectID, lead: [Finding.Fact], evidence: [LedgerEntry.ID], asOf: LocalDate)
        -> FindingCollector
    {
        FindingCollector(
            profile: profile, asOf: asOf, subject: subject, lead: lead, leadEvidence: evidence, absenceCounts: true)
    }

    func findings(for arrear: DebtArrear, of agency: Agency, asOf: LocalDate) throws -> [Finding] {
        guard let r = arrear.recorded, let recordedOn = arrear.recordedOn else { return [] }
        var out = collector(
            arrear.debtor,
            lead: [
                .init("arrear", arrear.id.rawValue), .init("creditor", r.creditor.rawValue),
                .init("category", r.category.rawValue),
            ] + (r.project.map { [.init("project", $0)] } ?? []), evidence: recordedOn.evidence, asOf: asOf)
        let clearanceEvidence = arrear.clearances.filter { $0.on.on <= asOf }.flatMap(\.on.evidence)
        let cleared = arrear.clearedInFull(by: asOf)
        // New arrears: due on or after the no-new-arrears day and not paid in full by the end of the due day.
        if let campaign = agency.campaign, let from = campaign.noNewArrearsFrom, r.due >= from, r.due < asOf,
            arrear.clearedInFull(by: r.due) == nil, let figure = try out.figure(DebtLaw.newArrears.id, on: r.due)
        {
            out.add(
                figure,
                [
                    .money("amount", r.amount), .money("outstandingAtDue", arrear.outstanding(on: r.due)),
                    .money("outstanding", arrear.outstanding(on: asOf)),
                ],
                dates: [.init("noNewArrearsFrom", from), .init("arrearDue", r.due)]
                    + (cleared.map { [.init("clearedInFull", $0.on.on)] } ?? []),
                evidence: (campaign.started?.evidence ?? []) + clearanceEvidence, severity: .serious)
        }
        // Historical arrears: due before the campaign began, to be cleared within the term from its start.
        if let campaign = agency.campaign, let start = campaign.started, r.due < start.on {
            try out.deadline(
                DebtLaw.clearanceLate.id, from: start, named: "campaignStart", done: cleared?.on,
                doneName: "clearedInFull",
                facts: [.money("amount", r.amount), .money("outstanding", arrear.outstanding(on: asOf))],
                evidence: clearanceEvidence)
        }
        // Labour cost: each month's paid in full within a month after the month worked.
        if r.category == .wages, let month = r.workMonth {
            let monthEnd = month.adding(months: 1).adding(days: -1)
            try out.deadline(
                DebtLaw.wagesLate.id, from: DatedFact(monthEnd, evidence: recordedOn.evidence), named: "monthEnd",
                done: cleared?.on, doneName: "paidInFull",
                facts: [
                    .date("workMonth", month), .money("amount", r.amount),
                    .money("outstanding", arrear.outstanding(on: asOf)),
                ], evidence: clearanceEvidence)
        }
        // Goods, services and works owed to an SME: the SME payment rule, from delivery.
        if r.category != .wages, let delivered = r.delivered, let name = agency.smes[r.creditor] {
            var contract = CaseContract(id: arrear.id.rawValue)
            contract.suppliers = [Counterparty(name: name, identifier: nil, isSME: true)]
            contract.amount = r.amount
            contract.paymentTermDays = r.agreedTermDays
            contract.deliveries = [DatedFact(delivered, evidence: recordedOn.evidence)]
            contract.payments = arrear.clearances.map {
                .init(on: $0.on.on, amount: $0.amount, evidence: $0.on.evidence)
            }
            contract.evidence = recordedOn.evidence
            try out.smePayment(DebtLaw.smePayment, contract: contract)
        }
        return out.findings
    }

    func findings(for project: GovernmentProject, asOf: LocalDate) throws -> [Finding] {
        guard let s = project.started, let on = project.startedOn, on.on <= asOf,
            !s.fundsInPlace || s.contractorAdvance
        else { return [] }
        var out = collector(
            project.agency, lead: [.init("project", project.id.rawValue)], evidence: on.evidence, asOf: asOf)
        guard let figure = try out.figure(DebtLaw.advanceFunding.id, on: on.on) else { return [] }
        out.add(
            figure,
            [
                .init("name", s.name), .init("fundsInPlace", s.fundsInPlace ? "yes" : "no"),
                .init("contractorAdvance", s.contractorAdvance ? "yes" : "no"),
            ], dates: [.init("started", on.on)], evidence: [], severity: .ordinary)
        return out.findings
    }

    /// Each year at whose end an SME arrear stood overdue and unpaid brings a publication due by the core's figure
    /// (31 March) of the next year; none by then, or a late one, is a finding under the debt id.
    func smeReport(_ agency: Agency, asOf: LocalDate) throws -> [Finding] {
        var years: [Int: (contracts: Int, amount: Decimal, evidence: [LedgerEntry.ID])] = [:]
        for arrear in agency.arrears {
            guard let r = arrear.recorded, r.category != .wages, agency.smes[r.creditor] != nil,
                let recordedOn = arrear.recordedOn
            else { continue }
            var year = r.due.year
            while let end = LocalDate(validYear: year, month: 12, day: 31), end < asOf {
                let owed = arrear.outstanding(on: end)
                if r.due <= end, owed > 0, recordedOn.on <= end {
                    years[year, default: (0, 0, [])].contracts += 1
                    years[year]!.amount += owed
                    years[year]!.evidence += recordedOn.evidence
                }
                if owed == 0 { break }
                year += 1
            }
        }
        var out: [Finding] = []
        for (year, owed) in years.sorted(by: { $0.key < $1.key }) {
            guard let yearEnd = LocalDate(validYear: year, month: 12, day: 31),
                var figure = try profile.figureInForce(CoreLaw.disclosureSmeOverdueReport.id, on: yearEnd)
            else { continue }
            let code = NSDecimalNumber(decimal: figure.figure.value).intValue
            guard let due = LocalDate(validYear: year + 1, month: code / 100, day: code % 100) else {
                throw CreditKitError(
                    .invalidArgument, "\(figure.rule): the figure \(figure.figure) is not a day of the year")
            }
            let published = agency.reports.first { $0.id == SMEOverdueReport.number(year) }?.published
            guard asOf > due, published.map({ $0.on > due }) ?? true else { continue }
            figure.rule = DebtLaw.smeReportMissing.id
            figure.title = DebtLaw.smeReportMissing.title
            var c = collector(agency.id, lead: [.count("year", year)], evidence: [], asOf: asOf)
            c.add(
                figure,
                [.count("contracts", owed.contracts), .money("amount", owed.amount)]
                    + (published == nil ? [.init("published", "no")] : []),
                dates: [.init("due", due)] + (published.map { [.init("published", $0.on)] } ?? []),
                evidence: owed.evidence + (published?.evidence ?? []))
            out += c.findings
        }
        return out
    }
}

/// The debt rules over the ledger (债务核查): every reported region-year assessed, and every agency's arrears,
/// projects and publications judged against its region's clearance campaign.
public struct DebtLedgerCheck: IntegrityCheck {
    /// Makes the check.
    public init() {}

    /// Every rule the check may report.
    public var rules: [RuleID] { DebtLaw.all.map(\.id) }

    /// Judges every region-year and every agency with debt facts.
    /// - Parameter context: The kit and the day.
    /// - Returns: The findings.
    /// - Throws: Storage and decoding errors; a figure the profile lacks.
    public func run(_ context: CheckContext) throws -> [Finding] {
        let ledger = context.kit.ledger
        let view = context.view
        let assessor = try DebtAssessor(profile: context.profile)
        let rules = try DebtArrearRules(profile: context.profile)
        let read = try DebtModule.readAll(ledger: ledger, view: view, asOf: context.asOf, knownAt: context.knownAt)
        var out: [Finding] = []
        for facts in read.agencies {
            for year in facts.cases(DebtYear.self) {
                guard let figures = year.figures else { continue }
                out += try assessor.assess(
                    figures, asOf: context.asOf, subject: year.government, evidence: year.evidence
                ).findings
            }
            out += try rules.findings(
                for: DebtArrearRules.Agency(facts, view: view, campaign: read.campaign(of: facts.owner, view: view)),
                asOf: context.asOf)
        }
        return out
    }
}
