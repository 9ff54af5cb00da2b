import CreditKitCore
import Foundation

/// Where an investor's complaint came in (投诉渠道).
public enum ComplaintChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// The 12345 government service hotline (12345政务服务便民热线).
    case hotline12345 = "12345"
    /// The national platform for complaints about arrears to enterprises (违约拖欠中小企业款项登记（投诉）平台).
    case arrearsPlatform = "arrears-platform"
    /// Any other channel.
    case other

    /// 12345热线, 拖欠投诉平台, 其他渠道.
    public var chineseName: String {
        switch self {
        case .hotline12345: "12345热线"
        case .arrearsPlatform: "拖欠投诉平台"
        case .other: "其他渠道"
        }
    }
}

/// An investor's complaint about a government's breach (投资方投诉), as the body that received it handles it: it
/// forwards it to the competent department within 10 working days, and the result follows within 30 days of the
/// forwarding, or 90 with an extension (保障中小企业款项支付条例 (2025) art. 25). The case is owned by the body that
/// received it, which records each step; its findings are that body's.
public struct InvestorComplaint: CaseState, Hashable {
    /// `investment`.
    public static var sector: String { InvestmentPromotionModule.sectorID.rawValue }
    /// `complaint`.
    public static var caseKey: String { "complaint" }
    /// `handler`.
    public static var ownerKey: String { "handler" }
    /// An agency: the body that received the complaint.
    public static var ownerKind: SubjectKind { .agency }

    /// The complaint's number.
    public var id: CaseID
    /// The handling body.
    public var handler: SubjectID
    /// What came in.
    public var received: InvestorComplaintReceived?
    /// The day it came in, with its entry.
    public var receivedOn: DatedFact?
    /// The day it was forwarded, with its entry.
    public var forwarded: DatedFact?
    /// The day the time for the result was extended, with its entry.
    public var extended: DatedFact?
    /// The result, with its day and entry.
    public var resolved: (on: DatedFact, result: String)?

    /// A complaint not received yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The handling body.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.handler = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<InvestorComplaint> { CaseRef(id, owner: handler) }

    /// Names a complaint, from which its facts are made.
    /// - Parameters:
    ///   - number: The complaint's number (the work order's).
    ///   - handler: The body that received it.
    /// - Returns: The complaint.
    public static func complaint(_ number: CaseID, handler: SubjectID) -> CaseRef<InvestorComplaint> {
        CaseRef(number, owner: handler)
    }

    /// Compares two complaints fact by fact.
    public static func == (a: InvestorComplaint, b: InvestorComplaint) -> Bool {
        a.id == b.id && a.handler == b.handler && a.received == b.received && a.receivedOn == b.receivedOn
            && a.forwarded == b.forwarded && a.extended == b.extended && a.resolved?.on == b.resolved?.on
            && a.resolved?.result == b.resolved?.result
    }

    /// Hashes the number and the handler.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(handler)
    }
}

/// A complaint received (受理投诉): `investment.complaint.received`.
public struct InvestorComplaintReceived: CaseFacts {
    /// `investment.complaint.received`.
    public static let kind: EventKind = "investment.complaint.received"
    /// A complaint is received once.
    public static var opensCase: Bool { true }
    /// The investor who complains.
    public var investor: SubjectID
    /// The agency complained about.
    public var about: SubjectID
    /// The agreement it concerns, when one.
    public var agreement: CaseID?
    /// Where it came in.
    public var channel: ComplaintChannel
    /// What it says.
    public var summary: String

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - investor: The investor.
    ///   - about: The agency complained about.
    ///   - agreement: The agreement.
    ///   - channel: The channel.
    ///   - summary: What it says.
    public init(
        investor: SubjectID, about: SubjectID, agreement: CaseID? = nil, channel: ComplaintChannel, summary: String
    ) {
        self.investor = investor
        self.about = about
        self.agreement = agreement
        self.channel = channel
        self.summary = summary
    }

    /// The investor and the agency complained about.
    public var parties: [SubjectID] { [investor, about] }

    /// Refuses an investor that is not a registered enterprise, an agency complained about that is not registered,
    /// and a blank summary.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent` or `unknownSubject`).
    public func validate(_ stamp: CaseStamp<InvestorComplaint>, in context: ValidationContext) throws {
        try context.requireSubject(investor, kind: .enterprise, role: "investor")
        try context.requireSubject(about, kind: .agency, role: "agency complained about")
        try stamp.requireText(summary, "what the complaint says")
    }

    /// Records the complaint.
    /// - Parameters:
    ///   - state: The complaint.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestorComplaint, _ stamp: CaseStamp<InvestorComplaint>) {
        state.received = self
        state.receivedOn = stamp.dated
    }
}

/// A step of a complaint's handling (投诉办理): `investment.complaint.forwarded`, `.extended` or `.resolved`.
public struct InvestorComplaintHandled: CaseFacts {
    /// What the step is.
    public enum Step: String, Hashable, Sendable, Codable {
        /// Forwarded to the competent department (转交).
        case forwarded
        /// The time for the result extended (延长办理期限).
        case extended
        /// The result given (办结).
        case resolved
    }

    /// `investment.complaint.handled`.
    public static let kind: EventKind = "investment.complaint.handled"
    /// What the step is.
    public var step: Step
    /// The result, or the reason for an extension.
    public var text: String?

    /// Makes the fact.
    /// - Parameters:
    ///   - step: What the step is.
    ///   - text: The result, or the reason for an extension.
    public init(_ step: Step, text: String? = nil) {
        self.step = step
        self.text = text
    }

    /// Refuses a step taken twice, a result or extension without its text, an extension after the result, and
    /// anything after the result.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<InvestorComplaint>, in context: ValidationContext) throws {
        guard let complaint = try context.state(of: stamp) else { return }
        try stamp.require(complaint.resolved == nil, "the complaint has its result already")
        switch step {
        case .forwarded: try stamp.require(complaint.forwarded == nil, "the complaint is forwarded already")
        case .extended:
            try stamp.require(complaint.extended == nil, "the time is extended already")
            try stamp.requireText(text, "the reason for the extension")
        case .resolved: try stamp.requireText(text, "the result")
        }
    }

    /// Records the step.
    /// - Parameters:
    ///   - state: The complaint.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout InvestorComplaint, _ stamp: CaseStamp<InvestorComplaint>) {
        switch step {
        case .forwarded: state.forwarded = stamp.dated
        case .extended: state.extended = stamp.dated
        case .resolved: state.resolved = (stamp.dated, text ?? "")
        }
    }
}
