import CreditKitCore

/// The investment promotion sector module (招商引资): policy commitments and investment contracts: the registry, fulfilment tracking, and detection of unlawful change and of breaches on a change of leadership.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.investmentPromotion])`. This release
/// contributes the sector's identity; its events, checks and report sections arrive with the sector's own issue.
public struct InvestmentPromotionModule: SectorModule {
    /// The sector's identifier, `investment-promotion`.
    public static let sectorID: SectorID = "investment-promotion"

    /// Makes the module.
    public init() {}

    /// `investment-promotion`.
    public var id: SectorID { Self.sectorID }

    /// 招商引资 (Investment promotion).
    public var name: LocalizedName { LocalizedName(chinese: "招商引资", english: "Investment promotion") }
}

extension SectorModule where Self == InvestmentPromotionModule {
    /// The investment promotion module (招商引资).
    public static var investmentPromotion: InvestmentPromotionModule { InvestmentPromotionModule() }
}
