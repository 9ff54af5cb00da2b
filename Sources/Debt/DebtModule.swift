import CreditKitCore
import Foundation

/// The local government debt sector module (地方政府债务与拖欠): each region's debt against its limits and its
/// fiscal resources by year (debt ratio, risk colour, restructuring trigger, overdue bands, emergency level), and the
/// ledger of arrears to enterprises and migrant workers with the clearance campaign that judges them.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.debt])`. It contributes its ledger facts
/// (``DebtFacts``), its rules' figures (``DebtLaw``), ``DebtLedgerCheck``, the ``DebtIndicator``, the `debt`
/// report, two CSV layouts (`debt-figures`, `debt-arrears`) and the command `creditkit debt assess`.
public struct DebtModule: SectorModule {
    /// The sector's identifier, `debt`.
    public static let sectorID: SectorID = "debt"

    /// Makes the module.
    public init() {}

    /// The Chinese labels of the module's findings' facts (事实标签).
    public var factLabels: FactLabels {
        FactLabels(
            names: [
                // Facts.
                "regionName": "地区", "year": "年度", "debt": "债务类别", "balance": "债务余额", "limit": "限额", "excess": "超出",
                "debtRatio": "债务率（%）", "colour": "风险等级", "fiscalResources": "综合财力",
                "generalInterestRatio": "一般债务付息占比（%）", "specialInterestRatio": "专项债务付息占比（%）",
                "generalInterest": "一般债务付息支出", "specialInterest": "专项债务付息支出", "generalExpenditure": "一般公共预算支出",
                "fundExpenditure": "政府性基金预算支出", "overdueRatio": "逾期债务率（%）", "band": "风险区间", "overdue": "逾期债务",
                "level": "应急等级", "restructuring": "财政重整", "arrear": "欠款编号", "creditor": "债权企业", "category": "款项类别",
                "project": "项目", "amount": "金额", "outstanding": "未清偿", "outstandingAtDue": "到期未付", "region": "地区代码",
                "workMonth": "工资所属月份", "daysLate": "逾期天数", "state": "状态", "name": "名称", "fundsInPlace": "资金落实",
                "contractorAdvance": "要求垫资", "contracts": "合同数", "contract": "合同编号", "term": "付款期限",
                "latePayments": "逾期支付笔数", "lateAmount": "逾期支付金额", "interestOwed": "应付利息", "interestAccrued": "已产生利息",
                // Dates (and `published`, which is also a fact).
                "judged": "评估日", "due": "截止日", "arrearDue": "应付日", "noNewArrearsFrom": "不得新增拖欠起始日",
                "clearedInFull": "结清", "campaignStart": "清欠启动", "monthEnd": "工资所属月末", "paidInFull": "足额拨付",
                "started": "开工", "published": "公开", "delivered": "交付", "acceptance": "验收", "paid": "支付",
            ],
            values: [
                "*": [
                    "general": "一般债务", "special": "专项债务", "green": "绿色", "yellow": "黄色", "orange": "橙色", "red": "红色",
                    "elementary": "初级", "intermediate": "中级", "severe": "严重", "IV": "Ⅳ级（一般）", "III": "Ⅲ级（较大）",
                    "II": "Ⅱ级（重大）", "I": "Ⅰ级（特大）", "triggered": "触发", "yes": "是", "no": "否", "goods": "货物款",
                    "services": "服务款", "works": "工程款", "wages": "农民工工资", "not yet": "尚未履行",
                ]
            ])
    }

    /// `debt`.
    public var id: SectorID { Self.sectorID }

    /// 地方政府债务 (Local government debt).
    public var name: LocalizedName { LocalizedName(chinese: "地方政府债务", english: "Local government debt") }

    /// The debt facts.
    public var eventTypes: [any LedgerEvent.Type] { DebtFacts.all.map { $0.eventType } }

    /// The debt rules over the ledger.
    public var checks: [any IntegrityCheck] { [DebtLedgerCheck()] }

    /// The debt rules, each declared once with its figures.
    public var rules: [RuleDeclaration] { DebtLaw.all }

    /// Arrears and the region's debt in the government's integrity score.
    public var indicators: [any Indicator] { [DebtIndicator()] }

    /// `debt`: every region's debt by year, the ranking by risk and the arrears (``DebtReport``).
    public var reports: [ModuleReport] {
        [
            ModuleReport(kind: "debt", summary: "local government debt: regions by risk, limits, arrears (地方政府债务)") {
                kit, _, asOf in try DebtReport.make(kit, asOf: asOf)
            }
        ]
    }

    /// The debt section of an agency's credit file: its region's years when it reports them, and its arrears.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The section, or none for a subject without debt facts.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func reportSections(_ context: ReportContext) throws -> [ReportSection] {
        let file = try DebtFile.of(context.subject, in: context.kit, asOf: context.asOf)
        return file.isEmpty ? [] : [try file.section(names: context.kit)]
    }

    /// The figures by region and year (`debt-figures`) and the arrears (`debt-arrears`).
    public var csvLayouts: [ModuleCSVLayout] { [DebtCSV.figuresLayout, DebtCSV.arrearsLayout] }

    /// `creditkit debt assess FILE.csv`.
    public var tools: [ModuleTool] { [DebtAssessTool.tool] }

    /// A region's year reported and corrected, its campaign started, an arrear to an SME recorded and paid in part, a project
    /// started with its funds in place, and the year's SME report published.
    /// - Parameter subjects: The agency (of region 130302) and the creditor enterprise.
    /// - Returns: The events.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
        let region = RegionCode.sample
        let day = { (n: Int) in subjects.day.adding(days: n) }
        let figures = DebtYearFigures(
            region: region, regionName: "样例区", year: subjects.day.year - 1, generalBalance: 80_000,
            specialBalance: 40_000, generalLimit: 90_000, specialLimit: 45_000, fiscalResources: 110_000,
            generalExpenditure: 300_000, fundExpenditure: 60_000, generalInterest: 2_500, specialInterest: 1_200,
            overdue: 0)
        let arrear = DebtArrear.arrear("QQ-001", debtor: subjects.agency)
        return [
            DebtYear.report(figures, by: subjects.agency, on: day(0)),
            CaseRef<DebtYear>(DebtYear.number(region, figures.year), owner: subjects.agency).on(
                day(0), DebtYearCorrected(figures, reason: "更正逾期债务口径")),
            DebtCampaign.campaign(region, government: subjects.agency).on(day(0), DebtCampaignStarted()),
            arrear.on(
                day(1),
                ArrearRecorded(
                    creditor: subjects.enterprise, .services, amount: 120_000, due: day(1), delivered: day(-20))),
            arrear.on(day(5), ArrearCleared(amount: 20_000)),
            GovernmentProject.project("ZF-001", agency: subjects.agency).on(
                day(2), GovernmentProjectStarted(name: "样例学校", fundsInPlace: true, contractorAdvance: false)),
            SMEOverdueReport.of(subjects.day.year - 1, agency: subjects.agency).on(
                day(3), SMEOverdueReportPublished(contracts: 0, amount: 0)),
        ]
    }

    /// Refuses an owner whose agency record names another region (a region's figures and campaign belong to an
    /// agency of that region). An owner registered in the same batch is checked for its kind only.
    static func requireRegion(_ owner: SubjectID, of region: RegionCode, in context: ValidationContext, case id: CaseID)
        throws
    {
        guard case .agency(let agency)? = context.view.subject(owner)?.subject else { return }
        guard agency.region == region else {
            throw CreditKitError(
                .invalidEvent,
                "\(id): \(agency.name) is an agency of region \(agency.region), not of \(region)")
        }
    }

    /// Every agency's debt facts, read once each, and every region's campaign: what the check and the report
    /// judge.
    struct Ledgered {
        var agencies: [OwnerCaseFacts] = []
        var campaigns: [String: DebtCampaign] = [:]

        /// The campaign of an agency's region.
        func campaign(of agency: SubjectID, view: CoreView) -> DebtCampaign? {
            guard case .agency(let a)? = view.subject(agency)?.subject else { return nil }
            return campaigns[a.region.rawValue]
        }
    }

    /// Reads every agency's debt facts once.
    static func readAll(ledger: Ledger, view: CoreView, asOf: LocalDate, knownAt: Timestamp) throws -> Ledgered {
        var out = Ledgered()
        guard view.kindsSeen.contains(where: { $0.rawValue.hasPrefix(sectorID.rawValue + ".") }) else { return out }
        for agency in view.subjects(ofKind: .agency, asOf: asOf) {
            let facts = try ledger.caseFacts(
                of: agency.subject.id, sector: sectorID.rawValue, view: view, asOf: asOf, knownAt: knownAt)
            guard !facts.isEmpty else { continue }
            for c in facts.cases(DebtCampaign.self) { out.campaigns[c.id.rawValue] = c }
            out.agencies.append(facts)
        }
        return out
    }

    /// A region's clearance campaign, read from the agencies of that region only.
    static func campaign(of region: RegionCode, ledger: Ledger, view: CoreView, asOf: LocalDate, knownAt: Timestamp)
        throws -> DebtCampaign?
    {
        guard view.kindsSeen.contains(DebtCampaignStarted.kind) else { return nil }
        // The region's people's government holds it as a rule, so it is read first.
        let agencies = view.subjects(ofKind: .agency, asOf: asOf).compactMap { s -> Agency? in
            guard case .agency(let a) = s.subject, a.region == region else { return nil }
            return a
        }
        for a in agencies.filter({ $0.kind == .government }) + agencies.filter({ $0.kind != .government }) {
            let found = try ledger.caseFacts(
                of: a.id, sector: sectorID.rawValue, view: view, asOf: asOf, knownAt: knownAt
            ).cases(DebtCampaign.self).first { $0.id.rawValue == region.rawValue }
            if let found { return found }
        }
        return nil
    }
}

/// The facts of the debt sector (债务事实).
public enum DebtFacts {
    /// Every fact type of the sector.
    public static let all: [any CaseFacts.Type] = [
        DebtYearReported.self, DebtYearCorrected.self, DebtCampaignStarted.self, ArrearRecorded.self,
        ArrearCleared.self,
        GovernmentProjectStarted.self, SMEOverdueReportPublished.self,
    ]
}

extension RegionCode {
    /// The region of the module's samples and the test fixtures' agencies, 130302.
    static var sample: RegionCode { try! RegionCode("130302") }
}

extension DebtYear {
    /// A region's year reported by an agency of the region.
    /// - Parameters:
    ///   - figures: The figures.
    ///   - agency: The reporting agency.
    ///   - day: The day of the report.
    /// - Returns: The event to append.
    public static func report(_ figures: DebtYearFigures, by agency: SubjectID, on day: LocalDate)
        -> CaseEvent<DebtYearReported>
    {
        CaseRef<DebtYear>(number(figures.region, figures.year), owner: agency).on(day, DebtYearReported(figures))
    }
}

extension DebtCampaign {
    /// Names a region's campaign, from which its start is made.
    /// - Parameters:
    ///   - region: The region.
    ///   - government: The region's government.
    /// - Returns: The campaign.
    public static func campaign(_ region: RegionCode, government: SubjectID) -> CaseRef<DebtCampaign> {
        CaseRef(CaseID(rawValue: region.rawValue), owner: government)
    }
}

extension DebtArrear {
    /// Names an arrear, from which its facts are made.
    /// - Parameters:
    ///   - number: The arrear's number.
    ///   - debtor: The debtor agency.
    /// - Returns: The arrear.
    public static func arrear(_ number: CaseID, debtor: SubjectID) -> CaseRef<DebtArrear> {
        CaseRef(number, owner: debtor)
    }
}

extension GovernmentProject {
    /// Names a project, from which its start is made.
    /// - Parameters:
    ///   - number: The project number.
    ///   - agency: The agency.
    /// - Returns: The project.
    public static func project(_ number: CaseID, agency: SubjectID) -> CaseRef<GovernmentProject> {
        CaseRef(number, owner: agency)
    }
}

extension SMEOverdueReport {
    /// Names a year's publication, from which it is made.
    /// - Parameters:
    ///   - year: The year reported on.
    ///   - agency: The agency.
    /// - Returns: The publication's case.
    public static func of(_ year: Int, agency: SubjectID) -> CaseRef<SMEOverdueReport> {
        CaseRef(number(year), owner: agency)
    }
}

extension SectorModule where Self == DebtModule {
    /// The local government debt module (地方政府债务).
    public static var debt: DebtModule { DebtModule() }
}
