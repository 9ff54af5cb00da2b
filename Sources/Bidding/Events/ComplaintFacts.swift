import CreditKitCore
import Foundation

/// A step in a complaint's handling.
public enum ComplaintStep: String, Hashable, Sendable, Codable, CaseIterable {
    /// Accepted (受理).
    case accepted
    /// Not accepted (不予受理).
    case rejected
    /// Decided in writing (作出处理决定).
    case decided
}

/// A complaint filed with the supervising department (投诉): `bidding.complaint.filed`.
public struct BiddingComplaintFiled: CaseFacts {
    /// `bidding.complaint.filed`.
    public static let kind: EventKind = "bidding.complaint.filed"
    /// Its number.
    public var complaint: String
    /// Who complained.
    public var by: String
    /// The supervising department, a registered agency.
    public var supervisor: SubjectID

    /// Makes the fact.
    /// - Parameters:
    ///   - complaint: Its number.
    ///   - by: Who complained.
    ///   - supervisor: The supervising department.
    public init(complaint: String, by: String, supervisor: SubjectID) {
        self.complaint = complaint
        self.by = by
        self.supervisor = supervisor
    }

    /// The supervisor.
    public var parties: [SubjectID] { [supervisor] }

    /// Refuses an unregistered supervisor or a blank number.
    /// - Parameters:
    ///   - stamp: The tender and the day filed.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try context.requireSubject(supervisor, kind: .agency, role: "supervising department")
        try stamp.require(!complaint.allSatisfy(\.isWhitespace), "a complaint has a number")
    }

    /// Adds the complaint.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.complaints.append(
            .init(
                id: complaint, supervisor: supervisor, filed: stamp.dated, accepted: nil, rejected: nil, decided: nil))
    }
}

/// A step in a complaint's handling (投诉受理、不予受理、处理决定): `bidding.complaint.handled`.
public struct BiddingComplaintHandled: CaseFacts {
    /// `bidding.complaint.handled`.
    public static let kind: EventKind = "bidding.complaint.handled"
    /// Its number.
    public var complaint: String
    /// The supervising department.
    public var supervisor: SubjectID
    /// Which step.
    public var step: ComplaintStep

    /// Makes the fact.
    /// - Parameters:
    ///   - complaint: Its number.
    ///   - supervisor: The supervising department.
    ///   - step: Which step.
    public init(complaint: String, supervisor: SubjectID, step: ComplaintStep) {
        self.complaint = complaint
        self.supervisor = supervisor
        self.step = step
    }

    /// The supervisor.
    public var parties: [SubjectID] { [supervisor] }

    /// Refuses an unregistered supervisor.
    /// - Parameters:
    ///   - stamp: The tender and the day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try context.requireSubject(supervisor, kind: .agency, role: "supervising department")
    }

    /// Dates the step on its complaint; the first of each counts.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        guard let i = process.complaints.firstIndex(where: { $0.id == complaint }) else { return }
        let dated = stamp.dated
        switch step {
        case .accepted: process.complaints[i].accepted = process.complaints[i].accepted ?? dated
        case .rejected: process.complaints[i].rejected = process.complaints[i].rejected ?? dated
        case .decided: process.complaints[i].decided = process.complaints[i].decided ?? dated
        }
    }
}

/// The facts of a tender (招标投标事实), in the order a tender meets them. The contract, payment and bond facts are
/// the core's, for a ``BiddingProcess``.
public enum BiddingFacts {
    /// Every fact type of a tender.
    public static let all: [any CaseFacts.Type] = [
        BiddingProjectRegistered.self, BiddingDocumentsIssued.self, BiddingDocumentsClarified.self,
        BiddingObjectionReceived.self, BiddingObjectionAnswered.self, BidsOpened.self, EvaluationPanelFormed.self,
        BiddingEvaluationReported.self, CandidatesPublicised.self, BiddingAwardNoticed.self,
        ContractSigned<BiddingProcess>.self, ContractMilestoneReached<BiddingProcess>.self,
        PaymentMade<BiddingProcess>.self, BiddingReportFiled.self, BondPosted<BiddingProcess>.self,
        BondRefunded<BiddingProcess>.self, BiddingComplaintFiled.self, BiddingComplaintHandled.self,
    ]
}
