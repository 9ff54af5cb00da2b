import CreditKitCore
import Foundation

/// The township module's CSV layouts: a township's public commitment catalogue (`townships-commitments`) and a month's
/// 12345 work orders about townships (`townships-12345`), with Chinese headers as the platforms export them.
public enum TownshipsCSV {
    /// The catalogue's columns.
    public static let commitmentColumns: [ModuleCSVLayout.Column] = [
        .init("乡镇（街道）", "the township's unified social credit code (a registered agency)", required: true),
        .init("事项编号", "the item's number in the catalogue", required: true),
        .init("服务领域", ServiceArea.allCases.map(\.chineseName).joined(separator: ", "), required: true),
        .init("承诺内容", "what is promised", required: true),
        .init("目标", "the target, when stated"),
        .init("完成时限", "the deadline, YYYY-MM-DD (a promise to do something by a day)"),
        .init("承诺办理时限", "the processing time promised for each request: 3个工作日 or 15日"),
        .init("责任科室", "the office responsible", required: true),
        .init("公开日期", "the day the item was published, YYYY-MM-DD", required: true),
    ]

    /// The work orders' columns.
    public static let orderColumns: [ModuleCSVLayout.Column] = [
        .init("工单编号", "the 12345 work order's number", required: true),
        .init("乡镇（街道）", "the unified social credit code of the township complained about", required: true),
        .init("受理日期", "the day the order came in, YYYY-MM-DD", required: true),
        .init("服务领域", "the service area, when one"),
        .init("诉求内容", "what the caller asked or complained of (no caller's name)", required: true),
        .init("核实结果", "属实 or 不属实, once verified"),
        .init("核实日期", "the day verified, YYYY-MM-DD (with 核实结果)"),
        .init("办结日期", "the day resolved, YYYY-MM-DD"),
        .init("办理结果", "what was done, with 办结日期"),
    ]

    /// Reads a promised processing time: `3个工作日`, `15日`, `15天`.
    /// - Parameter text: The cell.
    /// - Returns: The period, or `nil` when the text is not one.
    public static func period(_ text: String) -> Period? {
        let t = text.trimmingCharacters(in: .whitespaces)
        for (suffix, unit) in [("个工作日", Period.Unit.workingDays), ("工作日", .workingDays), ("日", .days), ("天", .days)]
        where t.hasSuffix(suffix) {
            guard let n = Int(t.dropLast(suffix.count)), n > 0 else { return nil }
            return Period(n, unit)
        }
        return nil
    }

    /// `townships-commitments`.
    public static let commitments = ModuleCSVLayout(
        name: "townships-commitments",
        summary: "a township's public commitment catalogue, one item a row (乡镇（街道）, 事项编号, 服务领域, 承诺内容 …)",
        columns: commitmentColumns
    ) { table, _ in
        try table.rows.map { row in
            let township = try row.subject("乡镇（街道）")
            let areaText = try row.text("服务领域")
            guard let area = ServiceArea.named(areaText) else {
                throw row.error(
                    "服务领域",
                    "'\(areaText)' is not one of \(ServiceArea.allCases.map(\.chineseName).joined(separator: ", "))")
            }
            var promised: Period?
            if let text = row.optional("承诺办理时限") {
                guard let found = period(text) else {
                    throw row.error("承诺办理时限", "'\(text)' is not a time such as 3个工作日 or 15日")
                }
                promised = found
            }
            let deadline = try row.date("完成时限")
            guard deadline != nil || promised != nil else {
                throw row.error("完成时限", "is empty and so is 承诺办理时限; an item needs one of them")
            }
            guard let published = try row.date("公开日期") else { throw row.error("公开日期", "is empty; it must be filled") }
            return TownshipCommitment.item(CaseID(rawValue: try row.text("事项编号")), township: township).on(
                published,
                TownshipCommitmentPublished(
                    area, promise: try row.text("承诺内容"), target: row.optional("目标"), deadline: deadline,
                    promisedTime: promised, office: try row.text("责任科室")))
        }
    }

    /// `townships-12345`: a cumulative export. A work order not in the ledger is recorded with its verification and
    /// resolution; for one already there, only the steps the ledger lacks are added, and a step that contradicts the
    /// ledger (another result or day) refuses the file.
    public static let orders = ModuleCSVLayout(
        name: "townships-12345",
        summary: "12345 work orders about townships, one order a row, received and as verified and resolved (工单编号 …); "
            + "cumulative: an order already recorded adds only what is new",
        columns: orderColumns
    ) { table, kit in
        var held = HeldCases(kit: kit)
        return try table.rows.map { row in
            let township = try row.subject("乡镇（街道）")
            let number = CaseID(rawValue: try row.text("工单编号"))
            let order = WorkOrder.order(number, township: township)
            guard let received = try row.date("受理日期") else { throw row.error("受理日期", "is empty; it must be filled") }
            var area: ServiceArea?
            if let text = row.optional("服务领域") {
                guard let found = ServiceArea.named(text) else {
                    throw row.error("服务领域", "'\(text)' is not one of the service areas")
                }
                area = found
            }
            let summary = try row.text("诉求内容")
            let verifiedOn = try row.date("核实日期")
            var verification: WorkOrderStep.Step?
            switch row.optional("核实结果") {
            case nil:
                guard verifiedOn == nil else { throw row.error("核实结果", "is empty but 核实日期 is filled") }
            case let result?:
                guard ["属实", "不属实"].contains(result) else { throw row.error("核实结果", "'\(result)' is not 属实 or 不属实") }
                guard verifiedOn != nil else { throw row.error("核实日期", "is empty but 核实结果 is filled") }
                verification = result == "属实" ? .founded : .unfounded
            }
            let resolved = try row.date("办结日期")
            if resolved == nil, row.optional("办理结果") != nil {
                throw row.error("办结日期", "is empty but 办理结果 is filled")
            }
            var facts: [any LedgerEvent] = []
            let existing = try held.cases(of: township).orders.first { $0.id == number }
            if let existing {
                guard existing.receivedOn?.on == received else {
                    throw row.error("受理日期", "order \(number) came in on \(existing.receivedOn!.on) in the ledger")
                }
            } else {
                facts.append(order.on(received, WorkOrderReceived(area: area, summary: summary)))
            }
            if let verification, let verifiedOn {
                if let known = existing?.verified {
                    guard known.founded == (verification == .founded), known.on.on == verifiedOn else {
                        throw row.error(
                            "核实结果",
                            "order \(number) was verified \(known.founded ? "属实" : "不属实") on \(known.on.on) in the ledger"
                        )
                    }
                } else {
                    facts.append(order.on(verifiedOn, WorkOrderStep(verification)))
                }
            } else if existing?.verified != nil {
                throw row.error("核实结果", "is empty, but order \(number) is verified in the ledger")
            }
            if let resolved {
                if let known = existing?.resolved {
                    guard known.on == resolved else {
                        throw row.error("办结日期", "order \(number) was resolved on \(known.on) in the ledger")
                    }
                } else {
                    facts.append(order.on(resolved, WorkOrderStep(.resolved, text: row.optional("办理结果"))))
                }
            } else if existing?.resolved != nil {
                throw row.error("办结日期", "is empty, but order \(number) is resolved in the ledger")
            }
            return facts
        }
    }

    /// The assessments' columns.
    public static let assessmentColumns: [ModuleCSVLayout.Column] = [
        .init("乡镇（街道）", "the township's unified social credit code", required: true),
        .init("事项编号", "the catalogue item's number (an item with a deadline)", required: true),
        .init("核查日期", "the day assessed, YYYY-MM-DD", required: true),
        .init("核查结果", "已兑现 or 未兑现", required: true),
        .init("佐证材料", "the evidence of fulfilment, or why it was not met", required: true),
    ]

    /// `townships-assessments`: the assessment of catalogue items with a deadline, one item a row; an item assessed
    /// the same way in the ledger adds nothing, one assessed otherwise refuses the file.
    public static let assessments = ModuleCSVLayout(
        name: "townships-assessments",
        summary: "assessments of commitments with a deadline, one item a row (乡镇（街道）, 事项编号, 核查日期, 核查结果, 佐证材料)",
        columns: assessmentColumns
    ) { table, kit in
        var held = HeldCases(kit: kit)
        return try table.rows.map { row in
            let township = try row.subject("乡镇（街道）")
            let number = CaseID(rawValue: try row.text("事项编号"))
            guard let day = try row.date("核查日期") else { throw row.error("核查日期", "is empty; it must be filled") }
            let result = try row.text("核查结果")
            guard ["已兑现", "未兑现"].contains(result) else { throw row.error("核查结果", "'\(result)' is not 已兑现 or 未兑现") }
            guard let item = try held.cases(of: township).item(number), let commitment = item.commitment else {
                throw row.error("事项编号", "township \(township) has published no item \(number)")
            }
            if let known = item.assessed {
                guard known.step.met == (result == "已兑现"), known.on.on == day else {
                    throw row.error(
                        "核查结果",
                        "item \(number) was assessed \(known.step.met ? "已兑现" : "未兑现") on \(known.on.on) in the ledger")
                }
                return []
            }
            return [
                TownshipCommitment.item(number, township: township).on(
                    day,
                    TownshipCommitmentAssessed(
                        commitment: commitment, met: result == "已兑现", evidence: try row.text("佐证材料")))
            ]
        }
    }

    /// The service cases' columns.
    public static let serviceColumns: [ModuleCSVLayout.Column] = [
        .init("乡镇（街道）", "the township's unified social credit code", required: true),
        .init("办件编号", "the service case's number", required: true),
        .init("事项编号", "the catalogue item promising its time", required: true),
        .init("受理日期", "the day received, YYYY-MM-DD", required: true),
        .init("办结日期", "the day completed, YYYY-MM-DD"),
        .init("超时说明", "the public explanation of an overrun, as published"),
        .init("说明日期", "the day the explanation was published, YYYY-MM-DD (with 超时说明)"),
    ]

    /// `townships-services`: service cases, one a row; cumulative like the work orders.
    public static let services = ModuleCSVLayout(
        name: "townships-services",
        summary: "service cases against a promised time, one a row (乡镇（街道）, 办件编号, 事项编号, 受理日期, 办结日期 …); cumulative",
        columns: serviceColumns
    ) { table, kit in
        var held = HeldCases(kit: kit)
        return try table.rows.map { row in
            let township = try row.subject("乡镇（街道）")
            let number = CaseID(rawValue: try row.text("办件编号"))
            let item = CaseID(rawValue: try row.text("事项编号"))
            let service = ServiceCase.service(number, township: township)
            guard let received = try row.date("受理日期") else { throw row.error("受理日期", "is empty; it must be filled") }
            let completed = try row.date("办结日期")
            let explanation = row.optional("超时说明")
            let explainedOn = try row.date("说明日期")
            guard (explanation == nil) == (explainedOn == nil) else {
                throw row.error(explanation == nil ? "超时说明" : "说明日期", "is empty but the other is filled")
            }
            var facts: [any LedgerEvent] = []
            let existing = try held.cases(of: township).services.first { $0.id == number }
            if let existing {
                guard existing.received?.on == received, existing.item == item else {
                    throw row.error("受理日期", "service \(number) is recorded otherwise in the ledger")
                }
            } else {
                facts.append(service.on(received, ServiceRequestReceived(item: item)))
            }
            if let explanation, let explainedOn {
                if let known = existing?.explained {
                    guard known.on.on == explainedOn else {
                        throw row.error("说明日期", "service \(number) was explained on \(known.on.on) in the ledger")
                    }
                } else {
                    facts.append(service.on(explainedOn, ServiceCaseStep(.overrunExplained, text: explanation)))
                }
            }
            if let completed {
                if let known = existing?.completed {
                    guard known.on == completed else {
                        throw row.error("办结日期", "service \(number) was completed on \(known.on) in the ledger")
                    }
                } else {
                    facts.append(service.on(completed, ServiceCaseStep(.completed)))
                }
            }
            return facts
        }
    }

    /// The village publications' columns.
    public static let villageColumns: [ModuleCSVLayout.Column] = [
        .init("乡镇（街道）", "the township's unified social credit code", required: true),
        .init("村编号", "the village's code", required: true),
        .init("村名", "the village's name", required: true),
        .init("财务往来较多", "是 when collective dealings are frequent (finances monthly), else 否 or empty"),
        .init("监督起始日期", "the day the township's oversight began, YYYY-MM-DD, for a village not yet recorded"),
        .init("公开内容", "村务 or 财务; empty for a row that only records the village"),
        .init("公开日期", "the day published, YYYY-MM-DD (with 公开内容)"),
    ]

    /// `townships-villages`: village affairs and finance publications, one a row; the first row of a village not yet
    /// recorded records it; a publication already in the ledger adds nothing.
    public static let villages = ModuleCSVLayout(
        name: "townships-villages",
        summary: "village affairs and finance publications, one a row (乡镇（街道）, 村编号, 村名, 公开内容, 公开日期 …)",
        columns: villageColumns
    ) { table, kit in
        var held = HeldCases(kit: kit)
        var registered: Set<String> = []
        var published: Set<String> = []
        return try table.rows.map { row in
            let township = try row.subject("乡镇（街道）")
            let code = CaseID(rawValue: try row.text("村编号"))
            let name = try row.text("村名")
            let village = VillageAffairs.village(code, township: township)
            let frequent: Bool
            switch row.optional("财务往来较多") {
            case nil, "否"?: frequent = false
            case "是"?: frequent = true
            case let other?: throw row.error("财务往来较多", "'\(other)' is not 是 or 否")
            }
            var facts: [any LedgerEvent] = []
            let existing = try held.cases(of: township).villages.first { $0.id == code }
            let key = "\(township)|\(code)"
            if let existing {
                guard existing.name == name, existing.frequentFinance == frequent else {
                    throw row.error("村名", "village \(code) is recorded as \(existing.name ?? "") in the ledger")
                }
            } else if registered.insert(key).inserted {
                guard let began = try row.date("监督起始日期") else {
                    throw row.error("监督起始日期", "is empty; village \(code) is new and needs the day oversight began")
                }
                facts.append(village.on(began, VillageRegistered(name: name, frequentFinance: frequent)))
            }
            let dayText = row.optional("公开日期")
            switch (row.optional("公开内容"), dayText) {
            case (nil, nil): break
            case (let content?, _?):
                guard let kind = VillagePublicationKind.allCases.first(where: { $0.chineseName == content }) else {
                    throw row.error("公开内容", "'\(content)' is not 村务 or 财务")
                }
                let day = try row.date("公开日期")!
                let seen = existing?.publications[kind]?.contains { $0.on == day } ?? false
                if !seen, published.insert("\(key)|\(kind)|\(day)").inserted {
                    facts.append(village.on(day, VillagePublished(kind)))
                }
            case (nil, _?): throw row.error("公开内容", "is empty but 公开日期 is filled")
            case (_?, nil): throw row.error("公开日期", "is empty but 公开内容 is filled")
            }
            return facts
        }
    }

    /// The duty lists' columns.
    public static let dutyColumns: [ModuleCSVLayout.Column] = [
        .init("乡镇（街道）", "the township's unified social credit code", required: true),
        .init("清单版本", "the edition, such as 2025版", required: true),
        .init("公布日期", "the day the edition was published, YYYY-MM-DD", required: true),
        .init("事项编码", "the item's code", required: true),
        .init("事项名称", "the item's name", required: true),
        .init("清单类别", DutyListKind.allCases.map(\.chineseName).joined(separator: ", "), required: true),
    ]

    /// `townships-duties`: an edition of the three duty lists, one item a row; all the rows of an edition make one
    /// publication, recorded on its first row.
    public static let duties = ModuleCSVLayout(
        name: "townships-duties",
        summary: "an edition of a township's three duty lists, one item a row (乡镇（街道）, 清单版本, 公布日期, 事项编码 …)",
        columns: dutyColumns
    ) { table, kit in
        var held = HeldCases(kit: kit)
        var editions: [String: (first: Int, day: LocalDate, items: [DutyItem])] = [:]
        var order: [String] = []
        for (i, row) in table.rows.enumerated() {
            let township = try row.subject("乡镇（街道）")
            let edition = CaseID(rawValue: try row.text("清单版本"))
            guard let day = try row.date("公布日期") else { throw row.error("公布日期", "is empty; it must be filled") }
            let kindText = try row.text("清单类别")
            guard let kind = DutyListKind.allCases.first(where: { $0.chineseName == kindText }) else {
                throw row.error(
                    "清单类别",
                    "'\(kindText)' is not one of \(DutyListKind.allCases.map(\.chineseName).joined(separator: ", "))")
            }
            let key = "\(township)|\(edition)"
            if editions[key] == nil {
                if try held.cases(of: township).dutyLists.contains(where: { $0.id == edition }) {
                    throw row.error("清单版本", "edition \(edition) of \(township) is in the ledger already")
                }
                editions[key] = (i, day, [])
                order.append(key)
            }
            guard editions[key]!.day == day else {
                throw row.error("公布日期", "edition \(edition) is published on \(editions[key]!.day) on an earlier line")
            }
            editions[key]!.items.append(DutyItem(try row.text("事项编码"), try row.text("事项名称"), kind))
        }
        var perRow: [[any LedgerEvent]] = Array(repeating: [], count: table.rows.count)
        for key in order {
            let e = editions[key]!
            let row = table.rows[e.first]
            perRow[e.first] = [
                DutyLists.edition(CaseID(rawValue: try row.text("清单版本")), township: try row.subject("乡镇（街道）")).on(
                    e.day, DutyListsPublished(items: e.items))
            ]
        }
        return perRow
    }

    /// The tasks' columns.
    public static let taskColumns: [ModuleCSVLayout.Column] = [
        .init("乡镇（街道）", "the unified social credit code of the township the task went to", required: true),
        .init("派转编号", "the task's number", required: true),
        .init("派转单位", "the assigning department's unified social credit code (a registered agency)", required: true),
        .init("事项名称", "what the task is", required: true),
        .init("清单编码", "the duty-list code the department cites, if any"),
        .init("准入批准文号", "the county's approval to push down a matter on no list, if any"),
        .init("派转日期", "the day assigned, YYYY-MM-DD", required: true),
    ]

    /// `townships-tasks`: tasks county departments assigned to townships, one a row.
    public static let tasks = ModuleCSVLayout(
        name: "townships-tasks",
        summary: "tasks county departments assigned to townships, one a row (乡镇（街道）, 派转编号, 派转单位, 事项名称 …)",
        columns: taskColumns
    ) { table, _ in
        try table.rows.map { row in
            guard let day = try row.date("派转日期") else { throw row.error("派转日期", "is empty; it must be filled") }
            return AssignedTask.task(CaseID(rawValue: try row.text("派转编号")), township: try row.subject("乡镇（街道）")).on(
                day,
                TaskAssigned(
                    assignedBy: try row.subject("派转单位"), title: try row.text("事项名称"),
                    dutyCode: row.optional("清单编码"), approval: row.optional("准入批准文号")))
        }
    }

    /// Every layout, the most specific header first (the tool picks the first whose required columns the header
    /// names).
    public static let all: [ModuleCSVLayout] = [commitments, orders, assessments, services, villages, duties, tasks]
}

/// The townships' cases as the ledger holds them, read once per township while a file is imported.
struct HeldCases {
    let kit: CreditKit
    let view: CoreView
    var read: [SubjectID: TownshipCases] = [:]

    init(kit: CreditKit) {
        self.kit = kit
        self.view = kit.view
    }

    mutating func cases(of township: SubjectID) throws -> TownshipCases {
        if let found = read[township] { return found }
        let found = try TownshipCases.of(township, in: kit, view: view, asOf: .distantFuture)
        read[township] = found
        return found
    }
}

extension CreditKit {
    /// Townships and streets (乡镇（街道）) on this kit: record their facts in one batch, assess a commitment with a
    /// deadline by its item number, read a township's file, rank a county's townships, run the rules alone.
    ///
    /// ```swift
    /// let item = TownshipCommitment.item("JZ-01", township: street.id)
    /// try await kit.townships.record([item.on(day, TownshipCommitmentPublished(.housing, promise: "居住证明",
    ///     promisedTime: .workingDays(3), office: "社区事务受理中心"))])
    /// let ranking = try kit.townships.ranking(of: county, asOf: yearEnd)
    /// ```
    public var townships: TownshipsDesk { TownshipsDesk(kit: self) }
}

/// The townships sector's desk on the kit (乡镇（街道）入口): `kit.townships`.
public struct TownshipsDesk: Sendable {
    /// The kit.
    public let kit: CreditKit

    func module() throws {
        guard kit.modules.contains(where: { $0.id == TownshipsModule.sectorID }) else {
            throw CreditKitError(
                .invalidArgument, "the kit has no townships module registered; add it to CreditKit(modules:)")
        }
    }

    /// Records township facts in one batch: all of them, or, when one is refused, none.
    /// - Parameter facts: The facts.
    /// - Returns: The entries written.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module or for a fact of another sector; the
    ///   ledger's refusal.
    @discardableResult
    public func record(_ facts: [any LedgerEvent]) async throws -> [LedgerEntry] {
        try module()
        for fact in facts where !type(of: fact).kind.rawValue.hasPrefix(TownshipsModule.sectorID.rawValue + ".") {
            throw CreditKitError(.invalidArgument, "\(type(of: fact).kind) is not a township fact")
        }
        return try await kit.append(facts)
    }

    /// Records the assessment of a catalogue item with a deadline: met with its evidence, or not met with why.
    /// - Parameters:
    ///   - item: The item.
    ///   - day: The day.
    ///   - met: Whether it was met.
    ///   - evidence: The evidence, or why not.
    /// - Returns: The entry written.
    /// - Throws: `CreditKitError` (`invalidArgument`) when the item is not published; the ledger's refusal.
    @discardableResult
    public func assess(_ item: CaseRef<TownshipCommitment>, on day: LocalDate, met: Bool, evidence: String)
        async throws -> LedgerEntry
    {
        try module()
        let found = try kit.ledger.cases(
            TownshipCommitment.self, view: kit.view, owner: item.owner, asOf: .distantFuture
        ).first { $0.id == item.id }
        guard let commitment = found?.commitment else {
            throw CreditKitError(.invalidArgument, "township \(item.owner) has published no item \(item.id)")
        }
        return try await kit.append([
            item.on(day, TownshipCommitmentAssessed(commitment: commitment, met: met, evidence: evidence))
        ])[0]
    }

    /// A township's file.
    /// - Parameters:
    ///   - township: The township.
    ///   - asOf: The day.
    /// - Returns: The file.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func file(of township: SubjectID, asOf: LocalDate) throws -> TownshipFile {
        try module()
        return try TownshipFile.of(township, in: kit, asOf: asOf)
    }

    /// A township's integrity-township judgement for the year of the day.
    /// - Parameters:
    ///   - township: The township.
    ///   - asOf: The day (the year's last day for the year's list).
    /// - Returns: The judgement, criterion by criterion.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func eligibility(of township: SubjectID, asOf: LocalDate) throws -> IntegrityTownshipEligibility {
        let file = try file(of: township, asOf: asOf)
        return try IntegrityTownshipEligibility.judge(file, in: kit)
    }

    /// A county's ranking of its townships.
    /// - Parameters:
    ///   - county: The county's region code.
    ///   - asOf: The day.
    /// - Returns: The ranking.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func ranking(of county: RegionCode, asOf: LocalDate) throws -> TownshipRanking {
        try module()
        return try TownshipRanking.of(county, in: kit, asOf: asOf)
    }

    /// The township rules alone, as of a day: the findings not yet confirmed or dismissed.
    /// - Parameter asOf: The day.
    /// - Returns: The findings.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func findings(asOf: LocalDate) throws -> [Finding] {
        try module()
        let view = kit.view
        let context = CheckContext(kit: kit, view: view, asOf: asOf, knownAt: kit.ledger.clock.now())
        return try TownshipsLedgerCheck().run(context).filter { view.findingDecision($0.key) == nil }
    }
}
