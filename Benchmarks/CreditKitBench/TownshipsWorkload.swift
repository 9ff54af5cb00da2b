import CreditKitCore
import CreditKitTesting
import Foundation
import Townships

/// The townships workload: N facts (default 4,000,000) telling a province's townships, 100 facts each (so 40,000
/// townships at the default), 20 townships to a county — each township's catalogue of ten commitments (eight with
/// deadlines, assessed; two standing service promises), thirty service cases received and completed (one overrun
/// explained), two villages registered and publishing seven times, an edition of duty lists, three tasks pushed
/// down by a county department, two 12345 work orders verified, and two pieces of government information made and
/// published — appended through the kit's validation
/// into a SQLite ledger file, as a platform would; then the townships' assessment and every county's ranking with
/// its integrity-township list as of one day (`TownshipRanking.counties`, what `creditkit report --kind townships`
/// reads).
func townshipsWorkload(events: Int, dir: String) async throws {
    let perTownship = 100
    let perCounty = 20
    let count = max(perCounty, events / perTownship)
    let path = dir + "/bench-townships.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let kit = try CreditKit(
        store: .sqlite(path), keys: Fixtures.keys, modules: [TownshipsModule()], clock: FixedClock.demo)
    let registered = try LocalDate(year: 2020, month: 1, day: 1)
    let base = try LocalDate(year: 2025, month: 1, day: 6)
    var rng = SplitMix64(state: 20_261_130)
    func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    // Setup, not timed: each county's government and one department, and its townships.
    let counties = (count + perCounty - 1) / perCounty
    var townships: [SubjectID] = []
    var departments: [SubjectID] = []
    for c in 0..<counties {
        let region = try RegionCode(String(110_000 + c))
        func code(_ n: Int) throws -> UnifiedSocialCreditCode {
            try UnifiedSocialCreditCode(
                registrationAuthority: "1", category: "1", region: region, organizationNumber: 10_000_000 + n)
        }
        var batch = [
            Agency(creditCode: try code(0), name: "县\(c)人民政府", level: .county, kind: .government, region: region),
            Agency(creditCode: try code(1), name: "县\(c)自然资源局", level: .county, kind: .department, region: region),
        ]
        departments.append(batch[1].id)
        for t in 0..<min(perCounty, count - c * perCounty) {
            batch.append(
                Agency(
                    creditCode: try code(10 + t), name: "县\(c)第\(t + 1)镇", level: .township, kind: .government,
                    region: region))
            townships.append(batch.last!.id)
        }
        try await kit.ledger.append(batch.map { AgencyRegistered(agency: $0, on: registered) })
    }
    let areas = ServiceArea.allCases
    var appended = 0
    var appendSeconds = 0.0
    for chunk in stride(from: 0, to: count, by: 50) {
        var opening: [any LedgerEvent] = []
        for i in chunk..<min(count, chunk + 50) {
            let t = townships[i]
            for k in 0..<10 {
                let standing = k >= 8
                opening.append(
                    TownshipCommitment.item(CaseID(rawValue: "C-\(k)"), township: t).on(
                        base,
                        TownshipCommitmentPublished(
                            areas[(i + k) % areas.count], promise: "承诺事项\(k)",
                            deadline: standing ? nil : base.adding(days: 60 + pick(300)),
                            promisedTime: standing ? .workingDays(3 + pick(5)) : nil, office: "党政办")))
            }
            for v in 0..<2 {
                let village = VillageAffairs.village(CaseID(rawValue: "V-\(v)"), township: t)
                opening.append(village.on(base, VillageRegistered(name: "村\(v)", frequentFinance: v == 1)))
            }
            opening.append(
                DutyLists.edition("2025版", township: t).on(
                    base,
                    DutyListsPublished(items: [
                        DutyItem("J-1", "安全生产巡查", .basic), DutyItem("P-1", "配合征兵", .cooperative),
                        DutyItem("S-1", "户外广告审批", .takenBack),
                    ])))
        }
        var start = ContinuousClock.now
        let written = try await kit.ledger.append(opening)
        appendSeconds += seconds(since: start)
        appended += written.count
        // Each township's ten commitments are its first ten entries of the batch, thirteen entries a township.
        var steps: [any LedgerEvent] = []
        for (n, i) in (chunk..<min(count, chunk + 50)).enumerated() {
            let t = townships[i]
            for k in 0..<8 {
                let met = pick(20) != 0
                steps.append(
                    TownshipCommitment.item(CaseID(rawValue: "C-\(k)"), township: t).on(
                        base.adding(days: 30 + pick(360)),
                        TownshipCommitmentAssessed(
                            commitment: Commitment.ID(written[n * 13 + k].sequence), met: met,
                            evidence: met ? "验收材料" : "资金未到位")))
            }
            for s in 0..<30 {
                let service = ServiceCase.service(CaseID(rawValue: "S-\(s)"), township: t)
                let received = base.adding(days: 7 + pick(340))
                steps.append(service.on(received, ServiceRequestReceived(item: CaseID(rawValue: "C-\(8 + s % 2)"))))
                let completed = received.adding(days: 1 + pick(12))
                if s == 0 { steps.append(service.on(completed, ServiceCaseStep(.overrunExplained, text: "系统故障"))) }
                steps.append(service.on(completed, ServiceCaseStep(.completed)))
            }
            // The first village publishes its affairs every quarter; the second (monthly finances) in three months.
            let villages = (0..<2).map { VillageAffairs.village(CaseID(rawValue: "V-\($0)"), township: t) }
            for q in 0..<4 { steps.append(villages[0].on(base.adding(days: 30 + q * 91), VillagePublished(.affairs))) }
            for m in 0..<3 {
                steps.append(villages[1].on(base.adding(days: 25 + m * 30 + pick(60)), VillagePublished(.finance)))
            }
            for k in 0..<3 {
                steps.append(
                    AssignedTask.task(CaseID(rawValue: "T-\(k)"), township: t).on(
                        base.adding(days: 30 + pick(300)),
                        TaskAssigned(
                            assignedBy: departments[i / perCounty], title: ["安全生产巡查", "户外广告审批", "招商任务"][pick(3)])))
            }
            for o in 0..<2 {
                let order = WorkOrder.order(CaseID(rawValue: "12345-\(o)"), township: t)
                let received = base.adding(days: pick(330))
                steps.append(order.on(received, WorkOrderReceived(area: areas[pick(areas.count)], summary: "诉求")))
                steps.append(order.on(received.adding(days: 3), WorkOrderStep(pick(4) == 0 ? .founded : .unfounded)))
            }
            for d in 0..<2 {
                let item = DisclosureItem.item(CaseID(rawValue: "GK-\(d)"), agency: t)
                let made = base.adding(days: pick(300))
                steps.append(item.on(made, DisclosureItemMade(title: "公开事项\(d)")))
                steps.append(item.on(made.adding(days: 5 + pick(30)), DisclosureItemStep(.published)))
            }
        }
        start = ContinuousClock.now
        appended += try await kit.ledger.append(steps).count
        appendSeconds += seconds(since: start)
    }
    emit([
        ("workload", "townships-append"), ("n", appended), ("townships", count), ("counties", counties),
        ("seconds", appendSeconds), ("per_second", Double(appended) / appendSeconds),
    ])
    let asOf = try LocalDate(year: 2025, month: 12, day: 31)
    let start = ContinuousClock.now
    let rankings = try TownshipRanking.counties(in: kit, asOf: asOf)
    let rankSeconds = seconds(since: start)
    let places = rankings.flatMap(\.places)
    guard places.count == count else {
        throw BenchError.message("ranked \(places.count) townships of \(count)")
    }
    let eligible = places.filter(\.eligibility.eligible).count
    let findings = places.reduce(0) { $0 + $1.file.findings.count + $1.file.disclosureFindings.count }
    emit([
        ("workload", "townships-rank"), ("n", appended), ("townships", count), ("counties", rankings.count),
        ("seconds", rankSeconds), ("townships_per_second", Double(count) / rankSeconds),
        ("facts_per_second", Double(appended) / rankSeconds), ("integrity_townships", eligible),
        ("findings", findings),
    ])
}
