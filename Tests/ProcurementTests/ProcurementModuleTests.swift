import CreditKitCore
import CreditKitTesting
import Procurement
import Testing

@Suite("ProcurementModule")
struct ProcurementModuleTests {
    @Test("has its stable sector ID and both names")
    func identity() {
        let module = ProcurementModule()
        #expect(module.id == "procurement")
        #expect(module.name.chinese == "政府采购")
        #expect(module.name.english == "Government procurement")
    }

    @Test("passes the sector-module conformance checks")
    func conformance() async throws {
        try await SectorModuleConformance.check(ProcurementModule())
    }

    @Test("registers with a kit whose ledger then reopens")
    func registersWithKit() async throws {
        let store = InMemoryLedgerStore()
        let kit = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [ProcurementModule()], clock: FixedClock.demo)
        #expect(kit.modules.map(\.id) == ["procurement"])
        try await kit.register(Fixtures.agency(index: 1), on: FixedClock.demo.today)
        let reopened = try CreditKit(
            store: .custom(store), keys: Fixtures.keys, modules: [ProcurementModule()], clock: FixedClock.demo)
        #expect(reopened.view.subjectCount == 1)
    }
}
