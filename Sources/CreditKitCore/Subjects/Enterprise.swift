/// A market participant (市场主体): a supplier, bidder, bidding agency or investor dealing with government bodies.
public struct Enterprise: Hashable, Sendable, Codable, Identifiable {
    /// The unified social credit code.
    public var creditCode: UnifiedSocialCreditCode
    /// The registered name.
    public var name: String
    /// The roles it plays towards government bodies, in a fixed order.
    public var roles: [EnterpriseRole]
    /// Whether it is a small or medium-sized enterprise (中小企业, including micro), which brings the SME payment rules.
    public var isSME: Bool
    /// Identifiers in other schemes (an OCDS party id, a registration number).
    public var externalIdentifiers: [ExternalIdentifier]

    /// Makes an enterprise.
    /// - Parameters:
    ///   - creditCode: The unified social credit code.
    ///   - name: The registered name.
    ///   - roles: The roles it plays; duplicates are removed and the order fixed.
    ///   - isSME: Whether it is a small or medium-sized enterprise.
    ///   - externalIdentifiers: Identifiers in other schemes.
    public init(
        creditCode: UnifiedSocialCreditCode, name: String, roles: [EnterpriseRole], isSME: Bool,
        externalIdentifiers: [ExternalIdentifier] = []
    ) {
        self.creditCode = creditCode
        self.name = name
        self.roles = EnterpriseRole.allCases.filter(roles.contains)
        self.isSME = isSME
        self.externalIdentifiers = externalIdentifiers
    }

    /// The subject identifier: the credit code.
    public var id: SubjectID { SubjectID(creditCode) }
}

/// A role an enterprise plays towards government bodies.
public enum EnterpriseRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// A supplier in government procurement (供应商).
    case supplier
    /// A bidder in a tender (投标人).
    case bidder
    /// A bidding agency (招标代理机构).
    case biddingAgency
    /// An investor (投资方), in investment promotion or PPP.
    case investor
}
