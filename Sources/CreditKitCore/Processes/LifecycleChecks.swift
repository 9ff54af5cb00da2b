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
                    "记录未载明认定机关的统一社会信用代码，线索暂记在记录主体名下 the record lacks the authority's credit code"),
            ]
        )
    }

    func finding(
        _ figure: RuleFigure, subject: SubjectID, severity: Severity = .minor, facts: [Finding.Fact],
        dates: [Finding.NamedDate], evidence: [LedgerEntry.ID], asOf: LocalDate
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
            let decided = complaint.outcome.flatMap { $0.on <= asOf && $0.recordedAt <= knownAt ? $0 : nil }
            let step = TimedStep(
                rule: CoreLaw.complaintDecision.id, name: "complaint", id: complaint.id.entry,
                started: complaint.receivedOn,
                startedName: "received", decided: decided?.on, decision: decided?.sequence,
                subject: complaint.handler ?? complaint.against,
                facts: [Finding.Fact("channel", complaint.channel.chineseName)], evidence: [])
            if let found = try check(step, asOf: asOf) { out.append(found) }
        }
        return out.filter { view.findingDecision($0.key) == nil }
    }

    func publication(
        _ id: CreditRecord.ID, _ record: CreditRecord, _ life: RecordLifecycle, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        guard record.polarity == .dishonesty, record.severity != .minor, !record.basis.isNeverPublished else {
            return []
        }
        if case .withheld? = life.review(asOf: asOf, knownAt: knownAt) { return [] }
        if let revoked = life.revokedOn(asOf: asOf, knownAt: knownAt),
            life.publishedOn(asOf: asOf, knownAt: knownAt) == nil,
            revoked <= asOf
        {
            return []
        }
        let rule = record.basis.publicationRule
        let figure = try profile.figure(rule, on: record.decisionDate)
        let due = profile.calendar.deadline(
            figure.figure.period!, from: record.decisionDate, restDayExtension: figure.restDayExtension ?? true)
        let published = life.publishedOn(asOf: asOf, knownAt: knownAt)
        let (late, days) = overdue(due, done: published, asOf: asOf)
        guard late else { return [] }
        // The deciding unit answers for publishing its decision in time (the 双公示 duty is the decider's), whoever
        // put it on the credit website.
        var (office, officeFacts) = LifecycleChecks.office(of: record)
        if let publisher = life.publication?.value, publisher != office {
            officeFacts.append(Finding.Fact("publisher", publisher.rawValue))
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
                evidence: [id.entry] + (life.publication.map { [$0.sequence] } ?? []), asOf: asOf)
        ]
    }

    /// One step that has to be decided within a rule's period from the day it started (an objection, a repair
    /// application, a complaint): a finding when decided late, or still open past the last allowed day.
    struct TimedStep {
        var rule: RuleID
        var name: String
        var id: LedgerEntry.ID
        var started: LocalDate
        var startedName: String
        var decided: LocalDate?
        var decision: LedgerEntry.ID?
        var subject: SubjectID
        var facts: [Finding.Fact]
        var evidence: [LedgerEntry.ID]
    }

    func check(_ step: TimedStep, asOf: LocalDate) throws -> Finding? {
        let (due, figure) = try profile.deadline(step.rule, from: step.started)
        let (late, days) = overdue(due, done: step.decided, asOf: asOf)
        guard late else { return nil }
        return finding(
            figure, subject: step.subject,
            facts: step.facts + [
                Finding.Fact(step.name, step.id.description),
                Finding.Fact("state", step.decided == nil ? "open" : "decided late"),
                Finding.Fact("daysLate", String(days)),
            ],
            dates: [Finding.NamedDate(step.startedName, step.started), Finding.NamedDate("due", due.due)]
                + (step.decided.map { [Finding.NamedDate("decided", $0)] } ?? []),
            evidence: step.evidence + [step.id] + (step.decision.map { [$0] } ?? []), asOf: asOf)
    }

    func objections(
        _ id: CreditRecord.ID, _ record: CreditRecord, _ life: RecordLifecycle, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        let (authority, officeFacts) = LifecycleChecks.office(of: record)
        return try life.objections.filter { $0.filedOn <= asOf && $0.filedRecordedAt <= knownAt }.compactMap { o in
            let decided = o.resolution.flatMap { $0.on <= asOf && $0.recordedAt <= knownAt ? $0 : nil }
            return try check(
                TimedStep(
                    rule: CoreLaw.objectionDecision.id, name: "objection", id: o.id.entry, started: o.filedOn,
                    startedName: "filed",
                    decided: decided?.on, decision: decided?.sequence, subject: o.office ?? authority,
                    facts: [Finding.Fact("record", String(id.rawValue))] + (o.office == nil ? officeFacts : []),
                    evidence: [id.entry]),
                asOf: asOf)
        }
    }

    func repairs(
        _ id: CreditRecord.ID, _ record: CreditRecord, _ life: RecordLifecycle, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [Finding] {
        let (authority, officeFacts) = LifecycleChecks.office(of: record)
        return try life.repairs.filter { $0.appliedOn <= asOf && $0.appliedRecordedAt <= knownAt }.compactMap { r in
            let decided = r.decision.flatMap { $0.on <= asOf && $0.recordedAt <= knownAt ? $0 : nil }
            return try check(
                TimedStep(
                    rule: CoreLaw.repairDecision.id, name: "application", id: r.id.entry, started: r.appliedOn,
                    startedName: "applied",
                    decided: decided?.on, decision: decided?.sequence, subject: r.office ?? authority,
                    facts: [Finding.Fact("record", String(id.rawValue))] + (r.office == nil ? officeFacts : []),
                    evidence: [id.entry]),
                asOf: asOf)
        }
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
