import CreditKitCore

/// The bidding sector module (招标投标): the tenderer's statutory time limits and fees under the Bidding Law, red flags, the blacklist and bidding-agency registry, and credit evaluation of participants.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.bidding])`. This release
/// contributes the sector's identity; its events, checks and report sections arrive with the sector's own issue.
public struct BiddingModule: SectorModule {
    /// The sector's identifier, `bidding`.
    public static let sectorID: SectorID = "bidding"

    /// Makes the module.
    public init() {}

    /// `bidding`.
    public var id: SectorID { Self.sectorID }

    /// 招标投标 (Bidding).
    public var name: LocalizedName { LocalizedName(chinese: "招标投标", english: "Bidding") }
}

extension SectorModule where Self == BiddingModule {
    /// The bidding module (招标投标).
    public static var bidding: BiddingModule { BiddingModule() }
}
