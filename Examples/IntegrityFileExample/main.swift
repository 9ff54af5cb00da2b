// IntegrityFileExample: an official's integrity file (公务员诚信档案) and the data a credit office exchanges.
// A county bureau's director is assessed, files a personal-matters report late and is admonished for a decision;
// his grade and the appointment check follow, until an appeal revokes the admonishment. A reporting unit's 双公示
// penalty file is taken in (intake, 归集), the public view goes out as FollowTheMoney entities, and the quarter is
// submitted upward with its manifest (报送).
//
//   swift run IntegrityFileExample
import CreditKitCore
import Foundation
import Synchronization

/// The story's clock: it stands on the day the story has reached, so the ledger records each fact when it happens and
/// the story prints the same every time.
final class StoryClock: LedgerClock {
    private let day: Mutex<LocalDate>
    init(_ day: LocalDate) { self.day = Mutex(day) }
    func now() -> Timestamp { Timestamp(startOf: day.withLock { $0 }) }
    func set(_ text: String) { day.withLock { $0 = LocalDate(text)! } }
}

/// Runs the story and returns what it printed, so the test suite can run it too.
public func runIntegrityFileExample() async throws -> [String] {
    var out: [String] = []
    let clock = StoryClock(LocalDate("2026-01-01")!)
    let kit = try CreditKit(store: .inMemory, clock: clock)
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    // 卢龙县交通运输局 and its director; the name and ID number go into the vault, the ledger keeps a token.
    let region = try RegionCode("130324")
    let bureau = Agency(
        creditCode: try UnifiedSocialCreditCode(
            registrationAuthority: "1", category: "1", region: region, organizationNumber: 40_513_007),
        name: "卢龙县交通运输局", level: .county, kind: .department, region: region)
    try await kit.register(bureau, on: day("2020-01-01"))
    let director = try await kit.registerOfficial(
        residentID: try ResidentID(region: region, birthDate: day("1975-08-02"), sequence: 52), name: "孙建华",
        on: day("2020-01-01"))
    try await kit.startTenure(
        Tenure(official: director.id, agency: bureau.id, post: "局长", isPrincipal: true, start: day("2021-03-01")))

    // The file: last year's assessment, a personal-matters report filed three days late, integrity training.
    clock.set("2026-03-12")
    try await kit.append([
        AnnualAssessmentRecorded(
            official: director.id, year: 2025, result: .competent, on: day("2026-01-20"), by: "中共卢龙县委组织部"),
        PersonalMattersReportRequired(official: director.id, year: 2025, due: day("2026-01-31"), on: day("2026-01-05")),
        PersonalMattersReportFiled(official: director.id, year: 2025, on: day("2026-02-03")),
        IntegrityTrainingCompleted(official: director.id, course: "政务诚信专题培训", hours: 4, on: day("2026-03-12")),
    ])
    // A major decision taken without its risk assessment; the director is admonished for it, and appeals.
    clock.set("2026-06-20")
    let decision = try await kit.record(
        MajorDecisionMade(agency: bureau.id, title: "县城公交线路调整", decidedOn: day("2026-04-01"), steps: []))
    try await kit.holdAccountable(
        director.id, for: decision, of: bureau.id, form: .admonishingTalk, on: day("2026-06-10"), by: "卢龙县纪委监委")
    let admonished = LedgerEntry.ID(decision.rawValue + 1)
    let appeal = try await kit.append(
        AccountabilityAppealFiled(
            accountability: admonished, official: director.id, on: day("2026-06-20"), grounds: "决策前已书面提出风险评估要求"))

    func describe(_ on: String) throws -> String {
        let file = try kit.officialFile(of: director.id, asOf: day(on))
        let barred = !file.appointment.allowed
        return "\(on): \(file.grade.band.chineseName) \(file.grade.score)分；选拔任用\(barred ? "受限" : "无限制")"
    }
    out.append(try describe("2026-07-01"))
    clock.set("2026-08-15")
    try await kit.append(
        AccountabilityAppealDecided(
            appeal: appeal.id, official: director.id, outcome: .revoked, on: day("2026-08-15"), by: "卢龙县委"))
    out.append(try describe("2026-08-14"))
    out.append(try describe("2026-08-15"))

    // Intake: the county market regulator's 双公示 penalty file, one row (a fine on an enterprise).
    let regulator = Agency(
        creditCode: try UnifiedSocialCreditCode(
            registrationAuthority: "1", category: "1", region: region, organizationNumber: 40_513_009),
        name: "卢龙县市场监督管理局", level: .county, kind: .department, region: region)
    try await kit.register(regulator, on: day("2020-01-01"))
    let company = try UnifiedSocialCreditCode(
        registrationAuthority: "9", category: "1", region: region, organizationNumber: 70_221_005)
    let row = [
        "卢龙县顺达客运有限公司", "法人及非法人组织", company.rawValue, "", "卢市监罚〔2026〕31号", "未按规定公示年度报告", "逾期未公示2025年度报告。",
        "《企业信息公示暂行条例》第十条", "警告、罚款", "警告并处罚款", "0.5", "", "", "2026-09-14", "", "", regulator.name,
        regulator.creditCode.rawValue, "", "", "",
    ]
    let csv = [PublicRecord.penaltyHeaders.joined(separator: ","), row.joined(separator: ",")].joined(separator: "\n")
    clock.set("2026-09-14")
    let taken = try await kit.intake(csv: csv)
    let again = try await kit.intake(csv: csv)
    out.append(
        "intake: \(taken.added) record taken in, \(taken.registered.count) enterprise registered; "
            + "again: \(again.added) added, \(again.alreadyHeld.count) held already")

    // The record reviewed and published, then the public view as FollowTheMoney entities.
    let record = try require(try kit.records().first { $0.value.documentNumber == "卢市监罚〔2026〕31号" }?.key)
    clock.set("2026-09-16")
    try await kit.review(record, on: day("2026-09-15"), reviewer: "保密审查小组", outcome: .publishable)
    try await kit.publish(record, on: day("2026-09-16"), office: regulator.id, channel: "信用中国（河北卢龙）")
    let entities = try FollowTheMoney.entities(of: kit, asOf: day("2026-10-01"))
    let schemas = Dictionary(grouping: entities, by: \.schema).mapValues(\.count)
    out.append(
        "FollowTheMoney: " + schemas.keys.sorted().map { "\($0) \(schemas[$0]!)" }.joined(separator: ", "))

    // The third quarter submitted upward, once it is over: the same bytes whenever it is taken.
    clock.set("2026-11-23")
    let submission = try await kit.submission(for: SubmissionPeriod(parsing: "2026-Q3"))
    out.append("submission \(submission.period): \(submission.newRecords) new, \(submission.changedRecords) changed")
    return out
}

/// Unwraps a value the story knows is there.
func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CreditKitError(.invalidArgument, "the story lost a value it had made") }
    return value
}

for line in try await runIntegrityFileExample() { print(line) }
