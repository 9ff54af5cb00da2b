extension EvaluationContext {
    /// Calls `body` with each of a subject's references in a role, effective and known by then, without
    /// allocating.
    func forEachReference(of subject: SubjectID, role: EntryRef.Role, _ body: (EntryRef) throws -> Void) rethrows {
        guard let refs = view.refs[subject] else { return }
        let day = asOf.daysSinceEpoch
        for ref in refs where ref.role == role && ref.effectiveDays <= day && ref.recordedMicros <= knownAt.microseconds
        {
            try body(ref)
        }
    }

    /// Calls `body` with a subject's dishonesty records in force on the day (decided by then, not revoked, not
    /// repaired).
    func forEachDishonesty(of subject: SubjectID, role: EntryRef.Role, _ body: (EntryRef) -> Void) {
        forEachReference(of: subject, role: role) { ref in
            guard ref.severityIndex != .max else { return }
            if !view.lifecycles.isEmpty, let life = view.lifecycles[CreditRecord.ID(ref.sequence)],
                life.revokedOn(asOf: asOf, knownAt: knownAt) != nil
                    || life.repairedOn(asOf: asOf, knownAt: knownAt) != nil
            {
                return
            }
            body(ref)
        }
    }
}

func clamp(_ value: Double, _ weight: Double) -> Double { min(weight, max(0, value)) }

/// 失信记录 (35 points): each dishonesty record in force takes points by class and age — within a year serious 15,
/// ordinary 6, minor 2; one to three years half; older nothing. Repair gives them back.
///
/// One deduction per fact: records on a basis another indicator of the model scores (by default the judgment
/// defaults, which ``JudgmentIndicator`` takes) take nothing here, and the explanation says where they count.
public struct DishonestyIndicator: Indicator {
    /// The bases left to another indicator, with that indicator's name for the explanation.
    public var leftTo: [RecordBasis: LocalizedName]

    /// Makes the indicator.
    /// - Parameter leftTo: The bases another indicator of the model scores, with its name; by default the judgment
    ///   defaults, scored by ``JudgmentIndicator``. Pass `[:]` in a model without that indicator.
    public init(leftTo: [RecordBasis: LocalizedName] = JudgmentIndicator.scoredBases) {
        self.leftTo = leftTo
    }
    /// `eval.dishonesty`.
    public var id: RuleID { "eval.dishonesty" }
    /// 失信记录.
    public var name: LocalizedName { LocalizedName(chinese: "政务失信记录", english: "dishonesty records") }
    /// 35.
    public var weight: Double { 35 }

    /// Takes points per record in force.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        var items: [IndicatorScore.Item] = []
        var improvements: [IndicatorScore.Improvement] = []
        var taken = 0.0
        context.forEachDishonesty(of: subject, role: .recordSubject) { ref in
            let age = Int(context.asOf.daysSinceEpoch - ref.effectiveDays)
            guard age <= 3 * 365, let severity = ref.severity else { return }
            if let basis = ref.basis, let other = leftTo[basis] {
                guard context.explain else { return }
                items.append(
                    .init(
                        points: 0,
                        reason:
                            "\(severity.chineseName)失信记录 #\(ref.sequence)（\(basis.chineseName)）计入「\(other.chinese)」指标，此处不重复扣分",
                        dates: [Finding.NamedDate("decision", ref.effectiveDate)], evidence: [ref.entry]))
                return
            }
            let base: Double = severity == .serious ? 15 : severity == .ordinary ? 6 : 2
            let points = age <= 365 ? base : base / 2
            taken -= points
            guard context.explain else { return }
            let basis = ref.basis?.chineseName ?? ""
            items.append(
                .init(
                    points: -points, reason: "\(severity.chineseName)失信记录 #\(ref.sequence)（\(basis)）",
                    dates: [Finding.NamedDate("decision", ref.effectiveDate)], evidence: [ref.entry]))
            improvements.append(
                .init(
                    action: "最短公示期满后，申请修复信用记录 #\(ref.sequence)",
                    points: points, evidence: [ref.entry]))
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: clamp(weight + taken, weight), items: items,
            improvements: Self.alone(improvements, taken: taken, weight: weight))
    }

    /// Each improvement's points as it alone would give them back, and said so when it alone gives nothing.
    static func alone(_ improvements: [IndicatorScore.Improvement], taken: Double, weight: Double)
        -> [IndicatorScore.Improvement]
    {
        improvements.map { i in
            var alone = i
            alone.points = IndicatorScore.gainAlone(removing: i.points, taken: taken, weight: weight)
            if alone.points == 0 { alone.action += "（单独完成不能恢复分数，须与本指标其他措施一并完成）" }
            return alone
        }
    }
}

/// 失信被执行人与未履行判决 (10 points): any judgment-defaulter listing in force takes all ten (the target is zero);
/// each unexecuted judgment takes five.
public struct JudgmentIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `eval.judgments`.
    public var id: RuleID { "eval.judgments" }
    /// 失信被执行人和未履行生效判决.
    public var name: LocalizedName { Self.indicatorName }
    static let indicatorName = LocalizedName(chinese: "失信被执行人和未履行生效判决", english: "judgment defaults")
    /// The bases this indicator scores, which ``DishonestyIndicator`` leaves to it by default.
    public static let scoredBases: [RecordBasis: LocalizedName] = [
        .judgmentDefaulter: indicatorName, .unexecutedJudgment: indicatorName,
    ]
    /// 10.
    public var weight: Double { 10 }

    /// Takes points per listing or unexecuted judgment.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        var items: [IndicatorScore.Item] = []
        var improvements: [IndicatorScore.Improvement] = []
        var taken = 0.0
        context.forEachDishonesty(of: subject, role: .recordSubject) { ref in
            switch ref.basis {
            case .judgmentDefaulter?:
                taken -= 10
                guard context.explain else { return }
                items.append(
                    .init(
                        points: -10, reason: "列为失信被执行人 #\(ref.sequence)",
                        dates: [Finding.NamedDate("listed", ref.effectiveDate)], evidence: [ref.entry]))
                improvements.append(
                    .init(
                        action: "履行判决义务，移出失信被执行人名单（记录 #\(ref.sequence)）", points: 10,
                        evidence: [ref.entry]))
            case .unexecutedJudgment?:
                taken -= 5
                guard context.explain else { return }
                items.append(
                    .init(
                        points: -5, reason: "未履行生效判决 #\(ref.sequence)",
                        dates: [Finding.NamedDate("decision", ref.effectiveDate)], evidence: [ref.entry]))
                improvements.append(
                    .init(
                        action: "履行信用记录 #\(ref.sequence) 所涉生效判决", points: 5, evidence: [ref.entry]))
            default:
                break
            }
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: clamp(weight + taken, weight), items: items,
            improvements: DishonestyIndicator.alone(improvements, taken: taken, weight: weight))
    }
}

/// 守信践诺 (20 points): the share of commitments fallen due or ended that were kept on time, times twenty; each
/// breach blamed on a change of leadership or term takes five more.
public struct CommitmentIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `eval.commitments`.
    public var id: RuleID { "eval.commitments" }
    /// 守信践诺.
    public var name: LocalizedName { LocalizedName(chinese: "守信践诺", english: "commitments kept") }
    /// 20.
    public var weight: Double { 20 }

    /// A commitment as an official reads it: its terms (the first 30 characters) and its entry.
    static func named(_ c: Commitment, _ id: Commitment.ID) -> String {
        let terms = c.terms.count > 30 ? String(c.terms.prefix(30)) + "…" : c.terms
        return "承诺「\(terms)」（#\(id.rawValue)）"
    }

    /// Scores the fulfilment rate.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let checks = CommitmentChecks(profile: context.profile)
        var decided = 0
        var kept = 0
        var items: [IndicatorScore.Item] = []
        var improvements: [IndicatorScore.Improvement] = []
        var penalty = 0.0
        for (id, c) in context.commitments[subject] ?? [] where c.madeOn <= context.asOf {
            // Confirmed as a dishonesty record: the record deducts, here it only says where.
            if let confirmed = context.confirmedCommitments[id], confirmed.on <= context.asOf {
                items.append(
                    .init(
                        points: 0,
                        reason: "\(Self.named(c, id)) 未履行已认定为失信记录 #\(confirmed.record.rawValue)，在“政务失信记录”中扣分",
                        dates: [.init("confirmed", confirmed.on)], evidence: [id.entry]))
                continue
            }
            let life = context.view.commitmentLifecycle(id)
            switch checks.state(of: c, life, asOf: context.asOf, knownAt: context.knownAt) {
            case .open, .withdrawn: continue
            case .fulfilledOnTime:
                decided += 1
                kept += 1
            case .fulfilledLate(let on, let due):
                decided += 1
                items.append(
                    .init(
                        points: 0, reason: "\(Self.named(c, id)) 逾期履行",
                        dates: [.init("due", due), .init("fulfilled", on)],
                        evidence: [id.entry]))
            case .overdue(let due):
                decided += 1
                items.append(
                    .init(
                        points: 0, reason: "\(Self.named(c, id)) 到期未履行", dates: [.init("due", due)],
                        evidence: [id.entry]))
                improvements.append(
                    .init(action: "履行已到期的\(Self.named(c, id))", points: 0, evidence: [id.entry]))
            case .breached(let on, let reason):
                decided += 1
                if !reason.isLawful && reason != .other {
                    penalty += 5
                    items.append(
                        .init(
                            points: -5, reason: "\(Self.named(c, id)) 以\(reason.chineseName)为由违约",
                            dates: [.init("breached", on)],
                            evidence: [id.entry]))
                } else {
                    items.append(
                        .init(
                            points: 0, reason: "\(Self.named(c, id)) 违约", dates: [.init("breached", on)],
                            evidence: [id.entry]))
                }
            }
        }
        guard decided > 0 else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight - penalty, items: items, improvements: [])
        }
        let perCommitment = weight / Double(decided)
        let rateItem = IndicatorScore.Item(
            points: weight * Double(kept) / Double(decided) - weight,
            reason: "按期履约 \(kept)/\(decided)", dates: [], evidence: [])
        improvements = improvements.map {
            var i = $0; i.points = perCommitment; return i
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight,
            points: clamp(weight * Double(kept) / Double(decided) - penalty, weight), items: [rateItem] + items,
            improvements: improvements)
    }
}

/// 双公示及时性 (10 points): the share of the dishonesty records this body decided that it published within the
/// profile's period (7 working days for penalties), times ten; none to publish keeps the ten.
public struct PublicationIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `eval.publication`.
    public var id: RuleID { "eval.publication" }
    /// 双公示及时性.
    public var name: LocalizedName { LocalizedName(chinese: "双公示及时性", english: "publication on time") }
    /// 10.
    public var weight: Double { 10 }

    /// Scores publication on time.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        var dueCount = 0
        var onTime = 0
        var items: [IndicatorScore.Item] = []
        var improvements: [IndicatorScore.Improvement] = []
        try context.forEachReference(of: subject, role: .decidingAuthority) { ref in
            guard ref.severity != nil, ref.severity != .minor else { return }
            let life = context.view.lifecycles.isEmpty ? nil : context.view.lifecycles[CreditRecord.ID(ref.sequence)]
            if case .withheld? = life?.review(asOf: context.asOf, knownAt: context.knownAt) { return }
            guard let due = try context.publicationDue(ref), due < context.asOf else { return }
            let deadline = (due: due, ())
            dueCount += 1
            let published = life?.publishedOn(asOf: context.asOf, knownAt: context.knownAt)
            if let published, published <= deadline.due {
                onTime += 1
            } else if context.explain {
                items.append(
                    .init(
                        points: 0, reason: published == nil ? "记录 #\(ref.sequence) 未公示" : "记录 #\(ref.sequence) 逾期公示",
                        dates: [.init("due", deadline.due)] + (published.map { [.init("published", $0)] } ?? []),
                        evidence: [ref.entry]))
                if published == nil {
                    improvements.append(
                        .init(action: "依规公示信用记录 #\(ref.sequence)", points: 0, evidence: [ref.entry]))
                }
            }
        }
        guard dueCount > 0 else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        }
        let share = Double(onTime) / Double(dueCount)
        improvements = improvements.map {
            var i = $0; i.points = 0; return i
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: weight * share,
            items: [
                .init(points: weight * share - weight, reason: "按时公示 \(onTime)/\(dueCount)", dates: [], evidence: [])
            ] + items,
            improvements: improvements)
    }
}

/// 行政诉讼败诉率 (10 points): ten times one minus the share of administrative lawsuits concluded in the past year
/// that the body lost; none concluded keeps the ten.
public struct LawsuitIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `eval.lawsuits`.
    public var id: RuleID { "eval.lawsuits" }
    /// 行政诉讼败诉率.
    public var name: LocalizedName { LocalizedName(chinese: "行政诉讼败诉率", english: "administrative lawsuits lost") }
    /// 10.
    public var weight: Double { 10 }

    /// Scores the loss rate.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let yearAgo = context.asOf.adding(years: -1)
        let cases = context.view.supervisionFacts(of: subject).filter {
            $0.lawsuit != nil && $0.on > yearAgo && $0.on <= context.asOf && $0.recordedAt <= context.knownAt
        }
        guard !cases.isEmpty else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        }
        let lost = cases.filter { $0.lawsuit == .lost }
        let points = weight * (1 - Double(lost.count) / Double(cases.count))
        let items =
            [
                IndicatorScore.Item(
                    points: points - weight, reason: "败诉 \(lost.count)/\(cases.count)", dates: [], evidence: [])
            ]
            + lost.map {
                IndicatorScore.Item(
                    points: 0, reason: "败诉 \($0.number)", dates: [.init("judgment", $0.on)], evidence: [$0.sequence])
            }
        return IndicatorScore(indicator: id, name: name, weight: weight, points: points, items: items, improvements: [])
    }
}

/// 建议提案与投诉 (10 points): six times the share of proposals and motions answered by their due date, plus four
/// less one per complaint verified against the body in the past year.
public struct ResponsivenessIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `eval.responsiveness`.
    public var id: RuleID { "eval.responsiveness" }
    /// 建议提案办理和投诉.
    public var name: LocalizedName { LocalizedName(chinese: "建议提案办理和投诉举报", english: "proposals and complaints") }
    /// 10.
    public var weight: Double { 10 }

    /// Scores proposals answered on time and verified complaints.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        var items: [IndicatorScore.Item] = []
        var improvements: [IndicatorScore.Improvement] = []
        let proposals = context.view.supervisionFacts(of: subject).filter {
            $0.dueOn != nil && $0.dueOn! < context.asOf && $0.recordedAt <= context.knownAt
        }
        var proposalPoints = 6.0
        if !proposals.isEmpty {
            let onTime = proposals.filter { p in p.answeredOn.map { $0 <= p.dueOn! && $0 <= context.asOf } ?? false }
            proposalPoints = 6 * Double(onTime.count) / Double(proposals.count)
            items.append(
                .init(
                    points: proposalPoints - 6, reason: "建议提案按时办复 \(onTime.count)/\(proposals.count)", dates: [],
                    evidence: []))
            for p in proposals where p.answeredOn == nil {
                improvements.append(
                    .init(
                        action: "办理并答复建议提案 \(p.number)", points: 6 / Double(proposals.count),
                        evidence: [p.sequence]))
            }
        }
        let yearAgo = context.asOf.adding(years: -1)
        var verified = 0
        context.forEachDishonesty(of: subject, role: .recordSubject) { ref in
            guard ref.basis == .verifiedComplaint, ref.effectiveDate > yearAgo else { return }
            verified += 1
            guard context.explain else { return }
            items.append(
                .init(
                    points: -1, reason: "投诉举报核实 #\(ref.sequence)", dates: [.init("verified", ref.effectiveDate)],
                    evidence: [ref.entry]))
        }
        let complaintPoints = max(0, 4 - Double(verified))
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: proposalPoints + complaintPoints, items: items,
            improvements: improvements)
    }
}

/// 异议与修复办理 (5 points): each objection or repair application this body decided late, or left open past its
/// deadline, takes one.
public struct ProcessIndicator: Indicator {
    /// Makes the indicator.
    public init() {}
    /// `eval.processes`.
    public var id: RuleID { "eval.processes" }
    /// 异议处理和信用修复.
    public var name: LocalizedName { LocalizedName(chinese: "异议处理和信用修复时效", english: "objections and repairs in time") }
    /// 5.
    public var weight: Double { 5 }

    /// Takes a point per late objection or repair decision.
    /// - Parameters:
    ///   - subject: The subject.
    ///   - context: The context.
    /// - Returns: The score.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        var items: [IndicatorScore.Item] = []
        guard !context.view.lifecycles.isEmpty else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        }
        for ref in context.view.references(for: subject, asOf: context.asOf, knownAt: context.knownAt)
        where ref.role == .decidingAuthority {
            guard let life = context.view.lifecycles[CreditRecord.ID(ref.sequence)] else { continue }
            for o in life.objections where o.filedOn <= context.asOf {
                guard let (due, _) = try context.profile.deadlineInForce(CoreLaw.objectionDecision.id, from: o.filedOn)
                else {
                    continue
                }
                let done = o.resolution.map(\.on)
                if let done, done <= due.due { continue }
                if done == nil, context.asOf <= due.due { continue }
                items.append(
                    .init(
                        points: -1, reason: "异议 #\(o.id) 未按时处理", dates: [.init("due", due.due)],
                        evidence: [o.id.entry]))
            }
            for r in life.repairs where r.appliedOn <= context.asOf {
                guard let (due, _) = try context.profile.deadlineInForce(CoreLaw.repairDecision.id, from: r.appliedOn)
                else {
                    continue
                }
                let done = r.decision.map(\.on)
                if let done, done <= due.due { continue }
                if done == nil, context.asOf <= due.due { continue }
                items.append(
                    .init(
                        points: -1, reason: "修复申请 #\(r.id) 未按时决定", dates: [.init("due", due.due)],
                        evidence: [r.id.entry]))
            }
        }
        let taken = items.reduce(0) { $0 + $1.points }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: clamp(weight + taken, weight), items: items,
            improvements: [])
    }
}

extension ScoringModel {
    /// The default government-integrity model (政务诚信评价), 100 points, built from the seeds' criteria and the
    /// weights of the 2020 city credit monitoring indicators: dishonesty records 35, judgment defaults 10,
    /// commitments 20, publication 10, lawsuits 10, proposals and complaints 10, objections and repairs 5.
    public static let governmentIntegrity = ScoringModel(indicators: [
        DishonestyIndicator(), JudgmentIndicator(), CommitmentIndicator(), PublicationIndicator(), LawsuitIndicator(),
        ResponsivenessIndicator(), ProcessIndicator(),
    ])
}
