import CreditKitCore
import Foundation

/// What a village publishes (村务公开内容).
public enum VillagePublicationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Village affairs (村务).
    case affairs
    /// Collective finances, income and spending (财务收支).
    case finance

    /// 村务, 财务.
    public var chineseName: String {
        switch self {
        case .affairs: "村务"
        case .finance: "财务"
        }
    }
}

/// A village's affairs and finance publication as the township that oversees it records it (村务、财务公开监督): the
/// case, owned by the township, numbered by the village's code or name. Affairs and finances are published at least
/// once every quarter, finances every month where collective dealings are frequent (村民委员会组织法 art. 30).
public struct VillageAffairs: CaseState, Hashable {
    /// `townships`.
    public static var sector: String { TownshipsModule.sectorID.rawValue }
    /// `village`.
    public static var caseKey: String { "village" }
    /// `township`.
    public static var ownerKey: String { "township" }
    /// An agency: the township.
    public static var ownerKind: SubjectKind { .agency }

    /// The village's code or name.
    public var id: CaseID
    /// The township.
    public var township: SubjectID
    /// The village's name.
    public var name: String?
    /// Whether its collective dealings are frequent, so that its finances are published monthly.
    public var frequentFinance = false
    /// The day the township's oversight began, with its entry.
    public var began: DatedFact?
    /// The publications, by kind, in order.
    public var publications: [VillagePublicationKind: [DatedFact]] = [:]

    /// A village not overseen yet.
    /// - Parameters:
    ///   - id: The code or name.
    ///   - owner: The township.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.township = owner
    }

    /// The case's number and owner.
    public var caseRef: CaseRef<VillageAffairs> { CaseRef(id, owner: township) }

    /// Names a village, from which its facts are made.
    /// - Parameters:
    ///   - code: The village's code or name.
    ///   - township: The township that oversees it.
    /// - Returns: The village.
    public static func village(_ code: CaseID, township: SubjectID) -> CaseRef<VillageAffairs> {
        CaseRef(code, owner: township)
    }
}

/// The township's oversight of a village's publication begins (纳入村务公开监督): `townships.village.registered`.
public struct VillageRegistered: CaseFacts {
    /// `townships.village.registered`.
    public static let kind: EventKind = "townships.village.registered"
    /// A village is registered once.
    public static var opensCase: Bool { true }
    /// The village's name.
    public var name: String
    /// Whether its collective dealings are frequent (集体财务往来较多), so that finances are published monthly.
    public var frequentFinance: Bool

    /// Makes the fact.
    /// - Parameters:
    ///   - name: The village's name.
    ///   - frequentFinance: Whether its collective dealings are frequent.
    public init(name: String, frequentFinance: Bool = false) {
        self.name = name
        self.frequentFinance = frequentFinance
    }

    /// Refuses a blank name.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: Unused.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<VillageAffairs>, in context: ValidationContext) throws {
        try stamp.requireTownship(in: context)
        try stamp.requireText(name, "the village's name")
    }

    /// Records the village.
    /// - Parameters:
    ///   - state: The village.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout VillageAffairs, _ stamp: CaseStamp<VillageAffairs>) {
        state.name = name
        state.frequentFinance = frequentFinance
        state.began = stamp.dated
    }
}

/// A publication on the village's open-affairs board (村务公开栏公布): `townships.village.published`, on its day.
public struct VillagePublished: CaseFacts {
    /// `townships.village.published`.
    public static let kind: EventKind = "townships.village.published"
    /// What was published.
    public var content: VillagePublicationKind
    /// What it covered, in the board's words.
    public var note: String?

    /// Makes the fact.
    /// - Parameters:
    ///   - content: What was published.
    ///   - note: What it covered.
    public init(_ content: VillagePublicationKind, note: String? = nil) {
        self.content = content
        self.note = note
    }

    /// Refuses a publication before the township's oversight began and control characters in the note.
    /// - Parameters:
    ///   - stamp: The case, owner and day.
    ///   - context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    public func validate(_ stamp: CaseStamp<VillageAffairs>, in context: ValidationContext) throws {
        if let note { try stamp.require(!note.hasControlCharacters, "the note has control characters") }
        guard let began = try context.state(of: stamp)?.began else {
            throw CreditKitError(.invalidEvent, "village \(stamp.id) is not registered")
        }
        try stamp.require(stamp.on >= began.on, "it is overseen from \(began.on)")
    }

    /// Adds the publication.
    /// - Parameters:
    ///   - state: The village.
    ///   - stamp: The fact's stamp.
    public func apply(to state: inout VillageAffairs, _ stamp: CaseStamp<VillageAffairs>) {
        state.publications[content, default: []].append(stamp.dated)
    }
}
