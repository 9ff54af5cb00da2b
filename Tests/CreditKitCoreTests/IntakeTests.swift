import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Intake (归集) of reporting units' files")
struct IntakeTests {
    let header = PublicRecord.penaltyHeaders.joined(separator: ",")

    /// A penalty row in the 双公示 layout, one value per header.
    func penalty(
        name: String, code: String, document: String, decided: String = "2025-06-03", kinds: String = "警告、罚款",
        fine: String = "1.5", category: String = "法人及非法人组织", facts: String = "未按规定公开政府信息。",
        authority: String = "测试机构2"
    ) -> String {
        [
            name, category, code, "", document, "未按规定公开政府信息", facts, "《中华人民共和国政府信息公开条例》第五十二条", kinds,
            "警告并处罚款", fine, "", "", decided, "", "", authority, Fixtures.creditCode(index: 2).rawValue, "", "", "",
        ].joined(separator: ",")
    }

    func world() async throws -> (LifecycleWorld, Enterprise) {
        let world = try await LifecycleWorld()
        return (world, Fixtures.enterprise(index: 31))
    }

    func rejected(_ step: () async throws -> Void) async throws -> IntakeRejected {
        var caught: IntakeRejected?
        do { try await step() } catch let error as IntakeRejected { caught = error }
        return try #require(caught, "the file was taken in")
    }

    @Test("one bad row: nothing written, the row named; corrected and taken in twice, its records are added once")
    func wholeOrNothingAndOnce() async throws {
        let (world, enterprise) = try await world()
        let bureau = world.bureau
        var badCode = enterprise.creditCode.rawValue
        badCode.removeLast()
        badCode += badCode.hasSuffix("0") ? "1" : "0"
        let rows = [
            penalty(name: bureau.name, code: bureau.creditCode.rawValue, document: "秦司罚〔2025〕1号"),
            penalty(name: enterprise.name, code: enterprise.creditCode.rawValue, document: "秦司罚〔2025〕2号"),
            penalty(name: "另一企业有限公司", code: badCode, document: "秦司罚〔2025〕3号"),
        ]
        let head = await world.kit.ledger.head
        let refusal = try await rejected {
            try await world.kit.intake(csv: ([header] + rows).joined(separator: "\n"))
        }
        #expect(refusal.problems.count == 1 && refusal.rows == 3)
        #expect(refusal.problems.first?.line == 4)
        #expect(refusal.problems.first?.column == "行政相对人代码_1(统一社会信用代码)")
        #expect(refusal.description.contains("line 4") && refusal.description.contains("nothing was written"))
        #expect(await world.kit.ledger.head == head)
        #expect(world.kit.view.subject(enterprise.id) == nil, "no enterprise registered from a refused file")

        // Corrected: a real enterprise's code (check character right).
        let other = Fixtures.enterprise(index: 32)
        let fixed =
            Array(rows[0...1]) + [
                penalty(
                    name: other.name, code: other.creditCode.rawValue, document: "秦司罚〔2025〕3号", kinds: "警告", fine: "")
            ]
        let text = ([header] + fixed).joined(separator: "\r\n")
        let first = try await world.kit.intake(csv: text)
        #expect(first.added == 3 && first.alreadyHeld.isEmpty && first.entries.count == 5)
        #expect(Set(first.registered) == [enterprise.id, other.id])
        let records = try world.kit.records().values.filter { $0.documentNumber.hasPrefix("秦司罚〔2025〕") }
        #expect(records.count == 3)
        let fine = try #require(records.first { $0.documentNumber == "秦司罚〔2025〕2号" })
        #expect(fine.amount == 15_000 && fine.penalty?.kinds == [.warning, .fine] && fine.severity == .ordinary)
        #expect(fine.actDate == fine.decisionDate && fine.authority.creditCode == Fixtures.creditCode(index: 2))
        #expect(records.first { $0.documentNumber == "秦司罚〔2025〕3号" }?.amount == nil)

        let after = await world.kit.ledger.head
        let second = try await world.kit.intake(csv: text)
        #expect(second.added == 0 && second.entries.isEmpty && second.alreadyHeld.map(\.line) == [2, 3, 4])
        #expect(await world.kit.ledger.head == after)
    }

    @Test("what only the ledger refuses (a fine in fractions of a fen) names its row, and writes nothing")
    func ledgerRefusal() async throws {
        let (world, enterprise) = try await world()
        let code = enterprise.creditCode.rawValue
        let head = await world.kit.ledger.head
        let refusal = try await rejected {
            try await world.kit.intake(
                csv: [
                    header, penalty(name: enterprise.name, code: code, document: "B1"),
                    penalty(name: enterprise.name, code: code, document: "B2", fine: "0.0000001"),
                    penalty(name: enterprise.name, code: code, document: "B3", decided: "2026-11-24"),
                ].joined(separator: "\n"))
        }
        #expect(refusal.problems.map(\.line) == [4] && refusal.problems[0].message.contains("future"))
        let second = try await rejected {
            try await world.kit.intake(
                csv: [
                    header, penalty(name: enterprise.name, code: code, document: "B1"),
                    penalty(name: enterprise.name, code: code, document: "B2", fine: "0.0000001"),
                ].joined(separator: "\n"))
        }
        #expect(second.problems.map(\.line) == [3] && second.problems[0].message.contains("fen"))
        #expect(await world.kit.ledger.head == head && world.kit.view.subject(enterprise.id) == nil)
    }

    @Test("every bad row is listed, each with its line and column")
    func everyProblem() async throws {
        let (world, enterprise) = try await world()
        let code = enterprise.creditCode.rawValue
        let rows = [
            penalty(name: enterprise.name, code: code, document: "A1", decided: "2025-02-30"),
            penalty(name: enterprise.name, code: code, document: "A2", kinds: "警告、记过"),
            penalty(name: enterprise.name, code: code, document: "A3", kinds: "罚款", fine: ""),
            penalty(name: enterprise.name, code: code, document: "A4", kinds: "警告", fine: "2"),
            penalty(name: "赵建国", code: code, document: "A5", category: "自然人"),
            penalty(name: enterprise.name, code: code, document: "A6"),
            penalty(name: enterprise.name, code: code, document: "A6"),
            penalty(name: "测试机构99", code: Fixtures.creditCode(index: 99).rawValue, document: "A7"),
            penalty(name: "别的名字", code: world.bureau.creditCode.rawValue, document: "A8"),
            penalty(name: enterprise.name, code: code, document: "A9", fine: "-1"),
            penalty(name: enterprise.name, code: code, document: "A10", authority: "秦皇岛市司法局"),
        ]
        let head = await world.kit.ledger.head
        let refusal = try await rejected {
            try await world.kit.intake(csv: ([header] + rows).joined(separator: "\n"))
        }
        let found = refusal.problems.map { "\($0.line) \($0.column ?? "-")" }
        #expect(
            found == [
                "2 处罚决定日期", "3 处罚类别", "4 罚款金额(万元)", "5 罚款金额(万元)", "6 行政相对人类别", "8 -",
                "9 行政相对人代码_1(统一社会信用代码)", "10 行政相对人名称", "11 罚款金额(万元)", "12 处罚机关",
            ])
        #expect(refusal.problems[5].message.contains("first at line 7"))
        #expect(await world.kit.ledger.head == head)
        // A header that fits no layout, or names a column the layout lacks, is refused before any row.
        await #expect(throws: CreditKitError.self) { try await world.kit.intake(csv: "名称,代码\n甲,乙") }
        await #expect(throws: CreditKitError.self) {
            try await world.kit.intake(csv: header + ",多余列\n" + rows[5] + ",x", layout: .penalty)
        }
    }

    @Test("other dishonesty information: the class as the public layout writes it; a held document with other facts")
    func dishonesty() async throws {
        let (world, enterprise) = try await world()
        let header = PublicRecord.dishonestyHeaders.joined(separator: ",")
        func row(_ document: String, _ kind: String, facts: String = "拒不履行生效判决。") -> String {
            [
                enterprise.name, "法人及非法人组织", enterprise.creditCode.rawValue, kind, document, facts, "《民事诉讼法》第二百六十六条",
                "120000", "2025-07-01", "", "秦皇岛市海港区人民法院", "", "",
            ].joined(separator: ",")
        }
        let result = try await world.kit.intake(
            csv: [header, row("（2025）冀0302执1号", "失信被执行人（严重）"), row("（2025）冀0302执2号", "未履行生效判决(一般)")]
                .joined(separator: "\n"))
        #expect(result.added == 2)
        let held = try world.kit.records().values.filter { $0.subject == enterprise.id }
        #expect(Set(held.map(\.basis)) == [.judgmentDefaulter, .unexecutedJudgment])
        #expect(held.allSatisfy { $0.amount == 120_000 && $0.authority.creditCode == nil })
        #expect(held.first { $0.basis == .judgmentDefaulter }?.severity == .serious)

        let refusal = try await rejected {
            try await world.kit.intake(
                csv: [
                    header, row("（2025）冀0302执3号", "失信被执行人"), row("（2025）冀0302执4号", "行政处罚（一般）"),
                    row("（2025）冀0302执1号", "失信被执行人（严重）", facts: "另一事实。"),
                ].joined(separator: "\n"))
        }
        #expect(refusal.problems.map(\.line) == [2, 3, 4])
        #expect(refusal.problems[1].message.contains("行政处罚信息"))
        #expect(refusal.problems[2].message.contains("another facts") || refusal.problems[2].message.contains("facts"))
    }

    @Test("licences: a registered authority, taken in once, a new one only as in force")
    func licences() async throws {
        let (world, _) = try await world()
        let header = PublicLicence.headers.joined(separator: ",")
        let holder = Fixtures.enterprise(index: 40)
        func row(_ number: String, status: String = "正常", content: String = "道路普通货物运输") -> String {
            [
                holder.name, "法人及非法人组织", holder.creditCode.rawValue, "", "道路运输经营许可决定书", number, "普通", "道路运输经营许可证",
                "QHD-1", content, "2025-03-03", "2025-03-03", "长期", world.bureau.name, world.bureau.creditCode.rawValue,
                status, "", "", "",
            ].joined(separator: ",")
        }
        let text = [header, row("许〔2025〕1号"), row("许〔2025〕2号")].joined(separator: "\n")
        #expect(try await world.kit.intake(csv: text).added == 2)
        #expect(try await world.kit.intake(csv: text).alreadyHeld.count == 2)
        let shown = try Disclosure.publicLicences(of: world.kit, asOf: LocalDate("2025-12-01")!)
        #expect(shown.isEmpty, "taken in, not yet published")
        let refusal = try await rejected {
            try await world.kit.intake(
                csv: [header, row("许〔2025〕3号", status: "撤销"), row("许〔2025〕1号", content: "危险货物运输")]
                    .joined(separator: "\n"))
        }
        #expect(refusal.problems.map { "\($0.line) \($0.column ?? "-")" } == ["2 当前状态", "3 -"])
    }

    @Test("JSON as publish writes it: another platform takes in the public view; taken in again, nothing is added")
    func jsonRoundTrip() async throws {
        let source = try await LifecycleWorld()
        let enterprise = Fixtures.enterprise(index: 50)
        try await source.kit.register(enterprise, on: LocalDate("2020-01-01")!)
        var fined = Fixtures.record(subject: source.bureau.id, decisionDate: LocalDate("2026-05-06")!)
        fined.authority = Authority(name: source.regulator.name, creditCode: source.regulator.creditCode)
        fined.documentNumber = "秦司罚〔2026〕60号"
        fined.penalty = PenaltyDetails(violation: "逾期未公开", kinds: [.warning, .fine], content: "警告，罚款五万元")
        let listed = try await source.record("2026-05-06", basis: .judgmentDefaulter, subject: enterprise.id)
        for id in [try await source.kit.enter(fined), listed] {
            try await source.reviewAndPublish(id, reviewed: "2026-05-07", published: "2026-05-08")
        }
        let shown = try Disclosure.publicRecords(of: source.kit, asOf: LocalDate("2026-06-01")!)
        let json = Data(Disclosure.json(shown, licences: []).utf8)
        // The source's own public view is held already, exactly so.
        let again = try await source.kit.intake(json: json)
        #expect(again.added == 0 && again.alreadyHeld.count == 2)

        let target = try await LifecycleWorld()
        let result = try await target.kit.intake(json: json)
        #expect(result.added == 2 && result.registered == [enterprise.id])
        #expect(try target.kit.records().count == 2)
        #expect(try await target.kit.intake(json: json).added == 0)
        // Not JSON of that shape: refused with the reason.
        for bad in ["[1]", "{\"行政处罚\": []}", "{\"其他失信信息\": [{\"主体名称\": 1}]}", "{"] {
            await #expect(throws: CreditKitError.self) { try await target.kit.intake(json: Data(bad.utf8)) }
        }
    }
}

@Suite("Intake: what the attacks found")
struct IntakeAttackTests {
    let header = PublicRecord.dishonestyHeaders.joined(separator: ",")

    func row(_ enterprise: Enterprise, _ document: String, authorityCode: String = "", facts: String = "拒不履行。")
        -> String
    {
        [
            enterprise.name, "法人及非法人组织", enterprise.creditCode.rawValue, "失信被执行人（严重）", document, facts, "《民事诉讼法》",
            "", "2025-07-01", "", "秦皇岛市海港区人民法院", authorityCode, "",
        ].joined(separator: ",")
    }

    @Test("a held record is known by its document number and authority, with or without the authority's code")
    func codeOrName() async throws {
        let world = try await LifecycleWorld()
        let enterprise = Fixtures.enterprise(index: 71)
        let court = Fixtures.creditCode(index: 72, authority: "1", category: "1").rawValue
        #expect(try await world.kit.intake(csv: [header, row(enterprise, "执1")].joined(separator: "\n")).added == 1)
        // The same judgment with the court's code now given: held, not a second record.
        let again = try await world.kit.intake(
            csv: [header, row(enterprise, "执1", authorityCode: court)].joined(separator: "\n"))
        #expect(again.added == 0 && again.alreadyHeld.count == 1)
        // In one file, once with the code and once without: the same document given twice.
        var caught: IntakeRejected?
        do {
            try await world.kit.intake(
                csv: [header, row(enterprise, "执2", authorityCode: court), row(enterprise, "执2")].joined(
                    separator: "\n"))
        } catch let error as IntakeRejected { caught = error }
        #expect(caught?.problems.map(\.line) == [3])
    }

    @Test("two intakes of one file at once add its records once")
    func concurrent() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-intake-race-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let setup = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        let enterprise = Fixtures.enterprise(index: 73)
        try await setup.register(enterprise, on: LocalDate("2020-01-01")!)
        try await setup.close()
        let text = ([header] + (0..<200).map { row(enterprise, "执\($0)") }).joined(separator: "\n")
        // Two kits on one file, as two processes would have.
        let a = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        let b = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        async let first = a.intake(csv: text)
        async let second = b.intake(csv: text)
        let results = try await [first, second]
        #expect(results.map(\.added).sorted() == [0, 200])
        try await a.ledger.refresh()
        #expect(try a.records().count == 200)
    }

    @Test(
        "a resident ID number that passes as a credit code is not registered as an enterprise; a JSON key twice is refused"
    )
    func notAnEnterprise() async throws {
        let world = try await LifecycleWorld()
        let head = await world.kit.ledger.head
        let fake = "44010619880512023X"
        let line = ["张三", "法人及非法人组织", fake, "失信被执行人（严重）", "执9", "事实。", "《民事诉讼法》", "", "2025-07-01", "", "法院", "", ""]
            .joined(separator: ",")
        var caught: IntakeRejected?
        do { try await world.kit.intake(csv: [header, line].joined(separator: "\n")) } catch let error as IntakeRejected
        {
            caught = error
        }
        #expect(caught?.problems.first?.message.contains("not an enterprise's code") == true)
        let twice = Data("{\"行政处罚信息\": [], \"行政处罚信息\": []}".utf8)
        await #expect(throws: CreditKitError.self) { try await world.kit.intake(json: twice) }
        let inner = Data("{\"其他失信信息\": [{\"认定日期\": \"2099-01-01\", \"认\\u5b9a日期\": \"2025-01-01\"}]}".utf8)
        await #expect(throws: CreditKitError.self) { try await world.kit.intake(json: inner) }
        #expect(await world.kit.ledger.head == head)
    }
}
