import CreditKitCore
import Foundation

/// The township rules (乡镇（街道）规则), each declared once with its figures and the dates each version was in force:
/// national defaults the kit adds to its profile, which a local profile may override.
public enum TownshipsLaw: LawCatalogue {
    static let integrityOpinion = "《国务院关于加强政务诚信建设的指导意见》（国发〔2016〕76号）"
    static let businessEnvironment = "《优化营商环境条例》"
    static let villageCommittees = "《中华人民共和国村民委员会组织法》"
    static let dutyLists = "中共中央办公厅、国务院办公厅关于乡镇（街道）履行职责事项清单的意见（名称、文号未经核实）"

    /// `townships.commitment.overdue`: 乡镇（街道）公开承诺未按期兑现 (late, or not yet).
    public static let commitmentOverdue = RuleDeclaration(
        "townships.commitment.overdue",
        name("乡镇（街道）公开承诺未按期兑现", "a township's public commitment not kept by its deadline"),
        RuleVersion(
            figure: Figure(0, .days), restDayExtension: false, basis: [cite(integrityOpinion, "三（六）")],
            from: day("2016-12-22"),
            note: "a commitment with a deadline, not fulfilled by it: late from the day after (a fixed day does not "
                + "move off a rest day)"))

    /// `townships.commitment.unfulfilled`: 乡镇（街道）公开承诺未履行.
    public static let commitmentUnfulfilled = RuleDeclaration(
        "townships.commitment.unfulfilled",
        name("乡镇（街道）公开承诺经核查未履行", "a township's public commitment found not kept"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(integrityOpinion, "三（六）")], from: day("2016-12-22"),
            note: "the township's own assessment records the commitment as not met"))

    /// `townships.service.overrun`: 服务事项超过承诺时限且未公开说明.
    public static let serviceOverrun = RuleDeclaration(
        "townships.service.overrun",
        name("服务事项超过承诺办理时限且未公开说明理由", "a service completed after its promised time, the overrun not explained"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(businessEnvironment, "第三十六条")], from: day("2020-01-01"),
            note: "the limit is the time the township promised for the service in its catalogue (working days where "
                + "it says so), counted from the day after the request; an explanation published by completion (or, "
                + "still open, by the day looked at) excuses it"))

    /// `townships.finance.unpublished`: 村务、财务未按期公开.
    public static let financeUnpublished = RuleDeclaration(
        "townships.finance.unpublished",
        name("村务、财务公开期间内未公开", "a period without the village affairs or finance publication"),
        RuleVersion(
            figure: Figure(3, .months), basis: [cite(villageCommittees, "第三十条、第三十一条")], from: day("2010-10-28"),
            note: "village affairs and finances published at least once in every period (a quarter); the township "
                + "oversees it; a profile may set a month"))

    /// `townships.finance.monthly`: 集体财务往来较多的，财务收支每月公布.
    public static let financeMonthly = RuleDeclaration(
        "townships.finance.monthly",
        name("集体财务往来较多的村每月公布财务收支", "monthly finance publication where collective dealings are frequent"),
        RuleVersion(
            figure: Figure(1, .months), basis: [cite(villageCommittees, "第三十条")], from: day("2010-10-28"),
            note: "for a village recorded as having frequent collective finance; its findings are "
                + "townships.finance.unpublished"))

    /// `townships.duty.outside-list`: 向乡镇（街道）派转清单外或已收回事项.
    public static let dutyOutsideList = RuleDeclaration(
        "townships.duty.outside-list",
        name("县级部门向乡镇（街道）派转清单外或已收回的事项", "a task pushed down to a township off its duty lists or taken back"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(dutyLists)], from: day("2024-01-01"), confirmed: false,
            note: "the finding is the assigning department's; a task on no list is excused by the county's recorded "
                + "approval (事项准入), a task on the taken-back list never"))

    /// `townships.integrity.serious-records`: 诚信乡镇：年内严重失信记录上限.
    public static let integritySeriousRecords = RuleDeclaration(
        "townships.integrity.serious-records",
        name("诚信乡镇（街道）：年内严重失信记录数上限", "integrity township: most serious dishonesty records in the year"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(integrityOpinion, "三（六）")], from: day("2016-12-22"),
            confirmed: false, note: "documented default criterion; a profile sets its own"))

    /// `townships.integrity.commitments-kept`: 诚信乡镇：承诺按期兑现率下限.
    public static let integrityCommitmentsKept = RuleDeclaration(
        "townships.integrity.commitments-kept",
        name("诚信乡镇（街道）：公开承诺按期兑现率不低于", "integrity township: least share of commitments kept on time"),
        RuleVersion(
            figure: Figure(95, .percent), basis: [cite(integrityOpinion, "三（六）")], from: day("2016-12-22"),
            confirmed: false, note: "documented default criterion; a profile sets its own"))

    /// `townships.integrity.unresolved-complaints`: 诚信乡镇：经核实属实未办结投诉上限.
    public static let integrityUnresolvedComplaints = RuleDeclaration(
        "townships.integrity.unresolved-complaints",
        name("诚信乡镇（街道）：经核实属实而未办结的投诉数上限", "integrity township: most verified complaints left unresolved"),
        RuleVersion(
            figure: Figure(0, .count), basis: [cite(integrityOpinion, "三（六）")], from: day("2016-12-22"),
            confirmed: false, note: "documented default criterion; a profile sets its own"))

    /// Every township rule.
    public static let all: [RuleDeclaration] = [
        commitmentOverdue, commitmentUnfulfilled, serviceOverrun, financeUnpublished, financeMonthly, dutyOutsideList,
        integritySeriousRecords, integrityCommitmentsKept, integrityUnresolvedComplaints,
    ]

    /// Every figure of every township rule.
    public static var figures: [RuleFigure] { all.flatMap(\.figures) }
}
