import CreditKitCore
import Foundation

/// Tender or procurement documents issued with their deadline (采购文件发出): `procurement.tender.documents-issued`.
public struct TenderDocumentsIssued: CaseFacts {
    /// `procurement.tender.documents-issued`.
    public static let kind: EventKind = "procurement.tender.documents-issued"
    /// The bid or response deadline.
    public var bidDeadline: LocalDate

    /// Makes the fact.
    /// - Parameter bidDeadline: The deadline.
    public init(bidDeadline: LocalDate) { self.bidDeadline = bidDeadline }

    /// Refuses a deadline before the documents.
    /// - Parameters:
    ///   - stamp: The project and the day issued.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<ProcurementProcess>, in context: ValidationContext) throws {
        try stamp.require(
            bidDeadline >= stamp.on, "the bid deadline \(bidDeadline) is before the documents (\(stamp.on))")
    }

    /// Sets documents issued and the deadline.
    /// - Parameters:
    ///   - process: The process.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout ProcurementProcess, _ stamp: CaseStamp<ProcurementProcess>) {
        process.documentsIssued = stamp.dated
        process.bidDeadline = bidDeadline
    }
}

/// A clarification or change of the documents (澄清、修改), perhaps moving the deadline: `procurement.tender.clarified`.
public struct TenderClarified: CaseFacts {
    /// `procurement.tender.clarified`.
    public static let kind: EventKind = "procurement.tender.clarified"
    /// The new deadline, when it was moved.
    public var newBidDeadline: LocalDate?

    /// Makes the fact.
    /// - Parameter newBidDeadline: The new deadline, if moved.
    public init(newBidDeadline: LocalDate? = nil) { self.newBidDeadline = newBidDeadline }

    /// Refuses a new deadline before the clarification.
    /// - Parameters:
    ///   - stamp: The project and the day issued.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<ProcurementProcess>, in context: ValidationContext) throws {
        if let newBidDeadline {
            try stamp.require(newBidDeadline >= stamp.on, "the new deadline is before the clarification")
        }
    }

    /// Adds the clarification and moves the deadline.
    /// - Parameters:
    ///   - process: The process.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout ProcurementProcess, _ stamp: CaseStamp<ProcurementProcess>) {
        process.clarifications.append(stamp.dated)
        if let newBidDeadline { process.bidDeadline = newBidDeadline }
    }
}

/// The evaluation report received (评审报告), with how many bid: `procurement.evaluation.reported`.
public struct EvaluationReported: CaseFacts {
    /// `procurement.evaluation.reported`.
    public static let kind: EventKind = "procurement.evaluation.reported"
    /// How many suppliers bid or responded.
    public var bidders: Int

    /// Makes the fact.
    /// - Parameter bidders: How many bid.
    public init(bidders: Int) { self.bidders = bidders }

    /// Refuses a negative count.
    /// - Parameters:
    ///   - stamp: The project and the day received.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<ProcurementProcess>, in context: ValidationContext) throws {
        try stamp.require(bidders >= 0, "the number of bidders is negative")
    }

    /// Sets the report's day and the count.
    /// - Parameters:
    ///   - process: The process.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout ProcurementProcess, _ stamp: CaseStamp<ProcurementProcess>) {
        process.evaluationReport = stamp.dated
        process.bidders = bidders
    }
}

/// The winner confirmed and the result announced (确定中标/成交供应商并公告): `procurement.result.announced`.
public struct ResultAnnounced: CaseFacts {
    /// `procurement.result.announced`.
    public static let kind: EventKind = "procurement.result.announced"
    /// The day the purchaser confirmed the winner.
    public var winnerConfirmedOn: LocalDate
    /// The winners.
    public var suppliers: [Counterparty]
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { suppliers }
    /// How many bid, when the evaluation report did not say.
    public var bidders: Int?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - winnerConfirmedOn: The day the winner was confirmed.
    ///   - suppliers: The winners.
    ///   - bidders: How many bid.
    public init(winnerConfirmedOn: LocalDate, suppliers: [Counterparty], bidders: Int? = nil) {
        self.winnerConfirmedOn = winnerConfirmedOn
        self.suppliers = suppliers
        self.bidders = bidders
    }

    /// Refuses an announcement before the confirmation, or one with no winner.
    /// - Parameters:
    ///   - stamp: The project and the day announced.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<ProcurementProcess>, in context: ValidationContext) throws {
        try stamp.require(stamp.on >= winnerConfirmedOn, "the result is announced before the winner is confirmed")
        try stamp.require(!suppliers.isEmpty, "a result names its winners")
    }

    /// Dates the confirmation and the notice; contracts already signed count from the notice.
    /// - Parameters:
    ///   - process: The process.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout ProcurementProcess, _ stamp: CaseStamp<ProcurementProcess>) {
        process.winnerConfirmed = .init(winnerConfirmedOn, evidence: [stamp.entry])
        process.resultAnnounced = stamp.dated
        process.bidders = process.bidders ?? bidders
        process.awarded = true
        process.noticeAward(on: stamp.on)
    }
}
