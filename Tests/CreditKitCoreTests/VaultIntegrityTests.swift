import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

/// The vault tells loss from erasure (issue: integrity under attack, "the vault fails as erased").
@Suite("Vault integrity")
struct VaultIntegrityTests {
    /// A ledger file with one agency and one official, and the official.
    func ledger() async throws -> (kit: CreditKit, path: String, official: SubjectID, dir: URL) {
        let (kit, path, dir) = try sqliteKit()
        try await kit.register(Fixtures.agency(index: 1), on: date("2024-01-01"))
        let official = try await kit.registerOfficial(
            residentID: Fixtures.residentID(index: 7), name: "赵六", on: date("2024-01-01"))
        return (kit, path, official.id, dir)
    }

    @Test("attack: a wrong keys file is refused when the ledger is opened, and nothing is written")
    func wrongKeys() async throws {
        let (kit, path, _, dir) = try await ledger()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await kit.close()
        let head = try Ledger.verify(store: SQLiteLedgerStore(path: path)).head
        #expect(
            performing: { try CreditKit(store: .sqlite(path), keys: try VaultKeys.generate()) },
            throws: { error in
                let e = error as? CreditKitError
                return e?.code == .crypto && e?.message.contains("not the ones this ledger") == true
            })
        #expect(try Ledger.verify(store: SQLiteLedgerStore(path: path)).head == head)
        // The right keys still open it.
        let again = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
        #expect(try again.vaultFaults().isEmpty)
    }

    @Test("attack: keys with only the token key wrong are refused too; a deleted key check lets no other keys in")
    func partlyWrongKeys() async throws {
        let (kit, path, _, dir) = try await ledger()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await kit.close()
        let halfWrong = try VaultKeys(tokenKey: Array(repeating: 9, count: 32), sealingKey: Fixtures.keys.sealingKey)
        #expect(throws: CreditKitError.self) { try CreditKit(store: .sqlite(path), keys: halfWrong) }
        // Without its key-check entry, the vault still tells the keys by a person's data.
        let zero = String(repeating: "0", count: 64)
        try rawSQL(path, "DELETE FROM vault WHERE token = '\(zero)'")
        #expect(throws: CreditKitError.self) { try CreditKit(store: .sqlite(path), keys: try VaultKeys.generate()) }
        #expect(throws: CreditKitError.self) { try CreditKit(store: .sqlite(path), keys: halfWrong) }
        let right = try CreditKit(store: .sqlite(path), keys: Fixtures.keys)
        #expect(right.keyCheck == .missing)
        #expect(try right.vaultFaults() == ["the vault's key-check entry is missing, though personal data is sealed"])
        // Opening wrote nothing back: the entry is still missing for the next open.
        #expect(try CreditKit(store: .sqlite(path), keys: Fixtures.keys).keyCheck == .missing)
    }

    @Test("attack: a deleted or altered vault row is lost, named by token, never shown as erased")
    func lostIsNotErased() async throws {
        let (kit, path, official, dir) = try await ledger()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard case .official(let o)? = kit.view.subject(official)?.subject else { throw CancellationError() }
        let raw = try SQLiteLedgerStore(path: path)
        // Deleted behind the ledger's back: no erasure recorded.
        try kit.vault.erase(o.token)
        for read in [{ _ = try kit.personalData(of: official) }, { _ = try kit.displayName(of: official) }] {
            #expect(
                performing: read,
                throws: { error in
                    let e = error as? CreditKitError
                    return e?.code == .personalDataLost && e?.message.contains("missing from the vault") == true
                })
        }
        #expect(try kit.vaultFaults().count == 1 && kit.vaultFaults()[0].contains(String(o.token.hex.prefix(12))))
        // Altered: present but does not open.
        try raw.storeSealedPersonalData([UInt8](repeating: 7, count: 64), for: o.token)
        #expect(
            performing: { try kit.personalData(of: official) },
            throws: { error in
                (error as? CreditKitError)?.message.contains("does not open") == true
            })
        #expect(try kit.vaultFaults().count == 1)
    }

    @Test("attack: sealed data under a token no official has (a registration that never committed) is a fault")
    func orphanRow() async throws {
        let (kit, path, _, dir) = try await ledger()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try kit.vaultFaults().isEmpty)
        let stranger = Fixtures.keys.token(for: Fixtures.residentID(index: 77))
        try SQLiteLedgerStore(path: path).storeSealedPersonalData([1, 2, 3], for: stranger)
        let faults = try kit.vaultFaults()
        #expect(faults.count == 1 && faults[0].contains(stranger.hex) && faults[0].contains("no registered official"))
    }

    /// A SQLite store whose appends fail after the vault was written in the same transaction, as a full disk would.
    final class FailingAppendStore: LedgerStore, @unchecked Sendable {
        let inner: SQLiteLedgerStore
        var erasures = 0
        init(_ inner: SQLiteLedgerStore) { self.inner = inner }
        func head() throws -> ChainHead { try inner.head() }
        func append(_ entries: [LedgerEntry]) throws {
            // Nothing committed: the transaction whileWriting began is rolled back when this throws.
            throw CreditKitError(.storage, "disk full")
        }
        func whileWriting<T>(_ body: () throws -> T) throws -> T { try inner.whileWriting(body) }
        func sealedTokens() throws -> [PersonToken]? { try inner.sealedTokens() }
        func forEachEntry(from first: Int64, _ body: (LedgerEntry) throws -> Void) throws {
            try inner.forEachEntry(from: first, body)
        }
        func entries(sequences: [Int64]) throws -> [LedgerEntry] { try inner.entries(sequences: sequences) }
        func sequences(concerning subject: SubjectID) throws -> [Int64] { try inner.sequences(concerning: subject) }
        func loadCheckpoint() throws -> [UInt8]? { try inner.loadCheckpoint() }
        func saveCheckpoint(_ blob: [UInt8]) throws { try inner.saveCheckpoint(blob) }
        func storeSealedPersonalData(_ sealed: [UInt8], for token: PersonToken) throws {
            try inner.storeSealedPersonalData(sealed, for: token)
        }
        func sealedPersonalData(for token: PersonToken) throws -> [UInt8]? { try inner.sealedPersonalData(for: token) }
        func eraseSealedPersonalData(for token: PersonToken) throws -> Bool {
            erasures += 1
            return try inner.eraseSealedPersonalData(for: token)
        }
    }

    @Test("attack: an append that fails after the data was sealed leaves no sealed data: one transaction, rolled back")
    func registrationIsOneWrite() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let store = FailingAppendStore(try SQLiteLedgerStore(path: path))
        let kit = try CreditKit(store: .custom(store), keys: Fixtures.keys, clock: FixedClock.demo)
        let person = Fixtures.residentID(index: 5)
        await #expect(throws: CreditKitError.self) {
            try await kit.registerOfficial(residentID: person, name: "张三", on: date("2024-01-01"))
        }
        // Nothing sealed remains, and not because it was erased afterwards: the transaction took it back.
        #expect(try store.inner.sealedTokens() == [])
        #expect(store.erasures == 0)
        #expect(try store.inner.head() == .empty)
    }

    @Test("a recorded erasure reads as erased with its day; data left behind after it is a fault")
    func erasureRecorded() async throws {
        let (kit, path, official, dir) = try await ledger()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard case .official(let o)? = kit.view.subject(official)?.subject else { throw CancellationError() }
        let raw = try SQLiteLedgerStore(path: path)
        let sealed = try #require(try raw.sealedPersonalData(for: o.token))
        try await kit.erasePersonalData(of: official, on: date("2026-11-01"), reason: "个人信息保护法第四十七条")
        #expect(
            performing: { try kit.personalData(of: official) },
            throws: { error in
                let e = error as? CreditKitError
                return e?.code == .erased && e?.message.contains("2026-11-01") == true
            })
        #expect(try kit.displayName(of: official).contains("已删除") && kit.vaultFaults().isEmpty)
        try raw.storeSealedPersonalData(sealed, for: o.token)
        #expect(
            try kit.vaultFaults() == [
                "official \(official): personal data still in the vault after its recorded erasure"
            ])
    }

    @Test("a second registration of a person is refused and does not overwrite the sealed data")
    func refusedRegistration() async throws {
        let (kit, _, _, dir) = try await ledger()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id = Fixtures.residentID(index: 8)
        _ = try await kit.registerOfficial(residentID: id, name: "钱七", on: date("2024-01-01"))
        await #expect(throws: CreditKitError.self) {
            try await kit.registerOfficial(residentID: id, name: "别名", on: date("2024-02-01"))
        }
        let again = try #require(kit.official(for: id))
        #expect(try kit.personalData(of: again).name == "钱七", "the first registration's data is kept")
    }
}

/// The view checkpoint is a cache bound to the chain and the keys (issue: integrity under attack, "views lie").
@Suite("Checkpoint integrity")
struct CheckpointIntegrityTests {
    @Test(
        "attack: an edited checkpoint blob is not used; the views are rebuilt, the answers unchanged, a warning given")
    func editedCheckpoint() async throws {
        let (kit, path, dir) = try sqliteKit()
        defer { try? FileManager.default.removeItem(at: dir) }
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2024-01-01"))
        try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date("2026-01-05"), severity: .serious))
        try await kit.close()
        let before = kit.check(agency.id, for: .honours, on: date("2026-03-02"))
        #expect(before?.restrictions.isEmpty == false, "a restricted agency to begin with")

        let raw = try SQLiteLedgerStore(path: path)
        var blob = try #require(try raw.loadCheckpoint())
        blob[blob.count - 5] ^= 0x20
        try raw.saveCheckpoint(blob)
        let reopened = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        #expect(!reopened.ledger.restoration.usedCheckpoint)
        #expect(reopened.ledger.restoration.warning?.contains("does not authenticate") == true)
        #expect(reopened.check(agency.id, for: .honours, on: date("2026-03-02")) == before)

        // A blob whose MAC is not the one the keys give (forged without them) is not used either.
        let unsealed = Array(blob.dropFirst(36))
        try raw.saveCheckpoint(Array("CKM1".utf8) + [UInt8](repeating: 0, count: 32) + unsealed)
        let again = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        #expect(
            !again.ledger.restoration.usedCheckpoint
                && again.check(agency.id, for: .honours, on: date("2026-03-02")) == before)
    }
}
