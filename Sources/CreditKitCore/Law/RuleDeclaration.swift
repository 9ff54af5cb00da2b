import Foundation

/// A rule declared once (规则声明): its stable id, what it says, and each version of its figure with the unit,
/// the legal basis and the dates it is in force.
///
/// A sector declares its rules as static members of one namespace (`ProcurementLaw.contractLateSigning`); its
/// logic, its module's figure catalogue, its reports and `Docs/RULES.md` read the declaration, so the id is
/// spelt in one place. The figures are national defaults that a jurisdiction profile may override.
public struct RuleDeclaration: Hashable, Sendable, Identifiable {
    /// The stable id, for example `bidding.contract.late-signing`.
    public let id: RuleID
    /// What the rule says, in Chinese and English.
    public let title: LocalizedName
    /// The figure's versions, oldest first.
    public let figures: [RuleFigure]

    /// Declares a rule.
    /// - Parameters:
    ///   - id: The stable id.
    ///   - title: What the rule says.
    ///   - versions: The figure's versions, oldest first.
    public init(_ id: RuleID, _ title: LocalizedName, _ versions: RuleVersion...) {
        self.id = id
        self.title = title
        self.figures = versions.map {
            RuleFigure(
                rule: id, title: title, figure: $0.figure, restDayExtension: $0.restDayExtension, basis: $0.basis,
                from: $0.from, through: $0.through, confirmed: $0.confirmed, note: $0.note)
        }
    }

    /// Declares a rule from figures made elsewhere (a rule shared by sectors, such as the SME payment rule).
    /// - Parameter figures: The versions; all carry the same rule id and title.
    public init(figures: [RuleFigure]) {
        precondition(!figures.isEmpty && Set(figures.map(\.rule)).count == 1, "one rule's versions")
        self.id = figures[0].rule
        self.title = figures[0].title
        self.figures = figures
    }
}

/// One version of a rule's figure (规则参数版本): the figure and unit, whether a deadline ending on a rest day moves
/// to the next working day, the legal basis, and the dates in force.
public struct RuleVersion: Hashable, Sendable {
    /// The figure and its unit.
    public var figure: Figure
    /// Whether the rest-day rule (民法典 art. 203) moves a last day; `nil` for figures that are not deadlines.
    public var restDayExtension: Bool?
    /// The legal basis.
    public var basis: [LegalCitation]
    /// The first day in force, if limited.
    public var from: LocalDate?
    /// The last day in force, if limited.
    public var through: LocalDate?
    /// Whether a source confirms the figure (`false` marks a documented default).
    public var confirmed: Bool
    /// A note for the catalogue.
    public var note: String?

    /// Makes a version.
    /// - Parameters:
    ///   - figure: The figure.
    ///   - restDayExtension: Whether the rest-day rule applies.
    ///   - basis: The legal basis.
    ///   - from: The first day in force.
    ///   - through: The last day in force.
    ///   - confirmed: Whether a source confirms it.
    ///   - note: A note.
    public init(
        figure: Figure, restDayExtension: Bool? = nil, basis: [LegalCitation], from: LocalDate? = nil,
        through: LocalDate? = nil, confirmed: Bool = true, note: String? = nil
    ) {
        self.figure = figure
        self.restDayExtension = restDayExtension
        self.basis = basis
        self.from = from
        self.through = through
        self.confirmed = confirmed
        self.note = note
    }
}
