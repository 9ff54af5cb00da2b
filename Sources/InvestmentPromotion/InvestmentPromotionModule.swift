import CreditKitCore
import Foundation

/// The investment-promotion sector module (招商引资): agreements with investors and the government's promises in
/// them or in published policies — each a commitment of the core — the investor's own obligations, fulfilment,
/// changes and withdrawals (新官不理旧账), incentives without a legal basis or fair-competition review, and investors'
/// complaints with their time limits.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.investmentPromotion])`. Its id is
/// `investment` (event kinds and rule ids `investment.*`, `--module investment`). It judges its promises itself
/// (`SectorModule.judgesCommitments`): the core's `commitment.*` checks leave them to the `investment.*` rules,
/// which see the investor's default and the compensation; the agency's commitment record and score count them once.
public struct InvestmentPromotionModule: SectorModule {
    /// The sector's identifier, `investment`.
    public static let sectorID: SectorID = "investment"

    /// Makes the module.
    public init() {}

    /// The Chinese labels of the module's findings' facts (事实标签).
    public var factLabels: FactLabels {
        FactLabels(
            names: [
                "about": "被投诉单位", "approval": "国务院批准", "compensationAgreed": "约定补偿", "compensationPaid": "已付补偿",
                "legalBasis": "法律依据", "promiseDue": "承诺兑现期限", "promised": "作出承诺", "tiedTo": "挂钩条件", "withdrawn": "撤回",
                // Dates.
                "fulfilled": "兑现", "paid": "支付", "forwarded": "转交", "resolved": "办结", "category": "承诺类别",
                "reason": "理由",
            ],
            values: [
                "category": Dictionary(
                    uniqueKeysWithValues: PromiseCategory.allCases.map { ($0.rawValue, $0.chineseName) }),
                "reason": Dictionary(
                    uniqueKeysWithValues: BreachOrChangeReason.allCases.map { ($0.rawValue, $0.chineseName) }),
            ])
    }

    /// `investment`.
    public var id: SectorID { Self.sectorID }

    /// 招商引资 (Investment promotion).
    public var name: LocalizedName { LocalizedName(chinese: "招商引资", english: "Investment promotion") }

    /// The investment facts.
    public var eventTypes: [any LedgerEvent.Type] { InvestmentFacts.all.map { $0.eventType } }

    /// The agreements' rules and the complaints' time limits.
    public var checks: [any IntegrityCheck] {
        [InvestmentLedgerCheck(), CaseCheck<InvestorComplaint>(InvestorComplaintRules.self)]
    }

    /// The investment rules, each declared once with its figures.
    public var rules: [RuleDeclaration] { InvestmentLaw.all }

    /// The investment promises are judged here, not by the core's commitment checks.
    public var judgesCommitments: Bool { true }

    /// What an agency did as a promisor to investors, beyond the commitments the core counts.
    public var indicators: [any Indicator] { [InvestmentIndicator()] }

    /// `investment` (the agencies' record and the county ranking) and `investment-registry` (the public registry of
    /// promises).
    public var reports: [ModuleReport] {
        [
            ModuleReport(kind: "investment", summary: "investment promotion: promises kept, changes, incentives (招商引资)")
            {
                kit, _, asOf in try InvestmentReport.make(kit, asOf: asOf)
            },
            ModuleReport(
                kind: "investment-registry",
                summary: "the public registry of promises to investors (政府招商引资承诺事项台账)"
            ) { kit, _, asOf in try InvestmentRegistry.report(kit, asOf: asOf) },
        ]
    }

    /// The investment section of an agency's credit file.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The section, or none for an agency without agreements.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func reportSections(_ context: ReportContext) throws -> [ReportSection] {
        let record = try InvestmentRecord.of(context.subject, in: context.kit, asOf: context.asOf)
        return record.agreements.isEmpty ? [] : [try record.section(names: context.kit)]
    }

    /// `investment-commitments`: a commitment ledger (承诺事项台账), one promise a row.
    public var csvLayouts: [ModuleCSVLayout] { [InvestmentCSV.layout] }

    /// An agreement told in every fact: signed, a subsidy promised and paid in part then in full, a land promise
    /// changed lawfully, the investor's obligation and its default, and a complaint forwarded, extended and
    /// resolved.
    /// - Parameter subjects: The agency and the investor.
    /// - Returns: The events.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
        let deal = InvestmentAgreement.agreement("ZS-001", agency: subjects.agency)
        let day = { (n: Int) in subjects.day.adding(days: n) }
        // The promises' commitments are their own entries: the samples are appended from an empty ledger after
        // the three registrations, so the signing is entry 4, the subsidy 5, the land 6.
        let subsidy = Commitment.ID(5)
        let land = Commitment.ID(6)
        let complaint = InvestorComplaint.complaint("12345-001", handler: subjects.supervisor)
        return [
            deal.on(day(0), InvestmentAgreementSigned(investor: subjects.enterprise, project: "样例新能源项目")),
            deal.on(
                day(0),
                InvestmentPromised(
                    "P-1", investor: subjects.enterprise, .subsidy, terms: "设备补助", amount: 1_000_000, due: day(90),
                    legalBasis: "省级产业扶持资金管理办法", reviewed: day(-5))),
            deal.on(
                day(0),
                InvestmentPromised(
                    "P-2", investor: subjects.enterprise, .land, terms: "工业用地50亩", due: day(180),
                    approval: "国函〔2024〕1号",
                    reviewed: day(-5))),
            deal.on(day(1), InvestorObligationSet("O-1", terms: "固定资产投资5亿元", due: day(60))),
            deal.on(day(30), InvestmentPromiseFulfilled("P-1", commitment: subsidy, amount: 400_000, inFull: false)),
            deal.on(day(61), InvestorDefaulted("O-1", note: "未按期完成投资")),
            deal.on(day(80), InvestmentPromiseFulfilled("P-1", commitment: subsidy, amount: 600_000, inFull: true)),
            deal.on(
                day(100),
                InvestmentPromiseChanged(
                    "P-2", commitment: land, withdraws: false, reason: .publicInterest, procedure: "县政府常务会议纪要",
                    compensationAgreed: 200_000, compensationPaid: 200_000, newTerms: "工业用地45亩", newDue: day(200))),
            complaint.on(
                day(110),
                InvestorComplaintReceived(
                    investor: subjects.enterprise, about: subjects.agency, agreement: "ZS-001", channel: .hotline12345,
                    summary: "用地面积调减")),
            complaint.on(day(112), InvestorComplaintHandled(.forwarded)),
            complaint.on(day(120), InvestorComplaintHandled(.extended, text: "需现场核实")),
            complaint.on(day(130), InvestorComplaintHandled(.resolved, text: "已依法补偿")),
        ]
    }
}

/// The facts of the investment sector (招商引资事实).
public enum InvestmentFacts {
    /// Every fact type of the sector.
    public static let all: [any CaseFacts.Type] = [
        InvestmentAgreementSigned.self, InvestmentPromised.self, InvestorObligationSet.self, InvestorDefaulted.self,
        InvestmentPromiseFulfilled.self, InvestmentPromiseChanged.self, InvestorComplaintReceived.self,
        InvestorComplaintHandled.self,
    ]
}

/// The investment rules over the ledger (招商引资核查): every agreement of every agency as of the day, with the
/// investors' SME status from their records.
public struct InvestmentLedgerCheck: IntegrityCheck {
    /// Makes the check.
    public init() {}

    /// Every rule the agreements' check may report.
    public var rules: [RuleID] {
        [
            InvestmentLaw.overdue.id, InvestmentLaw.unlawfulChange.id, InvestmentLaw.unlawfulIncentive.id,
            InvestmentLaw.tiedIncentive.id, InvestmentLaw.unreviewed.id, InvestmentLaw.latePayment.id,
        ]
    }

    /// Judges every agreement.
    /// - Parameter context: The kit and the day.
    /// - Returns: The findings.
    /// - Throws: Storage and decoding errors; a figure the profile lacks.
    public func run(_ context: CheckContext) throws -> [Finding] {
        let rules = try InvestmentRules.of(context.kit, view: context.view)
        return try context.kit.ledger.cases(
            InvestmentAgreement.self, view: context.view, asOf: context.asOf, knownAt: context.knownAt
        ).flatMap { try rules.findings(for: $0, asOf: context.asOf) }
    }
}

extension InvestmentRules {
    /// The rules with the kit's profile, reading the investors' SME status from a snapshot.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - view: The snapshot.
    /// - Returns: The rules.
    /// - Throws: When the module's figures do not fit the profile.
    public static func of(_ kit: CreditKit, view: CoreView) throws -> InvestmentRules {
        try of(kit.profile, view: view)
    }

    /// The rules with a profile, reading the investors' SME status from a snapshot.
    /// - Parameters:
    ///   - profile: The profile.
    ///   - view: The snapshot.
    /// - Returns: The rules.
    /// - Throws: When the module's figures do not fit the profile.
    public static func of(_ profile: JurisdictionProfile, view: CoreView) throws -> InvestmentRules {
        try InvestmentRules(profile: profile) { investor in
            guard case .enterprise(let e)? = view.subject(investor)?.subject else { return false }
            return e.isSME
        }
    }
}

extension SectorModule where Self == InvestmentPromotionModule {
    /// The investment-promotion module (招商引资).
    public static var investmentPromotion: InvestmentPromotionModule { InvestmentPromotionModule() }
}
