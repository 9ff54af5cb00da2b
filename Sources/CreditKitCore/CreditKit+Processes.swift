extension CreditKit {
    /// Records a confidentiality review (保密审查) of a record.
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day of the sign-off.
    ///   - reviewer: Who signed off.
    ///   - outcome: Publishable, or withheld under a negative-list category.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` and validation errors; nothing is written then.
    public func review(_ record: CreditRecord.ID, on: LocalDate, reviewer: String, outcome: ReviewOutcome) async throws
    {
        try await append(RecordReviewed(record: record, on: on, reviewer: reviewer, outcome: outcome))
    }

    /// Publishes a record on the credit website (公示).
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day of publication.
    ///   - office: The publishing office.
    ///   - channel: Where.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` without a publishable review, or when revoked.
    public func publish(_ record: CreditRecord.ID, on: LocalDate, office: SubjectID?, channel: String) async throws {
        try await append(RecordPublished(record: record, on: on, office: office, channel: channel))
    }

    /// Files an objection (异议).
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The filing day.
    ///   - by: Who objects.
    ///   - grounds: The grounds.
    /// - Returns: The objection's ID.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` against a revoked record or while one is open.
    @discardableResult
    public func fileObjection(_ record: CreditRecord.ID, on: LocalDate, by: SubjectID, grounds: String) async throws
        -> RecordLifecycle.Objection.ID
    {
        .init(try await append(ObjectionFiled(record: record, on: on, by: by, grounds: grounds)).sequence)
    }

    /// Decides an objection.
    /// - Parameters:
    ///   - objection: The objection.
    ///   - record: The record.
    ///   - on: The day of the decision.
    ///   - outcome: Corrected, revoked or upheld.
    ///   - office: The deciding office.
    ///   - reason: The reason.
    ///   - correctedFacts: The corrected facts, for a correction.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when the objection is not open.
    public func resolveObjection(
        _ objection: RecordLifecycle.Objection.ID, of record: CreditRecord.ID, on: LocalDate, outcome: ObjectionOutcome,
        office: SubjectID?,
        reason: String, correctedFacts: String? = nil
    ) async throws {
        try await append(
            ObjectionResolved(
                record: record, objection: objection, on: on, outcome: outcome, office: office, reason: reason,
                correctedFacts: correctedFacts))
    }

    /// Applies for credit repair (信用修复).
    /// - Parameters:
    ///   - record: The record.
    ///   - on: The day of the application.
    ///   - by: The applicant.
    ///   - rectified: Whether the conduct was corrected and the obligations performed.
    ///   - commitmentSigned: Whether a credit commitment was signed.
    /// - Returns: The application's ID.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` before the minimum display period, among others.
    @discardableResult
    public func applyForRepair(
        _ record: CreditRecord.ID, on: LocalDate, by: SubjectID, rectified: Bool = true, commitmentSigned: Bool = true
    ) async throws -> RecordLifecycle.Repair.ID {
        .init(
            try await append(
                RepairApplied(record: record, on: on, by: by, rectified: rectified, commitmentSigned: commitmentSigned)
            ).sequence)
    }

    /// Decides a repair application.
    /// - Parameters:
    ///   - application: The application.
    ///   - record: The record.
    ///   - on: The day of the decision.
    ///   - granted: Granted or refused.
    ///   - office: The deciding office.
    ///   - reason: The reason.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when the application is not open.
    public func decideRepair(
        _ application: RecordLifecycle.Repair.ID, of record: CreditRecord.ID, on: LocalDate, granted: Bool,
        office: SubjectID?,
        reason: String
    ) async throws {
        try await append(
            RepairDecided(
                record: record, application: application, on: on, granted: granted, office: office, reason: reason))
    }

    /// Receives a complaint (投诉举报).
    /// - Parameters:
    ///   - against: Whom it is against.
    ///   - channel: The channel.
    ///   - on: The day it was received.
    ///   - handler: The office handling it.
    ///   - summary: What it says.
    /// - Returns: The complaint's ID.
    /// - Throws: Validation errors.
    @discardableResult
    public func receiveComplaint(
        against: SubjectID, channel: ComplaintChannel, on: LocalDate, handler: SubjectID?, summary: String
    ) async throws -> ComplaintState.ID {
        .init(
            try await append(
                ComplaintReceived(against: against, channel: channel, on: on, handler: handler, summary: summary)
            ).sequence)
    }

    /// Verifies a complaint: enters the record and closes the complaint, in one batch.
    /// - Parameters:
    ///   - complaint: The complaint.
    ///   - record: The record it enters (basis ``RecordBasis/verifiedComplaint``).
    ///   - on: The day of the decision.
    /// - Returns: The record's ID.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when the complaint is not open or the record does not fit.
    @discardableResult
    public func verifyComplaint(_ complaint: ComplaintState.ID, record: CreditRecord, on: LocalDate) async throws
        -> CreditRecord.ID
    {
        let entries = try await append { first in
            [
                RecordEntered(record: record),
                ComplaintDecided(complaint: complaint, on: on, record: CreditRecord.ID(first), rejection: nil),
            ]
        }
        return CreditRecord.ID(entries[0].sequence)
    }

    /// Rejects a complaint.
    /// - Parameters:
    ///   - complaint: The complaint.
    ///   - on: The day of the decision.
    ///   - reason: Why.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when the complaint is not open.
    public func rejectComplaint(_ complaint: ComplaintState.ID, on: LocalDate, reason: String) async throws {
        try await append(ComplaintDecided(complaint: complaint, on: on, record: nil, rejection: reason))
    }

    /// Confirms a finding: enters the dishonesty record it becomes (basis ``RecordBasis/sectorFinding``, in the
    /// sector of the module whose rule it is) and the confirmation, in one batch. A finding that traces itself to an
    /// official in a `responsible` fact (PPP's stage traceback) makes a record naming that official as responsible,
    /// so the sanctions on responsible officials (``SanctionRule/Target/responsibleOfficials``) reach them.
    /// - Parameters:
    ///   - finding: The finding.
    ///   - on: The day of confirmation.
    ///   - by: Who confirmed.
    ///   - authority: The deciding authority.
    ///   - documentNumber: The decision's document number.
    /// - Returns: The record's ID.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when already decided.
    @discardableResult
    public func confirm(
        _ finding: Finding, on: LocalDate, by: String, authority: Authority, documentNumber: String
    ) async throws -> CreditRecord.ID {
        let earliest = finding.dates.map(\.date).min() ?? on
        let view = self.view
        let responsible = finding.facts.filter { $0.name == "responsible" }.map { SubjectID(rawValue: $0.value) }
            .filter { view.subject($0)?.subject.kind == .official }
        let record = CreditRecord(
            subject: finding.subject, polarity: .dishonesty, basis: .sectorFinding, severity: finding.severity,
            actDate: min(earliest, on), decisionDate: on, authority: authority, documentNumber: documentNumber,
            legalBasis: finding.basis,
            facts: "\(finding.title.chinese)（\(finding.rule)）："
                + finding.facts.map { "\($0.name)=\($0.value)" }.joined(separator: "；"),
            responsibleOfficials: Array(Set(responsible)).sorted(),
            sector: modules.first { finding.rule.rawValue.hasPrefix($0.id.rawValue + ".") }?.id)
        let entries = try await append { first in
            [
                RecordEntered(record: record),
                FindingConfirmed(finding: finding, on: on, by: by, record: CreditRecord.ID(first)),
            ]
        }
        return CreditRecord.ID(entries[0].sequence)
    }

    /// Dismisses a finding with a reason.
    /// - Parameters:
    ///   - finding: The finding.
    ///   - on: The day of dismissal.
    ///   - by: Who dismissed.
    ///   - reason: Why.
    /// - Throws: ``CreditKitError/Code/invalidTransition`` when already decided.
    public func dismiss(_ finding: Finding, on: LocalDate, by: String, reason: String) async throws {
        try await append(FindingDismissed(finding: finding, on: on, by: by, reason: reason))
    }
}
