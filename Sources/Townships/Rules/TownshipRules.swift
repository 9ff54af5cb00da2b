import CreditKitCore
import Foundation

/// Everything one township has in the ledger, folded from one read (乡镇（街道）案卷): its commitment catalogue, service
/// cases, villages, duty-list editions, tasks assigned to it and 12345 work orders about it.
public struct TownshipCases: Sendable {
    /// The township.
    public var township: SubjectID
    /// The catalogue's items.
    public var commitments: [TownshipCommitment]
    /// The service cases.
    public var services: [ServiceCase]
    /// The villages it oversees.
    public var villages: [VillageAffairs]
    /// The duty-list editions, in order published.
    public var dutyLists: [DutyLists]
    /// The tasks assigned to it.
    public var tasks: [AssignedTask]
    /// The 12345 work orders about it.
    public var orders: [WorkOrder]

    /// Folds a township's facts.
    /// - Parameter facts: The township's facts of the sector.
    public init(_ facts: OwnerCaseFacts) {
        township = facts.owner
        commitments = facts.cases(TownshipCommitment.self)
        services = facts.cases(ServiceCase.self)
        villages = facts.cases(VillageAffairs.self)
        dutyLists = facts.cases(DutyLists.self)
        tasks = facts.cases(AssignedTask.self)
        orders = facts.cases(WorkOrder.self)
    }

    /// Reads a township's cases from the ledger.
    /// - Parameters:
    ///   - township: The township.
    ///   - kit: The kit.
    ///   - view: The snapshot.
    ///   - asOf: Facts effective after this day are left out.
    ///   - knownAt: Facts recorded after this time are left out.
    /// - Returns: The cases.
    /// - Throws: Storage and decoding errors.
    public static func of(
        _ township: SubjectID, in kit: CreditKit, view: CoreView, asOf: LocalDate, knownAt: Timestamp = .distantFuture
    ) throws -> TownshipCases {
        TownshipCases(
            try kit.ledger.caseFacts(
                of: township, sector: TownshipsModule.sectorID.rawValue, view: view, asOf: asOf, knownAt: knownAt))
    }

    /// Whether the township has no facts of the sector.
    public var isEmpty: Bool {
        commitments.isEmpty && services.isEmpty && villages.isEmpty && dutyLists.isEmpty && tasks.isEmpty
            && orders.isEmpty
    }

    /// A catalogue item by number.
    /// - Parameter id: The number.
    /// - Returns: The item.
    public func item(_ id: CaseID) -> TownshipCommitment? { commitments.first { $0.id == id } }

    /// The duty-list edition in force on a day: the latest published by then.
    /// - Parameter day: The day.
    /// - Returns: The edition, or `nil` before the first.
    public func dutyLists(on day: LocalDate) -> DutyLists? {
        // Published on the same day, the one recorded later is the later edition.
        dutyLists.filter { ($0.published?.on ?? .distantFuture) <= day }.max {
            ($0.published!.on, $0.published!.evidence.first?.rawValue ?? 0)
                < ($1.published!.on, $1.published!.evidence.first?.rawValue ?? 0)
        }
    }
}

/// The township rules over one township's cases (乡镇（街道）核查): commitments overdue or found not met, services
/// overrunning their promised time without a public explanation, villages' periods without a publication, and tasks
/// pushed down off the duty lists (the assigning department's finding). Each finding names the case, the facts and
/// the dates.
public struct TownshipRules: Sendable {
    /// Every rule the township checks may report.
    public static let ids: [RuleID] = [
        TownshipsLaw.commitmentOverdue.id, TownshipsLaw.commitmentUnfulfilled.id, TownshipsLaw.serviceOverrun.id,
        TownshipsLaw.financeUnpublished.id, TownshipsLaw.dutyOutsideList.id,
    ]

    /// The profile, the module's figures added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile; the module's figures are added where it has none.
    /// - Throws: When the module's figures do not fit the profile.
    public init(profile: JurisdictionProfile = .national) throws {
        self.profile = try profile.addingDefaults(TownshipsLaw.figures)
    }

    /// Every finding over one township's cases as of a day.
    /// - Parameters:
    ///   - cases: The township's cases.
    ///   - asOf: The day looked at; facts after it are not seen.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func findings(for cases: TownshipCases, asOf: LocalDate) throws -> [Finding] {
        var out: [Finding] = []
        for item in cases.commitments { out += try findings(for: item, asOf: asOf) }
        for service in cases.services { out += try findings(for: service, in: cases, asOf: asOf) }
        for village in cases.villages { out += try findings(for: village, asOf: asOf) }
        for task in cases.tasks { out += try findings(for: task, in: cases, asOf: asOf) }
        return out
    }

    /// The findings of one catalogue item with a deadline: not met by it (late, or not yet), or found not met.
    /// - Parameters:
    ///   - item: The item.
    ///   - asOf: The day.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func findings(for item: TownshipCommitment, asOf: LocalDate) throws -> [Finding] {
        guard let published = item.published, let on = item.publishedOn, on.on <= asOf,
            let deadline = published.deadline
        else { return [] }
        var c = FindingCollector(
            profile: profile, asOf: asOf, subject: item.township,
            lead: [
                .init("item", item.id.rawValue), .init("area", published.area.rawValue),
                .init("commitment", "#\(item.commitment!.rawValue)"),
            ], leadEvidence: on.evidence, absenceCounts: true)
        if let failed = item.notMet(by: asOf) {
            guard let figure = try c.figure(TownshipsLaw.commitmentUnfulfilled.id, on: deadline) else { return [] }
            c.add(
                figure, [.init("reason", failed.step.evidence)],
                dates: [.init("deadline", deadline), .init("assessed", failed.on.on)], evidence: failed.on.evidence,
                severity: .ordinary)
            return c.findings
        }
        try c.deadline(
            TownshipsLaw.commitmentOverdue.id, from: DatedFact(deadline, evidence: on.evidence), named: "deadline",
            done: item.met(by: asOf), doneName: "met")
        return c.findings
    }

    /// The finding of one service case: completed after the item's promised time, or still open past it, with no
    /// public explanation by completion (or by the day looked at).
    /// - Parameters:
    ///   - service: The case.
    ///   - cases: The township's cases, for the item's promised time.
    ///   - asOf: The day.
    /// - Returns: The finding, if any.
    /// - Throws: When the profile lacks the rule's figure.
    public func findings(for service: ServiceCase, in cases: TownshipCases, asOf: LocalDate) throws -> [Finding] {
        guard let received = service.received, received.on <= asOf, let id = service.item,
            let item = cases.item(id), let promised = item.published?.promisedTime
        else { return [] }
        var c = FindingCollector(
            profile: profile, asOf: asOf, subject: service.township,
            lead: [
                .init("service", service.id.rawValue), .init("item", id.rawValue),
                .init("area", item.published!.area.rawValue),
            ], leadEvidence: received.evidence, absenceCounts: true)
        guard var figure = try c.figure(TownshipsLaw.serviceOverrun.id, on: received.on) else { return [] }
        // The limit is the township's own promise for the service.
        figure.figure = Figure(Decimal(promised.value), promised.unit == .workingDays ? .workingDays : .days)
        let completed = service.completed.flatMap { $0.on <= asOf ? $0 : nil }
        guard
            let miss = figure.missed(
                from: received.on, done: completed?.on, asOf: asOf, absenceCounts: true, calendar: profile.calendar)
        else { return [] }
        if let explained = service.explained, explained.on.on <= (completed?.on ?? asOf) { return [] }
        c.add(
            figure, [.init("promisedTime", promised.description)] + miss.facts,
            dates: miss.dates(start: "received", act: "completed"), evidence: completed?.evidence ?? [])
        return c.findings
    }

    /// The findings of one village: each whole period since the township's oversight began, over by the day looked
    /// at, in which affairs or finances were not published (finances monthly where dealings are frequent).
    /// - Parameters:
    ///   - village: The village.
    ///   - asOf: The day.
    /// - Returns: The findings, one per kind and period.
    /// - Throws: When the profile lacks a rule's figure.
    public func findings(for village: VillageAffairs, asOf: LocalDate) throws -> [Finding] {
        guard let began = village.began, began.on <= asOf else { return [] }
        var c = FindingCollector(
            profile: profile, asOf: asOf, subject: village.township,
            lead: [.init("village", village.id.rawValue), .init("name", village.name ?? "")],
            leadEvidence: began.evidence, absenceCounts: true)
        for content in VillagePublicationKind.allCases {
            let monthly = content == .finance && village.frequentFinance
            let rule = monthly ? TownshipsLaw.financeMonthly.id : TownshipsLaw.financeUnpublished.id
            let published = (village.publications[content] ?? []).map(\.on).filter { $0 <= asOf }.sorted()
            for period in try Self.periods(from: began.on, through: asOf, rule: rule, profile: profile) {
                guard !published.contains(where: { $0 >= period.start && $0 <= period.end }) else { continue }
                guard var figure = try c.figure(rule, on: period.start) else { continue }
                // Reported as the finance rule, whichever period applies.
                figure.rule = TownshipsLaw.financeUnpublished.id
                figure.title = TownshipsLaw.financeUnpublished.title
                c.add(
                    figure,
                    [
                        .init("content", content.rawValue), .init("period", period.label),
                        .init("periodRule", rule.rawValue),
                    ],
                    dates: [.init("periodStart", period.start), .init("periodEnd", period.end)], evidence: [],
                    occasion: "\(content.rawValue)|\(period.label)")
            }
        }
        return c.findings
    }

    /// A publication period (公开周期): its first and last day and its label (`2025Q2`, `2025-03`, `2025H1`).
    public struct PublicationPeriod: Hashable, Sendable {
        /// The first day.
        public var start: LocalDate
        /// The last day.
        public var end: LocalDate
        /// The label.
        public var label: String
    }

    /// The whole periods, aligned to the calendar (quarters from January, months, half-years), that start on or after
    /// a day and end before another, each of the length the profile's figure in force on its first day gives.
    /// - Parameters:
    ///   - first: The day oversight began: the first period is the first to start on or after it.
    ///   - asOf: The day looked at: only periods over by then.
    ///   - rule: The rule whose figure (in months) sets the period.
    ///   - profile: The profile.
    /// - Returns: The periods.
    /// - Throws: When the profile lacks the figure, or it is not a whole number of months dividing a year.
    public static func periods(
        from first: LocalDate, through asOf: LocalDate, rule: RuleID, profile: JurisdictionProfile
    )
        throws -> [PublicationPeriod]
    {
        var out: [PublicationPeriod] = []
        var year = first.year
        var month = first.month
        if first.day != 1 { month += 1 }
        while true {
            if month > 12 {
                month -= 12
                year += 1
            }
            guard let monthStart = LocalDate(validYear: year, month: month, day: 1), monthStart < asOf else { break }
            guard let figure = try profile.figureInForce(rule, on: monthStart) else {
                month += 1
                continue
            }
            let m = NSDecimalNumber(decimal: figure.figure.value).intValue
            guard figure.figure.unit == .months, [1, 2, 3, 4, 6, 12].contains(m) else {
                throw CreditKitError(
                    .invalidArgument, "rule \(rule) needs a period of 1, 2, 3, 4, 6 or 12 months, not \(figure.figure)")
            }
            // Not the first month of an aligned period: move to the next one.
            guard (month - 1) % m == 0 else {
                month += 1
                continue
            }
            let end = monthStart.adding(months: m).adding(days: -1)
            guard end < asOf else { break }
            let label =
                switch m {
                case 1: String(format: "%04d-%02d", year, month)
                case 3: "\(year)Q\((month - 1) / 3 + 1)"
                case 6: "\(year)H\((month - 1) / 6 + 1)"
                case 12: "\(year)"
                default: "\(monthStart)—\(end)"
                }
            out.append(PublicationPeriod(start: monthStart, end: end, label: label))
            month += m
        }
        return out
    }

    /// The finding of one task: on the taken-back list, or on no list without the county's approval, by the
    /// edition in force on the day assigned. It is against the assigning department.
    /// - Parameters:
    ///   - task: The task.
    ///   - cases: The township's cases, for its duty lists.
    ///   - asOf: The day.
    /// - Returns: The finding, if any.
    /// - Throws: When the profile lacks the rule's figure.
    public func findings(for task: AssignedTask, in cases: TownshipCases, asOf: LocalDate) throws -> [Finding] {
        guard let assigned = task.assigned, let on = task.assignedOn, on.on <= asOf,
            let lists = cases.dutyLists(on: on.on)
        else { return [] }
        let item = lists.item(code: assigned.dutyCode, name: assigned.title)
        let approved = !(assigned.approval?.allSatisfy(\.isWhitespace) ?? true)
        let wrong: String
        switch item?.list {
        case .takenBack?: wrong = "taken back"
        case nil where !approved: wrong = "on no list"
        default: return []
        }
        var c = FindingCollector(
            profile: profile, asOf: asOf, subject: assigned.assignedBy,
            lead: [
                .init("task", task.id.rawValue), .init("township", task.township.rawValue),
                .init("title", assigned.title),
            ], leadEvidence: on.evidence, absenceCounts: true)
        guard let figure = try c.figure(TownshipsLaw.dutyOutsideList.id, on: on.on) else { return [] }
        c.add(
            figure,
            [.init("list", wrong), .init("edition", lists.id.rawValue)]
                + (assigned.dutyCode.map { [.init("dutyCode", $0)] } ?? []),
            dates: [.init("assigned", on.on), .init("listsPublished", lists.published!.on)],
            evidence: lists.published!.evidence, severity: .ordinary)
        return c.findings
    }
}

/// The township rules over the ledger (乡镇（街道）核查): every agency's township cases as of the day.
public struct TownshipsLedgerCheck: IntegrityCheck {
    /// Makes the check.
    public init() {}

    /// Every rule the check may report.
    public var rules: [RuleID] { TownshipRules.ids }

    /// Judges every township.
    /// - Parameter context: The kit and the day.
    /// - Returns: The findings.
    /// - Throws: Storage and decoding errors; a figure the profile lacks.
    public func run(_ context: CheckContext) throws -> [Finding] {
        let view = context.view
        guard view.kindsSeen.contains(where: { $0.rawValue.hasPrefix(TownshipsModule.sectorID.rawValue + ".") })
        else { return [] }
        let rules = try TownshipRules(profile: context.kit.profile)
        var out: [Finding] = []
        for agency in view.subjects(ofKind: .agency, asOf: context.asOf) {
            let cases = try TownshipCases.of(
                agency.subject.id, in: context.kit, view: view, asOf: context.asOf, knownAt: context.knownAt)
            if !cases.isEmpty { out += try rules.findings(for: cases, asOf: context.asOf) }
        }
        return out
    }
}
