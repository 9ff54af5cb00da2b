import Bidding
import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Testing

/// The eleven red flags against Cardinal's own fixtures, each read with the settings file its name encodes, as
/// Cardinal's own tests derive it: same processes, same groups, same values.
@Suite("Red flags against Cardinal's fixtures")
struct CardinalFixtureTests {
    /// The real OCDS files and Cardinal's fixtures, found by `CreditKitTesting`'s one helper.
    static let peers = Peers.ocds

    typealias Results = [String: [String: [String: Double]]]

    /// Our flags as Cardinal prints them: group, key, code, value (read back from `CardinalOutput`'s text, so the
    /// shape is tested with the values).
    static func run(_ file: URL, _ settings: RedFlagSettings) throws -> Results {
        var scan = RedFlagScan(settings: settings)
        _ = try OCDSReader.read(path: file.path) { scan.add($0) }
        let text = CardinalOutput.json(scan.finish(), meta: nil)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return expected(json, codes: Set(RedFlagCode.allCases.map(\.rawValue)))
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

    /// Equal groups, keys and codes, values within 1e-9 (Cardinal's own tolerance).
    static func same(_ a: Results, _ b: Results) -> Bool {
        guard a.keys == b.keys else { return false }
        for (group, keys) in a {
            guard let other = b[group], Set(keys.keys) == Set(other.keys) else { return false }
            for (key, codes) in keys {
                guard let o = other[key], Set(codes.keys) == Set(o.keys) else { return false }
                for (code, value) in codes where abs(value - o[code]!) > 1e-9 { return false }
            }
        }
        return true
    }

    /// The settings file a fixture's name encodes, as Cardinal's build script derives it: the code's section; a
    /// name `CODE-key-value` sets that key (`+` meaning `|`); `CODE-field-k1-v1-k2-v2` sets the keys in
    /// `[CODE.field]`; and every fixture has `NPC` as a method without price comparison and `EXC` excluded.
    static func fixtureINI(_ name: String) -> String {
        var parts = name.replacingOccurrences(of: "+", with: "|").split(separator: "-").map(String.init)
        let code = parts.removeFirst()
        var ini = "no_price_comparison_procurement_methods = NPC\n\n[exclusions]\nprocurement_method_details = EXC\n\n"
        ini += "[\(code)]\n"
        if parts.count == 2 {
            ini += "\(parts[0]) = \(parts[1])\n"
        } else if parts.count > 2 {
            ini += "\n[\(code).\(parts[0])]\n"
            for i in stride(from: 1, to: parts.count - 1, by: 2) { ini += "\(parts[i]) = \(parts[i + 1])\n" }
        }
        return ini
    }

    static let fixtureNames = [
        "R003", "R003-threshold-10", "R003-procurement_methods-open+selective",
        "R003-procurement_method_details-x-5-y-10", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038",
        "R038-tenderer", "R048-minimum_contracting_processes-1", "R058",
    ]

    @Test(
        "each indicator fixture, with the settings its name encodes, gives Cardinal's expected output",
        arguments: fixtureNames)
    func indicatorFixture(_ name: String) throws {
        let dir = Self.peers.appendingPathComponent("cardinal-fixtures/indicators")
        let settings = try RedFlagSettings(cardinalINI: Self.fixtureINI(name))
        #expect(settings.enabled == [try #require(RedFlagCode(rawValue: String(name.prefix(4))))])
        let got = try Self.run(dir.appendingPathComponent(name + ".jsonl"), settings)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent(name + ".expected")))
        let expected = Self.expected(json, codes: Set(RedFlagCode.allCases.map(\.rawValue)))
        #expect(!got.isEmpty && Self.same(got, expected), "\(got) is not \(expected)")
    }

    @Test("every fixture of Cardinal's is tested")
    func everyFixture() throws {
        let dir = Self.peers.appendingPathComponent("cardinal-fixtures/indicators")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }
        #expect(Set(names.map { String($0.dropLast(6)) }) == Set(Self.fixtureNames))
    }

    /// The settings files of Cardinal's documentation: `settings.ini` enables every indicator with its defaults;
    /// `024.ini`, `025.ini`, `030.ini` and `035.ini` only their own; `048.ini` sets `minimum_contracting_processes`.
    static func docsINI(_ command: String, _ number: String) -> String {
        if command.contains("settings.ini") {
            return RedFlagCode.allCases.map { "[\($0.rawValue)]" }.joined(separator: "\n")
        }
        return number == "048" ? "[R048]\nminimum_contracting_processes = 1\n" : "[R\(number)]\n"
    }

    @Test(
        "each documentation example gives the output Cardinal's documentation shows",
        arguments: ["003", "018", "024", "025", "028", "030", "035", "036", "038", "048", "058"])
    func docsExample(_ number: String) throws {
        let dir = Self.peers.appendingPathComponent("cardinal-fixtures/docs-examples")
        let docs = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: dir.appendingPathComponent("expected-from-docs.json")))
                as? [String: [[String: Any]]])
        let example = try #require(docs[number + ".md"]?.first)
        let settings = try RedFlagSettings(
            cardinalINI: Self.docsINI(try #require(example["command"] as? String), number))
        let got = try Self.run(dir.appendingPathComponent(number + ".jsonl"), settings)
        let expected = Self.expected(example["output"] as Any, codes: Set(RedFlagCode.allCases.map(\.rawValue)))
        #expect(!got.isEmpty && Self.same(got, expected), "\(got) is not \(expected)")
    }
}
