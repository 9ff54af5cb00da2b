import Foundation

/// How a finding's facts read for an official (事实标签): a Chinese label for each fact name, and the Chinese of the
/// values a fact takes (`not yet` → 尚未). The core's labels cover the facts every rule uses; a module adds its own.
public struct FactLabels: Sendable {
    /// A Chinese label per fact name.
    public var names: [String: String]
    /// Per fact name, the Chinese of each value; `*` holds translations for any name.
    public var values: [String: [String: String]]

    /// Makes labels.
    /// - Parameters:
    ///   - names: A Chinese label per fact name.
    ///   - values: Per fact name, the Chinese of each value (`*` for any name).
    public init(names: [String: String] = [:], values: [String: [String: String]] = [:]) {
        self.names = names
        self.values = values
    }

    /// The core's labels: the facts the core's rules and the finding collector use.
    public static let core = FactLabels(
        names: [
            "figure": "标准", "daysLate": "逾期天数", "hoursLate": "逾期小时", "state": "状态", "due": "截止日",
            "year": "年度", "item": "事项", "title": "名称", "category": "类别", "request": "申请", "extended": "延期",
            "commitment": "承诺", "reason": "原因", "amount": "金额", "paid": "已付", "interest": "利息",
            "record": "记录", "responsible": "责任人", "note": "说明", "published": "公开", "changed": "变更",
            "occurredAt": "发生时间", "dueAt": "最迟时间", "heldAt": "举行时间", "stage": "阶段", "wrong": "问题",
            "project": "项目", "contract": "合同", "agreement": "协议", "promise": "承诺事项", "complaint": "投诉",
            "outstanding": "未付", "lateAmount": "逾期金额", "rate": "利率", "channel": "渠道", "area": "领域",
            // The tender and contract facts the sectors share (ContractFacts).
            "bidDeadline": "投标截止", "bidders": "投标人数", "bond": "保证金", "clarified": "澄清", "contractAmount": "合同金额",
            "days": "天数", "documentsIssued": "文件发出", "ocid": "项目编号", "posted": "公告", "signed": "签订",
            // Dates.
            "deadline": "期限", "received": "受理", "completed": "办结", "assessed": "核查", "met": "兑现",
            "periodStart": "期间起", "periodEnd": "期间止", "made": "形成", "answered": "答复", "interpreted": "解读",
            "occurred": "发生", "pressConference": "发布会", "assigned": "派转", "listsPublished": "清单公布",
            "decided": "决定", "filed": "提出", "fulfilled": "履行", "breached": "违约", "confirmed": "认定",
            "decision": "决定", "listed": "列入名单", "from": "起", "until": "止", "opened": "开标", "reported": "报告",
            "winnerDetermined": "确定中标人", "formed": "组建", "licence": "许可文书号", "holder": "行政相对人",
            // Facts of the core's rules.
            "documentNumber": "文书号", "figureStatus": "标准来源", "terms": "承诺内容", "beneficiary": "承诺对象",
            "statedReason": "所述理由", "missingStep": "缺少程序", "principal": "时任主要负责人", "official": "时任负责人",
            "accountability": "问责", "office": "决定机关", "publisher": "公示机构", "objection": "异议", "repair": "修复申请",
            "department": "部门",
            "members": "成员人数", "experts": "专家人数", "problems": "问题", "change": "变更", "reviewed": "公平竞争审查",
            "term": "期限", "legalBasis": "法律依据",
        ],
        values: [
            "*": [
                "not yet": "尚未办结", "none": "无", "changed": "变更", "withdrawn": "撤回", "yes": "是", "no": "否",
            ],
            "state": [
                "published late": "逾期公示", "unpublished": "未公示", "open": "未办结", "decided late": "逾期作出决定",
                "open past its due date": "到期未履行", "fulfilled late": "逾期履行", "not rectified": "未整改",
                "rectified late": "逾期整改", "withdrawn once overdue": "逾期后撤回", "not yet": "尚未办结",
            ],
            "figureStatus": ["documented default": "缺省标准（国家未规定具体时限，见规则目录说明）"],
        ])

    /// These labels with another set's added (the other's win where both have one).
    /// - Parameter other: The other labels.
    /// - Returns: The merged labels.
    public func adding(_ other: FactLabels) -> FactLabels {
        FactLabels(
            names: names.merging(other.names) { _, theirs in theirs },
            values: values.merging(other.values) { mine, theirs in mine.merging(theirs) { _, t in t } })
    }

    /// A name as an official reads it: its label, or the name itself.
    /// - Parameter name: A fact's or a date's name.
    /// - Returns: The label.
    public func label(_ name: String) -> String { names[name] ?? name }

    /// A fact as an official reads it: `逾期天数=3`, a sum with its unit (`金额=50000元`), a figure in Chinese
    /// (`3个工作日`); a name without a label stays as it is.
    /// - Parameter fact: The fact.
    /// - Returns: The text.
    public func text(_ fact: Finding.Fact) -> String {
        var value = values[fact.name]?[fact.value] ?? values["*"]?[fact.value] ?? Self.figure(fact.value)
        if case .money = fact.typed { value += "元" }
        return "\(names[fact.name] ?? fact.name)=\(value)"
    }

    /// A rule's figure as the catalogue writes it (`3 wd`, `30 d`, `1 month`, `24 hours`, `95 %`, `0 count`), in
    /// Chinese (`3个工作日`, `30日`, `1个月`, `24小时`, `95%`, `0`); any other text as it is.
    /// - Parameter text: The figure.
    /// - Returns: The Chinese.
    public static func figure(_ text: String) -> String {
        // Read back as the figure it was written from (its unit by the catalogue's symbol; one month or year in the
        // singular), then written as the figure writes itself in Chinese.
        let parts = text.split(separator: " ")
        guard parts.count == 2, let value = Decimal(string: String(parts[0])) else { return text }
        // A day of the year (`31 Mar`).
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        if let month = months.firstIndex(of: String(parts[1])) { return "\(month + 1)月\(parts[0])日" }
        // No days of grace: due on the day itself.
        if value == 0, parts[1] == "d" { return "0日（到期当日）" }
        let symbol = ["month": "months", "year": "years"][String(parts[1])] ?? String(parts[1])
        guard let unit = Figure.Unit.allCases.first(where: { $0.symbol == symbol && $0 != .monthDay }) else {
            return text
        }
        return Figure(value, unit).chineseDescription
    }

}

extension FactLabels {
    /// The labels a rule's or indicator's facts and dates are read with: the core's, with those of the module whose
    /// id starts the rule's (`procurement.…`), since a name means what its own module says (`contract` is a
    /// procurement contract in one module and an arrear's in another).
    /// - Parameters:
    ///   - rule: The rule's or indicator's id.
    ///   - modules: The modules to look among.
    /// - Returns: The labels.
    public static func of(_ rule: RuleID, among modules: [any SectorModule]) -> FactLabels {
        guard let module = modules.first(where: { rule.rawValue.hasPrefix($0.id.rawValue + ".") }) else { return .core }
        return FactLabels.core.adding(module.factLabels)
    }
}

extension CreditKit {
    /// The labels a rule's or indicator's facts and dates are read with (事实标签): the core's and those of the
    /// registered module the rule belongs to.
    /// - Parameter rule: The rule's or indicator's id.
    /// - Returns: The labels.
    public func factLabels(for rule: RuleID) -> FactLabels { FactLabels.of(rule, among: modules) }
}
