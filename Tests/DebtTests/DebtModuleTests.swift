import CreditKitCore
import CreditKitTesting
import Debt
import Testing

@Suite("DebtModule")
struct DebtModuleTests {
    @Test("has its stable sector ID and both names")
    func identity() {
        let module = DebtModule()
        #expect(module.id == "debt")
        #expect(module.name.chinese == "地方政府债务")
        #expect(module.name.english == "Local government debt")
    }

    @Test("passes the sector-module conformance checks")
    func conformance() async throws {
        try await SectorModuleConformance.check(DebtModule())
    }

    @Test("registers with a kit whose ledger then reopens")
    func registersWithKit() async throws {
        let store = InMemoryLedgerStore()
        let kit = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [DebtModule()], clock: FixedClock.demo)
        #expect(kit.modules.map(\.id) == ["debt"])
        try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
        let reopened = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [DebtModule()], clock: FixedClock.demo)
        #expect(reopened.view.subjectCount == 1)
    }
}
