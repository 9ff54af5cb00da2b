import CreditKitCore
import Foundation
import Testing

@testable import Bidding

/// Each Bidding Law rule on both sides of its limit, in calendar days (working days for complaints), with
/// deadlines that end on a holiday or a weekend, and rules that bind only projects that must be tendered by law.
@Suite("Bidding rules at their limits")
struct BiddingRulesTests {
    let rules = try! BiddingRules()
    let supervisor: SubjectID = "11130300MA0SUPERV1"

    func day(_ text: String) -> LocalDate { LocalDate(text)! }
    func dated(_ text: String, _ entry: LedgerEntry.ID = 1) -> DatedFact { DatedFact(day(text), evidence: [entry]) }

    /// A construction tender; 10,000,000 yuan by default, which must be tendered by law.
    func tender(
        price: Decimal = 10_000_000, category: TenderCategory = .construction, _ body: (inout BiddingProcess) -> Void
    )
        -> BiddingProcess
    {
        var p = BiddingProcess(id: "ZB-1", tenderer: "11130300MA0TENDER1", isComplete: true)
        p.category = category
        p.estimatedPrice = price
        body(&p)
        return p
    }

    func found(_ p: BiddingProcess, _ asOf: String = "2026-06-30") throws -> [String] {
        try rules.findings(for: p, asOf: day(asOf)).map(\.rule.rawValue)
    }

    @Test("the thresholds of Order No. 16 decide which tenders the law requires")
    func mandatory() throws {
        let profile = rules.profile
        #expect(try tender(price: 4_000_000) { _ in }.isMandatory(profile: profile, on: day("2025-03-01")))
        #expect(
            try !tender(price: Decimal(string: "3999999.99")!) { _ in }.isMandatory(
                profile: profile, on: day("2025-03-01"))
        )
        #expect(
            try tender(price: 2_000_000, category: .goods) { _ in }.isMandatory(profile: profile, on: day("2025-03-01"))
        )
        #expect(
            try !tender(price: 1_999_999, category: .goods) { _ in }.isMandatory(
                profile: profile, on: day("2025-03-01")))
        #expect(
            try tender(price: 1_000_000, category: .surveyDesignSupervision) { _ in }.isMandatory(
                profile: profile, on: day("2025-03-01")))
        #expect(
            try !tender(price: 9_000_000, category: .services) { _ in }.isMandatory(
                profile: profile, on: day("2025-03-01"))
        )
        #expect(
            try tender(price: 1, category: .services) { $0.declaredMandatory = true }.isMandatory(
                profile: profile, on: day("2025-03-01")))
    }

    @Test("20 days from documents to deadline, for tenders the law requires only")
    func period() throws {
        func p(_ deadline: String, price: Decimal = 10_000_000) throws -> [String] {
            try found(
                tender(price: price) {
                    $0.documentsIssued = dated("2025-03-01"); $0.bidDeadline = day(deadline)
                })
        }
        #expect(try p("2025-03-21").isEmpty)
        #expect(try p("2025-03-20") == ["bidding.tender.short-period"])
        #expect(try p("2025-03-20", price: 3_000_000).isEmpty)
    }

    @Test("clarifications 15 days before the bid deadline, 3 before the prequalification deadline")
    func clarification() throws {
        func p(_ stage: TenderStage, _ on: String) throws -> [String] {
            try found(
                tender(price: 100_000) { p in
                    p.bidDeadline = day("2025-03-31")
                    p.prequalificationDeadline = day("2025-03-10")
                    p.clarifications = [.init(stage: stage, issued: dated(on, 2))]
                })
        }
        #expect(try p(.tender, "2025-03-16").isEmpty)
        #expect(try p(.tender, "2025-03-17") == ["bidding.tender.short-clarification"])
        #expect(try p(.prequalification, "2025-03-07").isEmpty)
        #expect(try p(.prequalification, "2025-03-08") == ["bidding.tender.short-clarification.prequalification"])
    }

    @Test("documents on sale at least 5 days, both ends counted")
    func sale() throws {
        func p(_ through: String) throws -> [String] {
            try found(
                tender(price: 100_000) {
                    $0.documentsIssued = dated("2025-03-03"); $0.saleEnds = day(through)
                })
        }
        #expect(try p("2025-03-07").isEmpty)
        #expect(try p("2025-03-06") == ["bidding.tender.short-document-sale"])
    }

    @Test("fewer than three bidders and still awarded")
    func bidders() throws {
        func p(_ n: Int, awarded: Bool = true) throws -> [String] {
            try found(
                tender(price: 100_000) { p in
                    p.bids = (0..<n).map { .init(tenderer: .init(name: "投标人\($0)"), price: 100, accepted: true) }
                    p.opened = dated("2025-03-21")
                    p.awarded = awarded
                })
        }
        #expect(try p(3).isEmpty)
        #expect(try p(2) == ["bidding.tender.too-few-bidders"])
        #expect(try p(2, awarded: false).isEmpty)
    }

    @Test("an objection answered within 3 days; a last day in the National Day break moves to 9 October")
    func objection() throws {
        func p(_ received: String, _ answered: String?) -> BiddingProcess {
            tender(price: 100_000) { p in
                p.objections = [
                    .init(id: "YY-1", received: dated(received, 3), answered: answered.map { dated($0, 4) })
                ]
            }
        }
        #expect(try found(p("2025-03-03", "2025-03-06")).isEmpty)
        #expect(try found(p("2025-03-03", "2025-03-07")) == ["bidding.objection.late-reply"])
        // Received Sunday 28 September 2025 (a make-up working day): the third day, 1 October, is a holiday.
        #expect(try found(p("2025-09-28", "2025-10-09")).isEmpty)
        let late = try rules.findings(for: p("2025-09-28", "2025-10-10"), asOf: day("2026-01-01"))
        #expect(late.map(\.rule) == ["bidding.objection.late-reply"] && late[0].date("due") == day("2025-10-09"))
        #expect(try found(p("2025-03-03", nil), "2025-03-06").isEmpty)
        #expect(
            try rules.findings(for: p("2025-03-03", nil), asOf: day("2025-03-07")).first?.fact("state") == "not yet")
    }

    @Test("candidates publicised within 3 days of the report (past Labour Day) and shown at least 3 days")
    func publicity() throws {
        func p(_ from: String, _ through: String, price: Decimal = 10_000_000) throws -> [String] {
            try found(
                tender(price: price) { p in
                    p.evaluationReport = dated("2025-04-28", 5)
                    p.publicity = dated(from, 6)
                    p.publicityThrough = day(through)
                })
        }
        // 28 April + 3 = 1 May, inside the 1-5 May break: 6 May is the last day.
        #expect(try p("2025-05-06", "2025-05-08").isEmpty)
        #expect(try p("2025-05-07", "2025-05-09") == ["bidding.candidates.late-publicity"])
        #expect(try p("2025-05-06", "2025-05-07") == ["bidding.candidates.short-publicity"])
        #expect(try p("2025-05-07", "2025-05-07", price: 1_000_000).isEmpty)
    }

    @Test("the contract within 30 days of the notice; the report to the supervisor within 15 days")
    func contractAndReport() throws {
        func signed(_ on: String) throws -> [String] {
            try found(
                tender(price: 100_000) { p in
                    var c = BiddingProcess.Contract(id: "HT-1")
                    c.awardNotice = day("2025-09-01")
                    c.signed = dated(on, 8)
                    p.contracts = [c]
                })
        }
        // 1 September + 30 = 1 October, a holiday: 9 October is the last day.
        #expect(try signed("2025-10-09").isEmpty)
        #expect(try signed("2025-10-10") == ["bidding.contract.late-signing"])
        func reported(_ on: String, price: Decimal = 10_000_000) throws -> [String] {
            try found(
                tender(price: price) {
                    $0.winnerDetermined = dated("2025-03-03"); $0.report = dated(on, 9)
                })
        }
        #expect(try reported("2025-03-18").isEmpty)
        #expect(try reported("2025-03-19") == ["bidding.report.late"])
        #expect(try reported("2025-03-19", price: 3_000_000).isEmpty)
    }

    @Test("bid bonds: 2% of the estimate and the category's cap; back within 5 days of signing; performance 10%")
    func bonds() throws {
        func bond(_ amount: Decimal, price: Decimal, _ category: TenderCategory = .construction) throws -> [String] {
            try found(
                tender(price: price, category: category) { p in
                    p.bidBonds = [.init(holder: .init(name: "甲公司"), amount: amount, posted: day("2025-03-10"))]
                })
        }
        #expect(try bond(200_000, price: 10_000_000).isEmpty)
        #expect(try bond(Decimal(string: "200000.01")!, price: 10_000_000) == ["bidding.bond.excessive"])
        #expect(try bond(800_000, price: 50_000_000).isEmpty)
        #expect(try bond(Decimal(string: "800000.01")!, price: 50_000_000) == ["bidding.bond.excessive"])
        #expect(try bond(100_000, price: 6_000_000, .surveyDesignSupervision).isEmpty)
        #expect(
            try bond(Decimal(string: "100000.01")!, price: 6_000_000, .surveyDesignSupervision) == [
                "bidding.bond.excessive"
            ])
        func refund(_ on: String?) -> BiddingProcess {
            tender(price: 100_000) { p in
                var c = BiddingProcess.Contract(id: "HT-1")
                c.signed = dated("2025-03-03", 8)
                p.contracts = [c]
                var b = BiddingProcess.Bond(holder: .init(name: "乙公司"), amount: 1_000, posted: day("2025-02-20"))
                b.refunded = on.map { dated($0, 9) }
                p.bidBonds = [b]
            }
        }
        // 3 March + 5 = Saturday 8 March: Monday 10 March is the last day.
        #expect(try found(refund("2025-03-10")).isEmpty)
        #expect(try found(refund("2025-03-11")) == ["bidding.bond.late-refund"])
        #expect(try found(refund(nil), "2025-03-10").isEmpty)
        #expect(try found(refund(nil), "2025-03-11") == ["bidding.bond.late-refund"])
        func performance(_ amount: Decimal) throws -> [String] {
            try found(
                tender(price: 100_000) { p in
                    var c = BiddingProcess.Contract(id: "HT-1")
                    c.amount = 500_000
                    c.performanceBond = amount
                    p.contracts = [c]
                })
        }
        #expect(try performance(50_000).isEmpty)
        #expect(try performance(Decimal(string: "50000.01")!) == ["bidding.bond.excessive-performance"])
    }

    @Test("an evaluation panel of five or more, odd, at least two thirds experts")
    func panel() throws {
        func p(_ members: Int, _ experts: Int, price: Decimal = 10_000_000) throws -> [String] {
            try found(
                tender(price: price) {
                    $0.panel = .init(members: members, experts: experts, formed: dated("2025-03-21"))
                })
        }
        #expect(try p(5, 4).isEmpty)
        #expect(try p(9, 6).isEmpty)
        #expect(try p(4, 4) == ["bidding.panel.invalid"])
        #expect(try p(6, 5) == ["bidding.panel.invalid"])
        #expect(try p(9, 5) == ["bidding.panel.invalid"])
        #expect(try p(5, 3) == ["bidding.panel.invalid"])
        #expect(try p(3, 1, price: 1_000_000).isEmpty)
        let f = try #require(
            try rules.findings(
                for: tender { $0.panel = .init(members: 4, experts: 2, formed: dated("2025-03-21")) },
                asOf: day("2026-01-01")
            ).first)
        #expect(f.fact("problems") == "成员少于5人；成员人数为双数；技术、经济专家不足成员总数的66.67%")
    }

    @Test("complaints: accepted within 3 working days, decided within 30; findings name the supervising department")
    func complaints() throws {
        func p(filed: String, accepted: String?, decided: String? = nil) -> BiddingProcess {
            tender(price: 100_000) { p in
                p.complaints = [
                    .init(
                        id: "TS-1", supervisor: supervisor, filed: dated(filed, 10),
                        accepted: accepted.map { dated($0, 11) },
                        rejected: nil, decided: decided.map { dated($0, 12) })
                ]
            }
        }
        // Filed Friday 26 September 2025: the make-up Sunday 28th, the 29th and the 30th are the three working days.
        #expect(try found(p(filed: "2025-09-26", accepted: "2025-09-30"), "2025-10-01").isEmpty)
        let late = try #require(
            try rules.findings(for: p(filed: "2025-09-26", accepted: "2025-10-09"), asOf: day("2026-01-01")).first)
        #expect(late.rule == "bidding.complaint.late-acceptance" && late.subject == supervisor)
        // Accepted 3 March 2025: the 30th working day after it, past Qingming, is 15 April.
        #expect(try found(p(filed: "2025-02-28", accepted: "2025-03-03", decided: "2025-04-15")).isEmpty)
        #expect(
            try found(p(filed: "2025-02-28", accepted: "2025-03-03", decided: "2025-04-16")) == [
                "bidding.complaint.late-decision"
            ])
    }

    @Test("the SME payment rule, shared with procurement, reported for works under the bidding ids")
    func smePayment() throws {
        func paid(_ on: String) throws -> [String] {
            try found(
                tender(price: 100_000) { p in
                    var c = BiddingProcess.Contract(id: "HT-1")
                    c.suppliers = [.init(name: "小型施工企业", isSME: true)]
                    c.amount = 300_000
                    c.deliveries = [dated("2025-03-03", 20)]
                    c.payments = [.init(on: day(on), amount: 300_000, evidence: [21])]
                    p.contracts = [c]
                })
        }
        #expect(try paid("2025-04-02").isEmpty)
        #expect(try paid("2025-04-03") == ["bidding.payment.late-sme"])
    }

    @Test("a cancelled tender is not judged")
    func cancelled() throws {
        var p = tender {
            $0.documentsIssued = dated("2025-03-01"); $0.bidDeadline = day("2025-03-05")
        }
        #expect(try !found(p).isEmpty)
        p.cancelled = true
        #expect(try found(p).isEmpty)
    }
}
