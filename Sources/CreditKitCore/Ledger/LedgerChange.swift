/// One change of the ledger as other systems follow it (账本变更): which entry, what kind of fact, about whom, for
/// which day, when it was recorded, and by what role. No payload and no name: a follower that needs a fact's content
/// reads it through the SDK with a principal allowed to.
public struct LedgerChange: Hashable, Sendable {
    /// The entry's sequence number: a follower asks next for the changes after the last one it took.
    public var sequence: Int64
    /// The kind of fact.
    public var kind: EventKind
    /// The subjects it concerns (credit codes, person tokens).
    public var subjects: [SubjectID]
    /// The day the fact holds from.
    public var day: LocalDate
    /// When the ledger recorded it.
    public var recordedAt: Timestamp
    /// The entry's hash, which chains it to the one before.
    public var hash: Digest
    /// The hash of the entry before, which a follower checks against the last hash it took.
    public var previousHash: Digest
    /// The role of whoever appended it, when the entry says.
    public var role: Principal.Role?
    /// The reporting unit they appended it for, when there is one.
    public var unit: SubjectID?

    /// The change an entry stands for.
    /// - Parameter entry: The entry.
    public init(_ entry: LedgerEntry) {
        sequence = entry.sequence
        kind = entry.kind
        subjects = entry.subjects
        day = entry.effectiveDate
        recordedAt = entry.recordedAt
        hash = entry.hash
        previousHash = entry.previousHash
        role = entry.appendedBy?.role
        unit = entry.appendedBy?.unit
    }
}

extension CreditKit {
    /// The changes after a sequence number, in order (变更订阅): what other systems read to follow the ledger. Takes in
    /// what other processes appended first, so a follower sees every service's writes.
    /// - Parameters:
    ///   - sequence: The last sequence number the follower took (0 for everything).
    ///   - limit: At most this many changes.
    /// - Returns: The changes, oldest first.
    /// - Throws: ``CreditKitError/Code/forbidden`` for the public (the feed names every fact, published or not);
    ///   ``CreditKitError/Code/invalidArgument`` for a negative sequence or limit; storage errors.
    public func changes(since sequence: Int64, limit: Int = 10_000) async throws -> [LedgerChange] {
        var out: [LedgerChange] = []
        try await forEachChange(since: sequence) { change in
            guard out.count < limit else { return false }
            out.append(change)
            return true
        }
        return out
    }

    /// Streams the changes after a sequence number, in order, until `body` returns `false`.
    /// - Parameters:
    ///   - sequence: The last sequence number the follower took (0 for everything).
    ///   - body: Called per change; returns whether to go on.
    /// - Throws: As ``changes(since:limit:)``, and what `body` throws.
    public func forEachChange(since sequence: Int64, _ body: (LedgerChange) throws -> Bool) async throws {
        guard principal.role != .public else {
            throw CreditKitError(
                .forbidden, "the change feed names every fact, published or not: the public reads the public view")
        }
        try await ledger.refresh()
        try LedgerChange.forEach(in: ledger.store, since: sequence, through: view.head.sequence, body)
    }
}

extension LedgerChange {
    /// Streams a store's changes after a sequence number, each entry checked as it goes — it follows the one before
    /// and matches its hash — so an edited entry stops the feed instead of going out as genuine. No view and no keys
    /// are needed: what `creditkit changes` reads.
    /// - Parameters:
    ///   - store: The store.
    ///   - sequence: The last sequence number the follower took (0 for everything).
    ///   - last: The last entry to give.
    ///   - body: Called per change; returns whether to go on.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` for a negative sequence; ``CreditKitError/Code/brokenChain``
    ///   when the follower is past the end of the chain (it was rolled back or restored) or an entry does not hold;
    ///   storage errors; what `body` throws.
    public static func forEach(
        in store: any LedgerStore, since sequence: Int64, through last: Int64, _ body: (LedgerChange) throws -> Bool
    ) throws {
        guard sequence >= 0 else {
            throw CreditKitError(.invalidArgument, "changes are asked for after a sequence number of 0 or more")
        }
        guard sequence <= last else {
            throw CreditKitError(
                .brokenChain,
                "the chain ends at #\(last), before #\(sequence) that the follower took: the ledger was rolled back or "
                    + "restored from a backup; run verify and compare with the follower's last hash",
                context: ["sequence": String(sequence)])
        }
        guard sequence < last else { return }
        // The follower's last entry; one the store no longer holds gets a hash nothing links to, so the first change
        // fails its check and the feed says so.
        var expected =
            sequence == 0
            ? ChainHead.empty
            : ChainHead(
                sequence: sequence,
                hash: try store.entries(sequences: [sequence]).first?.hash
                    ?? Digest(w0: .max, w1: .max, w2: .max, w3: .max))
        let hasher = EntryHasher()
        struct Stop: Error {}
        do {
            try store.forEachEntry(from: sequence + 1) { entry in
                guard entry.sequence <= last else { throw Stop() }
                guard entry.sequence == expected.sequence + 1, entry.previousHash == expected.hash,
                    hasher.hash(of: entry) == entry.hash
                else {
                    throw CreditKitError(
                        .brokenChain,
                        "entry \(entry.sequence) does not hold (it does not follow #\(expected.sequence), or its "
                            + "contents do not match its hash): the feed stops here; run verify",
                        context: ["sequence": String(entry.sequence)])
                }
                expected = ChainHead(sequence: entry.sequence, hash: entry.hash)
                guard try body(LedgerChange(entry)) else { throw Stop() }
            }
        } catch is Stop {
            return  // The follower has what it asked for.
        }
        guard expected.sequence == last else {
            throw CreditKitError(
                .brokenChain, "entry \(expected.sequence + 1) is missing from the store; run verify",
                context: ["sequence": String(expected.sequence + 1)])
        }
    }
}
