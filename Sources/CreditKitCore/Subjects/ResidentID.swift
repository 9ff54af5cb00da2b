/// A resident identity card number (公民身份号码, GB 11643-1999): 6 digits of address code, 8 of birth date,
/// 3 of sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (`0`–`9` or `X`).
///
/// This is personal information (个人信息保护法 arts. 28, 47). A `ResidentID` deliberately does **not** conform to
/// `Codable` or print itself in clear: its only text rendering is masked (first 6 and last 4 characters), so it
/// cannot slip into the ledger, a log or a report by accident. The ledger holds a ``PersonToken`` instead, and the
/// number itself is kept encrypted in the ``PersonalDataVault``, from which it can be erased.
public struct ResidentID: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = Array("10X98765432")

    /// The 18 characters in clear. Reach for this only to seal it into the vault or to compute its token.
    public let unmaskedValue: String

    /// Parses and validates a number.
    /// - Parameter text: 18 characters; a lower-case `x` is accepted as the check character.
    /// - Throws: ``CreditKitError/Code/invalidResidentID`` naming the length, a non-digit with its position, an
    ///   impossible birth date, or the expected check character. The message masks the number.
    public init(_ text: String) throws {
        let normalised = text.trimmingCharactersInSpaces().uppercased()
        let bytes = Array(normalised.utf8)
        let masked = ResidentID.mask(normalised)
        guard bytes.count == 18 else {
            throw CreditKitError(
                .invalidResidentID,
                "resident ID '\(masked)' has \(normalised.count) characters; a resident ID number has 18")
        }
        var sum = 0
        for i in 0..<17 {
            let d = Int(bytes[i]) - 48
            guard (0...9).contains(d) else {
                throw CreditKitError(
                    .invalidResidentID,
                    "resident ID '\(masked)' has a non-digit at position \(i + 1); the first 17 characters are digits")
            }
            sum += d * ResidentID.weights[i]
        }
        let last = bytes[17]
        guard (48...57).contains(last) || last == UInt8(ascii: "X") else {
            throw CreditKitError(
                .invalidResidentID,
                "resident ID '\(masked)' ends in a character other than 0-9 or X")
        }
        let birth = bytes[6..<14]
        func number(_ slice: ArraySlice<UInt8>) -> Int { slice.reduce(0) { $0 * 10 + Int($1) - 48 } }
        let year = number(birth.prefix(4))
        let month = number(birth.dropFirst(4).prefix(2))
        let day = number(birth.suffix(2))
        guard year >= 1800, LocalDate(validYear: year, month: month, day: day) != nil else {
            throw CreditKitError(
                .invalidResidentID,
                "resident ID '\(masked)' has birth date part \(String(decoding: birth, as: UTF8.self)), which is not a real date"
            )
        }
        let expected = ResidentID.checkCharacters[sum % 11]
        let found = Character(Unicode.Scalar(last))
        guard expected == found else {
            throw CreditKitError(
                .invalidResidentID,
                "resident ID '\(masked)' ends in check character '\(found)'; its first 17 digits require '\(expected)'",
                context: ["expected": String(expected), "found": String(found)])
        }
        self.unmaskedValue = normalised
    }

    /// Assembles a valid number from its parts, computing the check character.
    /// - Parameters:
    ///   - region: The six-digit address code.
    ///   - birthDate: The birth date.
    ///   - sequence: The order code, 0 to 999 (odd for men, even for women).
    /// - Throws: ``CreditKitError/Code/invalidResidentID`` when a part is out of range.
    public init(region: RegionCode, birthDate: LocalDate, sequence: Int) throws {
        guard (0..<1000).contains(sequence), (1800...9999).contains(birthDate.year) else {
            throw CreditKitError(
                .invalidResidentID, "sequence \(sequence) or birth year \(birthDate.year) is out of range")
        }
        let (y, m, d) = birthDate.components
        func pad(_ v: Int, _ width: Int) -> String {
            let text = String(v)
            return String(repeating: "0", count: width - text.count) + text
        }
        let body = region.rawValue + pad(y, 4) + pad(m, 2) + pad(d, 2) + pad(sequence, 3)
        try self.init(body + String(ResidentID.checkCharacter(for: body)!))
    }

    /// The check character for the first 17 digits of a number.
    /// - Parameter body: 17 digits.
    /// - Returns: `0`–`9` or `X`, or `nil` when `body` is not 17 digits.
    public static func checkCharacter(for body: String) -> Character? {
        let bytes = Array(body.utf8)
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (i, b) in bytes.enumerated() {
            let d = Int(b) - 48
            guard (0...9).contains(d) else { return nil }
            sum += d * weights[i]
        }
        return checkCharacters[sum % 11]
    }

    /// The birth date the number encodes (positions 7–14).
    public var birthDate: LocalDate {
        let digits = Array(unmaskedValue.utf8)[6..<14]
        let text =
            Array(digits.prefix(4)) + [UInt8(ascii: "-")] + Array(digits.dropFirst(4).prefix(2))
            + [UInt8(ascii: "-")] + Array(digits.suffix(2))
        return LocalDate.parse(text[...])!
    }

    /// The six-digit address code of the place of first registration.
    public var addressCode: String { String(unmaskedValue.prefix(6)) }

    /// The masked rendering: the first 6 and last 4 characters, the 8 between as `*`.
    public var masked: String { ResidentID.mask(unmaskedValue) }

    /// The masked rendering; a resident ID never prints in clear.
    public var description: String { masked }
    /// The masked rendering; a resident ID never prints in clear.
    public var debugDescription: String { "ResidentID(\(masked))" }

    static func mask(_ text: String) -> String {
        guard text.count > 10 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(6)) + String(repeating: "*", count: text.count - 10) + String(text.suffix(4))
    }
}
