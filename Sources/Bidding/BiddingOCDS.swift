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
        self.init(id: release.ocid, tenderer: tenderer ?? OCDSBuyers.subject(of: release), isComplete: false)
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
            contract.suppliers = (award?.suppliers ?? []).map { id in
                let party = release.party(id)
                return Counterparty(name: party?.name ?? id, identifier: id, isSME: party?.isSME ?? false)
            }
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
            title: LocalizedName(chinese: "招投标风险信号 \(code.rawValue)", english: "red flag \(code.rawValue)"),
            basis: [
                LegalCitation(document: "Open Contracting Partnership, Cardinal red flags", article: code.rawValue)
            ],
            subject: subject, severity: .minor,
            facts: [
                Finding.Fact("ocid", group == .process ? key : ""), Finding.Fact("indicator", code.rawValue),
                Finding.Fact("group", group.rawValue), Finding.Fact("value", ReportFormat.number(value)),
            ], dates: [], evidence: [], asOf: asOf)
    }
}

/// Imports the bidding facts of works releases into the ledger (招标投标事实导入), as tenders of the buyers' registered
/// agencies; other buyers are counted and left out, tenders already held are skipped.
public struct BiddingOCDSImport: Sendable {
    /// What an import did.
    public struct Summary: Sendable {
        /// Tenders added, events appended, tenders already held, releases of unregistered buyers.
        public var tenders = 0, events = 0, alreadyThere = 0, unmatched = 0
    }

    /// Whether a release without a category is works.
    public var missingIsWorks: Bool

    /// Makes an importer.
    /// - Parameter missingIsWorks: Whether a release without a category is works.
    public init(missingIsWorks: Bool = false) { self.missingIsWorks = missingIsWorks }

    /// The events of one works release, for a tenderer.
    /// - Parameters:
    ///   - release: The release.
    ///   - tenderer: The tenderer.
    /// - Returns: The events, or none without a date to register the tender on.
    public static func events(for release: OCDSRelease, tenderer: SubjectID) -> [any AnyCaseEvent<BiddingProcess>] {
        let p = BiddingProcess(release: release, tenderer: tenderer)
        guard let registered = release.firstDate
        else { return [] }
        let id = release.ocid
        let tender = BiddingProcess.project(CaseID(id), tenderer: tenderer)
        var out: [any AnyCaseEvent<BiddingProcess>] = [
            tender.on(
                registered,
                BiddingProjectRegistered(
                    name: p.name.flatMap { $0.isEmpty ? nil : $0 } ?? id, openness: p.openness,
                    category: .construction, estimatedPrice: max(p.estimatedPrice ?? 0, 0), completeFacts: false))
        ]
        if let issued = p.documentsIssued?.on, let deadline = p.bidDeadline {
            out.append(tender.on(issued, BiddingDocumentsIssued(stage: .tender, saleEnds: nil, deadline: deadline)))
            for c in p.clarifications {
                out.append(tender.on(c.issued.on, BiddingDocumentsClarified(stage: .tender)))
            }
        }
        if let opened = p.opened?.on, !p.bids.isEmpty {
            let bids = p.bids.map {
                OpenedBid(tenderer: $0.tenderer, price: $0.price.map { max($0, 0) }, accepted: $0.accepted)
            }
            out.append(tender.on(opened, BidsOpened(bids: bids)))
        }
        if let determined = p.winnerDetermined?.on, let notice = p.awardNotice?.on, notice >= determined,
            let winner = p.contracts.first?.suppliers.first
        {
            out.append(
                tender.on(
                    notice,
                    BiddingAwardNoticed(
                        winner: winner, price: max(p.contracts.first?.amount ?? 0, 0), winnerDeterminedOn: determined)))
        }
        for c in p.contracts {
            guard let signed = c.signed?.on else { continue }
            out.append(
                tender.on(
                    signed,
                    ContractSigned(
                        contract: c.id, supplier: c.suppliers.first ?? Counterparty(name: "（未列明中标人）"),
                        amount: max(c.amount ?? 0, 0))))
            for d in c.deliveries {
                out.append(tender.on(d.on, ContractMilestoneReached(contract: c.id, milestone: .delivered)))
            }
            for pay in c.payments {
                guard let on = pay.on, let amount = pay.amount, amount > 0 else { continue }
                out.append(tender.on(on, PaymentMade(contract: c.id, amount: amount)))
            }
        }
        return out
    }

    /// Reads a file and appends the bidding facts of its works releases in one batch.
    /// - Parameters:
    ///   - path: The OCDS file.
    ///   - kit: The kit, with the bidding module.
    ///   - more: More buyer ids and the agencies they stand for.
    /// - Returns: What was done.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the bidding module; reading errors; the ledger's
    ///   refusal.
    public func run(path: String, into kit: CreditKit, buyers more: [String: SubjectID] = [:]) async throws -> Summary {
        guard kit.modules.contains(where: { $0.id == BiddingModule.sectorID }) else {
            throw CreditKitError(.invalidArgument, "the kit has no bidding module registered")
        }
        let buyers = OCDSBuyers.agencies(in: kit.view).merging(more) { _, given in given }
        var existing = Set(
            try kit.ledger.cases(BiddingProcess.self, view: kit.view, asOf: .distantFuture).map {
                "\($0.tenderer)|\($0.id)"
            })
        var summary = Summary()
        var events: [any LedgerEvent] = []
        _ = try OCDSReader.read(path: path) { release in
            guard BiddingProcess.governs(release, missingIsWorks: missingIsWorks) else { return }
            guard let tenderer = OCDSBuyers.id(of: release).flatMap({ buyers[$0] }) else {
                summary.unmatched += 1
                return
            }
            guard existing.insert("\(tenderer)|\(release.ocid)").inserted else {
                summary.alreadyThere += 1
                return
            }
            let found = Self.events(for: release, tenderer: tenderer)
            if !found.isEmpty {
                summary.tenders += 1
                events += found
            }
        }
        if !events.isEmpty { try await kit.ledger.append(events) }
        summary.events = events.count
        return summary
    }
}
