import Foundation

/// Writes canonical JSON directly (规范编码写入器): the fast path for hot event types.
///
/// A type that conforms to ``CanonicalEncodable`` writes itself here instead of going through `Encodable`; it must
/// produce exactly the bytes its `Encodable` conformance would (same keys, same order, absent optionals left
/// out), which the core's tests check for its own types.
public struct CanonicalWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    /// Makes an empty writer.
    public init() { bytes.reserveCapacity(512) }

    /// Opens an object: `{`.
    public mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    /// Closes the innermost object: `}`.
    public mutating func closeObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }

    /// Opens an array: `[`.
    public mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    /// Closes the innermost array: `]`.
    public mutating func closeArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma.removeLast()
    }

    /// Starts an array element (writes the separating comma when needed).
    public mutating func element() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// Starts an object member: the comma when needed, the key and the colon.
    /// - Parameter name: The key; plain ASCII needing no escapes, as Swift property names are.
    public mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts an object member whose key is any text.
    /// - Parameter name: The key.
    public mutating func key(string name: String) {
        element()
        CanonicalWriter.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes a string with the minimal escapes.
    /// - Parameter string: The string.
    public mutating func string(_ string: String) {
        CanonicalWriter.appendString(string, to: &bytes)
    }

    /// Writes a whole number.
    /// - Parameter value: The number.
    public mutating func integer(_ value: some BinaryInteger) {
        CanonicalWriter.appendInteger(Int64(value), to: &bytes)
    }

    /// Writes `true` or `false`.
    /// - Parameter value: The value.
    public mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? [116, 114, 117, 101] : [102, 97, 108, 115, 101])
    }

    /// Writes a decimal as a plain JSON number.
    /// - Parameter value: A finite decimal.
    public mutating func decimal(_ value: Decimal) {
        DecimalText.append(value, to: &bytes)
    }

    /// Writes a binary floating-point number with the fewest digits that read back as it (`1.0`, `0.2`), or `null`
    /// when it is not finite, as JSON has no such number. Not for the ledger, whose amounts are decimals: for
    /// reports that print measures, such as red-flag values.
    /// - Parameter value: The number.
    public mutating func double(_ value: Double) {
        bytes.append(contentsOf: value.isFinite ? Array(value.description.utf8) : [110, 117, 108, 108])
    }

    /// Writes a date as `"YYYY-MM-DD"`.
    /// - Parameter date: The date.
    public mutating func date(_ date: LocalDate) {
        bytes.append(UInt8(ascii: "\""))
        date.appendText(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var plain = true
        for b in string.utf8 where b < 0x20 || b == 34 || b == 92 {
            plain = false
            break
        }
        if plain {
            bytes.append(contentsOf: string.utf8)
        } else {
            for b in string.utf8 {
                switch b {
                case 34: bytes.append(contentsOf: [92, 34])
                case 92: bytes.append(contentsOf: [92, 92])
                case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = HexCoding.digits
                    bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: bytes.append(b)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The first character in a payload's text that no field may hold, or `nil`: a control character (a terminal
    /// would run an escape sequence written in a name), DEL, a C1 control, or a bidirectional override (which shows
    /// text in another order than it is stored). Line breaks and tabs, written escaped, are let through.
    /// - Parameter payload: Canonical bytes.
    /// - Returns: The character's code point, for the message.
    static func forbiddenText(in payload: [UInt8]) -> UInt32? {
        var i = 0
        let n = payload.count
        while i < n {
            let b = payload[i]
            switch b {
            case 92 where i + 1 < n:
                // An escape: \u00XX is the writer's form of a control character; any other is two bytes.
                if payload[i + 1] == UInt8(ascii: "u"), i + 5 < n {
                    let hex = String(decoding: payload[(i + 2)...(i + 5)], as: UTF8.self)
                    return UInt32(hex, radix: 16) ?? 0
                }
                i += 2
                continue
            case 0x7F:
                return 0x7F
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(payload[i + 1]):
                return 0x80 + UInt32(payload[i + 1] - 0x80)
            case 0xE2 where i + 2 < n:
                let (b1, b2) = (payload[i + 1], payload[i + 2])
                // U+2000 + (b2 − 0x80) for E2 80 xx, U+2040 + (b2 − 0x80) for E2 81 xx.
                if b1 == 0x80, (0xAA...0xAE).contains(b2) { return 0x2000 + UInt32(b2 - 0x80) }
                if b1 == 0x81, (0xA6...0xA9).contains(b2) { return 0x2040 + UInt32(b2 - 0x80) }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(48 + value))
            return
        }
        bytes.append(contentsOf: String(value).utf8)
    }
}

/// A type that writes its canonical bytes itself, faster than through `Encodable`, and identically.
public protocol CanonicalEncodable: Encodable {
    /// Writes the value, exactly as its `Encodable` conformance would encode it canonically.
    /// - Parameter writer: The writer.
    func writeCanonical(to writer: inout CanonicalWriter)
}

extension LocalDate {
    /// Appends `YYYY-MM-DD` without allocating a string.
    func appendText(to bytes: inout [UInt8]) {
        let (y, m, d) = components
        bytes.append(UInt8(48 + y / 1000 % 10))
        bytes.append(UInt8(48 + y / 100 % 10))
        bytes.append(UInt8(48 + y / 10 % 10))
        bytes.append(UInt8(48 + y % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(48 + m / 10))
        bytes.append(UInt8(48 + m % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(48 + d / 10))
        bytes.append(UInt8(48 + d % 10))
    }
}
