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

    func langfang() async throws -> (CreditKit, Agency) {
        let profile = try #require(JurisdictionProfile.named("langfang-transport"))
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo, profile: profile)
        let bureau = Fixtures.agency(index: 1)
        try await kit.register(bureau, on: LocalDate("2010-01-01")!)
        return (kit, bureau)
    }

    @Test("disclosure.list-change.late: in the Langfang profile, 10 working days across National Day; elsewhere 20")
    func listChange() async throws {
        let made = day("2025-09-26")
        let (kit, bureau) = try await langfang()
        let tenth = kit.profile.calendar.deadline(.workingDays(10), from: made).due
        let eleventh = kit.profile.calendar.deadline(.workingDays(11), from: made).due
        // Friday 26 September: Sunday the 28th and Saturday 11 October are working days, 1 to 8 October a holiday.
        #expect(tenth == day("2025-10-16") && eleventh == day("2025-10-17"))
        var facts: [any LedgerEvent] = []
        for (n, published) in [("L-1", tenth), ("L-2", eleventh)] {
            let item = DisclosureItem.item(CaseID(rawValue: n), agency: bureau.id)
            facts += [
                item.on(made, DisclosureItemMade(title: "权责清单调整", category: .listChange)),
                item.on(published, DisclosureItemStep(.published)),
            ]
        }
        try await kit.ledger.append(facts)
        let late = try kit.disclosureFindings(asOf: day("2025-12-01"))
        #expect(late.map(\.rule) == ["disclosure.list-change.late"] && late.first?.fact("item") == "L-2")
        #expect(late.first?.fact("daysLate") == "1" && late.first?.basis.first?.document.contains("廊坊") == true)
        // The national profile has no such limit: the same items are ordinary information, on time at 20 wd.
        let (national, other) = try await self.kit()
        var same: [any LedgerEvent] = []
        for (n, published) in [("L-1", tenth), ("L-2", eleventh)] {
            let item = DisclosureItem.item(CaseID(rawValue: n), agency: other.id)
            same += [
                item.on(made, DisclosureItemMade(title: "权责清单调整", category: .listChange)),
                item.on(published, DisclosureItemStep(.published)),
            ]
        }
        try await national.ledger.append(same)
        #expect(try national.disclosureFindings(asOf: day("2025-12-01")).isEmpty)
        #expect(!national.profile.knows("disclosure.list-change.late"))
    }

    @Test("disclosure.policy-interpretation.late: 3 working days after the policy is published, across a weekend")
    func policyInterpretation() async throws {
        let (kit, bureau) = try await langfang()
        // Published Thursday 2025-06-05: the third working day is Tuesday 06-10.
        let published = day("2025-06-05")
        #expect(kit.profile.calendar.deadline(.workingDays(3), from: published).due == day("2025-06-10"))
        var facts: [any LedgerEvent] = []
        for (n, interpreted) in [("P-1", "2025-06-10"), ("P-2", "2025-06-11"), ("P-3", nil)] {
            let item = DisclosureItem.item(CaseID(rawValue: n), agency: bureau.id)
            facts += [
                item.on(day("2025-06-03"), DisclosureItemMade(title: "运输补贴办法", category: .policy)),
                item.on(published, DisclosureItemStep(.published)),
            ]
            if let interpreted { facts.append(item.on(day(interpreted), DisclosureItemStep(.interpreted))) }
        }
        try await kit.ledger.append(facts)
        let late = try kit.disclosureFindings(asOf: day("2025-06-30")).filter {
            $0.rule == "disclosure.policy-interpretation.late"
        }
        #expect(late.map { $0.fact("item") } == ["P-2", "P-3"])
        #expect(late.map { $0.fact("daysLate") } == ["1", "20"] && late.last?.fact("state") == "not yet")
        // An interpretation of anything but a policy is refused, and nothing is written.
        let before = await kit.ledger.head
        let plain = DisclosureItem.item("X", agency: bureau.id)
        await #expect(throws: CreditKitError.self) {
            try await kit.ledger.append([
                plain.on(published, DisclosureItemMade(title: "通知")),
                plain.on(published, DisclosureItemStep(.interpreted)),
            ])
        }
        #expect(await kit.ledger.head == before)
    }

    @Test("disclosure.emergency-press.late: a press conference within 24 hours, to the minute")
    func emergencyPress() async throws {
        let (kit, bureau) = try await langfang()
        // 2025-07-20 09:30 China time is 01:30 UTC.
        let occurred = Timestamp(microseconds: 1_752_975_000_000_000)
        #expect(occurred.chinaDate == day("2025-07-20"))
        let minute: Int64 = 60_000_000
        let hours24 = 24 * 60 * minute
        var facts: [any LedgerEvent] = []
        for (n, after) in [("E-1", hours24), ("E-2", hours24 + minute)] {
            let item = DisclosureItem.item(CaseID(rawValue: n), agency: bureau.id)
            let at = Timestamp(microseconds: occurred.microseconds + after)
            facts += [
                item.on(
                    occurred.chinaDate, DisclosureItemMade(title: "桥梁垮塌", category: .emergency, occurredAt: occurred)),
                item.on(at.chinaDate, DisclosureItemStep(.pressConference, at: at)),
            ]
        }
        let silent = DisclosureItem.item("E-3", agency: bureau.id)
        facts.append(
            silent.on(occurred.chinaDate, DisclosureItemMade(title: "隧道事故", category: .emergency, occurredAt: occurred))
        )
        try await kit.ledger.append(facts)
        // On the emergency's own day nothing is late yet; by the end of the next day the silent one is.
        #expect(try kit.disclosureFindings(asOf: day("2025-07-20")).filter { $0.fact("item") == "E-3" }.isEmpty)
        let late = try kit.disclosureFindings(asOf: day("2025-07-21")).filter {
            $0.rule == "disclosure.emergency-press.late"
        }
        #expect(late.map { $0.fact("item") } == ["E-2", "E-3"])
        #expect(late.first?.fact("hoursLate") == "1" && late.last?.fact("state") == "not yet")
        // An emergency without its time, or a conference before it happened, is refused.
        await #expect(throws: CreditKitError.self) {
            try await kit.ledger.append([
                DisclosureItem.item("E-4", agency: bureau.id).on(
                    day("2025-07-20"), DisclosureItemMade(title: "事故", category: .emergency))
            ])
        }
        await #expect(throws: CreditKitError.self) {
            try await kit.ledger.append([
                DisclosureItem.item("E-1", agency: bureau.id).on(
                    day("2025-07-20"),
                    DisclosureItemStep(.pressConference, at: Timestamp(microseconds: occurred.microseconds - minute)))
            ])
        }
    }
}
