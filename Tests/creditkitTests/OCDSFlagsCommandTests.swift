import Bidding
import CreditKitTesting
import Foundation
import Testing

/// `creditkit ocds flags` run as a user runs it: the built tool, a Cardinal settings file, Cardinal's shape out.
@Suite("creditkit ocds flags")
struct OCDSFlagsCommandTests {
    let peers = Peers.ocds
    let tool = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("creditkit")

    func run(_ arguments: [String]) throws -> (Int32, String, String) {
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "build the tool first: \(tool.path)")
        return try ReadmeCommandTests().run(tool, arguments, in: FileManager.default.temporaryDirectory)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a fixture with its settings file prints exactly Cardinal's expected output, --no-meta as Cardinal has it")
    func fixtureInCardinalShape() throws {
        let dir = peers.appendingPathComponent("cardinal-fixtures/indicators")
        let ini = FileManager.default.temporaryDirectory.appendingPathComponent("ck-flags-\(UUID()).ini")
        // A temporary file: a failure to remove it changes nothing tested.
        defer { try? FileManager.default.removeItem(at: ini) }
        try CardinalFixtureINI.text("R024").write(to: ini, atomically: true, encoding: .utf8)
        let (code, out, _) = try run([
            "ocds", "flags", dir.appendingPathComponent("R024.jsonl").path, "--settings", ini.path, "--format",
            "cardinal", "--no-meta",
        ])
        #expect(code == 0)
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent("R024.expected")))
        #expect(try json(out) as NSDictionary == expected as? NSDictionary)
    }

    @Test("the real sample on one thread and on two: the same flags and meta, Cardinal's 379 short periods among them")
    func threads() throws {
        let file = peers.appendingPathComponent("sample-data-real-examples.compiled.jsonl").path
        let (c1, one, _) = try run(["ocds", "flags", file, "--format", "cardinal", "--threads", "1"])
        let (c2, two, _) = try run(["ocds", "flags", file, "--format", "cardinal", "--threads", "2"])
        #expect(c1 == 0 && c2 == 0)
        #expect(try json(one) as NSDictionary == json(two) as NSDictionary)
        let processes = try #require(try json(one)["OCID"] as? [String: [String: Double]])
        #expect(processes.filter { $0.value["R003"] != nil }.count == 379)
        let (_, md, _) = try run(["ocds", "flags", file, "--format", "md"])
        // Counted as Cardinal counts, per group: a process and the tenderers it marks are not added together.
        #expect(md.contains("共读取 1410 条发布；风险信号 423 条（另有 34 条对相关投标人的伴随标记）"))
        #expect(md.contains("| R003 | 投标期限过短 | 379 | 0 | 0 | 0 | 0 |"))
        #expect(md.contains("| R018 | 仅一家投标 | 29 | 0 | 0 | 0 | 0 |"))
        #expect(md.contains("| R028 | 投标报价相同 | 15 | 0 | 0 | 0 | 34 |"))
        let (_, json, _) = try run(["ocds", "flags", file])
        let summary = try #require(try self.json(json)["summary"] as? [String: Any])
        let byIndicator = try #require(summary["byIndicator"] as? [String: [String: Int]])
        #expect(byIndicator == ["R003": ["OCID": 379], "R018": ["OCID": 29], "R028": ["OCID": 15, "Tenderer": 34]])
    }

    @Test("a settings file with an unknown key is refused, naming it, and nothing is printed")
    func badSettings() throws {
        let ini = FileManager.default.temporaryDirectory.appendingPathComponent("ck-flags-\(UUID()).ini")
        // A temporary file: a failure to remove it changes nothing tested.
        defer { try? FileManager.default.removeItem(at: ini) }
        try "[R038]\nminimum_bids = 3\n".write(to: ini, atomically: true, encoding: .utf8)
        let file = peers.appendingPathComponent("cardinal-fixtures/indicators/R038.jsonl").path
        let (code, out, err) = try run(["ocds", "flags", file, "--settings", ini.path])
        #expect(code != 0 && out.isEmpty && err.contains("line 2: unknown key [R038] minimum_bids"))
        let (code2, _, err2) = try run(["ocds", "flags", file, "--threads", "0"])
        #expect(code2 != 0 && err2.contains("--threads takes a whole number from 1 to 256"))
    }

    @Test("statuses outside the OCDS codelist are counted on stderr; a file of which no line reads is an error")
    func warnings() throws {
        let armenia = FileManager.default.temporaryDirectory.appendingPathComponent("ck-flags-\(UUID()).jsonl")
        // A temporary file: a failure to remove it changes nothing tested.
        defer { try? FileManager.default.removeItem(at: armenia) }
        let all = try String(
            contentsOf: peers.appendingPathComponent("sample-data-real-examples.compiled.jsonl"), encoding: .utf8)
        try all.split(separator: "\n").filter { $0.contains("\"ocid\":\"AM-PPS") }.joined(separator: "\n")
            .write(to: armenia, atomically: true, encoding: .utf8)
        let (code, _, err) = try run(["ocds", "flags", armenia.path, "--format", "cardinal"])
        // Counted over the releases the flags read (cancelled tenders and excluded methods left out).
        #expect(code == 0)
        #expect(err.contains("1115 bids have a status outside the OCDS codelist (qualified 727, not-qualified 388)"))
        let (code2, _, err2) = try run([
            "ocds", "flags", armenia.path, "--bid-status", "qualified=valid", "--bid-status",
            "not-qualified=disqualified",
        ])
        #expect(code2 == 0 && !err2.contains("outside the OCDS codelist"))
        let garbage = FileManager.default.temporaryDirectory.appendingPathComponent("ck-flags-\(UUID()).jsonl")
        // A temporary file: a failure to remove it changes nothing tested.
        defer { try? FileManager.default.removeItem(at: garbage) }
        try "not json\n{also not\n".write(to: garbage, atomically: true, encoding: .utf8)
        let (code3, out3, err3) = try run(["ocds", "flags", garbage.path, "--format", "cardinal"])
        #expect(code3 != 0 && out3.isEmpty && err3.contains("no line of"))
    }

    @Test("ocds check with a temporary folder that cannot be written fails before printing anything")
    func unwritableTemporaryFolder() throws {
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "build the tool first: \(tool.path)")
        let (code, output, error) = try ReadmeCommandTests().run(
            tool,
            [
                "ocds", "check", peers.appendingPathComponent("sample-data-real-examples.compiled.jsonl").path,
                "--threads", "2",
            ], in: FileManager.default.temporaryDirectory, environment: ["TMPDIR": "/nonexistent/ck-tmp"])
        #expect(code != 0 && output.isEmpty)
        #expect(error.contains("cannot write a temporary file") && error.contains("TMPDIR"))
    }

    @Test("`ocds settings` prints a file that reads back as every indicator at Cardinal's defaults")
    func settingsTemplate() throws {
        let (code, out, _) = try run(["ocds", "settings"])
        #expect(code == 0)
        let settings = try RedFlagSettings(cardinalINI: out)
        #expect(settings.enabled == Set(RedFlagCode.allCases) && settings.preparation.isEmpty)
        #expect(settings.submissionPeriodDays == 15 && settings.minimumAwardedProcesses == 20)
    }
}

/// The settings file a Cardinal fixture's name encodes (the same derivation as the Bidding tests').
enum CardinalFixtureINI {
    static func text(_ name: String) -> String {
        var parts = name.replacingOccurrences(of: "+", with: "|").split(separator: "-").map(String.init)
        let code = parts.removeFirst()
        var ini = "no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n"
        ini += "[\(code)]\n"
        if parts.count == 2 { ini += "\(parts[0]) = \(parts[1])\n" }
        return ini
    }
}
