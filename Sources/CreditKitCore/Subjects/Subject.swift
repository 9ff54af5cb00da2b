/// A credit subject (信用主体): a government body, an official or an enterprise.
public enum Subject: Hashable, Sendable, Codable {
    /// A government body, department or public institution (政府机构).
    case agency(Agency)
    /// A public servant (公务人员), known in the ledger only by a keyed token.
    case official(Official)
    /// A market participant (市场主体): supplier, bidder, bidding agency, investor.
    case enterprise(Enterprise)

    /// The subject's identifier.
    public var id: SubjectID {
        switch self {
        case .agency(let a): a.id
        case .official(let o): o.id
        case .enterprise(let e): e.id
        }
    }

    /// What kind of subject this is.
    public var kind: SubjectKind {
        switch self {
        case .agency: .agency
        case .official: .official
        case .enterprise: .enterprise
        }
    }

    /// Other schemes' identifiers for the subject.
    public var externalIdentifiers: [ExternalIdentifier] {
        switch self {
        case .agency(let a): a.externalIdentifiers
        case .official(let o): o.externalIdentifiers
        case .enterprise(let e): e.externalIdentifiers
        }
    }
}

/// The kind of a credit subject (主体类别).
public enum SubjectKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A government body (政府机构).
    case agency
    /// An official (公务人员).
    case official
    /// An enterprise (企业).
    case enterprise
}

/// The identifier of a credit subject (主体标识).
///
/// Agencies and enterprises are named by their unified social credit code; officials by `person:` followed by
/// the hex of their ``PersonToken``, never by their resident ID number. An identifier is printable ASCII without
/// spaces.
public typealias SubjectID = Tagged<Subject, String>

extension Tagged where Tag == Subject, RawValue == String {
    /// The identifier of the organisation with this credit code.
    /// - Parameter code: The unified social credit code.
    public init(_ code: UnifiedSocialCreditCode) { self.init(rawValue: code.rawValue) }

    /// The identifier of the official with this token.
    /// - Parameter token: The official's keyed token.
    public init(_ token: PersonToken) { self.init(rawValue: "person:" + token.hex) }

    /// Whether the identifier has the allowed form: 1 to 128 printable ASCII characters without spaces.
    public var isWellFormed: Bool {
        let bytes = rawValue.utf8
        return (1...128).contains(bytes.count) && bytes.allSatisfy { (33...126).contains($0) }
    }
}

/// An identifier of a subject in another scheme (外部标识): an OCDS organisation id, a business registration
/// number, an organisation code.
public struct ExternalIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The scheme, for example `CN-USCC`, `ocds`, `CN-SAIC`.
    public var scheme: String
    /// The identifier within the scheme.
    public var identifier: String

    /// Makes an external identifier.
    /// - Parameters:
    ///   - scheme: The scheme.
    ///   - identifier: The identifier within the scheme.
    public init(scheme: String, identifier: String) {
        self.scheme = scheme
        self.identifier = identifier
    }

    /// `scheme:identifier`.
    public var description: String { "\(scheme):\(identifier)" }
}
