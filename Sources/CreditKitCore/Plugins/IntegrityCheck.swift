/// A check a sector module contributes (领域核查): it looks at the ledger as of a day and returns findings (线索).
///
/// A check reads the snapshot and, where it needs payloads, the store through the kit; it writes nothing. Every
/// finding names one of the check's ``rules``, whose figure and legal basis come from the jurisdiction profile.
public protocol IntegrityCheck: Sendable {
    /// The rule ids the check may report, each starting with its module's id and a dot.
    var rules: [RuleID] { get }
    /// Runs the check.
    /// - Parameter context: The kit and the day.
    /// - Returns: The findings.
    /// - Throws: Storage errors, or a rule with no figure in force.
    func run(_ context: CheckContext) throws -> [Finding]
}

/// What a check may look at.
public struct CheckContext: Sendable {
    /// The kit (the store, the vault, the policy).
    public let kit: CreditKit
    /// The snapshot the check runs on.
    public let view: CoreView
    /// The day looked at.
    public let asOf: LocalDate
    /// What the ledger knew.
    public let knownAt: Timestamp

    /// The jurisdiction profile.
    public var profile: JurisdictionProfile { kit.profile }

    /// Makes a context, for a module's desk that runs its own checks.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - view: The snapshot.
    ///   - asOf: The day looked at.
    ///   - knownAt: What the ledger knew.
    public init(kit: CreditKit, view: CoreView, asOf: LocalDate, knownAt: Timestamp) {
        self.kit = kit
        self.view = view
        self.asOf = asOf
        self.knownAt = knownAt
    }
}

extension CreditKit {
    /// Every check, core and sector, as of a day: the findings not yet confirmed or dismissed, in a stable order.
    /// - Parameters:
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The findings.
    /// - Throws: Storage errors, or a rule with no figure in force.
    public func runChecks(asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws -> [Finding] {
        let now = ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        var out =
            try lifecycleFindings(asOf: day, knownAt: known) + commitmentFindings(asOf: day, knownAt: known)
            + sanctionFindings(asOf: day, knownAt: known) + decisionFindings(asOf: day)
            + disclosureFindings(asOf: day, knownAt: known) + enforcementFindings(asOf: day, knownAt: known)
            + adviserFindings(asOf: day, knownAt: known)
        let context = CheckContext(kit: self, view: view, asOf: day, knownAt: known)
        for module in modules { out += try findings(of: module, in: context) }
        let view = self.view
        return out.filter { view.findingDecision($0.key) == nil }
    }

    /// Confirms the findings whose rules the profile marks objective (客观规则自动确认): each becomes a dishonesty
    /// record (basis ``RecordBasis/sectorFinding``) with its confirmation, as if an officer had confirmed it.
    /// - Parameters:
    ///   - findings: The findings.
    ///   - on: The day of confirmation.
    ///   - authority: The authority the records name.
    /// - Returns: The records entered.
    /// - Throws: Validation and storage errors.
    @discardableResult
    public func confirmAutomatically(_ findings: [Finding], on: LocalDate, authority: Authority) async throws
        -> [CreditRecord.ID]
    {
        var ids: [CreditRecord.ID] = []
        for finding in findings where profile.autoConfirmRules.contains(finding.rule) {
            ids.append(
                try await confirm(
                    finding, on: on, by: "自动确认（客观规则）", authority: authority,
                    documentNumber: "AUTO-\(finding.rule)-\(finding.evidence.map(String.init).joined(separator: "-"))"))
        }
        return ids
    }
}

extension CreditKit {
    /// One module's checks in a context, each finding's rule checked against what its check declares.
    func findings(of module: any SectorModule, in context: CheckContext) throws -> [Finding] {
        var out: [Finding] = []
        for check in module.checks {
            let found = try check.run(context)
            for finding in found where !check.rules.contains(finding.rule) {
                throw CreditKitError(
                    .invalidArgument,
                    "module \(module.id) reported rule \(finding.rule), which its check does not declare")
            }
            out += found
        }
        return out
    }
}

extension CoreView {
    /// How each finding was decided by a day, as statistics and sections print it: `confirmed #<record>` or
    /// `dismissed: <reason>`; findings not decided by then are left out.
    /// - Parameters:
    ///   - findings: The findings.
    ///   - asOf: The day.
    /// - Returns: The decisions, by finding key.
    public func decisions(of findings: [Finding], asOf: LocalDate) -> [String: String] {
        var out: [String: String] = [:]
        for f in findings {
            guard let d = findingDecision(f.key), d.on <= asOf else { continue }
            out[f.key] = d.record.map { "confirmed #\($0.rawValue)" } ?? "dismissed: \(d.reason ?? "")"
        }
        return out
    }
}
