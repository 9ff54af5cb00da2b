import CreditKitCore
import Foundation

/// A region's reported year (地区年度债务报告): the case of one region's figures for one year, owned by an agency of
/// the region (its people's government, or the finance bureau reporting for it). Its number is `<region>-<year>` (`130302-2024`), so a year is reported once; a correction is
/// a fact of its own kind, not a second report.
public struct DebtYear: CaseState, Hashable {
    /// `debt`.
    public static var sector: String { DebtModule.sectorID.rawValue }
    /// `regionYear`.
    public static var caseKey: String { "regionYear" }
    /// `government`.
    public static var ownerKey: String { "government" }
    /// An agency of the region.
    public static var ownerKind: SubjectKind { .agency }

    /// The case number, `<region>-<year>`.
    public var id: CaseID
    /// The region's government.
    public var government: SubjectID
    /// The figures, once reported.
    public var figures: DebtYearFigures?
    /// The report's day and entry.
    public var reported: DatedFact?

    /// A year not reported yet.
    /// - Parameters:
    ///   - id: The case number.
    ///   - owner: The government.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.government = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<DebtYear> { CaseRef(id, owner: government) }

    /// The case number of a region's year.
    /// - Parameters:
    ///   - region: The region.
    ///   - year: The year.
    /// - Returns: `<region>-<year>`.
    public static func number(_ region: RegionCode, _ year: Int) -> CaseID { CaseID(rawValue: "\(region)-\(year)") }
}

/// A region's debt and fiscal figures for a year, reported (地区年度债务数据报送): `debt.year.reported`. The
/// amounts are in 万元; an unknown one is left out.
public struct DebtYearReported: CaseFacts {
    /// `debt.year.reported`.
    public static let kind: EventKind = "debt.year.reported"
    /// A region's year is reported once.
    public static var opensCase: Bool { true }
    /// The figures (region and year included; they must match the case number).
    public var figures: DebtYearFigures

    /// Makes the fact.
    /// - Parameter figures: The figures.
    public init(_ figures: DebtYearFigures) { self.figures = figures }

    /// Amounts may not be negative.
    public var amounts: [Decimal?] { figures.amounts.map(\.value) }

    /// Refuses a case number other than `<region>-<year>`, a year outside 1900–2200, and an owner that is not an
    /// agency of the region (its people's government, or a department reporting for it).
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DebtYear>, in context: ValidationContext) throws {
        try stamp.require(
            LocalDate.supportedYears.contains(figures.year), "the year \(figures.year) is outside 1900–2200")
        try stamp.require(
            stamp.id == DebtYear.number(figures.region, figures.year),
            "the case number of region \(figures.region)'s \(figures.year) is \(DebtYear.number(figures.region, figures.year))"
        )
        try DebtModule.requireRegion(stamp.owner, of: figures.region, in: context, case: stamp.id)
    }

    /// Records the figures.
    /// - Parameters:
    ///   - state: The year.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DebtYear, _ stamp: CaseStamp<DebtYear>) {
        state.figures = figures
        state.reported = stamp.dated
    }
}

/// A region's arrears-clearance campaign (清欠行动): from its start, arrears due before it are historical and must be
/// cleared within the profile's term; from the no-new-arrears day, any new arrear is a finding. One per region,
/// owned by an agency of the region (its people's government).
public struct DebtCampaign: CaseState, Hashable {
    /// `debt`.
    public static var sector: String { DebtModule.sectorID.rawValue }
    /// `campaign`.
    public static var caseKey: String { "campaign" }
    /// `government`.
    public static var ownerKey: String { "government" }
    /// An agency of the region.
    public static var ownerKind: SubjectKind { .agency }

    /// The case number: the region code.
    public var id: CaseID
    /// The region's government.
    public var government: SubjectID
    /// The campaign's start, with its entry.
    public var started: DatedFact?
    /// The first day on which a new arrear is a finding.
    public var noNewArrearsFrom: LocalDate?

    /// A campaign not started.
    /// - Parameters:
    ///   - id: The region code.
    ///   - owner: The government.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.government = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<DebtCampaign> { CaseRef(id, owner: government) }
}

/// An arrears-clearance campaign started (启动清欠行动): `debt.campaign.started`, on the campaign's first day.
public struct DebtCampaignStarted: CaseFacts {
    /// `debt.campaign.started`.
    public static let kind: EventKind = "debt.campaign.started"
    /// A region's campaign starts once.
    public static var opensCase: Bool { true }
    /// The first day on which a new arrear is a finding; the start day when `nil`.
    public var noNewArrearsFrom: LocalDate?

    /// Makes the fact.
    /// - Parameter noNewArrearsFrom: The no-new-arrears day; the start day when `nil`.
    public init(noNewArrearsFrom: LocalDate? = nil) { self.noNewArrearsFrom = noNewArrearsFrom }

    /// Refuses a case number that is not a region code, and an owner that is not an agency of that region.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func validate(_ stamp: CaseStamp<DebtCampaign>, in context: ValidationContext) throws {
        let region: RegionCode
        do {
            region = try RegionCode(stamp.id.rawValue)
        } catch let error as CreditKitError {
            throw CreditKitError(.invalidEvent, "a campaign's number is its region code: " + error.message)
        }
        try DebtModule.requireRegion(stamp.owner, of: region, in: context, case: stamp.id)
    }

    /// Starts the campaign.
    /// - Parameters:
    ///   - state: The campaign.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DebtCampaign, _ stamp: CaseStamp<DebtCampaign>) {
        state.started = stamp.dated
        state.noNewArrearsFrom = noNewArrearsFrom ?? stamp.on
    }
}
