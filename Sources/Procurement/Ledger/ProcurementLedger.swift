import CreditKitCore
import Foundation

/// Reads procurement processes back from the ledger (从账本还原采购项目).
public enum ProcurementLedger {
    /// The processes of one purchaser, or of every registered agency, as the ledger knew them.
    /// - Parameters:
    ///   - ledger: The ledger.
    ///   - view: The snapshot to read.
    ///   - purchaser: One purchaser, or `nil` for every agency.
    ///   - asOf: Facts effective after this day are left out.
    ///   - knownAt: Facts recorded after this time are left out.
    /// - Returns: The processes, by purchaser and project number.
    /// - Throws: Storage and decoding errors.
    public static func processes(
        in ledger: Ledger, view: CoreView, purchaser: SubjectID? = nil, asOf: LocalDate,
        knownAt: Timestamp = .distantFuture
    ) throws -> [ProcurementProcess] {
        try ledger.cases(ProcurementProcess.self, view: view, owner: purchaser, asOf: asOf, knownAt: knownAt)
    }
}

/// The procurement rules over the ledger's facts (政府采购核查): every purchaser's projects as of the day.
public struct ProcurementLedgerCheck: IntegrityCheck {
    /// Makes the check.
    public init() {}

    /// Every procurement rule.
    public var rules: [RuleID] { ProcurementRules.ids }

    /// Runs the rules on every project the ledger holds.
    /// - Parameter context: The kit and the day.
    /// - Returns: The findings.
    /// - Throws: Storage and decoding errors; a rule figure the profile lacks.
    public func run(_ context: CheckContext) throws -> [Finding] {
        let rules = try ProcurementRules(profile: context.profile)
        return try ProcurementLedger.processes(
            in: context.kit.ledger, view: context.view, asOf: context.asOf, knownAt: context.knownAt
        ).flatMap { try rules.findings(for: $0, asOf: context.asOf) }
    }
}
