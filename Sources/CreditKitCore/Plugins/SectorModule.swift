/// A sector module (领域模块): a plugin that contributes its own event types, and later its checks, sanction
/// rules, indicators and report sections, registered once when the kit is created.
///
/// A sector module depends on the core only, never on another sector. Its event kinds start with its
/// ``id`` and a dot (`procurement.payment.made`).
public protocol SectorModule: Sendable {
    /// The sector's stable identifier, for example `procurement`.
    var id: SectorID { get }
    /// The sector's name in Chinese and English.
    var name: LocalizedName { get }
    /// The event types the module adds to the ledger.
    var eventTypes: [any LedgerEvent.Type] { get }
    /// The checks the module runs over the ledger.
    var checks: [any IntegrityCheck] { get }
    /// The sanction rules the module adds to the kit's policy (ids start with `sanction.` and the module's id).
    var sanctionRules: [SanctionRule] { get }
    /// The incentive rules the module adds to the kit's policy (ids start with `incentive.` and the module's id).
    var incentiveRules: [IncentiveRule] { get }
    /// The rules the module declares (each once, with its figures), for the catalogue and the rule list.
    var rules: [RuleDeclaration] { get }
    /// The rule figures the module needs in the national profile, as defaults a local profile may override; by
    /// default every version of every declared rule.
    var ruleFigures: [RuleFigure] { get }
    /// The evaluation indicators the module adds to the scoring model.
    var indicators: [any Indicator] { get }
    /// The sections the module adds to a subject's credit file.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The sections; none by default.
    /// - Throws: When the module's facts cannot be read; the credit file then fails rather than leave it out.
    func reportSections(_ context: ReportContext) throws -> [ReportSection]
    /// The report kinds the module adds to the tools; none by default.
    var reports: [ModuleReport] { get }
    /// The CSV layouts the module reads (`creditkit import`); none by default.
    var csvLayouts: [ModuleCSVLayout] { get }
    /// The commands the module adds to the tools (`creditkit <module> <command>`); none by default.
    var tools: [ModuleTool] { get }
    /// How its findings' facts read for an official (事实标签): a Chinese label per fact name, and per name the
    /// Chinese of the values it takes; none by default (the core's labels, then the name itself, are shown).
    var factLabels: FactLabels { get }
    /// Whether the module's checks judge the commitments its own facts make (``CommitmentFacts``), so the core's
    /// `commitment.*` checks leave them alone; they still count in the promisor's commitment record and score.
    /// `false` by default.
    var judgesCommitments: Bool { get }
    /// One small story's facts for the conformance suite (一致性样例): at least one event of every case fact type the
    /// module registers, about the subjects the suite registered, valid in the order given.
    /// - Parameter subjects: The registered agency and enterprise, and the first day to use.
    /// - Returns: The events; none by default (a module without case facts).
    func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent]
}

/// The subjects the conformance suite registers before it appends a module's ``SectorModule/sampleEvents(_:)``.
public struct SampleSubjects: Sendable {
    /// A registered agency, to own cases: a township-level body (乡镇（街道）), which every module's cases accept.
    public var agency: SubjectID
    /// A registered enterprise, to be a counterparty or an agent.
    public var enterprise: SubjectID
    /// A second registered agency, to supervise.
    public var supervisor: SubjectID
    /// The first day the samples may use; both subjects are registered by then.
    public var day: LocalDate

    /// Names the subjects.
    /// - Parameters:
    ///   - agency: A registered agency.
    ///   - enterprise: A registered enterprise.
    ///   - supervisor: A second registered agency.
    ///   - day: The first day.
    public init(agency: SubjectID, enterprise: SubjectID, supervisor: SubjectID, day: LocalDate) {
        self.agency = agency
        self.enterprise = enterprise
        self.supervisor = supervisor
        self.day = day
    }
}

extension SectorModule {
    /// No event types of its own.
    public var eventTypes: [any LedgerEvent.Type] { [] }
    /// No checks of its own.
    public var checks: [any IntegrityCheck] { [] }
    /// No sanction rules of its own.
    public var sanctionRules: [SanctionRule] { [] }
    /// No incentive rules of its own.
    public var incentiveRules: [IncentiveRule] { [] }
    /// No rules of its own.
    public var rules: [RuleDeclaration] { [] }
    /// Every version of every declared rule.
    public var ruleFigures: [RuleFigure] { rules.flatMap(\.figures) }
    /// No indicators of its own.
    public var indicators: [any Indicator] { [] }
    /// No report sections of its own.
    /// - Parameter context: Unused.
    /// - Returns: None.
    public func reportSections(_ context: ReportContext) -> [ReportSection] { [] }
    /// None.
    public var reports: [ModuleReport] { [] }
    /// None.
    public var csvLayouts: [ModuleCSVLayout] { [] }
    /// None.
    public var tools: [ModuleTool] { [] }
    /// None.
    public var factLabels: FactLabels { FactLabels() }
    /// No.
    public var judgesCommitments: Bool { false }
    /// None.
    /// - Parameter subjects: Unused.
    /// - Returns: No events.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] { [] }
}

/// A name in Simplified Chinese and English.
public struct LocalizedName: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The Chinese name (zh-Hans).
    public var chinese: String
    /// The English name.
    public var english: String

    /// Makes a name.
    /// - Parameters:
    ///   - chinese: The Chinese name.
    ///   - english: The English name.
    public init(chinese: String, english: String) {
        self.chinese = chinese
        self.english = english
    }

    /// `中文 (English)`.
    public var description: String { "\(chinese) (\(english))" }
}

extension EventRegistry {
    /// The core's events plus those of the given modules.
    /// - Parameter modules: The sector modules.
    /// - Returns: The registry.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when two modules share an ID, or a module's event kind
    ///   does not start with its ID and a dot, or clashes with another kind.
    public static func core(with modules: [any SectorModule]) throws -> EventRegistry {
        var registry = EventRegistry.core
        var seen: Set<SectorID> = []
        for module in modules {
            guard seen.insert(module.id).inserted else {
                throw CreditKitError(.invalidArgument, "two modules share the sector ID '\(module.id)'")
            }
            for type in module.eventTypes {
                guard type.kind.rawValue.hasPrefix(module.id.rawValue + ".") else {
                    throw CreditKitError(
                        .invalidArgument,
                        "module \(module.id) defines kind '\(type.kind)', which must start with '\(module.id).'")
                }
                guard !registry.knows(type.kind) else {
                    throw CreditKitError(.invalidArgument, "event kind '\(type.kind)' is registered twice")
                }
                registry.register(type)
            }
        }
        return registry
    }
}
