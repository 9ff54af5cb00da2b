import CreditKitCore
import Foundation

/// A region's debt and fiscal figures for one year (地区年度债务与财力数据), in 万元 (ten thousand yuan) as fiscal
/// departments keep them. Any figure may be unknown (`nil`); what cannot be computed from unknown or zero figures
/// is reported as a data problem, never as 0% or infinity.
public struct DebtYearFigures: Hashable, Sendable, Codable {
    /// The administrative division (行政区划代码).
    public var region: RegionCode
    /// The region's name (地区名称), as the source gives it.
    public var regionName: String?
    /// The year (年度).
    public var year: Int
    /// General debt balance (一般债务余额).
    public var generalBalance: Decimal?
    /// Special debt balance (专项债务余额).
    public var specialBalance: Decimal?
    /// General debt limit (一般债务限额).
    public var generalLimit: Decimal?
    /// Special debt limit (专项债务限额).
    public var specialLimit: Decimal?
    /// Combined fiscal resources (综合财力).
    public var fiscalResources: Decimal?
    /// General public budget expenditure (一般公共预算支出).
    public var generalExpenditure: Decimal?
    /// Government-fund budget expenditure (政府性基金预算支出).
    public var fundExpenditure: Decimal?
    /// Interest paid on general debt (一般债务付息支出).
    public var generalInterest: Decimal?
    /// Interest paid on special debt (专项债务付息支出).
    public var specialInterest: Decimal?
    /// Overdue debt (逾期债务).
    public var overdue: Decimal?
    /// Hidden debt (隐性债务), when known; reported, not counted in the debt ratio.
    public var hidden: Decimal?

    /// Makes a year's figures; each argument sets the property of its name.
    /// - Parameters:
    ///   - region: The region.
    ///   - regionName: Its name.
    ///   - year: The year.
    ///   - generalBalance: General debt balance.
    ///   - specialBalance: Special debt balance.
    ///   - generalLimit: General debt limit.
    ///   - specialLimit: Special debt limit.
    ///   - fiscalResources: Combined fiscal resources.
    ///   - generalExpenditure: General public budget expenditure.
    ///   - fundExpenditure: Government-fund budget expenditure.
    ///   - generalInterest: General-debt interest.
    ///   - specialInterest: Special-debt interest.
    ///   - overdue: Overdue debt.
    ///   - hidden: Hidden debt.
    public init(
        region: RegionCode, regionName: String? = nil, year: Int, generalBalance: Decimal?, specialBalance: Decimal?,
        generalLimit: Decimal?, specialLimit: Decimal?, fiscalResources: Decimal?, generalExpenditure: Decimal?,
        fundExpenditure: Decimal?, generalInterest: Decimal?, specialInterest: Decimal?, overdue: Decimal?,
        hidden: Decimal? = nil
    ) {
        self.region = region
        self.regionName = regionName
        self.year = year
        self.generalBalance = generalBalance
        self.specialBalance = specialBalance
        self.generalLimit = generalLimit
        self.specialLimit = specialLimit
        self.fiscalResources = fiscalResources
        self.generalExpenditure = generalExpenditure
        self.fundExpenditure = fundExpenditure
        self.generalInterest = generalInterest
        self.specialInterest = specialInterest
        self.overdue = overdue
        self.hidden = hidden
    }

    /// Every amount with its Chinese column name, in the CSV's order.
    public var amounts: [(column: String, value: Decimal?)] {
        [
            ("一般债务余额", generalBalance), ("专项债务余额", specialBalance), ("一般债务限额", generalLimit),
            ("专项债务限额", specialLimit), ("综合财力", fiscalResources), ("一般公共预算支出", generalExpenditure),
            ("政府性基金预算支出", fundExpenditure), ("一般债务付息支出", generalInterest), ("专项债务付息支出", specialInterest),
            ("逾期债务", overdue), ("隐性债务", hidden),
        ]
    }

    /// The largest amount a figure may hold, in 万元 (10^15 万元, beyond any budget): a larger one is a typing or
    /// export error, refused rather than judged.
    public static let largestAmount = Decimal(sign: .plus, exponent: 15, significand: 1)

    /// What is wrong with the figures as a report, field by field (the CSV column's name, the reason): an amount
    /// negative, too large or not a number, a region name with control characters. Empty when sound.
    public var faults: [(field: String, reason: String)] {
        var out: [(String, String)] = []
        for (column, value) in amounts {
            guard let value else { continue }
            if value.isNaN {
                out.append((column, "不是数值 not a number"))
            } else if value < 0 {
                out.append((column, "金额为负 negative: \(value)"))
            } else if value > Self.largestAmount {
                out.append((column, "金额过大（超过10^15万元） too large: more than 10^15 万元"))
            }
        }
        if let regionName, regionName.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            out.append(("地区名称", "含控制字符 has control characters"))
        }
        return out
    }

    /// The day a year's figures speak for: the year's last day, or `today` while the year is not over; `nil` for a
    /// year that has not begun by `today`.
    /// - Parameter today: The day the figures are reported.
    /// - Returns: The day.
    public func reportDay(on today: LocalDate) -> LocalDate? {
        guard let first = LocalDate(validYear: year, month: 1, day: 1), first <= today,
            let last = LocalDate(validYear: year, month: 12, day: 31)
        else { return nil }
        return min(last, today)
    }

    /// Leaves out every faulty figure (an amount negative, too large or not a number; a name with control
    /// characters), so that what remains can be judged.
    /// - Returns: The faults, field by field.
    public mutating func droppingFaults() -> [(field: String, reason: String)] {
        let found = faults
        for fault in found {
            if fault.field == "地区名称" { regionName = nil }
            for (index, column) in amounts.map(\.column).enumerated() where column == fault.field { set(index, nil) }
        }
        return found
    }

    /// Sets the amount at a position of ``amounts``.
    mutating func set(_ index: Int, _ value: Decimal?) {
        switch index {
        case 0: generalBalance = value
        case 1: specialBalance = value
        case 2: generalLimit = value
        case 3: specialLimit = value
        case 4: fiscalResources = value
        case 5: generalExpenditure = value
        case 6: fundExpenditure = value
        case 7: generalInterest = value
        case 8: specialInterest = value
        case 9: overdue = value
        default: hidden = value
        }
    }

    /// General plus special balance, when both are known.
    public var totalBalance: Decimal? {
        guard let generalBalance, let specialBalance else { return nil }
        return generalBalance + specialBalance
    }
}

/// The risk colour of a debt ratio (债务风险等级颜色).
public enum DebtRiskColour: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Below the yellow line (绿色).
    case green
    /// From the yellow line (黄色).
    case yellow
    /// From the orange line (橙色).
    case orange
    /// From the red line (红色).
    case red

    /// 绿色, 黄色, 橙色, 红色.
    public var chineseName: String {
        switch self {
        case .green: "绿色"
        case .yellow: "黄色"
        case .orange: "橙色"
        case .red: "红色"
        }
    }

    /// Green before yellow before orange before red.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A debt emergency level (政府性债务风险事件等级), IV the lowest, I the gravest.
public enum DebtEmergencyLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Ⅳ级（一般）.
    case iv = "IV"
    /// Ⅲ级（较大）.
    case iii = "III"
    /// Ⅱ级（重大）.
    case ii = "II"
    /// Ⅰ级（特大）.
    case i = "I"

    /// Ⅳ级（一般） … Ⅰ级（特大）.
    public var chineseName: String {
        switch self {
        case .iv: "Ⅳ级（一般）"
        case .iii: "Ⅲ级（较大）"
        case .ii: "Ⅱ级（重大）"
        case .i: "Ⅰ级（特大）"
        }
    }

    /// IV before III before II before I.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A band of the overdue-debt ratio (逾期债务率风险区间).
public enum DebtOverdueBand: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// 初级.
    case elementary
    /// 中级.
    case intermediate
    /// 严重.
    case severe

    /// 初级, 中级, 严重.
    public var chineseName: String {
        switch self {
        case .elementary: "初级"
        case .intermediate: "中级"
        case .severe: "严重"
        }
    }

    /// Elementary before intermediate before severe.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
