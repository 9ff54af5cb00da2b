import Foundation

/// A forward-only JSON scanner over bytes (JSON 扫描器): reads only what the OCDS checks use and skips the rest
/// without building it. Errors carry the byte offset.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    var index: Int
    /// Values of the wrong shape skipped by ``arrayOrSkip(_:)`` and ``objectOrSkip(_:)``.
    var shapeSkips = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.index = 0
    }

    struct Failure: Error {
        var message: String
        var offset: Int
    }

    func fail(_ message: String) -> Failure { Failure(message: message, offset: index) }

    var atEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// Calls `body` for each key of an object, positioned at the value; `body` must consume the value.
    mutating func object(_ body: (inout JSONScanner, UnsafeRawBufferPointer) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try rawString()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    /// Calls `body` for each element of an array, positioned at it; `body` must consume it.
    mutating func array(_ body: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try body(&self)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    /// Like ``array(_:)`` when the value is an array; otherwise skips it and counts it in ``shapeSkips``.
    mutating func arrayOrSkip(_ body: (inout JSONScanner) throws -> Void) throws {
        guard peek() == UInt8(ascii: "[") else {
            shapeSkips += 1
            return try skipValue()
        }
        try array(body)
    }

    /// Like ``object(_:)`` when the value is an object; otherwise skips it and counts it in ``shapeSkips``.
    mutating func objectOrSkip(_ body: (inout JSONScanner, UnsafeRawBufferPointer) throws -> Void) throws {
        guard peek() == UInt8(ascii: "{") else {
            shapeSkips += 1
            return try skipValue()
        }
        try object(body)
    }

    /// The raw bytes of a string without its quotes, escapes left as they are.
    mutating func rawString() throws -> UnsafeRawBufferPointer {
        try expect(UInt8(ascii: "\""))
        let start = index
        guard let base = bytes.baseAddress else { throw fail("unterminated string") }
        // memchr finds the next quote; it ends the string unless an odd run of backslashes escapes it.
        while index < bytes.count, let found = memchr(base + index, 0x22, bytes.count - index) {
            let quote = base.distance(to: UnsafeRawPointer(found))
            var slashes = 0
            while quote - slashes - 1 >= start, bytes[quote - slashes - 1] == UInt8(ascii: "\\") { slashes += 1 }
            index = quote + 1
            if slashes % 2 == 0 { return UnsafeRawBufferPointer(rebasing: bytes[start..<quote]) }
        }
        index = bytes.count
        throw fail("unterminated string")
    }

    /// A string value, escapes decoded.
    mutating func string() throws -> String {
        let raw = try rawString()
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            guard b == UInt8(ascii: "\\"), i + 1 < raw.count else {
                out.append(b)
                i += 1
                continue
            }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard i + 4 <= raw.count,
                    var code = UInt32(
                        String(decoding: UnsafeRawBufferPointer(rebasing: raw[i..<(i + 4)]), as: UTF8.self), radix: 16)
                else { throw fail("bad \\u escape") }
                i += 4
                if (0xD800..<0xDC00).contains(code), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"),
                    raw[i + 1] == UInt8(ascii: "u"),
                    let low = UInt32(
                        String(decoding: UnsafeRawBufferPointer(rebasing: raw[(i + 2)..<(i + 6)]), as: UTF8.self),
                        radix: 16)
                {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A scalar's text: a string's content or a number's digits; `nil` for `null`. Other values are skipped and
    /// reported as not scalar.
    mutating func scalarText() throws -> (text: String?, wasString: Bool, isScalar: Bool) {
        switch peek() {
        case UInt8(ascii: "\"")?: return (try string(), true, true)
        case UInt8(ascii: "n")?:
            try skipValue()
            return (nil, false, true)
        case let b? where b == UInt8(ascii: "-") || (48...57).contains(b):
            let start = index
            while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            return (
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), false, true
            )
        default:
            try skipValue()
            return (nil, false, false)
        }
    }

    /// Skips any value, nested objects and arrays included.
    mutating func skipValue() throws {
        guard let b = peek() else { throw fail("expected a value") }
        switch b {
        case UInt8(ascii: "\""): _ = try rawString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                let c = bytes[index]
                switch c {
                case UInt8(ascii: "\""):
                    _ = try rawString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return
                    }
                default: break
                }
                index += 1
            }
            throw fail("unterminated object or array")
        default:
            let start = index
            while index < bytes.count, !",}] \t\r\n".utf8.contains(bytes[index]) { index += 1 }
            let word = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard word == "true" || word == "false" || word == "null" || Double(word) != nil else {
                throw fail("'\(word.prefix(20))' is not a JSON value")
            }
        }
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes spell a key.
    func equals(_ key: StaticString) -> Bool {
        key.utf8CodeUnitCount == count && (count == 0 || memcmp(baseAddress!, key.utf8Start, count) == 0)
    }
}
