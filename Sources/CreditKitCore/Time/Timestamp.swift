import Foundation

/// An instant (时间戳), in microseconds since 1970-01-01T00:00:00Z: when the ledger learned a fact.
///
/// Recorded times are instants; effective times are ``LocalDate``s. Keeping the two apart is what lets a view
/// answer "what did we know on 1 March about 1 January".
public struct Timestamp: Hashable, Comparable, Sendable, Codable {
    /// Microseconds since the Unix epoch, UTC.
    public var microseconds: Int64

    /// Makes an instant from microseconds since the epoch.
    /// - Parameter microseconds: Microseconds since 1970-01-01T00:00:00Z.
    public init(microseconds: Int64) { self.microseconds = microseconds }

    /// Makes an instant from a Foundation date.
    /// - Parameter date: The date.
    public init(_ date: Date) {
        self.microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The first instant of a China-time calendar day (00:00 UTC+8).
    /// - Parameter date: The day.
    public init(startOf date: LocalDate) {
        self.microseconds = (Int64(date.daysSinceEpoch) * 86_400 - 8 * 3600) * 1_000_000
    }

    /// The last microsecond of a China-time calendar day (23:59:59.999999 UTC+8).
    /// - Parameter date: The day.
    public init(endOf date: LocalDate) {
        self.microseconds = Timestamp(startOf: date.adding(days: 1)).microseconds - 1
    }

    /// The instant as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: Double(microseconds) / 1_000_000) }

    /// The China-time calendar day of this instant.
    public var chinaDate: LocalDate { LocalDate(chinaTimeOf: self) }

    /// The greatest instant, used as "known at any time".
    public static let distantFuture = Timestamp(microseconds: .max)

    /// Orders instants in time.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    /// Decodes the microsecond count.
    /// - Parameter decoder: The decoder.
    /// - Throws: The decoder's error.
    public init(from decoder: any Decoder) throws {
        self.microseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes the microsecond count.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(microseconds)
    }
}

extension Timestamp: CustomStringConvertible {
    /// ISO 8601 in UTC with microseconds, for example `2026-11-23T00:34:14.000000Z`.
    public var description: String {
        let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
        let micros = microseconds - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = LocalDate(daysSinceEpoch: Int32(days))
        let h = secondOfDay / 3600
        let m = secondOfDay % 3600 / 60
        let s = secondOfDay % 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var frac = String(micros)
        frac = String(repeating: "0", count: 6 - frac.count) + frac
        return "\(date)T\(two(h)):\(two(m)):\(two(s)).\(frac)Z"
    }
}
