import CreditKitCore

/// The facts of a procurement project (政府采购事实), in the order a project meets them. The contract, payment and
/// bond facts are the core's, for a ``ProcurementProcess``.
public enum ProcurementFacts {
    /// Every fact type of the sector.
    public static let all: [any CaseFacts.Type] = [
        ProjectRegistered.self, TenderDocumentsIssued.self, TenderClarified.self, EvaluationReported.self,
        ResultAnnounced.self, ContractSigned<ProcurementProcess>.self,
        ContractMilestoneReached<ProcurementProcess>.self, PaymentMade<ProcurementProcess>.self,
        BondPosted<ProcurementProcess>.self, BondRefunded<ProcurementProcess>.self, ChallengeReceived.self,
        ChallengeAnswered.self,
    ]
}
