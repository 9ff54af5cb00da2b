import Foundation

/// A rule's stable identifier (规则标识), for example `disclosure.penalty.publication`.
public typealias RuleID = Tagged<RuleTag, String>

/// The tag of ``RuleID``.
public enum RuleTag {}

/// A figure a rule uses (规则参数): a number with its unit.
public struct Figure: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The unit of a figure.
    public enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        /// Calendar days (日).
        case days
        /// Working days (工作日).
        case workingDays
        /// Months (月).
        case months
        /// Years (年).
        case years
        /// Hours (小时).
        case hours
        /// Percent (%).
        case percent
        /// Yuan (元).
        case yuan
        /// A count (个、人、次).
        case count
        /// A day of the year, `MMDD` (for example 131 for 31 January).
        case monthDay

        /// The abbreviation used in the rule catalogue.
        public var symbol: String {
            switch self {
            case .days: "d"
            case .workingDays: "wd"
            case .months: "months"
            case .years: "years"
            case .hours: "hours"
            case .percent: "%"
            case .yuan: "yuan"
            case .count: "count"
            case .monthDay: "date"
            }
        }
    }

    /// The number.
    public var value: Decimal
    /// The unit.
    public var unit: Unit

    /// Makes a figure.
    /// - Parameters:
    ///   - value: The number.
    ///   - unit: The unit.
    public init(_ value: Decimal, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The figure as a period, when its unit is one.
    public var period: Period? {
        let n = NSDecimalNumber(decimal: value).intValue
        switch unit {
        case .days: return .days(n)
        case .workingDays: return .workingDays(n)
        case .months: return .months(n)
        case .years: return .years(n)
        default: return nil
        }
    }

    /// The value as the catalogue and the reports print it: as it is, or rounded to two decimal places when it has
    /// more (two thirds, `66.666…`, prints as `66.67`; rules compare with the exact value).
    public var shownValue: String {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        return rounded == value ? "\(value)" : "\(rounded)"
    }

    /// The figure in Chinese: `7个工作日`, `30日`, `3个月`, `1年`.
    public var chineseDescription: String {
        let value = shownValue
        return switch unit {
        case .days: "\(value)日"
        case .workingDays: "\(value)个工作日"
        case .months: "\(value)个月"
        case .years: "\(value)年"
        case .hours: "\(value)小时"
        case .percent: "\(value)%"
        case .yuan: "\(value)元"
        case .count: "\(value)"
        case .monthDay:
            "\(NSDecimalNumber(decimal: self.value).intValue / 100)月\(NSDecimalNumber(decimal: self.value).intValue % 100)日"
        }
    }

    /// `7 wd`, `2 %`, `800000 yuan`, `31 Jan`.
    public var description: String {
        if unit == .monthDay {
            let n = NSDecimalNumber(decimal: value).intValue
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(n % 100) \(months[max(0, min(11, n / 100 - 1))])"
        }
        // One month, one year: the singular (the catalogue's other symbols do not inflect).
        if value == 1, unit == .months || unit == .years { return "1 \(unit == .months ? "month" : "year")" }
        return "\(shownValue) \(unit.symbol)"
    }
}

/// One version of a rule's figure in a profile (规则条款): what, how much, on what legal basis, and when in force.
public struct RuleFigure: Hashable, Sendable, Codable {
    /// The rule.
    public var rule: RuleID
    /// What the rule says, in Chinese and English.
    public var title: LocalizedName
    /// The figure.
    public var figure: Figure
    /// For deadlines: whether a last day on a rest day moves to the next working day (民法典 art. 203); `nil` for
    /// minimum durations and figures that are not periods.
    public var restDayExtension: Bool?
    /// The legal basis.
    public var basis: [LegalCitation]
    /// The first day in force, or `nil` for "as long as the ledger matters".
    public var from: LocalDate?
    /// The last day in force, or `nil` while in force.
    public var through: LocalDate?
    /// Whether a source confirms the figure; `false` marks a documented default an integrator should check.
    public var confirmed: Bool
    /// A note: scope, an alternative figure, why it is a default.
    public var note: String?

    /// Makes a rule figure.
    /// - Parameters:
    ///   - rule: The rule.
    ///   - title: What the rule says.
    ///   - figure: The figure.
    ///   - restDayExtension: Whether the rest-day rule applies (deadlines only).
    ///   - basis: The legal basis.
    ///   - from: The first day in force.
    ///   - through: The last day in force.
    ///   - confirmed: Whether a source confirms it.
    ///   - note: A note.
    public init(
        rule: RuleID, title: LocalizedName, figure: Figure, restDayExtension: Bool? = nil, basis: [LegalCitation],
        from: LocalDate? = nil, through: LocalDate? = nil, confirmed: Bool = true, note: String? = nil
    ) {
        self.rule = rule
        self.title = title
        self.figure = figure
        self.restDayExtension = restDayExtension
        self.basis = basis
        self.from = from
        self.through = through
        self.confirmed = confirmed
        self.note = note
    }

    /// Whether this version is in force on a day.
    /// - Parameter date: The day.
    /// - Returns: `true` between ``from`` and ``through``, both included.
    public func isInForce(on date: LocalDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (through.map { date <= $0 } ?? true)
    }
}

extension Period {
    /// The period in Chinese, as a figure of its unit reads: `3个工作日`, `15日`, `1个月`.
    public var chineseDescription: String {
        let unit: Figure.Unit =
            switch self.unit {
            case .days: .days
            case .workingDays: .workingDays
            case .months: .months
            case .years: .years
            }
        return Figure(Decimal(value), unit).chineseDescription
    }
}
