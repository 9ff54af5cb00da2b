import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Ledger")
struct LedgerTests {
    @Test("the conformance suite passes for the in-memory store", arguments: LedgerStoreConformance.checks)
    func inMemoryConformance(check: LedgerStoreConformance.Check) async throws {
        try await check.run { InMemoryLedgerStore() }
    }

    @Test("the conformance suite passes for the SQLite store", arguments: LedgerStoreConformance.checks)
    func sqliteConformance(check: LedgerStoreConformance.Check) async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var n = 0
        try await check.run {
            n += 1
            return try SQLiteLedgerStore(path: dir.appendingPathComponent("l\(n).sqlite").path)
        }
    }

    @Test("a batch with one bad event leaves the SQLite store unchanged: count and head equal")
    func rejectedBatch() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2025-01-01"))
        let before = await kit.ledger.head
        var bad = Fixtures.record(subject: agency.id, decisionDate: date("2025-06-01"))
        bad.actDate = date("2025-07-01")
        await #expect {
            try await kit.ledger.append([
                RecordEntered(record: Fixtures.record(subject: agency.id, decisionDate: date("2025-05-01"))),
                RecordEntered(record: bad),
            ])
        } throws: { error in
            let e = error as? CreditKitError
            return e?.context["index"] == "1" && e!.message.contains("after decision date")
        }
        #expect(await kit.ledger.head == before)
        let report = try await kit.verify()
        #expect(report.entryCount == 1 && report.head == before)
        #expect(kit.view.recordCount == 0)
    }

    static func mutation(_ name: String) -> (inout CreditRecord) -> Void {
        switch name {
        case "no class": { $0.severity = nil }
        case "good with class": { $0.polarity = .good }
        case "commendation as dishonesty": { $0.basis = .commendation }
        case "negative amount": { $0.amount = -1 }
        case "no document": { $0.documentNumber = " " }
        case "no facts": { $0.facts = "" }
        case "future decision": { $0.decisionDate = today.adding(days: 1) }
        case "unknown official": { $0.responsibleOfficials = ["person:nobody"] }
        default: { $0.subject = "NOTREGISTERED" }
        }
    }

    @Test(
        "refuses records that are incomplete or inconsistent",
        arguments: [
            "no class", "good with class", "commendation as dishonesty", "negative amount", "no document", "no facts",
            "future decision", "unknown official", "unknown subject",
        ])
    func invalidRecords(name: String) async throws {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2025-01-01"))
        var record = Fixtures.record(subject: agency.id, decisionDate: date("2025-06-01"))
        LedgerTests.mutation(name)(&record)
        await #expect(throws: CreditKitError.self, "\(name)") { try await kit.enter(record) }
        #expect(await kit.ledger.head.sequence == 1)
    }

    @Test("register-if-absent writes once, skips the same subject, and refuses the same code with other details")
    func registerIfAbsent() async throws {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        let city = Fixtures.agency(index: 1, level: .city)
        #expect(try await kit.registerIfAbsent(city, on: date("2024-01-01")) != nil)
        let head = kit.view.head
        #expect(try await kit.registerIfAbsent(city, on: date("2024-01-01")) == nil)
        #expect(kit.view.head == head)
        var renamed = city
        renamed.name = "另一个名称"
        await #expect { try await kit.registerIfAbsent(renamed, on: date("2024-01-01")) } throws: {
            ($0 as? CreditKitError)?.code == .duplicate
        }
        let enterprise = Fixtures.enterprise(index: 4)
        #expect(try await kit.registerIfAbsent(enterprise, on: date("2024-01-01")) != nil)
        #expect(try await kit.registerIfAbsent(enterprise, on: date("2024-01-01")) == nil)
        #expect(kit.view.head.sequence == head.sequence + 1)
    }

    @Test(
        "attack: no field holds a control character or a bidirectional override; names are one line; an agency's code is the establishment authority's"
    )
    func textAttacks() async throws {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        let bureau = Fixtures.agency(index: 1)
        try await kit.register(bureau, on: date("2024-01-01"))
        let head = kit.view.head
        var record = Fixtures.record(subject: bureau.id, decisionDate: date("2025-03-01"))
        for bad in ["\u{1B}[31m红字", "金额\u{202E}0001", "删除\u{7F}", "C1\u{85}控制"] {
            record.facts = bad
            await #expect(throws: CreditKitError.self, "\(bad.unicodeScalars.map(\.value))") {
                try await kit.enter(record)
            }
        }
        record.facts = "第一行\n第二行\t（制表）"
        record.documentNumber = "秦环罚〔2025〕1号\n"
        await #expect(throws: CreditKitError.self) { try await kit.enter(record) }
        var named = Fixtures.agency(index: 2)
        named.name = "秦皇岛市\n某局"
        await #expect(throws: CreditKitError.self) { try await kit.register(named, on: date("2024-01-01")) }
        let business = Agency(
            creditCode: Fixtures.creditCode(index: 3, authority: "9"), name: "某局", level: .city, kind: .department,
            region: try RegionCode("130300"))
        await #expect(throws: CreditKitError.self) { try await kit.register(business, on: date("2024-01-01")) }
        var firm = Fixtures.enterprise(index: 4)
        firm.name = "某公司\u{2066}"
        await #expect(throws: CreditKitError.self) { try await kit.register(firm, on: date("2024-01-01")) }
        #expect(kit.view.head == head)
        // Line breaks and tabs in free text are let through.
        record.documentNumber = "秦环罚〔2025〕1号"
        _ = try await kit.enter(record)
        #expect(kit.view.head.sequence == head.sequence + 1)
    }

    @Test(
        "attack: facts that cannot be true are refused, writing nothing: dated after today, self-decided, a misnamed authority, before registration, fractions of a fen, an objection by another"
    )
    func impossibleFacts() async throws {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        let regulator = Fixtures.agency(index: 1)
        let bureau = Fixtures.agency(index: 2)
        let other = Fixtures.agency(index: 3)
        for a in [regulator, bureau, other] { try await kit.register(a, on: date("2024-01-01")) }
        func record(_ change: (inout CreditRecord) -> Void) -> CreditRecord {
            var r = Fixtures.record(subject: bureau.id, decisionDate: date("2025-03-01"))
            r.authority = Authority(name: regulator.name, creditCode: regulator.creditCode)
            r.amount = 50_000
            change(&r)
            return r
        }
        let good = try await kit.enter(record { _ in })
        let head = kit.view.head
        let bad: [(String, CreditRecord)] = [
            ("after today", record { $0.decisionDate = date("2026-11-24") }),
            ("self-decided", record { $0.subject = regulator.id }),
            ("misnamed", record { $0.authority.name = "另一机关" }),
            (
                "before registration",
                record {
                    $0.decisionDate = date("2023-12-31"); $0.actDate = date("2023-12-01")
                }
            ),
            ("a fraction of a fen", record { $0.amount = Decimal(string: "0.001") }),
            ("beyond any sum", record { $0.amount = Decimal(string: "1e18") }),
        ]
        for (what, r) in bad {
            await #expect(throws: CreditKitError.self, "\(what)") { try await kit.enter(r) }
        }
        // An objection is the record's subject's (or a responsible official's), never another body's.
        await #expect(throws: CreditKitError.self) {
            try await kit.fileObjection(good, on: date("2025-03-10"), by: other.id, grounds: "代为提出")
        }
        // Nor is a fact recorded before it happens: an objection dated tomorrow.
        await #expect(throws: CreditKitError.self) {
            try await kit.fileObjection(good, on: date("2026-11-24"), by: bureau.id, grounds: "事实有误")
        }
        #expect(kit.view.head == head)
        _ = try await kit.fileObjection(good, on: date("2026-11-23"), by: bureau.id, grounds: "事实有误")
    }

    @Test("refuses duplicates, unknown parents and tenures of unknown people")
    func registrationRules() async throws {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        let city = Fixtures.agency(index: 1, level: .city)
        try await kit.register(city, on: date("2024-01-01"))
        await #expect { try await kit.register(city, on: date("2024-01-01")) } throws: {
            ($0 as? CreditKitError)?.code == .duplicate
        }
        let orphan = Fixtures.agency(index: 2, parent: "NOPARENT")
        await #expect { try await kit.register(orphan, on: date("2024-01-01")) } throws: {
            ($0 as? CreditKitError)?.code == .unknownSubject
        }
        let tenure = Tenure(
            official: "person:ghost", agency: city.id, post: "局长", isPrincipal: true, start: date("2024-01-01"))
        await #expect { try await kit.startTenure(tenure) } throws: {
            ($0 as? CreditKitError)?.code == .unknownSubject
        }
        // A batch may register and refer to a subject in the same go.
        let county = Fixtures.agency(index: 3, parent: city.id)
        let entries = try await kit.ledger.append([
            AgencyRegistered(agency: county, on: date("2024-01-01")),
            RecordEntered(record: Fixtures.record(subject: county.id, decisionDate: date("2025-01-01"))),
        ])
        #expect(entries.map(\.sequence) == [2, 3])
    }

    @Test("editing a stored row through SQL is caught by verify at the right sequence number")
    func tamperingCaught() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        do {
            let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
            let agency = Fixtures.agency(index: 1)
            try await kit.register(agency, on: date("2025-01-01"))
            for day in 1...5 {
                try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-03-0\(day)")))
            }
            #expect(try await kit.verify().isValid)
        }
        // The triggers refuse edits inside SQLite itself.
        #expect(throws: CreditKitError.self) {
            try rawSQL(path, "UPDATE ledger SET payload = replace(payload, '50000', '5') WHERE seq = 4")
        }
        #expect(throws: CreditKitError.self) { try rawSQL(path, "DELETE FROM ledger WHERE seq = 6") }
        // Someone who drops the trigger can edit, but verify names the entry.
        try rawSQL(
            path,
            "DROP TRIGGER ledger_no_update; UPDATE ledger SET payload = CAST(replace(CAST(payload AS TEXT), '50000', '5') AS BLOB) WHERE seq = 4"
        )
        let report = try Ledger.verify(store: SQLiteLedgerStore(path: path))
        #expect(report.firstBrokenSequence == 4)
        #expect(report.entryCount == 3)
        #expect(report.problem?.contains("contents were changed") == true)
    }

    @Test("reopening a file restores every view and continues the chain")
    func reopen() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let agency = Fixtures.agency(index: 1)
        let firstHead: ChainHead
        do {
            let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
            try await kit.register(agency, on: date("2025-01-01"))
            try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-02-01")))
            firstHead = await kit.ledger.head
            // No close: the view must be rebuilt from the entries.
        }
        do {
            let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
            #expect(kit.ledger.restoration == .init(usedCheckpoint: false, replayedEntries: 2))
            #expect(await kit.ledger.head == firstHead)
            let third = try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-03-01")))
            #expect(third == 3)
            #expect(try kit.profile(of: agency.id)?.records.count == 2)
            try await kit.close()
        }
        do {
            let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
            #expect(kit.ledger.restoration == .init(usedCheckpoint: true, replayedEntries: 0))
            #expect(kit.view.recordCount == 2)
            let entries = try await kit.ledger.entries(from: 1, through: 3)
            #expect(entries[2].previousHash == entries[1].hash)
            let head = await kit.ledger.head
            #expect(try await kit.verify() == VerificationReport(entryCount: 3, head: head))
        }
    }

    @Test("a checkpoint older than the chain is used and the rest replayed; a foreign one is ignored, with a warning")
    func checkpointReplay() async throws {
        let key = Fixtures.keys.cacheKey
        let store = InMemoryLedgerStore()
        let ledger = try Ledger(store: store, clock: FixedClock.demo, cacheKey: key)
        let agency = Fixtures.agency(index: 1)
        try await ledger.append(AgencyRegistered(agency: agency, on: date("2025-01-01")))
        try await ledger.checkpoint()
        try await ledger.append(
            RecordEntered(record: Fixtures.record(subject: agency.id, decisionDate: date("2025-02-01"))))
        let reopened = try Ledger(store: store, clock: FixedClock.demo, cacheKey: key)
        #expect(reopened.restoration == .init(usedCheckpoint: true, replayedEntries: 1))
        #expect(reopened.snapshot.recordCount == 1)

        let other = InMemoryLedgerStore()
        let otherLedger = try Ledger(store: other, clock: FixedClock.demo, cacheKey: key)
        try await otherLedger.append(AgencyRegistered(agency: Fixtures.agency(index: 9), on: date("2025-01-01")))
        try await otherLedger.checkpoint()
        try store.saveCheckpoint(try other.loadCheckpoint()!)
        let guarded = try Ledger(store: store, clock: FixedClock.demo, cacheKey: key)
        #expect(guarded.restoration.usedCheckpoint == false)
        #expect(guarded.restoration.warning?.contains("claims head") == true)
        #expect(guarded.snapshot.subject(agency.id) != nil)
        // Without a key, no checkpoint is written or trusted.
        let keyless = try Ledger(store: store, clock: FixedClock.demo)
        #expect(keyless.restoration == .init(usedCheckpoint: false, replayedEntries: 2))
    }

    struct ForeignEvent: LedgerEvent {
        static let kind: EventKind = "procurement.payment.made"
        var on: LocalDate
        var effectiveDate: LocalDate { on }
        var subjects: [SubjectID] { [] }
    }

    @Test("an unknown kind on reopen is an error naming it")
    func unknownKind() async throws {
        let store = InMemoryLedgerStore()
        var registry = EventRegistry.core
        registry.register(ForeignEvent.self)
        let ledger = try Ledger(store: store, registry: registry, clock: FixedClock.demo)
        try await ledger.append(ForeignEvent(on: today))
        #expect {
            try Ledger(store: store, clock: FixedClock.demo)
        } throws: { error in
            (error as? CreditKitError)?.message.contains("procurement.payment.made") == true
        }
        await #expect(throws: CreditKitError.self) {
            try await Ledger(store: InMemoryLedgerStore(), clock: FixedClock.demo).append(ForeignEvent(on: today))
        }
    }

    @Test("views answer as of an effective date and as known at a recorded time")
    func twoTimes() async throws {
        let clock = SteppingClock(start: Timestamp(startOf: date("2025-01-01")))
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: clock)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2024-06-01"))
        clock.set(to: date("2025-03-10"))
        // Learned on 10 March: a judgment of 1 January.
        try await kit.enter(
            Fixtures.record(subject: agency.id, decisionDate: date("2025-01-01"), basis: .courtJudgment))
        clock.set(to: date("2025-04-10"))
        try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2025-04-01")))

        let march1 = Timestamp(startOf: date("2025-03-01"))
        #expect(try kit.profile(of: agency.id, asOf: date("2025-01-01"), knownAt: march1)?.records.count == 0)
        #expect(try kit.profile(of: agency.id, asOf: date("2025-01-01"))?.records.count == 1)
        #expect(try kit.profile(of: agency.id, asOf: date("2025-03-31"))?.records.count == 1)
        #expect(try kit.profile(of: agency.id, asOf: date("2025-04-01"))?.records.count == 2)
        #expect(try kit.profile(of: agency.id, asOf: date("2024-05-31")) == nil)
    }
}

@Suite("SQLite subject index")
struct SQLiteSubjectIndexTests {
    @Test("entries by subject are found before and after the bulk index write, and after reopening")
    func subjectIndex() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let agencies = (0..<10).map { Fixtures.agency(index: $0) }
        let total = 2_500
        do {
            let ledger = try Ledger(
                store: SQLiteLedgerStore(path: path, indexFlushThreshold: 1_000), clock: FixedClock.demo)
            try await ledger.append(agencies.map { AgencyRegistered(agency: $0, on: date("2024-01-01")) })
            var written = 10
            while written < total {
                let count = min(300, total - written)
                try await ledger.append(
                    (0..<count).map { i in
                        RecordEntered(
                            record: Fixtures.record(
                                subject: agencies[(written + i) % 10].id, decisionDate: date("2025-01-01")))
                    })
                written += count
            }
        }
        let store = try SQLiteLedgerStore(path: path, indexFlushThreshold: 1_000)
        let sequences = try store.sequences(concerning: agencies[3].id)
        // Its registration, then every tenth record.
        let recordsOfAgency3: Int = (10..<total).filter { $0 % 10 == 3 }.count
        #expect(sequences.count == 1 + recordsOfAgency3)
        try rawSQL(path, "SELECT 1")
        let indexed = try store.sequences(concerning: agencies[3].id)
        #expect(indexed == sequences)
        #expect(sequences == sequences.sorted())
        #expect(sequences.first == 4)
        #expect(try store.entries(sequences: [sequences.last!]).first?.subjects == [agencies[3].id])
    }
}

@Suite("Ledger batches")
struct LedgerBatchTests {
    struct Measured: LedgerEvent {
        static let kind: EventKind = "test.measured"
        var on: LocalDate
        var value: Double?
        var effectiveDate: LocalDate { on }
        var subjects: [SubjectID] { [] }
    }

    @Test("a large batch is hashed in parallel yet chains exactly as one event at a time")
    func parallelChain() async throws {
        var registry = EventRegistry.core
        registry.register(Measured.self)
        let big = try Ledger(store: InMemoryLedgerStore(), registry: registry, clock: FixedClock.demo)
        let small = try Ledger(store: InMemoryLedgerStore(), registry: registry, clock: FixedClock.demo)
        let events = (0..<700).map { Measured(on: today.adding(days: -$0), value: nil) }
        let together = try await big.append(events)
        var oneByOne: [LedgerEntry] = []
        for event in events { oneByOne.append(try await small.append(event)) }
        #expect(together == oneByOne)
        #expect(try await big.verify().isValid)
    }

    @Test("an event that cannot be encoded, deep in a large batch, is named and nothing is written")
    func encodingFailureInBatch() async throws {
        var registry = EventRegistry.core
        registry.register(Measured.self)
        let ledger = try Ledger(store: InMemoryLedgerStore(), registry: registry, clock: FixedClock.demo)
        var events = (0..<600).map { _ in Measured(on: today, value: nil) }
        events[457].value = 1.5
        await #expect {
            try await ledger.append(events)
        } throws: { error in
            let e = error as? CreditKitError
            return e?.code == .encoding && e?.context["index"] == "457"
        }
        #expect(await ledger.head == .empty)
    }
}
