import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("The official's integrity file and grade (公务员诚信档案)")
struct OfficialFileTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    /// A bureau, its regulator, and one official of the bureau.
    func world(_ model: OfficialGradeModel = .standard) async throws -> (LifecycleWorld, SubjectID) {
        var profile = JurisdictionProfile.national
        profile.officialGradeModel = model
        let world = try await LifecycleWorld(profile: profile, today: "2026-11-23")
        let official = try await world.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 11), name: "钱守信", on: day("2020-01-01"))
        try await world.kit.startTenure(
            Tenure(
                official: official.id, agency: world.bureau.id, post: "局长", isPrincipal: true, start: day("2021-03-01"))
        )
        return (world, official.id)
    }

    func assess(_ world: LifecycleWorld, _ official: SubjectID, _ year: Int, _ result: AssessmentResult) async throws {
        try await world.kit.append(
            AnnualAssessmentRecorded(
                official: official, year: year, result: result, on: day("\(year + 1)-01-20"), by: "县委组织部"))
    }

    func train(_ world: LifecycleWorld, _ official: SubjectID, on: String = "2026-06-01") async throws {
        try await world.kit.append(
            IntegrityTrainingCompleted(official: official, course: "政务诚信专题培训", hours: 4, on: day(on)))
    }

    func grade(_ world: LifecycleWorld, _ official: SubjectID, on: String = "2026-11-23") -> OfficialGrade {
        world.kit.view.officialGrade(of: official, on: day(on), model: world.kit.profile.officialGradeModel)!
    }

    /// A model whose missing-training item is −0.5, so each band's edge can be met exactly and missed by half a point.
    var halfPointModel: OfficialGradeModel {
        var model = OfficialGradeModel.standard
        model.noTraining = -0.5
        return model
    }

    @Test(
        "each band at its threshold and half a point below: 90 excellent / 89.5 good, 75 good / 74.5 fair, 60 fair / 59.5 poor",
        arguments: [
            (Decimal(0), OfficialGradeBand.excellent, OfficialGradeBand.good),
            (Decimal(-15), .good, .fair),
            (Decimal(-30), .fair, .poor),
        ])
    func bandEdges(recordPoints: Decimal, atEdge: OfficialGradeBand, below: OfficialGradeBand) async throws {
        for trained in [true, false] {
            let (world, official) = try await world(halfPointModel)
            try await assess(world, official, 2025, .basicallyCompetent)  // −10
            if recordPoints < 0 {
                // A recent record of the official: −15 ordinary, −30 serious.
                let severity: Severity = recordPoints == -15 ? .ordinary : .serious
                _ = try await world.record(
                    "2026-09-01", basis: .disciplinarySanction, severity: severity, subject: official)
            }
            if trained { try await train(world, official) }
            let g = grade(world, official)
            let expected = 90 + recordPoints - (trained ? 0 : Decimal(string: "0.5")!)
            #expect(g.score == expected, "\(g.items.map(\.reason))")
            #expect(g.band == (trained ? atEdge : below), "score \(g.score)")
            // Every point is explained by an item.
            #expect(g.items.reduce(g.base) { $0 + $1.points } == g.score)
        }
    }

    @Test("a poor grade restricts appointment and honours (official.bar.poor-grade); fair does not")
    func poorGradeBars() async throws {
        let (world, official) = try await world(halfPointModel)
        try await assess(world, official, 2025, .basicallyCompetent)
        _ = try await world.record("2026-09-01", basis: .disciplinarySanction, severity: .serious, subject: official)
        try await train(world, official)
        func barred(_ purpose: CheckPurpose) -> Bool {
            world.kit.check(official, for: purpose)!.restrictions.contains { $0.rule == "official.bar.poor-grade" }
        }
        #expect(grade(world, official).score == 60 && !barred(.appointmentPromotion) && !barred(.honours))
        // Half a point more against: 59.5, poor.
        var model = halfPointModel
        model.lateReport = Decimal(string: "-0.5")!
        try await world.kit.append(
            PersonalMattersReportRequired(official: official, year: 2025, due: day("2026-01-31"), on: day("2026-01-05"))
        )
        try await world.kit.append(PersonalMattersReportFiled(official: official, year: 2025, on: day("2026-02-01")))
        let view = world.kit.view
        let g = view.officialGrade(of: official, on: day("2026-11-23"), model: model)!
        #expect(g.score == Decimal(string: "59.5")! && g.band == .poor)
        for purpose in [CheckPurpose.appointmentPromotion, .honours] {
            let check = view.check(
                official, for: purpose, on: day("2026-11-23"), policy: world.kit.policy, officials: model)!
            #expect(check.restrictions.contains { $0.rule == "official.bar.poor-grade" })
        }
        let funding = view.check(
            official, for: .funding, on: day("2026-11-23"), policy: world.kit.policy, officials: model)!
        #expect(!funding.restrictions.contains { $0.rule == "official.bar.poor-grade" })
    }

    @Test(
        "personal-matters reports: filed on the due day costs nothing, a day late −5; unfiled costs −10 from the day after"
    )
    func reports() async throws {
        let (world, official) = try await world()
        try await train(world, official)
        for year in [2024, 2025] {
            try await world.kit.append(
                PersonalMattersReportRequired(
                    official: official, year: year, due: day("\(year + 1)-01-31"), on: day("\(year + 1)-01-05")))
        }
        try await world.kit.append(PersonalMattersReportFiled(official: official, year: 2024, on: day("2025-01-31")))
        func rules(_ on: String) -> [String] { grade(world, official, on: on).items.map(\.rule.rawValue) }
        #expect(!rules("2026-01-31").contains("official.grade.report-unfiled"), "the due day itself is in time")
        #expect(rules("2026-02-01").contains("official.grade.report-unfiled"))
        #expect(!rules("2026-02-01").contains("official.grade.report-late"))
        try await world.kit.append(PersonalMattersReportFiled(official: official, year: 2025, on: day("2026-02-01")))
        let late = grade(world, official).items.filter { $0.rule == "official.grade.report-late" }
        #expect(late.count == 1 && late[0].points == -5 && late[0].reason.contains("2025年度"))
        #expect(!grade(world, official).items.contains { $0.rule == "official.grade.report-unfiled" })
    }

    @Test(
        "accountability bars appointment for its period: an admonishing talk through the last day of six months, not after"
    )
    func accountabilityBar() async throws {
        let (world, official) = try await world()
        let decision = try await world.kit.record(
            MajorDecisionMade(agency: world.bureau.id, title: "老城区改造", decidedOn: day("2025-06-01"), steps: []))
        try await world.kit.holdAccountable(
            official, for: decision, of: world.bureau.id, form: .admonishingTalk, on: day("2026-03-10"), by: "县纪委监委")
        func bar(_ on: String) -> CreditCheck.Reason? {
            world.kit.view.check(official, for: .appointmentPromotion, on: day(on), policy: world.kit.policy)!
                .restrictions.first { $0.rule == "official.bar.accountability" }
        }
        #expect(bar("2026-03-09") == nil)
        #expect(bar("2026-03-10")?.until == day("2026-09-09"))
        #expect(bar("2026-09-09") != nil && bar("2026-09-10") == nil)
        #expect(bar("2026-03-10")?.record.rawValue == decision.rawValue + 1)
        // Honours are not barred by the talk itself.
        #expect(
            !world.kit.view.check(official, for: .honours, on: day("2026-04-01"), policy: world.kit.policy)!
                .restrictions.contains { $0.rule == "official.bar.accountability" })
        let g = grade(world, official)
        #expect(g.items.contains { $0.rule == "official.grade.accountability" && $0.points == -10 })
    }

    @Test("a concealment found bars appointment for a year from the finding")
    func concealment() async throws {
        let (world, official) = try await world()
        try await world.kit.append([
            PersonalMattersReportRequired(
                official: official, year: 2025, due: day("2026-01-31"), on: day("2026-01-05")),
            PersonalMattersReportFiled(official: official, year: 2025, on: day("2026-01-20")),
            PersonalMattersReportVerified(
                official: official, year: 2025, outcome: .concealment, on: day("2026-04-15"), by: "县委组织部"),
        ])
        func barred(_ on: String) -> Bool {
            world.kit.view.check(official, for: .appointmentPromotion, on: day(on), policy: world.kit.policy)!
                .restrictions.contains { $0.rule == "official.bar.concealment" }
        }
        #expect(!barred("2026-04-14") && barred("2026-04-15") && barred("2027-04-14") && !barred("2027-04-15"))
        #expect(
            grade(world, official).items.contains {
                $0.rule == "official.grade.report-verification" && $0.points == -30
            })
    }

    @Test("bad file facts are refused and write nothing")
    func refusals() async throws {
        let (world, official) = try await world()
        try await assess(world, official, 2024, .competent)
        let head = await world.kit.ledger.head
        let bad: [[any LedgerEvent]] = [
            [
                AnnualAssessmentRecorded(
                    official: official, year: 2024, result: .excellent, on: day("2025-02-01"), by: "组织部")
            ],
            [
                AnnualAssessmentRecorded(
                    official: official, year: 2026, result: .excellent, on: day("2026-11-01"), by: "组织部")
            ],
            [
                AnnualAssessmentRecorded(
                    official: world.bureau.id, year: 2025, result: .excellent, on: day("2026-01-20"), by: "组织部")
            ],
            [PersonalMattersReportFiled(official: official, year: 2025, on: day("2026-01-20"))],
            [
                PersonalMattersReportRequired(
                    official: official, year: 2025, due: day("2026-01-31"), on: day("2026-01-05")),
                PersonalMattersReportVerified(
                    official: official, year: 2025, outcome: .consistent, on: day("2026-02-01"), by: "组织部"),
            ],
            [
                PersonalMattersReportRequired(
                    official: official, year: 2025, due: day("2026-01-31"), on: day("2026-01-05")),
                PersonalMattersReportFiled(official: official, year: 2025, on: day("2026-01-04")),
            ],
            [IntegrityTrainingCompleted(official: official, course: "培训", hours: 0, on: day("2026-06-01"))],
            [HonourAwarded(official: official, title: " ", level: .county, on: day("2026-06-01"))],
        ]
        for batch in bad {
            await #expect(throws: CreditKitError.self) { try await world.kit.append(batch) }
        }
        #expect(await world.kit.ledger.head == head)
    }

    @Test("the file: the name from the vault for operators, never for the public; honours capped; it survives a reopen")
    func fileAndReopen() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-official-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let clock = SteppingClock(start: Timestamp(startOf: day("2026-11-23")))
        var kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: clock)
        let bureau = Fixtures.agency(index: 1)
        try await kit.register(bureau, on: day("2020-01-01"))
        let official = try await kit.registerOfficial(
            residentID: Fixtures.residentID(index: 12), name: "孙立诚", on: day("2020-01-01")
        ).id
        try await kit.append([
            AnnualAssessmentRecorded(
                official: official, year: 2024, result: .excellent, on: day("2025-01-20"), by: "组织部"),
            AnnualAssessmentRecorded(
                official: official, year: 2025, result: .excellent, on: day("2026-01-20"), by: "组织部"),
            HonourAwarded(official: official, title: "全国优秀公务员", level: .national, on: day("2025-05-01")),
            HonourAwarded(official: official, title: "全省优秀公务员", level: .provincial, on: day("2025-09-01")),
            HonourAwarded(official: official, title: "市级先进个人", level: .municipal, on: day("2026-05-01")),
            IntegrityTrainingCompleted(official: official, course: "诚信教育", hours: 3, on: day("2026-03-01")),
        ])
        let file = try kit.officialFile(of: official)
        // 100 + 5 + 5 + honours capped at 10 (5 + 4 + 1 of 3) = 120, held at 100.
        #expect(file.grade.score == 100 && file.grade.band == .excellent)
        #expect(file.grade.items.filter { $0.rule == "official.grade.honour" }.map(\.points) == [5, 4, 1])
        #expect(file.name == "孙立诚" && file.markdown.contains("# 公务员诚信档案：孙立诚"))
        #expect(file.markdown.contains("全国优秀公务员") && !file.markdown.contains(official.rawValue))
        #expect(throws: CreditKitError.self) { try kit.acting(as: .anonymous).officialFile(of: official) }
        try await kit.close()
        kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: clock)
        #expect(kit.ledger.restoration.warnings.isEmpty)
        #expect(try kit.officialFile(of: official).grade == file.grade)
        #expect(kit.view.officialFacts[official]?.count == 6)
    }
}

@Suite("Decision accountability: grounds in law, appeals (新巴尔虎左旗重大行政决策终身责任追究制度 arts. 13, 16)")
struct AccountabilityAppealTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func world() async throws -> (LifecycleWorld, SubjectID, LedgerEntry.ID) {
        let world = try await LifecycleWorld(today: "2026-11-23")
        let official = try await world.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 21), name: "周正", on: day("2020-01-01")
        ).id
        let decision = try await world.kit.record(
            MajorDecisionMade(agency: world.bureau.id, title: "城区停车收费调整", decidedOn: day("2025-06-01"), steps: []))
        return (world, official, decision)
    }

    func bar(_ world: LifecycleWorld, _ official: SubjectID, _ on: String) -> CreditCheck.Reason? {
        world.kit.view.check(official, for: .appointmentPromotion, on: day(on), policy: world.kit.policy)!
            .restrictions.first { $0.rule == "official.bar.accountability" }
    }

    @Test("an appeal that revokes a removal lifts its bar and its deduction from the appeal's day, not before")
    func revokedFromItsDay() async throws {
        let (world, official, decision) = try await world()
        try await world.kit.holdAccountable(
            official, for: decision, of: world.bureau.id, form: .removal, on: day("2026-02-01"), by: "旗纪委监委")
        let applied = LedgerEntry.ID(decision.rawValue + 1)
        let filed = try await world.kit.append(
            AccountabilityAppealFiled(
                accountability: applied, official: official, on: day("2026-02-10"), grounds: "事实不清"))
        try await world.kit.append(
            AccountabilityAppealDecided(
                appeal: filed.id, official: official, outcome: .revoked, on: day("2026-05-20"), by: "旗委组织部"))
        // The day before the revocation the removal still bars appointment and costs 30 points; from that day neither.
        #expect(bar(world, official, "2026-05-19")?.until == day("2027-01-31"))
        #expect(bar(world, official, "2026-05-20") == nil)
        let before = world.kit.view.officialGrade(of: official, on: day("2026-05-19"))!
        let after = world.kit.view.officialGrade(of: official, on: day("2026-05-20"))!
        #expect(before.items.contains { $0.rule == "official.grade.accountability" && $0.points == -30 })
        let lifted = try #require(after.items.first { $0.rule == "official.grade.accountability" })
        #expect(lifted.points == 0 && lifted.reason.contains("撤销") && after.score == before.score + 30)
        // As the ledger knew it before the revocation was recorded, the bar stood on a later day too.
        let early = try #require(
            world.kit.view.check(
                official, for: .appointmentPromotion, on: day("2026-06-01"), policy: world.kit.policy,
                knownAt: filed.recordedAt))
        #expect(early.restrictions.contains { $0.rule == "official.bar.accountability" })
    }

    @Test(
        "a change replaces the form from the appeal's day: a removal changed to an admonishing talk bars 6 months from the original day"
    )
    func changed() async throws {
        let (world, official, decision) = try await world()
        try await world.kit.holdAccountable(
            official, for: decision, of: world.bureau.id, form: .removal, on: day("2026-02-01"), by: "旗纪委监委")
        let filed = try await world.kit.append(
            AccountabilityAppealFiled(
                accountability: LedgerEntry.ID(decision.rawValue + 1), official: official, on: day("2026-02-10"),
                grounds: "处理过重"))
        try await world.kit.append(
            AccountabilityAppealDecided(
                appeal: filed.id, official: official, outcome: .changed, newForm: .admonishingTalk,
                on: day("2026-03-01"), by: "旗委组织部"))
        #expect(bar(world, official, "2026-02-28")?.until == day("2027-01-31"))
        #expect(bar(world, official, "2026-03-01")?.until == day("2026-07-31"))
        #expect(bar(world, official, "2026-07-31") != nil && bar(world, official, "2026-08-01") == nil)
        let g = world.kit.view.officialGrade(of: official, on: day("2026-03-01"))!
        #expect(
            g.items.contains {
                $0.rule == "official.grade.accountability" && $0.points == -10 && $0.reason.contains("变更")
            })
    }

    @Test(
        "an exempting ground refuses accountability for that decision; a mitigating one is shown in the decision's findings"
    )
    func grounds() async throws {
        let (world, official, decision) = try await world()
        let other = try await world.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 22), name: "吴明", on: day("2020-01-01")
        ).id
        let basis = [LegalCitation(document: "《中国共产党问责条例》", article: "第十九条")]
        try await world.kit.append([
            AccountabilityGroundRecorded(
                decision: decision, agency: world.bureau.id, official: official, effect: .exempt,
                ground: "决策前已书面提出明确反对意见", basis: basis, on: day("2026-01-20"), by: "旗纪委监委"),
            AccountabilityGroundRecorded(
                decision: decision, agency: world.bureau.id, official: other, effect: .mitigate,
                ground: "主动挽回损失", basis: basis, on: day("2026-01-20"), by: "旗纪委监委"),
        ])
        let head = await world.kit.ledger.head
        await #expect(throws: CreditKitError.self) {
            try await world.kit.holdAccountable(
                official, for: decision, of: world.bureau.id, form: .criticism, on: day("2026-02-01"), by: "旗纪委监委")
        }
        #expect(await world.kit.ledger.head == head)
        try await world.kit.holdAccountable(
            other, for: decision, of: world.bureau.id, form: .criticism, on: day("2026-02-01"), by: "旗纪委监委")
        let findings = try world.kit.decisionFindings(asOf: day("2026-03-01"))
        let facts = findings.flatMap(\.facts).filter { $0.name == "ground" }.map(\.value)
        #expect(facts.contains { $0.contains("免予追究") && $0.contains("第十九条") && $0.contains(official.rawValue) })
        #expect(facts.contains { $0.contains("减轻追究") && $0.contains(other.rawValue) })
    }

    @Test("bad grounds and appeals are refused and write nothing")
    func refusals() async throws {
        let (world, official, decision) = try await world()
        try await world.kit.holdAccountable(
            official, for: decision, of: world.bureau.id, form: .suspension, on: day("2026-02-01"), by: "旗纪委监委")
        let applied = LedgerEntry.ID(decision.rawValue + 1)
        let filed = try await world.kit.append(
            AccountabilityAppealFiled(accountability: applied, official: official, on: day("2026-02-10"), grounds: "不服")
        )
        let head = await world.kit.ledger.head
        let bad: [any LedgerEvent] = [
            AccountabilityGroundRecorded(
                decision: decision, agency: world.bureau.id, official: official, effect: .exempt, ground: "理由",
                basis: [], on: day("2026-01-20"), by: "纪委"),
            AccountabilityGroundRecorded(
                decision: decision, agency: world.regulator.id, official: official, effect: .exempt, ground: "理由",
                basis: [LegalCitation(document: "《条例》")], on: day("2026-01-20"), by: "纪委"),
            AccountabilityAppealFiled(
                accountability: applied, official: official, on: day("2026-02-11"), grounds: "再诉"),
            AccountabilityAppealFiled(
                accountability: decision, official: official, on: day("2026-02-11"), grounds: "错"),
            AccountabilityAppealDecided(
                appeal: filed.id, official: official, outcome: .changed, on: day("2026-03-01"), by: "组织部"),
            AccountabilityAppealDecided(
                appeal: filed.id, official: official, outcome: .changed, newForm: .suspension, on: day("2026-03-01"),
                by: "组织部"),
            AccountabilityAppealDecided(
                appeal: filed.id, official: official, outcome: .revoked, newForm: .criticism, on: day("2026-03-01"),
                by: "组织部"),
            AccountabilityAppealDecided(
                appeal: filed.id, official: official, outcome: .upheld, on: day("2026-02-09"), by: "组织部"),
        ]
        for event in bad {
            await #expect(throws: CreditKitError.self) { try await world.kit.append(event) }
        }
        #expect(await world.kit.ledger.head == head)
    }
}

@Suite("Text checks the attacks found")
struct TextCheckTests {
    @Test("a bidirectional override is named by its own code point; a line or paragraph separator is not one line")
    func codePoints() async throws {
        let world = try await LifecycleWorld()
        var record = Fixtures.record(subject: world.bureau.id, decisionDate: LocalDate("2026-05-06")!)
        record.facts = "事实\u{202E}倒置"
        var caught: CreditKitError?
        do { try await world.kit.enter(record) } catch let error as CreditKitError { caught = error }
        #expect(caught?.message.contains("U+202E") == true, "\(String(describing: caught))")
        #expect(!"名称\u{2028}第二行".isOneLine && !"名称\u{2029}".isOneLine && "一行名称".isOneLine)
    }
}

@Suite("Decision advisers (新巴尔虎左旗重大行政决策终身责任追究制度 art. 15)")
struct DecisionAdviserTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test(
        "decision.adviser.fault: an intermediary's fault is a finding against it, confirmed as its own record; national profile: none"
    )
    func adviserFault() async throws {
        let world = try await LifecycleWorld(profile: JurisdictionProfile.named("xin-barag-left-banner")!)
        let firm = Fixtures.enterprise(index: 81)
        try await world.kit.register(firm, on: day("2020-01-01"))
        let decision = try await world.kit.record(
            MajorDecisionMade(agency: world.bureau.id, title: "旗区供热价格调整", decidedOn: day("2025-06-01"), steps: []))
        let advice = try await world.kit.append(
            DecisionAdviceGiven(
                decision: decision, agency: world.bureau.id, adviser: .organisation(firm.id), part: .riskAssessment,
                document: "社会稳定风险评估报告", on: day("2025-05-10")))
        let expert = try await world.kit.append(
            DecisionAdviceGiven(
                decision: decision, agency: world.bureau.id, adviser: .expert("NM-2020-0417"),
                part: .expertArgumentation,
                document: "专家论证意见", on: day("2025-05-12")))
        try await world.kit.append([
            AdviserFaultFound(
                advice: advice.id, agency: world.bureau.id, adviser: .organisation(firm.id), facts: "未实地调查即出具评估结论",
                notified: "旗发展和改革委员会", notifiedOn: day("2026-03-05"), on: day("2026-03-01"), by: "旗纪委监委"),
            AdviserFaultFound(
                advice: expert.id, agency: world.bureau.id, adviser: .expert("NM-2020-0417"), facts: "隐瞒利害关系",
                notified: "旗司法局", notifiedOn: day("2026-03-02"), on: day("2026-03-01"), by: "旗纪委监委"),
        ])
        let findings = try world.kit.adviserFindings(asOf: day("2026-04-01"))
        #expect(findings.map(\.rule.rawValue) == ["decision.adviser.fault", "decision.adviser.fault"])
        let onFirm = try #require(findings.first { $0.subject == firm.id })
        #expect(onFirm.fact("notified") == "旗发展和改革委员会" && onFirm.basis.contains { $0.article == "第十五条" })
        #expect(
            findings.contains { $0.subject == world.bureau.id && $0.fact("adviser")?.contains("NM-2020-0417") == true })
        #expect(try world.kit.adviserFindings(asOf: day("2026-02-28")).isEmpty, "not before the fault is found")
        // Confirmed by the competent department: the firm's own dishonesty record.
        let record = try await world.kit.confirm(
            onFirm, on: day("2026-04-10"), by: "旗发展和改革委员会", authority: Authority(name: "新巴尔虎左旗发展和改革委员会"),
            documentNumber: "新左发改认〔2026〕3号")
        #expect(try world.kit.records()[record]?.subject == firm.id)
        #expect(try world.kit.profile(of: firm.id)?.records.contains { $0.id == record } == true)

        // The national profile has no such rule: no finding there.
        let national = try await LifecycleWorld()
        #expect(try national.kit.adviserFindings(asOf: day("2026-04-01")).isEmpty)
    }

    @Test("bad advice and faults are refused and write nothing")
    func refusals() async throws {
        let world = try await LifecycleWorld(profile: JurisdictionProfile.named("xin-barag-left-banner")!)
        let firm = Fixtures.enterprise(index: 82)
        try await world.kit.register(firm, on: day("2020-01-01"))
        let decision = try await world.kit.record(
            MajorDecisionMade(agency: world.bureau.id, title: "决策", decidedOn: day("2025-06-01"), steps: []))
        let advice = try await world.kit.append(
            DecisionAdviceGiven(
                decision: decision, agency: world.bureau.id, adviser: .organisation(firm.id), part: .riskAssessment,
                document: "报告", on: day("2025-05-10")))
        let head = await world.kit.ledger.head
        let bad: [any LedgerEvent] = [
            DecisionAdviceGiven(
                decision: decision, agency: world.bureau.id, adviser: .organisation(firm.id), part: .riskAssessment,
                document: "报告", on: day("2025-06-02")),
            DecisionAdviceGiven(
                decision: decision, agency: world.bureau.id, adviser: .organisation(firm.id), part: .publication,
                document: "报告", on: day("2025-05-10")),
            DecisionAdviceGiven(
                decision: decision, agency: world.regulator.id, adviser: .expert("X1"), part: .riskAssessment,
                document: "报告", on: day("2025-05-10")),
            DecisionAdviceGiven(
                decision: decision, agency: world.bureau.id, adviser: .expert(" "), part: .riskAssessment,
                document: "报告", on: day("2025-05-10")),
            AdviserFaultFound(
                advice: advice.id, agency: world.bureau.id, adviser: .expert("X1"), facts: "事实", notified: "部门",
                notifiedOn: day("2026-01-02"), on: day("2026-01-01"), by: "纪委"),
            AdviserFaultFound(
                advice: advice.id, agency: world.bureau.id, adviser: .organisation(firm.id), facts: "事实",
                notified: "部门",
                notifiedOn: day("2025-12-31"), on: day("2026-01-01"), by: "纪委"),
        ]
        for event in bad {
            await #expect(throws: CreditKitError.self) { try await world.kit.append(event) }
        }
        #expect(await world.kit.ledger.head == head)
    }
}
