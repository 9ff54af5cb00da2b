import Foundation

/// The core's own event types.
enum CoreEvents {
    static let all: [any LedgerEvent.Type] =
        [
            AgencyRegistered.self, OfficialRegistered.self, EnterpriseRegistered.self, TenureStarted.self,
            TenureEnded.self, RecordEntered.self, CommitmentMade.self, PersonalDataErased.self, RecordReviewed.self,
            RecordPublished.self, ObjectionFiled.self, ObjectionResolved.self, RepairApplied.self, RepairDecided.self,
            ComplaintReceived.self, ComplaintDecided.self, FindingConfirmed.self, FindingDismissed.self,
            CommitmentPublished.self, CommitmentEnded.self, CommitmentChanged.self, SanctionLeniency.self,
            SanctionRectified.self, SanctionTermSet.self, MajorDecisionMade.self, AccountabilityApplied.self,
            LawsuitConcluded.self,
            ProposalHandled.self, AnnualAssessmentRecorded.self, HonourAwarded.self,
            PersonalMattersReportRequired.self, PersonalMattersReportFiled.self, PersonalMattersReportVerified.self,
            IntegrityTrainingCompleted.self, AccountabilityGroundRecorded.self, AccountabilityAppealFiled.self,
            AccountabilityAppealDecided.self, EnforcementCertificateIssued.self, EnforcementCertificateRevoked.self,
            EnforcementActRecorded.self, EnforcementReviewConcluded.self, ClearanceDeadlineSet.self,
            DecisionAdviceGiven.self, AdviserFaultFound.self,
        ] + DisclosureFacts.all
}

func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw CreditKitError(.invalidEvent, message()) }
}

/// An agency was registered (机构登记): `core.agency.registered`.
public struct AgencyRegistered: LedgerEvent, Hashable {
    /// `core.agency.registered`.
    public static let kind: EventKind = "core.agency.registered"
    /// The agency.
    public var agency: Agency
    /// From when it exists for the ledger (its establishment, or the start of its history here).
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - on: From when it exists.
    public init(agency: Agency, on: LocalDate) {
        self.agency = agency
        self.on = on
    }

    /// The registration date.
    public var effectiveDate: LocalDate { on }
    /// The agency.
    public var subjects: [SubjectID] { [agency.id] }

    /// Refuses a duplicate, an empty name, a credit code issued in another province than the region, or a parent
    /// that is not a registered agency.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try require(!agency.name.isBlank, "agency \(agency.id) has an empty name")
        try require(agency.name.isOneLine, "agency \(agency.id)'s name is not one line of text")
        // A government body's or public institution's code is issued by the establishment authority (机构编制, '1').
        try require(
            agency.creditCode.registrationAuthority == "1",
            "agency \(agency.id)'s credit code was issued by registration authority "
                + "'\(agency.creditCode.registrationAuthority)', not the establishment authority ('1') that registers "
                + "government bodies and public institutions")
        // A body's code is issued where it sits: another province in the code than in the body's region is a typing
        // error in one of them (a central body's code, issued under 100000, may sit anywhere).
        let issued = agency.creditCode.regionCode
        try require(
            issued.hasPrefix("10") || issued.prefix(2) == agency.region.rawValue.prefix(2),
            "agency \(agency.id)'s credit code was issued in region \(issued), another province than its region "
                + "\(agency.region)")
        try context.requireNew(agency.id)
        if let parent = agency.parent {
            try require(parent != agency.id, "agency \(agency.id) names itself as its parent")
            try context.requireSubject(parent, kind: .agency, role: "parent agency")
        }
    }
}

/// An official was registered (公务人员登记): `core.official.registered`. Carries only the keyed token.
public struct OfficialRegistered: LedgerEvent, Hashable {
    /// `core.official.registered`.
    public static let kind: EventKind = "core.official.registered"
    /// The official.
    public var official: Official
    /// From when the official is known to the ledger.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - on: From when the official is known.
    public init(official: Official, on: LocalDate) {
        self.official = official
        self.on = on
    }

    /// The registration date.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official.id] }

    /// Refuses a duplicate.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireNew(official.id)
    }
}

/// An enterprise was registered (市场主体登记): `core.enterprise.registered`.
public struct EnterpriseRegistered: LedgerEvent, Hashable {
    /// `core.enterprise.registered`.
    public static let kind: EventKind = "core.enterprise.registered"
    /// The enterprise.
    public var enterprise: Enterprise
    /// From when it is known to the ledger.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - enterprise: The enterprise.
    ///   - on: From when it is known.
    public init(enterprise: Enterprise, on: LocalDate) {
        self.enterprise = enterprise
        self.on = on
    }

    /// The registration date.
    public var effectiveDate: LocalDate { on }
    /// The enterprise.
    public var subjects: [SubjectID] { [enterprise.id] }

    /// Refuses a duplicate or an empty name.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try require(
            !enterprise.name.isBlank, "enterprise \(enterprise.id) has an empty name")
        try require(enterprise.name.isOneLine, "enterprise \(enterprise.id)'s name is not one line of text")
        try context.requireNew(enterprise.id)
    }
}

/// An official took up a post (任职): `core.tenure.started`. The entry's sequence number is the tenure's ID.
public struct TenureStarted: LedgerEvent, Hashable {
    /// `core.tenure.started`.
    public static let kind: EventKind = "core.tenure.started"
    /// The tenure.
    public var tenure: Tenure

    /// Makes the event.
    /// - Parameter tenure: The tenure.
    public init(tenure: Tenure) { self.tenure = tenure }

    /// The first day in post.
    public var effectiveDate: LocalDate { tenure.start }
    /// The official, then the agency.
    public var subjects: [SubjectID] { [tenure.official, tenure.agency] }

    /// Refuses an unknown official or agency, or an empty post.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try require(!tenure.post.isBlank, "a tenure needs a post")
        try context.requireSubject(tenure.official, kind: .official, role: "tenure's official")
        try context.requireSubject(tenure.agency, kind: .agency, role: "tenure's agency")
    }
}

/// An official left a post (离任): `core.tenure.ended`.
public struct TenureEnded: LedgerEvent, Hashable {
    /// `core.tenure.ended`.
    public static let kind: EventKind = "core.tenure.ended"
    /// The tenure that ended.
    public var tenure: Tenure.ID
    /// The official, repeated so the entry is indexed under them.
    public var official: SubjectID
    /// The agency, repeated so the entry is indexed under it.
    public var agency: SubjectID
    /// The last day in post.
    public var on: LocalDate
    /// Why it ended.
    public var reason: TenureEndReason

    /// Makes the event.
    /// - Parameters:
    ///   - tenure: The tenure.
    ///   - official: The official.
    ///   - agency: The agency.
    ///   - on: The last day in post.
    ///   - reason: Why it ended.
    public init(tenure: Tenure.ID, official: SubjectID, agency: SubjectID, on: LocalDate, reason: TenureEndReason) {
        self.tenure = tenure
        self.official = official
        self.agency = agency
        self.on = on
        self.reason = reason
    }

    /// The last day in post.
    public var effectiveDate: LocalDate { on }
    /// The official, then the agency.
    public var subjects: [SubjectID] { [official, agency] }

    /// Refuses an unknown or already ended tenure, a mismatched official or agency, or an end before the start.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        guard let state = context.tenure(tenure) else {
            throw CreditKitError(.invalidEvent, "tenure \(tenure) does not exist")
        }
        try require(state.end == nil, "tenure \(tenure) already ended on \(state.end.map(String.init) ?? "")")
        try require(
            state.tenure.official == official && state.tenure.agency == agency,
            "tenure \(tenure) is of \(state.tenure.official) at \(state.tenure.agency), not \(official) at \(agency)")
        try require(
            on >= state.tenure.start, "tenure \(tenure) cannot end on \(on), before its start \(state.tenure.start)")
    }
}

/// A credit record was entered (信用记录归集): `core.record.entered`. The entry's sequence number is the record's ID.
public struct RecordEntered: LedgerEvent, Hashable {
    /// `core.record.entered`.
    public static let kind: EventKind = "core.record.entered"
    /// The deciding unit's report of its decision.
    public static var authorship: Authorship { .reportingUnit }
    /// The record.
    public var record: CreditRecord

    /// Makes the event.
    /// - Parameter record: The record.
    public init(record: CreditRecord) { self.record = record }

    /// The decision date.
    public var effectiveDate: LocalDate { record.decisionDate }
    /// The record's subject, then the responsible officials, then the deciding authority when its credit code is on
    /// the record (so the authority's own publication duties can be evaluated).
    public var subjects: [SubjectID] {
        var ids = [record.subject] + record.responsibleOfficials
        if let code = record.authority.creditCode, SubjectID(code) != record.subject { ids.append(SubjectID(code)) }
        return ids
    }

    /// Within the scope of the deciding unit: the authority whose credit code the record carries.
    /// - Parameters:
    ///   - unit: The reporting unit.
    ///   - context: Unused.
    /// - Returns: Whether the unit decided the record.
    public func isWithinScope(of unit: SubjectID, in context: ValidationContext) throws -> Bool {
        record.authority.creditCode.map { SubjectID($0) } == unit
    }

    /// Refuses a record that is incomplete or inconsistent, or whose subject or officials are unknown.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let r = record
        try context.requireSubject(r.subject, kind: nil, role: "record subject")
        try require(
            r.basis.allowedPolarities.contains(r.polarity),
            "a record on basis \(r.basis.rawValue) cannot be \(r.polarity.rawValue)")
        switch r.polarity {
        case .dishonesty:
            try require(r.severity != nil, "a dishonesty record needs a class: minor, ordinary or serious")
        case .good:
            try require(r.severity == nil, "a good record has no dishonesty class")
        }
        try require(r.actDate <= r.decisionDate, "act date \(r.actDate) is after decision date \(r.decisionDate)")
        try require(
            r.decisionDate <= context.recordedAt.chinaDate,
            "decision date \(r.decisionDate) is in the future (today is \(context.recordedAt.chinaDate))")
        try require(!r.authority.name.isBlank, "the deciding authority has no name")
        try require(!r.documentNumber.isBlank, "the record has no document number")
        try require(
            r.authority.name.isOneLine && r.documentNumber.isOneLine,
            "the authority's name and the document number are each one line of text")
        try require(!r.facts.isBlank, "the record states no facts")
        if let amount = r.amount {
            try require(amount >= 0, "amount \(amount) is negative; amounts are yuan at or above zero")
            // Yuan to the fen, below a thousand trillion: a sum beyond either is a typing error.
            try require(amount < 1_000_000_000_000_000, "amount \(amount) is beyond any sum a decision names")
            var cents = amount * 100
            var whole = Decimal()
            NSDecimalRound(&whole, &cents, 0, .plain)
            try require(whole == cents, "amount \(amount) has fractions of a fen; amounts are yuan to two places")
        }
        try require(
            r.documentNumber.count <= 100 && r.authority.name.count <= 100 && r.facts.count <= 4_000,
            "the document number and the authority's name are 100 characters at most, the facts 4,000")
        if let code = r.authority.creditCode.map({ SubjectID($0) }) {
            // A body never decides about itself (it would commend or penalise itself), and a registered body is named
            // as it is registered.
            try require(code != r.subject, "the deciding authority \(code) is the record's own subject")
            if let registered = context.agency(code) {
                try require(
                    registered.name == r.authority.name,
                    "the authority \(code) is registered as \(registered.name), not \(r.authority.name)")
            }
        }
        // A record is of a subject that existed by the decision's day.
        if let since = context.view.subject(r.subject)?.registeredOn {
            try require(
                since <= r.decisionDate,
                "\(r.subject) is registered from \(since), after the decision on \(r.decisionDate)")
        }
        if let p = r.penalty {
            try require(
                r.basis == .administrativePenalty, "only an administrative penalty's record has penalty details")
            try require(!p.kinds.isEmpty, "the penalty details name no kind of penalty")
            try require(Set(p.kinds).count == p.kinds.count, "a kind of penalty is named twice")
            try require(
                !p.violation.isBlank && !p.content.isBlank, "the penalty details need the conduct and the content")
            try require(
                !p.kinds.contains(.fine) || r.amount != nil, "a fine is imposed but the record has no amount")
            try require(
                p.kinds.contains(.fine) || r.amount == nil,
                "the record has an amount but no fine is imposed; give the fine's kind or no amount")
            if let c = p.confiscated {
                try require(c >= 0, "the sum confiscated, \(c), is negative")
                try require(
                    p.kinds.contains(.confiscationOfGains) || p.kinds.contains(.confiscationOfProperty),
                    "a sum is confiscated but no confiscation is imposed")
            }
            try require(
                p.licence == nil || p.kinds.contains(.licenceSuspension) || p.kinds.contains(.licenceRevocation),
                "a licence is named but none is suspended or revoked")
            for text in [p.violation, p.content] + (p.licence.map { [$0] } ?? []) {
                try require(!text.hasControlCharacters, "the penalty details have control characters")
            }
        }
        for official in r.responsibleOfficials {
            try context.requireSubject(official, kind: .official, role: "responsible official")
        }
        try require(
            Set(r.responsibleOfficials).count == r.responsibleOfficials.count, "a responsible official is named twice")
    }
}

/// An event that makes a commitment (作出承诺的事件): the entry's sequence number is the commitment's ID, and the core's
/// commitment lifecycle (publication, fulfilment, change, breach) refers to it by that ID. ``CommitmentMade`` is
/// the core's; a sector's fact may be one too (a promise to an investor), so the promise and the commitment are one
/// entry.
public protocol CommitmentMaking: LedgerEvent {
    /// The commitment the event makes.
    var commitmentMade: Commitment { get }
}

/// A commitment was made (作出承诺): `core.commitment.made`. The entry's sequence number is its ID.
public struct CommitmentMade: CommitmentMaking, Hashable {
    /// `core.commitment.made`.
    public static let kind: EventKind = "core.commitment.made"
    /// The promisor's own report.
    public static var authorship: Authorship { .reportingUnit }
    /// The commitment.
    public var commitment: Commitment

    /// Makes the event.
    /// - Parameter commitment: The commitment.
    public init(commitment: Commitment) { self.commitment = commitment }

    /// The commitment.
    public var commitmentMade: Commitment { commitment }

    /// The day it was made.
    public var effectiveDate: LocalDate { commitment.madeOn }
    /// The promisor, then the beneficiary when registered.
    public var subjects: [SubjectID] {
        [commitment.promisor] + (commitment.beneficiarySubject.map { [$0] } ?? [])
    }

    /// Refuses an unknown promisor or beneficiary, empty terms, or a due date before the day it was made.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        let c = commitment
        try context.requireSubject(c.promisor, kind: nil, role: "promisor")
        if let beneficiary = c.beneficiarySubject {
            try context.requireSubject(beneficiary, kind: nil, role: "beneficiary")
            try require(beneficiary != c.promisor, "a commitment's promisor cannot be its own beneficiary")
        }
        try require(!c.terms.isBlank, "the commitment states no terms")
        try require(!c.beneficiary.isBlank, "the commitment names no beneficiary")
        if let due = c.dueDate {
            try require(due >= c.madeOn, "due date \(due) is before the day the commitment was made, \(c.madeOn)")
        }
    }
}

/// An official's personal data was erased from the vault (个人信息删除): `core.person.erased`.
///
/// The ledger keeps the token and everything said about the official; only the sealed name and ID number go.
public struct PersonalDataErased: LedgerEvent, Hashable {
    /// `core.person.erased`.
    public static let kind: EventKind = "core.person.erased"
    /// The official.
    public var official: SubjectID
    /// When the erasure was decided.
    public var on: LocalDate
    /// The legal ground, for example 个人信息保护法第四十七条.
    public var reason: String

    /// Makes the event.
    /// - Parameters:
    ///   - official: The official.
    ///   - on: When the erasure was decided.
    ///   - reason: The legal ground.
    public init(official: SubjectID, on: LocalDate, reason: String) {
        self.official = official
        self.on = on
        self.reason = reason
    }

    /// The day of the decision.
    public var effectiveDate: LocalDate { on }
    /// The official.
    public var subjects: [SubjectID] { [official] }

    /// Refuses an unknown official, a second erasure, or an empty reason.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(official, kind: .official, role: "official")
        try require(!context.isErased(official), "the personal data of \(official) was already erased")
        try require(!reason.isBlank, "an erasure needs its legal ground")
    }
}
