import CreditKitCore
import Foundation

/// The procurement rules over the ledger's facts (政府采购核查): every purchaser's projects as of the day.
public typealias ProcurementLedgerCheck = CaseCheck<ProcurementProcess>

extension CaseCheck where State == ProcurementProcess {
    /// Every procurement rule over every project.
    public init() {
        self.init(ProcurementRules.self)
    }
}
