import Foundation

/// An annual assessment result of a civil servant (年度考核等次), as the Civil Servant Law sets the grades.
public enum AssessmentResult: String, Hashable, Sendable, Codable, CaseIterable {
    /// 优秀.
    case excellent
    /// 称职.
    case competent
    /// 基本称职.
    case basicallyCompetent
    /// 不称职.
    case incompetent
    /// 不定等次 (a new entrant, or one away most of the year).
    case notGraded

    /// The result in Chinese.
    public var chineseName: String {
        switch self {
        case .excellent: "优秀"
        case .competent: "称职"
        case .basicallyCompetent: "基本称职"
        case .incompetent: "不称职"
        case .notGraded: "不定等次"
        }
    }
}

/// The level of the body that conferred an honour (表彰层级).
public enum HonourLevel: String, Hashable, Sendable, Codable, CaseIterable {
    /// 国家级.
    case national
    /// 省级.
    case provincial
    /// 市级.
    case municipal
    /// 县级.
    case county

    /// The level in Chinese.
    public var chineseName: String {
        switch self {
        case .national: "国家级"
        case .provincial: "省级"
        case .municipal: "市级"
        case .county: "县级"
        }
    }
}

/// What the check of a personal-matters report found (个人有关事项报告查核结果).
public enum ReportVerification: String, Hashable, Sendable, Codable, CaseIterable {
    /// 一致: the report matched what was found.
    case consistent
    /// 漏报: something was left out by oversight.
    case omission
    /// 瞒报: something was concealed.
    case concealment

    /// The outcome in Chinese.
    public var chineseName: String {
        switch self {
        case .consistent: "查核一致"
        case .omission: "漏报"
        case .concealment: "瞒报"
        }
    }
}

/// One fact of an official's integrity file as the view keeps it (诚信档案事项): what kind, its entry, its days and the
/// values its kind has.
public struct OfficialFileFact: Hashable, Sendable, Codable {
    /// The kinds of fact a file holds.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// An annual assessment result (年度考核).
        case assessment
        /// An honour (表彰奖励).
        case honour
        /// A personal-matters report required for a year, with its due date (个人有关事项报告要求).
        case reportRequired
        /// A personal-matters report filed (个人有关事项报告).
        case reportFiled
        /// The check of a filed report (查核).
        case reportVerified
        /// Integrity training completed (诚信教育培训).
        case training
        /// Accountability applied for a decision (问责).
        case accountability
        /// A ground in law that mitigates or exempts accountability for a decision (减轻或者免予追究).
        case accountabilityGround
        /// An appeal against an accountability (申诉).
        case appealFiled
        /// The decision on an appeal (申诉处理决定).
        case appealDecided

        /// The kind in Chinese.
        public var chineseName: String {
            switch self {
            case .assessment: "年度考核"
            case .honour: "表彰奖励"
            case .reportRequired: "个人有关事项报告（应报）"
            case .reportFiled: "个人有关事项报告（已报）"
            case .reportVerified: "个人有关事项报告查核"
            case .training: "诚信教育培训"
            case .accountability: "问责"
            case .accountabilityGround: "减轻或免予追究情形"
            case .appealFiled: "问责申诉"
            case .appealDecided: "申诉处理决定"
            }
        }
    }

    /// The kind.
    public var kind: Kind
    /// The entry.
    public var sequence: LedgerEntry.ID
    /// When the ledger learned it.
    public var recordedAt: Timestamp
    /// Its effective day (determined, conferred, required, filed, checked, completed, applied).
    public var on: LocalDate
    /// The year an assessment or a report is for.
    public var year: Int?
    /// An assessment's result.
    public var assessment: AssessmentResult?
    /// An honour's level.
    public var honourLevel: HonourLevel?
    /// A report's due date.
    public var due: LocalDate?
    /// A report check's outcome.
    public var verification: ReportVerification?
    /// A training's hours.
    public var hours: Decimal?
    /// An accountability's form; the new form of an appeal decided by a change.
    public var accountability: AccountabilityForm?
    /// The entry this fact is about: a ground's decision, an appeal's accountability, an appeal decision's appeal.
    public var refers: LedgerEntry.ID?
    /// An appeal decision's outcome.
    public var appeal: AppealOutcome?
    /// A ground's effect.
    public var groundEffect: AccountabilityGroundEffect?
    /// A ground's legal basis, as cited.
    public var basis: String?
    /// The title of an honour, the course of a training, the body that decided an assessment, a check or an
    /// accountability.
    public var text: String

    init(kind: Kind, sequence: Int64, recordedAt: Timestamp, on: LocalDate, text: String) {
        self.kind = kind
        self.sequence = LedgerEntry.ID(sequence)
        self.recordedAt = recordedAt
        self.on = on
        self.text = text
    }
}

/// An event that adds a fact to an official's integrity file (诚信档案事件).
public protocol OfficialFileEvent: LedgerEvent {
    /// The official.
    var official: SubjectID { get }
    /// The fact as the file keeps it.
    /// - Parameters:
    ///   - sequence: The event's entry.
    ///   - recordedAt: When the ledger learned it.
    /// - Returns: The fact.
    func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact
}

extension ValidationContext {
    /// The file facts of an official known before this event: the ledger's and the batch's so far.
    /// - Parameter official: The official.
    /// - Returns: The facts, in ledger order.
    public func fileFacts(of official: SubjectID) -> [OfficialFileFact] {
        (view.officialFacts[official] ?? []) + (newFileFacts[official] ?? [])
    }

    func requireOfficialText(_ text: String, _ what: String) throws {
        guard !text.isBlank, text.isOneLine else {
            throw CreditKitError(.invalidEvent, "\(what) is one line of text, not empty")
        }
    }
}

/// An annual assessment result entered in an official's file (年度考核结果): `core.official.assessment`.
public struct AnnualAssessmentRecorded: OfficialFileEvent, Hashable {
    /// `core.official.assessment`.
    public static let kind: EventKind = "core.official.assessment"
    /// The official.
    public var official: SubjectID
    /// The year assessed.
    public var year: Int
    /// The result.
    public var result: AssessmentResult
    /// The day the result was determined.
    public var on: LocalDate
    /// The body that determined it (the appointing organ or its organisation department).
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - year: The year assessed.
    ///   - result: The result.
    ///   - on: The day determined.
    ///   - by: The body.
    public init(official: SubjectID, year: Int, result: AssessmentResult, on: LocalDate, by: String) {
        self.official = official
        self.year = year
        self.result = result
        self.on = on
        self.by = by
    }

    /// The day determined.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses an unknown official, a year not yet over on the day, a second result for the year, or no body.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "official assessed")
        try context.requireOfficialText(by, "the assessing body")
        guard year < on.year, year >= 1949 else {
            throw CreditKitError(.invalidEvent, "the assessment of \(year) is determined after that year, not on \(on)")
        }
        guard !context.fileFacts(of: official).contains(where: { $0.kind == .assessment && $0.year == year }) else {
            throw CreditKitError(.duplicate, "\(official) has an assessment result for \(year) already")
        }
    }

    /// The fact as the file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .assessment, sequence: sequence, recordedAt: recordedAt, on: on, text: by)
        fact.year = year
        fact.assessment = result
        return fact
    }
}

/// An honour conferred on an official (表彰奖励): `core.official.honour`.
public struct HonourAwarded: OfficialFileEvent, Hashable {
    /// `core.official.honour`.
    public static let kind: EventKind = "core.official.honour"
    /// The official.
    public var official: SubjectID
    /// The honour's title, for example 全省优秀公务员.
    public var title: String
    /// The level of the conferring body.
    public var level: HonourLevel
    /// The day conferred.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - title: The honour's title.
    ///   - level: The level.
    ///   - on: The day conferred.
    public init(official: SubjectID, title: String, level: HonourLevel, on: LocalDate) {
        self.official = official
        self.title = title
        self.level = level
        self.on = on
    }

    /// The day conferred.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses an unknown official or an empty title.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "official honoured")
        try context.requireOfficialText(title, "an honour's title")
    }

    /// The fact as the file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .honour, sequence: sequence, recordedAt: recordedAt, on: on, text: title)
        fact.honourLevel = level
        return fact
    }
}

/// A personal-matters report required of an official for a year, with its due date (个人有关事项报告要求):
/// `core.official.report-required`.
public struct PersonalMattersReportRequired: OfficialFileEvent, Hashable {
    /// `core.official.report-required`.
    public static let kind: EventKind = "core.official.report-required"
    /// The official.
    public var official: SubjectID
    /// The year the report covers.
    public var year: Int
    /// The last day to file.
    public var due: LocalDate
    /// The day it was required.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - year: The year covered.
    ///   - due: The last day to file.
    ///   - on: The day it was required.
    public init(official: SubjectID, year: Int, due: LocalDate, on: LocalDate) {
        self.official = official
        self.year = year
        self.due = due
        self.on = on
    }

    /// The day it was required.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses an unknown official, a due date before the day required, or a second requirement for the year.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "official reporting")
        guard due >= on, year <= due.year else {
            throw CreditKitError(
                .invalidEvent, "a report for \(year) is due (\(due)) on or after it is required (\(on))")
        }
        guard !context.fileFacts(of: official).contains(where: { $0.kind == .reportRequired && $0.year == year })
        else {
            throw CreditKitError(.duplicate, "\(official)'s personal-matters report for \(year) is required already")
        }
    }

    /// The fact as the file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .reportRequired, sequence: sequence, recordedAt: recordedAt, on: on, text: "")
        fact.year = year
        fact.due = due
        return fact
    }
}

/// A personal-matters report filed (个人有关事项报告): `core.official.report-filed`.
public struct PersonalMattersReportFiled: OfficialFileEvent, Hashable {
    /// `core.official.report-filed`.
    public static let kind: EventKind = "core.official.report-filed"
    /// The official.
    public var official: SubjectID
    /// The year the report covers.
    public var year: Int
    /// The day filed.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - year: The year covered.
    ///   - on: The day filed.
    public init(official: SubjectID, year: Int, on: LocalDate) {
        self.official = official
        self.year = year
        self.on = on
    }

    /// The day filed.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses a report nobody required, one filed twice, or one filed before it was required.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let facts = context.fileFacts(of: official)
        guard let required = facts.first(where: { $0.kind == .reportRequired && $0.year == year }) else {
            throw CreditKitError(
                .invalidTransition, "no personal-matters report for \(year) is required of \(official)")
        }
        guard !facts.contains(where: { $0.kind == .reportFiled && $0.year == year }) else {
            throw CreditKitError(.duplicate, "\(official)'s report for \(year) is filed already")
        }
        guard on >= required.on else {
            throw CreditKitError(.invalidEvent, "a report is filed on or after it is required (\(required.on))")
        }
    }

    /// The fact as the file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .reportFiled, sequence: sequence, recordedAt: recordedAt, on: on, text: "")
        fact.year = year
        return fact
    }
}

/// The check of a filed personal-matters report (个人有关事项报告查核): `core.official.report-verified`.
public struct PersonalMattersReportVerified: OfficialFileEvent, Hashable {
    /// `core.official.report-verified`.
    public static let kind: EventKind = "core.official.report-verified"
    /// The official.
    public var official: SubjectID
    /// The year the report covers.
    public var year: Int
    /// What the check found.
    public var outcome: ReportVerification
    /// The day of the finding.
    public var on: LocalDate
    /// The body that checked (the organisation department).
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - year: The year covered.
    ///   - outcome: What the check found.
    ///   - on: The day of the finding.
    ///   - by: The checking body.
    public init(official: SubjectID, year: Int, outcome: ReportVerification, on: LocalDate, by: String) {
        self.official = official
        self.year = year
        self.outcome = outcome
        self.on = on
        self.by = by
    }

    /// The day of the finding.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses a check of a report not filed, a second check, a check before filing, or no body.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireOfficialText(by, "the checking body")
        let facts = context.fileFacts(of: official)
        guard let filed = facts.first(where: { $0.kind == .reportFiled && $0.year == year }) else {
            throw CreditKitError(.invalidTransition, "\(official)'s report for \(year) is not filed: nothing to check")
        }
        guard !facts.contains(where: { $0.kind == .reportVerified && $0.year == year }) else {
            throw CreditKitError(.duplicate, "\(official)'s report for \(year) is checked already")
        }
        guard on >= filed.on else {
            throw CreditKitError(.invalidEvent, "a report is checked on or after it is filed (\(filed.on))")
        }
    }

    /// The fact as the file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .reportVerified, sequence: sequence, recordedAt: recordedAt, on: on, text: by)
        fact.year = year
        fact.verification = outcome
        return fact
    }
}

/// Integrity training an official completed (诚信教育培训): `core.official.training`.
public struct IntegrityTrainingCompleted: OfficialFileEvent, Hashable {
    /// `core.official.training`.
    public static let kind: EventKind = "core.official.training"
    /// The official.
    public var official: SubjectID
    /// The course.
    public var course: String
    /// Its hours.
    public var hours: Decimal
    /// The day completed.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - course: The course.
    ///   - hours: Its hours.
    ///   - on: The day completed.
    public init(official: SubjectID, course: String, hours: Decimal, on: LocalDate) {
        self.official = official
        self.course = course
        self.hours = hours
        self.on = on
    }

    /// The day completed.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses an unknown official, an empty course, or hours not above zero or beyond a day's.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "official trained")
        try context.requireOfficialText(course, "a course")
        guard hours > 0, hours <= 24 else {
            throw CreditKitError(
                .invalidEvent, "a training lasts more than 0 and at most 24 hours a record, not \(hours)")
        }
    }

    /// The fact as the file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .training, sequence: sequence, recordedAt: recordedAt, on: on, text: course)
        fact.hours = hours
        return fact
    }
}

extension AccountabilityApplied: OfficialFileEvent {
    /// The fact as the official's file keeps it.
    public func fileFact(sequence: Int64, recordedAt: Timestamp) -> OfficialFileFact {
        var fact = OfficialFileFact(kind: .accountability, sequence: sequence, recordedAt: recordedAt, on: on, text: by)
        fact.accountability = form
        fact.refers = decision
        return fact
    }
}
