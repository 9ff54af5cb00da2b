import CreditKitCore
import Foundation
import Testing

/// The SME payment rule, written once in the core, as a second sector (bidding, for works) reports it.
@Suite("SME payment rule")
struct SMEPaymentRuleTests {
    let rule = SMEPaymentRule(sector: "bidding")
    var profile: JurisdictionProfile { (try? JurisdictionProfile.national.addingDefaults(rule.figures))! }

    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func contract(paid: String?, amount: Decimal = 100_000, term: Int? = nil) -> SMEPaymentRule.Contract {
        SMEPaymentRule.Contract(
            amount: amount, agreedTermDays: term, deliveries: [DatedFact(day("2025-03-03"), evidence: [5])],
            payments: paid.map { [.init(on: day($0), amount: amount, evidence: [6])] } ?? [])
    }

    @Test("its figures and findings carry the sector's ids")
    func ids() throws {
        #expect(
            Set(rule.figures.map(\.rule)) == [
                "bidding.payment.late-sme", "bidding.payment.overdue-unpaid", "bidding.payment.agreed-term-cap",
                "bidding.payment.interest",
            ])
        let late = try #require(
            try rule.assess(contract(paid: "2025-04-03"), profile: profile, asOf: day("2025-12-31")))
        #expect(late.lateFigure.rule == "bidding.payment.late-sme" && late.paidLate && !late.unpaid)
        #expect(late.due.due == day("2025-04-02") && late.interestOwed == 50 && late.startName == "delivered")
    }

    @Test("the last allowed day, the first late one, and money still owed")
    func limits() throws {
        #expect(
            try rule.assess(contract(paid: "2025-04-02"), profile: profile, asOf: day("2025-12-31"))?.paidLate == false)
        let owed = try #require(try rule.assess(contract(paid: nil), profile: profile, asOf: day("2025-04-12")))
        #expect(owed.unpaidFigure?.rule == "bidding.payment.overdue-unpaid" && owed.outstanding == 100_000)
        #expect(owed.daysPastDue == 10 && owed.interestAccrued == 500)
        #expect(try rule.assess(contract(paid: nil), profile: profile, asOf: day("2025-04-02"))?.unpaid == false)
        // Before delivery there is nothing to assess.
        #expect(try rule.assess(contract(paid: nil), profile: profile, asOf: day("2025-03-02")) == nil)
    }

    @Test("a contract's term replaces 30 days but never exceeds 60")
    func terms() throws {
        let agreed = try #require(
            try rule.assess(contract(paid: nil, term: 90), profile: profile, asOf: day("2025-12-31")))
        #expect(agreed.term == "agreed 90 d, counted as 60 d")
        // 3 March + 60 = 2 May, inside the Labour Day break: 6 May is the last day.
        #expect(agreed.due.due == day("2025-05-06"))
    }

    @Test(
        "the 60-day cap at 60 and at 61 days, and 0.05% a day from the day after the last allowed day, in each sector",
        arguments: [
            ("procurement", "procurement.payment.agreed-term-cap", "procurement.payment.interest"),
            ("bidding", "bidding.payment.agreed-term-cap", "bidding.payment.interest"),
        ])
    func capAndInterest(sector: String, cap: String, interest: String) throws {
        let rule = SMEPaymentRule(sector: sector)
        #expect(rule.capRule == RuleID(cap) && rule.interestRule == RuleID(interest))
        let profile = try JurisdictionProfile.national.addingDefaults(rule.figures)
        #expect(try profile.figure(RuleID(cap), on: day("2025-06-01")).figure == Figure(60, .days))
        #expect(
            try profile.figure(RuleID(interest), on: day("2025-06-01")).figure
                == Figure(Decimal(string: "0.05")!, .percent))
        // Delivered 3 June 2025 (a Tuesday): 60 days end on Saturday 2 August, moved to Monday 4 August.
        func assess(term: Int, paid: String?) throws -> SMEPaymentRule.Assessment {
            let contract = SMEPaymentRule.Contract(
                amount: 200_000, agreedTermDays: term, deliveries: [DatedFact(day("2025-06-03"), evidence: [5])],
                payments: paid.map { [.init(on: day($0), amount: 200_000, evidence: [6])] } ?? [])
            return try #require(try rule.assess(contract, profile: profile, asOf: day("2025-12-31")))
        }
        #expect(try assess(term: 60, paid: nil).term == "agreed 60 d")
        #expect(try assess(term: 61, paid: nil).term == "agreed 61 d, counted as 60 d")
        #expect(try assess(term: 61, paid: nil).due.due == day("2025-08-04"))
        #expect(try assess(term: 60, paid: "2025-08-04").paidLate == false)
        // One day late: 200,000 × 0.05% × 1 = 100 yuan; ten days late: 1,000.
        #expect(try assess(term: 60, paid: "2025-08-05").interestOwed == 100)
        #expect(try assess(term: 60, paid: "2025-08-14").interestOwed == 1_000)
    }

    @Test("a rule the profile knows but has no version of on the start day gives no assessment; an unknown one throws")
    func notInForce() throws {
        let dated = rule.figures.map { figure -> RuleFigure in
            guard figure.rule == rule.interestRule else { return figure }
            var later = figure
            later.from = day("2026-01-01")
            return later
        }
        let profile = try JurisdictionProfile.national.addingDefaults(dated)
        #expect(try rule.assess(contract(paid: nil), profile: profile, asOf: day("2025-12-31")) == nil)
        let other = SMEPaymentRule(sector: "nowhere")
        #expect(throws: CreditKitError.self) {
            try other.assess(contract(paid: nil), profile: JurisdictionProfile.national, asOf: day("2025-12-31"))
        }
    }
}
