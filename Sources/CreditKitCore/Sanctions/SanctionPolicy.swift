/// One department's measure from a record (部门惩戒措施): which department applies what, for how long.
public struct DepartmentMeasure: Hashable, Sendable, Codable {
    /// The imposing department, for example 组织部门, 财政部门.
    public var department: String
    /// The measure.
    public var measure: SanctionMeasure
    /// How long it lasts from the decision date; `nil` for one-off measures (a written explanation).
    public var duration: Period?

    /// Makes a department measure.
    /// - Parameters:
    ///   - department: The imposing department.
    ///   - measure: The measure.
    ///   - duration: How long it lasts.
    public init(_ department: String, _ measure: SanctionMeasure, _ duration: Period?) {
        self.department = department
        self.measure = measure
        self.duration = duration
    }
}

/// A rule of the sanction policy (联合惩戒规则): records of these bases and classes, about subjects of these kinds,
/// bring these departments' measures. Joint sanctions are several departments' measures from one record.
public struct SanctionRule: Hashable, Sendable, Codable {
    /// Whom the measures reach.
    public enum Target: String, Hashable, Sendable, Codable {
        /// The record's subject.
        case recordSubject
        /// The officials the record names responsible (惩戒到人).
        case responsibleOfficials
    }

    /// The rule's id, for example `sanction.agency.serious`.
    public var id: RuleID
    /// The bases it applies to; empty for every dishonesty basis.
    public var bases: [RecordBasis]
    /// The classes it applies to.
    public var severities: [Severity]
    /// The subject kinds it applies to (of the target).
    public var subjectKinds: [SubjectKind]
    /// Whom it reaches.
    public var target: Target
    /// The sectors whose records it applies to; empty for records of any sector or none.
    public var sectors: [SectorID]
    /// The measures.
    public var measures: [DepartmentMeasure]
    /// The legal basis.
    public var legalBasis: [LegalCitation]
    /// Whether a source confirms the durations; `false` marks documented defaults.
    public var confirmed: Bool

    /// Makes a rule.
    /// - Parameters:
    ///   - id: The id.
    ///   - bases: The bases; empty for all.
    ///   - severities: The classes.
    ///   - subjectKinds: The subject kinds.
    ///   - target: Whom it reaches.
    ///   - sectors: The sectors; empty for any.
    ///   - measures: The measures.
    ///   - legalBasis: The legal basis.
    ///   - confirmed: Whether the durations are confirmed.
    public init(
        id: RuleID, bases: [RecordBasis] = [], severities: [Severity], subjectKinds: [SubjectKind], target: Target,
        sectors: [SectorID] = [], measures: [DepartmentMeasure], legalBasis: [LegalCitation], confirmed: Bool
    ) {
        self.sectors = sectors
        self.id = id
        self.bases = bases
        self.severities = severities
        self.subjectKinds = subjectKinds
        self.target = target
        self.measures = measures
        self.legalBasis = legalBasis
        self.confirmed = confirmed
    }
}

/// An incentive rule (守信激励规则): good records of these bases give these incentives for a period.
public struct IncentiveRule: Hashable, Sendable, Codable {
    /// The rule's id.
    public var id: RuleID
    /// The bases of good records it applies to.
    public var bases: [RecordBasis]
    /// The subject kinds.
    public var subjectKinds: [SubjectKind]
    /// The incentives.
    public var incentives: [Incentive]
    /// How long from the decision date.
    public var duration: Period
    /// The legal basis.
    public var legalBasis: [LegalCitation]

    /// Makes an incentive rule.
    /// - Parameters:
    ///   - id: The rule's id.
    ///   - bases: The good records' bases that bring it.
    ///   - subjectKinds: The subjects it reaches.
    ///   - incentives: The incentives.
    ///   - duration: How long after the record they last.
    ///   - legalBasis: The legal basis.
    public init(
        id: RuleID, bases: [RecordBasis], subjectKinds: [SubjectKind], incentives: [Incentive], duration: Period,
        legalBasis: [LegalCitation]
    ) {
        self.id = id
        self.bases = bases
        self.subjectKinds = subjectKinds
        self.incentives = incentives
        self.duration = duration
        self.legalBasis = legalBasis
    }
}

/// The sanction and incentive policy (联合奖惩措施清单) as data.
///
/// Lookups are precomputed into a table by basis, class, subject kind and target, so the credit check does a
/// few array reads per record.
public struct SanctionPolicy: Sendable {
    /// The sanction rules.
    public let rules: [SanctionRule]
    /// The incentive rules.
    public let incentives: [IncentiveRule]
    private let table: [[(rule: Int, measure: DepartmentMeasure)]]
    private let incentiveTable: [[Int]]

    /// Makes a policy.
    /// - Parameters:
    ///   - rules: The sanction rules.
    ///   - incentives: The incentive rules.
    public init(rules: [SanctionRule], incentives: [IncentiveRule]) {
        self.rules = rules
        self.incentives = incentives
        var table = [[(rule: Int, measure: DepartmentMeasure)]](
            repeating: [], count: SanctionPolicy.slots)
        for (r, rule) in rules.enumerated() {
            let bases = rule.bases.isEmpty ? RecordBasis.allCases : rule.bases
            for basis in bases {
                for severity in rule.severities {
                    for kind in rule.subjectKinds {
                        let slot = SanctionPolicy.slot(basis, severity, kind, rule.target)
                        table[slot] += rule.measures.map { (r, $0) }
                    }
                }
            }
        }
        var incentiveTable = [[Int]](repeating: [], count: RecordBasis.allCases.count * SubjectKind.allCases.count)
        for (i, rule) in incentives.enumerated() {
            for basis in rule.bases {
                for kind in rule.subjectKinds {
                    incentiveTable[SanctionPolicy.incentiveSlot(basis, kind)].append(i)
                }
            }
        }
        self.table = table
        self.incentiveTable = incentiveTable
    }

    static let slots = RecordBasis.allCases.count * Severity.allCases.count * SubjectKind.allCases.count * 2

    static func slot(_ basis: RecordBasis, _ severity: Severity, _ kind: SubjectKind, _ target: SanctionRule.Target)
        -> Int
    {
        slot(
            basisIndex: RecordBasis.allCases.firstIndex(of: basis)!,
            severityIndex: Severity.allCases.firstIndex(of: severity)!,
            kind: kind, target: target)
    }

    static func slot(basisIndex: Int, severityIndex: Int, kind: SubjectKind, target: SanctionRule.Target) -> Int {
        let kindIndex = SubjectKind.allCases.firstIndex(of: kind)!
        return ((basisIndex * Severity.allCases.count + severityIndex) * SubjectKind.allCases.count + kindIndex) * 2
            + (target == .recordSubject ? 0 : 1)
    }

    static func incentiveSlot(_ basis: RecordBasis, _ kind: SubjectKind) -> Int {
        RecordBasis.allCases.firstIndex(of: basis)! * SubjectKind.allCases.count + SubjectKind.allCases.firstIndex(
            of: kind)!
    }

    /// The joint measures (联合惩戒措施) a record brings on its subject: each department's measure with the rule that
    /// sets it, sector-limited rules only for records of their sectors.
    /// - Parameters:
    ///   - record: The record.
    ///   - kind: What kind of subject the record is about.
    /// - Returns: The rules and measures, in policy order.
    public func jointMeasures(for record: CreditRecord, subjectKind kind: SubjectKind) -> [(
        rule: SanctionRule, measure: DepartmentMeasure
    )] {
        guard let severity = record.severity, let basis = RecordBasis.allCases.firstIndex(of: record.basis),
            let severityIndex = Severity.allCases.firstIndex(of: severity)
        else { return [] }
        return measures(
            basisIndex: UInt8(basis), severityIndex: UInt8(severityIndex), kind: kind, target: .recordSubject
        ).compactMap { entry in
            let rule = rules[entry.rule]
            guard rule.sectors.isEmpty || record.sector.map(rule.sectors.contains) == true else { return nil }
            return (rule, entry.measure)
        }
    }

    /// The measures for a record of a basis and class, reaching a subject of a kind as record subject or as
    /// responsible official.
    func measures(basisIndex: UInt8, severityIndex: UInt8, kind: SubjectKind, target: SanctionRule.Target)
        -> ArraySlice<(rule: Int, measure: DepartmentMeasure)>
    {
        guard basisIndex < RecordBasis.allCases.count, severityIndex < Severity.allCases.count else { return [] }
        return table[
            SanctionPolicy.slot(
                basisIndex: Int(basisIndex), severityIndex: Int(severityIndex), kind: kind, target: target)
        ][...]
    }

    func incentiveRules(basisIndex: UInt8, kind: SubjectKind) -> [Int] {
        guard basisIndex < RecordBasis.allCases.count else { return [] }
        return incentiveTable[Int(basisIndex) * SubjectKind.allCases.count + SubjectKind.allCases.firstIndex(of: kind)!]
    }
}
