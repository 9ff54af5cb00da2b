import CreditKitCore

/// The government procurement sector module (政府采购): purchasers' integrity in contract signing, publication, acceptance and payment to suppliers (SMEs especially), under the Government Procurement Law and the SME payment rules.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.procurement])`. It contributes its rule
/// figures; ``ProcurementOCDSChecks`` runs its rules over open-contracting data. Its ledger events, report section
/// and indicator arrive with the rest of the sector's issue.
public struct ProcurementModule: SectorModule {
    /// The sector's identifier, `procurement`.
    public static let sectorID: SectorID = "procurement"

    /// Makes the module.
    public init() {}

    /// `procurement`.
    public var id: SectorID { Self.sectorID }

    /// 政府采购 (Government procurement).
    public var name: LocalizedName { LocalizedName(chinese: "政府采购", english: "Government procurement") }

    /// The procurement rules' national figures.
    public var ruleFigures: [RuleFigure] { ProcurementFigures.all }
}

extension SectorModule where Self == ProcurementModule {
    /// The government procurement module (政府采购).
    public static var procurement: ProcurementModule { ProcurementModule() }
}
