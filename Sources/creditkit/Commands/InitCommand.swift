import CreditKitCore
import Foundation

/// `creditkit init PATH`: a new, empty ledger and its vault keys.
enum InitCommand: Command {
    static let name = "init"
    static let summary = "create a new, empty ledger and its vault keys, to import a platform's own data into"
    static let help = """
        usage: creditkit init PATH

        Creates an empty ledger at PATH and its vault keys at PATH.keys (keep the keys safe and backed up: without
        them officials' personal data cannot be read and tree heads cannot be signed). Refuses a PATH or PATH.keys
        that exists. Then register the platform's bodies and enterprises from a CSV roster and import each module's
        data:

          creditkit import subjects.csv --store PATH                  (统一社会信用代码, 名称, 主体类别, 登记日期, 层级 …)
          creditkit import catalogue.csv --store PATH --module townships
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger's PATH")
        try arguments.finish()
        for existing in [path, path + ".keys"] where FileManager.default.fileExists(atPath: existing) {
            throw CLIError(message: "\(existing) exists; nothing was changed")
        }
        let keys = try VaultKeys.loadOrCreate(at: path + ".keys")
        do {
            let kit = try CreditKit(store: .sqlite(path), keys: keys, modules: allSectorModules)
            try await kit.close()
        } catch {
            // A ledger that could not be made leaves nothing behind: neither the file nor its keys. A file that is
            // not there (never made) is what removal wants, so its absence is no failure; the error reported is the
            // one that stopped the making.
            for made in ["", "-wal", "-shm", ".keys"] { try? FileManager.default.removeItem(atPath: path + made) }
            throw error
        }
        print(
            "created an empty ledger at \(path), its vault keys at \(path).keys; `creditkit import --help` shows what to load"
        )
    }
}
