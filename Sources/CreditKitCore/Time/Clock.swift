import Foundation

/// Where CreditKit reads "now" from (时钟): the system clock in production, a fixed clock in tests and demos.
public protocol LedgerClock: Sendable {
    /// The current instant.
    func now() -> Timestamp
}

extension LedgerClock {
    /// Today's date in China Standard Time.
    public var today: LocalDate { now().chinaDate }
}

/// The system's wall clock.
public struct SystemClock: LedgerClock {
    /// Makes the system clock.
    public init() {}
    /// The current instant from the system.
    public func now() -> Timestamp { Timestamp(Date()) }
}

extension LedgerClock where Self == SystemClock {
    /// The system's wall clock.
    public static var system: SystemClock { SystemClock() }
}
