/// A legal step of a major administrative decision (重大行政决策程序).
public enum DecisionStepKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Public participation, with its comment period (公众参与).
    case publicParticipation
    /// Expert argumentation (专家论证).
    case expertArgumentation
    /// Risk assessment (风险评估).
    case riskAssessment
    /// Integrity assessment (廉洁性评估), which some local plans add.
    case integrityAssessment
    /// Legality review (合法性审查).
    case legalityReview
    /// Collective discussion and decision (集体讨论决定).
    case collectiveDiscussion
    /// Publication of the decision (决策公布).
    case publication
    /// Archiving (立卷归档).
    case archive
    /// Post-decision evaluation (决策后评估), optional.
    case postEvaluation

    /// The step's Chinese name.
    public var chineseName: String {
        switch self {
        case .publicParticipation: "公众参与"
        case .expertArgumentation: "专家论证"
        case .riskAssessment: "风险评估"
        case .integrityAssessment: "廉洁性评估"
        case .legalityReview: "合法性审查"
        case .collectiveDiscussion: "集体讨论决定"
        case .publication: "决策公布"
        case .archive: "立卷归档"
        case .postEvaluation: "决策后评估"
        }
    }
}

/// One step as carried out: its dates, its document, and a stated reason where the law accepts one.
public struct DecisionStep: Hashable, Sendable, Codable {
    /// Which step.
    public var kind: DecisionStepKind
    /// Its first day (for public participation: the first day of the comment period).
    public var start: LocalDate
    /// Its last day.
    public var end: LocalDate
    /// The document that records it.
    public var document: String
    /// The reason for a shorter period, where the law accepts one (a public comment period under 30 days).
    public var reasonForShortPeriod: String?

    /// Makes a step.
    /// - Parameters:
    ///   - kind: Which step.
    ///   - start: Its first day.
    ///   - end: Its last day.
    ///   - document: The document.
    ///   - reasonForShortPeriod: The reason for a shorter period.
    public init(
        kind: DecisionStepKind, start: LocalDate, end: LocalDate, document: String, reasonForShortPeriod: String? = nil
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.document = document
        self.reasonForShortPeriod = reasonForShortPeriod
    }
}

/// A major administrative decision with the steps taken (重大行政决策): `core.decision.made`.
public struct MajorDecisionMade: LedgerEvent, Hashable {
    /// `core.decision.made`.
    public static let kind: EventKind = "core.decision.made"
    /// The deciding agency's own report.
    public static var authorship: Authorship { .reportingUnit }
    /// The deciding agency.
    public var agency: SubjectID
    /// The decision's title.
    public var title: String
    /// The day it was decided.
    public var decidedOn: LocalDate
    /// The steps taken.
    public var steps: [DecisionStep]

    /// Makes the event.
    /// - Parameters:
    ///   - agency: The deciding agency.
    ///   - title: The title.
    ///   - decidedOn: The day it was decided.
    ///   - steps: The steps taken.
    public init(agency: SubjectID, title: String, decidedOn: LocalDate, steps: [DecisionStep]) {
        self.agency = agency
        self.title = title
        self.decidedOn = decidedOn
        self.steps = steps
    }

    /// The decision day.
    public var effectiveDate: LocalDate { decidedOn }
    /// The agency.
    public var subjects: [SubjectID] { [agency] }

    /// Refuses an unknown agency, an empty title, a step that ends before it starts or a step listed twice.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(agency, kind: .agency, role: "deciding agency")
        guard !title.isBlank else { throw CreditKitError(.invalidEvent, "a decision has a title") }
        for step in steps where step.end < step.start {
            throw CreditKitError(
                .invalidEvent, "step \(step.kind.rawValue) ends \(step.end), before it starts \(step.start)")
        }
        guard Set(steps.map(\.kind)).count == steps.count else {
            throw CreditKitError(.invalidEvent, "a step is listed twice")
        }
    }
}

/// A form of accountability (问责方式) under the lifelong accountability rules.
public enum AccountabilityForm: String, Hashable, Sendable, Codable, CaseIterable {
    /// Criticism and education (批评教育).
    case criticism
    /// Public apology (公开道歉).
    case publicApology
    /// Admonishing talk (诫勉谈话).
    case admonishingTalk
    /// Suspension for inspection (停职检查).
    case suspension
    /// Resignation by fault (引咎辞职).
    case resignation
    /// Ordered resignation (责令辞职).
    case orderedResignation
    /// Removal from post (免职).
    case removal

    /// The form's Chinese name.
    public var chineseName: String {
        switch self {
        case .criticism: "批评教育"
        case .publicApology: "公开道歉"
        case .admonishingTalk: "诫勉谈话"
        case .suspension: "停职检查"
        case .resignation: "引咎辞职"
        case .orderedResignation: "责令辞职"
        case .removal: "免职"
        }
    }
}

/// Accountability applied to an official for a decision (问责): `core.accountability.applied`.
public struct AccountabilityApplied: LedgerEvent, Hashable {
    /// `core.accountability.applied`.
    public static let kind: EventKind = "core.accountability.applied"
    /// The decision (its entry).
    public var decision: LedgerEntry.ID
    /// The deciding agency, repeated so the entry is indexed under it.
    public var agency: SubjectID
    /// The official.
    public var official: SubjectID
    /// The form.
    public var form: AccountabilityForm
    /// The day.
    public var on: LocalDate
    /// Who applied it.
    public var by: String

    /// Makes the event.
    /// - Parameters:
    ///   - decision: The decision's entry.
    ///   - agency: The deciding agency.
    ///   - official: The official.
    ///   - form: The form.
    ///   - on: The day.
    ///   - by: Who applied it.
    public init(
        decision: LedgerEntry.ID, agency: SubjectID, official: SubjectID, form: AccountabilityForm, on: LocalDate,
        by: String
    ) {
        self.decision = decision
        self.agency = agency
        self.official = official
        self.form = form
        self.on = on
        self.by = by
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// The official, then the agency.
    public var subjects: [SubjectID] { [official, agency] }

    /// Refuses an unknown official or decision, a decision of another agency, or a day before the decision.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "official held to account")
        guard decision.rawValue < context.sequence,
            let made = try context.lookupEvent(decision.rawValue) as? MajorDecisionMade
        else {
            throw CreditKitError(.invalidEvent, "there is no major decision \(decision)")
        }
        guard made.agency == agency else {
            throw CreditKitError(.invalidEvent, "decision \(decision) is not \(agency)'s")
        }
        guard on >= made.decidedOn, !by.isBlank else {
            throw CreditKitError(.invalidEvent, "accountability is applied on or after the decision, by a named body")
        }
        // A ground in law that exempts the official (art. 13 of the New Barag Left Banner system) is honoured.
        if let ground = context.fileFacts(of: official).first(where: {
            $0.kind == .accountabilityGround && $0.refers == decision && $0.groundEffect == .exempt
        }) {
            throw CreditKitError(
                .invalidTransition,
                "\(official) is exempted from accountability for decision \(decision) since \(ground.on) "
                    + "(\(ground.text)；\(ground.basis ?? ""))")
        }
    }
}
