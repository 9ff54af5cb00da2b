/// One step in a record's history with who took it (操作留痕): the entry, what it did, the day it holds, when the
/// ledger learned it, and the principal that appended it.
public struct AuditStep: Hashable, Sendable {
    /// The entry.
    public var entry: LedgerEntry.ID
    /// What the step did, in Chinese (录入, 保密审查, 公示, 异议申请, 异议处理, …).
    public var step: String
    /// The day it holds.
    public var on: LocalDate
    /// When the ledger learned it.
    public var recordedAt: Timestamp
    /// Who appended it; `nil` for an entry written before principals were recorded.
    public var by: Principal?
}

/// How a deciding unit reported the records it decided (报送及时性): each record the ledger holds with the unit's
/// credit code as its authority, entered within the publication rule's period of its decision or late.
public struct UnitReporting: Hashable, Sendable {
    /// A record the unit decided, and when the ledger learned it.
    public struct Item: Hashable, Sendable {
        /// The record.
        public var record: CreditRecord.ID
        /// The decision's day.
        public var decided: LocalDate
        /// The last day to report it (the 双公示 period for a penalty, the profile's for the rest).
        public var due: LocalDate
        /// The day (China time) the ledger learned it.
        public var reported: LocalDate
        /// Who entered it.
        public var by: Principal?

        /// Whether it was reported by its last day.
        public var onTime: Bool { reported <= due }
    }

    /// The unit.
    public var unit: SubjectID
    /// The records it decided, by record.
    public var items: [Item]

    /// How many were reported on time.
    public var onTime: Int { items.filter(\.onTime).count }
}

extension CreditKit {
    /// Who entered a record, changed its status and decided on it (记录操作留痕): every step of its history with the
    /// principal that appended it, in the order the ledger learned them — the entry itself, the confirmation of the
    /// finding or complaint it came from, the confidentiality review, publication, objections and their decisions,
    /// repair applications and decisions, rectification, the sanction's term and leniency.
    /// - Parameter record: The record.
    /// - Returns: The steps, in ledger order.
    /// - Throws: ``CreditKitError/Code/unknownSubject`` when there is no such record; storage and decoding errors.
    public func audit(of record: CreditRecord.ID) throws -> [AuditStep] {
        guard let entry = try ledger.read([record.entry]).first,
            let entered = try ledger.registry.decode(entry, as: RecordEntered.self)
        else {
            throw CreditKitError(.unknownSubject, "there is no record #\(record.rawValue)")
        }
        let life = view.lifecycle(record)
        var steps: [(LedgerEntry.ID, String)] = [(record.entry, "录入 entered")]
        for review in life.reviews {
            let outcome: String
            switch review.value {
            case .publishable: outcome = "可公开"
            case .withheld(let category): outcome = "不予公开（\(category.chineseName)）"
            }
            steps.append((review.sequence, "保密审查 reviewed：\(outcome)"))
        }
        if let p = life.publication { steps.append((p.sequence, "公示 published")) }
        for o in life.objections {
            steps.append((LedgerEntry.ID(o.id.rawValue), "异议申请 objection"))
            if let r = o.resolution { steps.append((r.sequence, "异议处理 objection decided：\(r.value.chineseName)")) }
        }
        for r in life.repairs {
            steps.append((LedgerEntry.ID(r.id.rawValue), "修复申请 repair applied"))
            if let d = r.decision { steps.append((d.sequence, "修复决定 repair decided：\(d.value ? "准予" : "不予")")) }
        }
        if let r = life.rectified { steps.append((r.sequence, "整改 rectified")) }
        if let t = life.term { steps.append((t.sequence, "惩戒期限 term set：至\(t.value)")) }
        for l in life.leniency { steps.append((l.sequence, "从轻或免于惩戒 leniency")) }
        // The decision the record came from: a finding confirmed, or a complaint verified, in the same batch.
        for e in try ledger.read(concerning: entered.record.subject, through: view) where e.sequence >= entry.sequence {
            if let c = try ledger.registry.decode(e, as: FindingConfirmed.self), c.record == record {
                steps.append((e.id, "核查线索认定 finding confirmed（\(c.by)）"))
            } else if let c = try ledger.registry.decode(e, as: ComplaintDecided.self), c.record == record {
                steps.append((e.id, "投诉核实 complaint verified"))
            }
        }
        let names = Dictionary(steps.map { ($0.0, $0.1) }) { first, _ in first }
        return try ledger.read(names.keys.sorted()).map { e in
            AuditStep(
                entry: e.id, step: names[e.id] ?? e.kind.rawValue, on: e.effectiveDate, recordedAt: e.recordedAt,
                by: e.appendedBy)
        }
    }

    /// How a deciding unit reported its records (报送及时性): each record with the unit's credit code as its
    /// authority, decided by the day, and whether the ledger learned it within the period the publication rule gives
    /// (7 working days for a penalty): the deciding unit answers for reporting in time, whoever then publishes.
    /// - Parameters:
    ///   - unit: The deciding unit.
    ///   - asOf: The day; today by default.
    /// - Returns: The unit's reporting.
    /// - Throws: Storage errors; a rule the profile lacks.
    public func reporting(of unit: SubjectID, asOf: LocalDate? = nil) throws -> UnitReporting {
        let day = asOf ?? ledger.clock.today
        var items: [UnitReporting.Item] = []
        for e in try ledger.read(concerning: unit, through: view) where e.kind == RecordEntered.kind {
            guard let r = try ledger.registry.decode(e, as: RecordEntered.self)?.record,
                r.authority.creditCode.map({ SubjectID($0) }) == unit, r.decisionDate <= day
            else { continue }
            let figure = try profile.figure(r.basis.publicationRule, on: r.decisionDate)
            guard let period = figure.figure.period else { continue }
            let due = profile.calendar.deadline(
                period, from: r.decisionDate, restDayExtension: figure.restDayExtension ?? true
            ).due
            items.append(
                UnitReporting.Item(
                    record: CreditRecord.ID(e.sequence), decided: r.decisionDate, due: due,
                    reported: e.recordedAt.chinaDate, by: e.appendedBy))
        }
        return UnitReporting(unit: unit, items: items)
    }
}
