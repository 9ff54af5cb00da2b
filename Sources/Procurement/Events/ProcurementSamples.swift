import CreditKitCore

extension ProcurementModule {
    /// One open tender told in every procurement fact: registered, documents issued and clarified, a challenge
    /// received and answered, bonds posted and refunded, evaluated, the result announced, the contract signed,
    /// published, filed, delivered, accepted, invoiced and paid.
    /// - Parameter subjects: The purchaser (the agency) and the supplier (the enterprise).
    /// - Returns: The events.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
        let project = ProcurementProcess.project("SAMPLE-001", purchaser: subjects.agency)
        let day = { (n: Int) in subjects.day.adding(days: n) }
        let supplier = Counterparty(name: "样例供应商", identifier: subjects.enterprise.rawValue, isSME: true)
        let loser = Counterparty(name: "落标供应商", isSME: false)
        let contract = "SAMPLE-HT-001"
        return [
            project.on(
                day(0), ProjectRegistered(name: "样例采购", method: .openTender, category: "goods", budget: 500_000)),
            project.on(day(1), TenderDocumentsIssued(bidDeadline: day(25))),
            project.on(day(5), TenderClarified(newBidDeadline: day(26))),
            project.on(day(8), ChallengeReceived(challenge: "ZY-1", supplier: loser)),
            project.on(day(12), ChallengeAnswered(challenge: "ZY-1")),
            project.on(day(20), BondPosted(bond: .bid, supplier: supplier, amount: 5_000)),
            project.on(day(20), BondPosted(bond: .bid, supplier: loser, amount: 5_000)),
            project.on(day(27), EvaluationReported(bidders: 3)),
            project.on(day(30), ResultAnnounced(winnerConfirmedOn: day(29), suppliers: [supplier])),
            project.on(day(32), BondRefunded(supplier: loser)),
            project.on(day(40), ContractSigned(contract: contract, supplier: supplier, amount: 480_000)),
            project.on(day(41), ContractMilestoneReached(contract: contract, milestone: .published)),
            project.on(day(42), BondPosted(bond: .performance, supplier: supplier, contract: contract, amount: 9_600)),
            project.on(day(45), ContractMilestoneReached(contract: contract, milestone: .filed)),
            project.on(day(60), ContractMilestoneReached(contract: contract, milestone: .delivered)),
            project.on(day(62), ContractMilestoneReached(contract: contract, milestone: .acceptanceOrganised)),
            project.on(day(63), ContractMilestoneReached(contract: contract, milestone: .acceptancePassed)),
            project.on(day(64), ContractMilestoneReached(contract: contract, milestone: .invoiceReceived)),
            project.on(day(70), PaymentMade(contract: contract, amount: 480_000)),
        ]
    }
}
