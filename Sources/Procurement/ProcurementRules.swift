import CreditKitCore
import Foundation

/// The procurement rules (政府采购规则), applied to one process as of a day: each figure comes from the profile in
/// force on the day that starts its period, and each finding names its rule, the facts and dates it used, and the
/// ledger entries that are its evidence.
public struct ProcurementRules: Sendable {
    /// Every rule the procurement checks may report.
    public static let ids: [RuleID] = [
        "procurement.contract.late-signing", "procurement.contract.late-publication",
        "procurement.contract.late-filing", "procurement.tender.short-period",
        "procurement.tender.short-period.consultation", "procurement.tender.short-period.negotiation",
        "procurement.tender.short-period.quotation", "procurement.tender.short-clarification",
        "procurement.tender.too-few-bidders", "procurement.result.late-confirmation", "procurement.result.late-notice",
        "procurement.bond.excessive-bid-bond", "procurement.bond.late-refund",
        "procurement.bond.excessive-performance-bond", "procurement.acceptance.overdue",
        "procurement.payment.late-sme", "procurement.payment.overdue-unpaid", "procurement.challenge.late-reply",
    ]

    /// The profile whose figures apply, the module's defaults added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile; the module's figures are added where it has none.
    public init(profile: JurisdictionProfile = .national) {
        self.profile = (try? profile.addingDefaults(ProcurementFigures.all)) ?? profile
    }

    /// Every finding for one process as of a day.
    /// - Parameters:
    ///   - process: The process.
    ///   - asOf: The day looked at; facts after it are not seen.
    /// - Returns: The findings, in rule order.
    public func findings(for process: ProcurementProcess, asOf: LocalDate) -> [Finding] {
        guard !process.cancelled else { return [] }
        var out = Output(rules: self, process: process, asOf: asOf)
        tender(process, &out)
        result(process, &out)
        for contract in process.contracts {
            signing(contract, process, &out)
            payment(contract, &out)
            acceptance(contract, &out)
            if let bond = contract.performanceBond, let amount = contract.amount,
                let figure = out.figure("procurement.bond.excessive-performance-bond", on: contract.signed?.on ?? asOf),
                bond > amount * figure.figure.value / 100
            {
                out.add(
                    figure, [("contract", contract.id), ("bond", "\(bond)"), ("contractAmount", "\(amount)")],
                    dates: contract.signed.map { [.init("signed", $0.on)] } ?? [], evidence: contract.evidence)
            }
        }
        bonds(process, &out)
        for challenge in process.challenges where challenge.received.on <= asOf {
            out.deadline(
                "procurement.challenge.late-reply", from: challenge.received, named: "received",
                done: challenge.answered,
                doneName: "answered", facts: [("challenge", challenge.id)])
        }
        return out.findings
    }

    /// Collects findings for one process.
    struct Output {
        let rules: ProcurementRules
        let process: ProcurementProcess
        let asOf: LocalDate
        var findings: [Finding] = []

        func figure(_ rule: RuleID, on day: LocalDate) -> RuleFigure? { try? rules.profile.figure(rule, on: day) }

        mutating func add(
            _ figure: RuleFigure, _ facts: [(String, String)], dates: [Finding.NamedDate], evidence: [Int64],
            severity: Severity = .minor
        ) {
            var all: [Finding.Fact] = []
            if let ocid = process.ocid { all.append(Finding.Fact("ocid", ocid)) }
            all.append(Finding.Fact("project", process.id))
            all.append(Finding.Fact("figure", figure.figure.description))
            all += facts.map { Finding.Fact($0.0, $0.1) }
            findings.append(
                Finding(
                    rule: figure.rule, title: figure.title, basis: figure.basis, subject: process.purchaser,
                    severity: severity, facts: all, dates: dates,
                    evidence: Array(Set(evidence + process.evidence.prefix(1))).sorted(), asOf: asOf))
        }

        /// A deadline rule: `done` must come by the period's last day after `start`; past it, a late `done` (or, for
        /// a complete process, none by the day looked at) is a finding.
        mutating func deadline(
            _ rule: RuleID, from start: ProcurementProcess.Dated, named startName: String,
            done: ProcurementProcess.Dated?, doneName: String, facts: [(String, String)], evidence: [Int64] = []
        ) {
            guard start.on <= asOf, let figure = figure(rule, on: start.on),
                let miss = figure.missed(
                    from: start.on, done: done?.on, asOf: asOf, absenceCounts: process.isComplete,
                    calendar: rules.profile.calendar)
            else { return }
            add(
                figure, facts + miss.facts, dates: miss.dates(start: startName, act: doneName),
                evidence: evidence + start.evidence + (miss.done != nil ? done?.evidence ?? [] : []))
        }
    }

    func tender(_ p: ProcurementProcess, _ out: inout Output) {
        guard let issued = p.documentsIssued, issued.on <= out.asOf else { return }
        if let deadline = p.bidDeadline, let rule = p.method.shortPeriodRule,
            let figure = out.figure(rule, on: issued.on), let period = figure.figure.period,
            !profile.calendar.lasts(atLeast: period, from: issued.on, to: deadline)
        {
            out.add(
                figure,
                [
                    ("method", p.methodText ?? p.method.rawValue),
                    (period.unit == .workingDays ? "workingDays" : "days", periodLength(period, issued.on, deadline)),
                ],
                dates: [.init("documentsIssued", issued.on), .init("bidDeadline", deadline)], evidence: issued.evidence)
        }
        if p.method.isTender, let deadline = p.bidDeadline {
            for clarification in p.clarifications where clarification.on <= out.asOf && clarification.on < deadline {
                guard let figure = out.figure("procurement.tender.short-clarification", on: clarification.on),
                    let period = figure.figure.period,
                    !profile.calendar.lasts(atLeast: period, from: clarification.on, to: deadline)
                else { continue }
                out.add(
                    figure, [("days", String(clarification.on.days(until: deadline)))],
                    dates: [.init("clarified", clarification.on), .init("bidDeadline", deadline)],
                    evidence: clarification.evidence)
            }
        }
        if p.method.isTender, p.awarded, let bidders = p.bidders,
            let figure = out.figure("procurement.tender.too-few-bidders", on: p.bidDeadline ?? issued.on),
            Decimal(bidders) < figure.figure.value
        {
            out.add(
                figure, [("bidders", String(bidders)), ("method", p.methodText ?? p.method.rawValue)],
                dates: [.init("bidDeadline", p.bidDeadline ?? issued.on)],
                evidence: (p.evaluationReport?.evidence ?? []) + (p.resultAnnounced?.evidence ?? []))
        }
    }

    func periodLength(_ period: Period, _ start: LocalDate, _ end: LocalDate) -> String {
        period.unit == .workingDays
            ? String(profile.calendar.workingDays(after: start, through: end)) : String(start.days(until: end))
    }

    func result(_ p: ProcurementProcess, _ out: inout Output) {
        if let report = p.evaluationReport {
            out.deadline(
                "procurement.result.late-confirmation", from: report, named: "evaluationReport",
                done: p.winnerConfirmed, doneName: "winnerConfirmed", facts: [])
        }
        if let confirmed = p.winnerConfirmed {
            out.deadline(
                "procurement.result.late-notice", from: confirmed, named: "winnerConfirmed", done: p.resultAnnounced,
                doneName: "announced", facts: [])
        }
    }

    func signing(_ c: ProcurementProcess.Contract, _ p: ProcurementProcess, _ out: inout Output) {
        if let notice = c.awardNotice {
            out.deadline(
                "procurement.contract.late-signing", from: .init(notice, evidence: p.resultAnnounced?.evidence ?? []),
                named: "notice", done: c.signed, doneName: "signed", facts: [("contract", c.id)])
        }
        guard let signed = c.signed else { return }
        out.deadline(
            "procurement.contract.late-publication", from: signed, named: "signed", done: c.published,
            doneName: "published", facts: [("contract", c.id)])
        out.deadline(
            "procurement.contract.late-filing", from: signed, named: "signed", done: c.filed, doneName: "filed",
            facts: [("contract", c.id)])
    }

    /// Acceptance by the agreed date: late once passed after it, or, whatever the source, not passed by a later day.
    func acceptance(_ c: ProcurementProcess.Contract, _ out: inout Output) {
        guard let due = c.acceptanceDue, let figure = out.figure("procurement.acceptance.overdue", on: due),
            let miss = figure.missed(
                from: due, done: c.acceptancePassed?.on, asOf: out.asOf, absenceCounts: true,
                calendar: profile.calendar)
        else { return }
        let passed = miss.done.flatMap { _ in c.acceptancePassed }
        var dates = miss.dates(start: "agreedAcceptance", act: "passed").filter { $0.name != "due" }
        if let organised = c.acceptanceOrganised, organised.on <= out.asOf {
            dates.append(.init("organised", organised.on))
        }
        out.add(
            figure,
            [
                ("contract", c.id), ("state", passed == nil ? "not accepted" : "accepted late"),
                ("daysLate", String(miss.daysLate)),
            ], dates: dates,
            evidence: c.evidence + (c.acceptanceOrganised?.evidence ?? []) + (passed?.evidence ?? []))
    }

    /// The shared SME payment rule, under the procurement ids.
    static let smePayment = SMEPaymentRule(sector: "procurement")

    func payment(_ c: ProcurementProcess.Contract, _ out: inout Output) {
        guard c.paysAnSME, let a = Self.smePayment.assess(c.paymentTerms, profile: profile, asOf: out.asOf) else {
            return
        }
        let startDates: [Finding.NamedDate] = [.init(a.startName, a.start.on), .init("due", a.due.due)]
        if a.paidLate {
            out.add(
                a.lateFigure,
                [
                    ("contract", c.id), ("term", a.term), ("latePayments", String(a.latePayments.count)),
                    ("lateAmount", "\(a.latePayments.reduce(Decimal(0)) { $0 + ($1.amount ?? 0) })"),
                    ("interestOwed", "\(a.interestOwed)"),
                ],
                dates: startDates + a.latePayments.compactMap { $0.on.map { .init("paid", $0) } },
                evidence: c.evidence + a.start.evidence + a.latePayments.flatMap(\.evidence))
        }
        if let unpaid = a.unpaidFigure {
            var facts: [(String, String)] = [("contract", c.id), ("term", a.term), ("daysLate", String(a.daysPastDue))]
            if let outstanding = a.outstanding, let interest = a.interestAccrued {
                facts += [("outstanding", "\(outstanding)"), ("interestAccrued", "\(interest)")]
            }
            out.add(
                unpaid, facts, dates: startDates, evidence: c.evidence + a.start.evidence + a.paymentEvidence,
                severity: .ordinary)
        }
    }

    func bonds(_ p: ProcurementProcess, _ out: inout Output) {
        for bond in p.bidBonds where bond.posted <= out.asOf {
            if let budget = p.budget, let figure = out.figure("procurement.bond.excessive-bid-bond", on: bond.posted),
                bond.amount > budget * figure.figure.value / 100
            {
                out.add(
                    figure, [("supplier", bond.holder.name), ("bond", "\(bond.amount)"), ("budget", "\(budget)")],
                    dates: [.init("posted", bond.posted)], evidence: bond.evidence)
            }
            // The winner's bond runs from its contract's signing; the others' from the result notice.
            let winning = p.contracts.first { $0.suppliers.contains(where: bond.holder.sameAs) }
            let start = winning != nil ? winning?.signed : p.resultAnnounced
            guard let start else { continue }
            out.deadline(
                "procurement.bond.late-refund", from: start, named: winning != nil ? "signed" : "announced",
                done: bond.refunded, doneName: "refunded",
                facts: [("supplier", bond.holder.name), ("winner", winning != nil ? "yes" : "no")],
                evidence: bond.evidence)
        }
    }
}
