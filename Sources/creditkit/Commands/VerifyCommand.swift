import CreditKitCore
import Foundation

enum VerifyCommand: Command {
    static let name = "verify"
    static let summary = "recompute a ledger's hash chain and name the first broken entry"
    static let help = """
        usage: creditkit verify PATH

        Recomputes the SHA-256 hash chain of the ledger file at PATH, then, with its keys file
        (PATH.keys), checks the personal-data vault against the ledger: every official's sealed data
        present and opening unless an erasure was recorded, none left after one.
        Exit 0 and print the entry count and head hash when both hold; exit 1 naming the first entry
        that does not hold (for example after a row was edited with the sqlite3 shell) or each official
        whose data was lost. A file that is not a CreditKit ledger is refused and left as it is.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        try arguments.finish()
        switch SQLiteLedgerStore.inspect(path) {
        case .ledger: break
        case .missing: throw CLIError(message: "no ledger at \(path)")
        case .empty: throw CLIError(message: "\(path) is an empty file, not a ledger; nothing was changed")
        case .other(let what):
            throw CLIError(message: "\(path) is not a CreditKit ledger: \(what); nothing was changed")
        }
        let report = try Ledger.verify(store: SQLiteLedgerStore(path: path))
        if let broken = report.firstBrokenSequence {
            throw CLIError(
                message: """
                    chain BROKEN at entry \(broken): \(report.problem ?? "")
                    entries 1-\(report.entryCount) hold; head of that part \(report.head.hash)
                    """)
        }
        guard FileManager.default.fileExists(atPath: path + ".keys") else {
            print("ok: \(report.entryCount) entries, head hash \(report.head.hash)")
            print("the vault was not checked: its keys file \(path).keys is not there")
            return
        }
        let faults = try openKit(path).vaultFaults()
        guard faults.isEmpty else {
            throw CLIError(
                message: "chain ok (\(report.entryCount) entries), but the vault does not agree with the ledger:\n"
                    + faults.joined(separator: "\n"))
        }
        print("ok: \(report.entryCount) entries, head hash \(report.head.hash); the vault agrees with the ledger")
    }
}
