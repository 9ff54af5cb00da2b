import CreditKitCore
import Foundation

/// The Bidding Law's rules (招标投标规则) applied to one tender as of a day. Each figure comes from the profile in
/// force on the day its period starts; a rule that binds only projects that must be tendered by law leaves the
/// others alone; each finding names its rule, facts, dates and entries.
public struct BiddingRules: Sendable {
    /// Every rule the bidding checks may report on a tender.
    public static let ids: [RuleID] = [
        "bidding.tender.short-period", "bidding.tender.short-clarification",
        "bidding.tender.short-clarification.prequalification", "bidding.tender.short-document-sale",
        "bidding.tender.too-few-bidders", "bidding.objection.late-reply", "bidding.candidates.late-publicity",
        "bidding.candidates.short-publicity", "bidding.contract.late-signing", "bidding.report.late",
        "bidding.bond.excessive", "bidding.bond.late-refund", "bidding.bond.excessive-performance",
        "bidding.panel.invalid", "bidding.complaint.late-acceptance", "bidding.complaint.late-decision",
        "bidding.payment.late-sme", "bidding.payment.overdue-unpaid",
    ]

    /// The shared SME payment rule, under the bidding ids (works).
    public static let smePayment = SMEPaymentRule(sector: "bidding")

    /// The profile, the module's figures added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile; the module's figures are added where it has none.
    public init(profile: JurisdictionProfile = .national) {
        self.profile = (try? profile.addingDefaults(BiddingFigures.all)) ?? profile
    }

    /// Every finding for one tender as of a day.
    /// - Parameters:
    ///   - p: The tender.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    public func findings(for p: BiddingProcess, asOf: LocalDate) -> [Finding] {
        guard !p.cancelled else { return [] }
        let start = p.prequalificationIssued?.on ?? p.documentsIssued?.on ?? p.awardNotice?.on ?? asOf
        var out = Output(rules: self, process: p, asOf: asOf, mandatory: p.isMandatory(profile: profile, on: start))
        documents(p, &out)
        for o in p.objections {
            out.deadline(
                "bidding.objection.late-reply", from: o.received, named: "received", done: o.answered,
                doneName: "answered", facts: [("objection", o.id)])
        }
        if p.awarded, let bidders = p.bidders, let figure = out.figure("bidding.tender.too-few-bidders", on: start),
            Decimal(bidders) < figure.figure.value, (p.opened?.on ?? p.awardNotice?.on ?? start) <= asOf
        {
            out.add(
                figure, [("bidders", String(bidders))],
                dates: (p.opened.map { [.init("opened", $0.on)] } ?? [])
                    + (p.awardNotice.map { [.init("notice", $0.on)] } ?? []),
                evidence: (p.opened?.evidence ?? []) + (p.awardNotice?.evidence ?? []))
        }
        panel(p, &out)
        if let report = p.evaluationReport {
            out.deadline(
                "bidding.candidates.late-publicity", from: report, named: "evaluationReport", done: p.publicity,
                doneName: "publicised", facts: [])
        }
        if let from = p.publicity, let through = p.publicityThrough, from.on <= asOf,
            let figure = out.figure("bidding.candidates.short-publicity", on: from.on), out.binds(figure.rule),
            let days = figure.figure.period?.value, from.on.days(until: through) + 1 < days
        {
            out.add(
                figure, [("daysShown", String(from.on.days(until: through) + 1))],
                dates: [.init("from", from.on), .init("through", through)], evidence: from.evidence)
        }
        if let determined = p.winnerDetermined ?? p.awardNotice {
            out.deadline(
                "bidding.report.late", from: determined, named: "winnerDetermined", done: p.report,
                doneName: "reported", facts: [])
        }
        for c in p.contracts {
            if let notice = c.awardNotice {
                out.deadline(
                    "bidding.contract.late-signing", from: .init(notice, evidence: p.awardNotice?.evidence ?? []),
                    named: "notice", done: c.signed, doneName: "signed", facts: [("contract", c.id)])
            }
            if let bond = c.performanceBond, let amount = c.amount,
                let figure = out.figure("bidding.bond.excessive-performance", on: c.signed?.on ?? asOf),
                bond > amount * figure.figure.value / 100
            {
                out.add(
                    figure, [("contract", c.id), ("bond", "\(bond)"), ("contractAmount", "\(amount)")],
                    dates: c.signed.map { [.init("signed", $0.on)] } ?? [], evidence: c.evidence)
            }
            payment(c, &out)
        }
        bonds(p, &out)
        for c in p.complaints {
            out.deadline(
                "bidding.complaint.late-acceptance", from: c.filed, named: "filed", done: c.accepted ?? c.rejected,
                doneName: c.rejected != nil ? "rejected" : "accepted", facts: [("complaint", c.id)],
                subject: c.supervisor)
            if let accepted = c.accepted {
                out.deadline(
                    "bidding.complaint.late-decision", from: accepted, named: "accepted", done: c.decided,
                    doneName: "decided", facts: [("complaint", c.id)], subject: c.supervisor)
            }
        }
        return out.findings
    }

    /// Collects findings for one tender.
    struct Output {
        let rules: BiddingRules
        let process: BiddingProcess
        let asOf: LocalDate
        let mandatory: Bool
        var findings: [Finding] = []

        func figure(_ rule: RuleID, on day: LocalDate) -> RuleFigure? {
            guard binds(rule) else { return nil }
            return try? rules.profile.figure(rule, on: day)
        }

        /// Whether a rule binds this tender: every rule binds a mandatory tender; some bind only those.
        func binds(_ rule: RuleID) -> Bool { mandatory || !BiddingFigures.mandatoryOnlyRules.contains(rule) }

        mutating func add(
            _ figure: RuleFigure, _ facts: [(String, String)], dates: [Finding.NamedDate], evidence: [Int64],
            subject: SubjectID? = nil, severity: Severity = .minor
        ) {
            var all: [Finding.Fact] = []
            if let ocid = process.ocid { all.append(Finding.Fact("ocid", ocid)) }
            all.append(Finding.Fact("project", process.id))
            all.append(Finding.Fact("figure", figure.figure.description))
            if BiddingFigures.mandatoryOnlyRules.contains(figure.rule) { all.append(Finding.Fact("mustTender", "yes")) }
            all += facts.map { Finding.Fact($0.0, $0.1) }
            findings.append(
                Finding(
                    rule: figure.rule, title: figure.title, basis: figure.basis, subject: subject ?? process.tenderer,
                    severity: severity, facts: all, dates: dates,
                    evidence: Array(Set(evidence + process.evidence.prefix(1))).sorted(), asOf: asOf))
        }

        /// A deadline rule: `done` by the period's last day after `start`, or, for a complete tender, a finding
        /// once the day looked at is past it.
        mutating func deadline(
            _ rule: RuleID, from start: DatedFact, named startName: String, done: DatedFact?, doneName: String,
            facts: [(String, String)], evidence: [Int64] = [], subject: SubjectID? = nil
        ) {
            guard start.on <= asOf, let figure = figure(rule, on: start.on),
                let miss = figure.missed(
                    from: start.on, done: done?.on, asOf: asOf, absenceCounts: process.isComplete,
                    calendar: rules.profile.calendar)
            else { return }
            add(
                figure, facts + miss.facts, dates: miss.dates(start: startName, act: doneName),
                evidence: evidence + start.evidence + (miss.done != nil ? done?.evidence ?? [] : []), subject: subject)
        }
    }

    func documents(_ p: BiddingProcess, _ out: inout Output) {
        // Tender period: at least 20 days from documents issued to the deadline (mandatory tenders).
        if let issued = p.documentsIssued, issued.on <= out.asOf, let deadline = p.bidDeadline,
            let figure = out.figure("bidding.tender.short-period", on: issued.on), let period = figure.figure.period,
            !profile.calendar.lasts(atLeast: period, from: issued.on, to: deadline)
        {
            out.add(
                figure, [("days", String(issued.on.days(until: deadline)))],
                dates: [.init("documentsIssued", issued.on), .init("bidDeadline", deadline)], evidence: issued.evidence)
        }
        // Sale: at least 5 days, both ends counted, for each kind of documents.
        for (issued, ends, stage) in [
            (p.documentsIssued, p.saleEnds, TenderStage.tender),
            (p.prequalificationIssued, p.prequalificationSaleEnds, .prequalification),
        ] {
            guard let issued, let ends, issued.on <= out.asOf,
                let figure = out.figure("bidding.tender.short-document-sale", on: issued.on),
                let days = figure.figure.period?.value, issued.on.days(until: ends) + 1 < days
            else { continue }
            out.add(
                figure, [("documents", stage.rawValue), ("daysOnSale", String(issued.on.days(until: ends) + 1))],
                dates: [.init("saleFrom", issued.on), .init("saleThrough", ends)], evidence: issued.evidence)
        }
        // Clarifications: 15 days before the bid deadline; 3 before the prequalification deadline.
        for c in p.clarifications where c.issued.on <= out.asOf {
            let (rule, deadline): (RuleID, LocalDate?) =
                c.stage == .tender
                ? ("bidding.tender.short-clarification", p.bidDeadline)
                : ("bidding.tender.short-clarification.prequalification", p.prequalificationDeadline)
            guard let deadline, c.issued.on < deadline, let figure = out.figure(rule, on: c.issued.on),
                let period = figure.figure.period,
                !profile.calendar.lasts(atLeast: period, from: c.issued.on, to: deadline)
            else { continue }
            out.add(
                figure, [("days", String(c.issued.on.days(until: deadline)))],
                dates: [.init("clarified", c.issued.on), .init("deadline", deadline)], evidence: c.issued.evidence)
        }
    }

    func panel(_ p: BiddingProcess, _ out: inout Output) {
        guard let panel = p.panel, panel.formed.on <= out.asOf,
            let size = out.figure("bidding.panel.invalid", on: panel.formed.on)
        else { return }
        let share = out.figure("bidding.panel.expert-share", on: panel.formed.on)?.figure.value ?? 0
        var problems: [String] = []
        if Decimal(panel.members) < size.figure.value { problems.append("fewer than \(size.figure.value) members") }
        if panel.members % 2 == 0 { problems.append("an even number of members") }
        // Experts at least the share of members (two thirds), with room for the share's rounding.
        if Decimal(panel.experts) * 100 + Decimal(string: "0.0001")! < Decimal(panel.members) * share {
            problems.append("experts under \(ReportFormat.number(NSDecimalNumber(decimal: share).doubleValue))%")
        }
        guard !problems.isEmpty else { return }
        out.add(
            size,
            [
                ("members", String(panel.members)), ("experts", String(panel.experts)),
                ("problems", problems.joined(separator: "; ")),
            ], dates: [.init("formed", panel.formed.on)], evidence: panel.formed.evidence)
    }

    func payment(_ c: BiddingProcess.Contract, _ out: inout Output) {
        guard c.suppliers.contains(where: \.isSME),
            let a = Self.smePayment.assess(c.paymentTerms, profile: profile, asOf: out.asOf)
        else { return }
        let startDates: [Finding.NamedDate] = [.init(a.startName, a.start.on), .init("due", a.due.due)]
        if a.paidLate {
            out.add(
                a.lateFigure,
                [
                    ("contract", c.id), ("term", a.term), ("latePayments", String(a.latePayments.count)),
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

    func bonds(_ p: BiddingProcess, _ out: inout Output) {
        let signed = p.contracts.compactMap(\.signed).min { $0.on < $1.on }
        for bond in p.bidBonds where bond.posted <= out.asOf {
            if let price = p.estimatedPrice, let figure = out.figure("bidding.bond.excessive", on: bond.posted) {
                var limit = price * figure.figure.value / 100
                var capRule: RuleID?
                switch p.category {
                case .construction?: capRule = "bidding.bond.excessive.construction-cap"
                case .surveyDesignSupervision?: capRule = "bidding.bond.excessive.survey-design-cap"
                default: break
                }
                if let capRule, let cap = try? profile.figure(capRule, on: bond.posted).figure.value {
                    limit = min(limit, cap)
                }
                if bond.amount > limit {
                    out.add(
                        figure,
                        [
                            ("tenderer", bond.holder.name), ("bond", "\(bond.amount)"),
                            ("estimatedPrice", "\(price)"),
                            ("limit", "\(limit)"),
                        ], dates: [.init("posted", bond.posted)], evidence: bond.evidence)
                }
            }
            // Every bid bond is due back within 5 days of the contract's signing.
            if let signed {
                out.deadline(
                    "bidding.bond.late-refund", from: signed, named: "signed", done: bond.refunded,
                    doneName: "refunded", facts: [("tenderer", bond.holder.name)], evidence: bond.evidence)
            }
        }
    }
}
