import Foundation

/// The saved form of a ``CoreView``: a cache that makes reopening fast, never the truth.
///
/// Layout: `CKV6`, a 4-byte length and a JSON header (head, counts, subjects, tenures, kinds seen), then the
/// subject references in a fixed binary layout (little endian): subject count; per subject its identifier's
/// length and bytes, its reference count, and 24 bytes per reference (sequence, effective days, recorded
/// microseconds, role, record basis, record class, record sector); the record sequences; then the case index:
/// case count, per case its key's length and bytes, its entry count and the entries' sequences. A checkpoint of an
/// older layout does not decode, and the view is rebuilt from the chain.
enum ViewCheckpoint {
    private struct Header: Codable {
        var head: ChainHead
        var recordCount: Int
        var commitmentCount: Int
        var subjects: [SubjectState]
        var tenures: [TenureState]
        var kindsSeen: [EventKind]
        var lifecycles: [RecordLifecycle]
        var complaints: [ComplaintState]
        var findingDecisions: [String]
        var findingDecisionValues: [FindingDecision]
        var commitmentLifecycles: [CommitmentLifecycle]
        var commitmentSequences: [Int64]
        var sectors: [SectorID]
        var supervisionSubjects: [SubjectID]
        var supervisionFacts: [[SupervisionFact]]
        var officialSubjects: [SubjectID]
        var officialFacts: [[OfficialFileFact]]
    }

    static let magic: [UInt8] = Array("CKV6".utf8)

    /// A saved blob: `CKM1`, the HMAC-SHA-256 of the view's bytes under the cache key, then the bytes. Whoever
    /// edits the file without the key cannot make a blob that opens.
    static func seal(_ blob: [UInt8], key: [UInt8]) -> [UInt8] {
        Array("CKM1".utf8) + LibCrypto.hmacSHA256(key: key, message: blob) + blob
    }

    /// Why a saved blob is not used.
    struct Unusable: Error {
        var reason: String
    }

    /// The view's bytes of a sealed blob, or why it is not used.
    static func open(_ sealed: [UInt8], key: [UInt8]) -> Result<[UInt8], Unusable> {
        guard sealed.count > 36, sealed.starts(with: Array("CKM1".utf8)) else {
            return .failure(Unusable(reason: "the checkpoint is not authenticated (an older or foreign blob)"))
        }
        let blob = Array(sealed[36...])
        let expected = LibCrypto.hmacSHA256(key: key, message: blob)
        // Compared in constant time: every byte is looked at whatever the first difference.
        var difference: UInt8 = 0
        for (a, b) in zip(expected, sealed[4..<36]) { difference |= a ^ b }
        return difference == 0
            ? .success(blob) : .failure(Unusable(reason: "the checkpoint does not authenticate (edited)"))
    }

    static func encode(_ view: CoreView) throws -> [UInt8] {
        let header = Header(
            head: view.head, recordCount: view.recordCount, commitmentCount: view.commitmentCount,
            subjects: view.subjects.values.sorted { $0.sequence < $1.sequence },
            tenures: view.tenures.values.sorted { $0.id < $1.id }, kindsSeen: view.kindsSeen.sorted(),
            lifecycles: view.allLifecycles, complaints: view.allComplaints,
            findingDecisions: view.findingDecisions.keys.sorted(),
            findingDecisionValues: view.findingDecisions.keys.sorted().map { view.findingDecisions[$0]! },
            commitmentLifecycles: view.commitmentLifecycles.values.sorted { $0.commitment < $1.commitment },
            commitmentSequences: view.commitmentSequences, sectors: view.sectors,
            supervisionSubjects: view.supervision.keys.sorted(),
            supervisionFacts: view.supervision.keys.sorted().map { view.supervision[$0]! },
            officialSubjects: view.officialFacts.keys.sorted(),
            officialFacts: view.officialFacts.keys.sorted().map { view.officialFacts[$0]! })
        let json = try JSONEncoder().encode(header)
        var out = magic
        let refCount = view.refs.values.reduce(0) { $0 + $1.count }
        out.reserveCapacity(json.count + 16 + refCount * 24 + view.refs.count * 48)
        append(UInt32(json.count), to: &out)
        out.append(contentsOf: json)
        append(UInt32(view.refs.count), to: &out)
        for (subject, refs) in view.refs {
            let id = Array(subject.rawValue.utf8)
            append(UInt16(id.count), to: &out)
            out.append(contentsOf: id)
            append(UInt32(refs.count), to: &out)
            for ref in refs {
                append(UInt64(bitPattern: ref.sequence), to: &out)
                append(UInt32(bitPattern: ref.effectiveDays), to: &out)
                append(UInt64(bitPattern: ref.recordedMicros), to: &out)
                out.append(ref.role.rawValue)
                out.append(ref.basisIndex)
                out.append(ref.severityIndex)
                out.append(ref.sectorIndex)
            }
        }
        append(UInt32(view.recordSequences.count), to: &out)
        for seq in view.recordSequences { append(UInt64(bitPattern: seq), to: &out) }
        append(UInt32(view.caseEntries.count), to: &out)
        for (key, sequences) in view.caseEntries {
            append(UInt32(key.count), to: &out)
            out.append(contentsOf: key)
            append(UInt32(sequences.count), to: &out)
            for seq in sequences { append(UInt64(bitPattern: seq), to: &out) }
        }
        return out
    }

    static func decode(_ blob: [UInt8]) throws -> CoreView {
        try blob.withUnsafeBytes { raw -> CoreView in
            var offset = 0
            func need(_ n: Int) throws {
                guard offset + n <= raw.count else {
                    throw CreditKitError(.decoding, "checkpoint is truncated at byte \(offset)")
                }
            }
            func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
                try need(MemoryLayout<T>.size)
                let v = T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
                offset += MemoryLayout<T>.size
                return v
            }
            try need(4)
            guard Array(raw[0..<4]) == magic else {
                throw CreditKitError(.decoding, "a checkpoint of another layout than CKV6 (an older release's)")
            }
            offset = 4
            let jsonLength = Int(try read(UInt32.self))
            try need(jsonLength)
            let header = try JSONDecoder().decode(Header.self, from: Data(raw[offset..<(offset + jsonLength)]))
            offset += jsonLength
            var view = CoreView()
            view.head = header.head
            view.recordCount = header.recordCount
            view.commitmentCount = header.commitmentCount
            view.kindsSeen = Set(header.kindsSeen)
            for life in header.lifecycles { view.lifecycles[life.record] = life }
            for life in header.commitmentLifecycles { view.commitmentLifecycles[life.commitment] = life }
            view.commitmentSequences = header.commitmentSequences
            view.sectors = header.sectors
            for (subject, facts) in zip(header.supervisionSubjects, header.supervisionFacts) {
                view.supervision[subject] = facts
            }
            for (official, facts) in zip(header.officialSubjects, header.officialFacts) {
                view.officialFacts[official] = facts
            }
            for complaint in header.complaints { view.complaints[complaint.id.rawValue] = complaint }
            for (key, value) in zip(header.findingDecisions, header.findingDecisionValues) {
                view.findingDecisions[key] = value
            }
            view.subjects.reserveCapacity(header.subjects.count)
            for s in header.subjects { view.subjects[s.subject.id] = s }
            for t in header.tenures {
                view.tenures[t.id] = t
                view.tenuresBySubject[t.tenure.official, default: []].append(t.id)
                view.tenuresBySubject[t.tenure.agency, default: []].append(t.id)
            }
            let subjectCount = Int(try read(UInt32.self))
            view.refs.reserveCapacity(subjectCount)
            for _ in 0..<subjectCount {
                let idLength = Int(try read(UInt16.self))
                try need(idLength)
                let id = SubjectID(rawValue: String(decoding: raw[offset..<(offset + idLength)], as: UTF8.self))
                offset += idLength
                let count = Int(try read(UInt32.self))
                try need(count * 24)
                var refs = [EntryRef]()
                refs.reserveCapacity(count)
                for _ in 0..<count {
                    let seq = Int64(bitPattern: try read(UInt64.self))
                    let days = Int32(bitPattern: try read(UInt32.self))
                    let micros = Int64(bitPattern: try read(UInt64.self))
                    guard let role = EntryRef.Role(rawValue: try read(UInt8.self)) else {
                        throw CreditKitError(.decoding, "checkpoint has an unknown reference role")
                    }
                    let basis = try read(UInt8.self)
                    let severity = try read(UInt8.self)
                    let sector = try read(UInt8.self)
                    refs.append(
                        EntryRef(
                            sequence: seq, effectiveDays: days, recordedMicros: micros, role: role, basisIndex: basis,
                            severityIndex: severity, sectorIndex: sector))
                }
                view.refs[id] = refs
            }
            let recordCount = Int(try read(UInt32.self))
            try need(recordCount * 8)
            view.recordSequences.reserveCapacity(recordCount)
            for _ in 0..<recordCount { view.recordSequences.append(Int64(bitPattern: try read(UInt64.self))) }
            let caseCount = Int(try read(UInt32.self))
            view.caseEntries.reserveCapacity(caseCount)
            for _ in 0..<caseCount {
                let keyLength = Int(try read(UInt32.self))
                try need(keyLength)
                let key = Array(raw[offset..<(offset + keyLength)])
                offset += keyLength
                let count = Int(try read(UInt32.self))
                try need(count * 8)
                var sequences: [Int64] = []
                sequences.reserveCapacity(count)
                for _ in 0..<count { sequences.append(Int64(bitPattern: try read(UInt64.self))) }
                view.caseEntries[key] = sequences
            }
            return view
        }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
