import CreditKitCore
import Foundation

/// How a file's data is read before any rule (数据准备), as OCP Cardinal's `prepare` step reads it: the same for
/// every module that reads the file.
public struct OCDSPreparation: Sendable, Hashable {
    /// Local bid statuses and the OCDS ones they mean (Armenia: `qualified` → `valid`, `not-qualified` →
    /// `disqualified`).
    public var bidStatuses: [String: String]
    /// The currency bid prices are compared in; by default the first one a process's bids use.
    public var currency: String?
    /// Read every release as a PPP's (`creditkit ocds check --ppp`), for data that marks its PPPs by neither
    /// charges nor performance failures.
    public var everyReleaseIsPPP = false

    /// Makes a preparation.
    /// - Parameters:
    ///   - bidStatuses: Local bid statuses and the OCDS ones they mean.
    ///   - currency: The currency prices are compared in.
    public init(bidStatuses: [String: String] = [:], currency: String? = nil) {
        self.bidStatuses = bidStatuses
        self.currency = currency
    }
}

/// A sector module that reads open-contracting data (读取开放合同数据的领域模块): it checks releases its law
/// governs and turns them into ledger facts. `creditkit ocds check|import` and the benchmark loop over the
/// registered modules that conform.
public protocol OCDSModule: SectorModule {
    /// The case a release becomes.
    associatedtype OCDSCase: CaseState
    /// What the module checks and imports from open-contracting data, in a line or two for the tools' help.
    var ocdsSummary: String { get }
    /// Whether the module's law governs a release. Procurement and bidding divide releases by category; PPP adds
    /// itself to a PPP's release, whose concessionaire is selected by procurement.
    /// - Parameter release: The release.
    /// - Returns: `true` when the module checks and imports it.
    func governs(_ release: OCDSRelease) -> Bool
    /// The module's checks over one file, fresh for each run.
    /// - Parameters:
    ///   - profile: The profile whose figures apply.
    ///   - preparation: How the data is read.
    /// - Returns: The checks.
    /// - Throws: When the module's figures do not fit the profile.
    func ocdsCheck(profile: JurisdictionProfile, preparation: OCDSPreparation) throws -> any OCDSCheck
    /// The ledger facts of one release the module governs, as a case of the buyer's agency.
    /// - Parameters:
    ///   - release: The release.
    ///   - owner: The buyer's registered agency.
    ///   - tally: Where facts the data gets wrong are counted (they are left out).
    /// - Returns: The facts, or none when the release has no date to register its case on.
    func ocdsFacts(for release: OCDSRelease, owner: SubjectID, tally: inout OCDSImportTally) -> [any LedgerEvent]
    /// The cases the ledger holds already, so a second import adds nothing; by default every ``OCDSCase`` folded.
    /// - Parameter kit: The kit.
    /// - Returns: The cases' owners and numbers.
    /// - Throws: Storage and decoding errors.
    func ocdsCasesHeld(in kit: CreditKit) throws -> Set<OCDSCaseKey>
}

extension OCDSModule {
    /// Every case of the module's kind the ledger holds.
    /// - Parameter kit: The kit.
    /// - Returns: The cases' owners and numbers.
    /// - Throws: Storage and decoding errors.
    public func ocdsCasesHeld(in kit: CreditKit) throws -> Set<OCDSCaseKey> {
        Set(
            try kit.ledger.cases(OCDSCase.self, view: kit.view, asOf: .distantFuture).map {
                OCDSCaseKey(owner: $0.caseRef.owner, id: $0.caseRef.id.rawValue)
            })
    }
}

/// A case an import found or skipped: its owner and number.
public struct OCDSCaseKey: Hashable, Sendable {
    /// The owner.
    public var owner: SubjectID
    /// The case number (the ocid for imported cases).
    public var id: String

    /// Makes a key.
    /// - Parameters:
    ///   - owner: The owner.
    ///   - id: The case number.
    public init(owner: SubjectID, id: String) {
        self.owner = owner
        self.id = id
    }
}

/// What a module counts while it turns releases into facts.
public struct OCDSImportTally: Sendable, Hashable {
    /// Facts left out because the data gets them wrong (a deadline before the documents, a notice before the
    /// award, a payment that is not positive).
    public var inconsistentFacts = 0
    /// Counterparty identifiers of the credit code's form that fail its check, left out (the names kept), each
    /// counted once however often the file names it.
    public var invalidCreditCodes: Set<String> = []

    /// An empty tally.
    public init() {}
}

/// A module's checks over one file of releases (开放合同数据核查), in reading order; what needs the whole file
/// (R038's ratios) comes at ``finish(asOf:)``. Two checks over two parts of a file can be merged.
public protocol OCDSCheck: Sendable {
    /// Checks one release.
    /// - Parameters:
    ///   - release: The release.
    ///   - asOf: The day looked at.
    /// - Returns: The findings on it.
    /// - Throws: When the profile lacks a rule's figure.
    mutating func check(_ release: OCDSRelease, asOf: LocalDate) throws -> [Finding]
    /// Takes in what another check of the same module gathered over another part of the file.
    /// - Parameter other: The other check.
    /// - Throws: `CreditKitError` (`invalidArgument`) when it is another module's.
    mutating func merge(_ other: any OCDSCheck) throws
    /// The findings over the whole file, once every part was read and merged.
    /// - Parameter asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    mutating func finish(asOf: LocalDate) throws -> [Finding]
}

extension OCDSCheck {
    /// Nothing to merge.
    /// - Parameter other: Unused.
    public mutating func merge(_ other: any OCDSCheck) throws {}
    /// Nothing over the whole file.
    /// - Parameter asOf: Unused.
    /// - Returns: None.
    public mutating func finish(asOf: LocalDate) throws -> [Finding] { [] }
}

/// Runs every OCDS-reading module over a file (开放合同数据核查与导入): the one loop `creditkit ocds` and the
/// benchmark use.
public enum OCDSRun {
    /// The modules among those given that read OCDS, in their order.
    /// - Parameter modules: The registered modules.
    /// - Returns: Those that conform to ``OCDSModule``.
    public static func readers(_ modules: [any SectorModule]) -> [any OCDSModule] {
        modules.compactMap { $0 as? any OCDSModule }
    }

    /// Fresh checks of every module that reads OCDS.
    /// - Parameters:
    ///   - modules: The registered modules.
    ///   - profile: The profile whose figures apply.
    ///   - preparation: How the data is read.
    /// - Returns: The checks, in the modules' order.
    /// - Throws: When a module's figures do not fit the profile.
    public static func checks(
        _ modules: [any SectorModule], profile: JurisdictionProfile = .national,
        preparation: OCDSPreparation = OCDSPreparation()
    ) throws -> [any OCDSCheck] {
        try readers(modules).map { try $0.ocdsCheck(profile: profile, preparation: preparation) }
    }

    /// Reads a file (or one part of it, cut by ``OCDSReader/parts(of:count:)``) and runs checks on each release, in
    /// reading order, module by module; the checks keep what the whole file needs for ``finish(_:asOf:)``.
    /// - Parameters:
    ///   - path: The file.
    ///   - part: A part's byte range, or `nil` for the whole file.
    ///   - checks: The checks.
    ///   - asOf: The day looked at.
    /// - Returns: The findings and the reader's report.
    /// - Throws: Reading errors; a rule figure the profile lacks.
    public static func read(
        path: String, part: Range<Int>? = nil, checks: inout [any OCDSCheck], asOf: LocalDate
    ) throws -> (findings: [Finding], report: OCDSReader.Report) {
        var findings: [Finding] = []
        func each(_ release: OCDSRelease) throws {
            let first = findings.count
            for i in checks.indices { findings += try checks[i].check(release, asOf: asOf) }
            // A finding on an OCDS organisation carries its name from the release, for the reader.
            for i in first..<findings.count where findings[i].fact("name") == nil {
                let subject = findings[i].subject.rawValue
                guard subject.hasPrefix("ocds:") else { continue }
                let id = String(subject.dropFirst(5))
                let name = release.buyer?.id == id ? release.buyer?.name : release.parties.first { $0.id == id }?.name
                if let name { findings[i].facts.append(Finding.Fact("name", name)) }
            }
        }
        let report =
            try part.map { try OCDSReader.read(path: path, part: $0, each) } ?? OCDSReader.read(path: path, each)
        return (findings, report)
    }

    /// The findings over the whole file, module by module.
    /// - Parameters:
    ///   - checks: The checks, every part merged in.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public static func finish(_ checks: inout [any OCDSCheck], asOf: LocalDate) throws -> [Finding] {
        var out: [Finding] = []
        for i in checks.indices { out += try checks[i].finish(asOf: asOf) }
        return out
    }

    /// Reads a file and runs every OCDS-reading module's checks: what `creditkit ocds check` does.
    /// - Parameters:
    ///   - path: The file.
    ///   - modules: The registered modules.
    ///   - profile: The profile whose figures apply.
    ///   - preparation: How the data is read.
    ///   - asOf: The day looked at.
    /// - Returns: The findings in reading order, then those over the whole file, and the reader's report.
    /// - Throws: Reading errors; a rule figure the profile lacks.
    public static func check(
        path: String, modules: [any SectorModule], profile: JurisdictionProfile = .national,
        preparation: OCDSPreparation = OCDSPreparation(), asOf: LocalDate
    ) throws -> (findings: [Finding], report: OCDSReader.Report) {
        var checks = try checks(modules, profile: profile, preparation: preparation)
        let (findings, report) = try read(path: path, checks: &checks, asOf: asOf)
        return (findings + (try finish(&checks, asOf: asOf)), report)
    }
}
