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
    /// Turns the rows into facts, the facts of each row in order (a row may state several, such as an agreement
    /// and its first promise); throws ``CreditKitError/Code/invalidCSV`` naming the line and column of a cell that
    /// does not fit.
    public var rowFacts: @Sendable (_ table: CSVTable, _ kit: CreditKit) throws -> [[any LedgerEvent]]

    /// Declares a layout whose rows state one fact each.
    /// - Parameters:
    ///   - name: Its name.
    ///   - summary: One line of help.
    ///   - columns: The columns.
    ///   - facts: Turns the rows into facts, one per row in order.
    public init(
        name: String, summary: String, columns: [Column],
        facts: @escaping @Sendable (_ table: CSVTable, _ kit: CreditKit) throws -> [any LedgerEvent]
    ) {
        self.init(name: name, summary: summary, columns: columns) { table, kit in try facts(table, kit).map { [$0] } }
    }

    /// Declares a layout whose rows may state several facts each.
    /// - Parameters:
    ///   - name: Its name.
    ///   - summary: One line of help.
    ///   - columns: The columns.
    ///   - rowFacts: Turns the rows into facts, row by row.
    public init(
        name: String, summary: String, columns: [Column],
        rowFacts: @escaping @Sendable (_ table: CSVTable, _ kit: CreditKit) throws -> [[any LedgerEvent]]
    ) {
        self.name = name
        self.summary = summary
        self.columns = columns
        self.rowFacts = rowFacts
    }
}

extension CreditKit {
    /// Puts each agency's registration after its parent's when both are in the file, whatever the rows' order (a
    /// county's bureau listed before the county): the registrations keep their places among the other facts, only
    /// their order among themselves changes, and each keeps its line for the messages. A parent chain that loops is
    /// left as it is, for the ledger to refuse.
    static func parentsFirst(_ facts: inout [any LedgerEvent], lines: inout [Int]) {
        let slots = facts.indices.filter { facts[$0] is AgencyRegistered }
        guard slots.count > 1 else { return }
        var parentOf: [SubjectID: SubjectID] = [:]
        for i in slots {
            let agency = (facts[i] as! AgencyRegistered).agency
            if let parent = agency.parent { parentOf[agency.id] = parent }
        }
        let inFile = Set(slots.map { (facts[$0] as! AgencyRegistered).agency.id })
        func depth(_ id: SubjectID) -> Int {
            var d = 0
            var at = id
            while let up = parentOf[at], inFile.contains(up), d <= slots.count {
                d += 1
                at = up
            }
            return d
        }
        let ordered = slots.enumerated().sorted { a, b in
            let (da, db) = (
                depth((facts[a.element] as! AgencyRegistered).agency.id),
                (depth((facts[b.element] as! AgencyRegistered).agency.id))
            )
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        let (movedFacts, movedLines) = (ordered.map { facts[$0] }, ordered.map { lines[$0] })
        for (slot, k) in zip(slots, movedFacts.indices) {
            facts[slot] = movedFacts[k]
            lines[slot] = movedLines[k]
        }
    }

    /// Imports a CSV file in a module's layout (表格导入): every row's fact, in one batch: all of them, or, when one
    /// row does not fit the layout, repeats another row, is in the ledger already, or is refused by the ledger,
    /// none. A file imported twice is therefore refused the second time, never doubled.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - layout: The layout.
    /// - Returns: The entries written.
    /// - Throws: ``CreditKitError/Code/invalidCSV`` naming the line (and the column); the ledger's refusal, naming
    ///   the line of the fact it refused.
    @discardableResult
    public func importCSV(_ text: String, layout: ModuleCSVLayout) async throws -> [LedgerEntry] {
        let table = try CSVTable(
            text, required: layout.columns.filter(\.required).map(\.name), allowed: layout.columns.map(\.name))
        let perRow = try layout.rowFacts(table, self)
        guard perRow.count == table.rows.count else {
            throw CreditKitError(
                .invalidArgument, "layout \(layout.name) made facts for \(perRow.count) of \(table.rows.count) rows")
        }
        var facts: [any LedgerEvent] = []
        var lineOfFact: [Int] = []
        for (row, made) in zip(table.rows, perRow) {
            facts += made
            lineOfFact += Array(repeating: row.line, count: made.count)
        }
        Self.parentsFirst(&facts, lines: &lineOfFact)
        // The same fact twice (in the file, or in the file and the ledger) is a repeated import, not two facts.
        let encoder = CanonicalEncoder()
        var lines: [[UInt8]: Int] = [:]
        var owners: Set<SubjectID> = []
        for (fact, line) in zip(facts, lineOfFact) {
            let key = Array(type(of: fact).kind.rawValue.utf8) + [0] + (try encoder.encode(fact))
            if let first = lines[key] {
                throw CreditKitError(
                    .invalidCSV, "line \(line) repeats the fact of line \(first)", context: ["line": String(line)])
            }
            lines[key] = line
            if let owner = fact.subjects.first { owners.insert(owner) }
        }
        let view = self.view
        for owner in owners.sorted() {
            for entry in try ledger.read(concerning: owner, through: view) {
                if let line = lines[Array(entry.kind.rawValue.utf8) + [0] + entry.payload] {
                    throw CreditKitError(
                        .invalidCSV,
                        "line \(line): this fact is in the ledger already (entry #\(entry.sequence)); the file or the "
                            + "row was imported before",
                        context: ["line": String(line), "sequence": String(entry.sequence)])
                }
            }
        }
        do {
            return try await append(facts)
        } catch let error as CreditKitError {
            guard let index = error.context["index"].flatMap(Int.init), lineOfFact.indices.contains(index) else {
                throw error
            }
            let line = lineOfFact[index]
            throw error.with("line", String(line)).prefixed("line \(line): ")
        }
    }
}
