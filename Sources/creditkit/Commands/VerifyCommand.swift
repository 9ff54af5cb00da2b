import CreditKitCore
import Foundation

enum VerifyCommand: Command {
    static let name = "verify"
    static let summary = "recompute a ledger's hash chain, check what is derived from it, and compare it with a head"
    static let help = """
        usage: creditkit verify PATH|URI [--keys FILE] [--schema NAME] [--against HEAD.json [--public-key KEY]]

        Recomputes the SHA-256 hash chain of the ledger file at PATH, then checks what is derived from
        it: the subject index against the entries, and, with its keys file (PATH.keys), the view
        checkpoint's authentication and the personal-data vault (every official's sealed data present
        and opening unless an erasure was recorded, none left after one).
        The file is opened to read only: nothing in it is created, repaired or changed (SQLite may leave
        its empty -wal and -shm side files), and a read-only file works. A PostgreSQL ledger is named by
        its libpq connection string (quoted: 'postgresql://user@host/db'), its schema by --schema
        (default creditkit), and its keys by --keys (default creditkit-<database>.keys here).

          --against HEAD.json  also prove that the ledger still extends a signed tree head published
                               earlier (from `creditkit head`): the head's signature is checked, then
                               the Merkle root of its first entries; entries taken away are named,
                               and a rewritten history (even with a recomputed chain) is caught
          --public-key KEY     the key to check the head's signature with: the one you pinned (a PEM
                               file from `creditkit head PATH --public-key`, or 64 hex digits);
                               without it, the signing key in PATH.keys, which whoever can replace
                               that file controls

        Exit 0 and print the entry count and head hash when all holds; exit 1 naming the first entry
        that does not hold (for example after a row was edited with the sqlite3 shell), each derived
        part that does not agree, each official whose data was lost, or how the ledger departs from
        the head.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let against = try arguments.option("--against")
        let keyText = try arguments.option("--public-key")
        try arguments.finish()
        if keyText != nil && against == nil {
            throw CLIError(message: "--public-key checks a head: give the head with --against HEAD.json")
        }
        let location = try arguments.location(path)
        guard try location.exists() else { throw CLIError(message: "no ledger at \(location.shown)") }
        let keysPath = location.keysPath
        let keysHere = FileManager.default.fileExists(atPath: keysPath)
        if !keysHere, location.keysOption != nil {
            throw CLIError(message: "the keys file \(keysPath) given with --keys is not there")
        }
        let head = try against.map(readHead)
        let publicKey: [UInt8]? = try head.map { _ in
            if let keyText { return try readPublicKey(keyText) }
            guard keysHere else {
                throw CLIError(message: "no key to check the head with: \(keysPath) is not there; give --public-key")
            }
            guard let key = try TreeHeadKey.load(keysFile: keysPath) else {
                throw CLIError(
                    message: "no key to check the head with: \(keysPath) holds no signing key; give --public-key")
            }
            return key.publicKey
        }

        let store = try location.openStore()
        let report = try Ledger.verify(store: store)
        if let broken = report.firstBrokenSequence {
            throw CLIError(
                message: """
                    chain BROKEN at entry \(broken): \(report.problem ?? "")
                    entries 1-\(report.entryCount) hold; head of that part \(report.head.hash)
                    """)
        }
        // The derived data: the subject index against the entries, and (with the keys) the checkpoint and the vault.
        // Each fault once.
        var faults = store.openingWarnings
        if let problem = try indexProblem(of: store) { faults.append(problem) }
        // How far the checkpoint vouches for the chain: entries after its head could be rewritten unseen.
        var checkpointHead: Int64?
        if keysHere {
            let kit = try openKit(location, warn: false)
            if kit.ledger.restoration.usedCheckpoint {
                checkpointHead = report.entryCount - Int64(kit.ledger.restoration.replayedEntries)
            }
            for fault in kit.ledger.restoration.warnings + (try kit.vaultFaults())
            where !faults.contains(fault) {
                faults.append(fault)
            }
        }
        var departure: String?
        if let head, let publicKey {
            let comparison = try Ledger.compare(store: store, with: head, publicKey: publicKey)
            if comparison == .badSignature {
                departure =
                    keyText == nil
                    ? "the head's signature does not hold under the signing key in \(keysPath): the head is not "
                        + "this ledger's, or \(keysPath) was replaced; check with the public key you pinned "
                        + "(--public-key)"
                    : "the head's signature does not hold under the key given: it is not a head that key signed"
            } else if !comparison.holds {
                departure = comparison.message
            }
        }
        guard faults.isEmpty, departure == nil else {
            throw CLIError(
                message: (departure.map { "against \(against ?? "the head"): \($0)\n" } ?? "")
                    + (faults.isEmpty
                        ? ""
                        : "chain ok (\(report.entryCount) entries), but what is derived from it does not agree:\n"
                            + faults.joined(separator: "\n")))
        }
        print("ok: \(report.entryCount) entries, head hash \(report.head.hash)")
        if !keysHere {
            print(
                "the subject index agrees with the chain; the checkpoint and the vault were not checked: the keys file "
                    + "\(keysPath) is not there")
        } else if checkpointHead == report.entryCount {
            print("the subject index, the checkpoint and the vault agree with the chain")
        } else if let checkpointHead {
            print(
                "the subject index, the checkpoint and the vault agree with the chain; the checkpoint was taken at "
                    + "entry #\(checkpointHead), so a rewritten and re-hashed chain after it would not show: verify "
                    + "--against a published head to be sure (a writer that closes the ledger takes a new checkpoint)")
        } else {
            // Every ledger the tool closes has a checkpoint: without one the chain alone was checked, and a ledger
            // rewritten and re-hashed by someone with the file would pass; only a published head (--against) tells.
            print(
                "the subject index and the vault agree with the chain; there is NO checkpoint (removed, or the writer "
                    + "stopped before closing), so a rewritten and re-hashed chain would not show: verify --against a "
                    + "published head to be sure")
        }
        if let head {
            print(
                "the ledger extends the head in \(against ?? ""): its \(head.treeSize) entries are unchanged, "
                    + "\(report.entryCount - head.treeSize) added since")
        }
    }
}
