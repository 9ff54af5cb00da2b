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
}
