import LedgerExample
import Testing

@Suite("Examples")
struct ExampleTests {
    @Test("LedgerExample tells its story and ends with a valid chain")
    func ledgerExample() async throws {
        let lines = try await runLedgerExample()
        #expect(lines.count == 4)
        #expect(lines[1] == "records on 2025-06-01: 0; today: 1")
        #expect(lines[2].contains("130300********0317") || lines[2].contains("********"))
        #expect(!lines.joined().contains("19720514"))
        #expect(lines[3].hasPrefix("chain: valid, 4 entries"))
    }
}
