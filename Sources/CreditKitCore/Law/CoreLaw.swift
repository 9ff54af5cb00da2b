import Foundation

/// The core's rules (核心规则), each declared once with its national figure, unit, legal basis and dates: the
/// record lifecycle, disclosure, commitments, sanctions and major decisions. The national profile holds their
/// figures (and the display periods it builds by class and regime); local profiles override them. The core's logic
/// refers to these declarations, never to an id string.
public enum CoreLaw {
    typealias F = FigureTable

    /// `disclosure.penalty.publication`: 行政处罚决定作出后公示.
    public static let disclosurePenaltyPublication = RuleDeclaration(
        "disclosure.penalty.publication",
        F.name("行政处罚决定作出后公示", "publish an administrative penalty after the decision (双公示)"),
        RuleVersion(
            figure: Figure(7, .workingDays), restDayExtension: true, basis: NationalFigures.penaltyPublication,
            note: "applies to penalties an authority issues; licences have their own rule"))

    /// `disclosure.licence.publication`: 行政许可决定作出后公示.
    public static let disclosureLicencePublication = RuleDeclaration(
        "disclosure.licence.publication",
        F.name("行政许可决定作出后公示", "publish an administrative licence after the decision (双公示)"),
        RuleVersion(
            figure: Figure(7, .workingDays), restDayExtension: true, basis: NationalFigures.penaltyPublication,
            note: "judged against the licensing authority, from the day of the decision"))

    /// `record.publication.other`: 其他失信信息归集公示.
    public static let recordPublicationOther = RuleDeclaration(
        "record.publication.other", F.name("其他失信信息归集公示", "publish a dishonesty record on another basis"),
        RuleVersion(
            figure: Figure(7, .workingDays), restDayExtension: true, basis: NationalFigures.penaltyPublication,
            confirmed: false,
            note: "documented default: the 双公示 figure; 发改办财金〔2018〕424号 leaves other records to the profile"))

    /// `disclosure.penalty.withdrawal`: 处罚决定被变更、撤销、确认违法或无效后撤下公示.
    public static let disclosurePenaltyWithdrawal = RuleDeclaration(
        "disclosure.penalty.withdrawal",
        F.name("处罚决定被变更、撤销、确认违法或无效后撤下公示", "withdraw a published penalty changed or annulled"),
        RuleVersion(
            figure: Figure(3, .days), restDayExtension: true, basis: [F.cite("《中华人民共和国行政处罚法》（2021）", "第四十八条")],
            from: F.day("2021-07-15")))

    /// `disclosure.proactive`: 主动公开政府信息.
    public static let disclosureProactive = RuleDeclaration(
        "disclosure.proactive",
        F.name("主动公开政府信息", "proactively publish government information after it is made or changed"),
        RuleVersion(
            figure: Figure(20, .workingDays), restDayExtension: true,
            basis: [F.cite("《中华人民共和国政府信息公开条例》（2007）", "第十八条")], from: F.day("2008-05-01"),
            through: F.day("2019-05-14")),
        RuleVersion(
            figure: Figure(20, .workingDays), restDayExtension: true,
            basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第二十六条")], from: F.day("2019-05-15")))

    /// `disclosure.request.reply`: 依申请公开答复.
    public static let disclosureRequestReply = RuleDeclaration(
        "disclosure.request.reply", F.name("依申请公开答复", "answer a disclosure request"),
        RuleVersion(
            figure: Figure(15, .workingDays), restDayExtension: true,
            basis: [F.cite("《中华人民共和国政府信息公开条例》（2007）", "第二十四条")], from: F.day("2008-05-01"),
            through: F.day("2019-05-14"), confirmed: false, note: "the 2007 text's figure, not confirmed here"),
        RuleVersion(
            figure: Figure(20, .workingDays), restDayExtension: true,
            basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第三十三条")], from: F.day("2019-05-15")))

    /// `disclosure.request.extension`: 依申请公开答复延长.
    public static let disclosureRequestExtension = RuleDeclaration(
        "disclosure.request.extension", F.name("依申请公开答复延长", "extension of a disclosure request's answer, once"),
        RuleVersion(
            figure: Figure(15, .workingDays), restDayExtension: true,
            basis: [F.cite("《中华人民共和国政府信息公开条例》（2007）", "第二十四条")], from: F.day("2008-05-01"),
            through: F.day("2019-05-14"), confirmed: false, note: "the 2007 text's figure, not confirmed here"),
        RuleVersion(
            figure: Figure(20, .workingDays), restDayExtension: true,
            basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第三十三条")], from: F.day("2019-05-15")))

    /// `disclosure.annual-report.department`: 部门政府信息公开工作年度报告.
    public static let disclosureAnnualReportDepartment = RuleDeclaration(
        "disclosure.annual-report.department",
        F.name("部门政府信息公开工作年度报告", "department's annual disclosure report, due by"),
        RuleVersion(
            figure: Figure(331, .monthDay), basis: [F.cite("《中华人民共和国政府信息公开条例》（2007）", "第三十一条")],
            from: F.day("2008-05-01"), through: F.day("2019-05-14"), confirmed: false,
            note: "the 2007 text: every body by 31 March; not confirmed here"),
        RuleVersion(
            figure: Figure(131, .monthDay), basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第四十九条")],
            from: F.day("2019-05-15")))

    /// `disclosure.annual-report.government`: 本级政府政府信息公开工作年度报告.
    public static let disclosureAnnualReportGovernment = RuleDeclaration(
        "disclosure.annual-report.government",
        F.name("本级政府政府信息公开工作年度报告", "government's annual disclosure report, due by"),
        RuleVersion(
            figure: Figure(331, .monthDay), basis: [F.cite("《中华人民共和国政府信息公开条例》（2007）", "第三十一条")],
            from: F.day("2008-05-01"), through: F.day("2019-05-14"), confirmed: false,
            note: "the 2007 text: every body by 31 March; not confirmed here"),
        RuleVersion(
            figure: Figure(331, .monthDay), basis: [F.cite("《中华人民共和国政府信息公开条例》（2019）", "第四十九条")],
            from: F.day("2019-05-15")))

    /// `disclosure.sme-overdue-report`: 公开上一年度逾期未支付中小企业款项情况.
    public static let disclosureSmeOverdueReport = RuleDeclaration(
        "disclosure.sme-overdue-report", F.name("公开上一年度逾期未支付中小企业款项情况", "publish last year's overdue SME payments, by"),
        RuleVersion(
            figure: Figure(331, .monthDay), basis: [F.cite("《保障中小企业款项支付条例》（2025）", "第十八条")], from: F.day("2025-06-01"))
    )

    /// `disclosure.list-change`: 权责清单调整后公开.
    public static let disclosureListChange = RuleDeclaration(
        "disclosure.list-change", F.name("权责清单调整后公开", "publish a change of the power and responsibility list"),
        RuleVersion(
            figure: Figure(10, .workingDays), restDayExtension: true,
            basis: [LocalPlans.langfangTransport],
            note: "the Langfang transport bureau's plan; in its own profile only"))

    /// `disclosure.policy-interpretation`: 政策文件解读发布.
    public static let disclosurePolicyInterpretation = RuleDeclaration(
        "disclosure.policy-interpretation",
        F.name("政策文件解读发布", "publish the interpretation of a policy after the policy"),
        RuleVersion(
            figure: Figure(3, .workingDays), restDayExtension: true,
            basis: [LocalPlans.langfangTransport],
            note: "the Langfang transport bureau's plan; in its own profile only"))

    /// `disclosure.emergency-press`: 重大突发事件新闻发布.
    public static let disclosureEmergencyPress = RuleDeclaration(
        "disclosure.emergency-press", F.name("重大突发事件新闻发布", "hold a press conference after a major emergency"),
        RuleVersion(
            figure: Figure(24, .hours), basis: [LocalPlans.langfangTransport],
            note: "the Langfang transport bureau's plan; in its own profile only"))

    /// `disclosure.semiannual-report.first-half`: 上半年政务诚信工作情况报送.
    public static let disclosureSemiannualReportFirstHalf = RuleDeclaration(
        "disclosure.semiannual-report.first-half",
        F.name("上半年政务诚信工作情况报送", "report the first half-year's integrity work upward, by"),
        RuleVersion(figure: Figure(710, .monthDay), basis: [LocalPlans.qinhuangdaoTransport]))

    /// `disclosure.semiannual-report.second-half`: 下半年政务诚信工作情况报送.
    public static let disclosureSemiannualReportSecondHalf = RuleDeclaration(
        "disclosure.semiannual-report.second-half",
        F.name("下半年政务诚信工作情况报送", "report the second half-year's integrity work upward, by (next year)"),
        RuleVersion(figure: Figure(110, .monthDay), basis: [LocalPlans.qinhuangdaoTransport]))

    /// `repair.platform.feedback`: 信用平台网站反馈修复申请.
    public static let repairPlatformFeedback = RuleDeclaration(
        "repair.platform.feedback", F.name("信用平台网站反馈修复申请", "credit platform's feedback on a repair application"),
        RuleVersion(figure: Figure(10, .workingDays), restDayExtension: true, basis: [F.cite("国办发〔2025〕22号", "四")]))

    /// `repair.decision`: 主管部门作出修复决定.
    public static let repairDecision = RuleDeclaration(
        "repair.decision", F.name("主管部门作出修复决定", "competent department decides a repair, from receipt"),
        RuleVersion(
            figure: Figure(3, .workingDays), restDayExtension: true, basis: [F.cite("国办发〔2025〕22号", "四")],
            note: "extendable when the case is complex"))

    /// `commitment.overdue`: 承诺到期未履行或逾期履行.
    public static let commitmentOverdue = RuleDeclaration(
        "commitment.overdue", F.name("承诺到期未履行或逾期履行", "a commitment open past its due date, or fulfilled late"),
        RuleVersion(
            figure: Figure(0, .days), restDayExtension: false, basis: [F.cite("国发〔2016〕76号")],
            note: "no grace: the agreed due date is the last day"))

    /// `commitment.breach`: 违反公开承诺.
    public static let commitmentBreach = RuleDeclaration(
        "commitment.breach", F.name("违反公开承诺", "a public commitment breached"),
        RuleVersion(
            figure: Figure(0, .count), basis: [F.cite("国发〔2016〕76号")],
            note: "every breach is reported; a lawful change is not a breach"))

    /// `commitment.leadership-change`: 以政府换届、领导人员更替为由违约毁约.
    public static let commitmentLeadershipChange = RuleDeclaration(
        "commitment.leadership-change",
        F.name(
            "以政府换届、领导人员更替为由违约毁约", "a commitment broken or changed for a change of leadership or term"),
        RuleVersion(
            figure: Figure(0, .count),
            basis: [
                F.cite("国发〔2016〕76号"), F.cite("《优化营商环境条例》", "第三十一条"),
            ],
            note:
                "never a lawful reason (新官要理旧账); a lawful change needs national or public interest or another statutory reason, the competent authority, the legal procedure and compensation"
        ))

    /// `sanction.rectification`: 失信主体限期整改.
    public static let sanctionRectification = RuleDeclaration(
        "sanction.rectification", F.name("失信主体限期整改", "rectify what a dishonesty record requires, from the decision"),
        RuleVersion(
            figure: Figure(3, .months), restDayExtension: true, basis: [F.cite("国发〔2016〕76号")], confirmed: false,
            note: "documented default: the plans require rectification within a deadline but set none"))

    /// `decision.step.missing`: 重大行政决策缺少法定程序.
    public static let decisionStepMissing = RuleDeclaration(
        "decision.step.missing", F.name("重大行政决策缺少法定程序", "a major decision lacks a step the procedure requires"),
        RuleVersion(
            figure: Figure(0, .count), basis: [F.cite("《重大行政决策程序暂行条例》", "第三十八条")], from: F.day("2019-09-01"),
            note: "the step list is the profile's majorDecisionSteps"))

    /// `decision.public-comment`: 重大行政决策公开征求意见期限.
    public static let decisionPublicComment = RuleDeclaration(
        "decision.public-comment", F.name("重大行政决策公开征求意见期限", "public comment period of a major decision, at least"),
        RuleVersion(
            figure: Figure(30, .days), basis: [F.cite("《重大行政决策程序暂行条例》", "第十五条")], from: F.day("2019-09-01"),
            note: "a shorter period is accepted with its reason recorded"))

    /// `decision.legality-review`: 合法性审查时间，且未经审查不得提交讨论.
    public static let decisionLegalityReview = RuleDeclaration(
        "decision.legality-review",
        F.name("合法性审查时间，且未经审查不得提交讨论", "legality review lasts at least; no discussion before it"),
        RuleVersion(
            figure: Figure(7, .workingDays), basis: [F.cite("《重大行政决策程序暂行条例》", "第二十五条、第二十六条")],
            from: F.day("2019-09-01")))

    /// `complaint.decision`: 投诉举报核查办结.
    public static let complaintDecision = RuleDeclaration(
        "complaint.decision", F.name("投诉举报核查办结", "decide a complaint, from receipt"),
        RuleVersion(
            figure: Figure(30, .days), restDayExtension: true, basis: [F.cite("《保障中小企业款项支付条例》（2025）", "第二十五条")],
            confirmed: false,
            note: "documented default: the SME payment complaint figure; hotline rules set their own limits"))

    /// `objection.decision`: 异议申请核查处理.
    public static let objectionDecision = RuleDeclaration(
        "objection.decision", F.name("异议申请核查处理", "decide an objection, from receipt"),
        RuleVersion(
            figure: Figure(5, .workingDays), restDayExtension: true,
            basis: [
                F.cite("《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）")
            ],
            confirmed: false,
            note: "documented default: the national document requires objections to be handled but sets no time; "
                + "provincial regulations give 3 to 5 wd, so set the province's figure in its profile"))

    /// Every declared core rule, in the catalogue's order (the display periods are built by the national profile).
    /// A finding rule judged by another rule's figure, under an id of its own (`….late`): its versions are that
    /// rule's, so a profile that overrides the figure moves the finding too.
    static func judged(
        by base: RuleDeclaration, _ id: RuleID, _ title: LocalizedName, note: String? = nil
    ) -> RuleDeclaration {
        RuleDeclaration(
            figures: base.figures.map {
                var figure = $0
                figure.rule = id
                figure.title = title
                figure.note =
                    (note ?? "judged by the figure of \(base.id) in the profile") + ($0.note.map { "; " + $0 } ?? "")
                return figure
            })
    }

    /// `disclosure.proactive.late`: 未在规定期限内主动公开.
    public static let disclosureProactiveLate = judged(
        by: disclosureProactive, "disclosure.proactive.late",
        F.name("政府信息形成或变更后未按期主动公开", "information not published in time after it was made or changed"))

    /// `disclosure.request.late`: 依申请公开逾期答复.
    public static let disclosureRequestLate = judged(
        by: disclosureRequestReply, "disclosure.request.late",
        F.name("依申请公开逾期答复", "a disclosure request answered late"))

    /// `disclosure.annual-report.late`: 年度报告未按期公布.
    public static let disclosureAnnualReportLate = judged(
        by: disclosureAnnualReportDepartment, "disclosure.annual-report.late",
        F.name("政府信息公开工作年度报告未按期公布", "the annual disclosure report not published in time"),
        note: "judged by the figure of disclosure.annual-report.department for a department and of "
            + "disclosure.annual-report.government for a people's government (shown: the department's)")

    /// `disclosure.list-change.late`: 权责清单调整后未按期公开 (a local rule).
    public static let disclosureListChangeLate = judged(
        by: disclosureListChange, "disclosure.list-change.late",
        F.name("权责清单调整后未按期公开", "a change of the power and responsibility list not published in time"))

    /// `disclosure.policy-interpretation.late`: 政策文件解读未按期发布 (a local rule).
    public static let disclosurePolicyInterpretationLate = judged(
        by: disclosurePolicyInterpretation, "disclosure.policy-interpretation.late",
        F.name("政策文件公开后解读材料未按期发布", "a policy's interpretation not published in time after the policy"))

    /// `disclosure.emergency-press.late`: 重大突发事件后未按时举行新闻发布会 (a local rule).
    public static let disclosureEmergencyPressLate = judged(
        by: disclosureEmergencyPress, "disclosure.emergency-press.late",
        F.name("重大突发事件发生后未按时举行新闻发布会", "no press conference in time after a major emergency"))

    /// The limits of the Langfang transport bureau's 政务公开 plan, which bind that place only: they are figures of its
    /// own profile (`langfang-transport`), not national defaults; so are the findings judged by them.
    public static let langfangTransport: [RuleDeclaration] = [
        disclosureListChange, disclosurePolicyInterpretation, disclosureEmergencyPress, disclosureListChangeLate,
        disclosurePolicyInterpretationLate, disclosureEmergencyPressLate,
    ]

    /// The Qinhuangdao transport bureau's own days for its semi-annual report upward: figures of its own profile
    /// (`qinhuangdao-transport`), not national defaults.
    public static let qinhuangdaoTransport: [RuleDeclaration] = [
        disclosureSemiannualReportFirstHalf, disclosureSemiannualReportSecondHalf,
    ]

    /// Every national core rule.
    public static let all: [RuleDeclaration] =
        [
            disclosurePenaltyPublication, disclosureLicencePublication, recordPublicationOther,
            disclosurePenaltyWithdrawal,
            disclosureProactive,
            disclosureRequestReply, disclosureRequestExtension, disclosureAnnualReportDepartment,
            disclosureAnnualReportGovernment, disclosureSmeOverdueReport, repairPlatformFeedback, repairDecision,
            commitmentOverdue,
            commitmentBreach, commitmentLeadershipChange, sanctionRectification, decisionStepMissing,
            decisionPublicComment,
            decisionLegalityReview, complaintDecision, objectionDecision, disclosureProactiveLate,
            disclosureRequestLate,
            disclosureAnnualReportLate,
        ] + EnforcementLaw.all
}
