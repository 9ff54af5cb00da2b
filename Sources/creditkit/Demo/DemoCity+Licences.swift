import CreditKitCore

extension DemoCity {
    /// The licence story (双公示 行政许可): four city departments license enterprises; every decision is published on
    /// the credit website within days except the ecology bureau's discharge permit, published 20 days after the
    /// decision (past the 7 working days); the housing bureau's qualification is later revoked, having been obtained
    /// by deception.
    mutating func buildLicences() {
        let plan:
            [(
                bureau: String, holder: String, document: String, category: LicenceCategory, certificate: String,
                content: String, back: Int, lag: Int, years: Int?
            )] = [
                (
                    "交通运输局", "秦皇岛市智慧交通科技有限公司", "道路运输经营许可决定书", .ordinary, "道路运输经营许可证", "道路普通货物运输",
                    220, 3, 4
                ),
                (
                    "生态环境局", "秦皇岛玻璃新材料有限公司", "排污许可决定书", .ordinary, "排污许可证", "大气污染物排放：颗粒物、二氧化硫、氮氧化物",
                    150, 20, 5
                ),
                (
                    "住房和城乡建设局", "河北港口设备维修有限公司", "建筑业企业资质许可决定书", .recognition, "建筑业企业资质证书",
                    "机电工程施工总承包三级", 300, 2, 5
                ),
                (
                    "市场监督管理局", "秦皇岛康泰医疗器械有限公司", "医疗器械经营许可决定书", .ordinary, "医疗器械经营许可证",
                    "第三类医疗器械批发、零售", 90, 1, 5
                ),
                (
                    "卫生健康委员会", "秦皇岛海燕物业服务有限公司", "公共场所卫生许可决定书", .ordinary, "公共场所卫生许可证", "住宿场所",
                    40, 4, 4
                ),
            ]
        for (n, item) in plan.enumerated() {
            guard let authority = departments.first(where: { $0.level == .city && $0.name.hasSuffix(item.bureau) }),
                let holder = enterprises.first(where: { $0.name == item.holder })
            else { continue }
            let decided = today.adding(days: -item.back)
            let number = "秦\(item.bureau.prefix(2))许〔\(decided.year)〕\(n + 11)号"
            let licence = LicenceCase.licence(CaseID(rawValue: number), authority: authority.id)
            schedule(
                licence.on(
                    decided,
                    LicenceGranted(
                        holderName: holder.name, holderCode: holder.creditCode, documentName: item.document,
                        category: item.category, certificateName: item.certificate,
                        certificateNumber: "QHD-\(decided.year)-\(1000 + n * 37)", content: item.content,
                        validFrom: decided, validUntil: item.years.map { decided.adding(years: $0).adding(days: -1) })))
            schedule(licence.on(decided.adding(days: item.lag), LicencePublished(channel: "信用中国（河北秦皇岛）")))
            if item.bureau == "住房和城乡建设局" {
                schedule(
                    licence.on(
                        today.adding(days: -60),
                        LicenceStatusChanged(.revoked, reason: "以欺骗手段取得资质，依《中华人民共和国行政许可法》第六十九条撤销")))
            }
        }
    }
}
