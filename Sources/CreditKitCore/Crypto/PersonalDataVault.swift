import Foundation

/// An official's personal data in clear (个人信息): what the vault seals.
public struct PersonalData: Sendable, Hashable {
    /// The resident ID number.
    public var residentID: ResidentID
    /// The name.
    public var name: String

    /// Makes personal data.
    /// - Parameters:
    ///   - residentID: The resident ID number.
    ///   - name: The name.
    public init(residentID: ResidentID, name: String) {
        self.residentID = residentID
        self.name = name
    }
}

/// The personal-data vault (个人信息保险库): sealed personal data beside the ledger, erasable although the ledger is
/// not (个人信息保护法 art. 47).
///
/// Each entry is AES-256-GCM sealed under the kit's sealing key, bound to the person's token, and kept in the
/// store's vault table. Erasing an entry deletes it for good and leaves the hash chain untouched, since the chain
/// only ever held the token ("crypto-shredding").
public struct PersonalDataVault: Sendable {
    private struct Sealed: Codable {
        var id: String
        var name: String
    }

    let store: any LedgerStore
    let keys: VaultKeys

    /// Makes a vault over a store's vault table.
    /// - Parameters:
    ///   - store: The store.
    ///   - keys: The keys.
    public init(store: any LedgerStore, keys: VaultKeys) {
        self.store = store
        self.keys = keys
    }

    /// Seals and stores a person's data under their token.
    /// - Parameter data: The data.
    /// - Returns: The token.
    /// - Throws: Crypto or storage errors.
    @discardableResult
    public func seal(_ data: PersonalData) throws -> PersonToken {
        let token = keys.token(for: data.residentID)
        let plain = try JSONEncoder().encode(Sealed(id: data.residentID.unmaskedValue, name: data.name))
        let sealed = try LibCrypto.seal(Array(plain), key: keys.sealingKey, associatedData: token.bytes)
        try store.storeSealedPersonalData(sealed, for: token)
        return token
    }

    /// Opens a person's data.
    /// - Parameter token: The person's token.
    /// - Returns: The data.
    /// - Throws: ``CreditKitError/Code/erased`` when there is none (never stored, or erased);
    ///   ``CreditKitError/Code/crypto`` when the key is wrong or the entry was altered.
    public func open(_ token: PersonToken) throws -> PersonalData {
        guard let sealed = try store.sealedPersonalData(for: token) else {
            throw CreditKitError(
                .erased, "no personal data is held for person \(token.hex.prefix(12))…: erased or never stored")
        }
        let plain = try LibCrypto.open(sealed, key: keys.sealingKey, associatedData: token.bytes)
        let decoded = try JSONDecoder().decode(Sealed.self, from: Data(plain))
        return PersonalData(residentID: try ResidentID(decoded.id), name: decoded.name)
    }

    /// The vault's own entry, under a token no person can have (all zero bytes; a person's token is an HMAC): a
    /// constant sealed under the keys the vault was first opened with.
    static let keyCheckToken = PersonToken(bytes: [UInt8](repeating: 0, count: 32))
    static let keyCheckText = Array("creditkit-vault-key-check-1".utf8)

    /// Refuses keys that are not the ones the vault was sealed with: the vault's key-check entry must open under
    /// them. A vault without one (new, or from before the check) gets one now.
    /// - Throws: ``CreditKitError/Code/crypto`` naming the mismatch; storage errors.
    public func checkKeys() throws {
        guard let sealed = try store.sealedPersonalData(for: Self.keyCheckToken) else {
            let check = try LibCrypto.seal(
                Self.keyCheckText, key: keys.sealingKey, associatedData: Self.keyCheckToken.bytes)
            return try store.storeSealedPersonalData(check, for: Self.keyCheckToken)
        }
        do {
            guard
                try LibCrypto.open(sealed, key: keys.sealingKey, associatedData: Self.keyCheckToken.bytes)
                    == Self.keyCheckText
            else { throw CreditKitError(.crypto, "the vault's key check holds an unexpected value") }
        } catch {
            throw CreditKitError(
                .crypto,
                "these vault keys are not the ones this ledger's personal data was sealed with: use the ledger's own "
                    + "keys file; nothing was read or written")
        }
    }

    /// Whether the vault holds an entry for a token, opened or not.
    /// - Parameter token: The token.
    /// - Returns: `true` when there is a sealed entry.
    /// - Throws: Storage errors.
    public func holds(_ token: PersonToken) throws -> Bool { try store.sealedPersonalData(for: token) != nil }

    /// Erases a person's data.
    /// - Parameter token: The person's token.
    /// - Returns: Whether there was any.
    /// - Throws: Storage errors.
    @discardableResult
    public func erase(_ token: PersonToken) throws -> Bool {
        try store.eraseSealedPersonalData(for: token)
    }
}
