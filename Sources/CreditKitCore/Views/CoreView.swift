/// The current-state view of the core (核心视图): subjects, tenures, and which records and commitments concern whom.
///
/// A `CoreView` is an immutable snapshot value: it answers synchronously, with no lock and no actor hop, and a new
/// one is published after every append. Record and commitment contents stay in the store; the view indexes them
/// by subject with their effective dates and recorded times, so that any question can be asked `asOf` an
/// effective date and `knownAt` a recorded time.
public struct CoreView: Sendable {
    /// The head of the chain this view reflects.
    public internal(set) var head: ChainHead = .empty
    var subjects: [SubjectID: SubjectState] = [:]
    var tenures: [Tenure.ID: TenureState] = [:]
    var tenuresBySubject: [SubjectID: [Tenure.ID]] = [:]
    var refs: [SubjectID: [EntryRef]] = [:]
    var lifecycles: [CreditRecord.ID: RecordLifecycle] = [:]
    var complaints: [Int64: ComplaintState] = [:]
    var commitmentLifecycles: [Commitment.ID: CommitmentLifecycle] = [:]
    var supervision: [SubjectID: [SupervisionFact]] = [:]
    /// Each official's integrity-file facts (诚信档案), in ledger order.
    public internal(set) var officialFacts: [SubjectID: [OfficialFileFact]] = [:]
    /// The sectors records name, in order of first appearance; references point into it.
    public internal(set) var sectors: [SectorID] = []
    /// The sequence numbers of every commitment entry, ascending.
    public internal(set) var commitmentSequences: [Int64] = []
    var findingDecisions: [String: FindingDecision] = [:]
    /// The sequence numbers of every record entry, ascending.
    public internal(set) var recordSequences: [Int64] = []
    /// Every case fact's entry, by its case's index key (sector, case number and owner), in ledger order: what a
    /// case's validation reads instead of its owner's whole history.
    public internal(set) var caseEntries: [[UInt8]: [Int64]] = [:]
    /// The event kinds seen in the ledger, so a reopen can tell which modules it needs.
    public internal(set) var kindsSeen: Set<EventKind> = []
    /// How many records the ledger holds.
    public internal(set) var recordCount = 0
    /// How many commitments the ledger holds.
    public internal(set) var commitmentCount = 0

    /// An empty view.
    public init() {}

    /// A subject as the ledger knew it, or `nil` when it was not registered by then.
    /// - Parameters:
    ///   - id: The subject.
    ///   - asOf: The effective date: registered on or before it.
    ///   - knownAt: The recorded time: learned at or before it.
    /// - Returns: The subject's state.
    public func subject(_ id: SubjectID, asOf: LocalDate? = nil, knownAt: Timestamp = .distantFuture) -> SubjectState? {
        guard let state = subjects[id], state.recordedAt <= knownAt else { return nil }
        if let asOf, state.registeredOn > asOf { return nil }
        return state
    }

    /// Every subject of a kind registered by a date, in identifier order.
    /// - Parameters:
    ///   - kind: The kind, or `nil` for all.
    ///   - asOf: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The subjects' states.
    public func subjects(
        ofKind kind: SubjectKind? = nil, asOf: LocalDate? = nil, knownAt: Timestamp = .distantFuture
    ) -> [SubjectState] {
        subjects.values.filter { s in
            (kind == nil || s.subject.kind == kind) && s.recordedAt <= knownAt
                && (asOf.map { s.registeredOn <= $0 } ?? true)
        }.sorted { $0.subject.id < $1.subject.id }
    }

    /// How many subjects are registered, of every kind.
    public var subjectCount: Int { subjects.count }

    /// A record's lifecycle (empty when nothing has happened to it since it was entered).
    /// - Parameter id: The record.
    /// - Returns: Its lifecycle.
    public func lifecycle(_ id: CreditRecord.ID) -> RecordLifecycle { lifecycles[id] ?? RecordLifecycle(record: id) }

    /// A commitment's lifecycle (empty when nothing has happened to it since it was made).
    /// - Parameter id: The commitment.
    /// - Returns: Its lifecycle.
    public func commitmentLifecycle(_ id: Commitment.ID) -> CommitmentLifecycle {
        commitmentLifecycles[id] ?? CommitmentLifecycle(commitment: id)
    }

    /// An agency's lawsuits and proposals (监督事项).
    /// - Parameter agency: The agency.
    /// - Returns: Its facts, in order.
    public func supervisionFacts(of agency: SubjectID) -> [SupervisionFact] { supervision[agency] ?? [] }

    /// A complaint's state.
    /// - Parameter id: The complaint.
    /// - Returns: Its state, or `nil`.
    public func complaint(_ id: ComplaintState.ID) -> ComplaintState? { complaints[id.rawValue] }

    /// Every complaint, in order of receipt.
    public var allComplaints: [ComplaintState] { complaints.values.sorted { $0.id < $1.id } }

    /// How a finding was decided, if it was.
    /// - Parameter key: The finding's key.
    /// - Returns: The decision.
    public func findingDecision(_ key: String) -> FindingDecision? { findingDecisions[key] }

    /// Whether a finding was confirmed as a dishonesty record by a day (认定为失信记录): the records' indicator then
    /// deducts it, and a sector's indicator leaves it out, so no fact is deducted twice.
    /// - Parameters:
    ///   - finding: The finding.
    ///   - asOf: The day.
    /// - Returns: Whether it was confirmed on or before the day.
    public func isConfirmedAsRecord(_ finding: Finding, asOf: LocalDate) -> Bool {
        guard let decision = findingDecisions[finding.key] else { return false }
        return decision.record != nil && decision.on <= asOf
    }

    /// Whether a finding was decided by a day: confirmed as a record (which counts as the record) or dismissed
    /// (which counts for nothing), so that an indicator counting open findings leaves it out.
    /// - Parameters:
    ///   - finding: The finding.
    ///   - asOf: The day.
    /// - Returns: Whether it was decided by then.
    public func isDecided(_ finding: Finding, asOf: LocalDate) -> Bool {
        guard let decision = findingDecisions[finding.key] else { return false }
        return decision.on <= asOf
    }

    /// Every record lifecycle with at least one step, by record.
    public var allLifecycles: [RecordLifecycle] { lifecycles.values.sorted { $0.record < $1.record } }

    /// A tenure's state.
    /// - Parameter id: The tenure.
    /// - Returns: Its state, or `nil`.
    public func tenure(_ id: Tenure.ID) -> TenureState? { tenures[id] }

    /// The tenures of an official or in an agency, as known then: started by `asOf`, their end shown only once it
    /// has happened and been recorded.
    /// - Parameters:
    ///   - subject: An official or an agency.
    ///   - asOf: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The tenures, earliest start first.
    public func tenures(
        of subject: SubjectID, asOf: LocalDate? = nil, knownAt: Timestamp = .distantFuture
    ) -> [TenureState] {
        (tenuresBySubject[subject] ?? []).compactMap { id -> TenureState? in
            guard var t = tenures[id], t.recordedAt <= knownAt else { return nil }
            if let asOf, t.tenure.start > asOf { return nil }
            if let end = t.end, end > (asOf ?? end) || t.endRecordedAt.map({ $0 > knownAt }) == true {
                t.end = nil
                t.endReason = nil
                t.endRecordedAt = nil
            }
            return t
        }.sorted { ($0.tenure.start, $0.id) < ($1.tenure.start, $1.id) }
    }

    /// Who held posts in an agency on a day (在任人员).
    /// - Parameters:
    ///   - agency: The agency.
    ///   - date: The day.
    ///   - knownAt: The recorded time.
    /// - Returns: The tenures covering that day.
    public func holders(of agency: SubjectID, on date: LocalDate, knownAt: Timestamp = .distantFuture) -> [TenureState]
    {
        tenures(of: agency, asOf: date, knownAt: knownAt).filter { $0.tenure.agency == agency && $0.covers(date) }
    }

    /// The references to records and commitments that concern a subject, as known then.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - asOf: Effective on or before this date.
    ///   - knownAt: Recorded at or before this time.
    /// - Returns: The references in sequence order.
    public func references(
        for subject: SubjectID, asOf: LocalDate? = nil, knownAt: Timestamp = .distantFuture
    ) -> [EntryRef] {
        let limit = asOf?.daysSinceEpoch ?? .max
        return (refs[subject] ?? []).filter { $0.effectiveDays <= limit && $0.recordedMicros <= knownAt.microseconds }
    }
}

/// A registered subject in a view.
public struct SubjectState: Hashable, Sendable, Codable {
    /// The subject.
    public var subject: Subject
    /// From when it exists for the ledger.
    public var registeredOn: LocalDate
    /// When the ledger learned of it.
    public var recordedAt: Timestamp
    /// The registering entry.
    public var sequence: LedgerEntry.ID
    /// For officials: when their personal data was erased from the vault.
    public var personalDataErasedOn: LocalDate?
}

/// A tenure in a view.
public struct TenureState: Hashable, Sendable, Codable {
    /// The tenure's ID (its starting entry's sequence number).
    public var id: Tenure.ID
    /// The tenure.
    public var tenure: Tenure
    /// When the ledger learned of it.
    public var recordedAt: Timestamp
    /// The last day in post, once ended.
    public var end: LocalDate?
    /// Why it ended.
    public var endReason: TenureEndReason?
    /// When the ledger learned of the end.
    public var endRecordedAt: Timestamp?

    /// Whether the official was in post on a day.
    /// - Parameter date: The day.
    /// - Returns: `true` from the start through the last day.
    public func covers(_ date: LocalDate) -> Bool {
        tenure.start <= date && (end.map { date <= $0 } ?? true)
    }
}

/// A reference from a subject to a record or commitment entry: compact, so millions fit in memory.
public struct EntryRef: Hashable, Sendable {
    /// What the entry is to the subject.
    public enum Role: UInt8, Sendable, CaseIterable {
        /// The subject of a record.
        case recordSubject = 1
        /// An official held responsible in a record.
        case responsibleOfficial = 2
        /// The promisor of a commitment.
        case promisor = 3
        /// The beneficiary of a commitment.
        case beneficiary = 4
        /// The authority that decided a record.
        case decidingAuthority = 5
    }

    /// The entry's sequence number (the record's or commitment's ID), kept raw so that millions fit in memory.
    public var sequence: Int64
    /// The effective date, as days since 1970-01-01.
    public var effectiveDays: Int32
    /// The recorded time, in microseconds.
    public var recordedMicros: Int64
    /// What the entry is to the subject.
    public var role: Role

    /// The entry's identifier, as evidence holds it.
    public var entry: LedgerEntry.ID { LedgerEntry.ID(sequence) }
    /// For a record: its basis, as the index of `RecordBasis.allCases` (255 otherwise).
    public var basisIndex: UInt8 = .max
    /// For a record: its class, as the index of `Severity.allCases` (255 for none).
    public var severityIndex: UInt8 = .max
    /// For a record: its sector, as an index into ``CoreView/sectors`` (255 for none).
    public var sectorIndex: UInt8 = .max

    /// The record's basis, when the entry is a record.
    public var basis: RecordBasis? {
        basisIndex < RecordBasis.allCases.count ? RecordBasis.allCases[Int(basisIndex)] : nil
    }

    /// The record's class, when the entry is a dishonesty record.
    public var severity: Severity? {
        severityIndex < Severity.allCases.count ? Severity.allCases[Int(severityIndex)] : nil
    }

    /// The effective date.
    public var effectiveDate: LocalDate { LocalDate(daysSinceEpoch: effectiveDays) }
}

extension CoreView {
    /// Folds one entry into the view. Records and commitments need only the entry's metadata; other core events
    /// are decoded (or passed in when the caller has them).
    mutating func apply(_ entry: LedgerEntry, event given: (any LedgerEvent)?, registry: EventRegistry) throws {
        head = ChainHead(sequence: entry.sequence, hash: entry.hash)
        kindsSeen.insert(entry.kind)
        switch entry.kind {
        case RecordEntered.kind:
            recordCount += 1
            recordSequences.append(entry.sequence)
            // Records carry their basis and class in the index, for the credit check; a replay decodes them.
            let record = try ((given as? RecordEntered) ?? registry.decode(entry, as: RecordEntered.self))?.record
            let basis = record.flatMap { RecordBasis.allCases.firstIndex(of: $0.basis) }.map(UInt8.init) ?? .max
            let severity = record?.severity.flatMap { Severity.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? .max
            var sector = UInt8.max
            if let id = record?.sector {
                if let known = sectors.firstIndex(of: id) {
                    sector = UInt8(known)
                } else if sectors.count < 255 {
                    sectors.append(id)
                    sector = UInt8(sectors.count - 1)
                }
            }
            let officials = Set(record?.responsibleOfficials ?? [])
            for (i, subject) in entry.subjects.enumerated() {
                let role: EntryRef.Role =
                    i == 0 ? .recordSubject : officials.contains(subject) ? .responsibleOfficial : .decidingAuthority
                addRef(subject, entry, role, basis: basis, severity: severity, sector: sector)
            }
        case CommitmentMade.kind:
            applyCommitment(entry)
        case AgencyRegistered.kind, OfficialRegistered.kind, EnterpriseRegistered.kind, TenureStarted.kind,
            TenureEnded.kind, PersonalDataErased.kind:
            let event = try given ?? registry.decode(entry)
            applyRegistration(event, entry)
        case RecordReviewed.kind, RecordPublished.kind, ObjectionFiled.kind, ObjectionResolved.kind,
            RepairApplied.kind, RepairDecided.kind, ComplaintReceived.kind, ComplaintDecided.kind,
            FindingConfirmed.kind, FindingDismissed.kind, CommitmentPublished.kind, CommitmentEnded.kind,
            CommitmentChanged.kind, SanctionLeniency.kind, SanctionRectified.kind, SanctionTermSet.kind,
            ClearanceDeadlineSet.kind,
            LawsuitConcluded.kind, ProposalHandled.kind, AccountabilityApplied.kind, AnnualAssessmentRecorded.kind,
            HonourAwarded.kind, PersonalMattersReportRequired.kind, PersonalMattersReportFiled.kind,
            PersonalMattersReportVerified.kind, IntegrityTrainingCompleted.kind, AccountabilityGroundRecorded.kind,
            AccountabilityAppealFiled.kind, AccountabilityAppealDecided.kind:
            let event = try given ?? registry.decode(entry)
            applyProcess(event, entry)
        default:
            // A sector's fact that is a commitment (a promise to an investor): the promisor first, then the
            // beneficiary, as the core's own.
            if registry.caseKinds.contains(entry.kind), let key = caseIndexKey(kind: entry.kind, payload: entry.payload)
            {
                caseEntries[key, default: []].append(entry.sequence)
            }
            if registry.commitmentKinds.contains(entry.kind) { applyCommitment(entry) }
            // A sector's fact that is a step of a commitment (an investor's promise fulfilled or withdrawn).
            if registry.commitmentStepKinds.contains(entry.kind) {
                applyProcess(try given ?? registry.decode(entry), entry)
            }
        }
    }

    private mutating func applyCommitment(_ entry: LedgerEntry) {
        commitmentCount += 1
        commitmentSequences.append(entry.sequence)
        for (i, subject) in entry.subjects.enumerated() {
            addRef(subject, entry, i == 0 ? .promisor : .beneficiary)
        }
    }

    private mutating func applyProcess(_ event: any LedgerEvent, _ entry: LedgerEntry) {
        if let e = event as? any OfficialFileEvent {
            officialFacts[e.official, default: []].append(
                e.fileFact(sequence: entry.sequence, recordedAt: entry.recordedAt))
        }
        switch event {
        case let e as any RecordLifecycleEvent:
            var life = lifecycle(e.record)
            e.apply(to: &life, sequence: entry.sequence, recordedAt: entry.recordedAt)
            lifecycles[e.record] = life
        case let e as any CommitmentLifecycleEvent:
            var life = commitmentLifecycle(e.commitment)
            e.apply(to: &life, sequence: entry.sequence, recordedAt: entry.recordedAt)
            commitmentLifecycles[e.commitment] = life
        case let e as LawsuitConcluded:
            supervision[e.agency, default: []].append(
                SupervisionFact(
                    sequence: entry.id, recordedAt: entry.recordedAt, on: e.on, lawsuit: e.outcome,
                    number: e.caseNumber))
        case let e as ProposalHandled:
            supervision[e.agency, default: []].append(
                SupervisionFact(
                    sequence: entry.id, recordedAt: entry.recordedAt, on: e.assignedOn, dueOn: e.dueOn,
                    answeredOn: e.answeredOn, number: e.number))
        case let e as ComplaintReceived:
            complaints[entry.sequence] = ComplaintState(e, sequence: entry.sequence, recordedAt: entry.recordedAt)
        case let e as ComplaintDecided:
            complaints[e.complaint.rawValue]?.decide(e, sequence: entry.sequence, recordedAt: entry.recordedAt)
        case let e as FindingConfirmed:
            findingDecisions[e.finding.key] = FindingDecision(
                record: e.record, on: e.on, sequence: entry.id, recordedAt: entry.recordedAt, reason: nil)
        case let e as FindingDismissed:
            findingDecisions[e.finding.key] = FindingDecision(
                record: nil, on: e.on, sequence: entry.id, recordedAt: entry.recordedAt, reason: e.reason)
        default:
            break
        }
    }

    private mutating func addRef(
        _ subject: SubjectID, _ entry: LedgerEntry, _ role: EntryRef.Role, basis: UInt8 = .max, severity: UInt8 = .max,
        sector: UInt8 = .max
    ) {
        refs[subject, default: []].append(
            EntryRef(
                sequence: entry.sequence, effectiveDays: entry.effectiveDate.daysSinceEpoch,
                recordedMicros: entry.recordedAt.microseconds, role: role, basisIndex: basis, severityIndex: severity,
                sectorIndex: sector))
    }

    private mutating func applyRegistration(_ event: any LedgerEvent, _ entry: LedgerEntry) {
        func register(_ subject: Subject, _ on: LocalDate) {
            subjects[subject.id] = SubjectState(
                subject: subject, registeredOn: on, recordedAt: entry.recordedAt, sequence: entry.id)
        }
        switch event {
        case let e as AgencyRegistered: register(.agency(e.agency), e.on)
        case let e as OfficialRegistered: register(.official(e.official), e.on)
        case let e as EnterpriseRegistered: register(.enterprise(e.enterprise), e.on)
        case let e as TenureStarted:
            let id = Tenure.ID(entry.sequence)
            tenures[id] = TenureState(id: id, tenure: e.tenure, recordedAt: entry.recordedAt)
            tenuresBySubject[e.tenure.official, default: []].append(id)
            tenuresBySubject[e.tenure.agency, default: []].append(id)
        case let e as TenureEnded:
            tenures[e.tenure]?.end = e.on
            tenures[e.tenure]?.endReason = e.reason
            tenures[e.tenure]?.endRecordedAt = entry.recordedAt
        case let e as PersonalDataErased:
            subjects[e.official]?.personalDataErasedOn = e.on
        default:
            break
        }
    }
}
