import CreditKitCore
import Foundation

/// A resident's request for a service that carries a promised time (服务事项办件), from receipt to completion: the case,
/// owned by the township, numbered by its register. Its promised time is the one the township published for the
/// service's catalogue item.
public struct ServiceCase: CaseState, Hashable {
    /// `townships`.
    public static var sector: String { TownshipsModule.sectorID.rawValue }
    /// `service`.
    public static var caseKey: String { "service" }
    /// `township`.
    public static var ownerKey: String { "township" }
    /// An agency: the township.
    public static var ownerKind: SubjectKind { .agency }

    /// The case's number.
    public var id: CaseID
    /// The township.
    public var township: SubjectID
    /// The catalogue item whose promised time applies.
    public var item: CaseID?
    /// The day the request was received, with its entry.
    public var received: DatedFact?
    /// The day it was completed, with its entry.
    public var completed: DatedFact?
    /// The public explanation of an overrun (超时说明), with its day and entry.
    public var explained: (on: DatedFact, text: String)?

    /// A case not received yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The township.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.township = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<ServiceCase> { CaseRef(id, owner: township) }

    /// Compares two cases fact by fact.
    public static func == (a: ServiceCase, b: ServiceCase) -> Bool {
        a.id == b.id && a.township == b.township && a.item == b.item && a.received == b.received
            && a.completed == b.completed && a.explained?.on == b.explained?.on
            && a.explained?.text == b.explained?.text
    }

    /// Hashes the number and the township.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(township)
    }

    /// Names a service case, from which its facts are made.
    /// - Parameters:
    ///   - number: The case's number.
    ///   - township: The township.
    /// - Returns: The case.
    public static func service(_ number: CaseID, township: SubjectID) -> CaseRef<ServiceCase> {
        CaseRef(number, owner: township)
    }
}

/// A service request received (受理): `townships.service.received`, naming the catalogue item whose promised time
/// applies. No resident's name is recorded.
public struct ServiceRequestReceived: CaseFacts {
    /// `townships.service.received`.
    public static let kind: EventKind = "townships.service.received"
    /// A request is received once.
    public static var opensCase: Bool { true }
    /// The catalogue item (its number), which must promise a processing time.
    public var item: CaseID

    /// Makes the fact.
    /// - Parameter item: The catalogue item.
    public init(item: CaseID) { self.item = item }

    /// Refuses an item the township has not published, or one without a promised time, or one published after the
    /// request.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<ServiceCase>, in context: ValidationContext) throws {
        try stamp.requireTownship(in: context)
        let found = try context.state(of: TownshipCommitment.item(item, township: stamp.owner))
        guard let published = found?.published, let on = found?.publishedOn?.on else {
            throw CreditKitError(.invalidEvent, "service \(stamp.id): the township has published no item \(item)")
        }
        try stamp.require(
            published.promisedTime != nil, "item \(item) promises no processing time")
        try stamp.require(on <= stamp.on, "item \(item) was published on \(on), after the request")
    }

    /// Records the receipt.
    /// - Parameters:
    ///   - state: The case.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout ServiceCase, _ stamp: CaseStamp<ServiceCase>) {
        state.item = item
        state.received = stamp.dated
    }
}

/// A step of a service case (办结、超时说明): `townships.service.step`.
public struct ServiceCaseStep: CaseFacts {
    /// What happened.
    public enum Step: String, Hashable, Sendable, Codable {
        /// Completed (办结).
        case completed
        /// The overrun explained publicly, with the reason (超时公开说明).
        case overrunExplained
    }

    /// `townships.service.step`.
    public static let kind: EventKind = "townships.service.step"
    /// What happened.
    public var step: Step
    /// The explanation, as published.
    public var text: String?

    /// Makes the fact.
    /// - Parameters:
    ///   - step: What happened.
    ///   - text: The explanation, as published.
    public init(_ step: Step, text: String? = nil) {
        self.step = step
        self.text = text
    }

    /// Refuses a step twice, an explanation without its text, and anything after completion but the explanation.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<ServiceCase>, in context: ValidationContext) throws {
        guard let service = try context.state(of: stamp), let received = service.received else {
            throw CreditKitError(.invalidEvent, "service \(stamp.id) was never received")
        }
        try stamp.require(stamp.on >= received.on, "it was received on \(received.on)")
        switch step {
        case .completed: try stamp.require(service.completed == nil, "it is completed already")
        case .overrunExplained:
            try stamp.require(service.explained == nil, "its overrun is explained already")
            try stamp.requireText(text, "the explanation")
        }
    }

    /// Records the step.
    /// - Parameters:
    ///   - state: The case.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout ServiceCase, _ stamp: CaseStamp<ServiceCase>) {
        switch step {
        case .completed: state.completed = stamp.dated
        case .overrunExplained: state.explained = (stamp.dated, text ?? "")
        }
    }
}
