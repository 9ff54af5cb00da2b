import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@testable import creditkit

@Suite("creditkit demo")
struct DemoTests {
    let today = LocalDate("2026-11-23")!

    @Test("the same date gives the same city")
    func deterministic() throws {
        let a = try DemoCity.build(today: today, keys: Fixtures.keys)
        let b = try DemoCity.build(today: today, keys: Fixtures.keys)
        #expect(a.agencies == b.agencies)
        #expect(a.officials.map(\.name) == b.officials.map(\.name))
        #expect(a.events.count == b.events.count)
        let c = try DemoCity.build(today: today.adding(days: 1), keys: Fixtures.keys)
        #expect(c.officials.map(\.name) != a.officials.map(\.name))
    }

    @Test("the city is realistic: dozens of agencies at three levels, transfers, records of every basis")
    func shape() throws {
        let city = try DemoCity.build(today: today, keys: Fixtures.keys)
        #expect(city.agencies.count >= 36)
        #expect(Set(city.agencies.map(\.level)) == [.city, .county, .township])
        #expect(city.transfers >= 5)
        #expect(city.movedPost != nil)
        #expect(Set(city.records.map(\.basis)).count >= 8)
        #expect(city.complaints.count == 5)
        #expect(city.events.allSatisfy { $0.known <= today && $0.known >= city.start })
    }

    @Test("the replayed history verifies, and views as of today are live")
    func replay() async throws {
        let (city, kit, report) = try await Self.replayed(on: today)
        #expect(report.isValid)
        // Every scheduled step is one entry, but a verified complaint is two (the record and the decision) and a
        // blacklisting three (the record, its term and the listing).
        let blacklistings = city.events.filter {
            if case .blacklist = $0.action { return true }
            return false
        }.count
        #expect(report.entryCount == Int64(city.events.count + city.complaints.count - 2 + 2 * blacklistings))
        #expect(blacklistings == 1)
        #expect(kit.view.recordCount >= 90)
        let moved = try #require(city.movedPost)
        let official = city.officials[moved.official]
        let profile = try #require(try kit.profile(of: official.id, asOf: today))
        #expect(profile.tenures.count >= 2)
        #expect(profile.records.contains { $0.record.basis == .disciplinarySanction })
        // A year ago the later records were not yet there.
        let earlier = try #require(try kit.profile(of: official.id, asOf: today.adding(days: -700)))
        #expect(earlier.records.count < profile.records.count || profile.records.count == 0)
        #expect(try kit.personalData(of: official.id).name == official.name)

        // The Core II stories: one rectification overdue, a promise broken for new leadership, a decision without
        // its risk assessment answered for by the official who since moved post, joint sanctions in force.
        #expect(try kit.sanctionFindings(asOf: today).count == 1)
        #expect(try kit.commitmentFindings(asOf: today).contains { $0.rule == "commitment.leadership-change" })
        let decision = try #require(try kit.decisionFindings(asOf: today).first { $0.rule == "decision.step.missing" })
        #expect(decision.fact("principal")?.hasPrefix(official.id.rawValue) == true)
        #expect(decision.fact("accountability") != nil)
        #expect(city.agencies.contains { kit.check($0.id, for: .funding, on: today)?.allowed == false })

        // The summary's "most dishonesty records" counts each agency's own records, never those it decided about
        // others: each figure against a count made here from the records' subjects, and the first is the most.
        let summary = try DemoCommand.summary(
            city: city, kit: kit, path: "demo.sqlite", report: report, elapsed: .seconds(1))
        let lines = summary.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("most dishonesty records") })
        var own: [SubjectID: Int] = [:]
        for agency in city.agencies {
            // Counted from the records and their lifecycles as the view holds them: revoked or repaired ones out.
            own[agency.id] =
                try kit.profile(of: agency.id, asOf: today)?.records.filter {
                    let life = kit.view.lifecycle($0.id)
                    return $0.record.subject == agency.id && $0.record.polarity == .dishonesty
                        && life.revokedOn(asOf: today) == nil && life.repairedOn(asOf: today) == nil
                }.count ?? 0
        }
        for line in lines[(start + 1)...(start + 5)] {
            let parts = line.split(separator: " ")
            let id = SubjectID(rawValue: String(parts.last!))
            #expect(Int(parts.first!) == own[id], "\(line)")
        }
        #expect(Int(lines[start + 1].split(separator: " ").first!) == own.values.max())

        // A finding that names an official shows the operator the name, never only the token.
        let decisionText = try FindingsCommand.factsText(decision, kit: kit)
        #expect(decisionText.contains(official.name) && !decisionText.contains("principal=person:"))
    }
}

extension DemoTests {
    /// The demo's city for a day, replayed into an in-memory kit with every module, and verified.
    static func replayed(on today: LocalDate) async throws -> (DemoCity, CreditKit, VerificationReport) {
        let city = try DemoCity.build(today: today, keys: Fixtures.keys)
        let clock = DemoClock(Timestamp(startOf: city.start))
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: allSectorModules, clock: clock)
        try await DemoCommand.replay(city, into: kit, clock: clock)
        return (city, kit, try await kit.verify())
    }

    /// A figure of the summary: the numbers on the line that starts with `prefix`, in order.
    static func numbers(_ summary: String, line prefix: String) throws -> [Int] {
        let line = try #require(summary.split(separator: "\n").first { $0.hasPrefix(prefix) })
        var out: [Int] = []
        var digits = ""
        for c in line + " " {
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else {
                if let n = Int(digits) { out.append(n) }
                digits = ""
            }
        }
        return out
    }

    @Test("the moved official's integrity file: the story's assessment, report, training and accountability, explained")
    func movedOfficialFile() async throws {
        let (city, kit, _) = try await Self.replayed(on: today)
        let moved = try #require(city.movedPost)
        let official = city.officials[moved.official]
        let file = try kit.officialFile(of: official.id, asOf: today)
        #expect(file.name == official.name && file.maskedID == official.residentID.masked)
        // The story: last year's assessment 称职 (0), the report required 5 January and filed 25 January, in time;
        // training in March; an admonishing talk 30 days after the post ended (−10); the records naming the official.
        let rules = Set(file.grade.items.map(\.rule.rawValue))
        #expect(rules.contains("official.grade.assessment") && rules.contains("official.grade.accountability"))
        #expect(!rules.contains("official.grade.report-late") && !rules.contains("official.grade.report-unfiled"))
        #expect(!rules.contains("official.grade.training"))
        let talk = try #require(file.facts.first { $0.kind == .accountability })
        #expect(talk.on == moved.end!.adding(days: 30) && talk.accountability == .admonishingTalk)
        #expect(file.grade.items.reduce(file.grade.base) { $0 + $1.points } == file.grade.score)
        // The talk bars appointment for six months from its day, and not after.
        let bars = { (day: LocalDate) in
            kit.view.check(official.id, for: .appointmentPromotion, on: day, policy: kit.policy)!.restrictions
                .filter { $0.rule == "official.bar.accountability" }
        }
        #expect(bars(talk.on).count == 1 && bars(talk.on.adding(months: 6)).isEmpty)
        #expect(file.markdown.contains(official.name) && file.markdown.contains("诫勉谈话"))
    }

    @Test("every figure of the summary is the story's own count, made here from what the story scheduled")
    func summaryFigures() async throws {
        let (city, kit, report) = try await Self.replayed(on: today)
        let summary = try DemoCommand.summary(
            city: city, kit: kit, path: "demo.sqlite", report: report, elapsed: .seconds(1))
        func actions(_ match: (DemoCity.Scheduled.Action) -> Bool) -> Int {
            city.events.filter { match($0.action) }.count
        }

        let levels = Dictionary(grouping: city.agencies, by: \.level).mapValues(\.count)
        #expect(
            try Self.numbers(summary, line: "agencies")
                == [city.agencies.count, levels[.city] ?? 0, levels[.county] ?? 0, levels[.township] ?? 0])
        #expect(try Self.numbers(summary, line: "agencies") == [60, 15, 28, 17])
        #expect(
            try Self.numbers(summary, line: "officials") == [city.officials.count, city.transfers, city.retirements])
        #expect(
            try Self.numbers(summary, line: "enterprises")
                == [city.enterprises.count, city.enterprises.filter(\.isSME).count])
        #expect(try Self.numbers(summary, line: "enterprises") == [18, 12])

        // Records in force: those the story revoked on objection or repaired are out.
        var gone = Set<Int>()
        for event in city.events {
            switch event.action {
            case .lifecycle(let index, .resolve(_, _, .revoked, _, _)),
                .lifecycle(let index, .decideRepair(_, _, true, _)):
                gone.insert(index)
            default: break
            }
        }
        let agencies = Set(city.agencies.map(\.id))
        let onAgencies = city.records.indices.filter { agencies.contains(city.records[$0].subject) }
        let standing = onAgencies.filter { !gone.contains($0) }.map { city.records[$0] }
        let dishonest = standing.filter { $0.polarity == .dishonesty }
        let records = try Self.numbers(summary, line: "records")
        #expect(records[0] == standing.count && records[1] == onAgencies.count - standing.count)
        #expect(records[2] == dishonest.count && records[6] == standing.count - dishonest.count)
        #expect(records[3] + records[4] + records[5] == dishonest.count)
        #expect(records[1] > 0)

        // The commitments: the core story's, the townships' catalogues (three items each, one standing promise) and
        // the three investment promises (land, subsidy, rebate), each a commitment of the core.
        #expect(
            try Self.numbers(summary, line: "commitments ")[0]
                == city.commitments.count + 3 * levels[.township]! + 1 + 3)

        let objections = try Self.numbers(summary, line: "          objections")
        #expect(objections[0] == actions { if case .lifecycle(_, .object) = $0 { true } else { false } })
        let repairs = try Self.numbers(summary, line: "          repairs")
        #expect(repairs[0] == actions { if case .lifecycle(_, .applyForRepair) = $0 { true } else { false } })
        #expect(
            repairs[1] == actions { if case .lifecycle(_, .decideRepair(_, _, true, _)) = $0 { true } else { false } })
        #expect(
            repairs[2] == actions { if case .lifecycle(_, .decideRepair(_, _, false, _)) = $0 { true } else { false } })
        let complaints = try Self.numbers(summary, line: "          complaints")
        #expect(complaints[0] == city.complaints.count)
        #expect(complaints[1] == actions { if case .verifyComplaint = $0 { true } else { false } })
        #expect(complaints[2] == actions { if case .rejectComplaint = $0 { true } else { false } })
        #expect(complaints[3] == complaints[0] - complaints[1] - complaints[2])

        // The sector stories' findings, as built: one late bidding report and one short panel; in the townships two
        // commitments overdue (海阳镇 late, 祖山镇 never assessed), one not met (台营镇), one service overrun
        // (文化路街道), one quarter's finances unpublished (海阳村) and one task pushed down (against the bureau).
        let findings = try #require(summary.split(separator: "\n").first { $0.hasPrefix("findings") })
        for expected in [
            "bidding.panel.invalid 1", "bidding.report.late 1", "townships.commitment.overdue 2",
            "townships.commitment.unfulfilled 1", "townships.duty.outside-list 1", "townships.finance.unpublished 1",
            "townships.service.overrun 1", "disclosure.licence.publication 1",
            // PPP: the compensation paid late, the second instalment unpaid, the area narrowed unlawfully.
            "ppp.obligation.late-payment 1", "ppp.obligation.overdue-unpaid 1", "ppp.contract.unlawful-change 1",
            // Investment: the subsidy withdrawn on a change of leaders; the rebate with no basis and no review.
            "investment.commitment.unlawful-change 1", "investment.incentive.unlawful 1",
            "investment.incentive.unreviewed 1",
            // Debt: 青龙 over the warning line in both years; 卢龙's road bill unpaid past the campaign's start.
            "debt.ratio.over-warning 2", "debt.payment.overdue-unpaid 1",
        ] {
            #expect(findings.contains(expected), "\(expected)")
        }
        #expect(summary.contains("bidding   招标项目 tenders 1；"))

        // No body penalises itself, and every penalty names its conduct, kinds and content.
        let penalties = city.records.filter { $0.basis == .administrativePenalty }
        #expect(
            !penalties.isEmpty && penalties.allSatisfy { $0.authority.creditCode.map { SubjectID($0) } != $0.subject })
        #expect(penalties.allSatisfy { $0.penalty != nil })

        // Five licences, all published (one late, the ecology bureau's discharge permit).
        #expect(try Self.numbers(summary, line: "public").last == 5)

        // The townships line: 17 townships, 52 items (51 with a deadline, all due), 48 kept on time, one of two
        // service requests on time, two founded 12345 orders, one task pushed down.
        let townships = try Self.numbers(summary, line: "townships")
        #expect(townships[0] == 17 && townships[1] == 52 && townships[2] == 51 && townships[3] == 48)
        #expect(townships[4] == 1 && townships[5] == 2 && townships[6] == 2 && townships[9] == 1)
        // The integrity townships, counted here from the story: not 海阳镇 (late), 台营镇 (not met) or 祖山镇
        // (overdue, and its 12345 order open), nor a township with a serious record decided this year and still
        // standing, nor one with a commitment of the core story due this year and not kept by its day.
        var barred: Set<SubjectID> = Set(
            city.townships.filter { t in ["海阳镇", "台营镇", "祖山镇"].contains { t.name.contains($0) } }.map(\.id))
        for (index, record) in city.records.enumerated()
        where record.severity == .serious && record.decisionDate.year == today.year && record.decisionDate <= today
            && !gone.contains(index)
        {
            barred.insert(record.subject)
        }
        var ends: [Int: LocalDate] = [:]
        for event in city.events {
            if case .commitmentStep(let index, .end(let on, .fulfilled)) = event.action { ends[index] = on }
        }
        for (index, c) in city.commitments.enumerated() {
            guard let due = c.dueDate, due.year == today.year, due <= today else { continue }
            if ends[index].map({ $0 > due }) ?? true { barred.insert(c.promisor) }
        }
        let integrity = city.townships.filter { !barred.contains($0.id) }.count
        #expect(townships[7] == integrity && integrity < 14)
    }
}

extension DemoTests {
    @Test(
        "no file tag of a plan anywhere the product writes: summary, every report, the public export, findings, rules")
    func noFileTags() async throws {
        let (city, kit, report) = try await Self.replayed(on: today)
        var texts = [
            try DemoCommand.summary(city: city, kit: kit, path: "demo.sqlite", report: report, elapsed: .seconds(1))
        ]
        var reports = [
            try kit.rankingReport(asOf: today), try kit.semiannualReport(asOf: today),
            try kit.warningReport(asOf: today),
        ]
        for agency in city.agencies { reports.append(try kit.creditFile(of: agency.id, asOf: today)) }
        for module in ReportCommand.moduleReports {
            let subject = module.subject == .none ? nil : city.enterprises.first { $0.roles.contains(.bidder) }?.id
            reports.append(try module.make(kit, subject, today))
        }
        for r in reports { texts += [ReportRenderer.markdown(r), ReportRenderer.html(r)] }
        let shown = try Disclosure.publicRecords(of: kit, asOf: today)
        texts += PublicRecord.Layout.allCases.map { Disclosure.csv(shown, layout: $0) }
        texts.append(Disclosure.csv(try Disclosure.publicLicences(of: kit, asOf: today)))
        for f in try kit.runChecks(asOf: today) {
            texts.append(
                f.title.chinese + f.basis.map(\.description).joined() + (try FindingsCommand.factsText(f, kit: kit)))
        }
        texts.append(try RuleCatalogue.markdown(modules: allSectorModules))
        // The plans' file names are a number and a hash: neither, nor the word, may appear.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        // Without the shared folder beside the checkout only the word is looked for; with it, every name's parts.
        let seeds = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let tags =
            ["seed"]
            + seeds.flatMap { name in
                let stem = name.replacingOccurrences(of: ".txt", with: "")
                return [String(stem.prefix(4)), String(stem.dropFirst(4))]
            }
        for text in texts {
            for tag in tags { #expect(!text.lowercased().contains(tag), "\(tag) in \(text.prefix(80))") }
        }
    }
}

@Suite("creditkit arguments")
struct ArgumentTests {
    @Test("options, flags and positionals are taken; leftovers are refused")
    func parsing() throws {
        var parser = ArgumentParser(
            ["file.sqlite", "--subject", "X", "--as-of", "2026-01-02"], command: ProfileCommand.self)
        #expect(try parser.positional("PATH") == "file.sqlite")
        #expect(try parser.option("--subject") == "X")
        #expect(try parser.dateOption("--as-of") == LocalDate("2026-01-02"))
        #expect(throws: Never.self) { try parser.finish() }

        var bad = ArgumentParser(["--as-of", "2026-02-30", "extra"], command: ProfileCommand.self)
        #expect(throws: CLIError.self) { try bad.dateOption("--as-of") }
        var missing = ArgumentParser(["--subject"], command: ProfileCommand.self)
        #expect(throws: CLIError.self) { try missing.option("--subject") }
        #expect(ArgumentParser(["--help"], command: DemoCommand.self).wantsHelp)
    }
}

@Suite("Commands respect what they are given")
struct CommandRespectTests {
    func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ck-cmd-\(UUID())-\(name)").path
    }

    @Test("attack: demo --store over a file that is not a ledger refuses, even with --replace, and deletes nothing")
    func demoKeepsOtherFiles() async throws {
        let path = scratch("notes.txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Data("not a ledger\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        for args in [["--store", path], ["--store", path, "--replace"]] {
            var parser = ArgumentParser(args, command: DemoCommand.self)
            await #expect(throws: CLIError.self, "\(args)") { try await DemoCommand.run(&parser) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
        #expect(!FileManager.default.fileExists(atPath: path + ".keys"))
    }

    @Test("attack: demo over a live ledger needs --replace; without it the ledger and its keys stay")
    func demoNeedsReplace() async throws {
        let path = scratch("live.sqlite")
        defer {
            for suffix in ["", "-wal", "-shm", ".keys"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let kit = try CreditKit(store: .sqlite(path))
        try await kit.register(Fixtures.agency(index: 1), on: LocalDate("2025-01-01")!)
        try await kit.close()
        let keys = try Data(contentsOf: URL(fileURLWithPath: path + ".keys"))
        var parser = ArgumentParser(["--store", path], command: DemoCommand.self)
        do {
            try await DemoCommand.run(&parser)
            Issue.record("the demo replaced a live ledger without --replace")
        } catch let error as CLIError {
            #expect(error.message.contains("--replace"), "\(error.message)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".keys")) == keys)
        let reopened = try openKit(path)
        #expect(try await reopened.verify().entryCount == 1)
    }

    @Test("attack: a file not the demo's own in the way at PATH.building is refused and kept, and PATH stays")
    func buildingSpotTaken() async throws {
        let path = scratch("city.sqlite")
        let building = path + ".building"
        defer { for p in [path, building] { try? FileManager.default.removeItem(atPath: p) } }
        let text = Data("someone's notes\n".utf8)
        try text.write(to: URL(fileURLWithPath: building))
        var parser = ArgumentParser(["--store", path], command: DemoCommand.self)
        await #expect(
            performing: { try await DemoCommand.run(&parser) },
            throws: { ($0 as? CLIError)?.message.contains("\(building) is in the way") == true })
        #expect(try Data(contentsOf: URL(fileURLWithPath: building)) == text)
        #expect(
            !FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: path + ".keys"))
    }

    @Test("attack: demo --replace deletes only the ledger's own plain files, never a folder beside it")
    func replaceKeepsFolders() async throws {
        let path = scratch("own.sqlite")
        defer {
            for suffix in ["", "-wal", "-shm", ".keys"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let kit = try CreditKit(store: .sqlite(path))
            try await kit.close()
        }
        try FileManager.default.removeItem(atPath: path + ".keys")
        try FileManager.default.createDirectory(atPath: path + ".keys", withIntermediateDirectories: false)
        let keep = path + ".keys/important.txt"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: keep))
        var parser = ArgumentParser(["--store", path, "--replace"], command: DemoCommand.self)
        await #expect(throws: CLIError.self) { try await DemoCommand.run(&parser) }
        #expect(FileManager.default.fileExists(atPath: keep) && FileManager.default.fileExists(atPath: path))
    }

    @Test("attack: read commands on an empty file or another file refuse, naming it, and create nothing")
    func openKitRefuses() throws {
        let empty = scratch("empty.sqlite")
        let other = scratch("other.bin")
        defer { for p in [empty, other] { try? FileManager.default.removeItem(atPath: p) } }
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).write(to: URL(fileURLWithPath: other))
        for (path, words) in [(empty, "an empty file"), (other, "not an SQLite file")] {
            #expect(
                performing: { try openKit(path) },
                throws: { error in
                    let message = (error as? CLIError)?.message ?? ""
                    return message.contains(path) && message.contains(words)
                })
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(!FileManager.default.fileExists(atPath: path + ".keys"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
    }
}

@Suite("creditkit deadline")
struct DeadlineCommandTests {
    @Test("refuses a missing start, two periods at once, a bad count and an unknown profile")
    func badInput() async throws {
        for args in [
            ["--working-days", "3"], ["--from", "2025-01-01", "--days", "3", "--working-days", "2"],
            ["--from", "2025-01-01", "--days", "-3"], ["--from", "2025-01-01", "--days", "3", "--profile", "mars"],
            ["--from", "2025-02-30", "--days", "3"], ["--from", "2025-01-01", "--rule", "no.such"],
        ] {
            var parser = ArgumentParser(args, command: DeadlineCommand.self)
            await #expect(throws: CLIError.self, "\(args)") { try await DeadlineCommand.run(&parser) }
        }
    }

    @Test("a local rule asked of the national profile names the profile that has it")
    func localRule() async throws {
        var parser = ArgumentParser(
            ["--from", "2025-09-26", "--rule", "disclosure.list-change"], command: DeadlineCommand.self)
        do {
            try await DeadlineCommand.run(&parser)
            Issue.record("the national profile answered a Langfang rule")
        } catch let error as CLIError {
            #expect(error.message.contains("--profile langfang-transport"), "\(error.message)")
        }
    }

    @Test("attack: dates overflow — a start outside 1900 to 2200 is refused, not printed as year 0000")
    func datesOverflow() async throws {
        for start in ["9999-12-31", "2201-01-01", "1899-12-31", "0001-01-01"] {
            var parser = ArgumentParser(["--from", start, "--days", "1"], command: DeadlineCommand.self)
            await #expect(throws: CLIError.self, "\(start)") { try await DeadlineCommand.run(&parser) }
        }
        var parser = ArgumentParser(["--from", "9999-12-31", "--days", "1"], command: DeadlineCommand.self)
        do {
            try await DeadlineCommand.run(&parser)
        } catch let error as CLIError {
            #expect(error.message.contains("1900 to 2200"), "\(error.message)")
        }
        // The last supported day plus the longest count still prints a real year.
        let last = try LocalDate(parsing: "2200-12-31")
        #expect(last.adding(days: 100_000).description == "2474-10-15")
    }

    @Test("knows the modules' rules: a contract filed within 7 working days of its signing")
    func moduleRule() async throws {
        var parser = ArgumentParser(
            ["--from", "2025-09-29", "--rule", "procurement.contract.late-filing"], command: DeadlineCommand.self)
        try await DeadlineCommand.run(&parser)
        let profile = try DeadlineCommand.profile(named: "national")
        let (deadline, figure) = try profile.deadline(
            "procurement.contract.late-filing", from: LocalDate("2025-09-29")!)
        // 30 September, 9, 10, 11 (a worked Saturday), 13, 14 and 15 October: the seventh working day.
        #expect(deadline.due == LocalDate("2025-10-15")! && figure.figure == Figure(7, .workingDays))
    }
}

@Suite("Rule catalogue")
struct RuleCatalogueTests {
    @Test("Docs/RULES.md is the generated catalogue, sector rules included")
    func rulesDocument() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Docs/RULES.md"), encoding: .utf8)
        #expect(
            try text == RulesCommand.text(), "regenerate with `swift run creditkit rules > Docs/RULES.md`")
        #expect(text.contains("procurement.payment.late-sme"))
        // Every red flag has its row, with its Cardinal code.
        for code in ["R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058"] {
            #expect(text.contains("| \(code) |"), "\(code)")
        }
    }

    @Test("the local plans are cited by title and document number (or issuer and day), never by a file tag")
    func planCitations() throws {
        let text = try RuleCatalogue.markdown(modules: allSectorModules)
        #expect(!text.contains("seed"), "a file tag in the catalogue")
        #expect(text.contains("《新巴尔虎左旗加强政务诚信建设实施方案》（新左政发〔2020〕26号）"))
        #expect(text.contains("《秦皇岛市交通运输局加强政务诚信建设实施方案》（秦皇岛市交通运输局，2021年2月26日发布）"))
    }
}
