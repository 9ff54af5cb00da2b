import Foundation

/// Encodes `Encodable` values into the ledger's canonical bytes (规范编码): compact JSON with object keys in the order
/// the type encodes them (declaration order for synthesised conformances), no whitespace, absent optionals left out,
/// dates as `YYYY-MM-DD` strings (``LocalDate``), decimals as plain JSON numbers (`1234.5`, never `1.2345E3`),
/// strings escaped minimally, other Unicode as UTF-8.
///
/// It refuses what has no canonical form: `Double`, `Float`, Foundation `Date`, sets and dictionaries (their order
/// is not fixed). The same value therefore gives the same bytes, and the same hash, on every machine.
public struct CanonicalEncoder: Sendable {
    /// Makes an encoder.
    public init() {}

    /// Encodes a value.
    /// - Parameter value: The value.
    /// - Returns: Its canonical bytes.
    /// - Throws: ``CreditKitError/Code/encoding`` naming the path of a value that has no canonical form.
    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = CanonicalSink()
        sink.bytes.reserveCapacity(256)
        try sink.encodeValue(value, depth: 0, path: [])
        sink.closeAll()
        if let error = sink.error { throw error }
        return sink.bytes
    }
}

/// The shared output and the stack of open containers. A container at depth `d` owns `closers[d]`; writing into it
/// first closes every deeper container left open by a nested value.
final class CanonicalSink {
    var bytes: [UInt8] = []
    var closers: [UInt8] = []
    var needsComma: [Bool] = []
    var error: CreditKitError?

    func fail(_ message: String, _ path: [any CodingKey]) {
        if error == nil {
            let where_ = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            error = CreditKitError(.encoding, message, context: ["path": where_])
        }
    }

    func closeTo(depth: Int) {
        while closers.count > depth {
            bytes.append(closers.removeLast())
            needsComma.removeLast()
        }
    }

    func closeAll() { closeTo(depth: 0) }

    func open(_ opener: UInt8, _ closer: UInt8, depth: Int) -> Bool {
        closeTo(depth: depth + 1)
        if closers.count == depth {
            bytes.append(opener)
            closers.append(closer)
            needsComma.append(false)
            return true
        }
        return false
    }

    /// Starts an element of the container at `depth` (opened as `depth - 1` in the stack).
    func beginElement(containerDepth: Int) {
        closeTo(depth: containerDepth + 1)
        if needsComma[containerDepth] { bytes.append(UInt8(ascii: ",")) }
        needsComma[containerDepth] = true
    }

    func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in string.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = HexCoding.digits
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    func writeInteger<T: BinaryInteger>(_ value: T) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Encodes any value at a depth: primitives directly, everything else through its `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T, depth: Int, path: [any CodingKey]) throws {
        switch value {
        case let v as String: writeString(v)
        case let v as Bool: bytes.append(contentsOf: (v ? "true" : "false").utf8)
        case let v as Int: writeInteger(v)
        case let v as Int64: writeInteger(v)
        case let v as Int32: writeInteger(v)
        case let v as UInt8: writeInteger(v)
        case let v as Decimal:
            guard v.isFinite else { return fail("a decimal that is not a number has no canonical form", path) }
            bytes.append(contentsOf: v.description.utf8)
        case is Double, is Float:
            fail("floating-point values have no canonical form; use Decimal for amounts", path)
        case is Date:
            fail("Foundation Date has no canonical form here; use LocalDate or Timestamp", path)
        case is any UnorderedCollection:
            fail("sets and dictionaries have no fixed order; use a sorted array or a struct", path)
        default:
            let start = bytes.count
            let encoder = CanonicalValueEncoder(sink: self, depth: depth, codingPath: path)
            try value.encode(to: encoder)
            if bytes.count == start { bytes.append(contentsOf: "null".utf8) }
        }
    }
}

struct CanonicalValueEncoder: Encoder {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        _ = sink.open(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)
        return KeyedEncodingContainer(CanonicalKeyedContainer<Key>(sink: sink, depth: depth, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = sink.open(UInt8(ascii: "["), UInt8(ascii: "]"), depth: depth)
        return CanonicalUnkeyedContainer(sink: sink, depth: depth, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalSingleContainer(sink: sink, depth: depth, codingPath: codingPath)
    }
}

struct CanonicalKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey]

    private func key(_ key: Key) {
        sink.beginElement(containerDepth: depth)
        sink.writeString(key.stringValue)
        sink.bytes.append(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        sink.bytes.append(contentsOf: "null".utf8)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try sink.encodeValue(value, depth: depth + 1, path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1, codingPath: codingPath + [key])
            .container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.fail("superEncoder has no canonical form", codingPath)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1, codingPath: codingPath + [key])
    }
}

struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey]
    var count = 0

    init(sink: CanonicalSink, depth: Int, codingPath: [any CodingKey]) {
        self.sink = sink
        self.depth = depth
        self.codingPath = codingPath
    }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { String(intValue!) }
        init(_ i: Int) { intValue = i }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    mutating func encodeNil() throws {
        sink.beginElement(containerDepth: depth)
        sink.bytes.append(contentsOf: "null".utf8)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.beginElement(containerDepth: depth)
        try sink.encodeValue(value, depth: depth + 1, path: codingPath + [Index(count)])
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        sink.beginElement(containerDepth: depth)
        count += 1
        return CanonicalValueEncoder(sink: sink, depth: depth + 1, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.beginElement(containerDepth: depth)
        count += 1
        return CanonicalValueEncoder(sink: sink, depth: depth + 1, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginElement(containerDepth: depth)
        count += 1
        return CanonicalValueEncoder(sink: sink, depth: depth + 1, codingPath: codingPath)
    }
}

struct CanonicalSingleContainer: SingleValueEncodingContainer {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { sink.bytes.append(contentsOf: "null".utf8) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.encodeValue(value, depth: depth, path: codingPath)
    }
}

/// Collections whose iteration order is not fixed, refused by the canonical encoding.
protocol UnorderedCollection {}
extension Set: UnorderedCollection {}
extension Dictionary: UnorderedCollection {}
