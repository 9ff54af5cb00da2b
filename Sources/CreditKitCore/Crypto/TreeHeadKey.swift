import Foundation

/// The key that signs the ledger's tree heads (树头签名密钥): Ed25519 through libcrypto.
///
/// It is kept in the keys file beside the vault keys, as a `signing=` line of 64 hex digits (the private key's
/// 32-byte seed). The public key is what others pin to check published heads: ``publicKeyPEM`` is the standard
/// SubjectPublicKeyInfo form that `openssl pkeyutl -verify` reads.
public struct TreeHeadKey: Sendable {
    /// The private key's seed.
    private let seed: [UInt8]
    /// The public key, 32 bytes.
    public let publicKey: [UInt8]

    /// Makes the key from its 32-byte seed.
    /// - Parameter seed: The private key.
    /// - Throws: ``CreditKitError/Code/crypto`` when it is not 32 bytes or libcrypto refuses it.
    public init(seed: [UInt8]) throws {
        self.seed = seed
        self.publicKey = try LibCrypto.ed25519PublicKey(seed: seed)
    }

    /// A fresh random key.
    /// - Returns: The key.
    /// - Throws: ``CreditKitError/Code/crypto`` when the random generator fails.
    public static func generate() throws -> TreeHeadKey { try TreeHeadKey(seed: LibCrypto.randomBytes(32)) }

    /// Signs bytes.
    /// - Parameter message: What to sign.
    /// - Returns: The 64-byte Ed25519 signature.
    /// - Throws: ``CreditKitError/Code/crypto`` when libcrypto fails.
    public func sign(_ message: [UInt8]) throws -> [UInt8] { try LibCrypto.ed25519Sign(message, seed: seed) }

    /// Whether a signature is valid for a message under a public key.
    /// - Parameters:
    ///   - signature: The 64-byte signature.
    ///   - message: The signed bytes.
    ///   - publicKey: The 32-byte public key.
    /// - Returns: Whether it is valid.
    public static func isValid(signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        LibCrypto.ed25519Verify(signature, message: message, publicKey: publicKey)
    }

    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow it.
    static let spkiPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// The public key as a PEM `PUBLIC KEY` block.
    public var publicKeyPEM: String {
        "-----BEGIN PUBLIC KEY-----\n" + Data(Self.spkiPrefix + publicKey).base64EncodedString()
            + "\n-----END PUBLIC KEY-----\n"
    }

    /// Reads a public key given as 64 hex digits or as a PEM `PUBLIC KEY` block.
    /// - Parameter text: The text.
    /// - Returns: The 32 key bytes.
    /// - Throws: ``CreditKitError/Code/crypto`` when it is neither.
    public static func publicKey(from text: String) throws -> [UInt8] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let bytes = HexCoding.decode(trimmed), bytes.count == 32 { return bytes }
        let body = trimmed.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        if trimmed.hasPrefix("-----BEGIN PUBLIC KEY-----"), let der = Data(base64Encoded: body).map(Array.init),
            der.count == 44, Array(der.prefix(12)) == spkiPrefix
        {
            return Array(der.suffix(32))
        }
        throw CreditKitError(
            .crypto, "a public key is 64 hex digits or a PEM PUBLIC KEY block of an Ed25519 key")
    }

    /// The signing key in a keys file, or `nil` when the file has no `signing=` line (an older keys file).
    /// - Parameter path: The keys file.
    /// - Returns: The key, if the file holds one.
    /// - Throws: ``CreditKitError/Code/crypto`` when the file cannot be read or its `signing=` line is malformed.
    public static func load(keysFile path: String) throws -> TreeHeadKey? {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CreditKitError(.crypto, "key file \(path) cannot be read")
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("signing=") {
            guard let seed = HexCoding.decode(String(line.dropFirst("signing=".count))), seed.count == 32 else {
                throw CreditKitError(.crypto, "key file \(path) has a signing= line that is not 64 hex digits")
            }
            return try TreeHeadKey(seed: seed)
        }
        return nil
    }

    /// The signing key in a keys file, adding a fresh one when the file has none.
    /// - Parameter path: The keys file (it must exist).
    /// - Returns: The key, and whether it was just added.
    /// - Throws: ``CreditKitError/Code/crypto`` when the file cannot be read or written.
    public static func loadOrAdd(keysFile path: String) throws -> (key: TreeHeadKey, added: Bool) {
        if let key = try load(keysFile: path) { return (key, false) }
        let key = try generate()
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CreditKitError(.crypto, "key file \(path) cannot be written to add the signing key")
        }
        defer { try? handle.close() }  // the write below is synced; a failing close has nothing left to lose
        do {
            let end = try handle.seekToEnd()
            var text = "signing=\(HexCoding.encode(key.seed))\n"
            if end > 0 {
                try handle.seek(toOffset: end - 1)
                if try handle.read(upToCount: 1) != Data([10]) { text = "\n" + text }
            }
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            throw CreditKitError(.crypto, "could not add the signing key to \(path): \(error)")
        }
        return (key, true)
    }

    /// The `signing=` line of a new keys file.
    var keysFileLine: String { "signing=\(HexCoding.encode(seed))\n" }
}
