import CreditKitCore
import Foundation

/// The debt and arrears rules (地方政府债务与拖欠规则), each declared once with its figures and the dates each
/// version was in force: national defaults the kit adds to its profile, which a local profile may override.
///
/// Several figures are not confirmed by a national text (the risk colours, the emergency levels, the overdue bands,
/// the three-year clearance term): they ship as settings marked unconfirmed, with a note saying where they come
/// from, and `Docs/RULES.md` says so.
public enum DebtLaw: LawCatalogue {

    static let budgetLaw = "《中华人民共和国预算法》（2014年修正）"
    static let emergencyPlan = "《地方政府性债务风险应急处置预案》（国办函〔2016〕88号）"
    static let guangdongPlan = "《广东省政府性债务风险应急预案（试行）》（粤办函〔2016〕56号）"
    static let secondary = "地方政府债务率预警的通行做法（二手资料，未经核实）"
    static let businessEnvironment = "《优化营商环境条例》"
    static let integrityOpinion = "《国务院关于加强政务诚信建设的指导意见》（国发〔2016〕76号）"
    static let investmentRegulation = "《政府投资条例》"
    static let wageRegulation = "《保障农民工工资支付条例》"

    /// The day the amended Budget Law took effect, from which a region may borrow only within its limit.
    static let budgetLawStart = day("2015-01-01")

    /// `debt.balance.over-limit`: 债务余额超过限额.
    public static let overLimit = RuleDeclaration(
        "debt.balance.over-limit", name("政府债务余额超过限额", "debt balance above its approved limit"),
        RuleVersion(
            figure: Figure(0, .yuan), basis: [cite(budgetLaw, "第三十五条")], from: budgetLawStart,
            note: "general or special balance above its limit (限额) by any amount; equal to the limit is allowed"))

    /// `debt.ratio.over-warning`: 债务率超过100%警戒线.
    public static let ratioWarning = RuleDeclaration(
        "debt.ratio.over-warning", name("债务率超过警戒线", "debt ratio above the warning line"),
        RuleVersion(
            figure: Figure(100, .percent), basis: [cite(secondary)], from: budgetLawStart, confirmed: false,
            note: "debt ratio = (general + special balance) ÷ combined fiscal resources (综合财力); exactly the "
                + "figure is not over; quoted with the 2015 limit, a secondary source"))

    /// `debt.risk.yellow`: 黄色风险（债务率自120%起）.
    public static let yellow = RuleDeclaration(
        "debt.risk.yellow", name("债务风险黄色等级下限（债务率）", "yellow risk from this debt ratio"),
        RuleVersion(
            figure: Figure(120, .percent), basis: [cite(secondary)], confirmed: false,
            note: "lower bound included; green below it; internal practice, a profile setting"))

    /// `debt.risk.orange`: 橙色风险（债务率自200%起）.
    public static let orange = RuleDeclaration(
        "debt.risk.orange", name("债务风险橙色等级下限（债务率）", "orange risk from this debt ratio"),
        RuleVersion(
            figure: Figure(200, .percent), basis: [cite(secondary)], confirmed: false,
            note: "lower bound included; internal practice, a profile setting"))

    /// `debt.risk.red`: 红色风险（债务率自300%起）.
    public static let red = RuleDeclaration(
        "debt.risk.red", name("债务风险红色等级下限（债务率）", "red risk from this debt ratio"),
        RuleVersion(
            figure: Figure(300, .percent), basis: [cite(secondary)], confirmed: false,
            note: "lower bound included; internal practice, a profile setting"))

    /// `debt.restructuring.triggered`: 触发财政重整.
    public static let restructuring = RuleDeclaration(
        "debt.restructuring.triggered", name("付息支出超过10%触发财政重整", "interest burden triggers fiscal restructuring"),
        RuleVersion(
            figure: Figure(10, .percent), basis: [cite(emergencyPlan)], from: day("2016-10-27"),
            note: "general-debt interest above this share of general public budget expenditure, or special-debt "
                + "interest above it of government-fund budget expenditure; exactly the figure is not above"))

    static let levelNote =
        "the plan names four levels by events (a default, basic spending no longer met); the figures on the "
        + "overdue-debt ratio (逾期债务 ÷ 债务余额) are a documented default, a profile setting to confirm locally"

    /// `debt.emergency.level`: 债务风险事件等级（Ⅳ级起点）.
    public static let emergencyLevel = RuleDeclaration(
        "debt.emergency.level", name("达到政府性债务风险事件应急等级", "a debt emergency level is reached"),
        RuleVersion(
            figure: Figure(0, .percent), basis: [cite(emergencyPlan)], from: day("2016-10-27"), confirmed: false,
            note: "the finding names the level; this figure is level IV's: any debt overdue (overdue ratio above "
                + "this) or restructuring triggered; "
                + levelNote))

    /// `debt.emergency.level.iii`: Ⅲ级（较大）.
    public static let emergencyLevelIII = RuleDeclaration(
        "debt.emergency.level.iii", name("政府性债务风险事件Ⅲ级（较大）下限", "debt emergency level III from"),
        RuleVersion(
            figure: Figure(10, .percent), basis: [cite(emergencyPlan)], from: day("2016-10-27"), confirmed: false,
            note: "overdue ratio from this (included); " + levelNote))

    /// `debt.emergency.level.ii`: Ⅱ级（重大）.
    public static let emergencyLevelII = RuleDeclaration(
        "debt.emergency.level.ii", name("政府性债务风险事件Ⅱ级（重大）下限", "debt emergency level II from"),
        RuleVersion(
            figure: Figure(20, .percent), basis: [cite(emergencyPlan)], from: day("2016-10-27"), confirmed: false,
            note: "overdue ratio from this (included); " + levelNote))

    /// `debt.emergency.level.i`: Ⅰ级（特大）.
    public static let emergencyLevelI = RuleDeclaration(
        "debt.emergency.level.i", name("政府性债务风险事件Ⅰ级（特大）下限", "debt emergency level I from"),
        RuleVersion(
            figure: Figure(50, .percent), basis: [cite(emergencyPlan)], from: day("2016-10-27"), confirmed: false,
            note: "overdue ratio above this (not included); " + levelNote))

    static let bandNote = "a provincial example used as the default elsewhere; a profile setting"

    /// `debt.overdue.ratio`: 逾期债务率（初级风险自10%起）.
    public static let overdueRatio = RuleDeclaration(
        "debt.overdue.ratio", name("逾期债务率进入风险区间", "overdue-debt ratio in a risk band"),
        RuleVersion(
            figure: Figure(10, .percent), basis: [cite(guangdongPlan)], from: day("2016-01-01"), confirmed: false,
            note: "the finding names the band; this figure is the elementary band's lower bound (included), up to "
                + "the intermediate figure; " + bandNote))

    /// `debt.overdue.ratio.intermediate`: 中级风险自20%起.
    public static let overdueIntermediate = RuleDeclaration(
        "debt.overdue.ratio.intermediate", name("逾期债务率中级风险下限", "overdue-debt ratio: intermediate from"),
        RuleVersion(
            figure: Figure(20, .percent), basis: [cite(guangdongPlan)], from: day("2016-01-01"), confirmed: false,
            note: "intermediate from this (included) up to the severe figure (included); " + bandNote))

    /// `debt.overdue.ratio.severe`: 严重风险（超过50%）.
    public static let overdueSevere = RuleDeclaration(
        "debt.overdue.ratio.severe", name("逾期债务率严重风险（超过）", "overdue-debt ratio: severe above"),
        RuleVersion(
            figure: Figure(50, .percent), basis: [cite(guangdongPlan)], from: day("2016-01-01"), confirmed: false,
            note: "severe above this (not included); " + bandNote))

    /// `debt.arrears.new`: 新增拖欠.
    public static let newArrears = RuleDeclaration(
        "debt.arrears.new", name("清欠后新增拖欠企业账款", "new arrears after the no-new-arrears day"),
        RuleVersion(
            figure: Figure(0, .days), restDayExtension: false,
            basis: [cite(businessEnvironment, "第三十二条、第六十九条")], from: day("2020-01-01"),
            note: "an amount owed to an enterprise that fell due on or after the region's no-new-arrears day and was "
                + "not paid in full on its due day"))

    /// `debt.arrears.clearance-late`: 历史拖欠未按期清偿.
    public static let clearanceLate = RuleDeclaration(
        "debt.arrears.clearance-late", name("历史拖欠未在期限内清偿", "historical arrears not cleared in time"),
        RuleVersion(
            figure: Figure(3, .years), restDayExtension: false,
            basis: [cite(integrityOpinion), cite(businessEnvironment, "第三十二条")], from: day("2016-12-22"),
            confirmed: false,
            note: "counted from the clearance campaign's start, for arrears due before it; national texts set no "
                + "term, so three years is a documented default that a local profile replaces with its plan's own"))

    /// `debt.wages.late`: 人工费用未按月拨付.
    public static let wagesLate = RuleDeclaration(
        "debt.wages.late", name("政府投资项目人工费用未按月足额拨付", "migrant workers' labour cost not paid monthly"),
        RuleVersion(
            figure: Figure(1, .months), restDayExtension: false, basis: [cite(wageRegulation, "第二十四条")],
            from: day("2020-05-01"),
            note: "a month's labour cost paid in full within one month after the month worked; later, or still "
                + "unpaid, is a finding"))

    /// `debt.project.advance-funding`: 要求垫资或无资金开工.
    public static let advanceFunding = RuleDeclaration(
        "debt.project.advance-funding",
        name("政府投资项目要求施工单位垫资或资金未落实即开工", "government project advance-funded or started without funds"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(investmentRegulation, "第二十二条、第三十四条")],
            from: day("2019-07-01"), through: day("2020-04-30")),
        RuleVersion(
            figure: Figure(0, .count),
            basis: [cite(investmentRegulation, "第二十二条、第三十四条"), cite(wageRegulation, "第二十三条")],
            from: day("2020-05-01")))

    /// `debt.disclosure.sme-report-missing`: 未按期公开上一年度逾期未支付中小企业款项情况. Its figure is the core's
    /// `disclosure.sme-overdue-report` (31 March, from the 2025 regulation), read from the profile when judged.
    public static let smeReportMissing = RuleDeclaration(
        figures: CoreLaw.disclosureSmeOverdueReport.figures.map {
            var figure = $0
            figure.rule = "debt.disclosure.sme-report-missing"
            figure.title = name("未按期公开上一年度逾期未支付中小企业款项情况", "last year's overdue SME payments not published")
            figure.note = "judged by the figure of \(CoreLaw.disclosureSmeOverdueReport.id) in the profile"
            return figure
        })

    /// The SME payment rule under the debt sector's ids (`debt.payment.late-sme` and its companions).
    public static let smePayment = SMEPaymentRule(sector: DebtModule.sectorID.rawValue)

    /// Every debt rule.
    public static let all: [RuleDeclaration] =
        [
            overLimit, ratioWarning, yellow, orange, red, restructuring, emergencyLevel, emergencyLevelIII,
            emergencyLevelII, emergencyLevelI, overdueRatio, overdueIntermediate, overdueSevere, newArrears,
            clearanceLate, wagesLate, advanceFunding, smeReportMissing,
        ] + smePayment.declarations

    /// Every figure of every debt rule.
    public static var figures: [RuleFigure] { all.flatMap(\.figures) }
}
