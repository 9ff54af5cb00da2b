import CreditKitCore
import Foundation

/// `creditkit changes PATH --since N`: the ledger's changes after an entry, for other systems to follow.
enum ChangesCommand: Command {
    static let name = "changes"
    static let summary = "the ledger's changes after an entry, one per line, for other systems to follow"
    static let help = """
        usage: creditkit changes PATH [--since N] [--limit N] [--format jsonl|csv]

        Prints the entries after entry N (0, the default, for all), oldest first, one change per line:
        its sequence number, the kind of fact, the subjects it concerns (credit codes, person tokens),
        the day it holds from, when it was recorded (UTC), its hash and the hash before it, and the
        role (and reporting unit) of whoever appended it. No fact's content and no name: a system that
        needs them reads them through the SDK with a principal allowed to. A follower keeps the last
        sequence number and hash it took, asks again with --since, and checks that the first change's
        previous hash is the one it kept.

        Each entry is checked as it goes out (it follows the one before and matches its hash): one
        that does not hold stops the feed with exit 1, after the changes before it. A --since past the
        end of the chain (the ledger was rolled back or restored) is an error too. The vault keys are
        not needed.

          --since N        the last entry already taken (default 0)
          --limit N        at most N changes (default: all)
          --format F       jsonl (default) or csv (with a header row)

        The ledger is opened to read only.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let sinceText = try arguments.option("--since") ?? "0"
        let limitText = try arguments.option("--limit")
        let format = try arguments.option("--format") ?? "jsonl"
        try arguments.finish()
        guard let since = Int64(sinceText), since >= 0 else {
            throw CLIError(message: "--since takes an entry's sequence number (0 or more), not '\(sinceText)'")
        }
        let limit = try limitText.map { text in
            guard let n = Int(text), n > 0 else {
                throw CLIError(message: "--limit takes a number of changes above 0, not '\(text)'")
            }
            return n
        }
        guard ["jsonl", "csv"].contains(format) else {
            throw CLIError(message: "--format takes jsonl or csv, not '\(format)'")
        }
        // The store alone, read only: the feed needs neither the view nor the vault keys.
        let location = try arguments.location(path)
        try location.requireExisting()
        let store = try location.openStore()
        let out = FileHandle.standardOutput
        var buffer = format == "csv" ? "sequence,kind,subjects,day,recorded_at,hash,previous_hash,role,unit\n" : ""
        var written = 0
        defer { out.write(Data(buffer.utf8)) }
        try LedgerChange.forEach(in: store, since: since, through: store.head().sequence) { change in
            buffer += format == "csv" ? csvLine(change) : jsonLine(change)
            written += 1
            if buffer.utf8.count >= 1 << 16 {
                out.write(Data(buffer.utf8))
                buffer = ""
            }
            return limit.map { written < $0 } ?? true
        }
    }

    /// A change as one JSON object on a line.
    static func jsonLine(_ change: LedgerChange) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        var fields = [
            "\"sequence\":\(change.sequence)", "\"kind\":\(quoted(change.kind.rawValue))",
            "\"subjects\":[" + change.subjects.map { quoted($0.rawValue) }.joined(separator: ",") + "]",
            "\"day\":\(quoted(change.day.description))", "\"recorded_at\":\(quoted(change.recordedAt.description))",
            "\"hash\":\(quoted(change.hash.hex))", "\"previous_hash\":\(quoted(change.previousHash.hex))",
        ]
        if let role = change.role { fields.append("\"role\":\(quoted(role.rawValue))") }
        if let unit = change.unit { fields.append("\"unit\":\(quoted(unit.rawValue))") }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    /// A change as a CSV row (subjects separated by spaces).
    static func csvLine(_ change: LedgerChange) -> String {
        [
            String(change.sequence), change.kind.rawValue, change.subjects.map(\.rawValue).joined(separator: " "),
            change.day.description, change.recordedAt.description, change.hash.hex, change.previousHash.hex,
            change.role?.rawValue ?? "",
            change.unit?.rawValue ?? "",
        ].map(CSVText.field).joined(separator: ",") + "\n"
    }
}
