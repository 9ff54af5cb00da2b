import CreditKitCore
import CreditKitTesting
import Debt
import Foundation
import Testing

func day(_ text: String) -> LocalDate { LocalDate(text)! }
func amount(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

/// A region's year with every figure sound and far from every line: debt ratio 50%, interest 1%, nothing overdue.
func calm(year: Int = 2024, region: String = "130302") -> DebtYearFigures {
    DebtYearFigures(
        region: try! RegionCode(region), regionName: "海港区", year: year, generalBalance: 30_000, specialBalance: 20_000,
        generalLimit: 40_000, specialLimit: 30_000, fiscalResources: 100_000, generalExpenditure: 200_000,
        fundExpenditure: 50_000, generalInterest: 2_000, specialInterest: 500, overdue: 0)
}

func assess(_ figures: DebtYearFigures, asOf: LocalDate = day("2025-06-30")) throws -> DebtAssessment {
    try DebtAssessor().assess(figures, asOf: asOf, subject: SubjectID(rawValue: "region:\(figures.region)"))
}

func rules(_ a: DebtAssessment) -> [String] { a.findings.map(\.rule.rawValue) }

@Suite("Debt assessment at every line")
struct DebtAssessmentTests {
    @Test("debt.balance.over-limit: a balance equal to its limit is allowed, one hundredth of 万元 above is not")
    func overLimit() throws {
        var f = calm()
        f.generalBalance = 40_000
        #expect(!rules(try assess(f)).contains("debt.balance.over-limit"))
        f.generalBalance = amount("40000.01")
        let found = try assess(f).findings.filter { $0.rule == "debt.balance.over-limit" }
        #expect(found.count == 1)
        #expect(found.first?.fact("debt") == "general" && found.first?.money("excess") == 100)
        f = calm()
        f.specialBalance = amount("30000.01")
        f.generalBalance = 20_000
        #expect(
            try assess(f).findings.filter { $0.rule == "debt.balance.over-limit" }.map { $0.fact("debt") } == [
                "special"
            ])
    }

    @Test("debt.ratio.over-warning: exactly 100% is not over, 100.01% is")
    func warning() throws {
        var f = calm()
        f.generalBalance = 35_000
        f.specialBalance = 65_000
        f.generalLimit = 99_999
        f.specialLimit = 99_999
        let at = try assess(f)
        #expect(at.debtRatio == 100 && !rules(at).contains("debt.ratio.over-warning"))
        f.specialBalance = 65_010
        let above = try assess(f)
        #expect(DebtAssessment.percentText(above.debtRatio) == "100.01")
        #expect(
            above.findings.filter { $0.rule == "debt.ratio.over-warning" }.map { $0.fact("debtRatio") } == ["100.01"])
    }

    @Test("debt.risk.yellow, debt.risk.orange, debt.risk.red: each colour from its lower bound, included")
    func colours() throws {
        var f = calm()
        f.generalLimit = 1_000_000
        f.specialLimit = 1_000_000
        f.generalBalance = 0
        func colour(_ balance: String) throws -> DebtRiskColour? {
            f.specialBalance = amount(balance)
            return try assess(f).colour
        }
        #expect(try colour("119990") == .green)
        #expect(try colour("120000") == .yellow)
        #expect(try colour("199990") == .yellow)
        #expect(try colour("200000") == .orange)
        #expect(try colour("299990") == .orange)
        #expect(try colour("300000") == .red)
        #expect(try colour("300010") == .red)
    }

    @Test("debt.restructuring.triggered: interest at exactly 10% of spending is not above; 10.01% is, for either debt")
    func restructuring() throws {
        var f = calm()
        f.generalInterest = 20_000
        #expect(try assess(f).restructuring == false)
        f.generalInterest = 20_020
        let general = try assess(f)
        #expect(general.restructuring == true)
        #expect(
            general.findings.first { $0.rule == "debt.restructuring.triggered" }?.fact("generalInterestRatio")
                == "10.01")
        f = calm()
        f.specialInterest = 5_000
        #expect(try assess(f).restructuring == false)
        f.specialInterest = 5_005
        #expect(try assess(f).restructuring == true)
        // Before the emergency plan (2016-10-27) the trigger did not exist: a 2015 year is not judged by it.
        var old = calm(year: 2015)
        old.generalInterest = 40_000
        let before = try assess(old)
        #expect(before.restructuring == nil && !rules(before).contains("debt.restructuring.triggered"))
    }

    @Test("debt.overdue.ratio and its bands: 10% elementary, 20% intermediate, 50% still intermediate, above it severe")
    func overdueBands() throws {
        var f = calm()  // total balance 50,000
        func band(_ overdue: String) throws -> DebtOverdueBand? {
            f.overdue = amount(overdue)
            return try assess(f).overdueBand
        }
        #expect(try band("4995") == nil)  // 9.99%
        #expect(try band("5000") == .elementary)  // 10%
        #expect(try band("9995") == .elementary)  // 19.99%
        #expect(try band("10000") == .intermediate)  // 20% (debt.overdue.ratio.intermediate)
        #expect(try band("25000") == .intermediate)  // 50% (debt.overdue.ratio.severe is "above")
        #expect(try band("25005") == .severe)  // 50.01%
    }

    @Test("debt.emergency.level: IV from any overdue debt or restructuring; III from 10%, II from 20%, I above 50%")
    func emergency() throws {
        var f = calm()
        func level(_ overdue: String) throws -> DebtEmergencyLevel? {
            f.overdue = amount(overdue)
            return try assess(f).emergencyLevel
        }
        #expect(try level("0") == nil)
        #expect(try level("5") == .iv)  // 0.01%
        #expect(try level("4995") == .iv)  // 9.99%
        #expect(try level("5000") == .iii)  // 10% (debt.emergency.level.iii)
        #expect(try level("10000") == .ii)  // 20% (debt.emergency.level.ii)
        #expect(try level("25000") == .ii)  // 50%
        #expect(try level("25005") == .i)  // 50.01% (debt.emergency.level.i)
        f.overdue = 0
        f.generalInterest = 20_020
        let triggered = try assess(f)
        #expect(triggered.emergencyLevel == .iv)
        let finding = triggered.findings.first { $0.rule == "debt.emergency.level" }
        #expect(finding?.fact("restructuring") == "triggered" && finding?.fact("level") == "IV")
    }

    @Test("the lines are profile figures: the defaults, and a local profile that moves one")
    func linesAreFigures() throws {
        let profile = try DebtAssessor().profile
        let on = day("2025-06-30")
        let expected: [(RuleID, Decimal)] = [
            ("debt.ratio.over-warning", 100), ("debt.risk.yellow", 120), ("debt.risk.orange", 200),
            ("debt.risk.red", 300), ("debt.restructuring.triggered", 10), ("debt.emergency.level", 0),
            ("debt.emergency.level.iii", 10), ("debt.emergency.level.ii", 20), ("debt.emergency.level.i", 50),
            ("debt.overdue.ratio", 10), ("debt.overdue.ratio.intermediate", 20), ("debt.overdue.ratio.severe", 50),
            ("debt.payment.agreed-term-cap", 60), ("debt.payment.interest", amount("0.05")),
        ]
        for (rule, value) in expected {
            #expect(try profile.figureInForce(rule, on: on)?.figure.value == value, "\(rule)")
        }
        // A province that draws yellow from 110%: a 115% ratio turns yellow under it, stays green by default.
        let local = try JurisdictionProfile.national.overriding(
            id: "test-province", name: LocalizedName(chinese: "测试省", english: "Test province"),
            figures: [
                RuleFigure(
                    rule: "debt.risk.yellow", title: DebtLaw.yellow.title, figure: Figure(110, .percent),
                    basis: [LegalCitation(document: "测试省政府债务风险预警办法")])
            ])
        var f = calm()
        f.generalLimit = 1_000_000
        f.specialLimit = 1_000_000
        f.specialBalance = 85_000  // with 30,000 general: 115%
        #expect(try assess(f).colour == .green)
        #expect(try DebtAssessor(profile: local).assess(f, asOf: on, subject: "region:130302").colour == .yellow)
    }

    @Test("a year the calendar cannot date is refused, never judged as of another day")
    func yearOutOfRange() {
        #expect(throws: CreditKitError.self) { try assess(calm(year: 2300)) }
    }

    @Test("a missing or zero denominator gives no ratio and a data problem, never 0% or infinity")
    func denominators() throws {
        var f = calm()
        f.fiscalResources = 0
        f.fundExpenditure = nil
        let a = try assess(f)
        #expect(a.debtRatio == nil && a.colour == nil && a.specialInterestRatio == nil)
        #expect(a.generalInterestRatio != nil && a.restructuring == false)
        #expect(Set(a.problems.map(\.field)) == ["综合财力", "政府性基金预算支出"])
        #expect(a.problems.first { $0.field == "综合财力" }?.reason.contains("zero denominator") == true)
        #expect(!rules(a).contains("debt.ratio.over-warning"))
    }

    @Test("every declared figure is marked confirmed or not, and the unconfirmed ones say why")
    func unconfirmedSay() {
        for rule in DebtLaw.all {
            for figure in rule.figures where !figure.confirmed {
                #expect(figure.note?.isEmpty == false, "\(rule.id) is unconfirmed without a note")
            }
        }
        let unconfirmed = Set(DebtLaw.all.filter { $0.figures.contains { !$0.confirmed } }.map(\.id.rawValue))
        #expect(
            unconfirmed.isSuperset(of: [
                "debt.risk.yellow", "debt.emergency.level", "debt.overdue.ratio", "debt.arrears.clearance-late",
            ]))
    }
}

@Suite("Debt figures file")
struct DebtCSVTests {
    static let header =
        "地区代码,地区名称,年度,一般债务余额,专项债务余额,一般债务限额,专项债务限额,综合财力,一般公共预算支出,政府性基金预算支出,一般债务付息支出,专项债务付息支出,逾期债务"

    @Test("reads UTF-8 with a byte-order mark; a text amount, a bad code and a repeated region-year are problems")
    func lenient() throws {
        let text =
            "\u{FEFF}" + Self.header + "\r\n"
            + "130302,海港区,2024,30000,20000,40000,30000,100000,200000,50000,2000,500,0\r\n"
            + "130303,山海关区,2024,三万,20000,40000,30000,100000,200000,50000,2000,500,0\r\n"
            + "13030,错码,2024,1,1,1,1,1,1,1,1,1,1\r\n"
            + "130302,海港区,2024,1,1,1,1,1,1,1,1,1,1\r\n"
        let file = try DebtCSV.readFigures(text)
        #expect(file.rows.map(\.line) == [2, 3])
        #expect(file.rows[1].figures.generalBalance == nil && file.rows[1].figures.specialBalance == 20_000)
        #expect(file.problems.map(\.line) == [3, 4, 5])
        #expect(file.problems.map(\.field) == ["一般债务余额", "地区代码", "年度"])
        #expect(file.problems[2].reason.contains("repeats line 2"))
    }

    @Test("a header without a required column cannot be read at all")
    func wrongHeader() {
        let text = Self.header.replacingOccurrences(of: ",逾期债务", with: "") + "\n130302,海港区,2024,1,1,1,1,1,1,1,1,1\n"
        #expect(throws: CreditKitError.self) { try DebtCSV.readFigures(text) }
    }
}
