/// The procedure checks of major decisions (重大行政决策程序核查): every step the profile requires must be there,
/// the public comment period must run 30 days unless a reason is recorded, the legality review at least 7 working
/// days, and the collective discussion only after the review. Each shortfall is a finding against the agency that
/// names the officials in post on the decision day (principal first) and where they are now: the responsibility
/// holds for life.
public struct DecisionChecks: Sendable {
    /// The profile whose figures and step list apply.
    public var profile: JurisdictionProfile

    /// Makes the checks.
    /// - Parameter profile: The profile.
    public init(profile: JurisdictionProfile) { self.profile = profile }

    /// Runs the checks on one decision.
    /// - Parameters:
    ///   - decision: The decision.
    ///   - sequence: Its entry.
    ///   - view: The view, for who held posts then.
    ///   - asOf: The day looked at.
    ///   - accountability: The accountability applied for this decision so far.
    ///   - grounded: Officials with a ground in law recorded for this decision, who may be neither in post then nor
    ///     held to account.
    /// - Returns: The findings not yet decided.
    /// - Throws: When a rule has no figure in force.
    public func run(
        _ decision: MajorDecisionMade, sequence: Int64, view: CoreView, asOf: LocalDate,
        accountability: [AccountabilityApplied] = [], grounded: [SubjectID] = []
    ) throws -> [Finding] {
        let trace = view.responsibility(for: decision.agency, on: decision.decidedOn)
        let people = trace.holders.map { h -> Finding.Fact in
            let now = h.career.last { $0.end == nil }
            // The agency by its identifier (a finding's facts are data; a tool shows the name).
            let where_ = now.map { "现任 \($0.tenure.agency) \($0.tenure.post)" } ?? "已不在任"
            return Finding.Fact(
                h.tenure.tenure.isPrincipal ? "principal" : "official",
                "\(h.official)（时任\(h.tenure.tenure.post)；\(where_)）")
        }
        var applied = accountability.filter { $0.on <= asOf }.map {
            Finding.Fact(
                "accountability", "\($0.official)：\($0.on)由\($0.by)给予\($0.form.chineseName)"
            )
        }
        // What the officials' files add: a ground in law that mitigates or exempts (art. 13), an appeal's outcome
        // (art. 16), each as known by the day.
        let officials = Set(trace.holders.map(\.official) + accountability.map(\.official) + grounded).sorted()
        for official in officials {
            let facts = (view.officialFacts[official] ?? []).filter { $0.on <= asOf }
            for ground in facts where ground.kind == .accountabilityGround && ground.refers?.rawValue == sequence {
                applied.append(
                    Finding.Fact(
                        "ground",
                        "\(official)：\(ground.on)认定\(ground.groundEffect?.chineseName ?? "")（\(ground.text)；依据\(ground.basis ?? "")）"
                    ))
            }
            for held in facts where held.kind == .accountability && held.refers?.rawValue == sequence {
                guard let filed = facts.first(where: { $0.kind == .appealFiled && $0.refers == held.sequence }) else {
                    continue
                }
                let decided = facts.first { $0.kind == .appealDecided && $0.refers == filed.sequence }
                applied.append(
                    Finding.Fact(
                        "appeal",
                        "\(official)：\(filed.on)对\(held.accountability?.chineseName ?? "")提出申诉"
                            + (decided.map {
                                "，\($0.on)\($0.appeal?.chineseName ?? "")"
                                    + ($0.accountability.map { "为\($0.chineseName)" } ?? "")
                            } ?? "，处理中")))
            }
        }
        var out: [Finding] = []
        func add(_ rule: RuleID, _ severity: Severity, _ facts: [Finding.Fact], _ dates: [Finding.NamedDate]) throws {
            let figure = try profile.figure(rule, on: decision.decidedOn)
            out.append(
                Finding(
                    rule: rule, title: figure.title, basis: figure.basis, subject: decision.agency, severity: severity,
                    facts: [
                        Finding.Fact("figure", figure.figure.description), Finding.Fact("decision", decision.title),
                    ]
                        + facts + people + applied,
                    dates: [Finding.NamedDate("decided", decision.decidedOn)] + dates,
                    evidence: [LedgerEntry.ID(sequence)], asOf: asOf)
            )
        }
        let steps = Dictionary(uniqueKeysWithValues: decision.steps.map { ($0.kind, $0) })
        for kind in profile.majorDecisionSteps where steps[kind] == nil {
            try add(
                CoreLaw.decisionStepMissing.id, .serious,
                [Finding.Fact("missingStep", kind.chineseName)], [])
        }
        if let comment = steps[.publicParticipation] {
            let figure = try profile.figure(CoreLaw.decisionPublicComment.id, on: decision.decidedOn)
            if !profile.calendar.lasts(
                atLeast: figure.figure.period!, from: comment.start.adding(days: -1), to: comment.end),
                comment.reasonForShortPeriod?.isBlank ?? true
            {
                try add(
                    CoreLaw.decisionPublicComment.id, .ordinary,
                    [Finding.Fact("days", String(comment.start.days(until: comment.end) + 1))],
                    [Finding.NamedDate("commentFrom", comment.start), Finding.NamedDate("commentTo", comment.end)])
            }
        }
        if let review = steps[.legalityReview] {
            let figure = try profile.figure(CoreLaw.decisionLegalityReview.id, on: decision.decidedOn)
            if !profile.calendar.lasts(
                atLeast: figure.figure.period!, from: review.start.adding(days: -1), to: review.end)
            {
                try add(
                    CoreLaw.decisionLegalityReview.id, .ordinary,
                    [
                        Finding.Fact(
                            "workingDays",
                            String(
                                profile.calendar.workingDays(after: review.start.adding(days: -1), through: review.end))
                        )
                    ],
                    [Finding.NamedDate("reviewFrom", review.start), Finding.NamedDate("reviewTo", review.end)])
            }
            if let discussion = steps[.collectiveDiscussion], discussion.start <= review.end {
                try add(
                    CoreLaw.decisionLegalityReview.id, .serious,
                    [Finding.Fact("order", "discussed before the legality review ended")],
                    [Finding.NamedDate("reviewTo", review.end), Finding.NamedDate("discussed", discussion.start)])
            }
        }
        return out.filter { view.findingDecision($0.key) == nil }
    }
}

extension CreditKit {
    /// Records a major decision with the steps it took.
    /// - Parameter decision: The decision.
    /// - Returns: Its entry's identifier, which accountability names.
    /// - Throws: Validation errors.
    @discardableResult
    public func record(_ decision: MajorDecisionMade) async throws -> LedgerEntry.ID {
        try await append(decision).id
    }

    /// Holds an official to account for a decision, for life: after a transfer too.
    /// - Parameters:
    ///   - official: The official.
    ///   - decision: The decision's entry.
    ///   - agency: The deciding agency.
    ///   - form: The form.
    ///   - on: The day.
    ///   - by: Who applied it.
    /// - Throws: Validation errors.
    public func holdAccountable(
        _ official: SubjectID, for decision: LedgerEntry.ID, of agency: SubjectID, form: AccountabilityForm,
        on: LocalDate,
        by: String
    ) async throws {
        try await append(
            AccountabilityApplied(decision: decision, agency: agency, official: official, form: form, on: on, by: by))
    }

    /// The procedure findings of every major decision made by a day.
    /// - Parameter asOf: The day; today by default.
    /// - Returns: The findings not yet decided.
    /// - Throws: Storage errors, or a rule with no figure in force.
    public func decisionFindings(asOf: LocalDate? = nil) throws -> [Finding] {
        let day = asOf ?? ledger.clock.today
        let checks = DecisionChecks(profile: profile)
        var out: [Finding] = []
        for agency in view.subjects(ofKind: .agency) {
            let entries = try ledger.entries(concerningSync: agency.subject.id)
            let applied = try entries.compactMap { try ledger.registry.decode($0, as: AccountabilityApplied.self) }
            let grounds = try entries.compactMap {
                try ledger.registry.decode($0, as: AccountabilityGroundRecorded.self)
            }
            for entry in entries where entry.kind == MajorDecisionMade.kind {
                guard let decision = try ledger.registry.decode(entry, as: MajorDecisionMade.self),
                    decision.decidedOn <= day
                else { continue }
                out += try checks.run(
                    decision, sequence: entry.sequence, view: view, asOf: day,
                    accountability: applied.filter { $0.decision == entry.id },
                    grounded: grounds.filter { $0.decision == entry.id }.map(\.official))
            }
        }
        return out
    }
}

extension Ledger {
    /// The entries that concern a subject, read without waiting for the writer.
    /// - Parameter subject: The subject.
    /// - Returns: The entries.
    /// - Throws: Storage errors.
    public nonisolated func entries(concerningSync subject: SubjectID) throws -> [LedgerEntry] {
        try store.entries(concerning: subject)
    }
}
