import Foundation

/// The core's CSV layout for subjects (主体名录): government bodies and enterprises to register, one a row, with
/// Chinese headers. `creditkit import FILE --store PATH` reads it when the header names its columns. A subject already
/// registered exactly so adds nothing (a roster imported again, or with new rows, is fine); one registered otherwise
/// refuses the file, naming the line.
public enum SubjectsCSV {
    /// The columns.
    public static let columns: [ModuleCSVLayout.Column] = [
        .init("统一社会信用代码", "the subject's unified social credit code (GB 32100)", required: true),
        .init("名称", "its name", required: true),
        .init("主体类别", "机关 (a government body) or 企业 (an enterprise)", required: true),
        .init("登记日期", "the day it is registered from, YYYY-MM-DD", required: true),
        .init("层级", "a body's level: " + AdministrativeLevel.allCases.map(\.chineseName).joined(separator: ", ")),
        .init("机关类型", "a body's kind: " + AgencyKind.allCases.map(\.chineseName).joined(separator: ", ")),
        .init("行政区划代码", "a body's six-digit region code (GB/T 2260)"),
        .init("上级单位", "a body's parent's unified social credit code, if any"),
        .init("中小企业", "an enterprise: 是 or 否"),
        .init(
            "角色",
            "an enterprise's roles, separated by 、: 供应商, 投标人, 招标代理机构, 投资方 (none by default)"),
    ]

    static let roleNames: [String: EnterpriseRole] = [
        "供应商": .supplier, "投标人": .bidder, "招标代理机构": .biddingAgency, "投资方": .investor,
    ]

    /// `subjects`.
    public static let layout = ModuleCSVLayout(
        name: "subjects",
        summary: "government bodies and enterprises to register, one a row (统一社会信用代码, 名称, 主体类别, 登记日期, 层级 …)",
        columns: columns
    ) { table, kit in
        let view = kit.view
        return try table.rows.map { row in
            let code = try row.text("统一社会信用代码")
            let creditCode: UnifiedSocialCreditCode
            do { creditCode = try UnifiedSocialCreditCode(code) } catch let failure as CreditKitError {
                throw row.error("统一社会信用代码", failure.message)
            }
            let name = try row.text("名称")
            guard let day = try row.date("登记日期") else { throw row.error("登记日期", "is empty; it must be filled") }
            let event: any LedgerEvent
            let subject: Subject
            switch try row.text("主体类别") {
            case "机关":
                let levelText = try row.text("层级")
                guard let level = AdministrativeLevel.allCases.first(where: { $0.chineseName == levelText }) else {
                    throw row.error(
                        "层级",
                        "'\(levelText)' is not one of \(AdministrativeLevel.allCases.map(\.chineseName).joined(separator: ", "))"
                    )
                }
                let kindText = try row.text("机关类型")
                guard let kind = AgencyKind.allCases.first(where: { $0.chineseName == kindText }) else {
                    throw row.error(
                        "机关类型",
                        "'\(kindText)' is not one of \(AgencyKind.allCases.map(\.chineseName).joined(separator: ", "))")
                }
                let region: RegionCode
                do { region = try RegionCode(try row.text("行政区划代码")) } catch let failure as CreditKitError {
                    throw row.error("行政区划代码", failure.message)
                }
                let parent = try row.optional("上级单位").map { _ in try row.subject("上级单位") }
                let agency = Agency(
                    creditCode: creditCode, name: name, level: level, kind: kind, region: region, parent: parent)
                event = AgencyRegistered(agency: agency, on: day)
                subject = .agency(agency)
            case "企业":
                let sme: Bool
                switch row.optional("中小企业") {
                case "是"?: sme = true
                case nil, "否"?: sme = false
                case let other?: throw row.error("中小企业", "'\(other)' is not 是 or 否")
                }
                var roles: [EnterpriseRole] = []
                for text in (row.optional("角色") ?? "").split(separator: "、").map(String.init) {
                    guard let role = roleNames[text.trimmingCharacters(in: .whitespaces)] else {
                        throw row.error("角色", "'\(text)' is not one of 供应商, 投标人, 招标代理机构, 投资方")
                    }
                    roles.append(role)
                }
                let enterprise = Enterprise(creditCode: creditCode, name: name, roles: roles, isSME: sme)
                event = EnterpriseRegistered(enterprise: enterprise, on: day)
                subject = .enterprise(enterprise)
            case let other:
                throw row.error("主体类别", "'\(other)' is not 机关 or 企业")
            }
            // Registered exactly so already: nothing to add. Registered otherwise: the file is wrong.
            if let held = view.subject(subject.id) {
                guard held.subject == subject else {
                    throw row.error("统一社会信用代码", "\(subject.id) is registered otherwise in the ledger")
                }
                return []
            }
            return [event]
        }
    }
}
