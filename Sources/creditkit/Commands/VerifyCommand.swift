import CreditKitCore
import Foundation

enum VerifyCommand: Command {
    static let name = "verify"
    static let summary = "recompute a ledger's hash chain and name the first broken entry"
    static let help = """
        usage: creditkit verify PATH

        Recomputes the SHA-256 hash chain of the ledger file at PATH.
        Exit 0 and print the entry count and head hash when the chain holds;
        exit 1 and name the first entry that does not hold when it is broken
        (for example after a row was edited with the sqlite3 shell).
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        try arguments.finish()
        guard FileManager.default.fileExists(atPath: path) else { throw CLIError(message: "no ledger at \(path)") }
        let report = try Ledger.verify(store: SQLiteLedgerStore(path: path))
        if let broken = report.firstBrokenSequence {
            throw CLIError(
                message: """
                    chain BROKEN at entry \(broken): \(report.problem ?? "")
                    entries 1-\(report.entryCount) hold; head of that part \(report.head.hash)
                    """)
        }
        print("ok: \(report.entryCount) entries, head hash \(report.head.hash)")
    }
}
