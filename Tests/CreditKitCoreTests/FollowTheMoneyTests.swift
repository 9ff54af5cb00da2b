import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("FollowTheMoney export")
struct FollowTheMoneyTests {
    /// A bureau listed as a judgment defaulter (serious: joint measures follow), an enterprise fined, an official listed,
    /// and one record of the bureau that was never published.
    func world() async throws -> (LifecycleWorld, Enterprise, ids: [CreditRecord.ID]) {
        let world = try await LifecycleWorld()
        let enterprise = Fixtures.enterprise(index: 9)
        try await world.kit.register(enterprise, on: LocalDate("2020-01-01")!)
        let official = try await world.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 77), name: "赵建国", on: LocalDate("2020-01-01")!)
        let defaulter = try await world.record("2026-05-06", basis: .judgmentDefaulter, severity: .serious)
        let fined = try await world.record("2026-05-06", subject: enterprise.id)
        let person = try await world.record("2026-05-06", basis: .judgmentDefaulter, subject: official.id)
        let hidden = try await world.record("2026-05-06")
        for id in [defaulter, fined, person] {
            try await world.reviewAndPublish(id, reviewed: "2026-05-07", published: "2026-05-08")
        }
        return (world, enterprise, [defaulter, fined, person, hidden])
    }

    @Test("organisations, listings and joint measures as the public view has them; officials masked, one per record")
    func entities() async throws {
        let (world, enterprise, ids) = try await world()
        let day = LocalDate("2026-06-01")!
        let entities = try FollowTheMoney.entities(of: world.kit, asOf: day)
        func entity(_ id: String) -> FollowTheMoneyEntity? { entities.first { $0.id == id } }
        #expect(Set(entities.map(\.id)).count == entities.count)

        let bureau = try #require(entity("creditkit-org-\(world.bureau.id.rawValue)"))
        #expect(bureau.schema == "PublicBody" && bureau.values("uscCode") == [world.bureau.creditCode.rawValue])
        #expect(bureau.values("name") == [world.bureau.name] && bureau.values("country") == ["cn"])
        let company = try #require(entity("creditkit-org-\(enterprise.id.rawValue)"))
        #expect(company.schema == "Company" && company.values("classification") == ["中小企业"])

        // The bureau's listing: its layout, authority, document, dates and the display window.
        let listing = try #require(entity("creditkit-record-\(ids[0].rawValue)"))
        let shown = try Disclosure.publicRecords(of: world.kit, asOf: day)
        let row = try #require(shown.first { $0.id == ids[0] })
        #expect(listing.schema == "Sanction" && listing.values("entity") == [bureau.id])
        #expect(listing.values("program") == ["其他失信信息"] && listing.values("programId") == ["record.judgmentDefaulter"])
        #expect(listing.values("authority") == [world.regulator.name])
        #expect(listing.values("authorityId") == [row.documentNumber])
        #expect(listing.values("description").first?.contains(world.regulator.creditCode.rawValue) == true)
        #expect(
            listing.values("startDate") == ["2026-05-06"] && listing.values("endDate") == [row.displayUntil.description]
        )
        #expect(listing.values("recordId") == [String(ids[0].rawValue)] && listing.values("reason") == [row.facts])

        // Its joint measures: exactly the restrictions the credit check gives on the day, one entity per measure and
        // department, with every purpose it restricts.
        var expected: Set<String> = []
        for purpose in CheckPurpose.allCases {
            for reason in world.kit.check(world.bureau.id, for: purpose, on: day)?.restrictions ?? []
            where reason.record == ids[0] {
                expected.insert("\(reason.measure!.chineseName)|\(reason.department)|\(reason.from)|\(reason.until)")
            }
        }
        let measures = entities.filter { $0.id.hasPrefix("creditkit-record-\(ids[0].rawValue)-m") }
        #expect(!expected.isEmpty)
        #expect(
            Set(
                measures.map {
                    "\($0.values("program")[0])|\($0.values("authority")[0])|\($0.values("startDate")[0])|\($0.values("endDate")[0])"
                }) == expected)
        #expect(measures.count == expected.count)
        #expect(measures.allSatisfy { $0.values("entity") == [bureau.id] && $0.values("summary")[0].hasPrefix("限制") })

        // The official: masked as the public view shows them, nothing else.
        let person = try #require(entity("creditkit-person-r\(ids[2].rawValue)"))
        #expect(person.schema == "Person" && person.values("name") == ["赵**"])
        #expect(person.properties.map(\.name) == ["name", "country"])
        #expect(entity("creditkit-record-\(ids[2].rawValue)")?.values("entity") == [person.id])
        let text = FollowTheMoney.jsonLines(entities)
        #expect(!text.contains("赵建国") && !text.contains(Fixtures.residentID(index: 77).unmaskedValue))
        #expect(!text.contains("person:"), "no token of an official leaves in the export")

        // Never published: not exported.
        #expect(entity("creditkit-record-\(ids[3].rawValue)") == nil)
        #expect(entities.filter { $0.schema == "Sanction" && !$0.id.contains("-m") }.count == 3)
        #expect(text.split(separator: "\n").count == entities.count && text.hasSuffix("}\n"))
    }

    @Test("officials omitted: no Person and none of their records; another ID prefix; a day before a listing")
    func omittedAndDated() async throws {
        let (world, _, ids) = try await world()
        let day = LocalDate("2026-06-01")!
        let omitted = try FollowTheMoney.entities(of: world.kit, asOf: day, officials: .omitted, idPrefix: "qhd")
        #expect(!omitted.contains { $0.schema == "Person" })
        #expect(!omitted.contains { $0.id == "qhd-record-\(ids[2].rawValue)" })
        #expect(omitted.contains { $0.id == "qhd-record-\(ids[0].rawValue)" })
        #expect(omitted.allSatisfy { $0.id.hasPrefix("qhd-") })
        // Before publication nothing is listed: the government bodies are there, the enterprise (named by no public
        // listing yet) is not.
        let before = try FollowTheMoney.entities(of: world.kit, asOf: LocalDate("2026-05-07")!)
        #expect(before.allSatisfy { $0.schema == "PublicBody" } && before.count == 2)
    }

    @Test("the export passes the followthemoney package's own validation (when the package is installed)")
    func validatedByFollowTheMoney() async throws {
        let (world, _, _) = try await world()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-ftm-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("export.jsonl")
        let entities = try FollowTheMoney.entities(of: world.kit, asOf: LocalDate("2026-06-01")!)
        try Data(FollowTheMoney.jsonLines(entities).utf8).write(to: file)
        guard Self.python(["-c", "import followthemoney"]).status == 0 else {
            // The package comes from PyPI (pip install followthemoney); .ci/run installs it.
            #expect(ProcessInfo.processInfo.environment["CREDITKIT_REQUIRE_FTM"] != "1", "followthemoney is required")
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/tools/validate_ftm.py").path
        let run = Self.python([script, file.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("valid: \(entities.count) entities"))
        // And the validator is one that can fail: a credit code with a wrong check character is refused.
        var broken = entities
        let i = try #require(broken.firstIndex { $0.schema == "Company" })
        broken[i] = FollowTheMoneyEntity(id: broken[i].id, schema: "Company")
        broken[i].add("name", "测试企业")
        broken[i].add("uscCode", "91130302MA0XW0001X")
        try Data(FollowTheMoney.jsonLines(broken).utf8).write(to: file)
        let refused = Self.python([script, file.path])
        #expect(refused.status == 1 && refused.output.contains("is not a valid uscc"), "\(refused.output)")
    }

    static func python(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
