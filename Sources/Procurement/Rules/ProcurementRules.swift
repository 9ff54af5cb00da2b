import CreditKitCore
import Foundation

/// The procurement rules (政府采购规则), applied to one process as of a day: each figure comes from the profile in
/// force on the day that starts its period, and each finding names its rule, the facts and dates it used, and the
/// ledger entries that are its evidence.
public struct ProcurementRules: CaseRules {
    /// Every rule the procurement checks may report.
    public static let ids: [RuleID] = [
        ProcurementLaw.contractLateSigning.id, ProcurementLaw.contractLatePublication.id,
        ProcurementLaw.contractLateFiling.id, ProcurementLaw.tenderShortPeriod.id,
        ProcurementLaw.tenderShortPeriodConsultation.id, ProcurementLaw.tenderShortPeriodNegotiation.id,
        ProcurementLaw.tenderShortPeriodQuotation.id, ProcurementLaw.tenderShortClarification.id,
        ProcurementLaw.tenderTooFewBidders.id, ProcurementLaw.resultLateConfirmation.id,
        ProcurementLaw.resultLateNotice.id,
        ProcurementLaw.bondExcessiveBidBond.id, ProcurementLaw.bondLateRefund.id,
        ProcurementLaw.bondExcessivePerformanceBond.id, ProcurementLaw.acceptanceOverdue.id,
        ProcurementLaw.smePayment.lateRule, ProcurementLaw.smePayment.unpaidRule, ProcurementLaw.challengeLateReply.id,
    ]

    /// The profile whose figures apply, the module's defaults added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile; the module's figures are added where it has none.
    /// - Throws: When the module's figures do not fit the profile (two versions in force on one day).
    public init(profile: JurisdictionProfile = .national) throws {
        self.profile = try profile.addingDefaults(ProcurementLaw.figures)
    }

    /// Every finding for one process as of a day.
    /// - Parameters:
    ///   - process: The process.
    ///   - asOf: The day looked at; facts after it are not seen.
    /// - Returns: The findings, in rule order.
    /// - Throws: `CreditKitError` (`invalidArgument`) when the profile lacks a rule's figure.
    public func findings(for process: ProcurementProcess, asOf: LocalDate) throws -> [Finding] {
        guard !process.cancelled else { return [] }
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: process.purchaser,
            lead: (process.ocid.map { [Finding.Fact("ocid", $0)] } ?? []) + [
                Finding.Fact("project", process.id.rawValue)
            ],
            leadEvidence: Array(process.evidence.prefix(1)), absenceCounts: process.isComplete)
        try tender(process, &out)
        try result(process, &out)
        for contract in process.contracts {
            try signing(contract, process, &out)
            try out.smePayment(Self.smePayment, contract: contract)
            try acceptance(contract, &out)
            if let bond = contract.performanceBond, let amount = contract.amount,
                let figure = try out.figure(
                    ProcurementLaw.bondExcessivePerformanceBond.id, on: contract.signed?.on ?? asOf),
                bond > amount * figure.figure.value / 100
            {
                out.add(
                    figure, [.init("contract", contract.id), .money("bond", bond), .money("contractAmount", amount)],
                    dates: contract.signed.map { [.init("signed", $0.on)] } ?? [], evidence: contract.evidence)
            }
        }
        try bonds(process, &out)
        for challenge in process.challenges where challenge.received.on <= asOf {
            try out.deadline(
                ProcurementLaw.challengeLateReply.id, from: challenge.received, named: "received",
                done: challenge.answered, doneName: "answered", facts: [.init("challenge", challenge.id)])
        }
        return out.findings
    }

    func tender(_ p: ProcurementProcess, _ out: inout FindingCollector) throws {
        guard let issued = p.documentsIssued, issued.on <= out.asOf else { return }
        if let deadline = p.bidDeadline, let rule = p.method.shortPeriodRule,
            let figure = try out.figure(rule, on: issued.on), let period = figure.figure.period,
            !profile.calendar.lasts(atLeast: period, from: issued.on, to: deadline)
        {
            out.add(
                figure,
                [
                    .init("method", p.methodText ?? p.method.rawValue),
                    .days(
                        period.unit == .workingDays ? "workingDays" : "days", periodLength(period, issued.on, deadline)),
                ],
                dates: [.init("documentsIssued", issued.on), .init("bidDeadline", deadline)], evidence: issued.evidence)
        }
        if p.method.isTender, let deadline = p.bidDeadline {
            for clarification in p.clarifications where clarification.on <= out.asOf && clarification.on < deadline {
                guard let figure = try out.figure(ProcurementLaw.tenderShortClarification.id, on: clarification.on),
                    let period = figure.figure.period,
                    !profile.calendar.lasts(atLeast: period, from: clarification.on, to: deadline)
                else { continue }
                out.add(
                    figure, [.days("days", clarification.on.days(until: deadline))],
                    dates: [.init("clarified", clarification.on), .init("bidDeadline", deadline)],
                    evidence: clarification.evidence)
            }
        }
        if p.method.isTender, p.awarded, let bidders = p.bidders,
            let figure = try out.figure(ProcurementLaw.tenderTooFewBidders.id, on: p.bidDeadline ?? issued.on),
            Decimal(bidders) < figure.figure.value
        {
            out.add(
                figure, [.count("bidders", bidders), .init("method", p.methodText ?? p.method.rawValue)],
                dates: [.init("bidDeadline", p.bidDeadline ?? issued.on)],
                evidence: (p.evaluationReport?.evidence ?? []) + (p.resultAnnounced?.evidence ?? []))
        }
    }

    func periodLength(_ period: Period, _ start: LocalDate, _ end: LocalDate) -> Int {
        period.unit == .workingDays ? profile.calendar.workingDays(after: start, through: end) : start.days(until: end)
    }

    func result(_ p: ProcurementProcess, _ out: inout FindingCollector) throws {
        if let report = p.evaluationReport {
            try out.deadline(
                ProcurementLaw.resultLateConfirmation.id, from: report, named: "evaluationReport",
                done: p.winnerConfirmed, doneName: "winnerConfirmed", facts: [])
        }
        if let confirmed = p.winnerConfirmed {
            try out.deadline(
                ProcurementLaw.resultLateNotice.id, from: confirmed, named: "winnerConfirmed", done: p.resultAnnounced,
                doneName: "announced", facts: [])
        }
    }

    func signing(_ c: ProcurementProcess.Contract, _ p: ProcurementProcess, _ out: inout FindingCollector) throws {
        if let notice = c.awardNotice {
            try out.deadline(
                ProcurementLaw.contractLateSigning.id, from: .init(notice, evidence: p.resultAnnounced?.evidence ?? []),
                named: "notice", done: c.signed, doneName: "signed", facts: [.init("contract", c.id)])
        }
        guard let signed = c.signed else { return }
        try out.deadline(
            ProcurementLaw.contractLatePublication.id, from: signed, named: "signed", done: c.published,
            doneName: "published", facts: [.init("contract", c.id)])
        try out.deadline(
            ProcurementLaw.contractLateFiling.id, from: signed, named: "signed", done: c.filed, doneName: "filed",
            facts: [.init("contract", c.id)])
    }

    /// Acceptance by the agreed date: late once passed after it, or, whatever the source, not passed by a later day.
    func acceptance(_ c: ProcurementProcess.Contract, _ out: inout FindingCollector) throws {
        guard let due = c.acceptanceDue, let figure = try out.figure(ProcurementLaw.acceptanceOverdue.id, on: due),
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
                .init("contract", c.id), .init("state", passed == nil ? "not accepted" : "accepted late"),
                .days("daysLate", miss.daysLate),
            ], dates: dates,
            evidence: c.evidence + (c.acceptanceOrganised?.evidence ?? []) + (passed?.evidence ?? []))
    }

    /// The shared SME payment rule, under the procurement ids.
    static let smePayment = ProcurementLaw.smePayment

    func bonds(_ p: ProcurementProcess, _ out: inout FindingCollector) throws {
        for bond in p.bidBonds where bond.posted <= out.asOf {
            if let budget = p.budget,
                let figure = try out.figure(ProcurementLaw.bondExcessiveBidBond.id, on: bond.posted),
                bond.amount > budget * figure.figure.value / 100
            {
                out.add(
                    figure,
                    [.init("supplier", bond.holder.name), .money("bond", bond.amount), .money("budget", budget)],
                    dates: [.init("posted", bond.posted)], evidence: bond.evidence)
            }
            // The winner's bond runs from its contract's signing; the others' from the result notice.
            let winning = p.contracts.first { $0.suppliers.contains(where: bond.holder.sameAs) }
            let start = winning != nil ? winning?.signed : p.resultAnnounced
            guard let start else { continue }
            try out.deadline(
                ProcurementLaw.bondLateRefund.id, from: start, named: winning != nil ? "signed" : "announced",
                done: bond.refunded, doneName: "refunded",
                facts: [.init("supplier", bond.holder.name), .init("winner", winning != nil ? "yes" : "no")],
                evidence: bond.evidence)
        }
    }
}
