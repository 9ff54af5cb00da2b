import CreditKitCore
import Foundation

/// The checks every `SectorModule` must pass (领域模块一致性测试).
public enum SectorModuleConformance {
    /// Checks a module: a well-formed ID (lower-case letters, digits and hyphens), both names, event kinds, rule
    /// figures, check rules and sanction rules that start with the ID and a dot (sanction rules: `sanction.` and
    /// the ID) and do not clash with the core's, a registry that builds, a figure for every rule a check declares,
    /// checks that find nothing in an empty ledger, and sample events that round-trip (see
    /// ``checkSamples(_:)``).
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
                // Known to the profile: a rule whose versions all ended (a regime replaced) still judges old cases.
                do { _ = try kit.profile.figureInForce(rule, on: FixedClock.demo.today) } catch {
                    throw ConformanceFailure(
                        message: "rule \(rule) of module \(id) has no figure in the profile: \(error)")
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
        try await checkSamples(module)
    }

    /// Checks a module's sample events: there is one of every case fact type it registers; they are accepted into
    /// an SQLite ledger; after the file is closed and reopened each entry decodes to an event whose canonical bytes
    /// are the stored ones; and the fold gives back every case the samples name, each once.
    /// - Parameter module: The module.
    /// - Throws: ``ConformanceFailure`` saying what is wrong.
    public static func checkSamples(_ module: some SectorModule) async throws {
        let id = module.id.rawValue
        // A township-level body: the one level every module's cases accept (the townships module's need it).
        let agency = Fixtures.agency(index: 1, level: .township)
        let supervisor = Fixtures.agency(index: 2)
        let enterprise = Fixtures.enterprise(index: 3)
        let first = try LocalDate(year: 2025, month: 1, day: 2)
        let samples = module.sampleEvents(
            SampleSubjects(agency: agency.id, enterprise: enterprise.id, supervisor: supervisor.id, day: first))
        let sampled = Set(samples.map { type(of: $0).kind })
        for type in module.eventTypes where type is any AnyCaseEvent.Type && !sampled.contains(type.kind) {
            throw ConformanceFailure(message: "module \(id) has no sample of its case fact '\(type.kind)'")
        }
        guard !samples.isEmpty else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "creditkit-conformance-\(id)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            // A temporary folder left behind is harmless: failing to remove it means nothing to the verdict.
            try? FileManager.default.removeItem(at: directory)
        }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do {
            let kit = try CreditKit(
                store: .sqlite(path), keys: Fixtures.keys, modules: [module], clock: FixedClock.demo)
            try await kit.register(agency, on: first.adding(days: -1))
            try await kit.register(supervisor, on: first.adding(days: -1))
            try await kit.register(enterprise, on: first.adding(days: -1))
            try await kit.append(samples)
        } catch {
            throw ConformanceFailure(message: "module \(id)'s samples are refused: \(error)")
        }
        let kit: CreditKit
        do {
            kit = try CreditKit(store: .sqlite(path), keys: Fixtures.keys, modules: [module], clock: FixedClock.demo)
        } catch {
            throw ConformanceFailure(message: "module \(id)'s ledger does not reopen: \(error)")
        }
        let view = kit.view
        let entries = try kit.ledger.read((1...max(1, view.head.sequence)).map(LedgerEntry.ID.init))
        var cases: Set<String> = []
        for entry in entries where entry.kind.rawValue.hasPrefix(id + ".") {
            let event = try kit.ledger.registry.decode(entry)
            let again = try CanonicalEncoder().encode(event)
            guard again == entry.payload else {
                throw ConformanceFailure(
                    message: "module \(id)'s '\(entry.kind)' does not re-encode to its stored bytes: "
                        + "stored \(String(decoding: entry.payload, as: UTF8.self)), "
                        + "again \(String(decoding: again, as: UTF8.self))")
            }
            if let fact = event as? any AnyCaseEvent {
                cases.insert(caseKey(fact))
            }
        }
        var folded: [String] = []
        for type in Set(samples.compactMap { event in (event as? any AnyCaseEvent).map { stateName($0) } }) {
            folded += try fold(type, kit: kit, view: view)
        }
        guard folded.sorted() == cases.sorted() else {
            throw ConformanceFailure(
                message: "module \(id)'s fold gives cases \(folded.sorted()), the samples name \(cases.sorted())")
        }
    }

    static func caseKey<E: AnyCaseEvent>(_ event: E) -> String {
        "\(E.State.sector)|\(E.State.caseKey)|\(event.owner)|\(event.caseID)"
    }

    static func stateName<E: AnyCaseEvent>(_ event: E) -> AnyCaseStateType { AnyCaseStateType(E.State.self) }

    static func fold(_ type: AnyCaseStateType, kit: CreditKit, view: CoreView) throws -> [String] {
        try type.fold(kit.ledger, view)
    }
}

/// A case state type, hashable by the type itself (a sector may have several kinds of case), with its fold.
struct AnyCaseStateType: Hashable, Sendable {
    let type: ObjectIdentifier
    let fold: @Sendable (Ledger, CoreView) throws -> [String]

    init<State: CaseState>(_ type: State.Type) {
        self.type = ObjectIdentifier(State.self)
        fold = { ledger, view in
            try ledger.cases(State.self, view: view, asOf: .distantFuture).map {
                "\(State.sector)|\(State.caseKey)|\($0.caseRef.owner)|\($0.caseRef.id)"
            }
        }
    }

    static func == (a: Self, b: Self) -> Bool { a.type == b.type }
    func hash(into hasher: inout Hasher) { hasher.combine(type) }
}
