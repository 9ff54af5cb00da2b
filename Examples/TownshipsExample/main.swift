// TownshipsExample: a county of twelve townships through 2025, and its integrity-township list.
//
// 清源县 (a county made up for the example) has eleven townships and one street office. Each publishes its public
// commitments for 2025. The street office promises residence certificates in 3 working days; a request made on
// Friday 24 January is completed on 6 February, one working day past the Spring Festival, with no public
// explanation. 柳林乡 oversees 柳林村, whose finances go unpublished for the second quarter. The county's natural
// resources bureau pushes 违法占地巡查处置 down to 北河镇, although the county took that matter back in 北河镇's duty
// lists. 南山镇 keeps 19 of its 20 commitments on time (95%, just at the line); 青石镇 18 of 19 (94.74%, just
// below); 松岭镇 leaves a founded 12345 complaint unresolved; 石门镇 has a serious dishonesty record in the year. As of
// 31 December the checks find the overrun, the missing publication and the pushed-down task, the county ranks its
// townships and the integrity-township list follows, criterion by criterion.
//
//   swift run TownshipsExample            (writes ./townships-example/)
import CreditKitCore
import Foundation
import Townships

/// Runs the story; returns what it printed so the test suite can check it.
/// - Parameter directory: Where the report and the board are written.
public func runTownshipsExample(writingTo directory: URL) async throws -> [String] {
    var out: [String] = []
    let day = { (text: String) in LocalDate(text)! }
    let kit = try CreditKit(store: .inMemory, modules: [.townships])
    let region = try RegionCode("130399")
    func agency(_ name: String, _ number: Int, _ level: AdministrativeLevel, _ kind: AgencyKind) throws -> Agency {
        Agency(
            creditCode: try UnifiedSocialCreditCode(
                registrationAuthority: "1", category: "1", region: region, organizationNumber: number),
            name: name, level: level, kind: kind, region: region)
    }
    let county = try agency("清源县人民政府", 60_100_010, .county, .government)
    let bureau = try agency("清源县自然资源局", 60_100_029, .county, .department)
    var townships: [String: Agency] = [:]
    for (i, name) in TownshipsStory.names.enumerated() {
        townships[name] = try agency(name, 60_200_010 + i * 8, .township, .government)
    }
    for a in [county, bureau] + TownshipsStory.names.map({ townships[$0]! }) {
        try await kit.register(a, on: day("2020-01-01"))
    }
    let id = { (name: String) in townships[name]!.id }

    // 1. Every township's catalogue: two commitments due in 2025, met on time; 南山镇 and 青石镇 have more.
    for name in TownshipsStory.names {
        let count = name == "南山镇" ? 20 : name == "青石镇" ? 19 : 2
        var facts: [any LedgerEvent] = []
        for i in 0..<count {
            facts.append(
                TownshipCommitment.item(CaseID(rawValue: "2025-\(i + 1)"), township: id(name)).on(
                    day("2025-01-06"),
                    TownshipCommitmentPublished(
                        TownshipsStory.areas[i % TownshipsStory.areas.count], promise: TownshipsStory.promise(i),
                        deadline: day(i % 2 == 0 ? "2025-06-30" : "2025-11-30"), office: "党政综合办公室")))
        }
        try await kit.townships.record(facts)
        for i in 0..<count {
            // 南山镇 and 青石镇 each meet one commitment a week late.
            let late = (name == "南山镇" || name == "青石镇") && i == 0
            try await kit.townships.assess(
                TownshipCommitment.item(CaseID(rawValue: "2025-\(i + 1)"), township: id(name)),
                on: late ? day("2025-07-07") : day(i % 2 == 0 ? "2025-06-20" : "2025-11-20"), met: true,
                evidence: "验收材料及群众评议")
        }
    }

    // 2. The street office's residence certificates: 3 working days, overrun over the Spring Festival.
    let street = id("东城街道办事处")
    let certificate = TownshipCommitment.item("FW-01", township: street)
    let request = ServiceCase.service("JZZM-2025-0124-07", township: street)
    try await kit.townships.record([
        certificate.on(
            day("2024-12-20"),
            TownshipCommitmentPublished(
                .housing, promise: "办理居住证明", promisedTime: .workingDays(3), office: "社区事务受理中心")),
        request.on(day("2025-01-24"), ServiceRequestReceived(item: "FW-01")),
        request.on(day("2025-02-06"), ServiceCaseStep(.completed)),
    ])
    let due = kit.profile.calendar.deadline(.workingDays(3), from: day("2025-01-24")).due
    out.append("residence certificate received 2025-01-24, due \(due), completed 2025-02-06")

    // 3. 柳林乡 oversees 柳林村: affairs every quarter, but no finance publication in the second quarter.
    let village = VillageAffairs.village("柳林村", township: id("柳林乡"))
    var publications: [any LedgerEvent] = [village.on(day("2025-01-01"), VillageRegistered(name: "柳林村"))]
    for (content, days) in [
        (VillagePublicationKind.affairs, ["2025-03-28", "2025-06-27", "2025-09-26", "2025-12-26"]),
        (.finance, ["2025-03-28", "2025-09-26", "2025-12-26"]),
    ] {
        for d in days { publications.append(village.on(day(d), VillagePublished(content))) }
    }
    try await kit.townships.record(publications)

    // 4. 北河镇's duty lists take 违法占地巡查处置 back; the natural resources bureau pushes it down anyway.
    let north = id("北河镇")
    try await kit.townships.record([
        DutyLists.edition("2025版", township: north).on(
            day("2025-03-01"),
            DutyListsPublished(items: [
                DutyItem("JB-012", "辖区安全生产巡查", .basic), DutyItem("PH-031", "配合开展耕地保护宣传", .cooperative),
                DutyItem("SH-007", "违法占地巡查处置", .takenBack),
            ])),
        AssignedTask.task("PZ-2025-018", township: north).on(
            day("2025-08-12"), TaskAssigned(assignedBy: bureau.id, title: "违法占地巡查处置", dutyCode: "SH-007")),
    ])

    // 5. 松岭镇: a founded 12345 complaint, still unresolved at the year's end.
    let order = WorkOrder.order("12345-2025-1108-0412", township: id("松岭镇"))
    try await kit.townships.record([
        order.on(day("2025-11-08"), WorkOrderReceived(area: .elderlyCare, summary: "敬老院冬季供暖不足")),
        order.on(day("2025-11-12"), WorkOrderStep(.founded, text: "经核实情况属实")),
    ])

    // 6. 石门镇: a serious dishonesty record decided in September.
    _ = try await kit.enter(
        CreditRecord(
            subject: id("石门镇"), polarity: .dishonesty, basis: .judgmentDefaulter, severity: .serious,
            actDate: day("2025-03-10"), decisionDate: day("2025-09-15"), authority: Authority(name: "清源县人民法院"),
            documentNumber: "（2025）冀0399执412号", legalBasis: [LegalCitation(document: "《中华人民共和国民事诉讼法》")],
            facts: "拒不履行生效判决确定的工程款给付义务。", amount: 860_000))

    // 7. What the checks find as of 31 December.
    let yearEnd = day("2025-12-31")
    for f in try kit.townships.findings(asOf: yearEnd) {
        let name = try kit.name(of: f.subject)
        out.append(
            "finding \(f.rule) \(name) "
                + f.facts.filter { ["service", "village", "period", "task", "list", "daysLate"].contains($0.name) }.map
            {
                "\($0.name)=\($0.value)"
            }.joined(separator: " "))
    }

    // 8. The county's ranking and the year's integrity-township list, each criterion explained.
    let ranking = try kit.townships.ranking(of: region, asOf: yearEnd)
    for place in ranking.places {
        out.append(
            "rank \(place.rank) \(place.name) \(ReportFormat.number(place.card.score)) "
                + (place.eligibility.eligible ? "诚信乡镇" : "不符合"))
    }
    out.append("integrity townships 2025: " + ranking.integrityTownships.map(\.name).joined(separator: "、"))
    for name in ["南山镇", "青石镇", "松岭镇", "石门镇"] {
        let e = ranking.places.first { $0.name == name }!.eligibility
        let failed = e.criteria.filter { !$0.met }.map { "\($0.title) \($0.value)" }
        let kept = e.criteria.first { $0.rule == TownshipsLaw.integrityCommitmentsKept.id }!
        out.append("\(name) kept \(kept.value): " + (failed.isEmpty ? "eligible" : failed.joined(separator: "; ")))
    }

    // 9. The report and the public board (`creditkit report --kind townships|townships-board`).
    let report = try TownshipReport.make(kit, asOf: yearEnd)
    try ReportRenderer.html(report).write(
        to: directory.appendingPathComponent("townships-report.html"), atomically: true, encoding: .utf8)
    out.append("report: " + report.keyFigures.map { "\($0.label)=\($0.value)" }.joined(separator: " "))
    let board = try TownshipBoard.make(kit, asOf: yearEnd)
    try ReportRenderer.html(board).write(
        to: directory.appendingPathComponent("townships-board.html"), atomically: true, encoding: .utf8)
    out.append("board: " + board.keyFigures.map { "\($0.label)=\($0.value)" }.joined(separator: " "))
    out.append("wrote townships-report.html and townships-board.html to \(directory.path)")
    return out
}

let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
    "townships-example")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for line in try await runTownshipsExample(writingTo: directory) { print(line) }
