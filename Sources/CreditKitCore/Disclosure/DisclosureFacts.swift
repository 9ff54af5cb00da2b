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

/// Government information made (政府信息形成): `core.disclosure.made`, within the proactive-disclosure scope.
public struct DisclosureItemMade: CaseFacts {
    /// `core.disclosure.made`.
    public static let kind: EventKind = "core.disclosure.made"
    /// An item is made once; a change is a fact of its own.
    public static var opensCase: Bool { true }
    /// What it is (a policy, a plan, a fee standard).
    public var title: String

    /// Makes the fact.
    /// - Parameter title: What it is.
    public init(title: String) { self.title = title }

    /// Refuses a blank title.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DisclosureItem>, in context: ValidationContext) throws {
        try stamp.requireText(title, "the information's title")
    }

    /// Records the item.
    /// - Parameters:
    ///   - state: The item.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DisclosureItem, _ stamp: CaseStamp<DisclosureItem>) {
        state.title = title
        state.versions.append(stamp.dated)
    }
}

/// A step of an item's disclosure (政府信息变更、公开): `core.disclosure.changed` restarts the clock, `core.disclosure.published`
/// stops it.
public struct DisclosureItemStep: CaseFacts {
    /// What happened.
    public enum Step: String, Hashable, Sendable, Codable {
        /// The information changed (变更).
        case changed
        /// It was published (公开).
        case published
    }

    /// `core.disclosure.step`.
    public static let kind: EventKind = "core.disclosure.step"
    /// What happened.
    public var step: Step
    /// Where it was published, or what changed.
    public var note: String?

    /// Makes the fact.
    /// - Parameters:
    ///   - step: What happened.
    ///   - note: Where it was published, or what changed.
    public init(_ step: Step, note: String? = nil) {
        self.step = step
        self.note = note
    }

    /// Refuses control characters in the note.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DisclosureItem>, in context: ValidationContext) throws {
        if let note { try stamp.require(!note.hasControlCharacters, "the note has control characters") }
    }

    /// Adds the step.
    /// - Parameters:
    ///   - state: The item.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DisclosureItem, _ stamp: CaseStamp<DisclosureItem>) {
        switch step {
        case .changed: state.versions.append(stamp.dated)
        case .published: state.publications.append(stamp.dated)
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
        DisclosureRequestStep.eventType, AnnualDisclosureReportPublished.eventType,
    ]
}
