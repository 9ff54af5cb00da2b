/// The local implementation plans the defaults draw on (地方实施方案), cited by title and document number, or, where a
/// plan was published without a number, by the issuing body and the day it was published.
enum LocalPlans {
    /// 《秦皇岛市交通运输局加强政务诚信建设实施方案》, published by the bureau on 26 February 2021 without a number.
    static let qinhuangdaoTransport = LegalCitation(
        document: "《秦皇岛市交通运输局加强政务诚信建设实施方案》（秦皇岛市交通运输局，2021年2月26日发布）")
    /// 《新巴尔虎左旗加强政务诚信建设实施方案》, 新左政发〔2020〕26号.
    static let xinBaerhuZuoqi = LegalCitation(document: "《新巴尔虎左旗加强政务诚信建设实施方案》（新左政发〔2020〕26号）")
    /// 《本溪市加强政务诚信建设的实施方案》, issued by the city government on 14 November 2017 without a number.
    static let benxi = LegalCitation(document: "《本溪市加强政务诚信建设的实施方案》（本溪市人民政府，2017年11月14日印发）")
    /// 《廊坊市交通运输局全面推进政务公开工作实施意见》, the bureau's plan under 廊政办字〔2018〕84号.
    static let langfangTransport = LegalCitation(
        document: "《廊坊市交通运输局全面推进政务公开工作实施意见》（落实廊政办字〔2018〕84号）")
    /// 《哈尔滨市诚信政府建设实施意见》, 哈政综〔2007〕37号.
    static let harbin = LegalCitation(document: "《哈尔滨市诚信政府建设实施意见》（哈政综〔2007〕37号）")

    /// Each plan by the id of its place's profile.
    static let byProfile: [String: LegalCitation] = [
        "qinhuangdao-transport": qinhuangdaoTransport, "xin-barag-left-banner": xinBaerhuZuoqi, "benxi": benxi,
        "harbin": harbin, "langfang-transport": langfangTransport,
    ]

    /// Every plan.
    static let all: [LegalCitation] = [qinhuangdaoTransport, xinBaerhuZuoqi, benxi, harbin, langfangTransport]
}
