import Foundation

/// A calendar date in China Standard Time (北京时间日期): the unit in which the law counts periods.
///
/// Legal deadlines are calendar days, never instants. A `LocalDate` holds no time and no zone; an instant becomes
/// a date by reading it in UTC+8 (China has kept no daylight saving time since 1991), so `2025-03-02T16:30:00Z`
/// is 3 March. Its text form, in the ledger and everywhere else, is `YYYY-MM-DD`.
public struct LocalDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int32

    /// Makes a date from its day count.
    /// - Parameter daysSinceEpoch: Days since 1970-01-01.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The years a date may have (1900 to 2200): every legal period the kit counts starts and ends well inside
    /// them, and a date outside is refused where it is read, rather than overflowing in arithmetic later.
    public static let supportedYears: ClosedRange<Int> = 1900...2200

    /// Makes a date from its year, month and day.
    /// - Parameters:
    ///   - year: The year, in ``supportedYears``.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    /// - Throws: ``CreditKitError/Code/invalidDate`` when no such day exists (30 February, month 13) or the year is
    ///   outside ``supportedYears``.
    public init(year: Int, month: Int, day: Int) throws {
        guard let date = LocalDate(validYear: year, month: month, day: day) else {
            throw CreditKitError(.invalidDate, LocalDate.problem(year: year, month: month, day: day))
        }
        self = date
    }

    /// Why a year, month and day are not a date the kit takes.
    static func problem(year: Int, month: Int, day: Int) -> String {
        supportedYears.contains(year)
            ? "no such date: year \(year), month \(month), day \(day); expected a real calendar date"
            : "year \(year) is outside the years the kit takes (\(supportedYears.lowerBound) to "
                + "\(supportedYears.upperBound))"
    }

    /// Makes a date from its year, month and day, or `nil` when no such day exists or the year is outside
    /// ``supportedYears``.
    /// - Parameters:
    ///   - year: The year, in ``supportedYears``.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    public init?(validYear year: Int, month: Int, day: Int) {
        guard LocalDate.supportedYears.contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.daysSinceEpoch = Int32(LocalDate.days(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`.
    /// - Parameter text: The date's text, exactly ten characters.
    /// - Throws: ``CreditKitError/Code/invalidDate`` when the text is not a real date in that form, or its year is
    ///   outside ``supportedYears``.
    public init(parsing text: some StringProtocol) throws {
        let utf8 = Array(text.utf8)
        guard let date = LocalDate.parse(utf8[...]) else {
            if utf8.count == 10, let year = Int(String(decoding: utf8[0..<4], as: UTF8.self)),
                !LocalDate.supportedYears.contains(year), LocalDate.parse(Array("2000".utf8 + utf8[4...])[...]) != nil
            {
                throw CreditKitError(.invalidDate, "'\(text)': " + LocalDate.problem(year: year, month: 1, day: 1))
            }
            throw CreditKitError(.invalidDate, "'\(text)' is not a date of the form YYYY-MM-DD")
        }
        self = date
    }

    /// Parses `YYYY-MM-DD` from bytes without allocating; `nil` when they are not a real date.
    /// - Parameter bytes: Exactly ten ASCII bytes.
    /// - Returns: The date, or `nil`.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> LocalDate? {
        guard bytes.count == 10 else { return nil }
        let s = bytes.startIndex
        guard bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                let d = Int(bytes[s + i]) - 48
                guard (0...9).contains(d) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) else { return nil }
        return LocalDate(validYear: y, month: m, day: d)
    }

    /// The date on which an instant falls in China Standard Time (UTC+8).
    /// - Parameter instant: The instant.
    public init(chinaTimeOf instant: Timestamp) {
        let seconds = instant.microseconds / 1_000_000 + 8 * 3600
        let floorDays = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.daysSinceEpoch = Int32(floorDays)
    }

    /// The year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        LocalDate.civil(fromDays: Int(daysSinceEpoch))
    }

    /// The year.
    public var year: Int { components.year }
    /// The month, 1 to 12.
    public var month: Int { components.month }
    /// The day of the month.
    public var day: Int { components.day }

    /// The day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(daysSinceEpoch) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// Whether the date is a Saturday or a Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The date `count` calendar days later (earlier when negative).
    /// - Parameter count: Calendar days to add.
    /// - Returns: The shifted date.
    public func adding(days count: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + Int32(count))
    }

    /// The same day `count` months later, clamped to the month's last day (31 January + 1 month = 28 or 29 February).
    /// - Parameter count: Months to add (negative to go back).
    /// - Returns: The shifted date.
    public func adding(months count: Int) -> LocalDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + count
        let year = total / 12
        let month = total % 12 + 1
        let day = min(d, LocalDate.daysIn(month: month, year: year))
        return LocalDate(daysSinceEpoch: Int32(LocalDate.days(year: year, month: month, day: day)))
    }

    /// The same day `count` years later, clamped (29 February + 1 year = 28 February).
    /// - Parameter count: Years to add.
    /// - Returns: The shifted date.
    public func adding(years count: Int) -> LocalDate { adding(months: count * 12) }

    /// Calendar days from this date to another (positive when `other` is later).
    /// - Parameter other: The later date.
    /// - Returns: The number of days between them.
    public func days(until other: LocalDate) -> Int { Int(other.daysSinceEpoch - daysSinceEpoch) }

    /// Orders dates in time.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// Whether a year is a leap year in the Gregorian calendar.
    /// - Parameter year: The year.
    /// - Returns: `true` for leap years.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in a month.
    /// - Parameters:
    ///   - month: The month, 1 to 12.
    ///   - year: The year.
    /// - Returns: 28 to 31.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Days from civil and back: the proleptic Gregorian algorithms, counted from 0000-03-01 eras of 400 years.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension LocalDate: CustomStringConvertible, LosslessStringConvertible {
    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        var bytes = [UInt8](repeating: 0, count: 10)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var v = value
            for i in stride(from: at + width - 1, through: at, by: -1) {
                bytes[i] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(y, 0, 4)
        bytes[4] = UInt8(ascii: "-")
        put(m, 5, 2)
        bytes[7] = UInt8(ascii: "-")
        put(d, 8, 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DD`; `nil` when the text is not a real date.
    /// - Parameter description: The text.
    public init?(_ description: String) {
        guard let date = LocalDate.parse(Array(description.utf8)[...]) else { return nil }
        self = date
    }
}

extension LocalDate: Codable {
    /// Reads `YYYY-MM-DD`.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error naming the text when it is not a real date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date of the form YYYY-MM-DD")
        }
        self = date
    }

    /// Writes `YYYY-MM-DD`.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
