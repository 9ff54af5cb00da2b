/// A keyed token standing for a person (个人标识令牌): HMAC-SHA-256 of the resident ID number under a key kept
/// outside the ledger.
///
/// The same person always gets the same token under the same key, so records join up; without the key the token
/// reveals nothing and cannot be recomputed from a guessed number.
public struct PersonToken: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 32 bytes as 64 lower-case hexadecimal digits.
    public let hex: String

    /// Wraps a token's hex form.
    /// - Parameter hex: 64 hexadecimal digits.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when it is not 64 hex digits.
    public init(hex: String) throws {
        guard let bytes = HexCoding.decode(hex), bytes.count == 32 else {
            throw CreditKitError(.invalidArgument, "a person token is 64 hexadecimal digits, not '\(hex)'")
        }
        self.hex = HexCoding.encode(bytes)
    }

    init(bytes: [UInt8]) { self.hex = HexCoding.encode(bytes) }

    /// The token's 32 bytes.
    public var bytes: [UInt8] { HexCoding.decode(hex)! }

    /// The hex digits.
    public var description: String { hex }

    /// Decodes and validates the hex form.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error when it is not a token.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(hex: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a person token")
        }
    }

    /// Encodes the hex form.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
