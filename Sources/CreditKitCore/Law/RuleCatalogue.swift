/// The rule catalogue (规则目录) as Markdown: every rule id with its figure, unit, legal basis and dates, per
/// profile. `Docs/RULES.md` is this text for the shipped profiles, and a test keeps the two equal.
public enum RuleCatalogue {
    /// The catalogue of profiles: the first in full, each later one with the rules it sets itself.
    /// - Parameters:
    ///   - profiles: The profiles, the national one first.
    ///   - policy: The sanction and incentive policy, listed after the profiles.
    ///   - modules: Sector modules whose rule figures are listed as national defaults.
    /// - Returns: Markdown.
    /// - Throws: When a module's figures do not fit the national profile (two versions in force on one day).
    public static func markdown(
        _ profiles: [JurisdictionProfile] = JurisdictionProfile.shipped, policy: SanctionPolicy = .default,
        modules: [any SectorModule] = []
    ) throws -> String {
        var out = """
            # Rules

            Every rule CreditKit applies: its stable id, figure and unit (`d` calendar days, `wd` working days), whether
            a deadline ending on a rest day moves to the next working day (民法典 art. 203; "—" for minimum durations and
            figures that are not periods), its legal basis and the dates it is in force. Figures live in jurisdiction
            profiles (`JurisdictionProfile`), never as literals in code; a rule asks for the version in force on the
            relevant date. Rows marked **default** are documented defaults no source here confirms: check and override
            them in your profile.

            This file is generated: `swift run creditkit rules > Docs/RULES.md`.

            ## How periods are counted

            - The triggering day does not count (民法典 art. 201); a period ends at 24:00 of its last day (art. 203).
            - A deadline whose last day is a rest day (a weekend or a public holiday, but not a 调休 working weekend)
              moves to the first working day after it (art. 203); a profile may switch this off per rule (art. 204).
            - Minimum durations ("at least 20 days between issue and deadline") are counted plainly.
            - Working days skip weekends and holidays and count 调休 working weekends, from the State Council's notices
              for 2018 to 2026 (`WorkdayCalendar.china`). A year without a notice counts weekends only and results say
              they are provisional.
            - Date-times are read as calendar dates in China time (UTC+8).

            """
        var profiles = profiles
        if let national = profiles.first, !modules.isEmpty {
            profiles[0] = try national.addingDefaults(modules.flatMap(\.ruleFigures))
        }
        for (i, profile) in profiles.enumerated() {
            let rows = i == 0 ? profile.allFigures : profile.local.keys.sorted().flatMap { profile.local[$0]! }
            out += "\n## `\(profile.id)` — \(profile.name.chinese) (\(profile.name.english))"
            out += i == 0 ? "\n\n" : ": overrides of `\(profile.baseID ?? "")`\n\n"
            guard !rows.isEmpty else {
                out +=
                    "No figures of its own: the national ones apply. "
                    + (LocalPlans.byProfile[profile.id].map {
                        "Its plan, \($0.description), is cited beside the national documents in the sanction policy.\n"
                    }
                        ?? "\n")
                continue
            }
            out += "| rule id | what | figure | rest-day rule | legal basis | in force | status |\n"
            out += "|---|---|---|---|---|---|---|\n"
            for row in rows {
                let restDay = row.restDayExtension.map { $0 ? "moves" : "does not move" } ?? "—"
                let dates: String
                switch (row.from, row.through) {
                case (nil, nil): dates = "always"
                case (let from?, nil): dates = "from \(from)"
                case (nil, let through?): dates = "until \(through)"
                case (let from?, let through?): dates = "\(from) – \(through)"
                }
                var status = row.confirmed ? "confirmed" : "**default**"
                if let note = row.note { status += ": " + note }
                let basis = row.basis.map(\.description).joined(separator: "; ")
                out +=
                    "| `\(row.rule)` | \(row.title.chinese) — \(row.title.english) | \(row.figure) | \(restDay) | "
                    + "\(basis) | \(dates) | \(status) |\n"
            }
        }
        out += """

            ## Sanction policy (`SanctionPolicy.default`)

            Joint sanctions: each rule gives several departments' measures from one dishonesty record. A measure runs
            from the record's decision date for its duration (— for one-off measures); mitigating leniency halves it,
            exemption drops it, revocation and repair end it. Durations are documented defaults: the guiding opinion
            and the plans name the measures, not their length.

            | rule id | bases | classes | subjects | reaches | measures | legal basis | status |
            |---|---|---|---|---|---|---|---|

            """
        let dishonestBases = RecordBasis.allCases.filter { $0.allowedPolarities.contains(.dishonesty) }
        for rule in policy.rules {
            let bases =
                Set(rule.bases) == Set(dishonestBases) || rule.bases.isEmpty
                ? "every dishonesty basis" : rule.bases.map(\.rawValue).joined(separator: ", ")
            let measures = rule.measures.map {
                "\($0.department): \($0.measure.chineseName) (`\($0.measure.rawValue)`) \($0.duration.map(\.description) ?? "—")"
            }.joined(separator: "; ")
            let classes = rule.severities.map(\.rawValue).joined(separator: ", ")
            let kinds =
                rule.subjectKinds.map(\.rawValue).joined(separator: ", ")
                + (rule.sectors.isEmpty ? "" : " (sectors: \(rule.sectors.map(\.rawValue).joined(separator: ", ")))")
            let basis = rule.legalBasis.map(\.description).joined(separator: "; ")
            out +=
                "| `\(rule.id)` | \(bases) | \(classes) | \(kinds) | \(rule.target.rawValue) | \(measures) | \(basis) | "
                + (rule.confirmed ? "confirmed" : "**default**") + " |\n"
        }
        out +=
            "\n| incentive rule | bases | subjects | incentives | duration | legal basis |\n|---|---|---|---|---|---|\n"
        for rule in policy.incentives {
            let incentives = rule.incentives.map { "\($0.chineseName) (`\($0.rawValue)`)" }.joined(separator: "; ")
            out +=
                "| `\(rule.id)` | \(rule.bases.map(\.rawValue).joined(separator: ", ")) | "
                + "\(rule.subjectKinds.map(\.rawValue).joined(separator: ", ")) | \(incentives) | \(rule.duration) | "
                + "\(rule.legalBasis.map(\.description).joined(separator: "; ")) |\n"
        }
        out +=
            "\nThe national policy cites national documents only. In a place's own profile (`SanctionPolicy.default(for:)`) "
            + "every measure also cites that place's plan:\n\n"
        for id in LocalPlans.byProfile.keys.sorted() where id != "langfang-transport" {
            out += "- `\(id)`: \(LocalPlans.byProfile[id]!.description)\n"
        }
        out += "\n## Evaluation model (`ScoringModel.governmentIntegrity`)\n\n"
        out +=
            "Weights start from the 2020 city credit monitoring indicators; grades A ≥ 90, B ≥ 80, C ≥ 60, D below "
            + "(configurable). Each indicator's rules are in its documentation.\n\n"
        out += "| indicator | what | points |\n|---|---|---|\n"
        for indicator in ScoringModel.governmentIntegrity.indicators {
            out +=
                "| `\(indicator.id)` | \(indicator.name.chinese) — \(indicator.name.english) | \(Int(indicator.weight)) |\n"
        }
        return out
    }
}
