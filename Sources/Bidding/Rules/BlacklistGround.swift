import CreditKitCore
import Foundation

/// Why a tenderer is blacklisted (不良行为黑名单事由), each with the range of terms the law allows.
public enum BlacklistGround: String, Hashable, Sendable, Codable, CaseIterable {
    /// Collusion or bribery in bidding (串通投标、行贿谋取中标), serious: 1 to 2 years.
    case collusion
    /// Fraud: bidding in another's name or with forged documents (弄虚作假骗取中标), serious: 1 to 3 years.
    case fraud
    /// Serious non-performance of the contract won (不按照合同履行义务，情节严重): 2 to 5 years.
    case seriousNonPerformance = "serious-non-performance"

    /// The rule whose figure is the longest term.
    public var rule: RuleID { RuleID(rawValue: "bidding.blacklist.\(rawValue)") }
    /// The rule whose figure is the shortest term.
    public var minimumRule: RuleID { RuleID(rawValue: "bidding.blacklist.\(rawValue).minimum") }

    /// Whether a second entry on this ground within the repeat window makes it serious (情节特别严重).
    public var repeatsAreSerious: Bool { self != .seriousNonPerformance }

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .collusion: "串通投标或者以行贿手段谋取中标"
        case .fraud: "以他人名义投标或者以其他方式弄虚作假骗取中标"
        case .seriousNonPerformance: "不按照合同履行义务，情节严重"
        }
    }

    /// `bidding.blacklist.repeat-window`: a second collusion or fraud within this many years is serious.
    static let repeatWindow: RuleID = "bidding.blacklist.repeat-window"

    static let declarations: [RuleDeclaration] = Dictionary(grouping: figures, by: \.rule).keys.sorted().map { id in
        RuleDeclaration(figures: figures.filter { $0.rule == id })
    }

    static let figures: [RuleFigure] = {
        let regs = "《中华人民共和国招标投标法实施条例》"
        let law = "《中华人民共和国招标投标法》"
        func pair(_ g: BlacklistGround, _ low: Int, _ high: Int, _ basis: LegalCitation) -> [RuleFigure] {
            [
                RuleFigure(
                    rule: g.rule,
                    title: LocalizedName(
                        chinese: "取消投标资格最长期限：" + g.chineseName, english: "longest exclusion: \(g.rawValue)"),
                    figure: Figure(Decimal(high), .years), basis: [basis],
                    note: "from participation in projects that must be tendered by law"),
                RuleFigure(
                    rule: g.minimumRule,
                    title: LocalizedName(
                        chinese: "取消投标资格最短期限：" + g.chineseName, english: "shortest exclusion: \(g.rawValue)"),
                    figure: Figure(Decimal(low), .years), basis: [basis]),
            ]
        }
        return pair(.collusion, 1, 2, LegalCitation(document: regs, article: "第六十七条"))
            + pair(.fraud, 1, 3, LegalCitation(document: regs, article: "第六十八条"))
            + pair(.seriousNonPerformance, 2, 5, LegalCitation(document: law, article: "第六十条"))
            + [
                RuleFigure(
                    rule: repeatWindow,
                    title: LocalizedName(
                        chinese: "三年内两次以上串通投标或者弄虚作假属情节特别严重",
                        english: "a second collusion or fraud within this many years is serious"),
                    figure: Figure(3, .years),
                    basis: [
                        LegalCitation(document: regs, article: "第六十七条"),
                        LegalCitation(document: regs, article: "第六十八条"),
                    ])
            ]
    }()
}
