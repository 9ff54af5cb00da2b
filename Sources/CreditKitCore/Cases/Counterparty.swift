/// The other side of a case (交易相对人): a supplier, a bidder, a contractor, an investor, as the case names it.
///
/// It need not be a registered subject: open data names firms by name and perhaps a code. When the identifier is
/// a valid unified social credit code, ``creditSubject`` is the subject it names, and facts about it are indexed
/// under that subject too.
public struct Counterparty: Hashable, Sendable, Codable {
    /// Its name.
    public var name: String
    /// Its unified social credit code or other identifier, when known.
    public var identifier: String?
    /// Whether it is (or declared itself) a small, medium or micro enterprise (中小企业).
    public var isSME: Bool

    /// Makes a counterparty.
    /// - Parameters:
    ///   - name: Its name.
    ///   - identifier: Its identifier.
    ///   - isSME: Whether it is an SME.
    public init(name: String, identifier: String? = nil, isSME: Bool = false) {
        self.name = name
        self.identifier = identifier
        self.isSME = isSME
    }

    /// The identifier without a `CN-USCC-` scheme prefix (as open data writes a credit code), when it has one.
    var codeText: String? {
        guard let identifier else { return nil }
        let prefix = "CN-USCC-"
        return identifier.uppercased().hasPrefix(prefix) ? String(identifier.dropFirst(prefix.count)) : identifier
    }

    /// The subject its identifier names, when the identifier (with or without a `CN-USCC-` prefix) is a valid
    /// unified social credit code.
    public var creditSubject: SubjectID? {
        guard let identifier = codeText, UnifiedSocialCreditCode.hasCodeForm(identifier) else { return nil }
        // A code-shaped identifier that fails its check is refused before a fact holding it is written
        // (``validate()``); one read back from older data names no subject rather than a wrong one.
        return (try? UnifiedSocialCreditCode(identifier)).map { SubjectID($0) }
    }

    /// Refuses an identifier that has the form of a unified social credit code but is not a valid one: a mistyped
    /// code would otherwise name no subject, and the firm's facts would silently miss its credit file. Any other
    /// identifier (an OCDS scheme's, a foreign one) is taken as it is.
    /// A blank name, or one that is not one line of text, is refused too.
    /// - Throws: ``CreditKitError/Code/invalidCreditCode`` naming the counterparty and what is wrong with the code;
    ///   ``CreditKitError/Code/invalidEvent`` for a blank name or one that is not one line.
    public func validate() throws {
        guard name.isOneLine, !name.isBlank else {
            throw CreditKitError(.invalidEvent, "a counterparty's name is blank or not one line of text")
        }
        guard let identifier = codeText, UnifiedSocialCreditCode.hasCodeForm(identifier) else { return }
        do {
            _ = try UnifiedSocialCreditCode(identifier)
        } catch let error as CreditKitError {
            throw CreditKitError(error.code, "\(name): \(error.message)", context: error.context)
        }
    }

    /// Whether two namings are the same counterparty: the same identifier, or the same name when either lacks one.
    /// - Parameter other: The other naming.
    /// - Returns: `true` when they name the same firm.
    public func sameAs(_ other: Counterparty) -> Bool {
        if let a = identifier, let b = other.identifier { return a == b }
        return name == other.name
    }
}
