import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Evaluation, ranking and warnings")
struct EvaluationTests {
    func date(_ s: String) -> LocalDate { LocalDate(s)! }

    func card(_ world: LifecycleWorld, _ subject: SubjectID, _ day: String, explain: Bool = true) throws -> ScoreCard {
        try #require(try world.kit.evaluate(asOf: date(day), agencies: [subject], explain: explain).first)
    }

    func indicator(_ card: ScoreCard, _ id: RuleID) -> IndicatorScore { card.indicators.first { $0.indicator == id }! }

    @Test("a clean agency scores 100, grade A")
    func clean() async throws {
        let world = try await LifecycleWorld()
        let c = try card(world, world.bureau.id, "2026-06-01")
        #expect(c.score == 100 && c.grade == "A" && c.indicators.reduce(0) { $0 + $1.weight } == 100)
    }

    @Test(
        "a serious record takes 15 points within a year, 7.5 after, none after three; the card says which and how to win them back"
    )
    func dishonesty() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record("2025-06-02", severity: .serious)
        let within = indicator(try card(world, world.bureau.id, "2026-06-02"), "eval.dishonesty")
        #expect(within.points == 20 && within.items.first?.evidence == [id.entry])
        #expect(within.items.first?.reason.contains("严重失信记录 #\(id)") == true)
        #expect(within.improvements.first?.points == 15)
        // What an official reads to raise the score is Chinese, and names the record.
        #expect(within.improvements.first?.action == "最短公示期满后，申请修复信用记录 #\(id)")
        #expect(indicator(try card(world, world.bureau.id, "2026-06-03"), "eval.dishonesty").points == 27.5)
        #expect(indicator(try card(world, world.bureau.id, "2028-06-02"), "eval.dishonesty").points == 35)
    }

    @Test("a judgment-defaulter listing takes all ten points and raises a red warning")
    func defaulter() async throws {
        let world = try await LifecycleWorld()
        _ = try await world.record("2026-05-04", basis: .judgmentDefaulter, severity: .serious)
        let c = try card(world, world.bureau.id, "2026-06-01")
        #expect(indicator(c, "eval.judgments").points == 0)
        // One deduction per fact: the listing costs nothing under the dishonesty records, and the card says where.
        let dishonesty = indicator(c, "eval.dishonesty")
        #expect(dishonesty.points == dishonesty.weight && dishonesty.items.count == 1)
        #expect(dishonesty.items[0].points == 0 && dishonesty.items[0].reason.contains("计入「失信被执行人和未履行生效判决」指标"))
        #expect(c.score == 90)
        // A model without the judgments indicator gives the dishonesty indicator all the records.
        let alone = try #require(
            try world.kit.evaluate(
                asOf: date("2026-06-01"), agencies: [world.bureau.id],
                model: ScoringModel(indicators: [DishonestyIndicator(leftTo: [:])])
            ).first)
        #expect(alone.indicators[0].items.first.map { $0.points < 0 } == true && alone.score < 100)
        let warnings = try world.kit.warnings(asOf: date("2026-06-01"))
        #expect(warnings.first { $0.subject == world.bureau.id }?.level == .red)
        #expect(warnings.contains { $0.rule == "warning.judgment-defaulter" })
    }

    @Test("what would raise the score says what each step alone gives back, never more than was lost")
    func improvementsAlone() async throws {
        let world = try await LifecycleWorld()
        // A listing (10) and an unexecuted judgment (5) against a weight of 10: 0 points, 10 to win back.
        let listing = try await world.record("2026-05-04", basis: .judgmentDefaulter, severity: .serious)
        let judgment = try await world.record("2026-05-05", basis: .unexecutedJudgment, severity: .serious)
        let judgments = indicator(try card(world, world.bureau.id, "2026-06-01"), "eval.judgments")
        #expect(judgments.points == 0 && judgments.weight == 10)
        let byRecord = { (id: CreditRecord.ID) in judgments.improvements.first { $0.evidence == [id.entry] }! }
        // Leaving the list alone gives back 5 (the judgment still takes 5); paying the judgment alone gives nothing.
        #expect(byRecord(listing).points == 5)
        #expect(byRecord(judgment).points == 0 && byRecord(judgment).action.contains("单独完成不能恢复分数"))
        #expect(judgments.improvements.reduce(0) { $0 + $1.points } <= judgments.weight - judgments.points)
        #expect(IndicatorScore.gainAlone(removing: 10, taken: -15, weight: 10) == 5)
        #expect(IndicatorScore.gainAlone(removing: 3, taken: -3, weight: 10) == 3)
    }

    @Test(
        "publication on time is scored for the deciding authority; lawsuits by loss rate; proposals by replies on time")
    func authorityIndicators() async throws {
        let world = try await LifecycleWorld()
        let a = try await world.record("2026-03-02")
        _ = try await world.record("2026-03-02")
        try await world.reviewAndPublish(a, reviewed: "2026-03-03", published: "2026-03-04")
        let publication = indicator(try card(world, world.regulator.id, "2026-05-01"), "eval.publication")
        #expect(publication.points == 5 && publication.items.first?.reason == "按时公示 1/2")
        for (n, outcome) in [LawsuitOutcome.won, .won, .lost, .withdrawn].enumerated() {
            try await world.kit.ledger.append(
                LawsuitConcluded(
                    agency: world.bureau.id, caseNumber: "（2026）冀03行初\(n)号", on: date("2026-02-0\(n + 1)"),
                    outcome: outcome))
        }
        #expect(indicator(try card(world, world.bureau.id, "2026-05-01"), "eval.lawsuits").points == 7.5)
        try await world.kit.ledger.append([
            ProposalHandled(
                agency: world.bureau.id, proposalKind: .congressProposal, number: "第12号",
                assignedOn: date("2026-03-01"), dueOn: date("2026-04-30"), answeredOn: date("2026-04-30")),
            ProposalHandled(
                agency: world.bureau.id, proposalKind: .cppccMotion, number: "第7号", assignedOn: date("2026-03-01"),
                dueOn: date("2026-04-30"), answeredOn: date("2026-05-01")),
        ])
        #expect(indicator(try card(world, world.bureau.id, "2026-05-02"), "eval.responsiveness").points == 7)
    }

    @Test("points only and explained cards agree; a past date is unchanged by later facts")
    func consistency() async throws {
        let world = try await LifecycleWorld()
        _ = try await world.record("2026-01-05", severity: .ordinary)
        let explained = try card(world, world.bureau.id, "2026-03-01")
        #expect(try card(world, world.bureau.id, "2026-03-01", explain: false).score == explained.score)
        _ = try await world.record("2026-04-01", severity: .serious)
        #expect(try card(world, world.bureau.id, "2026-03-01") == explained)
        #expect(try card(world, world.bureau.id, "2026-04-01").score < explained.score)
        let trend = try world.kit.trend(of: world.bureau.id, months: 4, asOf: date("2026-04-30"))
        #expect(trend.map(\.asOf) == [date("2026-01-30"), date("2026-02-28"), date("2026-03-30"), date("2026-04-30")])
    }

    @Test("commitments score by the on-time share; a leadership excuse takes five more; two overdue warn")
    func commitments() async throws {
        let world = try await LifecycleWorld()
        func make(_ due: String) async throws -> Commitment.ID {
            try await world.kit.make(
                Commitment(
                    promisor: world.bureau.id, beneficiary: "公众", kind: .timeLimit, terms: "按时办结",
                    madeOn: date("2026-01-05"), dueDate: date(due)))
        }
        let a = try await make("2026-03-31")
        _ = try await make("2026-03-31")
        _ = try await make("2026-03-31")
        let d = try await make("2026-03-31")
        try await world.kit.end(a, on: date("2026-03-31"), outcome: .fulfilled)
        try await world.kit.end(d, on: date("2026-03-01"), outcome: .breached(.leadershipChange, "新班子不认可"))
        let score = indicator(try card(world, world.bureau.id, "2026-04-01"), "eval.commitments")
        // One kept of four decided: 5 points, less 5 for the leadership excuse.
        #expect(score.points == 0)
        #expect(score.items.first?.reason == "按期履约 1/4")
        #expect(score.improvements.count == 2 && score.improvements[0].points == 5)
        #expect(score.improvements.allSatisfy { $0.action.hasPrefix("履行已到期的承诺「") && $0.action.hasSuffix("）") })
        let warnings = try world.kit.warnings(asOf: date("2026-04-01"))
        #expect(warnings.contains { $0.rule == "warning.overdue-commitments" && $0.reason.hasPrefix("到期未履行承诺2项") })
        #expect(
            try WarningRules(overdueCommitments: 3).warnings(card(world, world.bureau.id, "2026-04-01"), earlier: nil)
                .allSatisfy {
                    $0.rule != "warning.overdue-commitments"
                })
    }

    @Test("an objection the body decided late takes a point from its processes indicator")
    func processes() async throws {
        let world = try await LifecycleWorld()
        let id = try await world.record("2026-01-05")
        let o = try await world.kit.fileObjection(id, on: date("2026-01-30"), by: world.bureau.id, grounds: "有误")
        #expect(indicator(try card(world, world.regulator.id, "2026-02-06"), "eval.processes").points == 5)
        #expect(indicator(try card(world, world.regulator.id, "2026-02-07"), "eval.processes").points == 4)
        try await world.kit.resolveObjection(
            o, of: id, on: date("2026-02-09"), outcome: .upheld, office: world.regulator.id, reason: "维持")
        let later = indicator(try card(world, world.regulator.id, "2026-03-01"), "eval.processes")
        #expect(later.points == 4 && later.items.first?.evidence == [o.entry])
    }

    @Test("ties share a rank and the next rank skips")
    func ranking() {
        func c(_ id: String, _ score: Double) -> ScoreCard {
            ScoreCard(
                subject: SubjectID(rawValue: id), asOf: date("2026-01-01"), score: score, grade: "", indicators: [])
        }
        let ranked = Ranking.rank([c("B", 90), c("A", 95), c("C", 90), c("D", 80)])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
        #expect(ranked.map(\.card.subject.rawValue) == ["A", "B", "C", "D"])
    }

    @Test("a score drop warns at its threshold and not below it; grade D warns")
    func warnings() {
        let rules = WarningRules(scoreDrop: 10)
        func c(_ score: Double) -> ScoreCard {
            ScoreCard(
                subject: "X", asOf: date("2026-06-01"), score: score, grade: GradeBands().grade(score), indicators: [])
        }
        #expect(rules.warnings(c(80), earlier: c(90)).map(\.rule) == ["warning.score-drop"])
        #expect(rules.warnings(c(80.01), earlier: c(90)).isEmpty)
        #expect(rules.warnings(c(59.99), earlier: nil).map(\.rule) == ["warning.grade"])
        #expect(GradeBands().grade(90) == "A" && GradeBands().grade(89.99) == "B" && GradeBands().grade(60) == "C")
    }

    @Test(
        "a broken commitment confirmed as a dishonesty record is deducted once, among the records, and the file says so"
    )
    func confirmedCommitmentCountsOnce() async throws {
        let world = try await LifecycleWorld()
        let kept = try await world.kit.make(
            Commitment(
                promisor: world.bureau.id, beneficiary: "公众", kind: .timeLimit, terms: "按时办结",
                madeOn: date("2026-01-05"), dueDate: date("2026-03-31")))
        let broken = try await world.kit.make(
            Commitment(
                promisor: world.bureau.id, beneficiary: "公众", kind: .policy, terms: "补贴到位",
                madeOn: date("2026-01-05"), dueDate: date("2026-03-31")))
        try await world.kit.end(kept, on: date("2026-03-30"), outcome: .fulfilled)
        try await world.kit.end(broken, on: date("2026-03-01"), outcome: .breached(.leadershipChange, "新班子不认可"))
        let before = indicator(try card(world, world.bureau.id, "2026-05-01"), "eval.commitments")
        let finding = try #require(
            try world.kit.commitmentFindings(asOf: date("2026-05-01")).first { $0.evidence.contains(broken.entry) })
        _ = try await world.kit.confirm(
            finding, on: date("2026-04-10"), by: "市信用办", authority: Authority(name: "秦皇岛市社会信用体系建设领导小组办公室"),
            documentNumber: "秦信用办〔2026〕9号")
        let after = try card(world, world.bureau.id, "2026-05-01")
        let commitments = indicator(after, "eval.commitments")
        // Kept 1 of 1 now: full points here; the record is deducted among the records, once.
        #expect(before.points < commitments.points && commitments.points == commitments.weight)
        #expect(commitments.items.contains { $0.reason.contains("已认定为失信记录") && $0.points == 0 })
        #expect(indicator(after, "eval.dishonesty").points < indicator(after, "eval.dishonesty").weight)
        // Before the day it was confirmed, the commitment still counts here.
        #expect(indicator(try card(world, world.bureau.id, "2026-04-09"), "eval.commitments").points == before.points)
    }
}

@Suite("Sector indicators")
struct SectorIndicatorTests {
    struct Payments: Indicator {
        var id: RuleID { "eval.test.payments" }
        var name: LocalizedName { LocalizedName(chinese: "付款", english: "payments") }
        var weight: Double { 25 }
        func score(_ subject: SubjectID, in context: EvaluationContext) -> IndicatorScore {
            IndicatorScore(indicator: id, name: name, weight: weight, points: 0, items: [], improvements: [])
        }
    }

    struct TestModule: SectorModule {
        var id: SectorID { "test" }
        var name: LocalizedName { LocalizedName(chinese: "测试", english: "test") }
        var indicators: [any Indicator] { [Payments()] }
    }

    @Test("a module's indicator joins the model and the weights still add up to 100")
    func joins() async throws {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [TestModule()], clock: FixedClock.demo)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: LocalDate("2020-01-01")!)
        let card = try #require(try kit.evaluate(asOf: LocalDate("2026-01-01")!).first)
        #expect(card.indicators.count == 8)
        #expect(abs(card.indicators.reduce(0) { $0 + $1.weight } - 100) < 0.0001)
        #expect(card.score == 80)
    }

}
