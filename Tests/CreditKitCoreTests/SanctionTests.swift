import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Credit check and joint sanctions")
struct CreditCheckTests {
    func date(_ s: String) -> LocalDate { LocalDate(s)! }

    func restricted(_ world: LifecycleWorld, _ subject: SubjectID, _ purpose: CheckPurpose, _ day: String) -> Bool {
        !(world.kit.check(subject, for: purpose, on: date(day))?.allowed ?? true)
    }

    @Test("one serious unexecuted judgment brings several departments' measures")
    func jointSanctions() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record("2026-03-02", basis: .unexecutedJudgment, severity: .serious)
        var departments: Set<String> = []
        for purpose in CheckPurpose.allCases {
            let check = try #require(world.kit.check(world.bureau.id, for: purpose, on: date("2026-03-02")))
            departments.formUnion(check.restrictions.map(\.department))
            for reason in check.restrictions {
                #expect(reason.record == id && reason.from == date("2026-03-02") && !reason.legalBasis.isEmpty)
            }
        }
        #expect(departments.count >= 3, "\(departments)")
        let funding = try #require(world.kit.check(world.bureau.id, for: .funding, on: date("2026-03-02")))
        #expect(funding.restrictions.map(\.measure) == [.fundingLimit] && funding.restrictions[0].department == "财政部门")
        #expect(world.kit.check(world.bureau.id, for: .tenderParticipation, on: date("2026-03-02"))?.allowed == true)
    }

    @Test("a measure starts on the decision day and ends after its last day")
    func startAndExpiry() async throws {
        let world = try await LifecycleWorld()
        _ = try await world.record("2025-03-10", basis: .administrativePenalty, severity: .ordinary)
        // Ordinary: honours withdrawn for 1 year, so 2025-03-10 through 2026-03-09.
        #expect(!restricted(world, world.bureau.id, .honours, "2025-03-09"))
        #expect(restricted(world, world.bureau.id, .honours, "2025-03-10"))
        #expect(restricted(world, world.bureau.id, .honours, "2026-03-09"))
        #expect(!restricted(world, world.bureau.id, .honours, "2026-03-10"))
        let last = world.kit.check(world.bureau.id, for: .honours, on: date("2026-03-09"))?.restrictions.first
        #expect(last?.until == date("2026-03-09") && last?.rule == "sanction.agency.ordinary")
    }

    @Test("revocation and repair end the measures on their day")
    func revocationAndRepair() async throws {
        let world = try await LifecycleWorld()
        let revoked = try await world.record("2026-04-01", severity: .ordinary)
        let o = try await world.kit.fileObjection(revoked, on: date("2026-04-10"), by: world.bureau.id, grounds: "主体错误")
        try await world.kit.resolveObjection(
            o, of: revoked, on: date("2026-04-20"), outcome: .revoked, office: nil, reason: "错误")
        #expect(restricted(world, world.bureau.id, .honours, "2026-04-19"))
        #expect(!restricted(world, world.bureau.id, .honours, "2026-04-20"))

        let other = try await LifecycleWorld()
        let repaired = try await other.record("2026-04-01", severity: .ordinary)
        let app = try await other.kit.applyForRepair(repaired, on: date("2026-07-06"), by: other.bureau.id)
        try await other.kit.decideRepair(
            app, of: repaired, on: date("2026-07-08"), granted: true, office: nil, reason: "已整改")
        #expect(restricted(other, other.bureau.id, .honours, "2026-07-07"))
        #expect(!restricted(other, other.bureau.id, .honours, "2026-07-08"))
    }

    @Test("leniency halves the measures, or exempts from them")
    func leniency() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record("2025-03-10", severity: .ordinary)
        try await world.kit.grantLeniency(
            id, on: date("2025-03-20"), ground: .lossRecovered, effect: .mitigate, decidedBy: "市政府")
        // One year halved: 2025-03-10 + 182 days = 2025-09-08 is the last day.
        #expect(restricted(world, world.bureau.id, .honours, "2025-09-08"))
        #expect(!restricted(world, world.bureau.id, .honours, "2025-09-09"))
        #expect(
            world.kit.check(world.bureau.id, for: .honours, on: date("2025-04-01"))?.restrictions.first?.adjustment?
                .contains("从轻") == true)

        let other = try await LifecycleWorld()
        let exempt = try await other.record("2025-03-10", severity: .ordinary)
        try await other.kit.grantLeniency(
            exempt, on: date("2025-03-20"), ground: .harmPrevented, effect: .exempt, decidedBy: "市政府")
        #expect(restricted(other, other.bureau.id, .honours, "2025-03-19"))
        #expect(!restricted(other, other.bureau.id, .honours, "2025-03-20"))
        await #expect(throws: CreditKitError.self) {
            try await other.kit.grantLeniency(
                exempt, on: date("2025-03-21"), ground: .harmPrevented, effect: .exempt, decidedBy: "市政府")
        }
    }

    @Test("sanctions reach the responsible official, after a transfer too; the trace still names them")
    func responsibleOfficial() async throws {
        let world = try await LifecycleWorld()
        let director = try await world.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 5), name: "钱立新", on: date("2020-01-01"))
        let tenure = try await world.kit.startTenure(
            Tenure(
                official: director.id, agency: world.bureau.id, post: "局长", isPrincipal: true, start: date("2021-01-01")
            ))
        var record = Fixtures.record(
            subject: world.bureau.id, decisionDate: date("2026-02-02"), basis: .courtJudgment, severity: .serious,
            responsible: [director.id])
        record.actDate = date("2025-06-01")
        let id = try await world.kit.enter(record)
        try await world.kit.endTenure(tenure, on: date("2026-03-31"), reason: .transfer)
        try await world.kit.startTenure(
            Tenure(
                official: director.id, agency: world.regulator.id, post: "副局长", isPrincipal: false,
                start: date("2026-04-01")))

        let check = try #require(world.kit.check(director.id, for: .appointmentPromotion, on: date("2026-06-01")))
        #expect(!check.allowed && check.restrictions.first?.rule == "sanction.official.responsible")
        #expect(check.restrictions.first?.record == id)
        let trace = world.kit.view.responsibility(for: world.bureau.id, on: record.actDate)
        #expect(trace.principal?.official == director.id)
        #expect(trace.principal?.career.count == 2 && trace.principal?.isInPost == true)
        // The tenure change does not change who answers for the act date.
        let later = world.kit.view.responsibility(for: world.bureau.id, on: date("2026-04-15"))
        #expect(later.principal == nil)
    }

    @Test("a commendation gives priority for honours for a year")
    func incentives() async throws {
        let world = try await LifecycleWorld()
        var good = Fixtures.record(subject: world.bureau.id, decisionDate: date("2026-01-05"), basis: .commendation)
        good.polarity = .good
        good.severity = nil
        try await world.kit.enter(good)
        let check = try #require(world.kit.check(world.bureau.id, for: .honours, on: date("2026-06-01")))
        #expect(check.allowed && check.incentives.map(\.incentive) == [.priorityHonours])
        #expect(world.kit.check(world.bureau.id, for: .honours, on: date("2027-01-05"))?.incentives.isEmpty == true)
        #expect(world.kit.check("UNKNOWN", for: .honours, on: date("2026-06-01")) == nil)
        // A serious record restricts honours: the restriction prevails, and no priority is offered beside it.
        _ = try await world.record("2026-03-02", severity: .serious)
        let both = try #require(world.kit.check(world.bureau.id, for: .honours, on: date("2026-06-01")))
        #expect(!both.allowed && both.incentives.isEmpty)
    }

    @Test("rectification is due within 3 months of the decision: last allowed day and first late one")
    func rectification() async throws {
        let world = try await LifecycleWorld()
        let onTime = try await world.record("2026-01-15", severity: .minor)
        let late = try await world.record("2026-01-15", severity: .minor)
        try await world.kit.rectified(onTime, on: date("2026-04-15"), summary: "已完成整改并报告")
        #expect(try world.kit.sanctionFindings(asOf: date("2026-04-15")).isEmpty)
        let open = try world.kit.sanctionFindings(asOf: date("2026-04-16"))
        #expect(open.map(\.evidence.first) == [late.entry])
        try await world.kit.rectified(late, on: date("2026-04-16"), summary: "逾期完成整改")
        let f = try #require(try world.kit.sanctionFindings(asOf: date("2026-05-01")).first)
        #expect(f.fact("state") == "rectified late" && f.fact("daysLate") == "1" && f.rule == "sanction.rectification")
    }
}

@Suite("Commitments")
struct CommitmentTests {
    func date(_ s: String) -> LocalDate { LocalDate(s)! }

    func commitment(_ world: LifecycleWorld, due: String) async throws -> Commitment.ID {
        try await world.kit.make(
            Commitment(
                promisor: world.bureau.id, beneficiary: "社会公众", kind: .timeLimit, terms: "许可事项5个工作日办结",
                madeOn: date("2026-01-05"), dueDate: date(due)))
    }

    @Test("fulfilled on the due date is on time; a day later is late; open past due is overdue")
    func fulfilment() async throws {
        let world = try await LifecycleWorld()
        let a = try await commitment(world, due: "2026-06-30")
        let b = try await commitment(world, due: "2026-06-30")
        let c = try await commitment(world, due: "2026-06-30")
        try await world.kit.publish(a, on: date("2026-01-06"), channel: "政府网站")
        try await world.kit.end(a, on: date("2026-06-30"), outcome: .fulfilled)
        try await world.kit.end(b, on: date("2026-07-01"), outcome: .fulfilled)
        #expect(try world.kit.commitmentFindings(asOf: date("2026-06-30")).isEmpty)
        let findings = try world.kit.commitmentFindings(asOf: date("2026-07-01"))
        #expect(Set(findings.map { $0.fact("state") ?? "" }) == ["fulfilled late", "open past its due date"])
        #expect(findings.allSatisfy { $0.rule == "commitment.overdue" && $0.subject == world.bureau.id })
        let stats = try world.kit.commitmentStats(of: world.bureau.id, asOf: date("2026-07-01"))
        #expect(stats.made == 3 && stats.fulfilledOnTime == 1 && stats.fulfilledLate == 1 && stats.overdue == 1)
        #expect(stats.fulfilmentRate == 1.0 / 3.0)
        _ = c
    }

    @Test("a breach blamed on new leadership is a serious finding; a lawful change needs authority and procedure")
    func leadershipChange() async throws {
        let world = try await LifecycleWorld()
        let a = try await commitment(world, due: "2026-12-31")
        try await world.kit.end(a, on: date("2026-05-01"), outcome: .breached(.leadershipChange, "新任领导班子不认可前任承诺"))
        let f = try #require(try world.kit.commitmentFindings(asOf: date("2026-05-02")).first)
        #expect(f.rule == "commitment.leadership-change" && f.severity == .serious)
        #expect(f.fact("statedReason") == "领导人员更替")

        let b = try await commitment(world, due: "2026-12-31")
        await #expect(throws: CreditKitError.self) {
            try await world.kit.change(
                b, on: date("2026-05-01"),
                change: CommitmentChange(
                    reason: .publicInterest, approvingAuthority: "", procedureDocument: "", compensation: 0,
                    newTerms: "延期", newDueDate: date("2027-06-30")))
        }
        try await world.kit.change(
            b, on: date("2026-05-01"),
            change: CommitmentChange(
                reason: .publicInterest, approvingAuthority: "秦皇岛市人民政府", procedureDocument: "秦政函〔2026〕8号",
                compensation: 120_000, newTerms: "延期至2027年6月30日", newDueDate: date("2027-06-30")))
        #expect(
            try world.kit.commitmentFindings(asOf: date("2027-01-05")).map(\.rule) == ["commitment.leadership-change"])
        let c = try await commitment(world, due: "2026-12-31")
        try await world.kit.change(
            c, on: date("2026-05-01"),
            change: CommitmentChange(
                reason: .governmentTermChange, approvingAuthority: "", procedureDocument: "", compensation: 0,
                newTerms: "取消", newDueDate: nil))
        #expect(
            try world.kit.commitmentFindings(asOf: date("2026-05-02")).filter {
                $0.rule == "commitment.leadership-change"
            }.count == 2)
        await #expect(throws: CreditKitError.self) {
            try await world.kit.end(a, on: date("2026-05-03"), outcome: .fulfilled)
        }
    }
}

@Suite("Sanction policy by sector")
struct SectorPolicyTests {
    @Test("a sector rule reaches only records of its sector, and survives reopening")
    func sectorRule() async throws {
        let policy = SanctionPolicy(
            rules: [
                SanctionRule(
                    id: "sanction.procurement.tender-ban", severities: [.ordinary], subjectKinds: [.enterprise],
                    target: .recordSubject, sectors: ["procurement"],
                    measures: [DepartmentMeasure("财政部门", .tenderExclusion, .years(1))],
                    legalBasis: [LegalCitation(document: "《政府采购法》", article: "第七十七条")], confirmed: true)
            ], incentives: [])
        let store = InMemoryLedgerStore()
        let clock = SteppingClock(start: Timestamp(startOf: LocalDate("2026-11-23")!))
        let kit = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: clock, policy: policy)
        let a = Fixtures.enterprise(index: 1)
        let b = Fixtures.enterprise(index: 2)
        try await kit.register(a, on: LocalDate("2020-01-01")!)
        try await kit.register(b, on: LocalDate("2020-01-01")!)
        var inSector = Fixtures.record(subject: a.id, decisionDate: LocalDate("2026-03-02")!)
        inSector.sector = "procurement"
        try await kit.enter(inSector)
        try await kit.enter(Fixtures.record(subject: b.id, decisionDate: LocalDate("2026-03-02")!))
        let day = LocalDate("2026-06-01")!
        #expect(
            kit.check(a.id, for: .tenderParticipation, on: day)?.restrictions.map(\.rule) == [
                "sanction.procurement.tender-ban"
            ])
        #expect(kit.check(b.id, for: .tenderParticipation, on: day)?.allowed == true)
        try await kit.close()
        let reopened = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: clock, policy: policy)
        #expect(reopened.ledger.restoration.usedCheckpoint)
        #expect(reopened.check(a.id, for: .tenderParticipation, on: day)?.allowed == false)
    }
}

@Suite("Commitment breach")
struct CommitmentBreachTests {
    @Test("a breach for another reason is an ordinary finding; before the breach there is none")
    func breach() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.kit.make(
            Commitment(
                promisor: world.bureau.id, beneficiary: "投资方", kind: .contract, terms: "按期完成道路配套",
                madeOn: LocalDate("2026-01-05")!, dueDate: LocalDate("2026-12-31")!))
        try await world.kit.end(id, on: LocalDate("2026-06-01")!, outcome: .breached(.other, "资金不足"))
        #expect(try world.kit.commitmentFindings(asOf: LocalDate("2026-05-31")!).isEmpty)
        let f = try #require(try world.kit.commitmentFindings(asOf: LocalDate("2026-06-01")!).first)
        #expect(f.rule == "commitment.breach" && f.severity == .ordinary && f.fact("statedReason") == "其他理由")
    }
}
