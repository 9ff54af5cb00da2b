import CreditKitCore
import CreditKitTesting
import Testing

@Suite("UnifiedSocialCreditCode")
struct UnifiedSocialCreditCodeTests {
    @Test("accepts valid codes and normalises case and spaces", arguments: [0, 1, 42, 99_999_999, 12_345_678])
    func valid(index: Int) throws {
        let code = Fixtures.creditCode(index: index)
        let parsed = try UnifiedSocialCreditCode(" " + code.rawValue.lowercased() + " ")
        #expect(parsed == code)
        #expect(parsed.regionCode == "130300")
        #expect(parsed.isGovernmentBody)
    }

    @Test("computes the check character of a known code")
    func knownCheckCharacter() throws {
        // The check character of the first 17 characters, by the GB 32100-2015 weights.
        #expect(UnifiedSocialCreditCode.checkCharacter(for: "91350100M000100Y4") == "3")
        #expect(throws: Never.self) { try UnifiedSocialCreditCode("91350100M000100Y43") }
    }

    @Test("names the length when it is not 18")
    func wrongLength() throws {
        #expect {
            try UnifiedSocialCreditCode("91350100M000100Y4")
        } throws: { error in
            let e = error as? CreditKitError
            return e?.code == .invalidCreditCode && e!.message.contains("17 characters")
        }
    }

    @Test("names a character outside the code set and its position", arguments: ["I", "O", "Z", "S", "V", "*"])
    func outsideCodeSet(character: String) {
        let code = "9135010" + character + "M000100Y43"
        #expect {
            try UnifiedSocialCreditCode(code)
        } throws: { error in
            let e = error as? CreditKitError
            return e?.code == .invalidCreditCode && e!.message.contains("position 8")
        }
    }

    @Test("refuses a letter in the region part")
    func letterInRegion() throws {
        let body = "91A50100M000100Y4"
        let code = body + String(UnifiedSocialCreditCode.checkCharacter(for: body)!)
        #expect {
            try UnifiedSocialCreditCode(code)
        } throws: { error in
            (error as? CreditKitError)?.message.contains("region code") == true
        }
    }

    @Test("names the expected check character")
    func wrongCheck() throws {
        #expect {
            try UnifiedSocialCreditCode("91350100M000100Y44")
        } throws: { error in
            let e = error as? CreditKitError
            return e?.context["expected"] == "3" && e?.context["found"] == "4" && e!.message.contains("'3'")
        }
    }
}
