import Bidding
import CreditKitCore
import Debt
import InvestmentPromotion
import PPP
import Procurement
import Townships

/// Every sector module the tool registers, so it can read any ledger they write.
let allSectorModules: [any SectorModule] = [
    ProcurementModule(), PPPModule(), BiddingModule(), InvestmentPromotionModule(), DebtModule(), TownshipsModule(),
]

/// The commands the registered modules add, one line each for the tool's help.
let moduleToolLines: [String] = allSectorModules.flatMap { module in
    module.tools.map { tool in
        "  " + "\(module.id) \(tool.name)".padding(toLength: 16, withPad: " ", startingAt: 0) + tool.summary
    }
}

/// Runs a registered module's own command (`creditkit <module> <command> ...`).
/// - Parameters:
///   - module: The first argument: a module's id.
///   - arguments: The rest: the command's name and its arguments.
/// - Returns: What to print on standard output and standard error and the exit code; `nil` when no registered
///   module with commands has that id.
func runModuleTool(_ module: String, _ arguments: [String]) async -> (output: String, error: String, exitCode: Int32)? {
    guard let found = allSectorModules.first(where: { $0.id.rawValue == module && !$0.tools.isEmpty }) else {
        return nil
    }
    let names = found.tools.map(\.name).joined(separator: ", ")
    guard let toolName = arguments.first, !toolName.hasPrefix("-") else {
        let list = found.tools.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n")
        return ("usage: creditkit \(module) COMMAND ...\n\ncommands:\n\(list)\n", "", arguments.isEmpty ? 1 : 0)
    }
    guard let tool = found.tools.first(where: { $0.name == toolName }) else {
        return ("", "creditkit \(module): unknown command '\(toolName)'; these exist: \(names)\n", 1)
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") { return (tool.help + "\n", "", 0) }
    do {
        let result = try await tool.run(rest)
        return (result.output, "", result.exitCode)
    } catch let error as CreditKitError {
        return ("", "creditkit \(module) \(toolName): \(error.message)\n", 1)
    } catch {
        return ("", "creditkit \(module) \(toolName): \(error)\n", 1)
    }
}
