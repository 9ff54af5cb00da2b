import CreditKitCore
import Foundation

/// The PPP rules (政府和社会资本合作规则), each declared once with its figures and the dates each version was in force:
/// national defaults the kit adds to its profile, which a local profile may override. A project is judged by the
/// version in force on its own key day (the day an obligation fell due, the contract was signed, the assessment
/// was made), so a project under the old regime keeps the old rules.
public enum PPPLaw: LawCatalogue {

    /// A rule whose versions are built elsewhere (shared by several rules).
    static func declare(_ id: RuleID, _ title: LocalizedName, _ versions: [RuleVersion]) -> RuleDeclaration {
        RuleDeclaration(
            figures: versions.map {
                RuleFigure(
                    rule: id, title: title, figure: $0.figure, restDayExtension: $0.restDayExtension, basis: $0.basis,
                    from: $0.from, through: $0.through, confirmed: $0.confirmed, note: $0.note)
            })
    }

    static let integrityOpinion = "《国务院关于加强政务诚信建设的指导意见》（国发〔2016〕76号）"
    static let businessEnvironment = "《优化营商环境条例》"
    static let concessions2015 = "《基础设施和公用事业特许经营管理办法》（2015年国家发展改革委等6部门令第25号）"
    static let concessions2024 = "《基础设施和公用事业特许经营管理办法》（2024年国家发展改革委等6部门令第17号）"
    static let guide2014 = "《政府和社会资本合作模式操作指南（试行）》（财金〔2014〕113号）"
    static let affordability2015 = "《政府和社会资本合作项目财政承受能力论证指引》（财金〔2015〕21号）"
    static let regulation2019 = "《关于推进政府和社会资本合作规范发展的实施意见》（财金〔2019〕10号）"
    static let notice2022 = "财政部《关于进一步推动政府和社会资本合作（PPP）规范发展、阳光运行的通知》（2022年11月）"
    static let mechanism2023 = "《关于规范实施政府和社会资本合作新机制的指导意见》（国办函〔2023〕115号）"
    static let disclosure2017 = "《政府和社会资本合作（PPP）综合信息平台信息公开管理暂行办法》（财金〔2017〕1号）"

    /// The last day before the 2023 mechanism: the fiscal rules' last day of force for new projects.
    static let beforeMechanism = day("2023-11-07")
    /// The 2023 mechanism's first day: its publication (2023-11-08); the document itself is dated 2023-11-03.
    public static let mechanismStart = day("2023-11-08")

    /// Government obligations: the contract's day, with no grace and no move off a rest day; kept by the
    /// government like any other party's word (from the 2016 opinion's day, 2016-12-22; from 2020 also the
    /// Regulation on Optimising the Business Environment).
    static func obligationVersions(_ note: String) -> [RuleVersion] {
        [
            RuleVersion(
                figure: Figure(0, .days), restDayExtension: false, basis: [cite(integrityOpinion)],
                from: day("2016-12-22"), through: day("2019-12-31"), note: note),
            RuleVersion(
                figure: Figure(0, .days), restDayExtension: false,
                basis: [cite(integrityOpinion), cite(businessEnvironment, "第三十一条")], from: day("2020-01-01"),
                note: note),
        ]
    }

    /// `ppp.obligation.late-payment`: 政府方逾期支付.
    public static let latePayment = declare(
        "ppp.obligation.late-payment", name("政府方逾期支付PPP项目款项", "government paid a PPP obligation late"),
        obligationVersions("paid in full after the due day; a day the contract fixes does not move off a rest day"))

    /// `ppp.obligation.overdue-unpaid`: 政府方逾期未支付.
    public static let overdueUnpaid = declare(
        "ppp.obligation.overdue-unpaid", name("政府方逾期未支付PPP项目款项", "government payment overdue and unpaid"),
        obligationVersions("unpaid, in whole or in part, past the due day"))

    /// `ppp.obligation.unfulfilled`: 政府方逾期未履行土地交付、审批等义务.
    public static let unfulfilled = declare(
        "ppp.obligation.unfulfilled",
        name("政府方逾期未履行土地交付、审批等义务", "government obligation (land, approvals) not fulfilled on time"),
        obligationVersions("a non-money obligation done after its day, or not yet"))

    /// `ppp.contract.unlawful-change`: 政府方违法变更或者终止合同（新官不理旧账）.
    public static let unlawfulChange = declare(
        "ppp.contract.unlawful-change",
        name("政府方违法变更或者终止PPP合同", "government changed or ended a PPP contract unlawfully"),
        [
            RuleVersion(
                figure: Figure(0, .count), basis: [cite(concessions2015, "第三十七条、第三十八条"), cite(integrityOpinion)],
                from: day("2015-06-01"), through: day("2019-12-31"), note: changeNote),
            RuleVersion(
                figure: Figure(0, .count),
                basis: [cite(concessions2015, "第三十七条、第三十八条"), cite(businessEnvironment, "第三十一条")],
                from: day("2020-01-01"), through: day("2024-04-30"), note: changeNote),
            RuleVersion(
                figure: Figure(0, .count), basis: [cite(concessions2024, "第四十一条"), cite(businessEnvironment, "第三十一条")],
                from: day("2024-05-01"), note: changeNote),
        ])

    static let changeNote =
        "a change or termination by the government side for a prohibited reason (a change of leaders, of institutions "
        + "or of administrative division), without the lawful procedure, or without compensation agreed"

    /// `ppp.fiscal.cap-exceeded`: 财政支出责任超过一般公共预算支出10%.
    public static let fiscalCap = RuleDeclaration(
        "ppp.fiscal.cap-exceeded",
        name("PPP项目财政支出责任超过一般公共预算支出10%", "PPP spending over 10% of the general budget"),
        RuleVersion(
            figure: Figure(10, .percent), basis: [cite(affordability2015), cite(regulation2019)],
            from: day("2015-04-07"), through: beforeMechanism,
            note: "all the government's PPP spending in the year, this project included, over its general public "
                + "budget expenditure; no new project may enter; judged on the assessment's day"))

    /// `ppp.fiscal.warning`: 财政支出责任超过7%的风险提示.
    public static let fiscalWarning = RuleDeclaration(
        "ppp.fiscal.warning", name("PPP项目财政支出责任超过7%（风险提示）", "PPP spending over 7% of the budget: warning"),
        RuleVersion(
            figure: Figure(7, .percent), basis: [cite(regulation2019)], from: day("2019-03-07"),
            through: beforeMechanism, note: "over 7% and up to 10%: a risk warning"))

    /// `ppp.fiscal.no-new-government-pay`: 超过5%不得新上政府付费项目.
    public static let fiscalNoNewGovernmentPay = RuleDeclaration(
        "ppp.fiscal.no-new-government-pay",
        name("财政支出责任超过5%仍新上政府付费项目", "new government-pay project while PPP spending is over 5%"),
        RuleVersion(
            figure: Figure(5, .percent), basis: [cite(notice2022)], from: day("2022-11-18"), through: beforeMechanism,
            confirmed: false, note: "the notice's number is unconfirmed"))

    /// `ppp.mechanism.government-pay`: 新机制项目承担政府支出责任.
    public static let mechanismGovernmentPay = RuleDeclaration(
        "ppp.mechanism.government-pay",
        name("新机制项目安排政府付费或者建设期补助", "2023-mechanism project with government payment obligations"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(mechanism2023)], from: mechanismStart,
            note: "keyed on the contract's signing day; in force from the document's publication on 2023-11-08 (it "
                + "is dated 2023-11-03); a clue for an officer: subsidies for operation can be lawful"))

    /// `ppp.mechanism.private-equity`: 新机制公益性项目民营资本股权比例低于35%.
    public static let mechanismPrivateEquity = RuleDeclaration(
        "ppp.mechanism.private-equity",
        name("新机制公益性项目民营企业股权比例低于35%", "2023-mechanism public-interest project with private equity under 35%"),
        RuleVersion(
            figure: Figure(35, .percent), basis: [cite(mechanism2023)], from: mechanismStart,
            note: "in principle, for projects in the public interest; keyed on the contract's signing day"))

    /// `ppp.concession.term-exceeded`: 特许经营期限超过法定上限.
    public static let termExceeded = RuleDeclaration(
        "ppp.concession.term-exceeded",
        name("特许经营期限超过规定上限", "concession term over the limit"),
        RuleVersion(
            figure: Figure(30, .years), basis: [cite(concessions2015, "第六条")], from: day("2015-06-01"),
            through: day("2024-04-30"),
            note: "keyed on the contract's signing day, unless a longer term was approved; the term runs from its "
                + "first day through its last, so 30 years from 2020-01-01 end on 2049-12-31"),
        RuleVersion(
            figure: Figure(40, .years), basis: [cite(concessions2024)], from: day("2024-05-01"),
            note: "in principle; keyed on the contract's signing day, unless a longer term was approved"))

    /// `ppp.procurement.too-few-qualified`: 资格预审合格不足三家未重新组织资格预审.
    public static let tooFewQualified = RuleDeclaration(
        "ppp.procurement.too-few-qualified",
        name("资格预审合格社会资本不足三家仍签约", "contract signed after fewer than three qualified, not re-done"),
        RuleVersion(
            figure: Figure(3, .count), basis: [cite(guide2014, "第十四条")], from: day("2014-11-29"),
            note: "the last review before the contract's signing decides"))

    /// `ppp.failure.penalty-unpaid`: 社会资本方绩效不达标被处违约金而未缴纳.
    public static let penaltyUnpaid = RuleDeclaration(
        "ppp.failure.penalty-unpaid",
        name("绩效不达标的违约金已处未缴（政府方未追缴）", "performance penalty imposed and not paid (not enforced)"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(guide2014)], from: day("2014-11-29"), through: beforeMechanism,
            note: penaltyNote),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(guide2014), cite(mechanism2023)], from: mechanismStart,
            note: penaltyNote))

    static let penaltyNote =
        "the implementing agency monitors performance and pays by it: a penalty imposed and left unpaid is a contract "
        + "not enforced; judged on the failure period's last day; not judged when the source does not say if it was paid"

    /// `ppp.disclosure.late`: 进入执行阶段后逾期公开识别、准备、采购阶段信息.
    public static let disclosureLate = RuleDeclaration(
        "ppp.disclosure.late",
        name("进入执行阶段后逾期公开前期阶段信息", "earlier stages' information not public within 6 months of execution"),
        RuleVersion(
            figure: Figure(6, .months), basis: [cite(disclosure2017)], from: day("2017-01-23"),
            through: day("2021-12-31"),
            note: "the 2017 rules, by the day execution began; the 2022 rules are left to a local profile"))

    /// `ppp.disclosure.late-annual`: 逾期公开上一年度执行阶段信息.
    public static let disclosureLateAnnual = RuleDeclaration(
        "ppp.disclosure.late-annual",
        name("逾期公开上一年度执行阶段信息", "a year's execution information not public by 30 April"),
        RuleVersion(
            figure: Figure(430, .monthDay), basis: [cite(disclosure2017)], from: day("2017-01-23"),
            through: day("2021-12-31"),
            note: "each year of execution by 30 April of the next, judged by the rules in force on the year's last day")
    )

    /// Every version of every rule's figure, for the module's catalogue.
    public static var figures: [RuleFigure] { all.flatMap(\.figures) }

    /// Every rule the module declares, in the catalogue's order.
    public static let all: [RuleDeclaration] = [
        latePayment, overdueUnpaid, unfulfilled, unlawfulChange, fiscalCap, fiscalWarning, fiscalNoNewGovernmentPay,
        mechanismGovernmentPay, mechanismPrivateEquity, termExceeded, tooFewQualified, penaltyUnpaid, disclosureLate,
        disclosureLateAnnual,
    ]
}
