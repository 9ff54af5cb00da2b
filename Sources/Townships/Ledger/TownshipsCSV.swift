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

    /// `townships-12345`.
    public static let orders = ModuleCSVLayout(
        name: "townships-12345",
        summary: "12345 work orders about townships, one order a row, received and as verified and resolved (工单编号 …)",
        columns: orderColumns
    ) { table, _ in
        try table.rows.map { row in
            let township = try row.subject("乡镇（街道）")
            let order = WorkOrder.order(CaseID(rawValue: try row.text("工单编号")), township: township)
            guard let received = try row.date("受理日期") else { throw row.error("受理日期", "is empty; it must be filled") }
            var area: ServiceArea?
            if let text = row.optional("服务领域") {
                guard let found = ServiceArea.named(text) else {
                    throw row.error("服务领域", "'\(text)' is not one of the service areas")
                }
                area = found
            }
            var facts: [any LedgerEvent] = [
                order.on(received, WorkOrderReceived(area: area, summary: try row.text("诉求内容")))
            ]
            let verifiedOn = try row.date("核实日期")
            switch row.optional("核实结果") {
            case nil:
                guard verifiedOn == nil else { throw row.error("核实结果", "is empty but 核实日期 is filled") }
            case let result?:
                guard ["属实", "不属实"].contains(result) else { throw row.error("核实结果", "'\(result)' is not 属实 or 不属实") }
                guard let verifiedOn else { throw row.error("核实日期", "is empty but 核实结果 is filled") }
                facts.append(order.on(verifiedOn, WorkOrderStep(result == "属实" ? .founded : .unfounded)))
            }
            if let resolved = try row.date("办结日期") {
                facts.append(order.on(resolved, WorkOrderStep(.resolved, text: row.optional("办理结果"))))
            } else if row.optional("办理结果") != nil {
                throw row.error("办结日期", "is empty but 办理结果 is filled")
            }
            return facts
        }
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
        return try await kit.ledger.append(facts)
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
        return try await kit.ledger.append([
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
        return try IntegrityTownshipEligibility.judge(
            file, records: try kit.profile(of: township, asOf: asOf)?.records ?? [], view: kit.view)
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
