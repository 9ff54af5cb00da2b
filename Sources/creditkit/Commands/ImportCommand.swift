import CreditKitCore
import Foundation

enum ImportCommand: Command {
    static let name = "import"
    static let summary = "append the facts of a CSV file in a module's layout, in one batch"
    static var help: String {
        let layouts = allSectorModules.flatMap { module in
            module.csvLayouts.map { layout in
                "  --module \(module.id): \(layout.name), \(layout.summary)\n"
                    + layout.columns.map {
                        "      \($0.name)\($0.required ? " (required)" : ""): \($0.meaning)"
                    }.joined(separator: "\n")
            }
        }
        let core =
            "  (core): \(SubjectsCSV.layout.name), \(SubjectsCSV.layout.summary)\n"
            + SubjectsCSV.columns.map { "      \($0.name)\($0.required ? " (required)" : ""): \($0.meaning)" }.joined(
                separator: "\n")
        return """
            usage: creditkit import FILE --store PATH [--module ID]

            Reads a CSV file (UTF-8, with or without a byte-order mark; a header row naming the columns) in a
            registered module's layout and appends every row's fact to the ledger at PATH in one batch: all of them,
            or, when one row does not fit or the ledger refuses a fact, none. An error names the line and the column.
            --module is needed when more than one module reads CSV. A module with several layouts reads the file in
            the one whose required columns its header names. Without --module, a roster of bodies and enterprises
            (the core's `subjects` layout) registers them; `creditkit init PATH` makes a new ledger to load.

            Layouts:
            \(([core] + layouts).joined(separator: "\n"))
            """
    }

    static func run(_ arguments: inout ArgumentParser) async throws {
        let file = try arguments.positional("the CSV FILE")
        guard let store = try arguments.option("--store") else { throw CLIError(message: "import needs --store PATH") }
        let moduleID = try arguments.option("--module")
        try arguments.finish()
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError(message: "cannot read \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(message: "\(file) is not UTF-8 text; save it as CSV UTF-8")
        }
        // The header is the first line, whatever ends it: LF, CRLF, CR.
        let header =
            text.split(maxSplits: 1, whereSeparator: \.isNewline).first.map {
                Set(
                    $0.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"")))
                    })
            } ?? []
        func fits(_ layout: ModuleCSVLayout) -> Bool {
            layout.columns.filter(\.required).allSatisfy { header.contains($0.name) }
        }
        let layout: ModuleCSVLayout
        if moduleID == nil, fits(SubjectsCSV.layout) {
            // A roster of bodies and enterprises: the core's own layout.
            layout = SubjectsCSV.layout
        } else {
            let readers = allSectorModules.filter { !$0.csvLayouts.isEmpty }
            let chosen: (any SectorModule)?
            if let moduleID {
                chosen = readers.first { $0.id.rawValue == moduleID }
            } else {
                chosen = readers.count == 1 ? readers.first : nil
            }
            guard let module = chosen else {
                let names = readers.map(\.id.rawValue).joined(separator: ", ")
                throw CLIError(
                    message: moduleID.map { "no module '\($0)' reads CSV; these do: \(names)" }
                        ?? "name the module with --module ID (\(names)), or give a roster of subjects (\(SubjectsCSV.layout.columns.filter(\.required).map(\.name).joined(separator: ", ")))"
                )
            }
            // A module with several layouts: the one whose required columns the header names; otherwise the one whose
            // columns the header shares most of, whose refusal then names the columns it lacks.
            func shared(_ l: ModuleCSVLayout) -> Int { l.columns.filter { header.contains($0.name) }.count }
            layout =
                module.csvLayouts.first(where: fits)
                ?? module.csvLayouts.max { shared($0) < shared($1) } ?? module.csvLayouts[0]
        }
        let location = try arguments.location(store)
        let kit = try openKit(location, writing: true)
        let entries: [LedgerEntry]
        do {
            entries = try await kit.importCSV(text, layout: layout)
        } catch let error as CreditKitError {
            throw CLIError(
                message: "\(file): \(error.message)"
                    + (error.message.contains("not written") ? "" : "; nothing was written"))
        }
        guard let first = entries.first, let last = entries.last else {
            print("\(file): nothing new to append (no rows, or every row's facts are in the ledger already)")
            return
        }
        // The checkpoint taken at the new head: the next open is fast, and verify sees it cover every entry.
        try await kit.close()
        let range =
            first.sequence == last.sequence
            ? "entry #\(first.sequence)" : "entries #\(first.sequence)–#\(last.sequence)"
        print(
            "\(entries.count) \(entries.count == 1 ? "fact" : "facts") appended in one batch (\(layout.name)), \(range); "
                + "`creditkit findings \(location.typed)` shows what the rules find")
    }
}
