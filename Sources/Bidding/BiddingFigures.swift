import CreditKitCore
import Foundation

/// The bidding rules' figures (招标投标规则参数): national defaults the kit adds to its profile. The Bidding Law's own
/// periods count calendar days (日); complaint handling counts working days.
enum BiddingFigures {
    static let law = "《中华人民共和国招标投标法》"
    static let regulations = "《中华人民共和国招标投标法实施条例》"
    static let order16 = "《必须招标的工程项目规定》（国家发展改革委令第16号）"

    static func cite(_ document: String, _ article: String? = nil) -> LegalCitation {
        LegalCitation(document: document, article: article)
    }

    static func name(_ chinese: String, _ english: String) -> LocalizedName {
        LocalizedName(chinese: chinese, english: english)
    }

    /// The note of a rule that binds only projects that must be tendered by law.
    static let mandatoryOnly = "binds only projects that must be tendered by law (依法必须进行招标的项目)"

    static let all: [RuleFigure] =
        [
            RuleFigure(
                rule: "bidding.scope.construction",
                title: name("必须招标的施工单项合同估算价", "construction contracts that must be tendered, from"),
                figure: Figure(4_000_000, .yuan), basis: [cite(order16, "第五条")], from: LocalDate("2018-06-01")),
            RuleFigure(
                rule: "bidding.scope.goods",
                title: name("必须招标的重要设备、材料采购单项合同估算价", "important equipment and materials that must be tendered, from"),
                figure: Figure(2_000_000, .yuan), basis: [cite(order16, "第五条")], from: LocalDate("2018-06-01")),
            RuleFigure(
                rule: "bidding.scope.services",
                title: name("必须招标的勘察、设计、监理服务单项合同估算价", "survey, design and supervision that must be tendered, from"),
                figure: Figure(1_000_000, .yuan), basis: [cite(order16, "第五条")], from: LocalDate("2018-06-01")),
            RuleFigure(
                rule: "bidding.tender.short-period",
                title: name("招标文件发出至投标截止不足二十日", "fewer than 20 days from tender documents to the bid deadline"),
                figure: Figure(20, .days), basis: [cite(law, "第二十四条")],
                note: "a minimum duration, the first day not counted; " + mandatoryOnly),
            RuleFigure(
                rule: "bidding.tender.short-clarification",
                title: name("澄清或者修改距投标截止不足十五日", "clarification less than 15 days before the bid deadline"),
                figure: Figure(15, .days), basis: [cite(law, "第二十三条"), cite(regulations, "第二十一条")],
                note: "the deadline must be moved when less is left; every tender"),
            RuleFigure(
                rule: "bidding.tender.short-clarification.prequalification",
                title: name(
                    "资格预审文件澄清或者修改距申请截止不足三日", "prequalification clarification less than 3 days before its deadline"),
                figure: Figure(3, .days), basis: [cite(regulations, "第二十一条")], note: "every tender"),
            RuleFigure(
                rule: "bidding.tender.short-document-sale",
                title: name("招标文件或者资格预审文件发售期不足五日", "documents on sale fewer than 5 days"),
                figure: Figure(5, .days), basis: [cite(regulations, "第十六条")],
                note: "days of sale counted from the first to the last, both included; every tender"),
            RuleFigure(
                rule: "bidding.tender.too-few-bidders",
                title: name("投标人少于三个仍确定中标人", "awarded with fewer than three bidders instead of re-tendered"),
                figure: Figure(3, .count), basis: [cite(law, "第二十八条")], note: "every tender"),
            RuleFigure(
                rule: "bidding.objection.late-reply",
                title: name("逾期答复对招标文件的异议", "objection answered late"),
                figure: Figure(3, .days), restDayExtension: true, basis: [cite(regulations, "第二十二条")],
                note: "every tender"),
            RuleFigure(
                rule: "bidding.candidates.late-publicity",
                title: name("收到评标报告后逾期公示中标候选人", "winning candidates publicised late after the evaluation report"),
                figure: Figure(3, .days), restDayExtension: true, basis: [cite(regulations, "第五十四条")],
                note: mandatoryOnly),
            RuleFigure(
                rule: "bidding.candidates.short-publicity",
                title: name("中标候选人公示期不足三日", "winning candidates shown fewer than 3 days"),
                figure: Figure(3, .days), basis: [cite(regulations, "第五十四条")],
                note: "days shown, both ends included; " + mandatoryOnly),
            RuleFigure(
                rule: "bidding.contract.late-signing",
                title: name("中标通知书发出后逾期订立书面合同", "contract signed late after the award notice"),
                figure: Figure(30, .days), restDayExtension: true, basis: [cite(law, "第四十六条")],
                note: "every tender"),
            RuleFigure(
                rule: "bidding.report.late",
                title: name("确定中标人后逾期提交招标投标情况书面报告", "written report to the supervisor late"),
                figure: Figure(15, .days), restDayExtension: true, basis: [cite(law, "第四十七条")],
                note: mandatoryOnly),
            RuleFigure(
                rule: "bidding.bond.excessive",
                title: name("投标保证金超过招标项目估算价的2%", "bid bond over 2% of the estimated price"),
                figure: Figure(2, .percent), basis: [cite(regulations, "第二十六条")], note: "every tender"),
            RuleFigure(
                rule: "bidding.bond.excessive.construction-cap",
                title: name("施工招标投标保证金上限", "the most a construction bid bond may be"),
                figure: Figure(800_000, .yuan), basis: [cite("《工程建设项目施工招标投标办法》", "第三十七条")]),
            RuleFigure(
                rule: "bidding.bond.excessive.survey-design-cap",
                title: name("勘察设计招标投标保证金上限", "the most a survey or design bid bond may be"),
                figure: Figure(100_000, .yuan), basis: [cite("《工程建设项目勘察设计招标投标办法》", "第二十四条")]),
            RuleFigure(
                rule: "bidding.bond.late-refund",
                title: name("合同签订后逾期退还投标保证金", "bid bonds refunded late after the contract"),
                figure: Figure(5, .days), restDayExtension: true, basis: [cite(regulations, "第五十七条")],
                note: "to the winner and to every other tenderer, with the bank's interest; every tender"),
            RuleFigure(
                rule: "bidding.bond.excessive-performance",
                title: name("履约保证金超过中标合同金额的10%", "performance bond over 10% of the contract"),
                figure: Figure(10, .percent), basis: [cite(regulations, "第五十八条")], note: "every tender"),
            RuleFigure(
                rule: "bidding.panel.invalid",
                title: name("评标委员会人数或者专家比例不合法", "evaluation panel too small, even, or short of experts"),
                figure: Figure(5, .count), basis: [cite(law, "第三十七条")],
                note: "at least this many members, an odd number; " + mandatoryOnly),
            RuleFigure(
                rule: "bidding.panel.expert-share",
                title: name("评标委员会中技术、经济专家的最低比例", "the least share of technical and economic experts"),
                figure: Figure(Decimal(200) / Decimal(3), .percent), basis: [cite(law, "第三十七条")],
                note: "two thirds of the members"),
            RuleFigure(
                rule: "bidding.complaint.late-acceptance",
                title: name("逾期决定是否受理投诉", "complaint acceptance decided late"),
                figure: Figure(3, .workingDays), restDayExtension: true, basis: [cite(regulations, "第六十一条")],
                note: "the supervising department's; every tender"),
            RuleFigure(
                rule: "bidding.complaint.late-decision",
                title: name("受理投诉后逾期作出处理决定", "complaint decided late"),
                figure: Figure(30, .workingDays), restDayExtension: true, basis: [cite(regulations, "第六十一条")],
                note: "the supervising department's, from acceptance; every tender"),
        ]
        + SMEPaymentRule(sector: "bidding").figures + BlacklistGround.figures

    /// The rules that bind only projects that must be tendered by law.
    static let mandatoryOnlyRules: Set<RuleID> = [
        "bidding.tender.short-period", "bidding.candidates.late-publicity", "bidding.candidates.short-publicity",
        "bidding.report.late", "bidding.panel.invalid",
    ]
}
