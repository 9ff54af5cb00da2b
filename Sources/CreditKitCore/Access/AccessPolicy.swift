import Synchronization

/// Which role may append which events, and within which scope (权限策略).
///
/// Each event type says whose act it records (``LedgerEvent/authorship``); the policy says which roles may append
/// events of each authorship, and may name kinds that differ. The standard policy:
///
/// | Authorship | Who may append |
/// |---|---|
/// | the credit office's act (registrations, decisions, publication, sanctions, erasure) | the credit office, a system |
/// | a reporting unit's report (its records, commitments, decisions, disclosure, case facts) | a reporting unit within its scope, the credit office, a system |
/// | a subject's own request (objection, repair application, rectification) | the subject itself as a reporting unit, the credit office, a system |
///
/// Auditors and the public append nothing. A reporting unit's scope is its own unit: a record it decided (the
/// record's authority carries its credit code), a case it owns, an event naming it; and it must be a registered
/// agency. A refusal is a ``CreditKitError/Code/forbidden`` error, the batch writes nothing, and the ledger counts it
/// (``Ledger/refusals``).
public struct AccessPolicy: Sendable {
    /// The roles that may append events of each authorship.
    public var writers: [Authorship: Set<Principal.Role>]
    /// Kinds whose writers are not their authorship's.
    public var writersByKind: [EventKind: Set<Principal.Role>]

    /// Makes a policy.
    /// - Parameters:
    ///   - writers: The roles that may append events of each authorship.
    ///   - writersByKind: Kinds whose writers differ.
    public init(writers: [Authorship: Set<Principal.Role>], writersByKind: [EventKind: Set<Principal.Role>] = [:]) {
        self.writers = writers
        self.writersByKind = writersByKind
    }

    /// The standard policy (see the type's description).
    public static let standard = AccessPolicy(writers: [
        .creditOffice: [.creditOffice, .system],
        .reportingUnit: [.reportingUnit, .creditOffice, .system],
        .subject: [.reportingUnit, .creditOffice, .system],
    ])

    /// Why a principal may not append an event, or `nil` when it may.
    /// - Parameters:
    ///   - event: The event.
    ///   - principal: Who appends it.
    ///   - context: The ledger before the event.
    /// - Returns: The reason, in words.
    /// - Throws: When what the event's scope rests on cannot be read (an unknown record, a storage fault).
    public func refusal(of event: any LedgerEvent, by principal: Principal, in context: ValidationContext) throws
        -> String?
    {
        let kind = type(of: event).kind
        let authorship = type(of: event).authorship
        let allowed = writersByKind[kind] ?? writers[authorship] ?? []
        guard allowed.contains(principal.role) else {
            let who = allowed.map(\.chineseName).sorted().joined(separator: "、")
            return
                "\(principal) may not append \(kind) (\(authorship.chineseName)之事), only \(who.isEmpty ? "nobody" : who)"
        }
        guard principal.role == .reportingUnit else { return nil }
        // A reporting unit acts for a registered agency, and only within its own scope.
        guard let unit = principal.unit, case .agency? = context.view.subject(unit)?.subject else {
            return "\(principal) acts for \(principal.unit?.rawValue ?? "no unit"), which is not a registered agency"
        }
        guard try event.isWithinScope(of: unit, in: context) else {
            return authorship == .subject
                ? "\(principal) may make \(kind) only for its own unit"
                : "\(principal) may append \(kind) only for what its own unit decided or owns"
        }
        return nil
    }
}

/// A refusal the ledger counted (拒绝统计): which role asked to append which kind.
public struct RefusalTally: Hashable, Sendable {
    /// The role refused.
    public var role: Principal.Role
    /// The kind it asked to append.
    public var kind: EventKind
}

/// The refusals a ledger counted since it was opened.
final class RefusalCounter: Sendable {
    private let counts = Mutex<[RefusalTally: Int]>([:])

    func count(_ tally: RefusalTally) { counts.withLock { $0[tally, default: 0] += 1 } }

    var all: [RefusalTally: Int] { counts.withLock { $0 } }
}
