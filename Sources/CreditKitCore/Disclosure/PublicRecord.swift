import Foundation

/// A record as the public may see it on a day (公示信息): of a class the disclosure rules publish, published, reviewed
/// as publishable, not revoked, inside its display window, with personal data masked. An administrative penalty
/// takes the 双公示 penalty layout; other dishonesty information (a court's judgment, a judgment defaulter, a verified
/// complaint, a sector finding) the layout of its own (`Docs/PUBLIC-LAYOUTS.md`).
public struct PublicRecord: Hashable, Sendable, Codable {
    /// Which public layout a record takes (公示格式).
    public enum Layout: String, Hashable, Sendable, Codable, CaseIterable {
        /// The 双公示 administrative-penalty layout (行政处罚信息).
        case penalty
        /// The layout of other dishonesty information (其他失信信息): the deciding body, the document, the facts and any
        /// sum in yuan, never as a fine.
        case dishonesty

        /// 行政处罚信息, 其他失信信息.
        public var chineseName: String {
            switch self {
            case .penalty: "行政处罚信息"
            case .dishonesty: "其他失信信息"
            }
        }

        /// The layout a record of a basis takes, or `nil` for a basis the public view never shows: discipline and
        /// accountability decisions (纪律处分、问责) are handled inside the discipline system, not published as credit
        /// information.
        /// - Parameter basis: The record's basis.
        /// - Returns: The layout.
        public static func of(_ basis: RecordBasis) -> Layout? {
            switch basis {
            case .administrativePenalty: .penalty
            case _ where basis.isNeverPublished: nil
            case .commendation, .thirdPartyAssessment: nil
            default: .dishonesty
            }
        }
    }

    /// The record.
    public var id: CreditRecord.ID
    /// Its layout.
    public var layout: Layout
    /// 行政相对人名称: the subject's name; an official's is masked to the surname.
    public var subjectName: String
    /// 行政相对人类别: 法人及非法人组织 or 自然人.
    public var subjectCategory: String
    /// 行政相对人代码_1(统一社会信用代码), or an official's masked ID number.
    public var subjectCode: String
    /// 行政处罚决定书文号.
    public var documentNumber: String
    /// 违法行为类型 (the penalty's conduct, blank when the record does not state it); for other dishonesty
    /// information, 失信信息类别: the record's basis and class.
    public var conductType: String
    /// 违法事实: the facts, as corrected on an objection when they were.
    public var facts: String
    /// 处罚依据.
    public var legalBasis: String
    /// 处罚类别: the kinds imposed, blank when the record does not state them.
    public var category: String
    /// 处罚内容, blank when the record does not state it.
    public var content: String = ""
    /// 罚款金额(万元), when a fine is on the record.
    public var amountTenThousandYuan: Decimal?
    /// 没收违法所得、没收非法财物的金额(万元), when anything was confiscated.
    public var confiscatedTenThousandYuan: Decimal?
    /// 暂扣或吊销证照名称及编号.
    public var licence: String = ""
    /// 处罚决定日期.
    public var decisionDate: LocalDate
    /// 公示截止期: the last day the record is shown.
    public var displayUntil: LocalDate
    /// 处罚机关.
    public var authorityName: String
    /// 处罚机关统一社会信用代码.
    public var authorityCode: String
    /// 备注: corrections and the display rule.
    public var remarks: String

    /// The 双公示 column headers, in order.
    public static let penaltyHeaders = [
        "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "法定代表人", "行政处罚决定书文号", "违法行为类型", "违法事实",
        "处罚依据", "处罚类别", "处罚内容", "罚款金额(万元)", "没收违法所得、没收非法财物的金额(万元)", "暂扣或吊销证照名称及编号", "处罚决定日期",
        "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
    ]

    /// The columns of other dishonesty information, in order.
    public static let dishonestyHeaders = [
        "主体名称", "主体类别", "统一社会信用代码", "失信信息类别", "认定文书号", "失信事实", "认定依据", "涉及金额(元)", "认定日期", "公示截止期", "认定机关",
        "认定机关统一社会信用代码", "备注",
    ]

    /// The row in the layout of other dishonesty information, one value per header.
    public var dishonestyRow: [String] {
        [
            subjectName, subjectCategory, subjectCode, conductType, documentNumber, facts, legalBasis,
            amountYuan.map { "\($0)" } ?? "", decisionDate.description, displayUntil.description, authorityName,
            authorityCode, remarks,
        ]
    }

    /// The sum on the record, in yuan.
    public var amountYuan: Decimal?

    /// The headers of a layout.
    /// - Parameter layout: The layout.
    /// - Returns: The headers.
    public static func headers(_ layout: Layout) -> [String] {
        layout == .penalty ? penaltyHeaders : dishonestyHeaders
    }

    /// The row in its own layout.
    public var row: [String] { layout == .penalty ? penaltyRow : dishonestyRow }

    /// The row in the 双公示 layout, one value per header.
    public var penaltyRow: [String] {
        [
            subjectName, subjectCategory, subjectCode, "", documentNumber, conductType, facts, legalBasis, category,
            content, amountTenThousandYuan.map { "\($0)" } ?? "", confiscatedTenThousandYuan.map { "\($0)" } ?? "",
            licence, decisionDate.description, "", displayUntil.description, authorityName, authorityCode,
            authorityName, authorityCode, remarks,
        ]
    }
}

/// The public view (公示视图) of a ledger as of a day, and its exports.
public enum Disclosure {
    /// The records the public may see on a day.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The public records, by record ID.
    /// - Throws: Storage errors, or a display rule with no figure in force.
    public static func publicRecords(of kit: CreditKit, asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws
        -> [PublicRecord]
    {
        let now = kit.ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        let view = kit.view
        var out: [PublicRecord] = []
        for (id, record) in try kit.records(knownAt: known).sorted(by: { $0.key < $1.key }) {
            // Only the classes the disclosure rules publish, each in its own layout.
            guard record.polarity == .dishonesty, let severity = record.severity,
                let layout = PublicRecord.Layout.of(record.basis)
            else { continue }
            let life = view.lifecycle(id)
            // A record revoked or repaired since (as far as the ledger knows) is never shown again, whatever day is
            // asked about: the public view does not bring back what was found wrong or was repaired.
            guard case .publishable? = life.review(asOf: day, knownAt: known),
                life.publishedOn(asOf: day, knownAt: known) != nil,
                life.revokedOn(asOf: .distantFuture, knownAt: known) == nil,
                life.repairedOn(asOf: .distantFuture, knownAt: known) == nil
            else { continue }
            let maximum = try kit.profile.figure(
                RuleID("record.display.maximum.\(severity.rawValue)"), on: record.decisionDate)
            guard let period = maximum.figure.period else { continue }
            let end = kit.profile.calendar.deadline(period, from: record.decisionDate, restDayExtension: false).due
            let lastDay = end.adding(days: -1)
            var remarks = ["\(severity.chineseName)失信；最长公示\(maximum.figure.chineseDescription)"]
            guard day <= lastDay else { continue }
            let corrected = life.correctedFacts(asOf: day, knownAt: known)
            if corrected != nil { remarks.append("经异议更正") }
            let (name, category, code) = try publicIdentity(of: record.subject, kit: kit)
            // A penalty's conduct, kinds and content come from its details; a record without them leaves those
            // columns blank (and says so) rather than filling them with the record's class or facts.
            let penalty = layout == .penalty ? record.penalty : nil
            if layout == .penalty, penalty == nil { remarks.append("处罚类别、内容未载明") }
            var shown = PublicRecord(
                id: id, layout: layout, subjectName: name, subjectCategory: category, subjectCode: code,
                documentNumber: record.documentNumber,
                conductType: layout == .penalty
                    ? penalty?.violation ?? "" : "\(record.basis.chineseName)（\(severity.chineseName)）",
                facts: corrected ?? record.facts,
                legalBasis: record.legalBasis.map(\.description).joined(separator: "；"),
                category: penalty?.kinds.map(\.chineseName).joined(separator: "、") ?? "",
                amountTenThousandYuan: layout == .penalty ? record.amount.map { $0 / 10_000 } : nil,
                decisionDate: record.decisionDate, displayUntil: lastDay, authorityName: record.authority.name,
                authorityCode: record.authority.creditCode?.rawValue ?? "", remarks: remarks.joined(separator: "；"),
                amountYuan: layout == .dishonesty ? record.amount : nil)
            shown.content = penalty?.content ?? ""
            shown.confiscatedTenThousandYuan = penalty?.confiscated.map { $0 / 10_000 }
            shown.licence = penalty?.licence ?? ""
            out.append(shown)
        }
        return out
    }

    /// How a subject appears in public: organisations by name and code; officials masked.
    static func publicIdentity(of subject: SubjectID, kit: CreditKit) throws -> (String, String, String) {
        switch kit.view.subject(subject)?.subject {
        case .agency(let a)?: return (a.name, "法人及非法人组织", a.creditCode.rawValue)
        case .enterprise(let e)?: return (e.name, "法人及非法人组织", e.creditCode.rawValue)
        case .official?:
            if kit.view.subject(subject)?.personalDataErasedOn != nil { return ("[已删除]", "自然人", "") }
            let data = try kit.personalData(of: subject)
            let first = data.name.first.map(String.init) ?? ""
            return (first + String(repeating: "*", count: max(1, data.name.count - 1)), "自然人", data.residentID.masked)
        case nil: return (subject.rawValue, "法人及非法人组织", "")
        }
    }

    /// The public records as CSV in the 双公示 layout: UTF-8 with a byte-order mark (so spreadsheet programs read
    /// the Chinese), a header row, CRLF line ends, fields quoted when needed.
    /// - Parameter records: The records.
    /// - Returns: The CSV text.
    public static func penaltyCSV(_ records: [PublicRecord]) -> String {
        csv(records, layout: .penalty)
    }

    /// The public records of one layout as CSV: UTF-8 with a byte-order mark, a header row, CRLF line ends.
    /// - Parameters:
    ///   - records: The records; those of another layout are left out.
    ///   - layout: The layout.
    /// - Returns: The CSV text.
    public static func csv(_ records: [PublicRecord], layout: PublicRecord.Layout) -> String {
        CSVText.document([PublicRecord.headers(layout)] + records.filter { $0.layout == layout }.map(\.row))
    }

    /// The licences the public may see on a day (行政许可公示信息): decided and published by then, with their status.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    /// - Returns: The licences, by authority and document number.
    /// - Throws: Storage and decoding errors.
    public static func publicLicences(of kit: CreditKit, asOf: LocalDate? = nil, knownAt: Timestamp? = nil) throws
        -> [PublicLicence]
    {
        let now = kit.ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        let view = kit.view
        guard view.kindsSeen.contains(LicenceGranted.kind) else { return [] }
        var out: [PublicLicence] = []
        for state in view.subjects(ofKind: .agency, asOf: day) {
            guard case .agency(let authority) = state.subject else { continue }
            let facts = try kit.ledger.caseFacts(
                of: authority.id, sector: "core", view: view, asOf: day, knownAt: known)
            for licence in facts.cases(LicenceCase.self).sorted(by: { $0.id < $1.id }) {
                guard let granted = licence.granted, licence.publications.contains(where: { $0.on <= day })
                else { continue }
                let g = granted.facts
                out.append(
                    PublicLicence(
                        holderName: g.holderName, holderCode: g.holderCode.rawValue, documentName: g.documentName,
                        documentNumber: licence.id.rawValue, category: g.category.chineseName,
                        certificateName: g.certificateName ?? "", certificateNumber: g.certificateNumber ?? "",
                        content: g.content, decisionDate: granted.on.on, validFrom: g.validFrom,
                        validUntil: g.validUntil, authorityName: authority.name,
                        authorityCode: authority.creditCode.rawValue, status: licence.status(on: day),
                        remarks: licence.changes.last(where: { $0.on.on <= day }).map { $0.facts.reason } ?? ""))
            }
        }
        return out
    }

    /// The public licences as CSV in the 双公示 licence layout: UTF-8 with a byte-order mark, a header row, CRLF
    /// line ends.
    /// - Parameter licences: The licences.
    /// - Returns: The CSV text.
    public static func csv(_ licences: [PublicLicence]) -> String {
        CSVText.document([PublicLicence.headers] + licences.map(\.row))
    }

    /// The public records and licences as JSON: an object with one array per layout (`行政处罚信息`, `其他失信信息`,
    /// `行政许可信息`), each of objects keyed by its layout's headers, in their order.
    /// - Parameters:
    ///   - records: The records.
    ///   - licences: The licences.
    /// - Returns: The JSON text.
    public static func json(_ records: [PublicRecord], licences: [PublicLicence]) -> String {
        var w = CanonicalWriter()
        w.openObject()
        for layout in PublicRecord.Layout.allCases {
            w.key(string: layout.chineseName)
            w.openArray()
            for record in records where record.layout == layout {
                w.element()
                w.openObject()
                for (header, value) in zip(PublicRecord.headers(layout), record.row) {
                    w.key(string: header)
                    w.string(value)
                }
                w.closeObject()
            }
            w.closeArray()
        }
        w.key(string: PublicLicence.layoutName)
        w.openArray()
        for licence in licences {
            w.element()
            w.openObject()
            for (header, value) in zip(PublicLicence.headers, licence.row) {
                w.key(string: header)
                w.string(value)
            }
            w.closeObject()
        }
        w.closeArray()
        w.closeObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    /// The public records as JSON, without licences: ``json(_:licences:)`` with none.
    /// - Parameter records: The records.
    /// - Returns: The JSON text.
    public static func penaltyJSON(_ records: [PublicRecord]) -> String { json(records, licences: []) }
}

/// A licence as the public sees it (行政许可公示信息), in the 双公示 licence layout.
public struct PublicLicence: Hashable, Sendable, Codable {
    /// 行政相对人名称.
    public var holderName: String
    /// 行政相对人代码_1(统一社会信用代码).
    public var holderCode: String
    /// 行政许可决定文书名称.
    public var documentName: String
    /// 行政许可决定文书号.
    public var documentNumber: String
    /// 许可类别.
    public var category: String
    /// 许可证书名称.
    public var certificateName: String
    /// 许可编号.
    public var certificateNumber: String
    /// 许可内容.
    public var content: String
    /// 许可决定日期.
    public var decisionDate: LocalDate
    /// 有效期自.
    public var validFrom: LocalDate
    /// 有效期至.
    public var validUntil: LocalDate?
    /// 许可机关.
    public var authorityName: String
    /// 许可机关统一社会信用代码.
    public var authorityCode: String
    /// 当前状态: 正常, 已到期, 撤销, 注销, 撤回.
    public var status: String
    /// 备注: the reason of a change of status.
    public var remarks: String

    /// 行政许可信息.
    public static let layoutName = "行政许可信息"

    /// The 双公示 licence layout's headers, in order.
    public static let headers = [
        "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "法定代表人", "行政许可决定文书名称", "行政许可决定文书号", "许可类别",
        "许可证书名称", "许可编号", "许可内容", "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态", "数据来源单位",
        "数据来源单位统一社会信用代码", "备注",
    ]

    /// The row, one value per header.
    public var row: [String] {
        [
            holderName, "法人及非法人组织", holderCode, "", documentName, documentNumber, category, certificateName,
            certificateNumber, content, decisionDate.description, validFrom.description,
            validUntil?.description ?? "长期", authorityName, authorityCode, status, authorityName, authorityCode,
            remarks,
        ]
    }
}
