import Bidding
import CreditKitCore

extension DemoCity {
    /// The bidding story: the city's transport bureau tenders road works through an agency, files its report to
    /// the supervisor late and seats a panel short of experts; a bidder is blacklisted for collusion.
    mutating func buildTenders() {
        guard let bureau = agencies.first(where: { $0.level == .city && $0.name.contains("交通运输局") }),
            let supervisor = agencies.first(where: { $0.level == .city && $0.name.contains("发展和改革") }),
            let agency = enterprises.first(where: { $0.roles.contains(.biddingAgency) })
        else { return }
        let bidders = enterprises.filter { $0.roles.contains(.bidder) }.prefix(3)
        guard bidders.count == 3 else { return }
        let who = { (e: Enterprise) in Counterparty(name: e.name, identifier: e.id.rawValue, isSME: e.isSME) }
        let first = today.adding(days: -320)
        let p = "QHDJT-ZB-\(first.description.prefix(4))-06"
        let tender = BiddingProcess.project(CaseID(p), tenderer: bureau.id)
        let winner = bidders[bidders.startIndex]
        let colluder = bidders[bidders.startIndex + 1]
        let events: [any LedgerEvent] = [
            BiddingAgencyRegistered(
                agency: agency.id, registeredWith: "河北省公共资源交易服务平台", registrationNumber: "HBZB-QHD-0107",
                scope: [.construction, .goods], qualification: "工程建设项目招标代理", on: first.adding(days: -200)),
            tender.on(
                first,
                BiddingProjectRegistered(
                    name: "滨海大道路面改造工程", agency: agency.id, openness: .open, category: .construction,
                    estimatedPrice: 18_600_000)),
            tender.on(
                first.adding(days: 3),
                BiddingDocumentsIssued(
                    stage: .tender, saleEnds: first.adding(days: 8), deadline: first.adding(days: 26))),
            tender.on(
                first.adding(days: 26),
                BidsOpened(bids: [
                    OpenedBid(tenderer: who(winner), price: 17_880_000),
                    OpenedBid(tenderer: who(colluder), price: 17_890_000, accepted: false),
                    OpenedBid(tenderer: who(bidders[bidders.startIndex + 2]), price: 18_120_000),
                ])),
            tender.on(first.adding(days: 26), EvaluationPanelFormed(members: 7, experts: 4)),
            tender.on(first.adding(days: 28), BiddingEvaluationReported()),
            tender.on(
                first.adding(days: 30), CandidatesPublicised(candidates: [who(winner)], through: first.adding(days: 32))
            ),
            tender.on(
                first.adding(days: 34),
                BiddingAwardNoticed(winner: who(winner), price: 17_880_000, winnerDeterminedOn: first.adding(days: 34))),
            tender.on(
                first.adding(days: 50),
                ContractSigned(contract: "QHDJT-HT-06", supplier: who(winner), amount: 17_880_000)
            ),
            tender.on(first.adding(days: 60), BiddingReportFiled()),
            BiddingAgencySupervised(
                agency: agency.id, by: supervisor.name, project: p, outcome: .corrected,
                summary: "评标委员会技术、经济专家不足三分之二，责令改正", on: first.adding(days: 70)),
        ]
        for e in events { schedule(.event(e), on: e.effectiveDate) }
        schedule(
            .blacklist(
                BiddingBlacklist.Decision(
                    enterprise: colluder.id, ground: .collusion, term: .years(2), actDate: first.adding(days: 20),
                    decidedOn: first.adding(days: 90),
                    authority: Authority(name: supervisor.name, creditCode: supervisor.creditCode),
                    documentNumber: "秦发改罚〔\(first.description.prefix(4))〕21号", facts: "与其他投标人串通报价")),
            on: first.adding(days: 90))
    }
}
