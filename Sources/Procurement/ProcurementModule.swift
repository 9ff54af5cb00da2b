import CreditKitCore

/// The government procurement sector module (政府采购): purchasers' integrity in tendering, contract signing and
/// publication, bonds, acceptance, challenges and payment to suppliers (SMEs especially), under the Government
/// Procurement Law, its Implementing Regulations and the SME payment rules.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.procurement])`. It contributes its
/// ledger facts (``ProcurementFacts``), its rules' figures, ``ProcurementLedgerCheck``, a sanction rule for
/// confirmed SME arrears, ``PurchaserIndicator`` and the purchaser section of a credit file.
/// ``ProcurementOCDSChecks`` runs the same rules over open-contracting data.
public struct ProcurementModule: SectorModule {
    /// The sector's identifier, `procurement`.
    public static let sectorID: SectorID = "procurement"

    /// Makes the module.
    public init() {}

    /// The Chinese labels of the module's findings' facts (事实标签).
    public var factLabels: FactLabels {
        FactLabels(
            names: [
                "budget": "预算", "challenge": "质疑", "date": "日期", "deadline": "期限", "method": "采购方式",
                "organised": "组织", "purchaser": "采购人", "sme": "中小企业", "supplier": "供应商", "winner": "中标人",
                "fact": "事实", "name": "名称", "winnerConfirmed": "确定中标", "announced": "公告", "notice": "中标通知",
            ],
            values: [
                // The methods as registered, and OCDS's own (`procurementMethod`) where the data gives only those.
                "method": Dictionary(
                    uniqueKeysWithValues: ProcurementMethod.allCases.map { ($0.rawValue, $0.chineseName) }
                ).merging([
                    "open": "公开", "selective": "邀请", "limited": "有限竞争", "direct": "直接采购",
                ]) { mine, _ in mine }
            ])
    }

    /// `procurement`.
    public var id: SectorID { Self.sectorID }

    /// 政府采购 (Government procurement).
    public var name: LocalizedName { LocalizedName(chinese: "政府采购", english: "Government procurement") }

    /// The procurement facts.
    public var eventTypes: [any LedgerEvent.Type] { ProcurementFacts.all.map { $0.eventType } }

    /// The procurement rules over the ledger.
    public var checks: [any IntegrityCheck] { [ProcurementLedgerCheck()] }

    /// The procurement rules, each declared once with its figures.
    public var rules: [RuleDeclaration] { ProcurementLaw.all }

    /// Confirmed SME arrears (an ordinary or serious procurement record about an agency): the superior orders
    /// rectification and the finance department limits official spending for a year.
    public var sanctionRules: [SanctionRule] {
        [
            SanctionRule(
                id: "sanction.procurement.sme-arrears", bases: [.sectorFinding], severities: [.ordinary, .serious],
                subjectKinds: [.agency], target: .recordSubject, sectors: [Self.sectorID],
                measures: [
                    DepartmentMeasure("上级机关、主管部门", .rectification, nil),
                    DepartmentMeasure("财政部门", .officialSpendingLimit, .years(1)),
                ],
                legalBasis: [LegalCitation(document: ProcurementLaw.smePayment2025)], confirmed: false)
        ]
    }

    /// The procurement facts ledger (`procurement-facts`): one fact per row.
    public var csvLayouts: [ModuleCSVLayout] { [ProcurementCSV.layout] }

    /// The purchaser's procurement conduct.
    public var indicators: [any Indicator] { [PurchaserIndicator()] }

    /// The purchaser section, for an agency with procurement facts.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The section, or none for a subject without procurement projects.
    /// - Throws: When the facts cannot be read.
    public func reportSections(_ context: ReportContext) throws -> [ReportSection] {
        let stats = try PurchaserStatistics.of(context.subject, in: context.kit, asOf: context.asOf)
        return stats.projects == 0 ? [] : [stats.section]
    }
}

extension SectorModule where Self == ProcurementModule {
    /// The government procurement module (政府采购).
    public static var procurement: ProcurementModule { ProcurementModule() }
}
