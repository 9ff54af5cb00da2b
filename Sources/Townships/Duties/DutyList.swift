import CreditKitCore
import Foundation

/// Which of a township's three duty lists an item is on (乡镇（街道）履行职责事项清单).
public enum DutyListKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Basic duties (基本履职事项).
    case basic
    /// Duties in cooperation with county departments (配合履职事项).
    case cooperative
    /// Matters taken back by the county departments (上级部门收回事项): never to be pushed down again.
    case takenBack

    /// 基本履职事项, 配合履职事项, 上级部门收回事项.
    public var chineseName: String {
        switch self {
        case .basic: "基本履职事项"
        case .cooperative: "配合履职事项"
        case .takenBack: "上级部门收回事项"
        }
    }
}

/// One item of a duty list.
public struct DutyItem: Hashable, Sendable, Codable {
    /// The item's code on the list.
    public var code: String
    /// What it is.
    public var name: String
    /// Which list it is on.
    public var list: DutyListKind

    /// Makes an item.
    /// - Parameters:
    ///   - code: The code.
    ///   - name: What it is.
    ///   - list: Which list.
    public init(_ code: String, _ name: String, _ list: DutyListKind) {
        self.code = code
        self.name = name
        self.list = list
    }
}

/// An edition of a township's duty lists (履行职责事项清单), all three lists at once: the case, owned by the township,
/// numbered by the edition (`2025版`). The edition in force on a day is the latest published by then.
public struct DutyLists: CaseState, Hashable {
    /// `townships`.
    public static var sector: String { TownshipsModule.sectorID.rawValue }
    /// `edition`.
    public static var caseKey: String { "edition" }
    /// `township`.
    public static var ownerKey: String { "township" }
    /// An agency: the township.
    public static var ownerKind: SubjectKind { .agency }

    /// The edition.
    public var id: CaseID
    /// The township.
    public var township: SubjectID
    /// The items of the three lists.
    public var items: [DutyItem] = []
    /// The day it was published, with its entry.
    public var published: DatedFact?

    /// An edition not published yet.
    /// - Parameters:
    ///   - id: The edition.
    ///   - owner: The township.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.township = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<DutyLists> { CaseRef(id, owner: township) }

    /// The item a task names: the taken-back item of its exact name if there is one (citing another code does not
    /// bring a taken-back matter back), else the item of the code it cites, else the item of its exact name.
    /// - Parameters:
    ///   - code: The code the task names.
    ///   - name: The task's name.
    /// - Returns: The item, or `nil` when it is on no list.
    public func item(code: String?, name: String) -> DutyItem? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        // A matter the county took back stays taken back whatever code is cited for it.
        if let takenBack = items.first(where: { $0.list == .takenBack && $0.name == trimmed }) { return takenBack }
        if let code { return items.first { $0.code == code } }
        return items.first { $0.name == trimmed }
    }

    /// Names an edition, from which its publication is made.
    /// - Parameters:
    ///   - edition: The edition.
    ///   - township: The township.
    /// - Returns: The edition.
    public static func edition(_ edition: CaseID, township: SubjectID) -> CaseRef<DutyLists> {
        CaseRef(edition, owner: township)
    }
}

/// An edition of the duty lists published (公布履行职责事项清单): `townships.duties.published`.
public struct DutyListsPublished: CaseFacts {
    /// `townships.duties.published`.
    public static let kind: EventKind = "townships.duties.published"
    /// An edition is published once.
    public static var opensCase: Bool { true }
    /// The items of the three lists.
    public var items: [DutyItem]

    /// Makes the fact.
    /// - Parameter items: The items.
    public init(items: [DutyItem]) { self.items = items }

    /// Refuses an empty edition, a blank code or name, and a code used twice.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<DutyLists>, in context: ValidationContext) throws {
        try stamp.requireTownship(in: context)
        try stamp.require(!items.isEmpty, "it lists no item")
        var codes: Set<String> = []
        for item in items {
            try stamp.requireText(item.code, "an item's code")
            try stamp.requireText(item.name, "item \(item.code)'s name")
            try stamp.require(codes.insert(item.code).inserted, "item code \(item.code) is listed twice")
        }
    }

    /// Records the edition.
    /// - Parameters:
    ///   - state: The edition.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout DutyLists, _ stamp: CaseStamp<DutyLists>) {
        state.items = items
        state.published = stamp.dated
    }
}

/// A task a county department assigned to a township (县级部门派转乡镇（街道）事项): the case, owned by the township that
/// received it, numbered by its register. Whether it may be pushed down is judged against the duty lists in force
/// on the day assigned; a finding is the assigning department's.
public struct AssignedTask: CaseState, Hashable {
    /// `townships`.
    public static var sector: String { TownshipsModule.sectorID.rawValue }
    /// `task`.
    public static var caseKey: String { "task" }
    /// `township`.
    public static var ownerKey: String { "township" }
    /// An agency: the township.
    public static var ownerKind: SubjectKind { .agency }

    /// The task's number.
    public var id: CaseID
    /// The township.
    public var township: SubjectID
    /// What was assigned.
    public var assigned: TaskAssigned?
    /// The day, with its entry.
    public var assignedOn: DatedFact?

    /// A task not assigned yet.
    /// - Parameters:
    ///   - id: The number.
    ///   - owner: The township.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.township = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<AssignedTask> { CaseRef(id, owner: township) }

    /// Names a task, from which its assignment is made.
    /// - Parameters:
    ///   - number: The task's number.
    ///   - township: The township that received it.
    /// - Returns: The task.
    public static func task(_ number: CaseID, township: SubjectID) -> CaseRef<AssignedTask> {
        CaseRef(number, owner: township)
    }
}

/// A task assigned (派转事项): `townships.task.assigned`, by a county department.
public struct TaskAssigned: CaseFacts {
    /// `townships.task.assigned`.
    public static let kind: EventKind = "townships.task.assigned"
    /// A task is assigned once.
    public static var opensCase: Bool { true }
    /// The assigning department, a registered agency.
    public var assignedBy: SubjectID
    /// What the task is.
    public var title: String
    /// The duty-list code the department cites, if any.
    public var dutyCode: String?
    /// The county's approval to push down a matter on no list (事项准入批准文号), if any.
    public var approval: String?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - assignedBy: The assigning department.
    ///   - title: What the task is.
    ///   - dutyCode: The duty-list code cited.
    ///   - approval: The county's approval.
    public init(assignedBy: SubjectID, title: String, dutyCode: String? = nil, approval: String? = nil) {
        self.assignedBy = assignedBy
        self.title = title
        self.dutyCode = dutyCode
        self.approval = approval
    }

    /// The assigning department.
    public var parties: [SubjectID] { [assignedBy] }

    /// Refuses an owner that is not a township, an assigning department that is not a registered agency above the
    /// township level, and a blank title or code.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent` or `unknownSubject`).
    public func validate(_ stamp: CaseStamp<AssignedTask>, in context: ValidationContext) throws {
        try stamp.requireTownship(in: context)
        try context.requireSubject(assignedBy, kind: .agency, role: "assigning department")
        try stamp.require(assignedBy != stamp.owner, "a township does not assign a task to itself")
        if let assigner = context.agency(assignedBy) {
            try stamp.require(
                assigner.level != .township && assigner.level != .village,
                "\(assigner.name) is a \(assigner.level.chineseName) body; tasks are pushed down by county departments")
        }
        try stamp.requireText(title, "what the task is")
        if let dutyCode { try stamp.requireText(dutyCode, "the duty-list code") }
        if let approval { try stamp.require(!approval.hasControlCharacters, "the approval has control characters") }
    }

    /// Records the task.
    /// - Parameters:
    ///   - state: The task.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout AssignedTask, _ stamp: CaseStamp<AssignedTask>) {
        state.assigned = self
        state.assignedOn = stamp.dated
    }
}
