// The toy sector of Docs/WritingASectorModule: a complete module a new sector can start from. A test keeps the
// article's listing equal to this file.
import CreditKitCore
import Foundation

/// A grant (补助) an agency promises a village: the case, folded from its facts.
public struct Grant: CaseState, Hashable {
    /// `grant`: its facts' kinds start `grant.`.
    public static let sector = "grant"
    /// Facts store the grant's number under `grant`.
    public static let caseKey = "grant"
    /// Facts store the agency under `agency`.
    public static let ownerKey = "agency"
    /// A grant is an agency's.
    public static let ownerKind = SubjectKind.agency

    /// The grant's number.
    public var id: CaseID
    /// The agency that promised it.
    public var owner: SubjectID
    /// How much was promised, in yuan.
    public var amount: Decimal = 0
    /// When it was first promised.
    public var promised: DatedFact?
    /// When it was paid.
    public var paid: DatedFact?

    /// A grant with no facts yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.owner = owner
    }

    /// The number and the agency.
    public var caseRef: CaseRef<Grant> { CaseRef(id, owner: owner) }
}

/// The grant promised (承诺补助): `grant.promised`.
public struct GrantPromised: CaseFacts {
    /// `grant.promised`.
    public static let kind: EventKind = "grant.promised"
    /// The promise opens the grant: its other facts need it first.
    public static var opensCase: Bool { true }
    /// How much, in yuan.
    public var amount: Decimal
    /// Who receives it.
    public var recipient: String

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - amount: How much.
    ///   - recipient: Who receives it.
    public init(amount: Decimal, recipient: String) {
        self.amount = amount
        self.recipient = recipient
    }

    /// The amount, which may not be negative.
    public var amounts: [Decimal?] { [amount] }

    /// Refuses a grant without a recipient.
    /// - Parameters:
    ///   - stamp: The grant and the day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<Grant>, in context: ValidationContext) throws {
        try stamp.require(!recipient.allSatisfy(\.isWhitespace), "a grant names its recipient")
    }

    /// Adds the amount; the first promise starts the period.
    /// - Parameters:
    ///   - grant: The grant.
    ///   - stamp: The fact's day and entry.
    public func apply(to grant: inout Grant, _ stamp: CaseStamp<Grant>) {
        grant.amount += amount
        grant.promised = grant.promised ?? stamp.dated
    }
}

/// The grant paid (拨付补助): `grant.paid`.
public struct GrantPaid: CaseFacts {
    /// `grant.paid`.
    public static let kind: EventKind = "grant.paid"

    /// Makes the fact.
    public init() {}

    /// Dates the first payment.
    /// - Parameters:
    ///   - grant: The grant.
    ///   - stamp: The fact's day and entry.
    public func apply(to grant: inout Grant, _ stamp: CaseStamp<Grant>) {
        grant.paid = grant.paid ?? stamp.dated
    }
}

/// The sector's rules, each declared once.
public enum GrantLaw {
    /// `grant.payment.late`: paid within 15 working days of the promise.
    public static let latePayment = RuleDeclaration(
        "grant.payment.late", LocalizedName(chinese: "补助逾期拨付", english: "a grant paid late"),
        RuleVersion(
            figure: Figure(15, .workingDays), restDayExtension: true,
            basis: [LegalCitation(document: "《示例补助资金管理办法》", article: "第十条")]))

    /// Every rule, for the module.
    public static let all = [latePayment]
}

/// The rules over one grant as of a day.
public struct GrantRules: CaseRules {
    /// The rules it may report.
    public static var ids: [RuleID] { GrantLaw.all.map(\.id) }
    /// The profile the figures come from.
    public let profile: JurisdictionProfile

    /// Makes the rules, the sector's figures added where the profile has none.
    /// - Parameter profile: The kit's profile.
    /// - Throws: When the figures do not fit the profile.
    public init(profile: JurisdictionProfile) throws {
        self.profile = try profile.addingDefaults(GrantLaw.all.flatMap(\.figures))
    }

    /// Judges one grant as of the day.
    /// - Parameters:
    ///   - grant: The grant.
    ///   - asOf: The day.
    /// - Returns: The findings.
    /// - Throws: A figure the profile lacks.
    public func findings(for grant: Grant, asOf: LocalDate) throws -> [Finding] {
        var out = FindingCollector(
            profile: profile, asOf: asOf, subject: grant.owner, lead: [Finding.Fact("grant", grant.id.rawValue)],
            absenceCounts: true)
        if let promised = grant.promised {
            try out.deadline(
                GrantLaw.latePayment.id, from: promised, named: "promised", done: grant.paid, doneName: "paid",
                facts: [.money("amount", grant.amount)])
        }
        return out.findings
    }
}

/// The module: registered once when the kit is created.
public struct GrantModule: SectorModule {
    /// Makes the module.
    public init() {}

    /// `grant`.
    public var id: SectorID { "grant" }
    /// 补助 (Grants).
    public var name: LocalizedName { LocalizedName(chinese: "补助", english: "Grants") }
    /// Its facts.
    public var eventTypes: [any LedgerEvent.Type] { [CaseEvent<GrantPromised>.self, CaseEvent<GrantPaid>.self] }
    /// Its check.
    public var checks: [any IntegrityCheck] { [CaseCheck<Grant>(GrantRules.self)] }
    /// Its rules.
    public var rules: [RuleDeclaration] { GrantLaw.all }

    /// A grant promised and paid, for the conformance suite.
    /// - Parameter subjects: The registered agency and the first day.
    /// - Returns: The facts.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
        let grant = CaseRef<Grant>("SAMPLE-1", owner: subjects.agency)
        return [
            grant.on(subjects.day, GrantPromised(amount: 50_000, recipient: "样例村")),
            grant.on(subjects.day.adding(days: 10), GrantPaid()),
        ]
    }
}
