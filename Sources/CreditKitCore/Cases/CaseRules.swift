/// A sector's rules over its cases (案件规则): made from a profile, they judge one case as of a day.
///
/// A module declares its rules once as a `CaseRules` type; ``CaseCheck/init(_:)`` turns it into the module's ledger
/// check and ``CaseOwnerStatistics/of(_:in:asOf:)`` reads one owner's statistics with it.
public protocol CaseRules: Sendable {
    /// The case the rules judge.
    associatedtype State: CaseState

    /// Every rule the rules may report.
    static var ids: [RuleID] { get }

    /// The profile the figures come from.
    var profile: JurisdictionProfile { get }

    /// Makes the rules for a profile.
    /// - Parameter profile: The profile; the module adds its own figures where it has none.
    /// - Throws: When the module's figures do not fit the profile.
    init(profile: JurisdictionProfile) throws

    /// Every finding for one case as of a day.
    /// - Parameters:
    ///   - state: The case.
    ///   - asOf: The day looked at; facts after it are not seen.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    func findings(for state: State, asOf: LocalDate) throws -> [Finding]
}

extension CaseCheck {
    /// The check of a sector's rules over every case of the ledger.
    /// - Parameter rules: The rules' type.
    public init<Rules: CaseRules>(_ rules: Rules.Type) where Rules.State == State {
        self.init(rules: Rules.ids) { profile in
            let made = try Rules(profile: profile)
            return { state, day in try made.findings(for: state, asOf: day) }
        }
    }
}

/// A sector's statistics over one owner's cases as of a day (履约统计): what a report section and an indicator read.
public protocol CaseOwnerStatistics: Sendable {
    /// The rules that judge the cases.
    associatedtype Rules: CaseRules

    /// Computes the statistics over an owner's cases.
    /// - Parameters:
    ///   - owner: The owner.
    ///   - cases: Its cases, as of the day.
    ///   - rules: The rules.
    ///   - asOf: The day.
    /// - Throws: When the profile lacks a rule's figure.
    init(owner: SubjectID, cases: [Rules.State], rules: Rules, asOf: LocalDate) throws

    /// The findings over the cases.
    var findings: [Finding] { get }
    /// How each finding was decided, by finding key: `confirmed #<record>` or `dismissed: <reason>`.
    var decisions: [String: String] { get set }
}

extension CaseOwnerStatistics {
    /// An owner's statistics read from the ledger, with each finding's decision.
    /// - Parameters:
    ///   - owner: The owner.
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The statistics.
    /// - Throws: Storage and decoding errors; a figure the profile lacks.
    public static func of(_ owner: SubjectID, in kit: CreditKit, asOf: LocalDate) throws -> Self {
        let view = kit.view
        var stats = try Self(
            owner: owner, cases: try kit.ledger.cases(Rules.State.self, view: view, owner: owner, asOf: asOf),
            rules: try Rules(profile: kit.profile), asOf: asOf)
        stats.decisions = view.decisions(of: stats.findings, asOf: asOf)
        return stats
    }
}
