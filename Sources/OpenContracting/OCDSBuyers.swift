import CreditKitCore
import Foundation

/// Who an OCDS buyer is to the ledger (采购人、招标人识别), shared by every module that reads open-contracting data.
public enum OCDSBuyers {
    /// The buyer's id: `buyer.id`, else the first party with the role `buyer`.
    /// - Parameter release: The release.
    /// - Returns: The id, or `nil`.
    public static func id(of release: OCDSRelease) -> String? {
        release.buyer?.id ?? release.parties.first { $0.roles.contains("buyer") }?.id
    }

    /// The subject findings name for a buyer not matched to a registered agency: `ocds:` and its id, printable
    /// ASCII only.
    /// - Parameter release: The release.
    /// - Returns: The subject.
    public static func subject(of release: OCDSRelease) -> SubjectID { subject(buyerID: id(of: release)) }

    /// The subject findings name for a buyer id not matched to a registered agency: `ocds:` and the id, printable
    /// ASCII only (`ocds:unknown` without one).
    /// - Parameter buyerID: The buyer's id in the data.
    /// - Returns: The subject.
    public static func subject(buyerID: String?) -> SubjectID {
        let id = buyerID ?? "unknown"
        let clean = String(id.unicodeScalars.map { (33...126).contains($0.value) ? Character($0) : "_" }.prefix(100))
        return SubjectID(rawValue: "ocds:" + clean)
    }

    /// The registered agencies buyer ids stand for: an agency's credit code (with or without `CN-USCC-`), and every
    /// external identifier it has under the scheme `ocds`.
    /// - Parameter view: The view.
    /// - Returns: Buyer ids to agencies.
    public static func agencies(in view: CoreView) -> [String: SubjectID] {
        var out: [String: SubjectID] = [:]
        for state in view.subjects(ofKind: .agency) {
            let id = state.subject.id
            out[id.rawValue] = id
            out["CN-USCC-" + id.rawValue] = id
            for external in state.subject.externalIdentifiers where external.scheme == "ocds" {
                out[external.identifier] = id
            }
        }
        return out
    }
}
