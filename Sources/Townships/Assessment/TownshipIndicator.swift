import CreditKitCore
import Foundation

/// A township's services, disclosure, village publication and residents' complaints (乡镇（街道）履职守诺), an indicator
/// of the scoring model. Its catalogue items are the core's commitments, so whether they were kept counts in the core's
/// commitment indicator, once; this one takes an equal share for each service that overran its promised time without
/// a public explanation, each disclosure item, request or annual report late, each village period without a
/// publication, and each 12345 work order verified founded. Agencies without township facts or disclosure duties
/// keep full points.
public struct TownshipIndicator: Indicator {
    /// Townships' files already read for the day evaluated (a ranking reads each once for its tables and its
    /// scores); a township without one is read from the ledger.
    let files: [SubjectID: TownshipFile]

    /// Makes the indicator.
    public init() { files = [:] }

    /// Makes the indicator over files already read for the day the evaluation looks at, so a township is not read
    /// twice; the score is the same as from the ledger.
    /// - Parameter files: The townships' files, by township.
    public init(files: [TownshipFile]) {
        self.files = Dictionary(files.map { ($0.township, $0) }) { first, _ in first }
    }
    /// `townships.township`.
    public var id: RuleID { "townships.township" }
    /// 乡镇（街道）履职守诺.
    public var name: LocalizedName {
        LocalizedName(chinese: "乡镇（街道）履职守诺", english: "township services, disclosure and complaints")
    }
    /// 6 points.
    public var weight: Double { 6 }

    /// Scores an agency: full points for one that is not a township or has no duties yet.
    /// - Parameters:
    ///   - subject: The agency.
    ///   - context: The evaluation's context.
    /// - Returns: The score, each deduction with its finding's rule, dates and evidence when explained.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func score(_ subject: SubjectID, in context: EvaluationContext) throws -> IndicatorScore {
        let full = IndicatorScore(
            indicator: id, name: name, weight: weight, points: weight, items: [], improvements: [])
        guard case .agency(let agency)? = context.view.subject(subject)?.subject, agency.level == .township else {
            return full
        }
        let file: TownshipFile
        if let read = files[subject], read.asOf == context.asOf {
            file = read
        } else {
            let ledger = try context.requireLedger(for: id)
            let cases = TownshipCases(
                try ledger.caseFacts(
                    of: subject, sector: TownshipsModule.sectorID.rawValue, view: context.view, asOf: context.asOf,
                    knownAt: context.knownAt))
            let core = try ledger.caseFacts(
                of: subject, sector: "core", view: context.view, asOf: context.asOf, knownAt: context.knownAt)
            file = try TownshipFile.make(
                cases, core: core, kind: agency.kind, profile: context.profile, asOf: context.asOf)
        }
        let services = file.services()
        let orders = file.complaints
        let duties = services.judged + file.disclosureDuties + file.villagePeriodsJudged + orders.received
        guard duties > 0 else { return full }
        let counted =
            (file.findings + file.disclosureFindings).filter { f in
                f.rule != TownshipsLaw.commitmentOverdue.id && f.rule != TownshipsLaw.commitmentUnfulfilled.id
                    && !context.view.isDecided(f, asOf: context.asOf)
            }.map { f in
                (
                    reason: "\(f.title.chinese)（\(f.rule)）"
                        + (f.fact("service").map { " 办件 \($0)" } ?? f.fact("village").map {
                            " 村 \($0) \(f.fact("period") ?? "")"
                        }
                            ?? f.fact("item").map { " 事项 \($0)" } ?? f.fact("request").map { " 申请 \($0)" } ?? ""),
                    dates: f.dates, evidence: f.evidence
                )
            }
            + file.cases.orders.filter { $0.founded(by: context.asOf) }.map { order in
                (
                    reason: "12345工单经核实属实 \(order.id)", dates: [Finding.NamedDate("founded", order.verified!.on.on)],
                    evidence: order.verified!.on.evidence
                )
            }
        let share = weight / Double(duties)
        let points = max(0, weight - share * Double(counted.count))
        guard context.explain else {
            return IndicatorScore(
                indicator: id, name: name, weight: weight, points: points, items: [], improvements: [])
        }
        var left = weight
        let items = counted.map { c in
            let taken = min(left, share)
            left -= taken
            return IndicatorScore.Item(points: -taken, reason: c.reason, dates: c.dates, evidence: c.evidence)
        }
        // One improvement per kind of deduction, worth the shares it took.
        var improvements: [IndicatorScore.Improvement] = []
        let open = (file.findings + file.disclosureFindings).filter { !context.view.isDecided($0, asOf: context.asOf) }
        for (rules, action) in [
            ([TownshipsLaw.serviceOverrun.id], "对超过承诺时限的办件向社会公开说明理由，并压实办理时限"),
            ([TownshipsLaw.financeUnpublished.id], "督促所辖村按季度（财务往来较多的按月）公开村务、财务"),
            (
                [
                    CoreLaw.disclosureProactiveLate.id, CoreLaw.disclosureRequestLate.id,
                    CoreLaw.disclosureAnnualReportLate.id, CoreLaw.disclosureListChangeLate.id,
                    CoreLaw.disclosurePolicyInterpretationLate.id, CoreLaw.disclosureEmergencyPressLate.id,
                ], "按期主动公开政府信息、答复依申请公开并发布年度报告"
            ),
        ] {
            let hit = open.filter { rules.contains($0.rule) }
            guard !hit.isEmpty else { continue }
            improvements.append(
                .init(action: action, points: share * Double(hit.count), evidence: hit.flatMap(\.evidence)))
        }
        let founded = file.cases.orders.filter { $0.founded(by: context.asOf) }
        if !founded.isEmpty {
            improvements.append(
                .init(
                    action: "办结并整改经核实属实的12345诉求，减少同类投诉", points: share * Double(founded.count),
                    evidence: founded.compactMap { $0.verified?.on.evidence.first }))
        }
        return IndicatorScore(
            indicator: id, name: name, weight: weight, points: points, items: items, improvements: improvements)
    }
}
