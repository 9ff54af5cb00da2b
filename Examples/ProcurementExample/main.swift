// ProcurementExample: a county education bureau buys desks, cleaning and computers through its procurement
// platform, and canteen equipment on paper. It pays a micro firm late, signs one contract late, and never
// organises the canteen's acceptance, so a small firm is still waiting for its money at the end of the year.
// The example imports the platform's open-contracting export, records the canteen purchase fact by fact, runs the
// checks, has an officer confirm or dismiss each finding, and shows the joint sanctions, the bureau's score and
// its credit file.
//
//   swift run ProcurementExample            (writes ./procurement-example/)
import CreditKitCore
import Foundation
import OpenContracting
import Procurement

/// The platform's export: three processes as OCDS compiled releases, one per line. (A function, not a global:
/// the globals of an executable's main file are set only when it runs as a program, not when tests call in.)
func platformExport() -> [String] {
    [
        // Desks from a micro firm: tendered and signed on time, paid 21 days late.
        #"{"ocid":"ocds-qlxjy-2025-001","buyer":{"id":"CN-QL-EDU","name":"青龙满族自治县教育和体育局"},"parties":[{"id":"S1","name":"青龙县木艺家具厂","roles":["supplier"],"details":{"scale":"micro"}}],"tender":{"title":"中小学课桌椅采购","status":"complete","procurementMethod":"open","procurementMethodDetails":"公开招标","mainProcurementCategory":"goods","value":{"amount":200000,"currency":"CNY"},"tenderPeriod":{"startDate":"2025-03-03T09:00:00+08:00","endDate":"2025-03-25T09:30:00+08:00"}},"awards":[{"id":"A1","date":"2025-04-01","status":"active","suppliers":[{"id":"S1"}],"documents":[{"documentType":"awardNotice","datePublished":"2025-04-02"}]}],"contracts":[{"id":"QLJY-HT-2025-01","awardID":"A1","dateSigned":"2025-04-20","value":{"amount":180000},"documents":[{"documentType":"contractSigned","datePublished":"2025-04-22"}],"milestones":[{"type":"delivery","status":"met","dateMet":"2025-05-20"}],"implementation":{"transactions":[{"date":"2025-07-10","value":{"amount":180000}}]}}]}"#,
        // Cleaning from a small firm, by competitive consultation: everything on time.
        #"{"ocid":"ocds-qlxjy-2025-002","buyer":{"id":"CN-QL-EDU"},"parties":[{"id":"S2","name":"青龙县洁美物业服务有限公司","roles":["supplier"],"details":{"scale":"sme"}}],"tender":{"title":"校园保洁服务","status":"complete","procurementMethod":"limited","procurementMethodDetails":"竞争性磋商","mainProcurementCategory":"services","value":{"amount":90000},"tenderPeriod":{"startDate":"2025-06-02","endDate":"2025-06-12"}},"awards":[{"id":"A2","date":"2025-06-16","status":"active","suppliers":[{"id":"S2"}],"documents":[{"documentType":"awardNotice","datePublished":"2025-06-17"}]}],"contracts":[{"id":"QLJY-HT-2025-02","awardID":"A2","dateSigned":"2025-06-20","value":{"amount":86000},"documents":[{"documentType":"contractSigned","datePublished":"2025-06-23"}],"milestones":[{"type":"delivery","status":"met","dateMet":"2025-07-31"}],"implementation":{"transactions":[{"date":"2025-08-20","value":{"amount":86000}}]}}]}"#,
        // Computers from a large firm: 14 days to bid, signed 15 days late.
        #"{"ocid":"ocds-qlxjy-2025-003","buyer":{"id":"CN-QL-EDU"},"parties":[{"id":"S3","name":"河北某信息技术股份有限公司","roles":["supplier"],"details":{"scale":"large"}}],"tender":{"title":"计算机教室设备","status":"complete","procurementMethod":"open","mainProcurementCategory":"goods","value":{"amount":1200000},"tenderPeriod":{"startDate":"2025-08-01","endDate":"2025-08-15"}},"awards":[{"id":"A3","date":"2025-08-25","status":"active","suppliers":[{"id":"S3"}],"documents":[{"documentType":"awardNotice","datePublished":"2025-08-26"}]}],"contracts":[{"id":"QLJY-HT-2025-03","awardID":"A3","dateSigned":"2025-10-10","value":{"amount":1150000},"documents":[{"documentType":"contractSigned","datePublished":"2025-10-13"}]}]}"#,
    ]
}

/// Runs the story; returns what it printed so the test suite can check it.
/// - Parameter directory: Where the credit file is written.
public func runProcurementExample(writingTo directory: URL) async throws -> [String] {
    var out: [String] = []
    let day = { (text: String) in LocalDate(text)! }
    let kit = try CreditKit(store: .inMemory, modules: [.procurement])

    // The bureau, known to the platform's export as CN-QL-EDU.
    let region = try RegionCode("130321")
    let bureau = Agency(
        creditCode: try UnifiedSocialCreditCode(
            registrationAuthority: "1", category: "1", region: region, organizationNumber: 40_633_107),
        name: "青龙满族自治县教育和体育局", level: .county, kind: .department, region: region,
        externalIdentifiers: [ExternalIdentifier(scheme: "ocds", identifier: "CN-QL-EDU")])
    try await kit.register(bureau, on: day("2025-01-01"))

    // 1. Import the platform's export.
    let file = directory.appendingPathComponent("platform-export.jsonl")
    try Data(platformExport().joined(separator: "\n").utf8).write(to: file)
    let imported = try await OCDSImport.run(path: file.path, into: kit)
    out.append(
        "imported \(imported.cases[ProcurementModule.sectorID] ?? 0) projects (\(imported.events) facts) "
            + "from the platform export")

    // 2. The canteen purchase, recorded fact by fact: payment waits for acceptance, due by 15 October.
    let canteen = kit.procurement.project("QLJY-2025-004", purchaser: bureau.id)
    let firm = Counterparty(name: "秦皇岛市厨具设备有限公司", identifier: "91130300MA0CHJ004A", isSME: true)
    let contract = "QLJY-HT-2025-04"
    try await kit.procurement.record([
        canteen.on(
            day("2025-07-01"),
            ProjectRegistered(name: "学校食堂设备采购", method: .competitiveNegotiation, category: "goods", budget: 280_000)),
        canteen.on(
            day("2025-09-01"),
            ContractSigned(
                contract: contract, supplier: firm, amount: 260_000, paysOnAcceptance: true,
                acceptanceDue: day("2025-10-15"), awardNoticeOn: day("2025-08-25"))),
        canteen.on(day("2025-09-02"), ContractMilestoneReached(contract: contract, milestone: .published)),
        canteen.on(day("2025-09-05"), ContractMilestoneReached(contract: contract, milestone: .filed)),
        canteen.on(day("2025-10-10"), ContractMilestoneReached(contract: contract, milestone: .delivered)),
    ])

    // 3. The checks at the end of the year.
    let yearEnd = day("2025-12-31")
    let findings = try kit.runChecks(asOf: yearEnd)
    for f in findings {
        out.append(
            "finding \(f.rule): \(f.fact("project") ?? "") "
                + f.facts.filter {
                    ["daysLate", "interestOwed", "outstanding", "interestAccrued", "days"].contains($0.name)
                }
                .map { "\($0.name)=\($0.value)" }.joined(separator: " "))
    }

    // 4. An officer of the county finance bureau decides each one. The short tender period is dismissed: the
    //    documents were first issued on 18 July; the export carries the re-issue date.
    let finance = Authority(name: "青龙满族自治县财政局")
    var confirmed: [CreditRecord.ID] = []
    for (n, f) in findings.enumerated() {
        if f.rule == "procurement.tender.short-period" {
            try await kit.dismiss(
                f, on: day("2026-01-06"), by: "县财政局政府采购监督管理股",
                reason: "采购文件于2025-07-18首次发出，导出数据为重新发出日期，实际期限不少于20日")
            out.append("dismissed \(f.rule)")
        } else {
            confirmed.append(
                try await kit.confirm(
                    f, on: day("2026-01-06"), by: "县财政局政府采购监督管理股", authority: finance,
                    documentNumber: "青财采监〔2026〕\(n + 1)号"))
        }
    }
    out.append("confirmed \(confirmed.count) findings as dishonesty records")

    // 5. The joint sanctions the records bring, and what the credit check answers.
    let asOf = day("2026-01-06")
    let profile = try kit.profile(of: bureau.id, asOf: asOf)
    var departments: Set<String> = []
    for item in profile?.records ?? [] where confirmed.contains(item.id) {
        for (rule, measure) in kit.policy.jointMeasures(for: item.record, subjectKind: .agency) {
            departments.insert("\(measure.department)：\(measure.measure.chineseName)（\(rule.id)）")
        }
    }
    out.append("joint measures: " + departments.sorted().joined(separator: "; "))
    let honours = kit.check(bureau.id, for: .honours, on: asOf)
    out.append(
        "may the bureau be honoured on \(asOf)? \(honours?.allowed == true ? "yes" : "no")"
            + (honours?.restrictions.first.map { ", until \($0.until) (\($0.rule))" } ?? ""))

    // 6. The bureau's score, and the procurement indicator explained.
    let card = try kit.evaluate(asOf: asOf, agencies: [bureau.id])[0]
    if let procurement = card.indicators.first(where: { $0.indicator == "procurement.purchaser" }) {
        out.append(
            "score \(ReportFormat.number(card.score)) (\(card.grade)); procurement conduct "
                + "\(ReportFormat.number(procurement.points)) of \(ReportFormat.number(procurement.weight))")
        for item in procurement.items { out.append("  \(ReportFormat.number(item.points)) \(item.reason)") }
    }

    // 7. The credit file, with its procurement section, as Markdown and HTML.
    let report = try kit.creditFile(of: bureau.id, asOf: asOf)
    try ReportRenderer.markdown(report).write(
        to: directory.appendingPathComponent("credit-file.md"), atomically: true, encoding: .utf8)
    try ReportRenderer.html(report).write(
        to: directory.appendingPathComponent("credit-file.html"), atomically: true, encoding: .utf8)
    out.append("wrote credit-file.md and credit-file.html to \(directory.path)")
    return out
}

let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    .appendingPathComponent("procurement-example")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for line in try await runProcurementExample(writingTo: directory) { print(line) }
