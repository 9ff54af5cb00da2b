import CreditKitCore
import Foundation

/// A tenderer put on the blacklist of bad conduct (列入不良行为黑名单): `bidding.blacklist.listed`. It accompanies the
/// dishonesty record that carries the exclusion and the term decided for it; ``BiddingBlacklist/enter(_:in:)`` writes
/// the three together.
public struct BlacklistListed: LedgerEvent, Hashable {
    /// `bidding.blacklist.listed`.
    public static let kind: EventKind = "bidding.blacklist.listed"
    /// The dishonesty record.
    public var record: CreditRecord.ID
    /// The tenderer, a registered enterprise.
    public var enterprise: SubjectID
    /// The ground.
    public var ground: BlacklistGround
    /// The first day excluded.
    public var from: LocalDate
    /// The last day excluded.
    public var through: LocalDate
    /// Whether it is serious (a repeat within the window).
    public var serious: Bool
    /// The earlier entries that made it a repeat.
    public var repeats: [CreditRecord.ID]

    /// Makes the event.
    /// - Parameters:
    ///   - record: The dishonesty record.
    ///   - enterprise: The tenderer.
    ///   - ground: The ground.
    ///   - from: The first day excluded.
    ///   - through: The last day excluded.
    ///   - serious: Whether serious.
    ///   - repeats: The earlier entries that made it a repeat.
    public init(
        record: CreditRecord.ID, enterprise: SubjectID, ground: BlacklistGround, from: LocalDate, through: LocalDate,
        serious: Bool, repeats: [CreditRecord.ID]
    ) {
        self.record = record
        self.enterprise = enterprise
        self.ground = ground
        self.from = from
        self.through = through
        self.serious = serious
        self.repeats = repeats
    }

    /// The first day excluded.
    public var effectiveDate: LocalDate { from }
    /// The tenderer.
    public var subjects: [SubjectID] { [enterprise] }

    /// Refuses an entry whose record is not the enterprise's dishonesty record in the bidding sector, or whose term
    /// ends before it starts.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(enterprise, kind: .enterprise, role: "blacklisted tenderer")
        let r = try context.record(record)
        guard r.subject == enterprise, r.polarity == .dishonesty, r.sector == BiddingModule.sectorID else {
            throw CreditKitError(.invalidEvent, "record \(record) is not a bidding dishonesty record of \(enterprise)")
        }
        guard through >= from else {
            throw CreditKitError(.invalidEvent, "a blacklist term ends on or after its start")
        }
    }
}

/// One blacklist entry as published (黑名单公布信息).
public struct BlacklistEntry: Hashable, Sendable {
    /// The dishonesty record.
    public var record: CreditRecord.ID
    /// The tenderer.
    public var enterprise: SubjectID
    /// Its name.
    public var name: String
    /// The ground.
    public var ground: BlacklistGround
    /// The first and last day excluded.
    public var from: LocalDate, through: LocalDate
    /// Whether serious.
    public var serious: Bool
    /// The earlier entries that made it a repeat.
    public var repeats: [CreditRecord.ID]
    /// The deciding authority and its document number.
    public var authority: String, documentNumber: String

    /// Whether the exclusion applies on a day.
    /// - Parameter day: The day.
    /// - Returns: `true` from the first through the last day.
    public func inForce(on day: LocalDate) -> Bool { from <= day && day <= through }
}

/// The blacklist of bad conduct in bidding (招标投标不良行为黑名单): entries with their grounds and terms, published
/// with them, and answered by the core credit check (`kit.check(tenderer, for: .tenderParticipation, on:)`).
public enum BiddingBlacklist {
    /// What a supervising department decided.
    public struct Decision: Sendable {
        /// The tenderer, a registered enterprise.
        public var enterprise: SubjectID
        /// The ground.
        public var ground: BlacklistGround
        /// The term decided, in years or months, within the ground's range.
        public var term: Period
        /// The day of the act.
        public var actDate: LocalDate
        /// The day of the decision; the exclusion starts then.
        public var decidedOn: LocalDate
        /// The deciding authority.
        public var authority: Authority
        /// Its document number.
        public var documentNumber: String
        /// What happened.
        public var facts: String

        /// Makes a decision.
        /// - Parameters:
        ///   - enterprise: The tenderer.
        ///   - ground: The ground.
        ///   - term: The term.
        ///   - actDate: The day of the act.
        ///   - decidedOn: The day of the decision.
        ///   - authority: The authority.
        ///   - documentNumber: The document number.
        ///   - facts: What happened.
        public init(
            enterprise: SubjectID, ground: BlacklistGround, term: Period, actDate: LocalDate, decidedOn: LocalDate,
            authority: Authority, documentNumber: String, facts: String
        ) {
            self.enterprise = enterprise
            self.ground = ground
            self.term = term
            self.actDate = actDate
            self.decidedOn = decidedOn
            self.authority = authority
            self.documentNumber = documentNumber
            self.facts = facts
        }
    }

    static func months(_ p: Period) -> Int? {
        switch p.unit {
        case .years: p.value * 12
        case .months: p.value
        default: nil
        }
    }

    /// Enters a decision: the dishonesty record (bidding sector, serious when it repeats the same ground within the
    /// profile's window), its decided term and the listing, in one batch.
    /// - Parameters:
    ///   - decision: The decision.
    ///   - kit: The kit, with the bidding module.
    /// - Returns: The entry.
    /// - Throws: `CreditKitError` (`invalidArgument`) for a term outside the ground's range (or not in years or
    ///   months), and the ledger's refusals; nothing is written then.
    @discardableResult
    public static func enter(_ decision: Decision, in kit: CreditKit) async throws -> BlacklistEntry {
        let profile = try kit.profile.addingDefaults(BiddingLaw.figures)
        let g = decision.ground
        let low = try profile.figure(g.minimumRule, on: decision.decidedOn)
        let high = try profile.figure(g.rule, on: decision.decidedOn)
        guard let asked = months(decision.term), let lowest = low.figure.period.flatMap(months),
            let longest = high.figure.period.flatMap(months), asked >= lowest, asked <= longest
        else {
            throw CreditKitError(
                .invalidArgument,
                "a blacklist term for \(g.rawValue) is \(low.figure) to \(high.figure), not \(decision.term)",
                context: ["rule": g.rule.rawValue])
        }
        let window =
            try profile.figure(BlacklistGround.repeatWindow, on: decision.decidedOn).figure.period
            ?? .years(3)
        let earlier = try entries(in: kit, asOf: decision.decidedOn).filter {
            $0.enterprise == decision.enterprise && $0.ground == g
                && $0.from >= decision.decidedOn.adding(period: Period(-window.value, window.unit))
        }
        let serious = g.repeatsAreSerious && !earlier.isEmpty
        let through = decision.decidedOn.adding(period: decision.term).adding(days: -1)
        let record = CreditRecord(
            subject: decision.enterprise, polarity: .dishonesty, basis: .administrativePenalty,
            severity: serious ? .serious : .ordinary, actDate: decision.actDate, decisionDate: decision.decidedOn,
            authority: decision.authority, documentNumber: decision.documentNumber,
            legalBasis: high.basis, facts: "\(g.chineseName)：\(decision.facts)", sector: BiddingModule.sectorID)
        let entries = try await kit.append { first in
            [
                RecordEntered(record: record),
                SanctionTermSet(record: CreditRecord.ID(first), through: through, on: decision.decidedOn),
                BlacklistListed(
                    record: CreditRecord.ID(first), enterprise: decision.enterprise, ground: g,
                    from: decision.decidedOn, through: through, serious: serious, repeats: earlier.map(\.record)),
            ]
        }
        return BlacklistEntry(
            record: CreditRecord.ID(entries[0].sequence), enterprise: decision.enterprise,
            name: try kit.name(of: decision.enterprise),
            ground: g, from: decision.decidedOn, through: through, serious: serious, repeats: earlier.map(\.record),
            authority: decision.authority.name, documentNumber: decision.documentNumber)
    }

    /// Every entry the ledger holds, decided by a day (in force or not).
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The entries, oldest first.
    /// - Throws: Storage and decoding errors.
    public static func entries(in kit: CreditKit, asOf: LocalDate) throws -> [BlacklistEntry] {
        let view = kit.view
        guard view.kindsSeen.contains(BlacklistListed.kind) else { return [] }
        var out: [BlacklistEntry] = []
        for state in view.subjects(ofKind: .enterprise, asOf: asOf) {
            let listed = try BiddingLedger.events(
                in: kit.ledger, view: view, subject: state.subject.id, asOf: asOf, knownAt: .distantFuture)
            for case (_, let e as BlacklistListed) in listed {
                guard let record = try kit.ledger.read([LedgerEntry.ID(e.record.rawValue)]).first,
                    let r = try kit.ledger.registry.decode(record, as: RecordEntered.self)?.record
                else { continue }
                let life = view.lifecycle(e.record)
                var through = e.through
                if let revoked = life.revokedOn(asOf: asOf) { through = min(through, revoked.adding(days: -1)) }
                out.append(
                    BlacklistEntry(
                        record: e.record, enterprise: e.enterprise, name: try kit.name(of: e.enterprise),
                        ground: e.ground,
                        from: e.from, through: through, serious: e.serious, repeats: e.repeats,
                        authority: r.authority.name, documentNumber: r.documentNumber))
            }
        }
        return out.sorted { ($0.from, $0.record) < ($1.from, $1.record) }
    }

    /// The published list (黑名单公布): the entries in force on a day, with their grounds and terms.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The table.
    /// - Throws: Storage and decoding errors.
    public static func publication(in kit: CreditKit, asOf: LocalDate) throws -> ReportTable {
        let rows = try entries(in: kit, asOf: asOf).filter { $0.inForce(on: asOf) }.map { e in
            [
                e.name, e.enterprise.rawValue, e.ground.chineseName, e.serious ? "情节特别严重" : "情节严重",
                e.from.description, e.through.description, e.authority, e.documentNumber,
            ]
        }
        return ReportTable(
            name: "bidding-blacklist", caption: "招标投标不良行为黑名单 Blacklist in force on \(asOf)",
            headers: [
                "名称 Name", "统一社会信用代码 Code", "事由 Ground", "情节 Class", "起 From", "止 Through", "决定机关 Authority",
                "文号 Document",
            ],
            rows: rows)
    }
}
