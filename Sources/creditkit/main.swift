// creditkit: the command-line tool of CreditKit. `creditkit --help` lists the commands.
import CreditKitCore
import CreditKitPostgreSQL
import Foundation

let commands: [any Command.Type] = [
    DemoCommand.self, InitCommand.self, MigrateCommand.self, VerifyCommand.self, HeadCommand.self, ProveCommand.self,
    CheckProofCommand.self,
    ProfileCommand.self, OfficialCommand.self, CheckCommand.self, FindingsCommand.self, AuditCommand.self,
    ReportCommand.self, PublishCommand.self, ExportCommand.self, SubmitCommand.self,
    DeadlineCommand.self,
    RulesCommand.self, OCDSCommand.self, ImportCommand.self, IntakeCommand.self, ChangesCommand.self,
]

let usage = """
    creditkit — government-integrity (政务诚信) credit ledger

    usage: creditkit COMMAND [OPTIONS]

    commands:
    \(commands.map { "  " + $0.name.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

    module commands:
    \(moduleToolLines.joined(separator: "\n"))

    A ledger is a file (PATH, its keys in PATH.keys) or a PostgreSQL ledger shared by several services, named
    by its libpq connection string wherever a PATH goes, quoted for the shell ('postgresql://USER@HOST/DB',
    'postgresql://USER@/DB?host=/socket/dir', or 'host=… dbname=…'), in the schema --schema NAME names
    (default creditkit), its keys in the file --keys FILE names (default creditkit-<database>.keys here,
    never in the database). `creditkit migrate FROM TO` copies a ledger between the two.

    Run `creditkit COMMAND --help` for a command's options.
    """

/// The commands that open a ledger by its PATH (or --store), and what every one of them also takes.
let ledgerCommands: Set<String> = [
    "profile", "check", "findings", "audit", "report", "publish", "export", "head", "prove", "import", "ocds",
    "changes", "intake", "submit", "official",
]
let ledgerFooter = """

      A ledger may also be a PostgreSQL one, named by its libpq connection string wherever PATH goes,
      quoted for the shell ('postgresql://USER@HOST/DB', 'postgresql://USER@/DB?host=/socket/dir'):
          --schema NAME   the ledger's schema in that database (default creditkit)
          --keys FILE     its vault and signing keys (default creditkit-<database>.keys here; never
                          in the database)
    """

/// A message with every connection string of the command line shown without its passwords, wherever the message
/// quotes it (an argument refused as unexpected, a value refused for an option, a file that cannot be read).
func withoutPasswords(_ message: String) -> String {
    var out = message
    for argument in CommandLine.arguments.dropFirst() where PostgreSQLConnectionString.isPostgreSQL(argument) {
        out = out.replacingOccurrences(of: argument, with: PostgreSQLConnectionString.redacted(argument))
    }
    return out
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, name != "--help", name != "-h", name != "help" else {
    print(usage)
    exit(arguments.isEmpty ? 1 : 0)
}
// A sector module's own commands: `creditkit <module> <command> ...`.
if let run = await runModuleTool(name, Array(arguments.dropFirst())) {
    FileHandle.standardOutput.write(Data(run.output.utf8))
    FileHandle.standardError.write(Data(run.error.utf8))
    exit(run.exitCode)
}
guard let command = commands.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(Data("creditkit: unknown command '\(name)'\n\n\(usage)\n".utf8))
    exit(1)
}
arguments.removeFirst()
do {
    var parser = ArgumentParser(arguments, command: command)
    if parser.wantsHelp {
        print(command.help)
        if ledgerCommands.contains(command.name) { print(ledgerFooter) }
        exit(0)
    }
    try await command.run(&parser)
} catch let error as CLIError {
    FileHandle.standardError.write(Data("creditkit \(name): \(withoutPasswords(error.message))\n".utf8))
    exit(error.exitCode)
} catch {
    FileHandle.standardError.write(Data("creditkit \(name): \(withoutPasswords("\(error)"))\n".utf8))
    exit(1)
}
