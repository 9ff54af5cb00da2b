/// What a credit check is for (信用核查用途).
public enum CheckPurpose: String, Hashable, Sendable, Codable, CaseIterable {
    /// Honours, awards and model selection (评优评先、表彰奖励).
    case honours
    /// Appointment and promotion (选拔任用、晋升).
    case appointmentPromotion
    /// Government funding and subsidies (财政资金支持).
    case funding
    /// New government-pay projects (新建政府付费项目).
    case newGovernmentPayProjects
    /// Taking part in tenders and government procurement (参与招标投标、政府采购).
    case tenderParticipation

    /// The purpose's Chinese name.
    public var chineseName: String {
        switch self {
        case .honours: "评优评先"
        case .appointmentPromotion: "选拔任用"
        case .funding: "财政资金支持"
        case .newGovernmentPayProjects: "新建政府付费项目"
        case .tenderParticipation: "参与招标投标"
        }
    }
}

/// A sanction measure (失信惩戒措施) the local plans and the SME payment rules name.
public enum SanctionMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    /// Written explanation of the cause (书面说明原因).
    case writtenExplanation
    /// Rectification within a deadline (限期整改).
    case rectification
    /// Loss of eligibility for honours and awards (取消评优评先资格).
    case honoursIneligible
    /// Public criticism (公开通报批评).
    case publicCriticism
    /// Accountability of the principal responsible person (追究主要负责人责任).
    case principalAccountability
    /// Restrictions on appointment and promotion (限制选拔任用、晋升).
    case appointmentRestriction
    /// Referral to the discipline inspection and supervision organs (移交纪检监察机关).
    case disciplineReferral
    /// Limits on official spending (限制公务消费).
    case officialSpendingLimit
    /// Limits on office space (限制办公用房).
    case officeSpaceLimit
    /// Limits on funding (限制财政资金安排).
    case fundingLimit
    /// No new government-pay projects (限制新建政府付费项目).
    case newProjectRestriction
    /// Exclusion from tenders and government procurement (限制参与招标投标).
    case tenderExclusion

    /// The purposes the measure restricts.
    public var restricts: [CheckPurpose] {
        switch self {
        case .honoursIneligible, .publicCriticism: [.honours]
        case .appointmentRestriction: [.appointmentPromotion, .honours]
        case .fundingLimit: [.funding]
        case .newProjectRestriction: [.newGovernmentPayProjects]
        case .tenderExclusion: [.tenderParticipation]
        case .writtenExplanation, .rectification, .principalAccountability, .disciplineReferral, .officialSpendingLimit,
            .officeSpaceLimit:
            []
        }
    }

    /// The measure's Chinese name.
    public var chineseName: String {
        switch self {
        case .writtenExplanation: "书面说明原因"
        case .rectification: "限期整改"
        case .honoursIneligible: "取消评优评先资格"
        case .publicCriticism: "公开通报批评"
        case .principalAccountability: "追究主要负责人责任"
        case .appointmentRestriction: "限制选拔任用和晋升"
        case .disciplineReferral: "移交纪检监察机关"
        case .officialSpendingLimit: "限制公务消费"
        case .officeSpaceLimit: "限制办公用房"
        case .fundingLimit: "限制财政资金安排"
        case .newProjectRestriction: "限制新建政府付费项目"
        case .tenderExclusion: "限制参与招标投标"
        }
    }
}

/// An incentive (守信激励措施).
public enum Incentive: String, Hashable, Sendable, Codable, CaseIterable {
    /// Priority in appointment and promotion (同等条件下优先选拔任用).
    case priorityAppointment
    /// Priority in honours and awards (优先评优评先).
    case priorityHonours
    /// Priority in funding (优先安排资金).
    case priorityFunding
    /// A reduced or waived bid bond (减免投标保证金), for tenderers of good credit.
    case bidBondReduction

    /// The purposes the incentive favours.
    public var favours: [CheckPurpose] {
        switch self {
        case .priorityAppointment: [.appointmentPromotion]
        case .priorityHonours: [.honours]
        case .priorityFunding: [.funding]
        case .bidBondReduction: [.tenderParticipation]
        }
    }

    /// The incentive's Chinese name.
    public var chineseName: String {
        switch self {
        case .priorityAppointment: "同等条件下优先选拔任用"
        case .priorityHonours: "优先评优评先"
        case .priorityFunding: "优先安排资金支持"
        case .bidBondReduction: "减免投标保证金"
        }
    }
}
