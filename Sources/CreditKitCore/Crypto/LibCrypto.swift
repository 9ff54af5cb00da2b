import CCryptoShim

// Every call into OpenSSL's libcrypto lives in this file.

/// The SHA-256 algorithm object, fetched once. EVP_MD objects are immutable after fetching and documented as safe
/// to share between threads, so the wrapper is `@unchecked Sendable`.
struct FetchedDigest: @unchecked Sendable {
    let md: OpaquePointer

    static let sha256: FetchedDigest = {
        guard let md = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("libcrypto has no SHA256") }
        return FetchedDigest(md: md)
    }()
}

/// An incremental SHA-256 hasher over one reusable EVP context. Not `Sendable`: one per thread or actor.
final class SHA256Hasher {
    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto could not allocate a digest context") }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Hashes a whole buffer.
    func hash(_ bytes: UnsafeRawBufferPointer) -> Digest {
        EVP_DigestInit_ex(context, FetchedDigest.sha256.md, nil)
        if let base = bytes.baseAddress { EVP_DigestUpdate(context, base, bytes.count) }
        var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &out) { raw in
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &length)
            return Digest(pointer: UnsafeRawPointer(raw.baseAddress!))
        }
    }

    func hash(_ bytes: [UInt8]) -> Digest {
        bytes.withUnsafeBytes { hash($0) }
    }
}

/// A SHA-256 computation fed with everything but its last part: the expensive prefix can be hashed on any
/// thread, and the chain's previous hash appended later, in order. Used once, then freed.
final class PartialSHA256 {
    private let context: OpaquePointer

    init(prefix: UnsafeRawBufferPointer) {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto could not allocate a digest context") }
        self.context = context
        EVP_DigestInit_ex(context, FetchedDigest.sha256.md, nil)
        if let base = prefix.baseAddress { EVP_DigestUpdate(context, base, prefix.count) }
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Appends the last 32 bytes and returns the digest.
    func finish(appending last: Digest) -> Digest {
        var words = (last.w0.bigEndian, last.w1.bigEndian, last.w2.bigEndian, last.w3.bigEndian)
        withUnsafeBytes(of: &words) { _ = EVP_DigestUpdate(context, $0.baseAddress, 32) }
        var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &out) { raw in
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &length)
            return Digest(pointer: UnsafeRawPointer(raw.baseAddress!))
        }
    }
}

enum LibCrypto {
    /// HMAC-SHA-256 of `message` under `key`.
    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 32
        key.withUnsafeBytes { k in
            message.withUnsafeBytes { m in
                _ = HMAC(
                    EVP_sha256(), k.baseAddress, Int32(key.count),
                    m.baseAddress?.assumingMemoryBound(to: UInt8.self), m.count, &out, &length)
            }
        }
        return out
    }

    /// Cryptographically secure random bytes.
    static func randomBytes(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&out, Int32(count)) == 1 else {
            throw CreditKitError(.crypto, "libcrypto's random generator failed")
        }
        return out
    }

    static let gcmNonceLength = 12
    static let gcmTagLength = 16
    // EVP_CTRL_AEAD_GET_TAG and EVP_CTRL_AEAD_SET_TAG from <openssl/evp.h>.
    static let controlGetTag: Int32 = 0x10
    static let controlSetTag: Int32 = 0x11

    /// AES-256-GCM: returns nonce ‖ ciphertext ‖ tag.
    static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == 32 else { throw CreditKitError(.crypto, "an AES-256 key has 32 bytes, not \(key.count)") }
        let nonce = try randomBytes(gcmNonceLength)
        guard let ctx = EVP_CIPHER_CTX_new() else { throw CreditKitError(.crypto, "no cipher context") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var tag = [UInt8](repeating: 0, count: gcmTagLength)
        var length: Int32 = 0
        var total: Int32 = 0
        guard EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nil, key, nonce) == 1,
            associatedData.isEmpty
                || EVP_EncryptUpdate(ctx, nil, &length, associatedData, Int32(associatedData.count)) == 1,
            EVP_EncryptUpdate(ctx, &ciphertext, &length, plaintext, Int32(plaintext.count)) == 1
        else { throw CreditKitError(.crypto, "AES-GCM encryption failed") }
        total = length
        let ok = ciphertext.withUnsafeMutableBufferPointer { buffer in
            EVP_EncryptFinal_ex(ctx, buffer.baseAddress! + Int(total), &length) == 1
        }
        guard ok else { throw CreditKitError(.crypto, "AES-GCM encryption failed") }
        total += length
        guard EVP_CIPHER_CTX_ctrl(ctx, controlGetTag, Int32(gcmTagLength), &tag) == 1 else {
            throw CreditKitError(.crypto, "AES-GCM produced no tag")
        }
        return nonce + ciphertext.prefix(Int(total)) + tag
    }

    /// Opens what ``seal(_:key:associatedData:)`` produced; throws when the key, the data or the tag is wrong.
    static func open(_ sealed: [UInt8], key: [UInt8], associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == 32 else { throw CreditKitError(.crypto, "an AES-256 key has 32 bytes, not \(key.count)") }
        guard sealed.count >= gcmNonceLength + gcmTagLength else {
            throw CreditKitError(.crypto, "sealed data of \(sealed.count) bytes is too short for AES-GCM")
        }
        let nonce = Array(sealed.prefix(gcmNonceLength))
        var tag = Array(sealed.suffix(gcmTagLength))
        let ciphertext = Array(sealed.dropFirst(gcmNonceLength).dropLast(gcmTagLength))
        guard let ctx = EVP_CIPHER_CTX_new() else { throw CreditKitError(.crypto, "no cipher context") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var length: Int32 = 0
        guard EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nil, key, nonce) == 1,
            associatedData.isEmpty
                || EVP_DecryptUpdate(ctx, nil, &length, associatedData, Int32(associatedData.count)) == 1,
            EVP_DecryptUpdate(ctx, &plaintext, &length, ciphertext, Int32(ciphertext.count)) == 1,
            EVP_CIPHER_CTX_ctrl(ctx, controlSetTag, Int32(gcmTagLength), &tag) == 1
        else { throw CreditKitError(.crypto, "AES-GCM decryption failed") }
        let total = length
        let ok = plaintext.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(ctx, buffer.baseAddress! + Int(total), &length) == 1
        }
        guard ok else {
            throw CreditKitError(.crypto, "sealed personal data failed authentication: wrong key or altered data")
        }
        return Array(plaintext.prefix(Int(total + length)))
    }

    /// The Ed25519 public key (32 bytes) of a private key given as its 32-byte seed.
    static func ed25519PublicKey(seed: [UInt8]) throws -> [UInt8] {
        let key = try ed25519Key(seed: seed)
        defer { EVP_PKEY_free(key) }
        var out = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(key, &out, &length) == 1, length == 32 else {
            throw CreditKitError(.crypto, "libcrypto could not derive the Ed25519 public key")
        }
        return out
    }

    /// An Ed25519 signature (64 bytes) of `message` under the private key with this 32-byte seed.
    static func ed25519Sign(_ message: [UInt8], seed: [UInt8]) throws -> [UInt8] {
        let key = try ed25519Key(seed: seed)
        defer { EVP_PKEY_free(key) }
        guard let ctx = EVP_MD_CTX_new() else { throw CreditKitError(.crypto, "no digest context") }
        defer { EVP_MD_CTX_free(ctx) }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        guard EVP_DigestSignInit(ctx, nil, nil, nil, key) == 1,
            EVP_DigestSign(ctx, &signature, &length, message, message.count) == 1, length == 64
        else { throw CreditKitError(.crypto, "libcrypto could not make an Ed25519 signature") }
        return signature
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` under the 32-byte public key.
    static func ed25519Verify(_ signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == 64, publicKey.count == 32,
            let key = EVP_PKEY_new_raw_public_key_ex(nil, "ED25519", nil, publicKey, 32)
        else { return false }
        defer { EVP_PKEY_free(key) }
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        return EVP_DigestVerifyInit(ctx, nil, nil, nil, key) == 1
            && EVP_DigestVerify(ctx, signature, 64, message, message.count) == 1
    }

    private static func ed25519Key(seed: [UInt8]) throws -> OpaquePointer {
        guard seed.count == 32 else {
            throw CreditKitError(.crypto, "an Ed25519 private key has 32 bytes, not \(seed.count)")
        }
        guard let key = EVP_PKEY_new_raw_private_key_ex(nil, "ED25519", nil, seed, 32) else {
            throw CreditKitError(.crypto, "libcrypto refused the Ed25519 private key")
        }
        return key
    }
}
