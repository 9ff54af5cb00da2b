import CreditKitCore
import CreditKitTesting
import Foundation
import PPP
import Testing

func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// A county with an implementing agency, and the PPP module registered.
struct PPPCounty {
    let kit: CreditKit
    let agency = Fixtures.agency(index: 1)
    let concessionaire = Counterparty(name: "县水务项目公司", identifier: Fixtures.enterprise(index: 1).id.rawValue)

    init() async throws {
        kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [PPPModule()], clock: FixedClock.demo)
        try await kit.register(agency, on: day("2010-01-01"))
        try await kit.register(Fixtures.enterprise(index: 1), on: day("2010-01-01"))
    }

    func project(_ number: CaseID = "PPP-1") -> CaseRef<PPPProject> { PPPProject.project(number, agency: agency.id) }

    /// Registers a project and enters its stages through execution on the days given.
    func open(
        _ number: CaseID = "PPP-1", mechanism: PPPPaymentMechanism = .governmentPay, execution: LocalDate,
        responsible: PPPProject.Responsible? = nil
    ) async throws {
        let p = project(number)
        try await kit.ledger.append([
            p.on(
                execution.adding(days: -400),
                PPPProjectRegistered(name: "县污水处理厂", level: "county", mode: .bot, mechanism: mechanism)),
            p.on(execution.adding(days: -399), PPPStageEntered(.identification)),
            p.on(execution.adding(days: -300), PPPStageEntered(.preparation)),
            p.on(execution.adding(days: -200), PPPStageEntered(.procurement)),
            p.on(execution, PPPStageEntered(.execution, responsible: responsible)),
        ])
    }

    func findings(_ rule: RuleID, asOf: LocalDate) throws -> [Finding] {
        try kit.runChecks(asOf: asOf).filter { $0.rule == rule }
    }
}

extension Finding {
    func date(_ name: String) -> LocalDate? { dates.first { $0.name == name }?.date }
}

@Suite("PPP rules at their limits")
struct PPPRulesTests {
    @Test("ppp.obligation.late-payment: a day the contract fixes does not move off a Saturday")
    func fixedDueDay() async throws {
        let county = try await PPPCounty()
        try await county.open(execution: day("2024-06-03"))
        let p = county.project()
        try await county.kit.ledger.append([
            p.on(
                day("2024-07-01"),
                PPPObligationScheduled("AP-1", .availabilityPayment, amount: 1_000_000, due: day("2025-03-01"))),
            p.on(
                day("2024-07-01"),
                PPPObligationScheduled("AP-2", .availabilityPayment, amount: 1_000_000, due: day("2025-03-01"))),
            // AP-1 paid on the Saturday itself; AP-2 on the Monday after.
            p.on(day("2025-03-01"), PPPObligationFulfilled("AP-1", amount: 1_000_000)),
            p.on(day("2025-03-03"), PPPObligationFulfilled("AP-2", amount: 1_000_000)),
        ])
        let late = try county.findings("ppp.obligation.late-payment", asOf: day("2025-04-01"))
        #expect(late.map { $0.fact("obligation") } == ["AP-2"])
        #expect(late.first?.fact("daysLate") == "2" && late.first?.fact("paidLate") == "1000000")
        #expect(
            late.first?.date("agreedDue") == day("2025-03-01") && late.first?.date("paidInFull") == day("2025-03-03"))
        #expect(late.first?.basis.contains { $0.document.contains("优化营商环境条例") } == true)
    }

    @Test("ppp.obligation.late-payment: a period counted from an event ends after National Day")
    func countedDueAcrossNationalDay() async throws {
        let county = try await PPPCounty()
        try await county.open(execution: day("2025-01-06"))
        let p = county.project()
        // 30 days after 2025-09-01 is 1 October, inside the National Day holiday: the last day is 9 October.
        try await county.kit.ledger.append([
            p.on(
                day("2025-09-01"),
                PPPObligationScheduled("PP-1", .performancePayment, amount: 200_000, days: 30, after: day("2025-09-01"))
            ),
            p.on(
                day("2025-09-01"),
                PPPObligationScheduled("PP-2", .performancePayment, amount: 200_000, days: 30, after: day("2025-09-01"))
            ),
            p.on(day("2025-10-09"), PPPObligationFulfilled("PP-1", amount: 200_000)),
            p.on(day("2025-10-10"), PPPObligationFulfilled("PP-2", amount: 200_000)),
        ])
        let late = try county.findings("ppp.obligation.late-payment", asOf: day("2025-11-01"))
        #expect(late.map { $0.fact("obligation") } == ["PP-2"])
        #expect(late.first?.fact("daysLate") == "1" && late.first?.date("agreedDue") == day("2025-10-09"))
    }

    @Test("ppp.obligation.overdue-unpaid: part paid, the rest outstanding from the day after the due day")
    func overdueUnpaid() async throws {
        let county = try await PPPCounty()
        try await county.open(execution: day("2024-06-03"))
        let p = county.project()
        try await county.kit.ledger.append([
            p.on(
                day("2024-07-01"),
                PPPObligationScheduled("AP-1", .availabilityPayment, amount: 1_000_000, due: day("2025-06-30"))),
            p.on(day("2025-06-20"), PPPObligationFulfilled("AP-1", amount: 400_000)),
        ])
        #expect(try county.findings("ppp.obligation.overdue-unpaid", asOf: day("2025-06-30")).isEmpty)
        let unpaid = try county.findings("ppp.obligation.overdue-unpaid", asOf: day("2025-07-01"))
        #expect(unpaid.count == 1 && unpaid[0].fact("outstanding") == "600000" && unpaid[0].fact("daysLate") == "1")
        #expect(unpaid[0].severity == .ordinary && unpaid[0].fact("state") == "not yet")
        // Paid in full later: no longer unpaid, but late.
        try await county.kit.ledger.append([p.on(day("2025-07-15"), PPPObligationFulfilled("AP-1", amount: 600_000))])
        #expect(try county.findings("ppp.obligation.overdue-unpaid", asOf: day("2025-08-01")).isEmpty)
        let late = try county.findings("ppp.obligation.late-payment", asOf: day("2025-08-01"))
        #expect(late.first?.fact("daysLate") == "15" && late.first?.fact("paidLate") == "600000")
    }

    @Test("ppp.obligation.late-payment: payments entered out of the order of their days are judged by their days")
    func outOfOrder() async throws {
        let county = try await PPPCounty()
        try await county.open(execution: day("2024-06-03"))
        let p = county.project()
        try await county.kit.ledger.append([
            p.on(
                day("2024-07-01"),
                PPPObligationScheduled("AP-1", .availabilityPayment, amount: 1_000_000, due: day("2025-06-30"))),
            p.on(day("2025-07-15"), PPPObligationFulfilled("AP-1", amount: 600_000)),
        ])
        try await county.kit.ledger.append([p.on(day("2025-06-20"), PPPObligationFulfilled("AP-1", amount: 400_000))])
        let late = try county.findings("ppp.obligation.late-payment", asOf: day("2025-08-01"))
        #expect(late.first?.date("paidInFull") == day("2025-07-15") && late.first?.fact("daysLate") == "15")
        #expect(late.first?.fact("paidLate") == "600000")
    }

    @Test("ppp.obligation.unfulfilled: land delivered on its day passes, a day later does not")
    func unfulfilled() async throws {
        let county = try await PPPCounty()
        try await county.open(execution: day("2024-06-03"))
        let p = county.project()
        try await county.kit.ledger.append([
            p.on(day("2024-06-03"), PPPObligationScheduled("LAND-1", .landDelivery, due: day("2024-09-30"))),
            p.on(day("2024-06-03"), PPPObligationScheduled("LAND-2", .landDelivery, due: day("2024-09-30"))),
            p.on(day("2024-06-03"), PPPObligationScheduled("PERMIT", .approval, due: day("2024-09-30"))),
            p.on(day("2024-09-30"), PPPObligationFulfilled("LAND-1")),
            p.on(day("2024-10-01"), PPPObligationFulfilled("LAND-2")),
        ])
        let found = try county.findings("ppp.obligation.unfulfilled", asOf: day("2024-10-10"))
        #expect(found.map { $0.fact("obligation") } == ["LAND-2", "PERMIT"])
        #expect(found[1].fact("state") == "not yet" && found[1].fact("daysLate") == "10")
    }

    @Test(
        "ppp.contract.unlawful-change: the leadership-change excuse, no procedure, no compensation; a lawful change passes"
    )
    func unlawfulChange() async throws {
        let county = try await PPPCounty()
        for number in ["A", "B", "C", "D", "E"] as [CaseID] {
            try await county.open(number, execution: day("2024-06-03"))
            try await county.kit.ledger.append([
                county.project(number).on(
                    day("2024-05-20"),
                    PPPContractSigned(
                        concessionaire: county.concessionaire, termStart: day("2024-06-01"), termEnd: day("2049-05-31"))
                )
            ])
        }
        try await county.kit.ledger.append([
            county.project("A").on(
                day("2025-03-01"),
                PPPContractChanged("单方下调污水处理服务费", reason: .leadershipChange, lawfulProcedure: false)),
            county.project("B").on(
                day("2025-03-01"),
                PPPContractChanged(
                    "因规划调整缩减规模", reason: .publicInterest, lawfulProcedure: true, compensationAgreed: 3_000_000)),
            county.project("C").on(
                day("2025-03-01"),
                PPPContractChanged("因规划调整提前终止", terminates: true, reason: .publicInterest, lawfulProcedure: true)),
            county.project("D").on(
                day("2025-03-01"),
                PPPContractChanged("项目公司申请变更", byGovernment: false, reason: .leadershipChange, lawfulProcedure: false)),
            // Agreed by both sides with the procedure followed: no compensation is owed.
            county.project("E").on(
                day("2025-03-01"), PPPContractChanged("双方协商调整考核指标", reason: .mutualAgreement, lawfulProcedure: true)),
        ])
        let found = try county.findings("ppp.contract.unlawful-change", asOf: day("2025-03-02"))
        #expect(found.map { $0.fact("project") } == ["A", "C"])
        #expect(found[0].fact("wrong") == "以法律不认可的理由变更（如领导人员更替）；未履行法定程序；未依法约定补偿")
        #expect(found[0].severity == .serious && found[1].fact("wrong") == "未依法约定补偿")
        // Judged by the version in force on the change's day: from 2024-05-01 the 2024 concession measures.
        #expect(found[0].basis.contains { $0.document.contains("第17号") })
    }

    @Test(
        "ppp.fiscal.*: 7% and 10% are the last ratios allowed; 5% for government pay from 2022-11-18; none after the 2023 mechanism"
    )
    func fiscal() async throws {
        let county = try await PPPCounty()
        let cases: [(CaseID, Decimal, String)] = [
            ("R700", 7_000_000, "2023-06-01"), ("R701", 7_010_000, "2023-06-01"), ("R1000", 10_000_000, "2023-06-01"),
            ("R1001", 10_010_000, "2023-06-01"), ("GOV500", 5_000_000, "2022-11-18"),
            ("GOV501", 5_010_000, "2022-11-18"),
            ("EARLY", 5_010_000, "2022-11-17"), ("NEW", 12_000_000, "2023-11-08"),
        ]
        for (number, spending, assessed) in cases {
            try await county.kit.ledger.append([
                county.project(number).on(
                    day(assessed).adding(days: -1),
                    PPPProjectRegistered(name: "项目\(number)", mode: .bot, mechanism: .governmentPay)),
                county.project(number).on(
                    day(assessed),
                    PPPFiscalAffordabilityAssessed(year: 2024, pppSpending: spending, budgetExpenditure: 100_000_000)),
            ])
        }
        let asOf = day("2024-01-01")
        #expect(try county.findings("ppp.fiscal.cap-exceeded", asOf: asOf).map { $0.fact("project") } == ["R1001"])
        #expect(try county.findings("ppp.fiscal.warning", asOf: asOf).map { $0.fact("project") } == ["R701", "R1000"])
        let noNew = try county.findings("ppp.fiscal.no-new-government-pay", asOf: asOf).map { $0.fact("project") }
        #expect(noNew == ["R700", "R701", "R1000", "R1001", "GOV501"], "\(noNew)")
        let cap = try #require(try county.findings("ppp.fiscal.cap-exceeded", asOf: asOf).first)
        #expect(cap.fact("ratio") == "10.01%" && cap.date("assessed") == day("2023-06-01"))
    }

    @Test("ppp.mechanism.*: signed 2023-11-07 under the old regime, 2023-11-08 under the new; equity 35% is the line")
    func mechanism() async throws {
        let county = try await PPPCounty()
        let cases: [(CaseID, String, PPPPaymentMechanism, PPPObligationKind, Decimal)] = [
            ("OLD", "2023-11-07", .governmentPay, .availabilityPayment, 20),
            ("NEW", "2023-11-08", .userPay, .availabilityPayment, 35),
            ("OPS", "2023-11-08", .userPay, .operatingSubsidy, 34.99),
        ]
        for (number, signed, mechanism, kind, equity) in cases {
            let p = county.project(number)
            try await county.kit.ledger.append([
                p.on(day("2023-01-01"), PPPProjectRegistered(name: "项目", mode: .bot, mechanism: mechanism)),
                p.on(
                    day(signed),
                    PPPContractSigned(
                        concessionaire: county.concessionaire, termStart: day("2024-01-01"), termEnd: day("2043-12-31"),
                        privateEquityPercent: equity)),
                p.on(day(signed), PPPObligationScheduled("O-1", kind, amount: 100, due: day("2025-01-01"))),
            ])
        }
        let asOf = day("2024-01-01")
        let pay = try county.findings("ppp.mechanism.government-pay", asOf: asOf)
        #expect(pay.map { $0.fact("project") } == ["NEW"])
        #expect(
            pay.first?.fact("obligations") == "O-1 availability-payment"
                && pay.first?.fact("note")?.contains("运营期补贴") == true)
        #expect(try county.findings("ppp.mechanism.private-equity", asOf: asOf).map { $0.fact("project") } == ["OPS"])
    }

    @Test(
        "ppp.concession.term-exceeded: 30 years for a contract signed 2024-04-30, 40 from 2024-05-01; approval lifts it"
    )
    func term() async throws {
        let county = try await PPPCounty()
        let start = day("2024-06-01")
        let cases: [(CaseID, String, LocalDate, Bool)] = [
            ("T30", "2024-04-30", day("2054-05-31"), false), ("T30+1", "2024-04-30", day("2054-06-01"), false),
            ("T40", "2024-05-01", day("2064-05-31"), false), ("T40+1", "2024-05-01", day("2064-06-01"), false),
            ("APPROVED", "2024-05-01", day("2074-05-31"), true),
        ]
        // A term from 29 February counts from the day before: 30 years end on 2054-02-28.
        for (number, end) in [("LEAP", "2054-02-28"), ("LEAP+1", "2054-03-01")] as [(CaseID, String)] {
            let p = county.project(number)
            try await county.kit.ledger.append([
                p.on(day("2024-01-01"), PPPProjectRegistered(name: "项目", mode: .bot, mechanism: .userPay)),
                p.on(
                    day("2024-01-10"),
                    PPPContractSigned(
                        concessionaire: county.concessionaire, termStart: day("2024-02-29"), termEnd: day(end))),
            ])
        }
        for (number, signed, end, approved) in cases {
            let p = county.project(number)
            try await county.kit.ledger.append([
                p.on(day("2024-01-01"), PPPProjectRegistered(name: "项目", mode: .bot, mechanism: .userPay)),
                p.on(
                    day(signed),
                    PPPContractSigned(
                        concessionaire: county.concessionaire, termStart: start, termEnd: end,
                        approvedLongerTerm: approved)),
            ])
        }
        let found = try county.findings("ppp.concession.term-exceeded", asOf: day("2024-06-01"))
        #expect(found.map { $0.fact("project") } == ["LEAP+1", "T30+1", "T40+1"])
        #expect(found.map { $0.fact("figure") } == ["30 years", "30 years", "40 years"])
        #expect(found.map { $0.fact("daysOver") } == ["1", "1", "1"])
    }

    @Test("ppp.procurement.too-few-qualified: the last review before signing decides")
    func tooFewQualified() async throws {
        let county = try await PPPCounty()
        // Re-done prequalification is lawful even when fewer than three qualify again: the method may change.
        for (number, reviews) in [("TWO", [2]), ("REDONE", [2, 3]), ("TWICE", [2, 2]), ("THREE", [3])]
            as [(CaseID, [Int])]
        {
            let p = county.project(number)
            try await county.kit.ledger.append(
                [p.on(day("2024-01-01"), PPPProjectRegistered(name: "项目", mode: .bot, mechanism: .userPay))]
                    + reviews.enumerated().map { i, n in
                        p.on(day("2024-02-01").adding(days: i * 20), PPPQualificationReviewed(qualified: n))
                    }
                    + [
                        p.on(
                            day("2024-04-01"),
                            PPPContractSigned(
                                concessionaire: county.concessionaire, termStart: day("2024-05-01"),
                                termEnd: day("2044-04-30")))
                    ])
        }
        let found = try county.findings("ppp.procurement.too-few-qualified", asOf: day("2024-05-01"))
        #expect(found.map { $0.fact("project") } == ["TWO"] && found.first?.fact("qualified") == "2")
    }

    @Test("ppp.failure.penalty-unpaid: a penalty imposed and unpaid is a clue until it is paid; none imposed, none")
    func penaltyUnpaid() async throws {
        let county = try await PPPCounty()
        try await county.open(execution: day("2024-06-03"))
        let p = county.project()
        try await county.kit.ledger.append([
            p.on(
                day("2024-10-05"),
                PPPPerformanceFailed(
                    "F-1", from: day("2024-09-01"), to: day("2024-09-30"), category: "出水水质不达标",
                    penaltyContracted: "扣减当期付费5%", penaltyImposed: "扣减30000元")),
            p.on(
                day("2024-10-05"),
                PPPPerformanceFailed("F-2", from: day("2024-09-01"), to: day("2024-09-30"), category: "设备停运")),
        ])
        let open = try county.findings("ppp.failure.penalty-unpaid", asOf: day("2024-12-31"))
        #expect(open.map { $0.fact("failure") } == ["F-1"] && open.first?.fact("stage") == "execution")
        try await county.kit.ledger.append([p.on(day("2025-01-10"), PPPPenaltyPaid("F-1"))])
        // Seen on a day before the payment it is still open; after it, settled.
        #expect(try county.findings("ppp.failure.penalty-unpaid", asOf: day("2025-01-09")).count == 1)
        #expect(try county.findings("ppp.failure.penalty-unpaid", asOf: day("2025-01-10")).isEmpty)
        await #expect(throws: CreditKitError.self) {
            try await county.kit.ledger.append([p.on(day("2025-01-11"), PPPPenaltyPaid("F-2"))])
        }
    }

    @Test("ppp.disclosure.*: six months from execution and 30 April of the next year, under the 2017 rules only")
    func disclosure() async throws {
        let county = try await PPPCounty()
        try await county.open("ON-TIME", execution: day("2019-01-10"))
        try await county.open("LATE", execution: day("2019-01-10"))
        try await county.kit.ledger.append([
            county.project("ON-TIME").on(day("2019-07-10"), PPPDisclosed()),
            county.project("ON-TIME").on(day("2020-04-30"), PPPDisclosed(executionYear: 2019)),
            county.project("LATE").on(day("2019-07-11"), PPPDisclosed()),
            county.project("LATE").on(day("2020-05-06"), PPPDisclosed(executionYear: 2019)),
        ])
        let asOf = day("2022-06-01")
        let late = try county.findings("ppp.disclosure.late", asOf: asOf)
        #expect(late.map { $0.fact("project") } == ["LATE"] && late.first?.fact("daysLate") == "1")
        let annual = try county.findings("ppp.disclosure.late-annual", asOf: asOf)
        // 2019 late for LATE; 2020 and 2021 never disclosed by either; 2022's rules are a local profile's.
        #expect(
            annual.map { "\($0.fact("project")!) \($0.fact("year")!)" }
                == ["ON-TIME 2020", "ON-TIME 2021", "LATE 2019", "LATE 2020", "LATE 2021"])
        #expect(annual[2].fact("daysLate") == "6")
    }

    @Test("traceback: a late payment names the official who answered for execution, after that official moved post")
    func traceback() async throws {
        let county = try await PPPCounty()
        let official = try await county.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 3), name: "李四", on: day("2015-01-01"))
        let tenure = try await county.kit.startTenure(
            Tenure(
                official: official.id, agency: county.agency.id, post: "局长", isPrincipal: true, start: day("2020-01-01")
            ))
        try await county.open(
            execution: day("2024-06-03"), responsible: PPPProject.Responsible(official: official.id, tenure: tenure))
        // The official is transferred to another agency before the payment falls due.
        let elsewhere = Fixtures.agency(index: 2)
        try await county.kit.register(elsewhere, on: day("2010-01-01"))
        try await county.kit.endTenure(tenure, on: day("2024-12-31"), reason: .transfer)
        _ = try await county.kit.startTenure(
            Tenure(
                official: official.id, agency: elsewhere.id, post: "副县长", isPrincipal: false, start: day("2025-01-01")))
        try await county.kit.ledger.append([
            county.project().on(
                day("2024-07-01"),
                PPPObligationScheduled("AP-1", .availabilityPayment, amount: 500_000, due: day("2025-03-31")))
        ])
        let finding = try #require(try county.findings("ppp.obligation.overdue-unpaid", asOf: day("2025-05-01")).first)
        #expect(finding.fact("stage") == "execution")
        #expect(finding.fact("responsible") == official.id.rawValue && finding.fact("tenure") == "#\(tenure.rawValue)")
        // A successor answers from the day they take over: a failure after it is theirs, one before stays.
        let successor = try await county.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 5), name: "赵六", on: day("2015-01-01"))
        let successorTenure = try await county.kit.startTenure(
            Tenure(
                official: successor.id, agency: county.agency.id, post: "局长", isPrincipal: true,
                start: day("2025-04-01")))
        try await county.kit.ledger.append([
            county.project().on(
                day("2025-04-01"), PPPResponsibleChanged(.init(official: successor.id, tenure: successorTenure))),
            county.project().on(
                day("2025-01-05"), PPPObligationScheduled("LAND", .landDelivery, due: day("2025-04-30"))),
        ])
        let both =
            try county.findings("ppp.obligation.unfulfilled", asOf: day("2025-05-01"))
            + county.findings("ppp.obligation.overdue-unpaid", asOf: day("2025-05-01"))
        #expect(both.map { $0.fact("responsible") } == [successor.id.rawValue, official.id.rawValue])
        // Where the official is now, from the core's tenures.
        let career = county.kit.view.tenures(of: official.id)
        #expect(career.map(\.tenure.post) == ["局长", "副县长"] && career[0].end == day("2024-12-31"))
        // The official's own file holds the stage they answered for.
        let entries = try county.kit.ledger.read(concerning: official.id, through: county.kit.view)
        #expect(entries.contains { $0.kind == PPPStageEntered.kind })
    }

    @Test("bad facts are refused with a typed error and nothing is written")
    func refusals() async throws {
        let county = try await PPPCounty()
        try await county.open(execution: day("2024-06-03"))
        let p = county.project()
        let official = try await county.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 4), name: "王五", on: day("2015-01-01"))
        let tenure = try await county.kit.startTenure(
            Tenure(
                official: official.id, agency: county.agency.id, post: "局长", isPrincipal: true, start: day("2025-01-01")
            ))
        let head = await county.kit.ledger.head
        let bad: [(any LedgerEvent, String)] = [
            (p.on(day("2024-07-01"), PPPStageEntered(.procurement)), "does not follow"),
            (p.on(day("2024-06-01"), PPPStageEntered(.handover)), "before execution began"),
            (
                p.on(day("2024-07-01"), PPPObligationScheduled("Z", .compensation, amount: 0, due: day("2025-01-01"))),
                "more than zero"
            ),
            (
                p.on(
                    day("2024-07-01"),
                    PPPObligationScheduled("D", .approval, days: 3_000_000_000, after: day("2024-07-01"))), "0 to 36600"
            ),
            (
                p.on(
                    day("2024-07-01"),
                    PPPPerformanceFailed("F", from: day("2024-07-01"), to: day("2024-07-31"), category: "x")),
                "before its period ends"
            ),
            (
                p.on(
                    day("2024-07-01"),
                    PPPStageEntered(.handover, responsible: .init(official: official.id, tenure: tenure))),
                "does not cover"
            ),
            (
                p.on(day("2024-07-01"), PPPObligationScheduled("X", .availabilityPayment, due: day("2025-01-01"))),
                "has an amount"
            ),
            (
                p.on(day("2024-07-01"), PPPObligationScheduled("X", .landDelivery, amount: 5, due: day("2025-01-01"))),
                "no amount"
            ),
            (p.on(day("2024-07-01"), PPPObligationFulfilled("NONE", amount: 5)), "never scheduled"),
            (p.on(day("2024-07-01"), PPPContractChanged("x", reason: .other, lawfulProcedure: true)), "no contract"),
            (
                p.on(
                    day("2024-07-01"), PPPFiscalAffordabilityAssessed(year: 2024, pppSpending: 1, budgetExpenditure: 0)),
                "more than zero"
            ),
            (
                p.on(
                    day("2024-07-01"),
                    PPPContractSigned(
                        concessionaire: county.concessionaire, termStart: day("2030-01-01"), termEnd: day("2029-12-31"))
                ),
                "before it starts"
            ),
            (PPPProject.project("NEVER", agency: county.agency.id).on(day("2024-07-01"), PPPDisclosed()), "NEVER"),
        ]
        for (event, words) in bad {
            await #expect(
                performing: { try await county.kit.ledger.append([event]) },
                throws: { error in
                    let e = error as? CreditKitError
                    return e?.code == .invalidEvent && e?.message.contains(words) == true
                })
        }
        #expect(await county.kit.ledger.head == head)
    }
}
