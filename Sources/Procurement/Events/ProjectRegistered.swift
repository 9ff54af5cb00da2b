import CreditKitCore
import Foundation

/// A procurement project registered (采购项目登记): `procurement.project.registered`.
public struct ProjectRegistered: CaseFacts {
    /// `procurement.project.registered`.
    public static let kind: EventKind = "procurement.project.registered"
    /// The project's name.
    public var name: String
    /// The method (采购方式).
    public var method: ProcurementMethod
    /// `goods`, `services` or `works`, when known.
    public var category: String?
    /// The budget (预算金额), in yuan, when known.
    public var budget: Decimal?
    /// A project is registered once: a second registration of its number by the same owner is refused.
    public static var opensCase: Bool { true }
    /// Whether the ledger will hold every fact of the project, so that a missing fact did not happen; `false` for
    /// projects imported from open data, which may leave facts out.
    public var completeFacts: Bool

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - name: The project's name.
    ///   - method: The method.
    ///   - category: `goods`, `services` or `works`.
    ///   - budget: The budget.
    ///   - completeFacts: Whether every fact will be recorded.
    public init(
        name: String, method: ProcurementMethod, category: String?, budget: Decimal?, completeFacts: Bool = true
    ) {
        self.name = name
        self.method = method
        self.category = category
        self.budget = budget
        self.completeFacts = completeFacts
    }

    /// The budget.
    public var amounts: [Decimal?] { [budget] }

    /// Refuses a blank name or an unknown category.
    /// - Parameters:
    ///   - stamp: The project and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<ProcurementProcess>, in context: ValidationContext) throws {
        try stamp.require(!name.allSatisfy(\.isWhitespace), "a project has a name")
        if let category {
            try stamp.require(
                ["goods", "services", "works"].contains(category),
                "category '\(category)' is not goods, services or works")
        }
    }

    /// Sets the project's name, method, category, budget and completeness.
    /// - Parameters:
    ///   - process: The process.
    ///   - stamp: The fact's entry.
    public func apply(to process: inout ProcurementProcess, _ stamp: CaseStamp<ProcurementProcess>) {
        process.name = name
        process.method = method
        process.methodText = method.chineseName
        process.category = category
        process.budget = budget
        process.isComplete = completeFacts
        process.evidence.insert(stamp.entry, at: 0)
    }
}
