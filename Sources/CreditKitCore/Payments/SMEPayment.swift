import Foundation

/// A fact on a day with the ledger entries it rests on (有据可查的日期事实).
public struct DatedFact: Hashable, Sendable {
    /// The day.
    public var on: LocalDate
    /// The entries.
    public var evidence: [LedgerEntry.ID]

    /// Makes a dated fact.
    /// - Parameters:
    ///   - on: The day.
    ///   - evidence: The entries.
    public init(_ on: LocalDate, evidence: [LedgerEntry.ID] = []) {
        self.on = on
        self.evidence = evidence
    }
}

/// The SME payment rule (保障中小企业款项支付), written once for every sector that buys from SMEs: government
/// procurement reports it as `procurement.payment.*`, bidding for works as `bidding.payment.*`.
///
/// Government bodies pay an SME within 30 days (or the term the contract agrees, 60 days at most) from delivery, or
/// from acceptance where the contract makes payment wait for it, counted from the agreed acceptance date when
/// acceptance is late. A last day on a rest day moves to the next working day when the figure says so. Late
/// payment owes interest from the day after the last allowed day, at the agreed rate or 0.05% a day.
public struct SMEPaymentRule: Sendable {
    /// A contract as the rule reads it.
    public struct Contract: Hashable, Sendable {
        /// A payment.
        public struct Payment: Hashable, Sendable {
            /// The day paid.
            public var on: LocalDate?
            /// The amount.
            public var amount: Decimal?
            /// The entries.
            public var evidence: [LedgerEntry.ID]

            /// Makes a payment.
            /// - Parameters:
            ///   - on: The day.
            ///   - amount: The amount.
            ///   - evidence: The entries.
            public init(on: LocalDate?, amount: Decimal?, evidence: [LedgerEntry.ID] = []) {
                self.on = on
                self.amount = amount
                self.evidence = evidence
            }
        }

        /// The amount owed.
        public var amount: Decimal?
        /// The term agreed, in days.
        public var agreedTermDays: Int?
        /// Whether payment waits for acceptance.
        public var paysOnAcceptance: Bool
        /// The agreed acceptance date.
        public var acceptanceDue: LocalDate?
        /// Acceptance passed.
        public var acceptancePassed: DatedFact?
        /// Deliveries.
        public var deliveries: [DatedFact]
        /// Payments.
        public var payments: [Payment]
        /// The entries of the contract itself.
        public var evidence: [LedgerEntry.ID]

        /// Makes a contract.
        /// - Parameters:
        ///   - amount: The amount owed.
        ///   - agreedTermDays: The term agreed.
        ///   - paysOnAcceptance: Whether payment waits for acceptance.
        ///   - acceptanceDue: The agreed acceptance date.
        ///   - acceptancePassed: Acceptance passed.
        ///   - deliveries: Deliveries.
        ///   - payments: Payments.
        ///   - evidence: The contract's entries.
        public init(
            amount: Decimal?, agreedTermDays: Int? = nil, paysOnAcceptance: Bool = false,
            acceptanceDue: LocalDate? = nil, acceptancePassed: DatedFact? = nil, deliveries: [DatedFact],
            payments: [Payment], evidence: [LedgerEntry.ID] = []
        ) {
            self.amount = amount
            self.agreedTermDays = agreedTermDays
            self.paysOnAcceptance = paysOnAcceptance
            self.acceptanceDue = acceptanceDue
            self.acceptancePassed = acceptancePassed
            self.deliveries = deliveries
            self.payments = payments
            self.evidence = evidence
        }

        /// Where the period starts as of a day: acceptance when payment waits for it (the agreed date when
        /// acceptance is later, or has not come by then), else the first delivery; `nil` before either.
        /// - Parameter asOf: The day.
        /// - Returns: The start, named `acceptance` or `delivered`.
        public func start(asOf: LocalDate) -> (name: String, fact: DatedFact)? {
            if paysOnAcceptance {
                let passed = acceptancePassed.flatMap { $0.on <= asOf ? $0 : nil }
                switch (passed, acceptanceDue) {
                case (let passed?, let due?):
                    return ("acceptance", passed.on <= due ? passed : DatedFact(due, evidence: evidence))
                case (let passed?, nil): return ("acceptance", passed)
                case (nil, let due?): return due < asOf ? ("acceptance", DatedFact(due, evidence: evidence)) : nil
                case (nil, nil): return nil
                }
            }
            return deliveries.filter { $0.on <= asOf }.min { $0.on < $1.on }.map { ("delivered", $0) }
        }
    }

    /// What the rule finds in one contract as of a day.
    public struct Assessment: Hashable, Sendable {
        /// Where the period started: `acceptance` or `delivered`.
        public var startName: String
        /// The start, with its entries.
        public var start: DatedFact
        /// The last allowed day.
        public var due: Deadline
        /// The term applied, in words (`30 d`, `agreed 90 d, counted as 60 d`).
        public var term: String
        /// The figure of late payment, with its basis.
        public var lateFigure: RuleFigure
        /// The payments made after the last allowed day, by the day looked at.
        public var latePayments: [Contract.Payment]
        /// The interest owed on them, rounded to the fen.
        public var interestOwed: Decimal
        /// The figure of an unpaid amount, when one is owed past the last day.
        public var unpaidFigure: RuleFigure?
        /// What is still owed past the last day (`nil` when the amount is unknown and nothing was paid).
        public var outstanding: Decimal?
        /// The interest accrued on it to the day looked at.
        public var interestAccrued: Decimal?
        /// Days past the last allowed day, on the day looked at.
        public var daysPastDue: Int
        /// The entries of every payment made by the day looked at.
        public var paymentEvidence: [LedgerEntry.ID]

        /// Whether the contract was paid late.
        public var paidLate: Bool { !latePayments.isEmpty }
        /// Whether money is owed past the last day.
        public var unpaid: Bool { unpaidFigure != nil }
    }

    /// The sector whose ids the rule reports under: `procurement`, `bidding`.
    public let sector: String

    /// Makes the rule for a sector.
    /// - Parameter sector: The sector's id.
    public init(sector: String) { self.sector = sector }

    /// `<sector>.payment.late-sme`.
    public var lateRule: RuleID { RuleID(rawValue: "\(sector).payment.late-sme") }
    /// `<sector>.payment.overdue-unpaid`.
    public var unpaidRule: RuleID { RuleID(rawValue: "\(sector).payment.overdue-unpaid") }
    /// `<sector>.payment.agreed-term-cap`.
    public var capRule: RuleID { RuleID(rawValue: "\(sector).payment.agreed-term-cap") }
    /// `<sector>.payment.interest`.
    public var interestRule: RuleID { RuleID(rawValue: "\(sector).payment.interest") }

    /// The rule's national figures under the sector's ids: the 2020 regulation (art. 8) through 31 May 2025, the
    /// 2025 one (art. 9) from 1 June 2025, the 60-day cap and the 0.05% daily interest.
    public var figures: [RuleFigure] {
        let r2020 = LegalCitation(document: "《保障中小企业款项支付条例》", article: "第八条")
        let r2025 = LegalCitation(document: "《保障中小企业款项支付条例》（2025）", article: "第九条")
        let note =
            "from delivery, or from acceptance where the contract makes payment depend on it (from the agreed "
            + "acceptance date when acceptance is delayed); a contract may agree a term of at most 60 d"
        func versions(_ rule: RuleID, _ title: LocalizedName, note: String) -> [RuleFigure] {
            [
                RuleFigure(
                    rule: rule, title: title, figure: Figure(30, .days), restDayExtension: true, basis: [r2020],
                    from: LocalDate("2020-09-01"), through: LocalDate("2025-05-31"), note: note),
                RuleFigure(
                    rule: rule, title: title, figure: Figure(30, .days), restDayExtension: true, basis: [r2025],
                    from: LocalDate("2025-06-01"), note: note),
            ]
        }
        return versions(lateRule, LocalizedName(chinese: "逾期支付中小企业款项", english: "an SME paid late"), note: note)
            + versions(
                unpaidRule,
                LocalizedName(chinese: "逾期未支付中小企业款项", english: "an SME still unpaid past the limit"),
                note: note + "; reported while the amount stays unpaid")
            + [
                RuleFigure(
                    rule: capRule,
                    title: LocalizedName(
                        chinese: "合同约定付款期限的上限", english: "the longest payment term a contract may agree"),
                    figure: Figure(60, .days), basis: [r2025], from: LocalDate("2020-09-01"),
                    note: "a longer agreed term counts as this one"),
                RuleFigure(
                    rule: interestRule,
                    title: LocalizedName(
                        chinese: "未约定利率时的逾期利息（每日）", english: "late-payment interest per day when none agreed"),
                    figure: Figure(Decimal(string: "0.05")!, .percent),
                    basis: [LegalCitation(document: "《保障中小企业款项支付条例》（2025）", article: "第十七条")],
                    note: "runs from the day after the last allowed day"),
            ]
    }

    /// The rule's four declarations (late, unpaid, cap, interest), each with its versions.
    public var declarations: [RuleDeclaration] {
        [lateRule, unpaidRule, capRule, interestRule].map { id in
            RuleDeclaration(figures: figures.filter { $0.rule == id })
        }
    }

    /// Assesses one contract with an SME as of a day.
    /// - Parameters:
    ///   - contract: The contract.
    ///   - profile: The profile whose figures apply (in force on the start day).
    ///   - asOf: The day looked at; payments after it are not seen.
    /// - Returns: The assessment, or `nil` before the period starts or when no version of the rule was in force
    ///   on the start day.
    /// - Throws: ``CreditKitError/Code/invalidArgument`` when the profile lacks one of the rule's figures.
    public func assess(_ contract: Contract, profile: JurisdictionProfile, asOf: LocalDate) throws -> Assessment? {
        guard let (startName, start) = contract.start(asOf: asOf),
            let late = try profile.figureInForce(lateRule, on: start.on), var period = late.figure.period
        else { return nil }
        var term = "\(period.value) d"
        if let agreed = contract.agreedTermDays {
            let cap = try profile.figureInForce(capRule, on: start.on)?.figure.period?.value ?? agreed
            period = .days(min(agreed, cap))
            term = "agreed \(agreed) d" + (agreed > cap ? ", counted as \(cap) d" : "")
        }
        let due = profile.calendar.deadline(period, from: start.on, restDayExtension: late.restDayExtension ?? true)
        // No version of the interest rule in force on the start day: the rule does not apply as a whole.
        guard let interestFigure = try profile.figureInForce(interestRule, on: start.on) else { return nil }
        let rate = interestFigure.figure.value / 100
        let made = contract.payments.filter { ($0.on ?? .distantFuture) <= asOf }
        let lateOnes = made.filter { $0.on! > due.due }
        var interest = Decimal(0)
        for p in lateOnes { interest += (p.amount ?? 0) * rate * Decimal(due.daysLate(on: p.on!)) }
        var result = Assessment(
            startName: startName, start: start, due: due, term: term, lateFigure: late, latePayments: lateOnes,
            interestOwed: Self.fen(interest), unpaidFigure: nil, outstanding: nil, interestAccrued: nil,
            daysPastDue: due.daysLate(on: asOf), paymentEvidence: made.flatMap(\.evidence))
        guard asOf > due.due, let unpaid = try profile.figureInForce(unpaidRule, on: start.on) else { return result }
        let paid = made.reduce(Decimal(0)) { $0 + ($1.amount ?? 0) }
        let outstanding = contract.amount.map { $0 - paid }
        guard outstanding.map({ $0 > 0 }) ?? made.isEmpty else { return result }
        result.unpaidFigure = unpaid
        result.outstanding = outstanding
        result.interestAccrued = outstanding.map { Self.fen($0 * rate * Decimal(result.daysPastDue)) }
        return result
    }

    /// Rounds to the fen (two decimals).
    static func fen(_ value: Decimal) -> Decimal { value.roundedToTwoPlaces }
}

extension FindingCollector {
    /// The SME payment rule on one contract (中小企业款项支付), under the rule's sector ids: paid late (with the
    /// late amount and the interest owed) and still unpaid past the limit (with the outstanding amount and the
    /// interest accrued, an ordinary finding). Contracts without an SME supplier are left alone.
    /// - Parameters:
    ///   - rule: The rule, for the sector.
    ///   - contract: The contract.
    /// - Throws: When the profile lacks one of the rule's figures.
    public mutating func smePayment(_ rule: SMEPaymentRule, contract: CaseContract) throws {
        let c = contract
        guard c.paysAnSME, let a = try rule.assess(c.paymentTerms, profile: profile, asOf: asOf) else { return }
        let startDates: [Finding.NamedDate] = [.init(a.startName, a.start.on), .init("due", a.due.due)]
        if a.paidLate {
            add(
                a.lateFigure,
                [
                    .init("contract", c.id), .init("term", a.term), .count("latePayments", a.latePayments.count),
                    .money("lateAmount", a.latePayments.reduce(Decimal(0)) { $0 + ($1.amount ?? 0) }),
                    .money("interestOwed", a.interestOwed),
                ],
                dates: startDates + a.latePayments.compactMap { $0.on.map { .init("paid", $0) } },
                evidence: c.evidence + a.start.evidence + a.latePayments.flatMap(\.evidence))
        }
        if let unpaid = a.unpaidFigure {
            var facts: [Finding.Fact] = [
                .init("contract", c.id), .init("term", a.term), .days("daysLate", a.daysPastDue),
            ]
            if let outstanding = a.outstanding, let interest = a.interestAccrued {
                facts += [.money("outstanding", outstanding), .money("interestAccrued", interest)]
            }
            add(
                unpaid, facts, dates: startDates, evidence: c.evidence + a.start.evidence + a.paymentEvidence,
                severity: .ordinary)
        }
    }
}
