import CreditKitCore
import Foundation

/// The conformance suite every `LedgerStore` must pass (存储一致性测试).
///
/// Run it from any test framework: each check makes a fresh store with your factory and throws a
/// ``ConformanceFailure`` saying what the store did wrong.
///
/// ```swift
/// @Test(arguments: LedgerStoreConformance.checks)
/// func conforms(check: LedgerStoreConformance.Check) throws {
///     try check.run { try MyStore(temporary: true) }
/// }
/// ```
public enum LedgerStoreConformance {
    /// One named check.
    public struct Check: Sendable, CustomStringConvertible {
        /// What the check shows.
        public let name: String
        let body: @Sendable (() throws -> any LedgerStore) async throws -> Void

        /// Runs the check on stores from a factory.
        /// - Parameter makeStore: Makes a fresh, empty store.
        /// - Throws: ``ConformanceFailure`` or the store's own errors.
        public func run(_ makeStore: () throws -> any LedgerStore) async throws {
            try await withoutActuallyEscaping(makeStore) { factory in
                try await body(factory)
            }
        }

        /// The check's name.
        public var description: String { name }
    }

    /// Runs every check.
    /// - Parameter makeStore: Makes a fresh, empty store.
    /// - Throws: The first failure.
    public static func runAll(_ makeStore: () throws -> any LedgerStore) async throws {
        for check in checks { try await check.run(makeStore) }
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(message: message()) }
    }

    static func ledger(_ store: any LedgerStore) throws -> Ledger {
        try Ledger(store: store, clock: SteppingClock(start: FixedClock.demo.instant))
    }

    /// Every check.
    public static let checks: [Check] = [
        Check(name: "an empty store has the empty head and no entries") { make in
            let store = try make()
            let head = try store.head()
            try expect(head == .empty, "head of an empty store is \(head)")
            var seen = 0
            try store.forEachEntry(from: 1) { _ in seen += 1 }
            try expect(seen == 0, "an empty store streamed \(seen) entries")
            try expect(try store.loadCheckpoint() == nil, "an empty store has a checkpoint")
        },
        Check(name: "appended entries read back byte for byte, by range, by sequence and by subject") { make in
            let store = try make()
            let ledger = try ledger(store)
            let agency = Fixtures.agency(index: 7)
            let written = try await ledger.append([
                AgencyRegistered(agency: agency, on: FixedClock.demo.today),
                RecordEntered(record: Fixtures.record(subject: agency.id, decisionDate: FixedClock.demo.today)),
            ])
            try expect(try store.head() == ChainHead(sequence: 2, hash: written[1].hash), "head does not match")
            try expect(try store.entries(from: 1, through: 2) == written, "range read differs from what was appended")
            try expect(try store.entries(sequences: [2, 1]) == [written[1], written[0]], "reads by sequence differ")
            try expect(try store.sequences(concerning: agency.id) == [1, 2], "subject index is wrong")
            var streamed: [LedgerEntry] = []
            try store.forEachEntry(from: 2) { streamed.append($0) }
            try expect(streamed == [written[1]], "streaming from 2 returned \(streamed.map(\.sequence))")
        },
        Check(name: "a batch that does not continue the chain is refused and writes nothing") { make in
            let store = try make()
            let ledger = try ledger(store)
            let first = try await ledger.append(
                AgencyRegistered(agency: Fixtures.agency(index: 1), on: FixedClock.demo.today))
            let good = LedgerEntry(
                sequence: 2, recordedAt: first.recordedAt, effectiveDate: first.effectiveDate, kind: first.kind,
                version: 1, subjects: [], payload: first.payload, previousHash: first.hash, hash: first.hash)
            let gap = LedgerEntry(
                sequence: 4, recordedAt: first.recordedAt, effectiveDate: first.effectiveDate, kind: first.kind,
                version: 1, subjects: [], payload: first.payload, previousHash: first.hash, hash: first.hash)
            let wrongLink = LedgerEntry(
                sequence: 2, recordedAt: first.recordedAt, effectiveDate: first.effectiveDate, kind: first.kind,
                version: 1, subjects: [], payload: first.payload, previousHash: .zero, hash: first.hash)
            for bad in [[good, gap], [wrongLink]] {
                var refused = false
                do { try store.append(bad) } catch { refused = true }
                try expect(refused, "a batch breaking the chain was accepted")
                try expect(
                    try store.head() == ChainHead(sequence: 1, hash: first.hash), "a refused batch changed the head")
            }
        },
        Check(name: "the ledger rejects a batch with one bad event and the store is unchanged") { make in
            let store = try make()
            let ledger = try ledger(store)
            try await ledger.append(AgencyRegistered(agency: Fixtures.agency(index: 1), on: FixedClock.demo.today))
            let before = try store.head()
            var failure: CreditKitError?
            do {
                try await ledger.append([
                    AgencyRegistered(agency: Fixtures.agency(index: 2), on: FixedClock.demo.today),
                    RecordEntered(
                        record: Fixtures.record(subject: "not-registered", decisionDate: FixedClock.demo.today)),
                ])
            } catch let error as CreditKitError { failure = error }
            try expect(
                failure?.context["index"] == "1", "the error does not name event 1: \(String(describing: failure))")
            try expect(try store.head() == before, "the refused batch changed the head")
            try expect(
                try store.sequences(concerning: Fixtures.agency(index: 2).id).isEmpty,
                "the refused batch left an index row")
        },
        Check(name: "the checkpoint blob is kept and replaced") { make in
            let store = try make()
            try store.saveCheckpoint([1, 2, 3])
            try store.saveCheckpoint([4, 5])
            try expect(try store.loadCheckpoint() == [4, 5], "checkpoint not replaced")
        },
        Check(name: "sealed personal data is stored, replaced and erased") { make in
            let store = try make()
            let token = Fixtures.keys.token(for: Fixtures.residentID(index: 1))
            try store.storeSealedPersonalData([1, 2, 3], for: token)
            try store.storeSealedPersonalData([9], for: token)
            try expect(try store.sealedPersonalData(for: token) == [9], "vault entry not replaced")
            try expect(try store.eraseSealedPersonalData(for: token), "erasing an existing entry reported nothing")
            try expect(try store.sealedPersonalData(for: token) == nil, "vault entry survived erasure")
            try expect(!(try store.eraseSealedPersonalData(for: token)), "erasing twice reported an entry")
        },
        Check(name: "8 tasks appending concurrently lose nothing and leave one valid chain") { make in
            let store = try make()
            let ledger = try ledger(store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for i in 0..<25 {
                            try await ledger.append(
                                AgencyRegistered(
                                    agency: Fixtures.agency(index: task * 1000 + i), on: FixedClock.demo.today))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let report = try await ledger.verify()
            try expect(report.isValid && report.entryCount == 200, "after concurrent appends: \(report)")
            try expect(ledger.snapshot.subjectCount == 200, "the view holds \(ledger.snapshot.subjectCount) subjects")
        },
    ]
}

/// A store failed a conformance check.
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// What the store did wrong.
    public var message: String
    /// What the store did wrong.
    public var description: String { message }
}
