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
    /// Who reads through this vault: only a role that may unmask personal data opens it.
    public let reader: Principal

    /// Makes a vault over a store's vault table.
    /// - Parameters:
    ///   - store: The store.
    ///   - keys: The keys.
    ///   - reader: Who reads through it; ``Principal/system`` by default.
    public init(store: any LedgerStore, keys: VaultKeys, reader: Principal = .system) {
        self.store = store
        self.keys = keys
        self.reader = reader
    }

    /// The same vault, read by another principal.
    func read(by principal: Principal) -> PersonalDataVault {
        PersonalDataVault(store: store, keys: keys, reader: principal)
    }

    /// Seals and stores a person's data under their token.
    /// - Parameter data: The data.
    /// - Returns: The token.
    /// - Throws: Crypto or storage errors.
    ///
    /// Only the kit's own registration writes here (``CreditKit/registerOfficial(residentID:name:on:externalIdentifiers:)``,
    /// in the same transaction as the registration it belongs to): no principal writes the vault directly.
    @discardableResult
    package func seal(_ data: PersonalData) throws -> PersonToken {
        let token = keys.token(for: data.residentID)
        let plain = try JSONEncoder().encode(Sealed(id: data.residentID.unmaskedValue, name: data.name))
        let sealed = try LibCrypto.seal(Array(plain), key: keys.sealingKey, associatedData: token.bytes)
        try writeKeyCheckIfMissing()
        try store.storeSealedPersonalData(sealed, for: token)
        return token
    }

    /// Opens a person's data.
    /// - Parameter token: The person's token.
    /// - Returns: The data.
    /// - Throws: ``CreditKitError/Code/forbidden`` when the reader's role may not unmask personal data (a reporting
    ///   unit, the public); ``CreditKitError/Code/erased`` when there is none (never stored, or erased);
    ///   ``CreditKitError/Code/crypto`` when the key is wrong or the entry was altered.
    public func open(_ token: PersonToken) throws -> PersonalData {
        guard reader.mayUnmask else {
            throw CreditKitError(
                .forbidden, "\(reader) may not read personal data (names and ID numbers); officials are shown masked",
                context: ["role": reader.role.rawValue])
        }
        guard let sealed = try store.sealedPersonalData(for: token) else {
            throw CreditKitError(
                .erased, "no personal data is held for person \(token.hex.prefix(12))…: erased or never stored")
        }
        let plain = try LibCrypto.open(sealed, key: keys.sealingKey, associatedData: token.bytes)
        let decoded = try JSONDecoder().decode(Sealed.self, from: Data(plain))
        return PersonalData(residentID: try ResidentID(decoded.id), name: decoded.name)
    }

    /// The vault's own entry, under a token no person can have (all zero bytes; a person's token is an HMAC): a
    /// value derived from the token key, sealed under the sealing key, so both keys are checked.
    static let keyCheckToken = PersonToken(bytes: [UInt8](repeating: 0, count: 32))

    /// What the key-check entry holds under these keys.
    var keyCheckValue: [UInt8] {
        LibCrypto.hmacSHA256(key: keys.tokenKey, message: Array("creditkit-vault-key-check-2".utf8))
    }

    /// How the keys stood when the vault was opened.
    public enum KeyCheck: Sendable, Hashable {
        /// The key-check entry opens under the keys and holds what the token key gives.
        case confirmed
        /// No key-check entry (a vault from before it, or one it was deleted from); the keys opened a person's data.
        case missing
        /// The key-check entry does not open, but a person's data opens and matches its token: the entry, not the
        /// keys, is damaged.
        case damaged
    }

    /// Checks the keys against the vault, without writing: the key-check entry, and, where it does not settle the
    /// matter, the sealed data of some of the given people (it must open, and its resident ID must give its token).
    /// - Parameter tokens: People whose data the vault should hold.
    /// - Returns: How the keys stand.
    /// - Throws: ``CreditKitError/Code/crypto`` when the keys are not the ones the vault was sealed with.
    public func keyCheck(probing tokens: [PersonToken]) throws -> KeyCheck {
        var probed: Bool?
        func probe() throws -> Bool? {
            if let probed { return probed }
            for token in tokens.prefix(16) where try holds(token) {
                // A person's data that opens and gives back its own token proves both keys; one that does not
                // open under them counts against them.
                do {
                    if keys.token(for: try open(token).residentID) == token { return true }
                } catch {
                    // Not opening, or opening into something that is not a person's data, is the evidence sought.
                    probed = false
                    continue
                }
                probed = false
            }
            return probed
        }
        let wrong = CreditKitError(
            .crypto,
            "these vault keys are not the ones this ledger's personal data was sealed with: use the ledger's own keys "
                + "file; nothing was read or written")
        guard let sealed = try store.sealedPersonalData(for: Self.keyCheckToken) else {
            if try probe() == false { throw wrong }
            return .missing
        }
        do {
            let opened = try LibCrypto.open(sealed, key: keys.sealingKey, associatedData: Self.keyCheckToken.bytes)
            if opened == keyCheckValue { return .confirmed }
        } catch let error as CreditKitError where error.code == .crypto {
            // Does not open under these keys: the probe below tells wrong keys from a damaged entry.
        }
        if try probe() == true { return .damaged }
        throw wrong
    }

    /// Writes the key-check entry if there is none: done with the first personal data sealed.
    func writeKeyCheckIfMissing() throws {
        guard try store.sealedPersonalData(for: Self.keyCheckToken) == nil else { return }
        let check = try LibCrypto.seal(keyCheckValue, key: keys.sealingKey, associatedData: Self.keyCheckToken.bytes)
        try store.storeSealedPersonalData(check, for: Self.keyCheckToken)
    }

    /// Whether the vault holds an entry for a token, opened or not.
    /// - Parameter token: The token.
    /// - Returns: `true` when there is a sealed entry.
    /// - Throws: Storage errors.
    public func holds(_ token: PersonToken) throws -> Bool { try store.sealedPersonalData(for: token) != nil }

    /// Erases a person's data: only through an erasure the ledger recorded first
    /// (``CreditKit/erasePersonalData(of:on:reason:)``), never directly.
    /// - Parameter token: The person's token.
    /// - Returns: Whether there was any.
    /// - Throws: Storage errors.
    @discardableResult
    package func erase(_ token: PersonToken) throws -> Bool {
        try store.eraseSealedPersonalData(for: token)
    }
}
