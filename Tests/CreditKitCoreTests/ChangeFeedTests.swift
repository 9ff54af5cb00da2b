import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("The change feed")
struct ChangeFeedTests {
    /// A kit with an agency (entry 1) and three records about it (entries 2–4), on a file at `path`.
    func kit() async throws -> (CreditKit, SubjectID, URL) {
        let (kit, _, dir, _) = try await kitAndPath()
        return (kit, Fixtures.agency(index: 1).id, dir)
    }

    func kitAndPath() async throws -> (CreditKit, SubjectID, URL, String) {
        let (kit, path, dir) = try sqliteKit()
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: date("2024-01-01"))
        for day in ["2024-03-01", "2024-04-01", "2024-05-01"] {
            try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: date(day)))
        }
        return (kit, agency.id, dir, path)
    }

    @Test("every change after a sequence number, in order, with its kind, subjects, day and hash")
    func since() async throws {
        let (kit, agency, dir) = try await kit()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try await kit.changes(since: 0)
        #expect(all.map(\.sequence) == [1, 2, 3, 4])
        #expect(all[0].kind == "core.agency.registered" && all[0].day == date("2024-01-01"))
        #expect(all.dropFirst().allSatisfy { $0.kind == "core.record.entered" && $0.subjects.contains(agency) })
        #expect(all[2].day == date("2024-04-01"))
        let entries = try kit.ledger.read((1...4).map { LedgerEntry.ID($0) })
        #expect(all.map(\.hash) == entries.map(\.hash))
        #expect(all.allSatisfy { $0.role == .system })
        // A follower that took entry 2 gets 3 and 4; one at the head gets nothing; a limit cuts.
        #expect(try await kit.changes(since: 2).map(\.sequence) == [3, 4])
        #expect(try await kit.changes(since: 4).isEmpty)
        #expect(all[2].previousHash == all[1].hash)
        // A follower past the end: the ledger went back (a restore); said, never an empty answer.
        let behind = await #expect(throws: CreditKitError.self) { try await kit.changes(since: 99) }
        #expect(behind?.code == .brokenChain)
        #expect(try await kit.changes(since: 0, limit: 2).map(\.sequence) == [1, 2])
        await #expect(throws: CreditKitError.self) { try await kit.changes(since: -1) }
    }

    @Test("an entry edited in the file stops the feed at it, after the changes before it")
    func editedEntry() async throws {
        let (kit, _, dir, path) = try await kitAndPath()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await kit.close()
        try rawSQL(path, "DROP TRIGGER ledger_no_update; UPDATE ledger SET effective = effective + 100 WHERE seq = 3")
        let store = try SQLiteLedgerStore(readingOnly: path)
        var taken: [Int64] = []
        let error = #expect(throws: CreditKitError.self) {
            try LedgerChange.forEach(in: store, since: 0, through: 4) { change in
                taken.append(change.sequence)
                return true
            }
        }
        #expect(error?.code == .brokenChain && error?.context["sequence"] == "3")
        #expect(taken == [1, 2])
    }

    @Test("the public cannot read the feed")
    func publicRefused() async throws {
        let (kit, _, dir) = try await kit()
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = await #expect(throws: CreditKitError.self) {
            try await kit.acting(as: .anonymous).changes(since: 0)
        }
        #expect(error?.code == .forbidden)
    }
}
