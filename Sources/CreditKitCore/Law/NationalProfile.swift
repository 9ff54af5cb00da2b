import Foundation

// The national profile's figures: every figure a core rule uses, with its source. Rows marked `confirmed: false`
// are documented defaults no primary source here confirms; local profiles and integrators override them.

extension JurisdictionProfile {
    /// The national defaults (全国).
    public static let national: JurisdictionProfile = try! JurisdictionProfile(
        id: "national", name: LocalizedName(chinese: "全国", english: "National"), figures: NationalFigures.all)

    /// Every shipped profile: national first, then the local ones by id.
    public static let shipped: [JurisdictionProfile] = [national] + LocalProfiles.all

    /// A shipped profile by id (`national`, `shanghai`, `shandong`, `henan`, `shenzhen`, `zhejiang`, `hebei`,
    /// `inner-mongolia`, `liaoning`, `heilongjiang`, `langfang-transport`, `qinhuangdao-transport`,
    /// `xin-barag-left-banner`, `benxi`, `harbin`).
    /// - Parameter id: The id.
    /// - Returns: The profile, or `nil`.
    public static func named(_ id: String) -> JurisdictionProfile? { shipped.first { $0.id == id } }
}

/// Short builders for the figure tables.
enum FigureTable: LawCatalogue {
}

enum NationalFigures {
    typealias F = FigureTable

    static let penaltyPublication = [
        F.cite("国办发〔2015〕51号"), F.cite("发改办财金〔2018〕424号"),
    ]
    static let regime2019 = [F.cite("发改办财金〔2019〕527号")]
    static let regimeOrder58 = [F.cite("国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》")]
    static let regimeOrder36 = [
        F.cite("国家发展改革委令第36号《信用修复管理办法》"), F.cite("国办发〔2025〕22号"),
    ]
    static let order58Start = F.day("2023-05-01")
    static let order36Start = F.day("2026-04-01")

    static func display(
        _ severity: Severity, _ bound: String, _ figure: Figure, _ basis: [LegalCitation], from: LocalDate?,
        through: LocalDate?, confirmed: Bool = true, note: String? = nil
    ) -> RuleFigure {
        let zh = bound == "minimum" ? "最短公示期" : "最长公示期"
        let en = bound == "minimum" ? "minimum display period" : "maximum display period"
        return RuleFigure(
            rule: RuleID("record.display.\(bound).\(severity.rawValue)"),
            title: F.name("\(severity.chineseName)失信信息\(zh)", "\(severity.rawValue) dishonesty information: \(en)"),
            figure: figure, basis: basis, from: from, through: through, confirmed: confirmed, note: note)
    }

    static var all: [RuleFigure] {
        var rows = CoreLaw.all.flatMap(\.figures)
        // Display periods by class and regime.
        let months = { (n: Int) in Figure(Decimal(n), .months) }
        let years = { (n: Int) in Figure(Decimal(n), .years) }
        let legacyEnd = order58Start.adding(days: -1)
        let order58End = order36Start.adding(days: -1)
        rows += [
            display(
                .minor, "minimum", months(3), regime2019, from: nil, through: legacyEnd, confirmed: false,
                note: "the 2019 rules had no minor class; treated as ordinary"),
            display(
                .minor, "maximum", years(1), regime2019, from: nil, through: legacyEnd, confirmed: false,
                note: "the 2019 rules had no minor class; treated as ordinary"),
            display(.ordinary, "minimum", months(3), regime2019, from: nil, through: legacyEnd),
            display(.ordinary, "maximum", years(1), regime2019, from: nil, through: legacyEnd),
            display(.serious, "minimum", months(6), regime2019, from: nil, through: legacyEnd),
            display(.serious, "maximum", years(3), regime2019, from: nil, through: legacyEnd),
        ]
        let order58Note = "taken as the 2026 regime's figure; check against Order 58 before relying on it"
        rows += [
            display(
                .minor, "minimum", months(0), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
            display(
                .minor, "maximum", months(3), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
            display(
                .ordinary, "minimum", months(3), regimeOrder58, from: order58Start, through: order58End,
                confirmed: false, note: order58Note),
            display(
                .ordinary, "maximum", years(1), regimeOrder58, from: order58Start, through: order58End,
                confirmed: false, note: order58Note),
            display(
                .serious, "minimum", years(1), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
            display(
                .serious, "maximum", years(3), regimeOrder58, from: order58Start, through: order58End, confirmed: false,
                note: order58Note),
        ]
        rows += [
            display(
                .minor, "minimum", months(0), regimeOrder36, from: order36Start, through: nil,
                note: "normally not published at all"),
            display(.minor, "maximum", months(3), regimeOrder36, from: order36Start, through: nil),
            display(.ordinary, "minimum", months(3), regimeOrder36, from: order36Start, through: nil),
            display(.ordinary, "maximum", years(1), regimeOrder36, from: order36Start, through: nil),
            display(.serious, "minimum", years(1), regimeOrder36, from: order36Start, through: nil),
            display(.serious, "maximum", years(3), regimeOrder36, from: order36Start, through: nil),
        ]
        return rows
    }
}
