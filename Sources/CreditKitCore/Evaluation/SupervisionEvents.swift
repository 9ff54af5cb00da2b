/// How an administrative lawsuit ended (行政诉讼结果).
public enum LawsuitOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// The agency won (胜诉).
    case won
    /// The agency lost (败诉).
    case lost
    /// Withdrawn or settled (撤诉、调解).
    case withdrawn
}

/// An administrative lawsuit against an agency concluded (行政诉讼审结): `core.lawsuit.concluded`. Every lawsuit is
/// recorded, won or lost, so the loss rate has its denominator.
public struct LawsuitConcluded: LedgerEvent, Hashable {
    /// `core.lawsuit.concluded`.
    public static let kind: EventKind = "core.lawsuit.concluded"
    /// The agency's own report of its lawsuit's outcome.
    public static var authorship: Authorship { .reportingUnit }
    /// The defendant agency.
    public var agency: SubjectID
    /// The case number, for example （2026）冀03行初12号.
    public var caseNumber: String
    /// The day of the judgment.
    public var on: LocalDate
    /// The outcome.
    public var outcome: LawsuitOutcome

    /// Makes the event.
    /// - Parameters:
    ///   - agency: The defendant agency.
    ///   - caseNumber: The case number.
    ///   - on: The day of the judgment.
    ///   - outcome: The outcome.
    public init(agency: SubjectID, caseNumber: String, on: LocalDate, outcome: LawsuitOutcome) {
        self.agency = agency
        self.caseNumber = caseNumber
        self.on = on
        self.outcome = outcome
    }

    /// The day of the judgment.
    public var effectiveDate: LocalDate { on }
    /// The agency.
    public var subjects: [SubjectID] { [agency] }

    /// Refuses an unknown agency or an empty case number.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(agency, kind: .agency, role: "defendant agency")
        guard !caseNumber.isBlank else { throw CreditKitError(.invalidEvent, "a lawsuit has a case number") }
    }
}

/// What kind of suggestion an agency handled.
public enum ProposalKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A people's congress deputy's proposal (人大代表建议).
    case congressProposal
    /// A CPPCC member's motion (政协委员提案).
    case cppccMotion
}

/// A proposal or motion assigned to an agency and its handling (建议提案办理): `core.proposal.handled`.
public struct ProposalHandled: LedgerEvent, Hashable {
    /// `core.proposal.handled`.
    public static let kind: EventKind = "core.proposal.handled"
    /// The agency's own report of a proposal it handled.
    public static var authorship: Authorship { .reportingUnit }
    /// The handling agency.
    public var agency: SubjectID
    /// Proposal or motion.
    public var proposalKind: ProposalKind
    /// Its number, for example 第0123号.
    public var number: String
    /// The day it was assigned.
    public var assignedOn: LocalDate
    /// The day the reply was due.
    public var dueOn: LocalDate
    /// The day it was answered; `nil` when recorded as still unanswered.
    public var answeredOn: LocalDate?

    /// Makes the event.
    /// - Parameters:
    ///   - agency: The handling agency.
    ///   - proposalKind: Proposal or motion.
    ///   - number: Its number.
    ///   - assignedOn: The day it was assigned.
    ///   - dueOn: The day the reply was due.
    ///   - answeredOn: The day it was answered.
    public init(
        agency: SubjectID, proposalKind: ProposalKind, number: String, assignedOn: LocalDate, dueOn: LocalDate,
        answeredOn: LocalDate?
    ) {
        self.agency = agency
        self.proposalKind = proposalKind
        self.number = number
        self.assignedOn = assignedOn
        self.dueOn = dueOn
        self.answeredOn = answeredOn
    }

    /// The day assigned.
    public var effectiveDate: LocalDate { assignedOn }
    /// The agency.
    public var subjects: [SubjectID] { [agency] }

    /// Refuses an unknown agency, a due date before assignment, or an answer before assignment.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(agency, kind: .agency, role: "handling agency")
        guard dueOn >= assignedOn, answeredOn.map({ $0 >= assignedOn }) ?? true, !number.isBlank else {
            throw CreditKitError(
                .invalidEvent, "a proposal has a number, and is due and answered on or after assignment")
        }
    }
}

/// A supervision fact as the view keeps it: a lawsuit or a proposal.
public struct SupervisionFact: Hashable, Sendable, Codable {
    /// The entry.
    public var sequence: LedgerEntry.ID
    /// When learned.
    public var recordedAt: Timestamp
    /// The effective date (judgment or assignment).
    public var on: LocalDate
    /// A lawsuit's outcome.
    public var lawsuit: LawsuitOutcome?
    /// A proposal's due date.
    public var dueOn: LocalDate?
    /// A proposal's answer date.
    public var answeredOn: LocalDate?
    /// The case or proposal number.
    public var number: String
}
