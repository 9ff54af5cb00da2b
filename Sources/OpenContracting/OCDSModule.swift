import CreditKitCore
import Foundation
import Synchronization

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
        let report = try read(path: path, part: part, checks: &checks, asOf: asOf) { findings.append($0) }
        return (findings, report)
    }

    /// Reads a file (or one part of it) and runs checks on each release, handing each finding to `emit` as it is
    /// made, in reading order: nothing is kept but what the checks keep for ``finish(_:asOf:)``.
    /// - Parameters:
    ///   - path: The file.
    ///   - part: A part's byte range, or `nil` for the whole file.
    ///   - checks: The checks.
    ///   - asOf: The day looked at.
    ///   - emit: Called with each finding.
    /// - Returns: The reader's report.
    /// - Throws: Reading errors; a rule figure the profile lacks; what `emit` throws.
    public static func read(
        path: String, part: Range<Int>? = nil, checks: inout [any OCDSCheck], asOf: LocalDate,
        emit: (Finding) throws -> Void
    ) throws -> OCDSReader.Report {
        func each(_ release: OCDSRelease) throws {
            for i in checks.indices {
                for var finding in try checks[i].check(release, asOf: asOf) {
                    // A finding on an OCDS organisation carries its name from the release, for the reader.
                    let subject = finding.subject.rawValue
                    if finding.fact("name") == nil, subject.hasPrefix("ocds:") {
                        let id = String(subject.dropFirst(5))
                        let name =
                            release.buyer?.id == id ? release.buyer?.name : release.parties.first { $0.id == id }?.name
                        if let name { finding.facts.append(Finding.Fact("name", name)) }
                    }
                    try emit(finding)
                }
            }
        }
        return try part.map { try OCDSReader.read(path: path, part: $0, each) } ?? OCDSReader.read(path: path, each)
    }

    /// Reads a file on up to `threads` threads and runs every OCDS-reading module's checks, handing every finding to
    /// `emit` in the order one thread would make them: what `creditkit ocds check` does, in bounded memory.
    ///
    /// A JSON Lines file is cut at line ends into one part per thread (a one-document file is read whole on the
    /// calling thread). The first part is read on the calling thread, its findings handed on as they are made; each
    /// later part is read at the same time on a thread of its own, its findings kept (past 4,096, in an unlinked
    /// temporary file made before anything is read, so nothing is left behind however the process ends) and handed
    /// on, in order, once the parts before it are done. Then every part's checks are merged
    /// and what needs the whole file (the red flags on organisations and R024's and R058's gaps) is handed on.
    /// - Parameters:
    ///   - path: The file.
    ///   - modules: The registered modules.
    ///   - profile: The profile whose figures apply.
    ///   - preparation: How the data is read.
    ///   - asOf: The day looked at.
    ///   - threads: How many threads at most (1 or more).
    ///   - emit: Called with each finding, on the calling thread.
    /// - Returns: The reader's report of the whole file.
    /// - Throws: Reading errors; a rule figure the profile lacks; a temporary file that cannot be written; what
    ///   `emit` throws.
    public static func check(
        path: String, modules: [any SectorModule], profile: JurisdictionProfile = .national,
        preparation: OCDSPreparation = OCDSPreparation(), asOf: LocalDate, threads: Int,
        emit: (Finding) throws -> Void
    ) throws -> OCDSReader.Report {
        try check(
            path: path, checks: { try Self.checks(modules, profile: profile, preparation: preparation) }, asOf: asOf,
            threads: threads, emit: emit)
    }

    /// As ``check(path:modules:profile:preparation:asOf:threads:emit:)``, with the checks each part runs made by
    /// `makeChecks` (fresh for each part; merged in file order at the end).
    /// - Parameters:
    ///   - path: The file.
    ///   - makeChecks: Makes one part's checks.
    ///   - asOf: The day looked at.
    ///   - threads: How many threads at most (1 or more).
    ///   - keepingInMemory: How many of a later part's findings wait in memory before the rest go to a temporary
    ///     file.
    ///   - emit: Called with each finding, on the calling thread.
    /// - Returns: The reader's report of the whole file.
    /// - Throws: As the other.
    public static func check(
        path: String, checks makeChecks: @escaping @Sendable () throws -> [any OCDSCheck], asOf: LocalDate,
        threads: Int, keepingInMemory: Int = 4_096, emit: (Finding) throws -> Void
    ) throws -> OCDSReader.Report {
        let parts = try OCDSReader.parts(of: path, count: max(threads, 1))
        var checks = try makeChecks()
        guard parts.count > 1 else {
            let report = try read(path: path, checks: &checks, asOf: asOf, emit: emit)
            for finding in try finish(&checks, asOf: asOf) { try emit(finding) }
            return report
        }
        typealias Part = (report: OCDSReader.Report, checks: [any OCDSCheck], spill: FindingSpill)
        // The later parts' temporary files, made before anything is read: a folder that cannot be written fails here.
        let spills = try parts.dropFirst().map { _ in try FindingSpill(keepingInMemory: keepingInMemory) }
        defer { for spill in spills { spill.remove() } }
        let later = Mutex<[Int: Result<Part, any Error>]>([:])
        let group = DispatchGroup()
        for i in parts.indices.dropFirst() {
            DispatchQueue.global().async(group: group) {
                let result = Result { () throws -> Part in
                    var checks = try makeChecks()
                    let spill = spills[i - 1]
                    do {
                        let report = try read(path: path, part: parts[i], checks: &checks, asOf: asOf) {
                            try spill.write($0)
                        }
                        try spill.close()
                        return (report, checks, spill)
                    } catch {
                        spill.remove()
                        throw error
                    }
                }
                later.withLock { $0[i] = result }
            }
        }
        var report: OCDSReader.Report
        do {
            report = try read(path: path, part: parts[0], checks: &checks, asOf: asOf, emit: emit)
        } catch {
            group.wait()
            for case .success(let part) in later.withLock({ $0.values }) { part.spill.remove() }
            throw error
        }
        group.wait()
        let done = later.withLock { $0 }
        defer { for case .success(let part) in done.values { part.spill.remove() } }
        for i in parts.indices.dropFirst() {
            let part = try done[i]!.get()
            try part.spill.replay(emit)
            report.append(part.report)
            for j in checks.indices { try checks[j].merge(part.checks[j]) }
        }
        for finding in try finish(&checks, asOf: asOf) { try emit(finding) }
        return report
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

/// Findings a later part of a file made while an earlier part was still being read (暂存的核查结果), kept until
/// their turn comes: the first few thousand in memory, any beyond them in a temporary file as JSON Lines, so however
/// many a part makes, they never all wait in memory. The file is created when the spill is made (so a temporary
/// folder that cannot be written fails the run before anything is read or printed) and unlinked at once: only its
/// descriptor names it, and nothing is left behind however the process ends.
final class FindingSpill: @unchecked Sendable {
    /// How many findings wait in memory before the rest go to the file.
    let inMemory: Int
    private var held: [Finding] = []
    private var descriptor: Int32
    private var written = 0
    private var buffer: [UInt8] = []
    private let encoder = JSONEncoder()

    /// Creates the temporary file, readable and writable by its owner only, and unlinks it.
    /// - Throws: `CreditKitError` (`storage`) when the temporary folder cannot be written.
    init(keepingInMemory: Int) throws {
        inMemory = max(keepingInMemory, 0)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "creditkit-findings-\(UUID().uuidString).jsonl"
        ).path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CreditKitError(
                .storage,
                "cannot write a temporary file in \(FileManager.default.temporaryDirectory.path) (set TMPDIR to a "
                    + "writable folder): \(String(cString: strerror(errno)))")
        }
        unlink(path)
    }

    deinit { remove() }

    /// Keeps one finding.
    func write(_ finding: Finding) throws {
        guard held.count >= inMemory else { return held.append(finding) }
        buffer += try encoder.encode(finding)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw CreditKitError(.storage, "cannot write a temporary file: \(String(cString: strerror(errno)))")
            }
            done += n
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left to the file.
    func close() throws { try flush() }

    /// Hands each finding back, in the order kept.
    func replay(_ emit: (Finding) throws -> Void) throws {
        for finding in held { try emit(finding) }
        guard written > 0 else { return }
        let decoder = JSONDecoder()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var line: [UInt8] = []
        var offset = 0
        while offset < written {
            let n = chunk.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress!, min($0.count, written - offset), off_t(offset))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw CreditKitError(.storage, "cannot read a temporary file back: \(String(cString: strerror(errno)))")
            }
            offset += n
            for b in chunk[0..<n] {
                if b == 0x0A {
                    try emit(try decoder.decode(Finding.self, from: Data(line)))
                    line.removeAll(keepingCapacity: true)
                } else {
                    line.append(b)
                }
            }
        }
    }

    /// Closes the file, which is then gone; a second call does nothing.
    func remove() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
        held = []
    }
}
