import CreditKitCore

extension CreditKit {
    /// Government procurement (政府采购) on this kit: record projects' facts in one batch, read projects back, run
    /// the procurement rules alone, a purchaser's statistics.
    ///
    /// ```swift
    /// let project = kit.procurement.project("QHD-2026-001", purchaser: bureau.id)
    /// try await kit.procurement.record([
    ///     project.on(day, ProjectRegistered(name: "办公设备采购", method: .openTender, category: "goods", budget: 900_000)),
    /// ])
    /// let findings = try kit.procurement.findings(asOf: yearEnd)
    /// ```
    public var procurement: SectorDesk<ProcurementProcess> { SectorDesk(kit: self, sector: ProcurementModule.sectorID) }
}

extension SectorDesk where State == ProcurementProcess {
    /// Names a project, from which its facts are made.
    /// - Parameters:
    ///   - number: The project number (采购项目编号).
    ///   - purchaser: The purchaser (采购人), a registered agency.
    /// - Returns: The project.
    public func project(_ number: CaseID, purchaser: SubjectID) -> CaseRef<ProcurementProcess> {
        ProcurementProcess.project(number, purchaser: purchaser)
    }

    /// A purchaser's statistics (采购人履约情况) as of a day, with each finding's decision.
    /// - Parameters:
    ///   - purchaser: The purchaser.
    ///   - asOf: The day.
    /// - Returns: The statistics.
    /// - Throws: `CreditKitError` (`invalidArgument`) without the module; storage errors; a figure the profile lacks.
    public func statistics(of purchaser: SubjectID, asOf: LocalDate) throws -> PurchaserStatistics {
        _ = try module()
        return try PurchaserStatistics.of(purchaser, in: kit, asOf: asOf)
    }
}
