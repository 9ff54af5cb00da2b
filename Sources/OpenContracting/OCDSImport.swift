import CreditKitCore
import Foundation
import Synchronization

/// Imports the facts of an OCDS file into the ledger (开放合同数据导入), for every registered module that reads it,
/// in one batch: all of them, or, if the ledger refuses one, none.
///
/// Each release goes to every module whose law governs it (one of procurement and bidding by its category, and PPP
/// as well for a PPP's release), as a case of its buyer, who must be a registered agency:
/// one whose external identifiers include the buyer's id under the scheme `ocds`, or whose credit code is the
/// buyer's id (with or without a `CN-USCC-` prefix), or one the caller maps. Releases of other buyers are counted
/// and left out; so are cases the ledger already holds, so importing a file twice adds nothing. Facts the data gets
/// wrong are left out and counted. Imported cases are marked as not holding every fact, so rules that fire on a
/// missing fact stay silent for them.
public enum OCDSImport {
    /// What an import did.
    public struct Summary: Sendable {
        /// Releases read.
        public var releases = 0
        /// Cases added, by module.
        public var cases: [SectorID: Int] = [:]
        /// Events appended.
        public var events = 0
        /// Cases the ledger already held.
        public var alreadyThere = 0
        /// Releases no registered module's law governs.
        public var otherLaw = 0
        /// Releases without any date to register their case on.
        public var undated = 0
        /// Facts left out as inconsistent.
        public var inconsistentFacts = 0
        /// Counterparty identifiers of the credit code's form that fail its check, left out (the names kept).
        public var invalidCreditCodes = 0
        /// Buyers not registered, with how many releases each.
        public var unmatchedBuyers: [String: Int] = [:]
        /// The names the data gives those buyers, by id.
        public var unmatchedBuyerNames: [String: String] = [:]
        /// Malformed lines, by number.
        public var malformed: [(Int, String)] = []
    }

    /// Reads a file and appends its facts in one batch.
    /// - Parameters:
    ///   - path: The OCDS file.
    ///   - kit: The kit; its registered modules that read OCDS do the work.
    ///   - more: More buyer ids and the registered agencies they stand for.
    ///   - threads: How many threads read the file (every core by default): a JSON Lines file is cut at line ends,
    ///     each part's releases turned into facts on its own thread, and the parts taken in file order, so the
    ///     batch is the same as one thread's.
    /// - Returns: What was done.
    /// - Throws: `CreditKitError` (`invalidArgument`) when no registered module reads OCDS; (`unknownSubject`) for
    ///   a buyer mapped to no registered agency; (`decoding`) when any line of the file does not read; reading
    ///   errors; the ledger's refusal. Nothing is written then.
    public static func run(
        path: String, into kit: CreditKit, buyers more: [String: SubjectID] = [:],
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async throws -> Summary {
        let modules = OCDSRun.readers(kit.modules)
        guard !modules.isEmpty else {
            throw CreditKitError(.invalidArgument, "the kit has no module that reads OCDS registered")
        }
        let view = kit.view
        for (buyer, agency) in more where view.subject(agency)?.subject.kind != .agency {
            throw CreditKitError(
                .unknownSubject, "buyer \(buyer) is mapped to \(agency), which is not a registered agency",
                context: ["subject": agency.rawValue])
        }
        let buyers = OCDSBuyers.agencies(in: view).merging(more) { _, given in given }
        var held = try modules.map { try $0.ocdsCasesHeld(in: kit) }
        let parts = try OCDSReader.parts(of: path, count: max(threads, 1))
        let results = Mutex<[Int: Result<Part, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            let result = Result { try Part(path: path, range: parts[i], modules: modules, buyers: buyers) }
            results.withLock { $0[i] = result }
        }
        var summary = Summary()
        var events: [any LedgerEvent] = []
        var tally = OCDSImportTally()
        var report = OCDSReader.Report()
        // The parts in file order: a case the ledger holds, or an earlier release of the file gave, is skipped.
        for (i, result) in results.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            let part = try result.get()
            if i == 0 { report = part.report } else { report.append(part.report) }
            summary.otherLaw += part.otherLaw
            summary.unmatchedBuyers.merge(part.unmatchedBuyers, uniquingKeysWith: +)
            summary.unmatchedBuyerNames.merge(part.unmatchedBuyerNames) { _, later in later }
            tally.inconsistentFacts += part.blankOCIDs
            for candidate in part.candidates {
                guard held[candidate.module].insert(candidate.key).inserted else {
                    summary.alreadyThere += 1
                    continue
                }
                tally.inconsistentFacts += candidate.tally.inconsistentFacts
                tally.invalidCreditCodes.formUnion(candidate.tally.invalidCreditCodes)
                if candidate.events.isEmpty {
                    summary.undated += 1
                } else {
                    summary.cases[modules[candidate.module].id, default: 0] += 1
                    events += candidate.events
                }
            }
        }
        summary.releases = report.releases
        summary.malformed = report.malformed
        // A file with lines that do not read may have lost or garbled facts in the lines that do: import none.
        if let (line, message) = report.malformed.first {
            throw CreditKitError(
                .decoding,
                "\(report.malformed.count) malformed line(s), the first line \(line): \(message); nothing was imported. "
                    + "Mend the file, or leave the bad lines out, and import it again",
                context: ["line": String(line)])
        }
        summary.inconsistentFacts = tally.inconsistentFacts
        summary.invalidCreditCodes = tally.invalidCreditCodes.count
        if !events.isEmpty { try await kit.append(events) }
        summary.events = events.count
        return summary
    }

    /// One part of a file turned into candidate cases, before the ledger's and earlier parts' cases are known.
    struct Part: Sendable {
        /// A case a module would add: its facts, and what making them counted.
        struct Candidate: Sendable {
            var module: Int
            var key: OCDSCaseKey
            var events: [any LedgerEvent]
            var tally: OCDSImportTally
        }

        var candidates: [Candidate] = []
        var otherLaw = 0
        var unmatchedBuyers: [String: Int] = [:]
        var unmatchedBuyerNames: [String: String] = [:]
        var blankOCIDs = 0
        var report = OCDSReader.Report()

        init(path: String, range: Range<Int>, modules: [any OCDSModule], buyers: [String: SubjectID]) throws {
            report = try OCDSReader.read(path: path, part: range) { release in
                // A release may be two laws' at once: a PPP's selection of its concessionaire is a procurement.
                let governing = modules.indices.filter { modules[$0].governs(release) }
                guard !governing.isEmpty else {
                    otherLaw += 1
                    return
                }
                let buyerID = OCDSBuyers.id(of: release) ?? ""
                guard let owner = buyers[buyerID] else {
                    unmatchedBuyers[buyerID.isEmpty ? "（无采购人）" : buyerID, default: 0] += 1
                    if let name = release.buyer?.name, !buyerID.isEmpty { unmatchedBuyerNames[buyerID] = name }
                    return
                }
                guard !release.ocid.allSatisfy(\.isWhitespace) else {
                    blankOCIDs += 1
                    return
                }
                for index in governing {
                    var tally = OCDSImportTally()
                    let events = modules[index].ocdsFacts(for: release, owner: owner, tally: &tally)
                    candidates.append(
                        Candidate(
                            module: index, key: OCDSCaseKey(owner: owner, id: release.ocid), events: events,
                            tally: tally))
                }
            }
        }
    }
}
