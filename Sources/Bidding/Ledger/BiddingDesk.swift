import CreditKitCore

extension CreditKit {
    /// Bidding (招标投标) on this kit: record tenders' facts in one batch, read tenders back, run the Bidding Law's
    /// rules alone, the blacklist, and participants' scores and integrity files.
    ///
    /// ```swift
    /// let tender = kit.bidding.project("ZB-2026-07", tenderer: bureau.id)
    /// try await kit.bidding.record([tender.on(day, BiddingReportFiled())])
    /// let entry = try await kit.bidding.blacklist(decision)
    /// ```
    public var bidding: SectorDesk<BiddingProcess> { SectorDesk(kit: self, sector: BiddingModule.sectorID) }
}

extension SectorDesk where State == BiddingProcess {
    /// Names a tender, from which its facts are made.
    /// - Parameters:
    ///   - number: The project number.
    ///   - tenderer: The tenderer (招标人), a registered agency.
    /// - Returns: The tender.
    public func project(_ number: CaseID, tenderer: SubjectID) -> CaseRef<BiddingProcess> {
        BiddingProcess.project(number, tenderer: tenderer)
    }

    /// Enters a blacklist decision (列入黑名单): the record, the decided term and the listing in one batch.
    /// - Parameter decision: The decision.
    /// - Returns: The entry.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module or for a term outside the ground's range;
    ///   the ledger's refusals. Nothing is written then.
    @discardableResult
    public func blacklist(_ decision: BiddingBlacklist.Decision) async throws -> BlacklistEntry {
        _ = try module()
        return try await BiddingBlacklist.enter(decision, in: kit)
    }

    /// The blacklist entries in force on a day.
    /// - Parameter asOf: The day.
    /// - Returns: The entries.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module; storage errors.
    public func blacklist(asOf: LocalDate) throws -> [BlacklistEntry] {
        _ = try module()
        return try BiddingBlacklist.entries(in: kit, asOf: asOf)
    }

    /// A tenderer's statistics (招标人履约情况) as of a day.
    /// - Parameters:
    ///   - tenderer: The tenderer.
    ///   - asOf: The day.
    /// - Returns: The statistics.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module; storage errors; a figure the profile lacks.
    public func statistics(of tenderer: SubjectID, asOf: LocalDate) throws -> TendererStatistics {
        _ = try module()
        return try TendererStatistics.of(tenderer, in: kit, asOf: asOf)
    }

    /// A participant's score (投标人信用评价) over blacklist, conduct and third-party reports.
    /// - Parameters:
    ///   - participant: The enterprise.
    ///   - asOf: The day.
    /// - Returns: The score card.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module; storage errors.
    public func score(_ participant: SubjectID, asOf: LocalDate) throws -> ScoreCard {
        _ = try module()
        return try ParticipantEvaluation.score(participant, in: kit, asOf: asOf)
    }

    /// A participant's integrity file (诚信档案).
    /// - Parameters:
    ///   - participant: The enterprise.
    ///   - asOf: The day.
    /// - Returns: The report.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module, (`unknownSubject`) when not registered.
    public func integrityFile(of participant: SubjectID, asOf: LocalDate) throws -> Report {
        _ = try module()
        return try ParticipantEvaluation.integrityFile(of: participant, in: kit, asOf: asOf)
    }
}
