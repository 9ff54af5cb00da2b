/// The core's own checks over the record lifecycle (流程时限核查): late publication, objections, repairs and
/// complaints decided late or still open past their deadline. Each returns findings against the office
/// responsible, with the figure, its legal basis, the dates and the evidence entries.
public struct LifecycleChecks: Sendable {
    /// The profile whose figures apply.
    public var profile: JurisdictionProfile

    /// Makes the checks.
    /// - Parameter profile: The profile.
    public init(profile: JurisdictionProfile) { self.profile = profile }

    /// The office responsible for a record's steps: the deciding authority when its credit code is on the record,
    /// else the record's subject (and the finding says so).
    static func office(of record: CreditRecord) -> (SubjectID, [Finding.Fact]) {
        if let code = record.authority.creditCode {
            return (SubjectID(code), [Finding.Fact("office", record.authority.name)])
        }
        return (
            record.subject,
            [
                Finding.Fact("office", record.authority.name),
                Finding.Fact(
                    "note",
                    "the deciding authority has no credit code on the record; the finding names the record's subject"),
            ]
        )
    }

    func finding(
        _ figure: RuleFigure, subject: SubjectID, severity: Severity = .minor, facts: [Finding.Fact],
        dates: [Finding.NamedDate], evidence: [Int64], asOf: LocalDate
    ) -> Finding {
        Finding(
            rule: figure.rule, title: figure.title, basis: figure.basis, subject: subject, severity: severity,
            facts: [Finding.Fact("figure", figure.figure.description)] + facts
                + (figure.confirmed ? [] : [Finding.Fact("figureStatus", "documented default")]),
            dates: dates, evidence: evidence, asOf: asOf)
    }

    /// A step due by a deadline: done late, or not done and the deadline passed.
    func overdue(_ due: Deadline, done: LocalDate?, asOf: LocalDate) -> (late: Bool, days: Int) {
        if let done { return (done > due.due, due.daysLate(on: done)) }
        return (asOf > due.due, due.daysLate(on: asOf))
    }

    /// Runs every lifecycle check as of a day.
    /// - Parameters:
    ///   - view: The ledger's view.
    ///   - records: Each record by ID, as the store holds it.
    ///   - asOf: The day to look at.
    ///   - knownAt: What the ledger knew then.
    /// - Returns: The findings, excluding those already confirmed or dismissed, in a stable order.
    /// - Throws: When a rule has no figure in force.
    public func run(
        view: CoreView, records: [CreditRecord.ID: CreditRecord], asOf: LocalDate, knownAt: Timestamp = .distantFuture
    ) throws -> [Finding] {
        var out: [Finding] = []
        for (id, record) in records.sorted(by: { $0.key < $1.key }) where record.decisionDate <= asOf {
            let life = view.lifecycle(id)
            out += try publication(id, record, life, asOf: asOf, knownAt: knownAt)
            out += try objections(id, record, life, asOf: asOf, knownAt: knownAt)
            out += try repairs(id, record, life, asOf: asOf, knownAt: knownAt)
        }
        for complaint in view.allComplaints where complaint.receivedOn <= asOf && complaint.recordedAt <= knownAt {
            let figure = try profile.figure("complaint.decision", on: complaint.receivedOn)
            let due = profile.calendar.deadline(
                figure.figure.period!, from: complaint.receivedOn, restDayExtension: figure.restDayExtension ?? true)
            let decided = complaint.outcome.flatMap { $0.on <= asOf && $0.recordedAt <= knownAt ? $0.on : nil }
            let (late, days) = overdue(due, done: decided, asOf: asOf)
            guard late else { continue }
            out.append(
                finding(
                    figure, subject: complaint.handler ?? complaint.against,
                    facts: [
                        Finding.Fact("complaint", String(complaint.id)),
                        Finding.Fact("channel", complaint.channel.chineseName),
                        Finding.Fact("state", decided == nil ? "open" : "decided late"),
                        Finding.Fact("daysLate", String(days)),
                    ],
                    dates: [Finding.NamedDate("received", complaint.receivedOn), Finding.NamedDate("due", due.due)]
                        + (decided.map { [Finding.NamedDate("decided", $0)] } ?? []),
                    evidence: [complaint.id] + (complaint.outcome.map { [$0.sequence] } ?? []), asOf: asOf))
        }
        return out.filter { view.findingDecision($0.key) == nil }
    }

    func publication(
        _ id: CreditRecord.ID, _ record: CreditRecord, _ life: RecordLifecycle, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        guard record.polarity == .dishonesty, record.severity != .minor else { return [] }
        if case .withheld? = life.review(asOf: asOf, knownAt: knownAt) { return [] }
        if let revoked = life.revokedOn(asOf: asOf, knownAt: knownAt),
            life.publishedOn(asOf: asOf, knownAt: knownAt) == nil,
            revoked <= asOf
        {
            return []
        }
        let rule: RuleID =
            record.basis == .administrativePenalty ? "disclosure.penalty.publication" : "record.publication.other"
        let figure = try profile.figure(rule, on: record.decisionDate)
        let due = profile.calendar.deadline(
            figure.figure.period!, from: record.decisionDate, restDayExtension: figure.restDayExtension ?? true)
        let published = life.publishedOn(asOf: asOf, knownAt: knownAt)
        let (late, days) = overdue(due, done: published, asOf: asOf)
        guard late else { return [] }
        var (office, officeFacts) = LifecycleChecks.office(of: record)
        if let publisher = life.publication?.value {
            (office, officeFacts) = (publisher, [])
        }
        return [
            finding(
                figure, subject: office,
                facts: [
                    Finding.Fact("record", String(id.rawValue)), Finding.Fact("documentNumber", record.documentNumber),
                    Finding.Fact("state", published == nil ? "unpublished" : "published late"),
                    Finding.Fact("daysLate", String(days)),
                ] + officeFacts,
                dates: [Finding.NamedDate("decision", record.decisionDate), Finding.NamedDate("due", due.due)]
                    + (published.map { [Finding.NamedDate("published", $0)] } ?? []),
                evidence: [id.rawValue] + (life.publication.map { [$0.sequence] } ?? []), asOf: asOf)
        ]
    }

    func objections(
        _ id: CreditRecord.ID, _ record: CreditRecord, _ life: RecordLifecycle, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        var out: [Finding] = []
        for objection in life.objections where objection.filedOn <= asOf && objection.filedRecordedAt <= knownAt {
            let (due, figure) = try profile.deadline("objection.decision", from: objection.filedOn)
            let decided = objection.resolution.flatMap { $0.on <= asOf && $0.recordedAt <= knownAt ? $0.on : nil }
            let (late, days) = overdue(due, done: decided, asOf: asOf)
            guard late else { continue }
            let (authority, officeFacts) = LifecycleChecks.office(of: record)
            out.append(
                finding(
                    figure, subject: objection.office ?? authority,
                    facts: [
                        Finding.Fact("record", String(id.rawValue)), Finding.Fact("objection", String(objection.id)),
                        Finding.Fact("state", decided == nil ? "open" : "decided late"),
                        Finding.Fact("daysLate", String(days)),
                    ] + (objection.office == nil ? officeFacts : []),
                    dates: [Finding.NamedDate("filed", objection.filedOn), Finding.NamedDate("due", due.due)]
                        + (decided.map { [Finding.NamedDate("decided", $0)] } ?? []),
                    evidence: [id.rawValue, objection.id] + (objection.resolution.map { [$0.sequence] } ?? []),
                    asOf: asOf))
        }
        return out
    }

    func repairs(
        _ id: CreditRecord.ID, _ record: CreditRecord, _ life: RecordLifecycle, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        var out: [Finding] = []
        for repair in life.repairs where repair.appliedOn <= asOf && repair.appliedRecordedAt <= knownAt {
            let (due, figure) = try profile.deadline("repair.decision", from: repair.appliedOn)
            let decided = repair.decision.flatMap { $0.on <= asOf && $0.recordedAt <= knownAt ? $0.on : nil }
            let (late, days) = overdue(due, done: decided, asOf: asOf)
            guard late else { continue }
            let (authority, officeFacts) = LifecycleChecks.office(of: record)
            out.append(
                finding(
                    figure, subject: repair.office ?? authority,
                    facts: [
                        Finding.Fact("record", String(id.rawValue)), Finding.Fact("application", String(repair.id)),
                        Finding.Fact("state", decided == nil ? "open" : "decided late"),
                        Finding.Fact("daysLate", String(days)),
                    ] + (repair.office == nil ? officeFacts : []),
                    dates: [Finding.NamedDate("applied", repair.appliedOn), Finding.NamedDate("due", due.due)]
                        + (decided.map { [Finding.NamedDate("decided", $0)] } ?? []),
                    evidence: [id.rawValue, repair.id] + (repair.decision.map { [$0.sequence] } ?? []), asOf: asOf))
        }
        return out
    }
}

extension CreditKit {
    /// Every record the ledger knew at a time, by ID.
    /// - Parameter knownAt: The recorded time; now by default.
    /// - Returns: The records.
    /// - Throws: Storage and decoding errors.
    public func records(knownAt: Timestamp? = nil) throws -> [CreditRecord.ID: CreditRecord] {
        let limit = knownAt ?? ledger.clock.now()
        var out: [CreditRecord.ID: CreditRecord] = [:]
        for entry in try ledger.store.entries(sequences: view.recordSequences) where entry.recordedAt <= limit {
            if let e = try ledger.registry.decode(entry, as: RecordEntered.self) {
                out[CreditRecord.ID(entry.sequence)] = e.record
            }
        }
        return out
    }

    /// The findings of the lifecycle checks as of a day, not yet confirmed or dismissed.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings.
    /// - Throws: Storage errors, or a rule with no figure in force.
    public func lifecycleFindings(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let now = ledger.clock.now()
        return try LifecycleChecks(profile: profile).run(
            view: view, records: records(knownAt: knownAt ?? now), asOf: asOf ?? now.chinaDate, knownAt: knownAt ?? now)
    }
}
