import CreditKitCore
import Foundation

/// A bid as opened (开标记录).
public struct OpenedBid: Hashable, Sendable, Codable {
    /// Who bid.
    public var tenderer: Counterparty
    /// The price.
    public var price: Decimal?
    /// Whether the bid passed the compliance review (not rejected, 未被否决).
    public var accepted: Bool

    /// Makes a bid.
    /// - Parameters:
    ///   - tenderer: Who bid.
    ///   - price: The price.
    ///   - accepted: Whether it passed the review.
    public init(tenderer: Counterparty, price: Decimal?, accepted: Bool = true) {
        self.tenderer = tenderer
        self.price = price
        self.accepted = accepted
    }
}

/// An objection to the documents received (收到异议): `bidding.objection.received`.
public struct BiddingObjectionReceived: CaseFacts {
    /// `bidding.objection.received`.
    public static let kind: EventKind = "bidding.objection.received"
    /// Its number.
    public var objection: String
    /// Who objected.
    public var by: String

    /// Makes the fact.
    /// - Parameters:
    ///   - objection: Its number.
    ///   - by: Who objected.
    public init(objection: String, by: String) {
        self.objection = objection
        self.by = by
    }

    /// Refuses a blank number.
    /// - Parameters:
    ///   - stamp: The tender and the day received.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(!objection.allSatisfy(\.isWhitespace), "an objection has a number")
    }

    /// Adds the objection.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.objections.append(.init(id: objection, received: stamp.dated, answered: nil))
    }
}

/// An objection answered (答复异议): `bidding.objection.answered`.
public struct BiddingObjectionAnswered: CaseFacts {
    /// `bidding.objection.answered`.
    public static let kind: EventKind = "bidding.objection.answered"
    /// Its number.
    public var objection: String

    /// Makes the fact.
    /// - Parameter objection: Its number.
    public init(objection: String) { self.objection = objection }

    /// Refuses a blank number.
    /// - Parameters:
    ///   - stamp: The tender and the day answered.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(!objection.allSatisfy(\.isWhitespace), "an answer names its objection")
    }

    /// Answers the first open objection with the number.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        if let i = process.objections.firstIndex(where: { $0.id == objection && $0.answered == nil }) {
            process.objections[i].answered = stamp.dated
        }
    }
}

/// Bids opened (开标) and reviewed, with each tenderer's price and whether its bid was accepted: `bidding.bids.opened`.
public struct BidsOpened: CaseFacts {
    /// `bidding.bids.opened`.
    public static let kind: EventKind = "bidding.bids.opened"
    /// The bids.
    public var bids: [OpenedBid]

    /// Makes the fact.
    /// - Parameter bids: The bids.
    public init(bids: [OpenedBid]) { self.bids = bids }

    /// The prices.
    public var amounts: [Decimal?] { bids.map(\.price) }
    /// The tenderers with credit codes.
    public var parties: [SubjectID] { bids.compactMap { $0.tenderer.creditSubject } }
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { bids.map(\.tenderer) }

    /// Refuses a bid without its tenderer's name.
    /// - Parameters:
    ///   - stamp: The tender and the day opened.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(
            bids.allSatisfy { !$0.tenderer.name.allSatisfy(\.isWhitespace) }, "every bid names its tenderer")
    }

    /// Sets the bids and the opening day.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.bids = bids.map { .init(tenderer: $0.tenderer, price: $0.price, accepted: $0.accepted) }
        process.opened = stamp.dated
    }
}

/// The evaluation panel formed (组建评标委员会): `bidding.panel.formed`.
public struct EvaluationPanelFormed: CaseFacts {
    /// `bidding.panel.formed`.
    public static let kind: EventKind = "bidding.panel.formed"
    /// Members.
    public var members: Int
    /// Technical and economic experts among them.
    public var experts: Int

    /// Makes the fact.
    /// - Parameters:
    ///   - members: Members.
    ///   - experts: Experts among them.
    public init(members: Int, experts: Int) {
        self.members = members
        self.experts = experts
    }

    /// Refuses a panel without members, or with more experts than members.
    /// - Parameters:
    ///   - stamp: The tender and the day formed.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(
            members > 0 && experts >= 0 && experts <= members, "a panel has members, and no more experts than members")
    }

    /// Sets the panel.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.panel = .init(members: members, experts: experts, formed: stamp.dated)
    }
}
