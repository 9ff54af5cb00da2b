import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

func date(_ text: String) -> LocalDate { LocalDate(text)! }

/// The case kit over the toy grant sector (`GrantSector.swift`).
@Suite("Case events")
struct CaseEventTests {
    let agency = Fixtures.agency(index: 1)
    let other = Fixtures.agency(index: 2)
    let firm = Fixtures.enterprise(index: 3)

    func kit(clock: any LedgerClock = FixedClock.demo) async throws -> CreditKit {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [GrantModule()], clock: clock)
        try await kit.register(agency, on: date("2025-01-01"))
        try await kit.register(other, on: date("2025-01-01"))
        try await kit.register(firm, on: date("2025-01-01"))
        return kit
    }

    @Test("a fact is stored as one flat object: case, owner, day, then its own fields, and reads back the same")
    func flatBytes() throws {
        let event = CaseRef<Grant>("G-1", owner: agency.id).on(
            date("2025-03-01"), GrantPromised(amount: Decimal(string: "1200.50")!, recipient: "某村"))
        let bytes = try CanonicalEncoder().encode(event)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"grant":"G-1","agency":"\#(agency.id)","on":"2025-03-01","amount":1200.5,"recipient":"某村"}"#)
        let back = try JSONDecoder().decode(CaseEvent<GrantPromised>.self, from: Data(bytes))
        #expect(back == event && back.amount == Decimal(string: "1200.5")! && back.caseRef.id == "G-1")
        #expect(type(of: event).kind == "grant.promised" && event.effectiveDate == date("2025-03-01"))
        #expect(event.subjects == [agency.id])
    }

    @Test("the core refuses an unknown owner, an owner of another kind, a blank case, a negative amount")
    func commonValidation() async throws {
        let kit = try await kit()
        let head = kit.view.head
        let day = date("2025-03-01")
        let cases: [(any LedgerEvent, CreditKitError.Code, String)] = [
            (CaseRef<Grant>("G", owner: "91130300MA0NOTREG1").on(day, GrantPaid()), .unknownSubject, "agency"),
            (CaseRef<Grant>("G", owner: firm.id).on(day, GrantPaid()), .invalidEvent, "not an agency"),
            (CaseRef<Grant>("  ", owner: agency.id).on(day, GrantPaid()), .invalidEvent, "names its grant number"),
            (
                CaseRef<Grant>("G", owner: agency.id).on(day, GrantPromised(amount: -1, recipient: "x")),
                .invalidEvent, "grant G: the amount -1 is negative"
            ),
            (
                CaseRef<Grant>("G", owner: agency.id).on(day, GrantPromised(amount: 1, recipient: "")),
                .invalidEvent, "grant G: a grant names its recipient"
            ),
        ]
        for (event, code, message) in cases {
            let good = CaseRef<Grant>("OK", owner: agency.id).on(day, GrantPromised(amount: 1, recipient: "x"))
            do {
                try await kit.ledger.append([good, event])
                Issue.record("accepted \(event)")
            } catch let error as CreditKitError {
                #expect(error.code == code && error.message.contains(message), "\(error.message)")
            }
            #expect(kit.view.head == head, "a refused batch writes nothing")
        }
    }

    @Test("the fold: cases by owner in first-seen order, facts as of a day and as known at a time")
    func fold() async throws {
        let clock = SteppingClock(start: Timestamp(startOf: date("2025-03-10")))
        let kit = try await kit(clock: clock)
        let a = CaseRef<Grant>("A", owner: agency.id)
        let b = CaseRef<Grant>("B", owner: agency.id)
        let c = CaseRef<Grant>("A", owner: other.id)
        try await kit.ledger.append([
            b.on(date("2025-03-01"), GrantPromised(amount: 5, recipient: "x")),
            a.on(date("2025-03-02"), GrantPromised(amount: 7, recipient: "y")),
            c.on(date("2025-03-02"), GrantPromised(amount: 100, recipient: "z")),
            a.on(date("2025-03-10"), GrantPaid()),
        ])
        clock.set(to: date("2025-06-01"))
        let recorded = clock.now()
        clock.set(to: date("2025-06-02"))
        // A correction learned later: the grant was in fact paid on 5 March.
        try await kit.ledger.append([a.on(date("2025-03-05"), GrantPaid())])
        let view = kit.view

        let all = try kit.ledger.cases(Grant.self, view: view, owner: agency.id, asOf: date("2025-12-31"))
        #expect(all.map(\.id) == ["B", "A"] && all[1].amount == 7 && all[1].paid?.on == date("2025-03-10"))
        let early = try kit.ledger.cases(Grant.self, view: view, owner: agency.id, asOf: date("2025-03-09"))
        #expect(early[1].paid?.on == date("2025-03-05"), "a fact effective after the day is left out")
        let known = try kit.ledger.cases(
            Grant.self, view: view, owner: agency.id, asOf: date("2025-03-09"), knownAt: recorded)
        #expect(known[1].amount == 7 && known[1].paid == nil, "a fact recorded after the time is left out")
        let everyone = try kit.ledger.cases(Grant.self, view: view, asOf: date("2025-12-31"))
        let expected = [agency.id, other.id].sorted().flatMap { $0 == agency.id ? [b, a] : [c] }
        #expect(everyone.map(\.caseRef) == expected, "owners in the view's order, each one's cases as first seen")
        #expect(everyone.first { $0.owner == other.id }?.amount == 100, "another owner's case of the same number")
    }

    @Test("the conformance suite round-trips a module's samples and names a case fact without one")
    func conformance() async throws {
        try await SectorModuleConformance.check(GrantModule())
        struct Unsampled: SectorModule {
            var id: SectorID { "grant" }
            var name: LocalizedName { LocalizedName(chinese: "补助", english: "Grants") }
            var eventTypes: [any LedgerEvent.Type] { [CaseEvent<GrantPromised>.self, CaseEvent<GrantPaid>.self] }
            func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
                [CaseRef<Grant>("S-1", owner: subjects.agency).on(subjects.day, GrantPaid())]
            }
        }
        await #expect(throws: ConformanceFailure.self) { try await SectorModuleConformance.check(Unsampled()) }
        do {
            try await SectorModuleConformance.check(Unsampled())
        } catch let failure as ConformanceFailure {
            #expect(failure.message.contains("no sample of its case fact 'grant.promised'"))
        }
    }
}
