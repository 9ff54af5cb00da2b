import Foundation

/// A contract signed (合同签订): `<sector>.contract.signed`.
public struct ContractSigned<State: ContractingCase>: CaseFacts {
    /// `<sector>.contract.signed`.
    public static var kind: EventKind { EventKind(State.sector + ".contract.signed") }
    /// The contract number.
    public var contract: String
    /// The supplier (供应商/中标人).
    public var supplier: Counterparty
    /// The amount, in yuan.
    public var amount: Decimal
    /// The agreed payment term in days (付款期限), when the contract sets one.
    public var paymentTermDays: Int?
    /// Whether payment runs from acceptance (验收) rather than delivery.
    public var paysOnAcceptance: Bool
    /// The agreed acceptance day, when set.
    public var acceptanceDue: LocalDate?
    /// The award or result notice day, when the case does not hold it.
    public var awardNoticeOn: LocalDate?

    /// Makes the fact; each argument sets the property of its name.
    /// - Parameters:
    ///   - contract: The contract number.
    ///   - supplier: The supplier.
    ///   - amount: The amount.
    ///   - paymentTermDays: The agreed payment term.
    ///   - paysOnAcceptance: Whether payment runs from acceptance.
    ///   - acceptanceDue: The agreed acceptance day.
    ///   - awardNoticeOn: The award notice day.
    public init(
        contract: String, supplier: Counterparty, amount: Decimal, paymentTermDays: Int? = nil,
        paysOnAcceptance: Bool = false, acceptanceDue: LocalDate? = nil, awardNoticeOn: LocalDate? = nil
    ) {
        self.contract = contract
        self.supplier = supplier
        self.amount = amount
        self.paymentTermDays = paymentTermDays
        self.paysOnAcceptance = paysOnAcceptance
        self.acceptanceDue = acceptanceDue
        self.awardNoticeOn = awardNoticeOn
    }

    /// The amount.
    public var amounts: [Decimal?] { [amount] }
    /// The supplier, when its identifier is a credit code.
    public var parties: [SubjectID] { supplier.creditSubject.map { [$0] } ?? [] }
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { [supplier] }

    /// Refuses a blank number or supplier, a negative term, acceptance due before signing, a notice after it.
    /// - Parameters:
    ///   - stamp: The case and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<State>, in context: ValidationContext) throws {
        try stamp.require(!contract.allSatisfy(\.isWhitespace), "a contract has a number")
        try stamp.require(!supplier.name.allSatisfy(\.isWhitespace), "contract \(contract) names its supplier")
        try stamp.require((paymentTermDays ?? 0) >= 0, "contract \(contract): the payment term is negative")
        if let acceptanceDue {
            try stamp.require(acceptanceDue >= stamp.on, "contract \(contract): acceptance is due before signing")
        }
        if let awardNoticeOn {
            try stamp.require(awardNoticeOn <= stamp.on, "contract \(contract): signed before its award notice")
        }
        if let signed = try context.state(of: stamp)?.contracts.first(where: { $0.id == contract })?.signed {
            try stamp.require(
                false, "contract \(contract) is signed already, on \(signed.on); a change is a new contract number")
        }
    }

    /// Sets the contract's supplier, amount, signing and terms; the case is awarded.
    /// - Parameters:
    ///   - state: The case.
    ///   - stamp: The fact's day and entry.
    public func apply(to state: inout State, _ stamp: CaseStamp<State>) {
        let notice = awardNoticeOn ?? state.awardNoticeDay
        state.contract(contract) { c in
            c.suppliers = [supplier]
            c.amount = amount
            c.signed = stamp.dated
            c.awardNotice = awardNoticeOn ?? c.awardNotice ?? notice
            c.paymentTermDays = paymentTermDays
            c.paysOnAcceptance = paysOnAcceptance
            c.acceptanceDue = acceptanceDue
            c.evidence.append(stamp.entry)
        }
        state.awarded = true
    }
}

/// A contract reached a milestone (合同履行节点): `<sector>.contract.milestone`.
public struct ContractMilestoneReached<State: ContractingCase>: CaseFacts {
    /// `<sector>.contract.milestone`.
    public static var kind: EventKind { EventKind(State.sector + ".contract.milestone") }
    /// The contract number.
    public var contract: String
    /// What happened.
    public var milestone: ContractMilestone

    /// Makes the fact.
    /// - Parameters:
    ///   - contract: The contract number.
    ///   - milestone: What happened.
    public init(contract: String, milestone: ContractMilestone) {
        self.contract = contract
        self.milestone = milestone
    }

    /// Refuses a blank contract number.
    /// - Parameters:
    ///   - stamp: The case and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<State>, in context: ValidationContext) throws {
        try stamp.require(!contract.allSatisfy(\.isWhitespace), "a contract milestone names its contract")
        try requireSigned(contract, by: stamp, in: context, for: "the milestone \(milestone.rawValue)")
    }

    /// Dates the milestone on its contract; the first publication, filing and acceptance count.
    /// - Parameters:
    ///   - state: The case.
    ///   - stamp: The fact's day and entry.
    public func apply(to state: inout State, _ stamp: CaseStamp<State>) {
        let dated = stamp.dated
        state.contract(contract) { c in
            switch milestone {
            case .published: c.published = c.published ?? dated
            case .filed: c.filed = c.filed ?? dated
            case .delivered: c.deliveries.append(dated)
            case .acceptanceOrganised: c.acceptanceOrganised = c.acceptanceOrganised ?? dated
            case .acceptancePassed: c.acceptancePassed = c.acceptancePassed ?? dated
            case .invoiceReceived: c.invoices.append(dated)
            }
        }
    }
}

/// A payment under a contract (合同付款): `<sector>.payment.made`.
public struct PaymentMade<State: ContractingCase>: CaseFacts {
    /// `<sector>.payment.made`.
    public static var kind: EventKind { EventKind(State.sector + ".payment.made") }
    /// The contract number.
    public var contract: String
    /// The amount paid, in yuan.
    public var amount: Decimal

    /// Makes the fact.
    /// - Parameters:
    ///   - contract: The contract number.
    ///   - amount: The amount paid.
    public init(contract: String, amount: Decimal) {
        self.contract = contract
        self.amount = amount
    }

    /// Refuses a blank contract number or an amount that is not positive.
    /// - Parameters:
    ///   - stamp: The case and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<State>, in context: ValidationContext) throws {
        try stamp.require(!contract.allSatisfy(\.isWhitespace), "a payment names its contract")
        try stamp.require(amount > 0, "a payment of \(amount) is not positive")
        try requireSigned(contract, by: stamp, in: context, for: "a payment")
    }

    /// Adds the payment to its contract.
    /// - Parameters:
    ///   - state: The case.
    ///   - stamp: The fact's day and entry.
    public func apply(to state: inout State, _ stamp: CaseStamp<State>) {
        state.contract(contract) {
            $0.payments.append(.init(on: stamp.on, amount: amount, evidence: [stamp.entry]))
        }
    }
}

/// A bond posted (缴纳保证金): `<sector>.bond.posted`.
public struct BondPosted<State: ContractingCase>: CaseFacts {
    /// `<sector>.bond.posted`.
    public static var kind: EventKind { EventKind(State.sector + ".bond.posted") }
    /// Which bond.
    public var bond: BondKind
    /// Who posted it.
    public var supplier: Counterparty
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { [supplier] }
    /// The contract, for a performance bond.
    public var contract: String?
    /// The amount, in yuan.
    public var amount: Decimal

    /// Makes the fact.
    /// - Parameters:
    ///   - bond: Which bond.
    ///   - supplier: Who posted it.
    ///   - contract: The contract, for a performance bond.
    ///   - amount: The amount.
    public init(bond: BondKind, supplier: Counterparty, contract: String? = nil, amount: Decimal) {
        self.bond = bond
        self.supplier = supplier
        self.contract = contract
        self.amount = amount
    }

    /// The amount.
    public var amounts: [Decimal?] { [amount] }

    /// Refuses a performance bond without its contract.
    /// - Parameters:
    ///   - stamp: The case and day.
    ///   - context: The ledger before this fact.
    public func validate(_ stamp: CaseStamp<State>, in context: ValidationContext) throws {
        try stamp.require(bond == .bid || contract != nil, "a performance bond names its contract")
    }

    /// Adds a bid bond to the case, or sets a contract's performance bond.
    /// - Parameters:
    ///   - state: The case.
    ///   - stamp: The fact's day and entry.
    public func apply(to state: inout State, _ stamp: CaseStamp<State>) {
        switch bond {
        case .bid:
            state.bidBonds.append(
                CaseBond(holder: supplier, amount: amount, posted: stamp.on, evidence: [stamp.entry]))
        case .performance:
            state.contract(contract ?? "") { c in
                c.performanceBond = amount
                c.evidence.append(stamp.entry)
            }
        }
    }
}

/// A bid bond refunded (退还保证金): `<sector>.bond.refunded`.
public struct BondRefunded<State: ContractingCase>: CaseFacts {
    /// `<sector>.bond.refunded`.
    public static var kind: EventKind { EventKind(State.sector + ".bond.refunded") }
    /// To whom.
    public var supplier: Counterparty
    /// The counterparties named, whose identifiers are checked.
    public var counterparties: [Counterparty] { [supplier] }

    /// Makes the fact.
    /// - Parameter supplier: To whom.
    public init(supplier: Counterparty) { self.supplier = supplier }

    /// Marks the holder's first unrefunded bid bond refunded.
    /// - Parameters:
    ///   - state: The case.
    ///   - stamp: The fact's day and entry.
    public func apply(to state: inout State, _ stamp: CaseStamp<State>) {
        if let i = state.bidBonds.firstIndex(where: { $0.refunded == nil && $0.holder.sameAs(supplier) }) {
            state.bidBonds[i].refunded = stamp.dated
        }
    }
}

/// The keys of the bond facts, with `bidder`: the bidding module stored the bond's holder under it before the core's
/// bond facts were shared (version 1 payloads of `bidding.bond.posted` and `bidding.bond.refunded`).
enum BondFactKeys: String, CodingKey {
    case bond, supplier, bidder, contract, amount
}

extension BondPosted {
    /// Reads the fact, the holder under `supplier` or, in older bidding payloads, `bidder`.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error for a missing or wrong field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: BondFactKeys.self)
        bond = try c.decode(BondKind.self, forKey: .bond)
        supplier =
            try c.decodeIfPresent(Counterparty.self, forKey: .supplier)
            ?? c.decode(Counterparty.self, forKey: .bidder)
        contract = try c.decodeIfPresent(String.self, forKey: .contract)
        amount = try c.decode(Decimal.self, forKey: .amount)
    }

    /// Writes the fact: bond, supplier, contract (when set), amount.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: BondFactKeys.self)
        try c.encode(bond, forKey: .bond)
        try c.encode(supplier, forKey: .supplier)
        try c.encodeIfPresent(contract, forKey: .contract)
        try c.encode(amount, forKey: .amount)
    }
}

extension BondRefunded {
    /// Reads the fact, the holder under `supplier` or, in older bidding payloads, `bidder`.
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error for a missing or wrong field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: BondFactKeys.self)
        supplier =
            try c.decodeIfPresent(Counterparty.self, forKey: .supplier)
            ?? c.decode(Counterparty.self, forKey: .bidder)
    }

    /// Writes the fact: the supplier.
    /// - Parameter encoder: The encoder.
    /// - Throws: The encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: BondFactKeys.self)
        try c.encode(supplier, forKey: .supplier)
    }
}

/// Throws unless the case signed a contract with this number on or before the fact's day: a milestone or a payment
/// needs its contract.
func requireSigned<State: ContractingCase>(
    _ contract: String, by stamp: CaseStamp<State>, in context: ValidationContext, for what: String
) throws {
    guard let signed = try context.state(of: stamp)?.contracts.first(where: { $0.id == contract })?.signed else {
        return try stamp.require(false, "\(what) on contract \(contract), which was never signed")
    }
    try stamp.require(
        signed.on <= stamp.on, "\(what) on \(stamp.on), before contract \(contract) was signed on \(signed.on)")
}
