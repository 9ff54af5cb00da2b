// LedgerExample: the core in a few steps — register a bureau and its director, enter a court judgment the bureau
// failed to execute, look at the bureau's profile then and now, and check the hash chain.
//
//   swift run LedgerExample
import CreditKitCore
import Foundation

/// Runs the story and returns what it printed, so the test suite can run it too.
public func runLedgerExample() async throws -> [String] {
    var out: [String] = []
    let kit = try CreditKit(store: .inMemory)

    // 秦皇岛市交通运输局, a city department.
    let region = try RegionCode("130300")
    let bureau = Agency(
        creditCode: try UnifiedSocialCreditCode(
            registrationAuthority: "1", category: "1", region: region, organizationNumber: 40_512_006),
        name: "秦皇岛市交通运输局", level: .city, kind: .department, region: region)
    try await kit.register(bureau, on: LocalDate(year: 2024, month: 1, day: 1))

    // Its director: the name and ID number go into the vault; the ledger keeps a keyed token.
    let directorID = try ResidentID(region: region, birthDate: LocalDate(year: 1972, month: 5, day: 14), sequence: 31)
    let director = try await kit.registerOfficial(
        residentID: directorID, name: "陈立新", on: LocalDate(year: 2024, month: 1, day: 1))
    try await kit.startTenure(
        Tenure(
            official: director.id, agency: bureau.id, post: "局长", isPrincipal: true,
            start: LocalDate(year: 2024, month: 1, day: 1)))

    // A judgment the bureau did not execute: a serious dishonesty record, with the director responsible.
    let recordID = try await kit.enter(
        CreditRecord(
            subject: bureau.id, polarity: .dishonesty, basis: .unexecutedJudgment, severity: .serious,
            actDate: LocalDate(year: 2025, month: 3, day: 1), decisionDate: LocalDate(year: 2025, month: 6, day: 18),
            authority: Authority(name: "秦皇岛市中级人民法院"), documentNumber: "（2025）冀03执218号",
            legalBasis: [LegalCitation(document: "《中华人民共和国民事诉讼法》", article: "第二百四十七条")],
            facts: "拖欠道路养护工程款，判决生效后逾期未履行。", amount: Decimal(string: "1286500.00"),
            responsibleOfficials: [director.id]))
    out.append("entered record #\(recordID) against \(bureau.name)")

    // Time travel: on 1 June 2025 the record did not exist yet; today it does.
    let before = try kit.profile(of: bureau.id, asOf: LocalDate(year: 2025, month: 6, day: 1))
    let now = try kit.profile(of: bureau.id)
    out.append("records on 2025-06-01: \(before?.records.count ?? 0); today: \(now?.records.count ?? 0)")

    // The director's own profile names the record; their ID number only ever prints masked.
    let directorProfile = try kit.profile(of: director.id)
    out.append(
        "director \(try kit.displayName(of: director.id)) (\(directorID)): responsible in "
            + "\(directorProfile?.records.count ?? 0) record(s)")

    let report = try await kit.verify()
    out.append("chain: \(report.isValid ? "valid" : "BROKEN"), \(report.entryCount) entries, head \(report.head.hash)")
    return out
}

for line in try await runLedgerExample() { print(line) }
