/// A unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character identifier of every legal
/// person and other organisation, government bodies included.
///
/// Layout: position 1 the registration authority (登记管理部门), 2 the organisation category (机构类别),
/// 3–8 the administrative division code of the registering authority (登记管理机关行政区划码), 9–17 the
/// organisation code (主体标识码), 18 a check character. The character set is the digits and the capital letters
/// without I, O, Z, S and V. The check character is `31 − (Σ value(cᵢ)·3^(i−1) mod 31) mod 31` over the first 17.
public struct UnifiedSocialCreditCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 31 characters of the code set, in value order.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let valueOfByte: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c.asciiValue!)] = Int8(i) }
        return table
    }()

    /// The 18 characters, upper case.
    public let rawValue: String

    /// Parses and validates a code.
    /// - Parameter text: 18 characters; lower-case letters and surrounding spaces are accepted and normalised.
    /// - Throws: ``CreditKitError/Code/invalidCreditCode`` naming the length, the first character outside the
    ///   code set with its position, a non-digit in the region part, or the expected check character.
    public init(_ text: String) throws {
        let normalised = text.trimmingCharactersInSpaces().uppercased()
        let bytes = Array(normalised.utf8)
        guard bytes.count == 18 else {
            throw CreditKitError(
                .invalidCreditCode,
                "credit code '\(text)' has \(normalised.count) characters; a unified social credit code has 18")
        }
        var values = [Int](repeating: 0, count: 18)
        for (i, b) in bytes.enumerated() {
            let v = Int(UnifiedSocialCreditCode.valueOfByte[Int(b)])
            guard v >= 0 else {
                let ch = Character(Unicode.Scalar(b))
                throw CreditKitError(
                    .invalidCreditCode,
                    "credit code '\(text)' has '\(ch)' at position \(i + 1); allowed are 0-9 and A-Y without I, O, S, V, Z"
                )
            }
            values[i] = v
        }
        for i in 2..<8 where values[i] > 9 {
            throw CreditKitError(
                .invalidCreditCode,
                "credit code '\(text)' has '\(Character(Unicode.Scalar(bytes[i])))' at position \(i + 1); positions 3-8 are a region code of digits"
            )
        }
        let expected = UnifiedSocialCreditCode.checkCharacter(values: values[0..<17])
        let found = Character(Unicode.Scalar(bytes[17]))
        guard expected == found else {
            throw CreditKitError(
                .invalidCreditCode,
                "credit code '\(text)' ends in check character '\(found)'; the first 17 characters require '\(expected)'",
                context: ["expected": String(expected), "found": String(found)])
        }
        self.rawValue = normalised
    }

    /// Whether a text has the form of a code, valid or not: 18 ASCII letters and digits once trimmed. That is what
    /// a mistyped code looks like (a wrong check character, an O for a 0), as against another kind of identifier.
    /// - Parameter text: The text.
    /// - Returns: `true` for 18 ASCII letters and digits.
    public static func hasCodeForm(_ text: String) -> Bool {
        let bytes = Array(text.trimmingCharactersInSpaces().utf8)
        return bytes.count == 18 && bytes.allSatisfy { (48...57).contains($0) || (65...90).contains($0 & 0xDF) }
    }

    /// Assembles a valid code from its parts, computing both check characters: the organisation code's
    /// (GB 11714, position 17) and the code's own (position 18).
    /// - Parameters:
    ///   - registrationAuthority: Position 1, for example `1` (机构编制) or `9` (市场监管).
    ///   - category: Position 2, for example `1` (机关 or 企业).
    ///   - region: Positions 3–8.
    ///   - organizationNumber: The organisation code's first eight characters, as a number below 100,000,000.
    /// - Throws: ``CreditKitError/Code/invalidCreditCode`` when a part is outside the code set or out of range.
    public init(
        registrationAuthority: Character, category: Character, region: RegionCode, organizationNumber: Int
    ) throws {
        guard (0..<100_000_000).contains(organizationNumber) else {
            throw CreditKitError(.invalidCreditCode, "organisation number \(organizationNumber) is not 0-99,999,999")
        }
        var digits = String(organizationNumber)
        digits = String(repeating: "0", count: 8 - digits.count) + digits
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits.utf8, weights).reduce(0) { $0 + Int($1.0 - 48) * $1.1 }
        let c = 11 - sum % 11
        let organizationCheck = c == 10 ? "X" : c == 11 ? "0" : String(c)
        let body = "\(registrationAuthority)\(category)\(region)\(digits)\(organizationCheck)"
        guard let check = UnifiedSocialCreditCode.checkCharacter(for: body) else {
            throw CreditKitError(.invalidCreditCode, "'\(body)' has a character outside the code set")
        }
        try self.init(body + String(check))
    }

    /// The check character for the first 17 characters of a code.
    /// - Parameter body: 17 characters of the code set.
    /// - Returns: The 18th character, or `nil` when `body` is not 17 characters of the code set.
    public static func checkCharacter(for body: String) -> Character? {
        let bytes = Array(body.utf8)
        guard bytes.count == 17 else { return nil }
        var values: [Int] = []
        for b in bytes {
            let v = Int(valueOfByte[Int(b)])
            guard v >= 0 else { return nil }
            values.append(v)
        }
        return checkCharacter(values: values[...])
    }

    static func checkCharacter(values: ArraySlice<Int>) -> Character {
        var sum = 0
        for (i, v) in values.enumerated() { sum += v * weights[i] }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Position 1: the registration authority (for example `1` 机构编制, `5` 民政, `9` 市场监管).
    public var registrationAuthority: Character { rawValue.first! }
    /// Position 2: the organisation category within the authority (for example `1` 机关 under authority `1`).
    public var category: Character { rawValue[rawValue.index(rawValue.startIndex, offsetBy: 1)] }
    /// Positions 3–8: the region code of the registering authority.
    public var regionCode: String { String(rawValue.dropFirst(2).prefix(6)) }
    /// Whether the code was issued by the establishment authority to a government body (机关, prefix `11`).
    public var isGovernmentBody: Bool { rawValue.hasPrefix("11") }

    /// The code's 18 characters.
    public var description: String { rawValue }

    /// Orders codes by their text.
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

    /// Encodes the 18 characters.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    /// Whether the string is empty or only white space; fast for the usual ASCII text.
    var isBlank: Bool {
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case 0..<0x80: return false
            default: if !scalar.properties.isWhitespace { return false }
            }
        }
        return true
    }

    func trimmingCharactersInSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
