import CreditKitCore
import CreditKitTesting
import Foundation
import PPP

/// The PPP workload: 100,000 projects told in N facts (default 1,000,000, about ten per project) over 10,000
/// implementing agencies, appended through the kit's validation as a platform would, then every `ppp.*` rule as of
/// one day over every project (the ledger check `runChecks` runs), and one agency's PPP report section.
func pppWorkload(events: Int) async throws {
    let agencies = 10_000
    let projects = max(1, events / 10)
    let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [PPPModule()], clock: FixedClock.demo)
    let base = try LocalDate(year: 2019, month: 1, day: 1)
    let owners = try await registerAgencies(agencies, in: kit, on: base.adding(days: -365))
    let concessionaire = Counterparty(name: "项目公司")
    var rng = SplitMix64(state: 20_261_130)
    func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    /// One project's ten facts: registered, four stages, assessed, signed, two payments scheduled, one paid (late
    /// now and then), and, for one project in twenty, a change citing new leaders.
    func facts(_ i: Int) -> [any LedgerEvent] {
        let p = PPPProject.project(CaseID("PPP-\(i)"), agency: owners[i % agencies])
        let start = base.adding(days: pick(900))
        let signed = start.adding(days: 200)
        let term = 20 + pick(25)
        var out: [any LedgerEvent] = [
            p.on(
                start,
                PPPProjectRegistered(name: "项目\(i)", mode: .bot, mechanism: pick(3) == 0 ? .userPay : .governmentPay)),
            p.on(start, PPPStageEntered(.identification)),
            p.on(
                start.adding(days: 30),
                PPPFiscalAffordabilityAssessed(
                    year: 2022, pppSpending: Decimal(3 + pick(10)) * 1_000_000, budgetExpenditure: 100_000_000)),
            p.on(start.adding(days: 60), PPPStageEntered(.preparation)),
            p.on(start.adding(days: 120), PPPStageEntered(.procurement)),
            p.on(
                signed,
                PPPContractSigned(
                    concessionaire: concessionaire, termStart: signed,
                    termEnd: signed.adding(years: term).adding(days: -1))),
            p.on(signed.adding(days: 30), PPPStageEntered(.execution)),
            p.on(
                signed.adding(days: 30),
                PPPObligationScheduled(
                    "AP-1", .availabilityPayment, amount: 1_000_000, due: signed.adding(days: 365))),
            p.on(
                signed.adding(days: 30),
                PPPObligationScheduled(
                    "AP-2", .availabilityPayment, amount: 1_000_000, due: signed.adding(days: 730))),
            p.on(signed.adding(days: 365 + (pick(4) == 0 ? 20 : 0)), PPPObligationFulfilled("AP-1", amount: 1_000_000)),
        ]
        if pick(20) == 0 {
            out.append(
                p.on(
                    signed.adding(days: 400),
                    PPPContractChanged("下调付费", reason: .leadershipChange, lawfulProcedure: false)))
        }
        return out
    }

    var appended = 0
    var appendSeconds = 0.0
    var batch: [any LedgerEvent] = []
    for i in 0..<projects {
        batch += facts(i)
        if batch.count >= 1_000 || i == projects - 1 {
            // Each batch's facts in the order of their days within a project; projects are independent.
            let start = ContinuousClock.now
            try await kit.ledger.append(batch)
            appendSeconds += seconds(since: start)
            appended += batch.count
            batch = []
        }
    }
    emit([
        ("workload", "ppp-append"), ("n", appended), ("projects", projects), ("agencies", agencies),
        ("seconds", appendSeconds), ("per_second", Double(appended) / appendSeconds),
    ])
    let asOf = try LocalDate(year: 2024, month: 12, day: 31)
    let start = ContinuousClock.now
    let findings = try kit.ppp.findings(asOf: asOf)
    let checkSeconds = seconds(since: start)
    var byRule: [String: Int] = [:]
    for f in findings { byRule[f.rule.rawValue, default: 0] += 1 }
    guard !findings.isEmpty else { throw BenchError.message("the PPP rules found nothing in \(projects) projects") }
    emit(
        [
            ("workload", "ppp-check"), ("n", projects), ("seconds", checkSeconds),
            ("per_second", Double(projects) / checkSeconds), ("findings", findings.count),
        ] + byRule.keys.sorted().map { ($0, byRule[$0]!) as (String, Any) })
    let sectionStart = ContinuousClock.now
    let section = try PPPStatistics.of(owners[42], in: kit, asOf: asOf).section(names: kit)
    emit([
        ("workload", "ppp-section"), ("n", 1), ("seconds", seconds(since: sectionStart)),
        ("tables", section.blocks.count),
    ])
}

/// Registers `count` test agencies in batches of 1,000, as a platform's setup would; their identifiers in order.
func registerAgencies(_ count: Int, in kit: CreditKit, on day: LocalDate) async throws -> [SubjectID] {
    var owners: [SubjectID] = []
    for start in stride(from: 0, to: count, by: 1_000) {
        let batch = (start..<min(count, start + 1_000)).map { Fixtures.agency(index: $0) }
        owners += batch.map(\.id)
        try await kit.ledger.append(batch.map { AgencyRegistered(agency: $0, on: day) })
    }
    return owners
}
