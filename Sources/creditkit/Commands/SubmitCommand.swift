import CreditKitCore
import Foundation

enum SubmitCommand: Command {
    static let name = "submit"
    static let summary = "the period's new and changed records for the upper platform (报送), with a manifest"
    static let help = """
        usage: creditkit submit PATH --period YYYY|YYYY-Qn|YYYY-MM --out DIR

        Writes the submission of a period that is over (向上级平台报送) into DIR: every record entered in the period
        and every record entered before and changed in it (reviewed, published, objected to, corrected, revoked,
        repaired, given leniency, rectified, given a term), one a line, each as the ledger knew it at the period's end
        with its changes of the period (creditkit-submission-<period>.jsonl), and a manifest
        (creditkit-submission-<period>.manifest.json) with the counts, the file's SHA-256, size and lines, and the
        ledger head (sequence and hash) at the period's end, so the upper platform can check the file arrived whole.
        The chain is checked entry by entry as it is read. Officials appear masked. Taken again, a period's
        submission is the same byte for byte: files already in DIR are left as they are when identical and refused,
        never overwritten, when not (the ledger would then hold something else for a closed period). Docs/EXCHANGE.md
        describes the layout.

          --period P   a year (2026), a quarter (2026-Q3) or a month (2026-09), ended before today
          --out DIR    the folder to write to (made if missing)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        guard let periodText = try arguments.option("--period") else {
            throw CLIError(message: "submit needs --period (2026, 2026-Q3 or 2026-09)")
        }
        guard let out = try arguments.option("--out"), !out.isEmpty else {
            throw CLIError(message: "submit needs --out DIR")
        }
        try arguments.finish()
        let period: SubmissionPeriod
        do { period = try SubmissionPeriod(parsing: periodText) } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
        let kit = try openKit(arguments.location(path))
        let submission: Submission
        do { submission = try await kit.submission(for: period) } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError(message: "cannot make \(out): \(error.localizedDescription)")
        }
        // Both files are compared before either is written: a folder holding another submission of the period is
        // left exactly as it was.
        let files = [(submission.fileName, submission.records), (submission.manifestName, submission.manifest)].map {
            (folder.appendingPathComponent($0.0), Data($0.1.utf8))
        }
        var kept = 0
        for (file, data) in files {
            guard let existing = FileManager.default.contents(atPath: file.path) else { continue }
            guard existing == data else {
                throw CLIError(
                    message: "\(file.path) exists and differs from the submission taken now: it was edited since it "
                        + "was written, or the ledger holds something else for the closed period \(period) "
                        + "(`creditkit verify` tells which); nothing was written")
            }
            kept += 1
        }
        for (file, data) in files where !FileManager.default.fileExists(atPath: file.path) {
            do { try data.write(to: file, options: .atomic) } catch {
                throw CLIError(message: "cannot write \(file.path): \(error.localizedDescription)")
            }
        }
        print(
            "\(period): \(submission.newRecords) new and \(submission.changedRecords) changed record(s), taken at entry "
                + "#\(submission.head.sequence) (\(submission.head.hash.hex.prefix(16))…)"
                + (kept == 2 ? "; already in \(out), identical" : "; written to \(out)"))
    }
}
