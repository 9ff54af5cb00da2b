import Bidding
import CreditKitCore
import Foundation
import OpenContracting
import Testing

/// The flags on real data against Cardinal 0.0.8's own results on the same files (`cardinal-results/`).
@Suite("Red flags on real data against Cardinal")
struct CardinalRealDataTests {
    typealias Results = CardinalFixtureTests.Results

    func compare(_ data: String, _ results: String, _ settings: RedFlagSettings) throws -> (Results, Results) {
        let peers = CardinalFixtureTests.peers
        let got = try CardinalFixtureTests.run(peers.appendingPathComponent(data), settings)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: peers.appendingPathComponent("cardinal-results/" + results)))
        return (got, CardinalFixtureTests.expected(json, codes: Set(RedFlagCode.allCases.map(\.rawValue))))
    }

    func keys(_ r: Results, _ group: String, _ code: String) -> Set<String> {
        Set((r[group] ?? [:]).filter { $0.value[code] != nil }.keys)
    }

    @Test("single bid: the same 29 processes as Cardinal's R018 on the real sample")
    func singleBid() throws {
        let (got, cardinal) = try compare(
            "sample-data-real-examples.compiled.jsonl", "sample-data-real-examples.all-defaults.indicators.json",
            RedFlagSettings())
        #expect(keys(cardinal, "OCID", "R018").count == 29)
        #expect(keys(got, "OCID", "R018") == keys(cardinal, "OCID", "R018"))
        // Beyond the single-bid set, every result of the six flags is Cardinal's, value for value.
        #expect(got == cardinal)
    }

    @Test("Armenia with its bid statuses read as Cardinal's prepare reads them: every result equal")
    func armenia() throws {
        var settings = RedFlagSettings()
        settings.bidStatuses = ["qualified": "valid", "not-qualified": "disqualified"]
        settings.currency = "AMD"
        let peers = CardinalFixtureTests.peers
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-armenia-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let all = try String(
            contentsOf: peers.appendingPathComponent("sample-data-real-examples.compiled.jsonl"), encoding: .utf8)
        try all.split(separator: "\n").filter { $0.contains("\"ocid\":\"AM-PPS") }.joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let got = try CardinalFixtureTests.run(file, settings)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: peers.appendingPathComponent("cardinal-results/armenia.prepared.indicators.json")))
        let cardinal = CardinalFixtureTests.expected(json, codes: Set(RedFlagCode.allCases.map(\.rawValue)))
        #expect(keys(cardinal, "OCID", "R035").count == 19 && keys(cardinal, "OCID", "R036").count == 29)
        #expect(got == cardinal)
    }
}
