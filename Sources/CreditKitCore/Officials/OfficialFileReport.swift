import Foundation

/// An official's integrity file on a day (公务员诚信档案), for the operators who use it in appointment, promotion and
/// assessment: the name from the vault, the posts held, every fact of the file, the dishonesty records that name the
/// official, the grade item by item and what the credit check for appointment answers. Never public.
public struct OfficialFile: Sendable {
    /// The official.
    public var official: SubjectID
    /// The name, from the vault (`[已删除 erased]` after an erasure).
    public var name: String
    /// The masked resident ID number (or empty after an erasure).
    public var maskedID: String
    /// The day.
    public var date: LocalDate
    /// The posts held, earliest first.
    public var posts: [TenureState]
    /// The name of each post's agency, in the order of ``posts``.
    public var postAgencies: [String]
    /// The file's facts by the day, in ledger order.
    public var facts: [OfficialFileFact]
    /// The dishonesty and good records that name the official, as subject or as a responsible official.
    public var records: [(id: CreditRecord.ID, record: CreditRecord, asResponsible: Bool)]
    /// The grade.
    public var grade: OfficialGrade
    /// The credit check for appointment and promotion (选拔任用) on the day.
    public var appointment: CreditCheck

    /// The file as Markdown, in Chinese.
    public var markdown: String {
        var lines = ["# 公务员诚信档案：\(name)", ""]
        lines.append("- 身份证号（脱敏）：\(maskedID.isEmpty ? "—" : maskedID)")
        lines.append("- 截至：\(date)")
        lines.append(
            "- 诚信等级：**\(grade.band.chineseName)**（\(grade.score)分）；选拔任用核查："
                + (appointment.allowed ? "无限制" : "受限（\(appointment.restrictions.count)项）"))
        lines += ["", "## 任职经历", ""]
        lines +=
            posts.isEmpty
            ? ["无"]
            : zip(posts, postAgencies).map {
                "- \($0.tenure.start)至\($0.end?.description ?? "今")：\($1) \($0.tenure.post)"
            }
        lines += ["", "## 档案事项", ""]
        lines +=
            facts.isEmpty
            ? ["无"] : facts.map { "- \($0.on) \($0.kind.chineseName)：\(Self.describe($0))（#\($0.sequence)）" }
        lines += ["", "## 信用记录", ""]
        lines +=
            records.isEmpty
            ? ["无"]
            : records.map { r in
                "- #\(r.id) \(r.record.decisionDate) \(r.record.basis.chineseName)"
                    + (r.record.severity.map { "（\($0.chineseName)）" } ?? "") + (r.asResponsible ? "，作为责任人" : "")
                    + "：\(r.record.facts)〔\(r.record.documentNumber)〕"
            }
        lines += ["", "## 诚信等级评定（满分100分，起评\(grade.base)分）", "", "| 项目 | 分值 | 依据 |", "|---|---|---|"]
        for item in grade.items {
            let sign = item.points > 0 ? "+" : ""
            let entries = item.evidence.map { "#\($0)" }.joined(separator: " ")
            lines.append("| \(item.reason) | \(sign)\(item.points) | `\(item.rule)` \(entries) |")
        }
        lines.append("| **得分** | **\(grade.score)** | \(grade.band.chineseName) |")
        lines += ["", "## 选拔任用信用核查", ""]
        if appointment.allowed {
            lines.append("无限制。")
        } else {
            for r in appointment.restrictions {
                lines.append(
                    "- \(r.measure?.chineseName ?? "")：\(r.from)至\(r.until)，`\(r.rule)`，#\(r.record)"
                        + (r.adjustment.map { "（\($0)）" } ?? ""))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ fact: OfficialFileFact) -> String {
        switch fact.kind {
        case .assessment: "\(fact.year ?? 0)年度\(fact.assessment?.chineseName ?? "")（\(fact.text)）"
        case .honour: "\(fact.honourLevel?.chineseName ?? "")「\(fact.text)」"
        case .reportRequired: "\(fact.year ?? 0)年度，截止\(fact.due?.description ?? "")"
        case .reportFiled: "\(fact.year ?? 0)年度"
        case .reportVerified: "\(fact.year ?? 0)年度，\(fact.verification?.chineseName ?? "")（\(fact.text)）"
        case .training: "「\(fact.text)」\(fact.hours.map { "\($0)学时" } ?? "")"
        case .accountability: "\(fact.accountability?.chineseName ?? "")（\(fact.text)）"
        case .accountabilityGround:
            "\(fact.groundEffect?.chineseName ?? "")：\(fact.text)（依据\(fact.basis ?? "")），决策#\(fact.refers.map { "\($0)" } ?? "")"
        case .appealFiled: "对问责#\(fact.refers.map { "\($0)" } ?? "")提出申诉：\(fact.text)"
        case .appealDecided:
            "申诉#\(fact.refers.map { "\($0)" } ?? "")\(fact.appeal?.chineseName ?? "")"
                + (fact.accountability.map { "为\($0.chineseName)" } ?? "") + "（\(fact.text)）"
        }
    }
}

extension CreditKit {
    /// An official's integrity file on a day (公务员诚信档案), with the name from the vault: for operators, never for
    /// the public.
    /// - Parameters:
    ///   - official: The official.
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The file.
    /// - Throws: ``CreditKitError/Code/forbidden`` for the public; ``CreditKitError/Code/unknownSubject`` for one not
    ///   an official registered by the day; the vault's errors (a lost key is reported, never shown as erased);
    ///   storage errors.
    public func officialFile(of official: SubjectID, asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws
        -> OfficialFile
    {
        guard principal.role != .public else {
            throw CreditKitError(.forbidden, "an official's integrity file is never public")
        }
        let now = ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        let view = self.view
        guard let grade = view.officialGrade(of: official, on: day, model: profile.officialGradeModel, knownAt: known)
        else {
            throw CreditKitError(.unknownSubject, "\(official) is not an official registered by \(day)")
        }
        let erased = view.subject(official)?.personalDataErasedOn != nil
        let data = erased ? nil : try personalData(of: official)
        var records: [(id: CreditRecord.ID, record: CreditRecord, asResponsible: Bool)] = []
        for (id, record) in try self.records(knownAt: known).sorted(by: { $0.key < $1.key })
        where record.decisionDate <= day {
            if record.subject == official {
                records.append((id, record, false))
            } else if record.responsibleOfficials.contains(official) {
                records.append((id, record, true))
            }
        }
        let facts = (view.officialFacts[official] ?? []).filter { $0.on <= day && $0.recordedAt <= known }
        let posts = view.tenures(of: official, asOf: day, knownAt: known)
        guard
            let appointment = view.check(
                official, for: .appointmentPromotion, on: day, policy: policy, knownAt: known,
                officials: profile.officialGradeModel)
        else {
            throw CreditKitError(.unknownSubject, "\(official) is not an official registered by \(day)")
        }
        return OfficialFile(
            official: official, name: data?.name ?? "[已删除 erased]", maskedID: data?.residentID.masked ?? "",
            date: day, posts: posts, postAgencies: try posts.map { try name(of: $0.tenure.agency) }, facts: facts,
            records: records,
            grade: grade, appointment: appointment)
    }
}
