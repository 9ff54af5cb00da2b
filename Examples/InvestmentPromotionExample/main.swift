// InvestmentPromotionExample: a development zone, a battery maker, and a new director.
//
// In 2023 the zone's administration signs with a small battery maker: 120 mu of industrial land by the end of 2023
// and a 3,000,000-yuan equipment subsidy by mid-2025, both with a legal basis and fair-competition review. The land
// is delivered on time. In 2025 a new zone director withdraws the subsidy, citing the change of leadership
// (新官不理旧账). The maker complains through 12345; the zone's 12345 centre forwards the complaint on the 11th
// working day, across National Day. The checks find the unlawful withdrawal and the late forwarding; the city's
// credit office confirms the withdrawal as a dishonesty record, and the joint measures follow. Separately, in
// September 2024 the zone promised another company a tax rebate with no legal basis and no review: flagged too.
//
//   swift run InvestmentPromotionExample            (writes ./investment-example/)
import CreditKitCore
import Foundation
import InvestmentPromotion

/// Runs the story; returns what it printed so the test suite can check it.
/// - Parameter directory: Where the registry and the report are written.
public func runInvestmentPromotionExample(writingTo directory: URL) async throws -> [String] {
    var out: [String] = []
    let day = { (text: String) in LocalDate(text)! }
    let kit = try CreditKit(store: .inMemory, modules: [.investmentPromotion])
    let region = try RegionCode("130371")
    func agency(_ name: String, _ number: Int) throws -> Agency {
        Agency(
            creditCode: try UnifiedSocialCreditCode(
                registrationAuthority: "1", category: "1", region: region, organizationNumber: number),
            name: name, level: .county, kind: .department, region: region)
    }
    func firm(_ name: String, _ number: Int, sme: Bool) throws -> Enterprise {
        Enterprise(
            creditCode: try UnifiedSocialCreditCode(
                registrationAuthority: "9", category: "1", region: region, organizationNumber: number),
            name: name, roles: [.supplier], isSME: sme)
    }
    let zone = try agency("秦皇岛经济技术开发区管理委员会", 70_100_013)
    let centre = try agency("秦皇岛经济技术开发区12345热线服务中心", 70_100_021)
    let maker = try firm("秦皇岛锐能动力电池有限公司", 80_200_017, sme: true)
    let rebated = try firm("秦皇岛北港物流有限公司", 80_200_025, sme: false)
    for a in [zone, centre] { try await kit.register(a, on: day("2015-01-01")) }
    for e in [maker, rebated] { try await kit.register(e, on: day("2015-01-01")) }
    let director = try await kit.registerOfficial(
        residentID: try ResidentID("130302197008150039"), name: "王建华", on: day("2015-01-01"))

    // 1. The agreement, its two promises and the maker's own obligation (all kept by the maker).
    let deal = InvestmentAgreement.agreement("QETDZ-ZS-2023-07", agency: zone.id)
    try await kit.investment.record([
        deal.on(
            day("2023-03-15"),
            InvestmentAgreementSigned(
                investor: maker.id, project: "年产5GWh动力电池项目", signedBy: director.id, investment: 1_200_000_000)),
        deal.on(
            day("2023-03-15"),
            InvestmentPromised(
                "P-1", investor: maker.id, .land, terms: "12月31日前交付工业用地120亩", due: day("2023-12-31"),
                legalBasis: "《中华人民共和国土地管理法》", reviewed: day("2023-03-10"))),
        deal.on(
            day("2023-03-15"),
            InvestmentPromised(
                "P-2", investor: maker.id, .subsidy, terms: "设备购置补助300万元", amount: 3_000_000, due: day("2025-06-30"),
                legalBasis: "《河北省工业转型升级专项资金管理办法》", reviewed: day("2023-03-10"))),
        deal.on(day("2023-03-15"), InvestorObligationSet("O-1", terms: "2024年底前投产", due: day("2024-12-31"))),
    ])
    try await kit.investment.fulfil(deal, promise: "P-1", on: day("2023-12-28"), inFull: true)

    // 2. 2025: the new director withdraws the subsidy, citing the change of leadership.
    try await kit.investment.change(
        deal, promise: "P-2", on: day("2025-04-08"), withdraws: true, reason: .leadershipChange)

    // 3. The maker complains through 12345 on 26 September; the centre forwards it on the 11th working day.
    let received = day("2025-09-26")
    let forwarded = kit.profile.calendar.deadline(.workingDays(11), from: received).due
    let complaint = InvestorComplaint.complaint("12345-2025-0926-0031", handler: centre.id)
    try await kit.investment.record([
        complaint.on(
            received,
            InvestorComplaintReceived(
                investor: maker.id, about: zone.id, agreement: deal.id, channel: .hotline12345, summary: "设备补助被撤回")),
        complaint.on(forwarded, InvestorComplaintHandled(.forwarded)),
        complaint.on(day("2025-10-20"), InvestorComplaintHandled(.resolved, text: "责成管委会恢复兑现补助")),
    ])

    // 4. September 2024: a tax rebate for one company, with no legal basis and no review.
    let rebate = InvestmentAgreement.agreement("QETDZ-ZS-2024-19", agency: zone.id)
    try await kit.investment.record([
        rebate.on(day("2024-09-12"), InvestmentAgreementSigned(investor: rebated.id, project: "港口物流园")),
        rebate.on(
            day("2024-09-12"),
            InvestmentPromised(
                "P-1", investor: rebated.id, .tax, terms: "地方留成增值税全额返还三年", amount: 6_000_000, due: nil)),
    ])

    // 5. What the checks find on the last day of 2025.
    let asOf = day("2025-12-31")
    let findings = try kit.investment.findings(asOf: asOf)
    for f in findings {
        out.append(
            "finding \(f.rule) \(f.fact("agreement") ?? f.fact("complaint") ?? "") "
                + f.facts.filter { ["promise", "reason", "wrong", "daysLate"].contains($0.name) }.map {
                    "\($0.name)=\($0.value)"
                }.joined(separator: " "))
    }

    // 6. The zone's credit office confirms the withdrawal as a dishonesty record; the joint measures follow.
    let office = Authority(name: "秦皇岛市社会信用体系建设领导小组办公室")
    let withdrawal = findings.first { $0.rule == InvestmentLaw.unlawfulChange.id }!
    let record = try await kit.confirm(
        withdrawal, on: day("2026-01-08"), by: "市信用办", authority: office, documentNumber: "秦信用办〔2026〕3号")
    out.append("confirmed the withdrawal as record #\(record.rawValue)")
    var measures: Set<String> = []
    for item in try kit.profile(of: zone.id, asOf: day("2026-01-08"))?.records ?? [] where item.id == record {
        for (rule, measure) in kit.policy.jointMeasures(for: item.record, subjectKind: .agency) {
            measures.insert("\(rule.id): \(measure.department)\(measure.measure.chineseName)")
        }
    }
    for m in measures.sorted() { out.append("measure \(m)") }
    let honours = kit.check(zone.id, for: .honours, on: day("2026-01-08"))
    out.append("may the zone be honoured on 2026-01-08? \(honours?.allowed == true ? "yes" : "no")")

    // 7. The zone's score: its promises in the commitment indicator (counted once), the rest here.
    let card = try kit.evaluate(asOf: day("2026-01-08"), agencies: [zone.id])[0]
    for id in ["eval.commitments", "investment.agency"] {
        guard let i = card.indicators.first(where: { $0.indicator.rawValue == id }) else { continue }
        out.append("\(i.name.chinese) \(ReportFormat.number(i.points)) of \(ReportFormat.number(i.weight))")
        for item in i.items { out.append("  \(ReportFormat.number(item.points)) \(item.reason)") }
    }
    let stats = try kit.commitmentStats(of: zone.id, asOf: asOf)
    out.append(
        "commitments: made \(stats.made), on time \(stats.fulfilledOnTime), breached \(stats.breached), open \(stats.open)"
    )

    // 8. The public registry and the report (`creditkit report --kind investment-registry|investment`).
    let registry = try InvestmentRegistry.report(kit, asOf: asOf)
    try ReportRenderer.html(registry).write(
        to: directory.appendingPathComponent("investment-registry.html"), atomically: true, encoding: .utf8)
    for row in registry.tables.first(where: { $0.name == "investment-registry" })!.rows {
        out.append("registry \(row[2]) \(row[3]) \(row[4]) \(row[8]) signed by \(row[9])")
    }
    let report = try InvestmentReport.make(kit, asOf: asOf)
    try ReportRenderer.html(report).write(
        to: directory.appendingPathComponent("investment-report.html"), atomically: true, encoding: .utf8)
    out.append("report: " + report.keyFigures.map { "\($0.label)=\($0.value)" }.joined(separator: " "))
    out.append("wrote investment-registry.html and investment-report.html to \(directory.path)")
    return out
}

let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
    "investment-example")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for line in try await runInvestmentPromotionExample(writingTo: directory) { print(line) }
