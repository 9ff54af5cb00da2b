import Foundation

/// A reporting period (报送期): a calendar month, quarter or year, in China dates.
public struct SubmissionPeriod: Hashable, Sendable, CustomStringConvertible {
    /// Its first day.
    public var first: LocalDate
    /// Its last day.
    public var last: LocalDate
    /// `2026`, `2026-Q3` or `2026-09`.
    public var description: String

    /// Reads `YYYY`, `YYYY-Qn` or `YYYY-MM`.
    /// - Parameter text: The period.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` for anything else.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let invalid = CreditKitError(
            .invalidArgument, "'\(text)' is not a period: a year (2026), a quarter (2026-Q3) or a month (2026-09)")
        guard let yearText = parts.first, yearText.count == 4, yearText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(yearText), year >= 1949, parts.count <= 2
        else { throw invalid }
        var firstMonth = 1
        var months = 12
        if parts.count == 2 {
            let part = parts[1]
            guard part.count == 2, part.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { throw invalid }
            if part.hasPrefix("Q"), let q = Int(part.dropFirst()), (1...4).contains(q) {
                firstMonth = 3 * (q - 1) + 1
                months = 3
            } else if part.allSatisfy({ $0.isASCII && $0.isNumber }), let m = Int(part), (1...12).contains(m) {
                firstMonth = m
                months = 1
            } else {
                throw invalid
            }
        }
        first = try LocalDate(year: year, month: firstMonth, day: 1)
        last = first.adding(months: months).adding(days: -1)
        description = text
    }
}

/// A submission to the upper platform (向上级平台报送): the period's new and changed records, one a line, and a
/// manifest that lets the receiver check it arrived whole — the counts, the file's SHA-256 and size, and the ledger
/// head it was taken at. Taken again for the same period it is the same, byte for byte: it holds what the ledger
/// recorded in the period, as the ledger knew it at the period's end, and nothing of the day it was taken.
public struct Submission: Sendable {
    /// The period.
    public var period: SubmissionPeriod
    /// The records file's name: `creditkit-submission-<period>.jsonl`.
    public var fileName: String
    /// The records, as JSON Lines (one record a line, by record number).
    public var records: String
    /// The manifest's name: `creditkit-submission-<period>.manifest.json`.
    public var manifestName: String
    /// The manifest, as JSON.
    public var manifest: String
    /// The last entry recorded by the period's end: what the submission was taken at.
    public var head: ChainHead
    /// Records entered in the period.
    public var newRecords: Int
    /// Records entered before and changed in the period (reviewed, published, objected to, corrected, revoked,
    /// repaired, given leniency, rectified, given a term).
    public var changedRecords: Int
}

extension CreditKit {
    /// The submission for a period that is over (报送): every record entered in it, and every record entered before
    /// and changed in it, each as the ledger knew it at the period's end, with its changes of the period; the chain is
    /// checked entry by entry as it is read, so nothing is taken from an edited ledger. Officials appear without any
    /// personal data (the vault's data never leaves, and an erasure changes nothing already submitted).
    /// - Parameter period: The period.
    /// - Returns: The submission.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` for a period not over by the ledger's today (its records could
    ///   still grow, so the submission would not be final); ``CreditKitError/Code/forbidden`` for the public;
    ///   ``CreditKitError/Code/brokenChain`` for an entry that does not hold; storage and vault errors.
    public func submission(for period: SubmissionPeriod) async throws -> Submission {
        guard principal.role != .public else {
            throw CreditKitError(
                .forbidden, "a submission carries unpublished records: the public reads the public view")
        }
        let today = ledger.clock.now().chinaDate
        guard period.last < today else {
            throw CreditKitError(
                .invalidArgument,
                "period \(period) ends \(period.last), not before today (\(today)): a submission is taken once its "
                    + "period is over, so that taking it again gives the same file")
        }
        try await ledger.refresh()
        let start = Timestamp(startOf: period.first)
        let end = Timestamp(startOf: period.last.adding(days: 1))
        // One pass over the chain, checked as it goes: the head at the period's end, and the kinds of its entries.
        var head = ChainHead.empty
        var kinds: [Int64: EventKind] = [:]
        try LedgerChange.forEach(in: ledger.store, since: 0, through: view.head.sequence) { change in
            if change.recordedAt < end {
                head = ChainHead(sequence: change.sequence, hash: change.hash)
                if change.recordedAt >= start { kinds[change.sequence] = change.kind }
            }
            return true
        }
        let known = Timestamp(microseconds: end.microseconds - 1)
        let inPeriod = { (t: Timestamp) in t >= start && t < end }
        var lines: [(CreditRecord.ID, [UInt8])] = []
        var new = 0
        var changed = 0
        var byBasis: [RecordBasis: Int] = [:]
        let view = self.view
        for (id, record) in try records(knownAt: known).sorted(by: { $0.key < $1.key }) {
            let life = view.lifecycle(id)
            var changes: [(sequence: Int64, day: LocalDate)] = []
            let isNew = kinds[id.rawValue] != nil
            func add<Value>(_ steps: [RecordLifecycle.Step<Value>]) {
                for step in steps where inPeriod(step.recordedAt) { changes.append((step.sequence.rawValue, step.on)) }
            }
            add(life.reviews)
            add([life.publication].compactMap { $0 })
            add(life.leniency)
            add([life.rectified].compactMap { $0 })
            add([life.term].compactMap { $0 })
            for objection in life.objections {
                if inPeriod(objection.filedRecordedAt) { changes.append((objection.id.rawValue, objection.filedOn)) }
                if let r = objection.resolution, inPeriod(r.recordedAt) { changes.append((r.sequence.rawValue, r.on)) }
            }
            for repair in life.repairs {
                if inPeriod(repair.appliedRecordedAt) { changes.append((repair.id.rawValue, repair.appliedOn)) }
                if let d = repair.decision, inPeriod(d.recordedAt) { changes.append((d.sequence.rawValue, d.on)) }
            }
            guard isNew || !changes.isEmpty else { continue }
            if isNew { new += 1 } else { changed += 1 }
            byBasis[record.basis, default: 0] += 1
            changes.sort { $0.sequence < $1.sequence }
            let line = try submissionLine(
                id: id, record: record, life: life, isNew: isNew, changes: changes, kinds: kinds, asOf: period.last,
                knownAt: known)
            lines.append((id, line))
        }
        var bytes: [UInt8] = []
        for (_, line) in lines {
            bytes += line
            bytes.append(0x0A)
        }
        let fileName = "creditkit-submission-\(period).jsonl"
        var w = CanonicalWriter()
        w.openObject()
        w.key("format")
        w.string("creditkit-submission/1")
        w.key("period")
        w.string(period.description)
        w.key("first_day")
        w.date(period.first)
        w.key("last_day")
        w.date(period.last)
        w.key("jurisdiction")
        w.string(profile.id)
        w.key("ledger_head")
        w.openObject()
        w.key("sequence")
        w.integer(head.sequence)
        w.key("hash")
        w.string(head.hash.hex)
        w.closeObject()
        w.key("entries_in_period")
        w.integer(kinds.count)
        w.key("records")
        w.integer(lines.count)
        w.key("new_records")
        w.integer(new)
        w.key("changed_records")
        w.integer(changed)
        w.key("records_by_basis")
        w.openObject()
        for basis in RecordBasis.allCases where byBasis[basis] != nil {
            w.key(string: basis.rawValue)
            w.integer(byBasis[basis]!)
        }
        w.closeObject()
        w.key("file")
        w.openObject()
        w.key("name")
        w.string(fileName)
        w.key("lines")
        w.integer(lines.count)
        w.key("bytes")
        w.integer(bytes.count)
        w.key("sha256")
        w.string(Digest.sha256(of: bytes).hex)
        w.closeObject()
        w.closeObject()
        return Submission(
            period: period, fileName: fileName, records: String(decoding: bytes, as: UTF8.self),
            manifestName: "creditkit-submission-\(period).manifest.json",
            manifest: String(decoding: w.bytes, as: UTF8.self) + "\n", head: head, newRecords: new,
            changedRecords: changed)
    }

    /// One record of a submission, as the ledger knew it at the period's end.
    private func submissionLine(
        id: CreditRecord.ID, record: CreditRecord, life: RecordLifecycle, isNew: Bool,
        changes: [(sequence: Int64, day: LocalDate)], kinds: [Int64: EventKind], asOf day: LocalDate,
        knownAt: Timestamp
    ) throws -> [UInt8] {
        // An organisation by name and code; an official by no name or number at all, so that a closed period's
        // submission stays the same whatever later happens to the vault (an erasure).
        let (name, category, code) =
            view.subject(record.subject)?.subject.kind == .official
            ? ("公务人员（不含个人信息）", "自然人", "") : try Disclosure.publicIdentity(of: record.subject, kit: self)
        var w = CanonicalWriter()
        w.openObject()
        w.key("record")
        w.integer(id.rawValue)
        w.key("status")
        w.string(isNew ? "new" : "changed")
        w.key("subject_name")
        w.string(name)
        w.key("subject_category")
        w.string(category)
        w.key("subject_code")
        w.string(code)
        w.key("polarity")
        w.string(record.polarity.rawValue)
        w.key("basis")
        w.string(record.basis.rawValue)
        if let severity = record.severity {
            w.key("severity")
            w.string(severity.rawValue)
        }
        w.key("act_date")
        w.date(record.actDate)
        w.key("decision_date")
        w.date(record.decisionDate)
        w.key("authority")
        w.string(record.authority.name)
        if let code = record.authority.creditCode {
            w.key("authority_code")
            w.string(code.rawValue)
        }
        w.key("document_number")
        w.string(record.documentNumber)
        w.key("legal_basis")
        w.string(record.legalBasis.map(\.description).joined(separator: "；"))
        w.key("facts")
        w.string(life.correctedFacts(asOf: day, knownAt: knownAt) ?? record.facts)
        if let amount = record.amount {
            w.key("amount_yuan")
            w.decimal(amount)
        }
        if let sector = record.sector {
            w.key("sector")
            w.string(sector.rawValue)
        }
        if let review = life.review(asOf: day, knownAt: knownAt) {
            w.key("review")
            switch review {
            case .publishable: w.string("publishable")
            case .withheld(let category): w.string("withheld:\(category.rawValue)")
            }
        }
        for (key, date) in [
            ("published_on", life.publishedOn(asOf: day, knownAt: knownAt)),
            ("revoked_on", life.revokedOn(asOf: day, knownAt: knownAt)),
            ("repaired_on", life.repairedOn(asOf: day, knownAt: knownAt)),
        ] {
            guard let date else { continue }
            w.key(string: key)
            w.date(date)
        }
        w.key("changes")
        w.openArray()
        for change in changes {
            w.element()
            w.openObject()
            w.key("entry")
            w.integer(change.sequence)
            w.key("kind")
            w.string(kinds[change.sequence]?.rawValue ?? "")
            w.key("day")
            w.date(change.day)
            w.closeObject()
        }
        w.closeArray()
        w.closeObject()
        return w.bytes
    }
}
