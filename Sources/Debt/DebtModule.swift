import CreditKitCore

/// The local government debt sector module (地方政府债务): debt indicators and risk levels, early warning, and the ledger of arrears of project payments and migrant workers' wages with its clearance progress.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.debt])`. This release
/// contributes the sector's identity; its events, checks and report sections arrive with the sector's own issue.
public struct DebtModule: SectorModule {
    /// The sector's identifier, `debt`.
    public static let sectorID: SectorID = "debt"

    /// Makes the module.
    public init() {}

    /// `debt`.
    public var id: SectorID { Self.sectorID }

    /// 地方政府债务 (Local government debt).
    public var name: LocalizedName { LocalizedName(chinese: "地方政府债务", english: "Local government debt") }
}

extension SectorModule where Self == DebtModule {
    /// The local government debt module (地方政府债务).
    public static var debt: DebtModule { DebtModule() }
}
