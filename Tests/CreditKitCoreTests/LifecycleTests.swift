import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

/// A small world: a county bureau (the subject) and the city market regulator (the deciding authority).
struct LifecycleWorld {
    let kit: CreditKit
    let clock: SteppingClock
    let bureau = Fixtures.agency(index: 1)
    let regulator = Fixtures.agency(index: 2, level: .city)

    init(profile: JurisdictionProfile = .national, today: String = "2026-11-23") async throws {
        clock = SteppingClock(start: Timestamp(startOf: LocalDate(today)!))
        kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: clock, profile: profile)
        try await kit.register(bureau, on: LocalDate("2020-01-01")!)
        try await kit.register(regulator, on: LocalDate("2020-01-01")!)
    }

    func record(
        _ decided: String, basis: RecordBasis = .administrativePenalty, severity: Severity = .ordinary,
        subject: SubjectID? = nil
    ) async throws -> CreditRecord.ID {
        var record = Fixtures.record(
            subject: subject ?? bureau.id, decisionDate: LocalDate(decided)!, basis: basis, severity: severity)
        record.authority = Authority(name: regulator.name, creditCode: regulator.creditCode)
        return try await kit.enter(record)
    }

    func reviewAndPublish(_ id: CreditRecord.ID, reviewed: String, published: String) async throws {
        try await kit.review(id, on: LocalDate(reviewed)!, reviewer: "保密审查小组", outcome: .publishable)
        try await kit.publish(id, on: LocalDate(published)!, office: regulator.id, channel: "信用中国（河北秦皇岛）")
    }

    func findings(_ asOf: String) throws -> [Finding] { try kit.lifecycleFindings(asOf: LocalDate(asOf)!) }

    /// Runs a step that must be refused and checks it wrote nothing.
    func refused(_ code: CreditKitError.Code = .invalidTransition, _ step: () async throws -> Void) async throws {
        let before = await kit.ledger.head
        var caught: CreditKitError?
        do { try await step() } catch let error as CreditKitError { caught = error }
        #expect(caught?.code == code, "\(String(describing: caught))")
        #expect(await kit.ledger.head == before)
    }
}

@Suite("Record lifecycle: publication")
struct PublicationTests {
    @Test("a penalty decided before National Day is due 7 working days later; one day late is a finding")
    func publicationDeadline() async throws {
        let world = try await LifecycleWorld()
        let onTime = try await world.record("2025-09-26")
        let late = try await world.record("2025-09-26")
        try await world.reviewAndPublish(onTime, reviewed: "2025-09-28", published: "2025-10-13")
        try await world.reviewAndPublish(late, reviewed: "2025-09-28", published: "2025-10-14")
        let findings = try world.findings("2025-12-01")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.rule == "disclosure.penalty.publication")
        #expect(f.subject == world.regulator.id)
        #expect(f.fact("daysLate") == "1" && f.fact("state") == "published late")
        #expect(f.date("due") == LocalDate("2025-10-13"))
        #expect(f.evidence.first == late.entry)
    }

    @Test("an unpublished record is a finding only from the day after its last allowed day")
    func unpublished() async throws {
        let world = try await LifecycleWorld()
        _ = try await world.record("2025-09-26")
        #expect(try world.findings("2025-10-13").isEmpty)
        let f = try #require(try world.findings("2025-10-14").first)
        #expect(f.fact("state") == "unpublished")
    }

    @Test("publication needs a publishable confidentiality review; a withheld record is never public")
    func reviewRequired() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record("2025-09-26")
        try await world.refused {
            try await world.kit.publish(id, on: LocalDate("2025-09-29")!, office: world.regulator.id, channel: "网站")
        }
        try await world.kit.review(
            id, on: LocalDate("2025-09-28")!, reviewer: "保密审查小组", outcome: .withheld(.commercialSecret))
        try await world.refused {
            try await world.kit.publish(id, on: LocalDate("2025-09-29")!, office: world.regulator.id, channel: "网站")
        }
        #expect(try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2025-10-01")!).isEmpty)
        #expect(try world.findings("2026-01-01").isEmpty, "a withheld record is not owed publication")
    }
}

@Suite("Record lifecycle: objections")
struct ObjectionTests {
    @Test("Shandong: an objection filed on a Friday is due in 3 working days; decided a day late is a finding")
    func objectionDeadline() async throws {
        let world = try await LifecycleWorld(profile: JurisdictionProfile.named("shandong")!)
        let onTime = try await world.record("2026-01-05")
        let late = try await world.record("2026-01-05")
        for id in [onTime, late] {
            try await world.reviewAndPublish(id, reviewed: "2026-01-06", published: "2026-01-07")
        }
        let a = try await world.kit.fileObjection(
            onTime, on: LocalDate("2026-01-30")!, by: world.bureau.id, grounds: "金额有误")
        let b = try await world.kit.fileObjection(
            late, on: LocalDate("2026-01-30")!, by: world.bureau.id, grounds: "事实不清")
        try await world.kit.resolveObjection(
            a, of: onTime, on: LocalDate("2026-02-04")!, outcome: .corrected, office: world.regulator.id,
            reason: "核实后更正",
            correctedFacts: "未按合同约定期限履行付款义务，涉及金额五万元。")
        #expect(try world.findings("2026-02-04").isEmpty)
        #expect(try world.findings("2026-02-05").map(\.rule) == ["objection.decision"])
        try await world.kit.resolveObjection(
            b, of: late, on: LocalDate("2026-02-05")!, outcome: .upheld, office: world.regulator.id, reason: "维持")
        let f = try #require(try world.findings("2026-02-10").first)
        #expect(f.fact("state") == "decided late" && f.fact("daysLate") == "1" && f.subject == world.regulator.id)
        let shown = try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-02-10")!)
        #expect(shown.first { $0.id == onTime }?.facts.contains("五万元") == true)
    }

    @Test("no objection against a revoked record, no second open one, no decision of a closed one")
    func refusedObjections() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record("2026-01-05")
        let o = try await world.kit.fileObjection(
            id, on: LocalDate("2026-01-10")!, by: world.bureau.id, grounds: "主体错误")
        try await world.refused {
            try await world.kit.fileObjection(id, on: LocalDate("2026-01-11")!, by: world.bureau.id, grounds: "再次")
        }
        try await world.kit.resolveObjection(
            o, of: id, on: LocalDate("2026-01-12")!, outcome: .revoked, office: nil, reason: "主体认定错误")
        try await world.refused {
            try await world.kit.fileObjection(id, on: LocalDate("2026-01-13")!, by: world.bureau.id, grounds: "又一次")
        }
        try await world.refused {
            try await world.kit.resolveObjection(
                o, of: id, on: LocalDate("2026-01-13")!, outcome: .upheld, office: nil, reason: "x")
        }
        try await world.refused(.unknownSubject) {
            try await world.kit.fileObjection(id, on: LocalDate("2026-01-13")!, by: "NOBODY", grounds: "x")
        }
        try await world.kit.review(id, on: LocalDate("2026-01-13")!, reviewer: "组", outcome: .publishable)
        try await world.refused {
            try await world.kit.publish(id, on: LocalDate("2026-01-14")!, office: nil, channel: "网站")
        }
    }
}

@Suite("Record lifecycle: repair and display")
struct RepairTests {
    @Test("repair before the minimum period is refused and writes nothing; on its first day it is accepted")
    func minimumPeriod() async throws {
        let world = try await LifecycleWorld()
        // Ordinary, decided under Order 36: minimum 3 months, so from 10 July 2026.
        let id = try await world.record("2026-04-10")
        try await world.refused {
            try await world.kit.applyForRepair(id, on: LocalDate("2026-07-09")!, by: world.bureau.id)
        }
        try await world.refused {
            try await world.kit.applyForRepair(
                id, on: LocalDate("2026-07-10")!, by: world.bureau.id, commitmentSigned: false)
        }
        let app = try await world.kit.applyForRepair(id, on: LocalDate("2026-07-10")!, by: world.bureau.id)
        try await world.refused {
            try await world.kit.applyForRepair(id, on: LocalDate("2026-07-11")!, by: world.bureau.id)
        }
        try await world.kit.decideRepair(
            app, of: id, on: LocalDate("2026-07-15")!, granted: true, office: world.regulator.id, reason: "已整改")
        try await world.refused {
            try await world.kit.applyForRepair(id, on: LocalDate("2026-08-01")!, by: world.bureau.id)
        }
    }

    @Test(
        "the minimum period is the regime's on the decision date",
        arguments: [
            ("2023-04-30", Severity.serious, "2023-10-29", "2023-10-30"),
            ("2023-05-01", Severity.serious, "2024-04-30", "2024-05-01"),
            ("2026-04-01", Severity.minor, nil, "2026-04-01"),
        ] as [(String, Severity, String?, String)])
    func regimes(decided: String, severity: Severity, lastRefused: String?, firstAllowed: String) async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record(decided, severity: severity)
        if let lastRefused {
            try await world.refused {
                try await world.kit.applyForRepair(id, on: LocalDate(lastRefused)!, by: world.bureau.id)
            }
        }
        try await world.kit.applyForRepair(id, on: LocalDate(firstAllowed)!, by: world.bureau.id)
    }

    @Test("a repair is decided within 3 working days; the public view shows the record before the grant, not after")
    func repairDecisionAndDisplay() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record("2026-04-10")
        try await world.reviewAndPublish(id, reviewed: "2026-04-13", published: "2026-04-14")
        // Applied Wednesday 30 September 2026; National Day closes 1-7 October, so 8, 9 and the working
        // Saturday 10 October are the three working days.
        let app = try await world.kit.applyForRepair(id, on: LocalDate("2026-09-30")!, by: world.bureau.id)
        #expect(try world.findings("2026-10-10").isEmpty)
        let open = try #require(try world.findings("2026-10-11").first)
        #expect(open.rule == "repair.decision" && open.date("due") == LocalDate("2026-10-10"))
        #expect(try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-10-12")!).map(\.id) == [id])
        let beforeRepair = world.kit.ledger.clock.now()
        try await world.kit.decideRepair(
            app, of: id, on: LocalDate("2026-10-13")!, granted: true, office: world.regulator.id, reason: "已整改并作出信用承诺")
        // Repaired, the record is never shown again, whatever day is asked about; the view as it was known before
        // the repair still had it.
        #expect(try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-10-12")!).isEmpty)
        #expect(try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-10-13")!).isEmpty)
        #expect(
            try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-10-12")!, knownAt: beforeRepair).map(\.id)
                == [id])
        #expect(try world.kit.profile(of: world.bureau.id)?.records.count == 1, "the archive keeps the record")
    }

    @Test("a refused repair keeps the record public; display ends at the maximum period")
    func displayWindow() async throws {
        let world = try await LifecycleWorld()
        // Ordinary under Order 58 (unconfirmed default figures): at most 1 year, so shown through 2026-01-09.
        let id = try await world.record("2025-01-10")
        try await world.reviewAndPublish(id, reviewed: "2025-01-13", published: "2025-01-14")
        #expect(
            try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2025-01-13")!).isEmpty,
            "not before publication")
        let app = try await world.kit.applyForRepair(id, on: LocalDate("2025-06-03")!, by: world.bureau.id)
        try await world.kit.decideRepair(
            app, of: id, on: LocalDate("2025-06-04")!, granted: false, office: world.regulator.id, reason: "未履行义务")
        let last = try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-01-09")!)
        #expect(last.map(\.id) == [id] && last[0].displayUntil == LocalDate("2026-01-09"))
        #expect(try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-01-10")!).isEmpty)
    }
}

@Suite("Complaints and findings")
struct ComplaintAndFindingTests {
    @Test("a verified complaint enters a record; a rejected one needs a reason; a late decision is a finding")
    func complaints() async throws {
        let world = try await LifecycleWorld()
        let c1 = try await world.kit.receiveComplaint(
            against: world.bureau.id, channel: .hotline12345, on: LocalDate("2026-03-02")!, handler: world.regulator.id,
            summary: "承诺5个工作日办结的许可申请逾期未办结")
        let record = CreditRecord(
            subject: world.bureau.id, polarity: .dishonesty, basis: .verifiedComplaint, severity: .minor,
            actDate: LocalDate("2026-02-20")!, decisionDate: LocalDate("2026-04-01")!,
            authority: Authority(name: world.regulator.name, creditCode: world.regulator.creditCode),
            documentNumber: "秦市监诉〔2026〕3号",
            legalBasis: [LegalCitation(document: "国发〔2016〕76号")], facts: "经核实，许可申请超过承诺时限办结。")
        let id = try await world.kit.verifyComplaint(c1, record: record, on: LocalDate("2026-04-01")!)
        #expect(world.kit.view.complaint(c1)?.outcome?.value == id)
        // Received 2 March: 30 days gives 1 April, a working day, so deciding then is on time.
        #expect(try world.findings("2026-05-01").isEmpty)

        let c2 = try await world.kit.receiveComplaint(
            against: world.bureau.id, channel: .creditWebsite, on: LocalDate("2026-03-02")!,
            handler: world.regulator.id,
            summary: "反映窗口服务态度差")
        try await world.refused(.invalidEvent) {
            try await world.kit.rejectComplaint(c2, on: LocalDate("2026-04-02")!, reason: " ")
        }
        try await world.kit.rejectComplaint(c2, on: LocalDate("2026-04-02")!, reason: "经核实不属实")
        let f = try #require(try world.findings("2026-05-01").first)
        #expect(f.rule == "complaint.decision" && f.fact("daysLate") == "1")
        try await world.refused {
            try await world.kit.rejectComplaint(c2, on: LocalDate("2026-04-03")!, reason: "again")
        }
    }

    @Test("a confirmed finding becomes a record and is not reported again; a dismissed one neither")
    func decisions() async throws {
        let world = try await LifecycleWorld()
        _ = try await world.record("2025-09-26")
        _ = try await world.record("2025-09-29")
        let findings = try world.findings("2026-01-01")
        #expect(findings.count == 2)
        let recordID = try await world.kit.confirm(
            findings[0], on: LocalDate("2026-01-05")!, by: "市信用办", authority: Authority(name: "秦皇岛市社会信用体系建设领导小组办公室"),
            documentNumber: "秦信办〔2026〕1号")
        try await world.kit.dismiss(findings[1], on: LocalDate("2026-01-05")!, by: "市信用办", reason: "已于规定期限内在省平台公示")
        #expect(try world.findings("2026-01-06").isEmpty)
        try await world.refused {
            try await world.kit.dismiss(findings[0], on: LocalDate("2026-01-06")!, by: "x", reason: "y")
        }
        let profile = try #require(try world.kit.profile(of: world.regulator.id))
        let entered = try #require(profile.records.first { $0.id == recordID })
        #expect(entered.record.basis == .sectorFinding && entered.record.legalBasis == findings[0].basis)
    }

    @Test(
        "each class in its own public layout: a penalty in the 双公示 one, a court's judgment in the other, no fine from a court"
    )
    func layoutsByClass() async throws {
        let world = try await LifecycleWorld()
        let penalty = try await world.record("2026-05-06", basis: .administrativePenalty)
        let judgment = try await world.record("2026-05-06", basis: .courtJudgment)
        let accountability = try await world.record("2026-05-06", basis: .accountabilityDecision)
        for r in [penalty, judgment] {
            try await world.reviewAndPublish(r, reviewed: "2026-05-07", published: "2026-05-08")
        }
        // An accountability decision is never published: its publication is refused, writing nothing, and no
        // finding asks for it.
        try await world.kit.review(
            accountability, on: LocalDate("2026-05-07")!, reviewer: "保密审查小组", outcome: .publishable)
        try await world.refused {
            try await world.kit.publish(
                accountability, on: LocalDate("2026-05-08")!, office: world.regulator.id, channel: "信用中国")
        }
        #expect(
            !(try world.findings("2026-09-01")).contains {
                $0.fact("record") == String(accountability.rawValue)
            })
        let shown = try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-06-01")!)
        #expect(shown.map(\.id) == [penalty, judgment] && shown.map(\.layout) == [.penalty, .dishonesty])
        let penalties = Disclosure.csv(shown, layout: .penalty)
        let others = Disclosure.csv(shown, layout: .dishonesty)
        #expect(penalties.split(separator: "\r\n").count == 2 && others.split(separator: "\r\n").count == 2)
        #expect(
            PublicRecord.Layout.of(.accountabilityDecision) == nil
                && PublicRecord.Layout.of(.disciplinarySanction) == nil)
        #expect(!others.contains("罚款") && others.contains("认定机关"))
    }

    @Test("no public output contains an unmasked ID number")
    func masking() async throws {
        let world = try await LifecycleWorld()
        let id = Fixtures.residentID(index: 77)
        let official = try await world.kit.registerOfficial(residentID: id, name: "赵建国", on: LocalDate("2020-01-01")!)
        let record = try await world.record("2026-05-06", basis: .judgmentDefaulter, subject: official.id)
        try await world.reviewAndPublish(record, reviewed: "2026-05-07", published: "2026-05-08")
        // A disciplinary sanction is never published, whatever its review says: its publication is refused.
        let discipline = try await world.record("2026-05-06", basis: .disciplinarySanction, subject: official.id)
        try await world.kit.review(
            discipline, on: LocalDate("2026-05-07")!, reviewer: "保密审查小组", outcome: .publishable)
        try await world.refused {
            try await world.kit.publish(
                discipline, on: LocalDate("2026-05-08")!, office: world.regulator.id, channel: "信用中国")
        }
        let shown = try Disclosure.publicRecords(of: world.kit, asOf: LocalDate("2026-06-01")!)
        let csv = Disclosure.csv(shown, layout: .dishonesty)
        let json = Disclosure.penaltyJSON(shown)
        #expect(shown.count == 1 && shown[0].subjectName == "赵**" && shown[0].subjectCode == id.masked)
        #expect(shown[0].layout == .dishonesty && shown[0].id == record)
        for text in [csv, json] {
            #expect(!text.contains(id.unmaskedValue) && !text.contains("赵建国"))
        }
        #expect(csv.hasPrefix("\u{FEFF}主体名称,主体类别"))
        // A judgment's sum is in yuan under 涉及金额, never a fine in 万元; the penalty layout holds none of it.
        #expect(shown[0].amountTenThousandYuan == nil && shown[0].amountYuan != nil)
        #expect(Disclosure.csv(shown, layout: .penalty).split(separator: "\r\n").count == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String: String]]]
        #expect(decoded?["其他失信信息"]?.first?["认定文书号"] == shown[0].documentNumber)
        #expect(decoded?["行政处罚信息"]?.isEmpty == true)
    }
}

@Suite("Lifecycle survives reopening")
struct LifecycleReopenTests {
    @Test("lifecycles, complaints and decisions are restored from the checkpoint and from a replay alike")
    func reopen() async throws {
        let store = InMemoryLedgerStore()
        let clock = SteppingClock(start: Timestamp(startOf: LocalDate("2026-11-23")!))
        let bureau = Fixtures.agency(index: 1)
        do {
            let kit = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: clock)
            try await kit.register(bureau, on: LocalDate("2020-01-01")!)
            let id = try await kit.enter(Fixtures.record(subject: bureau.id, decisionDate: LocalDate("2026-01-05")!))
            try await kit.review(id, on: LocalDate("2026-01-06")!, reviewer: "组", outcome: .publishable)
            try await kit.publish(id, on: LocalDate("2026-01-07")!, office: nil, channel: "网站")
            try await kit.fileObjection(id, on: LocalDate("2026-01-08")!, by: bureau.id, grounds: "有误")
            try await kit.receiveComplaint(
                against: bureau.id, channel: .hotline12328, on: LocalDate("2026-02-01")!, handler: nil, summary: "投诉")
        }
        let replayed = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: clock)
        try await replayed.close()
        let restored = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: clock)
        #expect(restored.ledger.restoration.usedCheckpoint)
        for kit in [replayed, restored] {
            #expect(kit.view.allLifecycles.count == 1)
            #expect(kit.view.allLifecycles[0].openObjection(asOf: LocalDate("2026-02-01")!) != nil)
            #expect(kit.view.allComplaints.count == 1)
            #expect(kit.view.recordSequences == [2])
        }
    }
}

@Suite("Record lifecycle: other bases")
struct OtherPublicationTests {
    @Test("a record on another basis is due by the profile's figure: last allowed day and first late one")
    func otherBasis() async throws {
        let world = try await LifecycleWorld()
        // A court judgment decided Friday 30 January 2026: 7 working days are 2-6 and 9-10 February.
        let id = try await world.record("2026-01-30", basis: .courtJudgment, severity: .serious)
        try await world.kit.review(id, on: LocalDate("2026-02-02")!, reviewer: "组", outcome: .publishable)
        #expect(try world.findings("2026-02-10").isEmpty)
        let f = try #require(try world.findings("2026-02-11").first)
        #expect(f.rule == "record.publication.other" && f.date("due") == LocalDate("2026-02-10"))
        #expect(f.fact("figureStatus") == "documented default")
    }
}
