import Bidding
import CreditKitCore
import Foundation

enum DeadlineCommand: Command {
    static let name = "deadline"
    static let summary = "the last allowed day of a period, on China's working-day calendar"
    static let help = """
        usage: creditkit deadline --from YYYY-MM-DD (--working-days N | --days N | --rule RULE-ID)
                                  [--profile NAME] [--no-rest-day-rule]

        Counts a period from a triggering day, which does not count (民法典 art. 201), and prints the due date
        (YYYY-MM-DD) on its last line.

          --working-days N     N working days: weekends and holidays skipped, 调休 working weekends counted
          --days N             N calendar days; a last day on a rest day moves to the next working day (art. 203)
          --rule RULE-ID       the period a rule sets in the profile on that day, the core's or a module's: e.g.
                               disclosure.penalty.publication,
                               procurement.contract.late-filing
          --profile NAME       the jurisdiction profile (default national): \(JurisdictionProfile.shipped.map(\.id).joined(separator: ", "))
          --no-rest-day-rule   do not move a calendar-day deadline off a rest day
        """

    /// A shipped profile with the registered modules' rules as national defaults, as a kit has it.
    static func profile(named name: String) throws -> JurisdictionProfile {
        guard let shipped = JurisdictionProfile.named(name) else {
            throw CLIError(
                message:
                    "no profile '\(name)'; shipped: \(JurisdictionProfile.shipped.map(\.id).joined(separator: ", "))")
        }
        return try shipped.addingDefaults(allSectorModules.flatMap(\.ruleFigures))
    }

    static func run(_ arguments: inout ArgumentParser) async throws {
        guard let from = try arguments.dateOption("--from") else {
            throw CLIError(message: "--from YYYY-MM-DD is required; see `creditkit deadline --help`")
        }
        let profile = try Self.profile(named: try arguments.option("--profile") ?? "national")
        let working = try arguments.option("--working-days")
        let days = try arguments.option("--days")
        let rule = try arguments.option("--rule")
        let noRestDayRule = arguments.flag("--no-rest-day-rule")
        try arguments.finish()
        guard [working, days, rule].compactMap({ $0 }).count == 1 else {
            throw CLIError(message: "give exactly one of --working-days N, --days N, --rule RULE-ID")
        }
        func count(_ text: String, _ option: String) throws -> Int {
            guard let n = Int(text), n >= 0, n <= 100_000 else {
                throw CLIError(message: "\(option) takes a whole number from 0 to 100000, not '\(text)'")
            }
            return n
        }
        let deadline: Deadline
        var lines: [String] = []
        if let working {
            deadline = profile.calendar.deadline(.workingDays(try count(working, "--working-days")), from: from)
        } else if let days {
            deadline = profile.calendar.deadline(
                .days(try count(days, "--days")), from: from, restDayExtension: !noRestDayRule)
        } else {
            do {
                let (found, figure) = try profile.deadline(RuleID(rule!), from: from)
                deadline = found
                lines.append("rule \(figure.rule): \(figure.title.chinese) — \(figure.figure)")
                lines.append(
                    "basis: \(figure.basis.map(\.description).joined(separator: "; "))\(figure.confirmed ? "" : " (documented default)")"
                )
            } catch let error as CreditKitError {
                // A rule of one place only: say which profiles have it (unless this is one of them, and the rule's
                // figure is simply not a period of days).
                let holders = JurisdictionProfile.shipped.filter { $0.local[RuleID(rule!)] != nil }.map(\.id)
                throw CLIError(
                    message: error.message
                        + (holders.isEmpty || holders.contains(profile.id)
                            ? "" : "; it is a local rule: use --profile \(holders.joined(separator: " or "))"))
            }
        }
        lines.append("from \(from) (not counted), \(deadline.period) on the \(profile.id) calendar")
        if deadline.wasExtended {
            let name = profile.calendar.holidayName(deadline.counted).map { " (\($0))" } ?? ""
            lines.append("counted to \(deadline.counted), a rest day\(name); moved to the next working day")
        }
        if deadline.provisional {
            FileHandle.standardError.write(
                Data(
                    "note: a year in this period has no holiday notice in the calendar; weekends only were counted\n"
                        .utf8))
        }
        lines.append(deadline.due.description)
        print(lines.joined(separator: "\n"))
    }
}

enum RulesCommand: Command {
    static let name = "rules"
    static let summary = "print the rule catalogue of every shipped profile as Markdown"
    static let help = """
        usage: creditkit rules

        Prints every rule id with its figure, unit, rest-day rule, legal basis and dates, for the national
        profile and each local profile's overrides: the text of Docs/RULES.md.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        try arguments.finish()
        print(try text(), terminator: "")
    }

    /// The catalogue: every profile's rules, the evaluation model, then the red flags (indicators, not law).
    static func text() throws -> String {
        try RuleCatalogue.markdown(modules: allSectorModules) + RedFlagSettings.catalogueMarkdown
    }
}
