/// A CSV layout a sector module reads (领域导入表格): the columns of a platform's export and how each row becomes a
/// ledger fact. `creditkit import FILE --store PATH --module ID` reads a file in the module's layout and appends
/// every row's fact in one batch.
public struct ModuleCSVLayout: Sendable {
    /// A column of the layout.
    public struct Column: Sendable, Hashable {
        /// The header's name for it.
        public var name: String
        /// What it holds, for the tool's help.
        public var meaning: String
        /// Whether every row must fill it.
        public var required: Bool

        /// Declares a column.
        /// - Parameters:
        ///   - name: The header's name.
        ///   - meaning: What it holds.
        ///   - required: Whether every row must fill it.
        public init(_ name: String, _ meaning: String, required: Bool = false) {
            self.name = name
            self.meaning = meaning
            self.required = required
        }
    }

    /// The layout's name (`procurement-facts`).
    public var name: String
    /// One line for the tool's help.
    public var summary: String
    /// The columns.
    public var columns: [Column]
    /// Turns the rows into facts; throws ``CreditKitError/Code/invalidCSV`` naming the line and column of a cell
    /// that does not fit.
    public var facts: @Sendable (_ table: CSVTable, _ kit: CreditKit) throws -> [any LedgerEvent]

    /// Declares a layout.
    /// - Parameters:
    ///   - name: Its name.
    ///   - summary: One line of help.
    ///   - columns: The columns.
    ///   - facts: Turns the rows into facts.
    public init(
        name: String, summary: String, columns: [Column],
        facts: @escaping @Sendable (_ table: CSVTable, _ kit: CreditKit) throws -> [any LedgerEvent]
    ) {
        self.name = name
        self.summary = summary
        self.columns = columns
        self.facts = facts
    }
}

extension CreditKit {
    /// Imports a CSV file in a module's layout (表格导入): every row's fact, in one batch: all of them, or, when one
    /// row does not fit the layout or the ledger refuses a fact, none.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - layout: The layout.
    /// - Returns: The entries written.
    /// - Throws: ``CreditKitError/Code/invalidCSV`` naming the line and column; the ledger's refusal.
    @discardableResult
    public func importCSV(_ text: String, layout: ModuleCSVLayout) async throws -> [LedgerEntry] {
        let table = try CSVTable(text, required: layout.columns.filter(\.required).map(\.name))
        return try await ledger.append(try layout.facts(table, self))
    }
}
