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
                    LegalCitation(document: BiddingLaw.law, article: "第六十条"),
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

    /// The tenderer's conduct.
    public var indicators: [any Indicator] { [TendererIndicator()] }

    /// The tenderer section, for an agency with tenders.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The section, or none.
    public func reportSections(_ context: ReportContext) -> [ReportSection] {
        do {
            let stats = try TendererStatistics.of(context.subject, in: context.kit, asOf: context.asOf)
            return stats.tenders == 0 ? [] : [stats.section]
        } catch {
            return [ReportSection(title: "招标投标 Bidding", blocks: [.paragraph("无法读取招标投标事实：\(error)")])]
        }
    }
}

extension SectorModule where Self == BiddingModule {
    /// The bidding module (招标投标).
    public static var bidding: BiddingModule { BiddingModule() }
}
