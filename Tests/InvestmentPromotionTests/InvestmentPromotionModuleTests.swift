import CreditKitCore
import CreditKitTesting
import InvestmentPromotion
import Testing

@Suite("InvestmentPromotionModule")
struct InvestmentPromotionModuleTests {
    @Test("has its stable sector ID and both names")
    func identity() {
        let module = InvestmentPromotionModule()
        #expect(module.id == "investment")
        #expect(module.name.chinese == "招商引资")
        #expect(module.name.english == "Investment promotion")
    }

    @Test("passes the sector-module conformance checks")
    func conformance() async throws {
        try await SectorModuleConformance.check(InvestmentPromotionModule())
    }

    @Test("registers with a kit whose ledger then reopens")
    func registersWithKit() async throws {
        let store = InMemoryLedgerStore()
        let kit = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [InvestmentPromotionModule()], clock: FixedClock.demo)
        #expect(kit.modules.map(\.id) == ["investment"])
        try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
        let reopened = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [InvestmentPromotionModule()], clock: FixedClock.demo)
        #expect(reopened.view.subjectCount == 1)
    }
}
