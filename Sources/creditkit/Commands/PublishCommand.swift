import CreditKitCore
import Foundation

enum PublishCommand: Command {
    static let name = "publish"
    static let summary = "the public view (双公示 and other dishonesty layouts) of a ledger as of a date, to stdout"
    static let help = """
        usage: creditkit publish PATH [--as-of YYYY-MM-DD] [--format csv|json] [--layout penalty|dishonesty]

        Writes what the public may see on the date: dishonesty records that passed the confidentiality review
        (保密审查), were published, are not revoked and are inside their display window; repaired records drop out
        on the day of the repair. Officials appear masked. Administrative penalties follow the 双公示 penalty layout;
        other dishonesty information (judgments, judgment defaulters, verified complaints, sector findings) a layout of
        its own; discipline and accountability decisions are never published (Docs/PUBLIC-LAYOUTS.md).

          --as-of DATE     the day (default: today in China time)
          --format FMT     csv (UTF-8 with BOM, the default; one layout) or json (both layouts, keyed by name)
          --layout L       for csv: penalty (行政处罚信息, the default) or dishonesty (其他失信信息)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let asOf = try arguments.dateOption("--as-of")
        let format = try arguments.option("--format") ?? "csv"
        let layoutText = try arguments.option("--layout") ?? "penalty"
        try arguments.finish()
        guard let layout = PublicRecord.Layout(rawValue: layoutText) else {
            throw CLIError(message: "--layout takes penalty or dishonesty, not '\(layoutText)'")
        }
        guard ["csv", "json"].contains(format) else {
            throw CLIError(message: "--format takes csv or json, not '\(format)'")
        }
        let kit = try openKit(path)
        let records = try Disclosure.publicRecords(of: kit, asOf: asOf)
        print(
            format == "csv" ? Disclosure.csv(records, layout: layout) : Disclosure.penaltyJSON(records), terminator: "")
    }
}
