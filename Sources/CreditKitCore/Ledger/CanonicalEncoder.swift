import Foundation

/// Encodes `Encodable` values into the ledger's canonical bytes (规范编码): compact JSON with object keys in the order
/// the type encodes them (declaration order for synthesised conformances), no whitespace, absent optionals left out,
/// dates as `YYYY-MM-DD` strings (``LocalDate``), decimals as plain JSON numbers (`1234.5`, never `1.2345E3`),
/// strings escaped minimally, other Unicode as UTF-8.
///
/// It refuses what has no canonical form: `Double`, `Float`, Foundation `Date`, sets and dictionaries (their order
/// is not fixed). The same value therefore gives the same bytes, and the same hash, on every machine. Types that
/// conform to ``CanonicalEncodable`` write themselves through the faster ``CanonicalWriter``.
public struct CanonicalEncoder: Sendable {
    /// Whether ``CanonicalEncodable`` types write themselves; off only in tests that compare the two paths.
    let usesFastPaths: Bool

    /// Makes an encoder.
    public init() { usesFastPaths = true }

    /// Makes an encoder that can leave out the hand-written fast paths, so a test can compare the two (a test hook).
    /// - Parameter usesFastPaths: Whether ``CanonicalEncodable`` types write themselves.
    @_spi(Testing) public init(usesFastPaths: Bool) { self.usesFastPaths = usesFastPaths }

    /// Encodes a value.
    /// - Parameter value: The value.
    /// - Returns: Its canonical bytes.
    /// - Throws: ``CreditKitError/Code/encoding`` naming the field of a value that has no canonical form.
    public func encode(_ value: some Encodable) throws -> [UInt8] {
        if usesFastPaths, let fast = value as? any CanonicalEncodable {
            var writer = CanonicalWriter()
            fast.writeCanonical(to: &writer)
            return writer.bytes
        }
        let sink = CanonicalSink(usesFastPaths: usesFastPaths)
        try sink.encodeValue(value, depth: 0, key: nil)
        sink.closeTo(depth: 0)
        if let error = sink.error { throw error }
        return sink.bytes
    }
}

/// The shared output and the stack of open containers. A container at depth `d` owns `closers[d]`; writing into it
/// first closes every deeper container a nested value left open (the `Encoder` protocol never says when a
/// container is finished).
final class CanonicalSink {
    var bytes: [UInt8] = []
    var closers: [UInt8] = []
    var needsComma: [Bool] = []
    var error: CreditKitError?
    let usesFastPaths: Bool

    init(usesFastPaths: Bool) {
        self.usesFastPaths = usesFastPaths
        bytes.reserveCapacity(512)
    }

    func fail(_ message: String, _ key: (any CodingKey)?) {
        if error == nil {
            error = CreditKitError(.encoding, message, context: ["field": key?.stringValue ?? "(top level)"])
        }
    }

    func closeTo(depth: Int) {
        while closers.count > depth {
            bytes.append(closers.removeLast())
            needsComma.removeLast()
        }
    }

    func open(_ opener: UInt8, _ closer: UInt8, depth: Int) {
        closeTo(depth: depth + 1)
        if closers.count == depth {
            bytes.append(opener)
            closers.append(closer)
            needsComma.append(false)
        }
    }

    /// Starts an element of the container at `containerDepth`: closes deeper containers and writes the comma.
    func beginElement(containerDepth: Int) {
        closeTo(depth: containerDepth + 1)
        if needsComma[containerDepth] { bytes.append(UInt8(ascii: ",")) }
        needsComma[containerDepth] = true
    }

    func beginMember(containerDepth: Int, key: String) {
        beginElement(containerDepth: containerDepth)
        CanonicalWriter.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    func writeString(_ string: String) { CanonicalWriter.appendString(string, to: &bytes) }

    func writeInteger(_ value: Int64) { CanonicalWriter.appendInteger(value, to: &bytes) }

    func writeBool(_ value: Bool) {
        bytes.append(contentsOf: value ? [116, 114, 117, 101] : [102, 97, 108, 115, 101])
    }

    /// Encodes any value at a depth: primitives directly, everything else through its own encoding.
    func encodeValue<T: Encodable>(_ value: T, depth: Int, key: (any CodingKey)?) throws {
        switch value {
        case let v as String: writeString(v)
        case let v as any CanonicalEncodable where usesFastPaths:
            var writer = CanonicalWriter()
            v.writeCanonical(to: &writer)
            bytes.append(contentsOf: writer.bytes)
        case let v as Bool: writeBool(v)
        case let v as Int: writeInteger(Int64(v))
        case let v as Int64: writeInteger(v)
        case let v as Int32: writeInteger(Int64(v))
        case let v as UInt8: writeInteger(Int64(v))
        case let v as Decimal:
            guard v.isFinite else { return fail("a decimal that is not a number has no canonical form", key) }
            DecimalText.append(v, to: &bytes)
        case is Double, is Float:
            fail("floating-point values have no canonical form; use Decimal for amounts", key)
        case is Date:
            fail("Foundation Date has no canonical form here; use LocalDate or Timestamp", key)
        case is any UnorderedCollection:
            fail("sets and dictionaries have no fixed order; use a sorted array or a struct", key)
        default:
            let start = bytes.count
            try value.encode(to: CanonicalValueEncoder(sink: self, depth: depth))
            if bytes.count == start { bytes.append(contentsOf: [110, 117, 108, 108]) }
        }
    }
}

/// Collections whose iteration order is not fixed, refused by the canonical encoding.
protocol UnorderedCollection {}
extension Set: UnorderedCollection {}
extension Dictionary: UnorderedCollection {}

// The containers keep no coding path: errors name the field instead, which spares an array per value.

struct CanonicalValueEncoder: Encoder {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.open(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)
        return KeyedEncodingContainer(CanonicalKeyedContainer<Key>(sink: sink, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.open(UInt8(ascii: "["), UInt8(ascii: "]"), depth: depth)
        return CanonicalUnkeyedContainer(sink: sink, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalSingleContainer(sink: sink, depth: depth)
    }
}

struct CanonicalKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func member(_ key: Key) { sink.beginMember(containerDepth: depth, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws {
        member(key)
        sink.bytes.append(contentsOf: [110, 117, 108, 108])
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        member(key)
        sink.writeString(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        member(key)
        sink.writeBool(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        member(key)
        sink.writeInteger(Int64(value))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        member(key)
        sink.writeInteger(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        sink.fail("floating-point values have no canonical form; use Decimal for amounts", key)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        sink.fail("floating-point values have no canonical form; use Decimal for amounts", key)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        member(key)
        try sink.encodeValue(value, depth: depth + 1, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        member(key)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        member(key)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.fail("superEncoder has no canonical form", nil)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        member(key)
        return CanonicalValueEncoder(sink: sink, depth: depth + 1)
    }
}

struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count = 0

    init(sink: CanonicalSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    mutating func encodeNil() throws {
        sink.beginElement(containerDepth: depth)
        sink.bytes.append(contentsOf: [110, 117, 108, 108])
        count += 1
    }

    mutating func encode(_ value: String) throws {
        sink.beginElement(containerDepth: depth)
        sink.writeString(value)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.beginElement(containerDepth: depth)
        try sink.encodeValue(value, depth: depth + 1, key: nil)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        sink.beginElement(containerDepth: depth)
        count += 1
        return CanonicalValueEncoder(sink: sink, depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.beginElement(containerDepth: depth)
        count += 1
        return CanonicalValueEncoder(sink: sink, depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginElement(containerDepth: depth)
        count += 1
        return CanonicalValueEncoder(sink: sink, depth: depth + 1)
    }
}

struct CanonicalSingleContainer: SingleValueEncodingContainer {
    let sink: CanonicalSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.bytes.append(contentsOf: [110, 117, 108, 108]) }

    mutating func encode(_ value: String) throws { sink.writeString(value) }

    mutating func encode(_ value: Bool) throws { sink.writeBool(value) }

    mutating func encode(_ value: Int64) throws { sink.writeInteger(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.encodeValue(value, depth: depth, key: nil)
    }
}
