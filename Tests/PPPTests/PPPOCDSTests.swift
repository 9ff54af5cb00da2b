import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import PPP
import Testing

@Suite("PPP over open-contracting data")
struct PPPOCDSTests {
    /// Two PPP contracts as OCDS for PPPs releases: a 2024 concession of 40 years and a day, paid by users and the
    /// government; a 2024-04-30 one of 30 years, paid by users.
    static let lines = [
        #"{"ocid":"ocds-ppp-2024-001","buyer":{"id":"CN-QL-ZJ","name":"青龙满族自治县住房和城乡建设局"},"tender":{"title":"县城供热特许经营"},"parties":[{"id":"P1","name":"青龙热力有限公司","roles":["supplier"]}],"awards":[{"id":"A1","suppliers":[{"id":"P1"}]}],"contracts":[{"id":"C1","awardID":"A1","dateSigned":"2024-06-10","period":{"startDate":"2024-07-01","endDate":"2064-07-01"},"implementation":{"charges":[{"id":"CH1","title":"供热费","paidBy":"user"},{"id":"CH2","title":"可用性付费","paidBy":"government"}],"performanceFailures":[{"id":"PF1","period":{"startDate":"2024-11-01","endDate":"2024-11-30"},"category":"供热温度不达标","penaltyContracted":"扣减当月付费5%","penaltyImposed":"扣减20000元","penaltyPaid":false},{"id":"PF2","period":{"startDate":"2024-12-01","endDate":"2024-12-15"},"category":"投诉处理超时","penaltyImposed":"扣减5000元","penaltyPaid":true}]}}]}"#,
        #"{"ocid":"ocds-ppp-2024-002","buyer":{"id":"CN-QL-ZJ"},"tender":{"title":"县城停车场"},"parties":[{"id":"P2","name":"停车运营公司","roles":["supplier"]}],"awards":[{"id":"A2","suppliers":[{"id":"P2"}]}],"contracts":[{"id":"C2","awardID":"A2","dateSigned":"2024-04-30","period":{"startDate":"2024-05-01","endDate":"2054-04-30"},"implementation":{"charges":[{"id":"CH3","paidBy":"user"}]}}]}"#,
        // Signed with a charge the government pays but no period: the mechanism is still judged, the term is not;
        // a failure whose payment the data does not give is not judged; one without an id gets its own.
        #"{"ocid":"ocds-ppp-2024-003","buyer":{"id":"CN-QL-ZJ"},"tender":{"title":"公厕运维"},"contracts":[{"id":"C4","dateSigned":"2024-08-01","implementation":{"charges":[{"paidBy":"government"}],"performanceFailures":[{"period":{"startDate":"2024-10-01","endDate":"2024-10-31"},"category":"保洁不达标","penaltyImposed":"扣减3000元"},{"id":" ","period":{"startDate":"2024-11-01","endDate":"2024-11-30"},"category":"投诉","penaltyImposed":"扣减1000元","penaltyPaid":false}]}}]}"#,
        // Who pays is not known: the mechanism is left unknown, never taken for user pay.
        #"{"ocid":"ocds-ppp-2024-004","buyer":{"id":"CN-QL-ZJ"},"tender":{"title":"路灯"},"contracts":[{"id":"C5","dateSigned":"2024-08-01","implementation":{"charges":[{"paidBy":"govt"}]}}]}"#,
        // Not a PPP: no charges.
        #"{"ocid":"ocds-other-1","buyer":{"id":"CN-QL-ZJ"},"tender":{"title":"办公用品"},"contracts":[{"id":"C3","dateSigned":"2024-05-01"}]}"#,
    ]

    static let asOf = LocalDate("2024-12-31")!

    /// A finding as both paths must give it: the rule and the facts the rules read from the project.
    static func key(_ f: Finding) -> String {
        f.rule.rawValue + " "
            + f.facts.filter { $0.name != "figure" }.map { "\($0.name)=\($0.value)" }.joined(separator: ";")
    }

    @Test("the OCDS path and the ledger path give the same findings on the same projects")
    func samePaths() async throws {
        var releases: [OCDSRelease] = []
        let report = try OCDSReader.read(data: Data(Self.lines.joined(separator: "\n").utf8)) { releases.append($0) }
        #expect(report.releases == 5 && report.malformed.isEmpty)
        #expect(releases.map(PPPProject.isPPP) == [true, true, true, true, false])
        #expect(PPPProject(release: releases[3]).mechanism == nil)
        let checks = try PPPOCDSChecks()
        let fromData = try releases.flatMap { try checks.check($0, asOf: Self.asOf) }
        #expect(
            fromData.map(\.rule.rawValue) == [
                "ppp.mechanism.government-pay", "ppp.concession.term-exceeded", "ppp.failure.penalty-unpaid",
                "ppp.mechanism.government-pay", "ppp.failure.penalty-unpaid",
            ])
        #expect(fromData[2].fact("failure") == "PF1" && fromData[2].fact("penaltyImposed") == "扣减20000元")
        #expect(fromData[4].fact("failure") == "（无编号）2")
        #expect(fromData.first?.fact("mechanism") == "viability-gap")
        #expect(fromData[1].fact("daysOver") == "1")

        // The same file imported into a ledger, the bureau mapped to the buyer's id.
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [PPPModule()], clock: FixedClock.demo)
        let bureau = Fixtures.agency(index: 1)
        try await kit.register(bureau, on: LocalDate("2020-01-01")!)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-ppp-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(Self.lines.joined(separator: "\n").utf8).write(to: file)
        let imported = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-QL-ZJ": bureau.id])
        #expect(imported.cases[PPPModule.sectorID] == 4)
        let fromLedger = try kit.ppp.findings(asOf: Self.asOf)
        #expect(fromLedger.map(Self.key) == fromData.map(Self.key))
        #expect(fromLedger.allSatisfy { $0.subject == bureau.id && !$0.evidence.isEmpty })
    }

    @Test("a failure without a whole period is left out of the import and counted as inconsistent")
    func undatedFailure() async throws {
        let line =
            #"{"ocid":"ocds-ppp-x","buyer":{"id":"CN-QL-ZJ"},"contracts":[{"id":"C1","dateSigned":"2024-06-01","implementation":{"charges":[{"paidBy":"user"}],"performanceFailures":[{"id":"A","category":"x","penaltyImposed":"y","penaltyPaid":false},{"id":"B","period":{"startDate":"2024-09-30","endDate":"2024-09-01"},"category":"x"},{"id":"C","period":{"startDate":"2024-09-01","endDate":"2024-09-30"},"category":"x"}]}}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-ppp-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(line.utf8).write(to: file)
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [PPPModule()], clock: FixedClock.demo)
        let bureau = Fixtures.agency(index: 1)
        try await kit.register(bureau, on: LocalDate("2020-01-01")!)
        let summary = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-QL-ZJ": bureau.id])
        #expect(summary.inconsistentFacts == 2)
        let project = try #require(try kit.ppp.cases(asOf: Self.asOf).first)
        #expect(project.failures.map(\.id) == ["C"])
    }

    @Test("--ppp reads a release without charges or failures as a PPP's too; without it, the release is not one")
    func everyRelease() throws {
        let line =
            #"{"ocid":"ocds-concession-1","buyer":{"id":"CN-QL-ZJ"},"contracts":[{"id":"C9","dateSigned":"2024-06-01","period":{"startDate":"2024-07-01","endDate":"2064-07-01"}}]}"#
        var releases: [OCDSRelease] = []
        _ = try OCDSReader.read(data: Data(line.utf8)) { releases.append($0) }
        #expect(try PPPOCDSChecks().check(releases[0], asOf: Self.asOf).isEmpty)
        let all = try PPPOCDSChecks(everyRelease: true).check(releases[0], asOf: Self.asOf)
        #expect(all.map(\.rule.rawValue) == ["ppp.concession.term-exceeded"])
    }
}
