import CreditKitCore
import Foundation

/// The service areas in which townships and streets make public commitments (公开承诺服务领域), as the plans list them.
public enum ServiceArea: String, Hashable, Sendable, Codable, CaseIterable {
    /// Employment (就业).
    case employment
    /// Property management (物业).
    case property
    /// Schooling (就学).
    case schooling
    /// Housekeeping (家政).
    case housekeeping
    /// Family planning (计生).
    case familyPlanning
    /// Elderly care (养老).
    case elderlyCare
    /// Disability aid (助残).
    case disabilityAid
    /// Poverty relief (扶贫).
    case povertyRelief
    /// Medical insurance (医保).
    case medicalInsurance
    /// Housing (住房).
    case housing
    /// Travel (出行).
    case travel
    /// Parking (停车).
    case parking
    /// Fire and theft prevention (防火防盗).
    case fireAndTheft
    /// Military families and veterans (优抚).
    case militaryFamilies
    /// Convenience services (便民服务).
    case convenience

    /// The Chinese name, as catalogues and CSV files write it.
    public var chineseName: String {
        switch self {
        case .employment: "就业"
        case .property: "物业"
        case .schooling: "就学"
        case .housekeeping: "家政"
        case .familyPlanning: "计生"
        case .elderlyCare: "养老"
        case .disabilityAid: "助残"
        case .povertyRelief: "扶贫"
        case .medicalInsurance: "医保"
        case .housing: "住房"
        case .travel: "出行"
        case .parking: "停车"
        case .fireAndTheft: "防火防盗"
        case .militaryFamilies: "优抚"
        case .convenience: "便民服务"
        }
    }

    /// The area a Chinese name names.
    /// - Parameter chinese: The name.
    /// - Returns: The area, or `nil` for a name not on the list.
    public static func named(_ chinese: String) -> ServiceArea? { allCases.first { $0.chineseName == chinese } }
}

/// One item of a township's public commitment catalogue (乡镇（街道）公开承诺事项): what it promises in a service area,
/// by a deadline or within a promised processing time, the office responsible, and what became of it. The case is
/// owned by the township (an agency) and numbered by the catalogue.
///
/// A commitment with a deadline is kept or not by then; one with a promised time is a standing promise that each
/// service case (``ServiceCase``) keeps or overruns. Either way it is a commitment of the core (its entry is the
/// commitment's ID), so it counts in the township's commitment record and score; the township rules judge it.
public struct TownshipCommitment: CaseState, Hashable {
    /// `townships`.
    public static var sector: String { TownshipsModule.sectorID.rawValue }
    /// `item`.
    public static var caseKey: String { "item" }
    /// `township`.
    public static var ownerKey: String { "township" }
    /// An agency: the township's people's government or the street office.
    public static var ownerKind: SubjectKind { .agency }

    /// The item's number in the catalogue.
    public var id: CaseID
    /// The township.
    public var township: SubjectID
    /// What was published.
    public var published: TownshipCommitmentPublished?
    /// The day it was published, with its entry (the commitment's ID).
    public var publishedOn: DatedFact?
    /// The assessment that closed it: met or not, with its day and entry.
    public var assessed: (step: TownshipCommitmentAssessed, on: DatedFact)?

    /// An item not published yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The township.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.township = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<TownshipCommitment> { CaseRef(id, owner: township) }

    /// The core commitment the item is.
    public var commitment: Commitment.ID? { publishedOn.map { Commitment.ID($0.evidence[0].rawValue) } }

    /// The deadline, for an item that has one.
    public var deadline: LocalDate? { published?.deadline }

    /// The day it was met, when the assessment found so by a day.
    /// - Parameter day: The day.
    /// - Returns: The day it was met.
    public func met(by day: LocalDate) -> DatedFact? {
        guard let assessed, assessed.step.met, assessed.on.on <= day else { return nil }
        return assessed.on
    }

    /// The day it was found not met, by a day.
    /// - Parameter day: The day.
    /// - Returns: The day and the assessment.
    public func notMet(by day: LocalDate) -> (step: TownshipCommitmentAssessed, on: DatedFact)? {
        guard let assessed, !assessed.step.met, assessed.on.on <= day else { return nil }
        return assessed
    }

    /// Compares two items fact by fact.
    public static func == (a: TownshipCommitment, b: TownshipCommitment) -> Bool {
        a.id == b.id && a.township == b.township && a.published == b.published && a.publishedOn == b.publishedOn
            && a.assessed?.step == b.assessed?.step && a.assessed?.on == b.assessed?.on
    }

    /// Hashes the number and the township.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(township)
    }

    /// Names a catalogue item, from which its facts are made.
    /// - Parameters:
    ///   - number: The item's number.
    ///   - township: The township.
    /// - Returns: The item.
    public static func item(_ number: CaseID, township: SubjectID) -> CaseRef<TownshipCommitment> {
        CaseRef(number, owner: township)
    }
}

/// A commitment published in the township's catalogue (公开承诺): `townships.commitment.published`. It is a commitment
/// of the core to the residents.
public struct TownshipCommitmentPublished: CommitmentFacts {
    /// `townships.commitment.published`.
    public static let kind: EventKind = "townships.commitment.published"
    /// An item is published once.
    public static var opensCase: Bool { true }
    /// The service area.
    public var area: ServiceArea
    /// What is promised, in the catalogue's words.
    public var promise: String
    /// The target, when one is stated (目标).
    public var target: String?
    /// The deadline (完成时限), for a promise to do something by a day.
    public var deadline: LocalDate?
    /// The processing time promised for each request (承诺办理时限), for a standing service promise.
    public var promisedTime: Period?
    /// The office responsible (责任科室).
    public var office: String

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - area: The service area.
    ///   - promise: What is promised.
    ///   - target: The target.
    ///   - deadline: The deadline.
    ///   - promisedTime: The processing time promised.
    ///   - office: The office responsible.
    public init(
        _ area: ServiceArea, promise: String, target: String? = nil, deadline: LocalDate? = nil,
        promisedTime: Period? = nil, office: String
    ) {
        self.area = area
        self.promise = promise
        self.target = target
        self.deadline = deadline
        self.promisedTime = promisedTime
        self.office = office
    }

    /// The commitment: the township to its residents, on the item's terms and deadline.
    /// - Parameters:
    ///   - promisor: The township.
    ///   - id: The item's number.
    ///   - day: The day published.
    /// - Returns: The commitment.
    public func commitment(promisor: SubjectID, case id: CaseID, on day: LocalDate) -> Commitment {
        let time = promisedTime.map { "（承诺时限\($0.chineseDescription)）" } ?? ""
        return Commitment(
            promisor: promisor, beneficiary: "辖区居民", kind: promisedTime == nil ? .publicService : .timeLimit,
            terms: "承诺事项\(id) \(area.chineseName)：\(promise)\(time)", madeOn: day, dueDate: deadline,
            sector: TownshipsModule.sectorID)
    }

    /// Refuses an owner that is not a township, a blank promise or office, an item with neither a deadline nor a
    /// promised time or with both, a deadline before the day published, and a promised time that is not 1 to 365
    /// days or working days.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<TownshipCommitment>, in context: ValidationContext) throws {
        try stamp.requireTownship(in: context)
        try stamp.requireText(promise, "what is promised")
        try stamp.requireText(office, "the office responsible")
        if let target { try stamp.require(!target.hasControlCharacters, "the target has control characters") }
        try stamp.require(
            deadline != nil || promisedTime != nil, "it has neither a deadline nor a promised time")
        try stamp.require(
            deadline == nil || promisedTime == nil,
            "it has both a deadline and a promised time; a standing service promise is an item of its own")
        if let deadline {
            try stamp.require(deadline >= stamp.on, "it is due on \(deadline), before it was published")
        }
        if let promisedTime {
            try stamp.require(
                [.days, .workingDays].contains(promisedTime.unit) && (1...365).contains(promisedTime.value),
                "a promised time is 1 to 365 days or working days, not \(promisedTime)")
        }
    }

    /// Records the item.
    /// - Parameters:
    ///   - state: The item.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout TownshipCommitment, _ stamp: CaseStamp<TownshipCommitment>) {
        state.published = self
        state.publishedOn = stamp.dated
    }
}

/// The township's assessment of a commitment with a deadline (承诺兑现核查): `townships.commitment.assessed`, met with
/// its evidence or not met with the reason. Met, the core commitment is fulfilled; not met, it is breached.
public struct TownshipCommitmentAssessed: CommitmentStepFacts {
    /// `townships.commitment.assessed`.
    public static let kind: EventKind = "townships.commitment.assessed"
    /// The item's commitment: the entry that published it.
    public var commitment: Commitment.ID
    /// Whether it was met.
    public var met: Bool
    /// The evidence of fulfilment, or why it was not met (兑现佐证、未兑现原因).
    public var evidence: String

    /// Makes the fact; `kit.townships.assess` finds the commitment.
    /// - Parameters:
    ///   - commitment: The item's commitment.
    ///   - met: Whether it was met.
    ///   - evidence: The evidence, or the reason.
    public init(commitment: Commitment.ID, met: Bool, evidence: String) {
        self.commitment = commitment
        self.met = met
        self.evidence = evidence
    }

    /// Refuses an item never published or of another commitment, one without a deadline (a standing promise is
    /// kept service by service), one assessed already, a day before it was published, and a blank evidence.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<TownshipCommitment>, in context: ValidationContext) throws {
        try stamp.requireText(evidence, met ? "the evidence of fulfilment" : "why it was not met")
        guard let item = try context.state(of: stamp), let published = item.published, let on = item.publishedOn
        else { throw CreditKitError(.invalidEvent, "item \(stamp.id) is not published") }
        try stamp.require(
            item.commitment == commitment, "it is commitment \(item.commitment!), not \(commitment)")
        try stamp.require(
            published.deadline != nil, "it is a standing promise, kept or overrun service by service")
        try stamp.require(item.assessed == nil, "it is assessed already")
        try stamp.require(stamp.on >= on.on, "it was published on \(on.on)")
    }

    /// Records the assessment.
    /// - Parameters:
    ///   - state: The item.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout TownshipCommitment, _ stamp: CaseStamp<TownshipCommitment>) {
        state.assessed = (self, stamp.dated)
    }

    /// Met: the commitment is fulfilled; not met: breached, with the reason.
    /// - Parameters:
    ///   - lifecycle: The commitment's lifecycle.
    ///   - step: The step's day and entry.
    public func apply(to lifecycle: inout CommitmentLifecycle, step: CommitmentStep) {
        let outcome: CommitmentOutcome = met ? .fulfilled : .breached(.other, "未兑现：\(evidence)")
        lifecycle.outcome = .init(value: outcome, on: step.on, sequence: step.entry, recordedAt: step.recordedAt)
    }
}
