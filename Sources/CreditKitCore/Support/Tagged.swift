/// A typed identifier (类型化标识): a raw value tagged with the kind of thing it names.
///
/// `Tagged<CreditRecord, Int64>` and `Tagged<Commitment, Int64>` hold the same kind of raw value but are different
/// types, so a record's identifier can never be passed where a commitment's is expected.
public struct Tagged<Tag, RawValue: Hashable & Sendable>: RawRepresentable, Hashable, Sendable {
    /// The underlying value.
    public var rawValue: RawValue

    /// Wraps a raw value.
    /// - Parameter rawValue: The underlying value.
    public init(rawValue: RawValue) {
        self.rawValue = rawValue
    }

    /// Wraps a raw value.
    /// - Parameter rawValue: The underlying value.
    public init(_ rawValue: RawValue) {
        self.rawValue = rawValue
    }
}

extension Tagged: Codable where RawValue: Codable {
    /// Decodes the raw value on its own, without a wrapping object.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: The decoder's error when the raw value cannot be read.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(RawValue.self)
    }

    /// Encodes the raw value on its own, without a wrapping object.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Tagged: Comparable where RawValue: Comparable {
    /// Orders identifiers by their raw values.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Tagged: CustomStringConvertible {
    /// The raw value's text.
    public var description: String { String(describing: rawValue) }
}

extension Tagged: ExpressibleByStringLiteral, ExpressibleByUnicodeScalarLiteral,
    ExpressibleByExtendedGraphemeClusterLiteral
where RawValue == String {
    /// Makes an identifier from a string literal.
    /// - Parameter value: The literal.
    public init(stringLiteral value: String) { self.rawValue = value }
}

extension Tagged: ExpressibleByIntegerLiteral where RawValue == Int64 {
    /// Makes an identifier from an integer literal.
    /// - Parameter value: The literal.
    public init(integerLiteral value: Int64) { self.rawValue = value }
}

extension Tagged where RawValue == Int64 {
    /// The ledger entry an identifier names. Every numeric identifier of the kit (a record, commitment, objection,
    /// repair, complaint, tenure) is the sequence number of the entry that opened it, so it is also evidence.
    public var entry: LedgerEntry.ID { LedgerEntry.ID(rawValue) }
}
