import CreditKitTesting
import Foundation
import Testing

@testable import CreditKitCore

@Suite("Principals: who appended each entry, and who may do what")
struct PrincipalTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    /// A city with a credit office, a regulator that decides penalties and a bureau it penalises.
    struct City {
        let kit: CreditKit
        let office: Agency
        let regulator: Agency
        let bureau: Agency

        func principal(_ id: String, _ role: Principal.Role, _ unit: Agency?) throws -> Principal {
            try Principal(id, role: role, unit: unit?.creditCode)
        }
    }

    func city(store: CreditKit.StoreChoice = .inMemory, clock: any LedgerClock = FixedClock.demo) async throws -> City {
        let kit = try CreditKit(store: store, keys: Fixtures.keys, clock: clock)
        let office = Fixtures.agency(index: 1, level: .city)
        let regulator = Fixtures.agency(index: 2)
        let bureau = Fixtures.agency(index: 3)
        for a in [office, regulator, bureau] { try await kit.register(a, on: day("2020-01-01")) }
        return City(kit: kit, office: office, regulator: regulator, bureau: bureau)
    }

    func penalty(_ c: City, by authority: Agency, number: String = "秦环罚〔2026〕1号") -> CreditRecord {
        CreditRecord(
            subject: c.bureau.id, polarity: .dishonesty, basis: .administrativePenalty, severity: .ordinary,
            actDate: day("2026-01-05"), decisionDate: day("2026-02-02"),
            authority: Authority(name: authority.name, creditCode: authority.creditCode), documentNumber: number,
            legalBasis: [LegalCitation(document: "《中华人民共和国大气污染防治法》", article: "第九十九条")],
            facts: "超标排放大气污染物。", amount: 50_000,
            penalty: PenaltyDetails(violation: "超标排放大气污染物", kinds: [.fine], content: "罚款5万元"))
    }

    /// A city kept in a SQLite file in `folder`, and one penalty entered there by the regulator's operator.
    func penaltyInFile(_ folder: URL) async throws -> (City, String, Principal, CreditRecord.ID) {
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let c = try await city(store: .sqlite(path))
        let unit = try c.principal("op-0142", .reportingUnit, c.regulator)
        let id = try await c.kit.acting(as: unit).enter(penalty(c, by: c.regulator))
        return (c, path, unit, id)
    }

    @Test("a record entered by a reporting unit names it in every view: the entry, the store after reopening, verify")
    func recordNamesItsPrincipal() async throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (c, path, unit, id) = try await penaltyInFile(folder)
        let entry = try #require(try c.kit.ledger.read([id.entry]).first)
        #expect(entry.appendedBy == unit)
        // The registrations made without a principal name the system.
        #expect(try c.kit.ledger.read([LedgerEntry.ID(1)]).first?.appendedBy == .system)
        try await c.kit.ledger.close()
        let reopened = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        #expect(try reopened.ledger.read([id.entry]).first?.appendedBy == unit)
        #expect(try await reopened.verify().isValid)
    }

    @Test("a principal changed in the stored bytes breaks the chain: verify names the entry")
    func forgedPrincipal() async throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (c, path, _, id) = try await penaltyInFile(folder)
        try await c.kit.ledger.close()
        // Someone with the file in hand says the credit office entered it, or that nobody is recorded.
        for forged in [
            "'credit-office \(c.office.creditCode.rawValue) op-0001'", "NULL", "'reporting-unit - op-0142'",
        ] {
            try rawSQL(
                path,
                "DROP TRIGGER IF EXISTS ledger_no_update; UPDATE ledger SET principal = \(forged) WHERE seq = \(id.rawValue)"
            )
            let report = try Ledger.verify(store: try SQLiteLedgerStore(path: path))
            #expect(!report.isValid && report.firstBrokenSequence == id.rawValue, "\(forged)")
        }
    }

    @Test("an entry written before principals were recorded (no principal, the CKL1 bytes) still verifies")
    func entriesWithoutPrincipal() throws {
        let store = InMemoryLedgerStore()
        let hasher = EntryHasher()
        let payload = Array(#"{"x":1}"#.utf8)
        let hash = hasher.hash(
            sequence: 1, recordedAt: Timestamp(microseconds: 1), effectiveDate: day("2020-01-01"), kind: "t.k",
            version: 1, subjects: ["S"], payload: payload, principal: nil, previousHash: .zero)
        try store.append([
            LedgerEntry(
                sequence: 1, recordedAt: Timestamp(microseconds: 1), effectiveDate: day("2020-01-01"), kind: "t.k",
                version: 1, subjects: ["S"], payload: payload, previousHash: .zero, hash: hash)
        ])
        #expect(try Ledger.verify(store: store).isValid)
        // The same entry said to be the system's no longer matches its hash.
        let withPrincipal = hasher.hash(
            sequence: 1, recordedAt: Timestamp(microseconds: 1), effectiveDate: day("2020-01-01"), kind: "t.k",
            version: 1, subjects: ["S"], payload: payload, principal: Principal.system.canonicalText,
            previousHash: .zero)
        #expect(withPrincipal != hash)
    }

    @Test("a reporting unit naming a record or commitment that does not exist is told so, never 'out of scope'")
    func unknownTargetIsNoRefusal() async throws {
        let c = try await city()
        let bureauUnit = try c.principal("op-0200", .reportingUnit, c.bureau)
        let head = c.kit.view.head
        for event: any LedgerEvent in [
            SanctionRectified(record: CreditRecord.ID(9_999), on: day("2026-03-01"), summary: "已整改"),
            CommitmentEnded(commitment: Commitment.ID(9_999), on: day("2026-03-01"), outcome: .fulfilled),
        ] {
            do {
                try await c.kit.ledger.append([event], by: bureauUnit)
                Issue.record("\(type(of: event).kind) on an unknown target was written")
            } catch let error as CreditKitError {
                #expect(error.code == .invalidEvent, "\(type(of: event).kind): \(error)")
                #expect(error.message.contains("9999"), "the error names the missing id: \(error.message)")
            }
        }
        #expect(c.kit.view.head.sequence == head.sequence)
        #expect(c.kit.ledger.refusals.isEmpty, "a missing target is no refusal of the principal")
    }

    @Test("each role is refused what it may not do, with nothing written, and each refusal is counted")
    func refusals() async throws {
        let c = try await city()
        let recordID = try await c.kit.enter(penalty(c, by: c.regulator, number: "秦环罚〔2026〕9号"))
        let regulatorUnit = try c.principal("op-0142", .reportingUnit, c.regulator)
        let bureauUnit = try c.principal("op-0200", .reportingUnit, c.bureau)
        let unregistered = try Principal("op-0300", role: .reportingUnit, unit: Fixtures.creditCode(index: 77))
        let auditor = try c.principal("audit-01", .auditor, nil)
        let office = try c.principal("op-0001", .creditOffice, c.office)
        let head = c.kit.view.head
        let attempts: [(Principal, String, [any LedgerEvent])] = [
            // A reporting unit enters only what it decided.
            (bureauUnit, "a record another unit decided", [RecordEntered(record: penalty(c, by: c.regulator))]),
            (unregistered, "a unit that is not registered", [RecordEntered(record: penalty(c, by: c.regulator))]),
            // Registrations, decisions on findings, objections and publication are the credit office's.
            (
                regulatorUnit, "a registration",
                [AgencyRegistered(agency: Fixtures.agency(index: 9), on: day("2026-01-01"))]
            ),
            (
                regulatorUnit, "a publication",
                [RecordPublished(record: recordID, on: day("2026-02-05"), office: c.office.id, channel: "信用中国")]
            ),
            // A subject's own request only for itself.
            (
                regulatorUnit, "an objection to another's record",
                [ObjectionFiled(record: recordID, on: day("2026-02-06"), by: c.bureau.id, grounds: "事实有误")]
            ),
            // Auditors and the public write nothing.
            (auditor, "anything", [RecordEntered(record: penalty(c, by: c.regulator))]),
            (
                .anonymous, "anything",
                [ObjectionFiled(record: recordID, on: day("2026-02-06"), by: c.bureau.id, grounds: "x")]
            ),
        ]
        for (principal, what, events) in attempts {
            await #expect(throws: CreditKitError.self, "\(principal) may not append \(what)") {
                try await c.kit.acting(as: principal).append(events)
            }
            do {
                try await c.kit.ledger.append(events, by: principal)
                Issue.record("\(principal) appended \(what)")
            } catch let error as CreditKitError {
                #expect(error.code == .forbidden, "\(what): \(error)")
            }
        }
        #expect(c.kit.view.head.sequence == head.sequence)
        let counted = c.kit.ledger.refusals.values.reduce(0, +)
        #expect(counted == 2 * attempts.count)
        #expect(c.kit.ledger.refusals[RefusalTally(role: .auditor, kind: RecordEntered.kind)] == 2)

        // What each may do: the regulator enters its own decision; the bureau objects to its own record; the credit
        // office publishes.
        let own = try await c.kit.acting(as: regulatorUnit).enter(penalty(c, by: c.regulator, number: "秦环罚〔2026〕10号"))
        _ = try await c.kit.acting(as: bureauUnit).fileObjection(
            own, on: day("2026-02-06"), by: c.bureau.id, grounds: "认定事实有误")
        try await c.kit.acting(as: office).review(own, on: day("2026-02-03"), reviewer: "保密审查", outcome: .publishable)
        #expect(c.kit.view.head.sequence == head.sequence + 3)
    }

    @Test("only the credit office, auditors and systems read personal data; others see officials masked")
    func unmasking() async throws {
        let c = try await city()
        let official = try await c.kit.registerOfficial(
            residentID: try ResidentID("130321197305120011"), name: "张建国", on: day("2020-01-01"))
        let unit = try c.principal("op-0142", .reportingUnit, c.regulator)
        for role in [unit, .anonymous] {
            #expect { try c.kit.acting(as: role).personalData(of: official.id) } throws: {
                ($0 as? CreditKitError)?.code == .forbidden
            }
            #expect(try c.kit.acting(as: role).name(of: official.id).hasPrefix("公务人员"))
        }
        for role in [try c.principal("audit-01", .auditor, nil), try c.principal("op-1", .creditOffice, c.office)] {
            #expect(try c.kit.acting(as: role).personalData(of: official.id).name == "张建国")
        }
    }

    @Test("a principal's id is letters, digits and -_.@; a reporting unit and the credit office act for a unit")
    func principalShape() throws {
        #expect(throws: CreditKitError.self) { try Principal("", role: .system) }
        #expect(throws: CreditKitError.self) { try Principal("has space", role: .auditor) }
        #expect(throws: CreditKitError.self) { try Principal("张三", role: .auditor) }
        #expect(throws: CreditKitError.self) { try Principal("op-1", role: .reportingUnit) }
        #expect(throws: CreditKitError.self) { try Principal("op-1", role: .creditOffice) }
        let p = try Principal("op.1@unit", role: .reportingUnit, unit: Fixtures.creditCode(index: 3))
        #expect(Principal(canonicalText: p.canonicalText) == p)
        #expect(Principal(canonicalText: "reporting-unit - op-1") == nil)
        #expect(Principal(canonicalText: "judge - op-1") == nil)
    }

    @Test(
        "the audit trail names who entered, reviewed, published, objected and decided; a unit's records are reported in time or late"
    )
    func auditTrail() async throws {
        let clock = SteppingClock(start: Timestamp(startOf: day("2026-02-02")))
        let c = try await city(clock: clock)
        let (kit, office, regulator, bureau) = (c.kit, c.office, c.regulator, c.bureau)
        let unit = try c.principal("op-0142", .reportingUnit, regulator)
        let credit = try c.principal("op-0001", .creditOffice, office)
        let subject = try c.principal("op-0300", .reportingUnit, bureau)
        // Decided Monday 2 February 2026: 7 working days run to 11 February. One entered that day, one on the 12th.
        clock.set(to: day("2026-02-11"))
        let onTime = try await kit.acting(as: unit).enter(penalty(c, by: regulator, number: "秦环罚〔2026〕1号"))
        clock.set(to: day("2026-02-12"))
        let late = try await kit.acting(as: unit).enter(penalty(c, by: regulator, number: "秦环罚〔2026〕2号"))
        try await kit.acting(as: credit).review(onTime, on: day("2026-02-12"), reviewer: "保密审查", outcome: .publishable)
        try await kit.acting(as: credit).publish(onTime, on: day("2026-02-12"), office: office.id, channel: "信用中国")
        clock.set(to: day("2026-02-14"))
        let objection = try await kit.acting(as: subject).fileObjection(
            onTime, on: day("2026-02-13"), by: bureau.id, grounds: "处罚金额有误")
        try await kit.acting(as: credit).resolveObjection(
            objection, of: onTime, on: day("2026-02-14"), outcome: .upheld, office: office.id, reason: "经核查属实")

        let steps = try kit.audit(of: onTime)
        #expect(steps.map(\.by) == [unit, credit, credit, subject, credit])
        #expect(steps.first?.step.hasPrefix("录入") == true && steps.last?.step.contains("维持") == true)
        #expect(steps.map(\.entry) == steps.map(\.entry).sorted())
        let reporting = try kit.reporting(of: regulator.id, asOf: day("2026-03-01"))
        #expect(reporting.items.map(\.record) == [onTime, late] && reporting.onTime == 1)
        #expect(reporting.items[0].due == day("2026-02-11") && !reporting.items[1].onTime)
        #expect(reporting.items.allSatisfy { $0.by == unit })
        #expect(throws: CreditKitError.self) { try kit.audit(of: CreditRecord.ID(1)) }
    }
}
