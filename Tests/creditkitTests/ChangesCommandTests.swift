import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@testable import creditkit

@Suite("creditkit changes")
struct ChangesCommandTests {
    @Test("JSON lines and CSV: one change a line, each field as the entry has it")
    func lines() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-changes-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: LocalDate("2024-01-01")!)
        try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: LocalDate("2024-06-01")!))
        try await kit.close()
        let entries = try openKit(path).ledger.read([LedgerEntry.ID(1), LedgerEntry.ID(2)])

        let json = ChangesCommand.jsonLine(LedgerChange(entries[1]))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["sequence"] as? Int == 2)
        #expect(object["kind"] as? String == "core.record.entered")
        #expect(object["subjects"] as? [String] == [agency.id.rawValue])
        #expect(object["day"] as? String == "2024-06-01")
        #expect(object["hash"] as? String == entries[1].hash.hex)
        #expect(object["previous_hash"] as? String == entries[0].hash.hex)
        #expect(object["role"] as? String == "system")
        #expect(json.hasSuffix("}\n") && !json.dropLast().contains("\n"))
        let csv = ChangesCommand.csvLine(LedgerChange(entries[0]))
        #expect(csv.hasPrefix("1,core.agency.registered,\(agency.id.rawValue),2024-01-01,"))

        // The command: bad options are refused before anything is read.
        for bad in [["--since", "-1"], ["--limit", "0"], ["--format", "xml"]] {
            var parser = ArgumentParser([path] + bad, command: ChangesCommand.self)
            await #expect(throws: CLIError.self) { try await ChangesCommand.run(&parser) }
        }
    }
}
