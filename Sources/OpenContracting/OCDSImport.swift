import CreditKitCore
import Foundation

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
    /// - Returns: What was done.
    /// - Throws: `CreditKitError` (`invalidArgument`) when no registered module reads OCDS; (`unknownSubject`) for
    ///   a buyer mapped to no registered agency; (`decoding`) when any line of the file does not read; reading
    ///   errors; the ledger's refusal. Nothing is written then.
    public static func run(path: String, into kit: CreditKit, buyers more: [String: SubjectID] = [:]) async throws
        -> Summary
    {
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
        var summary = Summary()
        var events: [any LedgerEvent] = []
        var tally = OCDSImportTally()
        let report = try OCDSReader.read(path: path) { release in
            // A release may be two laws' at once: a PPP's selection of its concessionaire is a procurement.
            let governing = modules.indices.filter { modules[$0].governs(release) }
            guard !governing.isEmpty else {
                summary.otherLaw += 1
                return
            }
            let buyerID = OCDSBuyers.id(of: release) ?? ""
            guard let owner = buyers[buyerID] else {
                summary.unmatchedBuyers[buyerID.isEmpty ? "（无采购人）" : buyerID, default: 0] += 1
                if let name = release.buyer?.name, !buyerID.isEmpty { summary.unmatchedBuyerNames[buyerID] = name }
                return
            }
            guard !release.ocid.allSatisfy(\.isWhitespace) else {
                tally.inconsistentFacts += 1
                return
            }
            for index in governing {
                guard held[index].insert(OCDSCaseKey(owner: owner, id: release.ocid)).inserted else {
                    summary.alreadyThere += 1
                    continue
                }
                let found = modules[index].ocdsFacts(for: release, owner: owner, tally: &tally)
                if found.isEmpty {
                    summary.undated += 1
                } else {
                    summary.cases[modules[index].id, default: 0] += 1
                    events += found
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
}
