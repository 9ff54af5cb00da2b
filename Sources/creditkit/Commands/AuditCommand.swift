import CreditKitCore
import Foundation

enum AuditCommand: Command {
    static let name = "audit"
    static let summary = "who entered, changed and decided a record; how a unit reported the records it decided"
    static let help = """
        usage: creditkit audit PATH --record N
               creditkit audit PATH --unit CODE [--as-of YYYY-MM-DD]

        --record N    every step of record N's history (entered, the finding or complaint it came from, the
                      confidentiality review, publication, objections, repairs, rectification, the sanction's
                      term, leniency) with the day it holds, when the ledger learned it, and who appended it
                      (the principal named in the entry's hashed bytes; "system" for the tool and integrators'
                      code; entries from before principals were recorded name none)
        --unit CODE   the records the unit (by its credit code) decided, each reported (entered) within the
                      publication rule's period of its decision or late: the deciding unit answers for
                      reporting in time
          --as-of DATE  the day (default: today in China time)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let recordText = try arguments.option("--record")
        let unitText = try arguments.option("--unit")
        let asOf = try arguments.dateOption("--as-of")
        try arguments.finish()
        guard (recordText == nil) != (unitText == nil) else {
            throw CLIError(message: "give one of --record N or --unit CODE")
        }
        let kit = try openKit(arguments.location(path))
        do {
            if let recordText {
                guard let n = Int64(recordText), n > 0 else {
                    throw CLIError(message: "--record takes a record's number (its entry), not '\(recordText)'")
                }
                for step in try kit.audit(of: CreditRecord.ID(n)) {
                    print(
                        "#\(step.entry)  \(step.on)  \(step.step)  — 录入账本 recorded \(step.recordedAt)  "
                            + "操作主体 by \(step.by.map(\.description) ?? "未记录 not recorded")")
                }
            } else if let unitText {
                let unit = try ProfileCommand.resolveSubject(unitText, kit: kit)
                let report = try kit.reporting(of: unit, asOf: asOf)
                print(
                    "\(try ProfileText.name(of: unit, kit: kit))：决定的记录 \(report.items.count)，按时报送 on time "
                        + "\(report.onTime)，逾期 late \(report.items.count - report.onTime)")
                for item in report.items {
                    print(
                        "  #\(item.record)  决定 \(item.decided)  应报送 due \(item.due)  报送 reported \(item.reported)  "
                            + (item.onTime ? "按时" : "逾期") + "  \(item.by.map(\.description) ?? "")")
                }
            }
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
    }
}
