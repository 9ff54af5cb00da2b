import CreditKitCore
import CreditKitTesting
import Foundation
import Procurement
import Testing

/// Procurement facts through the ledger: refused when wrong, read back as processes, checked, confirmed into
/// records that bring joint sanctions, scored and reported.
@Suite("Procurement facts in the ledger")
struct ProcurementLedgerTests {
    let purchaser = Fixtures.agency(index: 7)
    let sme = Counterparty(name: "秦皇岛小微科技有限公司", identifier: "91130300MA0XW00010", isSME: true)

    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func kit(_ store: InMemoryLedgerStore = InMemoryLedgerStore()) async throws -> CreditKit {
        let kit = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [ProcurementModule()], clock: FixedClock.demo)
        if kit.view.subject(purchaser.id) == nil { try await kit.register(purchaser, on: day("2025-01-02")) }
        return kit
    }

    /// An open tender: documents 3 March, deadline 24 March, result 1 April, signed 10 April, paid late.
    func story(_ p: SubjectID) -> [any LedgerEvent] {
        let project = ProcurementProcess.project("QHD-2025-001", purchaser: p)
        return [
            project.on(
                day("2025-03-01"),
                ProjectRegistered(name: "办公设备采购", method: .openTender, category: "goods", budget: 1_000_000)),
            project.on(day("2025-03-03"), TenderDocumentsIssued(bidDeadline: day("2025-03-24"))),
            project.on(day("2025-03-26"), EvaluationReported(bidders: 4)),
            project.on(day("2025-04-01"), ResultAnnounced(winnerConfirmedOn: day("2025-03-28"), suppliers: [sme])),
            project.on(
                day("2025-04-10"),
                ContractSigned(contract: "HT-001", supplier: sme, amount: 800_000, acceptanceDue: day("2025-06-30"))),
            project.on(day("2025-04-11"), ContractMilestoneReached(contract: "HT-001", milestone: .published)),
            project.on(day("2025-04-15"), ContractMilestoneReached(contract: "HT-001", milestone: .filed)),
            project.on(day("2025-06-02"), ContractMilestoneReached(contract: "HT-001", milestone: .delivered)),
            project.on(day("2025-06-20"), PaymentMade(contract: "HT-001", amount: 300_000)),
        ]
    }

    @Test("the facts read back as one complete process")
    func readBack() async throws {
        let kit = try await kit()
        try await kit.ledger.append(story(purchaser.id))
        let processes = try kit.ledger.cases(ProcurementProcess.self, view: kit.view, asOf: day("2026-01-01"))
        try #require(processes.count == 1)
        let p = processes[0]
        #expect(p.isComplete && p.method == .openTender && p.budget == 1_000_000 && p.bidders == 4)
        #expect(p.contracts.map(\.id) == ["HT-001"] && p.contracts[0].awardNotice == day("2025-04-01"))
        #expect(
            p.contracts[0].payments.map(\.amount) == [300_000]
                && p.contracts[0].deliveries.map(\.on) == [day("2025-06-02")])
        // Seen as of an earlier day, later facts are absent.
        let early = try kit.ledger.cases(ProcurementProcess.self, view: kit.view, asOf: day("2025-04-05"))
        #expect(early.first?.contracts.isEmpty == true)
    }

    @Test("the checks find the missed acceptance and the SME still owed money, with their evidence")
    func findings() async throws {
        let kit = try await kit()
        let entries = try await kit.ledger.append(story(purchaser.id))
        let found = try kit.runChecks(asOf: day("2025-07-10")).filter { $0.rule.rawValue.hasPrefix("procurement.") }
        #expect(Set(found.map(\.rule)) == ["procurement.acceptance.overdue", "procurement.payment.overdue-unpaid"])
        let unpaid = try #require(found.first { $0.rule == "procurement.payment.overdue-unpaid" })
        #expect(unpaid.fact("outstanding") == "500000" && unpaid.subject == purchaser.id)
        #expect(unpaid.date("due") == day("2025-07-02"))
        // Evidence: the project, the signing, the delivery and the payment.
        let sequences = entries.map(\.id)
        #expect(unpaid.evidence == [sequences[0], sequences[4], sequences[7], sequences[8]])
        // Before the payment period ends there is no payment finding.
        #expect(
            !(try kit.runChecks(asOf: day("2025-07-02"))).contains { $0.rule == "procurement.payment.overdue-unpaid" })
    }

    @Test("the desk: kit.procurement records one batch, reads projects, runs the procurement rules alone")
    func desk() async throws {
        let kit = try await kit()
        let p = purchaser.id
        let project = kit.procurement.project("QHD-2025-001", purchaser: p)
        #expect(project == ProcurementProcess.project("QHD-2025-001", purchaser: p))
        try await kit.procurement.record(
            story(p).map { try #require($0 as? any AnyCaseEvent<ProcurementProcess>) })
        let cases = try kit.procurement.cases(asOf: day("2026-01-01"))
        #expect(cases.map(\.id) == ["QHD-2025-001"] && cases[0].purchaser == p)
        let mine = try kit.procurement.findings(asOf: day("2025-07-10"))
        let all = try kit.runChecks(asOf: day("2025-07-10")).filter { $0.rule.rawValue.hasPrefix("procurement.") }
        #expect(mine == all && mine.count == 2)
        #expect(try kit.procurement.statistics(of: p, asOf: day("2025-07-10")).projects == 1)
        // A refused fact in the batch: nothing is written.
        let head = kit.view.head
        await #expect(throws: CreditKitError.self) {
            try await kit.procurement.record([
                project.on(day("2025-08-01"), PaymentMade(contract: "HT-001", amount: 1)),
                project.on(day("2025-08-02"), PaymentMade(contract: "HT-001", amount: -1)),
            ])
        }
        #expect(kit.view.head == head)
        // A kit without the module: a typed error naming it, and nothing written.
        let bare = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        try await bare.register(purchaser, on: day("2025-01-02"))
        let bareHead = bare.view.head
        do {
            try await bare.procurement.record([project.on(day("2025-03-01"), TenderClarified())])
            Issue.record("recorded without the module")
        } catch let error as CreditKitError {
            #expect(error.code == .invalidArgument && error.message.contains("no procurement module"))
        }
        #expect(bare.view.head == bareHead)
        #expect(throws: CreditKitError.self) { try bare.procurement.findings(asOf: day("2025-07-10")) }
    }

    @Test("a project is registered once: again in a later batch, twice in one batch, refused; another owner's may")
    func registeredOnce() async throws {
        let kit = try await kit()
        let p = purchaser.id
        try await kit.procurement.record([
            kit.procurement.project("P-1", purchaser: p).on(
                day("2025-03-01"), ProjectRegistered(name: "甲", method: .openTender, category: "goods", budget: 1))
        ])
        let head = kit.view.head
        let again = kit.procurement.project("P-1", purchaser: p).on(
            day("2025-04-01"), ProjectRegistered(name: "乙", method: .openTender, category: "goods", budget: 2))
        do {
            try await kit.procurement.record([again])
            Issue.record("registered P-1 twice")
        } catch let error as CreditKitError {
            #expect(
                error.code == .duplicate && error.message.contains("project P-1 of \(p) is already opened (entry #"))
        }
        let fresh = kit.procurement.project("P-2", purchaser: p).on(
            day("2025-04-01"), ProjectRegistered(name: "丙", method: .openTender, category: "goods", budget: 3))
        do {
            try await kit.procurement.record([fresh, fresh])
            Issue.record("registered P-2 twice in one batch")
        } catch let error as CreditKitError {
            #expect(error.code == .duplicate && error.message.contains("opened twice in this batch"))
        }
        #expect(kit.view.head == head)
        // A number that starts like another ("P-1" and "P-10") is another project.
        try await kit.procurement.record([
            kit.procurement.project("P-10", purchaser: p).on(
                day("2025-04-01"), ProjectRegistered(name: "丁", method: .openTender, category: "goods", budget: 4))
        ])
        #expect(try kit.procurement.cases(asOf: day("2026-01-01")).map(\.id) == ["P-1", "P-10"])
    }

    @Test("a confirmed finding becomes a procurement record with joint measures, and costs points")
    func confirmAndSanction() async throws {
        let kit = try await kit()
        try await kit.ledger.append(story(purchaser.id))
        let asOf = day("2025-07-10")
        let before = try kit.evaluate(asOf: asOf, agencies: [purchaser.id])[0]
        let indicator = try #require(before.indicators.first { $0.indicator == "procurement.purchaser" })
        // Obligations due: signing, publication, acceptance, SME payment; two missed.
        #expect(abs(indicator.points - indicator.weight / 2) < 1e-9 && indicator.items.count == 2)
        let unpaid = try #require(
            try kit.runChecks(asOf: asOf).first { $0.rule == "procurement.payment.overdue-unpaid" })
        let id = try await kit.confirm(
            unpaid, on: asOf, by: "市财政局", authority: Authority(name: "秦皇岛市财政局"),
            documentNumber: "秦财采〔2025〕1号")
        let record = try #require(try kit.profile(of: purchaser.id, asOf: asOf)?.records.first { $0.id == id })
        #expect(record.record.sector == "procurement" && record.record.severity == .ordinary)
        let measures = kit.policy.jointMeasures(for: record.record, subjectKind: .agency).map(\.rule.id)
        #expect(measures.contains("sanction.procurement.sme-arrears"))
        #expect(kit.check(purchaser.id, for: .honours, on: asOf)?.allowed == false)
        #expect(!(try kit.runChecks(asOf: asOf)).contains { $0.key == unpaid.key })
    }

    @Test("the purchaser section: rates, days to pay, what is overdue")
    func section() async throws {
        let kit = try await kit()
        try await kit.ledger.append(story(purchaser.id))
        let stats = try PurchaserStatistics.of(purchaser.id, in: kit, asOf: day("2025-07-10"))
        #expect(stats.contracts == 1 && stats.signingRate == 1 && stats.publicationRate == 1)
        #expect(stats.daysToPay == [18] && stats.p90DaysToPay == 18 && stats.overdueAmount == 500_000)
        // Eight days past 2 July on 500,000 yuan at 0.05% a day.
        #expect(stats.interestOwed == 2_000)
        let file = try kit.creditFile(of: purchaser.id, asOf: day("2025-07-10"))
        #expect(file.sections.contains { $0.title.hasPrefix("政府采购") })
    }

    @Test("a wrong fact is refused with a typed error and nothing is written")
    func refusals() async throws {
        let kit = try await kit()
        let head = kit.view.head
        let p = purchaser.id
        let x = ProcurementProcess.project("X", purchaser: p)
        let registered = x.on(
            day("2025-03-01"), ProjectRegistered(name: "n", method: .openTender, category: "goods", budget: 1))
        let bad: [[any LedgerEvent]] = [
            [registered, x.on(day("2025-03-10"), TenderDocumentsIssued(bidDeadline: day("2025-03-01")))],
            // A fact of a project never registered, and one dated before its registration.
            [x.on(day("2025-03-10"), ContractSigned(contract: "C", supplier: sme, amount: 1))],
            [registered, x.on(day("2025-02-28"), ContractSigned(contract: "C", supplier: sme, amount: 1))],
            [x.on(day("2025-03-10"), PaymentMade(contract: "C", amount: 0))],
            [
                ProcurementProcess.project(" ", purchaser: p).on(
                    day("2025-03-10"), PaymentMade(contract: "C", amount: 5))
            ],
            [
                x.on(day("2025-03-01"), ProjectRegistered(name: "n", method: .openTender, category: "food", budget: 1))
            ],
            [
                ProcurementProcess.project("X", purchaser: "91130300MA0NOTREG1").on(
                    day("2025-03-01"), ContractSigned(contract: "C", supplier: sme, amount: 1))
            ],
            // A good fact followed by a bad one: the whole batch is refused.
            story(p) + [
                x.on(day("2025-03-01"), BondPosted(bond: .performance, supplier: sme, amount: 1))
            ],
        ]
        for batch in bad {
            await #expect(throws: CreditKitError.self) { try await kit.ledger.append(batch) }
        }
        #expect(kit.view.head == head)
        do {
            try await kit.ledger.append(bad[0])
        } catch let error as CreditKitError {
            #expect(error.code == .invalidEvent && error.message.contains("before the documents"))
        }
        for (batch, message) in [(bad[1], "is not registered"), (bad[2], "before the case was opened on 2025-03-01")] {
            do {
                try await kit.ledger.append(batch)
                Issue.record("accepted \(batch)")
            } catch let error as CreditKitError {
                #expect(error.code == .invalidEvent && error.message.contains(message), "\(error.message)")
            }
        }
        // A supplier's credit code with a wrong check character is refused, not kept as some other identifier.
        let mistyped = Counterparty(name: "错码供应商", identifier: "91110000600037341X", isSME: true)
        do {
            try await kit.ledger.append([
                registered, x.on(day("2025-03-02"), ContractSigned(contract: "C", supplier: mistyped, amount: 1)),
            ])
            Issue.record("accepted a mistyped credit code")
        } catch let error as CreditKitError {
            #expect(error.code == .invalidCreditCode && error.message.contains("错码供应商"), "\(error.message)")
            #expect(error.message.contains("check character"), "\(error.message)")
        }
        // An O typed for a 0 is a mistyped code too, with or without the CN-USCC- prefix of open data.
        for typo in ["91130300MA0CHJ0O4A", "CN-USCC-91130300MA0CHJ0O4A"] {
            #expect(throws: CreditKitError.self, "\(typo)") {
                try Counterparty(name: "错码供应商", identifier: typo).validate()
            }
        }
        #expect(
            Counterparty(name: "供应商", identifier: "CN-USCC-91130300MA0CHJ004A").creditSubject == "91130300MA0CHJ004A")
        // An identifier of another form is kept as it is, and names no subject.
        #expect(Counterparty(name: "外方", identifier: "AM-1234").creditSubject == nil)
        #expect(throws: Never.self) { try Counterparty(name: "外方", identifier: "AM-1234").validate() }
        #expect(kit.view.head == head)
        // Registered in one batch, its facts in the next, on the day of the registration: accepted.
        try await kit.ledger.append([registered])
        try await kit.ledger.append([x.on(day("2025-03-01"), ContractSigned(contract: "C", supplier: sme, amount: 1))])
        // What the case makes impossible, whether its facts are in the ledger or earlier in the batch.
        let signedAgain = x.on(day("2025-03-05"), ContractSigned(contract: "C", supplier: sme, amount: 2))
        let impossible: [([any LedgerEvent], String)] = [
            ([signedAgain], "contract C is signed already, on 2025-03-01"),
            ([x.on(day("2025-03-05"), PaymentMade(contract: "D", amount: 1))], "contract D, which was never signed"),
            (
                [
                    x.on(day("2025-03-02"), ContractSigned(contract: "E", supplier: sme, amount: 5)),
                    x.on(day("2025-03-06"), ContractSigned(contract: "E", supplier: sme, amount: 6)),
                ], "contract E is signed already, on 2025-03-02"
            ),
            (
                [
                    x.on(day("2025-03-04"), ContractSigned(contract: "F", supplier: sme, amount: 5)),
                    x.on(day("2025-03-03"), ContractMilestoneReached(contract: "F", milestone: .delivered)),
                ], "before contract F was signed on 2025-03-04"
            ),
        ]
        let before = kit.view.head
        for (batch, message) in impossible {
            do {
                try await kit.ledger.append(batch)
                Issue.record("accepted \(message)")
            } catch let error as CreditKitError {
                #expect(error.code == .invalidEvent && error.message.contains(message), "\(error.message)")
            }
        }
        #expect(kit.view.head == before)
        // A payment on the day of the signing, and a later one, are accepted.
        try await kit.ledger.append([
            x.on(day("2025-03-01"), PaymentMade(contract: "C", amount: 1)),
            x.on(day("2025-03-09"), PaymentMade(contract: "C", amount: 1)),
        ])
    }

    @Test("the facts survive a reopen, and the checks find the same")
    func reopen() async throws {
        let store = InMemoryLedgerStore()
        let first = try await kit(store)
        try await first.ledger.append(story(purchaser.id))
        let before = try first.runChecks(asOf: day("2025-07-10"))
        let again = try await kit(store)
        #expect(try again.runChecks(asOf: day("2025-07-10")) == before)
    }
}
