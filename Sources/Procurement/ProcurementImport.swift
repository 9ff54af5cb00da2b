import CreditKitCore
import Foundation
import OpenContracting

/// Imports procurement facts from an OCDS file into the ledger (开放合同数据导入).
///
/// Each release the Government Procurement Law governs becomes a project of its buyer, who must be a registered
/// agency: one whose external identifiers include the buyer's id under the scheme `ocds`, or whose credit code is the
/// buyer's id (with or without a `CN-USCC-` prefix). Releases of other buyers are counted and left out; so are
/// projects the ledger already holds, so importing a file twice adds nothing. Facts the data gets wrong (a deadline
/// before the documents, a notice before the award, a payment that is not positive) are left out and counted. The
/// projects are marked as not holding every fact, so rules that fire on a missing fact stay silent for them.
public struct ProcurementOCDSImport: Sendable {
    /// What an import did.
    public struct Summary: Sendable {
        /// Releases read.
        public var releases = 0
        /// Projects added.
        public var projects = 0
        /// Events appended.
        public var events = 0
        /// Projects the ledger already held.
        public var alreadyThere = 0
        /// Releases another law governs.
        public var otherLaw = 0
        /// Releases without any date to register them on.
        public var undated = 0
        /// Facts left out as inconsistent.
        public var inconsistentFacts = 0
        /// Buyers not registered, with how many releases each.
        public var unmatchedBuyers: [String: Int] = [:]
        /// Malformed lines, by number.
        public var malformed: [(Int, String)] = []

    }

    /// The law for a release without a category.
    public var missingCategory: GoverningLaw

    /// Makes an importer.
    /// - Parameter missingCategory: The law for a release without a category.
    public init(missingCategory: GoverningLaw = .procurement) { self.missingCategory = missingCategory }

    /// The registered agency an OCDS buyer id stands for, from a view.
    /// - Parameter view: The view.
    /// - Returns: Buyer ids to agencies.
    public static func buyers(in view: CoreView) -> [String: SubjectID] { OCDSBuyers.agencies(in: view) }

    /// The events of one release, for a purchaser.
    /// - Parameters:
    ///   - release: The release.
    ///   - purchaser: The purchaser.
    ///   - inconsistent: Counts the facts left out.
    /// - Returns: The events, or none when the release has no date at all.
    public static func events(
        for release: OCDSRelease, purchaser: SubjectID, inconsistent: inout Int
    ) -> [any AnyCaseEvent<ProcurementProcess>] {
        let process = ProcurementProcess(release: release, purchaser: purchaser)
        guard let registered = release.firstDate
        else { return [] }
        let project = ProcurementProcess.project(CaseID(release.ocid), purchaser: purchaser)
        var out: [any AnyCaseEvent<ProcurementProcess>] = [
            project.on(
                registered,
                ProjectRegistered(
                    name: release.tender?.title.flatMap { $0.isEmpty ? nil : $0 } ?? release.ocid,
                    method: process.method,
                    category: ["goods", "services", "works"].contains(process.category ?? "") ? process.category : nil,
                    budget: process.budget.flatMap { $0 >= 0 ? $0 : nil }, completeFacts: false))
        ]
        if let issued = process.documentsIssued?.on, let deadline = process.bidDeadline {
            if deadline >= issued {
                out.append(project.on(issued, TenderDocumentsIssued(bidDeadline: deadline)))
                for c in process.clarifications {
                    out.append(project.on(c.on, TenderClarified()))
                }
            } else {
                inconsistent += 1
            }
        }
        let winners = process.contracts.first?.suppliers ?? []
        if let confirmed = process.winnerConfirmed?.on, let announced = process.resultAnnounced?.on {
            if announced >= confirmed, !winners.isEmpty {
                out.append(
                    project.on(
                        announced,
                        ResultAnnounced(winnerConfirmedOn: confirmed, suppliers: winners, bidders: process.bidders)))
            } else {
                inconsistent += 1
            }
        }
        for c in process.contracts {
            guard let signed = c.signed?.on else { continue }
            let supplier =
                c.suppliers.first ?? Counterparty(name: "（未列明供应商）", isSME: false)
            out.append(
                project.on(
                    signed,
                    ContractSigned(
                        contract: c.id, supplier: supplier, amount: max(c.amount ?? 0, 0),
                        awardNoticeOn: c.awardNotice.flatMap { $0 <= signed ? $0 : nil })))
            if let published = c.published?.on {
                out.append(project.on(published, ContractMilestoneReached(contract: c.id, milestone: .published)))
            }
            for delivery in c.deliveries {
                out.append(project.on(delivery.on, ContractMilestoneReached(contract: c.id, milestone: .delivered)))
            }
            for payment in c.payments {
                guard let on = payment.on, let amount = payment.amount, amount > 0 else {
                    inconsistent += 1
                    continue
                }
                out.append(project.on(on, PaymentMade(contract: c.id, amount: amount)))
            }
        }
        return out
    }

    /// Reads a file and appends its procurement facts in one batch: all of them, or, if the ledger refuses one,
    /// none.
    /// - Parameters:
    ///   - path: The OCDS file.
    ///   - kit: The kit, with the procurement module registered.
    ///   - more: More buyer ids and the registered agencies they stand for.
    /// - Returns: What was done.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the procurement module, (`unknownSubject`) for a
    ///   buyer mapped to no registered agency; reading errors; the ledger's refusal.
    public func run(path: String, into kit: CreditKit, buyers more: [String: SubjectID] = [:]) async throws -> Summary {
        guard kit.modules.contains(where: { $0.id == ProcurementModule.sectorID }) else {
            throw CreditKitError(.invalidArgument, "the kit has no procurement module registered")
        }
        let view = kit.view
        for (buyer, agency) in more where view.subject(agency)?.subject.kind != .agency {
            throw CreditKitError(
                .unknownSubject, "buyer \(buyer) is mapped to \(agency), which is not a registered agency",
                context: ["subject": agency.rawValue])
        }
        let buyers = Self.buyers(in: view).merging(more) { _, given in given }
        var existing = Set(
            try kit.ledger.cases(ProcurementProcess.self, view: view, asOf: .distantFuture).map {
                "\($0.purchaser)|\($0.id)"
            })
        var summary = Summary()
        var events: [any LedgerEvent] = []
        var inconsistent = 0
        let report = try OCDSReader.read(path: path) { release in
            guard GoverningLaw.of(release, missing: missingCategory) == .procurement else {
                summary.otherLaw += 1
                return
            }
            let buyerID = OCDSBuyers.id(of: release) ?? ""
            guard let purchaser = buyers[buyerID] else {
                summary.unmatchedBuyers[buyerID.isEmpty ? "（无采购人）" : buyerID, default: 0] += 1
                return
            }
            guard existing.insert("\(purchaser)|\(release.ocid)").inserted else {
                summary.alreadyThere += 1
                return
            }
            let found = Self.events(for: release, purchaser: purchaser, inconsistent: &inconsistent)
            if found.isEmpty {
                summary.undated += 1
            } else {
                summary.projects += 1
                events += found
            }
        }
        summary.releases = report.releases
        summary.malformed = report.malformed
        summary.inconsistentFacts = inconsistent
        if !events.isEmpty { try await kit.ledger.append(events) }
        summary.events = events.count
        return summary
    }
}
