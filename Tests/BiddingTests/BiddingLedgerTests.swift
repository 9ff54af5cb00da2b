import Bidding
import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

/// Bidding facts through the ledger: tenders, the blacklist and the credit check, agencies, participants.
@Suite("Bidding facts in the ledger")
struct BiddingLedgerTests {
    let tenderer = Fixtures.agency(index: 21)
    let supervisor = Fixtures.agency(index: 22)
    let firm = Fixtures.enterprise(index: 31)
    let rival = Fixtures.enterprise(index: 32)
    let agency = Fixtures.enterprise(index: 33)

    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func kit() async throws -> CreditKit {
        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: [BiddingModule()], clock: FixedClock.demo)
        for a in [tenderer, supervisor] { try await kit.register(a, on: day("2020-01-01")) }
        for e in [firm, rival, agency] { try await kit.register(e, on: day("2020-01-01")) }
        return kit
    }

    func participant(_ e: Enterprise) -> Counterparty {
        Counterparty(name: e.name, identifier: e.id.rawValue, isSME: e.isSME)
    }

    /// A road tender of 12,000,000 yuan the law requires, run by an agency, with two bidders.
    func story(_ t: SubjectID) -> [any LedgerEvent] {
        let tender = BiddingProcess.project("ZB-2025-07", tenderer: t)
        return [
            tender.on(
                day("2025-03-01"),
                BiddingProjectRegistered(
                    name: "县道改造工程施工", agency: agency.id, openness: .open, category: .construction,
                    estimatedPrice: 12_000_000)),
            tender.on(
                day("2025-03-03"),
                BiddingDocumentsIssued(stage: .tender, saleEnds: day("2025-03-07"), deadline: day("2025-03-20"))),
            tender.on(
                day("2025-03-20"),
                BidsOpened(bids: [
                    OpenedBid(tenderer: participant(firm), price: 11_500_000),
                    OpenedBid(tenderer: participant(rival), price: 11_200_000, accepted: false),
                ])),
            tender.on(day("2025-03-20"), EvaluationPanelFormed(members: 5, experts: 4)),
            tender.on(
                day("2025-03-28"),
                BiddingAwardNoticed(winner: participant(firm), price: 11_500_000, winnerDeterminedOn: day("2025-03-28"))
            ),
            tender.on(
                day("2025-04-10"), ContractSigned(contract: "HT-07", supplier: participant(firm), amount: 11_500_000)),
            tender.on(
                day("2025-03-25"), BiddingComplaintFiled(complaint: "TS-01", by: rival.name, supervisor: supervisor.id)),
        ]
    }

    @Test("a tender read back and checked: 17 days to bid, two bidders, no report, a complaint never accepted")
    func tender() async throws {
        let kit = try await kit()
        try await kit.ledger.append(story(tenderer.id))
        let processes = try kit.ledger.cases(BiddingProcess.self, view: kit.view, asOf: day("2025-12-31"))
        try #require(processes.count == 1)
        #expect(
            try processes[0].isMandatory(profile: try BiddingRules().profile, on: day("2025-03-03"))
                && processes[0].bidders == 2)
        let found = try kit.runChecks(asOf: day("2025-12-31")).filter { $0.rule.rawValue.hasPrefix("bidding.") }
        #expect(
            Set(found.map(\.rule)) == [
                "bidding.tender.short-period", "bidding.tender.too-few-bidders", "bidding.report.late",
                "bidding.complaint.late-acceptance",
            ])
        #expect(found.first { $0.rule == "bidding.complaint.late-acceptance" }?.subject == supervisor.id)
        let stats = try TendererStatistics.of(tenderer.id, in: kit, asOf: day("2025-12-31"))
        #expect(stats.tenders == 1 && stats.mandatory == 1 && stats.obligations == 2 && stats.met == 1)
    }

    @Test("a wrong fact is refused and nothing is written")
    func refusals() async throws {
        let kit = try await kit()
        let head = kit.view.head
        let t = tenderer.id
        let x = BiddingProcess.project("X", tenderer: t)
        let bad: [[any LedgerEvent]] = [
            [
                x.on(
                    day("2025-03-10"),
                    BiddingDocumentsIssued(stage: .tender, saleEnds: day("2025-03-01"), deadline: day("2025-03-30")))
            ],
            [x.on(day("2025-03-01"), EvaluationPanelFormed(members: 5, experts: 6))],
            [
                x.on(
                    day("2025-03-01"),
                    BiddingProjectRegistered(
                        name: "n", agency: "91130300MA0NOTREG1", openness: .open, category: .goods, estimatedPrice: 1))
            ],
            [
                x.on(day("2025-03-01"), BiddingComplaintFiled(complaint: "T", by: "x", supervisor: firm.id))
            ],
            story(t) + [
                x.on(day("2025-03-01"), PaymentMade(contract: "C", amount: -1))
            ],
        ]
        for batch in bad {
            await #expect(throws: CreditKitError.self) { try await kit.ledger.append(batch) }
        }
        #expect(kit.view.head == head)
    }

    func collusion(_ on: String, years: Int = 2, doc: String = "冀建罚〔2025〕7号") -> BiddingBlacklist.Decision {
        BiddingBlacklist.Decision(
            enterprise: rival.id, ground: .collusion, term: .years(years), actDate: day(on).adding(days: -30),
            decidedOn: day(on), authority: Authority(name: "县住房和城乡建设局"), documentNumber: doc,
            facts: "与他人串通投标")
    }

    @Test("the blacklist: the credit check refuses tenders for the term decided, then allows them")
    func blacklist() async throws {
        let kit = try await kit()
        let entry = try await BiddingBlacklist.enter(collusion("2025-05-10"), in: kit)
        #expect(entry.from == day("2025-05-10") && entry.through == day("2027-05-09") && !entry.serious)
        let during = try #require(kit.check(rival.id, for: .tenderParticipation, on: day("2027-05-09")))
        #expect(!during.allowed && during.restrictions.first?.rule == "sanction.bidding.blacklist")
        #expect(during.restrictions.first?.until == day("2027-05-09"))
        #expect(kit.check(rival.id, for: .tenderParticipation, on: day("2027-05-10"))?.allowed == true)
        #expect(kit.check(rival.id, for: .tenderParticipation, on: day("2025-05-09"))?.allowed == true)
        #expect(kit.check(firm.id, for: .tenderParticipation, on: day("2026-01-01"))?.allowed == true)
        let table = try BiddingBlacklist.publication(in: kit, asOf: day("2026-01-01"))
        #expect(table.rows.count == 1 && table.rows[0][4] == "2025-05-10" && table.rows[0][5] == "2027-05-09")
        #expect(try BiddingBlacklist.publication(in: kit, asOf: day("2027-05-10")).rows.isEmpty)
    }

    @Test("an integrity file is a bidder's: an agency or an unregistered code is refused")
    func integrityOfWhom() async throws {
        let kit = try await kit()
        #expect(throws: CreditKitError.self) { try kit.bidding.integrityFile(of: tenderer.id, asOf: day("2025-12-31")) }
        #expect(throws: CreditKitError.self) {
            try kit.bidding.integrityFile(of: "91130300MA0NOTREG1", asOf: day("2025-12-31"))
        }
        #expect(try kit.bidding.integrityFile(of: firm.id, asOf: day("2025-12-31")).title.hasPrefix("诚信档案"))
    }

    @Test(
        "a term outside the ground's range is refused and writes nothing; a second collusion within 3 years is serious")
    func terms() async throws {
        let kit = try await kit()
        let head = kit.view.head
        await #expect(throws: CreditKitError.self) {
            try await BiddingBlacklist.enter(collusion("2025-05-10", years: 3), in: kit)
        }
        var short = collusion("2025-05-10")
        short.term = .months(11)
        await #expect(throws: CreditKitError.self) { try await BiddingBlacklist.enter(short, in: kit) }
        #expect(kit.view.head == head)
        // Serious non-performance: 2 to 5 years, both ends allowed, one year either side refused.
        var performance = collusion("2025-05-11")
        performance.ground = .seriousNonPerformance
        for (years, allowed) in [(1, false), (2, true), (5, true), (6, false)] {
            performance.term = .years(years)
            performance.documentNumber = "NP-\(years)"
            if allowed {
                #expect(
                    try await BiddingBlacklist.enter(performance, in: kit).through
                        == day("2025-05-10").adding(years: years))
            } else {
                await #expect(throws: CreditKitError.self) { try await BiddingBlacklist.enter(performance, in: kit) }
            }
        }
        var fraud = collusion("2025-05-10")
        fraud.ground = .fraud
        fraud.term = .years(3)
        #expect(try await BiddingBlacklist.enter(fraud, in: kit).serious == false)
        // A second collusion on the last day of the three-year window is serious; one a day later is not.
        try await BiddingBlacklist.enter(collusion("2022-06-01", years: 1, doc: "A1"), in: kit)
        let second = try await BiddingBlacklist.enter(collusion("2025-06-01", years: 1, doc: "A2"), in: kit)
        #expect(second.serious && second.repeats.count == 1)
        let other = try await self.kit()
        try await BiddingBlacklist.enter(collusion("2022-06-01", years: 1, doc: "B1"), in: other)
        let later = try await BiddingBlacklist.enter(collusion("2025-06-02", years: 1, doc: "B2"), in: other)
        #expect(!later.serious)
    }

    @Test("agencies: registration, supervision and the public view")
    func agencies() async throws {
        let kit = try await kit()
        try await kit.ledger.append([
            BiddingAgencyRegistered(
                agency: agency.id, registeredWith: "河北省公共资源交易平台", registrationNumber: "HB-DL-0088",
                scope: [.construction, .goods], qualification: "工程招标代理", on: day("2024-06-01")),
            BiddingAgencySupervised(
                agency: agency.id, by: "县发展和改革局", project: "ZB-2025-07", outcome: .corrected,
                summary: "招标文件发售期少于5日，责令改正", on: day("2025-04-01")),
        ])
        try await kit.ledger.append(story(tenderer.id))
        let profile = try #require(try BiddingAgencyRegistry.profile(of: agency.id, in: kit, asOf: day("2025-12-31")))
        #expect(profile.registration?.registrationNumber == "HB-DL-0088" && profile.supervisions.count == 1)
        #expect(profile.tendersRun == 1 && !profile.blacklisted)
        let view = try BiddingAgencyRegistry.publicView(in: kit, asOf: day("2025-12-31"))
        #expect(view.rows.count == 1 && view.rows[0][7] == "2025-04-01 责令改正")
        await #expect(throws: CreditKitError.self) {
            try await kit.ledger.append(
                BiddingAgencySupervised(
                    agency: tenderer.id, by: "x", outcome: .compliant, summary: "y", on: day("2025-04-01")))
        }
    }

    @Test("participants: scored over blacklist, conduct and reports; a good report brings the bid-bond reduction")
    func participants() async throws {
        let kit = try await kit()
        try await kit.ledger.append(story(tenderer.id))
        try await ParticipantEvaluation.importReport(
            ThirdPartyCreditReport(
                enterprise: firm.id, source: "某信用评价机构", reportNumber: "XY-2025-001", grade: "AA",
                issuedOn: day("2025-02-01"), validThrough: day("2026-01-31")), in: kit)
        let good = try ParticipantEvaluation.score(firm.id, in: kit, asOf: day("2025-12-31"))
        // Blacklist 40, conduct 30 (one bid, accepted), AA: 27.
        #expect(good.score == 97 && good.grade == "A")
        let check = try #require(kit.check(firm.id, for: .tenderParticipation, on: day("2025-12-31")))
        #expect(check.allowed && check.incentives.first?.incentive == .bidBondReduction)
        try await BiddingBlacklist.enter(collusion("2025-05-10"), in: kit)
        let bad = try ParticipantEvaluation.score(rival.id, in: kit, asOf: day("2025-12-31"))
        // Blacklist in force: 20 of 40; its one bid rejected: 0 of 30; no report: 15 of 30.
        #expect(bad.score == 35 && bad.grade == "D")
        let weighted = try ParticipantEvaluation.score(
            rival.id, in: kit, asOf: day("2025-12-31"),
            model: ParticipantEvaluation.model(blacklist: 60, conduct: 20, thirdParty: 20))
        #expect(weighted.score == 40)
        let file = try ParticipantEvaluation.integrityFile(of: rival.id, in: kit, asOf: day("2025-12-31"))
        #expect(file.keyFigures.contains { $0.label.hasPrefix("可否投标") && $0.value.hasPrefix("否") })
        #expect(file.tables.first { $0.name == "participant-blacklist" }?.rows.count == 1)
        #expect(file.tables.first { $0.name == "participant-bids" }?.rows.first?[2] == "否决")
        await #expect(throws: CreditKitError.self) {
            try await ParticipantEvaluation.importReport(
                ThirdPartyCreditReport(
                    enterprise: firm.id, source: "x", reportNumber: "y", grade: "A+", issuedOn: day("2025-02-01"),
                    validThrough: day("2026-01-31")), in: kit)
        }
    }
}
