import CreditKitCore
import Foundation

/// The investment-promotion rules (招商引资规则), each declared once with its figures and the dates each version was
/// in force: national defaults the kit adds to its profile, which a local profile may override.
public enum InvestmentLaw: LawCatalogue {
    static let businessEnvironment = "《优化营商环境条例》"
    static let fairCompetition = "《公平竞争审查条例》（国务院令第783号）"
    static let fairCompetitionMeasures = "《公平竞争审查条例实施办法》（国家市场监督管理总局令第99号）"
    static let smePayment2025 = "《保障中小企业款项支付条例》（2025）"
    static let integrityOpinion = "《国务院关于加强政务诚信建设的指导意见》（国发〔2016〕76号）"

    /// `investment.commitment.overdue`: 招商引资承诺逾期未兑现.
    public static let overdue = RuleDeclaration(
        "investment.commitment.overdue", name("招商引资承诺逾期未兑现", "a promise to an investor not kept by its day"),
        RuleVersion(
            figure: Figure(0, .days), restDayExtension: false, basis: [cite(integrityOpinion)],
            from: day("2016-12-22"), through: day("2019-12-31"),
            note: "past its day and not fulfilled, the investor not in default on its own obligations by then"),
        RuleVersion(
            figure: Figure(0, .days), restDayExtension: false, basis: [cite(businessEnvironment, "第三十一条")],
            from: day("2020-01-01"),
            note: "past its day and not fulfilled, the investor not in default on its own obligations by then"))

    static let changeNote =
        "changed or withdrawn for a change of administrative division, of government, of institution or of the "
        + "official in charge (新官不理旧账), or for public interest without the lawful procedure or without compensation"

    /// `investment.commitment.unlawful-change`: 违法变更、撤回招商引资承诺.
    public static let unlawfulChange = RuleDeclaration(
        "investment.commitment.unlawful-change",
        name("违法变更或撤回招商引资承诺", "a promise to an investor changed or withdrawn unlawfully"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(integrityOpinion)], from: day("2016-12-22"),
            through: day("2019-12-31"), note: changeNote),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(businessEnvironment, "第三十一条")], from: day("2020-01-01"),
            note: changeNote))

    /// `investment.incentive.unlawful`: 无依据给予特定经营者优惠政策.
    public static let unlawfulIncentive = RuleDeclaration(
        "investment.incentive.unlawful",
        name("无法律法规依据或国务院批准给予特定经营者优惠", "an incentive for one operator without legal basis or approval"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(fairCompetition, "第八条至第十条")], from: day("2024-08-01"),
            note: "tax preferences, selective rewards or subsidies, preferential land, fees, funds or social insurance "
                + "for a specific operator, with no law, regulation or State Council approval recorded"))

    /// `investment.incentive.tied`: 与迁移注册、纳税、统计挂钩的奖补.
    public static let tiedIncentive = RuleDeclaration(
        "investment.incentive.tied",
        name("与迁移注册地、纳税或统计地挂钩的奖励补贴", "a subsidy tied to moving registration, local tax or statistics"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(fairCompetitionMeasures, "第十九条")], from: day("2025-04-20"),
            note: "a reward or subsidy conditional on moving registration, paying tax or being counted locally, with "
                + "no law, regulation or State Council approval recorded"))

    /// `investment.incentive.unreviewed`: 未经公平竞争审查出台优惠政策.
    public static let unreviewed = RuleDeclaration(
        "investment.incentive.unreviewed",
        name("未经公平竞争审查作出招商引资优惠承诺", "an incentive promised without fair-competition review"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(fairCompetition, "第二条、第十二条")], from: day("2024-08-01"),
            note: "land, subsidies, tax treatment or fee reductions promised with no fair-competition review on or "
                + "before the day promised"))

    /// `investment.complaint.late-forward`: 投诉转交超过10个工作日.
    public static let lateForward = RuleDeclaration(
        "investment.complaint.late-forward", name("投诉逾期转交", "a complaint forwarded late"),
        RuleVersion(
            figure: Figure(10, .workingDays), restDayExtension: true, basis: [cite(smePayment2025, "第二十五条")],
            from: day("2025-06-01"),
            note: "the 2020 text said only \"promptly\" (及时): no figure, so no finding before 2025-06-01"))

    /// `investment.complaint.late-result`: 投诉处理超过30日.
    public static let lateResult = RuleDeclaration(
        "investment.complaint.late-result", name("投诉逾期办结", "a complaint's result given late"),
        RuleVersion(
            figure: Figure(30, .days), restDayExtension: true, basis: [cite(smePayment2025, "第二十五条")],
            from: day("2025-06-01"), confirmed: false,
            note: "counted from the day the forwarded complaint reaches the deciding department (the forwarding "
                + "day); the start is read from the text, not confirmed here; a recorded extension allows the maximum"))

    /// `investment.complaint.result-maximum`: 延长后最长90日.
    public static let resultMaximum = RuleDeclaration(
        "investment.complaint.result-maximum", name("投诉处理延长后的最长期限", "longest time for a complaint's result"),
        RuleVersion(
            figure: Figure(90, .days), restDayExtension: true, basis: [cite(smePayment2025, "第二十五条")],
            from: day("2025-06-01"), note: "with an extension recorded before the 30 days ran out"))

    /// `investment.payment.late`: 奖补资金逾期支付.
    public static let latePayment = RuleDeclaration(
        "investment.payment.late", name("承诺的奖励补贴逾期支付", "a promised subsidy or reward paid late"),
        RuleVersion(
            figure: Figure(0, .days), restDayExtension: false, basis: [cite(businessEnvironment, "第三十一条")],
            from: day("2020-01-01"),
            note: "paid after its day; interest at the agreed daily rate, or for an SME investor at the statutory "
                + "rate of the SME payment rule, from the day after the due day"))

    /// `investment.payment.interest`: the SME payment rule's daily rate, for SME investors.
    public static let interest = RuleDeclaration(
        figures: SMEPaymentRule(sector: InvestmentPromotionModule.sectorID.rawValue).figures.filter {
            $0.rule.rawValue.hasSuffix(".payment.interest")
        })

    /// Every investment rule.
    public static let all: [RuleDeclaration] = [
        overdue, unlawfulChange, unlawfulIncentive, tiedIncentive, unreviewed, lateForward, lateResult, resultMaximum,
        latePayment, interest,
    ]

    /// Every figure of every investment rule.
    public static var figures: [RuleFigure] { all.flatMap(\.figures) }
}
