import Foundation

/// The disclosure checks of every agency (政府信息公开核查): information published within 20 working days of being made
/// or changed (`disclosure.proactive.late`), requests answered within 20 working days or, extended in time, 40
/// (`disclosure.request.late`), and the annual report by 31 January (a department) or 31 March (a government) of the
/// next year (`disclosure.annual-report.late`), each by the figures the profile holds for the base rules, in force
/// on the period's first day.
public struct DisclosureChecks: Sendable {
    /// The profile whose figures apply.
    public let profile: JurisdictionProfile

    /// Makes the checks.
    /// - Parameter profile: The profile.
    public init(profile: JurisdictionProfile) { self.profile = profile }

    /// A base rule's figure in force on a day, reported under the finding's own id.
    func figure(_ base: RuleDeclaration, as finding: RuleDeclaration, on day: LocalDate) throws -> RuleFigure? {
        guard var figure = try profile.figureInForce(base.id, on: day) else { return nil }
        figure.rule = finding.id
        figure.title = finding.title
        return figure
    }

    /// The findings of one item: each version not published in time (by the local list-change limit for a list
    /// change where the profile has it, else by the proactive rule), a policy's interpretation not published in
    /// time after the policy, and an emergency's press conference not held in time (the last two local rules, only
    /// where the profile has them).
    /// - Parameters:
    ///   - item: The item.
    ///   - asOf: The day.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks the figure.
    public func findings(for item: DisclosureItem, asOf: LocalDate) throws -> [Finding] {
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: item.agency,
            lead: [.init("item", item.id.rawValue), .init("title", item.title ?? "")]
                + (item.category.map { [.init("category", $0.rawValue)] } ?? []), absenceCounts: true)
        // A list change is judged by the local limit where the profile has it (absence means the place has no such
        // rule), and by the proactive rule everywhere else.
        let (base, finding) =
            item.category == .listChange && profile.knows(CoreLaw.disclosureListChange.id)
            ? (CoreLaw.disclosureListChange, CoreLaw.disclosureListChangeLate)
            : (CoreLaw.disclosureProactive, CoreLaw.disclosureProactiveLate)
        for (i, version) in item.versions.enumerated() where version.on <= asOf {
            // This version's publication: the first on or after it, before the next version.
            let next = item.versions.indices.contains(i + 1) ? item.versions[i + 1].on : LocalDate.distantFuture
            let published = item.publications.first { $0.on >= version.on && $0.on < next && $0.on <= asOf }
            guard
                let figure = try figure(base, as: finding, on: version.on),
                let miss = figure.missed(
                    from: version.on, done: published?.on, asOf: min(asOf, next), absenceCounts: true,
                    calendar: profile.calendar)
            else { continue }
            out.add(
                figure, miss.facts, dates: miss.dates(start: i == 0 ? "made" : "changed", act: "published"),
                evidence: version.evidence + (published?.evidence ?? []))
        }
        if item.category == .policy, profile.knows(CoreLaw.disclosurePolicyInterpretation.id),
            let published = item.publications.first(where: { $0.on <= asOf })
        {
            let interpreted = item.interpretations.first { $0.on >= published.on && $0.on <= asOf }
            if let figure = try figure(
                CoreLaw.disclosurePolicyInterpretation, as: CoreLaw.disclosurePolicyInterpretationLate,
                on: published.on),
                let miss = figure.missed(
                    from: published.on, done: interpreted?.on, asOf: asOf, absenceCounts: true,
                    calendar: profile.calendar)
            {
                out.add(
                    figure, miss.facts, dates: miss.dates(start: "published", act: "interpreted"),
                    evidence: published.evidence + (interpreted?.evidence ?? []))
            }
        }
        if item.category == .emergency, profile.knows(CoreLaw.disclosureEmergencyPress.id),
            let occurred = item.occurredAt, let made = item.versions.first, made.on <= asOf
        {
            try pressFinding(item, occurred: occurred, made: made, asOf: asOf, into: &out)
        }
        return out.findings
    }

    /// The findings of one licence: not published on the credit website within the 双公示 limit of its decision
    /// (`disclosure.licence.publication`), judged against the licensing authority.
    /// - Parameters:
    ///   - licence: The licence.
    ///   - asOf: The day.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks the figure.
    public func findings(for licence: LicenceCase, asOf: LocalDate) throws -> [Finding] {
        guard let granted = licence.granted, granted.on.on <= asOf else { return [] }
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: licence.authority,
            lead: [.init("licence", licence.id.rawValue), .init("holder", granted.facts.holderName)],
            absenceCounts: true)
        let published = licence.publications.first { $0.on <= asOf }
        guard let figure = try profile.figureInForce(CoreLaw.disclosureLicencePublication.id, on: granted.on.on),
            let miss = figure.missed(
                from: granted.on.on, done: published?.on, asOf: asOf, absenceCounts: true, calendar: profile.calendar)
        else { return [] }
        out.add(
            figure, miss.facts, dates: miss.dates(start: "decided", act: "published"),
            evidence: granted.on.evidence + (published?.evidence ?? []))
        return out.findings
    }

    /// An emergency's press conference judged by the hours the profile allows, from the time it happened to the
    /// first conference; with none held, late once the limit has passed before the end of the day looked at.
    func pressFinding(
        _ item: DisclosureItem, occurred: Timestamp, made: DatedFact, asOf: LocalDate, into out: inout FindingCollector
    ) throws {
        guard
            let figure = try figure(
                CoreLaw.disclosureEmergencyPress, as: CoreLaw.disclosureEmergencyPressLate, on: made.on)
        else { return }
        guard figure.figure.unit == .hours else {
            throw CreditKitError(
                .invalidArgument,
                "profile \(profile.id) gives \(CoreLaw.disclosureEmergencyPress.id) as \(figure.figure); it is counted in hours"
            )
        }
        let hour: Int64 = 3_600_000_000
        let limit = Int64(NSDecimalNumber(decimal: figure.figure.value).int64Value) * hour
        let due = Timestamp(microseconds: occurred.microseconds + limit)
        // The earliest conference held by the day, whatever order they were recorded in.
        let held = item.pressConferences.filter { $0.dated.on <= asOf }.min { $0.at < $1.at }
        let until = held?.at ?? Timestamp(endOf: asOf)
        guard until > due else { return }
        // Whole hours past the limit, rounded up: a conference one minute late is an hour late.
        let over = (until.microseconds - due.microseconds + hour - 1) / hour
        out.add(
            figure,
            (held == nil ? [Finding.Fact("state", "not yet")] : [])
                + [.init("occurredAt", occurred.description), .init("dueAt", due.description)]
                + (held.map { [.init("heldAt", $0.at.description)] } ?? []) + [.count("hoursLate", Int(over))],
            dates: [.init("occurred", occurred.chinaDate), .init("due", due.chinaDate)]
                + (held.map { [.init("pressConference", $0.dated.on)] } ?? []),
            evidence: made.evidence + (held?.dated.evidence ?? []))
    }

    /// The findings of one request.
    /// - Parameters:
    ///   - request: The request.
    ///   - asOf: The day.
    /// - Returns: The finding, when answered late or not yet past the last day.
    /// - Throws: When the profile lacks a figure.
    public func findings(for request: DisclosureRequest, asOf: LocalDate) throws -> [Finding] {
        guard let received = request.received, received.on <= asOf,
            let reply = try profile.figureInForce(CoreLaw.disclosureRequestReply.id, on: received.on),
            var period = reply.figure.period
        else { return [] }
        let calendar = profile.calendar
        var extended: [Finding.Fact] = []
        // An extension counts when made within the first period; then the two add up.
        if let stretch = request.extended, stretch.on <= asOf,
            stretch.on <= calendar.deadline(period, from: received.on, restDayExtension: true).due,
            let more = try profile.figureInForce(CoreLaw.disclosureRequestExtension.id, on: received.on),
            let added = more.figure.period, added.unit == period.unit
        {
            period = Period(period.value + added.value, period.unit)
            extended = [.date("extended", stretch.on)]
        }
        var figure = reply
        figure.rule = CoreLaw.disclosureRequestLate.id
        figure.title = CoreLaw.disclosureRequestLate.title
        figure.figure = Figure(Decimal(period.value), reply.figure.unit)
        guard
            let miss = figure.missed(
                from: received.on, done: request.answered.flatMap { $0.on <= asOf ? $0.on : nil }, asOf: asOf,
                absenceCounts: true, calendar: calendar)
        else { return [] }
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: request.agency, lead: [.init("request", request.id.rawValue)],
            absenceCounts: true)
        out.add(
            figure, extended + miss.facts, dates: miss.dates(start: "received", act: "answered"),
            evidence: received.evidence + (request.extended?.evidence ?? []) + (request.answered?.evidence ?? []))
        return out.findings
    }

    /// The years whose annual report had fallen due by a day, from the first an agency takes part in, each with its
    /// last day and the figure (a government's or a department's) in force when the year closed.
    /// - Parameters:
    ///   - kind: The agency's kind (a government reports by 31 March, a department by 31 January).
    ///   - firstYear: The first year it takes part in.
    ///   - asOf: The day.
    /// - Returns: The years, oldest first.
    /// - Throws: When the profile lacks the figure.
    public func annualReportYears(kind: AgencyKind, firstYear: Int, asOf: LocalDate) throws -> [(
        year: Int, due: LocalDate, figure: RuleFigure
    )] {
        let base =
            kind == .government ? CoreLaw.disclosureAnnualReportGovernment : CoreLaw.disclosureAnnualReportDepartment
        guard firstYear < asOf.year else { return [] }
        var out: [(year: Int, due: LocalDate, figure: RuleFigure)] = []
        for year in firstYear..<asOf.year {
            guard let yearStart = LocalDate(validYear: year + 1, month: 1, day: 1),
                let figure = try figure(base, as: CoreLaw.disclosureAnnualReportLate, on: yearStart)
            else { continue }
            let code = NSDecimalNumber(decimal: figure.figure.value).intValue
            guard let due = LocalDate(validYear: year + 1, month: code / 100, day: code % 100), due < asOf else {
                continue
            }
            out.append((year, due, figure))
        }
        return out
    }

    /// The findings of one agency's annual reports, for every year from the first it takes part in disclosure
    /// (its first disclosure fact's year) to the last whose report has fallen due.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - kind: Its kind (a government reports by 31 March, a department by 31 January).
    ///   - firstYear: The first year it takes part in.
    ///   - reports: Its reports.
    ///   - asOf: The day.
    /// - Returns: The findings, each for its year (the year is the finding's occasion).
    /// - Throws: When the profile lacks the figure.
    public func findings(
        agency: SubjectID, kind: AgencyKind, firstYear: Int, reports: [AnnualDisclosureReport], asOf: LocalDate
    ) throws -> [Finding] {
        var out: [Finding] = []
        for (year, due, figure) in try annualReportYears(kind: kind, firstYear: firstYear, asOf: asOf) {
            let published = reports.first { $0.id.rawValue == String(year) }?.published
            guard published.map({ $0.on > due }) ?? true else { continue }
            var c = FindingCollector(
                profile: profile, asOf: asOf, subject: agency, lead: [.count("year", year)], absenceCounts: true)
            c.add(
                figure,
                published == nil
                    ? [.init("state", "not yet"), .days("daysLate", due.days(until: asOf))]
                    : [.days("daysLate", due.days(until: published!.on))],
                dates: [.init("due", due)] + (published.map { [.init("published", $0.on)] } ?? []),
                evidence: published?.evidence ?? [], occasion: String(year))
            out += c.findings
        }
        return out
    }

    /// One agency's disclosure as of a day, from its core facts: its duties (versions of information made or
    /// changed, requests received, annual reports fallen due) and every finding over them.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - kind: Its kind.
    ///   - facts: Its core facts.
    ///   - asOf: The day.
    /// - Returns: The number of duties and the findings.
    /// - Throws: When the profile lacks a figure.
    public func agencyDisclosure(_ agency: SubjectID, kind: AgencyKind, facts: OwnerCaseFacts, asOf: LocalDate) throws
        -> (duties: Int, findings: [Finding])
    {
        let items = facts.cases(DisclosureItem.self)
        let requests = facts.cases(DisclosureRequest.self)
        let reports = facts.cases(AnnualDisclosureReport.self)
        let licences = facts.cases(LicenceCase.self)
        var out: [Finding] = []
        for item in items { out += try findings(for: item, asOf: asOf) }
        for licence in licences { out += try findings(for: licence, asOf: asOf) }
        for request in requests { out += try findings(for: request, asOf: asOf) }
        var duties =
            items.reduce(0) { $0 + $1.versions.filter { $0.on <= asOf }.count }
            + requests.filter { ($0.received?.on ?? .distantFuture) <= asOf }.count
            + licences.filter { ($0.granted?.on.on ?? .distantFuture) <= asOf }.count
        let firstDays =
            items.compactMap { $0.versions.first?.on } + requests.compactMap { $0.received?.on }
            + reports.compactMap { Int($0.id.rawValue).flatMap { LocalDate(validYear: $0, month: 1, day: 1) } }
        if let first = firstDays.min() {
            duties += try annualReportYears(kind: kind, firstYear: first.year, asOf: asOf).count
            out += try findings(agency: agency, kind: kind, firstYear: first.year, reports: reports, asOf: asOf)
        }
        return (duties, out)
    }
}

extension CreditKit {
    /// The disclosure findings of every agency as of a day: items, requests and annual reports.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func disclosureFindings(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let now = ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        let view = self.view
        let kinds: Set<EventKind> = Set(DisclosureFacts.all.map { $0.kind })
        guard !view.kindsSeen.isDisjoint(with: kinds) else { return [] }
        let checks = DisclosureChecks(profile: profile)
        var out: [Finding] = []
        for state in view.subjects(ofKind: .agency, asOf: day) {
            guard case .agency(let agency) = state.subject else { continue }
            let facts = try ledger.caseFacts(of: agency.id, sector: "core", view: view, asOf: day, knownAt: known)
            guard !facts.isEmpty else { continue }
            out += try checks.agencyDisclosure(agency.id, kind: agency.kind, facts: facts, asOf: day).findings
        }
        return out
    }
}
