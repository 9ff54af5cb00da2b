import Foundation

/// A credit record (信用记录): a dishonesty record (政务失信记录) or a good record (守信记录) of a subject, entered
/// from an authoritative decision.
///
/// A record is never edited. Its identity is the sequence number of the ledger entry that entered it; corrections,
/// objections and repairs are later events that refer to that number.
public struct CreditRecord: Hashable, Sendable, Codable {
    /// A record's identifier: the sequence number of the ledger entry that entered it.
    public typealias ID = Tagged<CreditRecord, Int64>

    /// Whose record it is.
    public var subject: SubjectID
    /// Dishonesty or good.
    public var polarity: RecordPolarity
    /// The kind of decision the record rests on.
    public var basis: RecordBasis
    /// The class of a dishonesty record (失信信息分类): minor, ordinary or serious; `nil` for good records.
    public var severity: Severity?
    /// When the conduct took place (行为发生日期).
    public var actDate: LocalDate
    /// When the decision was made (决定日期): the record's effective date.
    public var decisionDate: LocalDate
    /// Who decided (认定机关): a court, a department, the discipline commission.
    public var authority: Authority
    /// The decision's document number (文书号), for example 秦交罚〔2025〕12号.
    public var documentNumber: String
    /// The legal provisions the decision cites (法律依据).
    public var legalBasis: [LegalCitation]
    /// The facts found (失信事实 / 守信事实), as the decision states them.
    public var facts: String
    /// The amount involved, in yuan (金额, 元), when there is one.
    public var amount: Decimal?
    /// The officials held responsible (责任人).
    public var responsibleOfficials: [SubjectID]
    /// The sector the record belongs to, when it comes from a sector (`procurement`, `bidding`, ...).
    public var sector: SectorID?
    /// What an administrative penalty imposed (处罚决定内容), for the 双公示 layout; only on a penalty's record.
    public var penalty: PenaltyDetails?

    /// Makes a record.
    /// - Parameters:
    ///   - subject: Whose record it is.
    ///   - polarity: Dishonesty or good.
    ///   - basis: The kind of decision.
    ///   - severity: The class of a dishonesty record; `nil` for good records.
    ///   - actDate: When the conduct took place.
    ///   - decisionDate: When the decision was made.
    ///   - authority: Who decided.
    ///   - documentNumber: The decision's document number.
    ///   - legalBasis: The legal provisions cited.
    ///   - facts: The facts found.
    ///   - amount: The amount involved, in yuan.
    ///   - responsibleOfficials: The officials held responsible.
    ///   - sector: The sector, when there is one.
    ///   - penalty: What an administrative penalty imposed, for the 双公示 layout.
    public init(
        subject: SubjectID, polarity: RecordPolarity, basis: RecordBasis, severity: Severity?, actDate: LocalDate,
        decisionDate: LocalDate, authority: Authority, documentNumber: String, legalBasis: [LegalCitation],
        facts: String, amount: Decimal? = nil, responsibleOfficials: [SubjectID] = [], sector: SectorID? = nil,
        penalty: PenaltyDetails? = nil
    ) {
        self.subject = subject
        self.polarity = polarity
        self.basis = basis
        self.severity = severity
        self.actDate = actDate
        self.decisionDate = decisionDate
        self.authority = authority
        self.documentNumber = documentNumber
        self.legalBasis = legalBasis
        self.facts = facts
        self.amount = amount
        self.responsibleOfficials = responsibleOfficials
        self.sector = sector
        self.penalty = penalty
    }
}

/// The kinds of administrative penalty (行政处罚的种类), as the Administrative Penalty Law (2021) art. 9 lists them.
public enum PenaltyKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 警告.
    case warning
    /// 通报批评.
    case circulatedCriticism
    /// 罚款: the record's amount is the fine.
    case fine
    /// 没收违法所得.
    case confiscationOfGains
    /// 没收非法财物.
    case confiscationOfProperty
    /// 暂扣许可证件.
    case licenceSuspension
    /// 降低资质等级.
    case qualificationDowngrade
    /// 吊销许可证件.
    case licenceRevocation
    /// 限制开展生产经营活动.
    case businessRestriction
    /// 责令停产停业.
    case suspensionOfBusiness
    /// 责令关闭.
    case closure
    /// 限制从业.
    case practiceRestriction
    /// 其他行政处罚.
    case other

    /// The kind in Chinese.
    public var chineseName: String {
        switch self {
        case .warning: "警告"
        case .circulatedCriticism: "通报批评"
        case .fine: "罚款"
        case .confiscationOfGains: "没收违法所得"
        case .confiscationOfProperty: "没收非法财物"
        case .licenceSuspension: "暂扣许可证件"
        case .qualificationDowngrade: "降低资质等级"
        case .licenceRevocation: "吊销许可证件"
        case .businessRestriction: "限制开展生产经营活动"
        case .suspensionOfBusiness: "责令停产停业"
        case .closure: "责令关闭"
        case .practiceRestriction: "限制从业"
        case .other: "其他行政处罚"
        }
    }
}

/// What an administrative penalty imposed (处罚决定内容): the fields of the 双公示 penalty layout a record's own facts do
/// not give.
public struct PenaltyDetails: Hashable, Sendable, Codable {
    /// 违法行为类型: the kind of unlawful conduct, in the decision's words (for example 未按规定公开政府信息).
    public var violation: String
    /// 处罚类别: the kinds imposed.
    public var kinds: [PenaltyKind]
    /// 处罚内容: what was imposed, in the decision's words.
    public var content: String
    /// 没收违法所得、没收非法财物的金额, in yuan, when anything was confiscated.
    public var confiscated: Decimal?
    /// 暂扣或吊销证照名称及编号, when a licence was suspended or revoked.
    public var licence: String?

    /// Makes the details; each argument sets the property of its name.
    /// - Parameters:
    ///   - violation: The kind of unlawful conduct.
    ///   - kinds: The kinds imposed.
    ///   - content: What was imposed.
    ///   - confiscated: The sum confiscated, in yuan.
    ///   - licence: The licence suspended or revoked.
    public init(
        violation: String, kinds: [PenaltyKind], content: String, confiscated: Decimal? = nil, licence: String? = nil
    ) {
        self.violation = violation
        self.kinds = kinds
        self.content = content
        self.confiscated = confiscated
        self.licence = licence
    }
}

/// Whether a record tells of dishonesty or of good conduct.
public enum RecordPolarity: String, Hashable, Sendable, Codable, CaseIterable {
    /// A dishonesty record (失信记录).
    case dishonesty
    /// A good record (守信记录).
    case good
}

/// The kind of decision a record rests on (认定依据).
public enum RecordBasis: String, Hashable, Sendable, Codable, CaseIterable {
    /// A court judgment (司法判决).
    case courtJudgment
    /// A non-prosecution decision (相对不起诉决定).
    case nonProsecution
    /// An administrative penalty (行政处罚).
    case administrativePenalty
    /// A disciplinary sanction (纪律处分、政务处分).
    case disciplinarySanction
    /// An accountability decision (问责处理).
    case accountabilityDecision
    /// Listing as a judgment defaulter (失信被执行人).
    case judgmentDefaulter
    /// A court judgment the body failed to execute (未履行生效判决).
    case unexecutedJudgment
    /// A lost administrative lawsuit (行政诉讼败诉).
    case lostAdministrativeLawsuit
    /// A complaint found true on verification (经核实的投诉举报).
    case verifiedComplaint
    /// A confirmed finding of a sector check (领域核查认定).
    case sectorFinding
    /// A third-party assessment (第三方评估).
    case thirdPartyAssessment
    /// A commendation or award (表彰奖励).
    case commendation

    /// The basis's Chinese name.
    public var chineseName: String {
        switch self {
        case .courtJudgment: "司法判决"
        case .nonProsecution: "不起诉决定"
        case .administrativePenalty: "行政处罚"
        case .disciplinarySanction: "纪律处分"
        case .accountabilityDecision: "问责处理"
        case .judgmentDefaulter: "失信被执行人"
        case .unexecutedJudgment: "未履行生效判决"
        case .lostAdministrativeLawsuit: "行政诉讼败诉"
        case .verifiedComplaint: "投诉举报核实"
        case .sectorFinding: "领域核查认定"
        case .thirdPartyAssessment: "第三方评估"
        case .commendation: "表彰奖励"
        }
    }

    /// Whether records on this basis are never published as credit information: discipline and accountability
    /// decisions (纪律处分、问责) are handled inside the discipline system.
    public var isNeverPublished: Bool { self == .disciplinarySanction || self == .accountabilityDecision }

    /// The rule whose period a record on this basis must be published within: 7 working days for administrative
    /// penalties (双公示), the profile's figure for the rest (none applies to a basis never published).
    public var publicationRule: RuleID {
        self == .administrativePenalty ? CoreLaw.disclosurePenaltyPublication.id : CoreLaw.recordPublicationOther.id
    }

    /// The polarities a record on this basis may have: a commendation is only good; an assessment either.
    public var allowedPolarities: [RecordPolarity] {
        switch self {
        case .commendation: [.good]
        case .thirdPartyAssessment: [.dishonesty, .good]
        default: [.dishonesty]
        }
    }
}

/// The class of a dishonesty record (失信信息类别), which sets its publication period and repair.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Minor (轻微).
    case minor
    /// Ordinary (一般).
    case ordinary
    /// Serious (严重).
    case serious

    /// The class's Chinese name.
    public var chineseName: String {
        switch self {
        case .minor: "轻微"
        case .ordinary: "一般"
        case .serious: "严重"
        }
    }

    /// Minor < ordinary < serious.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The body that made a decision (认定机关).
public struct Authority: Hashable, Sendable, Codable {
    /// Its name, for example 秦皇岛市中级人民法院.
    public var name: String
    /// Its unified social credit code, when known.
    public var creditCode: UnifiedSocialCreditCode?

    /// Makes an authority.
    /// - Parameters:
    ///   - name: Its name.
    ///   - creditCode: Its credit code, when known.
    public init(name: String, creditCode: UnifiedSocialCreditCode? = nil) {
        self.name = name
        self.creditCode = creditCode
    }
}

/// A citation of a legal provision (法律依据): a document and, where there is one, the article.
public struct LegalCitation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The document, for example 《政府采购法》 or 国发〔2016〕76号.
    public var document: String
    /// The article, for example 第四十六条 or `art. 46`.
    public var article: String?

    /// Makes a citation.
    /// - Parameters:
    ///   - document: The document.
    ///   - article: The article, when there is one.
    public init(document: String, article: String? = nil) {
        self.document = document
        self.article = article
    }

    /// The document and article, as one would cite them.
    public var description: String { article.map { "\(document) \($0)" } ?? document }
}

/// A sector's identifier (领域标识): `procurement`, `ppp`, `bidding`, `investment`, `debt`, `townships`.
public typealias SectorID = Tagged<SectorTag, String>

/// The tag of ``SectorID``.
public enum SectorTag {}
