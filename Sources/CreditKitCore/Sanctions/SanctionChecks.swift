extension CreditKit {
    /// Rectification deadlines (限期整改): each dishonesty record whose measures require rectification is due
    /// within the profile's `sanction.rectification` period of its decision; a record not rectified by then, or
    /// rectified late, is a finding against its subject. Revoked and repaired records owe nothing.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings not yet decided.
    /// - Throws: Storage errors, or a rule with no figure in force.
    public func sanctionFindings(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let now = ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        let view = self.view
        var out: [Finding] = []
        for (id, record) in try records(knownAt: known).sorted(by: { $0.key < $1.key }) where record.decisionDate <= day
        {
            guard record.polarity == .dishonesty, let severity = record.severity,
                let kind = view.subject(record.subject)?.subject.kind
            else { continue }
            let basisIndex = UInt8(RecordBasis.allCases.firstIndex(of: record.basis)!)
            let severityIndex = UInt8(Severity.allCases.firstIndex(of: severity)!)
            let measures = policy.measures(
                basisIndex: basisIndex, severityIndex: severityIndex, kind: kind, target: .recordSubject)
            guard
                let required = measures.first(where: {
                    $0.measure.measure == .rectification
                        && (policy.rules[$0.rule].sectors.isEmpty
                            || record.sector.map(policy.rules[$0.rule].sectors.contains) == true)
                })
            else { continue }
            let life = view.lifecycle(id)
            if life.revokedOn(asOf: day, knownAt: known) != nil || life.repairedOn(asOf: day, knownAt: known) != nil {
                continue
            }
            if life.leniency.contains(where: { $0.value.effect == .exempt && $0.value.official == nil && $0.on <= day })
            {
                continue
            }
            let (due, figure) = try profile.deadline(CoreLaw.sanctionRectification.id, from: record.decisionDate)
            let done = life.rectified.flatMap { $0.on <= day && $0.recordedAt <= known ? $0 : nil }
            let late = done.map { $0.on > due.due } ?? (day > due.due)
            guard late else { continue }
            out.append(
                Finding(
                    rule: figure.rule, title: figure.title,
                    basis: figure.basis + policy.rules[required.rule].legalBasis,
                    subject: record.subject, severity: .minor,
                    facts: [
                        Finding.Fact("figure", figure.figure.description), Finding.Fact("record", String(id.rawValue)),
                        Finding.Fact("department", required.measure.department),
                        Finding.Fact("state", done == nil ? "not rectified" : "rectified late"),
                        Finding.Fact("daysLate", String(due.daysLate(on: done?.on ?? day))),
                    ] + (figure.confirmed ? [] : [Finding.Fact("figureStatus", "documented default")]),
                    dates: [Finding.NamedDate("decision", record.decisionDate), Finding.NamedDate("due", due.due)]
                        + (done.map { [Finding.NamedDate("rectified", $0.on)] } ?? []),
                    evidence: [id.entry] + (done.map { [$0.sequence] } ?? []), asOf: day))
        }
        return out.filter { view.findingDecision($0.key) == nil }
    }

    /// Records that the subject rectified what a record required.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day the rectification was accepted.
    ///   - summary: What was done.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when already rectified.
    public func rectified(_ record: CreditRecord.ID, on: LocalDate, summary: String) async throws {
        try await append(SanctionRectified(record: record, on: on, summary: summary))
    }

    /// Records a leniency decision on a record's measures.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day.
    ///   - ground: The ground.
    ///   - effect: Mitigate or exempt.
    ///   - official: One responsible official, or `nil` for every target.
    ///   - decidedBy: Who decided.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` for a second decision or a stranger.
    public func grantLeniency(
        _ record: CreditRecord.ID, on: LocalDate, ground: LeniencyGround, effect: LeniencyEffect,
        official: SubjectID? = nil, decidedBy: String
    ) async throws {
        try await append(
            SanctionLeniency(
                record: record, on: on, ground: ground, effect: effect, official: official, decidedBy: decidedBy))
    }
}
