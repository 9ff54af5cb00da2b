import CreditKitCore
import Foundation

/// The service's configuration file (服务配置): where the ledger is, and the bearer tokens it accepts, each kept only
/// as its SHA-256 digest and mapped to the principal it acts as.
///
/// ```json
/// {
///   "store": "ledger.sqlite",
///   "tokens": [
///     {"sha256": "9f86d0…", "id": "op-0142", "role": "reporting-unit", "unit": "11130300MB0XXXXXXX"}
///   ]
/// }
/// ```
public struct ServiceConfiguration: Codable, Sendable {
    /// One token's digest and the principal it acts as.
    public struct Token: Codable, Sendable {
        /// The token's SHA-256 digest, 64 hex digits (the token itself is never stored).
        public var sha256: String
        /// The principal's id.
        public var id: String
        /// The principal's role (`reporting-unit`, `credit-office`, `auditor`, `system`, `public`).
        public var role: String
        /// The unit's credit code, for a reporting unit or the credit office.
        public var unit: String?

        /// Makes an entry.
        /// - Parameters:
        ///   - sha256: The token's digest.
        ///   - id: The principal's id.
        ///   - role: The principal's role.
        ///   - unit: The unit's credit code.
        public init(sha256: String, id: String, role: String, unit: String? = nil) {
            self.sha256 = sha256
            self.id = id
            self.role = role
            self.unit = unit
        }
    }

    /// The ledger file (SQLite); its vault keys in `<store>.keys`.
    public var store: String
    /// The tokens the service accepts.
    public var tokens: [Token]

    /// Makes a configuration.
    /// - Parameters:
    ///   - store: The ledger file.
    ///   - tokens: The tokens.
    public init(store: String, tokens: [Token]) {
        self.store = store
        self.tokens = tokens
    }

    /// Reads a configuration file.
    /// - Parameter path: The file.
    /// - Returns: The configuration.
    /// - Throws: When the file cannot be read or is not a configuration.
    public static func load(_ path: String) throws -> ServiceConfiguration {
        try JSONDecoder().decode(ServiceConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The digest a token is kept as, for writing a configuration: 64 hex digits.
    /// - Parameter token: The token.
    /// - Returns: Its SHA-256 digest in hex.
    public static func digest(of token: String) -> String { Digest.sha256(of: Array(token.utf8)).description }
}

/// The principals behind the tokens (令牌): a token presented is hashed and looked up; the token never appears in a
/// log, an error or a response.
public struct TokenBook: Sendable {
    let principals: [String: Principal]

    /// Reads the tokens of a configuration, checking each entry.
    /// - Parameter configuration: The configuration.
    /// - Throws: `CreditKitError` naming the entry that is not a digest or not a principal.
    public init(_ configuration: ServiceConfiguration) throws {
        var principals: [String: Principal] = [:]
        for (i, t) in configuration.tokens.enumerated() {
            // A digest that does not parse is this entry's error, said with its number (never the digest).
            guard (try? Digest(hex: t.sha256)) != nil else {
                throw CreditKitError(.invalidArgument, "token entry \(i + 1) (\(t.id)): sha256 is not 64 hex digits")
            }
            guard let role = Principal.Role(rawValue: t.role) else {
                throw CreditKitError(
                    .invalidArgument,
                    "token entry \(i + 1) (\(t.id)): role '\(t.role)' is not one of "
                        + Principal.Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let unit = try t.unit.map { try UnifiedSocialCreditCode($0) }
            principals[t.sha256.lowercased()] = try Principal(t.id, role: role, unit: unit)
        }
        self.principals = principals
    }

    /// The principal a bearer token acts as, or `nil` for a token the service does not know.
    /// - Parameter token: The token presented.
    /// - Returns: The principal.
    public func principal(for token: String) -> Principal? {
        principals[ServiceConfiguration.digest(of: token)]
    }
}
