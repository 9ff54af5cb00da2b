import CreditKitCore
import Foundation

/// The PPP rules (政府和社会资本合作规则), applied to one project as of a day. Each figure comes from the profile
/// version in force on the rule's key day; each finding names its rule, the facts and dates it used, the ledger
/// entries that are its evidence, and the stage it belongs to with the government-side official who answered for
/// that stage (`stage`, `responsible`, `tenure`), so responsibility follows the official after a transfer
/// (终身责任追究).
public struct PPPRules: CaseRules {
    /// Every rule the PPP checks may report.
    public static let ids: [RuleID] = PPPLaw.all.map(\.id)

    /// The profile whose figures apply, the module's defaults added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile; the module's figures are added where it has none.
    /// - Throws: When the module's figures do not fit the profile (two versions in force on one day).
    public init(profile: JurisdictionProfile = .national) throws {
        self.profile = try profile.addingDefaults(PPPLaw.figures)
    }

    /// Every finding for one project as of a day.
    /// - Parameters:
    ///   - project: The project.
    ///   - asOf: The day looked at; facts after it are not seen.
    /// - Returns: The findings, in rule order.
    /// - Throws: `CreditKitError` (`invalidArgument`) when the profile lacks a rule's figure.
    public func findings(for project: PPPProject, asOf: LocalDate) throws -> [Finding] {
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: project.agency, lead: [.init("project", project.id.rawValue)],
            leadEvidence: project.registered?.evidence ?? [], absenceCounts: true)
        try obligations(project, &out)
        try changes(project, &out)
        try fiscal(project, &out)
        try mechanism(project, &out)
        try term(project, &out)
        try qualification(project, &out)
        try failures(project, &out)
        try disclosure(project, &out)
        return out.findings
    }

    /// The stage a day belongs to and who answered for it (责任倒查): `stage`, then `responsible` and `tenure`, or
    /// `responsible=not recorded`.
    /// - Parameters:
    ///   - project: The project.
    ///   - day: The rule's key day.
    /// - Returns: The facts.
    public static func trace(_ project: PPPProject, on day: LocalDate) -> [Finding.Fact] {
        guard let stage = project.stage(on: day) else { return [.init("stage", "not entered")] }
        guard let who = stage.responsible(on: day).responsible else {
            return [.init("stage", stage.stage.rawValue), .init("responsible", "not recorded")]
        }
        return [
            .init("stage", stage.stage.rawValue), .init("responsible", who.official.rawValue),
            .init("tenure", "#\(who.tenure.rawValue)"),
        ]
    }

    /// The evidence of the stage a day belongs to.
    static func stageEvidence(_ project: PPPProject, on day: LocalDate) -> [LedgerEntry.ID] {
        guard let stage = project.stage(on: day) else { return [] }
        return Array(Set(stage.entered.evidence + stage.responsible(on: day).since.evidence)).sorted()
    }

    /// The day an obligation falls due: a day the contract fixes stays put; a period counted from an event ends on
    /// the next working day when its last day is a rest day.
    func dueDay(_ due: PPPProject.Due) -> LocalDate {
        switch due {
        case .fixed(let day): day
        case .counted(let days, let from): profile.calendar.deadline(.days(days), from: from).due
        }
    }

    func obligations(_ p: PPPProject, _ out: inout FindingCollector) throws {
        for o in p.obligations where o.scheduled.on <= out.asOf {
            let due = dueDay(o.due)
            let seen = o.fulfilments(asOf: out.asOf)
            let trace = Self.trace(p, on: due)
            let evidence = o.scheduled.evidence + Self.stageEvidence(p, on: due)
            var facts: [Finding.Fact] = [.init("obligation", o.id), .init("kind", o.kind.rawValue)]
            if case .counted(let days, let from) = o.due {
                facts.append(.init("dueTerm", "\(days) d after \(from)"))
            }
            guard o.kind.isPayment, let amount = o.amount else {
                try out.deadline(
                    PPPLaw.unfulfilled.id, from: .init(due, evidence: evidence), named: "agreedDue",
                    done: seen.first?.on, doneName: "fulfilled", facts: facts + trace)
                continue
            }
            // Paid in full on the day the payments reach the amount.
            let paid = o.paid(asOf: out.asOf)
            if let full = o.completion(asOf: out.asOf) {
                guard let figure = try out.figure(PPPLaw.latePayment.id, on: due),
                    let miss = figure.missed(
                        from: due, done: full.on.on, asOf: out.asOf, absenceCounts: true, calendar: profile.calendar)
                else { continue }
                let late = seen.filter { $0.on.on > due }.reduce(Decimal(0)) { $0 + ($1.amount ?? 0) }
                out.add(
                    figure, facts + [.money("amount", amount), .money("paidLate", late)] + miss.facts + trace,
                    dates: miss.dates(start: "agreedDue", act: "paidInFull").filter { $0.name != "due" },
                    evidence: evidence + seen.filter { $0.on.on > due }.flatMap(\.on.evidence))
            } else {
                guard let figure = try out.figure(PPPLaw.overdueUnpaid.id, on: due),
                    let miss = figure.missed(
                        from: due, done: nil, asOf: out.asOf, absenceCounts: true, calendar: profile.calendar)
                else { continue }
                out.add(
                    figure,
                    facts + [.money("amount", amount), .money("paid", paid), .money("outstanding", amount - paid)]
                        + miss.facts + trace,
                    dates: miss.dates(start: "agreedDue", act: "paid").filter { $0.name != "due" },
                    evidence: evidence + seen.flatMap(\.on.evidence), severity: .ordinary)
            }
        }
    }

    func changes(_ p: PPPProject, _ out: inout FindingCollector) throws {
        for change in p.changes where change.byGovernment && change.on.on <= out.asOf {
            var wrongs: [String] = []
            if change.reason.isProhibited { wrongs.append("以法律不认可的理由变更（如领导人员更替）") }
            if !change.lawfulProcedure { wrongs.append("未履行法定程序") }
            if change.compensationAgreed == nil
                && ![.concessionaireBreach, .mutualAgreement, .forceMajeure].contains(change.reason)
            {
                wrongs.append("未依法约定补偿")
            }
            guard !wrongs.isEmpty, let figure = try out.figure(PPPLaw.unlawfulChange.id, on: change.on.on) else {
                continue
            }
            out.add(
                figure,
                [
                    .init("change", change.description), .init("terminates", change.terminates ? "yes" : "no"),
                    .init("reason", change.reason.rawValue), .init("wrong", wrongs.joined(separator: "；")),
                ] + Self.trace(p, on: change.on.on),
                dates: [.init("changed", change.on.on)],
                evidence: change.on.evidence + Self.stageEvidence(p, on: change.on.on),
                severity: change.reason.isProhibited ? .serious : .ordinary)
        }
    }

    func fiscal(_ p: PPPProject, _ out: inout FindingCollector) throws {
        for a in p.fiscalAssessments where a.on.on <= out.asOf {
            let ratio = a.ratioPercent
            let facts: [Finding.Fact] = [
                .count("year", a.year), .money("pppSpending", a.pppSpending),
                .money("budgetExpenditure", a.budgetExpenditure), .init("ratio", Self.percent(ratio)),
            ]
            let evidence = a.on.evidence + Self.stageEvidence(p, on: a.on.on)
            let trace = Self.trace(p, on: a.on.on)
            if let cap = try out.figure(PPPLaw.fiscalCap.id, on: a.on.on), ratio > cap.figure.value {
                out.add(
                    cap, facts + trace, dates: [.init("assessed", a.on.on)], evidence: evidence, severity: .ordinary)
            } else if let warning = try out.figure(PPPLaw.fiscalWarning.id, on: a.on.on), ratio > warning.figure.value {
                out.add(warning, facts + trace, dates: [.init("assessed", a.on.on)], evidence: evidence)
            }
            if p.mechanism == .governmentPay,
                let line = try out.figure(PPPLaw.fiscalNoNewGovernmentPay.id, on: a.on.on), ratio > line.figure.value
            {
                out.add(
                    line, facts + [.init("mechanism", PPPPaymentMechanism.governmentPay.rawValue)] + trace,
                    dates: [.init("assessed", a.on.on)], evidence: evidence)
            }
        }
    }

    /// A percentage with two decimals, as the finding states it.
    static func percent(_ value: Decimal) -> String {
        var rounded = Decimal()
        var source = value
        NSDecimalRound(&rounded, &source, 2, .plain)
        return "\(rounded)%"
    }

    func mechanism(_ p: PPPProject, _ out: inout FindingCollector) throws {
        guard let contract = p.contract, contract.signed.on <= out.asOf else { return }
        let signed = contract.signed.on
        let trace = Self.trace(p, on: signed)
        let evidence = contract.signed.evidence + Self.stageEvidence(p, on: signed)
        if let figure = try out.figure(PPPLaw.mechanismGovernmentPay.id, on: signed) {
            let owed = p.obligations.filter { $0.kind.isNewFiscalObligation && $0.scheduled.on <= out.asOf }
            let byMechanism = p.mechanism.map { $0 != .userPay } ?? false
            if byMechanism || !owed.isEmpty {
                out.add(
                    figure,
                    (p.mechanism.map { [.init("mechanism", $0.rawValue)] } ?? [])
                        + [
                            .init("obligations", owed.map { "\($0.id) \($0.kind.rawValue)" }.joined(separator: ", ")),
                            .init("note", "运营期补贴可能合法，请核实是否为建设成本的财政支出"),
                        ] + trace,
                    dates: [.init("signed", signed)], evidence: evidence + owed.flatMap(\.scheduled.evidence))
            }
        }
        if contract.publicInterest, let share = contract.privateEquityPercent,
            let figure = try out.figure(PPPLaw.mechanismPrivateEquity.id, on: signed), share < figure.figure.value
        {
            out.add(
                figure, [.init("privateEquity", Self.percent(share))] + trace, dates: [.init("signed", signed)],
                evidence: evidence)
        }
    }

    func term(_ p: PPPProject, _ out: inout FindingCollector) throws {
        guard let c = p.contract, c.signed.on <= out.asOf, !c.approvedLongerTerm, let start = c.termStart,
            let end = c.termEnd, let figure = try out.figure(PPPLaw.termExceeded.id, on: c.signed.on),
            let period = figure.figure.period
        else { return }
        // A term of N years counts from the day before its first day (民法典 art. 201): from 2020-01-01 it ends on
        // 2049-12-31, from 2024-02-29 on 2054-02-28.
        let lastAllowed = profile.calendar.deadline(period, from: start.adding(days: -1), restDayExtension: false).due
        guard end > lastAllowed else { return }
        out.add(
            figure,
            [.init("concessionaire", c.concessionaire.name), .days("daysOver", lastAllowed.days(until: end))]
                + Self.trace(p, on: c.signed.on),
            dates: [
                .init("signed", c.signed.on), .init("termStart", start), .init("termEnd", end),
                .init("lastAllowed", lastAllowed),
            ], evidence: c.signed.evidence + Self.stageEvidence(p, on: c.signed.on))
    }

    func qualification(_ p: PPPProject, _ out: inout FindingCollector) throws {
        // The reviews before the signing, by their days. Prequalification that was re-done is lawful even if fewer
        // than three qualify again (the method may then change): only a single review under the line is a finding.
        guard let c = p.contract, c.signed.on <= out.asOf else { return }
        let reviews = p.qualifications.filter { $0.on.on <= c.signed.on }.sorted { $0.on.on < $1.on.on }
        guard reviews.count == 1, let last = reviews.last,
            let figure = try out.figure(PPPLaw.tooFewQualified.id, on: last.on.on),
            Decimal(last.qualified) < figure.figure.value
        else { return }
        out.add(
            figure, [.count("qualified", last.qualified)] + Self.trace(p, on: last.on.on),
            dates: [.init("reviewed", last.on.on), .init("signed", c.signed.on)],
            evidence: last.on.evidence + c.signed.evidence + Self.stageEvidence(p, on: last.on.on))
    }

    func failures(_ p: PPPProject, _ out: inout FindingCollector) throws {
        for f in p.failures where f.recorded.on <= out.asOf {
            guard let imposed = f.penaltyImposed, f.paymentKnown, f.penaltyPaid.map({ $0.on > out.asOf }) ?? true,
                let figure = try out.figure(PPPLaw.penaltyUnpaid.id, on: f.to)
            else { continue }
            out.add(
                figure,
                [.init("failure", f.id), .init("category", f.category), .init("penaltyImposed", imposed)]
                    + (f.penaltyContracted.map { [.init("penaltyContracted", $0)] } ?? []) + Self.trace(p, on: f.to),
                dates: [.init("failureFrom", f.from), .init("failureTo", f.to), .init("recorded", f.recorded.on)],
                evidence: f.recorded.evidence + Self.stageEvidence(p, on: f.to))
        }
    }

    func disclosure(_ p: PPPProject, _ out: inout FindingCollector) throws {
        guard let execution = p.entered(.execution), execution.entered.on <= out.asOf else { return }
        let seen = p.disclosures.filter { $0.on.on <= out.asOf }
        let before = seen.first { $0.item == .beforeExecution }
        // Traced to whoever answered for execution when the window closed.
        if let figure = try out.figure(PPPLaw.disclosureLate.id, on: execution.entered.on),
            let period = figure.figure.period
        {
            let closes = profile.calendar.deadline(period, from: execution.entered.on).due
            try out.deadline(
                PPPLaw.disclosureLate.id, from: execution.entered, named: "executionBegan", done: before?.on,
                doneName: "disclosed", facts: Self.trace(p, on: min(closes, out.asOf)),
                evidence: Self.stageEvidence(p, on: min(closes, out.asOf)))
        }
        // Each year of execution up to the project's end, by 30 April of the next year.
        let end = [p.entered(.handover)?.entered.on, p.changes.first(where: \.terminates)?.on.on, out.asOf]
            .compactMap { $0 }.min()!
        guard execution.entered.on.year <= end.year else { return }
        for year in execution.entered.on.year...end.year {
            let yearEnd = try LocalDate(year: year, month: 12, day: 31)
            guard let figure = try out.figure(PPPLaw.disclosureLateAnnual.id, on: yearEnd) else { continue }
            let monthDay = NSDecimalNumber(decimal: figure.figure.value).intValue
            let due = try LocalDate(year: year + 1, month: monthDay / 100, day: monthDay % 100)
            let disclosed = seen.first { $0.item == .execution(year: year) }
            let lateBy: Int
            if let disclosed {
                guard disclosed.on.on > due else { continue }
                lateBy = due.days(until: disclosed.on.on)
            } else {
                guard out.asOf > due else { continue }
                lateBy = due.days(until: out.asOf)
            }
            out.add(
                figure,
                [.count("year", year)] + (disclosed == nil ? [.init("state", "not yet")] : [])
                    + [.days("daysLate", lateBy)] + Self.trace(p, on: due),
                dates: [.init("due", due)] + (disclosed.map { [.init("disclosed", $0.on.on)] } ?? []),
                evidence: execution.entered.evidence + (disclosed?.on.evidence ?? []))
        }
    }
}
