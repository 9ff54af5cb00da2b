import CreditKitCore
import CreditKitTesting
import Debt
import Foundation

/// The debt workload, two parts a platform meets:
/// - `debt-assess`: a figures file of 3,000 regions × 10 years read and judged as `creditkit debt assess` does it
///   (the CSV read, every rule, the JSON written);
/// - `debt-append` and `debt-check`: N arrears facts (default 1,000,000: half recorded, half cleared, over 10,000
///   agencies under one region's campaign) appended through the kit's validation, then every `debt.*` rule over the
///   ledger as of one day (the fold of every agency's arrears).
func debtWorkload(events: Int) async throws {
    // Part 1: the figures file.
    let regions = 3_000
    var lines = [DebtCSV.figureColumns.filter(\.required).map(\.name).joined(separator: ",")]
    var rng = SplitMix64(state: 20_261_130)
    func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    for r in 0..<regions {
        let code = String(110_101 + r)
        for year in 2015..<2025 {
            let resources = 100_000 + pick(400_000)
            let balance = resources * (40 + pick(260)) / 100
            let general = balance * 6 / 10
            let expenditure = resources * 9 / 10
            let row: [Int] = [
                general, balance - general, general + pick(20_000) - 2_000, balance - general + 10_000, resources,
                expenditure, resources / 5, expenditure * (2 + pick(10)) / 100, resources / 5 * pick(12) / 100,
                pick(10) == 0 ? balance * pick(30) / 100 : 0,
            ]
            lines.append(([code, "地区\(r)", String(year)] + row.map(String.init)).joined(separator: ","))
        }
    }
    let text = lines.joined(separator: "\n") + "\n"
    let asOf = try LocalDate(year: 2025, month: 6, day: 30)
    let assessStart = ContinuousClock.now
    let judged = try DebtFileAssessment(text, asOf: asOf)
    let json = judged.json()
    let assessSeconds = seconds(since: assessStart)
    guard judged.assessments.count == regions * 10, judged.problems.isEmpty else {
        throw BenchError.message("the figures file was not judged whole: \(judged.problems.prefix(3))")
    }
    emit([
        ("workload", "debt-assess"), ("n", judged.assessments.count), ("regions", regions), ("bytes", text.utf8.count),
        ("seconds", assessSeconds), ("per_second", Double(judged.assessments.count) / assessSeconds),
        ("findings", judged.assessments.reduce(0) { $0 + $1.findings.count }), ("json_bytes", json.utf8.count),
    ])

    // Part 2: the arrears ledger.
    let agencies = 10_000
    let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [DebtModule()], clock: FixedClock.demo)
    let base = try LocalDate(year: 2019, month: 1, day: 1)
    let owners = try await registerAgencies(agencies, in: kit, on: base.adding(days: -365))
    let creditors = (0..<100).map { Fixtures.enterprise(index: 20_000 + $0) }
    try await kit.ledger.append(creditors.map { EnterpriseRegistered(enterprise: $0, on: base.adding(days: -365)) })
    let government = owners[0]
    try await kit.ledger.append([
        DebtCampaign.campaign(try RegionCode("130302"), government: government).on(
            base.adding(days: 400), DebtCampaignStarted())
    ])
    let arrears = max(1, events / 2)
    var appended = 0
    var appendSeconds = 0.0
    var batch: [any LedgerEvent] = []
    for i in 0..<arrears {
        let a = DebtArrear.arrear(CaseID(rawValue: "QQ-\(i)"), debtor: owners[i % agencies])
        let due = base.adding(days: pick(2_000))
        let kind: ArrearKind = [.goods, .services, .works, .wages][pick(4)]
        batch.append(
            a.on(
                due,
                ArrearRecorded(
                    creditor: creditors[pick(creditors.count)].id, kind, amount: Decimal(10_000 + pick(90_000)),
                    due: due, project: kind == .wages ? "项目\(i % 500)" : nil,
                    workMonth: kind == .wages ? due.adding(months: -1) : nil,
                    delivered: kind == .wages ? nil : due.adding(days: -30))))
        batch.append(a.on(due.adding(days: pick(10) == 0 ? 200 : 0), ArrearCleared(amount: 1)))
        if batch.count >= 1_000 || i == arrears - 1 {
            let start = ContinuousClock.now
            try await kit.ledger.append(batch)
            appendSeconds += seconds(since: start)
            appended += batch.count
            batch = []
        }
    }
    emit([
        ("workload", "debt-append"), ("n", appended), ("arrears", arrears), ("agencies", agencies),
        ("seconds", appendSeconds), ("per_second", Double(appended) / appendSeconds),
    ])
    let checkStart = ContinuousClock.now
    let findings = try kit.debt.findings(asOf: asOf)
    let checkSeconds = seconds(since: checkStart)
    var byRule: [String: Int] = [:]
    for f in findings { byRule[f.rule.rawValue, default: 0] += 1 }
    guard !findings.isEmpty else { throw BenchError.message("the debt rules found nothing in \(arrears) arrears") }
    emit(
        [
            ("workload", "debt-check"), ("n", appended), ("seconds", checkSeconds),
            ("per_second", Double(appended) / checkSeconds), ("findings", findings.count),
        ] + byRule.keys.sorted().map { ($0, byRule[$0]!) as (String, Any) })
}
