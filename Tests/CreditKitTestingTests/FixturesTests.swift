import CreditKitCore
import CreditKitTesting
import Testing

@Suite("Fixtures")
struct FixturesTests {
    @Test("generated credit codes are valid and distinct")
    func creditCodes() throws {
        let codes = (0..<2000).map { Fixtures.creditCode(index: $0 * 7919) }
        #expect(Set(codes).count == codes.count)
        for code in codes { #expect(try UnifiedSocialCreditCode(code.rawValue) == code) }
        #expect(Fixtures.creditCode(index: 1, authority: "9").registrationAuthority == "9")
    }

    @Test("generated resident ID numbers are valid")
    func residentIDs() throws {
        for i in 0..<2000 {
            let id = Fixtures.residentID(index: i)
            #expect(try ResidentID(id.unmaskedValue) == id)
        }
    }

    @Test("a fixed clock always says the same; a stepping clock moves on")
    func clocks() {
        #expect(FixedClock.demo.now() == FixedClock.demo.now())
        #expect(FixedClock.demo.today.description == "2026-11-23")
        let stepping = SteppingClock(start: FixedClock.demo.instant, stepMicroseconds: 5)
        #expect(stepping.now().microseconds + 5 == stepping.now().microseconds)
    }

    @Test("the store conformance suite has its checks")
    func suiteIsComplete() {
        #expect(LedgerStoreConformance.checks.count >= 7)
    }

    @Test("the store conformance suite catches a store that loses writes")
    func catchesBrokenStore() async throws {
        await #expect(throws: ConformanceFailure.self) {
            try await LedgerStoreConformance.checks[1].run { ForgetfulStore() }
        }
    }
}

/// A store that acknowledges appends and keeps nothing: the conformance suite must reject it.
final class ForgetfulStore: LedgerStore {
    func head() throws -> ChainHead { .empty }
    func append(_ entries: [LedgerEntry]) throws {}
    func forEachEntry(from first: Int64, _ body: (LedgerEntry) throws -> Void) throws {}
    func entries(sequences: [Int64]) throws -> [LedgerEntry] { [] }
    func sequences(concerning subject: SubjectID) throws -> [Int64] { [] }
    func loadCheckpoint() throws -> [UInt8]? { nil }
    func saveCheckpoint(_ blob: [UInt8]) throws {}
    func storeSealedPersonalData(_ sealed: [UInt8], for token: PersonToken) throws {}
    func sealedPersonalData(for token: PersonToken) throws -> [UInt8]? { nil }
    func eraseSealedPersonalData(for token: PersonToken) throws -> Bool { false }
}
