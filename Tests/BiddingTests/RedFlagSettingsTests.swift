import Bidding
import CreditKitCore
import Foundation
import OpenContracting
import Testing

/// Cardinal's settings file read as Cardinal reads it, and each new flag on both sides of its figure.
@Suite("Red flags: Cardinal's settings and each figure's edge")
struct RedFlagSettingsTests {
    /// A settings file in the shape `ocdscardinal init` writes: every section, the properties commented out.
    static let initShaped = """
        ; currency = CNY
        [output]
        ; info_currency_mismatches = true
        [defaults]
        ; bid_status = valid
        [redactions]
        [corrections]
        [modifications]
        [codelists.bid_status]
        [codelists.award_status]
        [exclusions]
        [R003]
        ; threshold = 15
        [R003.procurement_method_details]
        [R018]
        [R024]
        [R025]
        [R028]
        [R030]
        [R035]
        [R036]
        [R038]
        [R048]
        [R058]
        """

    @Test("a file shaped as Cardinal's init writes it turns every indicator on with its defaults")
    func initFile() throws {
        let s = try RedFlagSettings(cardinalINI: Self.initShaped)
        #expect(s.enabled == Set(RedFlagCode.allCases))
        #expect(s.submissionPeriodDays == 15 && s.minimumAwardedProcesses == 20 && s.topTendererPercentile == 75)
        #expect(s.closePriceThreshold == nil && s.discountThreshold == nil && s.preparation.isEmpty)
    }

    @Test("only the indicators whose section is present are computed, as in Cardinal")
    func sectionsEnable() throws {
        #expect(try RedFlagSettings(cardinalINI: "[R048]\ndigits = 3\n").enabled == [.heterogeneousSupplier])
        #expect(try RedFlagSettings(cardinalINI: "currency = USD\n").enabled.isEmpty)
        #expect(
            try RedFlagSettings(cardinalINI: "[R003.procurement_method_details]\nx = 5\n").enabled
                == [.shortSubmissionPeriod])
    }

    @Test("every property is read into its figure, quotes dropped")
    func properties() throws {
        let s = try RedFlagSettings(
            cardinalINI: """
                currency = "USD"
                price_comparison_procurement_methods = Reverse Auction|Tender
                [R003]
                threshold = 10
                procurement_methods = open|selective
                [R003.procurement_method_details]
                Cotización = 7
                [R024]
                threshold = 0.05
                [R025]
                percentile = 80
                threshold = 0.1
                [R035]
                threshold = 2
                [R038]
                threshold = 0.5
                minimum_submitted_bids = 3
                minimum_contracting_processes = 4
                [R048]
                digits = 4
                threshold = 9
                minimum_contracting_processes = 5
                [R058]
                threshold = 0.5
                [codelists.award_status]
                Active = active
                [defaults]
                award_status = active
                [redactions]
                amount = 0|1
                organization_id = placeholder
                [corrections]
                award_status_by_contract_status = true
                [modifications]
                prefix_tenderer_or_supplier_id = DO-RPE-
                split_procurement_method_details = -
                """)
        #expect(s.currency == "USD" && s.priceComparisonMethods == ["Reverse Auction", "Tender"])
        #expect(s.submissionPeriodDays == 10 && s.submissionPeriodMethods == ["open", "selective"])
        #expect(s.submissionPeriodByMethodDetails == ["Cotización": 7])
        #expect(s.closePriceThreshold == 0.05 && s.topTendererPercentile == 80 && s.unsuccessfulBidsThreshold == 0.1)
        #expect(s.allButWinnerThreshold == 2 && s.disqualificationThreshold == 0.5)
        #expect(s.minimumSubmittedBids == 3 && s.minimumContractingProcesses == 4)
        #expect(s.classificationDigits == 4 && s.heterogeneityThreshold == 9 && s.minimumAwardedProcesses == 5)
        #expect(s.discountThreshold == 0.5 && s.awardStatuses == ["Active": "active"])
        #expect(s.preparation.awardStatus == "active" && s.preparation.redactedAmounts == [0, 1])
        #expect(s.preparation.redactedOrganizations == ["placeholder"] && s.preparation.awardStatusByContractStatus)
        #expect(s.preparation.tendererPrefix == "DO-RPE-" && s.preparation.methodDetailsSeparator == "-")
    }

    @Test(
        "a file Cardinal would refuse is refused with its line and the name at fault",
        arguments: [
            ("[R024]\nthreshhold = 1\n", "line 2: unknown key [R024] threshhold"),
            ("[R099]\n", "line 1: unknown section [R099]"),
            ("curency = USD\n", "line 1: unknown key curency"),
            ("[R003]\nthreshold = fifteen\n", "line 2: [R003] threshold takes a whole number, not 'fifteen'"),
            ("[R035]\nthreshold = -1\n", "line 2: [R035] threshold takes a whole number, not '-1'"),
            ("[R003]\nthreshold = 15 # default\n", "line 2: [R003] threshold takes a whole number, not '15 # default'"),
            ("[R058]\nthreshold = 0x1p-1\n", "line 2: [R058] threshold takes a number, not '0x1p-1'"),
            ("[R003]\n= 5\n", "line 2: '= 5' gives a value without a key"),
            ("[R058]\nthreshold = nan\n", "line 2: [R058] threshold takes a number, not 'nan'"),
            ("[R025]\npercentile = 101\n", "line 2: [R025] percentile is a percentile, from 0 to 100, not '101'"),
            ("[corrections]\naward_status_by_contract_status = maybe\n", "takes true or false, not 'maybe'"),
            ("[modifications]\nmove_auctions = true\n", "CreditKit does not read /auctions"),
            ("[R003\n", "line 1: '[R003' opens a section but does not close it"),
            ("[R003]\nthreshold\n", "line 2: 'threshold' is neither a section nor a key"),
        ])
    func refused(_ ini: String, _ message: String) throws {
        let error = try #require(throws: CardinalSettingsError.self) { try RedFlagSettings(cardinalINI: ini) }
        #expect(error.description.contains(message), "\(error)")
    }

    @Test(
        "read as Cardinal's INI reader reads: CR LF and CR line ends, quotes of either kind, ':' for '=', a section again"
    )
    func iniReading() throws {
        let crlf = try RedFlagSettings(cardinalINI: "[R003]\r\nthreshold = 10\r\n[R018]\rprocurement_methods: 'open'\r")
        #expect(crlf.enabled == [.shortSubmissionPeriod, .singleBid])
        #expect(crlf.submissionPeriodDays == 10 && crlf.singleBidMethods == ["open"])
        // The last [R003] is R003's settings: its threshold goes back to the default.
        let again = try RedFlagSettings(cardinalINI: "[R003]\nthreshold = 3\n[R003]\nprocurement_methods = open\n")
        #expect(again.submissionPeriodDays == 15 && again.submissionPeriodMethods == ["open"])
        // A # inside a value is part of it (Cardinal's reader has no trailing comments).
        let hash = try RedFlagSettings(cardinalINI: "[exclusions]\nprocurement_method_details = Compra Directa #2\n")
        #expect(hash.excludedMethodDetails == ["Compra Directa #2"])
        let yes = try RedFlagSettings(cardinalINI: "[corrections]\naward_status_by_contract_status = yes\n")
        #expect(yes.preparation.awardStatusByContractStatus)
        // R003's figures are signed, as in Cardinal: a negative one flags nothing.
        #expect(try RedFlagSettings(cardinalINI: "[R003]\nthreshold = -1\n").submissionPeriodDays == -1)
        // An empty method list is every method, as in Cardinal.
        #expect(try RedFlagSettings(cardinalINI: "[R018]\nprocurement_methods =\n").singleBidMethods.isEmpty)
    }

    // MARK: - The figures' edges

    static func release(
        _ ocid: String, start: String? = nil, end: String? = nil, method: String? = nil, details: String? = nil,
        bids: [(String, Decimal?, String)] = [], winner: String? = nil, classes: [String] = []
    ) -> OCDSRelease {
        var r = OCDSRelease()
        r.ocid = ocid
        var t = OCDSRelease.Tender()
        t.procurementMethod = method
        t.procurementMethodDetails = details
        if let start, let m = OCDSDate.moment(start) {
            t.periodStartMillis = OCDSDate.millis(start, instant: m.instant)
        }
        if let end, let m = OCDSDate.moment(end) { t.periodEndMillis = OCDSDate.millis(end, instant: m.instant) }
        r.tender = t
        r.bids = bids.map { id, amount, status in
            var b = OCDSRelease.Bid()
            b.tenderers = [id]
            b.value = amount
            b.currency = amount == nil ? nil : "CNY"
            b.status = status
            return b
        }
        if let winner {
            var a = OCDSRelease.Award()
            a.status = "active"
            a.suppliers = [winner]
            a.itemClassifications = classes
            r.awards = [a]
        }
        return r
    }

    static func flags(_ settings: RedFlagSettings, _ releases: [OCDSRelease]) -> [RedFlag] {
        var scan = RedFlagScan(settings: settings)
        for r in releases { scan.add(r) }
        return scan.finish()
    }

    static func only(_ code: RedFlagCode) -> RedFlagSettings {
        var s = RedFlagSettings()
        s.enabled = [code]
        return s
    }

    @Test("R003: 14 days and 23:59:59.999 is short, 15 whole days is not; a method's own figure applies to it")
    func submissionPeriod() {
        let s = Self.only(.shortSubmissionPeriod)
        let short = Self.release(
            "short", start: "2025-09-20T09:00:00.000+08:00", end: "2025-10-05T08:59:59.999+08:00")
        let exact = Self.release("exact", start: "2025-09-20T09:00:00+08:00", end: "2025-10-05T09:00:00+08:00")
        let plainDates = Self.release("plain", start: "2025-09-20", end: "2025-09-21")
        #expect(Self.flags(s, [short, exact, plainDates]).map(\.key) == ["short"])
        var local = s
        local.submissionPeriodByMethodDetails = ["询价": 3]
        let quote = Self.release(
            "quote", start: "2025-09-20T09:00:00Z", end: "2025-09-23T09:00:00Z", details: "询价")
        let quoteShort = Self.release(
            "quote-short", start: "2025-09-20T09:00:00Z", end: "2025-09-23T08:59:59Z", details: "询价")
        #expect(Self.flags(local, [quote, quoteShort]).map(\.key) == ["quote-short"])
        var methods = s
        methods.submissionPeriodMethods = ["open"]
        let open = Self.release("open", start: "2025-09-20T09:00:00Z", end: "2025-09-21T09:00:00Z", method: "open")
        let unknown = Self.release("none", start: "2025-09-20T09:00:00Z", end: "2025-09-21T09:00:00Z")
        #expect(Self.flags(methods, [open, unknown]).map(\.key) == ["open"])
    }

    /// A process won at 100 whose second-lowest valid bid is `second`.
    static func gap(_ ocid: String, _ second: Decimal) -> OCDSRelease {
        release(ocid, bids: [("W-" + ocid, 100, "valid"), ("L-" + ocid, second, "valid")], winner: "W-" + ocid)
    }

    @Test(
        "R024 with a fixed fence: a gap of exactly the fence is flagged, just above it is not; winner and runner-up marked"
    )
    func closePrice() {
        var s = Self.only(.priceCloseToWinner)
        s.closePriceThreshold = 0.05
        let flags = Self.flags(s, [Self.gap("at", 105), Self.gap("above", 105.01)])
        #expect(flags.filter { $0.group == .process }.map(\.key) == ["at"])
        #expect(flags.filter { $0.group == .process }.first?.value == 0.05)
        #expect(Set(flags.filter { $0.group == .tenderer }.map(\.key)) == ["W-at", "L-at"])
    }

    @Test("R058 with a fixed fence: exactly the fence is flagged, just below is not; a lowest bid that lost is no gap")
    func discount() {
        var s = Self.only(.heavilyDiscountedBid)
        s.discountThreshold = 0.5
        let lostLowest = Self.release(
            "price-not-decisive", bids: [("W", 100, "valid"), ("L", 10, "valid")], winner: "W")
        let flags = Self.flags(s, [Self.gap("at", 150), Self.gap("below", 149.99), lostLowest])
        #expect(flags.filter { $0.group == .process }.map(\.key) == ["at"])
        #expect(flags.filter { $0.group == .tenderer }.map(\.key) == ["W-at"])
    }

    @Test("R025 with a fixed fence: a top tenderer winning exactly the fence's share is flagged, just above it is not")
    func unsuccessful() {
        var s = Self.only(.excessiveUnsuccessfulBids)
        s.unsuccessfulBidsThreshold = 0.25
        s.topTendererPercentile = 0
        // T wins 1 of 4 (0.25); U wins 2 of 7 (0.2857…); with the percentile at 0 every tenderer is a top one (the
        // one-bid losers too, with a share of 0).
        var releases: [OCDSRelease] = []
        for i in 0..<4 {
            releases.append(
                Self.release(
                    "t\(i)", bids: [("T", nil, "valid"), ("X\(i)", nil, "valid")], winner: i == 0 ? "T" : "X\(i)"))
        }
        for i in 0..<7 {
            releases.append(
                Self.release(
                    "u\(i)", bids: [("U", nil, "valid"), ("Y\(i)", nil, "valid")], winner: i < 2 ? "U" : "Y\(i)"))
        }
        let flagged = Self.flags(s, releases).filter { ["T", "U"].contains($0.key) }
        #expect(flagged.map(\.key) == ["T"] && flagged.first?.value == 0.25)
    }

    @Test("R048 with a fixed fence: exactly the fence's number of classes is flagged, one fewer is not")
    func heterogeneous() {
        var s = Self.only(.heterogeneousSupplier)
        s.heterogeneityThreshold = 3
        s.minimumAwardedProcesses = 2
        let wide = [
            Self.release("w1", winner: "WIDE", classes: ["45000000", "30120000"]),
            Self.release("w2", winner: "WIDE", classes: ["72000000", "45200000"]),
        ]
        let narrow = [
            Self.release("n1", winner: "NARROW", classes: ["45000000"]),
            Self.release("n2", winner: "NARROW", classes: ["30100000"]),
        ]
        let once = [Self.release("o1", winner: "ONCE", classes: ["10", "20", "30", "40"])]
        let flagged = Self.flags(s, wide + narrow + once)
        #expect(flagged.map(\.key) == ["WIDE"] && flagged.first?.value == 3)
    }

    @Test(
        "prepare's settings change what the flags see: codelists, defaults, redactions, prefixes, split details, contracts"
    )
    func preparation() throws {
        let s = try RedFlagSettings(
            cardinalINI: """
                [codelists.bid_status]
                qualified = valid
                [codelists.award_status]
                Active = active
                [defaults]
                bid_status = qualified
                [redactions]
                amount = 0
                organization_id = withheld
                [modifications]
                prefix_tenderer_or_supplier_id = CN-
                split_procurement_method_details = /
                [corrections]
                award_status_by_contract_status = true
                """)
        var r = Self.release("p", details: "公开招标 / 工程", bids: [("A", 0, "qualified"), ("withheld", 5, "qualified")])
        r.bids.append(OCDSRelease.Bid())
        r.bids[2].tenderers = ["CN-B"]
        var award = OCDSRelease.Award()
        award.id = "1"
        award.status = "Active"
        award.suppliers = ["A"]
        r.awards = [award]
        var contract = OCDSRelease.Contract()
        contract.awardID = "1"
        contract.status = "cancelled"
        r.contracts = [contract]
        let p = RedFlagScan(settings: s).prepared(r)
        #expect(p.tender?.procurementMethodDetails == "公开招标")
        #expect(p.bids.map(\.status) == ["valid", "valid", "valid"])
        #expect(p.bids.map(\.tenderers) == [["CN-A"], [], ["CN-B"]])
        #expect(p.bids[0].value == nil && p.bids[1].value == 5)
        #expect(p.awards[0].status == "cancelled" && p.awards[0].suppliers == ["CN-A"])
    }

    @Test(
        "R036 as Cardinal: the first bid at the lowest price decides, a valid priced bid is needed, a price needs its currency"
    )
    func lowestDisqualified() {
        let s = Self.only(.lowestBidDisqualified)
        func process(_ ocid: String, _ bids: [(String, Decimal?, String)], currency: Bool = true) -> OCDSRelease {
            var r = Self.release(ocid, bids: bids, winner: bids.first { $0.2 == "valid" }?.0 ?? "W")
            if !currency { for i in r.bids.indices { r.bids[i].currency = nil } }
            return r
        }
        let flagged = Self.flags(
            s,
            [
                process("lowest-out", [("A", 90, "disqualified"), ("B", 100, "valid")]),
                process("tie-valid-first", [("B", 90, "valid"), ("A", 90, "disqualified")]),
                process("tie-disqualified-first", [("A", 90, "disqualified"), ("B", 90, "valid")]),
                process("no-valid", [("A", 90, "disqualified"), ("B", 100, "pending")]),
                process("no-currency", [("A", 90, "disqualified"), ("B", 100, "valid")], currency: false),
            ]
        ).map(\.key)
        #expect(flagged == ["lowest-out", "tie-disqualified-first"])
    }

    @Test("a joint bid or award stays joint when a partner has no id: R024, R025, R048 and R058 leave it out")
    func jointEntries() {
        var s = Self.only(.excessiveUnsuccessfulBids)
        s.unsuccessfulBidsThreshold = 1
        s.topTendererPercentile = 0
        var joint = Self.release("joint", bids: [("A", nil, "valid"), ("B", nil, "valid")], winner: "A")
        joint.bids[1].tendererEntries = 2  // B and a partner without an id
        joint.awards[0].supplierEntries = 1
        #expect(Set(Self.flags(s, [joint]).map(\.key)) == ["A"])
        var jointAward = joint
        jointAward.awards[0].supplierEntries = 2  // the winner and a partner without an id: no sole winner
        #expect(Self.flags(s, [jointAward]).isEmpty)
    }

    @Test("a release without an ocid names no process and raises nothing; an empty R018 list is every method")
    func noOCIDAndEmptyList() {
        var s = Self.only(.singleBid)
        s.singleBidMethods = []
        var nameless = Self.release("", method: "direct")
        nameless.tender?.numberOfTenderers = 1
        var named = nameless
        named.ocid = "direct-1"
        #expect(Self.flags(s, [nameless, named]).map(\.key) == ["direct-1"])
    }

    @Test("R003's instants as RFC 3339 reads them: t and z in either case; a point needs digits; offsets within a day")
    func dateForms() {
        #expect(OCDSDate.moment("2025-09-20t09:00:00z") != nil)
        #expect(OCDSDate.moment("2025-09-20T09:00:00.Z") == nil)
        #expect(OCDSDate.moment("2025-09-20T09:00:00+24:00") == nil)
        #expect(OCDSDate.moment("2025-09-20T09:00:00+05:60") == nil)
        #expect(
            OCDSDate.moment("2025-09-20T09:00:00+08:00")?.instant == OCDSDate.moment("2025-09-20T01:00:00Z")?.instant)
    }
}
