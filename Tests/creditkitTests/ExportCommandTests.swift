import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@testable import creditkit

@Suite("creditkit export --format ftm")
struct ExportCommandTests {
    @Test(
        "the demo city's export: every registered body and enterprise, one listing per public record, every joint measure"
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
        #expect(count("Company") == Set(city.enterprises.map(\.id)).count)
        let shown = try Disclosure.publicRecords(of: kit, asOf: today)
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

    @Test("options: a format, a way for officials and a prefix are checked before the ledger is opened")
    func options() async throws {
        for bad in [
            ["l.sqlite"], ["l.sqlite", "--format", "csv"], ["l.sqlite", "--format", "ftm", "--officials", "shown"],
            ["l.sqlite", "--format", "ftm", "--id-prefix", "平台"], ["l.sqlite", "--format", "ftm", "--extra"],
        ] {
            var parser = ArgumentParser(bad, command: ExportCommand.self)
            await #expect(throws: CLIError.self) { try await ExportCommand.run(&parser) }
        }
    }
}
