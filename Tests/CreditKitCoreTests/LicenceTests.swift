import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Licences and penalties in the 双公示 layouts")
struct LicenceTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func kit() async throws -> (CreditKit, Agency, Agency) {
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, clock: FixedClock.demo)
        let bureau = Fixtures.agency(index: 1)
        let other = Fixtures.agency(index: 2)
        try await kit.register(bureau, on: day("2010-01-01"))
        try await kit.register(other, on: day("2010-01-01"))
        return (kit, bureau, other)
    }

    let holder = try! UnifiedSocialCreditCode("91130300MA0XW00010")

    func granted(on decided: LocalDate, until: LocalDate? = nil) -> LicenceGranted {
        LicenceGranted(
            holderName: "秦皇岛小微科技有限公司", holderCode: holder, documentName: "道路运输经营许可决定书", category: .ordinary,
            certificateName: "道路运输经营许可证", certificateNumber: "QHD-0001", content: "道路普通货物运输", validFrom: decided,
            validUntil: until)
    }

    @Test(
        "disclosure.licence.publication: 7 working days across National Day — published 2025-10-14 in time, 10-15 late, against the authority"
    )
    func publicationAtItsLimit() async throws {
        let (kit, bureau, _) = try await kit()
        let decided = day("2025-09-28")
        // Counted from the next day: 29 and 30 September, then 9, 10, 11 (a worked Saturday), 13 and 14 October.
        #expect(kit.profile.calendar.deadline(.workingDays(7), from: decided).due == day("2025-10-14"))
        for (n, published) in [("A", "2025-10-14"), ("B", "2025-10-15")] {
            let licence = LicenceCase.licence(CaseID(rawValue: n), authority: bureau.id)
            try await kit.ledger.append([
                licence.on(decided, granted(on: decided)),
                licence.on(day(published), LicencePublished(channel: "信用中国（河北秦皇岛）")),
            ])
        }
        let unpublished = LicenceCase.licence("C", authority: bureau.id)
        try await kit.ledger.append([unpublished.on(decided, granted(on: decided))])
        let late = try kit.runChecks(asOf: day("2025-12-01")).filter { $0.rule == "disclosure.licence.publication" }
        #expect(late.map { $0.fact("licence") } == ["B", "C"])
        #expect(late.allSatisfy { $0.subject == bureau.id })
        #expect(late[0].fact("daysLate") == "1" && late[1].fact("state") == "not yet")
        #expect(late[0].basis.contains { $0.document.contains("2015") || $0.document.contains("2018") })
        // On its last day an unpublished licence is not yet late.
        #expect(
            try kit.runChecks(asOf: day("2025-10-14")).filter { $0.rule == "disclosure.licence.publication" }.isEmpty)
    }

    @Test("bad licence facts are refused and write nothing")
    func refusals() async throws {
        let (kit, bureau, _) = try await kit()
        let decided = day("2025-03-03")
        let licence = LicenceCase.licence("D", authority: bureau.id)
        let head = kit.view.head
        var blank = granted(on: decided)
        blank.content = " "
        var halfCertificate = granted(on: decided)
        halfCertificate.certificateNumber = nil
        var early = granted(on: decided)
        early.validFrom = day("2025-03-01")
        let bad: [[any LedgerEvent]] = [
            [licence.on(decided, blank)], [licence.on(decided, halfCertificate)], [licence.on(decided, early)],
            [licence.on(decided, granted(on: decided, until: day("2025-01-01")))],
            [licence.on(decided, LicencePublished(channel: "网站"))],
            [
                licence.on(decided, granted(on: decided)),
                licence.on(day("2025-03-02"), LicencePublished(channel: "网站")),
            ],
            [
                licence.on(decided, granted(on: decided)),
                licence.on(decided, LicenceStatusChanged(.revoked, reason: "撤销")),
                licence.on(decided, LicenceStatusChanged(.cancelled, reason: "注销")),
            ],
        ]
        for batch in bad {
            await #expect(throws: CreditKitError.self) { try await kit.ledger.append(batch) }
        }
        #expect(kit.view.head == head)
    }

    @Test("the public licence layout: published licences only, with the status of the day and every column in place")
    func publicLicences() async throws {
        let (kit, bureau, _) = try await kit()
        let decided = day("2025-03-03")
        let shown = LicenceCase.licence("E", authority: bureau.id)
        let hidden = LicenceCase.licence("F", authority: bureau.id)
        try await kit.ledger.append([
            shown.on(decided, granted(on: decided, until: day("2027-03-02"))),
            shown.on(day("2025-03-05"), LicencePublished(channel: "信用中国")),
            hidden.on(decided, granted(on: decided)),
            shown.on(day("2025-09-01"), LicenceStatusChanged(.revoked, reason: "以欺骗手段取得")),
        ])
        let before = try Disclosure.publicLicences(of: kit, asOf: day("2025-06-01"))
        #expect(before.map(\.documentNumber) == ["E"] && before[0].status == "正常")
        let row = Dictionary(uniqueKeysWithValues: zip(PublicLicence.headers, before[0].row))
        #expect(row["行政相对人代码_1(统一社会信用代码)"] == holder.rawValue && row["许可类别"] == "普通")
        #expect(row["有效期至"] == "2027-03-02" && row["许可机关"] == bureau.name)
        #expect(row["许可机关统一社会信用代码"] == bureau.creditCode.rawValue)
        let after = try Disclosure.publicLicences(of: kit, asOf: day("2025-10-01"))
        #expect(after[0].status == "撤销" && after[0].remarks == "以欺骗手段取得")
        #expect(try Disclosure.publicLicences(of: kit, asOf: day("2027-04-01"))[0].status == "撤销")
        let csv = Disclosure.csv(after)
        #expect(csv.hasPrefix("\u{FEFF}行政相对人名称,") && csv.contains("以欺骗手段取得"))
        let json = Disclosure.json([], licences: after)
        #expect(json.contains("\"行政许可信息\":[{") && json.contains("\"当前状态\":\"撤销\""))
    }

    @Test(
        "a penalty's 双公示 row takes its conduct, kinds, content, fine and confiscation from its details; without them those columns stay blank"
    )
    func penaltyRows() async throws {
        let (kit, bureau, regulator) = try await kit()
        func penalty(_ number: String, amount: Decimal?, details: PenaltyDetails?) -> CreditRecord {
            CreditRecord(
                subject: bureau.id, polarity: .dishonesty, basis: .administrativePenalty, severity: .ordinary,
                actDate: day("2025-02-01"), decisionDate: day("2025-03-03"),
                authority: Authority(name: regulator.name, creditCode: regulator.creditCode), documentNumber: number,
                legalBasis: [LegalCitation(document: "《中华人民共和国固体废物污染环境防治法》", article: "第一百一十一条")],
                facts: "违规倾倒建筑垃圾。", amount: amount, penalty: details)
        }
        let full = PenaltyDetails(
            violation: "违规倾倒建筑垃圾", kinds: [.fine, .confiscationOfGains], content: "罚款5万元，没收违法所得1万元",
            confiscated: 10_000)
        for record in [penalty("罚1", amount: 50_000, details: full), penalty("罚2", amount: nil, details: nil)] {
            let id = try await kit.enter(record)
            try await kit.review(id, on: day("2025-03-04"), reviewer: "保密审查", outcome: .publishable)
            try await kit.publish(id, on: day("2025-03-05"), office: regulator.id, channel: "信用中国")
        }
        let rows = try Disclosure.publicRecords(of: kit, asOf: day("2025-04-01")).map {
            Dictionary(uniqueKeysWithValues: zip(PublicRecord.penaltyHeaders, $0.penaltyRow))
        }
        #expect(rows.count == 2)
        #expect(rows[0]["违法行为类型"] == "违规倾倒建筑垃圾" && rows[0]["处罚类别"] == "罚款、没收违法所得")
        #expect(rows[0]["处罚内容"] == "罚款5万元，没收违法所得1万元" && rows[0]["罚款金额(万元)"] == "5")
        #expect(rows[0]["没收违法所得、没收非法财物的金额(万元)"] == "1" && rows[0]["违法事实"] == "违规倾倒建筑垃圾。")
        #expect(rows[0]["处罚机关"] == regulator.name && rows[0]["处罚机关"] != rows[0]["行政相对人名称"])
        #expect(rows[1]["违法行为类型"] == "" && rows[1]["处罚类别"] == "" && rows[1]["处罚内容"] == "")
        #expect(rows[1]["备注"]?.contains("处罚类别、内容未载明") == true)

        // Details that do not fit the record are refused, writing nothing.
        let head = kit.view.head
        for bad in [
            penalty("罚3", amount: nil, details: full),
            penalty("罚4", amount: 100, details: PenaltyDetails(violation: "x", kinds: [.warning], content: "警告")),
            penalty("罚5", amount: nil, details: PenaltyDetails(violation: "x", kinds: [], content: "警告")),
            penalty(
                "罚6", amount: nil,
                details: PenaltyDetails(violation: "x", kinds: [.warning], content: "警告", licence: "许可证 001")),
        ] {
            await #expect(throws: CreditKitError.self) { try await kit.enter(bad) }
        }
        var court = penalty("判1", amount: nil, details: PenaltyDetails(violation: "x", kinds: [.warning], content: "y"))
        court.basis = .unexecutedJudgment
        await #expect(throws: CreditKitError.self) { try await kit.enter(court) }
        #expect(kit.view.head == head)
    }
}
