import CreditKitCore
import CreditKitPostgreSQL
import Foundation

/// `creditkit migrate FROM TO`: copies a ledger between stores, the chain verified on both sides.
enum MigrateCommand: Command {
    static let name = "migrate"
    static let summary = "copy a ledger to another store (SQLite file ↔ PostgreSQL), verifying the chain on both sides"
    static let help = """
        usage: creditkit migrate FROM TO [--keys FILE] [--schema NAME] [--to-keys FILE] [--to-schema NAME]

        Copies the ledger at FROM to TO, entry by entry as stored (the same bytes, the same hashes), with its
        personal-data vault, and writes TO's view checkpoint anew. FROM and TO are each a ledger file or a
        PostgreSQL ledger ('postgresql://USER@HOST/DB', quoted for the shell; --schema and --to-schema name
        their schemas, default creditkit). A PostgreSQL database must exist; migrate makes the tables.

        Before anything is written, FROM's keys are checked against its vault and its chain is verified; after,
        TO's chain, subject index and vault are, and TO must end at FROM's head. TO must hold no ledger, or a
        beginning of FROM's chain (a migration that stopped part-way): then only the rest is copied, so running
        the command again finishes it — also when it stopped while copying the vault. Entries go over in
        batches of 1,000, each written whole or not at all. Another writer on TO meanwhile stops the copy.

        The keys are never copied into a database: FROM's keys file (--keys; default PATH.keys, or
        creditkit-<database>.keys here for PostgreSQL) is copied to TO's (--to-keys, same defaults) once the
        copy holds, when that is not there, and must be the same keys when it is. (An empty ledger made by
        `creditkit init` has keys of its own: migrate into a database that holds no ledger instead.)

        Exit 0 printing the entries copied and the head; exit 1 naming what does not hold.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let fromPath = try arguments.positional("the ledger to copy, FROM")
        let toPath = try arguments.positional("where to copy it, TO")
        let toKeysOption = try arguments.option("--to-keys")
        let toSchema = try arguments.option("--to-schema")
        try arguments.finish()
        let from = try arguments.location(fromPath)
        let to = try LedgerLocation(toPath, keys: toKeysOption, schema: toSchema)
        guard try from.exists() else { throw CLIError(message: "no ledger at \(from.shown)") }
        guard FileManager.default.fileExists(atPath: from.keysPath) else {
            throw CLIError(
                message: "the vault keys \(from.keysPath) of \(from.shown) are missing: name them with --keys")
        }
        let keys = try VaultKeys.load(from: from.keysPath)
        if FileManager.default.fileExists(atPath: to.keysPath) {
            guard FileManager.default.contentsEqual(atPath: from.keysPath, andPath: to.keysPath) else {
                throw CLIError(
                    message: "\(to.keysPath) holds other keys than \(from.keysPath): the copied vault would not open "
                        + "with them; nothing was written (an empty ledger made by `creditkit init` has keys of its "
                        + "own: migrate into a database or file that holds no ledger, and migrate makes it)")
            }
        }
        if !to.isPostgreSQL, case .other(let what) = SQLiteLedgerStore.inspect(to.path) {
            throw CLIError(message: "\(to.path) is not a CreditKit ledger: \(what); nothing was written")
        }

        // FROM as a user opens it: its keys open its vault (wrong keys are refused here, before any write).
        let source = try CreditKit(store: from.storeChoice(writing: false), keys: keys, modules: allSectorModules)
        for warning in source.ledger.restoration.warnings {
            FileHandle.standardError.write(Data("warning: \(from.shown): \(warning)\n".utf8))
        }
        let sourceStore = try from.openStore()
        let sourceReport = try Ledger.verify(store: sourceStore)
        if let broken = sourceReport.firstBrokenSequence {
            throw CLIError(
                message: "\(from.shown): chain BROKEN at entry \(broken): \(sourceReport.problem ?? ""); nothing was "
                    + "copied (run `creditkit verify`)")
        }
        let target = try to.openStoreForWriting(cacheKey: keys.cacheKey)
        let start = try checkTarget(target, of: sourceStore, head: sourceReport.head, from: from, to: to)

        var batch: [LedgerEntry] = []
        batch.reserveCapacity(1_000)
        var copied = 0
        do {
            try sourceStore.forEachEntry(from: start.sequence + 1) { entry in
                guard entry.sequence <= sourceReport.head.sequence else { return }
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
        } catch let error as CreditKitError where error.code == .brokenChain {
            throw CLIError(
                message: "another writer appended to \(to.shown) while the ledger was copied (a second migrate?): "
                    + "\(error.message); what is there was written whole; run migrate again when it is alone")
        }
        // The vault, as sealed (the same keys open it).
        var sealed = 0
        for token in try sourceStore.sealedTokens() ?? [] {
            // A token listed and then erased by another process has nothing to copy; the vault check below holds TO to
            // what the ledger records.
            guard let bytes = try sourceStore.sealedPersonalData(for: token) else { continue }
            try target.storeSealedPersonalData(bytes, for: token)
            sealed += 1
        }

        let targetReport = try Ledger.verify(store: target)
        guard targetReport.isValid, targetReport.head == sourceReport.head else {
            throw CLIError(
                message: "\(to.shown) does not end at \(from.shown)'s head after the copy: "
                    + (targetReport.problem ?? "head \(targetReport.head), expected \(sourceReport.head)"))
        }
        if let problem = try indexProblem(of: target) {
            throw CLIError(message: "\(to.shown): \(problem)")
        }
        // TO opened as a user opens it, with the keys: its vault holds every official's data, and closing it writes
        // its checkpoint (made from TO's own chain, authenticated with the keys).
        let kit = try CreditKit(store: .custom(target), keys: keys, modules: allSectorModules)
        let faults = try kit.vaultFaults()
        guard faults.isEmpty else {
            throw CLIError(
                message: "\(to.shown): the vault does not agree (run migrate again to finish a copy that stopped): "
                    + faults.joined(separator: "; "))
        }
        try await kit.close()
        if !FileManager.default.fileExists(atPath: to.keysPath) {
            try FileManager.default.copyItem(atPath: from.keysPath, toPath: to.keysPath)
        }
        print(
            "copied \(copied) entries (\(start.sequence) were there already) and \(sealed) vault entries from "
                + "\(from.shown) to \(to.shown); both verify, head #\(targetReport.head.sequence) "
                + "\(targetReport.head.hash); keys at \(to.keysPath)")
    }

    /// What TO holds already: nothing, or a beginning of FROM's chain, whose head is returned; anything else is
    /// refused, saying which.
    static func checkTarget(
        _ target: any LedgerStore, of source: any LedgerStore, head: ChainHead, from: LedgerLocation,
        to: LedgerLocation
    ) throws -> ChainHead {
        let start = try target.head()
        guard start.sequence > 0 else { return start }
        // What is there must hold before anything is added to it.
        let report = try Ledger.verify(store: target)
        if let broken = report.firstBrokenSequence {
            throw CLIError(
                message: "\(to.shown) holds a chain BROKEN at entry \(broken): \(report.problem ?? ""); nothing was "
                    + "written (run `creditkit verify` on it)")
        }
        let common = min(start.sequence, head.sequence)
        let theirs = try source.entries(sequences: [common]).first?.hash
        let ours = try target.entries(sequences: [common]).first?.hash
        guard theirs != nil, theirs == ours else {
            throw CLIError(
                message: "\(to.shown) holds another ledger (its entry #\(common) is not \(from.shown)'s); nothing "
                    + "was written")
        }
        guard start.sequence <= head.sequence else {
            throw CLIError(
                message:
                    "\(to.shown) is further along than \(from.shown): it holds all \(head.sequence) of its entries "
                    + "and \(start.sequence - head.sequence) more; there is nothing to copy, and nothing was written")
        }
        return start
    }
}
