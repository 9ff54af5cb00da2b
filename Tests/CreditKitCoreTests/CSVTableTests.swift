import CreditKitCore
import Foundation
import Testing

@Suite("CSV table")
struct CSVTableTests {
    @Test("plain decimals read exactly; anything else is not an amount")
    func plainDecimal() {
        let posix = Locale(identifier: "en_US_POSIX")
        #expect(CSVTable.plainDecimal("1234.50") == Decimal(string: "1234.5", locale: posix))
        #expect(CSVTable.plainDecimal("-3") == -3)
        #expect(CSVTable.plainDecimal(".5") == Decimal(string: "0.5", locale: posix))
        #expect(CSVTable.plainDecimal("0.01") == Decimal(string: "0.01", locale: posix))
        // Past eighteen digits the reading stays exact.
        #expect(
            CSVTable.plainDecimal("12345678901234567890.12")
                == Decimal(string: "12345678901234567890.12", locale: posix))
        for bad in ["", ".", "-", "1,000", "1e3", "--1", "1-", "1.2.3", "¥100", "三万", " 1"] {
            #expect(CSVTable.plainDecimal(bad) == nil, "\(bad)")
        }
    }

    @Test("cells are trimmed of spaces at either end, and a cell of spaces is empty")
    func trimming() throws {
        let table = try CSVTable("a,b,c\n 1 ,   ,x\n")
        #expect(table.rows[0].optional("a") == "1")
        #expect(table.rows[0].optional("b") == nil)
        #expect(table.rows[0].optional("c") == "x")
        #expect(try table.rows[0].money("a") == 1)
        #expect(throws: CreditKitError.self) { try CSVTable("m\n-5\n").rows[0].money("m") }
    }

    @Test("a line break inside a quoted cell counts as a line with LF, CRLF and CR alike, so rows are named right")
    func lineNumbersAfterQuotedBreaks() throws {
        for eol in ["\n", "\r\n", "\r"] {
            let table = try CSVTable("a,b" + eol + "1,\"two" + eol + "lines\"" + eol + "3,x" + eol)
            #expect(table.rows.map(\.line) == [2, 4], "\(eol.unicodeScalars.map(\.value))")
        }
    }

    @Test("bidirectional overrides count as control characters")
    func bidiOverrides() {
        #expect("A\u{202E}1".hasControlCharacters && "x\u{2066}y".hasControlCharacters)
        #expect(!"乡镇（街道）".hasControlCharacters && !"a\tb".hasControlCharacters)
    }
}
