import CreditKitCore
import CreditKitTesting
import Foundation
import Testing
import Townships

@Suite("Township assessment, ranking and the integrity-township list")
struct TownshipAssessmentTests {
    /// Publishes `due` commitments with deadlines in 2025 and meets `late` of them a day late, the rest on time.
    func commitments(_ county: County, _ t: SubjectID, due: Int, late: Int) async throws {
        var facts: [any LedgerEvent] = []
        for i in 0..<due {
            facts.append(
                TownshipCommitment.item(CaseID(rawValue: "C-\(i)"), township: t).on(
                    day("2025-01-02"),
                    TownshipCommitmentPublished(
                        ServiceArea.allCases[i % ServiceArea.allCases.count], promise: "事项\(i)",
                        deadline: day("2025-06-30"), office: "党政办")))
        }
        try await county.kit.townships.record(facts)
        for i in 0..<due {
            try await county.kit.townships.assess(
                TownshipCommitment.item(CaseID(rawValue: "C-\(i)"), township: t),
                on: i < late ? day("2025-07-01") : day("2025-06-20"), met: true, evidence: "佐证材料")
        }
    }

    @Test("townships.integrity.commitments-kept: 19 of 20 (exactly 95%) is eligible, 18 of 19 (94.74%) is not")
    func eligibilityLine() async throws {
        let county = try await County.make()
        let (a, b) = (county.townships[0].id, county.townships[1].id)
        try await commitments(county, a, due: 20, late: 1)
        try await commitments(county, b, due: 19, late: 1)
        let yearEnd = day("2025-12-31")
        let atLine = try county.kit.townships.eligibility(of: a, asOf: yearEnd)
        let below = try county.kit.townships.eligibility(of: b, asOf: yearEnd)
        #expect(atLine.eligible && !below.eligible)
        let kept = { (e: IntegrityTownshipEligibility) in
            e.criteria.first { $0.rule == "townships.integrity.commitments-kept" }!
        }
        #expect(kept(atLine).value == "95%（19/20）" && kept(atLine).figure == "≥ 95%" && kept(atLine).met)
        #expect(kept(below).value == "94.74%（18/19）" && !kept(below).met)
        // Every criterion is explained with its rule; the other two are met.
        #expect(
            below.criteria.map(\.rule.rawValue) == [
                "townships.integrity.serious-records", "townships.integrity.commitments-kept",
                "townships.integrity.unresolved-complaints",
            ])
        #expect(below.criteria.filter(\.met).count == 2)
        // With nothing due there is nothing to judge: not eligible, and said so.
        let empty = try county.kit.townships.eligibility(of: county.townships[2].id, asOf: yearEnd)
        #expect(!empty.eligible && kept(empty).value.contains("无年内到期承诺"))
        // A township registered only after the day is no township of that year: an error, never "no records".
        let late = Agency(
            creditCode: Fixtures.creditCode(index: 77), name: "新设街道办事处", level: .township, kind: .government,
            region: try RegionCode("130302"))
        try await county.kit.register(late, on: day("2026-03-01"))
        #expect(throws: CreditKitError.self) {
            try county.kit.townships.eligibility(of: late.id, asOf: yearEnd)
        }
    }

    @Test(
        "a commitment the township made outside its catalogue, overdue in the year, counts against the kept-on-time line"
    )
    func commitmentsOutsideTheCatalogue() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        try await commitments(county, t, due: 4, late: 0)
        let yearEnd = day("2025-12-31")
        #expect(try county.kit.townships.eligibility(of: t, asOf: yearEnd).eligible)
        // A core commitment to residents, due in June, never fulfilled: 4 of 5 kept, 80%, below the line.
        let promise = try await county.kit.make(
            Commitment(
                promisor: t, beneficiary: "辖区居民", kind: .publicService, terms: "年中前完成村级便民服务站建设。",
                madeOn: day("2025-01-10"), dueDate: day("2025-06-30")))
        let judged = try county.kit.townships.eligibility(of: t, asOf: yearEnd)
        let kept = try #require(judged.criteria.first { $0.rule == "townships.integrity.commitments-kept" })
        #expect(!judged.eligible && kept.value == "80%（4/5），含目录外承诺1项" && kept.evidence.contains(promise.entry))
        // Fulfilled on its last day, it is kept: 5 of 5.
        try await county.kit.end(promise, on: day("2025-06-30"), outcome: .fulfilled)
        #expect(try county.kit.townships.eligibility(of: t, asOf: yearEnd).eligible)
    }

    @Test(
        "townships.integrity.serious-records and townships.integrity.unresolved-complaints bar a township that keeps every commitment"
    )
    func otherCriteria() async throws {
        let county = try await County.make()
        let (a, b) = (county.townships[0].id, county.townships[1].id)
        try await commitments(county, a, due: 4, late: 0)
        try await commitments(county, b, due: 4, late: 0)
        _ = try await county.kit.enter(Fixtures.record(subject: a, decisionDate: day("2025-08-01"), severity: .serious))
        // An ordinary record and one from the year before do not count.
        _ = try await county.kit.enter(
            Fixtures.record(subject: b, decisionDate: day("2025-08-01"), severity: .ordinary))
        _ = try await county.kit.enter(Fixtures.record(subject: b, decisionDate: day("2024-08-01"), severity: .serious))
        let order = WorkOrder.order("12345-0001", township: b)
        try await county.kit.townships.record([
            order.on(day("2025-11-02"), WorkOrderReceived(area: .parking, summary: "占道停车无人管")),
            order.on(day("2025-11-05"), WorkOrderStep(.founded, text: "情况属实")),
        ])
        let yearEnd = day("2025-12-31")
        let first = try county.kit.townships.eligibility(of: a, asOf: yearEnd)
        #expect(!first.eligible && first.criteria[0].value == "1" && !first.criteria[0].met)
        let second = try county.kit.townships.eligibility(of: b, asOf: yearEnd)
        #expect(!second.eligible && second.criteria[0].met && second.criteria[2].value == "1")
        // Resolved, the complaint no longer bars it.
        try await county.kit.townships.record([order.on(day("2025-12-20"), WorkOrderStep(.resolved, text: "已清理"))])
        #expect(try county.kit.townships.eligibility(of: b, asOf: yearEnd).eligible)
    }

    @Test("the township indicator takes a share per overrun, missed period, late disclosure and founded complaint")
    func indicator() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let item = TownshipCommitment.item("JZ-01", township: t)
        let late = ServiceCase.service("S-1", township: t)
        let onTime = ServiceCase.service("S-2", township: t)
        let village = VillageAffairs.village("V-1", township: t)
        let order = WorkOrder.order("12345-9", township: t)
        try await county.kit.townships.record([
            item.on(
                day("2025-01-02"),
                TownshipCommitmentPublished(.housing, promise: "居住证明", promisedTime: .workingDays(3), office: "便民服务中心")),
            late.on(day("2025-03-03"), ServiceRequestReceived(item: "JZ-01")),
            late.on(day("2025-03-10"), ServiceCaseStep(.completed)),
            onTime.on(day("2025-03-03"), ServiceRequestReceived(item: "JZ-01")),
            onTime.on(day("2025-03-04"), ServiceCaseStep(.completed)),
            village.on(day("2025-04-01"), VillageRegistered(name: "一村")),
            village.on(day("2025-05-01"), VillagePublished(.affairs)),
            village.on(day("2025-05-01"), VillagePublished(.finance)),
            order.on(day("2025-05-01"), WorkOrderReceived(summary: "窗口推诿")),
            order.on(day("2025-05-03"), WorkOrderStep(.founded)), order.on(day("2025-05-09"), WorkOrderStep(.resolved)),
        ])
        let info = DisclosureItem.item("GK-1", agency: t)
        try await county.kit.ledger.append([info.on(day("2025-04-01"), DisclosureItemMade(title: "低保名单"))])
        let asOf = day("2025-07-15")
        let card = try county.kit.evaluate(asOf: asOf, agencies: [t])[0]
        let score = try #require(card.indicators.first { $0.indicator == "townships.township" })
        // Duties: 2 services, 1 disclosure item, 2 village periods (Q2 affairs and finance), 1 work order = 6.
        // Taken: the late service, the unpublished item, the founded order = 3 of 6 shares.
        let share = score.weight / 6
        #expect(abs(score.points - (score.weight - 3 * share)) < 1e-9)
        #expect(score.items.count == 3)
        #expect(score.items.map(\.reason).contains { $0.contains("townships.service.overrun") && $0.contains("S-1") })
        #expect(score.items.map(\.reason).contains { $0.contains("disclosure.proactive.late") })
        #expect(score.items.map(\.reason).contains { $0.contains("12345-9") })
        #expect(
            score.improvements.count == 3 && abs(score.improvements.reduce(0) { $0 + $1.points } - 3 * share) < 1e-9)
        // A county department has no township duties: full points.
        let department = try county.kit.evaluate(asOf: asOf, agencies: [county.department.id])[0]
        #expect(department.indicators.first { $0.indicator == "townships.township" }?.points == score.weight)
    }

    @Test("the county ranking orders its townships by score, ties sharing a rank, and names the county")
    func ranking() async throws {
        let county = try await County.make()
        let (a, b) = (county.townships[0].id, county.townships[1].id)
        try await commitments(county, a, due: 4, late: 0)
        try await commitments(county, b, due: 4, late: 2)
        let ranking = try county.kit.townships.ranking(of: county.government.region, asOf: day("2025-12-31"))
        #expect(ranking.countyName == "海港区")
        #expect(ranking.places.map(\.card.subject) == [a, county.townships[2].id, b])
        #expect(ranking.places.map(\.rank) == [1, 1, 3])
        #expect(ranking.integrityTownships.map(\.card.subject) == [a])
        // The ranking reads each township once, and scores it exactly as the kit's own evaluation does.
        let evaluated = try county.kit.evaluate(asOf: day("2025-12-31"), agencies: ranking.places.map(\.card.subject))
        #expect(ranking.places.map(\.card.score) == evaluated.map(\.score))
        guard case .chart(let chart) = ranking.blocks[0] else { Issue.record("no chart"); return }
        #expect(chart.maximum == 100 && chart.labels.first == "1. 第1街道办事处")
    }

    @Test(
        "CSV: a catalogue and 12345 work orders import with Chinese headers; a bad row is named and nothing is written")
    func csv() async throws {
        let county = try await County.make()
        let t = county.townships[0].id.rawValue
        let catalogue = """
            乡镇（街道）,事项编号,服务领域,承诺内容,目标,完成时限,承诺办理时限,责任科室,公开日期
            \(t),JY-01,就业,新增就业岗位,300个,2025-12-31,,社会事务办,2025-01-10
            \(t),JZ-01,住房,办理居住证明,,,3个工作日,便民服务中心,2025-01-10
            """
        let written = try await county.kit.importCSV(catalogue, layout: TownshipsCSV.commitments)
        #expect(written.count == 2)
        let board = try TownshipBoard.make(county.kit, asOf: day("2025-02-01"))
        #expect(board.tables.first { $0.name == "townships-board" }?.rows.map { $0[7] } == ["未到期", "常设（按时办结0/0）"])
        let head = await county.kit.ledger.head
        let bad = """
            乡镇（街道）,事项编号,服务领域,承诺内容,目标,完成时限,承诺办理时限,责任科室,公开日期
            \(t),AA-01,养老,助餐,,2025-12-31,,社会事务办,2025-01-10
            \(t),AA-02,跳舞,广场舞场地,,2025-12-31,,社会事务办,2025-01-10
            """
        do {
            try await county.kit.importCSV(bad, layout: TownshipsCSV.commitments)
            Issue.record("accepted an unknown area")
        } catch let error as CreditKitError {
            #expect(error.code == .invalidCSV && error.message.contains("line 3") && error.message.contains("跳舞"))
        }
        #expect(await county.kit.ledger.head == head)
        let orders = """
            工单编号,乡镇（街道）,受理日期,服务领域,诉求内容,核实结果,核实日期,办结日期,办理结果
            12345-001,\(t),2025-03-01,停车,小区停车难,属实,2025-03-03,2025-03-10,已增设车位
            12345-002,\(t),2025-03-02,,噪音扰民,不属实,2025-03-04,,
            """
        #expect(try await county.kit.importCSV(orders, layout: TownshipsCSV.orders).count == 5)
        let file = try county.kit.townships.file(of: county.townships[0].id, asOf: day("2025-04-01"))
        #expect(file.complaints.received == 2 && file.complaints.founded == 1 && file.complaints.foundedUnresolved == 0)
        let noDate = """
            工单编号,乡镇（街道）,受理日期,服务领域,诉求内容,核实结果,核实日期,办结日期,办理结果
            12345-003,\(t),2025-03-05,,路灯不亮,属实,,,
            """
        await #expect(throws: CreditKitError.self) {
            try await county.kit.importCSV(noDate, layout: TownshipsCSV.orders)
        }
    }

    @Test(
        "CSV: assessments, services, villages, duty lists and tasks import; a cumulative 12345 export adds only what is new"
    )
    func moreLayouts() async throws {
        let county = try await County.make()
        let kit = county.kit
        let t = county.townships[0].id.rawValue
        let header = "乡镇（街道）,事项编号,服务领域,承诺内容,目标,完成时限,承诺办理时限,责任科室,公开日期\n"
        try await kit.importCSV(
            header + "\(t),JY-01,就业,新增就业岗位,,2025-06-30,,社会事务办,2025-01-10\n"
                + "\(t),JZ-01,住房,办理居住证明,,,3个工作日,便民服务中心,2025-01-10\n",
            layout: TownshipsCSV.commitments)
        #expect(
            try await kit.importCSV(
                "乡镇（街道）,事项编号,核查日期,核查结果,佐证材料\n\(t),JY-01,2025-06-28,已兑现,验收单\n",
                layout: TownshipsCSV.assessments
            ).count == 1)
        // The same assessment again adds nothing; a different one refuses the file.
        #expect(
            try await kit.importCSV(
                "乡镇（街道）,事项编号,核查日期,核查结果,佐证材料\n\(t),JY-01,2025-06-28,已兑现,验收单\n",
                layout: TownshipsCSV.assessments
            ).isEmpty)
        await #expect(throws: CreditKitError.self) {
            try await kit.importCSV(
                "乡镇（街道）,事项编号,核查日期,核查结果,佐证材料\n\(t),JY-01,2025-06-28,未兑现,无\n",
                layout: TownshipsCSV.assessments)
        }
        let services = "乡镇（街道）,办件编号,事项编号,受理日期,办结日期,超时说明,说明日期\n"
        #expect(
            try await kit.importCSV(
                services + "\(t),S-1,JZ-01,2025-03-03,,,\n\(t),S-2,JZ-01,2025-03-03,2025-03-05,,\n",
                layout: TownshipsCSV.services
            ).count == 3)
        // Next month's export repeats S-2 and completes S-1 late, explained.
        #expect(
            try await kit.importCSV(
                services + "\(t),S-1,JZ-01,2025-03-03,2025-03-12,系统故障停机,2025-03-12\n"
                    + "\(t),S-2,JZ-01,2025-03-03,2025-03-05,,\n",
                layout: TownshipsCSV.services
            ).count == 2)
        let villages = "乡镇（街道）,村编号,村名,财务往来较多,监督起始日期,公开内容,公开日期\n"
        #expect(
            try await kit.importCSV(
                villages + "\(t),V-1,一村,否,2025-04-01,村务,2025-05-06\n\(t),V-1,一村,否,,财务,2025-05-06\n",
                layout: TownshipsCSV.villages
            ).count == 3)
        let duties = "乡镇（街道）,清单版本,公布日期,事项编码,事项名称,清单类别\n"
        #expect(
            try await kit.importCSV(
                duties + "\(t),2025版,2025-03-01,J-1,安全生产巡查,基本履职事项\n"
                    + "\(t),2025版,2025-03-01,S-1,户外广告审批,上级部门收回事项\n",
                layout: TownshipsCSV.duties
            ).count == 1)
        let dept = county.department.id.rawValue
        #expect(
            try await kit.importCSV(
                "乡镇（街道）,派转编号,派转单位,事项名称,清单编码,准入批准文号,派转日期\n"
                    + "\(t),PZ-1,\(dept),户外广告审批,S-1,,2025-04-01\n",
                layout: TownshipsCSV.tasks
            ).count == 1)
        let orders = "工单编号,乡镇（街道）,受理日期,服务领域,诉求内容,核实结果,核实日期,办结日期,办理结果\n"
        #expect(
            try await kit.importCSV(
                orders + "12345-1,\(t),2025-03-01,停车,占道停车,属实,2025-03-02,,\n", layout: TownshipsCSV.orders
            ).count == 2)
        #expect(
            try await kit.importCSV(
                orders + "12345-1,\(t),2025-03-01,停车,占道停车,属实,2025-03-02,2025-03-20,已清理\n"
                    + "12345-2,\(t),2025-03-05,,噪音,,,,\n",
                layout: TownshipsCSV.orders
            ).count == 2)
        await #expect(throws: CreditKitError.self) {
            try await kit.importCSV(
                orders + "12345-1,\(t),2025-03-01,停车,占道停车,不属实,2025-03-02,2025-03-20,已清理\n",
                layout: TownshipsCSV.orders)
        }
        let file = try kit.townships.file(of: county.townships[0].id, asOf: day("2025-07-01"))
        #expect(file.complaints.received == 2 && file.complaints.founded == 1 && file.complaints.foundedUnresolved == 0)
        let s = file.services()
        #expect(s.received == 2 && s.onTime == 1 && s.explained == 1)
        #expect(file.assignedFindings.map { $0.subject } == [county.department.id])
        // Both of the village's second-quarter publications are in: nothing is missing; the late service was explained.
        #expect(file.findings.isEmpty, "\(file.findings)")
        // A county bureau is not a township: its catalogue is refused, naming it.
        do {
            try await kit.importCSV(
                header + "\(dept),JY-09,就业,岗位,,2025-06-30,,办公室,2025-01-10\n", layout: TownshipsCSV.commitments)
            Issue.record("a county bureau's catalogue was accepted")
        } catch let error as CreditKitError {
            #expect(error.message.contains("not a township") && error.message.contains("line 2"), "\(error.message)")
        }
        // An item with both a deadline and a promised time is refused.
        await #expect(throws: CreditKitError.self) {
            try await kit.importCSV(
                header + "\(t),JY-10,就业,岗位,,2025-06-30,3个工作日,办公室,2025-01-10\n", layout: TownshipsCSV.commitments)
        }
    }
}
