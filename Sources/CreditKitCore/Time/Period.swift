/// A legal period (期间): a number of calendar days, working days, months or years.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The unit a period counts in.
    public enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        /// Calendar days (日).
        case days
        /// Working days (工作日): weekends and holidays skipped, 调休 working weekends counted.
        case workingDays
        /// Months (月): the corresponding day of the last month, or its last day.
        case months
        /// Years (年).
        case years
    }

    /// How many units.
    public var value: Int
    /// The unit.
    public var unit: Unit

    /// Makes a period.
    /// - Parameters:
    ///   - value: How many units.
    ///   - unit: The unit.
    public init(_ value: Int, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// Calendar days.
    /// - Parameter n: The count.
    /// - Returns: The period.
    public static func days(_ n: Int) -> Period { Period(n, .days) }
    /// Working days.
    /// - Parameter n: The count.
    /// - Returns: The period.
    public static func workingDays(_ n: Int) -> Period { Period(n, .workingDays) }
    /// Months.
    /// - Parameter n: The count.
    /// - Returns: The period.
    public static func months(_ n: Int) -> Period { Period(n, .months) }
    /// Years.
    /// - Parameter n: The count.
    /// - Returns: The period.
    public static func years(_ n: Int) -> Period { Period(n, .years) }

    /// `30 d`, `7 wd`, `3 months`, `1 year`.
    public var description: String {
        switch unit {
        case .days: "\(value) d"
        case .workingDays: "\(value) wd"
        case .months: "\(value) month\(value == 1 ? "" : "s")"
        case .years: "\(value) year\(value == 1 ? "" : "s")"
        }
    }
}

/// A computed deadline (期限): the last allowed day, how it was found, and whether a rest day moved it.
public struct Deadline: Hashable, Sendable, Codable {
    /// The triggering day (not counted).
    public var from: LocalDate
    /// The period.
    public var period: Period
    /// The last day by plain counting.
    public var counted: LocalDate
    /// The last allowed day, after any rest-day extension.
    public var due: LocalDate
    /// Whether a year without a holiday notice was involved, so the result may change when its notice appears.
    public var provisional: Bool

    /// Whether the plain count ended on a rest day and the deadline moved to the next working day.
    public var wasExtended: Bool { due != counted }

    /// Whether something done on a day meets the deadline.
    /// - Parameter date: The day it was done.
    /// - Returns: `true` on or before ``due``.
    public func isMet(on date: LocalDate) -> Bool { date <= due }

    /// Days late when done on a day (0 when on time).
    /// - Parameter date: The day it was done.
    /// - Returns: Calendar days after ``due``.
    public func daysLate(on date: LocalDate) -> Int { max(0, due.days(until: date)) }
}

extension WorkdayCalendar {
    /// The deadline of a period counted from a triggering day (民法典 arts. 200-204).
    ///
    /// The triggering day does not count. A period in months or years ends on the corresponding day, or the month's
    /// last day when there is none. When `restDayExtension` is on and a calendar-day, month or year period ends on a
    /// rest day (weekend or holiday, but not a 调休 working weekend), it moves to the next working day; a
    /// working-day period always ends on a working day.
    /// - Parameters:
    ///   - period: The period.
    ///   - date: The triggering day.
    ///   - restDayExtension: Whether art. 203's rest-day rule applies (a law or contract may exclude it, art. 204).
    /// - Returns: The deadline.
    public func deadline(_ period: Period, from date: LocalDate, restDayExtension: Bool = true) -> Deadline {
        let counted: LocalDate
        switch period.unit {
        case .days: counted = date.adding(days: period.value)
        case .workingDays: counted = adding(workingDays: period.value, to: date)
        case .months: counted = date.adding(months: period.value)
        case .years: counted = date.adding(years: period.value)
        }
        let due = restDayExtension ? workingDay(onOrAfter: counted) : counted
        return Deadline(
            from: date, period: period, counted: counted, due: due,
            provisional: isProvisional(from: date, through: due))
    }

    /// Whether a minimum duration (at least `period` between two days) is met, counted plainly: no rest-day
    /// extension, as the law counts "no fewer than 20 days from issue to the bid deadline".
    /// - Parameters:
    ///   - period: The minimum.
    ///   - start: The first event's day.
    ///   - end: The second event's day.
    /// - Returns: `true` when at least the period lies between them.
    public func lasts(atLeast period: Period, from start: LocalDate, to end: LocalDate) -> Bool {
        switch period.unit {
        case .days: start.days(until: end) >= period.value
        case .workingDays: workingDays(after: start, through: end) >= period.value
        case .months: end >= start.adding(months: period.value)
        case .years: end >= start.adding(years: period.value)
        }
    }
}
