import CreditKitCore
import Foundation

/// The investment-promotion rules over one agreement (招商引资核查): promises overdue with the investor not in
/// default, promises changed or withdrawn unlawfully, incentives without a legal basis or without fair-competition
/// review, subsidies tied to registration, tax or statistics, and promised money paid late with its interest. Each
/// finding names the promise (and its commitment), the facts and the dates.
public struct InvestmentRules: Sendable {
    /// The profile, the module's figures added.
    public let profile: JurisdictionProfile
    /// Whether an investor is a small or medium-sized enterprise (its late-payment interest is the SME rule's).
    public let isSME: @Sendable (SubjectID) -> Bool

    /// Makes the rules.
    /// - Parameters:
    ///   - profile: The profile; the module's figures are added where it has none.
    ///   - isSME: Whether an investor is an SME.
    /// - Throws: When the module's figures do not fit the profile.
    public init(
        profile: JurisdictionProfile = .national, isSME: @escaping @Sendable (SubjectID) -> Bool = { _ in false }
    )
        throws
    {
        self.profile = try profile.addingDefaults(InvestmentLaw.figures)
        self.isSME = isSME
    }

    /// The reasons the law never accepts for changing a promise (新官不理旧账).
    static let prohibited: Set<BreachOrChangeReason> = [
        .leadershipChange, .governmentTermChange, .administrativeDivisionChange, .institutionChange,
    ]

    /// Every finding for one agreement as of a day.
    /// - Parameters:
    ///   - agreement: The agreement.
    ///   - asOf: The day looked at; facts after it are not seen.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func findings(for agreement: InvestmentAgreement, asOf: LocalDate) throws -> [Finding] {
        var out: [Finding] = []
        for promise in agreement.promises where promise.made.on <= asOf {
            var c = FindingCollector(
                profile: profile, asOf: asOf, subject: agreement.agency,
                lead: [
                    .init("agreement", agreement.id.rawValue), .init("promise", promise.facts.promise),
                    .init("commitment", "#\(promise.commitment.rawValue)"),
                    .init("category", promise.facts.category.rawValue),
                ], leadEvidence: promise.made.evidence, absenceCounts: true)
            try overdue(promise, agreement, &c)
            try changes(promise, agreement, &c)
            try incentive(promise, &c)
            try payments(promise, agreement, &c)
            out += c.findings
        }
        return out
    }

    func overdue(_ p: InvestmentAgreement.Promise, _ a: InvestmentAgreement, _ c: inout FindingCollector) throws {
        guard let due = p.due(on: c.asOf) else { return }
        // A government that withholds because the investor defaulted first, on an obligation of the deal as it
        // stood when the promise was made, is not in breach.
        if a.investorDefault(by: due, setBy: p.facts.made(p.made.on)) != nil { return }
        let money: [Finding.Fact] =
            p.facts.amount.map { [.money("amount", $0), .money("paid", p.paid(by: c.asOf))] } ?? []
        if let withdrawn = p.withdrawn(by: c.asOf) {
            // Withdrawn before its day: the change rule judges it. Withdrawn once overdue: it was overdue till then.
            guard withdrawn.on.on > due, let figure = try c.figure(InvestmentLaw.overdue.id, on: due) else { return }
            c.add(
                figure,
                money + [
                    .init("state", "withdrawn once overdue"), .days("daysLate", due.days(until: withdrawn.on.on)),
                ],
                dates: [.init("promiseDue", due), .init("withdrawn", withdrawn.on.on)], evidence: withdrawn.on.evidence)
            return
        }
        try c.deadline(
            InvestmentLaw.overdue.id, from: DatedFact(due, evidence: p.made.evidence), named: "promiseDue",
            done: p.completed(by: c.asOf)?.on, doneName: "fulfilled", facts: money)
    }

    func changes(_ p: InvestmentAgreement.Promise, _ a: InvestmentAgreement, _ c: inout FindingCollector) throws {
        for change in p.changes where change.on.on <= c.asOf {
            let x = change.change
            var wrong: [String] = []
            if Self.prohibited.contains(x.reason) { wrong.append("以法律不认可的理由变更（如领导人员更替）") }
            if x.reason == .other { wrong.append("未给出法律认可的理由") }
            if [.publicInterest, .nationalInterest, .otherStatutoryReason].contains(x.reason) {
                if x.procedure.map({ $0.allSatisfy(\.isWhitespace) }) ?? true { wrong.append("未履行法定程序") }
                if (x.compensationAgreed ?? 0) <= 0 { wrong.append("未依法给予补偿") }
            }
            if x.reason == .counterpartyDefault, a.investorDefault(by: change.on.on) == nil {
                wrong.append("以投资方违约为由，但未记录投资方违约")
            }
            guard !wrong.isEmpty, let figure = try c.figure(InvestmentLaw.unlawfulChange.id, on: change.on.on)
            else { continue }
            var facts: [Finding.Fact] = [
                .init("change", x.withdraws ? "withdrawn" : "changed"), .init("reason", x.reason.rawValue),
                .init("wrong", wrong.joined(separator: "；")),
            ]
            if let agreed = x.compensationAgreed { facts.append(.money("compensationAgreed", agreed)) }
            if let paid = x.compensationPaid { facts.append(.money("compensationPaid", paid)) }
            c.add(
                figure, facts, dates: [.init("changed", change.on.on)], evidence: change.on.evidence,
                severity: Self.prohibited.contains(x.reason) ? .serious : .ordinary)
        }
    }

    func incentive(_ p: InvestmentAgreement.Promise, _ c: inout FindingCollector) throws {
        let day = p.facts.made(p.made.on)
        let based = [p.facts.legalBasis, p.facts.approval].contains {
            $0.map { !$0.allSatisfy(\.isWhitespace) } ?? false
        }
        if p.facts.category.isIncentive, !based, let figure = try c.figure(InvestmentLaw.unlawfulIncentive.id, on: day)
        {
            c.add(
                figure, [.init("legalBasis", "none"), .init("approval", "none")], dates: [.init("promised", day)],
                evidence: [], severity: .ordinary)
        }
        if let tie = p.facts.tiedTo, !based, let figure = try c.figure(InvestmentLaw.tiedIncentive.id, on: day) {
            c.add(
                figure, [.init("tiedTo", tie.rawValue)], dates: [.init("promised", day)], evidence: [],
                severity: .ordinary)
        }
        if p.facts.category.isIncentive, let figure = try c.figure(InvestmentLaw.unreviewed.id, on: day),
            (p.facts.reviewed.map { $0 > day } ?? true)
        {
            c.add(
                figure, [.init("reviewed", p.facts.reviewed?.description ?? "none")], dates: [.init("promised", day)],
                evidence: [])
        }
    }

    func payments(_ p: InvestmentAgreement.Promise, _ a: InvestmentAgreement, _ c: inout FindingCollector) throws {
        guard p.facts.amount != nil, let due = p.due(on: c.asOf) else { return }
        let late = p.fulfilments.filter { $0.on.on <= c.asOf && $0.on.on > due && ($0.amount ?? 0) > 0 }
        guard !late.isEmpty, let figure = try c.figure(InvestmentLaw.latePayment.id, on: due) else { return }
        // The agreed rate, or for an SME investor the statutory one, a day, from the day after the due day.
        var rate: Decimal?
        var rateSource = "none agreed"
        if let agreed = p.facts.agreedDailyRatePercent {
            rate = agreed
            rateSource = "agreed"
        } else if let investor = a.signed?.investor, isSME(investor),
            let statutory = try c.figure(InvestmentLaw.interest.id, on: due)
        {
            rate = statutory.figure.value
            rateSource = "statutory (SME)"
        }
        var interest = Decimal(0)
        for f in late { interest += (f.amount ?? 0) * (rate ?? 0) / 100 * Decimal(due.days(until: f.on.on)) }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &interest, 2, .plain)
        c.add(
            figure,
            [
                .money("lateAmount", late.reduce(Decimal(0)) { $0 + ($1.amount ?? 0) }),
                .days("daysLate", due.days(until: late.map(\.on.on).max()!)), .init("rate", rateSource),
                .money("interest", rounded),
            ], dates: [.init("promiseDue", due)] + late.map { .init("paid", $0.on.on) },
            evidence: late.flatMap(\.on.evidence))
    }
}

/// The complaint rules (投诉办理核查) over one complaint: forwarded within 10 working days of its receipt, its result
/// within 30 days of the forwarding, or within 90 when the time was extended before the 30 ran out.
public struct InvestorComplaintRules: CaseRules {
    /// Every rule the complaint checks may report.
    public static let ids: [RuleID] = [
        InvestmentLaw.lateForward.id, InvestmentLaw.lateResult.id, InvestmentLaw.resultMaximum.id,
    ]

    /// The profile, the module's figures added.
    public let profile: JurisdictionProfile

    /// Makes the rules.
    /// - Parameter profile: The profile.
    /// - Throws: When the module's figures do not fit the profile.
    public init(profile: JurisdictionProfile) throws {
        self.profile = try profile.addingDefaults(InvestmentLaw.figures)
    }

    /// Every finding for one complaint as of a day.
    /// - Parameters:
    ///   - complaint: The complaint.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func findings(for complaint: InvestorComplaint, asOf: LocalDate) throws -> [Finding] {
        guard let received = complaint.receivedOn, let r = complaint.received else { return [] }
        var c = FindingCollector(
            profile: profile, asOf: asOf, subject: complaint.handler,
            lead: [
                .init("complaint", complaint.id.rawValue), .init("channel", r.channel.rawValue),
                .init("about", r.about.rawValue),
            ], leadEvidence: received.evidence, absenceCounts: true)
        let seen = { (fact: DatedFact?) in fact.flatMap { $0.on <= asOf ? $0 : nil } }
        try c.deadline(
            InvestmentLaw.lateForward.id, from: received, named: "received", done: seen(complaint.forwarded),
            doneName: "forwarded")
        // The result's days run from the day the forwarded complaint reaches the department that decides it (the
        // forwarding day); before it is forwarded, only the forwarding limit runs. An extension counts when made
        // before the 30 days ran out; the result then has up to 90.
        guard let forwarded = seen(complaint.forwarded) else { return c.findings }
        var rule = InvestmentLaw.lateResult.id
        if let extended = seen(complaint.extended), let thirty = try c.figure(rule, on: forwarded.on),
            let period = thirty.figure.period,
            extended.on
                <= profile.calendar.deadline(
                    period, from: forwarded.on, restDayExtension: thirty.restDayExtension ?? true
                ).due
        {
            rule = InvestmentLaw.resultMaximum.id
        }
        try c.deadline(
            rule, from: forwarded, named: "forwarded", done: seen(complaint.resolved?.on), doneName: "resolved",
            facts: seen(complaint.extended).map { [.date("extended", $0.on)] } ?? [])
        return c.findings
    }
}
