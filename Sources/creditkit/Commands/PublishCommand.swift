import CreditKitCore
import Foundation

enum PublishCommand: Command {
    static let name = "publish"
    static let summary = "the public view (双公示 layout) of a ledger as of a date, to stdout"
    static let help = """
        usage: creditkit publish PATH [--as-of YYYY-MM-DD] [--format csv|json]

        Writes what the public may see on the date: dishonesty records that passed the confidentiality review
        (保密审查), were published, are not revoked and are inside their display window; repaired records drop out
        on the day of the repair. Officials appear masked. Columns follow the 双公示 administrative-penalty layout.

          --as-of DATE     the day (default: today in China time)
          --format FMT     csv (UTF-8 with BOM, the default) or json
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let asOf = try arguments.dateOption("--as-of")
        let format = try arguments.option("--format") ?? "csv"
        try arguments.finish()
        guard ["csv", "json"].contains(format) else {
            throw CLIError(message: "--format takes csv or json, not '\(format)'")
        }
        let kit = try openKit(path)
        let records = try Disclosure.publicRecords(of: kit, asOf: asOf)
        print(format == "csv" ? Disclosure.penaltyCSV(records) : Disclosure.penaltyJSON(records), terminator: "")
    }
}
