import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@testable import creditkit

@Suite("creditkit export --format ftm")
struct ExportCommandTests {
    @Test(
        "the demo city's export: every registered body, the enterprises listed, one listing per public record, every joint measure"
    )
    func demoCity() async throws {
        let today = LocalDate("2026-11-23")!
        let (city, kit, _) = try await DemoTests.replayed(on: today)
        let entities = try FollowTheMoney.entities(of: kit, asOf: today)
        let count = { (schema: String) in entities.filter { $0.schema == schema }.count }
        // The story registers each body and enterprise before its first record, and all of them before today.
        let agencies = Set(
            city.agencies.map(\.id) + city.governments.map(\.id) + city.departments.map(\.id)
                + city.townships.map(\.id))
        #expect(count("PublicBody") == agencies.count)
        let shown = try Disclosure.publicRecords(of: kit, asOf: today)
        // Only the enterprises a public listing names.
        let listedEnterprises = try Set(
            shown.compactMap { try kit.records()[$0.id]?.subject }.filter { id in
                city.enterprises.contains { $0.id == id }
            })
        #expect(count("Company") == listedEnterprises.count)
        let listings = entities.filter { $0.schema == "Sanction" && !$0.id.contains("-m") }
        #expect(listings.count == shown.count && !shown.isEmpty)
        // A listing for each public record of an official, under a masked person of its own.
        let ofOfficials = shown.filter { $0.subjectCategory == "自然人" }
        #expect(count("Person") == ofOfficials.count)
        let text = FollowTheMoney.jsonLines(entities)
        for official in city.officials {
            #expect(!text.contains(official.name) && !text.contains(official.id.rawValue))
        }
        // Every joint measure of the export is a restriction the record's subject has that day, and the other way.
        let records = try kit.records()
        var restrictions = 0
        for record in shown {
            let subject = try #require(records[record.id]).subject
            var seen: Set<String> = []
            for purpose in CheckPurpose.allCases {
                for r in kit.check(subject, for: purpose, on: today)?.restrictions ?? [] where r.record == record.id {
                    seen.insert("\(r.measure!)|\(r.department)|\(r.rule)")
                }
            }
            restrictions += seen.count
        }
        #expect(restrictions > 0 && entities.filter { $0.id.contains("-m") }.count == restrictions)
    }

    @Test("--output never writes over the ledger, its keys, another SQLite file or a folder")
    func outputGuard() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-export-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let keys = try VaultKeys.loadOrCreate(at: path + ".keys")
        let kit = try CreditKit(store: .sqlite(path), keys: keys, clock: FixedClock.demo)
        try await kit.register(Fixtures.agency(index: 1), on: LocalDate("2020-01-01")!)
        try await kit.close()
        let copy = dir.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for target in [path, path + ".keys", copy, dir.path, dir.appendingPathComponent("./l.sqlite").path] {
            var parser = ArgumentParser([path, "--format", "ftm", "--output", target], command: ExportCommand.self)
            await #expect(throws: CLIError.self) { try await ExportCommand.run(&parser) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let out = dir.appendingPathComponent("public.jsonl").path
        var parser = ArgumentParser([path, "--format", "ftm", "--output", out], command: ExportCommand.self)
        try await ExportCommand.run(&parser)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"schema\":\"PublicBody\""))
    }

    @Test("options: a format, a way for officials and a prefix are checked before the ledger is opened")
    func options() async throws {
        for bad in [
            ["l.sqlite"], ["l.sqlite", "--format", "csv"], ["l.sqlite", "--format", "ftm", "--officials", "shown"],
            ["l.sqlite", "--format", "ftm", "--id-prefix", "平台"], ["l.sqlite", "--format", "ftm", "--extra"],
            ["l.sqlite", "--format", "ftm", "--id-prefix", "-"],
        ] {
            var parser = ArgumentParser(bad, command: ExportCommand.self)
            await #expect(throws: CLIError.self) { try await ExportCommand.run(&parser) }
        }
    }
}

@Suite("creditkit intake")
struct IntakeCommandTests {
    @Test(
        "a file with a bad row is refused naming it, nothing written; corrected, taken in once; --check writes nothing")
    func intakeFile() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-intake-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), clock: FixedClock.demo)
        let regulator = Fixtures.agency(index: 2)
        try await kit.register(regulator, on: LocalDate("2020-01-01")!)
        try await kit.close()
        let enterprise = Fixtures.enterprise(index: 7)
        func row(_ document: String, date: String) -> String {
            [
                enterprise.name, "法人及非法人组织", enterprise.creditCode.rawValue, "", document, "虚假材料", "提供虚假材料。",
                "《行政许可法》第七十八条",
                "警告", "警告", "", "", "", date, "", "", regulator.name, regulator.creditCode.rawValue, "", "", "",
            ].joined(separator: ",")
        }
        let header = PublicRecord.penaltyHeaders.joined(separator: ",")
        let file = dir.appendingPathComponent("penalties.csv").path
        func run(_ arguments: [String]) async throws {
            var parser = ArgumentParser(arguments, command: IntakeCommand.self)
            try await IntakeCommand.run(&parser)
        }
        try [header, row("甲1", date: "2025-05-01"), row("甲2", date: "2025-13-01")].joined(separator: "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        var caught: CLIError?
        do { try await run([file, "--store", path]) } catch let error as CLIError { caught = error }
        #expect(caught?.message.contains("line 3, column 处罚决定日期") == true, "\(String(describing: caught))")
        #expect(caught?.message.contains("nothing was written") == true)
        try [header, row("甲1", date: "2025-05-01"), row("甲2", date: "2025-12-01")].joined(separator: "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try await run([file, "--store", path, "--check"])
        #expect(try openKit(path).view.head.sequence == 1, "--check writes nothing")
        try await run([file, "--store", path])
        try await run([file, "--store", path])
        let after = try openKit(path)
        #expect(after.view.head.sequence == 4, "a registration and two records, once")
        #expect(try after.records().values.map(\.documentNumber).sorted() == ["甲1", "甲2"])
        // Options are checked before the file is read.
        for bad in [
            [file], [file, "--store", path, "--layout", "fines"], ["x.json", "--store", path, "--layout", "penalty"],
        ] {
            await #expect(throws: CLIError.self) { try await run(bad) }
        }
    }
}

@Suite("creditkit submit")
struct SubmitCommandTests {
    @Test("written once; taken again, identical files are kept; a file that differs is refused, never overwritten")
    func submitTwice() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-submit-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: LocalDate("2024-01-01")!)
        try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: LocalDate("2024-06-01")!))
        try await kit.close()
        let year = FixedClock.demo.now().chinaDate.year
        let out = dir.appendingPathComponent("out").path
        func run(_ arguments: [String]) async throws {
            var parser = ArgumentParser(arguments, command: SubmitCommand.self)
            try await SubmitCommand.run(&parser)
        }
        let period = "\(year - 1)"
        try await run([path, "--period", period, "--out", out])
        let file = out + "/creditkit-submission-\(period).jsonl"
        let written = try #require(FileManager.default.contents(atPath: file))
        try await run([path, "--period", period, "--out", out])
        #expect(FileManager.default.contents(atPath: file) == written)
        // A differing manifest with no records file beside it: refused, and the records file is not written either.
        let manifest = out + "/creditkit-submission-\(period).manifest.json"
        try FileManager.default.removeItem(atPath: file)
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: manifest))
        await #expect(throws: CLIError.self) { try await run([path, "--period", period, "--out", out]) }
        #expect(!FileManager.default.fileExists(atPath: file))
        try FileManager.default.removeItem(atPath: manifest)
        try await run([path, "--period", period, "--out", out])
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: file))
        var caught: CLIError?
        do { try await run([path, "--period", period, "--out", out]) } catch let error as CLIError { caught = error }
        #expect(caught?.message.contains("differs") == true)
        #expect(FileManager.default.contents(atPath: file) == Data("{}\n".utf8))
        for bad in [[path, "--out", out], [path, "--period", "2026-Q9", "--out", out], [path, "--period", period]] {
            await #expect(throws: CLIError.self) { try await run(bad) }
        }
    }
}
