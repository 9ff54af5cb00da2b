import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("JurisdictionProfile")
struct JurisdictionProfileTests {
    let national = JurisdictionProfile.national

    @Test("a penalty is published within 7 working days: last allowed day and first late one, across a holiday")
    func penaltyPublication() throws {
        // Decided Friday 26 September 2025; National Day and Mid-Autumn close 1-8 October, Sunday 28 September
        // and Saturday 11 October are working days.
        let (deadline, figure) = try national.deadline("disclosure.penalty.publication", from: LocalDate("2025-09-26")!)
        #expect(figure.figure == Figure(7, .workingDays))
        #expect(deadline.due == LocalDate("2025-10-13"))
        #expect(deadline.isMet(on: LocalDate("2025-10-13")!))
        #expect(!deadline.isMet(on: LocalDate("2025-10-14")!))
    }

    @Test(
        "display periods follow the regime in force on the decision date",
        arguments: [
            ("2023-04-30", Severity.serious, "minimum", Figure(6, .months)),
            ("2023-05-01", Severity.serious, "minimum", Figure(1, .years)),
            ("2026-03-31", Severity.minor, "maximum", Figure(3, .months)),
            ("2026-04-01", Severity.minor, "maximum", Figure(3, .months)),
            ("2026-04-01", Severity.ordinary, "minimum", Figure(3, .months)),
            ("2019-06-01", Severity.ordinary, "maximum", Figure(1, .years)),
        ])
    func regimes(date: String, severity: Severity, bound: String, expected: Figure) throws {
        let figure = try national.figure(RuleID("record.display.\(bound).\(severity.rawValue)"), on: LocalDate(date)!)
        #expect(figure.figure == expected)
    }

    @Test("the regime switch happens on 1 April 2026")
    func order36Switch() throws {
        let before = try national.figure("record.display.maximum.serious", on: LocalDate("2026-03-31")!)
        let after = try national.figure("record.display.maximum.serious", on: LocalDate("2026-04-01")!)
        #expect(before.basis != after.basis)
        #expect(after.basis.contains { $0.document.contains("第36号") })
        #expect(!before.confirmed && after.confirmed)
    }

    @Test("local profiles override the national default and inherit the rest")
    func localOverrides() throws {
        let day = LocalDate("2025-06-03")!
        #expect(try national.figure("objection.decision", on: day).confirmed == false)
        for (id, days) in [("shanghai", 5), ("shandong", 3), ("henan", 3), ("zhejiang", 5)] {
            let profile = try #require(JurisdictionProfile.named(id))
            let figure = try profile.figure("objection.decision", on: day)
            #expect(figure.figure == Figure(Decimal(days), .workingDays), "\(id)")
            #expect(figure.confirmed, "\(id)")
            #expect(try profile.figure("disclosure.penalty.publication", on: day).figure == Figure(7, .workingDays))
        }
        let shenzhen = try #require(JurisdictionProfile.named("shenzhen"))
        #expect(try shenzhen.figure("objection.provider-reply", on: day).figure == Figure(2, .workingDays))
        for id in ["hebei", "inner-mongolia", "liaoning", "heilongjiang"] {
            let profile = try #require(JurisdictionProfile.named(id))
            #expect(try profile.figure("objection.decision", on: day).confirmed == false, "\(id) is marked a default")
        }
    }

    @Test("Shandong decides an objection in 3 working days: last allowed day and first late one")
    func shandongObjection() throws {
        let shandong = try #require(JurisdictionProfile.named("shandong"))
        // Received Friday 30 January 2026: 2, 3 and 4 February.
        let (deadline, _) = try shandong.deadline("objection.decision", from: LocalDate("2026-01-30")!)
        #expect(deadline.due == LocalDate("2026-02-04"))
        #expect(!deadline.isMet(on: LocalDate("2026-02-05")!))
    }

    @Test("an unknown rule, a rule not yet in force and overlapping versions are refused clearly")
    func errors() throws {
        #expect { try national.figure("no.such.rule", on: LocalDate("2025-01-01")!) } throws: {
            ($0 as? CreditKitError)?.message.contains("no rule no.such.rule") == true
        }
        #expect { try national.figure("disclosure.penalty.withdrawal", on: LocalDate("2021-07-14")!) } throws: {
            ($0 as? CreditKitError)?.message.contains("in force on 2021-07-14") == true
        }
        let a = RuleFigure(
            rule: "x.y", title: LocalizedName(chinese: "甲", english: "a"), figure: Figure(1, .days), basis: [],
            from: LocalDate("2025-01-01"), through: LocalDate("2025-12-31"))
        var b = a
        b.from = LocalDate("2025-12-31")
        b.through = nil
        #expect(throws: CreditKitError.self) {
            try JurisdictionProfile(id: "t", name: LocalizedName(chinese: "测", english: "t"), figures: [a, b])
        }
        // A figure in hours is no deadline of days (Langfang's press conference within 24 hours).
        #expect(throws: CreditKitError.self) {
            try JurisdictionProfile.named("langfang-transport")!.deadline(
                "disclosure.emergency-press", from: LocalDate("2025-01-01")!)
        }
    }

    @Test("every rule id is well formed and has a basis and a title in both languages")
    func catalogueShape() {
        for profile in JurisdictionProfile.shipped {
            for row in profile.allFigures {
                #expect(row.rule.rawValue.split(separator: ".").count >= 2, "\(row.rule)")
                #expect(!row.basis.isEmpty && !row.title.chinese.isEmpty && !row.title.english.isEmpty, "\(row.rule)")
                // Minimum durations (display periods, decision steps) are counted plainly and say nothing of rest days.
                let minimum = row.rule.rawValue.hasPrefix("record.display") || row.rule.rawValue.hasPrefix("decision.")
                if row.figure.period != nil, !minimum {
                    #expect(
                        row.restDayExtension != nil,
                        "\(row.rule) is a period and must say whether the rest-day rule applies")
                }
            }
        }
    }

    @Test(
        "catalogued working-day figures no check applies yet: the last allowed day across National Day 2025",
        arguments: [
            ("disclosure.request.reply", "2025-10-30"), ("disclosure.request.extension", "2025-10-30"),
            ("repair.platform.feedback", "2025-10-16"),
            ("disclosure.proactive", "2025-10-30"),
        ])
    func workingDayFigures(rule: String, due: String) throws {
        // From Friday 26 September 2025: Sunday 28 September and Saturday 11 October are worked, 1-8 October off.
        let (deadline, _) = try JurisdictionProfile.national.deadline(RuleID(rule), from: LocalDate("2025-09-26")!)
        #expect(deadline.due == LocalDate(due)!)
    }

    @Test("figures in force from a day: the 2007 and 2019 open-government texts, SME reports from June 2025")
    func inForceFrom() throws {
        let national = JurisdictionProfile.national
        #expect(try national.figureInForce("disclosure.request.reply", on: LocalDate("2008-04-30")!) == nil)
        // The 2007 text's 15 working days (marked unconfirmed) to 14 May 2019, the 2019 text's 20 from the 15th.
        let old = try national.figureInForce("disclosure.request.reply", on: LocalDate("2019-05-14")!)
        #expect(old?.figure == Figure(15, .workingDays) && old?.confirmed == false)
        #expect(
            try national.figureInForce("disclosure.request.reply", on: LocalDate("2019-05-15")!)?.figure
                == Figure(20, .workingDays))
        #expect(try national.figureInForce("disclosure.sme-overdue-report", on: LocalDate("2025-05-31")!) == nil)
        #expect(
            try national.figureInForce("disclosure.sme-overdue-report", on: LocalDate("2025-06-01")!)?.figure
                == Figure(331, .monthDay))
    }

    @Test("Langfang's policy interpretation within 3 working days in its own profile, and the annual reports' days")
    func shortAndYearly() throws {
        let national = JurisdictionProfile.national
        // The Langfang transport bureau's limits are its own profile's, never national defaults.
        let langfang = try #require(JurisdictionProfile.named("langfang-transport"))
        let (deadline, _) = try langfang.deadline("disclosure.policy-interpretation", from: LocalDate("2025-09-26")!)
        #expect(deadline.due == LocalDate("2025-09-30")!)
        let (listChange, _) = try langfang.deadline("disclosure.list-change", from: LocalDate("2025-09-26")!)
        #expect(listChange.due == LocalDate("2025-10-16")!)
        #expect(throws: CreditKitError.self) {
            try national.deadline("disclosure.policy-interpretation", from: LocalDate("2025-09-26")!)
        }
        #expect(
            national.allFigures.allSatisfy { row in !row.basis.contains { $0.document.contains("廊坊") } },
            "no national figure cites the Langfang plan")
        #expect(
            try national.figure("disclosure.annual-report.department", on: LocalDate("2025-01-01")!).figure
                == Figure(131, .monthDay))
        #expect(
            try national.figure("disclosure.annual-report.government", on: LocalDate("2025-01-01")!).figure
                == Figure(331, .monthDay))
        // The 2007 text: every body by 31 March; the 2019 text moves departments to 31 January.
        #expect(
            try national.figureInForce("disclosure.annual-report.department", on: LocalDate("2019-05-14")!)?.figure
                == Figure(331, .monthDay))
        #expect(try national.figureInForce("disclosure.annual-report.department", on: LocalDate("2008-04-30")!) == nil)
    }

    @Test(
        "the semi-annual report is due on a local profile's day: none nationally, 10 July and 10 January in Qinhuangdao's"
    )
    func semiannualDue() async throws {
        func due(_ kit: CreditKit, _ asOf: String) throws -> String? {
            try kit.semiannualReport(asOf: LocalDate(asOf)!).keyFigures.first { $0.label.hasPrefix("报送截止") }?.value
        }
        // A local rule: the national profile has no day; the Qinhuangdao bureau's has 10 July and 10 January.
        let national = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        #expect(try due(national, "2026-07-01") == "未规定")
        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo,
            profile: try #require(JurisdictionProfile.named("qinhuangdao-transport")))
        #expect(try due(kit, "2026-07-01") == "2026-07-10")
        #expect(try due(kit, "2026-01-02") == "2026-01-10")
        let local = try JurisdictionProfile.national.overriding(
            id: "test-city", name: LocalizedName(chinese: "某市", english: "A city"),
            figures: [
                RuleFigure(
                    rule: "disclosure.semiannual-report.first-half",
                    title: LocalizedName(chinese: "上半年报告", english: "first-half report"),
                    figure: Figure(715, .monthDay), basis: [LegalCitation(document: "某市实施方案")]),
                RuleFigure(
                    rule: "disclosure.semiannual-report.second-half",
                    title: LocalizedName(chinese: "下半年报告", english: "second-half report"),
                    figure: Figure(120, .monthDay), basis: [LegalCitation(document: "某市实施方案")]),
            ])
        let city = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo, profile: local)
        #expect(try due(city, "2026-07-01") == "2026-07-15")
        #expect(try due(city, "2026-01-02") == "2026-01-20")
    }

    @Test("the national profile and policy cite national documents only; each plan is cited in its own place's profile")
    func citationsByPlace() throws {
        let plans = ["秦皇岛市交通运输局", "新巴尔虎左旗", "本溪市", "哈尔滨市", "廊坊市交通运输局"]
        func cites(_ basis: [LegalCitation]) -> [String] {
            plans.filter { plan in basis.contains { $0.document.contains(plan) } }
        }
        let national = JurisdictionProfile.national
        #expect(national.allFigures.flatMap { cites($0.basis) }.isEmpty)
        let policy = SanctionPolicy.default(for: national)
        #expect(policy.rules.flatMap { cites($0.legalBasis) }.isEmpty)
        #expect(policy.incentives.flatMap { cites($0.legalBasis) }.isEmpty)
        for (id, plan) in [
            ("qinhuangdao-transport", "秦皇岛市交通运输局"), ("xin-barag-left-banner", "新巴尔虎左旗"), ("benxi", "本溪市"),
            ("harbin", "哈尔滨市"),
        ] {
            let local = try #require(JurisdictionProfile.named(id))
            let rules = SanctionPolicy.default(for: local).rules
            // Its own plan, no other place's; the agencies' and officials' measures cite it.
            #expect(rules.allSatisfy { Set(cites($0.legalBasis)).isSubset(of: [plan]) }, "\(id)")
            #expect(rules.filter { cites($0.legalBasis) == [plan] }.count >= 7, "\(id)")
            // No plan's citation is a file name or a tag.
            #expect(
                rules.flatMap(\.legalBasis).allSatisfy {
                    !$0.document.contains("seed") && !$0.document.contains(".txt")
                })
        }
    }
}
