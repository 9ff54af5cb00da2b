import CreditKitCore
import Testing

@Suite("WorkdayCalendar")
struct WorkdayCalendarTests {
    let calendar = WorkdayCalendar.china

    @Test("covers every year from 2018 to 2026; every 调休 day is a weekend and no break overlaps one")
    func coverage() {
        #expect(calendar.years.map(\.year) == Array(2018...2026))
        for year in calendar.years {
            let breakDays = Set(year.breaks.flatMap(\.days))
            for day in year.workingWeekends {
                #expect(day.isWeekend)
                #expect(!breakDays.contains(day))
                #expect(calendar.isWorkingDay(day))
            }
            for day in breakDays { #expect(!calendar.isWorkingDay(day), "\(day)") }
        }
    }

    @Test(
        "knows rest days and working days",
        arguments: [
            ("2025-01-28", false), ("2025-02-04", false), ("2025-01-26", true), ("2025-02-08", true),
            ("2025-10-08", false), ("2025-10-11", true), ("2026-02-23", false), ("2026-02-14", true),
            ("2026-02-28", true), ("2020-01-31", false), ("2020-02-01", false), ("2020-02-03", true),
            ("2019-05-04", false), ("2019-05-05", true), ("2025-03-22", false), ("2025-03-24", true),
        ])
    func days(text: String, working: Bool) {
        #expect(calendar.isWorkingDay(LocalDate(text)!) == working)
    }

    @Test("7 working days across the 2025 Spring Festival, counting the 调休 Sunday and Saturday")
    func springFestival() {
        let from = LocalDate("2025-01-24")!
        let deadline = calendar.deadline(.workingDays(7), from: from)
        #expect(deadline.due == LocalDate("2025-02-10"))
        #expect(!deadline.wasExtended && !deadline.provisional)
        #expect(deadline.isMet(on: LocalDate("2025-02-10")!))
        #expect(!deadline.isMet(on: LocalDate("2025-02-11")!))
        #expect(calendar.workingDays(after: from, through: LocalDate("2025-02-10")!) == 7)
    }

    @Test("7 working days across National Day 2025")
    func nationalDay() {
        #expect(calendar.deadline(.workingDays(7), from: LocalDate("2025-09-26")!).due == LocalDate("2025-10-13"))
        #expect(calendar.deadline(.workingDays(1), from: LocalDate("2025-09-30")!).due == LocalDate("2025-10-09"))
    }

    @Test("a calendar-day deadline: the start day does not count; last allowed day and first late day")
    func calendarDays() {
        // "Within 30 days of the award notice" of 3 March allows signing up to and including 2 April.
        let deadline = calendar.deadline(.days(30), from: LocalDate("2025-03-03")!)
        #expect(deadline.due == LocalDate("2025-04-02"))
        #expect(deadline.isMet(on: LocalDate("2025-04-02")!))
        #expect(deadline.daysLate(on: LocalDate("2025-04-03")!) == 1)
    }

    @Test("a deadline ending on a weekend moves to Monday; on a holiday, past the holiday")
    func restDayExtension() {
        let weekend = calendar.deadline(.days(30), from: LocalDate("2025-02-20")!)
        #expect(weekend.counted == LocalDate("2025-03-22"))
        #expect(weekend.due == LocalDate("2025-03-24"))
        #expect(weekend.wasExtended)
        #expect(calendar.deadline(.days(30), from: LocalDate("2025-03-05")!).due == LocalDate("2025-04-07"))
        #expect(calendar.deadline(.days(30), from: LocalDate("2025-09-01")!).due == LocalDate("2025-10-09"))
        let plain = calendar.deadline(.days(30), from: LocalDate("2025-02-20")!, restDayExtension: false)
        #expect(plain.due == LocalDate("2025-03-22"))
    }

    @Test("a deadline ending on a 调休 working Saturday is not moved")
    func workingSaturday() {
        let deadline = calendar.deadline(.days(30), from: LocalDate("2025-01-09")!)
        #expect(deadline.due == LocalDate("2025-02-08"))
        #expect(!deadline.wasExtended)
    }

    @Test("months end on the corresponding day, or the month's last day")
    func months() {
        #expect(
            calendar.deadline(.months(1), from: LocalDate("2025-01-31")!, restDayExtension: false).due
                == LocalDate("2025-02-28"))
        #expect(
            calendar.deadline(.years(1), from: LocalDate("2024-02-29")!, restDayExtension: false).due
                == LocalDate("2025-02-28"))
    }

    @Test("minimum durations are counted plainly, without the rest-day rule")
    func minimumDurations() {
        let issued = LocalDate("2025-03-01")!
        #expect(calendar.lasts(atLeast: .days(20), from: issued, to: LocalDate("2025-03-21")!))
        #expect(!calendar.lasts(atLeast: .days(20), from: issued, to: LocalDate("2025-03-20")!))
        // 3 working days before the 2025 Qingming break: 1 April (Tue) to 7 April (Mon) spans 2, 3 and 7 April.
        #expect(calendar.lasts(atLeast: .workingDays(3), from: LocalDate("2025-04-01")!, to: LocalDate("2025-04-07")!))
        #expect(!calendar.lasts(atLeast: .workingDays(3), from: LocalDate("2025-04-01")!, to: LocalDate("2025-04-06")!))
    }

    @Test("a year without a notice counts weekends only and says so; a later notice can be added")
    func provisionalYears() throws {
        let deadline = calendar.deadline(.workingDays(5), from: LocalDate("2026-12-28")!)
        #expect(deadline.provisional)
        let next = try HolidayYear(
            year: 2027, source: "test notice",
            breaks: [HolidayYear.Break(name: "元旦", first: LocalDate("2027-01-01")!, last: LocalDate("2027-01-03")!)],
            workingWeekends: [])
        let extended = calendar.adding(next)
        let again = extended.deadline(.workingDays(5), from: LocalDate("2026-12-28")!)
        #expect(!again.provisional)
        #expect(again.due == LocalDate("2027-01-05"))
        #expect(throws: CreditKitError.self) {
            try HolidayYear(year: 2027, source: "bad", breaks: [], workingWeekends: [LocalDate("2027-01-04")!])
        }
    }
}
