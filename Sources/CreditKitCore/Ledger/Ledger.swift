import Dispatch
import Synchronization

/// The append-only, hash-chained ledger (账本): the one source of truth.
///
/// One writer: appends go through this actor, which validates the whole batch, assigns sequence numbers, hashes
/// the chain, commits one store transaction and then publishes a new ``CoreView`` snapshot. Many readers:
/// ``snapshot`` is a value read without waiting for the writer.
///
/// On open, the view is restored from the store's checkpoint when it matches the chain (its head's hash is the
/// stored hash at that sequence), and the entries after it are replayed; without a usable checkpoint the view is
/// rebuilt from every entry.
public actor Ledger {
    /// The store the entries live in. Not public: every write goes through ``append(_:)``, which validates, hashes
    /// and commits one batch; reads go through ``read(_:)`` and ``read(concerning:through:)``.
    package nonisolated let store: any LedgerStore
    /// The event types this ledger can read.
    public nonisolated let registry: EventRegistry
    /// Where "now" comes from for recorded times.
    public nonisolated let clock: any LedgerClock
    /// The jurisdiction profile whose figures validation uses (minimum display periods before repair).
    public nonisolated let profile: JurisdictionProfile
    /// After how many new entries a checkpoint is written on its own; `close()` always writes one.
    public var checkpointInterval: Int = 250_000
    /// Which role may append which events (权限策略).
    public nonisolated let access: AccessPolicy
    private nonisolated let refused = RefusalCounter()

    /// The appends refused by the access policy since the ledger was opened, by role and event kind (拒绝统计).
    public nonisolated var refusals: [RefusalTally: Int] { refused.all }

    /// The view. The writer mutates it in place under the lock, so no copy is made unless a reader holds a
    /// snapshot; readers take a snapshot (a retained value) under the same lock.
    private let published: Mutex<CoreView>
    private var entriesSinceCheckpoint = 0
    /// The key checkpoints are authenticated with; `nil`: none is written or used.
    nonisolated let cacheKey: [UInt8]?
    /// How the view was restored on open: from a checkpoint (and how many entries were replayed) or rebuilt.
    public nonisolated let restoration: Restoration

    /// How the view was restored on open.
    public struct Restoration: Sendable, Hashable {
        /// Whether a checkpoint was used.
        public var usedCheckpoint: Bool
        /// How many entries were replayed on top of it (all of them when none was used).
        public var replayedEntries: Int
        /// What was found wrong in the derived data on open, each once: a checkpoint that was there but not used
        /// (it did not authenticate, did not decode, or claims a head the chain does not have) and what the store
        /// found (``LedgerStore/openingWarnings``): caches found wrong and rebuilt, which a tool reports.
        public var warnings: [String]

        /// The ``warnings`` in one line, or `nil` when there are none.
        public var warning: String? { warnings.isEmpty ? nil : warnings.joined(separator: "; ") }

        /// Makes a description of a restoration.
        /// - Parameters:
        ///   - usedCheckpoint: Whether a checkpoint was used.
        ///   - replayedEntries: How many entries were replayed.
        ///   - warning: Why a checkpoint there was not used.
        public init(usedCheckpoint: Bool, replayedEntries: Int, warning: String? = nil) {
            self.usedCheckpoint = usedCheckpoint
            self.replayedEntries = replayedEntries
            self.warnings = warning.map { [$0] } ?? []
        }
    }

    /// Opens a ledger on a store, restoring its view.
    /// - Parameters:
    ///   - store: The store.
    ///   - registry: The event types to read; the core's by default. Add each sector module's.
    ///   - clock: Where recorded times come from.
    ///   - profile: The jurisdiction profile validation uses.
    ///   - cacheKey: The key the view checkpoint is authenticated with (``VaultKeys/cacheKey``); without one no
    ///     checkpoint is written or used, and the views are rebuilt from the chain on every open.
    ///   - access: Which role may append which events; the standard policy by default.
    /// - Throws: ``CreditKitError/Code/unknownEventKind`` naming a stored kind no registered type reads;
    ///   ``CreditKitError/Code/brokenChain`` when the last entry's hash does not match its contents; storage errors.
    public init(
        store: any LedgerStore, registry: EventRegistry = .core, clock: any LedgerClock = SystemClock(),
        profile: JurisdictionProfile = .national, cacheKey: [UInt8]? = nil, access: AccessPolicy = .standard
    ) throws {
        self.store = store
        self.access = access
        self.registry = registry
        self.clock = clock
        self.profile = profile
        self.cacheKey = cacheKey
        let storeHead = try store.head()
        var view = CoreView()
        var usedCheckpoint = false
        var warning: String?
        // The checkpoint is a cache, used only when its MAC (under the kit's key) holds, it decodes, and the head it
        // claims is in the chain; anything else is rebuilt from the chain, with a warning. Without a key none is used.
        if let cacheKey, let sealed = try store.loadCheckpoint() {
            switch ViewCheckpoint.open(sealed, key: cacheKey) {
            case .failure(let problem): warning = problem.reason
            case .success(let blob):
                do {
                    let saved = try ViewCheckpoint.decode(blob)
                    // Head #0 is the empty chain's own (a ledger made and closed before any entry): it has no entry.
                    let anchor =
                        saved.head.sequence == 0
                        ? CoreView().head.hash
                        : saved.head.sequence <= storeHead.sequence
                            ? try store.entries(sequences: [saved.head.sequence]).first?.hash : nil
                    if anchor == saved.head.hash {
                        view = saved
                        usedCheckpoint = true
                    } else {
                        warning = "the checkpoint claims head \(saved.head), which the chain does not hold"
                    }
                } catch {
                    warning = "the checkpoint authenticates but does not decode: \(error)"
                }
            }
        }
        let checker = EntryHasher()
        var replayed = 0
        var last: LedgerEntry?
        try store.forEachEntry(from: view.head.sequence + 1) { entry in
            // Each entry replayed must follow the one before (its hash is checked by verify; the last one's below).
            guard entry.sequence == view.head.sequence + 1, entry.previousHash == view.head.hash else {
                throw CreditKitError(
                    .brokenChain,
                    "entry \(entry.sequence) does not follow entry \(view.head.sequence) of the chain; run verify",
                    context: ["sequence": String(entry.sequence)])
            }
            try view.apply(entry, event: nil, registry: registry)
            replayed += 1
            last = entry
        }
        if last == nil, storeHead.sequence > 0 {
            last = try store.entries(sequences: [storeHead.sequence]).first
        }
        if let last, checker.hash(of: last) != last.hash {
            throw CreditKitError(
                .brokenChain, "the last entry, \(last.sequence), does not match its hash; run verify",
                context: ["sequence": String(last.sequence)])
        }
        for kind in view.kindsSeen where !registry.knows(kind) {
            throw CreditKitError(
                .unknownEventKind,
                "the ledger holds events of kind '\(kind)', which no registered module provides; register the module that defines it",
                context: ["kind": kind.rawValue])
        }
        self.published = Mutex(view)
        var restoration = Restoration(usedCheckpoint: usedCheckpoint, replayedEntries: replayed)
        restoration.warnings =
            store.openingWarnings + (warning.map { ["\($0); the views were rebuilt from the chain"] } ?? [])
        self.restoration = restoration
        self.entriesSinceCheckpoint = replayed
    }

    /// Takes in the entries another process appended since this ledger's view: each must continue the chain.
    /// - Throws: ``CreditKitError/Code/brokenChain`` when they do not; storage and decoding errors.
    func catchUp() throws {
        try store.refresh()
        let checker = EntryHasher()
        let stored = try store.head()
        try published.withLock { view in
            // A store behind this view lost entries this process has seen (restored from a backup, say).
            guard stored.sequence >= view.head.sequence else {
                throw CreditKitError(
                    .brokenChain,
                    "the store's chain ends at #\(stored.sequence), behind the #\(view.head.sequence) this process has "
                        + "seen: entries were lost or the ledger was restored from a backup; run verify",
                    context: ["sequence": String(stored.sequence)])
            }
            guard stored.sequence > view.head.sequence || stored.hash == view.head.hash else {
                throw CreditKitError(
                    .brokenChain,
                    "the store's entry #\(stored.sequence) is not the one this process has seen: the chain was "
                        + "rewritten or restored from another copy; run verify",
                    context: ["sequence": String(stored.sequence)])
            }
            try store.forEachEntry(from: view.head.sequence + 1) { entry in
                guard entry.sequence == view.head.sequence + 1, entry.previousHash == view.head.hash,
                    checker.hash(of: entry) == entry.hash
                else {
                    throw CreditKitError(
                        .brokenChain,
                        "entry \(entry.sequence), written by another process, does not continue the chain",
                        context: ["sequence": String(entry.sequence)])
                }
                try view.apply(entry, event: nil, registry: registry)
            }
        }
    }

    /// Takes in what other processes appended since this ledger's view (跟进其他写入者): a service whose store is
    /// shared (PostgreSQL, or one SQLite file) calls it before a read that must see other services' writes, or lets
    /// ``follow(every:)`` call it. Appends do it on their own.
    /// - Returns: How many entries were taken in.
    /// - Throws: ``CreditKitError/Code/brokenChain`` when what was written does not continue the chain; storage
    ///   errors.
    @discardableResult
    public func refresh() throws -> Int {
        let before = snapshot.head.sequence
        if try store.head() != snapshot.head { try catchUp() }
        return Int(snapshot.head.sequence - before)
    }

    /// Keeps the view up to date with other processes' writes, calling ``refresh()`` every `interval` until the
    /// task is cancelled: a record another service appends is in this one's view within `interval` plus the time
    /// to read it.
    /// - Parameter interval: How often to look.
    /// - Throws: What ``refresh()`` throws; nothing on cancellation (the loop just ends).
    public func follow(every interval: Duration) async throws {
        while !Task.isCancelled {
            try refresh()
            do {
                try await Task.sleep(for: interval)
            } catch is CancellationError {
                return  // Cancelled: following ends, as asked.
            }
        }
    }

    /// The latest published view: a value, read without waiting for the writer.
    public nonisolated var snapshot: CoreView { published.withLock { $0 } }

    /// The head of the chain.
    public var head: ChainHead { snapshot.head }

    /// Validates and appends a batch atomically.
    ///
    /// Every event is checked against the access policy and validated first, in order, each seeing the ones before
    /// it; if any fails, nothing is written and the error names the event's index and the reason. Then the batch
    /// gets consecutive sequence numbers and one recorded time, is hashed into the chain with who appended it, and
    /// is committed in one transaction.
    /// - Parameters:
    ///   - events: The events.
    ///   - principal: Who appends them; ``Principal/system`` (an integrator's own code) by default.
    /// - Returns: The entries written, in order.
    /// - Throws: ``CreditKitError/Code/forbidden`` when the principal may not append an event;
    ///   ``CreditKitError`` with `index` in its context for a bad event; storage errors.
    @discardableResult
    public func append(_ events: [any LedgerEvent], by principal: Principal = .system) throws -> [LedgerEntry] {
        try append(events, alongside: nil, by: principal)
    }

    /// Validates and appends a batch atomically, with another write to the same store in the same transaction:
    /// `alongside` runs after the batch was validated and before it is committed, and on a store that holds a
    /// transaction through ``LedgerStore/whileWriting(_:)`` (SQLite) both are committed together or not at all.
    /// ``CreditKit/registerOfficial(residentID:name:on:externalIdentifiers:)`` seals the person's data this way.
    /// - Parameters:
    ///   - events: The events.
    ///   - alongside: The other write (to the store's vault, say); not run when the batch is refused.
    ///   - principal: Who appends them; ``Principal/system`` by default.
    /// - Returns: The entries written, in order.
    /// - Throws: ``CreditKitError`` with `index` in its context for a bad event or one the principal may not
    ///   append; what `alongside` throws; storage errors.
    @discardableResult
    public func append(
        _ events: [any LedgerEvent], alongside: (@Sendable () throws -> Void)?, by principal: Principal = .system
    ) throws -> [LedgerEntry] {
        guard !events.isEmpty else { return [] }
        return try append(building: { _ in events }, alongside: alongside, by: principal)
    }

    /// Builds, validates and appends a batch under the store's write lock, after taking in what another process
    /// wrote, so the first sequence number given to `build` is the one the batch gets.
    private func append(
        building build: (_ firstSequence: Int64) throws -> [any LedgerEvent], alongside: (@Sendable () throws -> Void)?,
        by principal: Principal
    ) throws -> [LedgerEntry] {
        // Another process may write to the same file: with its writers held off, take in what it wrote, validate
        // against that and commit, so nothing can come in between.
        var events: [any LedgerEvent] = []
        let entries = try store.whileWriting {
            if try store.head() != snapshot.head { try catchUp() }
            events = try build(snapshot.head.sequence + 1)
            guard !events.isEmpty else { return [LedgerEntry]() }
            let entries = try prepare(events, by: principal)
            try alongside?()
            try store.append(entries)
            return entries
        }
        guard !entries.isEmpty else { return [] }
        try published.withLock { view in
            for (entry, event) in zip(entries, events) {
                try view.apply(entry, event: event, registry: registry)
            }
        }
        entriesSinceCheckpoint += entries.count
        // Checkpoints grow with the ledger, so write them at most every half-ledger: replay after a crash stays
        // bounded by half the entries, and the cost per appended entry stays constant.
        if entriesSinceCheckpoint >= max(checkpointInterval, Int(entries[entries.count - 1].sequence / 2)) {
            try checkpoint()
        }
        return entries
    }

    /// Validates a batch against the current view and turns it into chained entries, writing nothing.
    ///
    /// Validation runs in order (each event sees the ones before it). Encoding and hashing all but the previous
    /// hash are independent per event, so a large batch does them on every core; the chain is then closed in order.
    private func prepare(_ events: [any LedgerEvent], by principal: Principal) throws -> [LedgerEntry] {
        let recordedAt = clock.now()
        let principalText = principal.canonicalText
        let view = snapshot
        let (store, registry) = (self.store, self.registry)
        var context = ValidationContext(
            view: view, sequence: view.head.sequence + 1, recordedAt: recordedAt, profile: profile,
            lookupEvent: { sequence in
                try store.entries(sequences: [sequence]).first.map { try registry.decode($0) }
            },
            lookupEntries: { subject in
                try store.entries(concerning: subject, through: view.head.sequence)
            }, openingKinds: registry.openingKinds, decode: { try registry.decode($0) })
        let first = context.sequence
        for (index, event) in events.enumerated() {
            let kind = type(of: event).kind
            do {
                guard registry.knows(kind) else {
                    throw CreditKitError(
                        .unknownEventKind,
                        "event kind '\(kind)' is not registered with this ledger; register its module")
                }
                for subject in event.subjects where !subject.isWellFormed {
                    throw CreditKitError(
                        .invalidEvent, "subject identifier '\(subject)' is not 1-128 printable ASCII characters")
                }
                // A fact holds from a day that has come: one dated after the day it is recorded has not happened.
                if event.effectiveDate > context.recordedAt.chinaDate {
                    throw CreditKitError(
                        .invalidEvent,
                        "it takes effect on \(event.effectiveDate), after the day it is recorded "
                            + "(\(context.recordedAt.chinaDate)): a fact is recorded once it has happened")
                }
                // Who may append it, before anything else is looked at; a refusal is counted.
                if principal.role != .system, let reason = try access.refusal(of: event, by: principal, in: context) {
                    refused.count(RefusalTally(role: principal.role, kind: kind))
                    throw CreditKitError(.forbidden, reason, context: ["role": principal.role.rawValue])
                }
                try event.validate(in: context)
            } catch let error as CreditKitError {
                throw Ledger.refusal(error, index: index, kind: kind)
            }
            context.note(event)
            context.sequence += 1
        }

        struct Prepared {
            var payload: [UInt8] = []
            var subjects: [SubjectID] = []
            var partial: PartialSHA256?
            var error: CreditKitError?
        }
        var prepared = [Prepared](repeating: Prepared(), count: events.count)
        prepared.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunks = events.count >= 256 ? 2 : 1
            let size = (events.count + chunks - 1) / chunks
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let hasher = EntryHasher()
                let encoder = CanonicalEncoder()
                for index in (chunk * size)..<min(events.count, (chunk + 1) * size) {
                    let event = events[index]
                    do {
                        let payload = try encoder.encode(event)
                        if let bad = CanonicalWriter.forbiddenText(in: payload) {
                            throw CreditKitError(
                                .invalidEvent,
                                "a text holds the character U+\(String(bad, radix: 16, uppercase: true)) (a control "
                                    + "character or a bidirectional override), which no field may hold")
                        }
                        let subjects = event.subjects
                        slots[index].partial = hasher.partialHash(
                            sequence: first + Int64(index), recordedAt: recordedAt, effectiveDate: event.effectiveDate,
                            kind: type(of: event).kind, version: type(of: event).version, subjects: subjects,
                            payload: payload, principal: principalText)
                        slots[index].payload = payload
                        slots[index].subjects = subjects
                    } catch {
                        slots[index].error =
                            error as? CreditKitError ?? CreditKitError(.encoding, "\(error)")
                    }
                }
            }
        }

        var entries: [LedgerEntry] = []
        entries.reserveCapacity(events.count)
        var previous = view.head.hash
        for (index, event) in events.enumerated() {
            let kind = type(of: event).kind
            if let error = prepared[index].error { throw Ledger.refusal(error, index: index, kind: kind) }
            let hash = prepared[index].partial!.finish(appending: previous)
            entries.append(
                LedgerEntry(
                    sequence: first + Int64(index), recordedAt: recordedAt, effectiveDate: event.effectiveDate,
                    kind: kind, version: type(of: event).version, subjects: prepared[index].subjects,
                    payload: prepared[index].payload, previousHash: previous, hash: hash, appendedBy: principal))
            previous = hash
        }
        return entries
    }

    private static func refusal(_ error: CreditKitError, index: Int, kind: EventKind) -> CreditKitError {
        error.with("index", String(index)).with("kind", kind.rawValue)
            .prefixed("event \(index) (\(kind)) refused, batch not written: ")
    }

    /// Builds a batch from the sequence number its first event will get, then validates and appends it, with no
    /// other append in between, in this process or another writing to the same file (the batch is built under the
    /// write lock): for batches whose later events refer to earlier ones (a record and the confirmation that names
    /// it, a commitment and the sector fact that carries it).
    /// - Parameters:
    ///   - build: Makes the events, given the first one's sequence number.
    ///   - principal: Who appends them; ``Principal/system`` by default.
    /// - Returns: The entries written.
    /// - Throws: What `build` throws, or what `append(_:by:)` throws.
    @discardableResult
    public func append(
        building build: (_ firstSequence: Int64) throws -> [any LedgerEvent], by principal: Principal = .system
    ) throws -> [LedgerEntry] {
        try append(building: build, alongside: nil, by: principal)
    }

    /// Appends a registration unless its subject is registered already, deciding under the write lock.
    /// - Parameters:
    ///   - event: The registration.
    ///   - id: The subject it registers.
    ///   - same: Whether the subject registered already is the same one.
    /// - Returns: The entry, or `nil` when the same subject was there.
    /// - Throws: ``CreditKitError/Code/duplicate`` when another subject holds the identifier; what append throws.
    func registering(
        _ event: some LedgerEvent, unless id: SubjectID, by principal: Principal, same: (Subject) -> Bool
    ) throws -> LedgerEntry? {
        try append(
            building: { _ in
                guard let known = snapshot.subject(id)?.subject else { return [event] }
                guard same(known) else {
                    throw CreditKitError(
                        .duplicate, "\(id) is registered already with other details; nothing was written",
                        context: ["subject": id.rawValue])
                }
                return []
            }, by: principal
        ).first
    }

    /// Validates and appends one event.
    /// - Parameter event: The event.
    /// - Returns: The entry written.
    /// - Throws: As `append(_:)`.
    @discardableResult
    public func append(_ event: some LedgerEvent) throws -> LedgerEntry {
        try append([event])[0]
    }

    /// Saves the current view as the store's checkpoint, so the next open need not replay the whole ledger.
    /// - Throws: Storage errors.
    public func checkpoint() throws {
        // Without a key a checkpoint could not be trusted on the next open, so none is written.
        if let cacheKey {
            try store.saveCheckpoint(ViewCheckpoint.seal(ViewCheckpoint.encode(snapshot), key: cacheKey))
        }
        entriesSinceCheckpoint = 0
    }

    /// Saves a checkpoint (none on a store opened to read only). Call before the process ends to make the next open
    /// fast; nothing is lost without it.
    /// - Throws: Storage errors.
    public func close() throws {
        guard !store.isReadOnly else { return }
        try checkpoint()
    }

    /// Sets how many new entries trigger an automatic checkpoint.
    /// - Parameter interval: Entries between checkpoints.
    public func setCheckpointInterval(_ interval: Int) { checkpointInterval = max(1, interval) }

    /// Recomputes the whole chain and names the first entry that does not hold.
    /// - Returns: The report.
    /// - Throws: Storage errors (a broken chain is a report, not an error).
    public func verify() throws -> VerificationReport {
        try Ledger.verify(store: store)
    }

    /// Recomputes a store's chain.
    /// - Parameter store: The store.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    public static func verify(store: any LedgerStore) throws -> VerificationReport {
        if let report = try store.verifiedChain() { return report }
        return try verifyPipelined(store: store)
    }

    /// Recomputes a store's chain as ``verifyEntryByEntry(store:)`` does, with the same report, but hashing on other
    /// threads while this one reads: the links (sequence, previous hash) are checked in order as entries arrive, and
    /// batches of 4,096 are hashed meanwhile, at most three batches ahead. The first problem in the chain's order is
    /// reported — an entry whose contents changed before the first broken link, else the link.
    /// - Parameter store: The store.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    static func verifyPipelined(store: any LedgerStore) throws -> VerificationReport {
        // The first entry (in chain order) whose contents do not match its hash, with the hash before it.
        let changed = Mutex<(sequence: Int64, previous: Digest)?>(nil)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: 3)
        var batch: [LedgerEntry] = []
        batch.reserveCapacity(4_096)
        func dispatch() {
            let full = batch
            batch = []
            batch.reserveCapacity(4_096)
            slots.wait()
            DispatchQueue.global().async(group: group) {
                let hasher = EntryHasher()
                if let bad = full.first(where: { hasher.hash(of: $0) != $0.hash }) {
                    changed.withLock { found in
                        if found.map({ bad.sequence < $0.sequence }) ?? true {
                            found = (bad.sequence, bad.previousHash)
                        }
                    }
                }
                slots.signal()
            }
        }
        var expected = ChainHead.empty
        var link: (sequence: Int64, problem: String)?
        struct Stop: Error {}
        do {
            try store.forEachEntry(from: 1) { entry in
                link = VerificationReport.linkProblem(entry, after: expected)
                if link != nil { throw Stop() }
                batch.append(entry)
                expected = ChainHead(sequence: entry.sequence, hash: entry.hash)
                if batch.count == 4_096 { dispatch() }
            }
        } catch is Stop {}
        if !batch.isEmpty { dispatch() }
        group.wait()
        return VerificationReport.first(changed: changed.withLock { $0 }, link: link, head: expected)
    }

    /// Recomputes a store's chain entry by entry, whatever the store.
    /// - Parameter store: The store.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    static func verifyEntryByEntry(store: any LedgerStore) throws -> VerificationReport {
        let hasher = EntryHasher()
        var expected = ChainHead.empty
        var problem: (Int64, String)?
        struct Stop: Error {}
        do {
            try store.forEachEntry(from: 1) { entry in
                if let broken = VerificationReport.linkProblem(entry, after: expected) {
                    problem = broken
                } else if hasher.hash(of: entry) != entry.hash {
                    problem = (
                        entry.sequence,
                        "entry \(entry.sequence) does not match its stored hash: its contents were changed"
                    )
                }
                if problem != nil { throw Stop() }
                expected = ChainHead(sequence: entry.sequence, hash: entry.hash)
            }
        } catch is Stop {}
        return VerificationReport(
            entryCount: problem == nil ? expected.sequence : expected.sequence, head: expected,
            firstBrokenSequence: problem?.0, problem: problem?.1)
    }

    /// The entries from `first` through `last`.
    /// - Parameters:
    ///   - first: The first sequence number.
    ///   - last: The last sequence number.
    /// - Returns: The entries.
    /// - Throws: Storage errors.
    public func entries(from first: Int64, through last: Int64) throws -> [LedgerEntry] {
        try store.entries(from: first, through: last)
    }

    /// The entries that concern a subject, in order.
    /// - Parameter subject: The subject.
    /// - Returns: The entries.
    /// - Throws: Storage errors.
    public func entries(concerning subject: SubjectID) throws -> [LedgerEntry] {
        try store.entries(concerning: subject)
    }

    /// The entries of some identifiers, read without waiting for the writer.
    /// - Parameter ids: The entries' identifiers (evidence of a finding, a record's or decision's entry).
    /// - Returns: The entries that exist, in order.
    /// - Throws: Storage errors.
    public nonisolated func read(_ ids: [LedgerEntry.ID]) throws -> [LedgerEntry] {
        try store.entries(sequences: ids.map(\.rawValue))
    }

    /// The entries that name a subject, up to a snapshot's head, in order, read without waiting for the writer:
    /// how a module reads its own facts about a subject.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - view: The snapshot; entries after its head are left out.
    /// - Returns: The entries.
    /// - Throws: Storage errors.
    public nonisolated func read(concerning subject: SubjectID, through view: CoreView) throws -> [LedgerEntry] {
        try store.entries(concerning: subject, through: view.head.sequence)
    }

    /// Decodes the event of an entry.
    /// - Parameter entry: The entry.
    /// - Returns: The event.
    /// - Throws: ``CreditKitError/Code/unknownEventKind`` or ``CreditKitError/Code/decoding``.
    public nonisolated func event(of entry: LedgerEntry) throws -> any LedgerEvent {
        try registry.decode(entry)
    }

    /// A subject's profile as of a date: its registration, tenures, records and commitments then.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - asOf: The effective date; today in China time by default.
    ///   - knownAt: The recorded time; now by default.
    /// - Returns: The profile, or `nil` when the subject was not registered by then.
    /// - Throws: Storage and decoding errors.
    public nonisolated func profile(
        of subject: SubjectID, asOf: LocalDate? = nil, knownAt: Timestamp? = nil
    ) throws -> SubjectProfile? {
        let now = clock.now()
        let asOf = asOf ?? now.chinaDate
        let knownAt = knownAt ?? now
        let view = snapshot
        guard let state = view.subject(subject, asOf: asOf, knownAt: knownAt) else { return nil }
        let refs = view.references(for: subject, asOf: asOf, knownAt: knownAt)
        var bySequence: [Int64: LedgerEntry] = [:]
        for entry in try store.entries(sequences: refs.map(\.sequence)) { bySequence[entry.sequence] = entry }
        var records: [SubjectProfile.RecordItem] = []
        var commitments: [SubjectProfile.CommitmentItem] = []
        for ref in refs {
            // Each fact the view names must be in the store: one gone is never passed over (nor another put in its
            // place).
            guard let entry = bySequence[ref.sequence] else {
                throw CreditKitError(
                    .brokenChain,
                    "entry \(ref.sequence), which the view holds for \(subject), is missing from the store; run verify",
                    context: ["sequence": String(ref.sequence)])
            }
            switch try registry.decode(entry) {
            case let e as RecordEntered:
                let life = view.lifecycles[CreditRecord.ID(entry.sequence)]
                records.append(
                    .init(
                        id: CreditRecord.ID(entry.sequence), record: e.record, recordedAt: entry.recordedAt,
                        role: ref.role, revokedOn: life?.revokedOn(asOf: asOf, knownAt: knownAt),
                        repairedOn: life?.repairedOn(asOf: asOf, knownAt: knownAt)))
            case let e as any CommitmentMaking:
                commitments.append(
                    .init(
                        id: Commitment.ID(entry.sequence), commitment: e.commitmentMade, recordedAt: entry.recordedAt,
                        role: ref.role))
            default:
                break
            }
        }
        return SubjectProfile(
            state: state, asOf: asOf, knownAt: knownAt,
            tenures: view.tenures(of: subject, asOf: asOf, knownAt: knownAt),
            records: records, commitments: commitments)
    }
}

extension CreditKitError {
    func prefixed(_ prefix: String) -> CreditKitError {
        var copy = self
        copy.message = prefix + message
        return copy
    }
}
