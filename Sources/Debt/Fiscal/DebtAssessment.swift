import CreditKitCore
import Foundation

/// Something in a region's figures that cannot be judged (数据问题): a text where an amount belongs, a missing or
/// zero denominator. The ratio it would have given is left out (never 0% or infinity); the rest of the row is
/// still judged where it can be.
public struct DebtDataProblem: Hashable, Sendable, Codable {
    /// The region code as the source gives it.
    public var region: String
    /// The year, when it could be read.
    public var year: Int?
    /// The line of the CSV file, when the figures came from one.
    public var line: Int?
    /// The column (in Chinese, as the CSV names it).
    public var field: String
    /// Why it cannot be judged.
    public var reason: String

    /// Makes a problem; each argument sets the property of its name.
    /// - Parameters:
    ///   - region: The region code.
    ///   - year: The year.
    ///   - line: The line.
    ///   - field: The column.
    ///   - reason: Why.
    public init(region: String, year: Int?, line: Int?, field: String, reason: String) {
        self.region = region
        self.year = year
        self.line = line
        self.field = field
        self.reason = reason
    }
}

/// What the debt rules make of one region's year (地区年度债务风险评估): the ratios (percent, unrounded), the risk
/// colour, whether restructuring is triggered, the overdue band and emergency level, the findings with the facts
/// and figures that decided each, and what could not be judged.
public struct DebtAssessment: Hashable, Sendable {
    /// The figures judged.
    public var figures: DebtYearFigures
    /// The day whose rule versions applied: the year's last day, or the day looked at when earlier.
    public var ruleDay: LocalDate
    /// Debt ratio (债务率): total balance ÷ combined fiscal resources, in percent.
    public var debtRatio: Decimal?
    /// The risk colour of the debt ratio.
    public var colour: DebtRiskColour?
    /// General-debt interest ÷ general public budget expenditure, in percent.
    public var generalInterestRatio: Decimal?
    /// Special-debt interest ÷ government-fund budget expenditure, in percent.
    public var specialInterestRatio: Decimal?
    /// Whether fiscal restructuring is triggered; `nil` when neither interest ratio can be computed and no rule
    /// version was in force.
    public var restructuring: Bool?
    /// Overdue debt ÷ total balance, in percent.
    public var overdueRatio: Decimal?
    /// The overdue-ratio band, when in one.
    public var overdueBand: DebtOverdueBand?
    /// The emergency level, when one is reached.
    public var emergencyLevel: DebtEmergencyLevel?
    /// The findings, in rule order.
    public var findings: [Finding]
    /// What could not be judged.
    public var problems: [DebtDataProblem]

    /// The debt ratio as shown: two decimals, on the side of every line it is on (``percentText(_:lines:)``).
    public var debtRatioText: String?
    /// The general-debt interest ratio as shown.
    public var generalInterestText: String?
    /// The special-debt interest ratio as shown.
    public var specialInterestText: String?
    /// The overdue-debt ratio as shown.
    public var overdueText: String?

    /// A percentage with two decimals (`123.45`), or `nil`.
    /// - Parameter value: The percentage.
    /// - Returns: The text.
    public static func percentText(_ value: Decimal?) -> String? {
        percentText(value, lines: [])
    }

    /// A percentage with two decimals that never lands on a line it is not on: a value just above 100 shows as
    /// `100.01`, never `100.00`, and one just below 120 as `119.99`, so the figure shown agrees with the judgement.
    /// - Parameters:
    ///   - value: The percentage.
    ///   - lines: The lines it is judged against.
    /// - Returns: The text, or `nil` for no value.
    public static func percentText(_ value: Decimal?, lines: [Decimal]) -> String? {
        guard let value, !value.isNaN else { return nil }
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        if rounded != value, lines.contains(rounded) {
            input = value
            NSDecimalRound(&rounded, &input, 2, value > rounded ? .up : .down)
        }
        let text = rounded.description
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return text + String(repeating: "0", count: max(0, 2 - decimals))
    }
}

/// The debt assessment (债务风险评估) with a profile's figures: the same judgement for a CSV file read without a
/// ledger (`creditkit debt assess`) and for the figures the ledger holds.
public struct DebtAssessor: Sendable {
    /// The profile, the module's figures added where it has none.
    public let profile: JurisdictionProfile

    /// Makes the assessor.
    /// - Parameter profile: The profile.
    /// - Throws: When the module's figures do not fit the profile.
    public init(profile: JurisdictionProfile = .national) throws {
        self.profile = try profile.addingDefaults(DebtLaw.figures)
    }

    /// `num ÷ den × 100`, or `nil` when either is unknown, the denominator is not above zero, or the quotient is not
    /// a number.
    static func percent(_ num: Decimal?, _ den: Decimal?) -> Decimal? {
        guard let num, let den, den > 0 else { return nil }
        let value = num / den * 100
        return value.isNaN ? nil : value
    }

    /// The figures of rules in force on a day, for the lines a ratio is shown against.
    func lines(_ rules: [RuleID], on day: LocalDate) throws -> [Decimal] {
        try rules.compactMap { try profile.figureInForce($0, on: day)?.figure.value }
    }

    /// Judges one region's year.
    /// - Parameters:
    ///   - given: The figures; any faulty one is named as a problem and left out.
    ///   - asOf: The day looked at: a year not over yet is judged by the versions in force on it.
    ///   - subject: Whom findings are against: the region's government, or a stand-in for figures read without a
    ///     ledger.
    ///   - line: The CSV line, for the problems.
    ///   - evidence: The ledger entries the figures came from.
    /// - Returns: The assessment.
    /// - Throws: `CreditKitError` (`invalidArgument`) for a year outside 1900–2200; when the profile lacks a rule's
    ///   figure.
    public func assess(
        _ given: DebtYearFigures, asOf: LocalDate, subject: SubjectID, line: Int? = nil,
        evidence: [LedgerEntry.ID] = []
    ) throws -> DebtAssessment {
        var problems: [DebtDataProblem] = []
        func problem(_ field: String, _ reason: String) {
            problems.append(
                DebtDataProblem(
                    region: given.region.rawValue, year: given.year, line: line, field: field, reason: reason))
        }
        // A figure that is no sound amount is named and left out, never judged.
        var figures = given
        for fault in figures.droppingFaults() { problem(fault.field, fault.reason) }
        guard let yearEnd = LocalDate(validYear: figures.year, month: 12, day: 31) else {
            throw CreditKitError(
                .invalidArgument, "region \(figures.region): the year \(figures.year) is outside 1900–2200")
        }
        let day = min(yearEnd, asOf)
        var lead: [Finding.Fact] = [.init("region", figures.region.rawValue), .count("year", figures.year)]
        if let name = figures.regionName { lead.append(.init("regionName", name)) }
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: subject, lead: lead, leadEvidence: evidence, absenceCounts: false)
        func wan(_ value: Decimal) -> Decimal { value * 10_000 }
        let dated = [Finding.NamedDate("judged", day)]
        var result = DebtAssessment(figures: figures, ruleDay: day, findings: [], problems: [])

        // Balances against their limits (equal is allowed).
        for (kind, balance, limit, balanceName, limitName) in [
            ("general", figures.generalBalance, figures.generalLimit, "一般债务余额", "一般债务限额"),
            ("special", figures.specialBalance, figures.specialLimit, "专项债务余额", "专项债务限额"),
        ] {
            guard let balance, let limit else {
                problem(
                    balance == nil ? balanceName : limitName,
                    "缺失，无法与限额比较 (missing: \(balanceName) cannot be compared with its limit)")
                continue
            }
            guard let figure = try out.figure(DebtLaw.overLimit.id, on: day), balance - limit > figure.figure.value
            else { continue }
            out.add(
                figure,
                [
                    .init("debt", kind), .money("balance", wan(balance)), .money("limit", wan(limit)),
                    .money("excess", wan(balance - limit)),
                ], dates: dated, evidence: [], severity: .ordinary)
        }

        // The debt ratio and its colour.
        if figures.fiscalResources == nil {
            problem("综合财力", "缺失，无法计算债务率 (missing: no debt ratio without combined fiscal resources)")
        } else if figures.fiscalResources! <= 0 {
            problem("综合财力", "为零，无法计算债务率 (zero: no debt ratio from a zero denominator)")
        } else if figures.totalBalance == nil {
            problem(
                figures.generalBalance == nil ? "一般债务余额" : "专项债务余额",
                "缺失，无法计算债务率 (missing: no debt ratio without both balances)")
        }
        result.debtRatio = Self.percent(figures.totalBalance, figures.fiscalResources)
        result.debtRatioText = DebtAssessment.percentText(
            result.debtRatio,
            lines: try lines(
                [DebtLaw.ratioWarning.id, DebtLaw.yellow.id, DebtLaw.orange.id, DebtLaw.red.id], on: day))
        if let ratio = result.debtRatio {
            var colour = DebtRiskColour.green
            for (c, rule) in [
                (DebtRiskColour.yellow, DebtLaw.yellow.id), (.orange, DebtLaw.orange.id), (.red, DebtLaw.red.id),
            ] {
                if let line = try profile.figureInForce(rule, on: day), ratio >= line.figure.value { colour = c }
            }
            result.colour = colour
            if let figure = try out.figure(DebtLaw.ratioWarning.id, on: day), ratio > figure.figure.value {
                out.add(
                    figure,
                    [
                        .init("debtRatio", result.debtRatioText!), .init("colour", colour.rawValue),
                        .money("balance", wan(figures.totalBalance!)),
                        .money("fiscalResources", wan(figures.fiscalResources!)),
                    ], dates: dated, evidence: [], severity: colour >= .orange ? .ordinary : .minor)
            }
        }

        // The interest burden: fiscal restructuring.
        let interestLines = try lines([DebtLaw.restructuring.id], on: day)
        result.generalInterestRatio = Self.percent(figures.generalInterest, figures.generalExpenditure)
        result.specialInterestRatio = Self.percent(figures.specialInterest, figures.fundExpenditure)
        result.generalInterestText = DebtAssessment.percentText(result.generalInterestRatio, lines: interestLines)
        result.specialInterestText = DebtAssessment.percentText(result.specialInterestRatio, lines: interestLines)
        for (ratio, interest, expenditure, interestName, expenditureName) in [
            (
                result.generalInterestRatio, figures.generalInterest, figures.generalExpenditure, "一般债务付息支出",
                "一般公共预算支出"
            ),
            (
                result.specialInterestRatio, figures.specialInterest, figures.fundExpenditure, "专项债务付息支出",
                "政府性基金预算支出"
            ),
        ] where ratio == nil {
            if interest == nil {
                problem(interestName, "缺失，无法计算付息占比 (missing: no interest ratio)")
            } else if expenditure == nil {
                problem(expenditureName, "缺失，无法计算付息占比 (missing: no interest ratio without \(expenditureName))")
            } else {
                problem(expenditureName, "为零，无法计算付息占比 (zero: no interest ratio from a zero denominator)")
            }
        }
        if let figure = try out.figure(DebtLaw.restructuring.id, on: day) {
            let over = [
                ("general", result.generalInterestRatio), ("special", result.specialInterestRatio),
            ].filter { ($0.1 ?? 0) > figure.figure.value }
            if result.generalInterestRatio != nil || result.specialInterestRatio != nil {
                result.restructuring = !over.isEmpty
            }
            if !over.isEmpty {
                var facts: [Finding.Fact] = []
                for (kind, _) in over {
                    let general = kind == "general"
                    facts += [
                        .init(
                            general ? "generalInterestRatio" : "specialInterestRatio",
                            (general ? result.generalInterestText : result.specialInterestText)!),
                        .money(
                            general ? "generalInterest" : "specialInterest",
                            wan((general ? figures.generalInterest : figures.specialInterest)!)),
                        .money(
                            general ? "generalExpenditure" : "fundExpenditure",
                            wan((general ? figures.generalExpenditure : figures.fundExpenditure)!)),
                    ]
                }
                out.add(figure, facts, dates: dated, evidence: [], severity: .serious)
            }
        }

        // The overdue ratio: its band and the emergency level.
        if figures.overdue == nil {
            problem("逾期债务", "缺失，无法计算逾期债务率 (missing: no overdue-debt ratio)")
        } else if figures.totalBalance == nil {
            problem(
                figures.generalBalance == nil ? "一般债务余额" : "专项债务余额",
                "缺失，无法计算逾期债务率 (missing: no overdue-debt ratio without both balances)")
        } else if let total = figures.totalBalance, total <= 0 {
            problem("一般债务余额", "债务余额为零，无法计算逾期债务率 (zero balances: no overdue-debt ratio)")
        }
        result.overdueRatio = Self.percent(figures.overdue, figures.totalBalance)
        result.overdueText = DebtAssessment.percentText(
            result.overdueRatio,
            lines: try lines(
                [
                    DebtLaw.overdueRatio.id, DebtLaw.overdueIntermediate.id, DebtLaw.overdueSevere.id,
                    DebtLaw.emergencyLevel.id, DebtLaw.emergencyLevelIII.id, DebtLaw.emergencyLevelII.id,
                    DebtLaw.emergencyLevelI.id,
                ], on: day))
        if let ratio = result.overdueRatio, let low = try out.figure(DebtLaw.overdueRatio.id, on: day),
            ratio >= low.figure.value
        {
            let middle = try profile.figureInForce(DebtLaw.overdueIntermediate.id, on: day)
            let severe = try profile.figureInForce(DebtLaw.overdueSevere.id, on: day)
            var band = DebtOverdueBand.elementary
            if let middle, ratio >= middle.figure.value { band = .intermediate }
            if let severe, ratio > severe.figure.value { band = .severe }
            result.overdueBand = band
            out.add(
                low,
                [
                    .init("overdueRatio", result.overdueText!), .init("band", band.rawValue),
                    .money("overdue", wan(figures.overdue!)),
                ], dates: dated, evidence: [], severity: band == .severe ? .serious : .ordinary)
        }
        if let four = try out.figure(DebtLaw.emergencyLevel.id, on: day) {
            var level: DebtEmergencyLevel?
            var decided: [Finding.Fact] = []
            if let ratio = result.overdueRatio, ratio > four.figure.value {
                level = .iv
                for (l, rule, strict) in [
                    (DebtEmergencyLevel.iii, DebtLaw.emergencyLevelIII.id, false),
                    (.ii, DebtLaw.emergencyLevelII.id, false), (.i, DebtLaw.emergencyLevelI.id, true),
                ] {
                    if let f = try profile.figureInForce(rule, on: day),
                        strict ? ratio > f.figure.value : ratio >= f.figure.value
                    {
                        level = l
                    }
                }
                decided.append(.init("overdueRatio", result.overdueText!))
            }
            if result.restructuring == true {
                level = max(level ?? .iv, .iv)
                decided.append(.init("restructuring", "triggered"))
            }
            result.emergencyLevel = level
            if let level {
                out.add(
                    four, [.init("level", level.rawValue)] + decided, dates: dated, evidence: [],
                    severity: level >= .ii ? .serious : .ordinary)
            }
        }
        result.findings = out.findings
        result.problems = problems
        return result
    }
}
