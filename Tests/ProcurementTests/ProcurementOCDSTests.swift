import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Procurement
import Testing

@Suite("Procurement rules over OCDS")
struct ProcurementOCDSTests {
    let checks = try! ProcurementOCDSChecks()

    func release(
        category: String = "goods", method: String = "open", start: String = "2025-02-01", end: String = "2025-02-25",
        notice: String = "2025-03-03", signed: String? = nil, delivered: String? = nil, paid: [(String, String)] = [],
        scale: String = "sme"
    ) throws -> OCDSRelease {
        let signedJSON = signed.map { #","dateSigned":"\#($0)""# } ?? ""
        let milestones =
            delivered.map { #","milestones":[{"type":"delivery","status":"met","dateMet":"\#($0)"}]"# } ?? ""
        let payments = paid.map { #"{"date":"\#($0.0)","value":{"amount":\#($0.1)}}"# }.joined(separator: ",")
        let json = """
            {"ocid":"ocds-test-1","buyer":{"id":"BUYER 1"},"parties":[{"id":"S","roles":["supplier"],"details":{"scale":"\(scale)"}}],\
            "tender":{"status":"complete","procurementMethod":"\(method)","mainProcurementCategory":"\(category)",\
            "tenderPeriod":{"startDate":"\(start)","endDate":"\(end)"}},\
            "awards":[{"id":"A","date":"\(notice)","status":"active","suppliers":[{"id":"S"}]}],\
            "contracts":[{"id":"C","awardID":"A"\(signedJSON)\(milestones),"implementation":{"transactions":[\(payments)]}}]}
            """
        var out: [OCDSRelease] = []
        let report = try OCDSReader.read(data: Data(json.utf8)) { out.append($0) }
        try #require(report.malformed.isEmpty, "\(report.malformed)")
        return try #require(out.first)
    }

    func rules(_ r: OCDSRelease, _ asOf: String = "2026-01-01") throws -> [String] {
        try checks.check(r, asOf: LocalDate(asOf)!).map(\.rule.rawValue)
    }

    @Test("signing within 30 days of the award notice: the last allowed day and the first late one")
    func lateSigning() throws {
        #expect(try rules(try release(notice: "2025-03-03", signed: "2025-04-02")).isEmpty)
        let late = try checks.check(
            try release(notice: "2025-03-03", signed: "2025-04-03"), asOf: LocalDate("2026-01-01")!)
        #expect(late.map(\.rule) == ["procurement.contract.late-signing"] && late[0].fact("daysLate") == "1")
        #expect(late[0].subject == "ocds:BUYER_1" && late[0].fact("ocid") == "ocds-test-1")
    }

    @Test("a deadline falling on National Day moves to the first working day after it")
    func nationalDay() throws {
        // Notice 1 September 2025: 30 days end on 1 October, inside the 1-8 October break.
        #expect(try rules(try release(notice: "2025-09-01", signed: "2025-10-09")).isEmpty)
        #expect(
            try rules(try release(notice: "2025-09-01", signed: "2025-10-10")) == ["procurement.contract.late-signing"])
    }

    @Test("an open tender needs 20 days from documents to deadline; other methods are not held to it here")
    func tenderPeriod() throws {
        #expect(try rules(try release(start: "2025-02-01", end: "2025-02-21")).isEmpty)
        #expect(try rules(try release(start: "2025-02-01", end: "2025-02-20")) == ["procurement.tender.short-period"])
        #expect(try rules(try release(method: "limited", start: "2025-02-01", end: "2025-02-02")).isEmpty)
    }

    @Test(
        "an SME is paid within 30 days of delivery; late payment owes 0.05% a day from the day after the last allowed day"
    )
    func smePayment() throws {
        #expect(try rules(try release(delivered: "2025-03-03", paid: [("2025-04-02", "10000")])).isEmpty)
        let late = try checks.check(
            try release(delivered: "2025-03-03", paid: [("2025-04-07", "10000")]), asOf: LocalDate("2026-01-01")!)
        #expect(late.map(\.rule) == ["procurement.payment.late-sme"])
        // Five days late on 10,000 yuan at 0.05% a day: 25 yuan.
        #expect(late[0].fact("interestOwed") == "25")
        #expect(try rules(try release(delivered: "2025-03-03"), "2025-04-02").isEmpty)
        #expect(try rules(try release(delivered: "2025-03-03"), "2025-04-03") == ["procurement.payment.overdue-unpaid"])
        #expect(try rules(try release(delivered: "2025-03-03", paid: [("2025-05-01", "1")], scale: "large")).isEmpty)
    }

    @Test("the SME payment rule cites the 2020 text for deliveries before 1 June 2025 and the 2025 text from that day")
    func paymentRegime() throws {
        let before = try checks.check(
            try release(delivered: "2025-05-31", paid: [("2025-07-30", "100")]), asOf: LocalDate("2026-01-01")!)
        let after = try checks.check(
            try release(delivered: "2025-06-01", paid: [("2025-07-30", "100")]), asOf: LocalDate("2026-01-01")!)
        #expect(before.first?.basis.first?.article == "第八条")
        #expect(after.first?.basis.first?.article == "第九条")
    }

    @Test("works go to the Bidding Law; a missing category follows the setting")
    func mapping() throws {
        let works = try release(category: "works", notice: "2025-03-03", signed: "2025-05-03")
        #expect(try GoverningLaw.of(works) == .bidding && rules(works).isEmpty)
        var none = try release(notice: "2025-03-03", signed: "2025-05-03")
        none.tender?.mainProcurementCategory = nil
        #expect(GoverningLaw.of(none) == .procurement)
        #expect(
            try ProcurementOCDSChecks(missingCategory: .bidding).check(none, asOf: LocalDate("2026-01-01")!).isEmpty)
    }

    @Test("runs over the real sample without a crash")
    func realSample() throws {
        let path = Peers.file("sample-data-real-examples.compiled.jsonl").path
        var findings: [Finding] = []
        let report = try OCDSReader.read(path: path) {
            findings += try checks.check($0, asOf: LocalDate("2026-11-23")!)
        }
        #expect(report.releases == 1_410)
        #expect(findings.contains { $0.rule == "procurement.contract.late-signing" })
    }
}
