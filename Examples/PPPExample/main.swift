// PPPExample: a county sewage plant under the old PPP regime, and a parking concession under the new one.
//
// The county housing and construction bureau signed the plant in 2019 as a BOT project paid by the government
// (availability payments). The county pays the 2021 instalment late and only half of 2022's; a year-report goes
// undisclosed; and in 2024, after a new county head took office, the government cuts the service fee on its own,
// citing the change of leaders (新官不理旧账). The checks find each failure and trace it to the official who
// answered for the project's stage — the bureau's former head, transferred since. An officer confirms them, and the
// joint sanctions follow. A 2024 user-pay parking concession under the new mechanism passes every check.
//
//   swift run PPPExample            (writes ./ppp-example/)
import CreditKitCore
import Foundation
import PPP

/// Runs the story; returns what it printed so the test suite can check it.
/// - Parameter directory: Where the credit file is written.
public func runPPPExample(writingTo directory: URL) async throws -> [String] {
    var out: [String] = []
    let day = { (text: String) in LocalDate(text)! }
    let kit = try CreditKit(store: .inMemory, modules: [.ppp])

    // The implementing agency and the development and reform bureau, where its head moves in 2024.
    let region = try RegionCode("130321")
    func agency(_ name: String, _ number: Int) throws -> Agency {
        Agency(
            creditCode: try UnifiedSocialCreditCode(
                registrationAuthority: "1", category: "1", region: region, organizationNumber: number),
            name: name, level: .county, kind: .department, region: region)
    }
    let bureau = try agency("青龙满族自治县住房和城乡建设局", 40_633_115)
    let development = try agency("青龙满族自治县发展和改革局", 40_633_123)
    for a in [bureau, development] { try await kit.register(a, on: day("2015-01-01")) }
    let zhang = try await kit.registerOfficial(
        residentID: try ResidentID("130321197305120011"), name: "张建国", on: day("2015-01-01"))
    let li = try await kit.registerOfficial(
        residentID: try ResidentID("130321198009230018"), name: "李明", on: day("2015-01-01"))
    let zhangAtBureau = try await kit.startTenure(
        Tenure(official: zhang.id, agency: bureau.id, post: "局长", isPrincipal: true, start: day("2016-03-01")))
    let zhangAnswers = PPPProject.Responsible(official: zhang.id, tenure: zhangAtBureau)

    // 1. The sewage plant, 2018-2019: identified, assessed (8.3% of the budget, under the 10% cap; the 7% warning
    //    line came only in 2019), procured with four qualified bidders, signed for 30 years, in execution from
    //    September 2019 — each stage Zhang's.
    let plant = kit.ppp.project("QL-PPP-2019-01", agency: bureau.id)
    let company = Counterparty(name: "青龙碧水污水处理有限公司", identifier: "91130321MA0CPPP01K")
    try await kit.ppp.record([
        plant.on(
            day("2018-05-10"),
            PPPProjectRegistered(
                name: "青龙县城污水处理厂", level: "county", industry: "污水处理", totalInvestment: 180_000_000, mode: .bot,
                mechanism: .governmentPay)),
        plant.on(day("2018-05-10"), PPPStageEntered(.identification, responsible: zhangAnswers)),
        plant.on(
            day("2018-07-02"),
            PPPFiscalAffordabilityAssessed(year: 2021, pppSpending: 83_000_000, budgetExpenditure: 1_000_000_000)),
        plant.on(day("2018-09-03"), PPPStageEntered(.preparation, responsible: zhangAnswers)),
        plant.on(day("2019-01-07"), PPPStageEntered(.procurement, responsible: zhangAnswers)),
        plant.on(day("2019-03-15"), PPPQualificationReviewed(qualified: 4)),
        plant.on(
            day("2019-06-28"),
            PPPContractSigned(
                concessionaire: company, termStart: day("2019-07-01"), termEnd: day("2049-06-30"),
                privateEquityPercent: 90)),
        plant.on(day("2019-09-02"), PPPStageEntered(.execution, responsible: zhangAnswers)),
        plant.on(day("2019-12-20"), PPPDisclosed()),
    ])
    // The availability payments, 6,000,000 yuan due each 30 June, and what the county paid.
    for year in 2020...2022 {
        try await kit.ppp.record([
            plant.on(
                day("2019-09-02"),
                PPPObligationScheduled(
                    "AP-\(year)", .availabilityPayment, amount: 6_000_000, due: day("\(year)-06-30")))
        ])
    }
    try await kit.ppp.record([
        plant.on(day("2020-06-30"), PPPObligationFulfilled("AP-2020", amount: 6_000_000)),
        plant.on(day("2020-04-28"), PPPDisclosed(executionYear: 2019)),
        plant.on(day("2021-04-30"), PPPDisclosed(executionYear: 2020)),
        plant.on(day("2021-08-16"), PPPObligationFulfilled("AP-2021", amount: 6_000_000)),
        plant.on(day("2022-07-29"), PPPObligationFulfilled("AP-2022", amount: 3_000_000)),
    ])

    // 2. Zhang moves to the development and reform bureau; Li heads the bureau and answers for the plant's
    //    execution from then on. After the new county head takes office, the government cuts the plant's fee on
    //    its own, citing the change of leaders.
    try await kit.endTenure(zhangAtBureau, on: day("2023-12-31"), reason: .transfer)
    _ = try await kit.startTenure(
        Tenure(official: zhang.id, agency: development.id, post: "局长", isPrincipal: true, start: day("2024-01-01")))
    let liAtBureau = try await kit.startTenure(
        Tenure(official: li.id, agency: bureau.id, post: "局长", isPrincipal: true, start: day("2024-01-01")))
    let liAnswers = PPPProject.Responsible(official: li.id, tenure: liAtBureau)
    try await kit.ppp.record([
        plant.on(day("2024-01-02"), PPPResponsibleChanged(liAnswers)),
        plant.on(
            day("2024-03-15"),
            PPPContractChanged(
                "单方面将污水处理服务费单价下调20%", reason: .leadershipChange, lawfulProcedure: false)),
    ])

    // 3. A parking concession under the 2023 mechanism: users pay, a private company holds all the equity, 35 years.
    let parking = kit.ppp.project("QL-PPP-2024-02", agency: bureau.id)
    try await kit.ppp.record([
        parking.on(
            day("2024-02-01"),
            PPPProjectRegistered(
                name: "青龙县城公共停车场特许经营", level: "county", industry: "停车设施", totalInvestment: 45_000_000,
                mode: .bot, mechanism: .userPay)),
        parking.on(day("2024-02-01"), PPPStageEntered(.identification, responsible: liAnswers)),
        parking.on(day("2024-03-01"), PPPStageEntered(.procurement, responsible: liAnswers)),
        parking.on(day("2024-04-08"), PPPQualificationReviewed(qualified: 5)),
        parking.on(
            day("2024-06-10"),
            PPPContractSigned(
                concessionaire: Counterparty(name: "青龙县智慧停车运营有限公司", identifier: "91130321MA0CPPP02N"),
                termStart: day("2024-07-01"), termEnd: day("2059-06-30"), privateEquityPercent: 100)),
        parking.on(day("2024-07-01"), PPPStageEntered(.execution, responsible: liAnswers)),
    ])

    // 4. The checks, on the last day of 2024: each finding with the stage and the official it is traced to.
    let asOf = day("2024-12-31")
    let findings = try kit.ppp.findings(asOf: asOf)
    for f in findings {
        let who = try f.fact("responsible").map { try kit.displayName(of: SubjectID(rawValue: $0)) } ?? "—"
        out.append(
            "finding \(f.rule) \(f.fact("project") ?? "") "
                + f.facts.filter {
                    ["obligation", "daysLate", "outstanding", "ratio", "year", "wrong"].contains($0.name)
                }
                .map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                + " | stage \(f.fact("stage") ?? "") answered by \(who)")
    }
    let parkingClues = findings.filter { $0.fact("project") == "QL-PPP-2024-02" }.count
    out.append("parking concession: \(parkingClues) findings")

    // 5. Where the official the plant's findings name is now.
    let posts = kit.view.tenures(of: zhang.id).map { t in
        "\(t.tenure.post)@\(t.tenure.agency == bureau.id ? "住建局" : "发改局") \(t.tenure.start)–\(t.end?.description ?? "")"
    }
    out.append("张建国: " + posts.joined(separator: ", "))

    // 6. The county's finance bureau confirms the unpaid instalment and the unlawful change; the others it leaves
    //    open for now. The joint measures the records bring, and what the credit checks answer.
    let finance = Authority(name: "青龙满族自治县财政局")
    var confirmed: [CreditRecord.ID] = []
    for f in findings where [PPPLaw.overdueUnpaid.id, PPPLaw.unlawfulChange.id].contains(f.rule) {
        confirmed.append(
            try await kit.confirm(
                f, on: day("2025-01-10"), by: "县财政局PPP管理股", authority: finance,
                documentNumber: "青财金〔2025〕\(confirmed.count + 1)号"))
    }
    out.append("confirmed \(confirmed.count) findings as dishonesty records")
    let decided = day("2025-01-10")
    var measures: Set<String> = []
    for item in try kit.profile(of: bureau.id, asOf: decided)?.records ?? [] where confirmed.contains(item.id) {
        for (rule, measure) in kit.policy.jointMeasures(for: item.record, subjectKind: .agency) {
            measures.insert("\(rule.id): \(measure.department)\(measure.measure.chineseName)")
        }
    }
    for measure in measures.sorted() { out.append("measure \(measure)") }
    let honours = kit.check(bureau.id, for: .honours, on: decided)
    out.append("may the bureau be honoured on \(decided)? \(honours?.allowed == true ? "yes" : "no")")
    let newProjects = kit.check(bureau.id, for: .newGovernmentPayProjects, on: decided)
    out.append(
        "may the bureau start new government-pay projects on \(decided)? \(newProjects?.allowed == true ? "yes" : "no")"
    )
    // The officials in post when each failure happened answer for it: Zhang for the unpaid 2022 instalment, Li
    // for the 2024 cut.
    for (name, person) in [("张建国", zhang), ("李明", li)] {
        let answers = [CheckPurpose.appointmentPromotion, .honours].map { purpose in
            let check = kit.check(person.id, for: purpose, on: decided)
            return "\(purpose.chineseName) "
                + (check?.allowed == true
                    ? "allowed" : "no (\(check?.restrictions.map(\.rule.rawValue).joined(separator: ", ") ?? ""))")
        }
        out.append("\(name) on \(decided): " + answers.joined(separator: "; "))
    }

    // 7. The bureau's score: its PPP conduct explained, deduction by deduction.
    let card = try kit.evaluate(asOf: decided, agencies: [bureau.id])[0]
    if let conduct = card.indicators.first(where: { $0.indicator == "ppp.agency" }) {
        out.append(
            "PPP conduct \(ReportFormat.number(conduct.points)) of \(ReportFormat.number(conduct.weight))")
        for item in conduct.items { out.append("  \(ReportFormat.number(item.points)) \(item.reason)") }
        for improvement in conduct.improvements {
            out.append("  to regain \(ReportFormat.number(improvement.points)): \(improvement.action)")
        }
    }

    // 8. The bureau's credit file, with its PPP section.
    let report = try kit.creditFile(of: bureau.id, asOf: decided)
    try ReportRenderer.markdown(report).write(
        to: directory.appendingPathComponent("credit-file.md"), atomically: true, encoding: .utf8)
    try ReportRenderer.html(report).write(
        to: directory.appendingPathComponent("credit-file.html"), atomically: true, encoding: .utf8)
    out.append("wrote credit-file.md and credit-file.html to \(directory.path)")

    // 9. The county's PPP report: every project, the fiscal lines, who answers (`creditkit report --kind ppp`).
    let pppReport = try PPPReport.make(kit, asOf: decided)
    try ReportRenderer.markdown(pppReport).write(
        to: directory.appendingPathComponent("ppp-report.md"), atomically: true, encoding: .utf8)
    try ReportRenderer.html(pppReport).write(
        to: directory.appendingPathComponent("ppp-report.html"), atomically: true, encoding: .utf8)
    out.append(
        "PPP report: "
            + pppReport.keyFigures.map { "\($0.label.split(separator: " ").first!)=\($0.value)" }
            .joined(separator: " "))
    return out
}

let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("ppp-example")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for line in try await runPPPExample(writingTo: directory) { print(line) }
