import CreditKitCore
import Foundation

/// The Bidding Law's rules (招标投标规则), each declared once with its figures: national defaults the kit adds to
/// its profile. The Bidding Law's own periods count calendar days (日); complaint handling counts working days.
public enum BiddingLaw: LawCatalogue {
    static let law = "《中华人民共和国招标投标法》"
    static let regulations = "《中华人民共和国招标投标法实施条例》"
    static let order16 = "《必须招标的工程项目规定》（国家发展改革委令第16号）"

    /// The note of a rule that binds only projects that must be tendered by law.
    static let mandatoryOnly = "binds only projects that must be tendered by law (依法必须进行招标的项目)"

    /// `bidding.scope.construction`: 必须招标的施工单项合同估算价.
    public static let scopeConstruction = RuleDeclaration(
        "bidding.scope.construction", name("必须招标的施工单项合同估算价", "construction contracts that must be tendered, from"),
        RuleVersion(figure: Figure(4_000_000, .yuan), basis: [cite(order16, "第五条")], from: LocalDate("2018-06-01")))

    /// `bidding.scope.goods`: 必须招标的重要设备、材料采购单项合同估算价.
    public static let scopeGoods = RuleDeclaration(
        "bidding.scope.goods",
        name("必须招标的重要设备、材料采购单项合同估算价", "important equipment and materials that must be tendered, from"),
        RuleVersion(figure: Figure(2_000_000, .yuan), basis: [cite(order16, "第五条")], from: LocalDate("2018-06-01")))

    /// `bidding.scope.services`: 必须招标的勘察、设计、监理服务单项合同估算价.
    public static let scopeServices = RuleDeclaration(
        "bidding.scope.services",
        name("必须招标的勘察、设计、监理服务单项合同估算价", "survey, design and supervision that must be tendered, from"),
        RuleVersion(figure: Figure(1_000_000, .yuan), basis: [cite(order16, "第五条")], from: LocalDate("2018-06-01")))

    /// `bidding.tender.short-period`: 招标文件发出至投标截止不足二十日.
    public static let tenderShortPeriod = RuleDeclaration(
        "bidding.tender.short-period",
        name("招标文件发出至投标截止不足二十日", "fewer than 20 days from tender documents to the bid deadline"),
        RuleVersion(
            figure: Figure(20, .days), basis: [cite(law, "第二十四条")],
            note: "a minimum duration, the first day not counted; " + mandatoryOnly))

    /// `bidding.tender.short-clarification`: 澄清或者修改距投标截止不足十五日.
    public static let tenderShortClarification = RuleDeclaration(
        "bidding.tender.short-clarification",
        name("澄清或者修改距投标截止不足十五日", "clarification less than 15 days before the bid deadline"),
        RuleVersion(
            figure: Figure(15, .days), basis: [cite(law, "第二十三条"), cite(regulations, "第二十一条")],
            note: "the deadline must be moved when less is left; every tender"))

    /// `bidding.tender.short-clarification.prequalification`: bidding.tender.short-clarification.prequalification.
    public static let tenderShortClarificationPrequalification = RuleDeclaration(
        "bidding.tender.short-clarification.prequalification",
        name(
            "资格预审文件澄清或者修改距申请截止不足三日", "prequalification clarification less than 3 days before its deadline"),
        RuleVersion(figure: Figure(3, .days), basis: [cite(regulations, "第二十一条")], note: "every tender"))

    /// `bidding.tender.short-document-sale`: 招标文件或者资格预审文件发售期不足五日.
    public static let tenderShortDocumentSale = RuleDeclaration(
        "bidding.tender.short-document-sale", name("招标文件或者资格预审文件发售期不足五日", "documents on sale fewer than 5 days"),
        RuleVersion(
            figure: Figure(5, .days), basis: [cite(regulations, "第十六条")],
            note: "days of sale counted from the first to the last, both included; every tender"))

    /// `bidding.tender.too-few-bidders`: 投标人少于三个仍确定中标人.
    public static let tenderTooFewBidders = RuleDeclaration(
        "bidding.tender.too-few-bidders",
        name("投标人少于三个仍确定中标人", "awarded with fewer than three bidders instead of re-tendered"),
        RuleVersion(figure: Figure(3, .count), basis: [cite(law, "第二十八条")], note: "every tender"))

    /// `bidding.objection.late-reply`: 逾期答复对招标文件的异议.
    public static let objectionLateReply = RuleDeclaration(
        "bidding.objection.late-reply", name("逾期答复对招标文件的异议", "objection answered late"),
        RuleVersion(
            figure: Figure(3, .days), restDayExtension: true, basis: [cite(regulations, "第二十二条")], note: "every tender")
    )

    /// `bidding.candidates.late-publicity`: 收到评标报告后逾期公示中标候选人.
    public static let candidatesLatePublicity = RuleDeclaration(
        "bidding.candidates.late-publicity",
        name("收到评标报告后逾期公示中标候选人", "winning candidates publicised late after the evaluation report"),
        RuleVersion(
            figure: Figure(3, .days), restDayExtension: true, basis: [cite(regulations, "第五十四条")], note: mandatoryOnly))

    /// `bidding.candidates.short-publicity`: 中标候选人公示期不足三日.
    public static let candidatesShortPublicity = RuleDeclaration(
        "bidding.candidates.short-publicity", name("中标候选人公示期不足三日", "winning candidates shown fewer than 3 days"),
        RuleVersion(
            figure: Figure(3, .days), basis: [cite(regulations, "第五十四条")],
            note: "days shown, both ends included; " + mandatoryOnly))

    /// `bidding.contract.late-signing`: 中标通知书发出后逾期订立书面合同.
    public static let contractLateSigning = RuleDeclaration(
        "bidding.contract.late-signing", name("中标通知书发出后逾期订立书面合同", "contract signed late after the award notice"),
        RuleVersion(
            figure: Figure(30, .days), restDayExtension: true, basis: [cite(law, "第四十六条")], note: "every tender"))

    /// `bidding.report.late`: 确定中标人后逾期提交招标投标情况书面报告.
    public static let reportLate = RuleDeclaration(
        "bidding.report.late", name("确定中标人后逾期提交招标投标情况书面报告", "written report to the supervisor late"),
        RuleVersion(figure: Figure(15, .days), restDayExtension: true, basis: [cite(law, "第四十七条")], note: mandatoryOnly)
    )

    /// `bidding.bond.excessive`: 投标保证金超过招标项目估算价的2%.
    public static let bondExcessive = RuleDeclaration(
        "bidding.bond.excessive", name("投标保证金超过招标项目估算价的2%", "bid bond over 2% of the estimated price"),
        RuleVersion(figure: Figure(2, .percent), basis: [cite(regulations, "第二十六条")], note: "every tender"))

    /// `bidding.bond.excessive.construction-cap`: 施工招标投标保证金上限.
    public static let bondExcessiveConstructionCap = RuleDeclaration(
        "bidding.bond.excessive.construction-cap", name("施工招标投标保证金上限", "the most a construction bid bond may be"),
        RuleVersion(figure: Figure(800_000, .yuan), basis: [cite("《工程建设项目施工招标投标办法》", "第三十七条")]))

    /// `bidding.bond.excessive.survey-design-cap`: 勘察设计招标投标保证金上限.
    public static let bondExcessiveSurveyDesignCap = RuleDeclaration(
        "bidding.bond.excessive.survey-design-cap",
        name("勘察设计招标投标保证金上限", "the most a survey or design bid bond may be"),
        RuleVersion(figure: Figure(100_000, .yuan), basis: [cite("《工程建设项目勘察设计招标投标办法》", "第二十四条")]))

    /// `bidding.bond.late-refund`: 合同签订后逾期退还投标保证金.
    public static let bondLateRefund = RuleDeclaration(
        "bidding.bond.late-refund", name("合同签订后逾期退还投标保证金", "bid bonds refunded late after the contract"),
        RuleVersion(
            figure: Figure(5, .days), restDayExtension: true, basis: [cite(regulations, "第五十七条")],
            note: "to the winner and to every other tenderer, with the bank's interest; every tender"))

    /// `bidding.bond.excessive-performance`: 履约保证金超过中标合同金额的10%.
    public static let bondExcessivePerformance = RuleDeclaration(
        "bidding.bond.excessive-performance", name("履约保证金超过中标合同金额的10%", "performance bond over 10% of the contract"),
        RuleVersion(figure: Figure(10, .percent), basis: [cite(regulations, "第五十八条")], note: "every tender"))

    /// `bidding.panel.invalid`: 评标委员会人数或者专家比例不合法.
    public static let panelInvalid = RuleDeclaration(
        "bidding.panel.invalid", name("评标委员会人数或者专家比例不合法", "evaluation panel too small, even, or short of experts"),
        RuleVersion(
            figure: Figure(5, .count), basis: [cite(law, "第三十七条")],
            note: "at least this many members, an odd number; " + mandatoryOnly))

    /// `bidding.panel.expert-share`: 评标委员会中技术、经济专家的最低比例.
    public static let panelExpertShare = RuleDeclaration(
        "bidding.panel.expert-share", name("评标委员会中技术、经济专家的最低比例", "the least share of technical and economic experts"),
        RuleVersion(
            figure: Figure(Decimal(200) / Decimal(3), .percent), basis: [cite(law, "第三十七条")],
            note: "two thirds of the members"))

    /// `bidding.complaint.late-acceptance`: 逾期决定是否受理投诉.
    public static let complaintLateAcceptance = RuleDeclaration(
        "bidding.complaint.late-acceptance", name("逾期决定是否受理投诉", "complaint acceptance decided late"),
        RuleVersion(
            figure: Figure(3, .workingDays), restDayExtension: true, basis: [cite(regulations, "第六十一条")],
            note: "the supervising department's; every tender"))

    /// `bidding.complaint.late-decision`: 受理投诉后逾期作出处理决定.
    public static let complaintLateDecision = RuleDeclaration(
        "bidding.complaint.late-decision", name("受理投诉后逾期作出处理决定", "complaint decided late"),
        RuleVersion(
            figure: Figure(30, .workingDays), restDayExtension: true, basis: [cite(regulations, "第六十一条")],
            note: "the supervising department's, from acceptance; every tender"))

    /// The SME payment rule (中小企业款项支付), shared with the other sectors, under `bidding.payment.*`.
    public static let smePayment = SMEPaymentRule(sector: "bidding")

    /// Every version of every rule's figure, for the module's catalogue.
    public static var figures: [RuleFigure] { all.flatMap(\.figures) }

    /// Every rule the module declares, in the catalogue's order.
    public static let all: [RuleDeclaration] =
        [
            scopeConstruction, scopeGoods, scopeServices, tenderShortPeriod, tenderShortClarification,
            tenderShortClarificationPrequalification, tenderShortDocumentSale, tenderTooFewBidders, objectionLateReply,
            candidatesLatePublicity, candidatesShortPublicity, contractLateSigning, reportLate, bondExcessive,
            bondExcessiveConstructionCap, bondExcessiveSurveyDesignCap, bondLateRefund, bondExcessivePerformance,
            panelInvalid, panelExpertShare, complaintLateAcceptance, complaintLateDecision,
        ] + smePayment.declarations + BlacklistGround.declarations

    /// The rules that bind only projects that must be tendered by law.
    static let mandatoryOnlyRules: Set<RuleID> = [
        tenderShortPeriod.id, candidatesLatePublicity.id, candidatesShortPublicity.id, reportLate.id, panelInvalid.id,
    ]
}
