import CreditKitCore
import Synchronization

/// A clock that always says the same instant (固定时钟), for tests and reproducible demos.
public struct FixedClock: LedgerClock {
    /// The instant it says.
    public var instant: Timestamp

    /// Makes a fixed clock.
    /// - Parameter instant: The instant it says.
    public init(_ instant: Timestamp) { self.instant = instant }

    /// A fixed clock at a time of day in China Standard Time.
    /// - Parameters:
    ///   - date: The China-time date.
    ///   - hour: The hour, 0 to 23, China time.
    public init(date: LocalDate, hour: Int = 10) {
        self.instant = Timestamp(microseconds: Timestamp(startOf: date).microseconds + Int64(hour) * 3_600_000_000)
    }

    /// The fixed instant.
    public func now() -> Timestamp { instant }

    /// 2026-11-23 10:00 China time: the date the fixtures are written around.
    public static let demo = FixedClock(date: try! LocalDate(year: 2026, month: 11, day: 23))
}

/// A clock that starts at an instant and moves on by a step each time it is read, so every batch gets its own
/// recorded time; it can also be set, to tell a story over months.
public final class SteppingClock: LedgerClock {
    private let state: Mutex<(now: Timestamp, step: Int64)>

    /// Makes a stepping clock.
    /// - Parameters:
    ///   - start: The first instant it says.
    ///   - stepMicroseconds: How far it moves on after each reading.
    public init(start: Timestamp, stepMicroseconds: Int64 = 1) {
        state = Mutex((start, stepMicroseconds))
    }

    /// The current instant; the clock then moves on by its step.
    public func now() -> Timestamp {
        state.withLock { s in
            let current = s.now
            s.now = Timestamp(microseconds: s.now.microseconds + s.step)
            return current
        }
    }

    /// Sets the clock to an instant.
    /// - Parameter instant: The instant it says next.
    public func set(to instant: Timestamp) {
        state.withLock { $0.now = instant }
    }

    /// Sets the clock to the start of a China-time day plus some hours.
    /// - Parameters:
    ///   - date: The day.
    ///   - hour: The hour, China time.
    public func set(to date: LocalDate, hour: Int = 9) {
        state.withLock {
            $0.now = Timestamp(microseconds: Timestamp(startOf: date).microseconds + Int64(hour) * 3_600_000_000)
        }
    }
}
