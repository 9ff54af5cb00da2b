import Foundation

/// What one fact of a case says (案件事实), apart from the case, the owner and the day, which ``CaseEvent`` adds.
///
/// A conforming struct declares its stable ``kind``, its own fields, and how it changes its case; ``amounts`` are
/// refused when negative and ``parties`` are indexed beside the owner without further code.
///
/// ```swift
/// public struct BidsOpened: CaseFacts {
///     public typealias State = BiddingProcess
///     public static let kind: EventKind = "bidding.bids.opened"
///     public var bids: [OpenedBid]
///     public func apply(to tender: inout BiddingProcess, _ stamp: CaseStamp<BiddingProcess>) { ... }
/// }
/// ```
public protocol CaseFacts: Codable, Hashable, Sendable {
    /// The case the fact belongs to.
    associatedtype State: CaseState
    /// The stable kind string; never reuse or rename one that has been stored.
    static var kind: EventKind { get }
    /// The payload's version; 1 by default.
    static var version: Int { get }
    /// Amounts that may not be negative; none by default.
    var amounts: [Decimal?] { get }
    /// Subjects the fact concerns besides the owner (a supplier with a credit code, a supervisor); none by default.
    var parties: [SubjectID] { get }
    /// The counterparties the fact names, whose identifiers are checked (``Counterparty/validate()``); none by
    /// default.
    var counterparties: [Counterparty] { get }
    /// Keys an older payload stored the day under instead of `on`, read when `on` is absent; none by default.
    static var legacyDayKeys: [String] { get }
    /// Whether the fact opens its case (a project registered), so that a second one for the same case number and
    /// owner is refused; `false` by default.
    static var opensCase: Bool { get }
    /// Checks the fact's own fields; the owner, the case number and ``amounts`` are checked before.
    /// - Parameters:
    ///   - stamp: The case, owner and day the fact carries.
    ///   - context: The ledger as it will be just before the fact.
    /// - Throws: A ``CreditKitError`` saying what is wrong.
    func validate(_ stamp: CaseStamp<State>, in context: ValidationContext) throws
    /// Adds the fact to its case.
    /// - Parameters:
    ///   - state: The case so far.
    ///   - stamp: The case, owner, day and ledger entry of the fact.
    func apply(to state: inout State, _ stamp: CaseStamp<State>)
    /// Whose act the fact records: the case owner's report by default (``Authorship/reportingUnit``), within its
    /// own cases; a fact that records another's decision says so.
    static var authorship: Authorship { get }
}

extension CaseFacts {
    /// Version 1.
    public static var version: Int { 1 }
    /// None.
    public var amounts: [Decimal?] { [] }
    /// None.
    public var parties: [SubjectID] { [] }
    /// None.
    public var counterparties: [Counterparty] { [] }
    /// None.
    public static var legacyDayKeys: [String] { [] }
    /// No.
    public static var opensCase: Bool { false }
    /// The case owner's report.
    public static var authorship: Authorship { .reportingUnit }
    /// No checks of its own.
    /// - Parameters:
    ///   - stamp: Unused.
    ///   - context: Unused.
    public func validate(_ stamp: CaseStamp<State>, in context: ValidationContext) throws {}
}

/// Where a fact stands (事实标记): its case, owner and day, and once applied, its ledger entry.
public struct CaseStamp<State: CaseState>: Hashable, Sendable {
    /// The case number.
    public var id: CaseID
    /// The owner.
    public var owner: SubjectID
    /// When the fact holds.
    public var on: LocalDate
    /// The fact's ledger entry (while it is validated: the entry it will become).
    public var entry: LedgerEntry.ID

    /// Makes a stamp.
    /// - Parameters:
    ///   - id: The case number.
    ///   - owner: The owner.
    ///   - on: The day.
    ///   - entry: The ledger entry.
    public init(id: CaseID, owner: SubjectID, on: LocalDate, entry: LedgerEntry.ID) {
        self.id = id
        self.owner = owner
        self.on = on
        self.entry = entry
    }

    /// The day with this fact as its evidence.
    public var dated: DatedFact { DatedFact(on, evidence: [entry]) }

    /// Throws ``CreditKitError/Code/invalidEvent`` naming the case unless the condition holds.
    /// - Parameters:
    ///   - condition: What must hold.
    ///   - message: What is wrong when it does not.
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        guard condition else { throw CreditKitError(.invalidEvent, "\(State.caseKey) \(id): " + message()) }
    }

    /// For a case numbered by the year it reports on (an annual report): the year, checked to be one the calendar
    /// supports and to be over by the fact's day.
    /// - Returns: The year.
    /// - Throws: ``CreditKitError/Code/invalidEvent`` for a number that is not such a year, or a year not over.
    public func reportedYear() throws -> Int {
        guard let year = Int(id.rawValue), LocalDate.supportedYears.contains(year) else {
            throw CreditKitError(.invalidEvent, "\(State.caseKey) \(id): the number is the year reported on")
        }
        try require(on.year > year, "published on \(on), before the year \(year) is over")
        return year
    }

    /// Throws unless a text has something other than white space, and no control characters (which would reach
    /// terminals and reports as commands).
    /// - Parameters:
    ///   - text: The text.
    ///   - what: What it is, for the message (`a contract number`).
    /// - Throws: ``CreditKitError/Code/invalidEvent``.
    public func requireText(_ text: String?, _ what: String) throws {
        try require(text.map { !$0.allSatisfy(\.isWhitespace) } ?? false, "\(what) is blank")
        try require(!(text?.hasControlCharacters ?? false), "\(what) has control characters")
    }
}

extension String {
    /// Whether the text is one line: no control character, bidirectional override, line break or tab (a name, a
    /// number).
    public var isOneLine: Bool {
        !hasControlCharacters
            && !unicodeScalars.contains {
                $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}"
            }
    }

    /// Whether the text has a control character other than a tab or a line break (C0, DEL, C1), or a bidirectional
    /// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which can make a number or name read otherwise
    /// than it is stored.
    public var hasControlCharacters: Bool {
        unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }
}
