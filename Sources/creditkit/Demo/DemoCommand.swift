import Bidding
import CreditKitCore
import CreditKitPostgreSQL
import Foundation
import Townships

enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "build a realistic small city's two-year credit history into a ledger and summarise it"
    static let help = """
        usage: creditkit demo [--store PATH] [--replace] [--as-of YYYY-MM-DD]

        Builds the credit history of a small city (the structure of Qinhuangdao: its government,
        departments, seven districts and counties with bureaus and townships; invented officials with
        tenures and transfers; enterprises; records of every basis and class; commitments) over the two
        years up to the date, writes it to the SQLite ledger, verifies the chain and prints a summary.
        The same date gives the same city.

          --store PATH    the ledger file (default ./creditkit.sqlite); it must not exist yet
          --replace       build afresh over a CreditKit ledger already at PATH (its .keys file too); the
                          new ledger is built beside it (PATH.building) and replaces it only once whole
                          and verified; a file that is not a CreditKit ledger is never deleted
          --as-of DATE    the demo's "today" (default: today in China time)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.option("--store") ?? "./creditkit.sqlite"
        let today = try arguments.dateOption("--as-of") ?? SystemClock().today
        let replace = arguments.flag("--replace")
        try arguments.finish()
        if PostgreSQLConnectionString.isPostgreSQL(path) {
            let target = try LedgerLocation(path, keys: nil, schema: arguments.schema)
            throw CLIError(
                message: "the demo city is built in an SQLite file; to have it in PostgreSQL, build it there and copy "
                    + "it: `creditkit demo --store demo.sqlite` then `creditkit migrate demo.sqlite \(target.typed)`")
        }
        if arguments.keysFile != nil || arguments.schema != nil {
            throw CLIError(
                message: "the demo keeps its keys beside its file (PATH.keys); --keys and --schema are not taken here")
        }

        var replaced = false
        switch SQLiteLedgerStore.inspect(path) {
        case .missing:
            guard !FileManager.default.fileExists(atPath: path + ".keys") else {
                throw CLIError(message: "\(path).keys exists without its ledger; move it away before the demo")
            }
        case .ledger:
            guard replace else {
                throw CLIError(
                    message: "\(path) holds a CreditKit ledger; pass --replace to build the demo afresh there, "
                        + "or choose another --store")
            }
            // Only the ledger's own files go, and only when they are plain files; they go once the new ledger is
            // built and verified, so a demo that fails or is stopped leaves the old one as it was.
            for file in ownFiles(of: path) {
                let type = try FileManager.default.attributesOfItem(atPath: file)[.type] as? FileAttributeType
                guard type == .typeRegular else {
                    throw CLIError(message: "\(file) is not a plain file; the demo deletes nothing of that kind")
                }
            }
            replaced = true
        case .empty:
            throw CLIError(message: "\(path) is an empty file, not a ledger; the demo does not delete it")
        case .other(let what):
            throw CLIError(message: "\(path) is not a CreditKit ledger (\(what)); the demo does not delete it")
        }
        // Built beside the target and moved into place whole: a demo stopped half-way leaves no half ledger at PATH.
        let building = path + ".building"
        switch SQLiteLedgerStore.inspect(building) {
        case .missing, .ledger, .empty:
            // A leftover of a demo that was stopped (or nothing): the demo's own, removed.
            for file in ownFiles(of: building) { try FileManager.default.removeItem(atPath: file) }
        case .other(let what):
            throw CLIError(message: "\(building) is in the way and is not a CreditKit ledger (\(what)); move it away")
        }
        // The old ledger keeps its keys (so the swap below is one rename) and first moves everything from its
        // write-ahead log into its file, so that nothing committed lives only in a side file the swap removes.
        let keysPath = path + ".keys"
        let reuseKeys = replaced && FileManager.default.fileExists(atPath: keysPath)
        if replaced {
            do {
                try SQLiteLedgerStore(path: path).checkpointLog()
            } catch let error as CreditKitError {
                throw CLIError(message: "cannot replace \(path): \(error.message); nothing was changed")
            }
        }
        let keys = try reuseKeys ? VaultKeys.load(from: keysPath) : VaultKeys.loadOrCreate(at: building + ".keys")
        let started = ContinuousClock.now
        let (city, report) = try await build(at: building, keys: keys, madeKeys: !reuseKeys, today: today)
        // The new ledger is whole and closed: now the old one's empty side files go (so none is applied to the new
        // file) and the new one takes its place.
        for file in [building + "-wal", path + "-wal"] where try Self.logHoldsChanges(file) {
            // Moving or replacing a file without the changes in its write-ahead log would lose them.
            throw CLIError(
                message: "\(file) holds changes (another process has the ledger open); nothing was moved or deleted")
        }
        for file in [path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
        for (from, to) in [(building, path)] + (reuseKeys ? [] : [(building + ".keys", keysPath)]) {
            // rename(2) replaces the old file in one step.
            guard rename(from, to) == 0 else {
                throw CLIError(message: "cannot move \(from) to \(to): \(String(cString: strerror(errno)))")
            }
        }
        let kit = try openKit(path)
        let elapsed = ContinuousClock.now - started
        if replaced { print("(replaced the earlier demo ledger at \(path))") }
        print(try summary(city: city, kit: kit, path: path, report: report, elapsed: elapsed))
        let out = "./creditkit-demo"
        var written: [String] = []
        for kind in [ReportKind.semiannual, .ranking, .warnings] {
            written += try ReportCommand.write(
                kind: kind, subject: nil, asOf: today, format: "html", out: out, kit: kit)
        }
        let worst = city.agencies.min { a, b in
            (kit.check(a.id, for: .honours, on: today)?.restrictions.count ?? 0, b.id) > (
                kit.check(b.id, for: .honours, on: today)?.restrictions.count ?? 0, a.id
            )
        }
        if let worst {
            for format in ["html", "md"] {
                written += try ReportCommand.write(
                    kind: .file, subject: worst.creditCode.rawValue, asOf: today, format: format, out: out, kit: kit)
            }
        }
        // The bidding story's tenderer: its credit file carries the bidding section.
        if let tenderer = try city.agencies.first(where: {
            try !kit.ledger.cases(BiddingProcess.self, view: kit.view, owner: $0.id, asOf: today).isEmpty
        }), tenderer.id != worst?.id {
            written += try ReportCommand.write(
                kind: .file, subject: tenderer.creditCode.rawValue, asOf: today, format: "html", out: out, kit: kit)
        }
        // Every module's report that needs no subject, so the gallery shows each kind.
        for module in ReportCommand.moduleReports where module.subject == .none {
            written += try ReportCommand.save(
                [(module.kind, try ReportCommand.moduleReport(module, subject: nil, asOf: today, kit: kit))],
                asOf: today, format: "html", out: out)
        }
        // The reports about one subject: the blacklisted tenderer's integrity file.
        if let listed = try BiddingBlacklist.entries(in: kit, asOf: today).first {
            for module in ReportCommand.moduleReports where module.subject == .required {
                let stem = "\(module.kind)-\(listed.enterprise.rawValue)"
                written += try ReportCommand.save(
                    [
                        (
                            stem,
                            try ReportCommand.moduleReport(
                                module, subject: listed.enterprise.rawValue, asOf: today, kit: kit)
                        )
                    ],
                    asOf: today, format: "html", out: out)
            }
        }
        let index = (out as NSString).appendingPathComponent("index.html")
        try Data(try Self.gallery(written, asOf: today).utf8).write(to: URL(fileURLWithPath: index))
        written.append(index)
        print("\nreports written to \(out)/ (open index.html for all of them):")
        for file in written { print("  \(file)") }
    }

    /// The gallery page (报告一览): a link to every HTML report written, with its title.
    static func gallery(_ files: [String], asOf: LocalDate) throws -> String {
        let links = try files.filter { $0.hasSuffix(".html") }.map { file -> String in
            // The report's own title, already escaped in its <title>; the file's name when it has none.
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let name = (file as NSString).lastPathComponent
            var title = name
            if let start = text.range(of: "<title>"), let end = text.range(of: "</title>"),
                start.upperBound <= end.lowerBound
            {
                title = String(text[start.upperBound..<end.lowerBound])
            }
            // Report files are named by kind, subject code and day: ASCII letters, digits, '-' and '.'. The same
            // report in Markdown, when one was written, is linked beside it.
            let markdown = (name as NSString).deletingPathExtension + ".md"
            let also =
                files.contains { ($0 as NSString).lastPathComponent == markdown }
                ? " · <a href=\"\(markdown)\">Markdown</a>" : ""
            return "<li><a href=\"\(name)\">\(title)</a>\(also) <span class=\"f\">\(name)</span></li>"
        }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
            <head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>演示城市报告一览 Demo reports</title>
            <style>body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 900px; padding: 16px; color: #1f2933; }
            li { margin: 10px 0; } .f { color: #7b8794; font-size: 0.85em; }</style></head>
            <body><h1>演示城市报告一览</h1><p>截至 \(asOf)，演示命令写出的全部报告 · Every report the demo wrote</p>
            <ul>
            \(links.joined(separator: "\n"))
            </ul></body></html>

            """
    }

    /// The files that belong to a ledger at `path`: itself, its SQLite side files and its keys, those that exist.
    static func ownFiles(of path: String) -> [String] {
        ["", "-wal", "-shm", ".keys"].map { path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Whether a write-ahead log file exists and holds anything.
    static func logHoldsChanges(_ file: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: file) else { return false }
        return (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) != 0
    }

    /// Builds the city's history into a new ledger at `path` with the keys given, verifies it and closes it.
    static func build(at path: String, keys: VaultKeys, madeKeys: Bool, today: LocalDate) async throws
        -> (DemoCity, VerificationReport)
    {
        let city = try DemoCity.build(today: today, keys: keys)
        let clock = DemoClock(Timestamp(startOf: city.start))
        let kit: CreditKit
        do {
            kit = try CreditKit(store: .sqlite(path), keys: keys, modules: allSectorModules, clock: clock)
        } catch {
            // Keys made for this ledger a moment ago only block the next try without it. A failure to remove them
            // adds nothing to the error being reported.
            if madeKeys { try? FileManager.default.removeItem(atPath: path + ".keys") }
            throw CLIError(message: "cannot create the demo ledger at \(path): \(error)")
        }
        try await replay(city, into: kit, clock: clock)
        try await kit.close()
        let report = try await kit.verify()
        guard report.isValid else {
            throw CLIError(message: "the demo ledger does not verify: \(report.problem ?? "")")
        }
        return (city, report)
    }

    /// Appends the story day by day, each day's facts as one batch recorded on that day.
    static func replay(_ city: DemoCity, into kit: CreditKit, clock: DemoClock) async throws {
        let days = Dictionary(grouping: city.events, by: \.known)
        var tenureIDs: [Int: Tenure.ID] = [:]
        var recordIDs: [Int: CreditRecord.ID] = [:]
        var objectionIDs: [Int: RecordLifecycle.Objection.ID] = [:]
        var repairIDs: [Int: RecordLifecycle.Repair.ID] = [:]
        var complaintIDs: [Int: ComplaintState.ID] = [:]
        var commitmentIDs: [Int: Commitment.ID] = [:]
        var decisionIDs: [Int: LedgerEntry.ID] = [:]
        let realNow = SystemClock().now()
        // Who does what (操作主体): the credit office's operator registers, reviews, publishes and decides; a
        // department's operator enters the records it decided and its own commitments and decisions; a body asks
        // for its own objections and repairs. The story's other facts are appended by the system.
        let office = kit.acting(as: try Principal("op-xyb-01", role: .creditOffice, unit: city.creditOffice.creditCode))
        let registered = Set(city.agencies.map(\.id))
        func unit(_ id: SubjectID?) throws -> CreditKit {
            guard let id, registered.contains(id) else { return office }
            return kit.acting(
                as: try Principal(
                    "op-\(id.rawValue.suffix(6))", role: .reportingUnit, unit: UnifiedSocialCreditCode(id.rawValue)))
        }
        for day in days.keys.sorted() {
            let dayStart = Timestamp(microseconds: Timestamp(startOf: day).microseconds + 8 * 3_600_000_000)
            clock.set(day == city.today ? min(dayStart, realNow) : dayStart)
            var batch: [any LedgerEvent] = []
            func flush() async throws {
                if !batch.isEmpty { try await kit.append(batch) }
                batch = []
            }
            for item in days[day]!.sorted(by: { $0.order < $1.order }) {
                switch item.action {
                case .event(let event):
                    batch.append(event)
                case .registerOfficial(let index, let on):
                    try await flush()
                    let official = city.officials[index]
                    try await office.registerOfficial(residentID: official.residentID, name: official.name, on: on)
                case .startTenure(let index):
                    try await flush()
                    let post = city.posts[index]
                    tenureIDs[index] = try await office.startTenure(
                        Tenure(
                            official: city.officials[post.official].id, agency: post.agency.id, post: post.post,
                            isPrincipal: post.principal, start: post.start))
                case .endTenure(let index, let on, let reason):
                    try await flush()
                    guard let id = tenureIDs[index] else {
                        throw CLIError(message: "demo story error: post \(index) ends on \(on) before it started")
                    }
                    try await office.endTenure(id, on: on, reason: reason)
                case .enterRecord(let index):
                    try await flush()
                    let record = city.records[index]
                    recordIDs[index] = try await unit(record.authority.creditCode.map { SubjectID($0) }).enter(record)
                case .lifecycle(let index, let step):
                    try await flush()
                    guard let id = recordIDs[index] else {
                        throw CLIError(
                            message: "demo story error: a step of record \(index) comes before it was entered")
                    }
                    // The office decides; the record's subject asks (an objection, a repair) for itself.
                    let asking: Bool
                    switch step {
                    case .object, .applyForRepair, .rectify: asking = true
                    default: asking = false
                    }
                    try await perform(
                        step, on: id, record: city.records[index], publisher: city.creditOffice.id,
                        kit: asking ? try unit(city.records[index].subject) : office,
                        objections: &objectionIDs, repairs: &repairIDs)
                case .makeCommitment(let index):
                    try await flush()
                    commitmentIDs[index] = try await unit(city.commitments[index].promisor).make(
                        city.commitments[index])
                case .commitmentStep(let index, let step):
                    try await flush()
                    let id = commitmentIDs[index]!
                    let promisor = try unit(city.commitments[index].promisor)
                    switch step {
                    case .publish(let on): try await promisor.publish(id, on: on, channel: "政府门户网站承诺公开专栏")
                    case .end(let on, let outcome): try await promisor.end(id, on: on, outcome: outcome)
                    case .change(let on, let change): try await promisor.change(id, on: on, change: change)
                    }
                case .recordDecision(let index):
                    try await flush()
                    decisionIDs[index] = try await unit(city.decisions[index].agency).record(city.decisions[index])
                case .holdAccountable(let index, let official, let form, let on):
                    try await flush()
                    try await office.holdAccountable(
                        city.officials[official].id, for: decisionIDs[index]!, of: city.decisions[index].agency,
                        form: form,
                        on: on, by: "中共秦皇岛市纪律检查委员会 秦皇岛市监察委员会")
                case .receiveComplaint(let index):
                    try await flush()
                    let c = city.complaints[index]
                    complaintIDs[index] = try await office.receiveComplaint(
                        against: c.against, channel: c.channel, on: c.on, handler: c.handler, summary: c.summary)
                case .verifyComplaint(let index, let record, let on):
                    try await flush()
                    recordIDs[record] = try await office.verifyComplaint(
                        complaintIDs[index]!, record: city.records[record], on: on)
                case .rejectComplaint(let index, let on, let reason):
                    try await flush()
                    try await office.rejectComplaint(complaintIDs[index]!, on: on, reason: reason)
                case .blacklist(let decision):
                    try await flush()
                    try await BiddingBlacklist.enter(decision, in: kit)
                case .perform(let step):
                    try await flush()
                    try await step(kit, day)
                }
            }
            try await flush()
        }
    }

    static func perform(
        _ step: DemoCity.Scheduled.Lifecycle, on id: CreditRecord.ID, record: CreditRecord, publisher: SubjectID,
        kit: CreditKit,
        objections: inout [Int: RecordLifecycle.Objection.ID], repairs: inout [Int: RecordLifecycle.Repair.ID]
    ) async throws {
        let office = record.authority.creditCode.map { SubjectID($0) }.flatMap {
            kit.view.subject($0) == nil ? nil : $0
        }
        let subject = record.subject
        switch step {
        case .rectify(let on):
            try await kit.rectified(id, on: on, summary: "已完成整改，整改报告经上级人民政府审核。")
        case .review(let on, let outcome):
            try await kit.review(id, on: on, reviewer: "信息公开保密审查小组", outcome: outcome)
        case .publish(let on):
            try await kit.publish(id, on: on, office: publisher, channel: "信用中国（河北秦皇岛）")
        case .object(let key, let on, let grounds):
            objections[key] = try await kit.fileObjection(id, on: on, by: subject, grounds: grounds)
        case .resolve(let key, let on, let outcome, let reason, let corrected):
            try await kit.resolveObjection(
                objections[key]!, of: id, on: on, outcome: outcome, office: office, reason: reason,
                correctedFacts: corrected)
        case .applyForRepair(let key, let on):
            repairs[key] = try await kit.applyForRepair(id, on: on, by: subject)
        case .decideRepair(let key, let on, let granted, let reason):
            try await kit.decideRepair(repairs[key]!, of: id, on: on, granted: granted, office: office, reason: reason)
        }
    }

    static func summary(
        city: DemoCity, kit: CreditKit, path: String, report: VerificationReport, elapsed: Duration
    ) throws -> String {
        let view = kit.view
        let today = city.today
        var profiles: [SubjectProfile] = []
        for agency in city.agencies {
            if let p = try kit.profile(of: agency.id, asOf: today) { profiles.append(p) }
        }
        // Records that still stand: one revoked on objection or repaired no longer counts against its agency.
        let all = profiles.flatMap { $0.records.filter { $0.role == .recordSubject } }
        let records = all.filter(\.isInForce)
        let dishonest = records.filter { $0.record.polarity == .dishonesty }
        func count(_ severity: Severity) -> Int { dishonest.filter { $0.record.severity == severity }.count }
        let byBasis = Dictionary(grouping: records, by: \.record.basis).map { ($0.key, $0.value.count) }
            .sorted { ($1.1, $0.0.rawValue) < ($0.1, $1.0.rawValue) }
        let commitments = profiles.flatMap { $0.commitments.filter { $0.role == .promisor } }
        // An agency's own records only: records it decided about others are not held against it.
        let worst = profiles.map { p in
            (
                p,
                p.records.filter { $0.role == .recordSubject && $0.record.polarity == .dishonesty && $0.isInForce }
                    .count
            )
        }
        .sorted { ($1.1, $0.0.subject.id) < ($0.1, $1.0.subject.id) }.prefix(5)
        let levels = Dictionary(grouping: city.agencies, by: \.level)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let sample = worst.first?.0.subject.id.rawValue ?? ""
        let moved = city.movedPost
        var lines = [
            "CreditKit 演示 demo — 秦皇岛市（按真实机构设置虚构的两年历史 a fictional two-year history on the city's real structure）",
            "history   历史 \(city.start) → \(today)；截至 as of \(today)",
            "",
            "ledger    账本 \(path)（个人信息密钥 vault keys: \(path).keys）",
            "entries   条目 \(report.entryCount)，链头哈希 head hash \(report.head.hash)",
            "verify    校验通过 ok：逐条重算SHA-256哈希链 every entry's chain recomputed（\(String(format: "%.2f", seconds)) s）",
            "",
            "agencies  机构 \(city.agencies.count)：市级 city \(levels[.city]?.count ?? 0)，县级 county "
                + "\(levels[.county]?.count ?? 0)，乡镇（街道） township \(levels[.township]?.count ?? 0)",
            "officials 公务人员 \(city.officials.count)（姓名和身份证号加密存于密库 sealed in the vault；调任 transfers "
                + "\(city.transfers)，退休 retirements \(city.retirements)）",
            "enterprises 企业 \(city.enterprises.count)（中小企业 SMEs \(city.enterprises.filter(\.isSME).count)）",
            "records   机构的有效信用记录 \(records.count)（另有已撤销或已修复 \(all.count - records.count)）：失信 \(dishonest.count)"
                + "（严重 \(count(.serious))，一般 \(count(.ordinary))，轻微 \(count(.minor))），守信 \(records.count - dishonest.count)",
            "          按依据 by basis：" + byBasis.map { "\($0.0.chineseName) \($0.1)" }.joined(separator: "，"),
            "commitments 承诺 \(commitments.count)",
            "",
            "most dishonesty records in force 有效失信记录最多的单位（截至 \(today)）:",
        ]
        for (profile, n) in worst {
            lines.append("  \(n)  \(try ProfileText.name(of: profile.subject.id, kit: kit))  \(profile.subject.id)")
        }
        let lifecycles = view.allLifecycles
        let objections = lifecycles.flatMap(\.objections)
        let repairs = lifecycles.flatMap(\.repairs)
        let findings = try kit.runChecks(asOf: today)
        let byRule = Dictionary(grouping: findings, by: \.rule).map { "\($0.key) \($0.value.count)" }.sorted()
        let shown = try Disclosure.publicRecords(of: kit, asOf: today)
        let licences = try Disclosure.publicLicences(of: kit, asOf: today)
        let withheld = lifecycles.filter {
            if case .withheld? = $0.reviews.last?.value { return true } else { return false }
        }
        lines += [
            "",
            "lifecycle 经保密审查后公示 published \(lifecycles.filter { $0.publication != nil }.count)，"
                + "列入负面清单不公示 withheld \(withheld.count)",
            "          objections 异议 \(objections.count)："
                + ObjectionOutcome.allCases.map { o in
                    "\(o.chineseName) \(objections.filter { $0.resolution?.value == o }.count)"
                }
                .joined(separator: ", "),
            "          repairs 信用修复 \(repairs.count)：准予 granted \(repairs.filter { $0.decision?.value == true }.count)，"
                + "不予 refused \(repairs.filter { $0.decision?.value == false }.count)",
            "          complaints 投诉 \(view.allComplaints.count)：核实 verified "
                + "\(view.allComplaints.filter { $0.outcome?.value != nil }.count)，不予受理 rejected "
                + "\(view.allComplaints.filter { $0.rejection != nil }.count)，办理中 open "
                + "\(view.allComplaints.filter { $0.outcome == nil }.count)",
            "findings  核查线索 \(findings.count)（待人工认定或排除 for an officer to confirm or dismiss）："
                + byRule.joined(separator: "，"),
            "public    信用网站公示 records on the credit website \(shown.count)（行政处罚按双公示格式，其他失信信息按其格式；"
                + "公务人员脱敏）；行政许可 licences \(licences.count)",
        ]
        let restricted = CheckPurpose.allCases.map { purpose -> String in
            let count = city.agencies.filter { kit.check($0.id, for: purpose, on: today)?.allowed == false }.count
            return "\(purpose.chineseName) \(count)"
        }
        lines.append(
            "sanctions 今日受联合惩戒限制的机构 agencies restricted today：" + restricted.joined(separator: "，"))
        if let listed = try BiddingBlacklist.entries(in: kit, asOf: today).first {
            let tenders = try city.agencies.reduce(0) { n, a in
                n + (try kit.ledger.cases(BiddingProcess.self, view: kit.view, owner: a.id, asOf: today).count)
            }
            lines.append(
                "bidding   招标项目 tenders \(tenders)；列入黑名单 blacklisted \(listed.name)（\(listed.ground.chineseName)）"
                    + "至 through \(listed.through)；今日可否投标 may it bid today？"
                    + "\(kit.check(listed.enterprise, for: .tenderParticipation, on: today)?.allowed == false ? "否 no" : "是 yes")"
            )
        }
        let townships = try TownshipReport.make(kit, asOf: today)
        lines.append(
            "townships " + townships.keyFigures.map { "\($0.label) \($0.value)" }.joined(separator: "，"))
        var total = CommitmentStats()
        for agency in city.agencies {
            let s = try kit.commitmentStats(of: agency.id, asOf: today)
            total.made += s.made
            total.fulfilledOnTime += s.fulfilledOnTime
            total.fulfilledLate += s.fulfilledLate
            total.overdue += s.overdue
            total.breached += s.breached
            total.changedLawfully += s.changedLawfully
            total.withdrawn += s.withdrawn
            total.open += s.open
        }
        lines.append(
            "commitments 承诺 \(total.made)：按期履行 kept on time \(total.fulfilledOnTime)，逾期履行 late "
                + "\(total.fulfilledLate)，违约 breached \(total.breached)，撤回 withdrawn \(total.withdrawn)，未到期 open "
                + "\(total.open)，逾期未履行 overdue \(total.overdue)；其中依法变更 changed lawfully "
                + "\(total.changedLawfully)（按其最终状态计入）")
        if let decision = findings.first(where: { $0.rule == CoreLaw.decisionStepMissing.id }) {
            // The finding's facts name subjects by ID; the summary shows their names.
            func named(_ text: String) throws -> String { try FindingsCommand.named(text, kit: kit) }
            lines.append(
                "decision  重大决策 \(decision.fact("decision") ?? "") 缺少程序 lacked \(decision.fact("missingStep") ?? "")")
            lines.append(
                "          负责人 answers for it: \(try named(decision.fact("principal") ?? "未记录 nobody on record"))")
            if let applied = decision.fact("accountability") {
                lines.append("          问责 held to account: \(try named(applied))")
            }
        }
        lines.append("")
        lines.append("next:")
        lines.append("  swift run creditkit profile \(path) --subject \(sample)")
        if let moved {
            let official = city.officials[moved.official]
            lines.append(
                "  swift run creditkit profile \(path) --subject \(official.id)"
                    + "   (an official, \(official.residentID.masked), sanctioned, then moved post;"
                    + " --subject also takes the resident ID number)")
            lines.append(
                "  swift run creditkit official \(path) --subject \(official.id)   (the same official's integrity file and grade)"
            )
        }
        lines.append("  swift run creditkit publish \(path) --format csv > public.csv")
        lines.append("  swift run creditkit deadline --from \(today) --working-days 7")
        lines.append("  swift run creditkit verify \(path)")
        return lines.joined(separator: "\n")
    }
}
