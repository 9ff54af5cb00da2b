import CreditKitCore
import Foundation
import OpenContracting

/// The procurement facts of an OCDS release (开放合同数据转为采购事实): what `OCDSImport` appends for each release
/// the Government Procurement Law governs, as a project of the buyer's registered agency. Facts the data gets wrong
/// (a deadline before the documents, a notice before the award, a payment that is not positive) are left out and
/// counted; the project is marked as not holding every fact, so rules that fire on a missing fact stay silent.
public enum ProcurementOCDSImport {
    /// The events of one release, for a purchaser.
    /// - Parameters:
    ///   - release: The release.
    ///   - purchaser: The purchaser.
    ///   - tally: Counts the facts left out.
    /// - Returns: The events, or none when the release has no date at all.
    public static func events(
        for release: OCDSRelease, purchaser: SubjectID, tally: inout OCDSImportTally
    ) -> [any AnyCaseEvent<ProcurementProcess>] {
        let process = ProcurementProcess(release: release, purchaser: purchaser)
        guard let registered = release.firstDate
        else { return [] }
        let project = ProcurementProcess.project(CaseID(release.ocid), purchaser: purchaser)
        var out: [any AnyCaseEvent<ProcurementProcess>] = []
        if let issued = process.documentsIssued?.on, let deadline = process.bidDeadline {
            if deadline >= issued {
                out.append(project.on(issued, TenderDocumentsIssued(bidDeadline: deadline)))
                for c in process.clarifications {
                    out.append(project.on(c.on, TenderClarified()))
                }
            } else {
                tally.inconsistentFacts += 1
            }
        }
        let winners = (process.contracts.first?.suppliers ?? []).map { $0.checkedForImport(&tally) }
        if let confirmed = process.winnerConfirmed?.on, let announced = process.resultAnnounced?.on {
            if announced >= confirmed, !winners.isEmpty {
                out.append(
                    project.on(
                        announced,
                        ResultAnnounced(winnerConfirmedOn: confirmed, suppliers: winners, bidders: process.bidders)))
            } else {
                tally.inconsistentFacts += 1
            }
        }
        out += project.ocdsContractFacts(process.contracts, unnamedSupplier: "（未列明供应商）", tally: &tally)
        // Registered on the earliest day of any of its facts: the release's first date may be a later one.
        let registration = ProjectRegistered(
            name: release.tender?.title.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? release.ocid,
            method: process.method,
            category: ["goods", "services", "works"].contains(process.category ?? "") ? process.category : nil,
            budget: process.budget.flatMap { $0 >= 0 ? $0 : nil }, completeFacts: false)
        return [project.on(out.map(\.effectiveDate).reduce(registered, min), registration)] + out
    }
}

extension ProcurementModule: OCDSModule {
    /// A release becomes a project.
    public typealias OCDSCase = ProcurementProcess

    /// Goods and services under the Government Procurement Law (`procurement.*`), imported as projects.
    public var ocdsSummary: String {
        "goods and services under the Government Procurement Law (procurement.*); imported as projects"
    }

    /// Whether the Government Procurement Law governs a release (goods and services; works are the Bidding Law's;
    /// a release without a category is taken as procurement).
    /// - Parameter release: The release.
    /// - Returns: `true` for procurement.
    public func governs(_ release: OCDSRelease) -> Bool { GoverningLaw.of(release) == .procurement }

    /// The procurement rules over the file's releases.
    /// - Parameters:
    ///   - profile: The profile whose figures apply.
    ///   - preparation: Unused: the procurement rules read no bid statuses or prices.
    /// - Returns: The checks.
    /// - Throws: When the module's figures do not fit the profile.
    public func ocdsCheck(profile: JurisdictionProfile, preparation: OCDSPreparation) throws -> any OCDSCheck {
        try ProcurementOCDSChecks(profile: profile)
    }

    /// The release's procurement facts, as a project of the buyer's agency.
    /// - Parameters:
    ///   - release: The release.
    ///   - owner: The purchaser.
    ///   - tally: Counts the facts left out.
    /// - Returns: The facts.
    public func ocdsFacts(for release: OCDSRelease, owner: SubjectID, tally: inout OCDSImportTally)
        -> [any LedgerEvent]
    {
        ProcurementOCDSImport.events(for: release, purchaser: owner, tally: &tally)
    }
}
