/// Where ledger entries live (账本存储): an embedded SQLite file, memory, or an integrator's own database.
///
/// A store keeps entries exactly as given and never changes or removes one. It is `Sendable`: implementations
/// serialise access themselves (a lock around a connection). ``Ledger`` does the hashing and validation; a store
/// only has to keep its promises, which the conformance suite in `CreditKitTesting` checks:
/// - `append` writes the whole batch or nothing, and refuses a batch that does not continue the chain (the first
///   sequence number must follow the head, and its previous hash must be the head's hash);
/// - a write that returned is durable (for a file store: committed and synced);
/// - reads return entries in sequence order, byte for byte as appended.
///
/// Beside the entries, a store keeps one checkpoint blob (a cache of the views, never the truth) and the personal
/// data vault: sealed blobs by ``PersonToken``, the only thing a store may delete.
public protocol LedgerStore: AnyObject, Sendable {
    /// The last entry's sequence number and hash, or ``ChainHead/empty``.
    /// - Throws: A storage error.
    func head() throws -> ChainHead

    /// Appends a batch atomically.
    /// - Parameter entries: Consecutive entries continuing the chain.
    /// - Throws: ``CreditKitError/Code/brokenChain`` when they do not continue it; a storage error otherwise. In
    ///   either case nothing is written.
    func append(_ entries: [LedgerEntry]) throws

    /// Runs `body` while holding off every other process's writer (写入独占): the ledger takes in what others
    /// wrote, validates and appends inside it, so no other writer can slip in between validation and commit.
    /// A store that only this process writes needs nothing more than calling `body` (the default).
    /// - Parameter body: The catch-up, validation and at most one ``append(_:)``.
    /// - Returns: What `body` returns.
    /// - Throws: A storage error when the lock cannot be had; what `body` throws (then nothing is written).
    func whileWriting<T>(_ body: () throws -> T) throws -> T

    /// The tokens the vault holds sealed data for, to find data no official's registration accounts for; `nil` when
    /// the store cannot list them (the default), and then that check is not made.
    /// - Returns: The tokens, or `nil`.
    /// - Throws: A storage error.
    func sealedTokens() throws -> [PersonToken]?

    /// Whether the store was opened to read only (只读): every write is refused, and ``Ledger/close()`` writes no
    /// checkpoint.
    var isReadOnly: Bool { get }

    /// The chain verified by the store itself, when it can do so faster than entry by entry (the SQLite store hashes
    /// its rows on a second thread while it reads them): the same report ``Ledger/verify(store:)`` would give, or
    /// `nil` to have it read the entries.
    /// - Returns: The report, or `nil`.
    /// - Throws: A storage error.
    func verifiedChain() throws -> VerificationReport?

    /// Calls `body` with every entry from `first` on, in order, streaming.
    /// - Parameters:
    ///   - first: The first sequence number to read.
    ///   - body: Called once per entry; throw to stop.
    /// - Throws: A storage error or what `body` throws.
    func forEachEntry(from first: Int64, _ body: (LedgerEntry) throws -> Void) throws

    /// The entries with the given sequence numbers, in the order given; missing ones are left out.
    /// - Parameter sequences: Sequence numbers.
    /// - Returns: The entries.
    /// - Throws: A storage error.
    func entries(sequences: [Int64]) throws -> [LedgerEntry]

    /// The sequence numbers of the entries that concern a subject, ascending.
    /// - Parameter subject: The subject.
    /// - Returns: Sequence numbers.
    /// - Throws: A storage error.
    func sequences(concerning subject: SubjectID) throws -> [Int64]

    /// The saved checkpoint blob, if any.
    /// - Returns: The blob.
    /// - Throws: A storage error.
    func loadCheckpoint() throws -> [UInt8]?

    /// Replaces the checkpoint blob.
    /// - Parameter blob: The new blob.
    /// - Throws: A storage error.
    func saveCheckpoint(_ blob: [UInt8]) throws

    /// Stores a person's sealed personal data, replacing what was there.
    /// - Parameters:
    ///   - sealed: The AES-GCM sealed bytes.
    ///   - token: The person's token.
    /// - Throws: A storage error.
    func storeSealedPersonalData(_ sealed: [UInt8], for token: PersonToken) throws

    /// A person's sealed personal data, or `nil` when there is none or it was erased.
    /// - Parameter token: The person's token.
    /// - Returns: The sealed bytes.
    /// - Throws: A storage error.
    func sealedPersonalData(for token: PersonToken) throws -> [UInt8]?

    /// Erases a person's sealed personal data so that it cannot be recovered from the store.
    /// - Parameter token: The person's token.
    /// - Returns: Whether there was anything to erase.
    /// - Throws: A storage error.
    @discardableResult
    func eraseSealedPersonalData(for token: PersonToken) throws -> Bool

    /// What the store found wrong in its own derived data when it was opened, and rebuilt: a warning for the
    /// operator (a cache is never trusted over the entries).
    var openingWarnings: [String] { get }

    /// Takes in what other writers (other processes on the same file) appended since the store last looked.
    /// - Throws: Storage errors.
    func refresh() throws
}

extension LedgerStore {
    /// None: ``Ledger/verify(store:)`` reads the entries one by one.
    /// - Returns: `nil`.
    public func verifiedChain() throws -> VerificationReport? { nil }

    /// None: a store without derived data has nothing to rebuild.
    public var openingWarnings: [String] { [] }

    /// Nothing: a store only this process writes has nothing to take in.
    public func refresh() throws {}

    /// `nil`: a store that does not say cannot list its vault.
    /// - Returns: `nil`.
    public func sealedTokens() throws -> [PersonToken]? { nil }

    /// No: a store takes writes unless it says otherwise.
    public var isReadOnly: Bool { false }

    /// Just `body`: a store only this process writes has no other writer to hold off (``Ledger`` serialises its
    /// own appends).
    /// - Parameter body: The catch-up, validation and append.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func whileWriting<T>(_ body: () throws -> T) throws -> T { try body() }

    /// The entries that name a subject, up to a sequence number: what the subject index points to, each checked
    /// against the entry itself, so a row added to the index by hand cannot put another's entry in a subject's file.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - last: The last sequence number to include.
    /// - Returns: The entries, in order.
    /// - Throws: Storage errors.
    public func entries(concerning subject: SubjectID, through last: Int64 = .max) throws -> [LedgerEntry] {
        try entries(sequences: sequences(concerning: subject).filter { $0 <= last }).filter {
            $0.subjects.contains(subject)
        }
    }

    /// The entries from `first` through `last`, in order.
    /// - Parameters:
    ///   - first: The first sequence number.
    ///   - last: The last sequence number.
    /// - Returns: The entries that exist in that range.
    /// - Throws: A storage error.
    public func entries(from first: Int64, through last: Int64) throws -> [LedgerEntry] {
        guard first <= last else { return [] }
        return try entries(sequences: Array(first...last))
    }

    /// Checks that a batch continues a head: consecutive sequence numbers and linked hashes.
    /// - Parameters:
    ///   - entries: The batch.
    ///   - head: The current head.
    /// - Throws: ``CreditKitError/Code/brokenChain`` saying where the batch breaks.
    public func checkContinuation(_ entries: [LedgerEntry], of head: ChainHead) throws {
        var expected = head
        for entry in entries {
            guard entry.sequence == expected.sequence + 1 else {
                throw CreditKitError(
                    .brokenChain, "entry \(entry.sequence) does not follow #\(expected.sequence)",
                    context: ["sequence": String(entry.sequence)])
            }
            guard entry.previousHash == expected.hash else {
                throw CreditKitError(
                    .brokenChain,
                    "entry \(entry.sequence) names previous hash \(entry.previousHash), head is \(expected.hash)",
                    context: ["sequence": String(entry.sequence)])
            }
            expected = ChainHead(sequence: entry.sequence, hash: entry.hash)
        }
    }
}
