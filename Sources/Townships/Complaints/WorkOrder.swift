import CreditKitCore
import Foundation

/// A residents' complaint about a township through the 12345 hotline (12345工单): the case, owned by the township
/// complained about, numbered by the work order. It is verified founded or not (核实属实、不属实) and resolved; a
/// founded complaint counts against the township, and one left unresolved bars it from the integrity-township list.
public struct WorkOrder: CaseState, Hashable {
    /// `townships`.
    public static var sector: String { TownshipsModule.sectorID.rawValue }
    /// `order`.
    public static var caseKey: String { "order" }
    /// `township`.
    public static var ownerKey: String { "township" }
    /// An agency: the township complained about.
    public static var ownerKind: SubjectKind { .agency }

    /// The work order's number.
    public var id: CaseID
    /// The township.
    public var township: SubjectID
    /// What came in.
    public var received: WorkOrderReceived?
    /// The day it came in, with its entry.
    public var receivedOn: DatedFact?
    /// The verification: founded or not, with its day and entry.
    public var verified: (founded: Bool, on: DatedFact)?
    /// The day it was resolved, with its entry.
    public var resolved: DatedFact?

    /// A work order not received yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The township.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.township = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<WorkOrder> { CaseRef(id, owner: township) }

    /// Whether it was verified founded by a day.
    /// - Parameter day: The day.
    /// - Returns: Whether it was founded.
    public func founded(by day: LocalDate) -> Bool { verified.map { $0.founded && $0.on.on <= day } ?? false }

    /// Whether it was resolved by a day.
    /// - Parameter day: The day.
    /// - Returns: Whether it was resolved.
    public func isResolved(by day: LocalDate) -> Bool { resolved.map { $0.on <= day } ?? false }

    /// Compares two work orders fact by fact.
    public static func == (a: WorkOrder, b: WorkOrder) -> Bool {
        a.id == b.id && a.township == b.township && a.received == b.received && a.receivedOn == b.receivedOn
            && a.verified?.founded == b.verified?.founded && a.verified?.on == b.verified?.on
            && a.resolved == b.resolved
    }

    /// Hashes the number and the township.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(township)
    }

    /// Names a work order, from which its facts are made.
    /// - Parameters:
    ///   - number: The work order's number.
    ///   - township: The township complained about.
    /// - Returns: The work order.
    public static func order(_ number: CaseID, township: SubjectID) -> CaseRef<WorkOrder> {
        CaseRef(number, owner: township)
    }
}

/// A 12345 work order about a township received (12345工单转办): `townships.order.received`. No caller's name is
/// recorded.
public struct WorkOrderReceived: CaseFacts {
    /// `townships.order.received`.
    public static let kind: EventKind = "townships.order.received"
    /// A work order is received once.
    public static var opensCase: Bool { true }
    /// The service area it concerns, when one.
    public var area: ServiceArea?
    /// What it says.
    public var summary: String

    /// Makes the fact.
    /// - Parameters:
    ///   - area: The service area.
    ///   - summary: What it says.
    public init(area: ServiceArea? = nil, summary: String) {
        self.area = area
        self.summary = summary
    }

    /// Refuses a blank summary.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<WorkOrder>, in context: ValidationContext) throws {
        try stamp.requireTownship(in: context)
        try stamp.requireText(summary, "what the work order says")
    }

    /// Records the work order.
    /// - Parameters:
    ///   - state: The work order.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout WorkOrder, _ stamp: CaseStamp<WorkOrder>) {
        state.received = self
        state.receivedOn = stamp.dated
    }
}

/// A step of a work order (核实、办结): `townships.order.step`.
public struct WorkOrderStep: CaseFacts {
    /// What happened.
    public enum Step: String, Hashable, Sendable, Codable {
        /// Verified founded (核实属实).
        case founded
        /// Verified unfounded (核实不属实).
        case unfounded
        /// Resolved (办结).
        case resolved
    }

    /// `townships.order.step`.
    public static let kind: EventKind = "townships.order.step"
    /// What happened.
    public var step: Step
    /// What was found or done.
    public var text: String?

    /// Makes the fact.
    /// - Parameters:
    ///   - step: What happened.
    ///   - text: What was found or done.
    public init(_ step: Step, text: String? = nil) {
        self.step = step
        self.text = text
    }

    /// Refuses a second verification, any step after the resolution, a resolution dated before the verification, a step
    /// before the order came in, and control characters.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<WorkOrder>, in context: ValidationContext) throws {
        if let text { try stamp.require(!text.hasControlCharacters, "the text has control characters") }
        guard let order = try context.state(of: stamp), let received = order.receivedOn else {
            throw CreditKitError(.invalidEvent, "work order \(stamp.id) was never received")
        }
        try stamp.require(stamp.on >= received.on, "it came in on \(received.on)")
        // Verified, then resolved: nothing follows the resolution, and it is not dated before the verification.
        try stamp.require(order.resolved == nil, "it is resolved already, on \(order.resolved?.on.description ?? "")")
        switch step {
        case .founded, .unfounded:
            try stamp.require(order.verified == nil, "it is verified already")
        case .resolved:
            if let verified = order.verified {
                try stamp.require(
                    stamp.on >= verified.on.on, "it was verified on \(verified.on.on), after this resolution")
            }
        }
    }

    /// Records the step.
    /// - Parameters:
    ///   - state: The work order.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout WorkOrder, _ stamp: CaseStamp<WorkOrder>) {
        switch step {
        case .founded: state.verified = (true, stamp.dated)
        case .unfounded: state.verified = (false, stamp.dated)
        case .resolved: state.resolved = stamp.dated
        }
    }
}
