import CreditKitCore
import Foundation

enum FindingsCommand: Command {
    static let name = "findings"
    static let summary = "the clues (线索) the core checks find as of a date, for an officer to confirm or dismiss"
    static let help = """
        usage: creditkit findings PATH [--as-of YYYY-MM-DD] [--rule PREFIX]

        Runs every check, core (publication, objections, repairs, complaints, commitments, rectification, major
        decisions) and sector, and prints each finding: rule, subject, facts, dates and the ledger entries that are its evidence.

          --as-of DATE     the day (default: today in China time)
          --rule PREFIX    only rules whose id starts with PREFIX, e.g. commitment.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let asOf = try arguments.dateOption("--as-of")
        let prefix = try arguments.option("--rule") ?? ""
        try arguments.finish()
        let kit = try openKit(path)
        let all = try kit.runChecks(asOf: asOf)
        let findings = all.filter { $0.rule.rawValue.hasPrefix(prefix) }
        for f in findings {
            print("\(f.rule)  \(try ProfileText.name(of: f.subject, kit: kit))  [\(f.severity.chineseName)]")
            print("  \(f.title.chinese) — \(f.basis.map(\.description).joined(separator: "; "))")
            print("  facts: " + f.facts.map { "\($0.name)=\($0.value)" }.joined(separator: "; "))
            print(
                "  dates: " + f.dates.map { "\($0.name) \($0.date)" }.joined(separator: ", ") + "; evidence #"
                    + f.evidence.map(String.init).joined(separator: ", #"))
        }
        print("\(findings.count) finding\(findings.count == 1 ? "" : "s")")
    }
}
