import CreditKitCore
import Foundation

/// Reads bidding facts back from the ledger (从账本还原招标投标事实).
public enum BiddingLedger {
    /// The ledger entries of one subject whose kind starts with `bidding.`, effective and recorded by then, decoded.
    static func events(
        in ledger: Ledger, view: CoreView, subject: SubjectID, asOf: LocalDate, knownAt: Timestamp
    ) throws -> [(entry: LedgerEntry, event: any LedgerEvent)] {
        try ledger.read(concerning: subject, through: view).compactMap { entry in
            guard entry.kind.rawValue.hasPrefix("bidding."), entry.effectiveDate <= asOf, entry.recordedAt <= knownAt
            else { return nil }
            return (entry, try ledger.registry.decode(entry))
        }
    }

    /// Whether the ledger holds any bidding fact at all.
    static func holdsBidding(_ view: CoreView) -> Bool {
        view.kindsSeen.contains { $0.rawValue.hasPrefix("bidding.") }
    }

    /// The tenders of one tenderer, or of every registered agency, as the ledger knew them.
    /// - Parameters:
    ///   - ledger: The ledger.
    ///   - view: The snapshot.
    ///   - tenderer: One tenderer, or `nil` for every agency.
    ///   - asOf: Facts effective after this day are left out.
    ///   - knownAt: Facts recorded after this time are left out.
    /// - Returns: The tenders.
    /// - Throws: Storage and decoding errors.
    public static func processes(
        in ledger: Ledger, view: CoreView, tenderer: SubjectID? = nil, asOf: LocalDate,
        knownAt: Timestamp = .distantFuture
    ) throws -> [BiddingProcess] {
        try ledger.cases(BiddingProcess.self, view: view, owner: tenderer, asOf: asOf, knownAt: knownAt)
    }
}

/// The Bidding Law's rules over the ledger's tenders (招标投标核查).
public struct BiddingLedgerCheck: IntegrityCheck {
    /// Makes the check.
    public init() {}

    /// Every tender rule.
    public var rules: [RuleID] { BiddingRules.ids }

    /// Runs the rules on every tender the ledger holds.
    /// - Parameter context: The kit and the day.
    /// - Returns: The findings.
    /// - Throws: Storage and decoding errors.
    public func run(_ context: CheckContext) throws -> [Finding] {
        let rules = try BiddingRules(profile: context.profile)
        return try BiddingLedger.processes(
            in: context.kit.ledger, view: context.view, asOf: context.asOf, knownAt: context.knownAt
        ).flatMap { try rules.findings(for: $0, asOf: context.asOf) }
    }
}
