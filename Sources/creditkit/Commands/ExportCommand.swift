import CreditKitCore
import Foundation

enum ExportCommand: Command {
    static let name = "export"
    static let summary = "the public view as FollowTheMoney entities (JSON Lines), for OpenSanctions and Aleph tools"
    static let help = """
        usage: creditkit export PATH --format ftm [--as-of YYYY-MM-DD] [--officials masked|omitted]
                                    [--id-prefix TEXT] [--output FILE]

        Writes what the public may see on the date (the same records as `creditkit publish`) in the FollowTheMoney
        data model, one entity per line: agencies as PublicBody, the enterprises listings name as Company (each
        with its unified social credit code as uscCode), each public dishonesty record as a Sanction of its layout (行政处罚信息,
        其他失信信息), and each joint-sanction measure in force on the date because of it as a Sanction with the
        imposing department, the rule, its first and last day and the purposes it restricts. Nothing the public
        view hides is exported.

          --format ftm       FollowTheMoney JSON Lines (the only format so far)
          --as-of DATE       the day (default: today in China time)
          --officials HOW    masked (the default: as the public view shows them, the surname then one * per other
                             character, no identifier, one Person per record) or omitted (no officials, nor the records about them)
          --id-prefix TEXT   what every entity ID starts with (default creditkit): name your platform, so that
                             exports of several platforms loaded together do not collide
          --output FILE      write there (replaced whole once complete) instead of to stdout; never the ledger,
                             its keys or another SQLite file
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        guard let format = try arguments.option("--format") else {
            throw CLIError(message: "--format is required (ftm); see `creditkit export --help`")
        }
        let asOf = try arguments.dateOption("--as-of")
        let officialsText = try arguments.option("--officials") ?? "masked"
        let prefix = try arguments.option("--id-prefix") ?? "creditkit"
        let output = try arguments.option("--output")
        try arguments.finish()
        guard format == "ftm" else { throw CLIError(message: "--format takes ftm, not '\(format)'") }
        guard let officials = FollowTheMoney.OfficialTreatment(rawValue: officialsText) else {
            throw CLIError(message: "--officials takes masked or omitted, not '\(officialsText)'")
        }
        guard let head = prefix.first, head.isASCII, head.isLetter,
            prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw CLIError(message: "--id-prefix takes a letter, then ASCII letters, digits and '-', not '\(prefix)'")
        }
        let location = try arguments.location(path)
        if let output { try refuseOverwriting(output, location: location) }
        let kit = try openKit(location)
        let entities = try FollowTheMoney.entities(of: kit, asOf: asOf, officials: officials, idPrefix: prefix)
        let text = FollowTheMoney.jsonLines(entities)
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIError(message: "cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// Refuses an output path that is the ledger, its keys, another SQLite file or a folder: an export never replaces them.
func refuseOverwriting(_ output: String, location: LedgerLocation) throws {
    let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
    let own = [location.path, location.keysPath].map {
        URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
    }
    guard !own.contains(target) else {
        throw CLIError(message: "--output \(output) is the ledger or its keys; nothing was written")
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) {
        guard !isFolder.boolValue else {
            throw CLIError(message: "--output \(output) is a folder; name a file")
        }
        // A file that cannot be read is not written over either: it might be a ledger this user may not read.
        guard let stream = InputStream(fileAtPath: output) else {
            throw CLIError(message: "--output \(output) exists and cannot be read; nothing was written")
        }
        stream.open()
        defer { stream.close() }
        var head = [UInt8](repeating: 0, count: 16)
        let count = stream.read(&head, maxLength: head.count)
        guard count >= 0 else {
            throw CLIError(message: "--output \(output) exists and cannot be read; nothing was written")
        }
        if head[0..<count].starts(with: Array("SQLite format 3".utf8)) {
            throw CLIError(message: "--output \(output) is an SQLite file (a ledger?); it is never written over")
        }
    }
}
