import CreditKitCore

/// The public-private partnership sector module (政府和社会资本合作): the government side of PPP projects — its
/// payment and other obligations, changes and terminations of the contract (新官不理旧账), fiscal affordability under
/// the old regime, the 2023 mechanism, the concession term, prequalification and disclosure — with every failure
/// traced to the official who answered for the project's stage at the time.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.ppp])`. It contributes its ledger facts
/// (``PPPFacts``), its rules' figures (``PPPLaw``) and ``PPPLedgerCheck``.
public struct PPPModule: SectorModule {
    /// The sector's identifier, `ppp`.
    public static let sectorID: SectorID = "ppp"

    /// Makes the module.
    public init() {}

    /// The Chinese labels of the module's findings' facts (事实标签).
    public var factLabels: FactLabels {
        FactLabels(
            names: [
                "assessed": "财政承受能力论证", "budgetExpenditure": "预算支出", "change": "变更", "concessionaire": "社会资本方",
                "daysOver": "超出天数", "disclosed": "公开", "dueTerm": "期限", "failure": "未履行", "failureFrom": "未履行起",
                "failureTo": "未履行止", "kind": "类型", "mechanism": "机制", "obligation": "义务",
                "obligations": "义务", "paidLate": "逾期支付", "penaltyContracted": "约定违约金", "penaltyImposed": "实际违约金",
                "pppSpending": "PPP支出", "privateEquity": "社会资本出资", "qualified": "合格", "ratio": "比例", "recorded": "记录",
                "tenure": "任职", "termEnd": "合作期止", "termStart": "合作期起", "terminates": "终止",
                // Dates.
                "agreedDue": "约定期限", "paidInFull": "付清", "paid": "支付", "signed": "签约", "lastAllowed": "期限上限",
                "reviewed": "资格审查", "executionBegan": "进入执行", "stage": "阶段", "reason": "理由", "wrong": "问题",
            ],
            values: [
                "stage": Dictionary(uniqueKeysWithValues: PPPStage.allCases.map { ($0.rawValue, $0.chineseName) })
                    .merging(["not entered": "未进入"]) { a, _ in a },
                "kind": Dictionary(
                    uniqueKeysWithValues: PPPObligationKind.allCases.map { ($0.rawValue, $0.chineseName) }),
                "reason": Dictionary(
                    uniqueKeysWithValues: PPPChangeReason.allCases.map { ($0.rawValue, $0.chineseName) }),
                "responsible": ["not recorded": "未记录"],
            ])
    }

    /// `ppp`.
    public var id: SectorID { Self.sectorID }

    /// 政府和社会资本合作 (Public-private partnership).
    public var name: LocalizedName { LocalizedName(chinese: "政府和社会资本合作", english: "Public-private partnership") }

    /// The PPP facts.
    public var eventTypes: [any LedgerEvent.Type] { PPPFacts.all.map { $0.eventType } }

    /// The PPP rules over the ledger.
    public var checks: [any IntegrityCheck] { [PPPLedgerCheck()] }

    /// The PPP rules, each declared once with its figures.
    public var rules: [RuleDeclaration] { PPPLaw.all }

    /// The government side's conduct in PPP projects.
    public var indicators: [any Indicator] { [PPPIndicator()] }

    /// `ppp`: the PPP report over every implementing agency (``PPPReport``).
    public var reports: [ModuleReport] {
        [
            ModuleReport(kind: "ppp", summary: "PPP projects: the government side's record, fiscal lines, who answers")
            {
                kit, _, asOf in try PPPReport.make(kit, asOf: asOf)
            }
        ]
    }

    /// The PPP section of an implementing agency's credit file: obligations met, what is overdue, the findings
    /// and the official each is traced to.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The section, or none for a subject without PPP projects.
    /// - Throws: When the facts cannot be read, or a person's sealed data cannot be opened.
    public func reportSections(_ context: ReportContext) throws -> [ReportSection] {
        let stats = try PPPStatistics.of(context.subject, in: context.kit, asOf: context.asOf)
        return stats.projects.isEmpty ? [] : [try stats.section(names: context.kit)]
    }

    /// One project told in every PPP fact: registered, its stages with no recorded official (and the post left
    /// vacant), assessed, qualified,
    /// signed, an obligation scheduled and paid, a disclosure and a change agreed with the concessionaire.
    /// - Parameter subjects: The implementing agency (the agency) and the concessionaire (the enterprise).
    /// - Returns: The events.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
        let project = PPPProject.project("SAMPLE-PPP-001", agency: subjects.agency)
        let day = { (n: Int) in subjects.day.adding(days: n) }
        let concessionaire = Counterparty(name: "样例项目公司", identifier: subjects.enterprise.rawValue)
        return [
            project.on(
                day(0),
                PPPProjectRegistered(
                    name: "样例污水处理厂", level: "county", industry: "污水处理", totalInvestment: 80_000_000, mode: .bot,
                    mechanism: .userPay)),
            project.on(day(1), PPPStageEntered(.identification)),
            project.on(
                day(2),
                PPPFiscalAffordabilityAssessed(year: 2026, pppSpending: 30_000_000, budgetExpenditure: 900_000_000)),
            project.on(day(10), PPPStageEntered(.preparation)),
            project.on(day(20), PPPStageEntered(.procurement)),
            project.on(day(30), PPPQualificationReviewed(qualified: 4)),
            project.on(
                day(40),
                PPPContractSigned(
                    concessionaire: concessionaire, termStart: day(60),
                    termEnd: day(60).adding(years: 25).adding(days: -1),
                    privateEquityPercent: 90)),
            project.on(day(60), PPPStageEntered(.execution)),
            project.on(day(60), PPPResponsibleChanged(nil)),
            project.on(day(61), PPPObligationScheduled("OB-1", .operatingSubsidy, amount: 500_000, due: day(90))),
            project.on(day(70), PPPDisclosed()),
            project.on(day(88), PPPObligationFulfilled("OB-1", amount: 500_000)),
            project.on(
                day(95),
                PPPPerformanceFailed(
                    "F-1", from: day(60), to: day(90), category: "出水水质不达标", penaltyContracted: "扣减当期付费5%",
                    penaltyImposed: "扣减25000元")),
            project.on(day(96), PPPPenaltyPaid("F-1")),
            project.on(
                day(100),
                PPPContractChanged("调整运营考核指标", reason: .mutualAgreement, lawfulProcedure: true, compensationAgreed: 0)),
        ]
    }
}

extension CreditKit {
    /// Public-private partnership (政府和社会资本合作) on this kit: record projects' facts in one batch, read projects
    /// back, run the PPP rules alone.
    ///
    /// ```swift
    /// let plant = kit.ppp.project("PPP-2019-01", agency: bureau.id)
    /// try await kit.ppp.record([plant.on(day, PPPStageEntered(.execution, responsible: head))])
    /// ```
    public var ppp: SectorDesk<PPPProject> { SectorDesk(kit: self, sector: PPPModule.sectorID) }
}

extension SectorDesk where State == PPPProject {
    /// Names a project, from which its facts are made.
    /// - Parameters:
    ///   - number: The project number.
    ///   - agency: The implementing agency (实施机构), a registered agency.
    /// - Returns: The project.
    public func project(_ number: CaseID, agency: SubjectID) -> CaseRef<PPPProject> {
        PPPProject.project(number, agency: agency)
    }

    /// An implementing agency's PPP record (PPP项目履约情况) as of a day, with each finding's decision.
    /// - Parameters:
    ///   - agency: The implementing agency.
    ///   - asOf: The day.
    /// - Returns: The statistics.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module; storage errors; a figure the profile lacks.
    public func statistics(of agency: SubjectID, asOf: LocalDate) throws -> PPPStatistics {
        _ = try module()
        return try PPPStatistics.of(agency, in: kit, asOf: asOf)
    }
}

/// The PPP rules over the ledger's facts (PPP核查): every implementing agency's projects as of the day.
public typealias PPPLedgerCheck = CaseCheck<PPPProject>

extension CaseCheck where State == PPPProject {
    /// Every PPP rule over every project.
    public init() {
        self.init(PPPRules.self)
    }
}

extension SectorModule where Self == PPPModule {
    /// The public-private partnership module (政府和社会资本合作).
    public static var ppp: PPPModule { PPPModule() }
}
