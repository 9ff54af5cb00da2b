import CreditKitCore
import Foundation

enum PublishCommand: Command {
    static let name = "publish"
    static let summary =
        "the public view (双公示 licences and penalties, other dishonesty) of a ledger on a date, to stdout"
    static let help = """
        usage: creditkit publish PATH [--as-of YYYY-MM-DD] [--format csv|json] [--layout penalty|dishonesty|licence]

        Writes what the public may see on the date: dishonesty records that passed the confidentiality review
        (保密审查), were published, are not revoked and are inside their display window; repaired records drop out
        on the day of the repair. Officials appear masked. Administrative penalties follow the 双公示 penalty layout;
        other dishonesty information (judgments, judgment defaulters, verified complaints, sector findings) a layout of
        its own; discipline and accountability decisions are never published. Licences an agency decided and
        published follow the 双公示 licence layout, with their current status (Docs/PUBLIC-LAYOUTS.md).

          --as-of DATE     the day (default: today in China time)
          --format FMT     csv (UTF-8 with BOM, the default; one layout) or json (every layout, keyed by name)
          --layout L       for csv: penalty (行政处罚信息, the default), dishonesty (其他失信信息) or licence (行政许可信息)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let asOf = try arguments.dateOption("--as-of")
        let format = try arguments.option("--format") ?? "csv"
        let layoutText = try arguments.option("--layout") ?? "penalty"
        try arguments.finish()
        guard layoutText == "licence" || PublicRecord.Layout(rawValue: layoutText) != nil else {
            throw CLIError(message: "--layout takes penalty, dishonesty or licence, not '\(layoutText)'")
        }
        guard ["csv", "json"].contains(format) else {
            throw CLIError(message: "--format takes csv or json, not '\(format)'")
        }
        let kit = try openKit(arguments.location(path))
        let records = try Disclosure.publicRecords(of: kit, asOf: asOf)
        let licences = try Disclosure.publicLicences(of: kit, asOf: asOf)
        let text: String
        if format == "json" {
            text = Disclosure.json(records, licences: licences)
        } else if let layout = PublicRecord.Layout(rawValue: layoutText) {
            text = Disclosure.csv(records, layout: layout)
        } else {
            text = Disclosure.csv(licences)
        }
        print(text, terminator: "")
    }
}
