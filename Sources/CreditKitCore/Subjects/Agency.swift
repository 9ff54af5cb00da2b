/// A government body (政府机构): a people's government, one of its departments, or a public institution, at any
/// administrative level.
public struct Agency: Hashable, Sendable, Codable, Identifiable {
    /// The unified social credit code (统一社会信用代码).
    public var creditCode: UnifiedSocialCreditCode
    /// The full name, for example 秦皇岛市交通运输局.
    public var name: String
    /// The administrative level (行政层级).
    public var level: AdministrativeLevel
    /// What kind of body it is.
    public var kind: AgencyKind
    /// The six-digit administrative division code of its area (行政区划代码).
    public var region: RegionCode
    /// The body it reports to (上级机关): a department's government, a county's city.
    public var parent: SubjectID?
    /// Identifiers in other schemes.
    public var externalIdentifiers: [ExternalIdentifier]

    /// Makes an agency.
    /// - Parameters:
    ///   - creditCode: The unified social credit code.
    ///   - name: The full name.
    ///   - level: The administrative level.
    ///   - kind: What kind of body it is.
    ///   - region: The administrative division code of its area.
    ///   - parent: The body it reports to.
    ///   - externalIdentifiers: Identifiers in other schemes.
    public init(
        creditCode: UnifiedSocialCreditCode, name: String, level: AdministrativeLevel, kind: AgencyKind = .department,
        region: RegionCode, parent: SubjectID? = nil, externalIdentifiers: [ExternalIdentifier] = []
    ) {
        self.creditCode = creditCode
        self.name = name
        self.level = level
        self.kind = kind
        self.region = region
        self.parent = parent
        self.externalIdentifiers = externalIdentifiers
    }

    /// The subject identifier: the credit code.
    public var id: SubjectID { SubjectID(creditCode) }
}

/// An administrative level (行政层级).
public enum AdministrativeLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Province, autonomous region, municipality (省级).
    case province
    /// City or prefecture, league (市级).
    case city
    /// County, district, banner (县级).
    case county
    /// Township, town, street, sumu (乡镇、街道、苏木).
    case township
    /// Village or community (村、社区).
    case village

    /// The level's Chinese name.
    public var chineseName: String {
        switch self {
        case .province: "省级"
        case .city: "市级"
        case .county: "县级"
        case .township: "乡镇（街道）"
        case .village: "村（社区）"
        }
    }

    /// Higher levels first: province < city < county < township < village.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The kind of a government body (机构类别).
public enum AgencyKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A people's government or its equivalent (人民政府、旗政府、街道办事处).
    case government
    /// A working department of a government (政府工作部门), such as a transport bureau.
    case department
    /// A public institution (事业单位), such as a public-resource trading centre.
    case publicInstitution

    /// The kind's Chinese name.
    public var chineseName: String {
        switch self {
        case .government: "人民政府"
        case .department: "政府部门"
        case .publicInstitution: "事业单位"
        }
    }
}
