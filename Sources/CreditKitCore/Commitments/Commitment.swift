/// A public commitment (公开承诺, 信用承诺): what a subject promised, to whom, by when.
///
/// A commitment binds the agency, not the person who signed it: a change of leadership or of government term never
/// releases it (新官要理旧账). Its identity is the sequence number of the entry that made it; its fulfilment, breach
/// and lawful change are later events.
public struct Commitment: Hashable, Sendable, Codable {
    /// A commitment's identifier: the sequence number of the ledger entry that made it.
    public typealias ID = Tagged<Commitment, Int64>

    /// Who promised (承诺主体).
    public var promisor: SubjectID
    /// To whom: the public, a named enterprise, a township's residents.
    public var beneficiary: String
    /// The beneficiary as a registered subject, when it is one.
    public var beneficiarySubject: SubjectID?
    /// What kind of promise it is.
    public var kind: CommitmentKind
    /// What was promised, in the promisor's words.
    public var terms: String
    /// When it was made.
    public var madeOn: LocalDate
    /// When it falls due, if it has a date.
    public var dueDate: LocalDate?
    /// The sector, when it comes from one.
    public var sector: SectorID?

    /// Makes a commitment.
    /// - Parameters:
    ///   - promisor: Who promised.
    ///   - beneficiary: To whom.
    ///   - beneficiarySubject: The beneficiary as a registered subject.
    ///   - kind: What kind of promise.
    ///   - terms: What was promised.
    ///   - madeOn: When it was made.
    ///   - dueDate: When it falls due.
    ///   - sector: The sector.
    public init(
        promisor: SubjectID, beneficiary: String, beneficiarySubject: SubjectID? = nil, kind: CommitmentKind,
        terms: String, madeOn: LocalDate, dueDate: LocalDate?, sector: SectorID? = nil
    ) {
        self.promisor = promisor
        self.beneficiary = beneficiary
        self.beneficiarySubject = beneficiarySubject
        self.kind = kind
        self.terms = terms
        self.madeOn = madeOn
        self.dueDate = dueDate
        self.sector = sector
    }
}

/// What kind of promise a commitment is.
public enum CommitmentKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Service quality (服务质量承诺).
    case serviceQuality
    /// A processing time limit (办理时限承诺).
    case timeLimit
    /// A policy promise, such as an investment incentive (政策承诺).
    case policy
    /// A contract obligation (合同约定).
    case contract
    /// A payment obligation (付款义务).
    case payment
    /// A public service to residents (公共服务承诺), as townships make.
    case publicService
    /// A credit commitment signed to obtain something (信用承诺).
    case creditPledge

    /// The kind's Chinese name.
    public var chineseName: String {
        switch self {
        case .serviceQuality: "服务质量承诺"
        case .timeLimit: "办理时限承诺"
        case .policy: "政策承诺"
        case .contract: "合同约定"
        case .payment: "付款义务"
        case .publicService: "公共服务承诺"
        case .creditPledge: "信用承诺"
        }
    }
}
