import CreditKitCore
import Foundation
import OpenContracting

/// A red flag (风险信号) over an open-contracting process, with the meaning of an Open Contracting Partnership
/// Cardinal indicator so the two can be compared.
public enum RedFlagCode: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Only one tenderer in an open or selective procedure (Cardinal R018).
    case singleBid = "R018"
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

    /// The rule id, `bidding.flag.*`.
    public var rule: RuleID {
        switch self {
        case .singleBid: "bidding.flag.single-bid"
        case .identicalPrices: "bidding.flag.identical-prices"
        case .lateBidWon: "bidding.flag.late-bid-won"
        case .allButWinnerDisqualified: "bidding.flag.all-but-winner-disqualified"
        case .lowestBidDisqualified: "bidding.flag.lowest-bid-disqualified"
        case .excessiveDisqualifications: "bidding.flag.excessive-disqualifications"
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
    /// A tenderer, by `bids.details.tenderers.id`.
    case tenderer = "Tenderer"

    /// Ordered by name.
    public static func < (a: RedFlagGroup, b: RedFlagGroup) -> Bool { a.rawValue < b.rawValue }
}

/// How the flags read the data; the defaults are Cardinal's.
public struct RedFlagSettings: Sendable {
    /// The flags computed.
    public var enabled: Set<RedFlagCode> = Set(RedFlagCode.allCases)
    /// `procurementMethod` values the single-bid flag looks at.
    public var singleBidMethods: Set<String> = ["open", "selective"]
    /// `procurementMethodDetails` values whose award does not compare prices: no price flags for them.
    public var noPriceComparisonMethods: Set<String> = []
    /// `procurementMethodDetails` values left out of every flag.
    public var excludedMethodDetails: Set<String> = []
    /// Local bid statuses and the OCDS ones they mean (Armenia: `qualified` → `valid`, `not-qualified` →
    /// `disqualified`), as Cardinal's `prepare` maps them.
    public var bidStatuses: [String: String] = [:]
    /// The currency prices are compared in; by default the first one a process's bids use.
    public var currency: String?
    /// How many other tenderers must be disqualified for R035.
    public var allButWinnerThreshold = 1
    /// R038's fixed ratio, or `nil` for the upper fence (third quartile plus 1.5 times the interquartile range).
    public var disqualificationThreshold: Double?
    /// R038: the bids a tenderer must have submitted to be compared.
    public var minimumSubmittedBids = 2
    /// R038: the bids a buyer's or procuring entity's processes must have received to be compared (Cardinal's
    /// `minimum_contracting_processes`, which it counts in submitted bids).
    public var minimumContractingProcesses = 2

    /// Cardinal's defaults.
    public init() {}
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
}

/// The red flags over a file of releases (招投标风险信号): per process as each release is read, and, for R038,
/// over the whole file at the end.
///
/// Like Cardinal, a cancelled tender (`tender.status` `cancelled`) and a method listed in
/// ``RedFlagSettings/excludedMethodDetails`` are left out; submitted bids are those with a status other than
/// `invited` or `withdrawn`; an award is final when `active` (counted), `cancelled` or `unsuccessful` (ignored).
public struct RedFlagScan: Sendable {
    /// The settings.
    public let settings: RedFlagSettings
    /// The flags raised so far, by group, key and code (a later value for the same one replaces the earlier).
    public private(set) var results: [RedFlagGroup: [String: [RedFlagCode: Double]]] = [:]
    private var buyerRatios: [String: (disqualified: Int, submitted: Int)] = [:]
    private var entityRatios: [String: (disqualified: Int, submitted: Int)] = [:]
    private var tendererRatios: [String: (disqualified: Int, submitted: Int)] = [:]
    /// The latest release date and a name of each process and organisation the flags may name.
    private var seen: [RedFlagGroup: [String: (date: LocalDate?, name: String?)]] = [:]

    /// Starts a scan.
    /// - Parameter settings: The settings.
    public init(settings: RedFlagSettings = RedFlagSettings()) { self.settings = settings }

    func status(_ bid: OCDSRelease.Bid) -> String? { bid.status.map { settings.bidStatuses[$0] ?? $0 } }

    /// Reads one release.
    /// - Parameter r: The release.
    /// - Returns: The process-level flags it raised.
    @discardableResult
    public mutating func add(_ r: OCDSRelease) -> [RedFlagCode] {
        guard r.tender?.status != "cancelled",
            !(r.tender?.procurementMethodDetails.map(settings.excludedMethodDetails.contains) ?? false)
        else { return [] }
        let on = settings.enabled
        let priced = !(r.tender?.procurementMethodDetails.map(settings.noPriceComparisonMethods.contains) ?? false)
        var raised: [RedFlagCode] = []
        func flag(_ code: RedFlagCode, _ value: Double = 1) {
            results[.process, default: [:]][r.ocid, default: [:]][code] = value
            raised.append(code)
        }
        func tenderer(_ id: String, _ code: RedFlagCode, _ value: Double) {
            results[.tenderer, default: [:]][id, default: [:]][code] = value
        }
        let submitted = r.bids.filter { b in status(b).map { $0 != "invited" && $0 != "withdrawn" } ?? false }
        note(r)
        let activeSuppliers = Set(r.awards.filter { $0.status == "active" }.flatMap(\.suppliers))

        if on.contains(.singleBid), let t = r.tender, settings.singleBidMethods.contains(t.procurementMethod ?? ""),
            t.numberOfTenderers == 1
        {
            flag(.singleBid)
        }
        if on.contains(.identicalPrices), priced {
            var seen: [String: Set<String>] = [:]
            for bid in submitted {
                let ids = Set(bid.tenderers)
                guard !ids.isEmpty, let amount = bid.value, let currency = bid.currency else { continue }
                let price = "\(amount) \(currency)"
                if let other = seen[price], other != ids {
                    flag(.identicalPrices)
                    for id in ids.union(other) { tenderer(id, .identicalPrices, 1) }
                }
                seen[price] = ids
            }
        }
        if on.contains(.lateBidWon), let deadline = r.tender?.periodEndInstant, !r.awards.isEmpty {
            for bid in r.bids where status(bid) == "valid" && (bid.instant ?? .min) > deadline {
                for id in bid.tenderers where activeSuppliers.contains(id) {
                    flag(.lateBidWon)
                    tenderer(id, .lateBidWon, 1)
                }
            }
        }
        // R035 needs every award final; a pending or invalid one leaves the process out.
        let finalAwards = r.awards.allSatisfy { a in
            a.status.map { ["active", "cancelled", "unsuccessful"].contains($0) } ?? true
        }
        if on.contains(.allButWinnerDisqualified), finalAwards, !r.bids.isEmpty {
            let valid = Set(r.bids.filter { status($0) == "valid" }.flatMap(\.tenderers))
            let disqualified = Set(r.bids.filter { status($0) == "disqualified" }.flatMap(\.tenderers))
            let others = disqualified.subtracting(valid).count
            if valid.count == 1, valid == activeSuppliers, others >= max(settings.allButWinnerThreshold, 1) {
                flag(.allButWinnerDisqualified, Double(others))
                tenderer(valid.first!, .allButWinnerDisqualified, 0)
            }
        }
        if on.contains(.lowestBidDisqualified), priced, r.awards.contains(where: { $0.status == "active" }) {
            let currency = settings.currency ?? submitted.first { $0.value != nil }?.currency
            let comparable = submitted.filter { $0.value != nil && $0.currency == currency }
            let lowestDisqualified = comparable.filter { status($0) == "disqualified" }.compactMap(\.value).min()
            let lowestOther = comparable.filter { status($0) != "disqualified" }.compactMap(\.value).min()
            if let d = lowestDisqualified, let o = lowestOther, d <= o { flag(.lowestBidDisqualified) }
        }
        if on.contains(.excessiveDisqualifications), !submitted.isEmpty {
            let disqualified = submitted.filter { status($0) == "disqualified" }.count
            for bid in submitted {
                let out = status(bid) == "disqualified" ? 1 : 0
                for id in bid.tenderers {
                    let old = tendererRatios[id] ?? (0, 0)
                    tendererRatios[id] = (old.disqualified + out, old.submitted + 1)
                }
            }
            if let id = r.buyer?.id {
                let old = buyerRatios[id] ?? (0, 0)
                buyerRatios[id] = (old.disqualified + disqualified, old.submitted + submitted.count)
            }
            if let id = r.tender?.procuringEntity {
                let old = entityRatios[id] ?? (0, 0)
                entityRatios[id] = (old.disqualified + disqualified, old.submitted + submitted.count)
            }
        }
        return raised
    }

    /// Keeps the release's date and names for the process, its buyer, its procuring entity and its tenderers.
    mutating func note(_ r: OCDSRelease) {
        func keep(_ group: RedFlagGroup, _ key: String, _ name: String?) {
            let old = seen[group]?[key]
            let date = [old?.date, r.date].compactMap { $0 }.max()
            seen[group, default: [:]][key] = (date, old?.name ?? name)
        }
        let names = Dictionary(r.parties.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        keep(.process, r.ocid, r.buyer?.name)
        if let buyer = r.buyer?.id { keep(.buyer, buyer, r.buyer?.name ?? names[buyer] ?? nil) }
        if let entity = r.tender?.procuringEntity { keep(.procuringEntity, entity, names[entity] ?? nil) }
        for id in Set(r.bids.flatMap(\.tenderers)) { keep(.tenderer, id, names[id] ?? nil) }
    }

    /// Adds another scan's counts and flags (for a file read in parts).
    /// - Parameter other: The other scan.
    public mutating func merge(_ other: RedFlagScan) {
        for (group, keys) in other.seen {
            for (key, value) in keys {
                let old = seen[group]?[key]
                seen[group, default: [:]][key] = (
                    [old?.date, value.date].compactMap { $0 }.max(), old?.name ?? value.name
                )
            }
        }
        for (group, keys) in other.results {
            for (key, codes) in keys { results[group, default: [:]][key, default: [:]].merge(codes) { _, b in b } }
        }
        for (k, v) in other.buyerRatios {
            buyerRatios[k] = ((buyerRatios[k]?.0 ?? 0) + v.0, (buyerRatios[k]?.1 ?? 0) + v.1)
        }
        for (k, v) in other.entityRatios {
            entityRatios[k] = ((entityRatios[k]?.0 ?? 0) + v.0, (entityRatios[k]?.1 ?? 0) + v.1)
        }
        for (k, v) in other.tendererRatios {
            tendererRatios[k] = ((tendererRatios[k]?.0 ?? 0) + v.0, (tendererRatios[k]?.1 ?? 0) + v.1)
        }
    }

    /// Ends the scan: adds R038 for buyers, procuring entities and tenderers whose disqualification ratio reaches
    /// the threshold (by default the upper fence of the ratios compared).
    /// - Returns: Every flag, by group, key and code.
    public mutating func finish() -> [RedFlag] {
        if settings.enabled.contains(.excessiveDisqualifications) {
            for (group, ratios, minimum) in [
                (RedFlagGroup.buyer, buyerRatios, settings.minimumContractingProcesses),
                (.procuringEntity, entityRatios, settings.minimumContractingProcesses),
                (.tenderer, tendererRatios, settings.minimumSubmittedBids),
            ] {
                let compared = ratios.filter { $0.value.submitted >= minimum }.mapValues {
                    Double($0.disqualified) / Double($0.submitted)
                }
                guard !compared.isEmpty else { continue }
                let fence = settings.disqualificationThreshold ?? Self.upperFence(Array(compared.values))
                // A ratio of zero is never excessive, even when the fence is zero (most of a file without a
                // disqualified bid), as in Cardinal's results.
                for (key, ratio) in compared where ratio >= fence && ratio > 0 {
                    results[group, default: [:]][key, default: [:]][.excessiveDisqualifications] = ratio
                }
            }
            buyerRatios = [:]
            entityRatios = [:]
            tendererRatios = [:]
        }
        var out: [RedFlag] = []
        for (group, keys) in results {
            for (key, codes) in keys {
                let known = seen[group]?[key]
                for (code, value) in codes {
                    out.append(
                        RedFlag(code: code, group: group, key: key, value: value, date: known?.date, name: known?.name))
                }
            }
        }
        return out.sorted { ($0.group, $0.key, $0.code) < ($1.group, $1.key, $1.code) }
    }

    /// The third quartile plus 1.5 times the interquartile range, quartiles estimated as Cardinal's statistics
    /// library does (the R-8 estimator, approximately median-unbiased).
    /// - Parameter values: The values.
    /// - Returns: The upper fence.
    public static func upperFence(_ values: [Double]) -> Double {
        let q1 = quantile(values, 0.25)
        let q3 = quantile(values, 0.75)
        return q3 + 1.5 * (q3 - q1)
    }

    /// The R-8 quantile estimate.
    static func quantile(_ values: [Double], _ tau: Double) -> Double {
        let x = values.sorted()
        let n = Double(x.count)
        guard x.count > 1 else { return x.first ?? .nan }
        if tau < 2 / 3 / (n + 1 / 3) { return x[0] }
        if tau >= (n - 1 / 3) / (n + 1 / 3) { return x[x.count - 1] }
        let h = (n + 1 / 3) * tau + 1 / 3
        let lower = Int(h.rounded(.down))
        return x[lower - 1] + (h - Double(lower)) * (x[lower] - x[lower - 1])
    }
}
