import CreditKitCore
import Foundation
import OpenContracting

/// The procurement rules' figures (政府采购规则参数), national defaults the kit adds to its profile.
enum ProcurementFigures {
    static func cite(_ document: String, _ article: String? = nil) -> LegalCitation {
        LegalCitation(document: document, article: article)
    }

    static let all: [RuleFigure] = [
        RuleFigure(
            rule: "procurement.contract.late-signing",
            title: LocalizedName(chinese: "中标、成交通知书发出后逾期签订合同", english: "contract signed late after the award notice"),
            figure: Figure(30, .days), restDayExtension: true, basis: [cite("《中华人民共和国政府采购法》", "第四十六条")]),
        RuleFigure(
            rule: "procurement.tender.short-period",
            title: LocalizedName(
                chinese: "招标文件发出至投标截止不足法定时间", english: "too short from tender documents to bid deadline"),
            figure: Figure(20, .days), basis: [cite("《中华人民共和国政府采购法》", "第三十五条")],
            note: "open and selective tenders; a minimum duration, counted plainly"),
        RuleFigure(
            rule: "procurement.payment.late-sme",
            title: LocalizedName(chinese: "逾期支付中小企业款项", english: "an SME paid late"),
            figure: Figure(30, .days), restDayExtension: true, basis: [cite("《保障中小企业款项支付条例》", "第八条")],
            from: LocalDate("2020-09-01"), through: LocalDate("2025-05-31"),
            note: "from delivery (or acceptance where payment depends on it); a contract may agree up to 60 d"),
        RuleFigure(
            rule: "procurement.payment.late-sme",
            title: LocalizedName(chinese: "逾期支付中小企业款项", english: "an SME paid late"),
            figure: Figure(30, .days), restDayExtension: true, basis: [cite("《保障中小企业款项支付条例》（2025）", "第九条")],
            from: LocalDate("2025-06-01"),
            note: "from delivery (or acceptance where payment depends on it); a contract may agree up to 60 d"),
        RuleFigure(
            rule: "procurement.payment.interest",
            title: LocalizedName(chinese: "未约定利率时的逾期利息（每日）", english: "late-payment interest per day when none agreed"),
            figure: Figure(Decimal(string: "0.05")!, .percent), basis: [cite("《保障中小企业款项支付条例》（2025）", "第十七条")],
            note: "runs from the day after the last allowed day"),
    ]
}

/// Which law governs an OCDS process (适用法律): goods and services the Government Procurement Law, works the
/// Bidding Law; a process without a category follows the setting (procurement by default).
public enum GoverningLaw: String, Sendable, Hashable {
    /// 《政府采购法》.
    case procurement
    /// 《招标投标法》.
    case bidding

    /// The law of a release.
    /// - Parameters:
    ///   - release: The release.
    ///   - missing: The law when the category is missing.
    /// - Returns: The law.
    public static func of(_ release: OCDSRelease, missing: GoverningLaw = .procurement) -> GoverningLaw {
        switch release.tender?.mainProcurementCategory {
        case "works"?: .bidding
        case "goods"?, "services"?: .procurement
        default: missing
        }
    }
}

/// The procurement checks over OCDS releases (政府采购核查): late signing, too short a tender period, late payment
/// of SMEs with the interest owed. Findings name the buyer (采购人) as `ocds:<buyer id>`.
public struct ProcurementOCDSChecks: Sendable {
    /// The profile whose figures apply (the module's defaults added).
    public var profile: JurisdictionProfile
    /// The law for a process without a category.
    public var missingCategory: GoverningLaw

    /// Makes the checks.
    /// - Parameters:
    ///   - profile: The profile; the module's figures are added where it has none.
    ///   - missingCategory: The law for a process without a category.
    public init(profile: JurisdictionProfile = .national, missingCategory: GoverningLaw = .procurement) {
        self.profile = (try? profile.addingDefaults(ProcurementFigures.all)) ?? profile
        self.missingCategory = missingCategory
    }

    /// The award a contract comes from: the one its `awardID` names, or the only award of the process.
    static func award(of contract: OCDSRelease.Contract, in release: OCDSRelease) -> OCDSRelease.Award? {
        release.awards.first { $0.id != nil && $0.id == contract.awardID }
            ?? (release.awards.count == 1 ? release.awards[0] : nil)
    }

    static func subject(_ release: OCDSRelease) -> SubjectID {
        let id = release.buyer?.id ?? release.parties.first { $0.roles.contains("buyer") }?.id ?? "unknown"
        let clean = String(id.unicodeScalars.map { (33...126).contains($0.value) ? Character($0) : "_" }.prefix(100))
        return SubjectID(rawValue: "ocds:" + clean)
    }

    func finding(
        _ figure: RuleFigure, _ release: OCDSRelease, _ facts: [Finding.Fact], _ dates: [Finding.NamedDate],
        asOf: LocalDate
    ) -> Finding {
        Finding(
            rule: figure.rule, title: figure.title, basis: figure.basis, subject: Self.subject(release),
            severity: .minor,
            facts: [Finding.Fact("ocid", release.ocid), Finding.Fact("figure", figure.figure.description)] + facts,
            dates: dates, evidence: [], asOf: asOf)
    }

    /// Runs the checks on one release, if the Government Procurement Law governs it.
    /// - Parameters:
    ///   - release: The release.
    ///   - asOf: The day looked at.
    /// - Returns: The findings.
    public func check(_ release: OCDSRelease, asOf: LocalDate) -> [Finding] {
        guard GoverningLaw.of(release, missing: missingCategory) == .procurement,
            release.tender?.status != "cancelled"
        else { return [] }
        var out: [Finding] = []
        let calendar = profile.calendar
        // Late signing: within 30 days of the award notice.
        for contract in release.contracts {
            let award = Self.award(of: contract, in: release)
            guard let notice = award?.notice, notice <= asOf,
                let figure = try? profile.figure("procurement.contract.late-signing", on: notice),
                let period = figure.figure.period
            else { continue }
            let due = calendar.deadline(period, from: notice, restDayExtension: figure.restDayExtension ?? true)
            if let signed = contract.dateSigned, signed > due.due {
                out.append(
                    finding(
                        figure, release,
                        [
                            Finding.Fact("contract", contract.id ?? ""),
                            Finding.Fact("daysLate", String(due.daysLate(on: signed))),
                        ],
                        [.init("notice", notice), .init("due", due.due), .init("signed", signed)], asOf: asOf))
            }
        }
        // Tender period: at least 20 days for open and selective tenders.
        if let t = release.tender, ["open", "selective"].contains(t.procurementMethod ?? ""), let start = t.periodStart,
            let end = t.periodEnd, let figure = try? profile.figure("procurement.tender.short-period", on: start),
            let period = figure.figure.period, !calendar.lasts(atLeast: period, from: start, to: end)
        {
            out.append(
                finding(
                    figure, release,
                    [
                        Finding.Fact("days", String(start.days(until: end))),
                        Finding.Fact("method", t.procurementMethod ?? ""),
                    ],
                    [.init("documentsIssued", start), .init("bidDeadline", end)], asOf: asOf))
        }
        // SME payments: within 30 days of delivery; interest from the day after the last allowed day.
        for contract in release.contracts {
            let award = Self.award(of: contract, in: release)
            let suppliers = (award?.suppliers ?? []).compactMap(release.party)
            guard suppliers.contains(where: \.isSME), let delivered = contract.deliveries.min(), delivered <= asOf,
                let figure = try? profile.figure("procurement.payment.late-sme", on: delivered),
                let period = figure.figure.period
            else { continue }
            let due = calendar.deadline(period, from: delivered, restDayExtension: figure.restDayExtension ?? true)
            let rate =
                (try? profile.figure("procurement.payment.interest", on: delivered).figure.value) ?? Decimal(
                    string: "0.05")!
            let late = contract.payments.filter { ($0.date ?? .distantFuture) > due.due && ($0.date ?? asOf) <= asOf }
            let paid = contract.payments.compactMap(\.date).filter { $0 <= asOf }
            if paid.isEmpty, asOf > due.due {
                out.append(
                    finding(
                        figure, release,
                        [
                            Finding.Fact("contract", contract.id ?? ""), Finding.Fact("state", "unpaid"),
                            Finding.Fact("daysLate", String(due.daysLate(on: asOf))),
                        ],
                        [.init("delivered", delivered), .init("due", due.due)], asOf: asOf))
            } else if !late.isEmpty {
                var interest = Decimal(0)
                for p in late {
                    guard let date = p.date, let amount = p.amount else { continue }
                    interest += amount * rate / 100 * Decimal(due.daysLate(on: date))
                }
                out.append(
                    finding(
                        figure, release,
                        [
                            Finding.Fact("contract", contract.id ?? ""), Finding.Fact("state", "paid late"),
                            Finding.Fact("latePayments", String(late.count)),
                            Finding.Fact("interestOwed", "\(interest)"),
                        ],
                        [.init("delivered", delivered), .init("due", due.due)]
                            + late.compactMap { $0.date.map { .init("paid", $0) } },
                        asOf: asOf))
            }
        }
        return out
    }
}
