import CreditKitCore
import Foundation
import OpenContracting

extension PPPProject {
    /// Whether a release is a PPP's: one of its contracts has charges or performance failures
    /// (`implementation.charges`, `implementation.performanceFailures`: the OCDS for PPPs extension).
    /// - Parameter release: The release.
    /// - Returns: Whether it is read as a PPP project.
    public static func isPPP(_ release: OCDSRelease) -> Bool {
        release.contracts.contains { !$0.charges.isEmpty || !$0.failures.isEmpty }
    }

    /// The payment mechanism the charges show: users only, the government only, or both (a viability gap).
    /// - Parameter release: The release.
    /// - Returns: The mechanism, or `nil` when no charge says who pays.
    public static func mechanism(of release: OCDSRelease) -> PPPPaymentMechanism? {
        let payers = Set(
            release.contracts.flatMap(\.charges).compactMap { $0.paidBy.map { OCDSRelease.foldASCII($0) } })
        let government = payers.contains(Array("government".utf8))
        let user = payers.contains(Array("user".utf8))
        switch (government, user) {
        case (true, true): return .viabilityGap
        case (true, false): return .governmentPay
        case (false, true): return .userPay
        case (false, false): return nil
        }
    }

    /// The contract the rules read from a release: the first signed one, with its term when its `period` is whole.
    static func ocdsContract(_ release: OCDSRelease) -> (OCDSRelease.Contract, LocalDate, LocalDate?, LocalDate?)? {
        guard let c = release.contracts.first(where: { $0.dateSigned != nil }), let signed = c.dateSigned else {
            return nil
        }
        if let start = c.periodStart, let end = c.periodEnd, end >= start { return (c, signed, start, end) }
        return (c, signed, nil, nil)
    }

    /// A project as open data shows it (开放数据中的PPP项目): its name, the mechanism the charges show, and the
    /// contract with its term. The same facts ``PPPOCDSImport`` writes to the ledger, so both paths judge alike.
    /// - Parameters:
    ///   - release: The release.
    ///   - agency: The implementing agency; the release's buyer by default.
    public init(release: OCDSRelease, agency: SubjectID? = nil) {
        self.init(case: CaseID(release.ocid), owner: agency ?? OCDSBuyers.subject(of: release))
        let facts = PPPOCDSImport.facts(for: release)
        var seen: Set<String> = []
        for (day, f) in facts.failures where seen.insert(f.failure).inserted {
            failures.append(
                Failure(
                    id: f.failure, recorded: DatedFact(day), from: f.from, to: f.to, category: f.category,
                    penaltyContracted: f.penaltyContracted, penaltyImposed: f.penaltyImposed,
                    penaltyPaid: f.penaltyPaid == true ? DatedFact(day) : nil, paymentKnown: f.penaltyPaid != nil))
        }
        name = facts.registration.name
        mechanism = facts.registration.mechanism
        mode = facts.registration.mode
        if let (day, signed) = facts.contract {
            contract = Contract(
                concessionaire: signed.concessionaire, signed: DatedFact(day), termStart: signed.termStart,
                termEnd: signed.termEnd, privateEquityPercent: nil, publicInterest: signed.publicInterest,
                approvedLongerTerm: signed.approvedLongerTerm)
        }
    }
}

/// The ledger facts a PPP release gives (PPP开放数据导入): the project registered and its contract signed.
public enum PPPOCDSImport {
    /// What a release says of a project.
    /// - Parameter release: The release.
    /// - Returns: The registration and, when a contract was signed with a term, the contract and its day.
    public static func facts(for release: OCDSRelease) -> (
        registration: PPPProjectRegistered, contract: (LocalDate, PPPContractSigned)?,
        failures: [(LocalDate, PPPPerformanceFailed)]
    ) {
        let registration = PPPProjectRegistered(
            name: release.tender?.title.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? release.ocid,
            mode: .other, mechanism: PPPProject.mechanism(of: release))
        // Each performance failure with a whole period, recorded on its last day (the data gives no other); one
        // without an id gets one of its own, never another's.
        var failures: [(LocalDate, PPPPerformanceFailed)] = []
        let all = release.contracts.flatMap(\.failures)
        var used = Set(all.compactMap { $0.id.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } })
        for (n, f) in all.enumerated() {
            guard let from = f.periodStart, let to = f.periodEnd, to >= from else { continue }
            var id = f.id.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? "（无编号）\(n + 1)"
            while f.id.map({ $0.allSatisfy(\.isWhitespace) }) ?? true, !used.insert(id).inserted { id += "′" }
            failures.append(
                (
                    to,
                    PPPPerformanceFailed(
                        id, from: from, to: to,
                        category: f.category.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? "（未列明）",
                        penaltyContracted: f.penaltyContracted, penaltyImposed: f.penaltyImposed,
                        penaltyPaid: f.penaltyPaid)
                ))
        }
        guard let (c, signed, start, end) = PPPProject.ocdsContract(release) else {
            return (registration, nil, failures)
        }
        let concessionaire =
            release.suppliers(of: c).first ?? Counterparty(name: "（未列明社会资本方）")
        return (
            registration,
            (signed, PPPContractSigned(concessionaire: concessionaire, termStart: start, termEnd: end)), failures
        )
    }

    /// The events that bring a release's project into the ledger, registered on its earliest day.
    /// - Parameters:
    ///   - release: The release.
    ///   - agency: The implementing agency.
    ///   - tally: What was left out, counted.
    /// - Returns: The events, or none for a release with no day to register on.
    public static func events(for release: OCDSRelease, agency: SubjectID, tally: inout OCDSImportTally)
        -> [any AnyCaseEvent<PPPProject>]
    {
        guard let first = release.firstDate else { return [] }
        let project = PPPProject.project(CaseID(release.ocid), agency: agency)
        let (registration, contract, failures) = facts(for: release)
        // A failure without a whole period cannot be dated: left out, and counted.
        tally.inconsistentFacts += release.contracts.flatMap(\.failures).count - failures.count
        var out: [any AnyCaseEvent<PPPProject>] = []
        if let (day, signed) = contract {
            var checked = signed
            checked.concessionaire = signed.concessionaire.checkedForImport(&tally)
            out.append(project.on(day, checked))
        }
        var seen: Set<String> = []
        for (day, failure) in failures {
            // An id given twice is kept once: the ledger refuses a failure recorded twice.
            guard seen.insert(failure.failure).inserted else {
                tally.inconsistentFacts += 1
                continue
            }
            out.append(project.on(day, failure))
        }
        out.sort { $0.effectiveDate < $1.effectiveDate }
        return [project.on(out.map(\.effectiveDate).reduce(first, min), registration)] + out
    }
}

/// The PPP rules over open-contracting data (PPP开放数据核查): each PPP release read as a project.
public struct PPPOCDSChecks: OCDSCheck {
    /// The rules.
    public let rules: PPPRules
    /// Whether every release is read as a PPP's, not only those with charges or performance failures.
    public var everyRelease: Bool

    /// Makes the checks.
    /// - Parameters:
    ///   - profile: The profile.
    ///   - everyRelease: Read every release as a PPP's (`--ppp`).
    /// - Throws: When the module's figures do not fit the profile.
    public init(profile: JurisdictionProfile = .national, everyRelease: Bool = false) throws {
        self.rules = try PPPRules(profile: profile)
        self.everyRelease = everyRelease
    }

    /// The findings for one release, when it is a PPP's.
    /// - Parameters:
    ///   - release: The release.
    ///   - asOf: The day.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func check(_ release: OCDSRelease, asOf: LocalDate) throws -> [Finding] {
        guard everyRelease || PPPProject.isPPP(release) else { return [] }
        return try rules.findings(for: PPPProject(release: release), asOf: asOf)
    }
}

extension PPPModule: OCDSModule {
    /// The case PPP releases are imported as.
    public typealias OCDSCase = PPPProject

    /// What the module reads.
    public var ocdsSummary: String {
        "PPP contracts with charges (OCDS for PPPs; ppp.mechanism.*, ppp.concession.term-exceeded, "
            + "ppp.failure.penalty-unpaid); imported as projects"
    }

    /// A release with PPP charges.
    /// - Parameter release: The release.
    /// - Returns: Whether the module reads it.
    public func governs(_ release: OCDSRelease) -> Bool { PPPProject.isPPP(release) }

    /// The PPP checks.
    /// - Parameters:
    ///   - profile: The profile.
    ///   - preparation: Whether every release is to be read as a PPP's.
    /// - Returns: The checks.
    /// - Throws: When the module's figures do not fit the profile.
    public func ocdsCheck(profile: JurisdictionProfile, preparation: OCDSPreparation) throws -> any OCDSCheck {
        try PPPOCDSChecks(profile: profile, everyRelease: preparation.everyReleaseIsPPP)
    }

    /// The facts a PPP release gives.
    /// - Parameters:
    ///   - release: The release.
    ///   - owner: The implementing agency.
    ///   - tally: What was left out, counted.
    /// - Returns: The events.
    public func ocdsFacts(for release: OCDSRelease, owner: SubjectID, tally: inout OCDSImportTally)
        -> [any LedgerEvent]
    {
        PPPOCDSImport.events(for: release, agency: owner, tally: &tally)
    }
}
