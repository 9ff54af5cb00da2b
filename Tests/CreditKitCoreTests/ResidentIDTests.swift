import CreditKitCore
import CreditKitTesting
import Testing

@Suite("ResidentID")
struct ResidentIDTests {
    @Test("accepts the standard's example with an X check character, in either case")
    func standardExample() throws {
        let id = try ResidentID("11010519491231002x")
        #expect(id.unmaskedValue == "11010519491231002X")
        #expect(id.birthDate == (try LocalDate(year: 1949, month: 12, day: 31)))
        #expect(id.addressCode == "110105")
    }

    @Test("accepts generated numbers", arguments: 0..<50)
    func generated(index: Int) throws {
        let id = Fixtures.residentID(index: index)
        #expect(try ResidentID(id.unmaskedValue) == id)
    }

    @Test("renders only masked: first 6 and last 4")
    func masked() throws {
        let id = try ResidentID("11010519491231002X")
        #expect(id.masked == "110105********002X")
        #expect(id.description == "110105********002X")
        #expect("\(id)" == "110105********002X")
        #expect(String(reflecting: id) == "ResidentID(110105********002X)")
    }

    @Test(
        "refuses malformed numbers with a masked message",
        arguments: [
            ("1101051949123100", "16 characters"),
            ("1101051949123100A2", "non-digit at position 17"),
            ("11010519491231002Y", "other than 0-9 or X"),
            ("110105194902300021", "not a real date"),
            ("110105194912310021", "require 'X'"),
        ])
    func malformed(text: String, expected: String) {
        #expect {
            try ResidentID(text)
        } throws: { error in
            guard let e = error as? CreditKitError, e.code == .invalidResidentID else { return false }
            return e.message.contains(expected) && (text.count < 11 || !e.message.contains(text))
        }
    }
}
