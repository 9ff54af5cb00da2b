/// A public servant (公务人员) as the ledger knows them: by a keyed token, never by name or ID number in clear.
///
/// The resident ID number and the name are personal data: ``CreditKit/registerOfficial(residentID:name:on:externalIdentifiers:)``
/// seals them into the ``PersonalDataVault`` and appends only this value. Which posts the official held is told by
/// ``Tenure`` events.
public struct Official: Hashable, Sendable, Codable, Identifiable {
    /// The keyed token (HMAC-SHA-256 of the resident ID number).
    public var token: PersonToken
    /// Identifiers in other schemes (a staff number, for example); never a resident ID number.
    public var externalIdentifiers: [ExternalIdentifier]

    /// Makes an official.
    /// - Parameters:
    ///   - token: The keyed token of the official's resident ID number.
    ///   - externalIdentifiers: Identifiers in other schemes.
    public init(token: PersonToken, externalIdentifiers: [ExternalIdentifier] = []) {
        self.token = token
        self.externalIdentifiers = externalIdentifiers
    }

    /// The subject identifier: `person:` and the token's hex.
    public var id: SubjectID { SubjectID(token) }
}
