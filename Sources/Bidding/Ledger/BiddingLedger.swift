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
}

/// The Bidding Law's rules over the ledger's tenders (招标投标核查).
public typealias BiddingLedgerCheck = CaseCheck<BiddingProcess>

extension CaseCheck where State == BiddingProcess {
    /// Every tender rule over every tender.
    public init() {
        self.init(BiddingRules.self)
    }
}
