import Foundation

// The national profile's figures: every figure a core rule uses, with its source. Rows marked `confirmed: false`
// are documented defaults no primary source here confirms; local profiles and integrators override them.

extension JurisdictionProfile {
    /// The national defaults (全国).
    public static let national: JurisdictionProfile = try! JurisdictionProfile(
        id: "national", name: LocalizedName(chinese: "全国", english: "National"), figures: NationalFigures.all)

    /// Every shipped profile: national first, then the local ones by id.
    public static let shipped: [JurisdictionProfile] = [national] + LocalProfiles.all

    /// A shipped profile by id (`national`, `shanghai`, `shandong`, `henan`, `shenzhen`, `zhejiang`, `hebei`,
    /// `inner-mongolia`, `liaoning`, `heilongjiang`).
    /// - Parameter id: The id.
    /// - Returns: The profile, or `nil`.
    public static func named(_ id: String) -> JurisdictionProfile? { shipped.first { $0.id == id } }
}

/// Short builders for the figure tables.
enum FigureTable {
    static func date(_ text: String) -> LocalDate { LocalDate(text)! }
    static func cite(_ document: String, _ article: String? = nil) -> LegalCitation {
        LegalCitation(document: document, article: article)
    }
    static func name(_ chinese: String, _ english: String) -> LocalizedName {
        LocalizedName(chinese: chinese, english: english)
    }
}

enum NationalFigures {
    typealias F = FigureTable

    static let penaltyPublication = [
        F.cite("国办发〔2015〕51号"), F.cite("发改办财金〔2018〕424号"),
    ]
    static let regime2019 = [F.cite("发改办财金〔2019〕527号")]
    static let regimeOrder58 = [F.cite("国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》")]
    static let regimeOrder36 = [
        F.cite("国家发展改革委令第36号《信用修复管理办法》"), F.cite("国办发〔2025〕22号"),
    ]
    static let order58Start = F.date("2023-05-01")
    static let order36Start = F.date("2026-04-01")

    static func display(
        _ severity: Severity, _ bound: String, _ figure: Figure, _ basis: [LegalCitation], from: LocalDate?,
        through: LocalDate?, confirmed: Bool = true, note: String? = nil
    ) -> RuleFigure {
        let zh = bound == "minimum" ? "最短公示期" : "最长公示期"
        let en = bound == "minimum" ? "minimum display period" : "maximum display period"
        return RuleFigure(
            rule: RuleID("record.display.\(bound).\(severity.rawValue)"),
            title: F.name("\(severity.chineseName)失信信息\(zh)", "\(severity.rawValue) dishonesty information: \(en)"),
            figure: figure, basis: basis, from: from, through: through, confirmed: confirmed, note: note)
    }

    static var all: [RuleFigure] {
        var rows: [RuleFigure] = [
            RuleFigure(
                rule: "disclosure.penalty.publication",
                title: F.name("行政处罚决定作出后公示", "publish an administrative penalty after the decision (双公示)"),
                figure: Figure(7, .workingDays), restDayExtension: true, basis: penaltyPublication,
                note: "applies to licences and penalties an authority issues"),
            RuleFigure(
                rule: "record.publication.other",
                title: F.name("其他失信信息归集公示", "publish a dishonesty record on another basis"),
                figure: Figure(7, .workingDays), restDayExtension: true, basis: penaltyPublication, confirmed: false,
                note: "documented default: the 双公示 figure; 发改办财金〔2018〕424号 leaves other records to the profile"),
            RuleFigure(
                rule: "disclosure.penalty.withdrawal",
                title: F.name("处罚决定被变更、撤销、确认违法或无效后撤下公示", "withdraw a published penalty changed or annulled"),
                figure: Figure(3, .days), restDayExtension: true,
                basis: [F.cite("《中华人民共和国行政处罚法》（2021）", "第四十八条")], from: F.date("2021-07-15")),
            RuleFigure(
                rule: "disclosure.proactive",
                title: F.name("主动公开政府信息", "proactively publish government information after it is made or changed"),
                figure: Figure(20, .workingDays), restDayExtension: true,
                basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第二十六条")], from: F.date("2019-05-15")),
            RuleFigure(
                rule: "disclosure.request.reply",
                title: F.name("依申请公开答复", "answer a disclosure request"),
                figure: Figure(20, .workingDays), restDayExtension: true,
                basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第三十三条")], from: F.date("2019-05-15")),
            RuleFigure(
                rule: "disclosure.request.extension",
                title: F.name("依申请公开答复延长", "extension of a disclosure request's answer, once"),
                figure: Figure(20, .workingDays), restDayExtension: true,
                basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第三十三条")], from: F.date("2019-05-15")),
            RuleFigure(
                rule: "disclosure.annual-report.department",
                title: F.name("部门政府信息公开工作年度报告", "department's annual disclosure report, due by"),
                figure: Figure(131, .monthDay),
                basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第四十九条")], from: F.date("2019-05-15")),
            RuleFigure(
                rule: "disclosure.annual-report.government",
                title: F.name("本级政府政府信息公开工作年度报告", "government's annual disclosure report, due by"),
                figure: Figure(331, .monthDay),
                basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第四十九条")], from: F.date("2019-05-15")),
            RuleFigure(
                rule: "disclosure.sme-overdue-report",
                title: F.name("公开上一年度逾期未支付中小企业款项情况", "publish last year's overdue SME payments, by"),
                figure: Figure(331, .monthDay),
                basis: [F.cite("《保障中小企业款项支付条例》（2025）", "第十八条")], from: F.date("2025-06-01")),
            RuleFigure(
                rule: "disclosure.list-change",
                title: F.name("权责清单调整后公开", "publish a change of the power and responsibility list"),
                figure: Figure(10, .workingDays), restDayExtension: true,
                basis: [F.cite("廊坊市交通运输局全面推进政务公开工作实施意见（seed 003）")],
                note: "a local plan's figure, used as the default elsewhere"),
            RuleFigure(
                rule: "disclosure.policy-interpretation",
                title: F.name("政策文件解读发布", "publish the interpretation of a policy after the policy"),
                figure: Figure(3, .workingDays), restDayExtension: true,
                basis: [F.cite("廊坊市交通运输局全面推进政务公开工作实施意见（seed 003）")],
                note: "a local plan's figure, used as the default elsewhere"),
            RuleFigure(
                rule: "disclosure.emergency-press",
                title: F.name("重大突发事件新闻发布", "hold a press conference after a major emergency"),
                figure: Figure(24, .hours), basis: [F.cite("廊坊市交通运输局全面推进政务公开工作实施意见（seed 003）")],
                note: "a local plan's figure, used as the default elsewhere"),
            RuleFigure(
                rule: "disclosure.semiannual-report.first-half",
                title: F.name("上半年政务诚信工作情况报送", "report the first half-year's integrity work upward, by"),
                figure: Figure(710, .monthDay), basis: [F.cite("秦皇岛市交通运输局加强政务诚信建设实施方案（seed 000）")]),
            RuleFigure(
                rule: "disclosure.semiannual-report.second-half",
                title: F.name("下半年政务诚信工作情况报送", "report the second half-year's integrity work upward, by (next year)"),
                figure: Figure(110, .monthDay), basis: [F.cite("秦皇岛市交通运输局加强政务诚信建设实施方案（seed 000）")]),
            RuleFigure(
                rule: "repair.platform.feedback",
                title: F.name("信用平台网站反馈修复申请", "credit platform's feedback on a repair application"),
                figure: Figure(10, .workingDays), restDayExtension: true, basis: [F.cite("国办发〔2025〕22号", "四")]),
            RuleFigure(
                rule: "repair.decision",
                title: F.name("主管部门作出修复决定", "competent department decides a repair, from receipt"),
                figure: Figure(3, .workingDays), restDayExtension: true, basis: [F.cite("国办发〔2025〕22号", "四")],
                note: "extendable when the case is complex"),
            RuleFigure(
                rule: "commitment.overdue",
                title: F.name("承诺到期未履行或逾期履行", "a commitment open past its due date, or fulfilled late"),
                figure: Figure(0, .days), restDayExtension: false,
                basis: [F.cite("国发〔2016〕76号")],
                note: "no grace: the agreed due date is the last day"),
            RuleFigure(
                rule: "commitment.breach",
                title: F.name("违反公开承诺", "a public commitment breached"),
                figure: Figure(0, .count), basis: [F.cite("国发〔2016〕76号")],
                note: "every breach is reported; a lawful change is not a breach"),
            RuleFigure(
                rule: "commitment.leadership-change",
                title: F.name(
                    "以政府换届、领导人员更替为由违约毁约", "a commitment broken or changed for a change of leadership or term"),
                figure: Figure(0, .count),
                basis: [
                    F.cite("国发〔2016〕76号"), F.cite("《优化营商环境条例》", "第三十一条"),
                ],
                note:
                    "never a lawful reason (新官要理旧账); a lawful change needs national or public interest or another statutory reason, the competent authority, the legal procedure and compensation"
            ),
            RuleFigure(
                rule: "sanction.rectification",
                title: F.name("失信主体限期整改", "rectify what a dishonesty record requires, from the decision"),
                figure: Figure(3, .months), restDayExtension: true, basis: [F.cite("国发〔2016〕76号")],
                confirmed: false,
                note: "documented default: the plans require rectification within a deadline but set none"),
            RuleFigure(
                rule: "decision.step.missing",
                title: F.name("重大行政决策缺少法定程序", "a major decision lacks a step the procedure requires"),
                figure: Figure(0, .count), basis: [F.cite("《重大行政决策程序暂行条例》", "第三十八条")],
                from: F.date("2019-09-01"), note: "the step list is the profile's majorDecisionSteps"),
            RuleFigure(
                rule: "decision.public-comment",
                title: F.name("重大行政决策公开征求意见期限", "public comment period of a major decision, at least"),
                figure: Figure(30, .days), basis: [F.cite("《重大行政决策程序暂行条例》", "第十五条")],
                from: F.date("2019-09-01"), note: "a shorter period is accepted with its reason recorded"),
            RuleFigure(
                rule: "decision.legality-review",
                title: F.name("合法性审查时间，且未经审查不得提交讨论", "legality review lasts at least; no discussion before it"),
                figure: Figure(7, .workingDays), basis: [F.cite("《重大行政决策程序暂行条例》", "第二十五条、第二十六条")],
                from: F.date("2019-09-01")),
            RuleFigure(
                rule: "complaint.decision",
                title: F.name("投诉举报核查办结", "decide a complaint, from receipt"),
                figure: Figure(30, .days), restDayExtension: true,
                basis: [F.cite("《保障中小企业款项支付条例》（2025）", "第二十五条")], confirmed: false,
                note: "documented default: the SME payment complaint figure; hotline rules set their own limits"),
            RuleFigure(
                rule: "objection.decision",
                title: F.name("异议申请核查处理", "decide an objection, from receipt"),
                figure: Figure(5, .workingDays), restDayExtension: true,
                basis: [F.cite("documented default: no national figure; provincial regulations give 3 to 5 wd")],
                confirmed: false, note: "set the province's figure in its profile"),
        ]
        // Display periods by class and regime.
        let months = { (n: Int) in Figure(Decimal(n), .months) }
        let years = { (n: Int) in Figure(Decimal(n), .years) }
        let legacyEnd = order58Start.adding(days: -1)
        let order58End = order36Start.adding(days: -1)
        rows += [
            display(
                .minor, "minimum", months(3), regime2019, from: nil, through: legacyEnd, confirmed: false,
                note: "the 2019 rules had no minor class; treated as ordinary"),
            display(
                .minor, "maximum", years(1), regime2019, from: nil, through: legacyEnd, confirmed: false,
                note: "the 2019 rules had no minor class; treated as ordinary"),
            display(.ordinary, "minimum", months(3), regime2019, from: nil, through: legacyEnd),
            display(.ordinary, "maximum", years(1), regime2019, from: nil, through: legacyEnd),
            display(.serious, "minimum", months(6), regime2019, from: nil, through: legacyEnd),
            display(.serious, "maximum", years(3), regime2019, from: nil, through: legacyEnd),
        ]
        let order58Note = "taken as the 2026 regime's figure; check against Order 58 before relying on it"
        rows += [
            display(
                .minor, "minimum", months(0), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
            display(
                .minor, "maximum", months(3), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
            display(
                .ordinary, "minimum", months(3), regimeOrder58, from: order58Start, through: order58End,
                confirmed: false, note: order58Note),
            display(
                .ordinary, "maximum", years(1), regimeOrder58, from: order58Start, through: order58End,
                confirmed: false, note: order58Note),
            display(
                .serious, "minimum", years(1), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
            display(
                .serious, "maximum", years(3), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
        ]
        rows += [
            display(
                .minor, "minimum", months(0), regimeOrder36, from: order36Start, through: nil,
                note: "normally not published at all"),
            display(.minor, "maximum", months(3), regimeOrder36, from: order36Start, through: nil),
            display(.ordinary, "minimum", months(3), regimeOrder36, from: order36Start, through: nil),
            display(.ordinary, "maximum", years(1), regimeOrder36, from: order36Start, through: nil),
            display(.serious, "minimum", years(1), regimeOrder36, from: order36Start, through: nil),
            display(.serious, "maximum", years(3), regimeOrder36, from: order36Start, through: nil),
        ]
        return rows
    }
}
