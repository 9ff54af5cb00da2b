import CreditKitCore
import Testing

@Suite("LocalDate")
struct LocalDateTests {
    @Test("parses and prints YYYY-MM-DD")
    func roundTrip() throws {
        let date = try LocalDate(parsing: "2024-02-29")
        #expect(date.description == "2024-02-29")
        #expect(date.components == (2024, 2, 29))
        #expect(LocalDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(LocalDate("1969-12-31")?.daysSinceEpoch == -1)
    }

    @Test("refuses impossible dates", arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "2024-1-01", "abcd-ef-gh"])
    func impossible(text: String) {
        #expect(LocalDate(text) == nil)
        #expect(throws: CreditKitError.self) { try LocalDate(parsing: text) }
    }

    @Test("takes years 1900 to 2200 and refuses the day on each side, with a message naming the range")
    func supportedYears() throws {
        #expect(LocalDate("1900-01-01")?.description == "1900-01-01")
        #expect(LocalDate("2200-12-31")?.description == "2200-12-31")
        for text in ["1899-12-31", "2201-01-01", "9999-12-31"] {
            #expect(LocalDate(text) == nil, "\(text)")
            #expect(
                performing: { try LocalDate(parsing: text) },
                throws: { error in
                    (error as? CreditKitError)?.message.contains("1900 to 2200") == true
                })
        }
        #expect(throws: CreditKitError.self) { try LocalDate(year: 2201, month: 1, day: 1) }
        // An impossible day inside the range keeps its own message.
        #expect(
            performing: { try LocalDate(parsing: "2023-02-29") },
            throws: { error in
                (error as? CreditKitError)?.message.contains("YYYY-MM-DD") == true
            })
    }

    @Test("reads an instant as the calendar date in China time")
    func chinaTime() throws {
        // 2025-03-02T16:30:00Z is 3 March 00:30 in Beijing.
        let instant = Timestamp(
            microseconds: Int64(try LocalDate(parsing: "2025-03-02").daysSinceEpoch) * 86_400_000_000 + 16
                * 3_600_000_000 + 30 * 60_000_000)
        #expect(instant.chinaDate == LocalDate("2025-03-03"))
        // 15:59:59Z is still 2 March in Beijing.
        let before = Timestamp(
            microseconds: Int64(try LocalDate(parsing: "2025-03-02").daysSinceEpoch) * 86_400_000_000 + 15
                * 3_600_000_000 + 59 * 60_000_000)
        #expect(before.chinaDate == LocalDate("2025-03-02"))
        #expect(Timestamp(startOf: try LocalDate(parsing: "2025-03-03")).chinaDate == LocalDate("2025-03-03"))
        #expect(Timestamp(endOf: try LocalDate(parsing: "2025-03-03")).chinaDate == LocalDate("2025-03-03"))
    }

    @Test("knows weekdays and month arithmetic")
    func arithmetic() throws {
        let date = try LocalDate(parsing: "2026-11-23")
        #expect(date.isoWeekday == 1)
        #expect(date.adding(days: 5).isWeekend)
        #expect(try LocalDate(parsing: "2024-01-31").adding(months: 1) == LocalDate("2024-02-29"))
        #expect(try LocalDate(parsing: "2024-02-29").adding(years: 1) == LocalDate("2025-02-28"))
        #expect(try LocalDate(parsing: "2025-03-03").days(until: LocalDate(parsing: "2025-04-02")) == 30)
    }
}
