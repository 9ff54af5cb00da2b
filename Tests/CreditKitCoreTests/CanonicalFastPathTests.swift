@_spi(Testing) import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Canonical fast paths")
struct CanonicalFastPathTests {
    static let decimals = [
        "0", "1", "7", "10", "-3", "50000", "1234.5", "1234.50", "-1234.56", "0.000123", "0.5", "1e20", "1e-20",
        "12345678901234.56", "99999999999999999999", "123456789012345678901234567890", "0.1", "100.001",
    ]

    @Test("decimals print exactly as Foundation's description", arguments: decimals)
    func decimalText(text: String) {
        let value = Decimal(string: text)!
        var bytes: [UInt8] = []
        DecimalText.append(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == value.description)
    }

    @Test("decimals from arithmetic print as their description")
    func arithmetic() {
        #expect(DecimalText.layoutMatches)
        for i in 0..<2000 {
            let value = Decimal(i) * Decimal(string: "1.05")! / Decimal(7 + i % 5) - Decimal(i % 3)
            var bytes: [UInt8] = []
            DecimalText.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == value.description)
        }
    }

    static func records() -> [CreditRecord] {
        let base = Fixtures.record(subject: "91350100M000100Y43", decisionDate: LocalDate("2025-04-01")!)
        var withEverything = base
        withEverything.authority = Authority(
            name: "法院 \"引号\"\n", creditCode: Fixtures.creditCode(index: 3))
        withEverything.legalBasis = [
            LegalCitation(document: "《政府采购法》", article: "第四十六条"), LegalCitation(document: "国发〔2016〕76号"),
        ]
        withEverything.responsibleOfficials = ["person:aa", "person:bb"]
        withEverything.sector = "procurement"
        withEverything.amount = Decimal(string: "-0.01")
        withEverything.penalty = PenaltyDetails(
            violation: "违规\"倾倒\"", kinds: [.fine, .licenceRevocation], content: "罚款\n吊销", confiscated: 12.5,
            licence: "许可证 001")
        var fined = base
        fined.penalty = PenaltyDetails(violation: "未公开", kinds: [.warning], content: "警告")
        var bare = base
        bare.amount = nil
        bare.legalBasis = []
        bare.polarity = .good
        bare.basis = .commendation
        bare.severity = nil
        return [base, withEverything, fined, bare]
    }

    @Test("a record written by hand is byte for byte what Encodable gives", arguments: records())
    func recordBytes(record: CreditRecord) throws {
        let event = RecordEntered(record: record)
        let fast = try CanonicalEncoder().encode(event)
        let slow = try CanonicalEncoder(usesFastPaths: false).encode(event)
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: slow, as: UTF8.self))
        let decoded = try JSONDecoder().decode(RecordEntered.self, from: Data(fast))
        #expect(decoded == event)
    }
}
