import Foundation

/// The rules of law-enforcement integrity (行政执法诚信).
public enum EnforcementLaw {
    typealias F = FigureTable

    /// `enforcement.officer.uncertified`: 无有效执法证件实施行政执法.
    public static let officerUncertified = RuleDeclaration(
        "enforcement.officer.uncertified",
        F.name("无有效执法证件实施行政执法", "enforcement by an officer without a valid enforcement certificate"),
        RuleVersion(
            figure: Figure(0, .count), basis: [F.cite("《中华人民共和国行政处罚法》（2021）", "第四十二条")],
            from: F.day("2021-07-15"),
            note: "every officer of an act holds a certificate valid on the act's day: issued by then, not expired, "
                + "not revoked"))

    /// `enforcement.officers.minimum`: 执法人员不得少于两人.
    public static let officersMinimum = RuleDeclaration(
        "enforcement.officers.minimum", F.name("执法人员不得少于两人", "at least two officers enforce"),
        RuleVersion(
            figure: Figure(2, .count), basis: [F.cite("《中华人民共和国行政处罚法》（2021）", "第四十二条")],
            from: F.day("2021-07-15"), note: "a law providing otherwise is recorded with the act (an exception)"))

    /// `enforcement.unit.overturned-share`: 行政执法决定被撤销、变更或者确认违法的比例.
    public static let unitOverturnedShare = RuleDeclaration(
        "enforcement.unit.overturned-share",
        F.name("行政执法决定被纠错比例", "share of a unit's decisions revoked, changed or found unlawful in a year, above"),
        RuleVersion(
            figure: Figure(10, .percent), basis: [F.cite("国发〔2016〕76号")], confirmed: false,
            note: "documented default: the plans ask for enforcement integrity to be evaluated but set no share; set "
                + "the platform's figure in its profile. A year is judged once it is over: its reconsideration and litigation outcomes that "
                + "revoked, changed or found unlawful a decision, over the unit's acts of that year"))

    /// Every enforcement rule.
    public static let all: [RuleDeclaration] = [officerUncertified, officersMinimum, unitOverturnedShare]
}

/// How a reconsideration or a lawsuit against an enforcement decision ended (复议、诉讼结果).
public enum EnforcementReviewOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// 维持 (or the claim dismissed).
    case upheld
    /// 变更.
    case changed
    /// 撤销.
    case revoked
    /// 确认违法.
    case confirmedUnlawful

    /// Whether the decision was found wrong (纠错).
    public var overturns: Bool { self != .upheld }

    /// The outcome in Chinese.
    public var chineseName: String {
        switch self {
        case .upheld: "维持"
        case .changed: "变更"
        case .revoked: "撤销"
        case .confirmedUnlawful: "确认违法"
        }
    }
}

/// Reconsideration or litigation (复议或诉讼).
public enum EnforcementReviewRoute: String, Hashable, Sendable, Codable, CaseIterable {
    /// 行政复议.
    case reconsideration
    /// 行政诉讼.
    case litigation

    /// The route in Chinese.
    public var chineseName: String { self == .reconsideration ? "行政复议" : "行政诉讼" }
}

/// An enforcement certificate issued to an officer (行政执法证件): `core.enforcement.certificate`.
public struct EnforcementCertificateIssued: LedgerEvent, Hashable {
    /// `core.enforcement.certificate`.
    public static let kind: EventKind = "core.enforcement.certificate"
    /// The officer.
    public var official: SubjectID
    /// The unit the officer enforces for.
    public var unit: SubjectID
    /// The certificate's number.
    public var number: String
    /// Its first valid day.
    public var validFrom: LocalDate
    /// Its last valid day.
    public var validUntil: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - official: The officer.
    ///   - unit: The unit.
    ///   - number: The certificate's number.
    ///   - validFrom: Its first valid day.
    ///   - validUntil: Its last valid day.
    public init(official: SubjectID, unit: SubjectID, number: String, validFrom: LocalDate, validUntil: LocalDate) {
        self.official = official
        self.unit = unit
        self.number = number
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// The first valid day.
    public var effectiveDate: LocalDate { validFrom }
    /// The officer, then the unit.
    public var subjects: [SubjectID] { [official, unit] }

    /// Refuses an unknown officer or unit, an empty number, or a validity that ends before it starts.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "enforcement officer")
        try context.requireSubject(unit, kind: .agency, role: "enforcement unit")
        try context.requireOfficialText(number, "a certificate's number")
        guard validUntil >= validFrom else {
            throw CreditKitError(.invalidEvent, "certificate \(number) expires (\(validUntil)) before it starts")
        }
    }
}

/// An enforcement certificate revoked (行政执法证件注销或者吊销): `core.enforcement.certificate-revoked`.
public struct EnforcementCertificateRevoked: LedgerEvent, Hashable {
    /// `core.enforcement.certificate-revoked`.
    public static let kind: EventKind = "core.enforcement.certificate-revoked"
    /// The officer.
    public var official: SubjectID
    /// The certificate's number.
    public var number: String
    /// The first day it is no longer valid.
    public var on: LocalDate
    /// Why.
    public var reason: String

    /// Makes the event.
    /// - Parameters:
    ///   - official: The officer.
    ///   - number: The certificate's number.
    ///   - on: The first day it is no longer valid.
    ///   - reason: Why.
    public init(official: SubjectID, number: String, on: LocalDate, reason: String) {
        self.official = official
        self.number = number
        self.on = on
        self.reason = reason
    }

    /// The day revoked.
    public var effectiveDate: LocalDate { on }
    /// The officer.
    public var subjects: [SubjectID] { [official] }

    /// Refuses an unknown officer or an empty reason.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "enforcement officer")
        try context.requireOfficialText(number, "a certificate's number")
        try context.requireOfficialText(reason, "the reason")
    }
}

/// An enforcement act of a unit (行政执法行为): `core.enforcement.act`, with the officers who carried it out.
public struct EnforcementActRecorded: LedgerEvent, Hashable {
    /// `core.enforcement.act`.
    public static let kind: EventKind = "core.enforcement.act"
    /// The unit's own report of its act.
    public static var authorship: Authorship { .reportingUnit }
    /// The unit.
    public var unit: SubjectID
    /// The case number, for example 秦交执〔2026〕15号.
    public var caseNumber: String
    /// What was done: 行政处罚, 行政检查, 行政强制 …
    public var matter: String
    /// The officers who carried it out.
    public var officers: [SubjectID]
    /// The day.
    public var on: LocalDate
    /// A law that lets fewer than two officers act, when one does (法律另有规定).
    public var exception: LegalCitation?

    /// Makes the event.
    /// - Parameters:
    ///   - unit: The unit.
    ///   - caseNumber: The case number.
    ///   - matter: What was done.
    ///   - officers: The officers.
    ///   - on: The day.
    ///   - exception: A law that lets fewer officers act.
    public init(
        unit: SubjectID, caseNumber: String, matter: String, officers: [SubjectID], on: LocalDate,
        exception: LegalCitation? = nil
    ) {
        self.unit = unit
        self.caseNumber = caseNumber
        self.matter = matter
        self.officers = officers
        self.on = on
        self.exception = exception
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// The unit, then the officers.
    public var subjects: [SubjectID] { [unit] + officers }

    /// Refuses an unknown unit or officer, no officer at all, an officer named twice, or an empty case or matter.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(unit, kind: .agency, role: "enforcement unit")
        try context.requireOfficialText(caseNumber, "the case number")
        try context.requireOfficialText(matter, "the matter")
        guard !officers.isEmpty, Set(officers).count == officers.count else {
            throw CreditKitError(.invalidEvent, "an act names its officers, each once")
        }
        for officer in officers { try context.requireSubject(officer, kind: .official, role: "enforcement officer") }
    }
}

/// A reconsideration or lawsuit against an enforcement decision concluded (行政复议、行政诉讼结果):
/// `core.enforcement.review`.
public struct EnforcementReviewConcluded: LedgerEvent, Hashable {
    /// `core.enforcement.review`.
    public static let kind: EventKind = "core.enforcement.review"
    /// The unit whose decision was reviewed.
    public var unit: SubjectID
    /// The act's case number.
    public var caseNumber: String
    /// Reconsideration or litigation.
    public var route: EnforcementReviewRoute
    /// The outcome.
    public var outcome: EnforcementReviewOutcome
    /// The day of the decision or judgment.
    public var on: LocalDate
    /// The reconsideration organ or the court.
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - unit: The unit.
    ///   - caseNumber: The act's case number.
    ///   - route: Reconsideration or litigation.
    ///   - outcome: The outcome.
    ///   - on: The day.
    ///   - by: The organ or court.
    public init(
        unit: SubjectID, caseNumber: String, route: EnforcementReviewRoute, outcome: EnforcementReviewOutcome,
        on: LocalDate, by: String
    ) {
        self.unit = unit
        self.caseNumber = caseNumber
        self.route = route
        self.outcome = outcome
        self.on = on
        self.by = by
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// The unit.
    public var subjects: [SubjectID] { [unit] }

    /// Refuses an unknown unit, or an empty case number or body.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(unit, kind: .agency, role: "enforcement unit")
        try context.requireOfficialText(caseNumber, "the case number")
        try context.requireOfficialText(by, "the reviewing organ or court")
    }
}

/// A unit's enforcement record for a year (执法诚信情况): acts, reviews concluded and how many found the decision wrong.
public struct EnforcementYear: Hashable, Sendable {
    /// The unit.
    public var unit: SubjectID
    /// The year.
    public var year: Int
    /// Acts in the year.
    public var acts: Int
    /// Reconsiderations and lawsuits concluded in the year.
    public var reviews: Int
    /// Of those, the decisions revoked, changed or found unlawful.
    public var overturned: Int
    /// Acts by an officer without a valid certificate.
    public var uncertifiedActs: Int
    /// The entries.
    public var evidence: [LedgerEntry.ID]

    /// The overturned share in percent, or `nil` without acts.
    public var overturnedPercent: Decimal? {
        acts == 0 ? nil : Decimal(overturned) * 100 / Decimal(acts)
    }
}

extension CreditKit {
    /// The enforcement facts of a unit, read from its entries: certificates of its officers, acts, reviews.
    private func enforcementFacts(of unit: SubjectID, knownAt: Timestamp) throws -> (
        acts: [(LedgerEntry, EnforcementActRecorded)], reviews: [(LedgerEntry, EnforcementReviewConcluded)]
    ) {
        var acts: [(LedgerEntry, EnforcementActRecorded)] = []
        var reviews: [(LedgerEntry, EnforcementReviewConcluded)] = []
        for entry in try ledger.entries(concerningSync: unit) where entry.recordedAt <= knownAt {
            if let act = try ledger.registry.decode(entry, as: EnforcementActRecorded.self), act.unit == unit {
                acts.append((entry, act))
            } else if let review = try ledger.registry.decode(entry, as: EnforcementReviewConcluded.self) {
                reviews.append((entry, review))
            }
        }
        return (acts, reviews)
    }

    /// Whether an officer held a valid certificate on a day, and which.
    private func certificate(of officer: SubjectID, on day: LocalDate, knownAt: Timestamp) throws -> String? {
        var valid: [String: (LocalDate, LocalDate)] = [:]
        var revoked: [String: LocalDate] = [:]
        for entry in try ledger.entries(concerningSync: officer) where entry.recordedAt <= knownAt {
            if let issued = try ledger.registry.decode(entry, as: EnforcementCertificateIssued.self),
                issued.official == officer
            {
                valid[issued.number] = (issued.validFrom, issued.validUntil)
            } else if let gone = try ledger.registry.decode(entry, as: EnforcementCertificateRevoked.self),
                gone.official == officer
            {
                revoked[gone.number] = min(revoked[gone.number] ?? gone.on, gone.on)
            }
        }
        return valid.keys.sorted().first { number in
            let (from, until) = valid[number]!
            return from <= day && day <= until && (revoked[number].map { day < $0 } ?? true)
        }
    }

    /// The findings of law-enforcement integrity (行政执法诚信) as of a day: acts by an officer without a valid
    /// certificate, acts by fewer officers than the law requires, and units whose decisions were found wrong above
    /// the profile's share in a year that is over.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings.
    /// - Throws: Storage errors; a rule with no figure in the profile.
    public func enforcementFindings(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let now = ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        guard view.kindsSeen.contains(EnforcementActRecorded.kind) else { return [] }
        var out: [Finding] = []
        for state in view.subjects(ofKind: .agency, asOf: day, knownAt: known) {
            let unit = state.subject.id
            let (acts, reviews) = try enforcementFacts(of: unit, knownAt: known)
            for (entry, act) in acts where act.on <= day {
                if let figure = try profile.figureInForce(EnforcementLaw.officerUncertified.id, on: act.on) {
                    for officer in act.officers where try certificate(of: officer, on: act.on, knownAt: known) == nil {
                        out.append(
                            Finding(
                                rule: figure.rule, title: figure.title, basis: figure.basis, subject: unit,
                                severity: .serious,
                                facts: [
                                    Finding.Fact("case", act.caseNumber), Finding.Fact("matter", act.matter),
                                    Finding.Fact("officer", officer.rawValue),
                                ],
                                dates: [Finding.NamedDate("act", act.on)], evidence: [entry.id], asOf: day,
                                occasion: "\(act.caseNumber)|\(officer.rawValue)"))
                    }
                }
                if let figure = try profile.figureInForce(EnforcementLaw.officersMinimum.id, on: act.on),
                    act.exception == nil, Decimal(act.officers.count) < figure.figure.value
                {
                    out.append(
                        Finding(
                            rule: figure.rule, title: figure.title, basis: figure.basis, subject: unit,
                            severity: .ordinary,
                            facts: [
                                Finding.Fact("case", act.caseNumber),
                                Finding.Fact("officers", String(act.officers.count)),
                                Finding.Fact("figure", figure.figure.description),
                            ],
                            dates: [Finding.NamedDate("act", act.on)], evidence: [entry.id], asOf: day,
                            occasion: act.caseNumber))
                }
            }
            // Each year that is over: the share of its acts found wrong by the reviews concluded in it.
            let years = Set(acts.map(\.1.on.year)).union(reviews.map(\.1.on.year)).filter { $0 < day.year }
            for year in years.sorted() {
                let end = try LocalDate(year: year, month: 12, day: 31)
                guard let figure = try profile.figureInForce(EnforcementLaw.unitOverturnedShare.id, on: end) else {
                    continue
                }
                let yearActs = acts.filter { $0.1.on.year == year }
                let overturned = reviews.filter { $0.1.on.year == year && $0.1.outcome.overturns }
                guard !yearActs.isEmpty else { continue }
                let share = Decimal(overturned.count) * 100 / Decimal(yearActs.count)
                guard share > figure.figure.value else { continue }
                out.append(
                    Finding(
                        rule: figure.rule, title: figure.title, basis: figure.basis, subject: unit, severity: .ordinary,
                        facts: [
                            Finding.Fact("year", String(year)), Finding.Fact("acts", String(yearActs.count)),
                            Finding.Fact("overturned", String(overturned.count)),
                            Finding.Fact("share", "\(share.roundedToTwoPlaces)%"),
                            Finding.Fact("figure", figure.figure.description),
                        ],
                        dates: [Finding.NamedDate("yearEnd", end)], evidence: overturned.map(\.0.id), asOf: day,
                        occasion: String(year)))
            }
        }
        return out
    }

    /// A unit's enforcement record for a year, as the ledger knew it (执法诚信情况).
    /// - Parameters:
    ///   - unit: The unit.
    ///   - year: The year.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The record.
    /// - Throws: Storage errors.
    public func enforcementYear(of unit: SubjectID, year: Int, knownAt: Timestamp? = nil) throws -> EnforcementYear {
        let known = knownAt ?? ledger.clock.now()
        let (acts, reviews) = try enforcementFacts(of: unit, knownAt: known)
        let yearActs = acts.filter { $0.1.on.year == year }
        let yearReviews = reviews.filter { $0.1.on.year == year }
        var uncertified = 0
        for (_, act) in yearActs {
            for officer in act.officers where try certificate(of: officer, on: act.on, knownAt: known) == nil {
                uncertified += 1
                break
            }
        }
        return EnforcementYear(
            unit: unit, year: year, acts: yearActs.count, reviews: yearReviews.count,
            overturned: yearReviews.filter { $0.1.outcome.overturns }.count, uncertifiedActs: uncertified,
            evidence: (yearActs.map(\.0.id) + yearReviews.map(\.0.id)).sorted())
    }
}

extension CreditKit {
    /// The enforcement section of an agency's credit file (行政执法诚信): the last three years' acts, reviews concluded,
    /// decisions found wrong and acts by officers without a valid certificate; `nil` for an agency that recorded no act.
    func enforcementSection(of unit: SubjectID, asOf: LocalDate) throws -> ReportSection? {
        guard view.kindsSeen.contains(EnforcementActRecorded.kind), view.subject(unit)?.subject.kind == .agency else {
            return nil
        }
        let years = try (asOf.year - 2...asOf.year).map { try enforcementYear(of: unit, year: $0) }
        guard years.contains(where: { $0.acts > 0 || $0.reviews > 0 }) else { return nil }
        return ReportSection(
            title: "行政执法诚信 Law enforcement",
            blocks: [
                .table(
                    ReportTable(
                        name: "enforcement", caption: "执法情况（按年度） Enforcement by year",
                        headers: [
                            "年度 Year", "执法行为 Acts", "复议诉讼结案 Reviews", "被撤销变更或确认违法 Overturned", "纠错比例 Share",
                            "无有效证件执法 Uncertified",
                        ],
                        rows: years.map { y in
                            [
                                String(y.year), String(y.acts), String(y.reviews), String(y.overturned),
                                y.overturnedPercent.map { "\($0.roundedToTwoPlaces)%" } ?? "—",
                                String(y.uncertifiedActs),
                            ]
                        })),
                .paragraph(
                    "纠错比例为当年被撤销、变更或确认违法的决定数占当年执法行为数；截至\(asOf)，\(asOf.year)年数据为年内累计。"),
            ])
    }
}

/// An indicator of law-enforcement integrity (行政执法诚信指标), for a model that scores it: full points without
/// decisions found wrong or acts by officers without a valid certificate in the year; each decision revoked,
/// changed or found unlawful takes 2 points, each act with an uncertified officer 1. It is not in the default model
/// (whose weights the reports and rankings are calibrated on); a platform adds it to its own.
public struct EnforcementIndicator: Indicator {
    /// The units' records for the year scored, made with ``CreditKit/enforcementYear(of:year:knownAt:)``.
    public var years: [SubjectID: EnforcementYear]
    /// The indicator's weight: 10 by default.
    public var weight: Double

    /// Makes the indicator from the units' records.
    /// - Parameters:
    ///   - years: Each unit's enforcement year.
    ///   - weight: The weight.
    public init(years: [SubjectID: EnforcementYear], weight: Double = 10) {
        self.years = years
        self.weight = weight
    }

    /// The indicator for every agency, for a year, read from a kit.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - year: The year.
    ///   - weight: The weight.
    /// - Returns: The indicator.
    /// - Throws: Storage errors.
    public static func of(_ kit: CreditKit, year: Int, weight: Double = 10) throws -> EnforcementIndicator {
        var years: [SubjectID: EnforcementYear] = [:]
        for state in kit.view.subjects(ofKind: .agency) {
            years[state.subject.id] = try kit.enforcementYear(of: state.subject.id, year: year)
        }
        return EnforcementIndicator(years: years, weight: weight)
    }

    /// `eval.enforcement`.
    public var id: RuleID { "eval.enforcement" }
    /// 行政执法诚信.
    public var name: LocalizedName { LocalizedName(chinese: "行政执法诚信", english: "law-enforcement integrity") }

    /// Scores one unit.
    /// - Parameters:
    ///   - subject: The unit.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        guard let year = years[subject] else {
            throw CreditKitError(.invalidArgument, "the enforcement indicator has no record of \(subject)")
        }
        var items: [IndicatorScore.Item] = []
        if year.overturned > 0 {
            items.append(
                .init(
                    points: -2 * Double(year.overturned),
                    reason: "\(year.year)年\(year.overturned)件执法决定被撤销、变更或确认违法", dates: [], evidence: year.evidence))
        }
        if year.uncertifiedActs > 0 {
            items.append(
                .init(
                    points: -Double(year.uncertifiedActs),
                    reason: "\(year.year)年\(year.uncertifiedActs)件执法行为有无有效执法证件的人员参与", dates: [],
                    evidence: year.evidence))
        }
        let points = max(0, weight + items.reduce(0) { $0 + $1.points })
        return IndicatorScore(indicator: id, name: name, weight: weight, points: points, items: items, improvements: [])
    }
}
