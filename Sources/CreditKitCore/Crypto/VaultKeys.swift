import Foundation

/// The two secret keys that protect personal data (个人信息密钥), kept outside the ledger file.
///
/// `tokenKey` makes ``PersonToken``s; `sealingKey` encrypts vault entries with AES-256-GCM. Whoever holds the ledger
/// file without these keys learns no resident ID number or name. Losing the keys makes the vault unreadable;
/// rotating the token key changes every token, so keep it as long as the ledger.
public struct VaultKeys: Sendable {
    /// The HMAC-SHA-256 key for person tokens, 32 bytes.
    public let tokenKey: [UInt8]
    /// The AES-256-GCM key for vault entries, 32 bytes.
    public let sealingKey: [UInt8]

    /// Makes keys from their bytes.
    /// - Parameters:
    ///   - tokenKey: 32 bytes.
    ///   - sealingKey: 32 bytes.
    /// - Throws: ``CreditKitError/Code/crypto`` when a key is not 32 bytes, or both are the same.
    public init(tokenKey: [UInt8], sealingKey: [UInt8]) throws {
        guard tokenKey.count == 32, sealingKey.count == 32 else {
            throw CreditKitError(.crypto, "vault keys are 32 bytes each, not \(tokenKey.count) and \(sealingKey.count)")
        }
        guard tokenKey != sealingKey else {
            throw CreditKitError(.crypto, "the token key and the sealing key must differ")
        }
        self.tokenKey = tokenKey
        self.sealingKey = sealingKey
    }

    /// Two fresh random keys.
    /// - Returns: New keys.
    /// - Throws: ``CreditKitError/Code/crypto`` when the random generator fails.
    public static func generate() throws -> VaultKeys {
        try VaultKeys(tokenKey: LibCrypto.randomBytes(32), sealingKey: LibCrypto.randomBytes(32))
    }

    /// Reads keys from a key file, or creates one (mode 0600) with fresh keys when none exists.
    ///
    /// The file holds lines of 64 hex digits: `token=…` and `sealing=…`, and `signing=…`, the key that signs the
    /// ledger's tree heads (``TreeHeadKey``).
    /// - Parameter path: Where the key file is, for example `creditkit.sqlite.keys` beside the ledger.
    /// - Returns: The keys.
    /// - Throws: ``CreditKitError/Code/crypto`` when the file exists but is not a key file.
    public static func loadOrCreate(at path: String) throws -> VaultKeys {
        if FileManager.default.fileExists(atPath: path) {
            return try load(from: path)
        }
        let keys = try generate()
        let text =
            "token=\(HexCoding.encode(keys.tokenKey))\nsealing=\(HexCoding.encode(keys.sealingKey))\n"
            + (try TreeHeadKey.generate()).keysFileLine
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CreditKitError(.crypto, "could not create key file \(path)") }
        return keys
    }

    /// Reads keys from a key file.
    /// - Parameter path: The key file.
    /// - Returns: The keys.
    /// - Throws: ``CreditKitError/Code/crypto`` when the file is missing or malformed.
    public static func load(from path: String) throws -> VaultKeys {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CreditKitError(.crypto, "key file \(path) cannot be read")
        }
        var values: [String: [UInt8]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let bytes = HexCoding.decode(String(parts[1])) { values[String(parts[0])] = bytes }
        }
        guard let token = values["token"], let sealing = values["sealing"] else {
            throw CreditKitError(.crypto, "key file \(path) lacks a token= or sealing= line of 64 hex digits")
        }
        return try VaultKeys(tokenKey: token, sealingKey: sealing)
    }

    /// The key the ledger's caches (the view checkpoint) are authenticated with, derived from the sealing key so it
    /// lives and travels with the keys file.
    public var cacheKey: [UInt8] {
        LibCrypto.hmacSHA256(key: sealingKey, message: Array("creditkit-view-cache-1".utf8))
    }

    /// The token for a resident ID number under these keys.
    /// - Parameter id: The number.
    /// - Returns: Its keyed token.
    public func token(for id: ResidentID) -> PersonToken {
        PersonToken(bytes: LibCrypto.hmacSHA256(key: tokenKey, message: Array(id.unmaskedValue.utf8)))
    }
}
