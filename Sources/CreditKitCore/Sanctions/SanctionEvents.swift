/// Why a sanction is softened (从轻或免于惩戒的情形).
public enum LeniencyGround: String, Hashable, Sendable, Codable, CaseIterable {
    /// The loss was recovered (挽回损失).
    case lossRecovered
    /// The bad effect was removed (消除不良影响).
    case badEffectRemoved
    /// The harm was prevented from spreading (有效阻止危害结果发生).
    case harmPrevented

    /// 挽回损失, 消除不良影响, 有效阻止危害结果发生.
    public var chineseName: String {
        switch self {
        case .lossRecovered: "挽回损失"
        case .badEffectRemoved: "消除不良影响"
        case .harmPrevented: "有效阻止危害结果发生"
        }
    }
}

/// What leniency does to a record's measures.
public enum LeniencyEffect: String, Hashable, Sendable, Codable, CaseIterable {
    /// Durations are halved (从轻).
    case mitigate
    /// No measures (免于惩戒).
    case exempt
}

/// A leniency decision on a record's measures (从轻、免予惩戒): `core.sanction.leniency`.
public struct SanctionLeniency: RecordLifecycleEvent, Hashable {
    /// `core.sanction.leniency`.
    public static let kind: EventKind = "core.sanction.leniency"
    /// The record.
    public var record: CreditRecord.ID
    /// The day.
    public var on: LocalDate
    /// The ground.
    public var ground: LeniencyGround
    /// The effect.
    public var effect: LeniencyEffect
    /// Whom it covers: one responsible official, or `nil` for every target of the record.
    public var official: SubjectID?
    /// Who decided.
    public var decidedBy: String

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day.
    ///   - ground: The ground.
    ///   - effect: The effect.
    ///   - official: One responsible official, or `nil` for all.
    ///   - decidedBy: Who decided.
    public init(
        record: CreditRecord.ID, on: LocalDate, ground: LeniencyGround, effect: LeniencyEffect, official: SubjectID?,
        decidedBy: String
    ) {
        self.record = record
        self.on = on
        self.ground = ground
        self.effect = effect
        self.official = official
        self.decidedBy = decidedBy
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// The official it covers.
    public var subjects: [SubjectID] { official.map { [$0] } ?? [] }

    /// Refuses leniency for a good record, for an official the record does not name, or a second decision.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        guard r.polarity == .dishonesty else { throw refuse("record \(record) is not a dishonesty record") }
        if let official, official != r.subject, !r.responsibleOfficials.contains(official) {
            throw refuse("record \(record) does not name \(official)")
        }
        guard !context.lifecycle(record).leniency.contains(where: { $0.value.official == official }) else {
            throw refuse("record \(record) already has a leniency decision for \(official?.rawValue ?? "all")")
        }
        guard on >= r.decisionDate, !decidedBy.isBlank else {
            throw CreditKitError(
                .invalidEvent, "leniency is decided on or after the record's decision, by a named body")
        }
    }

    /// Adds the decision.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.leniency.append(
            .init(
                value: LeniencyDecision(effect: effect, ground: ground, official: official), on: on,
                sequence: LedgerEntry.ID(sequence),
                recordedAt: recordedAt))
    }
}

/// A leniency decision as the lifecycle keeps it.
public struct LeniencyDecision: Hashable, Sendable, Codable {
    /// The effect.
    public var effect: LeniencyEffect
    /// The ground.
    public var ground: LeniencyGround
    /// The official covered, or `nil` for all.
    public var official: SubjectID?
}

/// The subject rectified what a record required (整改完成): `core.sanction.rectified`.
public struct SanctionRectified: RecordLifecycleEvent, Hashable {
    /// `core.sanction.rectified`.
    public static let kind: EventKind = "core.sanction.rectified"
    /// The sanctioned subject's own report of its rectification.
    public static var authorship: Authorship { .subject }
    /// The record.
    public var record: CreditRecord.ID
    /// The day the rectification was accepted.
    public var on: LocalDate
    /// What was done.
    public var summary: String

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day.
    ///   - summary: What was done.
    public init(record: CreditRecord.ID, on: LocalDate, summary: String) {
        self.record = record
        self.on = on
        self.summary = summary
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// None beyond the record.
    public var subjects: [SubjectID] { [] }

    /// Within the scope of the record's subject, whose rectification it is.
    /// - Parameters:
    ///   - unit: The reporting unit.
    ///   - context: The ledger before the event.
    /// - Returns: Whether the unit is the record's subject.
    public func isWithinScope(of unit: SubjectID, in context: ValidationContext) throws -> Bool {
        // An unknown record, or a store that cannot be read, is an error, never "out of scope".
        try context.record(record).subject == unit
    }

    /// Refuses a second rectification, one before the decision, or one without a summary.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        guard context.lifecycle(record).rectified == nil else { throw refuse("record \(record) was already rectified") }
        guard on >= r.decisionDate, !summary.isBlank else {
            throw CreditKitError(.invalidEvent, "a rectification is on or after the decision and says what was done")
        }
    }

    /// Sets the rectification.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.rectified = .init(value: summary, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
    }
}

/// The term a decision sets for its measures where the law allows a range (惩戒期限): the measures of the record end
/// after the last day given, earlier than the policy's longest term. `core.sanction.term-set`.
///
/// A bidding blacklist entry, for example, excludes a tenderer for 1 to 2 years for collusion: the policy's rule
/// carries the longest term, and this event the one decided.
public struct SanctionTermSet: RecordLifecycleEvent, Hashable {
    /// `core.sanction.term-set`.
    public static let kind: EventKind = "core.sanction.term-set"
    /// The record.
    public var record: CreditRecord.ID
    /// The last day the measures apply.
    public var through: LocalDate
    /// The day the term was set.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - record: The record.
    ///   - through: The last day the measures apply.
    ///   - on: The day the term was set.
    public init(record: CreditRecord.ID, through: LocalDate, on: LocalDate) {
        self.record = record
        self.through = through
        self.on = on
    }

    /// The day set.
    public var effectiveDate: LocalDate { on }
    /// None beyond the record.
    public var subjects: [SubjectID] { [] }

    /// Refuses a term for a record that is not a dishonesty record, a second term, or one ending before the
    /// decision.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = try context.record(record)
        guard r.polarity == .dishonesty else {
            throw CreditKitError(.invalidEvent, "record \(record) is not a dishonesty record; it has no measures")
        }
        guard context.lifecycle(record).term == nil else { throw refuse("record \(record) already has its term") }
        guard through >= r.decisionDate, on >= r.decisionDate else {
            throw CreditKitError(
                .invalidEvent, "a term ends on or after the decision (\(r.decisionDate)), and is set then or later")
        }
    }

    /// Sets the term.
    /// - Parameters:
    ///   - lifecycle: The lifecycle.
    ///   - sequence: This entry.
    ///   - recordedAt: When learned.
    public func apply(to lifecycle: inout RecordLifecycle, sequence: Int64, recordedAt: Timestamp) {
        lifecycle.term = .init(value: through, on: on, sequence: LedgerEntry.ID(sequence), recordedAt: recordedAt)
    }
}
