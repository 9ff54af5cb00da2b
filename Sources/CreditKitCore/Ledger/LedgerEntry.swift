/// One entry of the ledger (账本条目): an event with its place in the hash chain.
///
/// The hash is SHA-256 over the entry's canonical bytes: the tag `CKL1`, the sequence number (8 bytes, big
/// endian), the recorded time (8 bytes, microseconds), the effective date (4 bytes, days since 1970-01-01), the
/// kind (2-byte length and UTF-8), the version (2 bytes), the subjects (4-byte count, each a 2-byte length and
/// UTF-8), the payload (4-byte length and bytes) and the previous entry's hash (32 bytes). An entry that names who
/// appended it (every entry written since principals were introduced) has the tag `CKL2` and, after the payload, the
/// principal's canonical text (2-byte length and UTF-8): who appended an entry cannot be changed without breaking the
/// chain.
public struct LedgerEntry: Hashable, Sendable, Identifiable {
    /// An entry's identifier (条目标识): its sequence number, typed so that evidence, decisions and lookups cannot be
    /// handed a count, a position in a range or another kind's number by mistake.
    public typealias ID = Tagged<LedgerEntry, Int64>

    /// The position in the chain, from 1. Ranges and heads count in positions; references use ``id``.
    public let sequence: Int64
    /// When the ledger learned the fact.
    public let recordedAt: Timestamp
    /// When the fact holds in the world.
    public let effectiveDate: LocalDate
    /// The event's kind.
    public let kind: EventKind
    /// The event's payload version.
    public let version: Int
    /// The subjects the event concerns.
    public let subjects: [SubjectID]
    /// The event's canonical bytes.
    public let payload: [UInt8]
    /// The previous entry's hash (zero for the first entry).
    public let previousHash: Digest
    /// This entry's hash.
    public let hash: Digest
    /// Who appended it (操作主体), or `nil` for an entry written before principals were recorded.
    public let appendedBy: Principal?

    /// The entry's identifier, which evidence lists and references hold.
    public var id: ID { ID(sequence) }

    /// Makes an entry from stored parts, keeping the stored hash as it is (``Ledger/verify()`` checks it).
    /// - Parameters:
    ///   - sequence: The position in the chain.
    ///   - recordedAt: When the ledger learned the fact.
    ///   - effectiveDate: When the fact holds.
    ///   - kind: The event's kind.
    ///   - version: The payload version.
    ///   - subjects: The subjects.
    ///   - payload: The canonical bytes.
    ///   - previousHash: The previous entry's hash.
    ///   - hash: The stored hash.
    ///   - appendedBy: Who appended it, when the entry says.
    public init(
        sequence: Int64, recordedAt: Timestamp, effectiveDate: LocalDate, kind: EventKind, version: Int,
        subjects: [SubjectID], payload: [UInt8], previousHash: Digest, hash: Digest, appendedBy: Principal? = nil
    ) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.effectiveDate = effectiveDate
        self.kind = kind
        self.version = version
        self.subjects = subjects
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
        self.appendedBy = appendedBy
    }
}

/// The head of a hash chain (链头): how many entries there are and the last one's hash.
public struct ChainHead: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The last sequence number, which is also the number of entries (0 when empty).
    public var sequence: Int64
    /// The last entry's hash (zero when empty).
    public var hash: Digest

    /// Makes a head.
    /// - Parameters:
    ///   - sequence: The last sequence number.
    ///   - hash: The last entry's hash.
    public init(sequence: Int64, hash: Digest) {
        self.sequence = sequence
        self.hash = hash
    }

    /// The head of an empty ledger.
    public static let empty = ChainHead(sequence: 0, hash: .zero)

    /// `#sequence hash`.
    public var description: String { "#\(sequence) \(hash)" }
}

/// Computes entry hashes into one reusable buffer. Not `Sendable`: one per actor or thread.
final class EntryHasher {
    private let sha = SHA256Hasher()
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1024) }

    func hash(
        sequence: Int64, recordedAt: Timestamp, effectiveDate: LocalDate, kind: EventKind, version: Int,
        subjects: [SubjectID], payload: [UInt8], principal: String?, previousHash: Digest
    ) -> Digest {
        writePrefix(
            sequence: sequence, recordedAt: recordedAt, effectiveDate: effectiveDate, kind: kind, version: version,
            subjects: subjects, payload: payload, principal: principal)
        previousHash.appendBytes(to: &buffer)
        return sha.hash(buffer)
    }

    /// Hashes everything but the previous hash, which ``PartialSHA256/finish(appending:)`` adds later.
    func partialHash(
        sequence: Int64, recordedAt: Timestamp, effectiveDate: LocalDate, kind: EventKind, version: Int,
        subjects: [SubjectID], payload: [UInt8], principal: String?
    ) -> PartialSHA256 {
        writePrefix(
            sequence: sequence, recordedAt: recordedAt, effectiveDate: effectiveDate, kind: kind, version: version,
            subjects: subjects, payload: payload, principal: principal)
        return buffer.withUnsafeBytes { PartialSHA256(prefix: $0) }
    }

    private func writePrefix(
        sequence: Int64, recordedAt: Timestamp, effectiveDate: LocalDate, kind: EventKind, version: Int,
        subjects: [SubjectID], payload: [UInt8], principal: String?
    ) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: principal == nil ? [67, 75, 76, 49] : [67, 75, 76, 50])  // "CKL1", "CKL2"
        append64(UInt64(bitPattern: sequence))
        append64(UInt64(bitPattern: recordedAt.microseconds))
        append32(UInt32(bitPattern: effectiveDate.daysSinceEpoch))
        appendString16(kind.rawValue)
        append16(UInt16(truncatingIfNeeded: version))
        append32(UInt32(subjects.count))
        for subject in subjects { appendString16(subject.rawValue) }
        append32(UInt32(payload.count))
        buffer.append(contentsOf: payload)
        if let principal { appendString16(principal) }
    }

    /// The bytes an entry's hash is taken over (its canonical form, the previous hash last), appended to `out`.
    func appendCanonicalBytes(of entry: LedgerEntry, to out: inout [UInt8]) {
        writePrefix(
            sequence: entry.sequence, recordedAt: entry.recordedAt, effectiveDate: entry.effectiveDate,
            kind: entry.kind, version: entry.version, subjects: entry.subjects, payload: entry.payload,
            principal: entry.appendedBy?.canonicalText)
        entry.previousHash.appendBytes(to: &buffer)
        out += buffer
    }

    func hash(of entry: LedgerEntry) -> Digest {
        hash(
            sequence: entry.sequence, recordedAt: entry.recordedAt, effectiveDate: entry.effectiveDate,
            kind: entry.kind, version: entry.version, subjects: entry.subjects, payload: entry.payload,
            principal: entry.appendedBy?.canonicalText, previousHash: entry.previousHash)
    }

    private func append64(_ v: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) {
            buffer.append(UInt8(truncatingIfNeeded: v >> UInt64(shift)))
        }
    }

    private func append32(_ v: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) {
            buffer.append(UInt8(truncatingIfNeeded: v >> UInt32(shift)))
        }
    }

    private func append16(_ v: UInt16) {
        buffer.append(UInt8(truncatingIfNeeded: v >> 8))
        buffer.append(UInt8(truncatingIfNeeded: v))
    }

    private func appendString16(_ s: String) {
        let utf8 = s.utf8
        append16(UInt16(truncatingIfNeeded: utf8.count))
        buffer.append(contentsOf: utf8)
    }
}
