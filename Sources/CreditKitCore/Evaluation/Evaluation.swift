/// A place in a ranking (排名).
public struct RankedCard: Hashable, Sendable {
    /// The rank: equal scores share a rank, and the next rank skips (1, 2, 2, 4).
    public var rank: Int
    /// The score card.
    public var card: ScoreCard
}

/// Rankings (排名): by score, highest first; ties share a rank and are listed by subject ID.
public enum Ranking {
    /// Ranks score cards.
    /// - Parameter cards: The cards.
    /// - Returns: The ranking.
    public static func rank(_ cards: [ScoreCard]) -> [RankedCard] {
        let sorted = cards.sorted { ($0.score, $1.subject) > ($1.score, $0.subject) }
        var out: [RankedCard] = []
        out.reserveCapacity(sorted.count)
        for (i, card) in sorted.enumerated() {
            let rank = i > 0 && sorted[i - 1].score == card.score ? out[i - 1].rank : i + 1
            out.append(RankedCard(rank: rank, card: card))
        }
        return out
    }

    /// The groups agencies are ranked within: agencies of one level in one region, the departments of one
    /// government, the townships of one county.
    public enum Group: Hashable, Sendable {
        /// Agencies of a level whose region code starts with a prefix (a province's 2 digits, a city's 4).
        case level(AdministrativeLevel, regionPrefix: String)
        /// The departments and institutions whose parent is a government.
        case departments(of: SubjectID)
        /// The townships whose parent is a county government.
        case townships(of: SubjectID)

        /// Whether an agency belongs to the group.
        /// - Parameter agency: The agency.
        /// - Returns: `true` when it belongs.
        public func contains(_ agency: Agency) -> Bool {
            switch self {
            case .level(let level, let prefix): agency.level == level && agency.region.rawValue.hasPrefix(prefix)
            case .departments(let government): agency.parent == government && agency.kind != .government
            case .townships(let county): agency.parent == county && agency.level == .township
            }
        }
    }
}

/// An early warning (预警): a level, the rule that raised it and why.
public struct EarlyWarning: Hashable, Sendable {
    /// How urgent.
    public enum Level: Int, Hashable, Sendable, Comparable, CaseIterable {
        /// Yellow (黄色).
        case yellow = 1
        /// Orange (橙色).
        case orange = 2
        /// Red (红色).
        case red = 3

        /// Yellow < orange < red.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The level's Chinese name.
        public var chineseName: String {
            switch self {
            case .yellow: "黄色预警"
            case .orange: "橙色预警"
            case .red: "红色预警"
            }
        }

        /// The level's colour in charts: red, orange, yellow (CSS hex).
        public var colour: String {
            switch self {
            case .yellow: "#d69e2e"
            case .orange: "#dd6b20"
            case .red: "#c0392b"
            }
        }
    }

    /// The subject.
    public var subject: SubjectID
    /// The level.
    public var level: Level
    /// The rule.
    public var rule: RuleID
    /// Why, with figures.
    public var reason: String

    /// The warning rules' Chinese names (预警规则名称), by id.
    public static let titles: [RuleID: String] = [
        "warning.score-drop": "评分短期大幅下降", "warning.grade": "评价等级过低",
        "warning.overdue-commitments": "多项承诺到期未履行", "warning.judgment-defaulter": "列为失信被执行人",
    ]

    /// The rule's Chinese name, or its id for a rule an integrator added without one.
    public var title: String { Self.titles[rule] ?? rule.rawValue }
}

/// The early-warning rules (预警规则), configurable.
public struct WarningRules: Hashable, Sendable {
    /// Warn when the score fell by at least this many points within ``dropWindowDays``.
    public var scoreDrop: Double
    /// The window for a score drop.
    public var dropWindowDays: Int
    /// Warn at this grade.
    public var warnGrade: String
    /// Warn when at least this many commitments are overdue.
    public var overdueCommitments: Int

    /// Makes the rules.
    /// - Parameters:
    ///   - scoreDrop: The drop in points.
    ///   - dropWindowDays: The window in days.
    ///   - warnGrade: The grade that warns.
    ///   - overdueCommitments: The overdue count that warns.
    public init(scoreDrop: Double = 10, dropWindowDays: Int = 90, warnGrade: String = "D", overdueCommitments: Int = 2)
    {
        self.scoreDrop = scoreDrop
        self.dropWindowDays = dropWindowDays
        self.warnGrade = warnGrade
        self.overdueCommitments = overdueCommitments
    }

    /// The warnings for one subject.
    /// - Parameters:
    ///   - card: The card as of the day.
    ///   - earlier: The card as of the start of the window.
    /// - Returns: The warnings, most urgent first.
    public func warnings(_ card: ScoreCard, earlier: ScoreCard?) -> [EarlyWarning] {
        var out: [EarlyWarning] = []
        if let earlier, earlier.score - card.score >= scoreDrop {
            out.append(
                EarlyWarning(
                    subject: card.subject, level: .orange, rule: "warning.score-drop",
                    reason:
                        "评分由\(earlier.asOf)的\(ReportFormat.number(earlier.score))降至\(card.asOf)的\(ReportFormat.number(card.score))"
                        + "（\(dropWindowDays)日内下降达\(ReportFormat.number(scoreDrop))分）"))
        }
        if card.grade == warnGrade {
            out.append(
                EarlyWarning(
                    subject: card.subject, level: .orange, rule: "warning.grade",
                    reason: "评价等级\(card.grade)（评分\(ReportFormat.number(card.score))）"))
        }
        let overdue =
            card.indicators.first { $0.indicator == "eval.commitments" }?.items.filter { $0.reason.contains("到期未履行") }
            .count ?? 0
        if overdue >= overdueCommitments {
            out.append(
                EarlyWarning(
                    subject: card.subject, level: .yellow, rule: "warning.overdue-commitments",
                    reason: "到期未履行承诺\(overdue)项（达\(overdueCommitments)项即预警）"))
        }
        if let listing = card.indicators.first(where: { $0.indicator == "eval.judgments" })?.items.first(where: {
            $0.reason.contains("失信被执行人")
        }) {
            out.append(
                EarlyWarning(
                    subject: card.subject, level: .red, rule: "warning.judgment-defaulter", reason: listing.reason))
        }
        return out.sorted { $0.level > $1.level }
    }
}

extension CreditKit {
    /// Every commitment by promisor, decoded once for an evaluation run.
    func commitmentsByPromisor(knownAt: Timestamp) throws -> [SubjectID: [(Commitment.ID, Commitment)]] {
        Dictionary(grouping: try commitments(knownAt: knownAt), by: \.1.promisor)
    }

    /// Scores every agency (or the given ones) as of a day.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - agencies: The agencies; every agency registered by then by default.
    ///   - model: The scoring model; the registered sector modules' indicators are added to it.
    ///   - explain: Whether cards carry every item and improvement (files, reports) or only points (rankings).
    /// - Returns: The score cards, by subject ID.
    /// - Throws: Storage errors.
    public func evaluate(
        asOf: LocalDate? = nil, agencies: [SubjectID]? = nil, model: ScoringModel = .governmentIntegrity,
        explain: Bool = true
    ) throws -> [ScoreCard] {
        try evaluate(
            asOf: asOf, agencies: agencies, model: model, explain: explain,
            commitments: commitmentsByPromisor(knownAt: ledger.clock.now()))
    }

    func evaluate(
        asOf: LocalDate?, agencies: [SubjectID]?, model: ScoringModel, explain: Bool,
        commitments: [SubjectID: [(Commitment.ID, Commitment)]]
    ) throws -> [ScoreCard] {
        let now = ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let view = self.view
        let context = try EvaluationContext(
            view: view, asOf: day, knownAt: now, profile: profile, commitments: commitments, explain: explain,
            ledger: ledger)
        let model = model.adding(modules)
        let ids = agencies ?? view.subjects(ofKind: .agency, asOf: day).map(\.subject.id)
        return try ids.map { try model.score($0, in: context) }
    }

    /// A subject's monthly trend: its score at the end of each of the past months.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - months: How many months.
    ///   - asOf: The last day; today by default.
    ///   - model: The scoring model.
    /// - Returns: The cards, oldest first.
    /// - Throws: Storage errors.
    public func trend(
        of subject: SubjectID, months: Int = 12, asOf: LocalDate? = nil, model: ScoringModel = .governmentIntegrity
    ) throws -> [ScoreCard] {
        let end = asOf ?? ledger.clock.today
        let commitments = try commitmentsByPromisor(knownAt: ledger.clock.now()).filter { $0.key == subject }
        return try (0..<months).reversed().flatMap { back in
            try evaluate(
                asOf: end.adding(months: -back), agencies: [subject], model: model, explain: false,
                commitments: commitments)
        }
    }

    /// The early warnings as of a day.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - rules: The warning rules.
    ///   - model: The scoring model.
    /// - Returns: The warnings, most urgent first.
    /// - Throws: Storage errors.
    public func warnings(
        asOf: LocalDate? = nil, rules: WarningRules = WarningRules(), model: ScoringModel = .governmentIntegrity
    ) throws -> [EarlyWarning] {
        let day = asOf ?? ledger.clock.today
        let now = try evaluate(asOf: day, model: model)
        let before = Dictionary(
            uniqueKeysWithValues: try evaluate(asOf: day.adding(days: -rules.dropWindowDays), model: model).map {
                ($0.subject, $0)
            })
        return now.flatMap { rules.warnings($0, earlier: before[$0.subject]) }
            .sorted { ($0.level, $1.subject) > ($1.level, $0.subject) }
    }
}
