import CreditKitCore
import Foundation

/// The evaluation report received by the tenderer (收到评标报告): `bidding.evaluation.reported`.
public struct BiddingEvaluationReported: CaseFacts {
    /// `bidding.evaluation.reported`.
    public static let kind: EventKind = "bidding.evaluation.reported"

    /// Makes the fact.
    public init() {}

    /// Dates the report.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.evaluationReport = stamp.dated
    }
}

/// The winning candidates publicised from the fact's day (公示中标候选人): `bidding.candidates.publicised`.
public struct CandidatesPublicised: CaseFacts {
    /// `bidding.candidates.publicised`.
    public static let kind: EventKind = "bidding.candidates.publicised"
    /// The candidates, in order.
    public var candidates: [Counterparty]
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { candidates }
    /// The publicity's last day.
    public var through: LocalDate

    /// Payloads written before the case kit stored the first day under `from`.
    public static var legacyDayKeys: [String] { ["from"] }

    /// Makes the fact.
    /// - Parameters:
    ///   - candidates: The candidates, in order.
    ///   - through: The last day.
    public init(candidates: [Counterparty], through: LocalDate) {
        self.candidates = candidates
        self.through = through
    }

    /// Refuses a publicity without candidates, or one that ends before it starts.
    /// - Parameters:
    ///   - stamp: The tender and the first day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(!candidates.isEmpty, "a publicity names its candidates")
        try stamp.require(through >= stamp.on, "the publicity ends on or after its first day")
    }

    /// Dates the publicity.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.publicity = stamp.dated
        process.publicityThrough = through
    }
}

/// The winner determined and the award notice sent (确定中标人、发出中标通知书): `bidding.award.noticed`.
public struct BiddingAwardNoticed: CaseFacts {
    /// `bidding.award.noticed`.
    public static let kind: EventKind = "bidding.award.noticed"
    /// The winner.
    public var winner: Counterparty
    /// The winning price, in yuan.
    public var price: Decimal
    /// The day the winner was determined.
    public var winnerDeterminedOn: LocalDate

    /// Makes the fact.
    /// - Parameters:
    ///   - winner: The winner.
    ///   - price: The winning price.
    ///   - winnerDeterminedOn: The day the winner was determined.
    public init(winner: Counterparty, price: Decimal, winnerDeterminedOn: LocalDate) {
        self.winner = winner
        self.price = price
        self.winnerDeterminedOn = winnerDeterminedOn
    }

    /// The price.
    public var amounts: [Decimal?] { [price] }
    /// The winner, when its identifier is a credit code.
    public var parties: [SubjectID] { winner.creditSubject.map { [$0] } ?? [] }
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { [winner] }

    /// Refuses a notice before the winner is determined.
    /// - Parameters:
    ///   - stamp: The tender and the day of the notice.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(stamp.on >= winnerDeterminedOn, "the notice is sent on or after the winner is determined")
    }

    /// Dates the determination and the notice; contracts already signed count from the notice.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.winnerDetermined = .init(winnerDeterminedOn, evidence: [stamp.entry])
        process.awardNotice = stamp.dated
        process.awarded = true
        process.noticeAward(on: stamp.on)
    }
}

/// The written report on the tender filed with the supervising department (提交招标投标情况书面报告):
/// `bidding.report.filed`.
public struct BiddingReportFiled: CaseFacts {
    /// `bidding.report.filed`.
    public static let kind: EventKind = "bidding.report.filed"

    /// Makes the fact.
    public init() {}

    /// Dates the report.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.report = stamp.dated
    }
}
