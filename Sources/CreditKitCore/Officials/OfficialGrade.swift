import Foundation

/// An official's integrity grade (公务员诚信等级).
public enum OfficialGradeBand: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// 诚信优秀 (A).
    case excellent
    /// 诚信良好 (B).
    case good
    /// 诚信一般 (C).
    case fair
    /// 诚信较差 (D).
    case poor

    /// The grade in Chinese.
    public var chineseName: String {
        switch self {
        case .excellent: "诚信优秀"
        case .good: "诚信良好"
        case .fair: "诚信一般"
        case .poor: "诚信较差"
        }
    }

    /// A before B before C before D.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The model that grades an official's integrity from the file (公务员诚信等级评定模型). The plans ask for a grading
/// standard (Harbin's 《公务员诚信等级评定标准》 under 哈政综〔2007〕37号) and for the file to weigh in appointment,
/// promotion and assessment; they do not set its points. These are the kit's defaults, documented in
/// `Docs/OFFICIALS.md`; a platform sets its own in the profile (``JurisdictionProfile/officialGradeModel``).
///
/// The score starts at ``base`` and each item of the file adds or takes points; it is held between 0 and 100; the
/// band follows from the thresholds.
public struct OfficialGradeModel: Hashable, Sendable {
    /// The starting score: 100.
    public var base: Decimal = 100
    /// Points per annual assessment result in the last ``assessmentYears`` years assessed: 优秀 +5, 称职 0, 基本称职 −10,
    /// 不称职 −30, 不定等次 0.
    public var assessmentPoints: [AssessmentResult: Decimal] = [
        .excellent: 5, .competent: 0, .basicallyCompetent: -10, .incompetent: -30, .notGraded: 0,
    ]
    /// How many of the latest assessment years count: 3.
    public var assessmentYears = 3
    /// Points per honour conferred in the last ``windowYears``: national +5, provincial +4, municipal +3, county +2.
    public var honourPoints: [HonourLevel: Decimal] = [.national: 5, .provincial: 4, .municipal: 3, .county: 2]
    /// At most this much from honours: +10.
    public var honourCap: Decimal = 10
    /// A personal-matters report filed after its due date: −5.
    public var lateReport: Decimal = -5
    /// A personal-matters report not filed by its due date (still not filed on the day): −10.
    public var unfiledReport: Decimal = -10
    /// Per outcome of a report's check: 一致 0, 漏报 −10, 瞒报 −30.
    public var verificationPoints: [ReportVerification: Decimal] = [.consistent: 0, .omission: -10, .concealment: -30]
    /// No integrity training completed in the last ``trainingWindowDays`` days: −3.
    public var noTraining: Decimal = -3
    /// The training window: 365 days.
    public var trainingWindowDays = 365
    /// Per dishonesty record in force where the official is the subject or a responsible official, decided within a
    /// year: serious −30, ordinary −15, minor −5; half that between one and three years; nothing older.
    public var recordPoints: [Severity: Decimal] = [.serious: -30, .ordinary: -15, .minor: -5]
    /// Per accountability applied in the last ``windowYears``: criticism and apology −5, admonishing talk −10,
    /// suspension −20, resignation by fault, ordered resignation and removal −30.
    public var accountabilityPoints: [AccountabilityForm: Decimal] = [
        .criticism: -5, .publicApology: -5, .admonishingTalk: -10, .suspension: -20, .resignation: -30,
        .orderedResignation: -30, .removal: -30,
    ]
    /// How far back honours, reports and accountability count: 3 years.
    public var windowYears = 3
    /// The lowest score of each band above 诚信较差: excellent 90, good 75, fair 60.
    public var thresholds: [OfficialGradeBand: Decimal] = [.excellent: 90, .good: 75, .fair: 60]
    /// How long after an accountability the official is not appointed or promoted (影响期), per form: an admonishing
    /// talk or a suspension 6 months, a resignation by fault, an ordered resignation or a removal 1 year.
    public var promotionBar: [AccountabilityForm: Period] = [
        .admonishingTalk: .months(6), .suspension: .months(6), .resignation: .years(1),
        .orderedResignation: .years(1), .removal: .years(1),
    ]
    /// How long after a concealment (瞒报) is found the official is not appointed or promoted: 1 year.
    public var concealmentBar: Period = .years(1)
    /// The purposes a grade of 诚信较差 restricts: appointment and promotion, honours.
    public var poorGradeRestricts: Set<CheckPurpose> = [.appointmentPromotion, .honours]

    /// The kit's defaults.
    public static let standard = OfficialGradeModel()

    /// The band of a score.
    /// - Parameter score: The score.
    /// - Returns: The band.
    public func band(of score: Decimal) -> OfficialGradeBand {
        for band in [OfficialGradeBand.excellent, .good, .fair]
        where score >= thresholds[band] ?? .greatestFiniteMagnitude {
            return band
        }
        return .poor
    }
}

/// An official's integrity grade on a day, item by item (公务员诚信等级): which fact, which rule, which points.
public struct OfficialGrade: Hashable, Sendable {
    /// One item of the grade.
    public struct Item: Hashable, Sendable {
        /// The model item (`official.grade.assessment`, `official.grade.record`, …).
        public var rule: RuleID
        /// Its points.
        public var points: Decimal
        /// Why, in Chinese.
        public var reason: String
        /// The entries it rests on.
        public var evidence: [LedgerEntry.ID]
        /// The day that counts.
        public var on: LocalDate
    }

    /// The official.
    public var official: SubjectID
    /// The day.
    public var date: LocalDate
    /// The model's starting score.
    public var base: Decimal
    /// The score, between 0 and 100.
    public var score: Decimal
    /// The band.
    public var band: OfficialGradeBand
    /// The items, in the file's order.
    public var items: [Item]
}

extension CoreView {
    /// An official's integrity grade on a day (公务员诚信等级), from the file and the records that name them, as the
    /// ledger knew it.
    /// - Parameters:
    ///   - official: The official.
    ///   - date: The day.
    ///   - model: The model.
    ///   - knownAt: What the ledger knew; everything by default.
    /// - Returns: The grade, or `nil` when the official was not registered by then.
    public func officialGrade(
        of official: SubjectID, on date: LocalDate, model: OfficialGradeModel = .standard,
        knownAt: Timestamp = .distantFuture
    ) -> OfficialGrade? {
        guard let state = subject(official, asOf: date, knownAt: knownAt), state.subject.kind == .official else {
            return nil
        }
        let facts = (officialFacts[official] ?? []).filter { $0.on <= date && $0.recordedAt <= knownAt }
        var items: [OfficialGrade.Item] = []
        func add(_ rule: RuleID, _ points: Decimal, _ reason: String, _ evidence: [LedgerEntry.ID], _ on: LocalDate) {
            items.append(.init(rule: rule, points: points, reason: reason, evidence: evidence, on: on))
        }
        let windowStart = date.adding(years: -model.windowYears)
        // Annual assessments: the latest years assessed.
        let assessments = facts.filter { $0.kind == .assessment }.sorted { ($0.year ?? 0) > ($1.year ?? 0) }
        for fact in assessments.prefix(model.assessmentYears) {
            guard let result = fact.assessment, let year = fact.year else { continue }
            add(
                "official.grade.assessment", model.assessmentPoints[result] ?? 0,
                "\(year)年度考核\(result.chineseName)（\(fact.text)）", [fact.sequence], fact.on)
        }
        // Honours, up to the cap.
        var honours: Decimal = 0
        for fact in facts where fact.kind == .honour && fact.on > windowStart {
            guard let level = fact.honourLevel else { continue }
            let points = min(model.honourPoints[level] ?? 0, max(0, model.honourCap - honours))
            honours += points
            add(
                "official.grade.honour", points,
                "\(fact.on)获\(level.chineseName)表彰「\(fact.text)」"
                    + (points < (model.honourPoints[level] ?? 0) ? "（已达加分上限）" : ""),
                [fact.sequence], fact.on)
        }
        // Personal-matters reports: late, unfiled, and what their checks found.
        for required in facts where required.kind == .reportRequired {
            guard let due = required.due, let year = required.year, due > windowStart else { continue }
            let filed = facts.first { $0.kind == .reportFiled && $0.year == year }
            if let filed, filed.on > due {
                add(
                    "official.grade.report-late", model.lateReport,
                    "\(year)年度个人有关事项报告\(filed.on)报送，晚于截止日\(due)", [required.sequence, filed.sequence], filed.on)
            } else if filed == nil, date > due {
                add(
                    "official.grade.report-unfiled", model.unfiledReport,
                    "\(year)年度个人有关事项报告截止\(due)，至\(date)未报送", [required.sequence], due.adding(days: 1))
            }
            if let checked = facts.first(where: { $0.kind == .reportVerified && $0.year == year }),
                let outcome = checked.verification
            {
                add(
                    "official.grade.report-verification", model.verificationPoints[outcome] ?? 0,
                    "\(year)年度个人有关事项报告查核：\(outcome.chineseName)（\(checked.text)，\(checked.on)）", [checked.sequence],
                    checked.on)
            }
        }
        // Integrity training in the window.
        let trainingStart = date.adding(days: -model.trainingWindowDays)
        if !facts.contains(where: { $0.kind == .training && $0.on > trainingStart }) {
            add(
                "official.grade.training", model.noTraining,
                "\(trainingStart.adding(days: 1))至\(date)未参加诚信教育培训", [], date)
        }
        // Dishonesty records in force, as subject or as a responsible official.
        for role in [EntryRef.Role.recordSubject, .responsibleOfficial] {
            for ref in refs[official] ?? []
            where ref.role == role && ref.effectiveDays <= date.daysSinceEpoch
                && ref.recordedMicros <= knownAt.microseconds
            {
                guard let severity = ref.severity, ref.severityIndex != .max else { continue }
                if let life = lifecycles[CreditRecord.ID(ref.sequence)],
                    life.revokedOn(asOf: date, knownAt: knownAt) != nil
                        || life.repairedOn(asOf: date, knownAt: knownAt) != nil
                {
                    continue
                }
                let decided = ref.effectiveDate
                guard decided > date.adding(years: -3) else { continue }
                let full = model.recordPoints[severity] ?? 0
                let recent = decided > date.adding(years: -1)
                add(
                    "official.grade.record", recent ? full : full / 2,
                    "\(role == .recordSubject ? "本人" : "作为责任人")\(severity.chineseName)失信记录 #\(ref.sequence)"
                        + "（\(ref.basis?.chineseName ?? "")，\(decided)认定\(recent ? "" : "，一年以上减半")）",
                    [ref.entry], decided)
            }
        }
        // Accountability, as it stands after the appeals decided by the day: a change counts its new form, a
        // revocation nothing (and says so).
        let (standing, revoked) = facts.standingAccountabilities()
        for item in standing where item.fact.on > windowStart {
            let changed = item.changedBy.map { "，\($0.on)经申诉变更为\(item.form.chineseName)" } ?? ""
            add(
                "official.grade.accountability", model.accountabilityPoints[item.form] ?? 0,
                "\(item.fact.on)受到问责：\(item.fact.accountability?.chineseName ?? "")（\(item.fact.text)）\(changed)",
                [item.fact.sequence] + (item.changedBy.map { [$0.sequence] } ?? []), item.fact.on)
        }
        for (fact, decided) in revoked where fact.on > windowStart {
            add(
                "official.grade.accountability", 0,
                "\(fact.on)所受问责（\(fact.accountability?.chineseName ?? "")）已于\(decided.on)经申诉撤销，不再扣分",
                [fact.sequence, decided.sequence], decided.on)
        }
        let raw = items.reduce(model.base) { $0 + $1.points }
        let score = min(100, max(0, raw))
        return OfficialGrade(
            official: official, date: date, base: model.base, score: score, band: model.band(of: score), items: items)
    }

    /// The restrictions an official's file puts on a purpose on a day: an accountability's bar on appointment and
    /// promotion (影响期), a concealment found in a personal-matters report, and a grade of 诚信较差. A poor grade's
    /// reason names the entry of its heaviest item that rests on one (0 when none does, as under a model whose base
    /// is below every threshold).
    func fileRestrictions(
        of official: SubjectID, for purpose: CheckPurpose, on date: LocalDate, model: OfficialGradeModel,
        knownAt: Timestamp
    ) -> [CreditCheck.Reason] {
        var out: [CreditCheck.Reason] = []
        let facts = (officialFacts[official] ?? []).filter { $0.on <= date && $0.recordedAt <= knownAt }
        if purpose == .appointmentPromotion {
            // An appeal decided by the day: revoked, the bar is gone from that day; changed, the new form's bar
            // runs from the accountability's own day.
            for item in facts.standingAccountabilities().standing {
                guard let bar = model.promotionBar[item.form] else { continue }
                let fact = item.fact
                let last = fact.on.adding(period: bar).adding(days: -1)
                guard date <= last else { continue }
                let changed = item.changedBy.map { "（\($0.on)经申诉变更）" } ?? ""
                out.append(
                    CreditCheck.Reason(
                        measure: .appointmentRestriction, incentive: nil, department: fact.text,
                        record: CreditRecord.ID(fact.sequence.rawValue), rule: "official.bar.accountability",
                        legalBasis: [], from: fact.on, until: last, adjustment: "\(item.form.chineseName)影响期\(changed)")
                )
            }
            for fact in facts where fact.kind == .reportVerified && fact.verification == .concealment {
                let last = fact.on.adding(period: model.concealmentBar).adding(days: -1)
                guard date <= last else { continue }
                out.append(
                    CreditCheck.Reason(
                        measure: .appointmentRestriction, incentive: nil, department: fact.text,
                        record: CreditRecord.ID(fact.sequence.rawValue), rule: "official.bar.concealment",
                        legalBasis: [], from: fact.on, until: last,
                        adjustment: "\(fact.year.map(String.init) ?? "")年度个人有关事项报告瞒报"))
            }
        }
        if model.poorGradeRestricts.contains(purpose),
            let grade = officialGrade(of: official, on: date, model: model, knownAt: knownAt), grade.band == .poor
        {
            // The heaviest item stands for the grade: the fact that weighs most against the official.
            let worst = grade.items.filter { !$0.evidence.isEmpty }.min { $0.points < $1.points }
            out.append(
                CreditCheck.Reason(
                    measure: purpose == .honours ? .honoursIneligible : .appointmentRestriction, incentive: nil,
                    department: "", record: CreditRecord.ID(worst?.evidence.first?.rawValue ?? 0),
                    rule: "official.bar.poor-grade", legalBasis: [], from: date, until: date,
                    adjustment: "截至\(date)：\(grade.band.chineseName)，\(grade.score)分（逐日评定）"))
        }
        return out
    }
}
