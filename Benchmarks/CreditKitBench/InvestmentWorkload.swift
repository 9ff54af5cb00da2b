import CreditKitCore
import CreditKitTesting
import Foundation
import InvestmentPromotion

/// The investment workload: N facts (default 1,000,000) telling 100,000 agreements over 10,000 agencies — each
/// signed, three promises (each a commitment of the core), the investor's obligation, the promises fulfilled or
/// withdrawn, and a complaint received and forwarded by a 12345 centre, ten facts an agreement — appended through
/// the kit's validation as a platform would, then every `investment.*` rule as of one day.
func investmentWorkload(events: Int) async throws {
    let agencies = 10_000
    let agreements = max(1, events / 10)
    let kit = try CreditKit(
        store: .inMemory, keys: Fixtures.keys, modules: [InvestmentPromotionModule()], clock: FixedClock.demo)
    let base = try LocalDate(year: 2023, month: 1, day: 2)
    let owners = try await registerAgencies(agencies, in: kit, on: base.adding(days: -365))
    let investors = (0..<1_000).map { Fixtures.enterprise(index: 20_000 + $0) }
    try await kit.ledger.append(investors.map { EnterpriseRegistered(enterprise: $0, on: base.adding(days: -365)) })
    var rng = SplitMix64(state: 20_261_130)
    func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    let categories: [PromiseCategory] = [.land, .subsidy, .tax, .infrastructure, .approval]

    var appended = 0
    var appendSeconds = 0.0
    for chunk in stride(from: 0, to: agreements, by: 100) {
        var opening: [any LedgerEvent] = []
        var plans: [(deal: CaseRef<InvestmentAgreement>, signed: LocalDate, amounts: [Decimal?])] = []
        for i in chunk..<min(agreements, chunk + 100) {
            let deal = InvestmentAgreement.agreement(CaseID(rawValue: "ZS-\(i)"), agency: owners[i % agencies])
            let investor = investors[pick(investors.count)].id
            let signed = base.adding(days: pick(700))
            opening.append(deal.on(signed, InvestmentAgreementSigned(investor: investor, project: "项目\(i)")))
            var amounts: [Decimal?] = []
            for p in 1...3 {
                let category = categories[pick(categories.count)]
                amounts.append(category == .subsidy ? Decimal(100_000 + pick(900_000)) : nil)
                opening.append(
                    deal.on(
                        signed,
                        InvestmentPromised(
                            "P-\(p)", investor: investor, category, terms: "承诺\(p)",
                            amount: amounts[p - 1],
                            due: signed.adding(days: 90 + pick(400)),
                            legalBasis: pick(5) == 0 ? nil : "省级办法", reviewed: pick(5) == 0 ? nil : signed)))
            }
            opening.append(deal.on(signed, InvestorObligationSet("O-1", terms: "投资到位", due: signed.adding(days: 365))))
            plans.append((deal, signed, amounts))
        }
        var start = ContinuousClock.now
        let written = try await kit.ledger.append(opening)
        appendSeconds += seconds(since: start)
        appended += written.count
        // The promises' commitments are their entries: each agreement's three follow its signing.
        var steps: [any LedgerEvent] = []
        var index = 0
        for plan in plans {
            index += 1
            for p in 1...3 {
                let commitment = Commitment.ID(written[index].sequence)
                index += 1
                let day = plan.signed.adding(days: 60 + pick(500))
                if pick(10) == 0 {
                    steps.append(
                        plan.deal.on(
                            day,
                            InvestmentPromiseChanged(
                                "P-\(p)", commitment: commitment, withdraws: true,
                                reason: pick(2) == 0 ? .leadershipChange : .publicInterest)))
                } else {
                    steps.append(
                        plan.deal.on(
                            day,
                            InvestmentPromiseFulfilled(
                                "P-\(p)", commitment: commitment, amount: plan.amounts[p - 1], inFull: true)))
                }
            }
            index += 1
            do {
                let c = InvestorComplaint.complaint(CaseID(rawValue: "C-\(plan.deal.id)"), handler: owners[0])
                let received = plan.signed.adding(days: 500)
                steps.append(
                    c.on(
                        received,
                        InvestorComplaintReceived(
                            investor: investors[0].id, about: plan.deal.owner, channel: .hotline12345, summary: "投诉")))
                steps.append(c.on(received.adding(days: 5 + pick(20)), InvestorComplaintHandled(.forwarded)))
            }
        }
        start = ContinuousClock.now
        appended += try await kit.ledger.append(steps).count
        appendSeconds += seconds(since: start)
    }
    emit([
        ("workload", "investment-append"), ("n", appended), ("agreements", agreements), ("agencies", agencies),
        ("seconds", appendSeconds), ("per_second", Double(appended) / appendSeconds),
    ])
    let asOf = try LocalDate(year: 2026, month: 6, day: 30)
    let start = ContinuousClock.now
    let findings = try kit.investment.findings(asOf: asOf)
    let checkSeconds = seconds(since: start)
    var byRule: [String: Int] = [:]
    for f in findings { byRule[f.rule.rawValue, default: 0] += 1 }
    guard !findings.isEmpty else { throw BenchError.message("the investment rules found nothing") }
    emit(
        [
            ("workload", "investment-check"), ("n", appended), ("agreements", agreements), ("seconds", checkSeconds),
            ("per_second", Double(appended) / checkSeconds), ("findings", findings.count),
        ] + byRule.keys.sorted().map { ($0, byRule[$0]!) as (String, Any) })
}
