extension SanctionPolicy {
    /// The national measures (国发〔2016〕76号), per record basis, class and subject kind, with durations as documented
    /// defaults (the guiding opinion names the measures but not how long they last): an integrator sets its own. It
    /// cites national documents only; a place's own plan is cited by that place's policy (``default(for:)``).
    public static let `default`: SanctionPolicy = citing([])

    /// The measures as a profile's place cites them: the national documents, and for the places whose own
    /// implementation plans name these measures (the profiles `qinhuangdao-transport`, `xin-barag-left-banner`,
    /// `benxi`, `harbin`), that plan by its title and document number beside them.
    /// - Parameter profile: The kit's profile.
    /// - Returns: The policy.
    public static func `default`(for profile: JurisdictionProfile) -> SanctionPolicy {
        guard let plan = LocalPlans.byProfile[profile.id] else { return .default }
        return citing([plan])
    }

    static func citing(_ local: [LegalCitation]) -> SanctionPolicy {
        let plans = [LegalCitation(document: "《国务院关于加强政务诚信建设的指导意见》（国发〔2016〕76号）")] + local
        let payment = [LegalCitation(document: "《保障中小企业款项支付条例》（2025）")]
        let dishonestBases = RecordBasis.allCases.filter { $0.allowedPolarities.contains(.dishonesty) }
        return SanctionPolicy(
            rules: [
                SanctionRule(
                    id: "sanction.agency.explain-and-rectify", bases: dishonestBases, severities: Severity.allCases,
                    subjectKinds: [.agency], target: .recordSubject,
                    measures: [
                        DepartmentMeasure("上级人民政府", .writtenExplanation, nil),
                        DepartmentMeasure("上级人民政府", .rectification, nil),
                    ],
                    legalBasis: plans, confirmed: false),
                SanctionRule(
                    id: "sanction.agency.ordinary", bases: dishonestBases, severities: [.ordinary],
                    subjectKinds: [.agency],
                    target: .recordSubject,
                    measures: [DepartmentMeasure("精神文明建设委员会办公室", .honoursIneligible, .years(1))],
                    legalBasis: plans, confirmed: false),
                SanctionRule(
                    id: "sanction.agency.serious", bases: dishonestBases, severities: [.serious],
                    subjectKinds: [.agency],
                    target: .recordSubject,
                    measures: [
                        DepartmentMeasure("精神文明建设委员会办公室", .honoursIneligible, .years(3)),
                        DepartmentMeasure("上级人民政府", .publicCriticism, .years(1)),
                        DepartmentMeasure("纪检监察机关", .principalAccountability, nil),
                    ],
                    legalBasis: plans, confirmed: false),
                SanctionRule(
                    id: "sanction.agency.unpaid-judgment", bases: [.judgmentDefaulter, .unexecutedJudgment],
                    severities: [.ordinary, .serious], subjectKinds: [.agency], target: .recordSubject,
                    measures: [
                        DepartmentMeasure("发展改革部门", .newProjectRestriction, .years(1)),
                        DepartmentMeasure("财政部门", .fundingLimit, .years(1)),
                        DepartmentMeasure("财政部门", .officialSpendingLimit, .years(1)),
                        DepartmentMeasure("机关事务管理部门", .officeSpaceLimit, .years(1)),
                    ],
                    legalBasis: plans + payment, confirmed: false),
                SanctionRule(
                    id: "sanction.official.own-record", bases: dishonestBases, severities: [.ordinary, .serious],
                    subjectKinds: [.official], target: .recordSubject,
                    measures: [
                        DepartmentMeasure("组织人事部门", .appointmentRestriction, .years(1)),
                        DepartmentMeasure("人力资源社会保障部门", .honoursIneligible, .years(1)),
                    ],
                    legalBasis: plans, confirmed: false),
                SanctionRule(
                    id: "sanction.official.responsible", bases: dishonestBases, severities: [.serious],
                    subjectKinds: [.official], target: .responsibleOfficials,
                    measures: [
                        DepartmentMeasure("组织人事部门", .appointmentRestriction, .years(1)),
                        DepartmentMeasure("纪检监察机关", .disciplineReferral, nil),
                    ],
                    legalBasis: plans, confirmed: false),
                SanctionRule(
                    id: "sanction.official.responsible-ordinary", bases: dishonestBases, severities: [.ordinary],
                    subjectKinds: [.official], target: .responsibleOfficials,
                    measures: [DepartmentMeasure("人力资源社会保障部门", .honoursIneligible, .years(1))],
                    legalBasis: plans, confirmed: false),
                SanctionRule(
                    id: "sanction.enterprise.serious", bases: dishonestBases, severities: [.serious],
                    subjectKinds: [.enterprise], target: .recordSubject,
                    measures: [
                        DepartmentMeasure("公共资源交易管理部门", .tenderExclusion, .years(3)),
                        DepartmentMeasure("财政部门", .fundingLimit, .years(3)),
                    ],
                    legalBasis: [LegalCitation(document: "国发〔2016〕33号")], confirmed: false),
            ],
            incentives: [
                IncentiveRule(
                    id: "incentive.agency.good-record", bases: [.commendation, .thirdPartyAssessment],
                    subjectKinds: [.agency], incentives: [.priorityHonours, .priorityFunding], duration: .years(1),
                    legalBasis: plans),
                IncentiveRule(
                    id: "incentive.official.good-record", bases: [.commendation, .thirdPartyAssessment],
                    subjectKinds: [.official], incentives: [.priorityAppointment, .priorityHonours],
                    duration: .years(1),
                    legalBasis: plans),
            ])
    }
}
