import CreditKitCore
import Foundation
import Testing

@Suite("CanonicalEncoder")
struct CanonicalEncoderTests {
    struct Inner: Codable { var b: Int; var a: String }
    struct Sample: Codable {
        var z: String
        var amount: Decimal
        var date: LocalDate
        var missing: Int?
        var list: [Inner]
        var flag: Bool
        var nested: Inner
    }

    @Test("writes keys in declaration order, compact, with plain decimals and dates")
    func layout() throws {
        let value = Sample(
            z: "引号\"与\\换行\n", amount: Decimal(string: "1234.50")!, date: try LocalDate(parsing: "2026-01-05"),
            missing: nil, list: [Inner(b: 1, a: "x"), Inner(b: -2, a: "")], flag: true, nested: Inner(b: 3, a: "y"))
        let text = String(decoding: try CanonicalEncoder().encode(value), as: UTF8.self)
        #expect(
            text
                == #"{"z":"引号\"与\\换行\n","amount":1234.5,"date":"2026-01-05","list":[{"b":1,"a":"x"},{"b":-2,"a":""}],"flag":true,"nested":{"b":3,"a":"y"}}"#
        )
        let decoded = try JSONDecoder().decode(Sample.self, from: Data(text.utf8))
        #expect(decoded.amount == Decimal(string: "1234.5"))
        #expect(decoded.nested.a == "y")
    }

    @Test("gives the same bytes for the same value")
    func deterministic() throws {
        let record = RecordEntered(
            record: CreditRecord(
                subject: "X", polarity: .dishonesty, basis: .courtJudgment, severity: .serious,
                actDate: try LocalDate(parsing: "2025-01-01"), decisionDate: try LocalDate(parsing: "2025-02-01"),
                authority: Authority(name: "法院"), documentNumber: "（2025）冀03行初1号", legalBasis: [],
                facts: "拒不履行生效判决", amount: Decimal(string: "12345678901234.56")))
        #expect(try CanonicalEncoder().encode(record) == CanonicalEncoder().encode(record))
        #expect(String(decoding: try CanonicalEncoder().encode(record), as: UTF8.self).contains("12345678901234.56"))
    }

    struct WithDouble: Codable { var x: Double }
    struct WithDate: Codable { var x: Date }
    struct WithSet: Codable { var x: Set<String> }
    struct WithDictionary: Codable { var x: [String: Int] }

    @Test("refuses values without a canonical form")
    func refusals() throws {
        #expect(throws: CreditKitError.self) { try CanonicalEncoder().encode(WithDouble(x: 1.5)) }
        #expect(throws: CreditKitError.self) { try CanonicalEncoder().encode(WithDate(x: Date())) }
        #expect(throws: CreditKitError.self) { try CanonicalEncoder().encode(WithSet(x: ["a", "b"])) }
        #expect(throws: CreditKitError.self) { try CanonicalEncoder().encode(WithDictionary(x: ["a": 1])) }
    }
}

@Suite("CSV for spreadsheets")
struct CSVTextTests {
    @Test(
        "attack: a value a spreadsheet would run as a formula is written as text; numbers and plain text stay as they are"
    )
    func formulas() {
        #expect(CSVText.field("=HYPERLINK(\"http://x\",\"点击\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"")
        #expect(CSVText.field("@SUM(A1:A9)") == "'@SUM(A1:A9)")
        #expect(CSVText.field("+86 10 1234") == "'+86 10 1234")
        #expect(CSVText.field("-2+3") == "'-2+3")
        #expect(CSVText.field("\tcmd") == "'\tcmd")
        #expect(CSVText.field("-1.85") == "-1.85" && CSVText.field("+5") == "+5" && CSVText.field("-") == "'-")
        #expect(CSVText.field("秦皇岛市财政局") == "秦皇岛市财政局" && CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.document([["名称"], ["=1+1"]]) == "\u{FEFF}名称\r\n'=1+1\r\n")
    }
}
