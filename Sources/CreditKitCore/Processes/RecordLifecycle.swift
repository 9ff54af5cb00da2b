/// What has happened to a record since it was entered (记录状态): its confidentiality review, publication,
/// objections, corrections, revocation and repair, each with its date and the time the ledger learned it.
public struct RecordLifecycle: Hashable, Sendable, Codable {
    /// The record.
    public var record: CreditRecord.ID
    /// Confidentiality reviews (保密审查), in order.
    public var reviews: [Step<ReviewOutcome>] = []
    /// The publication, once published.
    public var publication: Step<SubjectID?>?
    /// Objections (异议), in order.
    public var objections: [Objection] = []
    /// Repair applications (信用修复申请), in order.
    public var repairs: [Repair] = []
    /// Leniency decisions on the record's measures.
    public var leniency: [Step<LeniencyDecision>] = []
    /// The rectification the measures required, once accepted.
    public var rectified: Step<String>?
    /// The term of the record's measures, when the decision set one (the last day they apply).
    public var term: Step<LocalDate>?
    /// The deadline set for a listed government body to clear a judgment-defaulter listing (限期清零), if any.
    public var clearanceDeadline: Step<LocalDate>?

    /// Makes an empty lifecycle.
    /// - Parameter record: The record.
    public init(record: CreditRecord.ID) { self.record = record }

    /// A dated step: what, on which day, in which entry, learned when.
    public struct Step<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
        /// What the step decided.
        public var value: Value
        /// Its effective date.
        public var on: LocalDate
        /// Its entry.
        public var sequence: LedgerEntry.ID
        /// When the ledger learned it.
        public var recordedAt: Timestamp

        /// Makes a step.
        /// - Parameters:
        ///   - value: What the step decided.
        ///   - on: Its effective date.
        ///   - sequence: Its entry.
        ///   - recordedAt: When the ledger learned it.
        public init(value: Value, on: LocalDate, sequence: LedgerEntry.ID, recordedAt: Timestamp) {
            self.value = value
            self.on = on
            self.sequence = sequence
            self.recordedAt = recordedAt
        }
    }

    /// An objection and its resolution.
    public struct Objection: Hashable, Sendable, Codable {
        /// An objection's identifier (异议编号): the sequence number of its filing entry.
        public typealias ID = Tagged<Objection, Int64>
        /// The objection's ID: its filing entry.
        public var id: ID
        /// Who objected.
        public var by: SubjectID
        /// The day it was filed.
        public var filedOn: LocalDate
        /// When the ledger learned of it.
        public var filedRecordedAt: Timestamp
        /// The grounds.
        public var grounds: String
        /// The resolution, once decided.
        public var resolution: Step<ObjectionOutcome>?
        /// The office that decided.
        public var office: SubjectID?
        /// The corrected facts, when corrected.
        public var correctedFacts: String?
    }

    /// A repair application and its decision.
    public struct Repair: Hashable, Sendable, Codable {
        /// A repair application's identifier (信用修复申请编号): the sequence number of its entry.
        public typealias ID = Tagged<Repair, Int64>
        /// The application's ID: its entry.
        public var id: ID
        /// The day it was filed.
        public var appliedOn: LocalDate
        /// When the ledger learned of it.
        public var appliedRecordedAt: Timestamp
        /// The decision (granted or refused), once made.
        public var decision: Step<Bool>?
        /// The office that decided.
        public var office: SubjectID?
        /// The reason given.
        public var reason: String?
    }

    /// The last review's outcome known by a day and time.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The outcome, or `nil` when no review had happened.
    public func review(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> ReviewOutcome? {
        reviews.last { $0.on <= date && $0.recordedAt <= knownAt }?.value
    }

    /// The publication date, if published by then.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The day it was published.
    public func publishedOn(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> LocalDate? {
        guard let p = publication, p.on <= date, p.recordedAt <= knownAt else { return nil }
        return p.on
    }

    /// The last day the record's measures apply, when the decision set a term known by then.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The last day, or `nil` for the policy's own term.
    public func termEnds(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> LocalDate? {
        term.flatMap { $0.on <= date && $0.recordedAt <= knownAt ? $0.value : nil }
    }

    /// The day the record was revoked on an objection, if by then.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The day of revocation.
    public func revokedOn(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> LocalDate? {
        objections.compactMap { o -> LocalDate? in
            guard let r = o.resolution, r.value == .revoked, r.on <= date, r.recordedAt <= knownAt else { return nil }
            return r.on
        }.first
    }

    /// The objection still open on a day, if any.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The open objection.
    public func openObjection(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> Objection? {
        objections.last { o in
            o.filedOn <= date && o.filedRecordedAt <= knownAt
                && (o.resolution.map { $0.on > date || $0.recordedAt > knownAt } ?? true)
        }
    }

    /// The latest correction in force by then.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The corrected facts.
    public func correctedFacts(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> String? {
        objections.last { o in
            o.resolution.map { $0.value == .corrected && $0.on <= date && $0.recordedAt <= knownAt } ?? false
        }?.correctedFacts
    }

    /// The day a repair was granted, if by then: public display ends that day; the archive keeps the record.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The day of the grant.
    public func repairedOn(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> LocalDate? {
        repairs.compactMap { r -> LocalDate? in
            guard let d = r.decision, d.value, d.on <= date, d.recordedAt <= knownAt else { return nil }
            return d.on
        }.first
    }

    /// The repair application still open on a day, if any.
    /// - Parameters:
    ///   - date: The effective date.
    ///   - knownAt: The recorded time.
    /// - Returns: The open application.
    public func openRepair(asOf date: LocalDate, knownAt: Timestamp = .distantFuture) -> Repair? {
        repairs.last { r in
            r.appliedOn <= date && r.appliedRecordedAt <= knownAt
                && (r.decision.map { $0.on > date || $0.recordedAt > knownAt } ?? true)
        }
    }
}

/// The outcome of a confidentiality review (保密审查结论).
public enum ReviewOutcome: Hashable, Sendable, Codable {
    /// May be published.
    case publishable
    /// Withheld: it falls on the negative list (负面清单).
    case withheld(NegativeListCategory)
}

/// What the negative list keeps from the public (不予公开的负面清单).
public enum NegativeListCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// A state secret (国家秘密).
    case stateSecret
    /// A commercial secret (商业秘密).
    case commercialSecret
    /// Personal privacy (个人隐私).
    case personalPrivacy

    /// The category's Chinese name.
    public var chineseName: String {
        switch self {
        case .stateSecret: "国家秘密"
        case .commercialSecret: "商业秘密"
        case .personalPrivacy: "个人隐私"
        }
    }
}

/// How an objection was decided (异议处理结果).
public enum ObjectionOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// The record was corrected (更正).
    case corrected
    /// The record was revoked (撤销).
    case revoked
    /// The record stands (维持).
    case upheld

    /// The outcome's Chinese name.
    public var chineseName: String {
        switch self {
        case .corrected: "更正"
        case .revoked: "撤销"
        case .upheld: "维持"
        }
    }
}
