import CreditKitCore
import Foundation
import Testing

@testable import CreditKitTesting

/// A toy sector: a check that flags any agency with at least a number of dishonesty records, a figure for it, a
/// sanction rule of its own.
struct ToyModule: SectorModule {
    struct ManyRecords: IntegrityCheck {
        var rules: [RuleID] { ["toy.records.many"] }
        func run(_ context: CheckContext) throws -> [Finding] {
            let figure = try context.profile.figure("toy.records.many", on: context.asOf)
            let limit = NSDecimalNumber(decimal: figure.figure.value).intValue
            return context.view.subjects(ofKind: .agency, asOf: context.asOf).compactMap { state in
                let refs = context.view.references(for: state.subject.id, asOf: context.asOf).filter {
                    $0.role == .recordSubject && $0.severity != nil && $0.basis != .sectorFinding
                }
                guard refs.count >= limit else { return nil }
                return Finding(
                    rule: figure.rule, title: figure.title, basis: figure.basis, subject: state.subject.id,
                    severity: .minor,
                    facts: [Finding.Fact("records", String(refs.count))], dates: [], evidence: refs.map(\.entry),
                    asOf: context.asOf)
            }
        }
    }

    var id: SectorID { "toy" }
    var name: LocalizedName { LocalizedName(chinese: "示例", english: "Toy") }
    var checks: [any IntegrityCheck] { [ManyRecords()] }
    var ruleFigures: [RuleFigure] {
        [
            RuleFigure(
                rule: "toy.records.many", title: LocalizedName(chinese: "记录过多", english: "too many records"),
                figure: Figure(2, .count), basis: [LegalCitation(document: "示例规定")])
        ]
    }
    var sanctionRules: [SanctionRule] {
        [
            SanctionRule(
                id: "sanction.toy.tender-ban", severities: [.ordinary], subjectKinds: [.agency], target: .recordSubject,
                sectors: ["toy"], measures: [DepartmentMeasure("示例部门", .tenderExclusion, .years(1))],
                legalBasis: [LegalCitation(document: "示例规定")], confirmed: true)
        ]
    }
}

/// A module whose check reports a rule it does not declare.
struct RogueModule: SectorModule {
    struct Rogue: IntegrityCheck {
        var rules: [RuleID] { [] }
        func run(_ context: CheckContext) throws -> [Finding] {
            context.view.subjects(ofKind: .agency).map {
                Finding(
                    rule: "rogue.x", title: LocalizedName(chinese: "x", english: "x"), basis: [],
                    subject: $0.subject.id,
                    severity: .minor, facts: [], dates: [], evidence: [], asOf: context.asOf)
            }
        }
    }
    var id: SectorID { "rogue" }
    var name: LocalizedName { LocalizedName(chinese: "流氓", english: "Rogue") }
    var checks: [any IntegrityCheck] { [Rogue()] }
}

@Suite("Plugin API")
struct PluginTests {
    @Test("a module's check, figure and sanction rule join the kit; objective rules confirm automatically")
    func module() async throws {
        try await SectorModuleConformance.check(ToyModule())
        var profile = JurisdictionProfile.national
        profile.autoConfirmRules = ["toy.records.many"]
        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: [ToyModule()], clock: FixedClock.demo, profile: profile)
        let agency = Fixtures.agency(index: 1)
        try await kit.register(agency, on: LocalDate("2020-01-01")!)
        try await kit.enter(Fixtures.record(subject: agency.id, decisionDate: LocalDate("2026-01-05")!))
        #expect(try kit.runChecks().filter { $0.rule == "toy.records.many" }.isEmpty)
        var sectorRecord = Fixtures.record(subject: agency.id, decisionDate: LocalDate("2026-01-06")!)
        sectorRecord.sector = "toy"
        try await kit.enter(sectorRecord)
        let found = try kit.runChecks().filter { $0.rule == "toy.records.many" }
        #expect(found.count == 1 && found[0].fact("records") == "2")
        #expect(kit.check(agency.id, for: .tenderParticipation, on: LocalDate("2026-02-01")!)?.allowed == false)
        let confirmed = try await kit.confirmAutomatically(
            found, on: LocalDate("2026-02-01")!, authority: Authority(name: "市信用办"))
        #expect(confirmed.count == 1)
        #expect(
            try kit.runChecks().filter { $0.rule == "toy.records.many" }.isEmpty,
            "a decided finding is not reported again")
    }

    @Test("the conformance checks catch a module that reports undeclared rules")
    func rogue() async throws {
        await #expect(throws: ConformanceFailure.self) {
            // An agency makes the rogue check report; the empty-ledger check passes, so register one first.
            let kit = try CreditKit(
                store: .inMemory, keys: Fixtures.keys, modules: [RogueModule()], clock: FixedClock.demo)
            try await kit.register(Fixtures.agency(index: 1), on: LocalDate("2020-01-01")!)
            do { _ = try kit.runChecks() } catch { throw ConformanceFailure(message: "\(error)") }
        }
    }
}
