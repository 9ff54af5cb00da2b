import CreditKitCore

/// The checks every `SectorModule` must pass (领域模块一致性测试).
public enum SectorModuleConformance {
    /// Checks a module: a well-formed ID (lower-case letters, digits and hyphens), both names, event kinds, rule
    /// figures, check rules and sanction rules that start with the ID and a dot (sanction rules: `sanction.` and
    /// the ID) and do not clash with the core's, a registry that builds, a figure for every rule a check declares,
    /// and checks that find nothing in an empty ledger.
    /// - Parameter module: The module.
    /// - Throws: ``ConformanceFailure`` saying what is wrong.
    public static func check(_ module: some SectorModule) async throws {
        let id = module.id.rawValue
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !id.isEmpty, id.allSatisfy(allowed.contains), id.first != "-", id.last != "-" else {
            throw ConformanceFailure(message: "sector ID '\(id)' is not lower-case letters, digits and hyphens")
        }
        guard !module.name.chinese.isEmpty, !module.name.english.isEmpty else {
            throw ConformanceFailure(message: "module \(id) lacks a Chinese or an English name")
        }
        for type in module.eventTypes {
            guard type.kind.rawValue.hasPrefix(id + "."), !EventRegistry.core.knows(type.kind) else {
                throw ConformanceFailure(message: "module \(id) has event kind '\(type.kind)' outside its namespace")
            }
        }
        do { _ = try EventRegistry.core(with: [module]) } catch {
            throw ConformanceFailure(message: "module \(id) does not register: \(error)")
        }
        for figure in module.ruleFigures where !figure.rule.rawValue.hasPrefix(id + ".") {
            throw ConformanceFailure(message: "module \(id) has rule figure \(figure.rule) outside its namespace")
        }
        for rule in module.sanctionRules where !rule.id.rawValue.hasPrefix("sanction.\(id).") {
            throw ConformanceFailure(
                message: "module \(id) has sanction rule \(rule.id); it must start with sanction.\(id).")
        }
        for rule in module.incentiveRules where !rule.id.rawValue.hasPrefix("incentive.\(id).") {
            throw ConformanceFailure(
                message: "module \(id) has incentive rule \(rule.id); it must start with incentive.\(id).")
        }
        let kit: CreditKit
        do {
            kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [module], clock: FixedClock.demo)
        } catch {
            throw ConformanceFailure(message: "module \(id) does not open a kit: \(error)")
        }
        for check in module.checks {
            for rule in check.rules {
                guard rule.rawValue.hasPrefix(id + ".") else {
                    throw ConformanceFailure(
                        message: "module \(id) has a check declaring \(rule), outside its namespace")
                }
                do { _ = try kit.profile.figure(rule, on: FixedClock.demo.today) } catch {
                    throw ConformanceFailure(message: "rule \(rule) of module \(id) has no figure in force: \(error)")
                }
            }
        }
        let findings: [Finding]
        do { findings = try kit.runChecks() } catch {
            throw ConformanceFailure(message: "module \(id)'s checks fail on an empty ledger: \(error)")
        }
        if !findings.isEmpty {
            throw ConformanceFailure(
                message: "module \(id)'s checks find \(findings.count) findings in an empty ledger")
        }
    }
}
