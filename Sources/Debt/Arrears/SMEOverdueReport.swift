import CreditKitCore
import Foundation

/// An agency's publication of the year's overdue SME payments (逾期未支付中小企业款项情况公开): the case of one year's
/// report, numbered by the year, owned by the agency.
public struct SMEOverdueReport: CaseState, Hashable {
    /// `debt`.
    public static var sector: String { DebtModule.sectorID.rawValue }
    /// `smeReport`.
    public static var caseKey: String { "smeReport" }
    /// `agency`.
    public static var ownerKey: String { "agency" }
    /// An agency.
    public static var ownerKind: SubjectKind { .agency }

    /// The case number: the year reported on.
    public var id: CaseID
    /// The agency.
    public var agency: SubjectID
    /// The publication's day and entry.
    public var published: DatedFact?

    /// A report not published.
    /// - Parameters:
    ///   - id: The year.
    ///   - owner: The agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.agency = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<SMEOverdueReport> { CaseRef(id, owner: agency) }

    /// The case number of a year's report.
    /// - Parameter year: The year reported on.
    /// - Returns: The number.
    public static func number(_ year: Int) -> CaseID { CaseID(rawValue: String(year)) }
}

/// Last year's overdue SME payments published (公开上一年度逾期未支付中小企业款项情况): `debt.sme-report.published`,
/// with the contracts and the amount the publication gave.
public struct SMEOverdueReportPublished: CaseFacts {
    /// `debt.sme-report.published`.
    public static let kind: EventKind = "debt.sme-report.published"
    /// A year's report is published once.
    public static var opensCase: Bool { true }
    /// How many contracts were overdue and unpaid.
    public var contracts: Int
    /// The amount overdue and unpaid, in yuan.
    public var amount: Decimal

    /// Makes the fact.
    /// - Parameters:
    ///   - contracts: The number of contracts.
    ///   - amount: The amount, in yuan.
    public init(contracts: Int, amount: Decimal) {
        self.contracts = contracts
        self.amount = amount
    }

    /// The amount may not be negative.
    public var amounts: [Decimal?] { [amount] }

    /// Refuses a case number that is not a year, a publication before the year is over, and a negative count.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<SMEOverdueReport>, in context: ValidationContext) throws {
        _ = try stamp.reportedYear()
        try stamp.require(contracts >= 0, "the number of contracts is negative")
    }

    /// Records the publication.
    /// - Parameters:
    ///   - state: The report.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout SMEOverdueReport, _ stamp: CaseStamp<SMEOverdueReport>) {
        state.published = stamp.dated
    }
}
