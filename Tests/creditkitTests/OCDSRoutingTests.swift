import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Testing

@testable import creditkit

@Suite("OCDS import with every module")
struct OCDSRoutingTests {
    @Test("a PPP's release of services is imported as a procurement case and as a PPP project, as ocds check reads it")
    func pppAndProcurement() async throws {
        let line =
            #"{"ocid":"ocds-ppp-svc-1","buyer":{"id":"CN-QL-ZJ"},"tender":{"title":"县城供热特许经营","mainProcurementCategory":"services","procurementMethodDetails":"竞争性磋商","tenderPeriod":{"startDate":"2024-03-01","endDate":"2024-03-15"}},"parties":[{"id":"P1","name":"青龙热力有限公司","roles":["supplier"]}],"awards":[{"id":"A1","date":"2024-04-20","suppliers":[{"id":"P1"}]}],"contracts":[{"id":"C1","awardID":"A1","dateSigned":"2024-06-10","period":{"startDate":"2024-07-01","endDate":"2064-07-01"},"implementation":{"charges":[{"paidBy":"government"}]}}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-route-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(line.utf8).write(to: file)
        let asOf = LocalDate("2024-12-31")!
        let checked = try OCDSRun.check(path: file.path, modules: allSectorModules, asOf: asOf).findings
            .map(\.rule.rawValue).filter { $0.hasPrefix("ppp.") }
        #expect(checked == ["ppp.mechanism.government-pay", "ppp.concession.term-exceeded"])
        // The CLI's table names each PPP finding's process and the day the rule was broken, not the day looked at.
        let (all, report) = try OCDSRun.check(path: file.path, modules: allSectorModules, asOf: asOf)
        let csv = OCDSCommand.render(
            all.filter { $0.rule.rawValue.hasPrefix("ppp.") }, report: report, asOf: asOf, format: "csv")
        #expect(csv.contains("ppp.mechanism.government-pay,ocds-ppp-svc-1,") && csv.contains(",2024-06-10,"))
        #expect(!csv.contains(",2024-12-31,"))

        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: allSectorModules, clock: FixedClock.demo)
        let bureau = Fixtures.agency(index: 1)
        try await kit.register(bureau, on: LocalDate("2020-01-01")!)
        let summary = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-QL-ZJ": bureau.id])
        #expect(summary.cases == ["procurement": 1, "ppp": 1])
        let found = try kit.runChecks(asOf: asOf).map(\.rule.rawValue).filter { $0.hasPrefix("ppp.") }
        #expect(found == checked)
        // Importing again adds nothing.
        let again = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-QL-ZJ": bureau.id])
        #expect(again.cases.isEmpty && again.alreadyThere == 2)
    }

    @Test(
        "attack: --notes never overwrites (a ledger, the input, a link); red flags ignore releases after the day; md escapes markup and labels each finding by its own module"
    )
    func checkOutputs() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-notes-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // One single-bid process of 2016 by a buyer named with markup, signed late (a procurement contract), and
        // a release with a bad field so there is a note.
        let line =
            #"{"ocid":"ocds-x-1","date":"2016-05-01","buyer":{"id":"B1","name":"<script>alert(1)</script>"},"tender":{"procurementMethod":"open","numberOfTenderers":1,"mainProcurementCategory":"goods","tenderPeriod":{"startDate":"2016-01-04","endDate":"2016-02-10"}},"awards":[{"id":"A1","date":"2016-02-20","status":"active","suppliers":[{"id":"S1"}]}],"parties":[{"id":"S1","name":"某公司","roles":["supplier"]}],"contracts":[{"id":"C-9","awardID":"A1","dateSigned":"2016-04-30"}]}"#
        let input = folder.appendingPathComponent("in.jsonl")
        try Data((line + "\n").utf8).write(to: input)
        let ledger = folder.appendingPathComponent("ledger.sqlite")
        try Data("a ledger".utf8).write(to: ledger)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("link.csv"), withDestinationURL: ledger)
        for target in [ledger.path, input.path, folder.appendingPathComponent("link.csv").path] {
            var parser = ArgumentParser(
                ["check", input.path, "--as-of", "2016-12-31", "--notes", target], command: OCDSCommand.self)
            await #expect(throws: CLIError.self) { try await OCDSCommand.run(&parser) }
        }
        #expect(try String(contentsOf: ledger, encoding: .utf8) == "a ledger")
        #expect(try String(contentsOf: input, encoding: .utf8) == line + "\n")
        let notes = folder.appendingPathComponent("notes.csv")
        try OCDSCommand.writeNew(notes.path, "\u{FEFF}line,field,message\r\n")
        #expect(FileManager.default.fileExists(atPath: notes.path))
        #expect(throws: CLIError.self) { try OCDSCommand.writeNew(notes.path, "again") }

        // Looked at on 2016-12-31 the process is flagged; looked at before its release it is not there yet.
        let after = try OCDSCommand.check(path: input.path, asOf: LocalDate("2016-12-31")!, preparation: .init())
        let before = try OCDSCommand.check(path: input.path, asOf: LocalDate("2016-03-01")!, preparation: .init())
        #expect(after.findings.contains { $0.rule == "bidding.flag.single-bid" })
        #expect(!before.findings.contains { $0.rule.rawValue.hasPrefix("bidding.flag.") })
        let md = OCDSCommand.render(
            after.findings, report: after.report, asOf: LocalDate("2016-12-31")!, format: "md")
        #expect(!md.contains("<script>") && md.contains("&lt;script&gt;"))
        let late = try #require(md.split(separator: "\n").first { $0.contains("procurement.contract.late-signing") })
        #expect(late.contains("合同=C-9") && !late.contains("欠款编号"))
    }
}

@Suite("OCDS import on several threads")
struct OCDSParallelImportTests {
    /// The sample twice over (so a later part repeats an earlier part's processes), imported on one thread and on
    /// three into two new ledgers: the same summary and the same entries, in the same order.
    @Test("one thread and three import the same batch", .enabled(if: Peers.isAvailable, "no OCDS peers folder"))
    func sameBatch() async throws {
        let sample = try String(
            contentsOf: Peers.file("sample-data-real-examples.compiled.jsonl"), encoding: .utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-import-\(UUID()).jsonl")
        // A temporary file: a failure to remove it changes nothing tested.
        defer { try? FileManager.default.removeItem(at: file) }
        try (sample + sample).write(to: file, atomically: true, encoding: .utf8)
        var counts: [String: Int] = [:]
        _ = try OCDSReader.read(path: file.path) { r in
            if let id = OCDSBuyers.id(of: r) { counts[id, default: 0] += 1 }
        }
        let busiest = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(30).map(\.key)
        func imported(threads: Int) async throws -> (OCDSImport.Summary, [LedgerEntry]) {
            let kit = try CreditKit(
                store: .inMemory, keys: Fixtures.keys, modules: allSectorModules, clock: FixedClock.demo)
            var buyers: [String: SubjectID] = [:]
            for (i, id) in busiest.enumerated() {
                let agency = Fixtures.agency(index: i + 1)
                try await kit.register(agency, on: LocalDate("2000-01-01")!)
                buyers[id] = agency.id
            }
            let summary = try await OCDSImport.run(path: file.path, into: kit, buyers: buyers, threads: threads)
            let head = await kit.ledger.head
            return (summary, try await kit.ledger.entries(from: 1, through: head.sequence))
        }
        let (one, oneEntries) = try await imported(threads: 1)
        let (three, threeEntries) = try await imported(threads: 3)
        #expect(one.events > 1_000 && one.alreadyThere > 0)
        #expect(one.cases == three.cases && one.events == three.events && one.alreadyThere == three.alreadyThere)
        #expect(one.otherLaw == three.otherLaw && one.undated == three.undated)
        #expect(one.inconsistentFacts == three.inconsistentFacts && one.invalidCreditCodes == three.invalidCreditCodes)
        #expect(one.unmatchedBuyers == three.unmatchedBuyers && one.unmatchedBuyerNames == three.unmatchedBuyerNames)
        #expect(oneEntries == threeEntries)
    }
}
