import CreditKitCore
import Foundation

/// The investment module's CSV layout (招商引资承诺事项台账): an existing commitment ledger, one promise a row, with
/// its agreement's number, agency, investor and signing day repeated; the first row of an agreement not yet in the
/// ledger also records its signing.
public enum InvestmentCSV {
    /// The columns.
    public static let columns: [ModuleCSVLayout.Column] = [
        .init("协议编号", "the agreement's number", required: true),
        .init("承诺单位", "the agency's unified social credit code", required: true),
        .init("投资方", "the investor's unified social credit code (a registered enterprise)", required: true),
        .init("签约日期", "the agreement's signing day, YYYY-MM-DD", required: true),
        .init("项目", "the project", required: true),
        .init("承诺编号", "the promise's number in the agreement", required: true),
        .init("承诺类别", "土地, 奖励补贴, 税收优惠, 费用减免, 配套设施, 审批服务 or 其他", required: true),
        .init("承诺内容", "the terms", required: true),
        .init("金额", "the amount in yuan, for money promises"),
        .init("兑现期限", "the due day, YYYY-MM-DD"),
        .init("承诺日期", "the day promised, when not the signing day (a published policy's)"),
        .init("挂钩条件", "for a subsidy: 迁移注册地, 本地纳税 or 本地统计"),
        .init("法律依据", "the law or regulation it relies on"),
        .init("国务院批准", "the State Council approval it relies on"),
        .init("公平竞争审查日期", "the day it passed fair-competition review, YYYY-MM-DD"),
        .init("来源", "协议 (in the agreement, the default) or 政策 (a published policy)"),
    ]

    static let categories: [String: PromiseCategory] = Dictionary(
        uniqueKeysWithValues: PromiseCategory.allCases.map { ($0.chineseName, $0) })
    static let ties: [String: IncentiveTie] = Dictionary(
        uniqueKeysWithValues: IncentiveTie.allCases.map { ($0.chineseName, $0) })

    /// `investment-commitments`.
    public static let layout = ModuleCSVLayout(
        name: "investment-commitments",
        summary: "a commitment ledger, one promise a row (协议编号, 承诺单位, 投资方, 签约日期, 项目, 承诺编号, 承诺类别 …)",
        columns: columns
    ) { table, kit in
        let view = kit.view
        // Each agreement's signing as the ledger holds it, or as its first row in the file states it; a later row
        // that says otherwise is refused, never dropped.
        var signings: [String: (investor: SubjectID, project: String, on: LocalDate, line: Int?)] = [:]
        var read: Set<SubjectID> = []
        return try table.rows.map { row in
            let agency = try row.subject("承诺单位")
            let investor = try row.subject("投资方")
            let number = CaseID(rawValue: try row.text("协议编号"))
            let project = try row.text("项目")
            guard let signedOn = try row.date("签约日期") else { throw row.error("签约日期", "is empty; it must be filled") }
            let categoryText = try row.text("承诺类别")
            guard let category = categories[categoryText] else {
                throw row.error(
                    "承诺类别",
                    "'\(categoryText)' is not one of \(PromiseCategory.allCases.map(\.chineseName).joined(separator: ", "))"
                )
            }
            var tie: IncentiveTie?
            if let text = row.optional("挂钩条件") {
                guard let found = ties[text] else { throw row.error("挂钩条件", "'\(text)' is not 迁移注册地, 本地纳税 or 本地统计") }
                tie = found
            }
            let source = row.optional("来源") ?? "协议"
            guard ["协议", "政策"].contains(source) else { throw row.error("来源", "'\(source)' is not 协议 or 政策") }
            if read.insert(agency).inserted {
                for held in try kit.ledger.cases(
                    InvestmentAgreement.self, view: view, owner: agency, asOf: .distantFuture)
                {
                    guard let s = held.signed, let on = held.signedOn?.on else { continue }
                    signings["\(agency)|\(held.id)"] = (s.investor, s.project, on, nil)
                }
            }
            let deal = InvestmentAgreement.agreement(number, agency: agency)
            var facts: [any LedgerEvent] = []
            let key = "\(agency)|\(number)"
            if let held = signings[key] {
                let place = held.line.map { "line \($0)" } ?? "the ledger"
                guard held.investor == investor else {
                    throw row.error("投资方", "agreement \(number) is with \(held.investor) in \(place)")
                }
                guard held.project == project else {
                    throw row.error("项目", "agreement \(number)'s project is '\(held.project)' in \(place)")
                }
                guard held.on == signedOn else {
                    throw row.error("签约日期", "agreement \(number) was signed on \(held.on) in \(place)")
                }
            } else {
                signings[key] = (investor, project, signedOn, row.line)
                facts.append(deal.on(signedOn, InvestmentAgreementSigned(investor: investor, project: project)))
            }
            // A policy's promise made before the agreement is recorded on the signing day, with its own day.
            let promised = try row.date("承诺日期") ?? signedOn
            facts.append(
                deal.on(
                    max(promised, signedOn),
                    InvestmentPromised(
                        try row.text("承诺编号"), investor: investor, category, terms: try row.text("承诺内容"),
                        amount: try row.money("金额"), due: try row.date("兑现期限"), tiedTo: tie,
                        legalBasis: row.optional("法律依据"), approval: row.optional("国务院批准"),
                        reviewed: try row.date("公平竞争审查日期"), fromPolicy: source == "政策",
                        promisedOn: promised < signedOn ? promised : nil)))
            return facts
        }
    }
}

extension CreditKit {
    /// Investment promotion (招商引资) on this kit: record agreements' facts in one batch, fulfil, change or withdraw a
    /// promise by its number, read an agency's record, run the rules alone.
    ///
    /// ```swift
    /// let deal = InvestmentAgreement.agreement("ZS-2023-01", agency: zone.id)
    /// try await kit.investment.record([deal.on(day, InvestmentAgreementSigned(investor: maker.id, project: "电池"))])
    /// try await kit.investment.fulfil(deal, promise: "P-1", on: paidDay, amount: 3_000_000, inFull: true)
    /// ```
    public var investment: InvestmentDesk { InvestmentDesk(kit: self) }
}

/// The investment sector's desk on the kit (招商引资入口): `kit.investment`.
public struct InvestmentDesk: Sendable {
    /// The kit.
    public let kit: CreditKit

    func module() throws {
        guard kit.modules.contains(where: { $0.id == InvestmentPromotionModule.sectorID }) else {
            throw CreditKitError(
                .invalidArgument, "the kit has no investment module registered; add it to CreditKit(modules:)")
        }
    }

    /// Records investment facts in one batch: all of them, or, when one is refused, none.
    /// - Parameter facts: The facts.
    /// - Returns: The entries written.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module or for a fact of another sector; the
    ///   ledger's refusal.
    @discardableResult
    public func record(_ facts: [any LedgerEvent]) async throws -> [LedgerEntry] {
        try module()
        for fact in facts
        where !type(of: fact).kind.rawValue.hasPrefix(InvestmentPromotionModule.sectorID.rawValue + ".") {
            throw CreditKitError(.invalidArgument, "\(type(of: fact).kind) is not an investment fact")
        }
        return try await kit.append(facts)
    }

    /// A promise of an agreement as the ledger holds it.
    /// - Parameters:
    ///   - agreement: The agreement.
    ///   - promise: The promise's number.
    /// - Returns: The promise.
    /// - Throws: `CreditKitError` (`invalidArgument`) when there is no such promise.
    public func promise(_ agreement: CaseRef<InvestmentAgreement>, _ promise: String) throws
        -> InvestmentAgreement.Promise
    {
        try module()
        let found = try kit.ledger.cases(
            InvestmentAgreement.self, view: kit.view, owner: agreement.owner, asOf: .distantFuture
        ).first { $0.id == agreement.id }?.promise(promise)
        guard let found else {
            throw CreditKitError(.invalidArgument, "agreement \(agreement.id) has no promise \(promise)")
        }
        return found
    }

    /// Records a payment or delivery against a promise.
    /// - Parameters:
    ///   - agreement: The agreement.
    ///   - promise: The promise's number.
    ///   - day: The day.
    ///   - amount: The amount paid, for money promises.
    ///   - inFull: Whether this completes the promise.
    /// - Returns: The entry written.
    /// - Throws: When there is no such promise; the ledger's refusal.
    @discardableResult
    public func fulfil(
        _ agreement: CaseRef<InvestmentAgreement>, promise: String, on day: LocalDate, amount: Decimal? = nil,
        inFull: Bool
    ) async throws -> LedgerEntry {
        let commitment = try self.promise(agreement, promise).commitment
        return try await kit.append([
            agreement.on(
                day, InvestmentPromiseFulfilled(promise, commitment: commitment, amount: amount, inFull: inFull))
        ])[0]
    }

    /// Records a change or withdrawal of a promise, with the reason given, the procedure and the compensation.
    /// - Parameters:
    ///   - agreement: The agreement.
    ///   - promise: The promise's number.
    ///   - day: The day.
    ///   - withdraws: Whether it is withdrawn.
    ///   - reason: The reason given.
    ///   - procedure: The procedure followed.
    ///   - compensationAgreed: The compensation agreed.
    ///   - compensationPaid: The compensation paid.
    ///   - newTerms: The new terms of a change.
    ///   - newDue: The new due day of a change.
    /// - Returns: The entry written.
    /// - Throws: When there is no such promise; the ledger's refusal.
    @discardableResult
    public func change(
        _ agreement: CaseRef<InvestmentAgreement>, promise: String, on day: LocalDate, withdraws: Bool,
        reason: BreachOrChangeReason, procedure: String? = nil, compensationAgreed: Decimal? = nil,
        compensationPaid: Decimal? = nil, newTerms: String? = nil, newDue: LocalDate? = nil
    ) async throws -> LedgerEntry {
        let commitment = try self.promise(agreement, promise).commitment
        return try await kit.append([
            agreement.on(
                day,
                InvestmentPromiseChanged(
                    promise, commitment: commitment, withdraws: withdraws, reason: reason, procedure: procedure,
                    compensationAgreed: compensationAgreed, compensationPaid: compensationPaid, newTerms: newTerms,
                    newDue: newDue))
        ])[0]
    }

    /// An agency's record with investors.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - asOf: The day.
    /// - Returns: The record.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func record(of agency: SubjectID, asOf: LocalDate) throws -> InvestmentRecord {
        try module()
        return try InvestmentRecord.of(agency, in: kit, asOf: asOf)
    }

    /// The investment rules alone, as of a day: the findings not yet confirmed or dismissed.
    /// - Parameter asOf: The day.
    /// - Returns: The findings.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func findings(asOf: LocalDate) throws -> [Finding] {
        try module()
        let view = kit.view
        let context = CheckContext(kit: kit, view: view, asOf: asOf, knownAt: kit.ledger.clock.now())
        let found = try InvestmentPromotionModule().checks.flatMap { try $0.run(context) }
        return found.filter { view.findingDecision($0.key) == nil }
    }
}
