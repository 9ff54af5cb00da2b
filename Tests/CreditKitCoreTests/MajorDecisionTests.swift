import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Major decisions and lifelong accountability")
struct MajorDecisionTests {
    func date(_ s: String) -> LocalDate { LocalDate(s)! }

    func steps(
        commentEnd: String = "2026-03-30", reviewEnd: String = "2026-04-10", discussion: String = "2026-04-13",
        reason: String? = nil, without: DecisionStepKind? = nil
    ) -> [DecisionStep] {
        [
            DecisionStep(
                kind: .publicParticipation, start: date("2026-03-01"), end: date(commentEnd), document: "征求意见公告",
                reasonForShortPeriod: reason),
            DecisionStep(
                kind: .expertArgumentation, start: date("2026-03-20"), end: date("2026-03-20"), document: "专家论证意见"),
            DecisionStep(kind: .riskAssessment, start: date("2026-03-21"), end: date("2026-03-25"), document: "风险评估报告"),
            DecisionStep(kind: .legalityReview, start: date("2026-04-01"), end: date(reviewEnd), document: "合法性审查意见书"),
            DecisionStep(
                kind: .collectiveDiscussion, start: date(discussion), end: date(discussion), document: "常务会议纪要"),
            DecisionStep(kind: .publication, start: date("2026-04-20"), end: date("2026-04-20"), document: "决定公告"),
            DecisionStep(kind: .archive, start: date("2026-04-30"), end: date("2026-04-30"), document: "档案号2026-17"),
        ].filter { $0.kind != without }
    }

    @Test("a decision with every step, a 30-day comment period and 7 working days of review is clean")
    func clean() async throws {
        let world = try await LifecycleWorld()
        // Review 1-10 April 2026: 1, 2, 3, 7, 8, 9, 10 April (Qingming closes 4-6 April).
        try await world.kit.record(
            MajorDecisionMade(agency: world.bureau.id, title: "城区公交线网优化", decidedOn: date("2026-04-13"), steps: steps())
        )
        #expect(try world.kit.decisionFindings(asOf: date("2026-05-01")).isEmpty)
    }

    @Test("29 days of comment without a reason, 6 working days of review, discussion before review: each a finding")
    func shortSteps() async throws {
        let world = try await LifecycleWorld()
        try await world.kit.record(
            MajorDecisionMade(
                agency: world.bureau.id, title: "出租车运力调整", decidedOn: date("2026-04-13"),
                steps: steps(commentEnd: "2026-03-29", reviewEnd: "2026-04-09", discussion: "2026-04-09")))
        let rules = try world.kit.decisionFindings(asOf: date("2026-05-01")).map { $0.rule.rawValue }.sorted()
        #expect(rules == ["decision.legality-review", "decision.legality-review", "decision.public-comment"])
        try await world.kit.record(
            MajorDecisionMade(
                agency: world.regulator.id, title: "应急采购", decidedOn: date("2026-04-13"),
                steps: steps(commentEnd: "2026-03-10", reason: "防汛应急，依法缩短征求意见期限")))
        #expect(
            try world.kit.decisionFindings(asOf: date("2026-05-01")).filter { $0.subject == world.regulator.id }.isEmpty
        )
    }

    @Test("a missing step names who was in post on the decision day, and they still answer after moving post")
    func missingStepAndAccountability() async throws {
        let world = try await LifecycleWorld()
        let head = try await world.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 8), name: "孙卫东", on: date("2020-01-01"))
        let tenure = try await world.kit.startTenure(
            Tenure(official: head.id, agency: world.bureau.id, post: "局长", isPrincipal: true, start: date("2022-01-01"))
        )
        let decision = try await world.kit.record(
            MajorDecisionMade(
                agency: world.bureau.id, title: "停车收费调整", decidedOn: date("2026-04-13"),
                steps: steps(without: .riskAssessment)))
        try await world.kit.endTenure(tenure, on: date("2026-06-30"), reason: .transfer)
        try await world.kit.startTenure(
            Tenure(
                official: head.id, agency: world.regulator.id, post: "副局长", isPrincipal: false,
                start: date("2026-07-01")))
        try await world.kit.holdAccountable(
            head.id, for: decision, of: world.bureau.id, form: .admonishingTalk, on: date("2026-09-01"), by: "市纪委监委")

        let f = try #require(try world.kit.decisionFindings(asOf: date("2026-10-01")).first)
        #expect(f.rule == "decision.step.missing" && f.fact("missingStep") == "风险评估")
        #expect(f.fact("principal")?.hasPrefix(head.id.rawValue) == true)
        #expect(f.fact("principal")?.contains("现任 \(world.regulator.id) 副局长") == true)
        #expect(f.fact("accountability")?.contains("诫勉谈话") == true)
        // The Qinhuangdao plan adds an integrity assessment (廉洁性评估) to the steps.
        var local = try JurisdictionProfile.national.overriding(
            id: "qinhuangdao", name: LocalizedName(chinese: "秦皇岛市", english: "Qinhuangdao"), figures: [])
        local.majorDecisionSteps.append(.integrityAssessment)
        let checked = try DecisionChecks(profile: local).run(
            MajorDecisionMade(agency: world.bureau.id, title: "x", decidedOn: date("2026-04-13"), steps: steps()),
            sequence: 1,
            view: world.kit.view, asOf: date("2026-05-01"))
        #expect(checked.map { $0.fact("missingStep") } == ["廉洁性评估"])
    }

    @Test("accountability for a decision of another agency, or for an unknown decision, is refused")
    func refusedAccountability() async throws {
        let world = try await LifecycleWorld()
        let head = try await world.kit.registerOfficial(
            residentID: Fixtures.residentID(index: 9), name: "周海涛", on: date("2020-01-01"))
        let decision = try await world.kit.record(
            MajorDecisionMade(agency: world.bureau.id, title: "x", decidedOn: date("2026-04-13"), steps: steps()))
        try await world.refused(.invalidEvent) {
            try await world.kit.holdAccountable(
                head.id, for: decision, of: world.regulator.id, form: .criticism, on: date("2026-05-01"), by: "纪委")
        }
        try await world.refused(.invalidEvent) {
            try await world.kit.holdAccountable(
                head.id, for: 1, of: world.bureau.id, form: .criticism, on: date("2026-05-01"), by: "纪委")
        }
    }
}
