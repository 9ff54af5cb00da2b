import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Personal data")
struct PersonalDataTests {
    @Test("no resident ID number or name in clear anywhere in the SQLite file")
    func nothingInClear() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2024-01-01"))
        var ids: [ResidentID] = []
        for i in 0..<20 {
            let id = Fixtures.residentID(index: i)
            ids.append(id)
            let official = try await kit.registerOfficial(residentID: id, name: "张三丰\(i)", on: date("2024-01-01"))
            try await kit.startTenure(
                Tenure(
                    official: official.id, agency: agency.id, post: "科长", isPrincipal: false, start: date("2024-02-01"))
            )
            try await kit.enter(
                Fixtures.record(subject: agency.id, decisionDate: date("2025-01-01"), responsible: [official.id]))
        }
        try await kit.close()
        let bytes = fileBytes(path)
        #expect(bytes.count > 10_000)
        for id in ids {
            #expect(!bytes.contains(id.unmaskedValue))
            #expect(
                !bytes.contains(String(id.unmaskedValue.dropFirst(6).prefix(8)) + String(id.unmaskedValue.suffix(4))))
        }
        #expect(!bytes.contains("张三丰"))
        #expect(!bytes.contains(Fixtures.keys.tokenKey.map { String(format: "%02x", $0) }.joined()))
        // The keys live beside the file, and the vault opens with them.
        let official = try #require(kit.official(for: ids[3]))
        #expect(try kit.personalData(of: official).name == "张三丰3")
        #expect(try kit.personalData(of: official).residentID == ids[3])
    }

    @Test("erasing a person keeps verify green and the records, and makes the data unreadable")
    func erasure() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2024-01-01"))
        let id = Fixtures.residentID(index: 5)
        let official = try await kit.registerOfficial(residentID: id, name: "李四", on: date("2024-01-01"))
        try await kit.enter(
            Fixtures.record(subject: agency.id, decisionDate: date("2025-01-01"), responsible: [official.id]))
        let before = try await kit.verify()
        #expect(before.isValid)

        try await kit.erasePersonalData(of: official.id, on: date("2026-11-01"), reason: "个人信息保护法第四十七条")
        let after = try await kit.verify()
        #expect(after.isValid)
        #expect(after.entryCount == before.entryCount + 1)
        #expect(throws: CreditKitError.self) { try kit.personalData(of: official.id) }
        #expect(try kit.displayName(of: official.id).contains("已删除"))
        #expect(try kit.profile(of: official.id)?.records.count == 1)
        #expect(kit.view.subject(official.id)?.personalDataErasedOn == date("2026-11-01"))
        #expect(!fileBytes(path).contains("李四"))
        // A second erasure is refused and writes nothing.
        await #expect(throws: CreditKitError.self) {
            try await kit.erasePersonalData(of: official.id, on: date("2026-11-02"), reason: "again")
        }
        #expect(try await kit.verify().entryCount == after.entryCount)
    }

    @Test("sealed data does not open under other keys or when altered")
    func sealing() async throws {
        let store = InMemoryLedgerStore()
        let vault = PersonalDataVault(store: store, keys: Fixtures.keys)
        let id = Fixtures.residentID(index: 9)
        let token = try vault.seal(PersonalData(residentID: id, name: "王五"))
        #expect(try vault.open(token).name == "王五")
        let stranger = PersonalDataVault(store: store, keys: try VaultKeys.generate())
        #expect(throws: CreditKitError.self) { try stranger.open(token) }
        var sealed = try #require(try store.sealedPersonalData(for: token))
        sealed[sealed.count / 2] ^= 1
        try store.storeSealedPersonalData(sealed, for: token)
        #expect(throws: CreditKitError.self) { try vault.open(token) }
    }

    @Test("a key file is created with mode 0600 and read back")
    func keyFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("k.keys").path
        let created = try VaultKeys.loadOrCreate(at: path)
        let loaded = try VaultKeys.loadOrCreate(at: path)
        #expect(created.tokenKey == loaded.tokenKey && created.sealingKey == loaded.sealingKey)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try Data("token=zz\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CreditKitError.self) { try VaultKeys.load(from: path) }
    }
}
