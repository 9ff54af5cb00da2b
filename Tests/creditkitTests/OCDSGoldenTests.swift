import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Testing

@testable import creditkit

/// `creditkit ocds check` on every file of the peers folder gives the findings held in `Golden/ocds-check.tsv`:
/// the same rules, processes, subjects, dates and facts, in the same order. A change that moves one names it.
@Suite("OCDS check against the golden summary")
struct OCDSGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/ocds-check.tsv")

    /// The lines the check gives for one file, in the golden file's shape.
    static func lines(for name: String, threads: Int = 2) throws -> [String] {
        let (findings, report) = try OCDSCommand.check(
            path: Peers.file(name).path, asOf: LocalDate("2026-11-30")!, preparation: .init(), threads: threads)
        var out = [
            "=\t\(name)\t\(report.releases)\t\(findings.count)\t\(report.malformed.count)\t\(report.notes.count)"
        ]
        for f in findings {
            let facts =
                f.facts.filter { $0.name != "ocid" }.map { "\($0.name)=\($0.value)" }
                + f.dates.map { "\($0.name)=\($0.date)" }
            let date = OCDSCommand.date(of: f).description
            out.append(
                [name, f.rule.rawValue, f.fact("ocid") ?? "", f.subject.rawValue, date, facts.joined(separator: "; ")]
                    .joined(separator: "\t"))
        }
        return out
    }

    @Test("every peers file gives its golden findings", .enabled(if: Peers.isAvailable, "no OCDS peers folder"))
    func golden() throws {
        let expected = try String(contentsOf: Self.golden, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") }
        let files = try Peers.allFiles()
        #expect(files.count == 28)
        var actual: [String] = []
        for name in files { actual += try Self.lines(for: name) }
        // After a named change, CREDITKIT_WRITE_GOLDEN=1 writes the file anew (then read the diff before committing).
        if ProcessInfo.processInfo.environment["CREDITKIT_WRITE_GOLDEN"] == "1" {
            let header = try String(contentsOf: Self.golden, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("#") }.joined(separator: "\n")
            try (header + "\n" + actual.joined(separator: "\n") + "\n").write(
                to: Self.golden, atomically: true, encoding: .utf8)
        }
        let missing = expected.filter { !actual.contains($0) }
        let extra = actual.filter { !expected.contains($0) }
        #expect(missing.isEmpty, "golden lines not given now:\n\(missing.prefix(10).joined(separator: "\n"))")
        #expect(
            extra.isEmpty, "lines given now that the golden file lacks:\n\(extra.prefix(10).joined(separator: "\n"))")
        #expect(actual == expected, "the same lines in another order")
    }

    @Test(
        "on one thread, two or three the real sample gives the same findings in the same order",
        .enabled(if: Peers.isAvailable, "no OCDS peers folder"))
    func threads() throws {
        let name = "sample-data-real-examples.compiled.jsonl"
        let one = try Self.lines(for: name, threads: 1)
        #expect(one.count > 500)
        #expect(try Self.lines(for: name, threads: 2) == one)
        #expect(try Self.lines(for: name, threads: 3) == one)
    }

    @Test(
        "a later part's findings that wait in a temporary file come back whole and in order, and the file is removed",
        .enabled(if: Peers.isAvailable, "no OCDS peers folder"))
    func spilled() throws {
        let file = Peers.file("sample-data-real-examples.compiled.jsonl").path
        let asOf = LocalDate("2026-11-30")!
        let temporary = FileManager.default.temporaryDirectory.path
        func spills() throws -> Set<String> {
            Set(
                try FileManager.default.contentsOfDirectory(atPath: temporary).filter {
                    $0.hasPrefix("creditkit-findings-")
                })
        }
        let before = try spills()
        var one: [Finding] = []
        _ = try OCDSRun.check(path: file, modules: allSectorModules, asOf: asOf, threads: 1) { one.append($0) }
        var spilled: [Finding] = []
        let report = try OCDSRun.check(
            path: file, checks: { try OCDSRun.checks(allSectorModules) }, asOf: asOf, threads: 3, keepingInMemory: 0
        ) { spilled.append($0) }
        #expect(report.releases == 1_410 && one.count > 500)
        #expect(spilled == one)
        #expect(try spills() == before)
    }
}
