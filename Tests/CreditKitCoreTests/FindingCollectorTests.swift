import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Finding collector and typed facts")
struct FindingCollectorTests {
    /// A profile with one deadline rule: 5 working days, in force from 1 January 2025.
    func profile() throws -> JurisdictionProfile {
        try JurisdictionProfile.national.addingDefaults([
            RuleFigure(
                rule: "grant.payment.late", title: LocalizedName(chinese: "补助逾期支付", english: "a grant paid late"),
                figure: Figure(5, .workingDays), restDayExtension: true, basis: [LegalCitation(document: "示例规定")],
                from: date("2025-01-01"))
        ])
    }

    func collector(asOf: String, absenceCounts: Bool = true) throws -> FindingCollector {
        FindingCollector(
            profile: try profile(), asOf: date(asOf), subject: Fixtures.agency(index: 1).id,
            lead: [Finding.Fact("grant", "G-1")], leadEvidence: [1], absenceCounts: absenceCounts)
    }

    @Test("a figure the profile lacks throws; a rule not yet in force gives nothing")
    func figures() throws {
        let out = try collector(asOf: "2025-12-31")
        #expect(throws: CreditKitError.self) { try out.figure("grant.payment.missing", on: date("2025-03-01")) }
        #expect(try out.figure("grant.payment.late", on: date("2024-12-31")) == nil)
        #expect(try out.figure("grant.payment.late", on: date("2025-01-01"))?.figure == Figure(5, .workingDays))
        let unbound = FindingCollector(
            profile: try profile(), asOf: date("2025-12-31"), subject: "x", absenceCounts: true, binds: { _ in false })
        #expect(try unbound.figure("grant.payment.late", on: date("2025-03-01")) == nil)
        var late = try collector(asOf: "2025-12-31")
        #expect(throws: CreditKitError.self) {
            try late.deadline(
                "grant.payment.missing", from: DatedFact(date("2025-03-03")), named: "promised", done: nil,
                doneName: "paid")
        }
    }

    @Test("a working-day deadline across National Day: the last allowed day, then the first late one")
    func deadline() throws {
        // Promised Monday 29 September 2025: working days 30 September, 9, 10 and Saturday 11 October (worked), then
        // Monday 13 October, the last allowed day (1-8 October off).
        for (paid, late) in [("2025-10-13", false), ("2025-10-14", true)] {
            var out = try collector(asOf: "2025-12-31")
            try out.deadline(
                "grant.payment.late", from: DatedFact(date("2025-09-29"), evidence: [4]), named: "promised",
                done: DatedFact(date(paid), evidence: [9]), doneName: "paid", facts: [.money("amount", 300)])
            #expect(out.findings.count == (late ? 1 : 0), "paid \(paid)")
            guard let f = out.findings.first else { continue }
            #expect(f.facts.map(\.name) == ["grant", "figure", "amount", "daysLate"])
            #expect(f.money("amount") == 300 && f.number("daysLate") == 1 && f.fact("figure") == "5 wd")
            #expect(f.date("due") == date("2025-10-13") && f.date("paid") == date("2025-10-14"))
            #expect(f.evidence == [1, 4, 9] && f.rule == "grant.payment.late")
        }
        // Not paid: a finding only where absence counts, and only once the last day has passed.
        var open = try collector(asOf: "2025-10-14")
        try open.deadline(
            "grant.payment.late", from: DatedFact(date("2025-09-29")), named: "promised", done: nil, doneName: "paid")
        #expect(open.findings.first?.fact("state") == "not yet")
        var onTime = try collector(asOf: "2025-10-13")
        try onTime.deadline(
            "grant.payment.late", from: DatedFact(date("2025-09-29")), named: "promised", done: nil, doneName: "paid")
        var partial = try collector(asOf: "2025-12-31", absenceCounts: false)
        try partial.deadline(
            "grant.payment.late", from: DatedFact(date("2025-09-29")), named: "promised", done: nil, doneName: "paid")
        #expect(onTime.findings.isEmpty && partial.findings.isEmpty)
    }

    @Test("typed facts: text keeps its old bytes, other kinds carry their type and read back as values")
    func typedFacts() throws {
        let text = try CanonicalEncoder().encode(Finding.Fact("contract", "HT-1"))
        #expect(String(decoding: text, as: UTF8.self) == #"{"name":"contract","value":"HT-1"}"#)
        let money = Finding.Fact.money("outstanding", Decimal(string: "1200.50")!)
        let bytes = try CanonicalEncoder().encode(money)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"name":"outstanding","value":"1200.5","type":"money"}"#)
        for fact in [money, .count("bidders", 2), .days("daysLate", 31), Finding.Fact("on", .date(date("2025-06-01")))]
        {
            let back = try JSONDecoder().decode(Finding.Fact.self, from: Data(try CanonicalEncoder().encode(fact)))
            #expect(back == fact)
        }
        for bad in [
            #"{"name":"x","value":"12,5","type":"money"}"#, #"{"name":"x","value":"1","type":"weight"}"#,
            #"{"name":"x","value":"two","type":"count"}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Finding.Fact.self, from: Data(bad.utf8)) }
        }
    }
}
