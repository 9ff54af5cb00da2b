/// The answer of a credit check (信用核查结果): allowed or restricted, with every reason.
public struct CreditCheck: Hashable, Sendable {
    /// One reason: a measure or incentive, from which record and rule, on what basis, from when until when.
    public struct Reason: Hashable, Sendable {
        /// The sanction measure, for a restriction.
        public var measure: SanctionMeasure?
        /// The incentive, for a favour.
        public var incentive: Incentive?
        /// The imposing department.
        public var department: String
        /// The record it comes from; for a bar from an official's integrity file (the rules `official.bar.*`), the
        /// entry of the file fact it comes from (the accountability, the report check, the heaviest item of a poor
        /// grade).
        public var record: CreditRecord.ID
        /// The policy rule.
        public var rule: RuleID
        /// The legal basis.
        public var legalBasis: [LegalCitation]
        /// The first day it applies (the record's decision date).
        public var from: LocalDate
        /// The last day it applies.
        public var until: LocalDate
        /// What changed it: leniency, revocation or repair.
        public var adjustment: String?
    }

    /// The subject checked.
    public var subject: SubjectID
    /// What for.
    public var purpose: CheckPurpose
    /// On which day.
    public var date: LocalDate
    /// The restrictions in force.
    public var restrictions: [Reason]
    /// The incentives in force; none while a restriction for the same purpose is (a restriction prevails).
    public var incentives: [Reason]

    /// Whether nothing restricts the subject for the purpose on the day.
    public var allowed: Bool { restrictions.isEmpty }
}

extension CoreView {
    /// The credit check (信用核查), answered from this snapshot: which measures from the subject's dishonesty
    /// records (as subject, or as a responsible official) restrict the purpose on the day, and which incentives
    /// from its good records favour it. A measure runs from the record's decision date for its duration, halved by
    /// mitigating leniency, dropped by exemption, and ends early on revocation or repair.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - purpose: What for.
    ///   - date: The day.
    ///   - policy: The sanction policy.
    ///   - knownAt: What the ledger knew; everything by default.
    ///   - model: For an official, the model of the integrity file whose bars also restrict (an accountability's
    ///     影响期 and a concealment on appointment and promotion, a grade of 诚信较差 on the purposes it names).
    /// - Returns: The answer, or `nil` when the subject was not registered by then.
    public func check(
        _ subject: SubjectID, for purpose: CheckPurpose, on date: LocalDate, policy: SanctionPolicy,
        knownAt: Timestamp = .distantFuture, officials model: OfficialGradeModel = .standard
    ) -> CreditCheck? {
        guard let state = self.subject(subject, asOf: date, knownAt: knownAt) else { return nil }
        let kind = state.subject.kind
        var result = CreditCheck(subject: subject, purpose: purpose, date: date, restrictions: [], incentives: [])
        // An official's file: the bars of accountability and concealment, and a poor grade.
        if kind == .official, !(officialFacts[subject] ?? []).isEmpty || refs[subject] != nil {
            result.restrictions += fileRestrictions(
                of: subject, for: purpose, on: date, model: model, knownAt: knownAt)
        }
        guard let references = refs[subject] else { return result }
        let day = date.daysSinceEpoch
        for ref in references where ref.effectiveDays <= day && ref.recordedMicros <= knownAt.microseconds {
            let target: SanctionRule.Target
            switch ref.role {
            case .recordSubject: target = .recordSubject
            case .responsibleOfficial: target = .responsibleOfficials
            default: continue
            }
            if ref.severityIndex == .max {
                if target == .recordSubject {
                    addIncentives(ref, kind: kind, purpose: purpose, date: date, policy: policy, into: &result)
                }
                continue
            }
            let measures = policy.measures(
                basisIndex: ref.basisIndex, severityIndex: ref.severityIndex, kind: kind, target: target)
            if measures.isEmpty { continue }
            let id = CreditRecord.ID(ref.sequence)
            let life = lifecycles[id]
            var end: LocalDate?
            var adjustment: String?
            var halve = false
            if let life {
                if let revoked = life.revokedOn(asOf: date, knownAt: knownAt) {
                    end = revoked.adding(days: -1)
                    adjustment = "\(revoked)撤销"
                }
                if let last = life.termEnds(asOf: date, knownAt: knownAt) {
                    end = min(end ?? last, last)
                    adjustment = adjustment ?? "决定惩戒期限至\(last)"
                }
                if let repaired = life.repairedOn(asOf: date, knownAt: knownAt) {
                    end = min(end ?? repaired, repaired.adding(days: -1))
                    adjustment = "\(repaired)信用修复"
                }
                if let leniency = life.leniency.last(where: {
                    $0.on <= date && $0.recordedAt <= knownAt
                        && ($0.value.official == nil || $0.value.official == subject)
                }) {
                    if leniency.value.effect == .exempt { continue }
                    halve = true
                    adjustment = "\(leniency.on)从轻（\(leniency.value.ground.chineseName)）"
                }
            }
            let from = ref.effectiveDate
            for (ruleIndex, dm) in measures where dm.measure.restricts.contains(purpose) {
                guard let duration = dm.duration else { continue }
                let sectors = policy.rules[ruleIndex].sectors
                if !sectors.isEmpty {
                    guard ref.sectorIndex < self.sectors.count, sectors.contains(self.sectors[Int(ref.sectorIndex)])
                    else {
                        continue
                    }
                }
                var last = from.adding(period: duration).adding(days: -1)
                if halve { last = from.adding(days: from.days(until: last) / 2) }
                if let end { last = min(last, end) }
                guard date <= last else { continue }
                let rule = policy.rules[ruleIndex]
                result.restrictions.append(
                    CreditCheck.Reason(
                        measure: dm.measure, incentive: nil, department: dm.department, record: id, rule: rule.id,
                        legalBasis: rule.legalBasis, from: from, until: last, adjustment: adjustment))
            }
        }
        // A restriction prevails: no favour for the same purpose while the subject is restricted from it.
        if !result.restrictions.isEmpty { result.incentives = [] }
        return result
    }

    private func addIncentives(
        _ ref: EntryRef, kind: SubjectKind, purpose: CheckPurpose, date: LocalDate, policy: SanctionPolicy,
        into result: inout CreditCheck
    ) {
        for index in policy.incentiveRules(basisIndex: ref.basisIndex, kind: kind) {
            let rule = policy.incentives[index]
            let from = ref.effectiveDate
            let last = from.adding(period: rule.duration).adding(days: -1)
            guard date <= last else { continue }
            if let revoked = lifecycles[CreditRecord.ID(ref.sequence)]?.revokedOn(asOf: date), revoked <= date {
                continue
            }
            for incentive in rule.incentives where incentive.favours.contains(purpose) {
                result.incentives.append(
                    CreditCheck.Reason(
                        measure: nil, incentive: incentive, department: "", record: CreditRecord.ID(ref.sequence),
                        rule: rule.id, legalBasis: rule.legalBasis, from: from, until: last, adjustment: nil))
            }
        }
    }
}

extension LocalDate {
    /// The date a period later, counted plainly (no rest-day rule): days, working days (weekends only), months or
    /// years.
    /// - Parameter period: The period.
    /// - Returns: The date.
    public func adding(period: Period) -> LocalDate {
        switch period.unit {
        case .days: adding(days: period.value)
        case .workingDays: WorkdayCalendar().adding(workingDays: period.value, to: self)
        case .months: adding(months: period.value)
        case .years: adding(years: period.value)
        }
    }
}
