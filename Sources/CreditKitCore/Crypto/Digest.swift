/// A SHA-256 digest (摘要): 32 bytes, held inline without allocating.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    var w0: UInt64
    var w1: UInt64
    var w2: UInt64
    var w3: UInt64

    /// Thirty-two zero bytes: the previous hash of the first ledger entry.
    public static let zero = Digest(w0: 0, w1: 0, w2: 0, w3: 0)

    package init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Makes a digest from 32 bytes.
    /// - Parameter bytes: Exactly 32 bytes.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` for any other length.
    public init(bytes: some Collection<UInt8>) throws {
        guard bytes.count == 32 else {
            throw CreditKitError(.invalidArgument, "a SHA-256 digest has 32 bytes, not \(bytes.count)")
        }
        var words: [UInt64] = [0, 0, 0, 0]
        for (i, b) in bytes.enumerated() { words[i / 8] = words[i / 8] << 8 | UInt64(b) }
        self.init(w0: words[0], w1: words[1], w2: words[2], w3: words[3])
    }

    /// The SHA-256 digest of some bytes (a service's bearer token, kept only as its digest).
    /// - Parameter bytes: The bytes.
    /// - Returns: Their digest.
    public static func sha256(of bytes: [UInt8]) -> Digest { SHA256Hasher().hash(bytes) }

    /// Parses 64 hexadecimal digits.
    /// - Parameter hex: The digits, either case.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when they are not 64 hex digits.
    public init(hex: String) throws {
        guard let bytes = HexCoding.decode(hex), bytes.count == 32 else {
            throw CreditKitError(.invalidArgument, "'\(hex)' is not 64 hexadecimal digits")
        }
        try self.init(bytes: bytes)
    }

    /// Reads 32 bytes from a raw pointer.
    init(pointer: UnsafeRawPointer) {
        func word(_ offset: Int) -> UInt64 {
            UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        self.init(w0: word(0), w1: word(8), w2: word(16), w3: word(24))
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        appendBytes(to: &out)
        return out
    }

    /// Appends the 32 bytes to a buffer.
    package func appendBytes(to out: inout [UInt8]) {
        for w in [w0, w1, w2, w3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: w >> UInt64(shift)))
            }
        }
    }

    /// The 64 lower-case hexadecimal digits.
    public var hex: String { HexCoding.encode(bytes) }

    /// The 64 lower-case hexadecimal digits.
    public var description: String { hex }
}

extension Digest: Codable {
    /// Reads 64 hexadecimal digits.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error when the text is not a digest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(hex: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a SHA-256 digest")
        }
    }

    /// Writes 64 hexadecimal digits.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

enum HexCoding {
    static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
