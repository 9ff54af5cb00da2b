import Foundation

/// A piece of government information an agency made or changed (政府信息), which it must publish proactively: the
/// case of one item, owned by the agency.
public struct DisclosureItem: CaseState, Hashable {
    /// `core`.
    public static var sector: String { "core" }
    /// `item`.
    public static var caseKey: String { "item" }
    /// `agency`.
    public static var ownerKey: String { "agency" }
    /// An agency.
    public static var ownerKind: SubjectKind { .agency }

    /// The item's number.
    public var id: CaseID
    /// The agency.
    public var agency: SubjectID
    /// What it is.
    public var title: String?
    /// The days it was made and changed, in order, with their entries.
    public var versions: [DatedFact] = []
    /// The days it was published, with their entries.
    public var publications: [DatedFact] = []
    /// What kind of item it is, when a local rule gives it a limit of its own.
    public var category: DisclosureCategory?
    /// When a major emergency happened, to the second.
    public var occurredAt: Timestamp?
    /// The days a policy's interpretation was published (政策解读), with their entries.
    public var interpretations: [DatedFact] = []
    /// The press conferences held on an emergency (新闻发布会), with their times.
    public var pressConferences: [TimedFact] = []

    /// An item not made yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.agency = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<DisclosureItem> { CaseRef(id, owner: agency) }

    /// Names an item, from which its facts are made.
    /// - Parameters:
    ///   - number: The item's number.
    ///   - agency: The agency.
    /// - Returns: The item.
    public static func item(_ number: CaseID, agency: SubjectID) -> CaseRef<DisclosureItem> {
        CaseRef(number, owner: agency)
    }
}

/// A fact with its time to the second, for a limit counted in hours.
public struct TimedFact: Hashable, Sendable {
    /// The day and entry.
    public var dated: DatedFact
    /// The time.
    public var at: Timestamp

    /// Makes a timed fact.
    /// - Parameters:
    ///   - dated: The day and entry.
    ///   - at: The time.
    public init(_ dated: DatedFact, at: Timestamp) {
        self.dated = dated
        self.at = at
    }
}

/// Kinds of government information that a local rule gives a limit of their own (廊坊市交通运输局全面推进政务公开工作实施意见
/// (2018) in that bureau's profile); any other item is ordinary information under the 20-working-day rule.
public enum DisclosureCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// A change of the power and responsibility lists (权责清单调整): published within the local limit.
    case listChange
    /// A policy document (政策文件), whose interpretation must follow its publication.
    case policy
    /// A particularly major or major emergency (特别重大、重大突发事件), after which a press conference is held.
    case emergency

    /// 清单调整, 政策文件, 重大突发事件.
    public var chineseName: String {
        switch self {
        case .listChange: "清单调整"
        case .policy: "政策文件"
        case .emergency: "重大突发事件"
        }
    }
}

/// Government information made (政府信息形成): `core.disclosure.made`, within the proactive-disclosure scope.
public struct DisclosureItemMade: CaseFacts {
    /// `core.disclosure.made`.
    public static let kind: EventKind = "core.disclosure.made"
    /// An item is made once; a change is a fact of its own.
    public static var opensCase: Bool { true }
    /// What it is (a policy, a plan, a fee standard).
    public var title: String
    /// What kind of item it is, when a local rule gives it a limit of its own; ordinary information when `nil`.
    public var category: DisclosureCategory?
    /// When an emergency happened, to the second (its limit is counted in hours).
    public var occurredAt: Timestamp?

    /// Makes the fact.
    /// - Parameters:
    ///   - title: What it is.
    ///   - category: What kind of item it is, when a local rule gives it a limit of its own.
    ///   - occurredAt: When an emergency happened.
    public init(title: String, category: DisclosureCategory? = nil, occurredAt: Timestamp? = nil) {
        self.title = title
        self.category = category
        self.occurredAt = occurredAt
    }

    /// Refuses a blank title, an emergency without the time it happened (or a time on another day), and a time for
    /// anything but an emergency.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DisclosureItem>, in context: ValidationContext) throws {
        try stamp.requireText(title, "the information's title")
        if category == .emergency {
            guard let occurredAt else {
                throw CreditKitError(.invalidEvent, "item \(stamp.id): an emergency needs the time it happened")
            }
            try stamp.require(
                occurredAt.chinaDate == stamp.on,
                "the emergency happened at \(occurredAt), which is not on \(stamp.on) in China time")
        } else {
            try stamp.require(occurredAt == nil, "only an emergency has a time it happened")
        }
    }

    /// Records the item.
    /// - Parameters:
    ///   - state: The item.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DisclosureItem, _ stamp: CaseStamp<DisclosureItem>) {
        state.title = title
        state.category = category
        state.occurredAt = occurredAt
        state.versions.append(stamp.dated)
    }
}

/// A step of an item's disclosure (政府信息变更、公开): `changed` restarts the clock, `published` stops it; a policy's
/// interpretation (`interpreted`) and an emergency's press conference (`pressConference`, with its time) are steps
/// of their own.
public struct DisclosureItemStep: CaseFacts {
    /// What happened.
    public enum Step: String, Hashable, Sendable, Codable {
        /// The information changed (变更).
        case changed
        /// It was published (公开).
        case published
        /// A policy's interpretation was published (政策解读发布).
        case interpreted
        /// A press conference on an emergency was held (新闻发布会).
        case pressConference
    }

    /// `core.disclosure.step`.
    public static let kind: EventKind = "core.disclosure.step"
    /// What happened.
    public var step: Step
    /// Where it was published, or what changed.
    public var note: String?
    /// When a press conference began, to the second.
    public var at: Timestamp?

    /// Makes the fact.
    /// - Parameters:
    ///   - step: What happened.
    ///   - note: Where it was published, or what changed.
    ///   - at: When a press conference began.
    public init(_ step: Step, note: String? = nil, at: Timestamp? = nil) {
        self.step = step
        self.note = note
        self.at = at
    }

    /// Refuses control characters in the note, an interpretation of anything but a policy, a press conference on
    /// anything but an emergency, one without its time (or with a time on another day, or before the emergency), and
    /// a time on any other step.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DisclosureItem>, in context: ValidationContext) throws {
        if let note { try stamp.require(!note.hasControlCharacters, "the note has control characters") }
        switch step {
        case .changed, .published:
            try stamp.require(at == nil, "only a press conference has a time")
        case .interpreted:
            try stamp.require(at == nil, "only a press conference has a time")
            try stamp.require(
                try context.state(of: stamp)?.category == .policy, "only a policy document has an interpretation")
        case .pressConference:
            let item = try context.state(of: stamp)
            guard item?.category == .emergency, let occurred = item?.occurredAt else {
                throw CreditKitError(.invalidEvent, "item \(stamp.id): only an emergency has a press conference")
            }
            guard let at else {
                throw CreditKitError(.invalidEvent, "item \(stamp.id): a press conference needs the time it began")
            }
            try stamp.require(
                at.chinaDate == stamp.on, "the press conference at \(at) is not on \(stamp.on) in China time")
            try stamp.require(at >= occurred, "the press conference at \(at) is before the emergency at \(occurred)")
        }
    }

    /// Adds the step.
    /// - Parameters:
    ///   - state: The item.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DisclosureItem, _ stamp: CaseStamp<DisclosureItem>) {
        switch step {
        case .changed: state.versions.append(stamp.dated)
        case .published: state.publications.append(stamp.dated)
        case .interpreted: state.interpretations.append(stamp.dated)
        case .pressConference:
            if let at { state.pressConferences.append(TimedFact(stamp.dated, at: at)) }
        }
    }
}

/// A request for government information (依申请公开), owned by the agency that received it.
public struct DisclosureRequest: CaseState, Hashable {
    /// `core`.
    public static var sector: String { "core" }
    /// `request`.
    public static var caseKey: String { "request" }
    /// `agency`.
    public static var ownerKey: String { "agency" }
    /// An agency.
    public static var ownerKind: SubjectKind { .agency }

    /// The request's number.
    public var id: CaseID
    /// The agency.
    public var agency: SubjectID
    /// The day it was received, with its entry.
    public var received: DatedFact?
    /// The day the time to answer was extended, with its entry.
    public var extended: DatedFact?
    /// The day it was answered, with its entry.
    public var answered: DatedFact?

    /// A request not received yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.agency = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<DisclosureRequest> { CaseRef(id, owner: agency) }

    /// Names a request, from which its facts are made.
    /// - Parameters:
    ///   - number: The request's number.
    ///   - agency: The agency.
    /// - Returns: The request.
    public static func request(_ number: CaseID, agency: SubjectID) -> CaseRef<DisclosureRequest> {
        CaseRef(number, owner: agency)
    }
}

/// A disclosure request received (收到政府信息公开申请): `core.request.received`; it opens the request.
public struct DisclosureRequestReceived: CaseFacts {
    /// `core.request.received`.
    public static let kind: EventKind = "core.request.received"
    /// A request is received once.
    public static var opensCase: Bool { true }
    /// What is asked for.
    public var subject: String

    /// Makes the fact.
    /// - Parameter subject: What is asked for.
    public init(subject: String) { self.subject = subject }

    /// Refuses a blank subject.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DisclosureRequest>, in context: ValidationContext) throws {
        try stamp.requireText(subject, "what the request asks for")
    }

    /// Records the receipt.
    /// - Parameters:
    ///   - state: The request.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DisclosureRequest, _ stamp: CaseStamp<DisclosureRequest>) {
        state.received = stamp.dated
    }
}

/// A step of a disclosure request (依申请公开办理): `core.request.step`, the time extended or the answer given.
public struct DisclosureRequestStep: CaseFacts {
    /// What happened.
    public enum Step: String, Hashable, Sendable, Codable {
        /// The time to answer extended, with the reason (延长答复期限).
        case extended
        /// Answered (答复).
        case answered
    }

    /// `core.request.step`.
    public static let kind: EventKind = "core.request.step"
    /// What happened.
    public var step: Step
    /// The reason for an extension, or the answer's gist.
    public var note: String?

    /// Makes the fact.
    /// - Parameters:
    ///   - step: What happened.
    ///   - note: The reason for an extension, or the answer's gist.
    public init(_ step: Step, note: String? = nil) {
        self.step = step
        self.note = note
    }

    /// Refuses a second extension, an extension without its reason, and anything after the answer.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DisclosureRequest>, in context: ValidationContext) throws {
        let request = try context.state(of: stamp)
        try stamp.require(request?.answered == nil, "the request is answered already")
        if step == .extended {
            try stamp.require(request?.extended == nil, "the time is extended already")
            try stamp.requireText(note, "the reason for the extension")
        }
        if let note { try stamp.require(!note.hasControlCharacters, "the note has control characters") }
    }

    /// Adds the step.
    /// - Parameters:
    ///   - state: The request.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DisclosureRequest, _ stamp: CaseStamp<DisclosureRequest>) {
        switch step {
        case .extended: state.extended = stamp.dated
        case .answered: state.answered = stamp.dated
        }
    }
}

/// An agency's annual disclosure report (政府信息公开工作年度报告), numbered by the year it reports on.
public struct AnnualDisclosureReport: CaseState, Hashable {
    /// `core`.
    public static var sector: String { "core" }
    /// `annualReport`.
    public static var caseKey: String { "annualReport" }
    /// `agency`.
    public static var ownerKey: String { "agency" }
    /// An agency.
    public static var ownerKind: SubjectKind { .agency }

    /// The year reported on.
    public var id: CaseID
    /// The agency.
    public var agency: SubjectID
    /// The day it was published, with its entry.
    public var published: DatedFact?

    /// A report not published.
    /// - Parameters:
    ///   - id: The year.
    ///   - owner: The agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.agency = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<AnnualDisclosureReport> { CaseRef(id, owner: agency) }

    /// Names a year's report, from which its publication is made.
    /// - Parameters:
    ///   - year: The year reported on.
    ///   - agency: The agency.
    /// - Returns: The report.
    public static func report(_ year: Int, agency: SubjectID) -> CaseRef<AnnualDisclosureReport> {
        CaseRef(CaseID(rawValue: String(year)), owner: agency)
    }
}

/// An annual disclosure report published (年度报告公布): `core.annual-report.published`.
public struct AnnualDisclosureReportPublished: CaseFacts {
    /// `core.annual-report.published`.
    public static let kind: EventKind = "core.annual-report.published"
    /// A year's report is published once.
    public static var opensCase: Bool { true }

    /// Makes the fact.
    public init() {}

    /// Refuses a case number that is not a year, and a publication before the year is over.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<AnnualDisclosureReport>, in context: ValidationContext) throws {
        _ = try stamp.reportedYear()
    }

    /// Records the publication.
    /// - Parameters:
    ///   - state: The report.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout AnnualDisclosureReport, _ stamp: CaseStamp<AnnualDisclosureReport>) {
        state.published = stamp.dated
    }
}

/// The disclosure facts of the core (政府信息公开事实).
public enum DisclosureFacts {
    /// Every fact type.
    public static let all: [any LedgerEvent.Type] = [
        DisclosureItemMade.eventType, DisclosureItemStep.eventType, DisclosureRequestReceived.eventType,
        DisclosureRequestStep.eventType, AnnualDisclosureReportPublished.eventType, LicenceGranted.eventType,
        LicencePublished.eventType, LicenceStatusChanged.eventType,
    ]
}
