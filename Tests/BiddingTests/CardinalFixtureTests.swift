import Bidding
import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Testing

/// The six red flags against Cardinal's own fixtures: same processes, same groups, same values.
@Suite("Red flags against Cardinal's fixtures")
struct CardinalFixtureTests {
    /// The real OCDS files and Cardinal's fixtures, found by `CreditKitTesting`'s one helper.
    static let peers = Peers.ocds

    typealias Results = [String: [String: [String: Double]]]

    /// Our flags as Cardinal prints them: group, key, code, value.
    static func run(_ file: URL, _ settings: RedFlagSettings) throws -> Results {
        var scan = RedFlagScan(settings: settings)
        _ = try OCDSReader.read(path: file.path) { scan.add($0) }
        var out: Results = [:]
        for f in scan.finish() { out[f.group.rawValue, default: [:]][f.key, default: [:]][f.code.rawValue] = f.value }
        return out
    }

    /// Cardinal's expected results, keeping only the given codes.
    static func expected(_ json: Any, codes: Set<String>) -> Results {
        var out: Results = [:]
        for (group, keys) in (json as? [String: Any]) ?? [:] where group != "Meta" {
            for (key, values) in (keys as? [String: [String: Double]]) ?? [:] {
                for (code, value) in values where codes.contains(code) {
                    out[group, default: [:]][key, default: [:]][code] = value
                }
            }
        }
        return out
    }

    static func fixtureSettings(_ code: RedFlagCode) -> RedFlagSettings {
        var s = RedFlagSettings()
        s.enabled = [code]
        s.noPriceComparisonMethods = ["NPC"]
        s.excludedMethodDetails = ["EXC"]
        return s
    }

    @Test(
        "each indicator fixture gives Cardinal's expected output",
        arguments: ["R018", "R028", "R030", "R035", "R036", "R038", "R038-tenderer"])
    func indicatorFixture(_ name: String) throws {
        let dir = Self.peers.appendingPathComponent("cardinal-fixtures/indicators")
        let code = try #require(RedFlagCode(rawValue: String(name.prefix(4))))
        let got = try Self.run(dir.appendingPathComponent(name + ".jsonl"), Self.fixtureSettings(code))
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent(name + ".expected")))
        #expect(!got.isEmpty && got == Self.expected(json, codes: [code.rawValue]))
    }

    @Test(
        "each documentation example gives the output Cardinal's documentation shows",
        arguments: ["018", "028", "030", "035", "036", "038"])
    func docsExample(_ number: String) throws {
        let dir = Self.peers.appendingPathComponent("cardinal-fixtures/docs-examples")
        let docs = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: dir.appendingPathComponent("expected-from-docs.json")))
                as? [String: [[String: Any]]])
        let example = try #require(docs[number + ".md"]?.first)
        let code = try #require(RedFlagCode(rawValue: "R" + number))
        var settings = RedFlagSettings()
        // settings.ini enables every indicator; NNN.ini only its own.
        if (example["command"] as? String)?.contains("settings.ini") != true { settings.enabled = [code] }
        let got = try Self.run(dir.appendingPathComponent(number + ".jsonl"), settings)
        #expect(
            !got.isEmpty
                && got == Self.expected(example["output"] as Any, codes: Set(RedFlagCode.allCases.map(\.rawValue))))
    }
}
