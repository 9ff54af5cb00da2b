import CreditKitCore
import Foundation

/// A figures file judged without a ledger (债务数据评估): each region's year assessed, the problems of reading and
/// judging, and a summary. `creditkit debt assess FILE.csv` prints it.
public struct DebtFileAssessment: Sendable {
    /// The day looked at.
    public var asOf: LocalDate
    /// One assessment per row read, in file order.
    public var assessments: [DebtAssessment]
    /// What could not be read or judged, in file order.
    public var problems: [DebtDataProblem]

    /// Reads and judges a figures file.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - asOf: The day looked at.
    ///   - profile: The profile whose figures apply.
    /// - Throws: `CreditKitError` (`invalidCSV`) when the file cannot be read as the layout; a figure the
    ///   profile lacks.
    public init(_ text: String, asOf: LocalDate, profile: JurisdictionProfile = .national) throws {
        let file = try DebtCSV.readFigures(text)
        let assessor = try DebtAssessor(profile: profile)
        self.asOf = asOf
        var problems = file.problems
        assessments = []
        for (line, figures, _) in file.rows {
            guard let firstDay = LocalDate(validYear: figures.year, month: 1, day: 1), firstDay <= asOf else {
                problems.append(
                    DebtDataProblem(
                        region: figures.region.rawValue, year: figures.year, line: line, field: "年度",
                        reason:
                            "年度晚于评估日（\(asOf)），本行不评估 (the year begins after the day looked at; the row is not judged)"))
                continue
            }
            let a = try assessor.assess(
                figures, asOf: asOf, subject: SubjectID(rawValue: "region:\(figures.region)"), line: line)
            assessments.append(a)
            problems += a.problems
        }
        self.problems = problems.sorted { ($0.line ?? 0, $0.field) < ($1.line ?? 0, $1.field) }
    }

    /// The counts an official reads first.
    public var summary: [(key: String, value: Int)] {
        let findings = assessments.flatMap(\.findings)
        func rows(_ rule: RuleID) -> Int {
            assessments.filter { a in a.findings.contains { $0.rule == rule } }.count
        }
        var out: [(String, Int)] = [
            ("regions", Set(assessments.map(\.figures.region)).count), ("rows", assessments.count),
            ("withDebtRatio", assessments.filter { $0.debtRatio != nil }.count),
        ]
        for colour in DebtRiskColour.allCases {
            out.append((colour.rawValue, assessments.filter { $0.colour == colour }.count))
        }
        out += [
            ("overLimit", rows(DebtLaw.overLimit.id)), ("overWarning", rows(DebtLaw.ratioWarning.id)),
            ("restructuring", assessments.filter { $0.restructuring == true }.count),
            ("emergency", assessments.filter { $0.emergencyLevel != nil }.count),
            ("findings", findings.count), ("problems", problems.count),
        ]
        return out
    }

    /// The JSON the tool prints: `assessments`, `findings`, `summary` and `problems`; ratios as decimal strings
    /// with two decimals (percent), `null` when they cannot be computed.
    /// - Returns: The text.
    public func json() -> String {
        func string(_ s: String?) -> String {
            guard let s else { return "null" }
            // Most text needs no escape at all.
            if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                return "\"" + s + "\""
            }
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func object(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        let assessmentLines = assessments.map { a in
            "    "
                + object([
                    ("region", string(a.figures.region.rawValue)), ("regionName", string(a.figures.regionName)),
                    ("year", String(a.figures.year)), ("debtRatio", string(a.debtRatioText)),
                    ("colour", string(a.colour?.rawValue)),
                    ("generalInterestRatio", string(a.generalInterestText)),
                    ("specialInterestRatio", string(a.specialInterestText)),
                    ("restructuring", a.restructuring.map { $0 ? "true" : "false" } ?? "null"),
                    ("overdueRatio", string(a.overdueText)), ("overdueBand", string(a.overdueBand?.rawValue)),
                    ("emergencyLevel", string(a.emergencyLevel?.rawValue)), ("ruleDay", string(a.ruleDay.description)),
                ])
        }
        let findingLines = assessments.flatMap { a in
            a.findings.map { f in
                "    "
                    + object([
                        ("rule", string(f.rule.rawValue)), ("region", string(a.figures.region.rawValue)),
                        ("year", String(a.figures.year)),
                        (
                            "facts",
                            object(
                                f.facts.filter { $0.name != "region" && $0.name != "year" }.map {
                                    ($0.name, string($0.value))
                                })
                        ),
                        ("basis", string(f.basis.map(\.description).joined(separator: "；"))),
                    ])
            }
        }
        let problemLines = problems.map { p in
            "    "
                + object([
                    ("region", string(p.region)), ("year", p.year.map(String.init) ?? "null"),
                    ("line", p.line.map(String.init) ?? "null"), ("field", string(p.field)),
                    ("reason", string(p.reason)),
                ])
        }
        func list(_ lines: [String]) -> String {
            lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n  ]"
        }
        return "{\n  \"asOf\": \(string(asOf.description)),\n  \"assessments\": \(list(assessmentLines)),\n"
            + "  \"findings\": \(list(findingLines)),\n  \"summary\": \(object(summary.map { ($0.key, String($0.value)) })),\n"
            + "  \"problems\": \(list(problemLines))\n}\n"
    }
}

/// `creditkit debt assess`: a figures file judged without a ledger.
enum DebtAssessTool {
    static let help = """
        usage: creditkit debt assess FILE.csv [--as-of YYYY-MM-DD] [--format json|csv|md|html]

        Judges a CSV of debt and fiscal figures by region and year (the layout `debt-figures`: 地区代码, 地区名称, 年度,
        一般债务余额, 专项债务余额, 一般债务限额, 专项债务限额, 综合财力, 一般公共预算支出, 政府性基金预算支出,
        一般债务付息支出, 专项债务付息支出, 逾期债务, optional 隐性债务; amounts in 万元) without a ledger: the debt ratio
        and its risk colour, the restructuring trigger, the overdue band and emergency level, and the findings, each
        by the rule versions in force on the year's last day (or on --as-of, when earlier). A cell or row that cannot
        be judged (a text amount, a missing or zero denominator, a repeated region-year) is listed under problems,
        never shown as 0% or infinity; the rest of the row is still judged.

        Exit 0 when the file was read, problems or not; 1 when it cannot be read (missing file, wrong headers).

        --as-of DATE   the day looked at (default: today, China time)
        --format F     json (default), csv (the assessments table), md or html (a report for officials)
        """

    static let tool = ModuleTool(
        name: "assess", summary: "judge a CSV of debt figures by region and year, without a ledger", help: help
    ) { arguments in
        var rest = arguments
        func option(_ name: String) throws -> String? {
            guard let i = rest.firstIndex(of: name) else { return nil }
            guard i + 1 < rest.count else { throw CreditKitError(.invalidArgument, "\(name) needs a value") }
            let value = rest[i + 1]
            rest.removeSubrange(i...(i + 1))
            return value
        }
        let asOf = try option("--as-of").map { try LocalDate(parsing: $0) } ?? SystemClock().now().chinaDate
        let format = try option("--format") ?? "json"
        guard ["json", "csv", "md", "html"].contains(format) else {
            throw CreditKitError(.invalidArgument, "--format takes json, csv, md or html, not '\(format)'")
        }
        guard rest.count == 1, let file = rest.first, !file.hasPrefix("--") else {
            throw CreditKitError(
                .invalidArgument, rest.isEmpty ? "name the CSV FILE" : "unexpected '\(rest.joined(separator: " "))'")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CreditKitError(.invalidArgument, "cannot read \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CreditKitError(.invalidCSV, "\(file) is not UTF-8 text; save it as CSV UTF-8")
        }
        let result: DebtFileAssessment
        do {
            result = try DebtFileAssessment(text, asOf: asOf)
        } catch let error as CreditKitError {
            throw CreditKitError(error.code, "\(file): \(error.message)", context: error.context)
        }
        switch format {
        case "json": return .init(output: result.json())
        case "csv":
            let table = DebtReport.assessmentTable(result)
            return .init(output: CSVText.document([table.headers] + table.rows))
        case "md": return .init(output: ReportRenderer.markdown(try DebtReport.assessmentReport(result)))
        default: return .init(output: ReportRenderer.html(try DebtReport.assessmentReport(result)))
        }
    }
}
