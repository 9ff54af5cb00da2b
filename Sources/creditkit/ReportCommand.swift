import Bidding
import CreditKitCore
import Foundation

enum ReportCommand: Command {
    static let name = "report"
    static let summary =
        "write a credit file, ranking, semi-annual report, warning list or bidding list as md, html, csv or json"
    static let help = """
        usage: creditkit report PATH --kind KIND [--subject CODE] --as-of YYYY-MM-DD --format md|html|csv|json
                                --out DIR

        Writes the report into DIR and prints the files written. The same inputs give byte-identical files.

          --kind KIND      file (a subject's credit file, 信用档案), ranking, semiannual (due 10 July and
                           10 January), warnings; and for bidding: blacklist (the blacklist in force, with its
                           grounds and terms), agencies (bidding agencies' credit information), integrity (a
                           tenderer's integrity file, 诚信档案, with --subject)
          --subject CODE   for --kind file; without it, the file of every agency is written
          --as-of DATE     the day the report speaks of
          --format FMT     md, html (one self-contained file with charts), csv (one file per table, UTF-8 with
                           BOM), json
          --out DIR        where the files go (created when missing)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let kindText = try arguments.option("--kind") ?? ""
        let bidding = ["blacklist", "agencies", "integrity"]
        guard ReportKind(rawValue: kindText) != nil || bidding.contains(kindText) else {
            throw CLIError(
                message: "--kind takes file, ranking, semiannual, warnings, blacklist, agencies or integrity")
        }
        let subject = try arguments.option("--subject")
        guard let asOf = try arguments.dateOption("--as-of") else {
            throw CLIError(message: "--as-of YYYY-MM-DD is required")
        }
        let format = try arguments.option("--format") ?? "html"
        guard ["md", "html", "csv", "json"].contains(format) else {
            throw CLIError(message: "--format takes md, html, csv or json, not '\(format)'")
        }
        guard let out = try arguments.option("--out") else { throw CLIError(message: "--out DIR is required") }
        try arguments.finish()
        let kit = try openKit(path)
        let written: [String]
        if let kind = ReportKind(rawValue: kindText) {
            written = try write(kind: kind, subject: subject, asOf: asOf, format: format, out: out, kit: kit)
        } else {
            let report = try biddingReport(kindText, subject: subject, asOf: asOf, kit: kit)
            written = try save([(kindText, report)], asOf: asOf, format: format, out: out)
        }
        for file in written { print(file) }
    }

    /// The bidding module's published lists and integrity files as reports.
    static func biddingReport(_ kind: String, subject: String?, asOf: LocalDate, kit: CreditKit) throws -> Report {
        switch kind {
        case "integrity":
            guard let subject else { throw CLIError(message: "--kind integrity needs --subject CODE") }
            return try ParticipantEvaluation.integrityFile(
                of: try ProfileCommand.resolveSubject(subject, kit: kit), in: kit, asOf: asOf)
        case "agencies":
            let table = try BiddingAgencyRegistry.publicView(in: kit, asOf: asOf)
            return Report(
                title: "招标代理机构信用信息", subtitle: "Bidding agencies' credit information", asOf: asOf,
                keyFigures: [KeyFigure("机构 Agencies", String(table.rows.count))],
                sections: [ReportSection(title: "招标代理机构 Bidding agencies", blocks: [.table(table)])])
        default:
            let table = try BiddingBlacklist.publication(in: kit, asOf: asOf)
            return Report(
                title: "招标投标不良行为黑名单", subtitle: "Blacklist of bad conduct in bidding, in force", asOf: asOf,
                keyFigures: [KeyFigure("在列 Entries", String(table.rows.count))],
                sections: [ReportSection(title: "黑名单 Blacklist", blocks: [.table(table)])])
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
        case .semiannual: reports.append(("semiannual", try kit.semiannualReport(asOf: asOf)))
        case .warnings: reports.append(("warnings", try kit.warningReport(asOf: asOf)))
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
