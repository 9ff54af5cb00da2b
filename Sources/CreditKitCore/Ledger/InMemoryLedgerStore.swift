import Synchronization

/// A ledger store in memory (内存存储), for tests, previews and short-lived tools. Nothing survives the process.
public final class InMemoryLedgerStore: LedgerStore {
    private struct State {
        var entries: [LedgerEntry] = []
        var bySubject: [SubjectID: [Int64]] = [:]
        var checkpoint: [UInt8]?
        var vault: [PersonToken: [UInt8]] = [:]
    }

    private let state = Mutex(State())

    /// Makes an empty store.
    public init() {}

    /// The last entry's sequence number and hash.
    public func head() throws -> ChainHead {
        state.withLock { s in
            s.entries.last.map { ChainHead(sequence: $0.sequence, hash: $0.hash) } ?? .empty
        }
    }

    /// Appends a batch atomically; refuses one that does not continue the chain.
    /// - Parameter entries: The batch.
    public func append(_ entries: [LedgerEntry]) throws {
        try state.withLock { s in
            let head = s.entries.last.map { ChainHead(sequence: $0.sequence, hash: $0.hash) } ?? .empty
            try checkContinuation(entries, of: head)
            s.entries.append(contentsOf: entries)
            for entry in entries {
                for subject in entry.subjects { s.bySubject[subject, default: []].append(entry.sequence) }
            }
        }
    }

    /// Calls `body` with every entry from `first` on.
    /// - Parameters:
    ///   - first: The first sequence number.
    ///   - body: Called per entry.
    public func forEachEntry(from first: Int64, _ body: (LedgerEntry) throws -> Void) throws {
        let snapshot = state.withLock { $0.entries }
        guard first >= 1 else { return try snapshot.forEach(body) }
        for entry in snapshot.dropFirst(Int(first - 1)) { try body(entry) }
    }

    /// The entries with these sequence numbers.
    /// - Parameter sequences: Sequence numbers.
    /// - Returns: The entries that exist.
    public func entries(sequences: [Int64]) throws -> [LedgerEntry] {
        state.withLock { s in
            sequences.compactMap { seq in
                seq >= 1 && seq <= Int64(s.entries.count) ? s.entries[Int(seq - 1)] : nil
            }
        }
    }

    /// The sequence numbers of the entries that concern a subject.
    /// - Parameter subject: The subject.
    /// - Returns: Ascending sequence numbers.
    public func sequences(concerning subject: SubjectID) throws -> [Int64] {
        state.withLock { $0.bySubject[subject] ?? [] }
    }

    /// The checkpoint blob.
    public func loadCheckpoint() throws -> [UInt8]? { state.withLock { $0.checkpoint } }

    /// Replaces the checkpoint blob.
    /// - Parameter blob: The blob.
    public func saveCheckpoint(_ blob: [UInt8]) throws { state.withLock { $0.checkpoint = blob } }

    /// The tokens the vault holds data for.
    /// - Returns: The tokens, sorted.
    public func sealedTokens() throws -> [PersonToken]? {
        state.withLock { $0.vault.keys.sorted { $0.hex < $1.hex } }
    }

    /// Stores sealed personal data.
    /// - Parameters:
    ///   - sealed: The sealed bytes.
    ///   - token: The person's token.
    public func storeSealedPersonalData(_ sealed: [UInt8], for token: PersonToken) throws {
        state.withLock { $0.vault[token] = sealed }
    }

    /// Sealed personal data.
    /// - Parameter token: The person's token.
    /// - Returns: The sealed bytes, or `nil`.
    public func sealedPersonalData(for token: PersonToken) throws -> [UInt8]? {
        state.withLock { $0.vault[token] }
    }

    /// Erases sealed personal data.
    /// - Parameter token: The person's token.
    /// - Returns: Whether there was any.
    @discardableResult
    public func eraseSealedPersonalData(for token: PersonToken) throws -> Bool {
        state.withLock { $0.vault.removeValue(forKey: token) != nil }
    }
}
