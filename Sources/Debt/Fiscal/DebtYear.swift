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
    /// A correction (更正): when, with which entry, and why.
    public struct Correction: Hashable, Sendable {
        /// The day and entry.
        public var on: DatedFact
        /// Why.
        public var reason: String
    }
    /// The corrections, in order; the figures are the latest.
    public var corrections: [Correction] = []

    /// Every entry the figures come from: the report and its corrections.
    public var evidence: [LedgerEntry.ID] { (reported?.evidence ?? []) + corrections.flatMap(\.on.evidence) }

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

    /// Refuses a case number other than `<region>-<year>`, a year outside 1900–2200 or not begun by the fact's day
    /// (a year's figures speak for its last day, or for the day reported while it runs), an amount too large or
    /// not a number, a region name with control characters, and an owner that is not an agency of the region (its
    /// people's government, or a department reporting for it).
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<DebtYear>, in context: ValidationContext) throws {
        try figures.validate(stamp)
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

/// A region's year corrected (地区年度债务数据更正): `debt.year.corrected`, the whole set of figures again with the
/// reason; the year is judged by the latest figures, and the report shows that they were corrected.
public struct DebtYearCorrected: CaseFacts {
    /// `debt.year.corrected`.
    public static let kind: EventKind = "debt.year.corrected"
    /// The corrected figures (the same region and year).
    public var figures: DebtYearFigures
    /// Why (更正说明).
    public var reason: String

    /// Makes the fact.
    /// - Parameters:
    ///   - figures: The corrected figures.
    ///   - reason: Why.
    public init(_ figures: DebtYearFigures, reason: String) {
        self.figures = figures
        self.reason = reason
    }

    /// Amounts may not be negative.
    public var amounts: [Decimal?] { figures.amounts.map(\.value) }

    /// Refuses a blank reason, figures of another region or year than the case, and what a report refuses.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<DebtYear>, in context: ValidationContext) throws {
        try stamp.requireText(reason, "the correction's reason")
        try figures.validate(stamp)
        try stamp.require(
            stamp.id == DebtYear.number(figures.region, figures.year),
            "a correction of \(stamp.id) gives the figures of \(DebtYear.number(figures.region, figures.year))")
    }

    /// Replaces the figures.
    /// - Parameters:
    ///   - state: The year.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DebtYear, _ stamp: CaseStamp<DebtYear>) {
        state.figures = figures
        state.corrections.append(.init(on: stamp.dated, reason: reason))
    }
}

extension DebtYearFigures {
    /// Throws the first fault of the figures, or a year not begun by the fact's day.
    func validate(_ stamp: CaseStamp<DebtYear>) throws {
        try stamp.require(LocalDate.supportedYears.contains(year), "the year \(year) is outside 1900–2200")
        try stamp.require(
            reportDay(on: stamp.on) != nil, "the figures of \(year) are reported on \(stamp.on), before the year began")
        if let fault = faults.first { try stamp.require(false, "\(fault.field): \(fault.reason)") }
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
    /// - Throws: `CreditKitError` (`invalidEvent`).
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
