import CreditKitCore
import Foundation
import Testing

@testable import Bidding

/// The Bidding Law's figures that other rules read (thresholds, caps, shares, blacklist terms), each named and
/// tried at exactly its figure and just past it.
@Suite("Bidding figures at their limits")
struct BiddingFiguresTests {
    let rules = try! BiddingRules()
    let on = LocalDate("2025-03-01")!

    func tender(price: Decimal, category: TenderCategory) -> BiddingProcess {
        var p = BiddingProcess(id: "ZB-F", tenderer: "11130300MA0TENDER1", isComplete: true)
        p.category = category
        p.estimatedPrice = price
        return p
    }

    @Test(
        "Order 16 thresholds: a tender at exactly the figure must be tendered, one fen under it need not",
        arguments: [
            ("bidding.scope.construction", TenderCategory.construction, Decimal(4_000_000)),
            ("bidding.scope.goods", .goods, Decimal(2_000_000)),
            ("bidding.scope.services", .surveyDesignSupervision, Decimal(1_000_000)),
        ])
    func thresholds(rule: String, category: TenderCategory, figure: Decimal) throws {
        #expect(try rules.profile.figure(RuleID(rule), on: on).figure == Figure(figure, .yuan))
        #expect(category.scopeRule == RuleID(rule))
        #expect(try tender(price: figure, category: category).isMandatory(profile: rules.profile, on: on))
        #expect(
            try !tender(price: figure - Decimal(string: "0.01")!, category: category).isMandatory(
                profile: rules.profile, on: on))
        // Before Order 16 came into force (1 June 2018) no threshold applies: not mandatory, and no error.
        #expect(
            try !tender(price: figure * 10, category: category).isMandatory(
                profile: rules.profile, on: LocalDate("2018-05-31")!))
    }

    @Test(
        "bid bond caps: at exactly the cap no finding, a fen over it one, naming the cap as the limit",
        arguments: [
            ("bidding.bond.excessive.construction-cap", TenderCategory.construction, Decimal(800_000)),
            ("bidding.bond.excessive.survey-design-cap", .surveyDesignSupervision, Decimal(100_000)),
        ])
    func bondCaps(rule: String, category: TenderCategory, cap: Decimal) throws {
        #expect(try rules.profile.figure(RuleID(rule), on: on).figure == Figure(cap, .yuan))
        // 2% of 100,000,000 is 2,000,000, so the cap is the limit.
        func found(_ amount: Decimal) throws -> [Finding] {
            var p = tender(price: 100_000_000, category: category)
            p.bidBonds = [CaseBond(holder: Counterparty(name: "甲公司"), amount: amount, posted: on)]
            return try rules.findings(for: p, asOf: LocalDate("2025-12-31")!).filter {
                $0.rule == "bidding.bond.excessive"
            }
        }
        #expect(try found(cap).isEmpty)
        let over = try found(cap + Decimal(string: "0.01")!)
        #expect(over.count == 1 && over.first?.money("limit") == cap)
    }

    @Test("the expert share: two thirds of the panel, at exactly two thirds allowed, under it a finding")
    func expertShare() throws {
        #expect(try rules.profile.figure("bidding.panel.expert-share", on: on).figure.unit == .percent)
        func problems(members: Int, experts: Int) throws -> String? {
            var p = tender(price: 10_000_000, category: .construction)
            p.panel = .init(members: members, experts: experts, formed: DatedFact(on))
            return try rules.findings(for: p, asOf: LocalDate("2025-12-31")!).first {
                $0.rule == "bidding.panel.invalid"
            }?.fact("problems")
        }
        #expect(try problems(members: 9, experts: 6) == nil)
        #expect(try problems(members: 9, experts: 5)?.contains("专家不足") == true)
        #expect(try problems(members: 5, experts: 4) == nil)
        #expect(try problems(members: 5, experts: 3)?.contains("专家不足") == true)
    }

    @Test(
        "blacklist terms: each ground's shortest and longest exclusion, and the repeat window, as the law sets them",
        arguments: [
            (BlacklistGround.collusion, "bidding.blacklist.collusion", "bidding.blacklist.collusion.minimum", 1, 2),
            (.fraud, "bidding.blacklist.fraud", "bidding.blacklist.fraud.minimum", 1, 3),
            (
                .seriousNonPerformance, "bidding.blacklist.serious-non-performance",
                "bidding.blacklist.serious-non-performance.minimum", 2, 5
            ),
        ])
    func blacklistTerms(ground: BlacklistGround, rule: String, minimum: String, shortest: Int, longest: Int) throws {
        #expect(ground.rule == RuleID(rule) && ground.minimumRule == RuleID(minimum))
        #expect(try rules.profile.figure(RuleID(rule), on: on).figure == Figure(Decimal(longest), .years))
        #expect(try rules.profile.figure(RuleID(minimum), on: on).figure == Figure(Decimal(shortest), .years))
        #expect(
            try rules.profile.figure("bidding.blacklist.repeat-window", on: on).figure == Figure(3, .years))
    }
}
