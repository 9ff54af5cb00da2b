import CreditKitCore
import Foundation

/// A bidding fact (招标投标事实) the ledger records: it names its tender and tenderer (招标人), and folds itself into
/// the tender's ``BiddingProcess``.
public protocol BiddingEvent: LedgerEvent {
    /// The project number, unique for the tenderer.
    var project: String { get }
    /// The tenderer, a registered agency.
    var tenderer: SubjectID { get }
    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender so far.
    ///   - sequence: The fact's entry.
    func apply(to process: inout BiddingProcess, sequence: Int64)
}

extension BiddingEvent {
    /// Refuses an unregistered tenderer, a blank project number, or a negative amount.
    func validateCommon(_ context: ValidationContext, amounts: [Decimal?] = []) throws {
        try context.requireSubject(tenderer, kind: .agency, role: "tenderer")
        guard !project.allSatisfy(\.isWhitespace) else {
            throw CreditKitError(.invalidEvent, "a bidding fact names its project number")
        }
        for case let amount? in amounts where amount < 0 {
            throw CreditKitError(.invalidEvent, "project \(project): the amount \(amount) is negative")
        }
    }

    func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        guard condition else { throw CreditKitError(.invalidEvent, "project \(project): " + message()) }
    }
}

extension BiddingProcess {
    /// The contract with a number, added when new.
    mutating func contract(_ id: String, _ body: (inout Contract) -> Void) {
        if let i = contracts.firstIndex(where: { $0.id == id }) {
            body(&contracts[i])
        } else {
            var c = Contract(id: id)
            body(&c)
            contracts.append(c)
        }
    }
}

/// A bid as opened (开标记录).
public struct OpenedBid: Hashable, Sendable, Codable {
    /// Who bid.
    public var tenderer: BiddingParticipant
    /// The price.
    public var price: Decimal?
    /// Whether the bid passed the compliance review (not rejected, 未被否决).
    public var accepted: Bool

    /// Makes a bid.
    /// - Parameters:
    ///   - tenderer: Who bid.
    ///   - price: The price.
    ///   - accepted: Whether it passed the review.
    public init(tenderer: BiddingParticipant, price: Decimal?, accepted: Bool = true) {
        self.tenderer = tenderer
        self.price = price
        self.accepted = accepted
    }
}

/// What happened to works under a contract.
public enum WorksMilestone: String, Hashable, Sendable, Codable, CaseIterable {
    /// Completed and delivered (竣工交付).
    case delivered
    /// Accepted (验收合格).
    case acceptancePassed
}

/// Which bond (保证金).
public enum BiddingBondKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 投标保证金.
    case bid
    /// 履约保证金.
    case performance
}

/// A step in a complaint's handling.
public enum ComplaintStep: String, Hashable, Sendable, Codable, CaseIterable {
    /// Accepted (受理).
    case accepted
    /// Not accepted (不予受理).
    case rejected
    /// Decided in writing (作出处理决定).
    case decided
}

/// A tender project registered (招标项目登记): `bidding.project.registered`.
public struct BiddingProjectRegistered: BiddingEvent, Hashable {
    /// `bidding.project.registered`.
    public static let kind: EventKind = "bidding.project.registered"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The project's name.
    public var name: String
    /// The bidding agency (招标代理机构), a registered enterprise, if one runs the tender.
    public var agency: SubjectID?
    /// Open or invited.
    public var openness: TenderOpenness
    /// What it buys.
    public var category: TenderCategory
    /// The estimated price (估算价), in yuan.
    public var estimatedPrice: Decimal
    /// Whether the law requires the tender, when a decision says so; otherwise the thresholds decide.
    public var mustTender: Bool?
    /// The day registered.
    public var on: LocalDate
    /// Whether the ledger will hold every fact of the tender; `false` for tenders imported from open data.
    public var completeFacts: Bool

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - name: The project's name.
    ///   - agency: The bidding agency (招标代理机构), a registered enterprise, if one runs the tender.
    ///   - openness: Open or invited.
    ///   - category: What it buys.
    ///   - estimatedPrice: The estimated price (估算价), in yuan.
    ///   - mustTender: Whether the law requires the tender, when a decision says so; otherwise the thresholds decide.
    ///   - on: The day registered.
    ///   - completeFacts: Whether the ledger will hold every fact of the tender; `false` for tenders imported from open data.
    public init(
        project: String, tenderer: SubjectID, name: String, agency: SubjectID? = nil, openness: TenderOpenness,
        category: TenderCategory, estimatedPrice: Decimal, mustTender: Bool? = nil, on: LocalDate,
        completeFacts: Bool = true
    ) {
        self.project = project
        self.tenderer = tenderer
        self.name = name
        self.agency = agency
        self.openness = openness
        self.category = category
        self.estimatedPrice = estimatedPrice
        self.mustTender = mustTender
        self.on = on
        self.completeFacts = completeFacts
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer, and the agency when there is one.
    public var subjects: [SubjectID] { [tenderer] + (agency.map { [$0] } ?? []) }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: [estimatedPrice])
        try require(!name.allSatisfy(\.isWhitespace), "a tender has a name")
        if let agency { try context.requireSubject(agency, kind: .enterprise, role: "bidding agency") }
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.name = name
        process.agency = agency
        process.openness = openness
        process.category = category
        process.estimatedPrice = estimatedPrice
        process.declaredMandatory = mustTender
        process.isComplete = completeFacts
        process.evidence.insert(sequence, at: 0)
    }
}

/// Prequalification or tender documents issued and put on sale (发售资格预审文件、招标文件): `bidding.documents.issued`.
public struct BiddingDocumentsIssued: BiddingEvent, Hashable {
    /// `bidding.documents.issued`.
    public static let kind: EventKind = "bidding.documents.issued"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Which documents.
    public var stage: TenderStage
    /// The first day of sale.
    public var on: LocalDate
    /// The last day of sale, when stated.
    public var saleEnds: LocalDate?
    /// The deadline: applications for prequalification, bids for tender documents.
    public var deadline: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - stage: Which documents.
    ///   - on: The first day of sale.
    ///   - saleEnds: The last day of sale.
    ///   - deadline: The deadline: applications for prequalification, bids for tender documents.
    public init(
        project: String, tenderer: SubjectID, stage: TenderStage, on: LocalDate, saleEnds: LocalDate?,
        deadline: LocalDate
    ) {
        self.project = project
        self.tenderer = tenderer
        self.stage = stage
        self.on = on
        self.saleEnds = saleEnds
        self.deadline = deadline
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(
            (saleEnds ?? on) >= on && deadline >= on, "the sale and the deadline end on or after the first day of sale")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        switch stage {
        case .tender:
            process.documentsIssued = .init(on, evidence: [sequence])
            process.saleEnds = saleEnds
            process.bidDeadline = deadline
        case .prequalification:
            process.prequalificationIssued = .init(on, evidence: [sequence])
            process.prequalificationSaleEnds = saleEnds
            process.prequalificationDeadline = deadline
        }
    }
}

/// A clarification or change of the documents (澄清、修改), perhaps moving the deadline: `bidding.documents.clarified`.
public struct BiddingDocumentsClarified: BiddingEvent, Hashable {
    /// `bidding.documents.clarified`.
    public static let kind: EventKind = "bidding.documents.clarified"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Which documents.
    public var stage: TenderStage
    /// The day issued.
    public var on: LocalDate
    /// The new deadline, when moved.
    public var newDeadline: LocalDate?

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - stage: Which documents.
    ///   - on: The day issued.
    ///   - newDeadline: The new deadline, when moved.
    public init(project: String, tenderer: SubjectID, stage: TenderStage, on: LocalDate, newDeadline: LocalDate? = nil)
    {
        self.project = project
        self.tenderer = tenderer
        self.stage = stage
        self.on = on
        self.newDeadline = newDeadline
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        if let newDeadline { try require(newDeadline >= on, "the new deadline is before the clarification") }
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.clarifications.append(.init(stage: stage, issued: .init(on, evidence: [sequence])))
        if let newDeadline {
            if stage == .tender {
                process.bidDeadline = newDeadline
            } else {
                process.prequalificationDeadline = newDeadline
            }
        }
    }
}

/// An objection to the documents received (收到异议): `bidding.objection.received`.
public struct BiddingObjectionReceived: BiddingEvent, Hashable {
    /// `bidding.objection.received`.
    public static let kind: EventKind = "bidding.objection.received"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Its number.
    public var objection: String
    /// Who objected.
    public var by: String
    /// The day received.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - objection: Its number.
    ///   - by: Who objected.
    ///   - on: The day received.
    public init(project: String, tenderer: SubjectID, objection: String, by: String, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.objection = objection
        self.by = by
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!objection.allSatisfy(\.isWhitespace), "an objection has a number")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.objections.append(.init(id: objection, received: .init(on, evidence: [sequence]), answered: nil))
    }
}

/// An objection answered (答复异议): `bidding.objection.answered`.
public struct BiddingObjectionAnswered: BiddingEvent, Hashable {
    /// `bidding.objection.answered`.
    public static let kind: EventKind = "bidding.objection.answered"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Its number.
    public var objection: String
    /// The day answered.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - objection: Its number.
    ///   - on: The day answered.
    public init(project: String, tenderer: SubjectID, objection: String, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.objection = objection
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!objection.allSatisfy(\.isWhitespace), "an answer names its objection")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        if let i = process.objections.firstIndex(where: { $0.id == objection && $0.answered == nil }) {
            process.objections[i].answered = .init(on, evidence: [sequence])
        }
    }
}

/// Bids opened (开标) and reviewed, with each tenderer's price and whether its bid was accepted: `bidding.bids.opened`.
public struct BidsOpened: BiddingEvent, Hashable {
    /// `bidding.bids.opened`.
    public static let kind: EventKind = "bidding.bids.opened"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The bids.
    public var bids: [OpenedBid]
    /// The day opened.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - bids: The bids.
    ///   - on: The day opened.
    public init(project: String, tenderer: SubjectID, bids: [OpenedBid], on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.bids = bids
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer, and each bidder named by a valid credit code (so its bids can be found).
    public var subjects: [SubjectID] { [tenderer] + bids.compactMap { $0.tenderer.creditSubject } }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: bids.map(\.price))
        try require(bids.allSatisfy { !$0.tenderer.name.allSatisfy(\.isWhitespace) }, "every bid names its tenderer")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.bids = bids.map { .init(tenderer: $0.tenderer, price: $0.price, accepted: $0.accepted) }
        process.opened = .init(on, evidence: [sequence])
    }
}

/// The evaluation panel formed (组建评标委员会): `bidding.panel.formed`.
public struct EvaluationPanelFormed: BiddingEvent, Hashable {
    /// `bidding.panel.formed`.
    public static let kind: EventKind = "bidding.panel.formed"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Members.
    public var members: Int
    /// Technical and economic experts among them.
    public var experts: Int
    /// The day formed.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - members: Members.
    ///   - experts: Technical and economic experts among them.
    ///   - on: The day formed.
    public init(project: String, tenderer: SubjectID, members: Int, experts: Int, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.members = members
        self.experts = experts
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(
            members > 0 && experts >= 0 && experts <= members, "a panel has members, and no more experts than members")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.panel = .init(members: members, experts: experts, formed: .init(on, evidence: [sequence]))
    }
}

/// The evaluation report received by the tenderer (收到评标报告): `bidding.evaluation.reported`.
public struct BiddingEvaluationReported: BiddingEvent, Hashable {
    /// `bidding.evaluation.reported`.
    public static let kind: EventKind = "bidding.evaluation.reported"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The day received.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - on: The day received.
    public init(project: String, tenderer: SubjectID, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.evaluationReport = .init(on, evidence: [sequence])
    }
}

/// The winning candidates publicised (公示中标候选人): `bidding.candidates.publicised`.
public struct CandidatesPublicised: BiddingEvent, Hashable {
    /// `bidding.candidates.publicised`.
    public static let kind: EventKind = "bidding.candidates.publicised"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The candidates, in order.
    public var candidates: [BiddingParticipant]
    /// The first day shown.
    public var from: LocalDate
    /// The last day shown.
    public var through: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - candidates: The candidates, in order.
    ///   - from: The first day shown.
    ///   - through: The last day shown.
    public init(
        project: String, tenderer: SubjectID, candidates: [BiddingParticipant], from: LocalDate, through: LocalDate
    ) {
        self.project = project
        self.tenderer = tenderer
        self.candidates = candidates
        self.from = from
        self.through = through
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { from }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!candidates.isEmpty, "a publicity names its candidates")
        try require(through >= from, "the publicity ends on or after its first day")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.publicity = .init(from, evidence: [sequence])
        process.publicityThrough = through
    }
}

/// The winner determined and the award notice sent (确定中标人、发出中标通知书): `bidding.award.noticed`.
public struct BiddingAwardNoticed: BiddingEvent, Hashable {
    /// `bidding.award.noticed`.
    public static let kind: EventKind = "bidding.award.noticed"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The winner.
    public var winner: BiddingParticipant
    /// The winning price.
    public var price: Decimal
    /// The day the winner was determined.
    public var winnerDeterminedOn: LocalDate
    /// The day the notice was sent.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - winner: The winner.
    ///   - price: The winning price.
    ///   - winnerDeterminedOn: The day the winner was determined.
    ///   - on: The day the notice was sent.
    public init(
        project: String, tenderer: SubjectID, winner: BiddingParticipant, price: Decimal, winnerDeterminedOn: LocalDate,
        on: LocalDate
    ) {
        self.project = project
        self.tenderer = tenderer
        self.winner = winner
        self.price = price
        self.winnerDeterminedOn = winnerDeterminedOn
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer, and the winner when named by a valid credit code.
    public var subjects: [SubjectID] { [tenderer] + (winner.creditSubject.map { [$0] } ?? []) }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: [price])
        try require(on >= winnerDeterminedOn, "the notice is sent on or after the winner is determined")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.winnerDetermined = .init(winnerDeterminedOn, evidence: [sequence])
        process.awardNotice = .init(on, evidence: [sequence])
        process.awarded = true
        for i in process.contracts.indices where process.contracts[i].awardNotice == nil {
            process.contracts[i].awardNotice = on
        }
    }
}

/// The written contract signed with the winner (订立书面合同): `bidding.contract.signed`.
public struct BiddingContractSigned: BiddingEvent, Hashable {
    /// `bidding.contract.signed`.
    public static let kind: EventKind = "bidding.contract.signed"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The contract number.
    public var contract: String
    /// The winner.
    public var supplier: BiddingParticipant
    /// The amount.
    public var amount: Decimal
    /// The day signed.
    public var on: LocalDate
    /// The payment term agreed, in days.
    public var paymentTermDays: Int?
    /// Whether payment waits for acceptance.
    public var paysOnAcceptance: Bool
    /// The agreed acceptance date.
    public var acceptanceDue: LocalDate?

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - contract: The contract number.
    ///   - supplier: The winner.
    ///   - amount: The amount.
    ///   - on: The day signed.
    ///   - paymentTermDays: The payment term agreed, in days.
    ///   - paysOnAcceptance: Whether payment waits for acceptance.
    ///   - acceptanceDue: The agreed acceptance date.
    public init(
        project: String, tenderer: SubjectID, contract: String, supplier: BiddingParticipant, amount: Decimal,
        on: LocalDate, paymentTermDays: Int? = nil, paysOnAcceptance: Bool = false, acceptanceDue: LocalDate? = nil
    ) {
        self.project = project
        self.tenderer = tenderer
        self.contract = contract
        self.supplier = supplier
        self.amount = amount
        self.on = on
        self.paymentTermDays = paymentTermDays
        self.paysOnAcceptance = paysOnAcceptance
        self.acceptanceDue = acceptanceDue
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer, and the supplier when named by a valid credit code.
    public var subjects: [SubjectID] { [tenderer] + (supplier.creditSubject.map { [$0] } ?? []) }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: [amount])
        try require(!contract.allSatisfy(\.isWhitespace), "a contract has a number")
        try require((paymentTermDays ?? 0) >= 0, "contract \(contract): the payment term is negative")
        if let acceptanceDue {
            try require(acceptanceDue >= on, "contract \(contract): acceptance is due before signing")
        }
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        let notice = process.awardNotice?.on
        process.contract(contract) { c in
            c.suppliers = [supplier]
            c.amount = amount
            c.signed = .init(on, evidence: [sequence])
            c.awardNotice = c.awardNotice ?? notice
            c.paymentTermDays = paymentTermDays
            c.paysOnAcceptance = paysOnAcceptance
            c.acceptanceDue = acceptanceDue
            c.evidence.append(sequence)
        }
        process.awarded = true
    }
}

/// Works completed or accepted under a contract (竣工交付、验收合格): `bidding.contract.milestone`.
public struct BiddingContractMilestoneReached: BiddingEvent, Hashable {
    /// `bidding.contract.milestone`.
    public static let kind: EventKind = "bidding.contract.milestone"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The contract number.
    public var contract: String
    /// What happened.
    public var milestone: WorksMilestone
    /// The day.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - contract: The contract number.
    ///   - milestone: What happened.
    ///   - on: The day.
    public init(project: String, tenderer: SubjectID, contract: String, milestone: WorksMilestone, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.contract = contract
        self.milestone = milestone
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(!contract.allSatisfy(\.isWhitespace), "a milestone names its contract")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        let dated = DatedFact(on, evidence: [sequence])
        process.contract(contract) { c in
            switch milestone {
            case .delivered: c.deliveries.append(dated)
            case .acceptancePassed: c.acceptancePassed = c.acceptancePassed ?? dated
            }
        }
    }
}

/// A payment under a contract (支付工程款): `bidding.payment.made`.
public struct BiddingPaymentMade: BiddingEvent, Hashable {
    /// `bidding.payment.made`.
    public static let kind: EventKind = "bidding.payment.made"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The contract number.
    public var contract: String
    /// The amount.
    public var amount: Decimal
    /// The day paid.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - contract: The contract number.
    ///   - amount: The amount.
    ///   - on: The day paid.
    public init(project: String, tenderer: SubjectID, contract: String, amount: Decimal, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.contract = contract
        self.amount = amount
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try require(amount > 0, "a payment of \(amount) is not positive")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.contract(contract) { $0.payments.append(.init(on: on, amount: amount, evidence: [sequence])) }
    }
}

/// The written report on the tender filed with the supervising department (提交招标投标情况书面报告): `bidding.report.filed`.
public struct BiddingReportFiled: BiddingEvent, Hashable {
    /// `bidding.report.filed`.
    public static let kind: EventKind = "bidding.report.filed"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// The day filed.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - on: The day filed.
    public init(project: String, tenderer: SubjectID, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.report = .init(on, evidence: [sequence])
    }
}

/// A bid or performance bond posted (缴纳投标保证金、履约保证金): `bidding.bond.posted`.
public struct BiddingBondPosted: BiddingEvent, Hashable {
    /// `bidding.bond.posted`.
    public static let kind: EventKind = "bidding.bond.posted"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Which bond.
    public var bond: BiddingBondKind
    /// Who posted it.
    public var bidder: BiddingParticipant
    /// For a performance bond, its contract.
    public var contract: String?
    /// The amount.
    public var amount: Decimal
    /// The day posted.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - bond: Which bond.
    ///   - bidder: Who posted it.
    ///   - contract: For a performance bond, its contract.
    ///   - amount: The amount.
    ///   - on: The day posted.
    public init(
        project: String, tenderer: SubjectID, bond: BiddingBondKind, bidder: BiddingParticipant,
        contract: String? = nil, amount: Decimal, on: LocalDate
    ) {
        self.project = project
        self.tenderer = tenderer
        self.bond = bond
        self.bidder = bidder
        self.contract = contract
        self.amount = amount
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context, amounts: [amount])
        try require(bond == .bid || contract != nil, "a performance bond names its contract")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        switch bond {
        case .bid:
            process.bidBonds.append(.init(tenderer: bidder, amount: amount, posted: on, evidence: [sequence]))
        case .performance:
            process.contract(contract ?? "") { c in
                c.performanceBond = amount
                c.evidence.append(sequence)
            }
        }
    }
}

/// A bid bond refunded (退还投标保证金): `bidding.bond.refunded`.
public struct BiddingBondRefunded: BiddingEvent, Hashable {
    /// `bidding.bond.refunded`.
    public static let kind: EventKind = "bidding.bond.refunded"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Whose bond.
    public var bidder: BiddingParticipant
    /// The day refunded.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - bidder: Whose bond.
    ///   - on: The day refunded.
    public init(project: String, tenderer: SubjectID, bidder: BiddingParticipant, on: LocalDate) {
        self.project = project
        self.tenderer = tenderer
        self.bidder = bidder
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer.
    public var subjects: [SubjectID] { [tenderer] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        if let i = process.bidBonds.firstIndex(where: { $0.refunded == nil && $0.tenderer.sameAs(bidder) }) {
            process.bidBonds[i].refunded = .init(on, evidence: [sequence])
        }
    }
}

/// A complaint filed with the supervising department (投诉): `bidding.complaint.filed`.
public struct BiddingComplaintFiled: BiddingEvent, Hashable {
    /// `bidding.complaint.filed`.
    public static let kind: EventKind = "bidding.complaint.filed"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Its number.
    public var complaint: String
    /// Who complained.
    public var by: String
    /// The supervising department, a registered agency.
    public var supervisor: SubjectID
    /// The day filed.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - complaint: Its number.
    ///   - by: Who complained.
    ///   - supervisor: The supervising department, a registered agency.
    ///   - on: The day filed.
    public init(
        project: String, tenderer: SubjectID, complaint: String, by: String, supervisor: SubjectID, on: LocalDate
    ) {
        self.project = project
        self.tenderer = tenderer
        self.complaint = complaint
        self.by = by
        self.supervisor = supervisor
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer and the supervisor.
    public var subjects: [SubjectID] { [tenderer, supervisor] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try context.requireSubject(supervisor, kind: .agency, role: "supervising department")
        try require(!complaint.allSatisfy(\.isWhitespace), "a complaint has a number")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        process.complaints.append(
            .init(
                id: complaint, supervisor: supervisor, filed: .init(on, evidence: [sequence]), accepted: nil,
                rejected: nil, decided: nil))
    }
}

/// A step in a complaint's handling (投诉受理、不予受理、处理决定): `bidding.complaint.handled`.
public struct BiddingComplaintHandled: BiddingEvent, Hashable {
    /// `bidding.complaint.handled`.
    public static let kind: EventKind = "bidding.complaint.handled"
    /// The project number.
    public var project: String
    /// The tenderer.
    public var tenderer: SubjectID
    /// Its number.
    public var complaint: String
    /// The supervising department.
    public var supervisor: SubjectID
    /// Which step.
    public var step: ComplaintStep
    /// The day.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - project: The project number.
    ///   - tenderer: The tenderer.
    ///   - complaint: Its number.
    ///   - supervisor: The supervising department.
    ///   - step: Which step.
    ///   - on: The day.
    public init(
        project: String, tenderer: SubjectID, complaint: String, supervisor: SubjectID, step: ComplaintStep,
        on: LocalDate
    ) {
        self.project = project
        self.tenderer = tenderer
        self.complaint = complaint
        self.supervisor = supervisor
        self.step = step
        self.on = on
    }

    /// The day it takes effect.
    public var effectiveDate: LocalDate { on }
    /// The tenderer and the supervisor.
    public var subjects: [SubjectID] { [tenderer, supervisor] }

    /// Refuses what cannot be.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try validateCommon(context)
        try context.requireSubject(supervisor, kind: .agency, role: "supervising department")
    }

    /// Adds the fact to its tender.
    /// - Parameters:
    ///   - process: The tender.
    ///   - sequence: The entry.
    public func apply(to process: inout BiddingProcess, sequence: Int64) {
        guard let i = process.complaints.firstIndex(where: { $0.id == complaint }) else { return }
        let dated = DatedFact(on, evidence: [sequence])
        switch step {
        case .accepted: process.complaints[i].accepted = process.complaints[i].accepted ?? dated
        case .rejected: process.complaints[i].rejected = process.complaints[i].rejected ?? dated
        case .decided: process.complaints[i].decided = process.complaints[i].decided ?? dated
        }
    }
}

/// Every bidding event type about a tender.
enum BiddingEvents {
    static let all: [any BiddingEvent.Type] = [
        BiddingProjectRegistered.self, BiddingDocumentsIssued.self, BiddingDocumentsClarified.self,
        BiddingObjectionReceived.self, BiddingObjectionAnswered.self, BidsOpened.self, EvaluationPanelFormed.self,
        BiddingEvaluationReported.self, CandidatesPublicised.self, BiddingAwardNoticed.self, BiddingContractSigned.self,
        BiddingContractMilestoneReached.self, BiddingPaymentMade.self, BiddingReportFiled.self, BiddingBondPosted.self,
        BiddingBondRefunded.self, BiddingComplaintFiled.self, BiddingComplaintHandled.self,
    ]
}
