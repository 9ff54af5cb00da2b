import CreditKitCore
import Foundation

/// A tender project registered (招标项目登记): `bidding.project.registered`.
public struct BiddingProjectRegistered: CaseFacts {
    /// `bidding.project.registered`.
    public static let kind: EventKind = "bidding.project.registered"
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
    /// A project is registered once: a second registration of its number by the same owner is refused.
    public static var opensCase: Bool { true }
    /// Whether the ledger will hold every fact of the tender; `false` for tenders imported from open data.
    public var completeFacts: Bool

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - name: The project's name.
    ///   - agency: The bidding agency.
    ///   - openness: Open or invited.
    ///   - category: What it buys.
    ///   - estimatedPrice: The estimated price.
    ///   - mustTender: Whether a decision says the law requires the tender.
    ///   - completeFacts: Whether every fact will be recorded.
    public init(
        name: String, agency: SubjectID? = nil, openness: TenderOpenness, category: TenderCategory,
        estimatedPrice: Decimal, mustTender: Bool? = nil, completeFacts: Bool = true
    ) {
        self.name = name
        self.agency = agency
        self.openness = openness
        self.category = category
        self.estimatedPrice = estimatedPrice
        self.mustTender = mustTender
        self.completeFacts = completeFacts
    }

    /// The estimated price.
    public var amounts: [Decimal?] { [estimatedPrice] }
    /// The bidding agency, if any.
    public var parties: [SubjectID] { agency.map { [$0] } ?? [] }

    /// Refuses a blank name or an agency that is not a registered enterprise.
    /// - Parameters:
    ///   - stamp: The tender and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(!name.allSatisfy(\.isWhitespace), "a tender has a name")
        if let agency { try context.requireSubject(agency, kind: .enterprise, role: "bidding agency") }
    }

    /// Sets the tender's name, agency, openness, category, price and completeness.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.name = name
        process.agency = agency
        process.openness = openness
        process.category = category
        process.estimatedPrice = estimatedPrice
        process.declaredMandatory = mustTender
        process.isComplete = completeFacts
        process.evidence.insert(stamp.entry, at: 0)
    }
}

/// Tender or prequalification documents issued (发售招标/资格预审文件): `bidding.documents.issued`.
public struct BiddingDocumentsIssued: CaseFacts {
    /// `bidding.documents.issued`.
    public static let kind: EventKind = "bidding.documents.issued"
    /// Which documents.
    public var stage: TenderStage
    /// The last day of sale, when set.
    public var saleEnds: LocalDate?
    /// The bid deadline, or the prequalification application deadline.
    public var deadline: LocalDate

    /// Makes the fact.
    /// - Parameters:
    ///   - stage: Which documents.
    ///   - saleEnds: The last day of sale.
    ///   - deadline: The deadline.
    public init(stage: TenderStage, saleEnds: LocalDate?, deadline: LocalDate) {
        self.stage = stage
        self.saleEnds = saleEnds
        self.deadline = deadline
    }

    /// Refuses a sale or a deadline that ends before the first day of sale.
    /// - Parameters:
    ///   - stamp: The tender and the first day of sale.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        try stamp.require(
            (saleEnds ?? stamp.on) >= stamp.on && deadline >= stamp.on,
            "the sale and the deadline end on or after the first day of sale")
    }

    /// Dates the documents, the sale and the deadline of their stage.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        switch stage {
        case .tender:
            process.documentsIssued = stamp.dated
            process.saleEnds = saleEnds
            process.bidDeadline = deadline
        case .prequalification:
            process.prequalificationIssued = stamp.dated
            process.prequalificationSaleEnds = saleEnds
            process.prequalificationDeadline = deadline
        }
    }
}

/// A clarification or change of the documents (澄清、修改), perhaps moving the deadline: `bidding.documents.clarified`.
public struct BiddingDocumentsClarified: CaseFacts {
    /// `bidding.documents.clarified`.
    public static let kind: EventKind = "bidding.documents.clarified"
    /// Which documents.
    public var stage: TenderStage
    /// The new deadline, when moved.
    public var newDeadline: LocalDate?

    /// Makes the fact.
    /// - Parameters:
    ///   - stage: Which documents.
    ///   - newDeadline: The new deadline, if moved.
    public init(stage: TenderStage, newDeadline: LocalDate? = nil) {
        self.stage = stage
        self.newDeadline = newDeadline
    }

    /// Refuses a new deadline before the clarification.
    /// - Parameters:
    ///   - stamp: The tender and the day issued.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<BiddingProcess>, in context: ValidationContext) throws {
        if let newDeadline {
            try stamp.require(newDeadline >= stamp.on, "the new deadline is before the clarification")
        }
    }

    /// Adds the clarification and moves its stage's deadline.
    /// - Parameters:
    ///   - process: The tender.
    ///   - stamp: The fact's day and entry.
    public func apply(to process: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) {
        process.clarifications.append(.init(stage: stage, issued: stamp.dated))
        if let newDeadline {
            if stage == .tender {
                process.bidDeadline = newDeadline
            } else {
                process.prequalificationDeadline = newDeadline
            }
        }
    }
}
