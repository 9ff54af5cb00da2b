import CreditKitCore
import Townships

extension DemoCity {
    /// The demo's township story, over the last eleven months:
    /// - every township publishes three commitments, due 240, 150 and 60 days ago, and meets them five days early,
    ///   except 海阳镇, which meets its second nine days late; 台营镇, which finds its third not met; and 祖山镇, which
    ///   has not assessed its third at all (overdue);
    /// - 文化路街道 promises residence certificates in 3 working days; one request is done the same day, one takes 20
    ///   days with no public explanation;
    /// - 海阳镇 oversees 海阳村 for three whole quarters and publishes its finances in two of them;
    /// - 山海关区住房和城乡建设局 pushes 违法建设巡查拆除 down to 石河镇, which the county took back in 石河镇's duty lists;
    /// - 12345 work orders: 南关街道 resolves a founded one; 祖山镇's founded one is still open.
    mutating func buildTownships() {
        func township(_ town: String) -> Agency? { townships.first { $0.name.contains(town) } }
        let published = today.adding(days: -330)
        let deadlines = [today.adding(days: -240), today.adding(days: -150), today.adding(days: -60)]
        // Each promise in the service area it belongs to, with its target.
        let promises: [(area: ServiceArea, promise: String, target: String)] = [
            (.employment, "新增公益性岗位", "20个"), (.property, "老旧小区物业全覆盖", "覆盖率100%"),
            (.elderlyCare, "建成日间照料中心", "1处"), (.fireAndTheft, "入户消防安全检查", "覆盖全部自建房"),
            (.travel, "村道硬化", "8公里"), (.convenience, "便民服务站全覆盖", "每村1站"),
        ]
        for (n, town) in townships.enumerated() {
            for (i, deadline) in deadlines.enumerated() {
                let item = TownshipCommitment.item(CaseID(rawValue: "CN-\(i + 1)"), township: town.id)
                schedule(
                    item.on(
                        published,
                        TownshipCommitmentPublished(
                            promises[(n + i) % promises.count].area,
                            promise: promises[(n + i) % promises.count].promise,
                            target: promises[(n + i) % promises.count].target, deadline: deadline, office: "党政综合办公室")))
                let late = town.name.contains("海阳镇") && i == 1
                let failed = town.name.contains("台营镇") && i == 2
                let unassessed = town.name.contains("祖山镇") && i == 2
                guard !unassessed else { continue }
                let day =
                    late ? deadline.adding(days: 9) : failed ? deadline.adding(days: 2) : deadline.adding(days: -5)
                let evidence = failed ? "资金未到位，日间照料中心未建成" : "验收材料及群众评议"
                schedule(
                    .perform { kit, day in
                        try await kit.townships.assess(item, on: day, met: !failed, evidence: evidence)
                    }, on: day)
            }
        }

        if let street = township("文化路街道") {
            let onTime = ServiceCase.service("JZZM-01", township: street.id)
            let overrun = ServiceCase.service("JZZM-02", township: street.id)
            let item = TownshipCommitment.item("FW-01", township: street.id)
            for event: any LedgerEvent in [
                item.on(
                    published,
                    TownshipCommitmentPublished(
                        .housing, promise: "办理居住证明", promisedTime: .workingDays(3), office: "社区事务受理中心")),
                onTime.on(today.adding(days: -200), ServiceRequestReceived(item: "FW-01")),
                onTime.on(today.adding(days: -200), ServiceCaseStep(.completed)),
                overrun.on(today.adding(days: -120), ServiceRequestReceived(item: "FW-01")),
                overrun.on(today.adding(days: -100), ServiceCaseStep(.completed)),
            ] {
                schedule(event)
            }
        }

        if let town = township("海阳镇") {
            // Three whole quarters before the current one; finances go unpublished in the middle one.
            let quarter = try! LocalDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)
            let village = VillageAffairs.village("海阳村", township: town.id)
            schedule(village.on(quarter.adding(months: -9), VillageRegistered(name: "海阳村")))
            for back in [9, 6, 3] {
                let end = quarter.adding(months: -back + 3).adding(days: -4)
                schedule(village.on(end, VillagePublished(.affairs)))
                if back != 6 { schedule(village.on(end, VillagePublished(.finance))) }
            }
        }

        if let town = township("石河镇"),
            let bureau = departments.first(where: { $0.name == "山海关区住房和城乡建设局" })
        {
            schedule(
                DutyLists.edition(CaseID(rawValue: "\(published.year)版"), township: town.id).on(
                    published,
                    DutyListsPublished(items: [
                        DutyItem("JB-003", "辖区安全生产巡查", .basic), DutyItem("PH-011", "配合开展城市管理宣传", .cooperative),
                        DutyItem("SH-005", "违法建设巡查拆除", .takenBack),
                    ])))
            schedule(
                AssignedTask.task("SJRW-07", township: town.id).on(
                    today.adding(days: -100),
                    TaskAssigned(assignedBy: bureau.id, title: "违法建设巡查拆除", dutyCode: "SH-005")))
        }

        if let street = township("南关街道") {
            let order = WorkOrder.order("12345-0311", township: street.id)
            schedule(order.on(today.adding(days: -80), WorkOrderReceived(area: .housing, summary: "小区路灯长期不亮")))
            schedule(order.on(today.adding(days: -78), WorkOrderStep(.founded, text: "经核实情况属实")))
            schedule(order.on(today.adding(days: -70), WorkOrderStep(.resolved, text: "已维修并回访")))
        }
        if let town = township("祖山镇") {
            let order = WorkOrder.order("12345-0418", township: town.id)
            schedule(order.on(today.adding(days: -40), WorkOrderReceived(area: .elderlyCare, summary: "敬老院冬季供暖不足")))
            schedule(order.on(today.adding(days: -36), WorkOrderStep(.founded, text: "经核实情况属实")))
        }
    }
}
