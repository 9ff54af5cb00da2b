import CreditKitCore
import Foundation

enum OfficialCommand: Command {
    static let name = "official"
    static let summary = "an official's integrity file and grade (公务员诚信档案), for operators"
    static let help = """
        usage: creditkit official PATH --subject ID [--as-of YYYY-MM-DD]

        Prints an official's integrity file on a date, in Chinese (Markdown): the name from the vault, the posts
        held, the file's facts (annual assessments, honours, personal-matters reports required, filed and
        checked, integrity training, accountability), the records naming the official as subject or as
        responsible, the integrity grade item by item (Docs/OFFICIALS.md) and what the credit check for
        appointment and promotion (选拔任用) answers. The file is for the organisation department and the credit
        office; it is never part of the public view.

          --subject ID    the official's resident ID number (looked up through the vault keys) or subject ID
                          (person:<token>)
          --as-of DATE    the day (default: today in China time)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        guard let code = try arguments.option("--subject") else {
            throw CLIError(message: "--subject ID is required; see `creditkit official --help`")
        }
        let asOf = try arguments.dateOption("--as-of")
        try arguments.finish()
        let kit = try openKit(arguments.location(path))
        let official = try ProfileCommand.resolveSubject(code, kit: kit)
        guard kit.view.subject(official)?.subject.kind == .official else {
            throw CLIError(message: "\(code) is not a registered official")
        }
        do {
            print(try kit.officialFile(of: official, asOf: asOf).markdown, terminator: "")
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
    }
}
