import CreditKitCore
import Foundation
import OpenContracting
import Synchronization

/// The red flags over a file of releases (招投标风险信号): per process as each release is read, and, for the
/// indicators that compare organisations or processes with their peers (R024, R025, R038, R048, R058), over the
/// whole file at the end.
///
/// Like Cardinal, a cancelled tender (`tender.status` `cancelled`) and a method listed in
/// ``RedFlagSettings/excludedMethodDetails`` are left out; submitted bids are those with a status other than
/// `invited` or `withdrawn`; an award is final when `active` (counted), `cancelled` or `unsuccessful` (ignored).
/// Two scans over two parts of a file merge into the scan of the whole (``merge(_:)``).
///
/// What a scan keeps grows with the organisations it meets and with the processes a whole-file flag may still name
/// (R024's and R058's gaps), not with the releases read: a scan that does not retain process flags
/// (``init(settings:retainingProcessFlags:)``) hands each back as it is raised and keeps nothing of it.
public struct RedFlagScan: Sendable {
    /// The settings.
    public let settings: RedFlagSettings
    /// Whether process flags raised as releases are read are kept for ``finish()`` (for Cardinal's output), or only
    /// handed back by ``add(_:)`` (for findings made as the file is read).
    public let retainsProcessFlags: Bool
    /// The flags raised so far, by group, key and code (a later value for the same one replaces the earlier).
    public private(set) var results: [RedFlagGroup: [String: [RedFlagCode: Double]]] = [:]
    /// The quartiles and fences each peer-comparing flag used, by code, under Cardinal's names (`q1`, `q3`,
    /// `lower_fence`, `upper_fence`; R038's prefixed by group): set by ``finish()``.
    public private(set) var meta: [RedFlagCode: [String: Double]] = [:]
    private var buyerRatios: [String: (disqualified: Int, submitted: Int)] = [:]
    private var entityRatios: [String: (disqualified: Int, submitted: Int)] = [:]
    private var tendererRatios: [String: (disqualified: Int, submitted: Int)] = [:]
    /// R024 and R058: each process's gap from the winning bid to the second-lowest valid bid, with both tenderers.
    private var gaps: [String: PriceGap] = [:]
    /// R025: each tenderer's processes won and processes with a valid bid.
    private var wins: [String: (won: Int, valid: Int)] = [:]
    /// R048: each supplier's processes awarded and the first-level classes of the items awarded.
    private var classes: [String: (processes: Int, codes: Set<String>)] = [:]
    /// Bid and award statuses outside the OCDS codelists, as read (after the settings' codelists), with how many
    /// bids or awards had each: no flag reads them, so the data may need a codelist mapping.
    public private(set) var unknownStatuses: [String: Int] = [:]
    /// Priced bids left out of a price comparison because their currency was not the one compared.
    public private(set) var mismatchedCurrencies = 0
    /// The latest release date and a name of each process and organisation the flags may name.
    private var seen: [RedFlagGroup: [String: (date: LocalDate?, name: String?)]] = [:]

    /// The relative gap between a winning bid and the lowest other valid bid, with what a flag on the process names.
    struct PriceGap: Sendable {
        var ratio: Double
        var winner: String
        var runnerUp: String
        var date: LocalDate?
        var buyerName: String?
        var buyer: String?
    }

    /// Starts a scan.
    /// - Parameters:
    ///   - settings: The settings.
    ///   - retainingProcessFlags: Whether the process flags raised as releases are read are kept for ``finish()``
    ///     (`true`, as Cardinal's output needs), or only handed back by ``add(_:)``.
    public init(settings: RedFlagSettings = RedFlagSettings(), retainingProcessFlags: Bool = true) {
        self.settings = settings
        self.retainsProcessFlags = retainingProcessFlags
    }

    /// Reads one release.
    /// - Parameter release: The release.
    /// - Returns: The process-level flags it raised, each with its value, the release's date, the buyer's name and
    ///   id.
    @discardableResult
    public mutating func add(_ release: OCDSRelease) -> [RedFlag] {
        let r = prepared(release)
        // As Cardinal: a release without an ocid names no process and is passed over.
        guard !r.ocid.isEmpty, r.tender?.status != "cancelled",
            !(r.tender?.procurementMethodDetails.map(settings.excludedMethodDetails.contains) ?? false)
        else { return [] }
        let on = settings.enabled
        let details = r.tender?.procurementMethodDetails
        // An allow list, when given, decides alone; a process without method details is then left out.
        let priced =
            settings.priceComparisonMethods.isEmpty
            ? !(details.map(settings.noPriceComparisonMethods.contains) ?? false)
            : details.map(settings.priceComparisonMethods.contains) ?? false
        var raised: [RedFlag] = []
        let buyerID = OCDSBuyers.id(of: r)
        func flag(_ code: RedFlagCode, _ value: Double = 1) {
            if retainsProcessFlags { results[.process, default: [:]][r.ocid, default: [:]][code] = value }
            // A flag raised twice on one process (several late bids) is handed back once, with its latest value.
            raised.removeAll { $0.code == code }
            raised.append(
                RedFlag(
                    code: code, group: .process, key: r.ocid, value: value, date: r.date, name: r.buyer?.name,
                    buyer: buyerID))
        }
        func tenderer(_ id: String, _ code: RedFlagCode, _ value: Double) {
            results[.tenderer, default: [:]][id, default: [:]][code] = value
        }
        let submitted = r.bids.filter { b in b.status.map { $0 != "invited" && $0 != "withdrawn" } ?? false }
        note(r)
        for bid in r.bids {
            if let status = bid.status, !Self.bidStatuses.contains(status) {
                unknownStatuses["bid " + status, default: 0] += 1
            }
        }
        for award in r.awards {
            if let status = award.status, !Self.awardStatuses.contains(status) {
                unknownStatuses["award " + status, default: 0] += 1
            }
        }
        let activeSuppliers = Set(r.awards.filter { $0.status == "active" }.flatMap(\.suppliers))

        if on.contains(.shortSubmissionPeriod), let t = r.tender,
            settings.submissionPeriodMethods.isEmpty
                || t.procurementMethod.map(settings.submissionPeriodMethods.contains) ?? false,
            let start = t.periodStartMillis, let end = t.periodEndMillis
        {
            // Whole days between the two instants, cut toward zero: 14 days and 23 hours is 14.
            let days = (end - start) / 86_400_000
            let threshold =
                t.procurementMethodDetails.flatMap { settings.submissionPeriodByMethodDetails[$0] }
                ?? settings.submissionPeriodDays
            if days < Int64(threshold) { flag(.shortSubmissionPeriod) }
        }
        if on.contains(.singleBid), let t = r.tender,
            settings.singleBidMethods.isEmpty || t.procurementMethod.map(settings.singleBidMethods.contains) ?? false,
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
            for bid in r.bids where bid.status == "valid" && (bid.instant ?? .min) > deadline {
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
            let valid = Set(r.bids.filter { $0.status == "valid" }.flatMap(\.tenderers))
            let disqualified = Set(r.bids.filter { $0.status == "disqualified" }.flatMap(\.tenderers))
            let others = disqualified.subtracting(valid).count
            if valid.count == 1, valid == activeSuppliers, others >= max(settings.allButWinnerThreshold, 1) {
                flag(.allButWinnerDisqualified, Double(others))
                tenderer(valid.first!, .allButWinnerDisqualified, 0)
            }
        }
        if on.contains(.lowestBidDisqualified), priced, r.awards.contains(where: { $0.status == "active" }) {
            // The first bid at the lowest price decides (a later one at the same price does not), and some valid
            // bid must have a price: the lowest was then set aside for something other than its price.
            let withPrice = submitted.filter { $0.value != nil && $0.currency != nil }
            let currency = settings.currency ?? withPrice.first?.currency
            var lowest: OCDSRelease.Bid?
            var validPriced = false
            for bid in withPrice where bid.currency == currency {
                if lowest == nil || bid.value! < lowest!.value! { lowest = bid }
                if bid.status == "valid" { validPriced = true }
            }
            mismatchedCurrencies += withPrice.count(where: { $0.currency != currency })
            if validPriced, lowest?.status == "disqualified" { flag(.lowestBidDisqualified) }
        }
        if on.contains(.excessiveDisqualifications), !submitted.isEmpty {
            let disqualified = submitted.filter { $0.status == "disqualified" }.count
            for bid in submitted {
                let out = bid.status == "disqualified" ? 1 : 0
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
        let winner = Self.soleWinner(r)
        if on.contains(.priceCloseToWinner) || on.contains(.heavilyDiscountedBid), priced, let winner,
            var gap = priceGap(r, winner: winner)
        {
            (gap.date, gap.buyerName, gap.buyer) = (r.date, r.buyer?.name, buyerID)
            gaps[r.ocid] = gap
        }
        if on.contains(.excessiveUnsuccessfulBids), let winner {
            // Each tenderer counted once per process, however many valid bids it made there.
            for id in Set(r.bids.filter { $0.status == "valid" && $0.hasOneTenderer }.map { $0.tenderers[0] }) {
                let old = wins[id] ?? (0, 0)
                wins[id] = (old.won + (id == winner ? 1 : 0), old.valid + 1)
            }
        }
        if on.contains(.heterogeneousSupplier) {
            var counted: Set<String> = []
            // An award to several suppliers is left out: which of them supplied which item is not said.
            for award in r.awards where award.status == "active" && award.hasOneSupplier {
                let id = award.suppliers[0]
                for code in award.itemClassifications {
                    // A supplier counts once per process, and only for an award with a classified item.
                    if counted.insert(id).inserted { classes[id, default: (0, [])].processes += 1 }
                    // The first digits as code points, not as the characters a reader sees.
                    let first = String(
                        String.UnicodeScalarView(code.unicodeScalars.prefix(settings.classificationDigits)))
                    classes[id, default: (0, [])].codes.insert(first)
                }
            }
        }
        return raised
    }

    /// The release as Cardinal's `prepare` would leave it under the settings: defaults filled in, codes mapped,
    /// redacted values removed, ids prefixed, method details cut, awards whose contracts are all cancelled
    /// cancelled. Untouched (and not copied) when the settings ask for nothing.
    /// - Parameter release: The release.
    /// - Returns: The prepared release.
    public func prepared(_ release: OCDSRelease) -> OCDSRelease {
        let p = settings.preparation
        guard !p.isEmpty || !settings.bidStatuses.isEmpty || !settings.awardStatuses.isEmpty else { return release }
        var r = release
        func id(_ raw: String?, _ prefix: String) -> String? {
            guard let raw, !p.redactedOrganizations.contains(raw) else { return nil }
            return raw.hasPrefix(prefix) ? raw : prefix + raw
        }
        func ids(_ raw: [String], _ prefix: String) -> [String] { raw.compactMap { id($0, prefix) } }
        if let buyer = r.buyer {
            if let new = id(buyer.id, p.buyerPrefix) { r.buyer?.id = new } else { r.buyer = nil }
        }
        r.parties.removeAll { p.redactedOrganizations.contains($0.id) }
        if var tender = r.tender {
            tender.procuringEntity = id(tender.procuringEntity, p.buyerPrefix)
            if let separator = p.methodDetailsSeparator, !separator.isEmpty,
                let head = tender.procurementMethodDetails?.components(separatedBy: separator).first
            {
                tender.procurementMethodDetails = String(head.reversed().drop(while: \.isWhitespace).reversed())
            }
            r.tender = tender
        }
        for i in r.bids.indices {
            if let amount = r.bids[i].value, p.redactedAmounts.contains(amount) { r.bids[i].value = nil }
            if r.bids[i].currency == nil, r.bids[i].value != nil { r.bids[i].currency = p.currency }
            if let status = r.bids[i].status ?? p.bidStatus {
                r.bids[i].status = settings.bidStatuses[status] ?? status
            }
            // A redacted id leaves its entry: a joint bid stays joint.
            r.bids[i].tendererEntries = max(r.bids[i].tendererEntries, r.bids[i].tenderers.count)
            r.bids[i].tenderers = ids(r.bids[i].tenderers, p.tendererPrefix)
        }
        // An award all of whose contracts are cancelled is cancelled.
        var cancelledAwards: [String: Bool] = [:]
        if p.awardStatusByContractStatus {
            for c in r.contracts {
                guard let award = c.awardID else { continue }
                cancelledAwards[award] = (cancelledAwards[award] ?? true) && c.status == "cancelled"
            }
        }
        for i in r.awards.indices {
            if let status = r.awards[i].status ?? p.awardStatus {
                r.awards[i].status = settings.awardStatuses[status] ?? status
            }
            if let award = r.awards[i].id, cancelledAwards[award] == true { r.awards[i].status = "cancelled" }
            r.awards[i].supplierEntries = max(r.awards[i].supplierEntries, r.awards[i].suppliers.count)
            r.awards[i].suppliers = ids(r.awards[i].suppliers, p.tendererPrefix)
        }
        return r
    }

    /// The OCDS bid status codelist.
    static let bidStatuses: Set<String> = ["invited", "pending", "valid", "disqualified", "withdrawn"]
    /// The OCDS award status codelist.
    static let awardStatuses: Set<String> = ["pending", "active", "cancelled", "unsuccessful"]

    /// The supplier of a process's one active award, when every award is final (active, cancelled or
    /// unsuccessful; an award without a status is passed over) and that award has one supplier: the bids then
    /// all competed for it.
    static func soleWinner(_ r: OCDSRelease) -> String? {
        var active: OCDSRelease.Award?
        for award in r.awards {
            switch award.status {
            case nil, "cancelled"?, "unsuccessful"?: continue
            case "active"?:
                guard active == nil else { return nil }
                active = award
            default: return nil
            }
        }
        guard let active, active.hasOneSupplier else { return nil }
        return active.suppliers[0]
    }

    /// The gap from the winner's lowest valid bid to the lowest valid bid of any other tenderer, in the process's
    /// currency (the one set, else the first a valid bid uses), over bids of one tenderer each; none when the
    /// lowest bid did not win (the award then weighed more than price) or the winning price is not positive.
    mutating func priceGap(_ r: OCDSRelease, winner: String) -> PriceGap? {
        let valid = r.bids.filter { $0.status == "valid" && $0.hasOneTenderer && $0.value != nil }
        guard let currency = settings.currency ?? valid.first(where: { $0.currency != nil })?.currency else {
            return nil
        }
        mismatchedCurrencies += valid.count(where: { $0.currency != nil && $0.currency != currency })
        var won: (id: String, amount: Decimal)?
        var other: (id: String, amount: Decimal)?
        for bid in valid where bid.currency == currency {
            let id = bid.tenderers[0]
            let amount = bid.value!
            if id == winner {
                if won == nil || amount < won!.amount { won = (id, amount) }
            } else if other == nil || amount < other!.amount {
                other = (id, amount)
            }
        }
        guard let won, let other, other.amount >= won.amount, won.amount > 0 else { return nil }
        // In binary floating point, as Cardinal computes it: the quartiles the fences come from are its.
        let w = Self.double(won.amount)
        return PriceGap(ratio: (Self.double(other.amount) - w) / w, winner: won.id, runnerUp: other.id)
    }

    /// A decimal as the nearest binary floating-point number (as a JSON reader reads the number's text).
    static func double(_ d: Decimal) -> Double { Double(d.description) ?? .nan }

    /// Keeps the release's date and names for the process, its buyer, its procuring entity, its tenderers and its
    /// suppliers.
    mutating func note(_ r: OCDSRelease) {
        func keep(_ group: RedFlagGroup, _ key: String, _ name: String?) {
            let old = seen[group]?[key]
            let date = [old?.date, r.date].compactMap { $0 }.max()
            seen[group, default: [:]][key] = (date, old?.name ?? name)
        }
        let names = Dictionary(r.parties.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        if retainsProcessFlags { keep(.process, r.ocid, r.buyer?.name) }
        if let buyer = r.buyer?.id { keep(.buyer, buyer, r.buyer?.name ?? names[buyer] ?? nil) }
        if let entity = r.tender?.procuringEntity { keep(.procuringEntity, entity, names[entity] ?? nil) }
        for id in Set(r.bids.flatMap(\.tenderers) + r.awards.flatMap(\.suppliers)) {
            keep(.tenderer, id, names[id] ?? nil)
        }
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
        gaps.merge(other.gaps) { _, b in b }
        unknownStatuses.merge(other.unknownStatuses, uniquingKeysWith: +)
        mismatchedCurrencies += other.mismatchedCurrencies
        for (k, v) in other.wins { wins[k] = ((wins[k]?.won ?? 0) + v.won, (wins[k]?.valid ?? 0) + v.valid) }
        for (k, v) in other.classes {
            classes[k] = ((classes[k]?.processes ?? 0) + v.processes, (classes[k]?.codes ?? []).union(v.codes))
        }
    }

    /// Ends the scan: adds the flags that compare peers over the whole file — R024 and R058 on processes (and
    /// their winners, R024's runners-up too), R025 and R048 on tenderers, R038 on buyers, procuring entities and
    /// tenderers — each against its fence (fixed in the settings, else from the quartiles, kept in ``meta``).
    /// - Returns: Every flag, by group, key and code.
    public mutating func finish() -> [RedFlag] {
        let on = settings.enabled
        func set(_ group: RedFlagGroup, _ key: String, _ code: RedFlagCode, _ value: Double) {
            results[group, default: [:]][key, default: [:]][code] = value
        }
        // A process flag taken over the whole file names what its gap kept (the process may not be in `seen`).
        var gapOf: [String: PriceGap] = [:]
        func setGap(_ ocid: String, _ gap: PriceGap, _ code: RedFlagCode) {
            set(.process, ocid, code, gap.ratio)
            gapOf[ocid] = gap
        }
        /// The first and third quartiles of values, kept in the meta under the code.
        func quartiles(_ code: RedFlagCode, _ values: [Double], prefix: String = "") -> (q1: Double, q3: Double) {
            let q = (Self.quantile(values, 0.25), Self.quantile(values, 0.75))
            meta[code, default: [:]][prefix + "q1"] = q.0
            meta[code, default: [:]][prefix + "q3"] = q.1
            return q
        }
        if on.contains(.excessiveDisqualifications) {
            for (group, ratios, minimum) in [
                (RedFlagGroup.buyer, buyerRatios, settings.minimumContractingProcesses),
                (.procuringEntity, entityRatios, settings.minimumContractingProcesses),
                (.tenderer, tendererRatios, settings.minimumSubmittedBids),
            ] {
                let compared = ratios.filter { $0.value.submitted >= minimum }.mapValues {
                    Double($0.disqualified) / Double($0.submitted)
                }
                guard !compared.isEmpty else { continue }
                let prefix = group.rawValue + "_"
                let fence =
                    settings.disqualificationThreshold
                    ?? {
                        let q = quartiles(.excessiveDisqualifications, Array(compared.values), prefix: prefix)
                        return q.q3.addingProduct(q.q3 - q.q1, 1.5)
                    }()
                meta[.excessiveDisqualifications, default: [:]][prefix + "upper_fence"] = fence
                // A ratio is never negative: a fence of zero (most compared disqualified nothing) flags nothing.
                guard fence > 0 else { continue }
                for (key, ratio) in compared where ratio >= fence {
                    set(group, key, .excessiveDisqualifications, ratio)
                }
            }
        }
        let ratios = gaps.values.map(\.ratio)
        if on.contains(.priceCloseToWinner) {
            var q1 = 1.0
            let fence: Double
            if let fixed = settings.closePriceThreshold {
                fence = fixed
            } else {
                let q = quartiles(.priceCloseToWinner, ratios)
                q1 = q.q1
                fence = q.q1.addingProduct(q.q3 - q.q1, -1.5)
            }
            meta[.priceCloseToWinner, default: [:]]["lower_fence"] = fence
            // A gap is never negative: when a quarter of processes have none, the fence would flag most of them.
            if q1 > 0, fence > 0 {
                for (ocid, gap) in gaps where gap.ratio <= fence {
                    setGap(ocid, gap, .priceCloseToWinner)
                    set(.tenderer, gap.winner, .priceCloseToWinner, 0)
                    set(.tenderer, gap.runnerUp, .priceCloseToWinner, 0)
                }
            }
        }
        if on.contains(.heavilyDiscountedBid) {
            let fence =
                settings.discountThreshold
                ?? {
                    let q = quartiles(.heavilyDiscountedBid, ratios)
                    return q.q3.addingProduct(q.q3 - q.q1, 1.5)
                }()
            meta[.heavilyDiscountedBid, default: [:]]["upper_fence"] = fence
            if fence > 0 {
                for (ocid, gap) in gaps where gap.ratio >= fence {
                    setGap(ocid, gap, .heavilyDiscountedBid)
                    set(.tenderer, gap.winner, .heavilyDiscountedBid, 0)
                }
            }
        }
        if on.contains(.excessiveUnsuccessfulBids) {
            let top = Self.quantile(wins.values.map { Double($0.valid) }, Double(settings.topTendererPercentile) / 100)
            var q1 = 1.0
            let fence: Double
            let share = wins.mapValues { Double($0.won) / Double($0.valid) }
            if let fixed = settings.unsuccessfulBidsThreshold {
                fence = fixed
            } else {
                let q = quartiles(.excessiveUnsuccessfulBids, Array(share.values))
                q1 = q.q1
                fence = q.q1.addingProduct(q.q3 - q.q1, -1.5)
            }
            meta[.excessiveUnsuccessfulBids, default: [:]]["upper_fence"] = top
            meta[.excessiveUnsuccessfulBids, default: [:]]["lower_fence"] = fence
            // When a quarter of tenderers won nothing, the fence would flag most top tenderers.
            if q1 > 0, fence > 0 {
                for (id, counts) in wins where Double(counts.valid) >= top && share[id]! <= fence {
                    set(.tenderer, id, .excessiveUnsuccessfulBids, share[id]!)
                }
            }
        }
        if on.contains(.heterogeneousSupplier) {
            let compared = classes.filter { $0.value.processes >= settings.minimumAwardedProcesses }.mapValues {
                Double($0.codes.count)
            }
            let fence =
                settings.heterogeneityThreshold.map(Double.init)
                ?? {
                    let q = quartiles(.heterogeneousSupplier, Array(compared.values))
                    return q.q3.addingProduct(q.q3 - q.q1, 1.5)
                }()
            meta[.heterogeneousSupplier, default: [:]]["upper_fence"] = fence
            for (id, variety) in compared where variety >= fence { set(.tenderer, id, .heterogeneousSupplier, variety) }
        }
        buyerRatios = [:]
        entityRatios = [:]
        tendererRatios = [:]
        gaps = [:]
        wins = [:]
        classes = [:]
        var out: [RedFlag] = []
        for (group, keys) in results {
            for (key, codes) in keys {
                let known = seen[group]?[key]
                let gap = group == .process ? gapOf[key] : nil
                for (code, value) in codes {
                    out.append(
                        RedFlag(
                            code: code, group: group, key: key, value: value, date: known?.date ?? gap?.date,
                            name: known?.name ?? gap?.buyerName, buyer: gap?.buyer))
                }
            }
        }
        // Handed back once: the whole-file process flags are not kept when the scan does not retain process flags.
        if !retainsProcessFlags { results[.process] = nil }
        return out.sorted { ($0.group, $0.key, $0.code) < ($1.group, $1.key, $1.code) }
    }

    /// The third quartile plus 1.5 times the interquartile range, quartiles estimated as Cardinal's statistics
    /// library does (the R-8 estimator, approximately median-unbiased).
    /// - Parameter values: The values.
    /// - Returns: The upper fence.
    public static func upperFence(_ values: [Double]) -> Double {
        let q1 = quantile(values, 0.25)
        let q3 = quantile(values, 0.75)
        return q3.addingProduct(q3 - q1, 1.5)
    }

    /// The R-8 quantile estimate, step by step as Cardinal's statistics library takes it; not a number for no
    /// values.
    static func quantile(_ values: [Double], _ tau: Double) -> Double {
        guard !values.isEmpty, (0...1).contains(tau) else { return .nan }
        let x = values.sorted()
        let h = (Double(x.count) + 1 / 3) * tau + 1 / 3
        let whole = Int(h)
        if whole <= 0 || tau == 0 { return x[0] }
        if whole >= x.count || tau == 1 { return x[x.count - 1] }
        return x[whole - 1] + (h - Double(whole)) * (x[whole] - x[whole - 1])
    }
}

extension RedFlagScan {
    /// Scans a whole file (风险信号全文件扫描) on up to `threads` threads: a JSON Lines file is cut at line ends into
    /// that many parts, each read through the reader's bounded buffer into a scan of its own, and the parts' scans
    /// merged in file order before the whole-file flags are taken; a one-document file is read on one thread.
    /// - Parameters:
    ///   - path: The file.
    ///   - settings: The settings.
    ///   - threads: How many threads at most (1 or more).
    /// - Returns: The scan, merged but not finished, and the reader's report of the whole file.
    /// - Throws: `CreditKitError` when the file cannot be read.
    public static func scan(
        path: String, settings: RedFlagSettings, threads: Int
    ) throws -> (scan: RedFlagScan, report: OCDSReader.Report) {
        let parts = try OCDSReader.parts(of: path, count: max(threads, 1))
        let results = Mutex<[Int: Result<(RedFlagScan, OCDSReader.Report), any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            let result = Result {
                var scan = RedFlagScan(settings: settings)
                let report = try OCDSReader.read(path: path, part: parts[i]) { scan.add($0) }
                return (scan, report)
            }
            results.withLock { $0[i] = result }
        }
        var whole = RedFlagScan(settings: settings)
        var report = OCDSReader.Report()
        for (i, result) in results.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            let (scan, partReport) = try result.get()
            whole.merge(scan)
            if i == 0 { report = partReport } else { report.append(partReport) }
        }
        return (whole, report)
    }
}

extension OCDSRelease.Bid {
    /// Whether the bid names exactly one tenderer, and with an id: a joint bid (even one whose partner has no id)
    /// is not one tenderer's price.
    var hasOneTenderer: Bool { tenderers.count == 1 && tendererEntries <= 1 }
}

extension OCDSRelease.Award {
    /// Whether the award names exactly one supplier, and with an id.
    var hasOneSupplier: Bool { suppliers.count == 1 && supplierEntries <= 1 }
}
