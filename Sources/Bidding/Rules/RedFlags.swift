import CreditKitCore
import Foundation
import OpenContracting

/// A red flag (风险信号) over an open-contracting process, with the meaning of an Open Contracting Partnership
/// Cardinal indicator so the two can be compared. Each is declared here once: its Cardinal code, its rule id, its
/// names and the groups it speaks of; its figures are ``RedFlagSettings``'s, Cardinal's defaults.
public enum RedFlagCode: String, Hashable, Sendable, CaseIterable, Comparable {
    /// The submission period is shorter than a threshold (Cardinal R003).
    case shortSubmissionPeriod = "R003"
    /// Only one tenderer in an open or selective procedure (Cardinal R018).
    case singleBid = "R018"
    /// The winning bid is close to the second-lowest valid bid, a low outlier (R024).
    case priceCloseToWinner = "R024"
    /// A top tenderer wins few of its valid bids, a low outlier (R025, "excessive unsuccessful bids").
    case excessiveUnsuccessfulBids = "R025"
    /// Tenderers submitted bids of identical price (R028).
    case identicalPrices = "R028"
    /// The winning bid was received after the deadline (R030).
    case lateBidWon = "R030"
    /// Every bid but the winner's was disqualified (R035).
    case allButWinnerDisqualified = "R035"
    /// The lowest bid was disqualified (R036).
    case lowestBidDisqualified = "R036"
    /// A buyer, procuring entity or tenderer disqualifies or is disqualified far more often than its peers (R038).
    case excessiveDisqualifications = "R038"
    /// A supplier awarded items of many unrelated classes, a high outlier (R048).
    case heterogeneousSupplier = "R048"
    /// The winning bid is far below the second-lowest valid bid, a high outlier (R058).
    case heavilyDiscountedBid = "R058"

    /// The rule id, `bidding.flag.*`.
    public var rule: RuleID {
        switch self {
        case .shortSubmissionPeriod: "bidding.flag.short-submission-period"
        case .singleBid: "bidding.flag.single-bid"
        case .priceCloseToWinner: "bidding.flag.price-close-to-winner"
        case .excessiveUnsuccessfulBids: "bidding.flag.excessive-unsuccessful-bids"
        case .identicalPrices: "bidding.flag.identical-prices"
        case .lateBidWon: "bidding.flag.late-bid-won"
        case .allButWinnerDisqualified: "bidding.flag.all-but-winner-disqualified"
        case .lowestBidDisqualified: "bidding.flag.lowest-bid-disqualified"
        case .excessiveDisqualifications: "bidding.flag.excessive-disqualifications"
        case .heterogeneousSupplier: "bidding.flag.heterogeneous-supplier"
        case .heavilyDiscountedBid: "bidding.flag.heavily-discounted-bid"
        }
    }

    /// The flag's name, in Chinese for officials and in Cardinal's English.
    public var name: LocalizedName {
        switch self {
        case .shortSubmissionPeriod: LocalizedName(chinese: "投标期限过短", english: "short submission period")
        case .singleBid: LocalizedName(chinese: "仅一家投标", english: "single bid received")
        case .priceCloseToWinner: LocalizedName(chinese: "中标价与次低价过于接近", english: "price close to winning bid")
        case .excessiveUnsuccessfulBids:
            LocalizedName(chinese: "投标屡次未中标", english: "excessive unsuccessful bids")
        case .identicalPrices: LocalizedName(chinese: "投标报价相同", english: "identical bid prices")
        case .lateBidWon: LocalizedName(chinese: "逾期投标中标", english: "late bid won")
        case .allButWinnerDisqualified:
            LocalizedName(chinese: "除中标人外投标均被否决", english: "all except winning bid disqualified")
        case .lowestBidDisqualified: LocalizedName(chinese: "最低价投标被否决", english: "lowest bid disqualified")
        case .excessiveDisqualifications:
            LocalizedName(chinese: "否决投标比例异常偏高", english: "excessive disqualified bids")
        case .heterogeneousSupplier: LocalizedName(chinese: "中标品类异常繁杂", english: "heterogeneous supplier")
        case .heavilyDiscountedBid: LocalizedName(chinese: "中标价大幅低于次低价", english: "heavily discounted bid")
        }
    }

    /// The groups whose results are the flag's own (an organisation flagged for what it did): a process flag's
    /// companion marks on its tenderers (value 0 or 1, as Cardinal prints them) are not among them.
    public var groups: [RedFlagGroup] {
        switch self {
        case .excessiveUnsuccessfulBids, .heterogeneousSupplier: [.tenderer]
        case .excessiveDisqualifications: [.buyer, .procuringEntity, .tenderer]
        default: [.process]
        }
    }

    /// Ordered by code.
    public static func < (a: RedFlagCode, b: RedFlagCode) -> Bool { a.rawValue < b.rawValue }
}

/// What a flag is about, as Cardinal groups its results.
public enum RedFlagGroup: String, Hashable, Sendable, CaseIterable, Comparable {
    /// A contracting process, by `ocid`.
    case process = "OCID"
    /// A buyer, by `buyer.id`.
    case buyer = "Buyer"
    /// A procuring entity, by `tender.procuringEntity.id`.
    case procuringEntity = "ProcuringEntity"
    /// A tenderer, by `bids.details.tenderers.id` (a supplier, by `awards.suppliers.id`, for R048).
    case tenderer = "Tenderer"

    /// The group's Chinese name.
    public var chinese: String {
        switch self {
        case .process: "采购项目"
        case .buyer: "采购人"
        case .procuringEntity: "采购组织单位"
        case .tenderer: "投标人"
        }
    }

    /// Ordered by name.
    public static func < (a: RedFlagGroup, b: RedFlagGroup) -> Bool { a.rawValue < b.rawValue }
}

/// How the flags read the data; the defaults are Cardinal's. ``RedFlagSettings/init(cardinalINI:)`` reads them
/// from a Cardinal settings file.
public struct RedFlagSettings: Sendable {
    /// The flags computed.
    public var enabled: Set<RedFlagCode> = Set(RedFlagCode.allCases)
    /// R018: the `procurementMethod` values looked at (Cardinal's `[R018] procurement_methods`).
    public var singleBidMethods: Set<String> = ["open", "selective"]
    /// R003: the shortest submission period in whole days, not flagged (`[R003] threshold`).
    public var submissionPeriodDays = 15
    /// R003: the shortest period per `procurementMethodDetails` (`[R003.procurement_method_details]`).
    public var submissionPeriodByMethodDetails: [String: Int] = [:]
    /// R003: the `procurementMethod` values looked at, every one when empty (`[R003] procurement_methods`).
    public var submissionPeriodMethods: Set<String> = []
    /// `procurementMethodDetails` values whose award does not compare prices: no price flags for them
    /// (`no_price_comparison_procurement_methods`).
    public var noPriceComparisonMethods: Set<String> = []
    /// When not empty, the only `procurementMethodDetails` values whose awards compare prices; it overrides
    /// ``noPriceComparisonMethods`` (`price_comparison_procurement_methods`).
    public var priceComparisonMethods: Set<String> = []
    /// `procurementMethodDetails` values left out of every flag (`[exclusions] procurement_method_details`).
    public var excludedMethodDetails: Set<String> = []
    /// Local bid statuses and the OCDS ones they mean (Armenia: `qualified` → `valid`, `not-qualified` →
    /// `disqualified`), as Cardinal's `prepare` maps them (`[codelists.bid_status]`).
    public var bidStatuses: [String: String] = [:]
    /// Local award statuses and the OCDS ones they mean (`[codelists.award_status]`).
    public var awardStatuses: [String: String] = [:]
    /// The currency prices are compared in; by default the first one a process's bids use (`currency`).
    public var currency: String?
    /// How many other tenderers must be disqualified for R035 (`[R035] threshold`).
    public var allButWinnerThreshold = 1
    /// R038's fixed ratio, or `nil` for the upper fence (third quartile plus 1.5 times the interquartile range).
    public var disqualificationThreshold: Double?
    /// R038: the bids a tenderer must have submitted to be compared.
    public var minimumSubmittedBids = 2
    /// R038: the bids a buyer's or procuring entity's processes must have received to be compared (Cardinal's
    /// `minimum_contracting_processes`, which it counts in submitted bids).
    public var minimumContractingProcesses = 2
    /// R024's fixed lower fence, or `nil` for the first quartile less 1.5 times the interquartile range.
    public var closePriceThreshold: Double?
    /// R025: the percentile of valid-bid counts a tenderer must reach to be a top tenderer (`percentile`, 75).
    public var topTendererPercentile = 75
    /// R025's fixed lower fence of the win ratio, or `nil` for the first quartile less 1.5 IQR.
    public var unsuccessfulBidsThreshold: Double?
    /// R048: the leading digits of a classification code that make its first level (`digits`, 2).
    public var classificationDigits = 2
    /// R048's fixed upper fence of the number of classes, or `nil` for the third quartile plus 1.5 IQR.
    public var heterogeneityThreshold: Int?
    /// R048: the processes a supplier must have been awarded in to be compared (`minimum_contracting_processes`,
    /// 20).
    public var minimumAwardedProcesses = 20
    /// R058's fixed upper fence, or `nil` for the third quartile plus 1.5 IQR.
    public var discountThreshold: Double?
    /// What Cardinal's `prepare` does to each release before the flags read it (`[defaults]`, `[redactions]`,
    /// `[corrections]`, `[modifications]`).
    public var preparation = RedFlagPreparation()

    /// Cardinal's defaults.
    public init() {}

    /// A flag's figures under these settings, in words (the defaults, for the rule catalogue; a settings file's own
    /// for a report).
    /// - Parameter code: The flag.
    /// - Returns: The figures.
    public func figures(of code: RedFlagCode) -> String {
        func fence(_ fixed: Double?, _ computed: String) -> String { fixed.map { "fixed at \($0)" } ?? computed }
        let methods = { (set: Set<String>) in set.isEmpty ? "every method" : set.sorted().joined(separator: ", ") }
        switch code {
        case .shortSubmissionPeriod:
            return "shorter than \(submissionPeriodDays) whole days; \(methods(submissionPeriodMethods))"
        case .singleBid: return "numberOfTenderers 1; \(methods(singleBidMethods))"
        case .priceCloseToWinner:
            return "gap at or below the lower fence, " + fence(closePriceThreshold, "Q1 − 1.5 IQR")
        case .excessiveUnsuccessfulBids:
            return "valid bids at or above the \(topTendererPercentile)th percentile; share won at or below "
                + fence(unsuccessfulBidsThreshold, "Q1 − 1.5 IQR")
        case .identicalPrices, .lateBidWon, .lowestBidDisqualified: return "none"
        case .allButWinnerDisqualified: return "at least \(allButWinnerThreshold) other tenderer disqualified"
        case .excessiveDisqualifications:
            return "share at or above " + fence(disqualificationThreshold, "Q3 + 1.5 IQR")
                + "; compared from \(minimumSubmittedBids) bids (tenderers), \(minimumContractingProcesses) (buyers)"
        case .heterogeneousSupplier:
            return "classes (first \(classificationDigits) digits) at or above "
                + (heterogeneityThreshold.map { "fixed at \($0)" } ?? "Q3 + 1.5 IQR")
                + "; compared from \(minimumAwardedProcesses) processes"
        case .heavilyDiscountedBid:
            return "gap at or above the upper fence, " + fence(discountThreshold, "Q3 + 1.5 IQR")
        }
    }

    /// The red flags as a Markdown section of the rule catalogue: each flag's rule id, Cardinal code, names, groups
    /// and default figures. They are indicators of risk from open data, not rules of law: no legal basis, no
    /// profile figure; a Cardinal settings file changes the figures.
    public static var catalogueMarkdown: String {
        let defaults = RedFlagSettings()
        var out = "\n## Red flags (`bidding.flag.*`): indicators of risk, not rules of law\n\n"
        out +=
            "OCP Cardinal's indicators, computed over open-contracting data by `creditkit ocds check` and `ocds flags`; "
        out += "no legal basis and no profile figure: the figures are Cardinal's defaults, which a Cardinal settings "
        out += "file (`--settings`) changes. See Docs/CARDINAL.md.\n\n"
        out += "| rule | Cardinal | name | on | default figures |\n|---|---|---|---|---|\n"
        for code in RedFlagCode.allCases {
            out +=
                "| `\(code.rule)` | \(code.rawValue) | \(code.name.chinese) — \(code.name.english) | "
                + code.groups.map(\.chinese).joined(separator: "、") + " | \(defaults.figures(of: code)) |\n"
        }
        return out
    }
}

/// What Cardinal's `prepare` command does to a release before its indicators read it (数据准备), for the settings
/// that change what a flag sees; applied by ``RedFlagScan`` as each release is read.
public struct RedFlagPreparation: Sendable, Hashable {
    /// The status of a bid that has none (`[defaults] bid_status`).
    public var bidStatus: String?
    /// The status of an award that has none (`[defaults] award_status`).
    public var awardStatus: String?
    /// The currency of a bid price that has none (`[defaults] currency`).
    public var currency: String?
    /// Bid amounts that mean "withheld", removed (`[redactions] amount`).
    public var redactedAmounts: Set<Decimal> = []
    /// Organisation ids that mean "withheld", removed (`[redactions] organization_id`).
    public var redactedOrganizations: Set<String> = []
    /// An award whose contracts are all cancelled is cancelled (`[corrections] award_status_by_contract_status`).
    public var awardStatusByContractStatus = false
    /// Put before buyer and procuring-entity ids that lack it (`prefix_buyer_or_procuring_entity_id`).
    public var buyerPrefix = ""
    /// Put before tenderer and supplier ids that lack it (`prefix_tenderer_or_supplier_id`).
    public var tendererPrefix = ""
    /// `procurementMethodDetails` is cut at this text, the rest dropped (`split_procurement_method_details`).
    public var methodDetailsSeparator: String?

    /// Nothing done.
    public init() {}

    /// Whether anything is done at all.
    public var isEmpty: Bool { self == RedFlagPreparation() }
}

/// One flag raised: on what, with which value (Cardinal's value: 1 for a plain flag, a count or a ratio).
public struct RedFlag: Hashable, Sendable {
    /// The flag.
    public var code: RedFlagCode
    /// What it is about.
    public var group: RedFlagGroup
    /// The ocid, buyer, procuring entity or tenderer id.
    public var key: String
    /// The value.
    public var value: Double
    /// The latest release date among those it rests on (a process's own; an organisation's latest), when the data
    /// gives one: the day the flag speaks of.
    public var date: LocalDate? = nil
    /// The buyer's name for a process, the organisation's name otherwise, when the data gives one.
    public var name: String? = nil
    /// For a process, the buyer's id in the data, when the scan that raised it knew it.
    public var buyer: String? = nil
}
