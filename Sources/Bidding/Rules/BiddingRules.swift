import CreditKitCore
import Foundation

/// The Bidding Law's rules (招标投标规则) applied to one tender as of a day. Each figure comes from the profile in
/// force on the day its period starts; a rule that binds only projects that must be tendered by law leaves the
/// others alone; each finding names its rule, facts, dates and entries.
public struct BiddingRules: CaseRules {
    /// Every rule the bidding checks may report on a tender.
    public static let ids: [RuleID] = [
        BiddingLaw.tenderShortPeriod.id, BiddingLaw.tenderShortClarification.id,
        BiddingLaw.tenderShortClarificationPrequalification.id, BiddingLaw.tenderShortDocumentSale.id,
        BiddingLaw.tenderTooFewBidders.id, BiddingLaw.objectionLateReply.id, BiddingLaw.candidatesLatePublicity.id,
        BiddingLaw.candidatesShortPublicity.id, BiddingLaw.contractLateSigning.id, BiddingLaw.reportLate.id,
        BiddingLaw.bondExcessive.id, BiddingLaw.bondLateRefund.id, BiddingLaw.bondExcessivePerformance.id,
        BiddingLaw.panelInvalid.id, BiddingLaw.complaintLateAcceptance.id, BiddingLaw.complaintLateDecision.id,
        BiddingLaw.smePayment.lateRule, BiddingLaw.smePayment.unpaidRule,
    ]

    /// The shared SME payment rule, under the bidding ids (works).
    public static let smePayment = BiddingLaw.smePayment

    /// The profile, the module's figures added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile; the module's figures are added where it has none.
    /// - Throws: When the module's figures do not fit the profile (two versions in force on one day).
    public init(profile: JurisdictionProfile = .national) throws {
        self.profile = try profile.addingDefaults(BiddingLaw.figures)
    }

    /// Every finding for one tender as of a day.
    /// - Parameters:
    ///   - p: The tender.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: `CreditKitError` (`invalidArgument`) when the profile lacks a rule's figure.
    public func findings(for p: BiddingProcess, asOf: LocalDate) throws -> [Finding] {
        guard !p.cancelled else { return [] }
        let start = p.prequalificationIssued?.on ?? p.documentsIssued?.on ?? p.awardNotice?.on ?? asOf
        let mandatory = try p.isMandatory(profile: profile, on: start)
        // Every rule binds a tender the law requires; some bind only those, and say so in their findings.
        let binds: @Sendable (RuleID) -> Bool = { mandatory || !BiddingLaw.mandatoryOnlyRules.contains($0) }
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: p.tenderer,
            lead: (p.ocid.map { [Finding.Fact("ocid", $0)] } ?? []) + [Finding.Fact("project", p.id.rawValue)],
            leadEvidence: Array(p.evidence.prefix(1)), absenceCounts: p.isComplete, binds: binds,
            notes: { BiddingLaw.mandatoryOnlyRules.contains($0) ? [Finding.Fact("mustTender", "yes")] : [] })
        try documents(p, &out)
        for o in p.objections {
            try out.deadline(
                BiddingLaw.objectionLateReply.id, from: o.received, named: "received", done: o.answered,
                doneName: "answered", facts: [.init("objection", o.id)])
        }
        if p.awarded, let bidders = p.bidders,
            let figure = try out.figure(BiddingLaw.tenderTooFewBidders.id, on: start),
            Decimal(bidders) < figure.figure.value, (p.opened?.on ?? p.awardNotice?.on ?? start) <= asOf
        {
            out.add(
                figure, [.count("bidders", bidders)],
                dates: (p.opened.map { [.init("opened", $0.on)] } ?? [])
                    + (p.awardNotice.map { [.init("notice", $0.on)] } ?? []),
                evidence: (p.opened?.evidence ?? []) + (p.awardNotice?.evidence ?? []))
        }
        try panel(p, &out)
        if let report = p.evaluationReport {
            try out.deadline(
                BiddingLaw.candidatesLatePublicity.id, from: report, named: "evaluationReport", done: p.publicity,
                doneName: "publicised", facts: [])
        }
        if let from = p.publicity, let through = p.publicityThrough, from.on <= asOf,
            let figure = try out.figure(BiddingLaw.candidatesShortPublicity.id, on: from.on),
            let days = figure.figure.period?.value, from.on.days(until: through) + 1 < days
        {
            out.add(
                figure, [.days("daysShown", from.on.days(until: through) + 1)],
                dates: [.init("from", from.on), .init("through", through)], evidence: from.evidence)
        }
        if let determined = p.winnerDetermined ?? p.awardNotice {
            try out.deadline(
                BiddingLaw.reportLate.id, from: determined, named: "winnerDetermined", done: p.report,
                doneName: "reported", facts: [])
        }
        for c in p.contracts {
            if let notice = c.awardNotice {
                try out.deadline(
                    BiddingLaw.contractLateSigning.id, from: .init(notice, evidence: p.awardNotice?.evidence ?? []),
                    named: "notice", done: c.signed, doneName: "signed", facts: [.init("contract", c.id)])
            }
            if let bond = c.performanceBond, let amount = c.amount,
                let figure = try out.figure(BiddingLaw.bondExcessivePerformance.id, on: c.signed?.on ?? asOf),
                bond > amount * figure.figure.value / 100
            {
                out.add(
                    figure, [.init("contract", c.id), .money("bond", bond), .money("contractAmount", amount)],
                    dates: c.signed.map { [.init("signed", $0.on)] } ?? [], evidence: c.evidence)
            }
            try out.smePayment(Self.smePayment, contract: c)
        }
        try bonds(p, &out)
        for c in p.complaints {
            try out.deadline(
                BiddingLaw.complaintLateAcceptance.id, from: c.filed, named: "filed", done: c.accepted ?? c.rejected,
                doneName: c.rejected != nil ? "rejected" : "accepted", facts: [.init("complaint", c.id)],
                subject: c.supervisor)
            if let accepted = c.accepted {
                try out.deadline(
                    BiddingLaw.complaintLateDecision.id, from: accepted, named: "accepted", done: c.decided,
                    doneName: "decided", facts: [.init("complaint", c.id)], subject: c.supervisor)
            }
        }
        return out.findings
    }

    func documents(_ p: BiddingProcess, _ out: inout FindingCollector) throws {
        // Tender period: at least 20 days from documents issued to the deadline (mandatory tenders).
        if let issued = p.documentsIssued, issued.on <= out.asOf, let deadline = p.bidDeadline,
            let figure = try out.figure(BiddingLaw.tenderShortPeriod.id, on: issued.on),
            let period = figure.figure.period,
            !profile.calendar.lasts(atLeast: period, from: issued.on, to: deadline)
        {
            out.add(
                figure, [.days("days", issued.on.days(until: deadline))],
                dates: [.init("documentsIssued", issued.on), .init("bidDeadline", deadline)], evidence: issued.evidence)
        }
        // Sale: at least 5 days, both ends counted, for each kind of documents.
        for (issued, ends, stage) in [
            (p.documentsIssued, p.saleEnds, TenderStage.tender),
            (p.prequalificationIssued, p.prequalificationSaleEnds, .prequalification),
        ] {
            guard let issued, let ends, issued.on <= out.asOf,
                let figure = try out.figure(BiddingLaw.tenderShortDocumentSale.id, on: issued.on),
                let days = figure.figure.period?.value, issued.on.days(until: ends) + 1 < days
            else { continue }
            out.add(
                figure, [.init("documents", stage.rawValue), .days("daysOnSale", issued.on.days(until: ends) + 1)],
                dates: [.init("saleFrom", issued.on), .init("saleThrough", ends)], evidence: issued.evidence)
        }
        // Clarifications: 15 days before the bid deadline; 3 before the prequalification deadline.
        for c in p.clarifications where c.issued.on <= out.asOf {
            let (rule, deadline): (RuleID, LocalDate?) =
                c.stage == .tender
                ? (BiddingLaw.tenderShortClarification.id, p.bidDeadline)
                : (BiddingLaw.tenderShortClarificationPrequalification.id, p.prequalificationDeadline)
            guard let deadline, c.issued.on < deadline, let figure = try out.figure(rule, on: c.issued.on),
                let period = figure.figure.period,
                !profile.calendar.lasts(atLeast: period, from: c.issued.on, to: deadline)
            else { continue }
            out.add(
                figure, [.days("days", c.issued.on.days(until: deadline))],
                dates: [.init("clarified", c.issued.on), .init("deadline", deadline)], evidence: c.issued.evidence)
        }
    }

    func panel(_ p: BiddingProcess, _ out: inout FindingCollector) throws {
        guard let panel = p.panel, panel.formed.on <= out.asOf,
            let size = try out.figure(BiddingLaw.panelInvalid.id, on: panel.formed.on)
        else { return }
        let share = try out.figure(BiddingLaw.panelExpertShare.id, on: panel.formed.on)?.figure.value ?? 0
        var problems: [String] = []
        if Decimal(panel.members) < size.figure.value { problems.append("成员少于\(size.figure.value)人") }
        if panel.members % 2 == 0 { problems.append("成员人数为双数") }
        // Experts at least the share of members (two thirds), with room for the share's rounding.
        if Decimal(panel.experts) * 100 + Decimal(string: "0.0001")! < Decimal(panel.members) * share {
            problems.append("技术、经济专家不足成员总数的\(ReportFormat.number(NSDecimalNumber(decimal: share).doubleValue))%")
        }
        guard !problems.isEmpty else { return }
        out.add(
            size,
            [
                .count("members", panel.members), .count("experts", panel.experts),
                .init("problems", problems.joined(separator: "；")),
            ], dates: [.init("formed", panel.formed.on)], evidence: panel.formed.evidence)
    }

    func bonds(_ p: BiddingProcess, _ out: inout FindingCollector) throws {
        let signed = p.contracts.compactMap(\.signed).min { $0.on < $1.on }
        for bond in p.bidBonds where bond.posted <= out.asOf {
            if let price = p.estimatedPrice, let figure = try out.figure(BiddingLaw.bondExcessive.id, on: bond.posted) {
                var limit = price * figure.figure.value / 100
                var capRule: RuleID?
                switch p.category {
                case .construction?: capRule = BiddingLaw.bondExcessiveConstructionCap.id
                case .surveyDesignSupervision?: capRule = BiddingLaw.bondExcessiveSurveyDesignCap.id
                default: break
                }
                if let capRule, let cap = try profile.figureInForce(capRule, on: bond.posted)?.figure.value {
                    limit = min(limit, cap)
                }
                if bond.amount > limit {
                    out.add(
                        figure,
                        [
                            .init("tenderer", bond.holder.name), .money("bond", bond.amount),
                            .money("estimatedPrice", price), .money("limit", limit),
                        ], dates: [.init("posted", bond.posted)], evidence: bond.evidence)
                }
            }
            // Every bid bond is due back within 5 days of the contract's signing.
            if let signed {
                try out.deadline(
                    BiddingLaw.bondLateRefund.id, from: signed, named: "signed", done: bond.refunded,
                    doneName: "refunded", facts: [.init("tenderer", bond.holder.name)], evidence: bond.evidence)
            }
        }
    }
}
