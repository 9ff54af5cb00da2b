import CreditKitCore
import Foundation
import OpenContracting

extension BiddingProcess {
    /// Whether the Bidding Law governs a release: `tender.mainProcurementCategory` `works`, or a missing category when
    /// the setting says so.
    /// - Parameters:
    ///   - release: The release.
    ///   - missingIsWorks: Whether a release without a category is works.
    /// - Returns: `true` for works.
    public static func governs(_ release: OCDSRelease, missingIsWorks: Bool = false) -> Bool {
        switch release.tender?.mainProcurementCategory {
        case "works"?: true
        case nil: missingIsWorks
        default: false
        }
    }

    /// The tender an OCDS release describes (not ``isComplete``). An `open` procedure is an open tender, `selective`
    /// an invited one; other procedures are not tenders, so only their contracts and payments are read. Works are
    /// construction; the tender's value is the estimated price; the tender period gives documents issued and the
    /// bid deadline; the bids give the bidders (`disqualified` ones rejected), else `numberOfTenderers`; the first
    /// active award its winner, determination (`date`) and notice (its `awardNotice` document, else the date).
    /// - Parameters:
    ///   - release: The release.
    ///   - tenderer: The subject the buyer stands for; `ocds:<buyer id>` by default.
    public init(release: OCDSRelease, tenderer: SubjectID? = nil) {
        self.init(id: CaseID(release.ocid), tenderer: tenderer ?? OCDSBuyers.subject(of: release), isComplete: false)
        ocid = release.ocid
        let t = release.tender
        name = t?.title
        category = .construction
        estimatedPrice = t?.value
        cancelled = t?.status == "cancelled"
        let isTender = ["open", "selective"].contains(t?.procurementMethod ?? "")
        openness = t?.procurementMethod == "selective" ? .invited : .open
        if isTender, let t {
            if let start = t.periodStart, let end = t.periodEnd, end >= start {
                documentsIssued = DatedFact(start)
                bidDeadline = end
            }
            clarifications = t.clarifications.map { .init(stage: .tender, issued: DatedFact($0)) }
            bids = release.bids.filter { $0.status != "invited" && $0.status != "withdrawn" }.map { b in
                let id = b.tenderers.first ?? ""
                let party = release.party(id)
                return Bid(
                    tenderer: Counterparty(name: party?.name ?? id, identifier: id, isSME: party?.isSME ?? false),
                    price: b.value, accepted: b.status != "disqualified")
            }
            bidderCount = t.numberOfTenderers
            opened = t.periodEnd.map { DatedFact($0) }
        }
        let active = release.awards.filter { $0.status == nil || $0.status == "active" }
        awarded = !active.isEmpty || !release.contracts.isEmpty
        if let award = active.first, let decided = award.date {
            winnerDetermined = DatedFact(decided)
            awardNotice = DatedFact(award.notice ?? decided)
        }
        for (index, c) in release.contracts.enumerated() {
            var contract = Contract(id: c.id ?? "#\(index + 1)")
            let award = release.award(of: c)
            contract.suppliers = release.suppliers(of: c)
            contract.amount = c.value
            contract.awardNotice = isTender ? award?.notice : nil
            contract.signed = c.dateSigned.map { DatedFact($0) }
            contract.deliveries = c.deliveries.map { DatedFact($0) }
            contract.payments = c.payments.map { .init(on: $0.date, amount: $0.amount) }
            contracts.append(contract)
        }
    }
}

/// The Bidding Law's rules over OCDS releases of works (招标投标核查): every rule open data can show. Findings name
/// the buyer (招标人) as `ocds:<buyer id>`.
public struct BiddingOCDSChecks: Sendable {
    /// The rules.
    public let rules: BiddingRules
    /// Whether a release without a category is works.
    public var missingIsWorks: Bool

    /// Makes the checks.
    /// - Parameters:
    ///   - profile: The profile; the module's figures are added where it has none.
    ///   - missingIsWorks: Whether a release without a category is works.
    /// - Throws: When the module's figures do not fit the profile.
    public init(profile: JurisdictionProfile = .national, missingIsWorks: Bool = false) throws {
        self.rules = try BiddingRules(profile: profile)
        self.missingIsWorks = missingIsWorks
    }

    /// Runs the rules on one release, if the Bidding Law governs it.
    /// - Parameters:
    ///   - release: The release.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public func check(_ release: OCDSRelease, asOf: LocalDate) throws -> [Finding] {
        guard BiddingProcess.governs(release, missingIsWorks: missingIsWorks) else { return [] }
        return try rules.findings(for: BiddingProcess(release: release), asOf: asOf)
    }
}

extension RedFlag {
    /// The flag as a finding (线索) for a report: its rule, the process or organisation, the value and the
    /// indicator it matches.
    /// - Parameters:
    ///   - buyer: For a process flag, the buyer's subject.
    ///   - asOf: The day.
    /// - Returns: The finding.
    public func finding(buyer: SubjectID?, asOf: LocalDate) -> Finding {
        let subject: SubjectID
        switch group {
        case .process: subject = buyer ?? "ocds:unknown"
        case .buyer, .procuringEntity: subject = SubjectID(rawValue: "ocds:" + key)
        case .tenderer: subject = SubjectID(rawValue: "ocds-tenderer:" + key)
        }
        return Finding(
            rule: code.rule,
            title: LocalizedName(
                chinese: "招投标风险信号 \(code.rawValue)：\(code.name.chinese)",
                english: "red flag \(code.rawValue): \(code.name.english)"),
            basis: [
                LegalCitation(document: "Open Contracting Partnership, Cardinal red flags", article: code.rawValue)
            ],
            subject: subject, severity: .minor,
            facts: [
                Finding.Fact("ocid", group == .process ? key : ""), Finding.Fact("indicator", code.rawValue),
                Finding.Fact("group", group.rawValue), Finding.Fact("value", ReportFormat.number(value)),
            ] + (name.map { [Finding.Fact("name", $0)] } ?? []),
            dates: date.map { [Finding.NamedDate("release", $0)] } ?? [], evidence: [], asOf: asOf)
    }
}

/// The bidding facts of an OCDS works release (开放合同数据转为招标投标事实): what `OCDSImport` appends for each
/// release the Bidding Law governs, as a tender of the buyer's registered agency. Facts the data gets wrong (a
/// notice before the winner is determined, a payment that is not positive) are left out and counted.
public enum BiddingOCDSImport {
    /// The events of one works release, for a tenderer.
    /// - Parameters:
    ///   - release: The release.
    ///   - tenderer: The tenderer.
    ///   - tally: Counts the facts left out.
    /// - Returns: The events, or none without a date to register the tender on.
    public static func events(
        for release: OCDSRelease, tenderer: SubjectID, tally: inout OCDSImportTally
    ) -> [any AnyCaseEvent<BiddingProcess>] {
        let p = BiddingProcess(release: release, tenderer: tenderer)
        guard let registered = release.firstDate
        else { return [] }
        let id = release.ocid
        let tender = BiddingProcess.project(CaseID(id), tenderer: tenderer)
        var out: [any AnyCaseEvent<BiddingProcess>] = []
        if let issued = p.documentsIssued?.on, let deadline = p.bidDeadline {
            out.append(tender.on(issued, BiddingDocumentsIssued(stage: .tender, saleEnds: nil, deadline: deadline)))
            for c in p.clarifications {
                out.append(tender.on(c.issued.on, BiddingDocumentsClarified(stage: .tender)))
            }
        }
        if let opened = p.opened?.on, !p.bids.isEmpty {
            // A bid naming no tenderer has no one to hold to it; bids opened before the documents were issued
            // cannot have been.
            let named = p.bids.filter { !$0.tenderer.name.allSatisfy(\.isWhitespace) }
            tally.inconsistentFacts += p.bids.count - named.count
            if let issued = p.documentsIssued?.on, opened < issued {
                tally.inconsistentFacts += 1
            } else if !named.isEmpty {
                let bids = named.map {
                    OpenedBid(
                        tenderer: $0.tenderer.checkedForImport(&tally), price: $0.price.map { max($0, 0) },
                        accepted: $0.accepted)
                }
                out.append(tender.on(opened, BidsOpened(bids: bids)))
            }
        }
        if let determined = p.winnerDetermined?.on, let notice = p.awardNotice?.on,
            let winner = p.contracts.first?.suppliers.first
        {
            if notice >= determined {
                out.append(
                    tender.on(
                        notice,
                        BiddingAwardNoticed(
                            winner: winner.checkedForImport(&tally), price: max(p.contracts.first?.amount ?? 0, 0),
                            winnerDeterminedOn: determined)))
            } else {
                tally.inconsistentFacts += 1
            }
        }
        out += tender.ocdsContractFacts(p.contracts, unnamedSupplier: "（未列明中标人）", tally: &tally)
        // Registered on the earliest day of any of its facts: the release's first date may be a later one.
        let registration = BiddingProjectRegistered(
            name: p.name.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? id, openness: p.openness,
            category: .construction, estimatedPrice: max(p.estimatedPrice ?? 0, 0), completeFacts: false)
        return [tender.on(out.map(\.effectiveDate).reduce(registered, min), registration)] + out
    }
}

/// The bidding module's checks over one OCDS file: the Bidding Law's rules on each works release, and the red flags
/// on every process, with R038 over the whole file at the end.
public struct BiddingOCDSCheck: OCDSCheck {
    /// The rules on works releases.
    public let rules: BiddingOCDSChecks
    /// The red flags so far: what the whole file needs (organisations, R024's and R058's gaps); a process flag
    /// becomes a finding as soon as it is raised and is not kept.
    public private(set) var flags: RedFlagScan

    /// Makes the checks.
    /// - Parameters:
    ///   - rules: The rules on works releases.
    ///   - flags: The red flags' settings.
    public init(rules: BiddingOCDSChecks, flags: RedFlagSettings) {
        self.rules = rules
        self.flags = RedFlagScan(settings: flags, retainingProcessFlags: false)
    }

    /// The rules' findings on a works release, then the red flags the release raises on its process (a release
    /// dated after the day looked at raises none); what the whole file needs is kept for the end.
    /// - Parameters:
    ///   - release: The release.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    /// - Throws: When the profile lacks a rule's figure.
    public mutating func check(_ release: OCDSRelease, asOf: LocalDate) throws -> [Finding] {
        let found = try rules.check(release, asOf: asOf)
        // A release dated after the day looked at was not there yet: no flag rests on it.
        guard release.date.map({ $0 <= asOf }) ?? true else { return found }
        let buyer = OCDSBuyers.subject(of: release)
        return found + flags.add(release).map { $0.finding(buyer: buyer, asOf: asOf) }
    }

    /// Takes in another part's red flags.
    /// - Parameter other: The other part's checks.
    /// - Throws: `CreditKitError` (`invalidArgument`) for another module's checks.
    public mutating func merge(_ other: any OCDSCheck) throws {
        guard let other = other as? BiddingOCDSCheck else {
            throw CreditKitError(.invalidArgument, "cannot merge \(type(of: other)) into the bidding checks")
        }
        flags.merge(other.flags)
    }

    /// The red flags over the whole file: R024 and R058 on processes, then R025, R038 and R048 on organisations (a
    /// process flag's companion marks on its tenderers are not findings of their own).
    /// - Parameter asOf: The day looked at.
    /// - Returns: The flags as findings.
    public mutating func finish(asOf: LocalDate) throws -> [Finding] {
        let raised = flags.finish()
        return raised.filter { $0.group == .process }.map {
            $0.finding(buyer: OCDSBuyers.subject(buyerID: $0.buyer), asOf: asOf)
        }
            + raised.filter { $0.group != .process && $0.code.groups.contains($0.group) }.map {
                $0.finding(buyer: nil, asOf: asOf)
            }
    }
}

extension BiddingModule: OCDSModule {
    /// A works release becomes a tender.
    public typealias OCDSCase = BiddingProcess

    /// Works under the Bidding Law, and OCP Cardinal's red flags on every process.
    public var ocdsSummary: String {
        "works under the Bidding Law (bidding.*), imported as tenders; and on every process, whatever its "
            + "category, the red flags (bidding.flag.*) with the meaning of OCP Cardinal's eleven indicators "
            + "(R003, R018, R024, R025, R028, R030, R035, R036, R038, R048, R058)"
    }

    /// Whether the Bidding Law governs a release (works).
    /// - Parameter release: The release.
    /// - Returns: `true` for works.
    public func governs(_ release: OCDSRelease) -> Bool { BiddingProcess.governs(release, missingIsWorks: false) }

    /// The Bidding Law's rules and the red flags over the file.
    /// - Parameters:
    ///   - profile: The profile whose figures apply.
    ///   - preparation: The bid statuses and currency the red flags read.
    /// - Returns: The checks.
    /// - Throws: When the module's figures do not fit the profile.
    public func ocdsCheck(profile: JurisdictionProfile, preparation: OCDSPreparation) throws -> any OCDSCheck {
        var settings = RedFlagSettings()
        settings.bidStatuses = preparation.bidStatuses
        settings.currency = preparation.currency
        return BiddingOCDSCheck(rules: try BiddingOCDSChecks(profile: profile), flags: settings)
    }

    /// The release's bidding facts, as a tender of the buyer's agency.
    /// - Parameters:
    ///   - release: The release.
    ///   - owner: The tenderer.
    ///   - tally: Counts the facts left out.
    /// - Returns: The facts.
    public func ocdsFacts(for release: OCDSRelease, owner: SubjectID, tally: inout OCDSImportTally)
        -> [any LedgerEvent]
    {
        BiddingOCDSImport.events(for: release, tenderer: owner, tally: &tally)
    }
}
