import CreditKitCore
import Foundation

enum ReportCommand: Command {
    static let name = "report"
    static let summary =
        "write a credit file, ranking, semi-annual report, warning list or a module's report as md, html, csv or json"
    static var help: String {
        """
        usage: creditkit report PATH --kind KIND [--subject CODE] [--as-of YYYY-MM-DD] --format md|html|csv|json
                                --out DIR

        Writes the report into DIR and prints the files written. The same inputs give byte-identical files.

          --kind KIND      file (a subject's credit file, 信用档案), ranking, semiannual (its due day is the
                           local plan's where the profile has one), warnings, commitments-unkept (the year of
                           --as-of: its commitments not kept by agency, with reasons and what was done; --as-of
                           2025-12-31 for the whole of 2025), defaulters (government bodies listed as judgment
                           defaulters, the deadlines to clear and the progress to zero); and the modules' reports:
        \(moduleReports.map { "                   \($0.kind)\($0.subject == .required ? " (with --subject)" : ""): \($0.summary)" }.joined(separator: "\n"))
          --subject CODE   for --kind file (without it, the file of every agency) and the modules' reports about one
                           subject
          --as-of DATE     the day the report speaks of; today (China time) by default
          --format FMT     md, html (one self-contained file with charts), csv (one file per table, UTF-8 with
                           BOM), json
          --out DIR        where the files go (created when missing)
        """
    }

    /// Every registered module's report kinds.
    static var moduleReports: [ModuleReport] { allSectorModules.flatMap(\.reports) }

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let kindText = try arguments.option("--kind") ?? ""
        let module = moduleReports.first { $0.kind == kindText }
        guard ReportKind(rawValue: kindText) != nil || module != nil else {
            let kinds = ReportKind.allCases.map(\.rawValue) + moduleReports.map(\.kind)
            throw CLIError(message: "--kind takes one of \(kinds.joined(separator: ", ")), not '\(kindText)'")
        }
        let subject = try arguments.option("--subject")
        // Today in China time, like every other command, unless a day is given.
        let asOf = try arguments.dateOption("--as-of") ?? LocalDate(chinaTimeOf: Timestamp(Date()))
        let format = try arguments.option("--format") ?? "html"
        guard ["md", "html", "csv", "json"].contains(format) else {
            throw CLIError(message: "--format takes md, html, csv or json, not '\(format)'")
        }
        guard let out = try arguments.option("--out") else { throw CLIError(message: "--out DIR is required") }
        try arguments.finish()
        let kit = try openKit(arguments.location(path))
        let written: [String]
        if let kind = ReportKind(rawValue: kindText) {
            written = try write(kind: kind, subject: subject, asOf: asOf, format: format, out: out, kit: kit)
        } else if let module {
            // A report about one subject is named by it, so a second subject's never overwrites the first's.
            let stem = subject.map { "\(kindText)-\($0.replacingOccurrences(of: ":", with: "-"))" } ?? kindText
            written = try save(
                [(stem, try moduleReport(module, subject: subject, asOf: asOf, kit: kit))], asOf: asOf, format: format,
                out: out)
        } else {
            written = []
        }
        for file in written { print(file) }
    }

    /// A module's report, with its subject resolved when it needs one.
    static func moduleReport(_ module: ModuleReport, subject: String?, asOf: LocalDate, kit: CreditKit) throws
        -> Report
    {
        var id: SubjectID?
        if module.subject == .required {
            guard let subject else { throw CLIError(message: "--kind \(module.kind) needs --subject CODE") }
            id = try ProfileCommand.resolveSubject(subject, kit: kit)
        }
        do {
            return try module.make(kit, id, asOf)
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
    }

    /// Builds and writes reports; returns the paths written.
    static func write(
        kind: ReportKind, subject: String?, asOf: LocalDate, format: String, out: String, kit: CreditKit
    ) throws -> [String] {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var reports: [(stem: String, report: Report)] = []
        switch kind {
        case .file:
            let subjects: [SubjectID]
            if let subject {
                subjects = [try ProfileCommand.resolveSubject(subject, kit: kit)]
            } else {
                subjects = kit.view.subjects(ofKind: .agency, asOf: asOf).map(\.subject.id)
            }
            for id in subjects {
                reports.append(
                    (
                        "file-\(id.rawValue.replacingOccurrences(of: ":", with: "-"))",
                        try kit.creditFile(of: id, asOf: asOf)
                    ))
            }
        case .ranking: reports.append(("ranking", try kit.rankingReport(asOf: asOf)))
        case .semiannual:
            // Named by the half-year it reports on (2025H2), not by the day asked.
            let report = try kit.semiannualReport(asOf: asOf)
            let half = report.asOf.month == 6 ? "H1" : "H2"
            reports.append(("semiannual-\(report.asOf.year)\(half)", report))
        case .warnings: reports.append(("warnings", try kit.warningReport(asOf: asOf)))
        case .commitmentsUnkept:
            reports.append(
                ("commitments-unkept-\(asOf.year)", try kit.unkeptCommitmentsReport(year: asOf.year, asOf: asOf)))
        case .defaulters: reports.append(("defaulters", try kit.defaulterCleanupReport(asOf: asOf)))
        }
        return try save(reports, asOf: asOf, format: format, out: out)
    }

    /// Writes reports in a format; returns the paths written.
    static func save(_ reports: [(stem: String, report: Report)], asOf: LocalDate, format: String, out: String) throws
        -> [String]
    {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var written: [String] = []
        func save(_ name: String, _ text: String) throws {
            let file = (out as NSString).appendingPathComponent(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            written.append(file)
        }
        for (stem, report) in reports {
            switch format {
            case "md": try save("\(stem)-\(asOf).md", ReportRenderer.markdown(report))
            case "html": try save("\(stem)-\(asOf).html", ReportRenderer.html(report))
            case "json": try save("\(stem)-\(asOf).json", ReportRenderer.json(report))
            default:
                for (name, text) in ReportRenderer.csv(report) { try save("\(stem)-\(asOf)-\(name)", text) }
            }
        }
        return written
    }
}
