import CreditKitCore
import CreditKitPostgreSQL
import Foundation

/// `creditkit migrate FROM TO`: copies a ledger between stores, the chain verified on both sides.
enum MigrateCommand: Command {
    static let name = "migrate"
    static let summary = "copy a ledger to another store (SQLite file ↔ PostgreSQL), verifying the chain on both sides"
    static let help = """
        usage: creditkit migrate FROM TO [--keys FILE] [--to-keys FILE]

        Copies the ledger at FROM to TO, entry by entry as stored (the same bytes, the same hashes), with its
        personal-data vault and view checkpoint. FROM and TO are each a ledger file or a PostgreSQL ledger
        (postgresql://USER@HOST/DB, or postgresql://USER@/DB?host=/socket/dir&port=N).

        FROM's chain is verified before anything is written; TO's after, and it must end at the same head.
        TO must be empty or hold a beginning of FROM's chain (a migration that stopped part-way): then only
        the rest is copied, so running the command again finishes it. Entries go over in batches of
        1,000, each written whole or not at all.

        The keys are never copied into a database: FROM's keys file (--keys; default PATH.keys, or
        creditkit-<database>.keys here for PostgreSQL) is copied to TO's (--to-keys, same defaults) when
        that is not there, and must be the same keys when it is.

        Exit 0 printing the entries copied and the head; exit 1 naming what does not hold.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let from = try arguments.positional("the ledger to copy, FROM")
        let to = try arguments.positional("where to copy it, TO")
        let toKeysOption = try arguments.option("--to-keys")
        try arguments.finish()
        guard try ledgerExists(from) else { throw CLIError(message: "no ledger at \(shown(from))") }
        let fromKeys = keysPath(of: from, keys: arguments.keysFile)
        let toKeys = keysPath(of: to, keys: toKeysOption)
        guard FileManager.default.fileExists(atPath: fromKeys) else {
            throw CLIError(message: "the vault keys \(fromKeys) of \(shown(from)) are missing: name them with --keys")
        }
        let keys = try VaultKeys.load(from: fromKeys)
        if FileManager.default.fileExists(atPath: toKeys) {
            guard FileManager.default.contentsEqual(atPath: fromKeys, andPath: toKeys) else {
                throw CLIError(
                    message: "\(toKeys) holds other keys than \(fromKeys): the copied vault would not open with them; "
                        + "nothing was written (an empty ledger made by `creditkit init` has keys of its own: migrate "
                        + "into a database or file that holds no ledger, and migrate makes it)")
            }
        }
        if !isPostgreSQL(to), case .other(let what) = SQLiteLedgerStore.inspect(to) {
            throw CLIError(message: "\(to) is not a CreditKit ledger: \(what); nothing was written")
        }

        let source = try openStore(from)
        let sourceReport = try Ledger.verify(store: source)
        if let broken = sourceReport.firstBrokenSequence {
            throw CLIError(
                message: "\(shown(from)): chain BROKEN at entry \(broken): \(sourceReport.problem ?? ""); nothing was "
                    + "copied (run `creditkit verify`)")
        }
        let target: any LedgerStore =
            isPostgreSQL(to)
            ? try PostgreSQLLedgerStore(url: to) : try SQLiteLedgerStore(path: to, cacheKey: keys.cacheKey)
        // What TO holds already must be a beginning of FROM's chain.
        let start = try target.head()
        if start.sequence > 0 {
            let same = try source.entries(sequences: [start.sequence]).first?.hash == start.hash
            guard same, start.sequence <= sourceReport.entryCount else {
                throw CLIError(
                    message:
                        "\(shown(to)) holds another ledger (its entry #\(start.sequence) is not \(shown(from))'s); "
                        + "nothing was written")
            }
        }
        var batch: [LedgerEntry] = []
        batch.reserveCapacity(1_000)
        var copied = 0
        try source.forEachEntry(from: start.sequence + 1) { entry in
            batch.append(entry)
            if batch.count == 1_000 {
                try target.append(batch)
                copied += batch.count
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty {
            try target.append(batch)
            copied += batch.count
        }
        // The vault, as sealed (the same keys open it), and the checkpoint (a cache, checked when opened).
        var sealed = 0
        for token in try source.sealedTokens() ?? [] {
            guard let bytes = try source.sealedPersonalData(for: token) else { continue }
            try target.storeSealedPersonalData(bytes, for: token)
            sealed += 1
        }
        if let checkpoint = try source.loadCheckpoint() { try target.saveCheckpoint(checkpoint) }

        let targetReport = try Ledger.verify(store: target)
        guard targetReport.isValid, targetReport.head == sourceReport.head else {
            throw CLIError(
                message: "\(shown(to)) does not end at \(shown(from))'s head after the copy: "
                    + (targetReport.problem ?? "head \(targetReport.head), expected \(sourceReport.head)"))
        }
        if let problem = try indexProblem(of: target) {
            throw CLIError(message: "\(shown(to)): \(problem)")
        }
        if !FileManager.default.fileExists(atPath: toKeys) {
            try FileManager.default.copyItem(atPath: fromKeys, toPath: toKeys)
        }
        // The copy opened as a user would: the vault opens with the keys and holds every official's data.
        let kit = try CreditKit(store: storeChoice(to, writing: false), keys: keys, modules: allSectorModules)
        let faults = try kit.vaultFaults()
        guard faults.isEmpty else {
            throw CLIError(message: "\(shown(to)): the vault does not agree: " + faults.joined(separator: "; "))
        }
        print(
            "copied \(copied) entries (\(start.sequence) were there already) and \(sealed) vault entries from "
                + "\(shown(from)) to \(shown(to)); both verify, head #\(targetReport.head.sequence) "
                + "\(targetReport.head.hash); keys at \(toKeys)")
    }
}
