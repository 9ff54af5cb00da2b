import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Government information disclosure at its limits")
struct DisclosureTests {
    func kit() async throws -> (CreditKit, Agency) {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        let bureau = Fixtures.agency(index: 1)
        try await kit.register(bureau, on: LocalDate("2010-01-01")!)
        return (kit, bureau)
    }

    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test("disclosure.proactive.late: 20 working days across National Day: published on 2025-10-30 in time, 10-31 late")
    func acrossNationalDay() async throws {
        let (kit, bureau) = try await kit()
        let made = day("2025-09-26")
        #expect(kit.profile.calendar.deadline(.workingDays(20), from: made).due == day("2025-10-30"))
        for (n, published) in [("A", "2025-10-30"), ("B", "2025-10-31")] {
            let item = DisclosureItem.item(CaseID(rawValue: n), agency: bureau.id)
            try await kit.ledger.append([
                item.on(made, DisclosureItemMade(title: "收费标准调整")),
                item.on(day(published), DisclosureItemStep(.published, note: "政府网站")),
            ])
        }
        let late = try kit.runChecks(asOf: day("2025-12-01")).filter { $0.rule == "disclosure.proactive.late" }
        #expect(late.map { $0.fact("item") } == ["B"] && late.first?.fact("daysLate") == "1")
        #expect(late.first?.basis.first?.document.contains("2019") == true)
    }

    @Test("disclosure.proactive.late across the Spring Festival, and a change restarts the clock")
    func springFestivalAndChange() async throws {
        let (kit, bureau) = try await kit()
        let made = day("2026-02-10")
        let last = kit.profile.calendar.deadline(.workingDays(20), from: made).due
        // Twenty working days from 10 February 2026 run past the holiday: more than 28 calendar days.
        #expect(made.days(until: last) > 28)
        let item = DisclosureItem.item("C", agency: bureau.id)
        try await kit.ledger.append([
            item.on(made, DisclosureItemMade(title: "惠民政策")), item.on(last, DisclosureItemStep(.published)),
            item.on(day("2026-05-04"), DisclosureItemStep(.changed, note: "补贴标准提高")),
        ])
        #expect(try kit.disclosureFindings(asOf: day("2026-05-30")).isEmpty)
        let late = try kit.disclosureFindings(asOf: day("2026-07-01"))
        #expect(late.map(\.rule) == ["disclosure.proactive.late"] && late.first?.fact("state") == "not yet")
        #expect(late.first?.dates.first?.name == "changed")
    }

    @Test("disclosure.request.late: extended in time, answered on the 40th working day is in time, the 41st late")
    func requests() async throws {
        let (kit, bureau) = try await kit()
        let received = day("2025-09-26")
        let calendar = kit.profile.calendar
        let twentieth = calendar.deadline(.workingDays(20), from: received).due
        for (n, answer, extended) in [
            ("R-1", calendar.deadline(.workingDays(40), from: received).due, Optional(twentieth)),
            ("R-2", calendar.deadline(.workingDays(41), from: received).due, Optional(twentieth)),
            ("R-3", calendar.deadline(.workingDays(21), from: received).due, nil),
            ("R-4", calendar.deadline(.workingDays(20), from: received).due, nil),
        ] {
            let r = DisclosureRequest.request(CaseID(rawValue: n), agency: bureau.id)
            var facts: [any LedgerEvent] = [r.on(received, DisclosureRequestReceived(subject: "征收补偿方案"))]
            if let extended { facts.append(r.on(extended, DisclosureRequestStep(.extended, note: "需征求第三方意见"))) }
            facts.append(r.on(answer, DisclosureRequestStep(.answered, note: "予以公开")))
            try await kit.ledger.append(facts)
        }
        let late = try kit.disclosureFindings(asOf: day("2026-03-01")).filter { $0.rule == "disclosure.request.late" }
        #expect(late.map { $0.fact("request") } == ["R-2", "R-3"])
        #expect(late.first?.fact("figure") == "40 wd")
        // An extension is one: a second is refused and writes nothing.
        let head = kit.view.head.sequence
        let r = DisclosureRequest.request("R-5", agency: bureau.id)
        await #expect(throws: CreditKitError.self) {
            try await kit.ledger.append([
                r.on(received, DisclosureRequestReceived(subject: "规划")),
                r.on(received.adding(days: 1), DisclosureRequestStep(.extended, note: "一")),
                r.on(received.adding(days: 2), DisclosureRequestStep(.extended, note: "二")),
            ])
        }
        #expect(kit.view.head.sequence == head)
    }

    @Test("disclosure.annual-report.late: a department's report by 31 January, a government's by 31 March")
    func annualReports() async throws {
        let (kit, bureau) = try await kit()
        let government = Agency(
            creditCode: Fixtures.creditCode(index: 9), name: "测试区人民政府", level: .county, kind: .government,
            region: try RegionCode("130302"))
        try await kit.register(government, on: day("2010-01-01"))
        try await kit.ledger.append([
            AnnualDisclosureReport.report(2023, agency: bureau.id).on(
                day("2024-01-31"), AnnualDisclosureReportPublished()),
            AnnualDisclosureReport.report(2024, agency: bureau.id).on(
                day("2025-02-03"), AnnualDisclosureReportPublished()),
            AnnualDisclosureReport.report(2024, agency: government.id).on(
                day("2025-03-31"), AnnualDisclosureReportPublished()),
        ])
        let late = try kit.disclosureFindings(asOf: day("2026-04-15")).filter {
            $0.rule == "disclosure.annual-report.late"
        }
        // The bureau: 2024 three days late (the weekend after 31 January 2025 does not move a fixed day); 2025's not
        // published. The government: 2024 on its last day; 2025's not published by 31 March 2026.
        #expect(
            late.map { "\($0.subject == bureau.id ? "bureau" : "government") \($0.fact("year") ?? "")" }.sorted() == [
                "bureau 2024", "bureau 2025", "government 2025",
            ])
        #expect(late.first { $0.subject == bureau.id && $0.fact("year") == "2024" }?.fact("daysLate") == "3")
    }
}
