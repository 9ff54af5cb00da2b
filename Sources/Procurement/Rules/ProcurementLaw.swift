import CreditKitCore
import Foundation

/// The procurement rules (政府采购规则), each declared once with its figures: national defaults the kit adds to
/// its profile, which a local profile may override. Logic, reports and the catalogue refer to these declarations.
public enum ProcurementLaw: LawCatalogue {

    static let law = "《中华人民共和国政府采购法》"
    static let regulations = "《中华人民共和国政府采购法实施条例》"
    static let smePayment2025 = "《保障中小企业款项支付条例》（2025）"

    /// `procurement.contract.late-signing`: 中标、成交通知书发出后逾期签订合同.
    public static let contractLateSigning = RuleDeclaration(
        "procurement.contract.late-signing", name("中标、成交通知书发出后逾期签订合同", "contract signed late after the award notice"),
        RuleVersion(figure: Figure(30, .days), restDayExtension: true, basis: [cite(law, "第四十六条")]))

    /// `procurement.contract.late-publication`: 合同签订后逾期公告.
    public static let contractLatePublication = RuleDeclaration(
        "procurement.contract.late-publication", name("合同签订后逾期公告", "contract published late after signing"),
        RuleVersion(figure: Figure(2, .workingDays), restDayExtension: true, basis: [cite(regulations, "第五十条")]))

    /// `procurement.contract.late-filing`: 合同签订后逾期备案.
    public static let contractLateFiling = RuleDeclaration(
        "procurement.contract.late-filing", name("合同签订后逾期备案", "contract copy filed late with the finance department"),
        RuleVersion(figure: Figure(7, .workingDays), restDayExtension: true, basis: [cite(law, "第四十七条")]))

    /// `procurement.tender.short-period`: 招标文件发出至投标截止不足法定时间.
    public static let tenderShortPeriod = RuleDeclaration(
        "procurement.tender.short-period", name("招标文件发出至投标截止不足法定时间", "too short from tender documents to bid deadline"),
        RuleVersion(
            figure: Figure(20, .days), basis: [cite(law, "第三十五条")],
            note: "open and invited tenders; a minimum duration, counted plainly"))

    /// `procurement.tender.short-period.consultation`: 竞争性磋商文件发出至响应截止不足法定时间.
    public static let tenderShortPeriodConsultation = RuleDeclaration(
        "procurement.tender.short-period.consultation",
        name("竞争性磋商文件发出至响应截止不足法定时间", "too short a response period in competitive consultation"),
        RuleVersion(
            figure: Figure(10, .days), basis: [cite("《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）", "第十条")],
            note: "a minimum duration, counted plainly"))

    /// `procurement.tender.short-period.negotiation`: 竞争性谈判文件发出至响应截止不足法定时间.
    public static let tenderShortPeriodNegotiation = RuleDeclaration(
        "procurement.tender.short-period.negotiation",
        name("竞争性谈判文件发出至响应截止不足法定时间", "too short a response period in competitive negotiation"),
        RuleVersion(
            figure: Figure(3, .workingDays), basis: [cite("《政府采购非招标采购方式管理办法》（财政部令第74号）", "第二十九条")],
            note: "a minimum duration in working days"))

    /// `procurement.tender.short-period.quotation`: 询价通知书发出至响应截止不足法定时间.
    public static let tenderShortPeriodQuotation = RuleDeclaration(
        "procurement.tender.short-period.quotation",
        name("询价通知书发出至响应截止不足法定时间", "too short a response period in a request for quotation"),
        RuleVersion(
            figure: Figure(3, .workingDays), basis: [cite("《政府采购非招标采购方式管理办法》（财政部令第74号）", "第四十五条")],
            note: "a minimum duration in working days"))

    /// `procurement.tender.short-clarification`: 澄清或者修改距投标截止不足法定时间.
    public static let tenderShortClarification = RuleDeclaration(
        "procurement.tender.short-clarification",
        name("澄清或者修改距投标截止不足法定时间", "clarification too close to the bid deadline"),
        RuleVersion(
            figure: Figure(15, .days), basis: [cite(regulations, "第三十一条")],
            note: "open and invited tenders; the deadline must be moved when less is left"))

    /// `procurement.tender.too-few-bidders`: 投标人不足三家仍授予合同.
    public static let tenderTooFewBidders = RuleDeclaration(
        "procurement.tender.too-few-bidders", name("投标人不足三家仍授予合同", "awarded with fewer than three bidders"),
        RuleVersion(
            figure: Figure(3, .count), basis: [cite(law, "第三十六条")],
            note: "open and invited tenders: fewer bidders means the tender is abolished, not awarded"))

    /// `procurement.result.late-confirmation`: 收到评审报告后逾期确定中标、成交供应商.
    public static let resultLateConfirmation = RuleDeclaration(
        "procurement.result.late-confirmation",
        name("收到评审报告后逾期确定中标、成交供应商", "winner confirmed late after the evaluation report"),
        RuleVersion(figure: Figure(5, .workingDays), restDayExtension: true, basis: [cite(regulations, "第四十三条")]))

    /// `procurement.result.late-notice`: 确定中标、成交供应商后逾期公告结果.
    public static let resultLateNotice = RuleDeclaration(
        "procurement.result.late-notice",
        name("确定中标、成交供应商后逾期公告结果", "result announced late after the winner is confirmed"),
        RuleVersion(figure: Figure(2, .workingDays), restDayExtension: true, basis: [cite(regulations, "第四十三条")]))

    /// `procurement.bond.excessive-bid-bond`: 投标保证金超过采购项目预算金额的2%.
    public static let bondExcessiveBidBond = RuleDeclaration(
        "procurement.bond.excessive-bid-bond", name("投标保证金超过采购项目预算金额的2%", "bid bond over 2% of the budget"),
        RuleVersion(figure: Figure(2, .percent), basis: [cite(regulations, "第三十三条")]))

    /// `procurement.bond.late-refund`: 逾期退还投标保证金.
    public static let bondLateRefund = RuleDeclaration(
        "procurement.bond.late-refund", name("逾期退还投标保证金", "bid bond refunded late"),
        RuleVersion(
            figure: Figure(5, .workingDays), restDayExtension: true,
            basis: [cite(regulations, "第三十三条"), cite("《政府采购货物和服务招标投标管理办法》（财政部令第87号）", "第三十八条")],
            note: "from the result notice for other bidders, from the contract's signing for the winner"))

    /// `procurement.bond.excessive-performance-bond`: 履约保证金超过合同金额的10%.
    public static let bondExcessivePerformanceBond = RuleDeclaration(
        "procurement.bond.excessive-performance-bond",
        name("履约保证金超过合同金额的10%", "performance bond over 10% of the contract"),
        RuleVersion(figure: Figure(10, .percent), basis: [cite(regulations, "第四十八条")]))

    /// `procurement.acceptance.overdue`: 未按约定期限组织履约验收.
    public static let acceptanceOverdue = RuleDeclaration(
        "procurement.acceptance.overdue", name("未按约定期限组织履约验收", "acceptance not done by the agreed date"),
        RuleVersion(
            figure: Figure(0, .days), restDayExtension: false,
            basis: [cite(law, "第四十一条"), cite("《财政部关于进一步加强政府采购需求和履约验收管理的指导意见》（财库〔2016〕205号）")],
            note: "the contract's agreed acceptance date, with no grace"))

    /// `procurement.challenge.late-reply`: 逾期答复供应商质疑.
    public static let challengeLateReply = RuleDeclaration(
        "procurement.challenge.late-reply", name("逾期答复供应商质疑", "challenge answered late"),
        RuleVersion(figure: Figure(7, .workingDays), restDayExtension: true, basis: [cite(law, "第五十三条")]))

    /// The SME payment rule (中小企业款项支付), shared with the other sectors, under `procurement.payment.*`.
    public static let smePayment = SMEPaymentRule(sector: "procurement")

    /// Every version of every rule's figure, for the module's catalogue.
    public static var figures: [RuleFigure] { all.flatMap(\.figures) }

    /// Every rule the module declares, in the catalogue's order.
    public static let all: [RuleDeclaration] =
        [
            contractLateSigning, contractLatePublication, contractLateFiling, tenderShortPeriod,
            tenderShortPeriodConsultation, tenderShortPeriodNegotiation, tenderShortPeriodQuotation,
            tenderShortClarification, tenderTooFewBidders, resultLateConfirmation, resultLateNotice,
            bondExcessiveBidBond, bondLateRefund, bondExcessivePerformanceBond, acceptanceOverdue, challengeLateReply,
        ] + smePayment.declarations

}
