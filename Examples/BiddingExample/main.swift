// BiddingExample: a county transport bureau tenders a 12-million-yuan road through a bidding agency. It gives
// bidders 17 days instead of 20, answers an objection a day late, seats a panel short of experts, files its report
// to the supervisor late, and pays the small contractor three weeks late. A rejected bidder turns out to have
// colluded and is blacklisted for two years. The example records the tender, runs the checks, enters the blacklist,
// asks the credit check who may bid, scores the bidders, and writes the colluder's integrity file and the bureau's
// credit file.
//
//   swift run BiddingExample            (writes ./bidding-example/)
import Bidding
import CreditKitCore
import Foundation

/// Runs the story; returns what it printed so the test suite can check it.
/// - Parameter directory: Where the files are written.
public func runBiddingExample(writingTo directory: URL) async throws -> [String] {
    var out: [String] = []
    let day = { (text: String) in LocalDate(text)! }
    let kit = try CreditKit(store: .inMemory, modules: [.bidding])

    // The bureau, the county's development and reform bureau (the supervisor), the agency and four contractors.
    let region = try RegionCode("130321")
    func code(_ authority: Character, _ category: Character, _ n: Int) throws -> UnifiedSocialCreditCode {
        try UnifiedSocialCreditCode(
            registrationAuthority: authority, category: category, region: region, organizationNumber: n)
    }
    let bureau = Agency(
        creditCode: try code("1", "1", 40_633_211), name: "青龙满族自治县交通运输局", level: .county, region: region)
    let supervisor = Agency(
        creditCode: try code("1", "1", 40_633_205), name: "青龙满族自治县发展和改革局", level: .county, region: region)
    let agency = Enterprise(
        creditCode: try code("9", "1", 60_521_117), name: "秦皇岛正信招标代理有限公司", roles: [.biddingAgency], isSME: true)
    let firms = [
        ("秦皇岛通达路桥工程有限公司", 60_521_301, true), ("河北恒基建设集团有限公司", 60_521_302, false),
        ("唐山宏远市政工程有限公司", 60_521_303, true),
    ].map { Enterprise(creditCode: try! code("9", "1", $0.1), name: $0.0, roles: [.bidder], isSME: $0.2) }
    for a in [bureau, supervisor] { try await kit.register(a, on: day("2024-01-01")) }
    for e in [agency] + firms { try await kit.register(e, on: day("2024-01-01")) }
    let bidder = { (e: Enterprise) in Counterparty(name: e.name, identifier: e.id.rawValue, isSME: e.isSME) }

    // The agency's registration and a supervision visit; two third-party credit reports.
    try await kit.ledger.append([
        BiddingAgencyRegistered(
            agency: agency.id, registeredWith: "河北省公共资源交易服务平台", registrationNumber: "HBZB-2023-0417",
            scope: [.construction, .goods], qualification: "工程建设项目招标代理", on: day("2024-03-01")),
        BiddingAgencySupervised(
            agency: agency.id, by: "青龙满族自治县发展和改革局", project: "QLJT-2025-01", outcome: .corrected,
            summary: "评标委员会专家比例不足，责令整改", on: day("2025-04-15")),
    ])
    try await ParticipantEvaluation.importReport(
        ThirdPartyCreditReport(
            enterprise: firms[0].id, source: "河北某信用评价有限公司", reportNumber: "HBXY-2025-0031", grade: "AA",
            issuedOn: day("2025-01-15"), validThrough: day("2026-01-14")), in: kit)
    try await ParticipantEvaluation.importReport(
        ThirdPartyCreditReport(
            enterprise: firms[2].id, source: "河北某信用评价有限公司", reportNumber: "HBXY-2025-0102", grade: "BBB",
            issuedOn: day("2025-02-10"), validThrough: day("2026-02-09")), in: kit)

    // The tender, fact by fact.
    let tender = kit.bidding.project("QLJT-2025-01", tenderer: bureau.id)
    try await kit.bidding.record([
        tender.on(
            day("2025-02-20"),
            BiddingProjectRegistered(
                name: "S252青龙段路面改造工程", agency: agency.id, openness: .open, category: .construction,
                estimatedPrice: 12_000_000)),
        tender.on(
            day("2025-03-03"),
            BiddingDocumentsIssued(stage: .tender, saleEnds: day("2025-03-07"), deadline: day("2025-03-20"))),
        tender.on(
            day("2025-03-10"), BiddingObjectionReceived(objection: "YY-01", by: firms[2].name)),
        tender.on(
            day("2025-03-14"), BiddingObjectionAnswered(objection: "YY-01")),
        tender.on(
            day("2025-03-18"), BondPosted(bond: .bid, supplier: bidder(firms[0]), amount: 200_000)),
        tender.on(
            day("2025-03-18"), BondPosted(bond: .bid, supplier: bidder(firms[1]), amount: 200_000)),
        tender.on(
            day("2025-03-19"), BondPosted(bond: .bid, supplier: bidder(firms[2]), amount: 200_000)),
        tender.on(
            day("2025-03-20"),
            BidsOpened(bids: [
                OpenedBid(tenderer: bidder(firms[0]), price: 11_380_000),
                OpenedBid(tenderer: bidder(firms[1]), price: 11_390_000, accepted: false),
                OpenedBid(tenderer: bidder(firms[2]), price: 11_650_000),
            ])),
        tender.on(
            day("2025-03-20"), EvaluationPanelFormed(members: 5, experts: 3)),
        tender.on(day("2025-03-24"), BiddingEvaluationReported()),
        tender.on(
            day("2025-03-26"),
            CandidatesPublicised(candidates: [bidder(firms[0]), bidder(firms[2])], through: day("2025-03-28"))),
        tender.on(
            day("2025-04-01"),
            BiddingAwardNoticed(winner: bidder(firms[0]), price: 11_380_000, winnerDeterminedOn: day("2025-04-01"))),
        tender.on(
            day("2025-04-03"),
            BiddingComplaintFiled(complaint: "TS-2025-03", by: firms[2].name, supervisor: supervisor.id)),
        tender.on(
            day("2025-04-08"),
            BiddingComplaintHandled(complaint: "TS-2025-03", supervisor: supervisor.id, step: .accepted)),
        tender.on(
            day("2025-05-16"),
            BiddingComplaintHandled(complaint: "TS-2025-03", supervisor: supervisor.id, step: .decided)),
        tender.on(
            day("2025-04-20"),
            ContractSigned(contract: "QLJT-HT-2025-01", supplier: bidder(firms[0]), amount: 11_380_000)),
        tender.on(day("2025-04-25"), BiddingReportFiled()),
        tender.on(day("2025-04-23"), BondRefunded(supplier: bidder(firms[0]))),
        tender.on(day("2025-04-23"), BondRefunded(supplier: bidder(firms[2]))),
        tender.on(
            day("2025-09-30"), ContractMilestoneReached(contract: "QLJT-HT-2025-01", milestone: .delivered)),
        tender.on(
            day("2025-11-20"), PaymentMade(contract: "QLJT-HT-2025-01", amount: 11_380_000)),
    ])

    // The checks at the end of the year.
    let yearEnd = day("2025-12-31")
    let findings = try kit.runChecks(asOf: yearEnd)
    for f in findings {
        out.append(
            "finding \(f.rule) [\(f.subject == bureau.id ? "bureau" : "supervisor")]: "
                + f.facts.filter {
                    ["days", "daysLate", "problems", "tenderer", "interestOwed", "state"].contains($0.name)
                }
                .map { "\($0.name)=\($0.value)" }.joined(separator: " "))
    }

    // The supervisor finds the rejected bidder colluded: two years off the list of those who may bid.
    let entry = try await kit.bidding.blacklist(
        BiddingBlacklist.Decision(
            enterprise: firms[1].id, ground: .collusion, term: .years(2), actDate: day("2025-03-18"),
            decidedOn: day("2025-06-10"), authority: Authority(name: "青龙满族自治县发展和改革局"),
            documentNumber: "青发改罚〔2025〕12号", facts: "与他人串通报价，查实后否决其投标"))
    out.append("blacklisted \(entry.name) from \(entry.from) through \(entry.through)")
    for (firm, date) in [(firms[1], "2026-03-01"), (firms[1], "2027-06-10"), (firms[0], "2025-12-31")] {
        let check = kit.check(firm.id, for: .tenderParticipation, on: day(date))
        out.append(
            "may \(firm.name) bid on \(date)? \(check?.allowed == true ? "yes" : "no")"
                + (check?.incentives.first.map { "; \($0.incentive?.chineseName ?? "")" } ?? ""))
    }
    let published = try BiddingBlacklist.publication(in: kit, asOf: day("2026-01-01"))
    out.append("blacklist published on 2026-01-01: \(published.rows.count) entry")

    // The bidders' credit: blacklist, conduct, third-party reports.
    for firm in firms {
        let card = try kit.bidding.score(firm.id, asOf: yearEnd)
        out.append("participant \(firm.name): \(ReportFormat.number(card.score)) (\(card.grade))")
    }

    // The agency's public record and the bureau's own score.
    let agencies = try BiddingAgencyRegistry.publicView(in: kit, asOf: yearEnd)
    out.append(
        "agencies published: \(agencies.rows.count); \(agencies.rows.first?[0] ?? "") ran \(agencies.rows.first?[5] ?? "0")"
    )
    let card = try kit.evaluate(asOf: yearEnd, agencies: [bureau.id])[0]
    if let tenderer = card.indicators.first(where: { $0.indicator == "bidding.tenderer" }) {
        out.append(
            "bureau score \(ReportFormat.number(card.score)); conduct as a tenderer "
                + "\(ReportFormat.number(tenderer.points)) of \(ReportFormat.number(tenderer.weight))")
    }

    // The files.
    let integrity = try kit.bidding.integrityFile(of: firms[1].id, asOf: yearEnd)
    try ReportRenderer.markdown(integrity).write(
        to: directory.appendingPathComponent("integrity-file.md"), atomically: true, encoding: .utf8)
    let file = try kit.creditFile(of: bureau.id, asOf: yearEnd)
    try ReportRenderer.html(file).write(
        to: directory.appendingPathComponent("credit-file.html"), atomically: true, encoding: .utf8)
    out.append("wrote integrity-file.md and credit-file.html to \(directory.path)")
    return out
}

let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bidding-example")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for line in try await runBiddingExample(writingTo: directory) { print(line) }
