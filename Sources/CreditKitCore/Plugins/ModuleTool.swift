/// A command a sector module adds to the tools (领域命令): `creditkit <module> <name> ...`, for work a module does
/// outside the ledger, such as judging a spreadsheet before it is imported. The tool lists each module's commands.
public struct ModuleTool: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable, Hashable {
        /// The text for standard output.
        public var output: String
        /// The exit code: 0 when the command did its work.
        public var exitCode: Int32

        /// Makes a result.
        /// - Parameters:
        ///   - output: The text for standard output.
        ///   - exitCode: The exit code.
        public init(output: String, exitCode: Int32 = 0) {
            self.output = output
            self.exitCode = exitCode
        }
    }

    /// The command's name under its module (`assess`).
    public var name: String
    /// One line for the tool's help.
    public var summary: String
    /// The command's full help.
    public var help: String
    /// Runs the command on its arguments (after `creditkit <module> <name>`); throws ``CreditKitError`` for what it
    /// cannot do, which the tool prints with exit code 1.
    public var run: @Sendable (_ arguments: [String]) async throws -> Result

    /// Declares a command.
    /// - Parameters:
    ///   - name: Its name.
    ///   - summary: One line of help.
    ///   - help: The full help.
    ///   - run: Runs it.
    public init(
        name: String, summary: String, help: String,
        run: @escaping @Sendable (_ arguments: [String]) async throws -> Result
    ) {
        self.name = name
        self.summary = summary
        self.help = help
        self.run = run
    }
}
