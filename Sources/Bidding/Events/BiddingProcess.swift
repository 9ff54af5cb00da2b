import CreditKitCore
import Foundation

/// What a tender buys (招标项目类别), which sets the threshold of the projects that must be tendered by law.
public enum TenderCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// Construction (施工).
    case construction
    /// Important equipment and materials (重要设备、材料).
    case goods
    /// Survey, design and supervision (勘察、设计、监理).
    case surveyDesignSupervision = "survey-design-supervision"
    /// Other services.
    case services

    /// 施工, 重要设备、材料, 勘察、设计、监理, 其他服务.
    public var chineseName: String {
        switch self {
        case .construction: "施工"
        case .goods: "重要设备、材料"
        case .surveyDesignSupervision: "勘察、设计、监理"
        case .services: "其他服务"
        }
    }

    /// The rule whose figure is the threshold, if the category has one.
    public var scopeRule: RuleID? {
        switch self {
        case .construction: BiddingLaw.scopeConstruction.id
        case .goods: BiddingLaw.scopeGoods.id
        case .surveyDesignSupervision: BiddingLaw.scopeServices.id
        case .services: nil
        }
    }
}

/// Open or invited (公开招标、邀请招标).
public enum TenderOpenness: String, Hashable, Sendable, Codable, CaseIterable {
    /// 公开招标.
    case open
    /// 邀请招标.
    case invited
}

/// Which documents (资格预审文件、招标文件).
public enum TenderStage: String, Hashable, Sendable, Codable, CaseIterable {
    /// Prequalification documents.
    case prequalification
    /// Tender documents.
    case tender
}

/// One tender (招标项目) with every fact known about it, from the ledger or from open data: what the bidding rules
/// read. A process from the ledger is complete (a missing fact did not happen); one from open data is not.
public struct BiddingProcess: ContractingCase, Hashable {
    /// A dated fact with its entries.
    public typealias Dated = DatedFact

    /// A clarification or change of documents.
    public struct Clarification: Hashable, Sendable {
        /// Of which documents.
        public var stage: TenderStage
        /// When issued, with its entries.
        public var issued: Dated
    }

    /// An objection to the documents (异议) and its reply.
    public struct Objection: Hashable, Sendable {
        /// Its number.
        public var id: String
        /// Received.
        public var received: Dated
        /// Answered.
        public var answered: Dated?
    }

    /// A bid as opened.
    public struct Bid: Hashable, Sendable {
        /// Who bid.
        public var tenderer: Counterparty
        /// The price.
        public var price: Decimal?
        /// Whether it passed the evaluation's compliance review.
        public var accepted: Bool
    }

    /// The evaluation panel (评标委员会).
    public struct Panel: Hashable, Sendable {
        /// Members.
        public var members: Int
        /// Technical and economic experts among them.
        public var experts: Int
        /// Formed, with its entries.
        public var formed: Dated
    }

    /// A contract (合同) and what happened under it.
    public typealias Contract = CaseContract

    /// A bid bond (投标保证金).
    public typealias Bond = CaseBond

    /// A complaint to the supervising department (投诉).
    public struct Complaint: Hashable, Sendable {
        /// Its number.
        public var id: String
        /// The supervising department handling it.
        public var supervisor: SubjectID
        /// Filed.
        public var filed: Dated
        /// Accepted (受理).
        public var accepted: Dated?
        /// Not accepted (不予受理).
        public var rejected: Dated?
        /// Decided in writing.
        public var decided: Dated?
    }

    /// The project number, or the OCDS `ocid`.
    public var id: CaseID
    /// The OCDS `ocid`, for a process read from open data.
    public var ocid: String?
    /// The tenderer (招标人).
    public var tenderer: SubjectID
    /// The project's name.
    public var name: String?
    /// The bidding agency (招标代理机构), if one runs the tender.
    public var agency: SubjectID?
    /// Open or invited.
    public var openness: TenderOpenness = .open
    /// What it buys.
    public var category: TenderCategory?
    /// The estimated price (估算价).
    public var estimatedPrice: Decimal?
    /// Whether the law requires the tender, when stated; otherwise the profile's thresholds decide.
    public var declaredMandatory: Bool?
    /// Tender documents issued (on sale from).
    public var documentsIssued: Dated?
    /// The last day of sale.
    public var saleEnds: LocalDate?
    /// The bid deadline, the latest set.
    public var bidDeadline: LocalDate?
    /// Prequalification documents issued.
    public var prequalificationIssued: Dated?
    /// The last day of their sale.
    public var prequalificationSaleEnds: LocalDate?
    /// The prequalification application deadline.
    public var prequalificationDeadline: LocalDate?
    /// Clarifications.
    public var clarifications: [Clarification] = []
    /// Objections.
    public var objections: [Objection] = []
    /// The bids opened.
    public var bids: [Bid] = []
    /// The number of bidders, when given without the bids.
    public var bidderCount: Int?
    /// Bids opened, with the entries.
    public var opened: Dated?
    /// The evaluation panel.
    public var panel: Panel?
    /// The evaluation report received by the tenderer.
    public var evaluationReport: Dated?
    /// Candidates publicised (中标候选人公示), from this day.
    public var publicity: Dated?
    /// The last day the candidates were shown.
    public var publicityThrough: LocalDate?
    /// The winner determined (确定中标人).
    public var winnerDetermined: Dated?
    /// The award notice sent (中标通知书).
    public var awardNotice: Dated?
    /// Whether a contract was awarded.
    public var awarded = false
    /// Whether the tender was cancelled.
    public var cancelled = false
    /// The written report to the supervising department.
    public var report: Dated?
    /// The contracts.
    public var contracts: [Contract] = []
    /// The bid bonds.
    public var bidBonds: [Bond] = []
    /// The complaints.
    public var complaints: [Complaint] = []
    /// Whether a missing fact means it did not happen.
    public var isComplete: Bool
    /// The entries of the project's registration.
    public var evidence: [LedgerEntry.ID] = []

    /// Makes a process.
    /// - Parameters:
    ///   - id: The project number.
    ///   - tenderer: The tenderer.
    ///   - isComplete: Whether a missing fact means it did not happen.
    public init(id: CaseID, tenderer: SubjectID, isComplete: Bool) {
        self.id = id
        self.tenderer = tenderer
        self.isComplete = isComplete
    }

    /// How many tenderers bid: the distinct bidders opened, else the count given.
    public var bidders: Int? {
        bids.isEmpty ? bidderCount : Set(bids.map { $0.tenderer.identifier ?? $0.tenderer.name }).count
    }

    /// Whether the law requires this tender: as declared, else when the estimated price of its category reaches the
    /// profile's threshold (NDRC Order No. 16).
    /// - Parameters:
    ///   - profile: The profile.
    ///   - on: The day the thresholds are read.
    /// - Returns: `true` when it must be tendered; `false` for a category no threshold covers, an unknown price,
    ///   or a day no threshold was in force.
    /// - Throws: When the profile lacks the category's threshold rule.
    public func isMandatory(profile: JurisdictionProfile, on: LocalDate) throws -> Bool {
        if let declaredMandatory { return declaredMandatory }
        guard let rule = category?.scopeRule, let price = estimatedPrice,
            let threshold = try profile.figureInForce(rule, on: on)?.figure.value
        else { return false }
        return price >= threshold
    }
}

extension BiddingProcess {
    /// `bidding`.
    public static let sector = "bidding"
    /// `project`.
    public static let caseKey = "project"
    /// `tenderer`.
    public static let ownerKey = "tenderer"
    /// A tenderer (招标人) here is an agency.
    public static let ownerKind = SubjectKind.agency

    /// A tender with no facts yet; the ledger will hold all of its facts.
    /// - Parameters:
    ///   - id: The project number.
    ///   - owner: The tenderer.
    public init(case id: CaseID, owner: SubjectID) { self.init(id: id, tenderer: owner, isComplete: true) }

    /// The project number and the tenderer.
    public var caseRef: CaseRef<Self> { CaseRef(id, owner: tenderer) }

    /// The award notice's day.
    public var awardNoticeDay: LocalDate? { awardNotice?.on }

    /// Names a tender, from which its facts are made: `BiddingProcess.project("ZB-2026-01", tenderer: bureau)`.
    /// - Parameters:
    ///   - number: The project number.
    ///   - tenderer: The tenderer (招标人), a registered agency.
    /// - Returns: The tender.
    public static func project(_ number: CaseID, tenderer: SubjectID) -> CaseRef<Self> {
        CaseRef(number, owner: tenderer)
    }
}
