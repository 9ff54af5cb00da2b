import Foundation

/// Collects the findings of one case (线索收集): looks up each rule's figure in the profile, judges deadlines with
/// ``RuleFigure/missed(from:done:asOf:absenceCounts:calendar:)``, and makes each finding with the case's lead facts
/// and first evidence, the rule's title and basis, and typed facts.
///
/// A figure the profile lacks is an error (thrown), never a rule silently switched off; a rule with no version in
/// force on the day its period starts does not apply and gives nothing.
public struct FindingCollector: Sendable {
    /// The profile whose figures apply.
    public let profile: JurisdictionProfile
    /// The day looked at.
    public let asOf: LocalDate
    /// Whom findings are against unless a rule names another.
    public let subject: SubjectID
    /// Facts every finding of the case starts with, for example `ocid` and `project`.
    public let lead: [Finding.Fact]
    /// Evidence every finding of the case carries, for example the case's registration.
    public let leadEvidence: [LedgerEntry.ID]
    /// Whether the case holds every fact, so that an act that never came counts once its last day has passed.
    public let absenceCounts: Bool
    /// Whether a rule binds this case; every rule by default.
    public let binds: @Sendable (RuleID) -> Bool
    /// Facts a rule adds after the figure, for example why it binds; none by default.
    public let notes: @Sendable (RuleID) -> [Finding.Fact]
    /// The findings so far, in the order added.
    public private(set) var findings: [Finding] = []

    /// Makes a collector for one case.
    /// - Parameters:
    ///   - profile: The profile, with the module's figures in it.
    ///   - asOf: The day looked at.
    ///   - subject: Whom findings are against by default.
    ///   - lead: Facts every finding starts with.
    ///   - leadEvidence: Evidence every finding carries.
    ///   - absenceCounts: Whether a missing act counts.
    ///   - binds: Whether a rule binds the case.
    ///   - notes: Facts a rule adds after the figure.
    public init(
        profile: JurisdictionProfile, asOf: LocalDate, subject: SubjectID, lead: [Finding.Fact] = [],
        leadEvidence: [LedgerEntry.ID] = [], absenceCounts: Bool,
        binds: @escaping @Sendable (RuleID) -> Bool = { _ in true },
        notes: @escaping @Sendable (RuleID) -> [Finding.Fact] = { _ in [] }
    ) {
        self.profile = profile
        self.asOf = asOf
        self.subject = subject
        self.lead = lead
        self.leadEvidence = leadEvidence
        self.absenceCounts = absenceCounts
        self.binds = binds
        self.notes = notes
    }

    /// A rule's figure in force on a day, when the rule binds the case.
    /// - Parameters:
    ///   - rule: The rule.
    ///   - day: The day whose version applies (the day the rule's period starts).
    /// - Returns: The figure, or `nil` when the rule does not bind the case or no version was in force that day.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when the profile has no figure for the rule.
    public func figure(_ rule: RuleID, on day: LocalDate) throws -> RuleFigure? {
        guard binds(rule) else { return nil }
        return try profile.figureInForce(rule, on: day)
    }

    /// Adds a finding.
    /// - Parameters:
    ///   - figure: The rule's figure.
    ///   - facts: The facts the rule used, after the lead facts and the figure.
    ///   - dates: The dates it used.
    ///   - evidence: The entries that are its evidence, besides the lead evidence.
    ///   - subject: Whom it is against, when not the case's subject.
    ///   - severity: How serious a record it would make.
    ///   - occasion: What tells it apart from another finding of the rule on the same evidence (a period, a year).
    public mutating func add(
        _ figure: RuleFigure, _ facts: [Finding.Fact], dates: [Finding.NamedDate], evidence: [LedgerEntry.ID],
        subject: SubjectID? = nil, severity: Severity = .minor, occasion: String? = nil
    ) {
        let all = lead + [Finding.Fact("figure", figure.figure.description)] + notes(figure.rule) + facts
        findings.append(
            Finding(
                rule: figure.rule, title: figure.title, basis: figure.basis, subject: subject ?? self.subject,
                severity: severity, facts: all, dates: dates, evidence: Array(Set(evidence + leadEvidence)).sorted(),
                asOf: asOf, occasion: occasion))
    }

    /// A deadline rule: `done` must come by the period's last day after `start`; past it, a late `done` (or, where
    /// absence counts, none by the day looked at) is a finding with `daysLate` and the dates.
    /// - Parameters:
    ///   - rule: The rule.
    ///   - start: What starts the period.
    ///   - startName: The start's name in the finding.
    ///   - done: The act, if it came.
    ///   - doneName: The act's name in the finding.
    ///   - facts: More facts.
    ///   - evidence: More evidence.
    ///   - subject: Whom it is against, when not the case's subject.
    /// - Throws: When the profile has no figure for the rule.
    public mutating func deadline(
        _ rule: RuleID, from start: DatedFact, named startName: String, done: DatedFact?, doneName: String,
        facts: [Finding.Fact] = [], evidence: [LedgerEntry.ID] = [], subject: SubjectID? = nil
    ) throws {
        guard start.on <= asOf, let figure = try figure(rule, on: start.on),
            let miss = figure.missed(
                from: start.on, done: done?.on, asOf: asOf, absenceCounts: absenceCounts, calendar: profile.calendar)
        else { return }
        add(
            figure, facts + miss.facts, dates: miss.dates(start: startName, act: doneName),
            evidence: evidence + start.evidence + (miss.done != nil ? done?.evidence ?? [] : []), subject: subject)
    }
}
