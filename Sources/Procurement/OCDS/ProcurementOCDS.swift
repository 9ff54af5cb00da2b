import CreditKitCore
import Foundation
import OpenContracting

/// Which law governs an OCDS process (适用法律): goods and services the Government Procurement Law, works the
/// Bidding Law; a process without a category follows the setting (procurement by default).
public enum GoverningLaw: String, Sendable, Hashable {
    /// 《政府采购法》.
    case procurement
    /// 《招标投标法》.
    case bidding

    /// The law of a release.
    /// - Parameters:
    ///   - release: The release.
    ///   - missing: The law when the category is missing.
    /// - Returns: The law.
    public static func of(_ release: OCDSRelease, missing: GoverningLaw = .procurement) -> GoverningLaw {
        switch release.tender?.mainProcurementCategory {
        case "works"?: .bidding
        case "goods"?, "services"?: .procurement
        default: missing
        }
    }
}

extension ProcurementMethod {
    /// The method of an OCDS tender: the local name in `procurementMethodDetails` where it names one of the Chinese
    /// methods (in Chinese or English), else `open` as an open tender and `selective` as an invited one.
    /// - Parameter tender: The tender.
    /// - Returns: The method.
    public static func of(_ tender: OCDSRelease.Tender) -> ProcurementMethod {
        if let text = tender.procurementMethodDetails {
            // Folded (the Chinese names have no ASCII letters to fold), then searched as bytes.
            let details = OCDSRelease.foldASCII(text)
            func mentions(_ word: String) -> Bool {
                let w = Array(word.utf8)
                guard details.count >= w.count else { return false }
                return (0...(details.count - w.count)).contains { details[$0..<($0 + w.count)].elementsEqual(w) }
            }
            let names: [(ProcurementMethod, [String])] = [
                (.competitiveConsultation, ["竞争性磋商", "competitive consultation"]),
                (.competitiveNegotiation, ["竞争性谈判", "competitive negotiation"]),
                (.requestForQuotation, ["询价", "request for quotation"]),
                (.singleSource, ["单一来源", "single source", "single-source"]),
                (.frameworkAgreement, ["框架协议", "framework agreement"]),
                (.invitedTender, ["邀请招标"]), (.openTender, ["公开招标"]),
            ]
            for (method, words) in names where words.contains(where: mentions) { return method }
        }
        switch tender.procurementMethod {
        case "open"?: return .openTender
        case "selective"?: return .invitedTender
        default: return .other
        }
    }
}

extension ProcurementProcess {
    /// The subject an OCDS buyer stands for: `ocds:` and its id, printable ASCII only.
    /// - Parameter release: The release.
    /// - Returns: The subject.
    public static func buyerSubject(_ release: OCDSRelease) -> SubjectID { OCDSBuyers.subject(of: release) }

    /// The process an OCDS release describes (not ``isComplete``: open data may leave facts out).
    ///
    /// The tender period gives documents issued and the bid deadline; `numberOfTenderers` (else the distinct
    /// tenderers of the bids) the bidders; the first award with both a date and an `awardNotice` document the
    /// winner's confirmation and the result notice; each contract its award's notice, `dateSigned`, the
    /// publication of its signed-contract document, its met deliveries and its transactions; `parties.details.scale`
    /// the suppliers' size.
    /// - Parameters:
    ///   - release: The release.
    ///   - purchaser: The subject the buyer stands for; `ocds:<buyer id>` by default.
    public init(release: OCDSRelease, purchaser: SubjectID? = nil) {
        self.init(id: CaseID(release.ocid), purchaser: purchaser ?? Self.buyerSubject(release), isComplete: false)
        ocid = release.ocid
        if let t = release.tender {
            method = .of(t)
            methodText = t.procurementMethodDetails ?? t.procurementMethod
            category = t.mainProcurementCategory
            budget = t.value
            // A deadline before the documents is a data error, not a short period.
            if let start = t.periodStart, let end = t.periodEnd, end >= start {
                documentsIssued = Dated(start)
                bidDeadline = end
            }
            clarifications = t.clarifications.map { Dated($0) }
            cancelled = t.status == "cancelled"
            bidders =
                t.numberOfTenderers
                ?? (release.bids.isEmpty ? nil : Set(release.bids.flatMap(\.tenderers)).count)
        }
        awarded = release.awards.contains { $0.status == nil || $0.status == "active" } || !release.contracts.isEmpty
        if let award = release.awards.first(where: { $0.date != nil && $0.noticeDate != nil }) {
            winnerConfirmed = Dated(award.date!)
            resultAnnounced = Dated(award.noticeDate!)
        }
        for (index, c) in release.contracts.enumerated() {
            var contract = Contract(id: c.id ?? "#\(index + 1)")
            let award = release.award(of: c)
            contract.suppliers = release.suppliers(of: c)
            contract.amount = c.value
            contract.awardNotice = award?.notice
            contract.signed = c.dateSigned.map { Dated($0) }
            contract.published = c.published.map { Dated($0) }
            contract.deliveries = c.deliveries.map { Dated($0) }
            contract.payments = c.payments.map { Payment(on: $0.date, amount: $0.amount) }
            contracts.append(contract)
        }
    }
}

/// The procurement rules over OCDS releases (政府采购核查): every rule open data can show, on each release the
/// Government Procurement Law governs. Findings name the buyer (采购人) as `ocds:<buyer id>`.
public struct ProcurementOCDSChecks: OCDSCheck {
    /// The rules, with the profile whose figures apply.
    public let rules: ProcurementRules
    /// The law for a process without a category.
    public var missingCategory: GoverningLaw

    /// The profile whose figures apply (the module's defaults added).
    public var profile: JurisdictionProfile { rules.profile }

    /// Makes the checks.
    /// - Parameters:
    ///   - profile: The profile; the module's figures are added where it has none.
    ///   - missingCategory: The law for a process without a category.
    /// - Throws: When the module's figures do not fit the profile.
    public init(profile: JurisdictionProfile = .national, missingCategory: GoverningLaw = .procurement) throws {
        self.rules = try ProcurementRules(profile: profile)
        self.missingCategory = missingCategory
    }

    /// Runs the checks on one release, if the Government Procurement Law governs it.
    /// - Parameters:
    ///   - release: The release.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func check(_ release: OCDSRelease, asOf: LocalDate) throws -> [Finding] {
        guard GoverningLaw.of(release, missing: missingCategory) == .procurement else { return [] }
        return try rules.findings(for: ProcurementProcess(release: release), asOf: asOf)
    }
}
