import Bidding
import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Testing

/// Works releases under the Bidding Law, and their import.
@Suite("Bidding over OCDS")
struct BiddingOCDSTests {
    static let works = """
        {"ocid":"ocds-works-1","buyer":{"id":"CN-ROADS"},"parties":[{"id":"W","name":"路桥公司","details":{"scale":"sme"}},\
        {"id":"L","name":"建工集团"}],"tender":{"title":"县道工程","status":"complete","procurementMethod":"open",\
        "mainProcurementCategory":"works","value":{"amount":10000000,"currency":"CNY"},\
        "tenderPeriod":{"startDate":"2025-03-03","endDate":"2025-03-20T09:00:00+08:00"}},\
        "bids":{"details":[{"status":"valid","value":{"amount":9500000,"currency":"CNY"},"tenderers":[{"id":"W"}]},\
        {"status":"disqualified","value":{"amount":9000000,"currency":"CNY"},"tenderers":[{"id":"L"}]}]},\
        "awards":[{"id":"A","date":"2025-03-28","status":"active","suppliers":[{"id":"W"}]}],\
        "contracts":[{"id":"C","awardID":"A","dateSigned":"2025-05-06","value":{"amount":9500000},\
        "milestones":[{"type":"delivery","status":"met","dateMet":"2025-09-01"}]}]}
        """

    func release() throws -> OCDSRelease {
        var out: [OCDSRelease] = []
        _ = try OCDSReader.read(data: Data(Self.works.utf8)) { out.append($0) }
        return try #require(out.first)
    }

    @Test("a works release is a construction tender: its rules, and only works go to the Bidding Law")
    func mapping() throws {
        let r = try release()
        let p = BiddingProcess(release: r)
        #expect(p.category == .construction && p.estimatedPrice == 10_000_000 && p.bidders == 2 && !p.isComplete)
        #expect(p.bids.map(\.accepted) == [true, false] && p.awardNotice?.on == LocalDate("2025-03-28"))
        let found = Set(try BiddingOCDSChecks().check(r, asOf: LocalDate("2026-01-01")!).map(\.rule))
        // 17 days to bid; two bidders, awarded; signed 39 days after the notice; the SME unpaid after delivery.
        #expect(
            found == [
                "bidding.tender.short-period", "bidding.tender.too-few-bidders", "bidding.contract.late-signing",
                "bidding.payment.overdue-unpaid",
            ])
        var goods = r
        goods.tender?.mainProcurementCategory = "goods"
        #expect(try BiddingOCDSChecks().check(goods, asOf: LocalDate("2026-01-01")!).isEmpty)
        // R035: all but the winner disqualified; R036: the lowest bid was disqualified.
        var scan = RedFlagScan()
        #expect(Set(scan.add(r).map(\.code)) == [.allButWinnerDisqualified, .lowestBidDisqualified])
    }

    @Test("import: the works tender in the ledger gives the same findings, once")
    func importing() async throws {
        let roads = Fixtures.agency(index: 41)
        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: [BiddingModule()], clock: FixedClock.demo)
        try await kit.register(roads, on: LocalDate("2024-01-01")!)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-works-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(Self.works.utf8).write(to: file)
        let first = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-ROADS": roads.id])
        #expect(first.cases == ["bidding": 1] && first.events > 4)
        let again = try await OCDSImport.run(path: file.path, into: kit, buyers: ["CN-ROADS": roads.id])
        #expect(again.cases.isEmpty && again.alreadyThere == 1)
        let fromLedger = Set(try kit.runChecks(asOf: LocalDate("2026-01-01")!).map(\.rule))
        #expect(
            fromLedger == Set(try BiddingOCDSChecks().check(try release(), asOf: LocalDate("2026-01-01")!).map(\.rule)))
    }
}
