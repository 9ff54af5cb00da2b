import Townships

/// The example's county: its townships and the commitments they publish.
enum TownshipsStory {
    /// The twelve townships, the street office first.
    static let names = [
        "东城街道办事处", "南山镇", "北河镇", "青石镇", "柳林乡", "杏花乡", "松岭镇", "石门镇", "桃源乡", "白云乡", "梨树沟乡", "清水镇",
    ]

    /// The service areas the commitments cycle through.
    static let areas: [ServiceArea] = ServiceArea.allCases

    /// A commitment's words.
    /// - Parameter i: Its index in the catalogue.
    /// - Returns: What it promises.
    static func promise(_ i: Int) -> String {
        let what = [
            "新增公益性岗位", "老旧小区物业全覆盖", "适龄儿童全部就近入学", "家政服务培训", "计生特殊家庭走访", "建成日间照料中心",
            "残疾人两项补贴按月发放", "脱贫户产业帮扶", "城乡居民医保参保率达标", "危房改造", "村道硬化", "新增停车泊位",
            "入户消防安全检查", "优抚对象走访慰问", "便民服务站全覆盖",
        ]
        return what[i % what.count] + (i >= what.count ? "（二期）" : "")
    }
}
