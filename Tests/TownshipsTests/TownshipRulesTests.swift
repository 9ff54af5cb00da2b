import CreditKitCore
import CreditKitTesting
import Foundation
import Testing
import Townships

/// A county's kit: its government, townships and one county department, registered in 2020.
struct County {
    let kit: CreditKit
    let government: Agency
    let department: Agency
    let townships: [Agency]

    static func make(townships count: Int = 3, profile: JurisdictionProfile = .national) async throws -> County {
        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: [.townships], clock: FixedClock.demo, profile: profile)
        let region = try RegionCode("130302")
        let government = Agency(
            creditCode: Fixtures.creditCode(index: 900), name: "海港区人民政府", level: .county, kind: .government,
            region: region)
        let department = Agency(
            creditCode: Fixtures.creditCode(index: 901), name: "海港区市场监督管理局", level: .county, kind: .department,
            region: region)
        let townships = (1...count).map { i in
            Agency(
                creditCode: Fixtures.creditCode(index: i), name: "第\(i)街道办事处", level: .township, kind: .government,
                region: region, parent: government.id)
        }
        for a in [government, department] + townships { try await kit.register(a, on: LocalDate("2020-01-01")!) }
        return County(kit: kit, government: government, department: department, townships: townships)
    }
}

func day(_ text: String) -> LocalDate { LocalDate(text)! }

@Suite("Township rules at their limits")
struct TownshipRulesTests {
    @Test(
        "townships.commitment.overdue: met on the deadline is kept, the day after late; a Saturday deadline does not move"
    )
    func overdue() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        var facts: [any LedgerEvent] = []
        for (n, deadline) in [("A", "2025-06-30"), ("B", "2025-06-30"), ("C", "2025-06-28"), ("D", "2025-06-30")] {
            facts.append(
                TownshipCommitment.item(CaseID(rawValue: n), township: t).on(
                    day("2025-03-01"),
                    TownshipCommitmentPublished(
                        .travel, promise: "修缮村道\(n)", deadline: day(deadline), office: "村镇建设办")))
        }
        try await county.kit.townships.record(facts)
        for (n, met) in [("A", "2025-06-30"), ("B", "2025-07-01"), ("C", "2025-06-30")] {
            try await county.kit.townships.assess(
                TownshipCommitment.item(CaseID(rawValue: n), township: t), on: day(met), met: true, evidence: "验收单")
        }
        let found = try county.kit.townships.findings(asOf: day("2025-07-10"))
        #expect(found.allSatisfy { $0.rule == "townships.commitment.overdue" })
        #expect(found.map { $0.fact("item") } == ["B", "C", "D"])
        // B a day late; C's Saturday deadline stays put, so Monday is two days late; D still open, ten days.
        #expect(found.map { $0.fact("daysLate") } == ["1", "2", "10"])
        #expect(found.last?.fact("state") == "not yet" && found.allSatisfy { $0.subject == t })
    }

    @Test(
        "townships.commitment.unfulfilled: an item found not met is that finding alone, and its commitment is breached")
    func unfulfilled() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let item = TownshipCommitment.item("E", township: t)
        try await county.kit.townships.record([
            item.on(
                day("2025-03-01"),
                TownshipCommitmentPublished(
                    .elderlyCare, promise: "建成日间照料中心", deadline: day("2025-09-30"), office: "社会事务办"))
        ])
        try await county.kit.townships.assess(item, on: day("2025-10-08"), met: false, evidence: "用地未落实")
        let found = try county.kit.townships.findings(asOf: day("2025-12-31"))
        #expect(found.map(\.rule) == ["townships.commitment.unfulfilled"])
        #expect(found.first?.fact("reason") == "用地未落实" && found.first?.severity == .ordinary)
        let stats = try county.kit.commitmentStats(of: t, asOf: day("2025-12-31"))
        #expect(stats.made == 1 && stats.breached == 1)
        // A second assessment is refused.
        await #expect(throws: CreditKitError.self) {
            try await county.kit.townships.assess(item, on: day("2025-10-09"), met: true, evidence: "补建")
        }
    }

    @Test("townships.service.overrun: 3 working days across the Spring Festival; the last day in time, the next late")
    func serviceOverrun() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let calendar = county.kit.profile.calendar
        let received = day("2025-01-24")
        // Friday 24 January 2025: Sunday the 26th is a working day, the 27th too, then the holiday to 4 February.
        #expect(calendar.deadline(.workingDays(3), from: received).due == day("2025-02-05"))
        let item = TownshipCommitment.item("JZ-01", township: t)
        var facts: [any LedgerEvent] = [
            item.on(
                day("2024-12-01"),
                TownshipCommitmentPublished(
                    .housing, promise: "办理居住证明", promisedTime: .workingDays(3), office: "便民服务中心"))
        ]
        for (n, completed, explained) in [
            ("S-1", "2025-02-05", false), ("S-2", "2025-02-06", false), ("S-3", "2025-02-06", true),
        ] {
            let s = ServiceCase.service(CaseID(rawValue: n), township: t)
            facts.append(s.on(received, ServiceRequestReceived(item: "JZ-01")))
            if explained { facts.append(s.on(day(completed), ServiceCaseStep(.overrunExplained, text: "系统升级停机"))) }
            facts.append(s.on(day(completed), ServiceCaseStep(.completed)))
        }
        facts.append(ServiceCase.service("S-4", township: t).on(received, ServiceRequestReceived(item: "JZ-01")))
        try await county.kit.townships.record(facts)
        let found = try county.kit.townships.findings(asOf: day("2025-02-10"))
        #expect(found.map { $0.fact("service") } == ["S-2", "S-4"])
        #expect(
            found.map { $0.fact("daysLate") } == ["1", "5"]
                && found.allSatisfy { $0.rule == "townships.service.overrun" })
        #expect(found.first?.fact("figure") == "3 wd" && found.first?.fact("promisedTime") == "3 wd")
        let file = try county.kit.townships.file(of: t, asOf: day("2025-02-10"))
        let s = file.services()
        #expect(s.received == 4 && s.judged == 4 && s.onTime == 1 && s.explained == 1)
    }

    @Test("townships.service.overrun: a promise in calendar days moves off the May Day holiday")
    func calendarDays() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let item = TownshipCommitment.item("YB-01", township: t)
        var facts: [any LedgerEvent] = [
            item.on(
                day("2025-01-01"),
                TownshipCommitmentPublished(.medicalInsurance, promise: "医保转移接续", promisedTime: .days(5), office: "社保所")
            )
        ]
        // Received Wednesday 30 April: the fifth day, 5 May, is a holiday, so the last day is 6 May.
        for (n, completed) in [("M-1", "2025-05-06"), ("M-2", "2025-05-07")] {
            let s = ServiceCase.service(CaseID(rawValue: n), township: t)
            facts += [
                s.on(day("2025-04-30"), ServiceRequestReceived(item: "YB-01")),
                s.on(day(completed), ServiceCaseStep(.completed)),
            ]
        }
        try await county.kit.townships.record(facts)
        let found = try county.kit.townships.findings(asOf: day("2025-06-01"))
        #expect(found.map { $0.fact("service") } == ["M-2"] && found.first?.fact("figure") == "5 d")
    }

    @Test(
        "townships.finance.unpublished: a quarter without a publication; the quarter's last day counts; monthly finance"
    )
    func villagePublication() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let east = VillageAffairs.village("V-东村", township: t)
        let west = VillageAffairs.village("V-西村", township: t)
        try await county.kit.townships.record([
            // Oversight from mid-February: the first quarter is not a whole period and is not judged.
            east.on(day("2025-02-15"), VillageRegistered(name: "东村")),
            east.on(day("2025-06-30"), VillagePublished(.affairs, note: "二季度村务")),
            east.on(day("2025-07-15"), VillagePublished(.affairs)),
            east.on(day("2025-09-30"), VillagePublished(.finance)),
            west.on(day("2025-07-01"), VillageRegistered(name: "西村", frequentFinance: true)),
            west.on(day("2025-07-31"), VillagePublished(.finance)),
            west.on(day("2025-09-01"), VillagePublished(.finance)),
            west.on(day("2025-08-10"), VillagePublished(.affairs)),
        ])
        let found = try county.kit.townships.findings(asOf: day("2025-10-01"))
        #expect(found.allSatisfy { $0.rule == "townships.finance.unpublished" })
        #expect(
            found.map { "\($0.fact("village")!) \($0.fact("content")!) \($0.fact("period")!)" } == [
                "V-东村 finance 2025Q2", "V-西村 finance 2025-08",
            ])
        #expect(
            found.last?.fact("periodRule") == "townships.finance.monthly" && found.last?.fact("figure") == "1 month")
        // On the quarter's last day, the third quarter is not over yet: not judged.
        #expect(
            try county.kit.townships.findings(asOf: day("2025-09-30")).map { $0.fact("period") } == [
                "2025Q2", "2025-08",
            ])
        let file = try county.kit.townships.file(of: t, asOf: day("2025-10-01"))
        // East: Q2 and Q3 for affairs and finance (4); west: Q3 affairs (1) and three months of finance (3).
        #expect(file.villagePeriods.judged == 8 && file.villagePeriods.missed == 2)
    }

    @Test("townships.duty.outside-list names the assigning department, by the lists in force on the day assigned")
    func outsideList() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let dept = county.department.id
        let task = { (n: String) in AssignedTask.task(CaseID(rawValue: n), township: t) }
        try await county.kit.townships.record([
            DutyLists.edition("2024版", township: t).on(
                day("2024-03-01"),
                DutyListsPublished(items: [
                    DutyItem("J-001", "辖区安全生产巡查", .basic), DutyItem("P-002", "停车管理", .cooperative),
                    DutyItem("S-001", "户外广告审批", .takenBack),
                ])),
            DutyLists.edition("2025版", township: t).on(
                day("2025-03-01"),
                DutyListsPublished(items: [
                    DutyItem("J-001", "辖区安全生产巡查", .basic), DutyItem("S-001", "户外广告审批", .takenBack),
                    DutyItem("S-002", "停车管理", .takenBack),
                ])),
            task("T-1").on(day("2025-04-01"), TaskAssigned(assignedBy: dept, title: "户外广告审批", dutyCode: "S-001")),
            task("T-2").on(day("2025-04-01"), TaskAssigned(assignedBy: dept, title: "招商引资任务")),
            task("T-3").on(day("2025-04-01"), TaskAssigned(assignedBy: dept, title: "食品抽检", approval: "海准〔2025〕3号")),
            task("T-4").on(day("2025-04-01"), TaskAssigned(assignedBy: dept, title: "巡查", dutyCode: "J-001")),
            task("T-5").on(day("2024-05-01"), TaskAssigned(assignedBy: dept, title: "停车管理")),
            task("T-6").on(day("2025-04-02"), TaskAssigned(assignedBy: dept, title: "停车管理")),
            task("T-7").on(day("2024-02-01"), TaskAssigned(assignedBy: dept, title: "招商引资任务")),
        ])
        let found = try county.kit.townships.findings(asOf: day("2025-12-31"))
        #expect(found.allSatisfy { $0.rule == "townships.duty.outside-list" && $0.subject == dept })
        #expect(
            found.map { "\($0.fact("task")!) \($0.fact("list")!)" } == [
                "T-1 taken back", "T-2 on no list", "T-6 taken back",
            ])
        #expect(found.first?.fact("township") == t.rawValue && found.first?.fact("edition") == "2025版")
        // Not the township's: its file carries none of them.
        #expect(try county.kit.townships.file(of: t, asOf: day("2025-12-31")).findings.isEmpty)
        // A township cannot assign a task to itself.
        await #expect(throws: CreditKitError.self) {
            try await county.kit.townships.record([
                task("T-8").on(day("2025-05-01"), TaskAssigned(assignedBy: t, title: "自派"))
            ])
        }
    }

    @Test("bad facts are refused with a reason, and nothing is written")
    func refusals() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let kit = county.kit
        let dated = TownshipCommitment.item("D-1", township: t)
        try await kit.townships.record([
            dated.on(
                day("2025-01-02"),
                TownshipCommitmentPublished(.parking, promise: "新增车位200个", deadline: day("2025-12-31"), office: "城管办"))
        ])
        let before = await kit.ledger.head
        let cases: [(String, [any LedgerEvent])] = [
            (
                "neither a deadline nor a promised time",
                [
                    TownshipCommitment.item("D-2", township: t).on(
                        day("2025-01-02"), TownshipCommitmentPublished(.parking, promise: "x", office: "y"))
                ]
            ),
            (
                "promises no processing time",
                [
                    ServiceCase.service("S-1", township: t).on(day("2025-02-01"), ServiceRequestReceived(item: "D-1"))
                ]
            ),
            (
                "has published no item",
                [
                    ServiceCase.service("S-2", township: t).on(day("2025-02-01"), ServiceRequestReceived(item: "NONE"))
                ]
            ),
            (
                "listed twice",
                [
                    DutyLists.edition("E", township: t).on(
                        day("2025-01-02"),
                        DutyListsPublished(items: [DutyItem("A", "甲", .basic), DutyItem("A", "乙", .cooperative)]))
                ]
            ),
            (
                "not registered",
                [
                    VillageAffairs.village("V", township: t).on(day("2025-01-02"), VillagePublished(.finance))
                ]
            ),
            (
                "1 to 365",
                [
                    TownshipCommitment.item("D-3", township: t).on(
                        day("2025-01-02"),
                        TownshipCommitmentPublished(.parking, promise: "x", promisedTime: .workingDays(0), office: "y"))
                ]
            ),
        ]
        for (expected, facts) in cases {
            do {
                try await kit.townships.record(facts)
                Issue.record("accepted: \(expected)")
            } catch let error as CreditKitError {
                #expect(error.message.contains(expected) || error.description.contains(expected), "\(error)")
            }
        }
        #expect(await kit.ledger.head == before)
        // A fact of another sector through the townships desk is refused too.
        await #expect(throws: CreditKitError.self) {
            try await kit.townships.record([
                DisclosureItem.item("I", agency: t).on(day("2025-01-02"), DisclosureItemMade(title: "通知"))
            ])
        }
    }
}
