import CreditKitCore
import CreditKitTesting
import Foundation
import InvestmentPromotion
import Testing

func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// A development zone's administration, an SME battery maker, a large investor and the county's 12345 centre.
struct Zone {
    let kit: CreditKit
    let zone = Fixtures.agency(index: 1)
    let centre = Fixtures.agency(index: 2)
    let maker = Fixtures.enterprise(index: 3)
    let large = Enterprise(
        creditCode: Fixtures.creditCode(index: 4, authority: "9", category: "1"), name: "大型投资集团有限公司",
        roles: [.supplier], isSME: false)

    init() async throws {
        kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: [InvestmentPromotionModule()], clock: FixedClock.demo)
        for a in [zone, centre] { try await kit.register(a, on: day("2010-01-01")) }
        for e in [maker, large] { try await kit.register(e, on: day("2010-01-01")) }
    }

    func deal(_ number: CaseID = "ZS-1") -> CaseRef<InvestmentAgreement> {
        InvestmentAgreement.agreement(number, agency: zone.id)
    }

    /// Signs an agreement with one promise.
    func sign(
        _ number: CaseID = "ZS-1", investor: SubjectID? = nil, on: String, _ promise: InvestmentPromised
    ) async throws {
        try await kit.investment.record([
            deal(number).on(day(on), InvestmentAgreementSigned(investor: investor ?? maker.id, project: "动力电池")),
            deal(number).on(day(on), promise),
        ])
    }

    func findings(_ rule: RuleID, asOf: String) throws -> [Finding] {
        try kit.investment.findings(asOf: day(asOf)).filter { $0.rule == rule }
    }
}

extension Finding {
    func date(_ name: String) -> LocalDate? { dates.first { $0.name == name }?.date }
}

@Suite("Investment rules at their limits")
struct InvestmentRulesTests {
    @Test(
        "investment.incentive.unlawful and .unreviewed: a tax rebate promised 2024-07-31 is not flagged, 2024-08-01 is")
    func fairCompetitionDay() async throws {
        let z = try await Zone()
        for (n, on) in [("A", "2024-07-31"), ("B", "2024-08-01")] {
            try await z.sign(
                CaseID(rawValue: n), on: on,
                InvestmentPromised("P-1", investor: z.maker.id, .tax, terms: "地方留成税收返还", amount: 500_000, due: nil))
        }
        let unlawful = try z.findings("investment.incentive.unlawful", asOf: "2024-09-01")
        #expect(unlawful.map { $0.fact("agreement") } == ["B"])
        #expect(unlawful.first?.basis.first?.document.contains("公平竞争审查条例") == true)
        #expect(
            try z.findings("investment.incentive.unreviewed", asOf: "2024-09-01").map { $0.fact("agreement") } == ["B"])
        // With a legal basis and a review on the day, the same rebate is neither.
        try await z.sign(
            "C", on: "2024-08-01",
            InvestmentPromised(
                "P-1", investor: z.maker.id, .tax, terms: "地方留成税收返还", amount: 500_000, due: nil,
                legalBasis: "某省促进新能源产业发展条例", reviewed: day("2024-08-01")))
        #expect(try z.findings("investment.incentive.unlawful", asOf: "2024-09-01").count == 1)
        #expect(try z.findings("investment.incentive.unreviewed", asOf: "2024-09-01").count == 1)
    }

    @Test("investment.incentive.tied: a subsidy tied to local tax is flagged from 2025-04-20, not on 2025-04-19")
    func tiedSubsidy() async throws {
        let z = try await Zone()
        for (n, on) in [("A", "2025-04-19"), ("B", "2025-04-20")] {
            try await z.sign(
                CaseID(rawValue: n), on: on,
                InvestmentPromised(
                    "P-1", investor: z.maker.id, .subsidy, terms: "按地方税收贡献奖励", amount: 100_000, due: nil,
                    tiedTo: .localTax, legalBasis: "区管委会文件", reviewed: day("2025-04-01")))
        }
        #expect(try z.findings("investment.incentive.tied", asOf: "2025-05-01").map { $0.fact("agreement") } == [])
        // Recorded with a legal basis, the tie is allowed; without one it is flagged, and only from its first day.
        let z2 = try await Zone()
        for (n, on) in [("A", "2025-04-19"), ("B", "2025-04-20")] {
            try await z2.sign(
                CaseID(rawValue: n), on: on,
                InvestmentPromised(
                    "P-1", investor: z2.maker.id, .subsidy, terms: "按地方税收贡献奖励", amount: 100_000, due: nil,
                    tiedTo: .localTax, reviewed: day("2025-04-01")))
        }
        #expect(try z2.findings("investment.incentive.tied", asOf: "2025-05-01").map { $0.fact("agreement") } == ["B"])
    }

    @Test(
        "investment.commitment.overdue: kept on its day is fine, a day late is not; the investor's default first excuses it"
    )
    func overdue() async throws {
        let z = try await Zone()
        let promise = { (n: String) in
            InvestmentPromised(n, investor: z.maker.id, .infrastructure, terms: "道路通至厂区", due: day("2025-03-31"))
        }
        try await z.sign("A", on: "2024-06-01", promise("P-1"))
        try await z.sign("B", on: "2024-06-01", promise("P-1"))
        try await z.sign("C", on: "2024-06-01", promise("P-1"))
        try await z.kit.investment.fulfil(z.deal("A"), promise: "P-1", on: day("2025-03-31"), inFull: true)
        try await z.kit.investment.fulfil(z.deal("B"), promise: "P-1", on: day("2025-04-01"), inFull: true)
        // C: the investor missed its own investment due 2025-02-28, recorded in March: no finding against the zone.
        try await z.kit.investment.record([
            z.deal("C").on(day("2024-06-01"), InvestorObligationSet("O-1", terms: "完成投资2亿元", due: day("2025-02-28"))),
            z.deal("C").on(day("2025-03-10"), InvestorDefaulted("O-1", note: "投资未到位")),
        ])
        let late = try z.findings("investment.commitment.overdue", asOf: "2025-06-01")
        #expect(late.map { $0.fact("agreement") } == ["B"])
        #expect(late.first?.fact("daysLate") == "1" && late.first?.date("due") == day("2025-03-31"))
        // The promise is a commitment of the core: the zone's record counts it, the core's own checks leave it.
        let stats = try z.kit.commitmentStats(of: z.zone.id, asOf: day("2025-06-01"))
        #expect(stats.made == 3 && stats.fulfilledOnTime == 1 && stats.fulfilledLate == 1 && stats.overdue == 1)
        #expect(try z.kit.commitmentFindings(asOf: day("2025-06-01")).isEmpty)
    }

    @Test(
        "investment.commitment.unlawful-change: a new director's withdrawal is flagged; one after the investor's default is not"
    )
    func withdrawals() async throws {
        let z = try await Zone()
        let subsidy = {
            InvestmentPromised(
                "P-1", investor: z.maker.id, .subsidy, terms: "设备补助", amount: 3_000_000, due: day("2026-06-30"),
                legalBasis: "省产业扶持办法", reviewed: day("2023-05-01"))
        }
        try await z.sign("A", on: "2023-05-10", subsidy())
        try await z.sign("B", on: "2023-05-10", subsidy())
        try await z.sign("C", on: "2023-05-10", subsidy())
        try await z.kit.investment.record([
            z.deal("B").on(day("2023-05-10"), InvestorObligationSet("O-1", terms: "投产", due: day("2024-12-31"))),
            z.deal("B").on(day("2025-01-15"), InvestorDefaulted("O-1", note: "未投产")),
        ])
        try await z.kit.investment.change(
            z.deal("A"), promise: "P-1", on: day("2025-03-01"), withdraws: true, reason: .leadershipChange)
        try await z.kit.investment.change(
            z.deal("B"), promise: "P-1", on: day("2025-03-01"), withdraws: true, reason: .counterpartyDefault)
        // C: cut for public interest, by procedure, but with nothing agreed for the investor's loss.
        try await z.kit.investment.change(
            z.deal("C"), promise: "P-1", on: day("2025-03-01"), withdraws: false, reason: .publicInterest,
            procedure: "区管委会主任办公会纪要", newTerms: "设备补助减为100万元")
        let found = try z.findings("investment.commitment.unlawful-change", asOf: "2025-04-01")
        #expect(found.map { $0.fact("agreement") } == ["A", "C"])
        #expect(found[0].fact("wrong") == "以法律不认可的理由变更（如领导人员更替）" && found[0].severity == .serious)
        #expect(found[1].fact("wrong") == "未依法给予补偿")
        // In the core: A's promise breached (leadership change), B's withdrawn.
        let ids = try ["A", "B"].map { try z.kit.investment.promise(z.deal(CaseID(rawValue: $0)), "P-1").commitment }
        #expect(z.kit.view.commitmentLifecycle(ids[0]).outcome?.value == .breached(.leadershipChange, "撤回：领导人员更替"))
        #expect(z.kit.view.commitmentLifecycle(ids[1]).outcome?.value == .withdrawn("撤回：相对人违约"))
        // A default claimed with none recorded is no excuse.
        try await z.sign("D", on: "2023-05-10", subsidy())
        try await z.kit.investment.change(
            z.deal("D"), promise: "P-1", on: day("2025-03-01"), withdraws: true, reason: .counterpartyDefault)
        #expect(
            try z.findings("investment.commitment.unlawful-change", asOf: "2025-04-01").last?.fact("wrong")
                == "以投资方违约为由，但未记录投资方违约")
    }

    @Test("investment.payment.late: a subsidy paid late owes the agreed rate, or for an SME the statutory 0.05% a day")
    func latePayment() async throws {
        let z = try await Zone()
        try await z.sign(
            "A", on: "2024-01-10",
            InvestmentPromised(
                "P-1", investor: z.maker.id, .subsidy, terms: "设备补助", amount: 1_000_000, due: day("2024-06-30"),
                legalBasis: "省产业扶持办法", reviewed: day("2024-01-05")))
        try await z.sign(
            "B", investor: z.large.id, on: "2024-01-10",
            InvestmentPromised(
                "P-1", investor: z.large.id, .subsidy, terms: "设备补助", amount: 1_000_000, due: day("2024-06-30"),
                legalBasis: "省产业扶持办法", reviewed: day("2024-01-05"), agreedDailyRatePercent: amount("0.02")))
        try await z.kit.investment.fulfil(
            z.deal("A"), promise: "P-1", on: day("2024-06-30"), amount: 600_000, inFull: false)
        try await z.kit.investment.fulfil(
            z.deal("A"), promise: "P-1", on: day("2024-07-10"), amount: 400_000, inFull: true)
        try await z.kit.investment.fulfil(
            z.deal("B"), promise: "P-1", on: day("2024-07-30"), amount: 1_000_000, inFull: true)
        // C: paid in full on its due day, the other side of the limit.
        try await z.sign(
            "C", on: "2024-01-10",
            InvestmentPromised(
                "P-1", investor: z.maker.id, .subsidy, terms: "设备补助", amount: 1_000_000, due: day("2024-06-30"),
                legalBasis: "省产业扶持办法", reviewed: day("2024-01-05")))
        try await z.kit.investment.fulfil(
            z.deal("C"), promise: "P-1", on: day("2024-06-30"), amount: 1_000_000, inFull: true)
        let late = try z.findings("investment.payment.late", asOf: "2024-09-01")
        #expect(late.map { $0.fact("agreement") } == ["A", "B"])
        // A: 400,000 ten days late at 0.05% (SME) = 2,000; B: 1,000,000 thirty days late at the agreed 0.02% = 6,000.
        #expect(late[0].money("interest") == 2_000 && late[0].fact("rate") == "statutory (SME)")
        #expect(late[1].money("interest") == 6_000 && late[1].fact("rate") == "agreed")
        #expect(
            try z.kit.profile.addingDefaults(InvestmentLaw.figures).figureInForce(
                "investment.payment.interest", on: day("2024-06-30"))?.figure.value == amount("0.05"))
    }

    @Test("investment.complaint.late-forward across National Day: the 10th working day on time, the 11th late")
    func complaintForward() async throws {
        let z = try await Zone()
        let received = day("2025-09-26")
        let calendar = z.kit.profile.calendar
        let tenth = calendar.deadline(.workingDays(10), from: received).due
        #expect(tenth > day("2025-10-08"))
        let eleventh = calendar.deadline(.workingDays(11), from: received).due
        for (n, forwarded) in [("W-1", tenth), ("W-2", eleventh)] {
            let c = InvestorComplaint.complaint(CaseID(rawValue: n), handler: z.centre.id)
            try await z.kit.investment.record([
                c.on(
                    received,
                    InvestorComplaintReceived(
                        investor: z.maker.id, about: z.zone.id, channel: .hotline12345, summary: "补贴被撤回")),
                c.on(forwarded, InvestorComplaintHandled(.forwarded)),
            ])
        }
        let late = try z.findings("investment.complaint.late-forward", asOf: "2025-12-31")
        #expect(late.map { $0.fact("complaint") } == ["W-2"] && late.first?.subject == z.centre.id)
        // Before 2025-06-01 the text said only "promptly": no finding.
        let old = InvestorComplaint.complaint("W-0", handler: z.centre.id)
        try await z.kit.investment.record([
            old.on(
                day("2025-05-30"),
                InvestorComplaintReceived(investor: z.maker.id, about: z.zone.id, channel: .other, summary: "旧投诉")),
            old.on(day("2025-08-30"), InvestorComplaintHandled(.forwarded)),
        ])
        #expect(try z.findings("investment.complaint.late-forward", asOf: "2025-12-31").count == 1)
    }

    @Test(
        "investment.complaint.late-result and .result-maximum: 30 days from forwarding, or 90 with an extension in time"
    )
    func complaintResult() async throws {
        let z = try await Zone()
        let received = day("2025-07-01")
        // The result's days run from the forwarding, two days after receipt.
        let forwarded = received.adding(days: 2)
        let thirty = z.kit.profile.calendar.deadline(.days(30), from: forwarded).due
        func file(_ n: String, extended: LocalDate?, resolved: LocalDate) async throws {
            let c = InvestorComplaint.complaint(CaseID(rawValue: n), handler: z.centre.id)
            var facts: [any LedgerEvent] = [
                c.on(
                    received,
                    InvestorComplaintReceived(
                        investor: z.maker.id, about: z.zone.id, channel: .arrearsPlatform, summary: "拖欠奖补")),
                c.on(forwarded, InvestorComplaintHandled(.forwarded)),
            ]
            if let extended { facts.append(c.on(extended, InvestorComplaintHandled(.extended, text: "需审计核实"))) }
            facts.append(c.on(resolved, InvestorComplaintHandled(.resolved, text: "已督促兑现")))
            try await z.kit.investment.record(facts)
        }
        try await file("R-1", extended: nil, resolved: thirty)
        try await file("R-2", extended: nil, resolved: thirty.adding(days: 1))
        let ninety = z.kit.profile.calendar.deadline(.days(90), from: forwarded).due
        try await file("R-3", extended: thirty, resolved: ninety)
        try await file("R-4", extended: thirty, resolved: ninety.adding(days: 1))
        // An extension after the 30 days ran out does not count.
        try await file("R-5", extended: thirty.adding(days: 1), resolved: thirty.adding(days: 5))
        #expect(
            try z.findings("investment.complaint.late-result", asOf: "2025-12-31").map { $0.fact("complaint") } == [
                "R-2", "R-5",
            ])
        #expect(
            try z.findings("investment.complaint.result-maximum", asOf: "2025-12-31").map { $0.fact("complaint") } == [
                "R-4"
            ])
    }

    @Test(
        "refusals write nothing: a promise to another investor, a payment above the promise, a step on an ended promise"
    )
    func refusals() async throws {
        let z = try await Zone()
        try await z.sign(
            "A", on: "2024-01-10",
            InvestmentPromised(
                "P-1", investor: z.maker.id, .subsidy, terms: "补助", amount: 100, due: day("2024-06-30"),
                legalBasis: "办法", reviewed: day("2024-01-01")))
        let head = z.kit.view.head.sequence
        await #expect(throws: CreditKitError.self) {
            try await z.kit.investment.record([
                z.deal("A").on(
                    day("2024-02-01"), InvestmentPromised("P-2", investor: z.large.id, .land, terms: "用地", due: nil))
            ])
        }
        await #expect(throws: CreditKitError.self) {
            try await z.kit.investment.fulfil(
                z.deal("A"), promise: "P-1", on: day("2024-03-01"), amount: 101, inFull: true)
        }
        try await z.kit.investment.fulfil(z.deal("A"), promise: "P-1", on: day("2024-03-01"), amount: 100, inFull: true)
        await #expect(throws: CreditKitError.self) {
            try await z.kit.investment.change(
                z.deal("A"), promise: "P-1", on: day("2024-04-01"), withdraws: true, reason: .other)
        }
        #expect(z.kit.view.head.sequence == head + 1)
    }
}

func amount(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

@Suite("Investment commitment ledger import")
struct InvestmentCSVTests {
    static let header = "协议编号,承诺单位,投资方,签约日期,项目,承诺编号,承诺类别,承诺内容,金额,兑现期限,公平竞争审查日期,法律依据"

    @Test("a commitment ledger: each agreement signed once, each promise a commitment; a bad row writes nothing")
    func imports() async throws {
        let z = try await Zone()
        let layout = InvestmentPromotionModule().csvLayouts[0]
        let rows = [
            Self.header,
            "ZS-1,\(z.zone.id),\(z.maker.id),2024-09-01,电池,P-1,土地,工业用地100亩,,2024-12-31,2024-08-20,土地管理法",
            "ZS-1,\(z.zone.id),\(z.maker.id),2024-09-01,电池,P-2,奖励补贴,设备补助,2000000,2025-06-30,,",
        ]
        let entries = try await z.kit.importCSV(rows.joined(separator: "\r\n"), layout: layout)
        #expect(
            entries.map(\.kind.rawValue) == [
                "investment.agreement.signed", "investment.promise.made", "investment.promise.made",
            ])
        #expect(try z.kit.commitments().count == 2)
        // P-2 has no legal basis and no review, from 2024-08-01: both findings.
        #expect(
            Set(try z.kit.investment.findings(asOf: day("2024-10-01")).map(\.rule.rawValue)) == [
                "investment.incentive.unlawful", "investment.incentive.unreviewed",
            ])
        let head = z.kit.view.head.sequence
        let bad = [Self.header, "ZS-2,\(z.zone.id),\(z.maker.id),2024-09-01,电池,P-1,补贴,设备补助,1,2025-06-30,,"]
        do {
            try await z.kit.importCSV(bad.joined(separator: "\n"), layout: layout)
            Issue.record("accepted an unknown category")
        } catch let error as CreditKitError {
            #expect(error.message.contains("line 2") && error.message.contains("承诺类别"))
        }
        #expect(z.kit.view.head.sequence == head)
    }
}

@Suite("Investment after the outside looks")
struct InvestmentAttackTests {
    let subsidy = { (z: Zone) in
        InvestmentPromised(
            "P-1", investor: z.maker.id, .subsidy, terms: "设备补助", amount: 1_000_000, due: day("2025-06-30"),
            legalBasis: "省产业扶持办法", reviewed: day("2024-01-01"))
    }

    @Test("an unlawful change moves no due day; a lawful one made once overdue moves none either")
    func dueDays() async throws {
        let z = try await Zone()
        try await z.sign("A", on: "2024-01-10", subsidy(z))
        try await z.sign("B", on: "2024-01-10", subsidy(z))
        // A: postponed for a new director; B: postponed lawfully, but only after it fell due.
        try await z.kit.investment.change(
            z.deal("A"), promise: "P-1", on: day("2025-05-01"), withdraws: false, reason: .leadershipChange,
            newTerms: "推迟一年", newDue: day("2026-06-30"))
        try await z.kit.investment.change(
            z.deal("B"), promise: "P-1", on: day("2025-07-15"), withdraws: false, reason: .publicInterest,
            procedure: "管委会会议纪要", compensationAgreed: 10_000, newTerms: "推迟一年", newDue: day("2026-06-30"))
        let late = try z.findings("investment.commitment.overdue", asOf: "2025-09-01")
        #expect(late.map { $0.fact("agreement") } == ["A", "B"])
        #expect(late.allSatisfy { $0.date("due") == day("2025-06-30") })
        // In the core, A's change moved nothing either.
        let a = try z.kit.investment.promise(z.deal("A"), "P-1").commitment
        #expect(
            z.kit.view.commitmentLifecycle(a).dueDate(original: day("2025-06-30"), asOf: day("2025-09-01"))
                == day("2025-06-30"))
    }

    @Test(
        "a withdrawal once overdue keeps the lateness; one for public interest without compensation is a breach in the core"
    )
    func withdrawals() async throws {
        let z = try await Zone()
        try await z.sign("A", on: "2024-01-10", subsidy(z))
        try await z.sign("B", on: "2024-01-10", subsidy(z))
        try await z.kit.investment.change(
            z.deal("A"), promise: "P-1", on: day("2025-08-01"), withdraws: true, reason: .publicInterest,
            procedure: "纪要", compensationAgreed: 50_000)
        try await z.kit.investment.change(
            z.deal("B"), promise: "P-1", on: day("2025-03-01"), withdraws: true, reason: .publicInterest)
        let late = try z.findings("investment.commitment.overdue", asOf: "2025-09-01")
        #expect(late.map { $0.fact("agreement") } == ["A"] && late.first?.fact("daysLate") == "32")
        let b = try z.kit.investment.promise(z.deal("B"), "P-1").commitment
        #expect(z.kit.view.commitmentLifecycle(b).outcome?.value == .breached(.publicInterest, "撤回：社会公共利益需要"))
        #expect(try z.kit.commitmentStats(of: z.zone.id, asOf: day("2025-09-01")).breached == 1)
    }

    @Test("an obligation added after the promise excuses nothing; 'in full' must be in full; amounts in whole fen")
    func defaultsAndPayments() async throws {
        let z = try await Zone()
        try await z.sign("A", on: "2024-01-10", subsidy(z))
        try await z.kit.investment.record([
            z.deal("A").on(day("2025-02-01"), InvestorObligationSet("O-1", terms: "补签投资承诺", due: day("2025-02-10"))),
            z.deal("A").on(day("2025-03-01"), InvestorDefaulted("O-1", note: "事后补记")),
        ])
        #expect(try z.findings("investment.commitment.overdue", asOf: "2025-09-01").count == 1)
        await #expect(throws: CreditKitError.self) {
            try await z.kit.investment.fulfil(
                z.deal("A"), promise: "P-1", on: day("2025-09-02"), amount: 1, inFull: true)
        }
        await #expect(throws: CreditKitError.self) {
            try await z.kit.investment.fulfil(
                z.deal("A"), promise: "P-1", on: day("2025-09-02"), amount: amount("0.001"), inFull: false)
        }
    }

    @Test("import: a policy's promise before the signing keeps its own day; an agreement restated otherwise is refused")
    func importPolicyAndConflicts() async throws {
        let z = try await Zone()
        let layout = InvestmentPromotionModule().csvLayouts[0]
        let header = "协议编号,承诺单位,投资方,签约日期,项目,承诺编号,承诺类别,承诺内容,金额,兑现期限,承诺日期,来源,法律依据,公平竞争审查日期"
        let rows = [
            header,
            "ZS-1,\(z.zone.id),\(z.maker.id),2024-09-01,电池,P-1,奖励补贴,落户奖励,500000,2025-06-30,2024-05-01,政策,省办法,2024-04-20",
        ]
        try await z.kit.importCSV(rows.joined(separator: "\n"), layout: layout)
        let commitment = try #require(try z.kit.commitments().first)
        #expect(commitment.1.madeOn == day("2024-05-01") && commitment.1.terms.hasPrefix("协议ZS-1 P-1 "))
        // Judged by the rules in force on the policy's day (2024-05-01, before the review rule): nothing.
        #expect(try z.kit.investment.findings(asOf: day("2024-10-01")).isEmpty)
        let head = z.kit.view.head.sequence
        for (bad, column) in [
            ("ZS-1,\(z.zone.id),\(z.maker.id),2024-09-01,电池二期,P-2,土地,用地,,,,,,", "项目"),
            ("ZS-1,\(z.zone.id),\(z.maker.id),2024-09-02,电池,P-2,土地,用地,,,,,,", "签约日期"),
        ] {
            do {
                try await z.kit.importCSV([header, bad].joined(separator: "\n"), layout: layout)
                Issue.record("accepted a restated agreement")
            } catch let error as CreditKitError {
                #expect(error.message.contains(column), "\(error.message)")
            }
        }
        #expect(z.kit.view.head.sequence == head)
    }

    @Test("a case number in decomposed form, or with control characters, is refused")
    func caseNumbers() async throws {
        let z = try await Zone()
        let decomposed = "ZS-Cafe\u{301}"
        await #expect(throws: CreditKitError.self) {
            try await z.sign(CaseID(rawValue: decomposed), on: "2024-01-10", subsidy(z))
        }
        await #expect(throws: CreditKitError.self) {
            try await z.sign("ZS-\u{1B}[2J", on: "2024-01-10", subsidy(z))
        }
        try await z.sign("ZS-Caf\u{E9}", on: "2024-01-10", subsidy(z))
        #expect(CSVTable.plainDecimal(String(repeating: "9", count: 39)) == nil)
        #expect(CSVTable.plainDecimal(String(repeating: "9", count: 38)) != nil)
    }
}
