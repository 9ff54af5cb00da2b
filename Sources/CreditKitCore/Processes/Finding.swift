import Foundation

/// A clue that a rule looks broken here (线索): what a check found, never by itself a legal determination.
///
/// It names the rule and its legal basis, the subject, the facts and dates it used and the ledger entries that
/// are its evidence. An officer confirms it (it becomes a dishonesty record) or dismisses it with a reason; both
/// are events, and a decided finding is not reported again.
public struct Finding: Hashable, Sendable, Codable {
    /// A fact a finding used, with its value typed: money and amounts as `Decimal`, counts and day counts as
    /// integers, days as ``LocalDate``. Reports and statistics read the value; ``value`` is only its text.
    public struct Fact: Hashable, Sendable {
        /// A fact's value.
        public enum Value: Hashable, Sendable {
            /// Text: a name, a number, a state.
            case text(String)
            /// An amount in yuan (元).
            case money(Decimal)
            /// A count (个、次、人).
            case count(Int)
            /// A number of days (日或工作日).
            case days(Int)
            /// A calendar day.
            case date(LocalDate)

            /// The value as text: decimals in plain notation, dates as `YYYY-MM-DD`.
            public var text: String {
                switch self {
                case .text(let t): t
                case .money(let m): "\(m)"
                case .count(let n), .days(let n): String(n)
                case .date(let d): d.description
                }
            }

            /// The stored name of the kind; `nil` for text.
            var kindName: String? {
                switch self {
                case .text: nil
                case .money: "money"
                case .count: "count"
                case .days: "days"
                case .date: "date"
                }
            }
        }

        /// The fact's name, for example `figure`.
        public var name: String
        /// Its value.
        public var typed: Value

        /// Its value as text, for output.
        public var value: String { typed.text }

        /// Makes a text fact.
        /// - Parameters:
        ///   - name: The name.
        ///   - value: The text.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.typed = .text(value)
        }

        /// Makes a fact of any kind.
        /// - Parameters:
        ///   - name: The name.
        ///   - value: The value.
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.typed = value
        }

        /// An amount in yuan.
        /// - Parameters:
        ///   - name: The name.
        ///   - amount: The amount.
        /// - Returns: The fact.
        public static func money(_ name: String, _ amount: Decimal) -> Fact { Fact(name, .money(amount)) }

        /// A count.
        /// - Parameters:
        ///   - name: The name.
        ///   - count: The count.
        /// - Returns: The fact.
        public static func count(_ name: String, _ count: Int) -> Fact { Fact(name, .count(count)) }

        /// A number of days.
        /// - Parameters:
        ///   - name: The name.
        ///   - days: The number.
        /// - Returns: The fact.
        public static func days(_ name: String, _ days: Int) -> Fact { Fact(name, .days(days)) }

        /// A calendar-day fact.
        /// - Parameters:
        ///   - name: The name.
        ///   - day: The day.
        /// - Returns: The fact.
        public static func date(_ name: String, _ day: LocalDate) -> Fact { Fact(name, .date(day)) }
    }

    /// A date a finding used.
    public struct NamedDate: Hashable, Sendable, Codable {
        /// What the date is, for example `due`.
        public var name: String
        /// The date.
        public var date: LocalDate

        /// Makes a named date.
        /// - Parameters:
        ///   - name: What the date is.
        ///   - date: The date.
        public init(_ name: String, _ date: LocalDate) {
            self.name = name
            self.date = date
        }
    }

    /// The rule.
    public var rule: RuleID
    /// What the rule says.
    public var title: LocalizedName
    /// The legal basis.
    public var basis: [LegalCitation]
    /// Whom it is against.
    public var subject: SubjectID
    /// How serious a record it would make.
    public var severity: Severity
    /// The facts used.
    public var facts: [Fact]
    /// The dates used.
    public var dates: [NamedDate]
    /// The ledger entries that are the evidence.
    public var evidence: [LedgerEntry.ID]
    /// The day the check looked at.
    public var asOf: LocalDate
    /// What tells this finding apart from another of the same rule, subject and evidence (a period or a year a
    /// rule judges over and over), part of its key; `nil` for a finding its evidence names alone.
    public var occasion: String?

    /// Makes a finding.
    /// - Parameters:
    ///   - rule: The rule.
    ///   - title: What the rule says.
    ///   - basis: The legal basis.
    ///   - subject: Whom it is against.
    ///   - severity: How serious a record it would make.
    ///   - facts: The facts used.
    ///   - dates: The dates used.
    ///   - evidence: The evidence entries.
    ///   - asOf: The day the check looked at.
    ///   - occasion: What tells it apart from another of the same rule, subject and evidence.
    public init(
        rule: RuleID, title: LocalizedName, basis: [LegalCitation], subject: SubjectID, severity: Severity,
        facts: [Fact], dates: [NamedDate], evidence: [LedgerEntry.ID], asOf: LocalDate, occasion: String? = nil
    ) {
        self.rule = rule
        self.title = title
        self.basis = basis
        self.subject = subject
        self.severity = severity
        self.facts = facts
        self.dates = dates
        self.evidence = evidence
        self.asOf = asOf
        self.occasion = occasion
    }

    /// The finding's identity across check runs: rule, subject and evidence (not the day looked at), and the
    /// occasion when it has one (each quarter a village publishes nothing is a finding of its own).
    public var key: String {
        "\(rule)|\(subject)|" + evidence.map(String.init).joined(separator: ",") + (occasion.map { "|" + $0 } ?? "")
    }

    /// A fact's value.
    /// - Parameter name: The fact's name.
    /// - Returns: Its value, or `nil`.
    public func fact(_ name: String) -> String? { facts.first { $0.name == name }?.value }

    /// An amount a finding states.
    /// - Parameter name: The fact's name.
    /// - Returns: The amount, or `nil` when there is no such fact or it is not an amount.
    public func money(_ name: String) -> Decimal? {
        guard case .money(let amount)? = facts.first(where: { $0.name == name })?.typed else { return nil }
        return amount
    }

    /// A count or a number of days a finding states.
    /// - Parameter name: The fact's name.
    /// - Returns: The number, or `nil` when there is no such fact or it is not a count or days.
    public func number(_ name: String) -> Int? {
        switch facts.first(where: { $0.name == name })?.typed {
        case .count(let n)?, .days(let n)?: n
        default: nil
        }
    }

    /// A date's value.
    /// - Parameter name: The date's name.
    /// - Returns: The date, or `nil`.
    public func date(_ name: String) -> LocalDate? { dates.first { $0.name == name }?.date }
}

/// A finding was confirmed (线索确认): `core.finding.confirmed`. It names the record it entered (basis
/// ``RecordBasis/sectorFinding``), entered before this event, usually in the same batch.
public struct FindingConfirmed: LedgerEvent, Hashable {
    /// `core.finding.confirmed`.
    public static let kind: EventKind = "core.finding.confirmed"
    /// The finding.
    public var finding: Finding
    /// The day of confirmation.
    public var on: LocalDate
    /// Who confirmed (an office or a post).
    public var by: String
    /// The record it entered.
    public var record: CreditRecord.ID

    /// Makes the event.
    /// - Parameters:
    ///   - finding: The finding.
    ///   - on: The day of confirmation.
    ///   - by: Who confirmed.
    ///   - record: The record it entered.
    public init(finding: Finding, on: LocalDate, by: String, record: CreditRecord.ID) {
        self.finding = finding
        self.on = on
        self.by = by
        self.record = record
    }

    /// The day of confirmation.
    public var effectiveDate: LocalDate { on }
    /// The finding's subject.
    public var subjects: [SubjectID] { [finding.subject] }

    /// Refuses a finding decided before, or a record that is not this finding's.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        guard context.findingDecision(finding.key) == nil else {
            throw refuse("finding \(finding.key) was already decided")
        }
        let r = try context.record(record)
        guard r.subject == finding.subject, r.basis == .sectorFinding, r.polarity == .dishonesty else {
            throw refuse("record \(record) is not a dishonesty record on basis sectorFinding about \(finding.subject)")
        }
        guard !by.isBlank else { throw CreditKitError(.invalidEvent, "a confirmation names who confirmed") }
    }
}

/// A finding was dismissed (线索排除): `core.finding.dismissed`.
public struct FindingDismissed: LedgerEvent, Hashable {
    /// `core.finding.dismissed`.
    public static let kind: EventKind = "core.finding.dismissed"
    /// The finding.
    public var finding: Finding
    /// The day of dismissal.
    public var on: LocalDate
    /// Who dismissed.
    public var by: String
    /// Why.
    public var reason: String

    /// Makes the event.
    /// - Parameters:
    ///   - finding: The finding.
    ///   - on: The day of dismissal.
    ///   - by: Who dismissed.
    ///   - reason: Why.
    public init(finding: Finding, on: LocalDate, by: String, reason: String) {
        self.finding = finding
        self.on = on
        self.by = by
        self.reason = reason
    }

    /// The day of dismissal.
    public var effectiveDate: LocalDate { on }
    /// The finding's subject.
    public var subjects: [SubjectID] { [finding.subject] }

    /// Refuses a finding decided before, or a dismissal without a reason.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        guard context.findingDecision(finding.key) == nil else {
            throw refuse("finding \(finding.key) was already decided")
        }
        guard !reason.isBlank, !by.isBlank else {
            throw CreditKitError(.invalidEvent, "a dismissal names who dismissed it and why")
        }
    }
}

/// How a finding was decided.
public struct FindingDecision: Hashable, Sendable, Codable {
    /// Confirmed (with its record) or dismissed.
    public var record: CreditRecord.ID?
    /// The day of the decision.
    public var on: LocalDate
    /// The decision's entry.
    public var sequence: LedgerEntry.ID
    /// When the ledger learned it.
    public var recordedAt: Timestamp
    /// The reason of a dismissal.
    public var reason: String?
}

extension Finding.Fact: Codable {
    enum Keys: String, CodingKey {
        case name, value, type
    }

    /// Reads a fact: its name, its value's text and, for a value that is not text, its kind.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error for an unknown kind or a value its kind does not read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        name = try c.decode(String.self, forKey: .name)
        let text = try c.decode(String.self, forKey: .value)
        let kind = try c.decodeIfPresent(String.self, forKey: .type)
        let bad = DecodingError.dataCorruptedError(
            forKey: .value, in: c, debugDescription: "fact \(name): '\(text)' is not a \(kind ?? "text") value")
        switch kind {
        case nil: typed = .text(text)
        case "money"?:
            // Plain decimal text only (`-12.5`): Foundation's parser would stop at the first bad character.
            let plain = text.utf8.enumerated().allSatisfy { i, c in
                (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".")
                    || (i == 0 && c == UInt8(ascii: "-"))
            }
            guard plain, text.utf8.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
                text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let m = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
            else { throw bad }
            typed = .money(m)
        case "count"?:
            guard let n = Int(text) else { throw bad }
            typed = .count(n)
        case "days"?:
            guard let n = Int(text) else { throw bad }
            typed = .days(n)
        case "date"?:
            guard let d = LocalDate(text) else { throw bad }
            typed = .date(d)
        case let other?:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "fact \(name) has the unknown kind '\(other)'")
        }
    }

    /// Writes a fact: name, the value's text, then its kind unless it is text (so a text fact keeps the bytes it
    /// always had).
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(typed.kindName, forKey: .type)
    }
}
