/// A report a sector module adds to the tools (领域报告): the blacklist in force, a registry's public view, a
/// participant's integrity file. `creditkit report --kind NAME` lists and writes every registered module's kinds.
public struct ModuleReport: Sendable {
    /// Whether the report is about one subject.
    public enum Subject: Sendable {
        /// About no one subject: a list or a register.
        case none
        /// About the subject given (`--subject CODE`).
        case required
    }

    /// The kind's name, unique across the registered modules (`blacklist`).
    public var kind: String
    /// One line for the tool's help, in English with the Chinese term.
    public var summary: String
    /// Whether it needs a subject.
    public var subject: Subject
    /// Builds the report.
    public var make: @Sendable (_ kit: CreditKit, _ subject: SubjectID?, _ asOf: LocalDate) throws -> Report

    /// Declares a report kind.
    /// - Parameters:
    ///   - kind: Its name.
    ///   - summary: One line of help.
    ///   - subject: Whether it needs a subject.
    ///   - make: Builds the report as of a day; called with a subject only when ``subject`` is `required`.
    public init(
        kind: String, summary: String, subject: Subject = .none,
        make: @escaping @Sendable (_ kit: CreditKit, _ subject: SubjectID?, _ asOf: LocalDate) throws -> Report
    ) {
        self.kind = kind
        self.summary = summary
        self.subject = subject
        self.make = make
    }
}
