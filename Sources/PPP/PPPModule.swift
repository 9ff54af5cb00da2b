import CreditKitCore

/// The public-private partnership sector module (政府和社会资本合作): the government side of PPP projects: payment obligations, fiscal affordability, disclosure, unlawful contract change, and traceback of each failure to the person in charge at that stage.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.pPP])`. This release
/// contributes the sector's identity; its events, checks and report sections arrive with the sector's own issue.
public struct PPPModule: SectorModule {
    /// The sector's identifier, `ppp`.
    public static let sectorID: SectorID = "ppp"

    /// Makes the module.
    public init() {}

    /// `ppp`.
    public var id: SectorID { Self.sectorID }

    /// 政府和社会资本合作 (Public-private partnership).
    public var name: LocalizedName { LocalizedName(chinese: "政府和社会资本合作", english: "Public-private partnership") }
}

extension SectorModule where Self == PPPModule {
    /// The public-private partnership module (政府和社会资本合作).
    public static var pPP: PPPModule { PPPModule() }
}
