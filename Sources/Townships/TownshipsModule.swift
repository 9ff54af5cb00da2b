import CreditKitCore

/// The townships and streets sector module (乡镇（街道）): township public-service commitments by service area, their fulfilment rate, and township assessment and ranking.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.townships])`. This release
/// contributes the sector's identity; its events, checks and report sections arrive with the sector's own issue.
public struct TownshipsModule: SectorModule {
    /// The sector's identifier, `townships`.
    public static let sectorID: SectorID = "townships"

    /// Makes the module.
    public init() {}

    /// `townships`.
    public var id: SectorID { Self.sectorID }

    /// 乡镇（街道） (Townships and streets).
    public var name: LocalizedName { LocalizedName(chinese: "乡镇（街道）", english: "Townships and streets") }
}

extension SectorModule where Self == TownshipsModule {
    /// The townships and streets module (乡镇（街道）).
    public static var townships: TownshipsModule { TownshipsModule() }
}
