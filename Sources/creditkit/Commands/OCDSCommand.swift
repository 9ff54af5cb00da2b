import Bidding
import CreditKitCore
import Foundation
import OpenContracting

enum OCDSCommand: Command {
    static let name = "ocds"
    static let summary = "check an open-contracting (OCDS) file with every module that reads it; import its facts"
    static var help: String {
        """
        usage: creditkit ocds check FILE [--as-of YYYY-MM-DD] [--format json|csv|md] [--notes NOTES.csv]
                                         [--bid-status LOCAL=OCDS ...] [--currency CUR] [--ppp] [--threads N]
                                         [--settings SETTINGS.ini]
               creditkit ocds import FILE --store PATH [--buyer OCDS_ID=CREDIT_CODE ...] [--threads N]
               creditkit ocds flags FILE [--settings SETTINGS.ini] [--format cardinal|json|csv|md] [--no-meta]
                                         [--threads N] [--bid-status LOCAL=OCDS ...] [--currency CUR]

        Reads OCDS 1.1 compiled releases (JSON Lines), release packages or record packages and runs every
        registered module that reads OCDS; each release goes to the module whose law governs it:
        \(OCDSRun.readers(allSectorModules).map { "  \($0.id): \($0.ocdsSummary)" }.joined(separator: "\n"))
        Malformed lines are reported on stderr with their numbers.

          --as-of DATE          the day looked at (default: today in China time)
          --format FMT          json (default): {"findings": [...], "summary": {...}}; csv; md. Each finding
                                names the organisation as in the data (`name`) and is dated by the day the
                                rule speaks of (a signing, a deadline; a red flag by its latest release)
          --notes FILE          write every data-quality note (line, field, message) to FILE, a new file, as
                                CSV (stderr then shows none); without it stderr shows the first hundred
          --bid-status A=B      read bid status A as B, as Cardinal's prepare does
                                (Armenia: --bid-status qualified=valid --bid-status not-qualified=disqualified)
          --currency CUR        compare bid prices in this currency (default: each process's first)
          --ppp                 read every release as a PPP's too (for data that marks its PPPs neither by
                                charges nor by performance failures)
          --settings FILE       a Cardinal settings file for the red flags among the findings (see flags below)
          --threads N           read on N threads (default: every core); findings are written as they are
                                made, in file order, so memory stays bounded whatever the file's size (a file
                                that cannot be read to its end stops the command with status 1, its output
                                incomplete)

        import appends the facts of each release to the ledger at PATH, as a case of the buyer's registered agency
        (its `ocds` identifier or credit code; --buyer maps more), every module's in one batch: all or nothing.
        Cases the ledger holds already are skipped, so a second import adds nothing; a file with any malformed line
        is refused whole. The file is read on every core (--threads N to limit), the batch the same as one
        thread's. `creditkit findings PATH` then shows what the rules find.

        flags computes the red flags alone, with OCP Cardinal's settings file and in its output shape:

        \(OCDSFlagsCommand.help)
        """
    }

    static func run(_ arguments: inout ArgumentParser) async throws {
        let verb = try arguments.positional("the verb (check, import, flags or settings)")
        if verb == "settings" {
            try arguments.finish()
            return print(OCDSFlagsCommand.template, terminator: "")
        }
        guard ["check", "import", "flags"].contains(verb) else {
            throw CLIError(message: "unknown verb '\(verb)'; see `creditkit ocds --help`")
        }
        let file = try arguments.positional("the OCDS FILE")
        if verb == "import" { return try await importFile(file, &arguments) }
        if verb == "flags" { return try OCDSFlagsCommand.run(file, &arguments) }
        let asOf = try arguments.dateOption("--as-of") ?? SystemClock().today
        let format = try arguments.option("--format") ?? "json"
        var preparation = OCDSPreparation()
        while let pair = try arguments.option("--bid-status") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CLIError(message: "--bid-status takes LOCAL=OCDS, not '\(pair)'")
            }
            preparation.bidStatuses[parts[0]] = parts[1]
        }
        preparation.currency = try arguments.option("--currency")
        preparation.everyReleaseIsPPP = arguments.flag("--ppp")
        let notesFile = try arguments.option("--notes")
        let threads = try OCDSFlagsCommand.threadCount(&arguments)
        let flagSettings = try OCDSFlagsCommand.settingsOption(&arguments)
        try arguments.finish()
        // Refused before the file is read: a path in use is never overwritten (a link counts as in use). No
        // attributes means nothing is there; `writeNew` still creates the file exclusively, so a race cannot overwrite.
        if let notesFile, (try? FileManager.default.attributesOfItem(atPath: notesFile)) != nil {
            throw CLIError(
                message: "cannot write \(notesFile): it exists (a file is never overwritten: choose a new name)")
        }
        guard ["json", "csv", "md"].contains(format) else { throw CLIError(message: "--format takes json, csv or md") }
        // Findings are written as they are made, so memory stays bounded whatever the file's size.
        var writer = FindingsWriter(format: format, asOf: asOf)
        let out = BufferedOutput()
        out.write(writer.header())
        let report: OCDSReader.Report
        do {
            // The red flags among the findings read the settings file when one is given, as `ocds flags` does.
            let preparation = preparation
            let makeChecks: @Sendable () throws -> [any OCDSCheck] = {
                var checks = try OCDSRun.checks(allSectorModules, preparation: preparation)
                if var settings = flagSettings {
                    settings.bidStatuses.merge(preparation.bidStatuses) { _, given in given }
                    settings.currency = preparation.currency ?? settings.currency
                    for i in checks.indices where checks[i] is BiddingOCDSCheck {
                        checks[i] = BiddingOCDSCheck(rules: try BiddingOCDSChecks(), flags: settings)
                    }
                }
                return checks
            }
            report = try OCDSRun.check(path: file, checks: makeChecks, asOf: asOf, threads: threads) {
                out.write(writer.line($0))
            }
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
        out.write(writer.footer(report))
        out.flush()
        for (line, message) in report.malformed {
            FileHandle.standardError.write(Data("line \(line): \(message)\n".utf8))
        }
        // The data-quality notes, each with its line and field (the first hundred), so they can be mended; all of
        // them go to the notes file when one is named.
        for note in report.notes.prefix(notesFile == nil ? 100 : 0) {
            FileHandle.standardError.write(Data("note: line \(note.line): \(note.field): \(note.message)\n".utf8))
        }
        if notesFile == nil, report.notes.count > 100 {
            FileHandle.standardError.write(
                Data(
                    "note: \(report.notes.count - 100) more data-quality notes (--notes FILE writes them all)\n".utf8))
        }
        if let notesFile {
            let rows = [["line", "field", "message"]] + report.notes.map { [String($0.line), $0.field, $0.message] }
            try writeNew(notesFile, CSVText.document(rows))
        }
    }

    /// Writes a new file, never over one that is there (a ledger, its keys, the input itself, a link's target):
    /// the file is created exclusively and a path in use is refused, naming it.
    /// - Parameters:
    ///   - path: The new file.
    ///   - text: What it holds.
    /// - Throws: ``CLIError`` when the path is in use or cannot be written.
    static func writeNew(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            let reason =
                errno == EEXIST
                ? "it exists (a file is never overwritten: choose a new name)" : String(cString: strerror(errno))
            throw CLIError(message: "cannot write \(path): \(reason)")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            throw CLIError(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Reads an OCDS file on `threads` threads and runs every registered module that reads OCDS: each release in
    /// reading order, then what needs the whole file (the red flags on organisations), the findings gathered.
    /// - Parameters:
    ///   - path: The file.
    ///   - asOf: The day looked at.
    ///   - preparation: How bid statuses and currencies are read.
    ///   - threads: How many threads read the file.
    /// - Returns: The findings and the reader's report.
    /// - Throws: ``CLIError`` when the file cannot be read.
    static func check(
        path: String, asOf: LocalDate, preparation: OCDSPreparation, threads: Int = 2
    ) throws -> (findings: [Finding], report: OCDSReader.Report) {
        do {
            var findings: [Finding] = []
            let report = try OCDSRun.check(
                path: path, modules: allSectorModules, preparation: preparation, asOf: asOf, threads: threads
            ) { findings.append($0) }
            return (findings, report)
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
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
            if let earlier = buyers[parts[0]], earlier != SubjectID(code) {
                throw CLIError(message: "--buyer maps \(parts[0]) twice: to \(earlier) and to \(code)")
            }
            buyers[parts[0]] = SubjectID(code)
        }
        let threads = try OCDSFlagsCommand.threadCount(&arguments)
        try arguments.finish()
        let kit = try openKit(arguments.location(store), writing: true)
        let summary: OCDSImport.Summary
        do {
            summary = try await OCDSImport.run(path: file, into: kit, buyers: buyers, threads: threads)
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
        for (line, message) in summary.malformed {
            FileHandle.standardError.write(Data("line \(line): \(message)\n".utf8))
        }
        // The checkpoint taken at the new head: the next open is fast, and verify sees it cover every entry.
        try await kit.close()
        let imported = OCDSRun.readers(kit.modules).map { module in
            "\(summary.cases[module.id] ?? 0) \(module.name.english.lowercased()) cases"
        }
        print(
            "\(summary.releases) releases: \(imported.joined(separator: ", ")) imported (\(summary.events) events, one "
                + "batch); \(summary.alreadyThere) already in the ledger, \(summary.undated) without a date, "
                + "\(summary.otherLaw) under no registered module's law, \(summary.inconsistentFacts) inconsistent facts "
                + "left out, \(summary.invalidCreditCodes) credit codes failing their check left out (the names kept)")
        let unmatched = summary.unmatchedBuyers.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if !unmatched.isEmpty {
            print(
                "\(unmatched.reduce(0) { $0 + $1.value }) releases of \(unmatched.count) buyers not registered "
                    + "(map them with --buyer): "
                    + unmatched.prefix(5).map { id, count in
                        summary.unmatchedBuyerNames[id].map { "\($0) \(id) (\(count))" } ?? "\(id) (\(count))"
                    }.joined(separator: ", ")
                    + (unmatched.count > 5 ? ", ..." : ""))
        }
    }

    /// The day a finding speaks of: the signing, the deadline, a bid deadline set too soon, the failure's end, the
    /// change, a red flag's latest release; the day looked at only when the finding names none.
    /// - Parameter f: The finding.
    /// - Returns: The day.
    static func date(of f: Finding) -> LocalDate {
        f.date("signed") ?? f.date("due") ?? f.date("bidDeadline") ?? f.date("agreedDue") ?? f.date("failureTo")
            ?? f.date("changed") ?? f.dates.first?.date ?? f.asOf
    }

    /// A table cell as Markdown shows it: markup in the data (a buyer named `<script>`) is text, never HTML, and a
    /// bar or a line break cannot end the cell.
    /// - Parameter text: The text.
    /// - Returns: The cell's text.
    static func markdownCell(_ text: String) -> String {
        // Control characters from the data (an escape sequence) are shown as U+FFFD, never sent to a terminal.
        let scalars = text.unicodeScalars.map { c -> Unicode.Scalar in
            if c == "\n" || c == "\r" || c == "\t" { return " " }
            return c.properties.generalCategory == .control ? "\u{FFFD}" : c
        }
        return String(String.UnicodeScalarView(scalars))
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "\\|")
    }

    static func render(_ findings: [Finding], report: OCDSReader.Report, asOf: LocalDate, format: String) -> String {
        var writer = FindingsWriter(format: format, asOf: asOf)
        var out = writer.header()
        for f in findings { out += writer.line(f) }
        return out + writer.footer(report)
    }
}
