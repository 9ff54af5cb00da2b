import CreditKitCore
import Foundation

/// A subcommand of `creditkit`.
protocol Command {
    static var name: String { get }
    static var summary: String { get }
    static var help: String { get }
    static func run(_ arguments: inout ArgumentParser) async throws
}

/// A failure the tool reports on stderr before exiting with `exitCode`.
struct CLIError: Error {
    var message: String
    var exitCode: Int32 = 1
}

/// A small hand-written argument parser: positionals, `--name value` options and `--flag`s.
struct ArgumentParser {
    private var remaining: [String]
    let command: String
    let wantsHelp: Bool
    /// `--keys FILE`, which any command that opens a ledger takes: where its vault and signing keys are.
    let keysFile: String?
    /// `--schema NAME`, which any command that opens a PostgreSQL ledger takes: the schema of its tables.
    let schema: String?

    init(_ arguments: [String], command: any Command.Type) {
        var arguments = arguments
        // Each left in place without a value, so that finishing reports it.
        func take(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--")
            else { return nil }
            defer { arguments.removeSubrange(i...(i + 1)) }
            return arguments[i + 1]
        }
        keysFile = take("--keys")
        schema = take("--schema")
        self.remaining = arguments
        self.command = command.name
        self.wantsHelp = arguments.contains("--help") || arguments.contains("-h")
    }

    /// Takes the value of `--name`, if given.
    mutating func option(_ name: String) throws -> String? {
        guard let i = remaining.firstIndex(of: name) else { return nil }
        guard i + 1 < remaining.count, !remaining[i + 1].hasPrefix("--") else {
            throw CLIError(message: "\(name) needs a value; see `creditkit \(command) --help`")
        }
        let value = remaining[i + 1]
        remaining.removeSubrange(i...(i + 1))
        return value
    }

    /// Takes `--name` as a date, if given.
    mutating func dateOption(_ name: String) throws -> LocalDate? {
        guard let text = try option(name) else { return nil }
        do {
            return try LocalDate(parsing: text)
        } catch let error as CreditKitError {
            throw CLIError(message: "\(name) takes a date as YYYY-MM-DD: \(error.message)")
        }
    }

    /// Takes `--name` as a flag.
    mutating func flag(_ name: String) -> Bool {
        guard let i = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: i)
        return true
    }

    /// Takes the next positional argument.
    mutating func positional(_ what: String) throws -> String {
        guard let i = remaining.firstIndex(where: { !$0.hasPrefix("--") }) else {
            throw CLIError(message: "missing \(what); see `creditkit \(command) --help`")
        }
        return remaining.remove(at: i)
    }

    /// Fails on anything not taken.
    func finish() throws {
        if let extra = remaining.first {
            throw CLIError(message: "unexpected argument '\(extra)'; see `creditkit \(command) --help`")
        }
    }
}

/// Opens an existing ledger (a file, or a PostgreSQL ledger by its connection string) with every sector module
/// registered: to read only (nothing is created, repaired or changed, and a read-only file works) unless the command
/// writes.
func openKit(
    _ location: LedgerLocation, writing: Bool = false, clock: any LedgerClock = SystemClock(), warn: Bool = true
) throws -> CreditKit {
    try location.requireExisting()
    let keysPath = location.keysPath
    guard FileManager.default.fileExists(atPath: keysPath) else {
        throw CLIError(
            message: "the vault keys \(keysPath) are missing; personal data cannot be read without them"
                + (location.keysOption == nil && location.isPostgreSQL ? " (name the keys' file with --keys FILE)" : "")
        )
    }
    let kit = try CreditKit(
        store: location.storeChoice(writing: writing), keys: VaultKeys.load(from: keysPath),
        modules: allSectorModules, clock: clock)
    for warning in kit.ledger.restoration.warnings where warn {
        FileHandle.standardError.write(Data("warning: \(location.shown): \(warning)\n".utf8))
    }
    return kit
}

/// Opens an existing ledger file with every sector module registered, its keys beside it (the demo's and the
/// tests' way in).
func openKit(_ path: String, writing: Bool = false, clock: any LedgerClock = SystemClock(), warn: Bool = true) throws
    -> CreditKit
{
    try openKit(LedgerLocation(path, keys: nil, schema: nil), writing: writing, clock: clock, warn: warn)
}

/// Refuses a path that is not a ledger, saying what it is; nothing is changed.
func requireLedger(_ path: String) throws {
    switch SQLiteLedgerStore.inspect(path) {
    case .ledger: return
    case .missing: throw CLIError(message: "no ledger at \(path)")
    case .empty: throw CLIError(message: "\(path) is an empty file, not a ledger; nothing was changed")
    case .other(let what): throw CLIError(message: "\(path) is not a CreditKit ledger: \(what); nothing was changed")
    }
}
