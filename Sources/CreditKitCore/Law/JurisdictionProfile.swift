/// A jurisdiction profile (地方配置): the figures every rule uses, national defaults plus local overrides, each dated.
///
/// A rule asks for its figure on the relevant date (a record's decision date, a request's filing date); the
/// profile answers with the local version in force then, else the national one. Integrators configure their city
/// by choosing a shipped profile or deriving one with ``overriding(id:name:figures:calendar:)``.
public struct JurisdictionProfile: Sendable {
    /// The profile's identifier, for example `national` or `shanghai`.
    public var id: String
    /// The jurisdiction's name.
    public var name: LocalizedName
    /// The working-day calendar (national holidays; a local profile may add local ones).
    public var calendar: WorkdayCalendar
    /// The steps a major administrative decision must take (重大行政决策法定程序); local plans add steps such as
    /// 廉洁性评估 (the Qinhuangdao plan).
    public var majorDecisionSteps: [DecisionStepKind] = [
        .publicParticipation, .expertArgumentation, .riskAssessment, .legalityReview, .collectiveDiscussion,
        .publication, .archive,
    ]
    /// The rules objective enough that their findings may be confirmed without an officer (客观规则), for example
    /// a payment overdue past the statutory limit. Empty by default.
    public var autoConfirmRules: Set<RuleID> = []
    /// The model that grades officials' integrity files and sets the bars they put on appointment, promotion and
    /// honours (公务员诚信等级评定); the kit's defaults unless the platform sets its own.
    public var officialGradeModel: OfficialGradeModel = .standard
    /// The figures set here, by rule, each rule's versions in date order.
    public private(set) var local: [RuleID: [RuleFigure]]
    /// The profile this one overrides, if any.
    public private(set) var baseFigures: [RuleID: [RuleFigure]]
    /// The base profile's identifier.
    public private(set) var baseID: String?

    /// Makes a profile with no base.
    /// - Parameters:
    ///   - id: The identifier.
    ///   - name: The name.
    ///   - figures: The figures.
    ///   - calendar: The working-day calendar.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when two versions of a rule overlap in time.
    public init(id: String, name: LocalizedName, figures: [RuleFigure], calendar: WorkdayCalendar = .china) throws {
        self.id = id
        self.name = name
        self.calendar = calendar
        self.local = try JurisdictionProfile.index(figures, profile: id)
        self.baseFigures = [:]
        self.baseID = nil
    }

    /// A profile that overrides this one for some rules.
    /// - Parameters:
    ///   - id: The new profile's identifier.
    ///   - name: Its name.
    ///   - figures: The figures it sets; rules it does not set come from this profile.
    ///   - calendar: Its calendar; this profile's by default.
    /// - Returns: The new profile.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when two versions of a rule overlap in time.
    public func overriding(
        id: String, name: LocalizedName, figures: [RuleFigure], calendar: WorkdayCalendar? = nil
    ) throws -> JurisdictionProfile {
        var profile = try JurisdictionProfile(id: id, name: name, figures: figures, calendar: calendar ?? self.calendar)
        profile.baseFigures = baseFigures.merging(local) { _, mine in mine }
        profile.baseID = self.id
        return profile
    }

    private static func index(_ figures: [RuleFigure], profile: String) throws -> [RuleID: [RuleFigure]] {
        var byRule = Dictionary(grouping: figures, by: \.rule)
        for (rule, versions) in byRule {
            let sorted = versions.sorted {
                ($0.from ?? LocalDate(daysSinceEpoch: .min)) < ($1.from ?? LocalDate(daysSinceEpoch: .min))
            }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                guard let end = a.through, let start = b.from, end < start else {
                    throw CreditKitError(
                        .invalidArgument, "profile \(profile) has overlapping versions of rule \(rule)",
                        context: ["rule": rule.rawValue])
                }
            }
            byRule[rule] = sorted
        }
        return byRule
    }

    /// The same profile with more figures, for rules it does not have yet (a sector module's defaults).
    /// - Parameter figures: The figures.
    /// - Returns: The profile; a rule it already has keeps its own figures.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when the new versions of a rule overlap in time.
    public func addingDefaults(_ figures: [RuleFigure]) throws -> JurisdictionProfile {
        var copy = self
        let fresh = figures.filter { local[$0.rule] == nil && baseFigures[$0.rule] == nil }
        let indexed = try JurisdictionProfile.index(fresh, profile: id)
        copy.baseFigures.merge(indexed) { mine, _ in mine }
        return copy
    }

    /// The version of a rule's figure in force on a day: this profile's, else the base's.
    /// - Parameters:
    ///   - rule: The rule.
    ///   - date: The day.
    /// - Returns: The figure.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` naming the rule and day when no version is in force.
    public func figure(_ rule: RuleID, on date: LocalDate) throws -> RuleFigure {
        if let found = local[rule]?.first(where: { $0.isInForce(on: date) }) { return found }
        if let found = baseFigures[rule]?.first(where: { $0.isInForce(on: date) }) { return found }
        let known = local[rule] ?? baseFigures[rule]
        throw CreditKitError(
            .invalidArgument,
            known == nil
                ? "profile \(id) has no rule \(rule)"
                : "profile \(id) has no version of rule \(rule) in force on \(date)",
            context: ["rule": rule.rawValue, "date": date.description])
    }

    /// Whether the profile has a rule at all (its own figure or the base's): a local rule, such as a city bureau's own
    /// limit, is known only to that place's profile, and a check that judges by it applies only there.
    /// - Parameter rule: The rule.
    /// - Returns: Whether any version of it is known.
    public func knows(_ rule: RuleID) -> Bool { local[rule] != nil || baseFigures[rule] != nil }

    /// The version of a rule's figure in force on a day, or `nil` when the profile knows the rule but no version
    /// of it was in force then (the law did not yet, or no longer, say it).
    /// - Parameters:
    ///   - rule: The rule.
    ///   - date: The day.
    /// - Returns: The figure, or `nil` outside every version's dates.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when the profile has no such rule at all: a rule whose
    ///   figure is missing is an error, never a rule switched off.
    public func figureInForce(_ rule: RuleID, on date: LocalDate) throws -> RuleFigure? {
        if let found = local[rule]?.first(where: { $0.isInForce(on: date) }) { return found }
        if let found = baseFigures[rule]?.first(where: { $0.isInForce(on: date) }) { return found }
        guard local[rule] != nil || baseFigures[rule] != nil else {
            throw CreditKitError(
                .invalidArgument, "profile \(id) has no rule \(rule)", context: ["rule": rule.rawValue])
        }
        return nil
    }

    /// A rule's deadline from a day by the version in force then, or `nil` when the profile knows the rule but no
    /// version of it was in force that day.
    /// - Parameters:
    ///   - rule: The rule.
    ///   - date: The triggering day; also the day whose figure applies.
    /// - Returns: The deadline and the figure it came from, or `nil`.
    /// - Throws: When the profile has no such rule, or its figure is not a period.
    public func deadlineInForce(_ rule: RuleID, from date: LocalDate) throws -> (
        deadline: Deadline, figure: RuleFigure
    )? {
        guard try figureInForce(rule, on: date) != nil else { return nil }
        return try deadline(rule, from: date)
    }

    /// A rule's figure as a period, with its deadline on the calendar.
    /// - Parameters:
    ///   - rule: The rule.
    ///   - date: The triggering day; also the day whose figure applies.
    /// - Returns: The deadline and the figure it came from.
    /// - Throws: When the rule has no version then, or its figure is not a period.
    public func deadline(_ rule: RuleID, from date: LocalDate) throws -> (deadline: Deadline, figure: RuleFigure) {
        let figure = try figure(rule, on: date)
        guard let period = figure.figure.period else {
            throw CreditKitError(.invalidArgument, "rule \(rule) has figure \(figure.figure), which is not a period")
        }
        return (calendar.deadline(period, from: date, restDayExtension: figure.restDayExtension ?? true), figure)
    }

    /// Every rule version this profile answers with (its own, then the base's it does not override), by rule id.
    public var allFigures: [RuleFigure] {
        let merged = baseFigures.merging(local) { _, mine in mine }
        return merged.keys.sorted().flatMap { merged[$0]! }
    }
}
