/// China's working-day calendar (工作日历): weekends, public holidays, and the weekend days made working days (调休).
///
/// A day is a working day when it is a 调休 working weekend, or a weekday that is not a holiday. Years without a
/// notice (before 2018, or after the last year added) count weekends only, and every result that looked at such a
/// day says so (`provisional`), so a deadline in a year whose notice is not out yet is never silently taken as final.
public struct WorkdayCalendar: Sendable {
    private var holidays: Set<Int32> = []
    private var workingWeekends: Set<Int32> = []
    private var holidayNames: [Int32: String] = [:]
    /// The years with a notice.
    public private(set) var years: [HolidayYear] = []

    /// A calendar with no holidays: weekends only.
    public init() {}

    /// A calendar from the given years.
    /// - Parameter years: The years.
    public init(years: [HolidayYear]) {
        for year in years { self = adding(year) }
    }

    /// China's calendar, 2018 to 2026.
    public static let china = WorkdayCalendar(years: HolidayYear.china)

    /// The same calendar with one more year (replacing a year already there).
    /// - Parameter year: The year's notice.
    /// - Returns: The extended calendar.
    public func adding(_ year: HolidayYear) -> WorkdayCalendar {
        var copy = WorkdayCalendar()
        for existing in years where existing.year != year.year { copy.insert(existing) }
        copy.insert(year)
        copy.years.sort { $0.year < $1.year }
        return copy
    }

    private mutating func insert(_ year: HolidayYear) {
        years.append(year)
        for b in year.breaks {
            for day in b.days {
                holidays.insert(day.daysSinceEpoch)
                holidayNames[day.daysSinceEpoch] = b.name
            }
        }
        for day in year.workingWeekends { workingWeekends.insert(day.daysSinceEpoch) }
    }

    /// Whether the calendar has the notice for a date's year.
    /// - Parameter date: The date.
    /// - Returns: `true` when the year's holidays are known.
    public func covers(_ date: LocalDate) -> Bool {
        let year = date.year
        return years.contains { $0.year == year }
    }

    /// Whether a day is a working day (工作日).
    /// - Parameter date: The day.
    /// - Returns: `true` for a working weekday or a 调休 working weekend.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if workingWeekends.contains(date.daysSinceEpoch) { return true }
        if holidays.contains(date.daysSinceEpoch) { return false }
        return !date.isWeekend
    }

    /// Whether a day is a statutory rest day (法定休假日): a weekend not made a working day, or a holiday.
    /// - Parameter date: The day.
    /// - Returns: `true` for rest days.
    public func isRestDay(_ date: LocalDate) -> Bool { !isWorkingDay(date) }

    /// The holiday a day belongs to, if any (春节, 国庆节, ...).
    /// - Parameter date: The day.
    /// - Returns: The holiday's name.
    public func holidayName(_ date: LocalDate) -> String? { holidayNames[date.daysSinceEpoch] }

    /// The first working day on or after a day.
    /// - Parameter date: The day.
    /// - Returns: That day if it is a working day, else the next one.
    public func workingDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The day `count` working days after a day; the day itself does not count (民法典 art. 201).
    /// - Parameters:
    ///   - count: Working days, at least 0.
    ///   - date: The triggering day.
    /// - Returns: The last day of the period.
    public func adding(workingDays count: Int, to date: LocalDate) -> LocalDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The working days after `start` up to and including `end` (0 when `end` is not after `start`).
    /// - Parameters:
    ///   - start: The triggering day, not counted.
    ///   - end: The last day counted.
    /// - Returns: The number of working days.
    public func workingDays(after start: LocalDate, through end: LocalDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// Whether any day from `start` through `end` lies in a year without a notice.
    func isProvisional(from start: LocalDate, through end: LocalDate) -> Bool {
        let (low, high) = start <= end ? (start, end) : (end, start)
        return (low.year...high.year).contains { year in !years.contains { $0.year == year } }
    }
}
