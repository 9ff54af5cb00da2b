import CreditKitCore
import Foundation

/// The procurement rules' figures (政府采购规则参数): national defaults the kit adds to its profile, which a local
/// profile may override.
enum ProcurementFigures {
    static func cite(_ document: String, _ article: String? = nil) -> LegalCitation {
        LegalCitation(document: document, article: article)
    }

    static let law = "《中华人民共和国政府采购法》"
    static let regulations = "《中华人民共和国政府采购法实施条例》"
    static let smePayment2025 = "《保障中小企业款项支付条例》（2025）"

    static func name(_ chinese: String, _ english: String) -> LocalizedName {
        LocalizedName(chinese: chinese, english: english)
    }

    static let all: [RuleFigure] =
        [
            RuleFigure(
                rule: "procurement.contract.late-signing",
                title: name("中标、成交通知书发出后逾期签订合同", "contract signed late after the award notice"),
                figure: Figure(30, .days), restDayExtension: true, basis: [cite(law, "第四十六条")]),
            RuleFigure(
                rule: "procurement.contract.late-publication",
                title: name("合同签订后逾期公告", "contract published late after signing"),
                figure: Figure(2, .workingDays), restDayExtension: true, basis: [cite(regulations, "第五十条")]),
            RuleFigure(
                rule: "procurement.contract.late-filing",
                title: name("合同签订后逾期备案", "contract copy filed late with the finance department"),
                figure: Figure(7, .workingDays), restDayExtension: true, basis: [cite(law, "第四十七条")]),
            RuleFigure(
                rule: "procurement.tender.short-period",
                title: name("招标文件发出至投标截止不足法定时间", "too short from tender documents to bid deadline"),
                figure: Figure(20, .days), basis: [cite(law, "第三十五条")],
                note: "open and invited tenders; a minimum duration, counted plainly"),
            RuleFigure(
                rule: "procurement.tender.short-period.consultation",
                title: name("竞争性磋商文件发出至响应截止不足法定时间", "too short a response period in competitive consultation"),
                figure: Figure(10, .days), basis: [cite("《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）", "第十条")],
                note: "a minimum duration, counted plainly"),
            RuleFigure(
                rule: "procurement.tender.short-period.negotiation",
                title: name("竞争性谈判文件发出至响应截止不足法定时间", "too short a response period in competitive negotiation"),
                figure: Figure(3, .workingDays), basis: [cite("《政府采购非招标采购方式管理办法》（财政部令第74号）", "第二十九条")],
                note: "a minimum duration in working days"),
            RuleFigure(
                rule: "procurement.tender.short-period.quotation",
                title: name("询价通知书发出至响应截止不足法定时间", "too short a response period in a request for quotation"),
                figure: Figure(3, .workingDays), basis: [cite("《政府采购非招标采购方式管理办法》（财政部令第74号）", "第四十五条")],
                note: "a minimum duration in working days"),
            RuleFigure(
                rule: "procurement.tender.short-clarification",
                title: name("澄清或者修改距投标截止不足法定时间", "clarification too close to the bid deadline"),
                figure: Figure(15, .days), basis: [cite(regulations, "第三十一条")],
                note: "open and invited tenders; the deadline must be moved when less is left"),
            RuleFigure(
                rule: "procurement.tender.too-few-bidders",
                title: name("投标人不足三家仍授予合同", "awarded with fewer than three bidders"),
                figure: Figure(3, .count), basis: [cite(law, "第三十六条")],
                note: "open and invited tenders: fewer bidders means the tender is abolished, not awarded"),
            RuleFigure(
                rule: "procurement.result.late-confirmation",
                title: name("收到评审报告后逾期确定中标、成交供应商", "winner confirmed late after the evaluation report"),
                figure: Figure(5, .workingDays), restDayExtension: true, basis: [cite(regulations, "第四十三条")]),
            RuleFigure(
                rule: "procurement.result.late-notice",
                title: name("确定中标、成交供应商后逾期公告结果", "result announced late after the winner is confirmed"),
                figure: Figure(2, .workingDays), restDayExtension: true, basis: [cite(regulations, "第四十三条")]),
            RuleFigure(
                rule: "procurement.bond.excessive-bid-bond",
                title: name("投标保证金超过采购项目预算金额的2%", "bid bond over 2% of the budget"),
                figure: Figure(2, .percent), basis: [cite(regulations, "第三十三条")]),
            RuleFigure(
                rule: "procurement.bond.late-refund",
                title: name("逾期退还投标保证金", "bid bond refunded late"),
                figure: Figure(5, .workingDays), restDayExtension: true,
                basis: [cite(regulations, "第三十三条"), cite("《政府采购货物和服务招标投标管理办法》（财政部令第87号）", "第三十八条")],
                note: "from the result notice for other bidders, from the contract's signing for the winner"),
            RuleFigure(
                rule: "procurement.bond.excessive-performance-bond",
                title: name("履约保证金超过合同金额的10%", "performance bond over 10% of the contract"),
                figure: Figure(10, .percent), basis: [cite(regulations, "第四十八条")]),
            RuleFigure(
                rule: "procurement.acceptance.overdue",
                title: name("未按约定期限组织履约验收", "acceptance not done by the agreed date"),
                figure: Figure(0, .days), restDayExtension: false,
                basis: [cite(law, "第四十一条"), cite("《财政部关于进一步加强政府采购需求和履约验收管理的指导意见》（财库〔2016〕205号）")],
                note: "the contract's agreed acceptance date, with no grace"),
            RuleFigure(
                rule: "procurement.challenge.late-reply",
                title: name("逾期答复供应商质疑", "challenge answered late"),
                figure: Figure(7, .workingDays), restDayExtension: true, basis: [cite(law, "第五十三条")]),
        ]
        + SMEPaymentRule(sector: "procurement").figures
}
