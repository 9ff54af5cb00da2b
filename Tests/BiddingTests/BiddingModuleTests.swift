import Bidding
import CreditKitCore
import CreditKitTesting
import Testing

@Suite("BiddingModule")
struct BiddingModuleTests {
    @Test("has its stable sector ID and both names")
    func identity() {
        let module = BiddingModule()
        #expect(module.id == "bidding")
        #expect(module.name.chinese == "招标投标")
        #expect(module.name.english == "Bidding")
    }

    @Test("passes the sector-module conformance checks")
    func conformance() async throws {
        try await SectorModuleConformance.check(BiddingModule())
    }

    @Test("registers with a kit whose ledger then reopens")
    func registersWithKit() async throws {
        let store = InMemoryLedgerStore()
        let kit = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [BiddingModule()], clock: FixedClock.demo)
        #expect(kit.modules.map(\.id) == ["bidding"])
        try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
        let reopened = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [BiddingModule()], clock: FixedClock.demo)
        #expect(reopened.view.subjectCount == 1)
    }
}
