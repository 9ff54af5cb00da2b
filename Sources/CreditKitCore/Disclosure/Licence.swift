import Foundation

/// The category of an administrative licence (许可类别), as the 双公示 data standard codes it.
public enum LicenceCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// 普通.
    case ordinary
    /// 特许.
    case franchise
    /// 认可.
    case recognition
    /// 核准.
    case approval
    /// 登记.
    case registration
    /// 其他.
    case other

    /// 普通, 特许, 认可, 核准, 登记, 其他.
    public var chineseName: String {
        switch self {
        case .ordinary: "普通"
        case .franchise: "特许"
        case .recognition: "认可"
        case .approval: "核准"
        case .registration: "登记"
        case .other: "其他"
        }
    }
}

/// An administrative licence an agency decided (行政许可), from the decision to its publication on the credit
/// website within the 双公示 limit, and any later change of its status: the case, owned by the licensing agency,
/// numbered by the decision's document number.
public struct LicenceCase: CaseState, Hashable {
    /// `core`.
    public static var sector: String { "core" }
    /// `licence`.
    public static var caseKey: String { "licence" }
    /// `authority`.
    public static var ownerKey: String { "authority" }
    /// An agency: the licensing authority.
    public static var ownerKind: SubjectKind { .agency }

    /// The decision's document number (行政许可决定文书号).
    public var id: CaseID
    /// The licensing authority (许可机关).
    public var authority: SubjectID
    /// The decision, with its day and entry.
    public var granted: (facts: LicenceGranted, on: DatedFact)?
    /// The days it was published, with their entries.
    public var publications: [DatedFact] = []
    /// Changes of its status (revoked, cancelled, withdrawn), in order.
    public var changes: [(facts: LicenceStatusChanged, on: DatedFact)] = []

    /// A licence not decided yet.
    /// - Parameters:
    ///   - id: The document number.
    ///   - owner: The licensing authority.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.authority = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<LicenceCase> { CaseRef(id, owner: authority) }

    /// Names a licence, from which its facts are made.
    /// - Parameters:
    ///   - number: The decision's document number.
    ///   - authority: The licensing authority.
    /// - Returns: The licence.
    public static func licence(_ number: CaseID, authority: SubjectID) -> CaseRef<LicenceCase> {
        CaseRef(number, owner: authority)
    }

    /// Its status on a day (当前状态): 正常, 已到期, or the last change by then.
    /// - Parameter day: The day.
    /// - Returns: The status in Chinese.
    public func status(on day: LocalDate) -> String {
        if let change = changes.last(where: { $0.on.on <= day }) { return change.facts.status.chineseName }
        if let until = granted?.facts.validUntil, until < day { return "已到期" }
        return "正常"
    }

    /// Compares two licences fact by fact.
    public static func == (a: LicenceCase, b: LicenceCase) -> Bool {
        a.id == b.id && a.authority == b.authority && a.granted?.facts == b.granted?.facts
            && a.granted?.on == b.granted?.on && a.publications == b.publications
            && a.changes.map(\.facts) == b.changes.map(\.facts) && a.changes.map(\.on) == b.changes.map(\.on)
    }

    /// Hashes the number and the authority.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(authority)
    }
}

/// An administrative licence decided (作出行政许可决定): `core.licence.granted`, on the day of the decision. The holder
/// is a legal person or other organisation named by its credit code (a natural person's licence is not kept here:
/// its publication needs masking this layout does not do).
public struct LicenceGranted: CaseFacts, Hashable {
    /// `core.licence.granted`.
    public static let kind: EventKind = "core.licence.granted"
    /// A licence is decided once.
    public static var opensCase: Bool { true }
    /// 行政相对人名称.
    public var holderName: String
    /// 行政相对人代码_1(统一社会信用代码).
    public var holderCode: UnifiedSocialCreditCode
    /// 行政许可决定文书名称.
    public var documentName: String
    /// 许可类别.
    public var category: LicenceCategory
    /// 许可证书名称, when a certificate is issued.
    public var certificateName: String?
    /// 许可编号, when a certificate is issued.
    public var certificateNumber: String?
    /// 许可内容.
    public var content: String
    /// 有效期自.
    public var validFrom: LocalDate
    /// 有效期至, when it expires.
    public var validUntil: LocalDate?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - holderName: The holder's name.
    ///   - holderCode: The holder's credit code.
    ///   - documentName: The decision's name.
    ///   - category: The category.
    ///   - certificateName: The certificate's name.
    ///   - certificateNumber: The certificate's number.
    ///   - content: What is licensed.
    ///   - validFrom: The first day it is valid.
    ///   - validUntil: The last day it is valid.
    public init(
        holderName: String, holderCode: UnifiedSocialCreditCode, documentName: String, category: LicenceCategory,
        certificateName: String? = nil, certificateNumber: String? = nil, content: String, validFrom: LocalDate,
        validUntil: LocalDate? = nil
    ) {
        self.holderName = holderName
        self.holderCode = holderCode
        self.documentName = documentName
        self.category = category
        self.certificateName = certificateName
        self.certificateNumber = certificateNumber
        self.content = content
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Refuses a blank name, decision name or content, control characters, a certificate name without its number (or
    /// the other way round), validity starting before the decision, and validity ending before it starts.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<LicenceCase>, in context: ValidationContext) throws {
        try stamp.requireText(holderName, "the holder's name")
        try stamp.requireText(documentName, "the decision's name")
        try stamp.requireText(content, "what is licensed")
        for text in [certificateName, certificateNumber].compactMap({ $0 }) {
            try stamp.requireText(text, "the certificate's name and number")
        }
        try stamp.require(
            (certificateName == nil) == (certificateNumber == nil),
            "a certificate is given by its name and its number together")
        try stamp.require(validFrom >= stamp.on, "it is valid from \(validFrom), before the decision on \(stamp.on)")
        if let validUntil {
            try stamp.require(validUntil >= validFrom, "it is valid until \(validUntil), before \(validFrom)")
        }
    }

    /// Records the decision.
    /// - Parameters:
    ///   - state: The licence.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout LicenceCase, _ stamp: CaseStamp<LicenceCase>) {
        state.granted = (self, stamp.dated)
    }
}

/// A licence published on the credit website (行政许可信息公示): `core.licence.published`.
public struct LicencePublished: CaseFacts, Hashable {
    /// `core.licence.published`.
    public static let kind: EventKind = "core.licence.published"
    /// Where it was published (信用网站).
    public var channel: String

    /// Makes the fact.
    /// - Parameter channel: Where it was published.
    public init(channel: String) { self.channel = channel }

    /// Refuses a blank channel and a licence not decided by the day.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<LicenceCase>, in context: ValidationContext) throws {
        try stamp.requireText(channel, "where it was published")
        guard let granted = try context.state(of: stamp)?.granted else {
            throw CreditKitError(.invalidEvent, "licence \(stamp.id) was never decided")
        }
        try stamp.require(granted.on.on <= stamp.on, "it was decided on \(granted.on.on), after \(stamp.on)")
    }

    /// Records the publication.
    /// - Parameters:
    ///   - state: The licence.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout LicenceCase, _ stamp: CaseStamp<LicenceCase>) {
        state.publications.append(stamp.dated)
    }
}

/// A change of a licence's status (许可状态变更): `core.licence.status`, revoked (撤销), cancelled (注销) or
/// withdrawn (撤回), with the reason.
public struct LicenceStatusChanged: CaseFacts, Hashable {
    /// What became of the licence.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Revoked (撤销).
        case revoked
        /// Cancelled (注销).
        case cancelled
        /// Withdrawn (撤回).
        case withdrawn

        /// 撤销, 注销, 撤回.
        public var chineseName: String {
            switch self {
            case .revoked: "撤销"
            case .cancelled: "注销"
            case .withdrawn: "撤回"
            }
        }
    }

    /// `core.licence.status`.
    public static let kind: EventKind = "core.licence.status"
    /// The new status.
    public var status: Status
    /// Why.
    public var reason: String

    /// Makes the fact.
    /// - Parameters:
    ///   - status: The new status.
    ///   - reason: Why.
    public init(_ status: Status, reason: String) {
        self.status = status
        self.reason = reason
    }

    /// Refuses a blank reason, a licence not decided by the day, and a change after one that ended it.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<LicenceCase>, in context: ValidationContext) throws {
        try stamp.requireText(reason, "the reason")
        guard let licence = try context.state(of: stamp), let granted = licence.granted else {
            throw CreditKitError(.invalidEvent, "licence \(stamp.id) was never decided")
        }
        try stamp.require(granted.on.on <= stamp.on, "it was decided on \(granted.on.on), after \(stamp.on)")
        try stamp.require(
            licence.changes.isEmpty, "it was \(licence.changes.last!.facts.status.chineseName) already")
    }

    /// Records the change.
    /// - Parameters:
    ///   - state: The licence.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout LicenceCase, _ stamp: CaseStamp<LicenceCase>) {
        state.changes.append((self, stamp.dated))
    }
}
