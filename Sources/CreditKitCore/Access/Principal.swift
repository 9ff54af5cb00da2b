/// Who acts (操作主体): an operator or a system, the unit it acts for, and its role.
///
/// Every batch the ledger appends names its principal, inside the hashed bytes of each entry, so "who entered this
/// record, for which unit" has one answer that cannot be changed later. An operator is named by a token the
/// platform issues (never a person's name or ID number, which stay out of the ledger); a system by its own id.
///
/// ```swift
/// let unit = try Principal("op-0142", role: .reportingUnit, unit: bureau.creditCode)
/// let asBureau = kit.acting(as: unit)
/// try await asBureau.enter(record)          // refused unless the bureau decided it
/// ```
public struct Principal: Hashable, Sendable, CustomStringConvertible {
    /// What a principal may do (角色).
    public enum Role: String, Hashable, Sendable, CaseIterable, Codable {
        /// A reporting unit (报送单位): enters the records it decided and the facts of its own work.
        case reportingUnit = "reporting-unit"
        /// The credit office (信用主管部门): registers subjects, confirms or dismisses findings, decides objections,
        /// repairs and complaints, publishes.
        case creditOffice = "credit-office"
        /// An auditor (审计、监督): reads everything, personal data included, and writes nothing.
        case auditor
        /// A system (系统): the platform's own processes and an integrator's code with the store in hand; may do
        /// everything.
        case system
        /// The public (社会公众): reads the public view only, writes nothing.
        case `public`

        /// 报送单位, 信用主管部门, 审计监督, 系统, 社会公众.
        public var chineseName: String {
            switch self {
            case .reportingUnit: "报送单位"
            case .creditOffice: "信用主管部门"
            case .auditor: "审计监督"
            case .system: "系统"
            case .public: "社会公众"
            }
        }
    }

    /// The operator's token or the system's id: 1 to 64 characters of letters, digits and `-_.@`.
    public let id: String
    /// The role.
    public let role: Role
    /// The unit it acts for, by the unit's credit code; required of a reporting unit and the credit office.
    public let unit: SubjectID?

    /// Makes a principal.
    /// - Parameters:
    ///   - id: The operator's token or the system's id.
    ///   - role: The role.
    ///   - unit: The unit's credit code (required of a reporting unit and the credit office).
    /// - Throws: ``CreditKitError/Code/invalidArgument`` for an id that is not 1 to 64 letters, digits and `-_.@`,
    ///   or a reporting unit or credit office without its unit.
    public init(_ id: String, role: Role, unit: UnifiedSocialCreditCode? = nil) throws {
        try self.init(id: id, role: role, unit: unit.map { SubjectID($0) })
    }

    init(id: String, role: Role, unit: SubjectID?) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@".utf8)
        guard (1...64).contains(id.utf8.count), id.utf8.allSatisfy({ allowed.contains($0) }) else {
            throw CreditKitError(
                .invalidArgument, "a principal's id is 1 to 64 letters, digits and -_.@, not '\(id.prefix(80))'")
        }
        if [.reportingUnit, .creditOffice].contains(role), unit == nil {
            throw CreditKitError(.invalidArgument, "a \(role.rawValue) principal acts for a unit: give its credit code")
        }
        if let unit, !unit.isWellFormed || unit.rawValue.contains(" ") {
            throw CreditKitError(
                .invalidArgument, "a principal's unit '\(unit.rawValue.prefix(80))' is not an identifier")
        }
        self.id = id
        self.role = role
        self.unit = unit
    }

    private init(trusted id: String, role: Role) {
        self.id = id
        self.role = role
        self.unit = nil
    }

    /// The system principal: what every call made without one acts as (an integrator's own code, the demo, imports).
    public static let system = Principal(trusted: "system", role: .system)

    /// The anonymous public, for reads of the public view.
    public static let anonymous = Principal(trusted: "anonymous", role: .public)

    /// How the principal is stored with each entry and hashed: `role unit id`, the unit `-` when there is none.
    public var canonicalText: String { "\(role.rawValue) \(unit?.rawValue ?? "-") \(id)" }

    /// Reads a principal back from its canonical text.
    /// - Parameter text: The stored text.
    /// - Returns: The principal, or `nil` when the text is not one (verify then names the entry).
    public init?(canonicalText text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, let role = Role(rawValue: String(parts[0])) else { return nil }
        let unit = parts[1] == "-" ? nil : SubjectID(rawValue: String(parts[1]))
        guard let made = try? Principal(id: String(parts[2]), role: role, unit: unit) else {
            // Absence is the meaning: a stored text that is not a principal reads as none, and the entry's hash
            // (computed over the text as stored) is what verify checks.
            return nil
        }
        self = made
    }

    /// `报送单位 op-0142 (111303…)`.
    public var description: String {
        "\(role.chineseName) \(id)" + (unit.map { " (\($0.rawValue))" } ?? "")
    }

    /// Whether the role may read personal data (names and ID numbers of officials) from the vault.
    public var mayUnmask: Bool { [.creditOffice, .auditor, .system].contains(role) }
}

/// Who may append an event of a kind (填报主体): each event type says whose act it records.
public enum Authorship: String, Hashable, Sendable, CaseIterable {
    /// The credit office's act: registrations, tenures, decisions on findings, objections, repairs and complaints,
    /// publication, sanctions, erasure.
    case creditOffice = "credit-office"
    /// A reporting unit's report of its own work: a record it decided, its commitments and decisions, its
    /// disclosure, the facts of its own cases; a reporting unit may append it only within its own scope.
    case reportingUnit = "reporting-unit"
    /// A subject's own request: an objection, a repair application, a rectification; a reporting unit may append it
    /// only for itself.
    case subject

    /// 信用主管部门, 报送单位, 信用主体本身.
    public var chineseName: String {
        switch self {
        case .creditOffice: "信用主管部门"
        case .reportingUnit: "报送单位"
        case .subject: "信用主体本身"
        }
    }
}
