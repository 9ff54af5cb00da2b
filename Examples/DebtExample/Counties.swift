import CreditKitCore
import Debt
import Foundation

// The prefecture's figures live in a file of their own: globals in `main.swift` are set only when the program runs
// from the top, and the test suite calls `runDebtExample` without running it.

/// The counties, their codes and their figures for 2020-2024, in 万元: general and special balance, general and
/// special limit, combined fiscal resources, general and government-fund spending, general and special interest,
/// overdue debt.
let counties: [(code: String, name: String, years: [[Decimal]])] = [
    (
        "130321", "青龙满族自治县",
        [
            [180_000, 120_000, 265_000, 215_000, 320_000, 280_000, 60_000, 18_000, 4_000, 0],
            [200_000, 150_000, 265_000, 215_000, 330_000, 285_000, 60_000, 22_000, 4_500, 0],
            [230_000, 180_000, 265_000, 215_000, 335_000, 290_000, 60_000, 27_000, 5_000, 0],
            [250_000, 200_000, 265_000, 215_000, 340_000, 300_000, 60_000, 32_000, 5_000, 0],
            [260_000, 210_000, 265_000, 215_000, 345_000, 305_000, 60_000, 33_000, 5_500, 5_000],
        ]
    ),
    (
        "130302", "海港区",
        (0..<5).map { i in
            [Decimal(150_000 + 5_000 * i), 90_000, 200_000, 150_000, 420_000, 380_000, 90_000, 6_000, 3_000, 0]
        }
    ),
    (
        "130303", "山海关区",
        (0..<5).map { i in
            [Decimal(60_000 + 2_000 * i), 40_000, 80_000, 60_000, 150_000, 140_000, 30_000, 2_400, 1_200, 0]
        }
    ),
    (
        "130304", "北戴河区",
        (0..<5).map { i in
            [Decimal(50_000 + 3_000 * i), 30_000, 70_000, 50_000, 130_000, 120_000, 25_000, 2_000, 1_000, 0]
        }
    ),
    (
        "130306", "抚宁区",
        (0..<5).map { i in
            [Decimal(90_000 + 4_000 * i), 70_000, 120_000, 100_000, 200_000, 190_000, 40_000, 3_800, 2_000, 0]
        }
    ),
]

/// The figures file, as the finance bureau's spreadsheet exports it.
func figuresCSV() -> String {
    var lines = [DebtCSV.figureColumns.filter(\.required).map(\.name).joined(separator: ",")]
    for county in counties {
        for (i, row) in county.years.enumerated() {
            lines.append(([county.code, county.name, String(2020 + i)] + row.map { "\($0)" }).joined(separator: ","))
        }
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
}
