import CreditKitCore

extension BiddingModule {
    /// One works tender told in every tender fact: registered, documents issued and clarified, an objection
    /// received and answered, bonds, bids opened, the panel, the report, the publicity, the award, a complaint
    /// filed and handled, the contract signed, delivered and paid, and the written report filed.
    /// - Parameter subjects: The tenderer (the agency), the winner (the enterprise) and the supervisor.
    /// - Returns: The events.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
        let tender = BiddingProcess.project("SAMPLE-ZB-001", tenderer: subjects.agency)
        let day = { (n: Int) in subjects.day.adding(days: n) }
        let winner = Counterparty(name: "样例施工企业", identifier: subjects.enterprise.rawValue)
        let rival = Counterparty(name: "另一施工企业")
        let contract = "SAMPLE-ZB-HT-001"
        return [
            tender.on(
                day(0),
                BiddingProjectRegistered(
                    name: "样例道路工程", openness: .open, category: .construction, estimatedPrice: 5_000_000)),
            tender.on(day(1), BiddingDocumentsIssued(stage: .tender, saleEnds: day(6), deadline: day(25))),
            tender.on(day(4), BiddingDocumentsClarified(stage: .tender, newDeadline: day(26))),
            tender.on(day(7), BiddingObjectionReceived(objection: "YY-1", by: rival.name)),
            tender.on(day(9), BiddingObjectionAnswered(objection: "YY-1")),
            tender.on(day(24), BondPosted(bond: .bid, supplier: winner, amount: 50_000)),
            tender.on(day(24), BondPosted(bond: .bid, supplier: rival, amount: 50_000)),
            tender.on(
                day(26),
                BidsOpened(bids: [
                    OpenedBid(tenderer: winner, price: 4_800_000), OpenedBid(tenderer: rival, price: 4_900_000),
                ])),
            tender.on(day(26), EvaluationPanelFormed(members: 5, experts: 4)),
            tender.on(day(28), BiddingEvaluationReported()),
            tender.on(day(29), CandidatesPublicised(candidates: [winner, rival], through: day(31))),
            tender.on(day(33), BiddingAwardNoticed(winner: winner, price: 4_800_000, winnerDeterminedOn: day(33))),
            tender.on(
                day(34), BiddingComplaintFiled(complaint: "TS-1", by: rival.name, supervisor: subjects.supervisor)),
            tender.on(
                day(36), BiddingComplaintHandled(complaint: "TS-1", supervisor: subjects.supervisor, step: .accepted)),
            tender.on(day(38), BondRefunded(supplier: rival)),
            tender.on(day(40), ContractSigned(contract: contract, supplier: winner, amount: 4_800_000)),
            tender.on(day(41), BondPosted(bond: .performance, supplier: winner, contract: contract, amount: 480_000)),
            tender.on(day(45), BiddingReportFiled()),
            tender.on(day(90), ContractMilestoneReached(contract: contract, milestone: .delivered)),
            tender.on(day(100), PaymentMade(contract: contract, amount: 4_800_000)),
        ]
    }
}
