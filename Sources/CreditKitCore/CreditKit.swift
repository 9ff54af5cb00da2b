import Foundation

/// The facade an integrator holds (CreditKit 入口): a ledger on a store, the personal-data vault, the sector
/// modules, and typed helpers for the core facts.
///
/// ```swift
/// let kit = try CreditKit(store: .sqlite("/var/lib/credit/ledger.sqlite"))
/// try await kit.register(bureau, on: LocalDate(year: 2024, month: 1, day: 1))
/// let recordID = try await kit.enter(record)
/// let profile = try kit.profile(of: bureau.id)
/// ```
public final class CreditKit: Sendable {
    /// Where the ledger lives.
    public enum StoreChoice: Sendable {
        /// An SQLite file, created when missing; vault keys in `<path>.keys` unless given.
        case sqlite(String)
        /// An existing SQLite file opened to read only (``SQLiteLedgerStore/init(readingOnly:cacheKey:)``): every
        /// write is refused and the file is left as it was; vault keys from `<path>.keys` unless given (never
        /// created).
        case sqliteReadingOnly(String)
        /// Memory only.
        case inMemory
        /// An integrator's own store.
        case custom(any LedgerStore)
        /// A store a store library opens, with its vault keys in a file: the platform store of
        /// `CreditKitPostgreSQL` (`.postgreSQL(url)`).
        case opened(StoreOpening)
    }

    /// How to open a store that a store library provides, and where its vault keys live (存储打开方式): the keys
    /// are never kept in such a store, but in a file beside the service.
    public struct StoreOpening: Sendable {
        /// The store as messages may name it (without secrets).
        public var name: String
        /// Where the vault keys are read from when none are given; made there only while the ledger is empty.
        public var keysPath: String
        /// Opens the store.
        public var open: @Sendable () throws -> any LedgerStore

        /// Describes how to open a store.
        /// - Parameters:
        ///   - name: The store as messages may name it.
        ///   - keysPath: The vault keys' file.
        ///   - open: Opens the store.
        public init(name: String, keysPath: String, open: @escaping @Sendable () throws -> any LedgerStore) {
            self.name = name
            self.keysPath = keysPath
            self.open = open
        }
    }

    /// The ledger.
    public let ledger: Ledger
    /// The personal-data vault.
    public let vault: PersonalDataVault
    /// The registered sector modules.
    public let modules: [any SectorModule]
    /// The sanction and incentive policy.
    public let policy: SanctionPolicy
    /// How the vault keys stood when the kit was opened (wrong keys are refused before).
    public let keyCheck: PersonalDataVault.KeyCheck
    /// Who acts through this kit (操作主体): every write is appended as this principal, checked against the ledger's
    /// access policy, and reads that unmask personal data need a role that may. ``Principal/system`` unless the kit
    /// came from ``acting(as:)``.
    public let principal: Principal

    /// Opens a kit.
    /// - Parameters:
    ///   - store: Where the ledger lives.
    ///   - keys: The vault keys; for `.sqlite(path)` by default read from (or created at) `path + ".keys"`, for
    ///     other stores fresh keys.
    ///   - modules: The sector modules to register.
    ///   - clock: Where "now" comes from.
    ///   - profile: The jurisdiction profile whose figures the rules use; national by default.
    ///   - policy: The sanction and incentive policy; by default the national measures, cited as the profile's place
    ///     cites them (`SanctionPolicy.default(for:)`).
    /// - Throws: Storage, crypto and registration errors.
    public init(
        store: StoreChoice, keys: VaultKeys? = nil, modules: [any SectorModule] = [],
        clock: any LedgerClock = SystemClock(), profile: JurisdictionProfile = .national,
        policy: SanctionPolicy? = nil
    ) throws {
        let policy = policy ?? .default(for: profile)
        self.policy = SanctionPolicy(
            rules: policy.rules + modules.flatMap(\.sanctionRules),
            incentives: policy.incentives + modules.flatMap(\.incentiveRules))
        let ledgerStore: any LedgerStore
        let vaultKeys: VaultKeys
        switch store {
        case .sqlite(let path):
            // Nothing is created beside a file that is not a ledger (not even its keys).
            if case .other(let what) = SQLiteLedgerStore.inspect(path) {
                throw CreditKitError(.storage, "\(path) is not a CreditKit ledger: \(what); nothing was changed")
            }
            vaultKeys = try keys ?? VaultKeys.loadOrCreate(at: path + ".keys")
            ledgerStore = try SQLiteLedgerStore(path: path, cacheKey: vaultKeys.cacheKey)
        case .sqliteReadingOnly(let path):
            guard case .ledger = SQLiteLedgerStore.inspect(path) else {
                throw CreditKitError(.storage, "no CreditKit ledger at \(path) to read")
            }
            vaultKeys = try keys ?? VaultKeys.load(from: path + ".keys")
            ledgerStore = try SQLiteLedgerStore(readingOnly: path, cacheKey: vaultKeys.cacheKey)
        case .inMemory:
            ledgerStore = InMemoryLedgerStore()
            vaultKeys = try keys ?? VaultKeys.generate()
        case .custom(let custom):
            ledgerStore = custom
            vaultKeys = try keys ?? VaultKeys.generate()
        case .opened(let opening):
            ledgerStore = try opening.open()
            if let keys {
                vaultKeys = keys
            } else if FileManager.default.fileExists(atPath: opening.keysPath) {
                vaultKeys = try VaultKeys.load(from: opening.keysPath)
            } else if try ledgerStore.head() == .empty, !ledgerStore.isReadOnly {
                vaultKeys = try VaultKeys.loadOrCreate(at: opening.keysPath)
            } else {
                throw CreditKitError(
                    .storage,
                    "the vault keys \(opening.keysPath) of \(opening.name) are missing: the ledger holds entries, so "
                        + "new keys would not open its vault; give the keys' file")
            }
        }
        self.modules = modules
        self.ledger = try Ledger(
            store: ledgerStore, registry: EventRegistry.core(with: modules), clock: clock,
            profile: profile.addingDefaults(modules.flatMap(\.ruleFigures)), cacheKey: vaultKeys.cacheKey)
        self.vault = PersonalDataVault(store: ledgerStore, keys: vaultKeys)
        self.keyCheck = try vault.keyCheck(probing: Self.sealedTokens(in: ledger.snapshot))
        self.principal = .system
    }

    private init(sharing kit: CreditKit, principal: Principal) {
        self.ledger = kit.ledger
        self.vault = kit.vault.read(by: principal)
        self.modules = kit.modules
        self.policy = kit.policy
        self.keyCheck = kit.keyCheck
        self.principal = principal
    }

    /// The same kit (the same ledger, vault and modules) acting as another principal (以…身份操作): what a service
    /// does for each request, with the principal its caller authenticated as.
    /// - Parameter principal: Who acts.
    /// - Returns: The kit acting as that principal.
    public func acting(as principal: Principal) -> CreditKit { CreditKit(sharing: self, principal: principal) }

    /// Validates and appends facts as this kit's principal, in one batch: all, or, when one is refused, none.
    /// - Parameter events: The facts.
    /// - Returns: The entries written.
    /// - Throws: ``CreditKitError/Code/forbidden`` when the principal may not append one; validation and storage
    ///   errors.
    @discardableResult
    public func append(_ events: [any LedgerEvent]) async throws -> [LedgerEntry] {
        try await ledger.append(events, by: principal)
    }

    /// Builds a batch from the sequence number its first fact will get, then validates and appends it as this kit's
    /// principal, with no other append in between (``Ledger/append(building:by:)``): a record and the facts that name
    /// it, in one batch.
    /// - Parameter build: Makes the facts, given the first one's sequence number.
    /// - Returns: The entries written.
    /// - Throws: What `build` throws; as `append(_:)` with a batch.
    @discardableResult
    public func append(building build: sending (_ firstSequence: Int64) throws -> [any LedgerEvent]) async throws
        -> [LedgerEntry]
    {
        try await ledger.append(building: build, by: principal)
    }

    /// Validates and appends one fact as this kit's principal.
    /// - Parameter event: The fact.
    /// - Returns: The entry written.
    /// - Throws: As `append(_:)` with a batch.
    @discardableResult
    public func append(_ event: some LedgerEvent) async throws -> LedgerEntry {
        try await ledger.append([event], by: principal)[0]
    }

    /// The jurisdiction profile the rules use.
    public var profile: JurisdictionProfile { ledger.profile }

    /// The latest view.
    public var view: CoreView { ledger.snapshot }

    /// The credit check (信用核查): allowed or restricted for a purpose on a day, with every reason. Answered
    /// synchronously from the latest snapshot, without touching the store.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - purpose: What for.
    ///   - date: The day; today by default.
    /// - Returns: The answer, or `nil` when the subject was not registered by then.
    public func check(_ subject: SubjectID, for purpose: CheckPurpose, on date: LocalDate? = nil) -> CreditCheck? {
        view.check(
            subject, for: purpose, on: date ?? ledger.clock.today, policy: policy, officials: profile.officialGradeModel
        )
    }

    /// Registers an agency.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - on: From when it exists for the ledger.
    /// - Returns: The entry.
    /// - Throws: Validation and storage errors.
    @discardableResult
    public func register(_ agency: Agency, on: LocalDate) async throws -> LedgerEntry {
        try await append(AgencyRegistered(agency: agency, on: on))
    }

    /// Registers an enterprise.
    /// - Parameters:
    ///   - enterprise: The enterprise.
    ///   - on: From when it is known.
    /// - Returns: The entry.
    /// - Throws: Validation and storage errors.
    @discardableResult
    public func register(_ enterprise: Enterprise, on: LocalDate) async throws -> LedgerEntry {
        try await append(EnterpriseRegistered(enterprise: enterprise, on: on))
    }

    /// Registers an agency unless it is registered already (登记，已登记则跳过): for imports run again and
    /// services that register on first sight. The check and the write are one step under the ledger's write lock, so
    /// two callers never register it twice.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - on: From when it exists for the ledger.
    /// - Returns: The entry written, or `nil` when the same agency was registered already.
    /// - Throws: ``CreditKitError/Code/duplicate`` when its credit code is registered with other details (a name, a
    ///   level, a parent that differ): that is a conflict to resolve, never skipped; validation and storage errors.
    @discardableResult
    public func registerIfAbsent(_ agency: Agency, on: LocalDate) async throws -> LedgerEntry? {
        try await registerIfAbsent(agency.id, AgencyRegistered(agency: agency, on: on)) {
            if case .agency(let known) = $0 { known == agency } else { false }
        }
    }

    /// Registers an enterprise unless it is registered already, as `registerIfAbsent(_:on:)` does for an
    /// agency.
    /// - Parameters:
    ///   - enterprise: The enterprise.
    ///   - on: From when it is known.
    /// - Returns: The entry written, or `nil` when the same enterprise was registered already.
    /// - Throws: ``CreditKitError/Code/duplicate`` when its credit code is registered with other details; validation
    ///   and storage errors.
    @discardableResult
    public func registerIfAbsent(_ enterprise: Enterprise, on: LocalDate) async throws -> LedgerEntry? {
        try await registerIfAbsent(enterprise.id, EnterpriseRegistered(enterprise: enterprise, on: on)) {
            if case .enterprise(let known) = $0 { known == enterprise } else { false }
        }
    }

    private func registerIfAbsent(
        _ id: SubjectID, _ event: some LedgerEvent, same: @escaping @Sendable (Subject) -> Bool
    ) async throws -> LedgerEntry? {
        let ledger = self.ledger
        return try await ledger.registering(event, unless: id, by: principal, same: same)
    }

    /// Registers an official: the name and number are sealed into the vault, the ledger gets only the token.
    /// - Parameters:
    ///   - residentID: The resident ID number.
    ///   - name: The name.
    ///   - on: From when the official is known.
    ///   - externalIdentifiers: Other identifiers (never the ID number).
    /// - Returns: The official as the ledger holds them.
    /// - Throws: ``CreditKitError/Code/duplicate`` when already registered; crypto and storage errors.
    @discardableResult
    public func registerOfficial(
        residentID: ResidentID, name: String, on: LocalDate, externalIdentifiers: [ExternalIdentifier] = []
    ) async throws -> Official {
        let official = Official(token: vault.keys.token(for: residentID), externalIdentifiers: externalIdentifiers)
        // One write: the sealed data goes into the vault inside the transaction that commits the registration (on
        // SQLite), after the registration was validated, so a second registration never touches the sealed data and
        // a crash leaves either both or neither.
        let vault = self.vault
        let data = PersonalData(residentID: residentID, name: name)
        do {
            let vault = self.vault
            try await ledger.append(
                [OfficialRegistered(official: official, on: on)], alongside: { _ = try vault.seal(data) }, by: principal
            )
        } catch {
            // A store without a shared transaction (in memory, or an integrator's) may keep what was sealed when the
            // append then failed: take it back, unless a registration owns it.
            if view.subject(official.id) == nil, try vault.holds(official.token) { try vault.erase(official.token) }
            throw error
        }
        return official
    }

    /// The subject identifier of the official with a resident ID number, if registered.
    /// - Parameter residentID: The number.
    /// - Returns: The official's identifier.
    public func official(for residentID: ResidentID) -> SubjectID? {
        let id = SubjectID(vault.keys.token(for: residentID))
        return view.subject(id) == nil ? nil : id
    }

    /// An official's personal data from the vault.
    /// - Parameter official: The official.
    /// - Returns: The data.
    /// - Throws: ``CreditKitError/Code/erased`` once an erasure was recorded; ``CreditKitError/Code/personalDataLost``
    ///   when the data is missing or does not open though no erasure was recorded; ``CreditKitError/Code/unknownSubject``.
    public func personalData(of official: SubjectID) throws -> PersonalData {
        guard let state = view.subject(official), case .official(let o) = state.subject else {
            throw CreditKitError(.unknownSubject, "\(official) is not a registered official")
        }
        if let on = state.personalDataErasedOn {
            throw CreditKitError(.erased, "the personal data of \(official) was erased on \(on)")
        }
        do {
            return try vault.open(o.token)
        } catch let error as CreditKitError where error.code == .erased || error.code == .crypto {
            throw CreditKitError(
                .personalDataLost,
                "the personal data of official \(official) (token \(o.token.hex.prefix(12))…) is "
                    + (error.code == .erased ? "missing from the vault" : "in the vault but does not open")
                    + ", and no erasure was recorded: the vault was damaged or altered",
                context: ["token": o.token.hex])
        }
    }

    /// The tokens of the officials whose data the vault should hold (not erased).
    static func sealedTokens(in view: CoreView) -> [PersonToken] {
        view.subjects(ofKind: .official).compactMap { state in
            guard state.personalDataErasedOn == nil, case .official(let o) = state.subject else { return nil }
            return o.token
        }
    }

    /// Every fault in the vault (个人信息保险库核查): an official whose data is missing or does not open though no
    /// erasure was recorded, one whose data is still there after a recorded erasure, and data under a token no
    /// registered official has (when the store can list its vault).
    /// - Returns: The faults, each naming the official and the token; empty when the vault agrees with the ledger.
    /// - Throws: Storage errors.
    public func vaultFaults() throws -> [String] {
        var out: [String] = []
        let tokens = Self.sealedTokens(in: view)
        do {
            switch try vault.keyCheck(probing: tokens) {
            case .confirmed: break
            case .damaged: out.append("the vault's key-check entry is damaged (the keys themselves open the data)")
            case .missing:
                if try tokens.contains(where: { try vault.holds($0) }) {
                    out.append("the vault's key-check entry is missing, though personal data is sealed")
                }
            }
        } catch let error as CreditKitError where error.code == .crypto {
            out.append("the vault's keys are not confirmed: its key check does not open and no person's data does")
        }
        for state in view.subjects(ofKind: .official) {
            guard case .official(let o) = state.subject else { continue }
            let id = state.subject.id
            if state.personalDataErasedOn != nil {
                if try vault.holds(o.token) {
                    out.append("official \(id): personal data still in the vault after its recorded erasure")
                }
                continue
            }
            do {
                _ = try personalData(of: id)
            } catch let error as CreditKitError where error.code == .personalDataLost {
                out.append(error.message)
            }
        }
        // Data no official accounts for: a registration that never committed, or entries taken away since.
        if let held = try vault.store.sealedTokens() {
            var known: Set<PersonToken> = [PersonalDataVault.keyCheckToken]
            for state in view.subjects(ofKind: .official) {
                if case .official(let o) = state.subject { known.insert(o.token) }
            }
            for token in held where !known.contains(token) {
                out.append(
                    "the vault holds sealed data under token \(token.hex) that no registered official has (a "
                        + "registration that did not commit, or ledger entries taken away)")
            }
        }
        return out
    }

    /// An official's name, or `[已删除]` once the personal data was erased.
    /// - Parameter official: The official.
    /// - Returns: The name for display.
    /// - Throws: When the sealed data of an official not erased cannot be opened (a missing key, a damaged vault):
    ///   that is a fault to report, never shown as erased.
    public func displayName(of official: SubjectID) throws -> String {
        if view.subject(official)?.personalDataErasedOn != nil { return "[已删除 erased]" }
        return try personalData(of: official).name
    }

    /// Erases an official's personal data (个人信息保护法 art. 47): records the fact, then deletes the sealed entry.
    /// The chain stays valid; the official's records stay, under the token.
    /// - Parameters:
    ///   - official: The official.
    ///   - on: The day of the decision.
    ///   - reason: The legal ground.
    /// - Throws: Validation and storage errors.
    public func erasePersonalData(of official: SubjectID, on: LocalDate, reason: String) async throws {
        try await append(PersonalDataErased(official: official, on: on, reason: reason))
        guard case .official(let o)? = view.subject(official)?.subject else { return }
        try vault.erase(o.token)
    }

    /// Starts a tenure.
    /// - Parameter tenure: The tenure.
    /// - Returns: Its ID.
    /// - Throws: Validation and storage errors.
    @discardableResult
    public func startTenure(_ tenure: Tenure) async throws -> Tenure.ID {
        Tenure.ID(try await append(TenureStarted(tenure: tenure)).sequence)
    }

    /// Ends a tenure.
    /// - Parameters:
    ///   - id: The tenure.
    ///   - on: The last day in post.
    ///   - reason: Why it ended.
    /// - Throws: ``CreditKitError/Code/invalidEvent`` for an unknown or ended tenure; storage errors.
    public func endTenure(_ id: Tenure.ID, on: LocalDate, reason: TenureEndReason) async throws {
        guard let state = view.tenure(id) else {
            throw CreditKitError(.invalidEvent, "tenure \(id) does not exist")
        }
        try await append(
            TenureEnded(
                tenure: id, official: state.tenure.official, agency: state.tenure.agency, on: on, reason: reason))
    }

    /// Enters a credit record.
    /// - Parameter record: The record.
    /// - Returns: Its ID.
    /// - Throws: Validation and storage errors.
    @discardableResult
    public func enter(_ record: CreditRecord) async throws -> CreditRecord.ID {
        CreditRecord.ID(try await append(RecordEntered(record: record)).sequence)
    }

    /// Records a commitment.
    /// - Parameter commitment: The commitment.
    /// - Returns: Its ID.
    /// - Throws: Validation and storage errors.
    @discardableResult
    public func make(_ commitment: Commitment) async throws -> Commitment.ID {
        Commitment.ID(try await append(CommitmentMade(commitment: commitment)).sequence)
    }

    /// A subject's profile as of a date.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - asOf: The effective date; today by default.
    ///   - knownAt: The recorded time; now by default.
    /// - Returns: The profile, or `nil` when not registered by then.
    /// - Throws: Storage and decoding errors.
    public func profile(of subject: SubjectID, asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws
        -> SubjectProfile?
    {
        try ledger.profile(of: subject, asOf: asOf, knownAt: knownAt)
    }

    /// Recomputes the hash chain.
    /// - Returns: The report.
    /// - Throws: Storage errors.
    public func verify() async throws -> VerificationReport { try await ledger.verify() }

    /// Saves a checkpoint so the next open is fast.
    /// - Throws: Storage errors.
    public func close() async throws { try await ledger.close() }
}
