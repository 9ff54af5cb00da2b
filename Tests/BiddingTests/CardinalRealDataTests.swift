import Bidding
import CreditKitCore
import Foundation
import OpenContracting
import Testing

/// The flags on real data against Cardinal 0.0.8's own results on the same files (`cardinal-results/`), read with
/// Cardinal's settings files: every indicator's section, and for Armenia the codelists `prepare` was given.
@Suite("Red flags on real data against Cardinal")
struct CardinalRealDataTests {
    typealias Results = CardinalFixtureTests.Results

    /// Every indicator on, with its defaults: the settings file Cardinal's results were made with.
    static let allDefaults = RedFlagCode.allCases.map { "[\($0.rawValue)]" }.joined(separator: "\n")

    /// Our results and meta as `CardinalOutput` prints them, and Cardinal's, both read back from JSON.
    func compare(_ data: URL, _ results: String, _ ini: String) throws -> (got: [String: Any], cardinal: [String: Any])
    {
        var scan = RedFlagScan(settings: try RedFlagSettings(cardinalINI: ini))
        _ = try OCDSReader.read(path: data.path) { scan.add($0) }
        let flags = scan.finish()
        let got = try #require(
            try JSONSerialization.jsonObject(with: Data(CardinalOutput.json(flags, meta: scan.meta).utf8))
                as? [String: Any])
        let cardinal = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    contentsOf: CardinalFixtureTests.peers.appendingPathComponent("cardinal-results/" + results)))
                as? [String: Any])
        return (got, cardinal)
    }

    func results(_ json: [String: Any]) -> Results {
        CardinalFixtureTests.expected(json, codes: Set(RedFlagCode.allCases.map(\.rawValue)))
    }

    func count(_ r: Results, _ group: String, _ code: String) -> Int {
        (r[group] ?? [:]).filter { $0.value[code] != nil }.count
    }

    /// The meta's figures equal to Cardinal's four places (a `null` for a figure of no values).
    func sameMeta(_ a: [String: Any], _ b: [String: Any]) -> Bool {
        let x = (a["Meta"] as? [String: [String: Any]]) ?? [:]
        let y = (b["Meta"] as? [String: [String: Any]]) ?? [:]
        guard Set(x.keys) == Set(y.keys) else { return false }
        for (code, figures) in x {
            guard let other = y[code], Set(figures.keys) == Set(other.keys) else { return false }
            for (name, value) in figures {
                switch (value as? Double, other[name] as? Double) {
                case (nil, nil): continue
                case (let u?, let v?) where abs(u - v) < 1e-9: continue
                default: return false
                }
            }
        }
        return true
    }

    var sample: URL { CardinalFixtureTests.peers.appendingPathComponent("sample-data-real-examples.compiled.jsonl") }

    @Test("the real sample with every indicator's defaults: Cardinal's results, value for value, and its meta")
    func sampleAllDefaults() throws {
        let (got, cardinal) = try compare(
            sample, "sample-data-real-examples.all-defaults.indicators.json", Self.allDefaults)
        let ours = results(got)
        #expect(count(ours, "OCID", "R003") == 379 && count(ours, "OCID", "R018") == 29)
        #expect(count(ours, "OCID", "R028") == 15 && count(ours, "Tenderer", "R028") == 34)
        #expect(CardinalFixtureTests.same(ours, results(cardinal)))
        #expect(sameMeta(got, cardinal))
    }

    @Test("Armenia with the codelists Cardinal's prepare was given: every result equal, its meta too")
    func armenia() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-armenia-\(UUID()).jsonl")
        // A temporary copy: a failure to remove it afterwards changes nothing tested.
        defer { try? FileManager.default.removeItem(at: file) }
        let all = try String(contentsOf: sample, encoding: .utf8)
        try all.split(separator: "\n").filter { $0.contains("\"ocid\":\"AM-PPS") }.joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let ini =
            "currency = AMD\n[codelists.bid_status]\nqualified = valid\nnot-qualified = disqualified\n"
            + Self.allDefaults
        let (got, cardinal) = try compare(file, "armenia.prepared.indicators.json", ini)
        let ours = results(got)
        #expect(count(ours, "OCID", "R003") == 306 && count(ours, "OCID", "R018") == 23)
        #expect(count(ours, "OCID", "R035") == 19 && count(ours, "OCID", "R036") == 29)
        #expect(count(ours, "OCID", "R058") == 2 && count(ours, "Tenderer", "R058") == 2)
        #expect(CardinalFixtureTests.same(ours, results(cardinal)))
        #expect(sameMeta(got, cardinal))
    }

    @Test("Portugal's file with every indicator's defaults: Cardinal's four short submission periods")
    func portugal() throws {
        let (got, cardinal) = try compare(
            CardinalFixtureTests.peers.appendingPathComponent("portugal-base-impic.compiled.jsonl"),
            "portugal-base-impic.all-defaults.indicators.json", Self.allDefaults)
        #expect(count(results(got), "OCID", "R003") == 4)
        #expect(CardinalFixtureTests.same(results(got), results(cardinal)))
        #expect(sameMeta(got, cardinal))
    }
}
