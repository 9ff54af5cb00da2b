import CreditKitCore
import CreditKitTesting
import Debt
import Foundation
import Testing

/// A district (130302) with its government, a finance bureau, an SME and a large contractor, the debt module
/// registered.
struct DebtDistrict {
    let kit: CreditKit
    let government = Agency(
        creditCode: Fixtures.creditCode(index: 40), name: "秦皇岛市海港区人民政府", level: .county, kind: .government,
        region: try! RegionCode("130302"))
    let bureau = Fixtures.agency(index: 41)
    let sme = Fixtures.enterprise(index: 42)
    let contractor = Enterprise(
        creditCode: Fixtures.creditCode(index: 43, authority: "9", category: "1"), name: "大型建工集团有限公司",
        roles: [.supplier], isSME: false)

    init(clock: FixedClock = FixedClock.demo) async throws {
        kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [DebtModule()], clock: clock)
        try await kit.register(government, on: day("2010-01-01"))
        try await kit.register(bureau, on: day("2010-01-01"))
        try await kit.register(sme, on: day("2010-01-01"))
        try await kit.register(contractor, on: day("2010-01-01"))
    }

    /// Starts the district's campaign.
    func campaign(_ start: String, noNewFrom: String? = nil) async throws {
        try await kit.debt.record([
            DebtCampaign.campaign(government.region, government: government.id).on(
                day(start), DebtCampaignStarted(noNewArrearsFrom: noNewFrom.map(day)))
        ])
    }

    func arrear(_ n: CaseID) -> CaseRef<DebtArrear> { DebtArrear.arrear(n, debtor: bureau.id) }

    func findings(_ rule: RuleID, asOf: String) throws -> [Finding] {
        try kit.debt.findings(asOf: day(asOf)).filter { $0.rule == rule }
    }
}

@Suite("Debt arrears at their limits")
struct DebtArrearsTests {
    @Test(
        "debt.arrears.new: due on the no-new-arrears day and unpaid that day is new; paid that day, or due the day before, is not"
    )
    func newArrears() async throws {
        let d = try await DebtDistrict()
        try await d.campaign("2021-01-01", noNewFrom: "2021-07-01")
        try await d.kit.debt.record([
            d.arrear("A-before").on(
                day("2021-06-30"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 100_000, due: day("2021-06-30"))),
            d.arrear("A-first").on(
                day("2021-07-01"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 100_000, due: day("2021-07-01"))),
            d.arrear("A-paid").on(
                day("2021-07-01"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 100_000, due: day("2021-07-01"))),
            d.arrear("A-paid").on(day("2021-07-01"), ArrearCleared(amount: 100_000)),
        ])
        let found = try d.findings("debt.arrears.new", asOf: "2021-08-01")
        #expect(found.map { $0.fact("arrear") } == ["A-first"])
        #expect(found.first?.severity == .serious && found.first?.money("outstandingAtDue") == 100_000)
        #expect(found.first?.dates.map(\.name) == ["noNewArrearsFrom", "arrearDue"])
        // Seen on its due day itself it is not yet an arrear.
        #expect(try d.findings("debt.arrears.new", asOf: "2021-07-01").isEmpty)
    }

    @Test(
        "debt.arrears.clearance-late: historical arrears cleared on the term's last day are in time, a day later are not"
    )
    func clearance() async throws {
        let d = try await DebtDistrict()
        try await d.campaign("2021-01-01")
        try await d.kit.debt.record([
            d.arrear("H-1").on(
                day("2020-06-01"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 50_000, due: day("2020-05-01"))),
            d.arrear("H-2").on(
                day("2020-06-01"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 50_000, due: day("2020-05-01"))),
            d.arrear("H-3").on(
                day("2020-06-01"),
                ArrearRecorded(creditor: d.contractor.id, .works, amount: 50_000, due: day("2020-05-01"))),
            d.arrear("H-1").on(day("2023-06-01"), ArrearCleared(amount: 20_000)),
            d.arrear("H-1").on(day("2024-01-01"), ArrearCleared(amount: 30_000)),
            d.arrear("H-2").on(day("2024-01-02"), ArrearCleared(amount: 50_000)),
        ])
        let found = try d.findings("debt.arrears.clearance-late", asOf: "2024-06-01")
        #expect(found.map { $0.fact("arrear") } == ["H-2", "H-3"])
        #expect(found.allSatisfy { $0.date("due") == day("2024-01-01") })
        #expect(found.first { $0.fact("arrear") == "H-3" }?.money("outstanding") == 50_000)
        #expect(try d.findings("debt.arrears.clearance-late", asOf: "2024-01-01").isEmpty)
    }

    @Test(
        "debt.wages.late: a month's labour cost paid in full by the end of the next month is on time, a day later is not"
    )
    func wages() async throws {
        let d = try await DebtDistrict()
        let month = day("2024-03-01")
        try await d.kit.debt.record([
            d.arrear("W-3a").on(
                day("2024-04-01"),
                ArrearRecorded(
                    creditor: d.contractor.id, .wages, amount: 300_000, due: day("2024-04-30"), project: "第三中学教学楼",
                    workMonth: month)),
            d.arrear("W-3b").on(
                day("2024-04-01"),
                ArrearRecorded(
                    creditor: d.contractor.id, .wages, amount: 300_000, due: day("2024-04-30"), project: "第三中学教学楼",
                    workMonth: month)),
            d.arrear("W-3a").on(day("2024-04-30"), ArrearCleared(amount: 300_000)),
            d.arrear("W-3b").on(day("2024-04-30"), ArrearCleared(amount: 299_999)),
            d.arrear("W-3b").on(day("2024-05-01"), ArrearCleared(amount: 1)),
        ])
        let found = try d.findings("debt.wages.late", asOf: "2024-06-01")
        #expect(found.map { $0.fact("arrear") } == ["W-3b"])
        #expect(found.first?.date("due") == day("2024-04-30") && found.first?.fact("daysLate") == "1")
        #expect(found.first?.fact("project") == "第三中学教学楼")
    }

    @Test("debt.payment.late-sme: 30 days from delivery, the last day moved past National Day; only SMEs")
    func smePayment() async throws {
        let d = try await DebtDistrict()
        // Delivered 2025-09-01: the 30th day is 1 October, inside the holiday; the last day is 9 October.
        try await d.kit.debt.record([
            d.arrear("S-on").on(
                day("2025-10-10"),
                ArrearRecorded(
                    creditor: d.sme.id, .goods, amount: 80_000, due: day("2025-10-09"), delivered: day("2025-09-01"))),
            d.arrear("S-late").on(
                day("2025-10-10"),
                ArrearRecorded(
                    creditor: d.sme.id, .goods, amount: 80_000, due: day("2025-10-09"), delivered: day("2025-09-01"))),
            d.arrear("L-late").on(
                day("2025-10-10"),
                ArrearRecorded(
                    creditor: d.contractor.id, .goods, amount: 80_000, due: day("2025-10-09"),
                    delivered: day("2025-09-01"))),
            d.arrear("S-on").on(day("2025-10-10"), ArrearCleared(amount: 1)),
        ])
        try await d.kit.debt.record([
            d.arrear("S-late").on(day("2025-10-10"), ArrearCleared(amount: 80_000)),
            d.arrear("L-late").on(day("2025-10-10"), ArrearCleared(amount: 80_000)),
        ])
        let late = try d.findings("debt.payment.late-sme", asOf: "2025-11-01")
        #expect(late.map { $0.fact("contract") } == ["S-on", "S-late"])
        #expect(late.allSatisfy { $0.date("due") == day("2025-10-09") })
        // The one yuan paid on the 10th is late; the rest of S-on is still owed.
        let unpaid = try d.findings("debt.payment.overdue-unpaid", asOf: "2025-11-01")
        #expect(unpaid.map { $0.fact("contract") } == ["S-on"] && unpaid.first?.money("outstanding") == 79_999)
    }

    @Test("debt.payment.agreed-term-cap and debt.payment.interest: 90 agreed days count as 60; 0.05% a day after")
    func agreedTermAndInterest() async throws {
        let d = try await DebtDistrict()
        // Delivered 2025-06-02: 60 days end on Friday 1 August; paid ten days later.
        try await d.kit.debt.record([
            d.arrear("T-90").on(
                day("2025-08-11"),
                ArrearRecorded(
                    creditor: d.sme.id, .services, amount: 100_000, due: day("2025-08-31"),
                    delivered: day("2025-06-02"),
                    agreedTermDays: 90)),
            d.arrear("T-90").on(day("2025-08-11"), ArrearCleared(amount: 100_000)),
        ])
        let late = try d.findings("debt.payment.late-sme", asOf: "2025-09-01")
        #expect(late.first?.date("due") == day("2025-08-01"))
        #expect(late.first?.fact("term") == "agreed 90 d, counted as 60 d")
        #expect(late.first?.money("interestOwed") == 500)
    }

    @Test("debt.project.advance-funding: advance funding or a start without funds, from 1 July 2019")
    func advanceFunding() async throws {
        let d = try await DebtDistrict()
        func start(_ n: CaseID, _ on: String, funds: Bool, advance: Bool) -> any LedgerEvent {
            GovernmentProject.project(n, agency: d.bureau.id).on(
                day(on),
                GovernmentProjectStarted(
                    name: "项目\(n)", fundsInPlace: funds, contractorAdvance: advance, contractor: d.contractor.id))
        }
        try await d.kit.debt.record([
            start("P-ok", "2024-03-01", funds: true, advance: false),
            start("P-advance", "2024-03-01", funds: true, advance: true),
            start("P-nofunds", "2019-07-01", funds: false, advance: false),
            start("P-old", "2019-06-30", funds: false, advance: true),
        ])
        let found = try d.findings("debt.project.advance-funding", asOf: "2024-06-01")
        #expect(Set(found.compactMap { $0.fact("project") }) == ["P-advance", "P-nofunds"])
        #expect(
            found.first { $0.fact("project") == "P-advance" }?.basis.contains { $0.document.contains("农民工工资") } == true)
    }

    @Test(
        "debt.disclosure.sme-report-missing: last year's overdue SME payments published by 31 March; none, or later, is a finding"
    )
    func smeReport() async throws {
        let d = try await DebtDistrict()
        let other = Fixtures.agency(index: 44)
        try await d.kit.register(other, on: day("2010-01-01"))
        try await d.kit.debt.record([
            d.arrear("R-1").on(
                day("2025-07-02"), ArrearRecorded(creditor: d.sme.id, .services, amount: 10_000, due: day("2025-07-01"))
            ),
            DebtArrear.arrear("R-2", debtor: other.id).on(
                day("2025-07-02"), ArrearRecorded(creditor: d.sme.id, .services, amount: 10_000, due: day("2025-07-01"))
            ),
            // A 2024 arrear: the duty (from the 2025 regulation) was not in force at the end of 2024.
            d.arrear("R-0").on(
                day("2024-07-02"), ArrearRecorded(creditor: d.sme.id, .services, amount: 5_000, due: day("2024-07-01"))),
        ])
        #expect(try d.findings("debt.disclosure.sme-report-missing", asOf: "2026-03-31").isEmpty)
        let missing = try d.findings("debt.disclosure.sme-report-missing", asOf: "2026-04-01")
        #expect(missing.map(\.subject) == [d.bureau.id, other.id])
        // The 2024 arrear, still owed at the end of 2025, is in the 2025 report.
        #expect(missing.first?.fact("year") == "2025" && missing.first?.money("amount") == 15_000)
        #expect(missing.first?.number("contracts") == 2)
        #expect(missing.first?.date("due") == day("2026-03-31"))
        try await d.kit.debt.record([
            SMEOverdueReport.of(2025, agency: d.bureau.id).on(
                day("2026-03-31"), SMEOverdueReportPublished(contracts: 1, amount: 10_000)),
            SMEOverdueReport.of(2025, agency: other.id).on(
                day("2026-04-01"), SMEOverdueReportPublished(contracts: 1, amount: 10_000)),
        ])
        let after = try d.findings("debt.disclosure.sme-report-missing", asOf: "2026-04-02")
        #expect(after.map(\.subject) == [other.id] && after.first?.date("published") == day("2026-04-01"))
    }

    @Test("refusals write nothing: an overpayment, an unregistered creditor, another region's figures, a year twice")
    func refusals() async throws {
        let d = try await DebtDistrict()
        let head = d.kit.view.head.sequence
        let unknown = Fixtures.enterprise(index: 99)
        await #expect(throws: CreditKitError.self) {
            try await d.kit.debt.record([
                d.arrear("X").on(
                    day("2024-01-01"), ArrearRecorded(creditor: d.sme.id, .goods, amount: 100, due: day("2024-01-01"))),
                d.arrear("X").on(day("2024-01-02"), ArrearCleared(amount: 101)),
            ])
        }
        await #expect(throws: CreditKitError.self) {
            try await d.kit.debt.record([
                d.arrear("Y").on(
                    day("2024-01-01"), ArrearRecorded(creditor: unknown.id, .goods, amount: 100, due: day("2024-01-01"))
                )
            ])
        }
        var elsewhere = calm(region: "130303")
        elsewhere.regionName = "山海关区"
        await #expect(throws: CreditKitError.self) {
            try await d.kit.debt.record([DebtYear.report(elsewhere, by: d.government.id, on: day("2025-03-01"))])
        }
        await #expect(throws: CreditKitError.self) {
            try await d.kit.debt.record([
                DebtYear.report(calm(), by: d.government.id, on: day("2025-03-01")),
                DebtYear.report(calm(), by: d.bureau.id, on: day("2025-03-02")),
                DebtYear.report(calm(), by: d.government.id, on: day("2025-03-03")),
            ])
        }
        await #expect(throws: CreditKitError.self) {
            try await d.kit.debt.record([
                d.arrear("W").on(
                    day("2024-01-01"), ArrearRecorded(creditor: d.sme.id, .wages, amount: 100, due: day("2024-01-01")))
            ])
        }
        #expect(d.kit.view.head.sequence == head)
    }
}

extension Finding {
    func date(_ name: String) -> LocalDate? { dates.first { $0.name == name }?.date }
}
