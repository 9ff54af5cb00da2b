import Foundation

// Local profiles: the provinces' and special zones' own objection figures, and the seeds' provinces.

enum LocalProfiles {
    typealias F = FigureTable

    static func objection(
        _ suffix: String, _ zh: String, _ en: String, _ days: Int, _ basis: LegalCitation, confirmed: Bool = true,
        note: String? = nil
    ) -> RuleFigure {
        RuleFigure(
            rule: RuleID("objection." + suffix), title: F.name(zh, en), figure: Figure(Decimal(days), .workingDays),
            restDayExtension: true, basis: [basis], confirmed: confirmed, note: note)
    }

    static func profile(_ id: String, _ zh: String, _ en: String, _ figures: [RuleFigure]) -> JurisdictionProfile {
        try! JurisdictionProfile.national.overriding(id: id, name: F.name(zh, en), figures: figures)
    }

    static let all: [JurisdictionProfile] = {
        let shanghai = F.cite("上海市社会信用条例", "第三十六条")
        let shandong = F.cite("山东省社会信用条例", "第三十九条")
        let henan = F.cite("河南省社会信用条例", "第四十一条")
        let shenzhen = F.cite("深圳经济特区社会信用条例", "第五十一条")
        let zhejiang = F.cite("浙江省公共信用信息管理条例", "第三十一条")
        let unconfirmed =
            "the regulation is named; its objection figure is not confirmed here, so the national default applies"
        return [
            profile(
                "shanghai", "上海市", "Shanghai",
                [
                    objection("mark-disputed", "标注异议", "mark the record disputed", 1, shanghai),
                    objection("decision", "异议核查处理", "decide an objection", 5, shanghai),
                    objection("forward-to-provider", "转交信息提供单位", "forward the objection to the provider", 2, shanghai),
                    objection("provider-reply", "信息提供单位核查回复", "provider's reply", 5, shanghai),
                ]),
            profile(
                "shandong", "山东省", "Shandong",
                [
                    objection("decision", "异议核查处理", "decide an objection", 3, shandong),
                    objection(
                        "decision.verified-by-other", "需其他单位核实的异议处理", "decide an objection another body verifies",
                        7, shandong),
                ]),
            profile(
                "henan", "河南省", "Henan",
                [
                    objection("decision", "异议核查处理", "decide an objection", 3, henan),
                    objection("provider-reply", "核实单位回复", "verifying body's reply", 3, henan),
                ]),
            profile(
                "shenzhen", "深圳市", "Shenzhen",
                [
                    objection("forward-to-provider", "平台转交信息提供单位", "platform forwards to the provider", 1, shenzhen),
                    objection("provider-reply", "信息提供单位核查回复", "provider's reply", 2, shenzhen),
                    objection("provider-reply.extension", "回复延长", "extension of the provider's reply", 3, shenzhen),
                ]),
            profile(
                "zhejiang", "浙江省", "Zhejiang",
                [
                    objection("decision", "异议核查处理", "decide an objection", 5, zhejiang),
                    objection("decision.maximum", "异议处理最长期限", "longest time to decide an objection", 20, zhejiang),
                ]),
            profile(
                "hebei", "河北省", "Hebei",
                [
                    objection(
                        "decision", "异议核查处理", "decide an objection", 5, F.cite("河北省社会信用信息条例（2017）"),
                        confirmed: false, note: unconfirmed)
                ]),
            profile(
                "inner-mongolia", "内蒙古自治区", "Inner Mongolia",
                // No regulation of its own is cited here until one is verified: the national figures apply.
                []),
            profile(
                "liaoning", "辽宁省", "Liaoning",
                // No regulation of its own is cited here until one is verified: the national figures apply.
                []),
            profile(
                "heilongjiang", "黑龙江省", "Heilongjiang",
                // No regulation of its own is cited here until one is verified: the national figures apply.
                []),
            // A city bureau's own 政务公开 plan: its limits bind there only.
            profile(
                "langfang-transport", "廊坊市交通运输局", "Langfang transport bureau",
                CoreLaw.langfangTransport.flatMap(\.figures)),
            // The places of the other plans: their own plan is cited beside the national documents (the sanction
            // policy's measures), and the Qinhuangdao bureau's semi-annual report days are its own.
            profile(
                "qinhuangdao-transport", "秦皇岛市交通运输局", "Qinhuangdao transport bureau",
                CoreLaw.qinhuangdaoTransport.flatMap(\.figures)),
            profile(
                "xin-barag-left-banner", "新巴尔虎左旗", "New Barag Left Banner",
                DecisionLaw.xinBaragLeftBanner.flatMap(\.figures)),
            profile("benxi", "本溪市", "Benxi", []),
            profile("harbin", "哈尔滨市", "Harbin", []),
        ]
    }()
}
