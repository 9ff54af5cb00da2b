import CreditKitCore
import CreditKitTesting
import PPP
import Testing

@Suite("PPPModule")
struct PPPModuleTests {
    @Test("has its stable sector ID and both names")
    func identity() {
        let module = PPPModule()
        #expect(module.id == "ppp")
        #expect(module.name.chinese == "政府和社会资本合作")
        #expect(module.name.english == "Public-private partnership")
    }

    @Test("passes the sector-module conformance checks")
    func conformance() async throws {
        try await SectorModuleConformance.check(PPPModule())
    }

    @Test("registers with a kit whose ledger then reopens")
    func registersWithKit() async throws {
        let store = InMemoryLedgerStore()
        let kit = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [PPPModule()], clock: FixedClock.demo)
        #expect(kit.modules.map(\.id) == ["ppp"])
        try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
        let reopened = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [PPPModule()], clock: FixedClock.demo)
        #expect(reopened.view.subjectCount == 1)
    }
}
