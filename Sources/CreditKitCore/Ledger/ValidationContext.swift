/// What an event's validation can see (校验上下文): the ledger's view before the batch, plus what earlier events of
/// the same batch registered, started, ended or erased.
public struct ValidationContext: Sendable {
    /// The view before the batch.
    public let view: CoreView
    /// The sequence number this event will get if the batch is accepted.
    public internal(set) var sequence: Int64
    /// The recorded time the batch will carry.
    public let recordedAt: Timestamp
    /// The jurisdiction profile whose figures rules use.
    public let profile: JurisdictionProfile
    let lookupEvent: @Sendable (Int64) throws -> (any LedgerEvent)?
    let lookupEntries: @Sendable (SubjectID) throws -> [LedgerEntry]
    /// The cases opened earlier in the batch, by their index key, with the day each was opened.
    var newCaseDays: [[UInt8]: LocalDate] = [:]
    /// The kinds of facts that open a case.
    let openingKinds: Set<EventKind>
    /// The case facts earlier in the batch, by their case's index key, with their sequence numbers.
    var newCaseFacts: [[UInt8]: [(event: any LedgerEvent, sequence: Int64)]] = [:]
    let decode: @Sendable (LedgerEntry) throws -> any LedgerEvent
    var newSubjects: [SubjectID: SubjectKind] = [:]
    var newAgencies: [SubjectID: Agency] = [:]
    var newTenures: [Tenure.ID: TenureState] = [:]
    var newErasures: Set<SubjectID> = []
    var newRecords: [CreditRecord.ID: CreditRecord] = [:]
    var newCommitments: [Commitment.ID: Commitment] = [:]
    var newCommitmentLifecycles: [Commitment.ID: CommitmentLifecycle] = [:]
    var newLifecycles: [CreditRecord.ID: RecordLifecycle] = [:]
    var newComplaints: [Int64: ComplaintState] = [:]
    var newFileFacts: [SubjectID: [OfficialFileFact]] = [:]
    var newFindingDecisions: [String: FindingDecision] = [:]

    init(
        view: CoreView, sequence: Int64, recordedAt: Timestamp, profile: JurisdictionProfile = .national,
        lookupEvent: @escaping @Sendable (Int64) throws -> (any LedgerEvent)? = { _ in nil },
        lookupEntries: @escaping @Sendable (SubjectID) throws -> [LedgerEntry] = { _ in [] },
        openingKinds: Set<EventKind> = [],
        decode: @escaping @Sendable (LedgerEntry) throws -> any LedgerEvent = { try EventRegistry.core.decode($0) }
    ) {
        self.openingKinds = openingKinds
        self.decode = decode
        self.view = view
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.profile = profile
        self.lookupEvent = lookupEvent
        self.lookupEntries = lookupEntries
    }

    /// A record, entered before or earlier in the batch.
    /// - Parameter id: The record.
    /// - Returns: The record.
    /// - Throws: ``CreditKitError/Code/invalidEvent`` when there is no such record.
    public func record(_ id: CreditRecord.ID) throws -> CreditRecord {
        if let r = newRecords[id] { return r }
        if id.rawValue < sequence, let e = try lookupEvent(id.rawValue) as? RecordEntered { return e.record }
        throw CreditKitError(.invalidEvent, "there is no record \(id)", context: ["record": String(id.rawValue)])
    }

    /// A commitment, made before or earlier in the batch.
    /// - Parameter id: The commitment.
    /// - Returns: The commitment.
    /// - Throws: ``CreditKitError/Code/invalidEvent`` when there is no such commitment.
    public func commitment(_ id: Commitment.ID) throws -> Commitment {
        if let c = newCommitments[id] { return c }
        if id.rawValue < sequence, let e = try lookupEvent(id.rawValue) as? any CommitmentMaking {
            return e.commitmentMade
        }
        throw CreditKitError(
            .invalidEvent, "there is no commitment \(id)", context: ["commitment": String(id.rawValue)])
    }

    /// A commitment's lifecycle so far, this batch included.
    /// - Parameter id: The commitment.
    /// - Returns: Its lifecycle.
    public func commitmentLifecycle(_ id: Commitment.ID) -> CommitmentLifecycle {
        newCommitmentLifecycles[id] ?? view.commitmentLifecycle(id)
    }

    /// A record's lifecycle so far, this batch included.
    /// - Parameter id: The record.
    /// - Returns: Its lifecycle (empty when nothing has happened to it).
    public func lifecycle(_ id: CreditRecord.ID) -> RecordLifecycle {
        newLifecycles[id] ?? view.lifecycle(id)
    }

    /// A complaint's state so far, this batch included.
    /// - Parameter id: The complaint.
    /// - Returns: Its state, or `nil`.
    public func complaint(_ id: ComplaintState.ID) -> ComplaintState? {
        newComplaints[id.rawValue] ?? view.complaint(id)
    }

    /// How a finding was decided, if it was.
    /// - Parameter key: The finding's key.
    /// - Returns: The decision.
    public func findingDecision(_ key: String) -> FindingDecision? {
        newFindingDecisions[key] ?? view.findingDecision(key)
    }

    /// The kind of a registered subject, or `nil` when it is not registered.
    /// - Parameter id: The subject.
    /// - Returns: Its kind.
    public func kind(of id: SubjectID) -> SubjectKind? {
        newSubjects[id] ?? view.subject(id)?.subject.kind
    }

    /// A registered agency as registered (its level, kind and region), including one registered earlier in the
    /// batch, or `nil` when the subject is not a registered agency.
    /// - Parameter id: The subject.
    /// - Returns: The agency.
    public func agency(_ id: SubjectID) -> Agency? {
        if let new = newAgencies[id] { return new }
        guard case .agency(let a)? = view.subject(id)?.subject else { return nil }
        return a
    }

    /// A tenure's state, including ends earlier in the batch.
    /// - Parameter id: The tenure.
    /// - Returns: Its state, or `nil`.
    public func tenure(_ id: Tenure.ID) -> TenureState? { newTenures[id] ?? view.tenure(id) }

    /// Whether an official's personal data has been erased.
    /// - Parameter official: The official.
    /// - Returns: `true` once erased.
    public func isErased(_ official: SubjectID) -> Bool {
        newErasures.contains(official) || view.subject(official)?.personalDataErasedOn != nil
    }

    /// Throws unless the subject is registered (and of the given kind).
    /// - Parameters:
    ///   - id: The subject.
    ///   - kind: The kind it must be, or `nil` for any.
    ///   - role: What the subject is to the event, for the message.
    /// - Throws: ``CreditKitError/Code/unknownSubject`` or ``CreditKitError/Code/invalidEvent``.
    public func requireSubject(_ id: SubjectID, kind: SubjectKind?, role: String) throws {
        guard let found = self.kind(of: id) else {
            throw CreditKitError(
                .unknownSubject, "\(role) \(id) is not registered; register it before referring to it",
                context: ["subject": id.rawValue])
        }
        if let kind, found != kind {
            throw CreditKitError(
                .invalidEvent,
                "\(role) \(id) is a registered \(found.rawValue), not \(kind.rawValue.first.map { "aeiou".contains($0) } == true ? "an" : "a") \(kind.rawValue)"
            )
        }
    }

    /// Throws when the subject is already registered.
    /// - Parameter id: The subject.
    /// - Throws: ``CreditKitError/Code/duplicate``.
    public func requireNew(_ id: SubjectID) throws {
        if let existing = kind(of: id) {
            throw CreditKitError(
                .duplicate, "\(id) is already registered as a \(existing.rawValue)", context: ["subject": id.rawValue])
        }
    }

    /// Throws unless a case-opening fact (a project registered) opens a case not opened before, in the ledger or
    /// earlier in the batch: any fact of the case there means it was opened (its facts need an opening first).
    /// - Parameters:
    ///   - key: The case's index key (sector, case number and owner).
    ///   - described: The case as a message names it (`project P-1 of 11130300…`).
    /// - Throws: ``CreditKitError/Code/duplicate`` naming the earlier entry.
    func requireNewCase(_ key: [UInt8], described: String) throws {
        guard newCaseDays[key] == nil else {
            throw CreditKitError(.duplicate, "\(described) is opened twice in this batch")
        }
        if let first = view.caseEntries[key]?.first {
            throw CreditKitError(
                .duplicate, "\(described) is already opened (entry #\(first))", context: ["sequence": String(first)])
        }
    }

    /// Throws unless a case's opening fact (a project registered) stands before one of its other facts, in the
    /// ledger or earlier in the batch, on or before the fact's day.
    /// - Parameters:
    ///   - key: The case's index key (sector, case number and owner).
    ///   - on: The fact's day.
    ///   - described: The case as a message names it.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    func requireOpenedCase(_ key: [UInt8], on: LocalDate, described: String) throws {
        var opened = newCaseDays[key]
        if opened == nil, let first = view.caseEntries[key]?.first, let event = try lookupEvent(first),
            let fact = event.caseFact, type(of: fact).opensCase
        {
            opened = event.effectiveDate
        }
        guard let opened else {
            throw CreditKitError(.invalidEvent, "\(described) is not registered: its opening fact comes first")
        }
        guard opened <= on else {
            throw CreditKitError(
                .invalidEvent, "\(described): a fact on \(on) is before the case was opened on \(opened)")
        }
    }

    /// Takes note of an accepted event so later events in the batch see it.
    mutating func note(_ event: any LedgerEvent) {
        if let e = event as? any OfficialFileEvent {
            newFileFacts[e.official, default: []].append(e.fileFact(sequence: sequence, recordedAt: recordedAt))
        }
        if let fact = event.caseFact {
            if type(of: fact).opensCase { newCaseDays[fact.caseIndexKey] = event.effectiveDate }
            newCaseFacts[fact.caseIndexKey, default: []].append((event, sequence))
        }
        switch event {
        case let e as AgencyRegistered:
            newSubjects[e.agency.id] = .agency
            newAgencies[e.agency.id] = e.agency
        case let e as OfficialRegistered: newSubjects[e.official.id] = .official
        case let e as EnterpriseRegistered: newSubjects[e.enterprise.id] = .enterprise
        case let e as TenureStarted:
            let id = Tenure.ID(sequence)
            newTenures[id] = TenureState(id: id, tenure: e.tenure, recordedAt: recordedAt)
        case let e as TenureEnded:
            if var state = tenure(e.tenure) {
                state.end = e.on
                state.endReason = e.reason
                newTenures[e.tenure] = state
            }
        case let e as PersonalDataErased: newErasures.insert(e.official)
        case let e as RecordEntered: newRecords[CreditRecord.ID(sequence)] = e.record
        case let e as any CommitmentMaking: newCommitments[Commitment.ID(sequence)] = e.commitmentMade
        case let e as any CommitmentLifecycleEvent:
            var life = commitmentLifecycle(e.commitment)
            e.apply(to: &life, sequence: sequence, recordedAt: recordedAt)
            newCommitmentLifecycles[e.commitment] = life
        case let e as any RecordLifecycleEvent:
            var life = lifecycle(e.record)
            e.apply(to: &life, sequence: sequence, recordedAt: recordedAt)
            newLifecycles[e.record] = life
        case let e as ComplaintReceived:
            newComplaints[sequence] = ComplaintState(e, sequence: sequence, recordedAt: recordedAt)
        case let e as ComplaintDecided:
            if var state = complaint(e.complaint) {
                state.decide(e, sequence: sequence, recordedAt: recordedAt)
                newComplaints[e.complaint.rawValue] = state
            }
        case let e as FindingConfirmed:
            newFindingDecisions[e.finding.key] = FindingDecision(
                record: e.record, on: e.on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt, reason: nil)
        case let e as FindingDismissed:
            newFindingDecisions[e.finding.key] = FindingDecision(
                record: nil, on: e.on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt, reason: e.reason)
        default: break
        }
    }
}
