import CreditKitCore
import Foundation

/// Builders of valid test data (测试数据): credit codes and resident ID numbers with correct check characters,
/// agencies, enterprises and records with sensible defaults, and fixed vault keys.
public enum Fixtures {
    /// Fixed vault keys, so tests and demos are reproducible. Never use them for real data.
    public static let keys: VaultKeys = try! VaultKeys(
        tokenKey: Array(0..<32).map { UInt8($0) }, sealingKey: Array(0..<32).map { UInt8(255 - $0) })

    /// A valid unified social credit code built from a number.
    ///
    /// The organisation-code part (positions 9–17) carries a correct GB 11714 check character too.
    /// - Parameters:
    ///   - index: Any number from 0 to 99,999,999; different numbers give different codes.
    ///   - authority: Position 1; `1` (机构编制) for government bodies, `9` (市场监管) for enterprises.
    ///   - category: Position 2; `1` (机关) for government bodies, `1` (企业) for enterprises.
    ///   - region: Positions 3–8.
    /// - Returns: The code.
    public static func creditCode(
        index: Int, authority: Character = "1", category: Character = "1", region: String = "130300"
    ) -> UnifiedSocialCreditCode {
        try! UnifiedSocialCreditCode(
            registrationAuthority: authority, category: category, region: RegionCode(region),
            organizationNumber: index % 100_000_000)
    }

    /// A valid resident ID number built from a number.
    /// - Parameters:
    ///   - index: Any number; it sets the birth date and the sequence part.
    ///   - region: The six-digit address code.
    /// - Returns: The number.
    public static func residentID(index: Int, region: String = "130302") -> ResidentID {
        let birth = try! LocalDate(year: 1965, month: 1, day: 1).adding(days: (index * 37) % 12_000)
        return try! ResidentID(region: RegionCode(region), birthDate: birth, sequence: index % 1000)
    }

    /// A county-level department with a generated code.
    /// - Parameters:
    ///   - index: A number making the code and name unique.
    ///   - level: The administrative level.
    ///   - parent: The parent agency.
    /// - Returns: The agency.
    public static func agency(
        index: Int, level: AdministrativeLevel = .county, parent: SubjectID? = nil
    ) -> Agency {
        Agency(
            creditCode: creditCode(index: index), name: "测试机构\(index)", level: level, kind: .department,
            region: try! RegionCode("130302"), parent: parent)
    }

    /// A small supplier with a generated code.
    /// - Parameter index: A number making the code and name unique.
    /// - Returns: The enterprise.
    public static func enterprise(index: Int) -> Enterprise {
        Enterprise(
            creditCode: creditCode(index: index, authority: "9", category: "1"), name: "测试企业\(index)有限公司",
            roles: [.supplier], isSME: true)
    }

    /// A dishonesty record with sensible defaults.
    /// - Parameters:
    ///   - subject: Whose record.
    ///   - decisionDate: The decision date; the act is 30 days earlier.
    ///   - basis: The basis.
    ///   - severity: The class.
    ///   - amount: The amount in yuan.
    ///   - responsible: The responsible officials.
    /// - Returns: The record.
    public static func record(
        subject: SubjectID, decisionDate: LocalDate, basis: RecordBasis = .administrativePenalty,
        severity: Severity = .ordinary, amount: Decimal? = 50_000, responsible: [SubjectID] = []
    ) -> CreditRecord {
        CreditRecord(
            subject: subject, polarity: .dishonesty, basis: basis, severity: severity,
            actDate: decisionDate.adding(days: -30), decisionDate: decisionDate,
            authority: Authority(name: "秦皇岛市司法局"), documentNumber: "秦司罚〔\(decisionDate.year)〕\(decisionDate.day)号",
            legalBasis: [LegalCitation(document: "《行政处罚法》", article: "第二十八条")],
            facts: "未按合同约定期限履行付款义务。", amount: amount, responsibleOfficials: responsible)
    }
}
