/// An evaluation indicator (评价指标): a share of the 100 points, and how a subject earns it as of a day.
///
/// Sector modules implement indicators too. Every point taken names its reason, facts, dates and entries; every
/// score lists what would give points back.
public protocol Indicator: Sendable {
    /// The indicator's stable id, for example `eval.commitments`.
    var id: RuleID { get }
    /// Its name in Chinese and English.
    var name: LocalizedName { get }
    /// The points it carries at most.
    var weight: Double { get }
    /// Scores one subject.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: What the evaluation may look at.
    /// - Returns: The score, between 0 and ``weight``, with its explanation.
    /// - Throws: When the facts cannot be read; a failure never turns into points.
    func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore
}

/// What indicators may look at (评价依据): the view as of a day, the profile, and what was decoded once for the
/// whole run (commitments by promisor).
public struct EvaluationContext: Sendable {
    /// The ledger's view.
    public var view: CoreView
    /// The day evaluated.
    public var asOf: LocalDate
    /// What the ledger knew.
    public var knownAt: Timestamp
    /// The profile.
    public var profile: JurisdictionProfile
    /// Commitments by promisor.
    public var commitments: [SubjectID: [(Commitment.ID, Commitment)]]
    /// Whether indicators write out every item and improvement (for files and reports), or only the points (for
    /// rankings and warnings over many subjects).
    public var explain: Bool
    /// The ledger, for indicators that read facts from the store (sector facts the view does not index); `nil`
    /// when the context was made without one.
    public var ledger: Ledger?
    /// The commitments whose not being kept was confirmed as a dishonesty record (a finding of a `…commitment.*`
    /// rule whose evidence is the commitment's entry), with the record and the day: the record deducts for them, so
    /// the commitment indicator does not again.
    public let confirmedCommitments: [Commitment.ID: (record: CreditRecord.ID, on: LocalDate)]
    private let dueTable: DueTable

    /// The ledger, for an indicator that reads facts from the store.
    /// - Parameter indicator: The indicator asking, for the message.
    /// - Returns: The ledger.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when the context was made without one: the indicator
    ///   cannot be scored, which is not full points.
    public func requireLedger(for indicator: RuleID) throws -> Ledger {
        guard let ledger else {
            throw CreditKitError(
                .invalidArgument, "indicator \(indicator) reads the ledger, and this evaluation was given none")
        }
        return ledger
    }

    /// Makes a context.
    /// - Parameters:
    ///   - view: The view.
    ///   - asOf: The day.
    ///   - knownAt: What the ledger knew.
    ///   - profile: The profile.
    ///   - commitments: Commitments by promisor.
    ///   - explain: Whether to write out items and improvements.
    ///   - ledger: The ledger, for indicators that read the store.
    /// - Throws: When the profile lacks a publication rule the table needs.
    public init(
        view: CoreView, asOf: LocalDate, knownAt: Timestamp = .distantFuture, profile: JurisdictionProfile,
        commitments: [SubjectID: [(Commitment.ID, Commitment)]], explain: Bool = true, ledger: Ledger? = nil
    ) throws {
        self.ledger = ledger
        self.view = view
        self.asOf = asOf
        self.knownAt = knownAt
        self.profile = profile
        self.commitments = commitments
        self.explain = explain
        self.dueTable = try DueTable(profile: profile, through: asOf)
        // From the decisions' keys (rule|subject|evidence[|occasion]), read once per run.
        var candidates: [(entry: Int64, record: CreditRecord.ID, on: LocalDate)] = []
        for (key, decision) in view.findingDecisions {
            guard let record = decision.record else { continue }
            let parts = key.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count >= 3, parts[0].contains("commitment.") else { continue }
            for entry in parts[2].split(separator: ",").compactMap({ Int64($0) }) {
                candidates.append((entry, record, decision.on))
            }
        }
        var confirmed: [Commitment.ID: (record: CreditRecord.ID, on: LocalDate)] = [:]
        if !candidates.isEmpty {
            let commitments = Set(view.commitmentSequences)
            for c in candidates.sorted(by: { ($0.on, $0.record) < ($1.on, $1.record) })
            where commitments.contains(c.entry) && confirmed[Commitment.ID(c.entry)] == nil {
                confirmed[Commitment.ID(c.entry)] = (c.record, c.on)
            }
        }
        self.confirmedCommitments = confirmed
    }

    /// The publication due date of a record reference (7 working days for penalties, the profile's figure
    /// otherwise), from a table computed once per run.
    func publicationDue(_ ref: EntryRef) throws -> LocalDate? {
        try dueTable.due(penalty: ref.basis == .administrativePenalty, decided: ref.effectiveDays, profile: profile)
    }
}

/// Publication due dates for every decision day of the past five years, computed once per evaluation run.
struct DueTable: Sendable {
    let first: Int32
    let penalty: [Int32]
    let other: [Int32]

    /// Computes the table; a day no version of the rule was in force has no due date.
    init(profile: JurisdictionProfile, through last: LocalDate) throws {
        let start = last.adding(years: -5)
        first = start.daysSinceEpoch
        func table(_ rule: RuleID) throws -> [Int32] {
            try (start.daysSinceEpoch...last.daysSinceEpoch).map { day in
                try profile.deadlineInForce(rule, from: LocalDate(daysSinceEpoch: day))?.deadline.due.daysSinceEpoch
                    ?? .min
            }
        }
        penalty = try table(RecordBasis.administrativePenalty.publicationRule)
        other = try table(RecordBasis.courtJudgment.publicationRule)
    }

    func due(penalty isPenalty: Bool, decided: Int32, profile: JurisdictionProfile) throws -> LocalDate? {
        let index = Int(decided - first)
        let table = isPenalty ? penalty : other
        if index >= 0, index < table.count {
            return table[index] == .min ? nil : LocalDate(daysSinceEpoch: table[index])
        }
        let rule = (isPenalty ? RecordBasis.administrativePenalty : .courtJudgment).publicationRule
        return try profile.deadlineInForce(rule, from: LocalDate(daysSinceEpoch: decided))?.deadline.due
    }
}

/// One indicator's score for one subject, explained.
public struct IndicatorScore: Hashable, Sendable {
    /// A point added or taken.
    public struct Item: Hashable, Sendable {
        /// Points: negative when taken.
        public var points: Double
        /// Why.
        public var reason: String
        /// The dates it used.
        public var dates: [Finding.NamedDate]
        /// The ledger entries it rests on.
        public var evidence: [LedgerEntry.ID]

        /// Makes an item.
        /// - Parameters:
        ///   - points: Points; negative when taken.
        ///   - reason: Why.
        ///   - dates: The dates used.
        ///   - evidence: The entries.
        public init(points: Double, reason: String, dates: [Finding.NamedDate], evidence: [LedgerEntry.ID]) {
            self.points = points
            self.reason = reason
            self.dates = dates
            self.evidence = evidence
        }
    }

    /// An action that would give points back.
    public struct Improvement: Hashable, Sendable {
        /// What to do.
        public var action: String
        /// How many points it gives back.
        public var points: Double
        /// The entries it concerns.
        public var evidence: [LedgerEntry.ID]

        /// Makes an improvement.
        /// - Parameters:
        ///   - action: What to do.
        ///   - points: Points it gives back.
        ///   - evidence: The entries.
        public init(action: String, points: Double, evidence: [LedgerEntry.ID]) {
            self.action = action
            self.points = points
            self.evidence = evidence
        }
    }

    /// The indicator.
    public var indicator: RuleID
    /// Its name.
    public var name: LocalizedName
    /// Its weight.
    public var weight: Double
    /// The points earned.
    public var points: Double
    /// Each point added or taken.
    public var items: [Item]
    /// What would raise the score.
    public var improvements: [Improvement]

    /// Makes a score.
    /// - Parameters:
    ///   - indicator: The indicator.
    ///   - name: Its name.
    ///   - weight: Its weight.
    ///   - points: The points earned.
    ///   - items: Each point added or taken.
    ///   - improvements: What would raise the score; none is said to give back more than the indicator has lost.
    public init(
        indicator: RuleID, name: LocalizedName, weight: Double, points: Double, items: [Item],
        improvements: [Improvement]
    ) {
        self.indicator = indicator
        self.name = name
        self.weight = weight
        self.points = points
        self.items = items
        let lost = max(0, weight - points)
        self.improvements = improvements.map { i in
            var capped = i
            capped.points = min(i.points, lost)
            return capped
        }
    }

    /// What removing one deduction alone gives back when the points are clamped to `0...weight`: the deductions
    /// beyond the weight are absorbed first, so one of several may give back less than it took, or nothing
    /// (`weight` 10, deductions 10 and 5: the 10 alone gives back 5, the 5 alone nothing).
    /// - Parameters:
    ///   - deduction: The points the deduction took (positive).
    ///   - taken: Every point taken, summed (negative).
    ///   - weight: The indicator's weight.
    /// - Returns: The points it alone gives back.
    public static func gainAlone(removing deduction: Double, taken: Double, weight: Double) -> Double {
        func clamp(_ v: Double) -> Double { min(weight, max(0, v)) }
        return clamp(weight + taken + deduction) - clamp(weight + taken)
    }
}

/// A grade (等级) and the bands that give it.
public struct GradeBands: Hashable, Sendable, Codable {
    /// The lowest score of A, B and C; below C is D.
    public var a: Double, b: Double, c: Double

    /// Makes bands.
    /// - Parameters:
    ///   - a: The lowest A.
    ///   - b: The lowest B.
    ///   - c: The lowest C.
    public init(a: Double = 90, b: Double = 80, c: Double = 60) {
        self.a = a
        self.b = b
        self.c = c
    }

    /// The grade of a score.
    /// - Parameter score: The score.
    /// - Returns: `A`, `B`, `C` or `D`.
    public func grade(_ score: Double) -> String { score >= a ? "A" : score >= b ? "B" : score >= c ? "C" : "D" }
}

/// A subject's score card (信用评价结果) as of a day: the score, the grade, every indicator explained, and what
/// would raise it.
public struct ScoreCard: Hashable, Sendable {
    /// The subject.
    public var subject: SubjectID
    /// The day.
    public var asOf: LocalDate
    /// The score, 0 to 100.
    public var score: Double
    /// The grade.
    public var grade: String
    /// Each indicator.
    public var indicators: [IndicatorScore]

    /// Makes a card.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - asOf: The day.
    ///   - score: The score.
    ///   - grade: The grade.
    ///   - indicators: Each indicator.
    public init(subject: SubjectID, asOf: LocalDate, score: Double, grade: String, indicators: [IndicatorScore]) {
        self.subject = subject
        self.asOf = asOf
        self.score = score
        self.grade = grade
        self.indicators = indicators
    }

    /// Every improvement, most points first.
    public var improvements: [IndicatorScore.Improvement] {
        indicators.flatMap(\.improvements).sorted { ($0.points, $1.action) > ($1.points, $0.action) }
    }
}

/// The scoring model (评价模型): indicators and grade bands.
public struct ScoringModel: Sendable {
    /// The indicators; their weights add up to 100.
    public var indicators: [any Indicator]
    /// The grade bands.
    public var bands: GradeBands

    /// Makes a model.
    /// - Parameters:
    ///   - indicators: The indicators.
    ///   - bands: The grade bands.
    public init(indicators: [any Indicator], bands: GradeBands = GradeBands()) {
        self.indicators = indicators
        self.bands = bands
    }

    /// A model with the sector modules' indicators added (those it does not hold already, by id), every weight
    /// scaled so the total stays 100.
    /// - Parameter modules: The sector modules.
    /// - Returns: The model, its weights adding up to 100.
    public func adding(_ modules: [any SectorModule]) -> ScoringModel {
        // A module's indicator the model holds already (by id) is not added twice.
        let held = Set(indicators.map { ($0 as? ScaledIndicator)?.base.id ?? $0.id })
        let extra = modules.flatMap(\.indicators).filter { !held.contains($0.id) }
        // Scaled to 100 either way: a model given with a module's indicator in it already adds up to more.
        return ScoringModel(indicators: (indicators + extra).map { ScaledIndicator(base: $0, factor: 1) }, bands: bands)
            .normalized()
    }

    /// The same indicators with weights scaled to add up to 100.
    func normalized() -> ScoringModel {
        let total = indicators.reduce(0) { $0 + $1.weight }
        guard total > 0, total != 100 else { return self }
        return ScoringModel(
            indicators: indicators.map {
                ScaledIndicator(base: ($0 as? ScaledIndicator)?.base ?? $0, factor: 100 / total)
            },
            bands: bands)
    }

    /// Scores one subject.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score card.
    /// - Throws: When an indicator cannot read its facts.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> ScoreCard {
        let scores = try indicators.map { try $0.score(subject, in: context) }
        let total = (scores.reduce(0) { $0 + $1.points } * 100).rounded() / 100
        return ScoreCard(
            subject: subject, asOf: context.asOf, score: total, grade: bands.grade(total), indicators: scores)
    }
}

/// An indicator with its weight and points scaled, so a model with sector indicators still adds up to 100.
struct ScaledIndicator: Indicator {
    let base: any Indicator
    let factor: Double

    var id: RuleID { base.id }
    var name: LocalizedName { base.name }
    var weight: Double { base.weight * factor }

    func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        var s = try base.score(subject, in: context)
        guard factor != 1 else { return s }
        s.weight *= factor
        s.points *= factor
        s.items = s.items.map {
            var i = $0; i.points *= factor; return i
        }
        s.improvements = s.improvements.map {
            var i = $0; i.points *= factor; return i
        }
        return s
    }
}
