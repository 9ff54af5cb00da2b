import Foundation

/// Writes a `Decimal` as plain decimal text, as `Decimal.description` does, without going through a `String`.
///
/// Foundation's description is correct but slow for the ledger's hot path, so amounts whose significand fits in
/// 64 bits are formatted here from the value's bytes. The byte layout is checked once against `description` on a
/// set of sample values; if Foundation ever lays `Decimal` out differently, every value takes the slow path.
@_spi(Testing) public enum DecimalText {
    /// Whether `Decimal`'s byte layout is the one the fast path reads (checked once on sample values).
    public static let layoutMatches: Bool = {
        let samples = ["0", "1", "-1", "50000", "1234.5", "-1234.5", "0.000123", "1e20", "12345678901234.56", "-0.5"]
        return samples.allSatisfy { text in
            let value = Decimal(string: text)!
            var out: [UInt8] = []
            guard fastAppend(value, to: &out) else { return false }
            return String(decoding: out, as: UTF8.self) == value.description
        }
    }()

    /// Appends a decimal's plain text.
    /// - Parameters:
    ///   - value: The decimal.
    ///   - bytes: Where the text goes.
    public static func append(_ value: Decimal, to bytes: inout [UInt8]) {
        if layoutMatches, fastAppend(value, to: &bytes) { return }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Formats from the raw layout: byte 0 the exponent, bit 3 of byte 1 the sign, then eight 16-bit words of
    /// significand, least significant first. Returns `false` for what it does not handle.
    private static func fastAppend(_ value: Decimal, to bytes: inout [UInt8]) -> Bool {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        return withUnsafeBytes(of: value) { raw -> Bool in
            let exponent = Int(Int8(bitPattern: raw[0]))
            let negative = raw[1] & 8 != 0
            var words: [UInt64] = []
            for i in 0..<8 { words.append(UInt64(raw.loadUnaligned(fromByteOffset: 4 + 2 * i, as: UInt16.self))) }
            guard words[4...].allSatisfy({ $0 == 0 }) else { return false }
            let significand = words[0] | words[1] << 16 | words[2] << 32 | words[3] << 48
            if significand == 0 {
                guard !negative else { return false }  // NaN
                bytes.append(UInt8(ascii: "0"))
                return true
            }
            guard exponent > -40, exponent < 40 else { return false }
            var digits = Array(String(significand).utf8)
            var exp = exponent
            while exp < 0, digits.count > 1, digits[digits.count - 1] == UInt8(ascii: "0") {
                digits.removeLast()
                exp += 1
            }
            if negative { bytes.append(UInt8(ascii: "-")) }
            if exp >= 0 {
                bytes.append(contentsOf: digits)
                bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exp))
            } else {
                let point = digits.count + exp
                if point <= 0 {
                    bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point))
                    bytes.append(contentsOf: digits)
                } else {
                    bytes.append(contentsOf: digits[..<point])
                    bytes.append(UInt8(ascii: "."))
                    bytes.append(contentsOf: digits[point...])
                }
            }
            return true
        }
    }
}

extension Decimal {
    /// The value rounded to two decimals, half away from zero (to the fen for yuan, to the hundredth of a percent).
    var roundedToTwoPlaces: Decimal {
        var input = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        return rounded
    }

    /// Whether the amount is a whole number of fen (分): two decimals at most.
    public var isWholeFen: Bool {
        var input = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        return rounded == self
    }
}
