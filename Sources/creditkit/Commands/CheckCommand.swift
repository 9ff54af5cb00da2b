import CreditKitCore
import Foundation

enum CheckCommand: Command {
    static let name = "check"
    static let summary = "the credit check (信用核查): may a subject have an honour, a post, funds, a project, a tender?"
    static let help = """
        usage: creditkit check PATH --subject CODE --for PURPOSE [--as-of YYYY-MM-DD]

        Answers ALLOWED or RESTRICTED, with every measure in force: which department, from which record, under
        which rule and legal basis, until when. Incentives from good records are listed too.

          --subject CODE   a credit code, a resident ID number, or person:<token>
          --for PURPOSE    \(aliases.keys.sorted().joined(separator: ", "))
          --as-of DATE     the day (default: today in China time); --on is the same
        """

    static let aliases: [String: CheckPurpose] = [
        "honours": .honours, "appointment": .appointmentPromotion, "promotion": .appointmentPromotion,
        "funding": .funding, "new-projects": .newGovernmentPayProjects, "tenders": .tenderParticipation,
    ]

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        guard let code = try arguments.option("--subject") else {
            throw CLIError(message: "--subject CODE is required; see `creditkit check --help`")
        }
        guard let purposeText = try arguments.option("--for") else {
            throw CLIError(message: "--for PURPOSE is required: \(aliases.keys.sorted().joined(separator: ", "))")
        }
        guard let purpose = aliases[purposeText] ?? CheckPurpose(rawValue: purposeText) else {
            throw CLIError(
                message: "unknown purpose '\(purposeText)'; use \(aliases.keys.sorted().joined(separator: ", "))")
        }
        let on = try arguments.dateOption("--as-of") ?? arguments.dateOption("--on")
        try arguments.finish()
        let kit = try openKit(arguments.location(path))
        let subject = try ProfileCommand.resolveSubject(code, kit: kit)
        guard let answer = kit.check(subject, for: purpose, on: on) else {
            throw CLIError(message: "\(code) is not registered on \(on.map(String.init) ?? "today")")
        }
        print(try render(answer, kit: kit))
    }

    static func render(_ answer: CreditCheck, kit: CreditKit) throws -> String {
        var lines = [
            "\(try ProfileText.name(of: answer.subject, kit: kit)) — \(answer.purpose.chineseName)，\(answer.date)",
            answer.allowed ? "允许 ALLOWED" : "受限 RESTRICTED：\(answer.restrictions.count)项惩戒措施",
        ]
        for r in answer.restrictions {
            lines.append(
                "  - \(r.measure?.chineseName ?? "")（\(r.department)）：记录 #\(r.record)，\(r.from)至\(r.until)"
                    + "\(r.adjustment.map { "（\($0)）" } ?? "")  [\(r.rule)]")
            lines.append("    依据 basis: \(r.legalBasis.map(\.description).joined(separator: "；"))")
        }
        for r in answer.incentives {
            lines.append("  + \(r.incentive?.chineseName ?? "")：记录 #\(r.record)，至\(r.until)  [\(r.rule)]")
        }
        return lines.joined(separator: "\n")
    }
}
