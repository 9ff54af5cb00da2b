import CreditKitCore
import Foundation

enum FindingsCommand: Command {
    static let name = "findings"
    static let summary = "the clues (线索) the core checks find as of a date, for an officer to confirm or dismiss"
    static let help = """
        usage: creditkit findings PATH [--as-of YYYY-MM-DD] [--rule PREFIX]

        Runs every check, core (publication, objections, repairs, complaints, commitments, rectification, major
        decisions) and sector, and prints each finding: rule, subject, facts, dates and the ledger entries that are its evidence.
        An official a finding names (a PPP stage's responsible official) is shown by name and masked ID number.

          --as-of DATE     the day (default: today in China time)
          --rule PREFIX    only rules whose id starts with PREFIX, e.g. commitment.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let asOf = try arguments.dateOption("--as-of")
        let prefix = try arguments.option("--rule") ?? ""
        try arguments.finish()
        let kit = try openKit(arguments.location(path))
        let all = try kit.runChecks(asOf: asOf)
        let findings = all.filter { $0.rule.rawValue.hasPrefix(prefix) }
        for f in findings {
            print("\(f.title.chinese)  \(try ProfileText.name(of: f.subject, kit: kit))  [\(f.severity.chineseName)]")
            print("  规则 rule \(f.rule) — 依据 \(f.basis.map(\.description).joined(separator: "；"))")
            print("  事实 facts: " + (try factsText(f, kit: kit)))
            print(
                "  日期 dates: " + f.dates.map { "\(labels(for: f).label($0.name)) \($0.date)" }.joined(separator: ", ")
                    + "; 证据 evidence "
                    + (f.evidence.isEmpty
                        ? "none (an act that never came)" : "#" + f.evidence.map(String.init).joined(separator: ", #")))
        }
        print("核查线索 \(findings.count) 条 finding\(findings.count == 1 ? "" : "s")")
    }

    /// A finding's facts as the operator reads them: a fact naming an official (a stage's responsible official)
    /// shows the name and masked ID number, since the operator holds the vault's keys and a token tells nothing.
    /// - Parameters:
    ///   - finding: The finding.
    ///   - kit: The kit the names are read from.
    /// - Returns: `name=value` pairs.
    /// - Throws: When an official's sealed data cannot be opened (a fault, never shown as erased).
    static func factsText(_ finding: Finding, kit: CreditKit) throws -> String {
        let labels = labels(for: finding)
        return try finding.facts.map { try named(labels.text($0), kit: kit) }.joined(separator: "; ")
    }

    /// The core's fact labels, with those of the module whose rule the finding is (a name means what its module says).
    static func labels(for finding: Finding) -> FactLabels { FactLabels.of(finding.rule, among: allSectorModules) }

    /// A text with each registered subject's identifier in it replaced by its name: an official's (`person:` and 64
    /// hex digits) by the name and masked ID number, an agency's or enterprise's credit code by its name.
    static func named(_ text: String, kit: CreditKit) throws -> String {
        var out = ""
        var word = ""
        func flush() throws {
            let id = SubjectID(rawValue: word)
            out += word.count >= 18 && kit.view.subject(id) != nil ? try ProfileText.name(of: id, kit: kit) : word
            word = ""
        }
        for c in text {
            if c.isASCII && (c.isLetter || c.isNumber || c == ":") {
                word.append(c)
            } else {
                try flush()
                out.append(c)
            }
        }
        try flush()
        return out
    }
}
