/// A six-digit administrative division code (行政区划代码, GB/T 2260), for example `130300` for Qinhuangdao.
public struct RegionCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The six digits.
    public let rawValue: String

    /// Validates a code.
    /// - Parameter text: Six digits, the first not zero.
    /// - Throws: ``CreditKitError/Code/invalidRegionCode`` when it is not six digits.
    public init(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes.allSatisfy({ (48...57).contains($0) }), bytes[0] != 48 else {
            throw CreditKitError(
                .invalidRegionCode, "region code '\(text)' is not six digits starting with 1-9 (GB/T 2260)")
        }
        self.rawValue = text
    }

    /// The province-level code (first two digits followed by `0000`).
    public var province: String { String(rawValue.prefix(2)) + "0000" }

    /// The six digits.
    public var description: String { rawValue }

    /// Orders codes by their digits.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes and validates a code.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error carrying the validation message.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch let error as CreditKitError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the six digits.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
