import CreditKitCore
import CreditKitTesting
import Testing
import Townships

@Suite("TownshipsModule")
struct TownshipsModuleTests {
    @Test("has its stable sector ID and both names")
    func identity() {
        let module = TownshipsModule()
        #expect(module.id == "townships")
        #expect(module.name.chinese == "乡镇（街道）")
        #expect(module.name.english == "Townships and streets")
    }

    @Test("passes the sector-module conformance checks")
    func conformance() async throws {
        try await SectorModuleConformance.check(TownshipsModule())
    }

    @Test("registers with a kit whose ledger then reopens")
    func registersWithKit() async throws {
        let store = InMemoryLedgerStore()
        let kit = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [TownshipsModule()], clock: FixedClock.demo)
        #expect(kit.modules.map(\.id) == ["townships"])
        try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
        let reopened = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [TownshipsModule()], clock: FixedClock.demo)
        #expect(reopened.view.subjectCount == 1)
    }
}
