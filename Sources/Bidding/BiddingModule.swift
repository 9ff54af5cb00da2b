import CreditKitCore

/// The bidding sector module (招标投标): the tenderer's statutory time limits under the Bidding Law, red flags over
/// open-contracting data, bidding agencies, the blacklist of bad conduct, and the credit evaluation of participants.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.bidding])`. It contributes its ledger
/// events (``BiddingFacts`` and the blacklist, agency and credit-report events), the rules' figures,
/// ``BiddingLedgerCheck``, the blacklist's sanction rule (exclusion from tenders for the term decided) and the
/// good-credit incentive (a reduced bid bond), ``TendererIndicator`` and the tenderer's section of a credit file.
public struct BiddingModule: SectorModule {
    /// The sector's identifier, `bidding`.
    public static let sectorID: SectorID = "bidding"

    /// Makes the module.
    public init() {}

    /// The Chinese labels of the module's findings' facts (事实标签).
    public var factLabels: FactLabels {
        FactLabels(names: [
            "daysOnSale": "发售天数", "daysShown": "公示天数", "deadline": "期限", "documents": "文件",
            "estimatedPrice": "估算价", "experts": "评标专家", "formed": "组建", "from": "起",
            "group": "分组", "indicator": "指标", "issued": "发出", "limit": "限值", "members": "成员", "mustTender": "必须招标",
            "notice": "通知", "objection": "异议", "opened": "开标", "problems": "问题",
            "saleFrom": "发售起", "saleThrough": "发售止", "tenderer": "投标人", "through": "至",
            "validThrough": "有效期至", "value": "值",
        ])
    }

    /// `bidding`.
    public var id: SectorID { Self.sectorID }

    /// 招标投标 (Bidding).
    public var name: LocalizedName { LocalizedName(chinese: "招标投标", english: "Bidding") }

    /// The bidding facts.
    public var eventTypes: [any LedgerEvent.Type] {
        BiddingFacts.all.map { $0.eventType } + [
            BlacklistListed.self, BiddingAgencyRegistered.self, BiddingAgencySupervised.self,
            ThirdPartyCreditReport.self,
        ]
    }

    /// The Bidding Law's rules over the ledger.
    public var checks: [any IntegrityCheck] { [BiddingLedgerCheck()] }

    /// The Bidding Law's rules, each declared once with its figures.
    public var rules: [RuleDeclaration] { BiddingLaw.all }

    /// A blacklisted tenderer (an ordinary or serious bidding penalty record about an enterprise) may not take part
    /// in tenders for the term decided, five years at most.
    public var sanctionRules: [SanctionRule] {
        [
            SanctionRule(
                id: "sanction.bidding.blacklist", bases: [.administrativePenalty], severities: [.ordinary, .serious],
                subjectKinds: [.enterprise], target: .recordSubject, sectors: [Self.sectorID],
                measures: [DepartmentMeasure("招标投标行政监督部门", .tenderExclusion, .years(5))],
                legalBasis: [
                    // Collusion and bribery (art. 53), a false name or fraud (art. 54), a contract not performed
                    // (art. 60): each takes away the right to bid for a term.
                    LegalCitation(document: BiddingLaw.law, article: "第五十三条、第五十四条、第六十条"),
                    LegalCitation(document: BiddingLaw.regulations, article: "第六十七条、第六十八条"),
                ], confirmed: true)
        ]
    }

    /// A tenderer with a third-party credit report of A or better has its bid bond reduced for a year.
    public var incentiveRules: [IncentiveRule] {
        [
            IncentiveRule(
                id: "incentive.bidding.good-credit", bases: [.thirdPartyAssessment], subjectKinds: [.enterprise],
                incentives: [.bidBondReduction], duration: .years(1),
                legalBasis: [LegalCitation(document: "《关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）")])
        ]
    }

    /// The blacklist in force (`blacklist`), the bidding agencies' credit information (`agencies`) and a
    /// tenderer's integrity file (`integrity`, for a subject).
    public var reports: [ModuleReport] {
        [
            ModuleReport(kind: "blacklist", summary: "the bidding blacklist in force, with grounds and terms (黑名单)") {
                kit, _, asOf in
                let table = try BiddingBlacklist.publication(in: kit, asOf: asOf)
                return Report(
                    title: "招标投标不良行为黑名单", subtitle: "Blacklist of bad conduct in bidding, in force", asOf: asOf,
                    keyFigures: [KeyFigure("在列 Entries", String(table.rows.count))],
                    sections: [ReportSection(title: "黑名单 Blacklist", blocks: [.table(table)])])
            },
            ModuleReport(kind: "agencies", summary: "bidding agencies' credit information (招标代理机构信用信息)") {
                kit, _, asOf in
                let table = try BiddingAgencyRegistry.publicView(in: kit, asOf: asOf)
                return Report(
                    title: "招标代理机构信用信息", subtitle: "Bidding agencies' credit information", asOf: asOf,
                    keyFigures: [KeyFigure("机构 Agencies", String(table.rows.count))],
                    sections: [ReportSection(title: "招标代理机构 Bidding agencies", blocks: [.table(table)])])
            },
            ModuleReport(
                kind: "integrity", summary: "a tenderer's integrity file (诚信档案)", subject: .required
            ) { kit, subject, asOf in
                guard let subject else {
                    throw CreditKitError(.invalidArgument, "the integrity file is about one tenderer; name it")
                }
                return try ParticipantEvaluation.integrityFile(of: subject, in: kit, asOf: asOf)
            },
        ]
    }

    /// The tenderer's conduct.
    public var indicators: [any Indicator] { [TendererIndicator()] }

    /// The tenderer section, for an agency with tenders.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The section, or none for a subject without tenders.
    /// - Throws: When the facts cannot be read.
    public func reportSections(_ context: ReportContext) throws -> [ReportSection] {
        let stats = try TendererStatistics.of(context.subject, in: context.kit, asOf: context.asOf)
        return stats.tenders == 0 ? [] : [stats.section]
    }
}

extension SectorModule where Self == BiddingModule {
    /// The bidding module (招标投标).
    public static var bidding: BiddingModule { BiddingModule() }
}
