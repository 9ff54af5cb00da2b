import Bidding
import CreditKitCore
import Foundation
import OpenContracting
import Procurement

enum OCDSCommand: Command {
    static let name = "ocds"
    static let summary = "check an open-contracting (OCDS) file: procurement and bidding rules, red flags; import it"
    static let help = """
        usage: creditkit ocds check FILE [--as-of YYYY-MM-DD] [--format json|csv|md]
                                         [--bid-status LOCAL=OCDS ...] [--currency CUR]
               creditkit ocds import FILE --store PATH [--buyer OCDS_ID=CREDIT_CODE ...]

        Reads OCDS 1.1 compiled releases (JSON Lines), release packages or record packages and runs the rules
        of the modules that read OCDS. Goods and services fall under the Government Procurement Law
        (procurement.*); works under the Bidding Law (bidding.*). Every process, whatever its category, gets the
        red flags (bidding.flag.*) with the meaning of OCP Cardinal's R018, R028, R030, R035, R036 and R038.
        Malformed lines are reported on stderr with their numbers.

          --as-of DATE          the day looked at (default: today in China time)
          --format FMT          json (default): {"findings": [...], "summary": {...}}; csv; md
          --bid-status A=B      read bid status A as B, as Cardinal's prepare does
                                (Armenia: --bid-status qualified=valid --bid-status not-qualified=disqualified)
          --currency CUR        compare bid prices in this currency (default: each process's first)

        import appends the procurement and bidding facts of each release to the ledger at PATH, as projects of the
        buyer's registered agency (its `ocds` identifier or credit code; --buyer maps more), in one batch. Projects the
        ledger holds already are skipped, so a second import adds nothing. `creditkit findings --store PATH`
        then shows what the rules find.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let verb = try arguments.positional("the verb (check or import)")
        guard verb == "check" || verb == "import" else {
            throw CLIError(message: "unknown verb '\(verb)'; see `creditkit ocds --help`")
        }
        let file = try arguments.positional("the OCDS FILE")
        if verb == "import" { return try await importFile(file, &arguments) }
        let asOf = try arguments.dateOption("--as-of") ?? SystemClock().today
        let format = try arguments.option("--format") ?? "json"
        var settings = RedFlagSettings()
        while let pair = try arguments.option("--bid-status") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CLIError(message: "--bid-status takes LOCAL=OCDS, not '\(pair)'")
            }
            settings.bidStatuses[parts[0]] = parts[1]
        }
        settings.currency = try arguments.option("--currency")
        try arguments.finish()
        guard ["json", "csv", "md"].contains(format) else { throw CLIError(message: "--format takes json, csv or md") }
        let (findings, report) = try check(path: file, asOf: asOf, settings: settings)
        for (line, message) in report.malformed {
            FileHandle.standardError.write(Data("line \(line): \(message)\n".utf8))
        }
        print(render(findings, report: report, asOf: asOf, format: format), terminator: "")
    }

    /// Reads an OCDS file and runs every rule of the modules that read OCDS, then the red flags.
    /// - Parameters:
    ///   - path: The file.
    ///   - asOf: The day looked at.
    ///   - settings: How bid statuses and currencies are read for the red flags.
    /// - Returns: The findings in reading order (flags on organisations last) and the reader's report.
    /// - Throws: ``CLIError`` when the file cannot be read.
    static func check(
        path: String, asOf: LocalDate, settings: RedFlagSettings
    ) throws -> (findings: [Finding], report: OCDSReader.Report) {
        let procurement = try ProcurementOCDSChecks()
        let bidding = try BiddingOCDSChecks()
        var flags = RedFlagScan(settings: settings)
        var buyers: [String: SubjectID] = [:]
        var findings: [Finding] = []
        let report: OCDSReader.Report
        do {
            report = try OCDSReader.read(path: path) { release in
                findings += try procurement.check(release, asOf: asOf) + bidding.check(release, asOf: asOf)
                if !flags.add(release).isEmpty { buyers[release.ocid] = OCDSBuyers.subject(of: release) }
            }
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
        // Flags on processes, in reading order, then those on organisations (R038).
        let raised = flags.finish()
        findings += raised.filter { $0.group == .process }.map { $0.finding(buyer: buyers[$0.key], asOf: asOf) }
        findings += raised.filter { $0.group != .process && $0.code == .excessiveDisqualifications }.map {
            $0.finding(buyer: nil, asOf: asOf)
        }
        return (findings, report)
    }

    static func importFile(_ file: String, _ arguments: inout ArgumentParser) async throws {
        guard let store = try arguments.option("--store") else { throw CLIError(message: "import needs --store PATH") }
        var buyers: [String: SubjectID] = [:]
        while let pair = try arguments.option("--buyer") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            // An invalid code is refused with the usage below; absence means only that.
            guard parts.count == 2, let code = try? UnifiedSocialCreditCode(parts[1]) else {
                throw CLIError(message: "--buyer takes OCDS_ID=CREDIT_CODE with a valid credit code, not '\(pair)'")
            }
            buyers[parts[0]] = SubjectID(code)
        }
        try arguments.finish()
        let kit = try openKit(store)
        let summary: ProcurementOCDSImport.Summary
        let works: BiddingOCDSImport.Summary
        do {
            summary = try await ProcurementOCDSImport().run(path: file, into: kit, buyers: buyers)
            works = try await BiddingOCDSImport().run(path: file, into: kit, buyers: buyers)
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
        for (line, message) in summary.malformed {
            FileHandle.standardError.write(Data("line \(line): \(message)\n".utf8))
        }
        print(
            "\(summary.releases) releases: \(summary.projects) procurement projects imported (\(summary.events) events), "
                + "\(summary.alreadyThere) already in the ledger, \(summary.undated) without a date, "
                + "\(summary.inconsistentFacts) inconsistent facts left out; "
                + "\(works.tenders) works tenders imported (\(works.events) events), \(works.alreadyThere) already there"
        )
        let unmatched = summary.unmatchedBuyers.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if !unmatched.isEmpty {
            print(
                "\(unmatched.reduce(0) { $0 + $1.value }) releases of \(unmatched.count) buyers not registered "
                    + "(map them with --buyer): "
                    + unmatched.prefix(5).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
                    + (unmatched.count > 5 ? ", ..." : ""))
        }
    }

    static func render(_ findings: [Finding], report: OCDSReader.Report, asOf: LocalDate, format: String) -> String {
        let date = { (f: Finding) in (f.date("signed") ?? f.date("due") ?? f.asOf).description }
        switch format {
        case "csv":
            return CSVText.document(
                [["rule", "ocid", "subject", "date", "facts"]]
                    + findings.map { f in
                        let facts = f.facts.filter { $0.name != "ocid" }.map { "\($0.name)=\($0.value)" }.joined(
                            separator: "; ")
                        return [f.rule.rawValue, f.fact("ocid") ?? "", f.subject.rawValue, date(f), facts]
                    })
        case "md":
            var out =
                "# OCDS check, as of \(asOf)\n\n\(report.releases) releases, \(findings.count) findings, "
                + "\(report.malformed.count) malformed lines, \(report.notes.count) data-quality notes\n\n"
                + "| rule | ocid | subject | date | facts |\n|---|---|---|---|---|\n"
            for f in findings {
                out +=
                    "| \(f.rule) | \(f.fact("ocid") ?? "") | \(f.subject) | \(date(f)) | "
                    + f.facts.filter { $0.name != "ocid" }.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
                    + " |\n"
            }
            return out
        default:
            var w = CanonicalWriter()
            w.openObject()
            w.key("findings")
            w.openArray()
            for f in findings {
                w.element()
                w.openObject()
                w.key("rule")
                w.string(f.rule.rawValue)
                w.key("ocid")
                w.string(f.fact("ocid") ?? "")
                w.key("subject")
                w.string(f.subject.rawValue)
                w.key("date")
                w.string(date(f))
                w.key("facts")
                w.openObject()
                for fact in f.facts where fact.name != "ocid" {
                    w.key(string: fact.name)
                    w.string(fact.value)
                }
                for d in f.dates {
                    w.key(string: d.name)
                    w.string(d.date.description)
                }
                w.closeObject()
                w.closeObject()
            }
            w.closeArray()
            w.key("summary")
            w.openObject()
            w.key("releases")
            w.integer(report.releases)
            w.key("findings")
            w.integer(findings.count)
            w.key("malformedLines")
            w.integer(report.malformed.count)
            w.key("dataQualityNotes")
            w.integer(report.notes.count)
            w.key("byRule")
            w.openObject()
            for (rule, n) in Dictionary(grouping: findings, by: \.rule).map({ ($0.key.rawValue, $0.value.count) })
                .sorted(by: { $0.0 < $1.0 })
            {
                w.key(string: rule)
                w.integer(n)
            }
            w.closeObject()
            w.closeObject()
            w.closeObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
    }
}
