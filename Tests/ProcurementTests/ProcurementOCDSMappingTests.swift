import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Procurement
import Testing

/// What each OCDS field becomes, and the import into the ledger.
@Suite("Procurement over OCDS: mapping and import")
struct ProcurementOCDSMappingTests {
    static let line = """
        {"ocid":"ocds-map-1","date":"2025-05-20T10:00:00Z","buyer":{"id":"CN-BUYER-1","name":"某县财政局"},\
        "parties":[{"id":"S1","name":"小微公司","roles":["supplier"],"details":{"scale":"micro"}}],\
        "tender":{"title":"办公家具","status":"complete","procurementMethod":"limited",\
        "procurementMethodDetails":"竞争性磋商","mainProcurementCategory":"goods","numberOfTenderers":2,\
        "value":{"amount":"500000","currency":"CNY"},\
        "tenderPeriod":{"startDate":"2025-03-01T09:00:00+08:00","endDate":"2025-03-10T09:00:00+08:00"},\
        "documents":[{"documentType":"Clarifications","datePublished":"2025-03-05"}]},\
        "awards":[{"id":"A1","date":"2025-03-20","status":"active","suppliers":[{"id":"S1"}],\
        "documents":[{"documentType":"awardNotice","datePublished":"2025-03-25"}]}],\
        "contracts":[{"id":"C1","awardID":"A1","dateSigned":"2025-04-01","value":{"amount":400000},\
        "documents":[{"documentType":"contractSigned","datePublished":"2025-04-07"}],\
        "milestones":[{"type":"delivery","status":"met","dateMet":"2025-04-10"}],\
        "implementation":{"transactions":[{"date":"2025-05-20","value":{"amount":400000}},{"value":{"amount":1}}]}}]}
        """

    func release() throws -> OCDSRelease {
        var out: [OCDSRelease] = []
        _ = try OCDSReader.read(data: Data(Self.line.utf8)) { out.append($0) }
        return try #require(out.first)
    }

    @Test("every field the rules read, and the findings they give")
    func mapping() throws {
        let p = ProcurementProcess(release: try release())
        #expect(p.method == .competitiveConsultation && p.budget == 500_000 && p.bidders == 2 && !p.isComplete)
        #expect(p.documentsIssued?.on == LocalDate("2025-03-01") && p.bidDeadline == LocalDate("2025-03-10"))
        #expect(p.clarifications.map(\.on) == [LocalDate("2025-03-05")!])
        #expect(p.winnerConfirmed?.on == LocalDate("2025-03-20") && p.resultAnnounced?.on == LocalDate("2025-03-25"))
        let c = try #require(p.contracts.first)
        #expect(c.awardNotice == LocalDate("2025-03-25") && c.published?.on == LocalDate("2025-04-07"))
        #expect(c.paysAnSME && c.deliveries.map(\.on) == [LocalDate("2025-04-10")!] && c.payments.count == 2)
        let found = Set(try ProcurementOCDSChecks().check(try release(), asOf: LocalDate("2026-01-01")!).map(\.rule))
        // Consultation: 9 days < 10. Result notice: 20 → 25 March is 3 working days > 2. Contract published
        // 1 → 7 April: 4 working days (4-6 April Qingming) > 2. Paid 20 May, 40 days after delivery > 30.
        // Too few bidders and clarification bind tenders only.
        #expect(
            found == [
                "procurement.tender.short-period.consultation", "procurement.result.late-notice",
                "procurement.contract.late-publication", "procurement.payment.late-sme",
            ])
    }

    @Test("the Chinese methods are read from procurementMethodDetails, in Chinese or English")
    func methods() {
        func method(_ m: String?, _ details: String?) -> ProcurementMethod {
            var t = OCDSRelease.Tender()
            t.procurementMethod = m
            t.procurementMethodDetails = details
            return .of(t)
        }
        #expect(method("limited", "竞争性谈判") == .competitiveNegotiation)
        #expect(method("limited", "Request for Quotation") == .requestForQuotation)
        #expect(method("direct", "单一来源采购") == .singleSource)
        #expect(method("selective", "FA (Framework Agreement)") == .frameworkAgreement)
        #expect(method("open", nil) == .openTender && method("selective", "") == .invitedTender)
        #expect(method("limited", nil) == .other)
    }

    /// A kit with procurement and one registered agency, for the import tests.
    func importKit() async throws -> (CreditKit, Agency) {
        let agency = Fixtures.agency(index: 3)
        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: [ProcurementModule()], clock: FixedClock.demo)
        try await kit.register(agency, on: LocalDate("2025-01-01")!)
        return (kit, agency)
    }

    @Test("import: what the ledger would refuse is left out and counted, and the rest is written")
    func importLeavesOutWhatCannotBe() async throws {
        let (kit, agency) = try await importKit()
        // A supplier's code with a wrong check character, a payment and a delivery before the signing, and the same
        // contract number signed twice.
        let bad = Self.line
            .replacingOccurrences(of: #""id":"S1","name""#, with: #""id":"91110000600037341X","name""#)
            .replacingOccurrences(
                of: #""suppliers":[{"id":"S1"}]"#, with: #""suppliers":[{"id":"91110000600037341X"}]"#
            )
            .replacingOccurrences(of: #""dateMet":"2025-04-10""#, with: #""dateMet":"2025-03-30""#)
            .replacingOccurrences(
                of: #"{"date":"2025-05-20","value":{"amount":400000}}"#,
                with: #"{"date":"2025-03-31","value":{"amount":400000}}"#
            )
            .replacingOccurrences(
                of: #"{"value":{"amount":1}}]}}]}"#,
                with: #"{"value":{"amount":1}}]}},{"id":"C1","awardID":"A1","dateSigned":"2025-04-02"}]}"#)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-import-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((bad + "\n").utf8).write(to: file)
        let summary = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-BUYER-1": agency.id])
        // Left out: the delivery and two payments (one before the signing, one without a date) and the second signing
        // of C1; the supplier's code, in the result and on the contract, is dropped and counted apart, once.
        #expect(summary.cases == ["procurement": 1] && summary.inconsistentFacts == 4, "\(summary.inconsistentFacts)")
        #expect(summary.invalidCreditCodes == 1)
        let process = try #require(
            try kit.ledger.cases(ProcurementProcess.self, view: kit.view, asOf: LocalDate("2026-01-01")!).first)
        let contract = try #require(process.contracts.first)
        #expect(process.contracts.count == 1 && contract.signed?.on == LocalDate("2025-04-01"))
        #expect(contract.payments.isEmpty && contract.deliveries.isEmpty && contract.published != nil)
        #expect(contract.suppliers.first?.identifier == nil && contract.suppliers.first?.name == "小微公司")
    }

    @Test("import: a project opens on its earliest fact; a blank ocid and an unsigned contract's payments are counted")
    func importEarliestAndBlanks() async throws {
        let (kit, agency) = try await importKit()
        // Signed on 1 April, though the tender period (the release's first date) starts on 1 May; the supplier's
        // code carries the CN-USCC- prefix open data writes.
        let early = Self.line
            .replacingOccurrences(of: "2025-03-01T09:00:00+08:00", with: "2025-05-01T09:00:00+08:00")
            .replacingOccurrences(of: "2025-03-10T09:00:00+08:00", with: "2025-05-10T09:00:00+08:00")
            .replacingOccurrences(of: #""id":"S1","name""#, with: #""id":"CN-USCC-91130300MA0CHJ004A","name""#)
            .replacingOccurrences(
                of: #""suppliers":[{"id":"S1"}]"#, with: #""suppliers":[{"id":"CN-USCC-91130300MA0CHJ004A"}]"#)
        let blank = Self.line.replacingOccurrences(of: "ocds-map-1", with: " ")
        let unsigned = Self.line.replacingOccurrences(of: "ocds-map-1", with: "ocds-map-2")
            .replacingOccurrences(of: #""dateSigned":"2025-04-01","#, with: "")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-import-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data([early, blank, unsigned].joined(separator: "\n").utf8).write(to: file)
        let summary = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-BUYER-1": agency.id])
        #expect(summary.cases == ["procurement": 2] && summary.releases == 3)
        // The blank ocid; the unsigned contract's publication, delivery and two payments; the payment without a
        // date on the signed one.
        #expect(summary.inconsistentFacts == 6, "\(summary.inconsistentFacts)")
        let projects = try kit.ledger.cases(ProcurementProcess.self, view: kit.view, asOf: LocalDate("2026-01-01")!)
        let signed = try #require(projects.first { $0.id == "ocds-map-1" })
        // Facts before the tender period (the award, the result, the signing) are in, with the period itself.
        #expect(signed.contracts.first?.signed?.on == LocalDate("2025-04-01"))
        #expect(signed.documentsIssued?.on == LocalDate("2025-05-01"))
        // The supplier's code, behind its prefix, names the enterprise: the contract is indexed under it.
        let firm = SubjectID("91130300MA0CHJ004A")
        #expect(
            try kit.ledger.read(concerning: firm, through: kit.view).map(\.kind.rawValue).contains(
                "procurement.contract.signed"))
    }

    @Test("import: the buyer's agency, one batch, nothing twice, unknown buyers counted")
    func importing() async throws {
        let (kit, agency) = try await importKit()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-import-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((Self.line + "\n" + Self.line.replacingOccurrences(of: "CN-BUYER-1", with: "OTHER") + "\n").utf8)
            .write(to: file)
        let first = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-BUYER-1": agency.id])
        #expect(first.cases == ["procurement": 1] && first.unmatchedBuyers == ["OTHER": 1])
        #expect(first.inconsistentFacts == 1 && first.releases == 2 && first.otherLaw == 0)
        let head = kit.view.head
        let second = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-BUYER-1": agency.id])
        #expect(second.cases.isEmpty && second.alreadyThere == 1 && kit.view.head == head)
        // The ledger path finds what the OCDS path finds, now against the registered agency.
        let fromLedger = try kit.runChecks(asOf: LocalDate("2026-01-01")!).filter { $0.subject == agency.id }
        #expect(
            Set(fromLedger.map(\.rule))
                == Set(try ProcurementOCDSChecks().check(try release(), asOf: LocalDate("2026-01-01")!).map(\.rule)))
        await #expect(throws: CreditKitError.self) {
            try await OCDSImport.run(path: file.path, into: kit, buyers: ["X": "91130300MA0NOTREG1"])
        }
        // A file with a line that does not read is refused whole: its other lines may be cut or garbled too.
        let garbled = FileManager.default.temporaryDirectory.appendingPathComponent("ck-garbled-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: garbled) }
        try Data((Self.line.replacingOccurrences(of: "ocds-map-1", with: "ocds-map-9") + "\n{\"ocid\": \n").utf8)
            .write(to: garbled)
        let before = kit.view.head
        do {
            _ = try await OCDSImport.run(path: garbled.path, into: kit, buyers: ["CN-BUYER-1": agency.id])
            Issue.record("imported a file with a malformed line")
        } catch let error as CreditKitError {
            #expect(error.code == .decoding && error.message.contains("line 2") && error.message.contains("nothing"))
        }
        #expect(kit.view.head == before)
    }
}
