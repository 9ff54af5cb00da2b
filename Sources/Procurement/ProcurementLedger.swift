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
        guard view.kindsSeen.contains(where: { $0.rawValue.hasPrefix("procurement.") }) else { return [] }
        let purchasers = purchaser.map { [$0] } ?? view.subjects(ofKind: .agency, asOf: asOf).map(\.subject.id)
        var out: [ProcurementProcess] = []
        for agency in purchasers {
            let sequences = try ledger.store.sequences(concerning: agency).filter { $0 <= view.head.sequence }
            var byProject: [String: ProcurementProcess] = [:]
            var order: [String] = []
            for entry in try ledger.store.entries(sequences: sequences)
            where entry.kind.rawValue.hasPrefix("procurement.") && entry.effectiveDate <= asOf
                && entry.recordedAt <= knownAt
            {
                guard let event = try ledger.registry.decode(entry) as? any ProcurementEvent,
                    event.purchaser == agency
                else { continue }
                if byProject[event.project] == nil {
                    order.append(event.project)
                    byProject[event.project] = ProcurementProcess(
                        id: event.project, purchaser: agency, isComplete: true)
                }
                event.apply(to: &byProject[event.project]!, sequence: entry.sequence)
            }
            out += order.map { byProject[$0]! }
        }
        return out
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
    /// - Throws: Storage and decoding errors.
    public func run(_ context: CheckContext) throws -> [Finding] {
        let rules = ProcurementRules(profile: context.profile)
        return try ProcurementLedger.processes(
            in: context.kit.ledger, view: context.view, asOf: context.asOf, knownAt: context.knownAt
        ).flatMap { rules.findings(for: $0, asOf: context.asOf) }
    }
}
