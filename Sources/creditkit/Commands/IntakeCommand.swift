import CreditKitCore
import Foundation

enum IntakeCommand: Command {
    static let name = "intake"
    static let summary = "take in records from reporting units (归集): 双公示 CSV or JSON, whole or not at all"
    static var help: String {
        let layouts = IntakeLayout.allCases.map { layout in
            "  \(layout.rawValue) (\(layout.chineseName)): required \(layout.required.joined(separator: ","))"
        }.joined(separator: "\n")
        return """
            usage: creditkit intake FILE --store PATH [--layout penalty|dishonesty|licence] [--check]

            Takes in a reporting unit's file (信用信息归集) in the public view's layouts, so that what one platform
            publishes another can take in: a CSV file (UTF-8, with or without a byte-order mark) in one layout, or a
            JSON file (.json) keyed by layout as `creditkit publish --format json` writes it. Every row is validated:
            the credit codes' check characters, real dates, the layout's required cells, known penalty kinds, classes
            and licence categories, a subject's name against the one it is registered under. An enterprise not yet in
            the ledger is registered from its row; a government body must be registered already. A row whose record
            (the same authority and document number) the ledger holds exactly so is skipped, so a file taken in twice
            adds its records once; other content under a held document number is a problem. One problem refuses the
            whole file: every bad row is listed with its line, and nothing is written. Docs/EXCHANGE.md says what is
            read from each column.

              --layout L   the CSV file's layout (default: the one whose required columns the header names)
              --check      validate only: list the problems, or what would be added, and write nothing

            Layouts (columns as in Docs/PUBLIC-LAYOUTS.md; a penalty may add 失信等级 轻微/一般/严重, default 一般,
            and either record layout 行为发生日期, default the decision date):
            \(layouts)
            """
    }

    static func run(_ arguments: inout ArgumentParser) async throws {
        let file = try arguments.positional("the FILE to take in")
        guard let store = try arguments.option("--store") else { throw CLIError(message: "intake needs --store PATH") }
        let layoutText = try arguments.option("--layout")
        let checkOnly = arguments.flag("--check")
        try arguments.finish()
        var layout: IntakeLayout?
        if let layoutText {
            guard let chosen = IntakeLayout(rawValue: layoutText) else {
                throw CLIError(message: "--layout takes penalty, dishonesty or licence, not '\(layoutText)'")
            }
            layout = chosen
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError(message: "cannot read \(file)")
        }
        let isJSON = file.lowercased().hasSuffix(".json")
        if isJSON, layout != nil {
            throw CLIError(message: "--layout is for a CSV file; a JSON file names its layouts as its keys")
        }
        let location = try arguments.location(store)
        let kit = try openKit(location, writing: !checkOnly)
        let result: IntakeResult
        do {
            if isJSON {
                result = try await kit.intake(json: data, checkOnly: checkOnly)
            } else {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw CLIError(message: "\(file) is not UTF-8 text; save it as CSV UTF-8")
                }
                result = try await kit.intake(csv: text, layout: layout, checkOnly: checkOnly)
            }
        } catch let rejected as IntakeRejected {
            throw CLIError(message: "\(file): \(rejected)")
        } catch let error as CreditKitError {
            throw CLIError(message: "\(file): \(error.message); nothing was written")
        }
        let read = result.rows.map { "\($0.count) row(s) of \($0.layout.chineseName)" }.joined(separator: ", ")
        var lines = ["\(file): \(read)"]
        if checkOnly {
            lines.append(
                "valid; taking it in would add \(result.added) record(s) or licence(s) and register "
                    + "\(result.registered.count) enterprise(s); \(result.alreadyHeld.count) held already; nothing was written"
            )
        } else if let first = result.entries.first, let last = result.entries.last {
            try await kit.close()
            lines.append(
                "\(result.added) record(s) or licence(s) taken in and \(result.registered.count) enterprise(s) "
                    + "registered, in one batch (entries #\(first.sequence)–#\(last.sequence)); "
                    + "\(result.alreadyHeld.count) held already")
        } else {
            lines.append("nothing new: every row's record is held already (\(result.alreadyHeld.count))")
        }
        print(lines.joined(separator: "\n"))
    }
}
