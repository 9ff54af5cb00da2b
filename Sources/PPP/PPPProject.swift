import CreditKitCore
import Foundation

/// The stages of a PPP project (项目阶段), in order (财金〔2014〕113号).
public enum PPPStage: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// 项目识别.
    case identification
    /// 项目准备.
    case preparation
    /// 项目采购.
    case procurement
    /// 项目执行.
    case execution
    /// 项目移交.
    case handover

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .identification: "项目识别"
        case .preparation: "项目准备"
        case .procurement: "项目采购"
        case .execution: "项目执行"
        case .handover: "项目移交"
        }
    }

    /// Orders the stages as a project meets them.
    public static func < (lhs: PPPStage, rhs: PPPStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How the concessionaire is paid (回报机制).
public enum PPPPaymentMechanism: String, Hashable, Sendable, Codable, CaseIterable {
    /// 使用者付费.
    case userPay = "user-pay"
    /// 可行性缺口补助.
    case viabilityGap = "viability-gap"
    /// 政府付费.
    case governmentPay = "government-pay"

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .userPay: "使用者付费"
        case .viabilityGap: "可行性缺口补助"
        case .governmentPay: "政府付费"
        }
    }
}

/// The operating mode (运作方式).
public enum PPPOperatingMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// 建设—运营—移交.
    case bot = "BOT"
    /// 转让—运营—移交.
    case tot = "TOT"
    /// 改建—运营—移交.
    case rot = "ROT"
    /// 建设—拥有—运营.
    case boo = "BOO"
    /// 委托运营.
    case operationsAndMaintenance = "O&M"
    /// Another mode.
    case other
}

/// What the government side owes under a PPP contract (政府方义务).
public enum PPPObligationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 可用性付费.
    case availabilityPayment = "availability-payment"
    /// 运维绩效付费.
    case performancePayment = "performance-payment"
    /// 建设期可行性缺口补助.
    case constructionSubsidy = "construction-subsidy"
    /// 运营补贴.
    case operatingSubsidy = "operating-subsidy"
    /// 政府付费的收费（由政府支付的使用费）.
    case governmentPaidCharge = "government-paid-charge"
    /// 补偿款 (after a change or termination).
    case compensation
    /// 土地交付.
    case landDelivery = "land-delivery"
    /// 审批手续.
    case approval
    /// Another obligation.
    case other

    /// Whether it is a payment (its fulfilment has an amount).
    public var isPayment: Bool {
        switch self {
        case .availabilityPayment, .performancePayment, .constructionSubsidy, .operatingSubsidy,
            .governmentPaidCharge, .compensation:
            true
        case .landDelivery, .approval, .other: false
        }
    }

    /// Whether the 2023 mechanism forbids it in a new project: a fiscal payment for the asset (availability
    /// payments, construction subsidies, charges the government pays). Subsidies for operation can be lawful.
    public var isNewFiscalObligation: Bool {
        self == .availabilityPayment || self == .constructionSubsidy || self == .governmentPaidCharge
    }

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .availabilityPayment: "可用性付费"
        case .performancePayment: "运维绩效付费"
        case .constructionSubsidy: "建设期补助"
        case .operatingSubsidy: "运营补贴"
        case .governmentPaidCharge: "政府付费"
        case .compensation: "补偿款"
        case .landDelivery: "土地交付"
        case .approval: "审批手续"
        case .other: "其他义务"
        }
    }
}

/// Why a contract was changed or ended (变更、终止原因).
public enum PPPChangeReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// 政府换届、领导人员更替 — never a lawful reason (新官不理旧账).
    case leadershipChange = "leadership-change"
    /// 机构或者职能调整 — never a lawful reason.
    case institutionChange = "institution-change"
    /// 行政区划调整 — never a lawful reason.
    case divisionChange = "division-change"
    /// 公共利益需要 (lawful with lawful procedure and compensation).
    case publicInterest = "public-interest"
    /// 社会资本方违约.
    case concessionaireBreach = "concessionaire-breach"
    /// 双方协商一致.
    case mutualAgreement = "mutual-agreement"
    /// 不可抗力.
    case forceMajeure = "force-majeure"
    /// Another reason.
    case other

    /// Whether the law forbids it as a reason for the government side to change or end a contract (优化营商环境条例
    /// 第三十一条).
    public var isProhibited: Bool {
        self == .leadershipChange || self == .institutionChange || self == .divisionChange
    }

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .leadershipChange: "政府换届、领导人员更替"
        case .institutionChange: "机构或者职能调整"
        case .divisionChange: "行政区划调整"
        case .publicInterest: "公共利益需要"
        case .concessionaireBreach: "社会资本方违约"
        case .mutualAgreement: "双方协商一致"
        case .forceMajeure: "不可抗力"
        case .other: "其他"
        }
    }
}

/// One PPP project (PPP项目) with every fact the ledger holds about it: what the `ppp.*` rules read.
public struct PPPProject: CaseState, Hashable {
    /// Who answered for a stage on the government side (阶段责任人): an official, through the tenure that covered the
    /// day the stage was entered.
    public struct Responsible: Hashable, Sendable, Codable {
        /// The official.
        public var official: SubjectID
        /// The tenure (the official's post then).
        public var tenure: Tenure.ID

        /// Names the responsible official.
        /// - Parameters:
        ///   - official: The official.
        ///   - tenure: The tenure that covered the stage's day.
        public init(official: SubjectID, tenure: Tenure.ID) {
            self.official = official
            self.tenure = tenure
        }
    }

    /// A stage entered (进入阶段).
    public struct Stage: Hashable, Sendable {
        /// The stage.
        public var stage: PPPStage
        /// When it was entered.
        public var entered: DatedFact
        /// Who answered for it when it was entered, when recorded.
        public var responsible: Responsible?
        /// Who answered for it from a later day on (责任人变更), in order.
        public var handovers: [Handover] = []

        /// Who answered for the stage on a day, and the fact that says so.
        /// - Parameter day: A day within the stage.
        /// - Returns: The official (`nil` when none was recorded, or the post was left vacant) and the fact.
        public func responsible(on day: LocalDate) -> (responsible: Responsible?, since: DatedFact) {
            // The latest handover by its day (facts may be entered out of order; the later entered wins a tie).
            if let handover = handovers.enumerated().filter({ $0.element.on.on <= day })
                .max(by: { ($0.element.on.on, $0.offset) < ($1.element.on.on, $1.offset) })?.element
            {
                return (handover.responsible, handover.on)
            }
            return (responsible, entered)
        }
    }

    /// A new official answering for a stage from a day (阶段责任人变更), after a transfer or a retirement.
    public struct Handover: Hashable, Sendable {
        /// From when.
        public var on: DatedFact
        /// Who answers from then; `nil` while no one does (the post left vacant, no successor recorded).
        public var responsible: Responsible?
    }

    /// When an obligation falls due (履行期限): a day the contract fixes, which does not move off a rest day, or a
    /// number of days after an event, whose last day does (`../shared/RULES.md`, PPP).
    public enum Due: Hashable, Sendable, Codable {
        /// A day fixed in the contract.
        case fixed(LocalDate)
        /// Days counted from an event's day.
        case counted(days: Int, from: LocalDate)
    }

    /// An obligation of the government side (政府方义务) and its fulfilment.
    public struct Obligation: Hashable, Sendable {
        /// Its number in the contract's schedule.
        public var id: String
        /// What is owed.
        public var kind: PPPObligationKind
        /// When it is due.
        public var due: Due
        /// The amount, for a payment.
        public var amount: Decimal?
        /// When it was scheduled.
        public var scheduled: DatedFact
        /// Each fulfilment (a payment or the act), in the order entered.
        public var fulfilments: [Fulfilment] = []

        /// The fulfilments seen by a day, in the order of their days: facts may be entered out of order (the later
        /// entered wins a tie).
        /// - Parameter asOf: The day.
        /// - Returns: The fulfilments.
        public func fulfilments(asOf: LocalDate) -> [Fulfilment] {
            fulfilments.enumerated().filter { $0.element.on.on <= asOf }
                .sorted { ($0.element.on.on, $0.offset) < ($1.element.on.on, $1.offset) }.map(\.element)
        }

        /// What was paid by a day, in yuan.
        /// - Parameter asOf: The day.
        /// - Returns: The sum of the payments.
        public func paid(asOf: LocalDate) -> Decimal {
            fulfilments(asOf: asOf).reduce(0) { $0 + ($1.amount ?? 0) }
        }

        /// The fulfilment that completed the obligation by a day: for a payment, the one with which the payments
        /// reach the amount; otherwise the first act. `nil` while it is not complete. The rules, the statistics
        /// and the project file all read completion from here.
        /// - Parameter asOf: The day.
        /// - Returns: The completing fulfilment.
        public func completion(asOf: LocalDate) -> Fulfilment? {
            let seen = fulfilments(asOf: asOf)
            guard kind.isPayment, let amount else { return seen.first }
            var paid: Decimal = 0
            for f in seen {
                paid += f.amount ?? 0
                if paid >= amount { return f }
            }
            return nil
        }
    }

    /// A fulfilment of an obligation: a payment, in whole or in part, or the act (义务履行).
    public struct Fulfilment: Hashable, Sendable {
        /// When.
        public var on: DatedFact
        /// The amount paid, for a payment.
        public var amount: Decimal?
    }

    /// The PPP contract (PPP项目合同).
    public struct Contract: Hashable, Sendable {
        /// The concessionaire (社会资本方、项目公司).
        public var concessionaire: Counterparty
        /// When it was signed.
        public var signed: DatedFact
        /// The first day of the term (合作期), when known.
        public var termStart: LocalDate?
        /// The last day of the term, when known.
        public var termEnd: LocalDate?
        /// The private side's share of the project company's equity, in percent.
        public var privateEquityPercent: Decimal?
        /// Whether the project serves the public interest (公益性项目).
        public var publicInterest: Bool
        /// Whether a term beyond the usual was approved (经批准的更长期限).
        public var approvedLongerTerm: Bool
    }

    /// A change or termination of the contract (合同变更、终止).
    public struct Change: Hashable, Sendable {
        /// When.
        public var on: DatedFact
        /// Whether the government side made it (rather than the concessionaire or both).
        public var byGovernment: Bool
        /// Whether it ended the contract.
        public var terminates: Bool
        /// Why.
        public var reason: PPPChangeReason
        /// Whether the lawful procedure was followed (hearing the concessionaire and creditors, approval).
        public var lawfulProcedure: Bool
        /// The compensation agreed for the concessionaire's loss, if any.
        public var compensationAgreed: Decimal?
        /// What changed, in words.
        public var description: String
    }

    /// A failure of the concessionaire to perform (绩效不达标), as OCDS for PPPs records it, and its penalty.
    public struct Failure: Hashable, Sendable {
        /// Its id.
        public var id: String
        /// When it was recorded.
        public var recorded: DatedFact
        /// The period it covers.
        public var from: LocalDate
        /// The period's last day.
        public var to: LocalDate
        /// What failed (for example `出水水质不达标`).
        public var category: String
        /// The penalty the contract sets, in words.
        public var penaltyContracted: String?
        /// The penalty imposed, in words; `nil` when none was.
        public var penaltyImposed: String?
        /// When the imposed penalty was paid, if it was.
        public var penaltyPaid: DatedFact?
        /// Whether the source says if it was paid (open data may not); a penalty whose payment is not known is not
        /// judged.
        public var paymentKnown: Bool = true
    }

    /// A prequalification or qualification review (资格审查).
    public struct Qualification: Hashable, Sendable {
        /// When.
        public var on: DatedFact
        /// How many bidders qualified.
        public var qualified: Int
    }

    /// The government's fiscal affordability (财政承受能力论证) for the project.
    public struct FiscalAssessment: Hashable, Sendable {
        /// When it was assessed.
        public var on: DatedFact
        /// The year with the highest ratio.
        public var year: Int
        /// All PPP projects' spending from the budget that year, this one included.
        public var pppSpending: Decimal
        /// The general public budget expenditure that year.
        public var budgetExpenditure: Decimal

        /// The ratio in percent.
        public var ratioPercent: Decimal { budgetExpenditure > 0 ? pppSpending * 100 / budgetExpenditure : 0 }
    }

    /// A disclosure (信息公开).
    public struct Disclosure: Hashable, Sendable {
        /// What was disclosed: the stages before execution, or a year of execution.
        public var item: PPPDisclosureItem
        /// When.
        public var on: DatedFact
    }

    /// The project number (项目编号).
    public var id: CaseID
    /// The implementing agency (实施机构).
    public var agency: SubjectID
    /// The project's name.
    public var name: String?
    /// The government level (本级政府), such as `county`.
    public var level: String?
    /// The sector (行业), such as `污水处理`.
    public var industry: String?
    /// The total investment (总投资), in yuan.
    public var totalInvestment: Decimal?
    /// The operating mode.
    public var mode: PPPOperatingMode?
    /// The payment mechanism.
    public var mechanism: PPPPaymentMechanism?
    /// The registration.
    public var registered: DatedFact?
    /// The stages entered, in order.
    public var stages: [Stage] = []
    /// The qualification reviews, in order.
    public var qualifications: [Qualification] = []
    /// The contract, once signed.
    public var contract: Contract?
    /// The government's obligations.
    public var obligations: [Obligation] = []
    /// Changes and terminations.
    public var changes: [Change] = []
    /// Disclosures.
    public var disclosures: [Disclosure] = []
    /// Fiscal affordability assessments.
    public var fiscalAssessments: [FiscalAssessment] = []
    /// The concessionaire's performance failures.
    public var failures: [Failure] = []

    /// A project with no facts yet.
    /// - Parameters:
    ///   - id: The project number.
    ///   - owner: The implementing agency.
    public init(case id: CaseID, owner: SubjectID) {
        self.id = id
        self.agency = owner
    }

    /// The project number and the implementing agency.
    public var caseRef: CaseRef<Self> { CaseRef(id, owner: agency) }

    /// The stage the project was in on a day, and who answered for it: the last stage entered on or before it.
    /// - Parameter day: The day.
    /// - Returns: The stage, or `nil` before the first.
    public func stage(on day: LocalDate) -> Stage? { stages.last { $0.entered.on <= day } }

    /// When the project entered a stage, if it has.
    /// - Parameter stage: The stage.
    /// - Returns: The first entry into it.
    public func entered(_ stage: PPPStage) -> Stage? { stages.first { $0.stage == stage } }
}

/// What a PPP disclosure covers (公开事项).
public enum PPPDisclosureItem: Hashable, Sendable, Codable {
    /// The identification, preparation and procurement information (识别、准备、采购阶段信息).
    case beforeExecution
    /// A year's execution information (执行阶段年度信息).
    case execution(year: Int)
}

extension PPPProject {
    /// `ppp`.
    public static let sector = "ppp"
    /// `project`.
    public static let caseKey = "project"
    /// `agency`: the implementing agency.
    public static let ownerKey = "agency"
    /// An implementing agency is an agency.
    public static let ownerKind = SubjectKind.agency

    /// Names a project, from which its facts are made: `PPPProject.project("PPP-2019-01", agency: bureau)`.
    /// - Parameters:
    ///   - number: The project number.
    ///   - agency: The implementing agency (实施机构), a registered agency.
    /// - Returns: The project.
    public static func project(_ number: CaseID, agency: SubjectID) -> CaseRef<Self> {
        CaseRef(number, owner: agency)
    }
}
