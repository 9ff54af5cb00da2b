import CreditKitCore
import Foundation

/// A third-party credit report on a tenderer, imported (第三方信用报告): `bidding.credit-report.imported`.
public struct ThirdPartyCreditReport: LedgerEvent, Hashable {
    /// `bidding.credit-report.imported`.
    public static let kind: EventKind = "bidding.credit-report.imported"
    /// The tenderer, a registered enterprise.
    public var enterprise: SubjectID
    /// The credit service agency that issued it.
    public var source: String
    /// Its number.
    public var reportNumber: String
    /// The grade: `AAA`, `AA`, `A`, `BBB`, `BB`, `B`, `CCC`, `CC`, `C`.
    public var grade: String
    /// The day issued.
    public var issuedOn: LocalDate
    /// The last day it is valid.
    public var validThrough: LocalDate

    /// The grades in order, best first.
    public static let grades = ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"]

    /// Makes the event.
    /// - Parameters:
    ///   - enterprise: The tenderer.
    ///   - source: Who issued it.
    ///   - reportNumber: Its number.
    ///   - grade: The grade.
    ///   - issuedOn: The day issued.
    ///   - validThrough: The last day valid.
    public init(
        enterprise: SubjectID, source: String, reportNumber: String, grade: String, issuedOn: LocalDate,
        validThrough: LocalDate
    ) {
        self.enterprise = enterprise
        self.source = source
        self.reportNumber = reportNumber
        self.grade = grade
        self.issuedOn = issuedOn
        self.validThrough = validThrough
    }

    /// The day issued.
    public var effectiveDate: LocalDate { issuedOn }
    /// The tenderer.
    public var subjects: [SubjectID] { [enterprise] }

    /// Refuses an unknown grade, an unregistered enterprise or a validity ending before issue.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(enterprise, kind: .enterprise, role: "rated tenderer")
        guard Self.grades.contains(grade) else {
            throw CreditKitError(.invalidEvent, "grade '\(grade)' is not one of \(Self.grades.joined(separator: ", "))")
        }
        guard validThrough >= issuedOn, !source.allSatisfy(\.isWhitespace) else {
            throw CreditKitError(.invalidEvent, "a credit report names its source and is valid from its issue")
        }
    }
}

/// What the participant indicators read of one tenderer, gathered once.
struct ParticipantFacts {
    var bids: [(opened: LocalDate, accepted: Bool, project: String, entry: LedgerEntry.ID)] = []
    var reports: [(report: ThirdPartyCreditReport, entry: LedgerEntry.ID)] = []
    var blacklist: [(listed: BlacklistListed, entry: LedgerEntry.ID)] = []

    /// Reads the facts; a ledger that holds no bidding fact at all has none to read.
    init(_ subject: SubjectID, _ context: EvaluationContext, indicator: RuleID) throws {
        let ledger = try context.requireLedger(for: indicator)
        guard BiddingLedger.holdsBidding(context.view) else { return }
        let events = try BiddingLedger.events(
            in: ledger, view: context.view, subject: subject, asOf: context.asOf, knownAt: context.knownAt)
        for (entry, event) in events {
            switch event {
            case let e as CaseEvent<BidsOpened>:
                for bid in e.bids where bid.tenderer.identifier == subject.rawValue {
                    bids.append((e.on, bid.accepted, e.caseID.rawValue, entry.id))
                }
            case let e as ThirdPartyCreditReport: reports.append((e, entry.id))
            case let e as BlacklistListed: blacklist.append((e, entry.id))
            default: break
            }
        }
    }
}

/// 黑名单 (default 40 points): full points with no entry; an entry in force takes half, a serious one all; an entry
/// that ended within the past three years takes an eighth.
public struct BlacklistIndicator: Indicator {
    /// The points it carries.
    public var weight: Double
    /// Makes the indicator.
    /// - Parameter weight: The points it carries.
    public init(weight: Double = 40) { self.weight = weight }
    /// `bidding.participant.blacklist`.
    public var id: RuleID { "bidding.participant.blacklist" }
    /// 不良行为记录.
    public var name: LocalizedName { LocalizedName(chinese: "不良行为黑名单", english: "blacklist") }

    /// Scores the blacklist entries.
    /// - Parameters:
    ///   - subject: The tenderer.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let facts = try ParticipantFacts(subject, context, indicator: id)
        var points = weight
        var items: [IndicatorScore.Item] = []
        for (e, seq) in facts.blacklist {
            let cost: Double
            if e.from <= context.asOf && context.asOf <= e.through {
                cost = e.serious ? weight : weight / 2
            } else if e.through < context.asOf && e.through >= context.asOf.adding(years: -3) {
                cost = weight / 8
            } else {
                continue
            }
            points -= cost
            items.append(
                .init(
                    points: -cost, reason: "\(e.ground.chineseName)\(e.serious ? "（情节特别严重）" : "")",
                    dates: [.init("from", e.from), .init("through", e.through)], evidence: [e.record.entry, seq]))
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: max(0, points), items: context.explain ? items : [],
            improvements: [])
    }
}

/// 投标行为 (default 30 points): the share of the tenderer's bids of the past three years that passed the compliance
/// review; full points with no bids.
public struct BiddingConductIndicator: Indicator {
    /// The points it carries.
    public var weight: Double
    /// Makes the indicator.
    /// - Parameter weight: The points it carries.
    public init(weight: Double = 30) { self.weight = weight }
    /// `bidding.participant.conduct`.
    public var id: RuleID { "bidding.participant.conduct" }
    /// 投标行为.
    public var name: LocalizedName { LocalizedName(chinese: "投标行为", english: "bidding conduct") }

    /// Scores the bids.
    /// - Parameters:
    ///   - subject: The tenderer.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let since = context.asOf.adding(years: -3)
        let bids = try ParticipantFacts(subject, context, indicator: id).bids.filter { $0.opened > since }
        guard !bids.isEmpty else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        }
        let rejected = bids.filter { !$0.accepted }
        let share = weight / Double(bids.count)
        let items = rejected.map {
            IndicatorScore.Item(
                points: -share, reason: "投标被否决：项目 \($0.project)", dates: [.init("opened", $0.opened)],
                evidence: [$0.entry])
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: weight - share * Double(rejected.count),
            items: context.explain ? items : [], improvements: [])
    }
}

/// 第三方信用评价 (default 30 points): the grade of the latest third-party credit report valid on the day (AAA all,
/// each grade down a tenth less, C and below none); half the points with no valid report.
public struct ThirdPartyCreditIndicator: Indicator {
    /// The points it carries.
    public var weight: Double
    /// Makes the indicator.
    /// - Parameter weight: The points it carries.
    public init(weight: Double = 30) { self.weight = weight }
    /// `bidding.participant.third-party`.
    public var id: RuleID { "bidding.participant.third-party" }
    /// 第三方信用评价.
    public var name: LocalizedName { LocalizedName(chinese: "第三方信用评价", english: "third-party credit reports") }

    /// The share of the points a grade earns.
    static func share(_ grade: String) -> Double {
        switch grade {
        case "AAA": 1
        case "AA": 0.9
        case "A": 0.8
        case "BBB": 0.6
        case "BB": 0.4
        case "B": 0.2
        default: 0
        }
    }

    /// Scores the latest valid report.
    /// - Parameters:
    ///   - subject: The tenderer.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let valid = try ParticipantFacts(subject, context, indicator: id).reports.filter {
            $0.report.issuedOn <= context.asOf && context.asOf <= $0.report.validThrough
        }
        guard let (latest, seq) = valid.max(by: { $0.report.issuedOn < $1.report.issuedOn }) else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight / 2,
                items: [.init(points: -weight / 2, reason: "无有效第三方信用报告", dates: [], evidence: [])],
                improvements: [.init(action: "提供有效的第三方信用报告", points: weight / 2, evidence: [])])
        }
        let points = weight * Self.share(latest.grade)
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: points,
            items: [
                .init(
                    points: points - weight, reason: "\(latest.source) \(latest.reportNumber) 等级 \(latest.grade)",
                    dates: [.init("issued", latest.issuedOn), .init("validThrough", latest.validThrough)],
                    evidence: [seq])
            ], improvements: [])
    }
}

/// The credit evaluation of bidding participants (投标人信用评价): configurable indicators and weights over bidding
/// conduct, blacklist entries and third-party credit reports; a score, a grade and an integrity file (诚信档案) per
/// participant.
public enum ParticipantEvaluation {
    /// The default model: blacklist 40, conduct 30, third-party reports 30; A ≥ 90, B ≥ 80, C ≥ 60.
    public static var defaultModel: ScoringModel {
        ScoringModel(indicators: [BlacklistIndicator(), BiddingConductIndicator(), ThirdPartyCreditIndicator()])
    }

    /// A model with other weights (each indicator's points; they need not add up to 100).
    /// - Parameters:
    ///   - blacklist: The blacklist's points.
    ///   - conduct: Bidding conduct's points.
    ///   - thirdParty: Third-party reports' points.
    /// - Returns: The model.
    public static func model(blacklist: Double, conduct: Double, thirdParty: Double) -> ScoringModel {
        ScoringModel(
            indicators: [
                BlacklistIndicator(weight: blacklist), BiddingConductIndicator(weight: conduct),
                ThirdPartyCreditIndicator(weight: thirdParty),
            ])
    }

    /// Scores one participant.
    /// - Parameters:
    ///   - participant: The tenderer, a registered enterprise.
    ///   - kit: The kit.
    ///   - asOf: The day.
    ///   - model: The model.
    /// - Returns: The score card.
    /// - Throws: When the facts cannot be read.
    public static func score(
        _ participant: SubjectID, in kit: CreditKit, asOf: LocalDate, model: ScoringModel = defaultModel
    ) throws -> ScoreCard {
        let context = try EvaluationContext(
            view: kit.view, asOf: asOf, knownAt: kit.ledger.clock.now(), profile: kit.profile, commitments: [:],
            explain: true, ledger: kit.ledger)
        return try model.score(participant, in: context)
    }

    /// The participant's integrity file (诚信档案): score, grade and their reasons, blacklist entries, bids and
    /// credit reports, the joint measures in force, and its records.
    /// - Parameters:
    ///   - participant: The tenderer.
    ///   - kit: The kit.
    ///   - asOf: The day.
    ///   - model: The model.
    /// - Returns: The report.
    /// - Throws: `CreditKitError` (`unknownSubject`) when not registered, (`invalidArgument`) for a subject that is
    ///   not an enterprise; storage errors.
    public static func integrityFile(
        of participant: SubjectID, in kit: CreditKit, asOf: LocalDate, model: ScoringModel = defaultModel
    ) throws -> Report {
        guard let state = kit.view.subject(participant, asOf: asOf) else {
            throw CreditKitError(.unknownSubject, "\(participant) is not registered on \(asOf)")
        }
        guard state.subject.kind == .enterprise else {
            throw CreditKitError(
                .invalidArgument,
                "\(participant) is a registered \(state.subject.kind.rawValue); an integrity file is a bidder's, an enterprise's"
            )
        }
        let card = try score(participant, in: kit, asOf: asOf, model: model)
        let context = try EvaluationContext(
            view: kit.view, asOf: asOf, profile: kit.profile, commitments: [:], ledger: kit.ledger)
        let facts = try ParticipantFacts(participant, context, indicator: "bidding.participant")
        let f = ReportFormat.number
        let blacklist = try BiddingBlacklist.entries(in: kit, asOf: asOf).filter { $0.enterprise == participant }
        let tender = kit.check(participant, for: .tenderParticipation, on: asOf)
        let records = try kit.profile(of: participant, asOf: asOf)?.records.filter { $0.role == .recordSubject } ?? []
        return Report(
            title: "诚信档案：" + (try kit.name(of: participant)),
            subtitle: "Integrity file of \(participant) — bidding participant", asOf: asOf,
            keyFigures: [
                KeyFigure("评分 Score", f(card.score), note: "\(card.indicators.count)项指标"),
                KeyFigure("等级 Grade", card.grade),
                KeyFigure(
                    "可否投标 May bid", tender?.allowed == false ? "否 No" : "是 Yes",
                    note: tender?.restrictions.first.map { "至 \($0.until)" } ?? ""),
                KeyFigure("黑名单 Blacklist entries", String(blacklist.count)),
            ],
            sections: [
                ReportSection(
                    title: "信用评价 Evaluation",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "participant-score", caption: "得分 Points by indicator",
                                headers: ["指标 Indicator", "分值 Points", "满分 Weight"],
                                rows: card.indicators.map { [$0.name.chinese, f($0.points), f($0.weight)] })),
                        .table(
                            ReportTable(
                                name: "participant-reasons", caption: "扣分依据 Reasons",
                                headers: ["指标 Indicator", "分值 Points", "依据 Reason", "日期 Dates", "账本条目 Entries"],
                                rows: card.indicators.flatMap { i in
                                    i.items.map { item in
                                        [
                                            i.name.chinese, f(item.points), item.reason,
                                            item.dates.map {
                                                "\(kit.factLabels(for: i.indicator).label($0.name)) \($0.date)"
                                            }.joined(
                                                separator: "；"),
                                            item.evidence.map { "#\($0)" }.joined(separator: " "),
                                        ]
                                    }
                                })),
                    ]),
                ReportSection(
                    title: "联合奖惩 Joint reward and punishment",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "participant-measures", caption: "参与招标投标 On taking part in tenders",
                                headers: ["类别 Kind", "措施 Measure", "部门 Department", "依据 Basis", "至 Until"],
                                rows: (tender?.restrictions ?? []).map {
                                    [
                                        "惩戒", $0.measure?.chineseName ?? "", $0.department,
                                        $0.legalBasis.map(\.description).joined(separator: "；"),
                                        $0.until.description,
                                    ]
                                }
                                    + (tender?.incentives ?? []).map {
                                        [
                                            "激励", $0.incentive?.chineseName ?? "", $0.department,
                                            $0.legalBasis.map(\.description).joined(separator: "；"),
                                            $0.until.description,
                                        ]
                                    }))
                    ]),
                ReportSection(
                    title: "黑名单与投标记录 Blacklist and bids",
                    blocks: [
                        .table(
                            ReportTable(
                                name: "participant-blacklist", caption: "黑名单 Blacklist entries",
                                headers: ["事由 Ground", "起 From", "止 Through", "情节 Class", "文号 Document"],
                                rows: blacklist.map {
                                    [
                                        $0.ground.chineseName, $0.from.description, $0.through.description,
                                        $0.serious ? "情节特别严重" : "情节严重", $0.documentNumber,
                                    ]
                                })),
                        .table(
                            ReportTable(
                                name: "participant-bids", caption: "投标记录 Bids",
                                headers: ["项目 Project", "开标 Opened", "结果 Review"],
                                rows: facts.bids.map { [$0.project, $0.opened.description, $0.accepted ? "通过" : "否决"] })
                        ),
                        .table(
                            ReportTable(
                                name: "participant-reports", caption: "第三方信用报告 Third-party credit reports",
                                headers: ["来源 Source", "编号 Number", "等级 Grade", "出具 Issued", "有效至 Valid through"],
                                rows: facts.reports.map {
                                    [
                                        $0.report.source, $0.report.reportNumber, $0.report.grade,
                                        $0.report.issuedOn.description, $0.report.validThrough.description,
                                    ]
                                })),
                        .table(
                            ReportTable(
                                name: "participant-records", caption: "信用记录 Records",
                                headers: ["编号 Id", "类型 Kind", "决定日期 Decided", "文号 Document", "事实 Facts"],
                                rows: records.map {
                                    [
                                        String($0.id.rawValue), $0.record.polarity == .dishonesty ? "失信" : "守信",
                                        $0.record.decisionDate.description, $0.record.documentNumber, $0.record.facts,
                                    ]
                                })),
                    ]),
            ])
    }

    /// Imports a third-party credit report: the report, and, for a grade of A or better, a good record of basis
    /// third-party assessment, which brings the module's incentives (a reduced bid bond) for a year.
    /// - Parameters:
    ///   - report: The report.
    ///   - kit: The kit.
    /// - Throws: Validation and storage errors; nothing is written then.
    public static func importReport(_ report: ThirdPartyCreditReport, in kit: CreditKit) async throws {
        var events: [any LedgerEvent] = [report]
        if let rank = ThirdPartyCreditReport.grades.firstIndex(of: report.grade), rank <= 2 {
            events.append(
                RecordEntered(
                    record: CreditRecord(
                        subject: report.enterprise, polarity: .good, basis: .thirdPartyAssessment, severity: nil,
                        actDate: report.issuedOn, decisionDate: report.issuedOn,
                        authority: Authority(name: report.source), documentNumber: report.reportNumber,
                        legalBasis: [LegalCitation(document: "《社会信用体系建设规划纲要（2014—2020年）》")],
                        facts: "第三方信用报告等级 \(report.grade)，有效至 \(report.validThrough)", sector: BiddingModule.sectorID)))
        }
        try await kit.append(events)
    }
}
