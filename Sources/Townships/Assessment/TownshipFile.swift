import CreditKitCore
import Foundation

/// A township's file as of a day (乡镇（街道）政务诚信档案): its commitments by area with their state, its services on
/// time, its disclosure, its villages' publication, its 12345 work orders, and the findings with their decisions.
public struct TownshipFile: Sendable {
    /// The township.
    public var township: SubjectID
    /// The day.
    public var asOf: LocalDate
    /// Its cases.
    public var cases: TownshipCases
    /// The township rules' findings against it (tasks pushed down are the departments' and are not here).
    public var findings: [Finding]
    /// The core's disclosure findings against it: information, requests and annual reports late.
    public var disclosureFindings: [Finding]
    /// The core's findings on its other commitments (made outside the catalogue), which the core judges.
    public var commitmentFindings: [Finding] = []
    /// The findings against county departments for tasks they pushed down to it off its duty lists.
    public var assignedFindings: [Finding] = []
    /// Its disclosure duties by the day: versions of information made or changed, requests received, and annual
    /// reports fallen due.
    public var disclosureDuties: Int
    /// The villages' publication periods judged by the day (each kind of publication, each whole period).
    public var villagePeriodsJudged: Int
    /// The profile the calendar and figures come from.
    public var profile: JurisdictionProfile
    /// How each finding was decided, by finding key.
    public var decisions: [String: String] = [:]

    /// Reads a township's file from the ledger.
    /// - Parameters:
    ///   - township: The township.
    ///   - kit: The kit.
    ///   - asOf: The day.
    ///   - commitmentFindings: The core's commitment findings of the whole ledger as of the day, when the caller has
    ///     them already (a ranking of many townships); read from the ledger otherwise.
    /// - Returns: The file.
    /// - Throws: Storage errors; a subject that is not a registered agency; a figure the profile lacks.
    public static func of(
        _ township: SubjectID, in kit: CreditKit, asOf: LocalDate, commitmentFindings: [Finding]? = nil
    ) throws -> TownshipFile {
        let view = kit.view
        let cases = try TownshipCases.of(township, in: kit, view: view, asOf: asOf)
        guard case .agency(let agency)? = view.subject(township)?.subject else {
            throw CreditKitError(.invalidArgument, "\(township) is not a registered agency")
        }
        var file = try make(
            cases, core: try kit.ledger.caseFacts(of: township, sector: "core", view: view, asOf: asOf),
            kind: agency.kind, profile: kit.profile, asOf: asOf)
        file.commitmentFindings = try (commitmentFindings ?? kit.commitmentFindings(asOf: asOf)).filter {
            $0.subject == township
        }
        file.decisions = view.decisions(of: file.allFindings + file.assignedFindings, asOf: asOf)
        return file
    }

    /// Every finding against the township: its own rules', its disclosure's and its other commitments'.
    public var allFindings: [Finding] { findings + disclosureFindings + commitmentFindings }

    /// Makes a file from a township's cases and its core facts.
    /// - Parameters:
    ///   - cases: The township's cases.
    ///   - core: Its core facts (disclosure).
    ///   - kind: Its kind (a people's government or a street office's), for its annual report's day.
    ///   - profile: The kit's profile.
    ///   - asOf: The day.
    /// - Returns: The file.
    /// - Throws: A figure the profile lacks.
    public static func make(
        _ cases: TownshipCases, core: OwnerCaseFacts, kind: AgencyKind, profile: JurisdictionProfile, asOf: LocalDate
    ) throws -> TownshipFile {
        let rules = try TownshipRules(profile: profile)
        let (duties, late) = try DisclosureChecks(profile: profile).agencyDisclosure(
            cases.township, kind: kind, facts: core, asOf: asOf)
        var periods = 0
        for village in cases.villages {
            guard let began = village.began?.on else { continue }
            for content in VillagePublicationKind.allCases {
                let rule =
                    content == .finance && village.frequentFinance
                    ? TownshipsLaw.financeMonthly.id : TownshipsLaw.financeUnpublished.id
                periods += try TownshipRules.periods(from: began, through: asOf, rule: rule, profile: rules.profile)
                    .count
            }
        }
        let all = try rules.findings(for: cases, asOf: asOf)
        var file = TownshipFile(
            township: cases.township, asOf: asOf, cases: cases, findings: all.filter { $0.subject == cases.township },
            disclosureFindings: late, disclosureDuties: duties, villagePeriodsJudged: periods, profile: rules.profile)
        file.assignedFindings = all.filter { $0.subject != cases.township }
        return file
    }

    /// The catalogue items published by the day.
    public var commitments: [TownshipCommitment] {
        cases.commitments.filter { ($0.publishedOn?.on ?? .distantFuture) <= asOf }
    }

    /// Items with a deadline that fell due by the day (the deadline passed, or found not met before it), in a
    /// year or in all years.
    /// - Parameter year: The year the deadline falls in; every year when `nil`.
    /// - Returns: The items.
    public func due(in year: Int? = nil) -> [TownshipCommitment] {
        commitments.filter { item in
            guard let deadline = item.deadline, year.map({ deadline.year == $0 }) ?? true else { return false }
            return deadline < asOf || item.notMet(by: asOf) != nil
        }
    }

    /// Of the items due, those met by their deadline.
    /// - Parameter items: The items due.
    /// - Returns: How many.
    public func keptOnTime(_ items: [TownshipCommitment]) -> Int {
        items.filter { item in item.met(by: asOf).map { $0.on <= item.deadline! } ?? false }.count
    }

    /// The share of items due that were met on time, or `nil` when none fell due.
    public var commitmentRate: Double? {
        let items = due()
        return items.isEmpty ? nil : Double(keptOnTime(items)) / Double(items.count)
    }

    /// Items in the order of the service areas, then by number, numbers compared as numbers (2025-2 before 2025-10).
    /// - Parameter items: The items.
    /// - Returns: The items, sorted.
    public static func byArea(_ items: [TownshipCommitment]) -> [TownshipCommitment] {
        items.sorted { a, b in
            let (x, y) = (
                ServiceArea.allCases.firstIndex(of: a.published!.area)!,
                ServiceArea.allCases.firstIndex(of: b.published!.area)!
            )
            if x != y { return x < y }
            return a.id.rawValue.compare(b.id.rawValue, options: .numeric) == .orderedAscending
        }
    }

    /// A commitment's state on the day, in Chinese: 已兑现, 逾期兑现, 未兑现, 逾期未兑现, 未到期, or for a standing
    /// service promise 常设（按时办结 n/m）.
    /// - Parameter item: The item.
    /// - Returns: The state.
    public func state(of item: TownshipCommitment) -> String {
        guard let deadline = item.deadline else {
            let s = services(of: item.id)
            return "常设（按时办结\(s.onTime)/\(s.judged)" + (s.explained > 0 ? "，超时已说明\(s.explained)" : "") + "）"
        }
        if item.notMet(by: asOf) != nil { return "未兑现" }
        if let met = item.met(by: asOf) { return met.on > deadline ? "逾期兑现" : "已兑现" }
        return deadline < asOf ? "逾期未兑现" : "未到期"
    }

    /// A service case's last allowed day.
    /// - Parameter service: The case.
    /// - Returns: The day, or `nil` without a promised time.
    public func due(of service: ServiceCase) -> LocalDate? {
        guard let received = service.received, let id = service.item,
            let promised = cases.item(id)?.published?.promisedTime
        else { return nil }
        return profile.calendar.deadline(promised, from: received.on).due
    }

    /// Service cases received by the day (of one item, or all): how many, how many could be judged (completed, or
    /// past their last day), how many were completed on time, and how many overran with a public explanation.
    /// - Parameter item: One catalogue item; every item when `nil`.
    /// - Returns: The counts.
    public func services(of item: CaseID? = nil) -> (received: Int, judged: Int, onTime: Int, explained: Int) {
        var out = (received: 0, judged: 0, onTime: 0, explained: 0)
        for s in cases.services {
            guard let received = s.received, received.on <= asOf, item.map({ s.item == $0 }) ?? true,
                let due = due(of: s)
            else { continue }
            out.received += 1
            let completed = s.completed.flatMap { $0.on <= asOf ? $0.on : nil }
            guard completed != nil || asOf > due else { continue }
            out.judged += 1
            if let completed, completed <= due {
                out.onTime += 1
            } else if let explained = s.explained, explained.on.on <= (completed ?? asOf) {
                out.explained += 1
            }
        }
        return out
    }

    /// The villages' publication periods judged by the day, and how many had no publication.
    public var villagePeriods: (judged: Int, missed: Int) {
        (villagePeriodsJudged, findings.filter { $0.rule == TownshipsLaw.financeUnpublished.id }.count)
    }

    /// Work orders received by the day: how many, how many verified founded, and how many founded ones are not
    /// resolved.
    public var complaints: (received: Int, founded: Int, foundedUnresolved: Int) {
        let received = cases.orders.filter { ($0.receivedOn?.on ?? .distantFuture) <= asOf }
        let founded = received.filter { $0.founded(by: asOf) }
        return (received.count, founded.count, founded.filter { !$0.isResolved(by: asOf) }.count)
    }

    /// What the findings' facts and dates are called in the reports: the core's labels with the module's.
    static let labels = FactLabels.core.adding(TownshipsModule().factLabels)

    /// The file as a report section: the measures, the catalogue by area with states, and the findings.
    /// - Parameter eligibility: The township's integrity-township judgement, when the report shows it.
    /// - Returns: The section.
    public func section(eligibility: IntegrityTownshipEligibility? = nil) -> ReportSection {
        let rate = commitmentRate.map { ReportFormat.number($0 * 100) + "%" } ?? "—"
        let dueItems = due()
        let s = services()
        let v = villagePeriods
        let c = complaints
        var rows: [[String]] = [
            ["公开承诺事项 Commitments", String(commitments.count)],
            ["到期承诺按期兑现 Kept on time", "\(rate)（\(keptOnTime(dueItems))/\(dueItems.count)）"],
            ["服务办件按时办结 Services on time", "\(s.onTime)/\(s.judged)（超时已说明 \(s.explained)）"],
            ["政务公开事项（逾期） Disclosure (late)", "\(disclosureDuties)（\(disclosureFindings.count)）"],
            ["村务财务公开期间（未公开） Village periods (missed)", "\(v.judged)（\(v.missed)）"],
            [
                "12345工单（属实／属实未办结） Work orders (founded / unresolved)",
                "\(c.received)（\(c.founded)／\(c.foundedUnresolved)）",
            ],
        ]
        if let eligibility {
            rows.append(["诚信乡镇（街道）\(eligibility.year) Integrity township", eligibility.eligible ? "符合" : "不符合"])
        }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    name: "township-\(township.rawValue)", caption: "乡镇（街道）政务诚信情况 As of \(asOf)",
                    headers: ["指标 Measure", "数值 Value"], rows: rows))
        ]
        if !commitments.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        name: "township-commitments-\(township.rawValue)", caption: "公开承诺事项（按服务领域） Commitments by area",
                        headers: ["领域", "编号", "承诺内容", "期限", "责任科室", "状态"],
                        rows: Self.byArea(commitments).map { item in
                            let p = item.published!
                            return [
                                p.area.chineseName, item.id.rawValue, p.promise,
                                p.deadline?.description ?? p.promisedTime.map { "办理时限" + $0.chineseDescription }
                                    ?? "—",
                                p.office, state(of: item),
                            ]
                        })))
        }
        if let eligibility {
            blocks.append(.table(eligibility.table(name: "township-eligibility-\(township.rawValue)")))
        }
        let all = allFindings
        if all.isEmpty {
            blocks.append(
                .paragraph(
                    "本乡镇（街道）无核查线索；诚信乡镇评定以上表各项条件为准。No findings against the township; the integrity-township "
                        + "criteria above decide its listing."))
        } else {
            blocks.append(
                .table(
                    ReportTable(
                        name: "township-findings-\(township.rawValue)", caption: "核查线索 Findings",
                        headers: ["规则 Rule", "事项 Case", "日期 Dates", "处理 Decision"],
                        rows: all.map { f in
                            [
                                "\(f.title.chinese)（\(f.rule)）",
                                f.fact("service") ?? f.fact("item") ?? f.fact("village").map { v in
                                    "\(v) \(f.fact("name") ?? "") \(f.fact("period") ?? "")"
                                } ?? f.fact("request") ?? f.fact("commitment") ?? f.fact("year") ?? "",
                                f.dates.map { "\(Self.labels.label($0.name)) \($0.date)" }.joined(
                                    separator: "，"),
                                decisions[f.key] ?? "待处理 open",
                            ]
                        })))
        }
        return ReportSection(title: "乡镇（街道） Township", blocks: blocks)
    }
}

/// Whether a township may be named an integrity township (诚信乡镇（街道）) for a year, by the profile's criteria in
/// force on the year's last day, each explained: serious dishonesty records decided in the year (not revoked), the
/// share of commitments due in the year kept on time, and founded complaints left unresolved.
public struct IntegrityTownshipEligibility: Sendable, Hashable {
    /// One criterion, judged.
    public struct Criterion: Sendable, Hashable {
        /// The rule holding the figure.
        public var rule: RuleID
        /// The criterion, in Chinese.
        public var title: String
        /// The figure, as the profile states it.
        public var figure: String
        /// The township's value.
        public var value: String
        /// Whether it is met.
        public var met: Bool
        /// The entries behind the value.
        public var evidence: [LedgerEntry.ID]
    }

    /// The township.
    public var township: SubjectID
    /// The year.
    public var year: Int
    /// The day judged.
    public var asOf: LocalDate
    /// Each criterion.
    public var criteria: [Criterion]

    /// Whether every criterion is met.
    public var eligible: Bool { criteria.allSatisfy(\.met) }

    /// Judges a township for the year of the day looked at, reading its records from the kit.
    /// - Parameters:
    ///   - file: The township's file as of the day.
    ///   - kit: The kit.
    /// - Returns: The judgement.
    /// - Throws: `CreditKitError` (`unknownSubject`) for a township not registered by the day (no records is not
    ///   the same as unknown); storage errors; a figure the profile lacks.
    public static func judge(_ file: TownshipFile, in kit: CreditKit) throws -> IntegrityTownshipEligibility {
        guard let profile = try kit.profile(of: file.township, asOf: file.asOf) else {
            throw CreditKitError(.unknownSubject, "\(file.township) is not registered on \(file.asOf)")
        }
        return try judge(file, records: profile.records, commitments: profile.commitments, view: kit.view)
    }

    /// Judges a township for the year of the day looked at.
    /// - Parameters:
    ///   - file: The township's file as of the day.
    ///   - records: The records about it, from its profile.
    ///   - commitments: The commitments in its profile: those it made outside its catalogue count in the
    ///     kept-on-time criterion beside the catalogue's.
    ///   - view: The snapshot, for the records' and commitments' lifecycles.
    /// - Returns: The judgement.
    /// - Throws: A figure the profile lacks.
    public static func judge(
        _ file: TownshipFile, records: [SubjectProfile.RecordItem], commitments: [SubjectProfile.CommitmentItem] = [],
        view: CoreView
    ) throws -> IntegrityTownshipEligibility {
        let year = file.asOf.year
        let yearEnd = LocalDate(validYear: year, month: 12, day: 31)!
        let profile = file.profile
        func figure(_ rule: RuleDeclaration) throws -> RuleFigure { try profile.figure(rule.id, on: yearEnd) }
        var criteria: [Criterion] = []

        let serious = records.filter { item in
            item.role == .recordSubject && item.record.polarity == .dishonesty && item.record.severity == .serious
                && item.record.decisionDate.year == year && item.record.decisionDate <= file.asOf
                && view.lifecycle(item.id).revokedOn(asOf: file.asOf) == nil
        }
        let recordsFigure = try figure(TownshipsLaw.integritySeriousRecords)
        criteria.append(
            Criterion(
                rule: recordsFigure.rule, title: "年内严重失信记录", figure: "≤ \(recordsFigure.figure.value)",
                value: String(serious.count), met: Decimal(serious.count) <= recordsFigure.figure.value,
                evidence: serious.map { LedgerEntry.ID($0.id.rawValue) }))

        let catalogue = file.due(in: year)
        // The township's other commitments (made outside its catalogue) due in the year count too: a promise is a
        // promise wherever it was published.
        let others = commitments.filter { item in
            let c = item.commitment
            guard item.role == .promisor, c.promisor == file.township, c.sector != TownshipsModule.sectorID,
                let due = view.commitmentLifecycle(item.id).dueDate(original: c.dueDate, asOf: file.asOf),
                due.year == year, due <= file.asOf
            else { return false }
            return true
        }
        let othersKept = others.filter { item in
            let life = view.commitmentLifecycle(item.id)
            guard let due = life.dueDate(original: item.commitment.dueDate, asOf: file.asOf),
                let outcome = life.outcome, case .fulfilled = outcome.value
            else { return false }
            return outcome.on <= due && outcome.on <= file.asOf
        }.count
        let dueCount = catalogue.count + others.count
        let kept = file.keptOnTime(catalogue) + othersKept
        let keptFigure = try figure(TownshipsLaw.integrityCommitmentsKept)
        // Compared exactly: kept × 100 ≥ figure × due, so 19 of 20 is exactly 95%.
        let keptMet = dueCount > 0 && Decimal(kept) * 100 >= keptFigure.figure.value * Decimal(dueCount)
        criteria.append(
            Criterion(
                rule: keptFigure.rule, title: "年内到期公开承诺按期兑现率", figure: "≥ \(keptFigure.figure.value)%",
                value: dueCount == 0
                    ? "无年内到期承诺，无从考核"
                    : "\(ReportFormat.number(Double(kept) * 100 / Double(dueCount)))%（\(kept)/\(dueCount)）"
                        + (others.isEmpty ? "" : "，含目录外承诺\(others.count)项"),
                met: keptMet,
                evidence: catalogue.compactMap { $0.publishedOn?.evidence.first } + others.map(\.id.entry)))

        let unresolved = file.cases.orders.filter {
            ($0.receivedOn?.on ?? .distantFuture) <= file.asOf && $0.founded(by: file.asOf)
                && !$0.isResolved(by: file.asOf)
        }
        let complaintsFigure = try figure(TownshipsLaw.integrityUnresolvedComplaints)
        criteria.append(
            Criterion(
                rule: complaintsFigure.rule, title: "经核实属实而未办结的投诉", figure: "≤ \(complaintsFigure.figure.value)",
                value: String(unresolved.count), met: Decimal(unresolved.count) <= complaintsFigure.figure.value,
                evidence: unresolved.compactMap { $0.receivedOn?.evidence.first }))
        return IntegrityTownshipEligibility(township: file.township, year: year, asOf: file.asOf, criteria: criteria)
    }

    /// The judgement as a table, a criterion a row.
    /// - Parameter name: The table's file-name stem.
    /// - Returns: The table.
    public func table(name: String) -> ReportTable {
        ReportTable(
            name: name, caption: "诚信乡镇（街道）\(year)年度评定条件 Integrity-township criteria",
            headers: ["条件", "标准", "实际", "是否符合"],
            rows: criteria.map { [$0.title, $0.figure, $0.value, $0.met ? "符合" : "不符合"] })
    }
}
