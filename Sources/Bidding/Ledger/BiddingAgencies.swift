import CreditKitCore
import Foundation

/// A bidding agency's registration (招标代理机构登记): `bidding.agency.registered`. Since 2018 agencies are not licensed
/// but register their information on the public platforms; the registration carries it.
public struct BiddingAgencyRegistered: LedgerEvent, Hashable {
    /// `bidding.agency.registered`.
    public static let kind: EventKind = "bidding.agency.registered"
    /// The agency, a registered enterprise.
    public var agency: SubjectID
    /// Where it registered (登记平台).
    public var registeredWith: String
    /// The registration number.
    public var registrationNumber: String
    /// What it may run (代理业务范围).
    public var scope: [TenderCategory]
    /// Its qualification as stated (资格、资信).
    public var qualification: String
    /// The day registered.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - registeredWith: Where it registered.
    ///   - registrationNumber: The registration number.
    ///   - scope: What it may run.
    ///   - qualification: Its qualification.
    ///   - on: The day.
    public init(
        agency: SubjectID, registeredWith: String, registrationNumber: String, scope: [TenderCategory],
        qualification: String, on: LocalDate
    ) {
        self.agency = agency
        self.registeredWith = registeredWith
        self.registrationNumber = registrationNumber
        self.scope = scope
        self.qualification = qualification
        self.on = on
    }

    /// The day registered.
    public var effectiveDate: LocalDate { on }
    /// The agency.
    public var subjects: [SubjectID] { [agency] }

    /// Refuses an unregistered enterprise or a blank registration.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(agency, kind: .enterprise, role: "bidding agency")
        guard !registrationNumber.allSatisfy(\.isWhitespace), !registeredWith.allSatisfy(\.isWhitespace) else {
            throw CreditKitError(.invalidEvent, "an agency registration names its platform and number")
        }
    }
}

/// What a supervision of an agency found.
public enum AgencySupervisionOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nothing wrong (合规).
    case compliant
    /// Wrongs corrected on the spot or on notice (责令改正).
    case corrected
    /// A violation, handed on for penalty (违法违规).
    case violation

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .compliant: "合规"
        case .corrected: "责令改正"
        case .violation: "违法违规"
        }
    }
}

/// A dynamic supervision record of an agency (动态监管记录): `bidding.agency.supervised`.
public struct BiddingAgencySupervised: LedgerEvent, Hashable {
    /// `bidding.agency.supervised`.
    public static let kind: EventKind = "bidding.agency.supervised"
    /// The agency.
    public var agency: SubjectID
    /// The supervising department.
    public var by: String
    /// The tender looked at, if one.
    public var project: String?
    /// What was found.
    public var outcome: AgencySupervisionOutcome
    /// In words.
    public var summary: String
    /// The day.
    public var on: LocalDate

    /// Makes the event.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - by: The supervising department.
    ///   - project: The tender looked at.
    ///   - outcome: What was found.
    ///   - summary: In words.
    ///   - on: The day.
    public init(
        agency: SubjectID, by: String, project: String? = nil, outcome: AgencySupervisionOutcome, summary: String,
        on: LocalDate
    ) {
        self.agency = agency
        self.by = by
        self.project = project
        self.outcome = outcome
        self.summary = summary
        self.on = on
    }

    /// The day.
    public var effectiveDate: LocalDate { on }
    /// The agency.
    public var subjects: [SubjectID] { [agency] }

    /// Refuses an unregistered enterprise or an empty summary.
    /// - Parameter context: The ledger before this event.
    public func validate(in context: ValidationContext) throws {
        try context.requireSubject(agency, kind: .enterprise, role: "bidding agency")
        guard !summary.allSatisfy(\.isWhitespace), !by.allSatisfy(\.isWhitespace) else {
            throw CreditKitError(.invalidEvent, "a supervision record says who supervised and what was found")
        }
    }
}

/// A bidding agency as the public sees it (招标代理机构信用信息).
public struct BiddingAgencyProfile: Hashable, Sendable {
    /// The agency.
    public var agency: SubjectID
    /// Its name.
    public var name: String
    /// Its latest registration.
    public var registration: BiddingAgencyRegistered?
    /// Its supervision records, oldest first.
    public var supervisions: [BiddingAgencySupervised]
    /// Tenders it ran, as the ledger knows them.
    public var tendersRun: Int
    /// Dishonesty records in force on the day, and whether it is blacklisted then.
    public var dishonestyRecords: Int, blacklisted: Bool
}

/// The register of bidding agencies (招标代理机构名录): qualification, credit information and supervision records,
/// and its public view.
public enum BiddingAgencyRegistry {
    /// One agency's profile as of a day.
    /// - Parameters:
    ///   - agency: The agency.
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The profile, or `nil` when the enterprise is not registered.
    /// - Throws: Storage and decoding errors.
    public static func profile(of agency: SubjectID, in kit: CreditKit, asOf: LocalDate) throws -> BiddingAgencyProfile?
    {
        let view = kit.view
        guard view.subject(agency, asOf: asOf) != nil else { return nil }
        var profile = BiddingAgencyProfile(
            agency: agency, name: try kit.name(of: agency), registration: nil, supervisions: [],
            tendersRun: 0, dishonestyRecords: 0, blacklisted: false)
        for (_, event) in try BiddingLedger.events(
            in: kit.ledger, view: view, subject: agency, asOf: asOf, knownAt: .distantFuture)
        {
            switch event {
            case let e as BiddingAgencyRegistered: profile.registration = e
            case let e as BiddingAgencySupervised: profile.supervisions.append(e)
            case let e as CaseEvent<BiddingProjectRegistered> where e.agency == agency: profile.tendersRun += 1
            default: break
            }
        }
        let records = try kit.profile(of: agency, asOf: asOf)?.records ?? []
        profile.dishonestyRecords =
            records.filter {
                $0.role == .recordSubject && $0.record.polarity == .dishonesty
                    && view.lifecycle($0.id).revokedOn(asOf: asOf) == nil
            }.count
        profile.blacklisted = try BiddingBlacklist.entries(in: kit, asOf: asOf).contains {
            $0.enterprise == agency && $0.inForce(on: asOf)
        }
        return profile
    }

    /// The public view of every registered agency (招标代理机构信用信息公示).
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day.
    /// - Returns: The table.
    /// - Throws: Storage and decoding errors.
    public static func publicView(in kit: CreditKit, asOf: LocalDate) throws -> ReportTable {
        var rows: [[String]] = []
        for state in kit.view.subjects(ofKind: .enterprise, asOf: asOf) {
            guard let p = try profile(of: state.subject.id, in: kit, asOf: asOf), let r = p.registration else {
                continue
            }
            let last = p.supervisions.last
            rows.append([
                p.name, p.agency.rawValue, "\(r.registeredWith) \(r.registrationNumber)",
                r.scope.map(\.chineseName).joined(separator: "、"), r.qualification, String(p.tendersRun),
                String(p.supervisions.count),
                last.map { "\($0.on) \($0.outcome.chineseName)" } ?? "—",
                "\(p.supervisions.filter { $0.outcome == .corrected }.count)/\(p.supervisions.filter { $0.outcome == .violation }.count)",
                String(p.dishonestyRecords),
                p.blacklisted ? "是" : "否",
            ])
        }
        return ReportTable(
            name: "bidding-agencies", caption: "招标代理机构信用信息 Bidding agencies as of \(asOf)",
            headers: [
                "名称 Name", "代码 Code", "登记 Registration", "业务范围 Scope", "资信 Qualification", "代理项目 Tenders",
                "监管次数 Supervisions", "最近监管 Latest", "责令改正/违法违规 Corrected/Violations", "失信记录 Records", "黑名单 Blacklisted",
            ], rows: rows)
    }
}
