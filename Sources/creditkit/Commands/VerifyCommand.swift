import CreditKitCore
import Foundation

enum VerifyCommand: Command {
    static let name = "verify"
    static let summary = "recompute a ledger's hash chain and name the first broken entry"
    static let help = """
        usage: creditkit verify PATH

        Recomputes the SHA-256 hash chain of the ledger file at PATH, then checks what is derived from
        it: the subject index against the entries, and, with its keys file (PATH.keys), the view
        checkpoint's authentication and the personal-data vault (every official's sealed data present
        and opening unless an erasure was recorded, none left after one).
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
        let store = try SQLiteLedgerStore(path: path)
        let report = try Ledger.verify(store: store)
        if let broken = report.firstBrokenSequence {
            throw CLIError(
                message: """
                    chain BROKEN at entry \(broken): \(report.problem ?? "")
                    entries 1-\(report.entryCount) hold; head of that part \(report.head.hash)
                    """)
        }
        // The derived data: the subject index against the entries, and (with the keys) the checkpoint and the vault.
        // The first open found what had been done to the file (and repaired the index); the kit's open, with the
        // keys, what its keyed checks find. Each fault once.
        var faults = store.openingWarnings
        if let problem = try store.indexProblem() { faults.append(problem) }
        let keysHere = FileManager.default.fileExists(atPath: path + ".keys")
        if keysHere {
            let kit = try openKit(path, warn: false)
            for fault in (kit.ledger.restoration.warning.map { [$0] } ?? []) + (try kit.vaultFaults())
            where !faults.contains(fault) {
                faults.append(fault)
            }
        }
        guard faults.isEmpty else {
            throw CLIError(
                message: "chain ok (\(report.entryCount) entries), but what is derived from it does not agree:\n"
                    + faults.joined(separator: "\n"))
        }
        print("ok: \(report.entryCount) entries, head hash \(report.head.hash)")
        print(
            keysHere
                ? "the subject index, the checkpoint and the vault agree with the chain"
                : "the subject index agrees with the chain; the checkpoint and the vault were not checked: the keys "
                    + "file \(path).keys is not there")
    }
}
