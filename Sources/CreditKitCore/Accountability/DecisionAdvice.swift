import Foundation

/// Who gave a major decision its expert argumentation or risk assessment (决策咨询者): an intermediary organisation by
/// its credit code, or an expert by the number of the expert register (专家库编号) — never a name.
public enum DecisionAdviser: Hashable, Sendable, Codable {
    /// An intermediary organisation (中介组织), registered in the ledger.
    case organisation(SubjectID)
    /// An expert (专家), by register number.
    case expert(String)

    /// For the findings: the organisation's code, or 专家 and the number.
    public var described: String {
        switch self {
        case .organisation(let id): id.rawValue
        case .expert(let number): "专家（专家库编号\(number)）"
        }
    }
}

/// The part an adviser had in a major decision (参与决策咨询): `core.decision.advice`. The New Barag Left Banner system
/// of lifelong accountability (art. 15) makes intermediaries and experts answerable for the opinions they give.
public struct DecisionAdviceGiven: LedgerEvent, Hashable {
    /// `core.decision.advice`.
    public static let kind: EventKind = "core.decision.advice"
    /// The decision (its entry).
    public var decision: LedgerEntry.ID
    /// The deciding agency, repeated so the entry is indexed under it.
    public var agency: SubjectID
    /// The adviser.
    public var adviser: DecisionAdviser
    /// Expert argumentation or risk assessment.
    public var part: DecisionStepKind
    /// The opinion's document.
    public var document: String
    /// The day the opinion was given.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - decision: The decision's entry.
    ///   - agency: The deciding agency.
    ///   - adviser: The adviser.
    ///   - part: Expert argumentation or risk assessment.
    ///   - document: The opinion's document.
    ///   - on: The day given.
    public init(
        decision: LedgerEntry.ID, agency: SubjectID, adviser: DecisionAdviser, part: DecisionStepKind, document: String,
        on: LocalDate
    ) {
        self.decision = decision
        self.agency = agency
        self.adviser = adviser
        self.part = part
        self.document = document
        self.on = on
    }

    /// The day given.
    public var effectiveDate: LocalDate { on }
    /// The agency, then an organisation adviser.
    public var subjects: [SubjectID] {
        if case .organisation(let id) = adviser { return [agency, id] }
        return [agency]
    }

    /// Refuses an unknown decision or one of another agency, a part other than argumentation or risk assessment, an
    /// opinion given after the decision, an unregistered organisation, or an expert without a register number.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        guard decision.rawValue < context.sequence,
            let made = try context.lookupEvent(decision.rawValue) as? MajorDecisionMade, made.agency == agency
        else {
            throw CreditKitError(.invalidEvent, "there is no major decision \(decision) of \(agency)")
        }
        guard part == .expertArgumentation || part == .riskAssessment else {
            throw CreditKitError(.invalidEvent, "advisers give expert argumentation or a risk assessment, not \(part)")
        }
        guard on <= made.decidedOn else {
            throw CreditKitError(.invalidEvent, "an opinion is given by the decision (\(made.decidedOn)), not \(on)")
        }
        try context.requireOfficialText(document, "the opinion's document")
        switch adviser {
        case .organisation(let id):
            try context.requireSubject(id, kind: nil, role: "advising organisation")
            guard context.kind(of: id) != .official else {
                throw CreditKitError(.invalidEvent, "an organisation advises as an organisation; an expert by number")
            }
        case .expert(let number):
            try context.requireOfficialText(number, "the expert's register number")
        }
    }
}

/// A fault of an adviser found by the accountability organ, and notified to its competent department
/// (决策咨询者违法违规造成决策失误，通报主管部门): `core.decision.adviser-fault`. Indexed under an organisation adviser, so it is
/// in its own credit profile; the rule `decision.adviser.fault` makes it a finding against the organisation for the
/// competent department to confirm as a dishonesty record.
public struct AdviserFaultFound: LedgerEvent, Hashable {
    /// `core.decision.adviser-fault`.
    public static let kind: EventKind = "core.decision.adviser-fault"
    /// The advice (its entry).
    public var advice: LedgerEntry.ID
    /// The deciding agency, repeated so the entry is indexed under it.
    public var agency: SubjectID
    /// The adviser, repeated so the entry is indexed under an organisation.
    public var adviser: DecisionAdviser
    /// What the adviser did against law, professional ethics or norms, and how it caused the decision's error.
    public var facts: String
    /// The competent department notified.
    public var notified: String
    /// The day it was notified.
    public var notifiedOn: LocalDate
    /// The day the fault was found.
    public var on: LocalDate
    /// The accountability organ.
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - advice: The advice's entry.
    ///   - agency: The deciding agency.
    ///   - adviser: The adviser.
    ///   - facts: What the adviser did.
    ///   - notified: The competent department notified.
    ///   - notifiedOn: The day notified.
    ///   - on: The day found.
    ///   - by: The accountability organ.
    public init(
        advice: LedgerEntry.ID, agency: SubjectID, adviser: DecisionAdviser, facts: String, notified: String,
        notifiedOn: LocalDate, on: LocalDate, by: String
    ) {
        self.advice = advice
        self.agency = agency
        self.adviser = adviser
        self.facts = facts
        self.notified = notified
        self.notifiedOn = notifiedOn
        self.on = on
        self.by = by
    }

    /// The day found.
    public var effectiveDate: LocalDate { on }
    /// The agency, then an organisation adviser.
    public var subjects: [SubjectID] {
        if case .organisation(let id) = adviser { return [agency, id] }
        return [agency]
    }

    /// Refuses a fault of no advice, or of another adviser or agency than the advice's, a finding before the advice,
    /// a notification before the finding, or empty facts, department or organ.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        guard advice.rawValue < context.sequence,
            let given = try context.lookupEvent(advice.rawValue) as? DecisionAdviceGiven,
            given.adviser == adviser, given.agency == agency
        else {
            throw CreditKitError(.invalidEvent, "entry \(advice) is no advice of \(adviser.described) to \(agency)")
        }
        guard on >= given.on, notifiedOn >= on else {
            throw CreditKitError(
                .invalidEvent, "a fault is found after the advice (\(given.on)) and notified on or after it is found")
        }
        try context.requireOfficialText(facts, "the fault's facts")
        try context.requireOfficialText(notified, "the competent department")
        try context.requireOfficialText(by, "the accountability organ")
    }
}

extension DecisionLaw {
    /// `decision.adviser.fault`: 决策咨询者造成决策失误.
    public static let adviserFault = RuleDeclaration(
        "decision.adviser.fault",
        FigureTable.name("参与重大行政决策的中介组织、专家造成决策失误", "an intermediary or expert caused a major decision's error"),
        RuleVersion(
            figure: Figure(0, .count),
            basis: [
                LegalCitation(document: "《新巴尔虎左旗重大行政决策终身责任追究制度》（新左政发〔2020〕26号印发）", article: "第十五条")
            ],
            note: "the New Barag Left Banner system's own rule; in its own profile only"))
}

/// The rules of major decisions that only a local system sets.
public enum DecisionLaw {
    /// The New Barag Left Banner's (`xin-barag-left-banner`).
    public static let xinBaragLeftBanner: [RuleDeclaration] = [adviserFault]
}

extension CreditKit {
    /// The findings of advisers' faults (决策咨询者责任), where the profile has the rule (the New Barag Left Banner's):
    /// against an organisation adviser, for its competent department to confirm as its dishonesty record; against the
    /// deciding agency for an expert, who is named by register number only.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings not yet decided.
    /// - Throws: Storage errors.
    public func adviserFindings(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let now = ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        guard profile.knows(DecisionLaw.adviserFault.id), view.kindsSeen.contains(AdviserFaultFound.kind) else {
            return []
        }
        var out: [Finding] = []
        for state in view.subjects(ofKind: .agency, asOf: day, knownAt: known) {
            for entry in try ledger.entries(concerningSync: state.subject.id)
            where entry.recordedAt <= known && entry.effectiveDate <= day {
                guard let fault = try ledger.registry.decode(entry, as: AdviserFaultFound.self),
                    fault.agency == state.subject.id,
                    let figure = try profile.figureInForce(DecisionLaw.adviserFault.id, on: fault.on)
                else { continue }
                let subject: SubjectID
                if case .organisation(let id) = fault.adviser { subject = id } else { subject = fault.agency }
                out.append(
                    Finding(
                        rule: figure.rule, title: figure.title, basis: figure.basis, subject: subject,
                        severity: .ordinary,
                        facts: [
                            Finding.Fact("adviser", fault.adviser.described),
                            Finding.Fact("agency", fault.agency.rawValue),
                            Finding.Fact("facts", fault.facts), Finding.Fact("notified", fault.notified),
                            Finding.Fact("by", fault.by),
                        ],
                        dates: [Finding.NamedDate("found", fault.on), Finding.NamedDate("notified", fault.notifiedOn)],
                        evidence: [fault.advice, entry.id], asOf: day))
            }
        }
        let view = self.view
        return out.filter { view.findingDecision($0.key) == nil }
    }
}
