/// One year of China's official public holidays and adjusted working weekends (节假日安排), as the General Office of
/// the State Council announces them each autumn for the year after.
///
/// `holidays` are the days off (放假调休日期), weekends inside the break included; `workingWeekends` are the Saturdays
/// and Sundays made working days (调休上班日). Add later years with ``WorkdayCalendar/adding(_:)`` as their notices
/// appear.
public struct HolidayYear: Hashable, Sendable, Codable {
    /// A named break.
    public struct Break: Hashable, Sendable, Codable {
        /// The holiday's name, for example 春节.
        public var name: String
        /// The first day off.
        public var first: LocalDate
        /// The last day off.
        public var last: LocalDate

        /// Makes a break.
        /// - Parameters:
        ///   - name: The holiday's name.
        ///   - first: The first day off.
        ///   - last: The last day off.
        public init(name: String, first: LocalDate, last: LocalDate) {
            self.name = name
            self.first = first
            self.last = last
        }

        /// Every day of the break.
        public var days: [LocalDate] {
            guard first <= last else { return [] }
            return (0...first.days(until: last)).map { first.adding(days: $0) }
        }
    }

    /// The year the notice covers.
    public var year: Int
    /// The notice or notices, for example 国办发明电〔2024〕12号.
    public var source: String
    /// The breaks.
    public var breaks: [Break]
    /// Weekend days that are working days.
    public var workingWeekends: [LocalDate]

    /// Makes a year.
    /// - Parameters:
    ///   - year: The year.
    ///   - source: The notice.
    ///   - breaks: The breaks.
    ///   - workingWeekends: Weekend days made working days.
    /// - Throws: ``CreditKitError/Code/invalidDate`` when a break runs backwards or a "working weekend" is a weekday.
    public init(year: Int, source: String, breaks: [Break], workingWeekends: [LocalDate]) throws {
        for b in breaks where b.first > b.last {
            throw CreditKitError(.invalidDate, "break \(b.name) of \(year) ends \(b.last), before it starts \(b.first)")
        }
        for day in workingWeekends where !day.isWeekend {
            throw CreditKitError(.invalidDate, "\(day) is a weekday; only a Saturday or Sunday can be a 调休 working day")
        }
        self.year = year
        self.source = source
        self.breaks = breaks
        self.workingWeekends = workingWeekends
    }
}

extension HolidayYear {
    /// The years 2018 to 2026 from the State Council's notices, with the 2019 Labour Day change and the 2020 Spring
    /// Festival extension.
    public static let china: [HolidayYear] = {
        func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { try! LocalDate(year: y, month: m, day: day) }
        func b(_ name: String, _ first: LocalDate, _ last: LocalDate) -> Break {
            Break(name: name, first: first, last: last)
        }
        return try! [
            HolidayYear(
                year: 2018, source: "国办发明电〔2017〕12号",
                breaks: [
                    b("元旦", d(2018, 1, 1), d(2018, 1, 1)), b("春节", d(2018, 2, 15), d(2018, 2, 21)),
                    b("清明节", d(2018, 4, 5), d(2018, 4, 7)), b("劳动节", d(2018, 4, 29), d(2018, 5, 1)),
                    b("端午节", d(2018, 6, 18), d(2018, 6, 18)), b("中秋节", d(2018, 9, 24), d(2018, 9, 24)),
                    b("国庆节", d(2018, 10, 1), d(2018, 10, 7)),
                ],
                workingWeekends: [
                    d(2018, 2, 11), d(2018, 2, 24), d(2018, 4, 8), d(2018, 4, 28), d(2018, 9, 29), d(2018, 9, 30),
                ]),
            HolidayYear(
                year: 2019, source: "国办发明电〔2018〕15号; 国办发明电〔2019〕3号 (劳动节)",
                breaks: [
                    b("元旦", d(2018, 12, 30), d(2019, 1, 1)), b("春节", d(2019, 2, 4), d(2019, 2, 10)),
                    b("清明节", d(2019, 4, 5), d(2019, 4, 7)), b("劳动节", d(2019, 5, 1), d(2019, 5, 4)),
                    b("端午节", d(2019, 6, 7), d(2019, 6, 9)), b("中秋节", d(2019, 9, 13), d(2019, 9, 15)),
                    b("国庆节", d(2019, 10, 1), d(2019, 10, 7)),
                ],
                workingWeekends: [
                    d(2018, 12, 29), d(2019, 2, 2), d(2019, 2, 3), d(2019, 4, 28), d(2019, 5, 5), d(2019, 9, 29),
                    d(2019, 10, 12),
                ]),
            HolidayYear(
                year: 2020, source: "国办发明电〔2019〕16号; 国办发明电〔2020〕1号 (春节延长至2月2日)",
                breaks: [
                    b("元旦", d(2020, 1, 1), d(2020, 1, 1)), b("春节", d(2020, 1, 24), d(2020, 2, 2)),
                    b("清明节", d(2020, 4, 4), d(2020, 4, 6)), b("劳动节", d(2020, 5, 1), d(2020, 5, 5)),
                    b("端午节", d(2020, 6, 25), d(2020, 6, 27)), b("国庆节、中秋节", d(2020, 10, 1), d(2020, 10, 8)),
                ],
                workingWeekends: [
                    d(2020, 1, 19), d(2020, 4, 26), d(2020, 5, 9), d(2020, 6, 28), d(2020, 9, 27), d(2020, 10, 10),
                ]),
            HolidayYear(
                year: 2021, source: "国办发明电〔2020〕27号",
                breaks: [
                    b("元旦", d(2021, 1, 1), d(2021, 1, 3)), b("春节", d(2021, 2, 11), d(2021, 2, 17)),
                    b("清明节", d(2021, 4, 3), d(2021, 4, 5)), b("劳动节", d(2021, 5, 1), d(2021, 5, 5)),
                    b("端午节", d(2021, 6, 12), d(2021, 6, 14)), b("中秋节", d(2021, 9, 19), d(2021, 9, 21)),
                    b("国庆节", d(2021, 10, 1), d(2021, 10, 7)),
                ],
                workingWeekends: [
                    d(2021, 2, 7), d(2021, 2, 20), d(2021, 4, 25), d(2021, 5, 8), d(2021, 9, 18), d(2021, 9, 26),
                    d(2021, 10, 9),
                ]),
            HolidayYear(
                year: 2022, source: "国办发明电〔2021〕11号",
                breaks: [
                    b("元旦", d(2022, 1, 1), d(2022, 1, 3)), b("春节", d(2022, 1, 31), d(2022, 2, 6)),
                    b("清明节", d(2022, 4, 3), d(2022, 4, 5)), b("劳动节", d(2022, 4, 30), d(2022, 5, 4)),
                    b("端午节", d(2022, 6, 3), d(2022, 6, 5)), b("中秋节", d(2022, 9, 10), d(2022, 9, 12)),
                    b("国庆节", d(2022, 10, 1), d(2022, 10, 7)),
                ],
                workingWeekends: [
                    d(2022, 1, 29), d(2022, 1, 30), d(2022, 4, 2), d(2022, 4, 24), d(2022, 5, 7), d(2022, 10, 8),
                    d(2022, 10, 9),
                ]),
            HolidayYear(
                year: 2023, source: "国办发明电〔2022〕16号",
                breaks: [
                    b("元旦", d(2022, 12, 31), d(2023, 1, 2)), b("春节", d(2023, 1, 21), d(2023, 1, 27)),
                    b("清明节", d(2023, 4, 5), d(2023, 4, 5)), b("劳动节", d(2023, 4, 29), d(2023, 5, 3)),
                    b("端午节", d(2023, 6, 22), d(2023, 6, 24)), b("中秋节、国庆节", d(2023, 9, 29), d(2023, 10, 6)),
                ],
                workingWeekends: [
                    d(2023, 1, 28), d(2023, 1, 29), d(2023, 4, 23), d(2023, 5, 6), d(2023, 6, 25), d(2023, 10, 7),
                    d(2023, 10, 8),
                ]),
            HolidayYear(
                year: 2024, source: "国办发明电〔2023〕7号",
                breaks: [
                    b("元旦", d(2024, 1, 1), d(2024, 1, 1)), b("春节", d(2024, 2, 10), d(2024, 2, 17)),
                    b("清明节", d(2024, 4, 4), d(2024, 4, 6)), b("劳动节", d(2024, 5, 1), d(2024, 5, 5)),
                    b("端午节", d(2024, 6, 10), d(2024, 6, 10)), b("中秋节", d(2024, 9, 15), d(2024, 9, 17)),
                    b("国庆节", d(2024, 10, 1), d(2024, 10, 7)),
                ],
                workingWeekends: [
                    d(2024, 2, 4), d(2024, 2, 18), d(2024, 4, 7), d(2024, 4, 28), d(2024, 5, 11), d(2024, 9, 14),
                    d(2024, 9, 29), d(2024, 10, 12),
                ]),
            HolidayYear(
                year: 2025, source: "国办发明电〔2024〕12号",
                breaks: [
                    b("元旦", d(2025, 1, 1), d(2025, 1, 1)), b("春节", d(2025, 1, 28), d(2025, 2, 4)),
                    b("清明节", d(2025, 4, 4), d(2025, 4, 6)), b("劳动节", d(2025, 5, 1), d(2025, 5, 5)),
                    b("端午节", d(2025, 5, 31), d(2025, 6, 2)), b("国庆节、中秋节", d(2025, 10, 1), d(2025, 10, 8)),
                ],
                workingWeekends: [d(2025, 1, 26), d(2025, 2, 8), d(2025, 4, 27), d(2025, 9, 28), d(2025, 10, 11)]),
            HolidayYear(
                year: 2026, source: "国务院办公厅关于2026年部分节假日安排的通知 (2025年11月4日)",
                breaks: [
                    b("元旦", d(2026, 1, 1), d(2026, 1, 3)), b("春节", d(2026, 2, 15), d(2026, 2, 23)),
                    b("清明节", d(2026, 4, 4), d(2026, 4, 6)), b("劳动节", d(2026, 5, 1), d(2026, 5, 5)),
                    b("端午节", d(2026, 6, 19), d(2026, 6, 21)), b("中秋节", d(2026, 9, 25), d(2026, 9, 27)),
                    b("国庆节", d(2026, 10, 1), d(2026, 10, 7)),
                ],
                workingWeekends: [
                    d(2026, 1, 4), d(2026, 2, 14), d(2026, 2, 28), d(2026, 5, 9), d(2026, 9, 20), d(2026, 10, 10),
                ]),
        ]
    }()
}
