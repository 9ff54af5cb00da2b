import CreditKitCore
import Foundation

/// The city's posts, records, commitments, agencies and enterprises, built once for the demo.
extension DemoCity {
    mutating func appoint(_ official: Int, _ agency: Agency, _ post: String, principal: Bool, on day: LocalDate) {
        posts.append(Post(official: official, agency: agency, post: post, principal: principal, start: day))
        schedule(.startTenure(posts.count - 1), on: max(day, start))
    }

    mutating func endPost(_ index: Int, on day: LocalDate, _ reason: TenureEndReason) {
        posts[index].end = day
        schedule(.endTenure(index, on: day, reason: reason), on: day)
    }

    /// The first post left by an official who then took another post in the city: the accountability story.
    var movedPost: Post? {
        posts.first { post in
            post.end != nil && post.principal
                && posts.contains { $0.official == post.official && $0.start > post.start }
        }
    }

    /// The city's credit office, which publishes records on the credit website: the development and reform
    /// commission, where the credit system's leading group office sits.
    var creditOffice: Agency { departments.first { $0.name.hasSuffix("发展和改革委员会") }! }

    /// Who was the principal of an agency on a day.
    func principal(of agency: Agency, on day: LocalDate) -> Int? {
        posts.last { $0.agency == agency && $0.principal && $0.start <= day && ($0.end.map { day <= $0 } ?? true) }?
            .official
    }

    static func principalTitle(_ agency: Agency) -> String {
        switch (agency.kind, agency.level) {
        case (.government, .city): "市长"
        case (.government, .county): agency.name.contains("区") ? "区长" : "县长"
        case (.government, _): agency.name.contains("街道") ? "主任" : "镇长"
        case (.publicInstitution, _): "主任"
        case (.department, _): agency.name.hasSuffix("委员会") ? "主任" : "局长"
        }
    }

    mutating func buildPosts() {
        let first = start.adding(days: -400)
        for agency in agencies {
            let boss = official(region: agency.region.rawValue)
            appoint(boss, agency, DemoCity.principalTitle(agency), principal: true, on: first)
            let deputy = official(region: agency.region.rawValue)
            appoint(deputy, agency, "副" + DemoCity.principalTitle(agency), principal: false, on: first)
        }
        // Transfers: a principal moves to another agency's top post, whose holder moves on or retires; a newcomer
        // takes the post left behind.
        // Transfer days in order, so a post is never left before it was taken.
        var transferDays = (0..<(agencies.count / 4)).map { _ in
            self.day(from: start.adding(days: 60), to: today.adding(days: -60))
        }
        transferDays.sort()
        for day in transferDays {
            let from = pick(agencies)
            let to = pick(agencies)
            guard from != to,
                let fromIndex = posts.firstIndex(where: { $0.agency == from && $0.principal && $0.end == nil }),
                let toIndex = posts.firstIndex(where: { $0.agency == to && $0.principal && $0.end == nil }),
                posts[fromIndex].start < day, posts[toIndex].start < day
            else { continue }
            let mover = posts[fromIndex].official
            endPost(fromIndex, on: day, .transfer)
            let retires = chance(35)
            endPost(toIndex, on: day, retires ? .retirement : .transfer)
            if retires { retirements += 1 }
            appoint(mover, to, DemoCity.principalTitle(to), principal: true, on: day.adding(days: 1))
            let successor = official(region: from.region.rawValue)
            appoint(successor, from, DemoCity.principalTitle(from), principal: true, on: day.adding(days: 1))
            transfers += 1
        }
    }

    /// Each court's number in case numbers (冀03 the intermediate court, 冀0302 a district's), by region.
    static let courtNumber: [String: String] = [
        "130300": "冀03", "130302": "冀0302", "130303": "冀0303", "130304": "冀0304", "130306": "冀0306",
        "130321": "冀0321", "130322": "冀0322", "130324": "冀0324",
    ]

    static let courtOf: [String: String] = [
        "130300": "秦皇岛市中级人民法院", "130302": "秦皇岛市海港区人民法院", "130303": "秦皇岛市山海关区人民法院",
        "130304": "秦皇岛市北戴河区人民法院", "130306": "秦皇岛市抚宁区人民法院", "130321": "青龙满族自治县人民法院",
        "130322": "昌黎县人民法院", "130324": "卢龙县人民法院",
    ]

    struct RecordKind {
        var basis: RecordBasis
        var severity: Severity?
        var facts: String
        var source: String
        var citation: LegalCitation
        var amount: ClosedRange<Int>?
        /// A penalty's conduct and kinds, for the 双公示 layout (its content is written with the amount).
        var penalty: (violation: String, kinds: [PenaltyKind])? = nil
    }

    static let recordKinds: [RecordKind] = [
        RecordKind(
            basis: .unexecutedJudgment, severity: .serious, facts: "拖欠工程款，法院判决后逾期未履行给付义务。", source: "court",
            citation: LegalCitation(document: "《中华人民共和国民事诉讼法》", article: "第二百四十七条"), amount: 300...4_800),
        RecordKind(
            basis: .judgmentDefaulter, severity: .serious, facts: "有履行能力而拒不履行生效法律文书确定的义务，被纳入失信被执行人名单。",
            source: "court", citation: LegalCitation(document: "《最高人民法院关于公布失信被执行人名单信息的若干规定》", article: "第一条"),
            amount: 500...9_000),
        RecordKind(
            basis: .lostAdministrativeLawsuit, severity: .ordinary, facts: "行政征收程序违法，行政诉讼一审败诉。", source: "court",
            citation: LegalCitation(document: "《中华人民共和国行政诉讼法》", article: "第七十条"), amount: nil),
        RecordKind(
            basis: .administrativePenalty, severity: .ordinary, facts: "所属工地违规倾倒建筑垃圾，未采取防扬散措施。",
            source: "秦皇岛市城市管理综合行政执法局",
            citation: LegalCitation(document: "《中华人民共和国固体废物污染环境防治法》", article: "第一百一十一条"),
            amount: 20...200, penalty: ("违规倾倒建筑垃圾", [.fine])),
        RecordKind(
            basis: .administrativePenalty, severity: .minor, facts: "所属锅炉房超标排放大气污染物。", source: "秦皇岛市生态环境局",
            citation: LegalCitation(document: "《中华人民共和国大气污染防治法》", article: "第九十九条"), amount: 10...100,
            penalty: ("超标排放大气污染物", [.fine])),
        RecordKind(
            basis: .accountabilityDecision, severity: .ordinary, facts: "招商引资承诺的奖补资金逾期未兑现，造成不良影响。",
            source: "discipline", citation: LegalCitation(document: "《中国共产党问责条例》", article: "第七条"),
            amount: 800...3_000),
        RecordKind(
            basis: .verifiedComplaint, severity: .minor, facts: "12345热线投诉经核实：承诺时限内未办结群众申请事项。", source: "hotline",
            citation: LegalCitation(document: "国发〔2016〕76号", article: "三（三）"), amount: nil),
        RecordKind(
            basis: .disciplinarySanction, severity: .serious, facts: "违规决策造成国有资产损失。", source: "discipline",
            citation: LegalCitation(document: "《中华人民共和国公职人员政务处分法》", article: "第三十九条"),
            amount: 1_000...6_000),
        RecordKind(
            basis: .commendation, severity: nil, facts: "政务诚信建设工作成绩突出，获通报表扬。", source: "province",
            citation: LegalCitation(document: "国发〔2016〕76号", article: "二（五）"), amount: nil),
        RecordKind(
            basis: .thirdPartyAssessment, severity: nil, facts: "第三方政务诚信评估结果为优秀。", source: "assessor",
            citation: LegalCitation(document: "国发〔2016〕76号", article: "二（二）"), amount: nil),
    ]

    mutating func buildRecords() {
        for n in 0..<96 {
            let kind = pick(DemoCity.recordKinds)
            var subject: Agency = kind.basis == .verifiedComplaint ? pick(townships + departments) : pick(agencies)
            let decided = day(from: start.adding(days: 10), to: today.adding(days: -1))
            let acted = decided.adding(days: -Int(20 + rng.next() % 300))
            // The deciding body and its own document number: each court its case number, each bureau its own series.
            let authority: Authority
            let number: String
            switch kind.source {
            case "court":
                authority = Authority(name: DemoCity.courtOf[subject.region.rawValue] ?? "秦皇岛市中级人民法院")
                let court = DemoCity.courtNumber[subject.region.rawValue] ?? "冀03"
                let docket = kind.basis == .lostAdministrativeLawsuit ? "行初" : "执"
                number = "（\(decided.year)）\(court)\(docket)\(100 + n)号"
            case "discipline":
                authority = Authority(name: "中共秦皇岛市纪律检查委员会 秦皇岛市监察委员会")
                number = "秦纪\(kind.basis == .disciplinarySanction ? "处" : "问")〔\(decided.year)〕\(n + 1)号"
            case "hotline":
                authority = Authority(name: "秦皇岛市12345政务服务便民热线")
                number = "秦12345核〔\(decided.year)〕\(n + 1)号"
            case "province":
                authority = Authority(name: "河北省人民政府")
                number = "冀政通〔\(decided.year)〕\(n + 1)号"
            case "assessor":
                authority = Authority(name: "河北省社会信用研究会（第三方评估机构）")
                number = "冀信评〔\(decided.year)〕\(n + 1)号"
            default:
                // A penalty, by the competent department; never on itself.
                let body = departments.first { $0.name == kind.source }
                if body?.id == subject.id { subject = pick(departments.filter { $0.id != body?.id }) }
                authority = Authority(name: kind.source, creditCode: body?.creditCode)
                let series = kind.source.contains("生态环境") ? "秦环罚" : "秦城管罚"
                number = "\(series)〔\(decided.year)〕\(n + 1)号"
            }
            // 政务处分 is of a person: the discipline record is the agency head's, as the responsible official.
            var recordSubject = subject.id
            var responsible: [SubjectID] = []
            if kind.basis == .disciplinarySanction {
                guard let boss = principal(of: subject, on: acted) else { continue }
                recordSubject = officials[boss].id
            } else if kind.severity != nil, kind.basis != .verifiedComplaint,
                let boss = principal(of: subject, on: acted)
            {
                responsible = [officials[boss].id]
            }
            // Sums in whole thousands of yuan (fines as decided, sums owed as judged).
            let amount = kind.amount.map { Decimal((Int(rng.next() % UInt64($0.count)) + $0.lowerBound) * 1_000) }
            let penalty = kind.penalty.map { p in
                PenaltyDetails(violation: p.violation, kinds: p.kinds, content: "罚款人民币\(amount ?? 0)元，责令限期改正")
            }
            let record = CreditRecord(
                subject: recordSubject, polarity: kind.severity == nil ? .good : .dishonesty, basis: kind.basis,
                severity: kind.severity, actDate: acted, decisionDate: decided, authority: authority,
                documentNumber: number, legalBasis: [kind.citation], facts: kind.facts, amount: amount,
                responsibleOfficials: responsible, penalty: penalty)
            records.append(record)
            schedule(.enterRecord(records.count - 1), on: decided.adding(days: Int(rng.next() % 12)))
        }
        // A sanction of an official as the subject, decided shortly before the official moved post.
        if let moved = movedPost, let end = moved.end {
            // For a conduct of its own, before the parking-fee decision of the accountability story.
            let decided = max(start, end.adding(days: -20))
            let record = CreditRecord(
                subject: officials[moved.official].id, polarity: .dishonesty, basis: .disciplinarySanction,
                severity: .ordinary, actDate: max(start, end.adding(days: -150)), decisionDate: decided,
                authority: Authority(name: "中共秦皇岛市纪律检查委员会 秦皇岛市监察委员会"),
                documentNumber: "秦纪处〔\(decided.year)〕7号",
                legalBasis: [LegalCitation(document: "《中华人民共和国公职人员政务处分法》", article: "第三十九条")],
                facts: "违规审批下属单位公务用车购置，造成不良影响，给予警告处分。")
            records.append(record)
            schedule(.enterRecord(records.count - 1), on: decided.adding(days: 3))
        }
    }

    mutating func buildCommitments() {
        let serviceTerms: [(String, CommitmentKind)] = [
            ("行政许可事项承诺办理时限压缩至法定时限的50%。", .timeLimit), ("政务服务“一窗受理”，群众办事最多跑一次。", .serviceQuality),
            ("涉企行政检查事先公示，不搞重复检查。", .serviceQuality), ("依申请公开事项在20个工作日内答复。", .timeLimit),
        ]
        for agency in departments + governments where chance(55) {
            let (terms, kind) = pick(serviceTerms)
            let made = day(from: start, to: today.adding(days: -30))
            scheduleCommitment(
                (Commitment(
                    promisor: agency.id, beneficiary: "社会公众", kind: kind, terms: terms, madeOn: made,
                    dueDate: chance(50) ? made.adding(days: 365) : nil)))
        }
        let townTerms = [
            "农村低保申请15个工作日内完成入户核查。", "为辖区60岁以上老人每年开展一次免费健康体检。", "新建村级便民服务站3个，年底前投入使用。",
            "残疾人两项补贴按月足额发放。", "义务教育适龄儿童入学率保持100%。",
        ]
        for town in townships {
            for _ in 0..<2 {
                let made = day(from: start, to: today.adding(days: -30))
                scheduleCommitment(
                    (Commitment(
                        promisor: town.id, beneficiary: "辖区居民", kind: .publicService, terms: pick(townTerms),
                        madeOn: made, dueDate: made.adding(days: Int(90 + rng.next() % 300)))))
            }
        }
        for investor in enterprises where investor.roles.contains(.investor) {
            let government = pick(governments)
            let made = day(from: start, to: today.adding(days: -120))
            scheduleCommitment(
                (Commitment(
                    promisor: government.id, beneficiary: investor.name, beneficiarySubject: investor.id,
                    kind: .policy, terms: "项目投产后三年内按地方留成税收的50%给予产业扶持奖励，并按期完成土地平整和道路配套。",
                    madeOn: made, dueDate: made.adding(days: 540), sector: "investment")))
        }
        for supplier in enterprises where supplier.roles.contains(.supplier) && supplier.isSME {
            let buyer = pick(departments)
            let made = day(from: start.adding(days: 200), to: today.adding(days: -10))
            scheduleCommitment(
                (Commitment(
                    promisor: buyer.id, beneficiary: supplier.name, beneficiarySubject: supplier.id, kind: .payment,
                    terms: "货物验收合格之日起30日内支付合同价款。", madeOn: made, dueDate: made.adding(days: 45),
                    sector: "procurement")))
        }
    }
}

extension DemoCity {
    mutating func buildAgencies() {
        let cityGov = agency("秦皇岛市人民政府", .city, .government, "130300", parent: nil)
        governments.append(cityGov)
        let cityDepartments = [
            "秦皇岛市发展和改革委员会", "秦皇岛市财政局", "秦皇岛市交通运输局", "秦皇岛市住房和城乡建设局", "秦皇岛市自然资源和规划局",
            "秦皇岛市生态环境局", "秦皇岛市市场监督管理局", "秦皇岛市人力资源和社会保障局", "秦皇岛市教育局", "秦皇岛市卫生健康委员会",
            "秦皇岛市司法局", "秦皇岛市农业农村局", "秦皇岛市城市管理综合行政执法局",
        ]
        for name in cityDepartments { departments.append(agency(name, .city, .department, "130300", parent: cityGov)) }
        departments.append(agency("秦皇岛市公共资源交易中心", .city, .publicInstitution, "130300", parent: cityGov))
        let counties: [(String, String, [String])] = [
            ("海港区", "130302", ["文化路街道", "海阳镇"]), ("山海关区", "130303", ["南关街道", "石河镇"]),
            ("北戴河区", "130304", ["西山街道", "戴河镇"]), ("抚宁区", "130306", ["抚宁镇", "留守营镇", "台营镇"]),
            ("青龙满族自治县", "130321", ["青龙镇", "祖山镇", "木头凳镇"]), ("昌黎县", "130322", ["昌黎镇", "靖安镇", "泥井镇"]),
            ("卢龙县", "130324", ["卢龙镇", "刘田各庄镇"]),
        ]
        for (county, region, towns) in counties {
            let government = agency("\(county)人民政府", .county, .government, region, parent: cityGov)
            governments.append(government)
            for bureau in ["财政局", "交通运输局", "住房和城乡建设局"] {
                departments.append(agency("\(county)\(bureau)", .county, .department, region, parent: government))
            }
            for town in towns {
                let suffix = town.hasSuffix("街道") ? "办事处" : "人民政府"
                townships.append(
                    agency("\(county)\(town)\(suffix)", .township, .government, region, parent: government))
            }
        }
    }

    mutating func buildEnterprises() {
        let names: [(String, [EnterpriseRole], Bool)] = [
            ("秦皇岛港城建设工程有限公司", [.bidder], false), ("河北渤海路桥集团有限公司", [.bidder], false),
            ("秦皇岛海阳办公设备有限公司", [.supplier], true), ("秦皇岛北戴河信息技术有限公司", [.supplier], true),
            ("昌黎县葡萄酒产业发展有限公司", [.investor], false), ("秦皇岛诚信招标代理有限公司", [.biddingAgency], true),
            ("冀东工程咨询有限公司", [.biddingAgency], true), ("秦皇岛绿源环境科技有限公司", [.supplier, .bidder], true),
            ("山海关古城文化旅游开发有限公司", [.investor], false), ("青龙满族自治县板栗食品有限公司", [.supplier], true),
            ("卢龙县甘薯产业科技有限公司", [.supplier], true), ("秦皇岛玻璃新材料有限公司", [.investor], false),
            ("抚宁区宏达劳务有限公司", [.bidder], true), ("秦皇岛海燕物业服务有限公司", [.supplier], true),
            ("河北港口设备维修有限公司", [.supplier, .bidder], true), ("秦皇岛市智慧交通科技有限公司", [.supplier], true),
            ("华北数据服务有限公司", [.supplier], false), ("秦皇岛康泰医疗器械有限公司", [.supplier], true),
        ]
        for (name, roles, sme) in names {
            let enterprise = Enterprise(
                creditCode: newCode(authority: "9", category: "1", region: try! RegionCode("130300")), name: name,
                roles: roles, isSME: sme)
            enterprises.append(enterprise)
            schedule(.event(EnterpriseRegistered(enterprise: enterprise, on: start.adding(days: -400))), on: start)
        }
    }
}
