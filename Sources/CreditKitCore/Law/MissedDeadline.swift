/// A deadline missed, as a rule judges it on a day (逾期判定): the act came after the last allowed day, or, where its
/// absence counts, has not come and the last day has passed.
public struct MissedDeadline: Hashable, Sendable {
    /// The rule's figure.
    public var figure: RuleFigure
    /// The deadline.
    public var due: Deadline
    /// The day the act came, late; `nil` while it has not come.
    public var done: LocalDate?
    /// Days past the last allowed day: to the act, or to the day looked at.
    public var daysLate: Int

    /// The facts a finding states: `state=not yet` while the act has not come, and `daysLate`.
    public var facts: [Finding.Fact] {
        (done == nil ? [Finding.Fact("state", "not yet")] : []) + [.days("daysLate", daysLate)]
    }

    /// The dates a finding states: the start, the last allowed day and, when it came, the act.
    /// - Parameters:
    ///   - start: The start's name.
    ///   - act: The act's name.
    /// - Returns: The dates.
    public func dates(start: String, act: String) -> [Finding.NamedDate] {
        [.init(start, due.from), .init("due", due.due)] + (done.map { [.init(act, $0)] } ?? [])
    }
}

extension RuleFigure {
    /// Judges a deadline rule on a day: the period runs from `start`, the last day moved past rest days when the
    /// figure says so.
    /// - Parameters:
    ///   - start: The day the period starts from (not counted).
    ///   - done: The day the act came, if it has (acts after `asOf` are not seen).
    ///   - asOf: The day looked at.
    ///   - absenceCounts: Whether an act that has not come is missed once the last day has passed (facts a ledger
    ///     holds completely), or says nothing (open data that may leave it out).
    ///   - calendar: The working-day calendar.
    /// - Returns: The miss, or `nil` when on time, not yet due, or the figure is not a period.
    public func missed(
        from start: LocalDate, done: LocalDate?, asOf: LocalDate, absenceCounts: Bool, calendar: WorkdayCalendar
    ) -> MissedDeadline? {
        guard start <= asOf, let period = figure.period else { return nil }
        let due = calendar.deadline(period, from: start, restDayExtension: restDayExtension ?? true)
        if let done, done <= asOf {
            return done > due.due
                ? MissedDeadline(figure: self, due: due, done: done, daysLate: due.daysLate(on: done)) : nil
        }
        guard absenceCounts, asOf > due.due else { return nil }
        return MissedDeadline(figure: self, due: due, done: nil, daysLate: due.daysLate(on: asOf))
    }
}
