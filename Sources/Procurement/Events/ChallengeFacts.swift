import CreditKitCore
import Foundation

/// A supplier's challenge received (质疑): `procurement.challenge.received`.
public struct ChallengeReceived: CaseFacts {
    /// `procurement.challenge.received`.
    public static let kind: EventKind = "procurement.challenge.received"
    /// The challenge's number.
    public var challenge: String
    /// Who challenged.
    public var supplier: Counterparty
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { [supplier] }

    /// Makes the fact.
    /// - Parameters:
    ///   - challenge: The challenge's number.
    ///   - supplier: Who challenged.
    public init(challenge: String, supplier: Counterparty) {
        self.challenge = challenge
        self.supplier = supplier
    }

    /// Refuses a blank number.
    /// - Parameters:
    ///   - stamp: The project and the day received.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<ProcurementProcess>, in context: ValidationContext) throws {
        try stamp.require(!challenge.allSatisfy(\.isWhitespace), "a challenge has a number")
    }

    /// Adds the challenge.
    /// - Parameters:
    ///   - process: The process.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout ProcurementProcess, _ stamp: CaseStamp<ProcurementProcess>) {
        process.challenges.append(.init(id: challenge, received: stamp.dated))
    }
}

/// A challenge answered in writing (质疑答复): `procurement.challenge.answered`.
public struct ChallengeAnswered: CaseFacts {
    /// `procurement.challenge.answered`.
    public static let kind: EventKind = "procurement.challenge.answered"
    /// The challenge's number.
    public var challenge: String

    /// Makes the fact.
    /// - Parameter challenge: The challenge's number.
    public init(challenge: String) { self.challenge = challenge }

    /// Refuses a blank number.
    /// - Parameters:
    ///   - stamp: The project and the day answered.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<ProcurementProcess>, in context: ValidationContext) throws {
        try stamp.require(!challenge.allSatisfy(\.isWhitespace), "an answer names its challenge")
    }

    /// Answers the first open challenge with the number.
    /// - Parameters:
    ///   - process: The process.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout ProcurementProcess, _ stamp: CaseStamp<ProcurementProcess>) {
        if let i = process.challenges.firstIndex(where: { $0.id == challenge && $0.answered == nil }) {
            process.challenges[i].answered = stamp.dated
        }
    }
}
