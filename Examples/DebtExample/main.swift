// DebtExample: a prefecture's five counties over five years, and one county's arrears.
//
// The Qinhuangdao finance bureau collects each county's debt figures for 2020-2024 in the spreadsheet fiscal
// departments keep (Chinese headers, 万元). Judged as a file first (what `creditkit debt assess` does), then reported
// into the ledger year by year: Qinglong county's debt ratio passes the 100% warning line in 2021, turns yellow
// (120%) in 2022, and in 2023 its interest passes 10% of its general budget spending, which triggers fiscal
// restructuring and a level IV emergency. The county started its arrears-clearance campaign in March 2021: a road
// repair bill owed to a small firm since 2019 is cleared only in June 2024, after the three years; wages on the
// new middle school's building, for May 2024, reach the workers' account three weeks late. The checks find each,
// the county's score loses the debt indicator's share, and the debt report ranks the counties by risk.
//
//   swift run DebtExample            (writes ./debt-example/)
import CreditKitCore
import Debt
import Foundation

/// Runs the story; returns what it printed so the test suite can check it.
/// - Parameter directory: Where the figures file and the reports are written.
public func runDebtExample(writingTo directory: URL) async throws -> [String] {
    var out: [String] = []
    let day = { (text: String) in LocalDate(text)! }
    let asOf = day("2025-06-30")

    // 1. The spreadsheet judged as it is, without a ledger (`creditkit debt assess`).
    let file = directory.appendingPathComponent("debt-figures.csv")
    try figuresCSV().write(to: file, atomically: true, encoding: .utf8)
    let judged = try DebtFileAssessment(String(contentsOf: file, encoding: .utf8), asOf: asOf)
    out.append(
        "file: " + judged.summary.filter { $0.value > 0 }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    for a in judged.assessments where a.figures.region.rawValue == "130321" {
        out.append(
            "\(a.figures.regionName!) \(a.figures.year): debt ratio \(DebtAssessment.percentText(a.debtRatio)!)% "
                + "\(a.colour!.chineseName), restructuring \(a.restructuring! ? "triggered" : "no")"
                + (a.emergencyLevel.map { ", emergency \($0.chineseName)" } ?? ""))
    }

    // 2. The governments and the bodies that owe; the creditors.
    let kit = try CreditKit(store: .inMemory, modules: [.debt])
    func agency(_ name: String, _ code: String, _ number: Int, _ kind: AgencyKind) throws -> Agency {
        let region = try RegionCode(code)
        return Agency(
            creditCode: try UnifiedSocialCreditCode(
                registrationAuthority: "1", category: "1", region: region, organizationNumber: number),
            name: name, level: .county, kind: kind, region: region)
    }
    var governments: [String: Agency] = [:]
    for (i, county) in counties.enumerated() {
        let government = try agency(county.name + "人民政府", county.code, 50_100_000 + i * 17, .government)
        governments[county.code] = government
        try await kit.register(government, on: day("2015-01-01"))
    }
    let qinglong = governments["130321"]!
    let transport = try agency("青龙满族自治县交通运输局", "130321", 50_200_011, .department)
    let education = try agency("青龙满族自治县教育和体育局", "130321", 50_200_029, .department)
    for a in [transport, education] { try await kit.register(a, on: day("2015-01-01")) }
    let roadFirm = Enterprise(
        creditCode: try UnifiedSocialCreditCode(
            registrationAuthority: "9", category: "1", region: try RegionCode("130321"), organizationNumber: 60_300_013),
        name: "青龙县通达公路养护有限公司", roles: [.supplier], isSME: true)
    let builder = Enterprise(
        creditCode: try UnifiedSocialCreditCode(
            registrationAuthority: "9", category: "1", region: try RegionCode("130100"), organizationNumber: 60_300_021),
        name: "河北建工集团有限责任公司", roles: [.supplier], isSME: false)
    for e in [roadFirm, builder] { try await kit.register(e, on: day("2015-01-01")) }

    // 3. Each year's figures, reported by each county's government for the year's last day (what
    //    `creditkit import --module debt` does with the spreadsheet).
    for row in judged.assessments {
        let government = governments[row.figures.region.rawValue]!
        try await kit.debt.record([
            DebtYear.report(row.figures, by: government.id, on: day("\(row.figures.year)-12-31"))
        ])
    }

    // 4. Qinglong's clearance campaign (no new arrears from its first day), the road bill from 2019, the school.
    let road = DebtArrear.arrear("QL-QQ-2019-07", debtor: transport.id)
    let wages = DebtArrear.arrear("QL-GZ-2024-05", debtor: education.id)
    try await kit.debt.record([
        DebtCampaign.campaign(qinglong.region, government: qinglong.id).on(day("2021-03-01"), DebtCampaignStarted()),
        road.on(
            day("2021-03-15"),
            ArrearRecorded(
                creditor: roadFirm.id, .works, amount: 3_000_000, due: day("2019-12-31"), project: "青龙县乡道养护工程",
                delivered: day("2019-10-20"))),
        road.on(day("2022-09-30"), ArrearCleared(amount: 1_000_000)),
        road.on(day("2024-06-10"), ArrearCleared(amount: 2_000_000)),
        GovernmentProject.project("QL-ZF-2024-03", agency: education.id).on(
            day("2024-03-01"),
            GovernmentProjectStarted(
                name: "青龙县第三中学教学楼", fundsInPlace: true, contractorAdvance: false, contractor: builder.id)),
        wages.on(
            day("2024-06-01"),
            ArrearRecorded(
                creditor: builder.id, .wages, amount: 420_000, due: day("2024-06-30"), project: "青龙县第三中学教学楼",
                workMonth: day("2024-05-01"))),
        wages.on(day("2024-07-22"), ArrearCleared(amount: 420_000)),
    ])

    // 5. What the checks find as of 30 June 2025.
    let findings = try kit.debt.findings(asOf: asOf)
    for f in findings {
        let what = f.fact("arrear") ?? "\(f.fact("region") ?? "") \(f.fact("year") ?? "")"
        out.append("finding \(f.rule) \(what)")
    }

    // 6. The scores: the debt indicator of the county government and of the two departments.
    let cards = try kit.evaluate(asOf: asOf, agencies: [qinglong.id, transport.id, education.id])
    for card in cards {
        guard let debt = card.indicators.first(where: { $0.indicator == "debt.agency" }) else { continue }
        out.append(
            "\(try kit.name(of: card.subject)): debt and arrears \(ReportFormat.number(debt.points)) of "
                + "\(ReportFormat.number(debt.weight))")
        for item in debt.items { out.append("  \(ReportFormat.number(item.points)) \(item.reason)") }
    }

    // 7. The debt report (`creditkit report --kind debt`) and the county government's credit file.
    let report = try kit.debt.report(asOf: asOf)
    try ReportRenderer.markdown(report).write(
        to: directory.appendingPathComponent("debt-report.md"), atomically: true, encoding: .utf8)
    try ReportRenderer.html(report).write(
        to: directory.appendingPathComponent("debt-report.html"), atomically: true, encoding: .utf8)
    let ranking = report.tables.first { $0.name == "debt-ranking" }!
    out.append("ranking: " + ranking.rows.map { $0[1] }.joined(separator: " > "))
    out.append("report: " + report.keyFigures.map { "\($0.label)=\($0.value)" }.joined(separator: " "))
    let creditFile = try kit.creditFile(of: qinglong.id, asOf: asOf)
    try ReportRenderer.html(creditFile).write(
        to: directory.appendingPathComponent("credit-file.html"), atomically: true, encoding: .utf8)
    out.append("wrote debt-figures.csv, debt-report.md, debt-report.html and credit-file.html to \(directory.path)")
    return out
}

let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("debt-example")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for line in try await runDebtExample(writingTo: directory) { print(line) }
