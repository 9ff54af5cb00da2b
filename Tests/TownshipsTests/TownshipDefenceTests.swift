import CreditKitCore
import CreditKitTesting
import Foundation
import Testing
import Townships

@Suite("Township findings under attack: keys, dismissals, annual reports, step order, duty lists")
struct TownshipDefenceTests {
    @Test("each missing quarter is a finding of its own: dismissing one leaves the others, and costs no points")
    func periodsHaveTheirOwnKeys() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let village = VillageAffairs.village("V-1", township: t)
        try await county.kit.townships.record([
            village.on(day("2025-01-01"), VillageRegistered(name: "一村")),
            village.on(day("2025-02-01"), VillagePublished(.affairs)),
            village.on(day("2025-02-01"), VillagePublished(.finance)),
        ])
        let asOf = day("2025-10-01")
        let found = try county.kit.townships.findings(asOf: asOf)
        // Q2 and Q3, affairs and finance: four findings, four keys.
        #expect(found.count == 4 && Set(found.map(\.key)).count == 4)
        let before = try county.kit.evaluate(asOf: asOf, agencies: [t])[0].indicators.first {
            $0.indicator == "townships.township"
        }!
        let q2 = try #require(found.first { $0.fact("period") == "2025Q2" && $0.fact("content") == "finance" })
        try await county.kit.dismiss(q2, on: day("2025-09-15"), by: "县信用办", reason: "村账由乡镇代管，已在乡镇公开")
        let left = try county.kit.townships.findings(asOf: asOf)
        #expect(left.count == 3 && !left.contains { $0.key == q2.key })
        let after = try county.kit.evaluate(asOf: asOf, agencies: [t])[0].indicators.first {
            $0.indicator == "townships.township"
        }!
        // A dismissed finding takes nothing: one share comes back.
        #expect(abs((after.points - before.points) - before.weight / Double(6)) < 1e-9)
    }

    @Test("a late annual disclosure report counts in the township's file and score; each year is its own finding")
    func annualReports() async throws {
        let county = try await County.make()
        let t = county.townships[0].id
        let item = DisclosureItem.item("GK-1", agency: t)
        try await county.kit.ledger.append([
            item.on(day("2023-03-01"), DisclosureItemMade(title: "低保名单")),
            item.on(day("2023-03-10"), DisclosureItemStep(.published)),
        ])
        // A government's report is due by 31 March; none published for 2023 or 2024.
        let file = try county.kit.townships.file(of: t, asOf: day("2025-04-15"))
        let late = file.disclosureFindings.filter { $0.rule == "disclosure.annual-report.late" }
        #expect(late.map { $0.fact("year") } == ["2023", "2024"] && Set(late.map(\.key)).count == 2)
        #expect(file.disclosureDuties == 3)
    }

    @Test("a work order is verified before it is resolved, and nothing follows its resolution")
    func workOrderSteps() async throws {
        let county = try await County.make()
        let order = WorkOrder.order("12345-1", township: county.townships[0].id)
        try await county.kit.townships.record([order.on(day("2025-03-01"), WorkOrderReceived(summary: "路灯不亮"))])
        let head = await county.kit.ledger.head
        await #expect(throws: CreditKitError.self) {
            try await county.kit.townships.record([
                order.on(day("2025-03-20"), WorkOrderStep(.founded)),
                order.on(day("2025-03-12"), WorkOrderStep(.resolved)),
            ])
        }
        await #expect(throws: CreditKitError.self) {
            try await county.kit.townships.record([
                order.on(day("2025-03-12"), WorkOrderStep(.resolved)),
                order.on(day("2025-03-20"), WorkOrderStep(.founded)),
            ])
        }
        #expect(await county.kit.ledger.head == head)
        // Resolved without a verification is allowed (a request, not a complaint).
        try await county.kit.townships.record([order.on(day("2025-03-12"), WorkOrderStep(.resolved))])
    }

    @Test("a taken-back matter cited under another code is still taken back; a township cannot push tasks down")
    func dutyListDodges() async throws {
        let county = try await County.make()
        let (t, other) = (county.townships[0].id, county.townships[1].id)
        try await county.kit.townships.record([
            DutyLists.edition("2025版", township: t).on(
                day("2025-03-01"),
                DutyListsPublished(items: [
                    DutyItem("J-001", "辖区安全生产巡查", .basic), DutyItem("S-001", "户外广告审批", .takenBack),
                ])),
            AssignedTask.task("T-1", township: t).on(
                day("2025-04-01"),
                TaskAssigned(assignedBy: county.department.id, title: "户外广告审批", dutyCode: "J-001")),
        ])
        let found = try county.kit.townships.findings(asOf: day("2025-12-31"))
        #expect(found.map { $0.fact("list") } == ["taken back"] && found.first?.subject == county.department.id)
        do {
            try await county.kit.townships.record([
                AssignedTask.task("T-2", township: t).on(
                    day("2025-04-01"), TaskAssigned(assignedBy: other, title: "巡查"))
            ])
            Issue.record("a township pushed a task down")
        } catch let error as CreditKitError {
            #expect(error.message.contains("county departments"), "\(error.message)")
        }
    }
}
