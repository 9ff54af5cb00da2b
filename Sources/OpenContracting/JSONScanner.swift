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

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    @inline(__always)
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

    /// The raw bytes of a string without its quotes, escapes left as they are. Strict (RFC 8259): a raw control
    /// character (below U+0020) or an escape JSON does not define is a failure.
    mutating func rawString() throws -> UnsafeRawBufferPointer {
        try expect(UInt8(ascii: "\""))
        let start = index
        let count = bytes.count
        guard let base = bytes.baseAddress else { throw fail("unterminated string") }
        // The common case: memchr finds the closing quote, and the bytes before it hold no backslash and no
        // control character (checked sixteen at a time); bytes above ASCII must then be well-formed UTF-8.
        if let found = memchr(base + index, 0x22, count - index) {
            let quote = base.distance(to: UnsafeRawPointer(found))
            let kind = Self.scan(base + start, quote - start, readable: count - start)
            if kind & Self.escapesOrControls == 0 {
                if kind & Self.nonASCII != 0, !Self.isUTF8(base + start, quote - start) {
                    throw fail("a string that is not UTF-8")
                }
                index = quote + 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<quote])
            }
        }
        // Escapes (or a fault): byte by byte.
        while index < count {
            let b = bytes[index]
            if b == 0x22 {
                guard Self.isUTF8(base + start, index - start) else { throw fail("a string that is not UTF-8") }
                index += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            if b == 0x5C {
                guard index + 1 < count else { break }
                switch bytes[index + 1] {
                case 0x22, 0x5C, 0x2F, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
                    UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= count,
                        (2..<6).allSatisfy({ Self.isHexDigit(bytes[index + $0]) })
                    else { throw fail("bad \\u escape") }
                    index += 6
                default: throw fail("bad escape")
                }
                continue
            }
            if b < 0x20 { throw fail("raw control character in a string") }
            index += 1
        }
        index = count
        throw fail("unterminated string")
    }

    /// ``scan(_:_:readable:)`` found a backslash or a control character.
    static let escapesOrControls: UInt8 = 1
    /// ``scan(_:_:readable:)`` found a byte above ASCII.
    static let nonASCII: UInt8 = 2

    /// What `count` bytes hold: ``escapesOrControls`` and ``nonASCII`` as bits. `readable` bytes may be read from
    /// `start` (at least `count`): a short tail is checked with one masked load when sixteen bytes are readable.
    @inline(__always)
    static func scan(_ start: UnsafeRawPointer, _ count: Int, readable: Int) -> UInt8 {
        var i = 0
        var high = false
        let backslash = SIMD16<UInt8>(repeating: 0x5C)
        let space = SIMD16<UInt8>(repeating: 0x20)
        let ascii = SIMD16<UInt8>(repeating: 0x7F)
        while i + 16 <= count {
            let v = (start + i).loadUnaligned(as: SIMD16<UInt8>.self)
            if hits((v .== backslash) .| (v .< space)) { return escapesOrControls }
            high = high || hits(v .> ascii)
            i += 16
        }
        guard i < count else { return high ? nonASCII : 0 }
        if i + 16 <= readable {
            let v = (start + i).loadUnaligned(as: SIMD16<UInt8>.self)
            let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
            let inside = lanes .< SIMD16<UInt8>(repeating: UInt8(count - i))
            if hits(inside .& ((v .== backslash) .| (v .< space))) { return escapesOrControls }
            return high || hits(inside .& (v .> ascii)) ? nonASCII : 0
        }
        while i < count {
            let b = start.load(fromByteOffset: i, as: UInt8.self)
            if b == 0x5C || b < 0x20 { return escapesOrControls }
            high = high || b > 0x7F
            i += 1
        }
        return high ? nonASCII : 0
    }

    /// Whether `count` bytes are well-formed UTF-8 (RFC 3629, the Unicode standard's table 3-7: shortest forms
    /// only, no surrogates, nothing above U+10FFFF). ASCII runs are passed sixteen bytes at a time.
    static func isUTF8(_ start: UnsafeRawPointer, _ count: Int) -> Bool {
        let ascii = SIMD16<UInt8>(repeating: 0x7F)
        var i = 0
        @inline(__always) func byte(_ k: Int) -> UInt8 { start.load(fromByteOffset: k, as: UInt8.self) }
        @inline(__always) func continues(_ k: Int) -> Bool { byte(k) & 0xC0 == 0x80 }
        while i < count {
            let b = byte(i)
            switch b {
            case 0x00...0x7F:
                i += 1
                // Two ASCII bytes in a row: an ASCII stretch, passed sixteen bytes at a time.
                if i < count, byte(i) < 0x80 {
                    while i + 16 <= count, !hits((start + i).loadUnaligned(as: SIMD16<UInt8>.self) .> ascii) {
                        i += 16
                    }
                }
            case 0xC2...0xDF:
                guard i + 1 < count, continues(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < count, continues(i + 2) else { return false }
                let c = byte(i + 1)
                let low: UInt8 = b == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = b == 0xED ? 0x9F : 0xBF
                guard (low...high).contains(c) else { return false }
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < count, continues(i + 2), continues(i + 3) else { return false }
                let c = byte(i + 1)
                let low: UInt8 = b == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = b == 0xF4 ? 0x8F : 0xBF
                guard (low...high).contains(c) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// Whether any lane of a mask is set: its sixteen bytes read as two words, which the standard library's
    /// generic `any` does lane by lane.
    @inline(__always)
    static func hits(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    static func isHexDigit(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
    }

    /// Skips a number, strictly: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (no leading zeros, no
    /// NaN or infinity, no bare dot).
    mutating func skipNumber() throws {
        let count = bytes.count
        func digits() -> Int {
            let from = index
            while index < count, (48...57).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if index < count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, (48...57).contains(bytes[index]) else { throw fail("not a JSON number") }
        if bytes[index] == 48 {
            index += 1
            if index < count, (48...57).contains(bytes[index]) { throw fail("a number with a leading zero") }
        } else {
            _ = digits()
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail("no digit after a decimal point") }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail("no digit in an exponent") }
        }
    }

    /// Skips `true`, `false` or `null`.
    mutating func skipLiteral() throws {
        for word: StaticString in ["true", "false", "null"] {
            let n = word.utf8CodeUnitCount
            if index + n <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, n) == 0 {
                index += n
                return
            }
        }
        let end = min(bytes.count, index + 20)
        let word = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        throw fail("'\(word)' is not a JSON value")
    }

    /// Throws unless only white space is left.
    mutating func expectEnd() throws {
        guard peek() == nil else { throw fail("more after the JSON value") }
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
                        radix: 16),
                    (0xDC00..<0xE000).contains(low)
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
            try skipNumber()
            return (
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), false, true
            )
        default:
            try skipValue()
            return (nil, false, false)
        }
    }

    /// Skips any value, nested objects and arrays included, checking it is strict JSON. Nesting is followed with a
    /// stack of its own, not recursion, so a deeply nested value cannot exhaust the thread's stack.
    mutating func skipValue() throws {
        // What is open, innermost last: a bit per level (1 for an object) while 64 levels suffice, then a list.
        var bits: UInt64 = 0
        var depth = 0
        var deeper: [Bool] = []
        func push(_ isObject: Bool) {
            if depth < 64 {
                bits = (bits << 1) | (isObject ? 1 : 0)
            } else {
                deeper.append(isObject)
            }
            depth += 1
        }
        func topIsObject() -> Bool { depth > 64 ? deeper.last! : bits & 1 == 1 }
        func pop() {
            depth -= 1
            if depth >= 64 { deeper.removeLast() } else { bits >>= 1 }
        }
        while true {
            // A value.
            guard let b = peek() else { throw fail("expected a value") }
            switch b {
            case UInt8(ascii: "{"):
                index += 1
                if peek() == UInt8(ascii: "}") {
                    index += 1
                } else {
                    push(true)
                    try key()
                    continue
                }
            case UInt8(ascii: "["):
                index += 1
                if peek() == UInt8(ascii: "]") {
                    index += 1
                } else {
                    push(false)
                    continue
                }
            case UInt8(ascii: "\""): _ = try rawString()
            case UInt8(ascii: "-"), 48...57: try skipNumber()
            default: try skipLiteral()
            }
            // After a value: close what ends here, then go on to the next element, or return at the top.
            closing: while depth > 0 {
                let isObject = topIsObject()
                switch peek() {
                case UInt8(ascii: ","):
                    index += 1
                    if isObject { try key() }
                    break closing
                case UInt8(ascii: "}") where isObject, UInt8(ascii: "]") where !isObject:
                    index += 1
                    pop()
                default: throw fail(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
                }
            }
            if depth == 0 { return }
        }
    }

    /// A key and its colon, inside an object.
    private mutating func key() throws {
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a key") }
        _ = try rawString()
        try expect(UInt8(ascii: ":"))
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes spell a key.
    func equals(_ key: StaticString) -> Bool {
        key.utf8CodeUnitCount == count && (count == 0 || memcmp(baseAddress!, key.utf8Start, count) == 0)
    }
}
