import CreditKitCore
import CreditKitTesting
import Foundation
import FoundationXML
import Testing

@testable import creditkit

@Suite("Reports")
struct ReportTests {
    let today = LocalDate("2026-11-23")!

    func demoKit() async throws -> (CreditKit, DemoCity) {
        let city = try DemoCity.build(today: today, keys: Fixtures.keys)
        let clock = DemoClock(Timestamp(startOf: city.start))
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: allSectorModules, clock: clock)
        try await DemoCommand.replay(city, into: kit, clock: clock)
        clock.set(Timestamp(endOf: today))
        return (kit, city)
    }

    final class Counter: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) { elements[name, default: 0] += 1 }
    }

    @Test("every report kind renders; the HTML parses as XML and every chart has its table")
    func wellFormed() async throws {
        let (kit, city) = try await demoKit()
        let reports = [
            try kit.creditFile(of: city.agencies[5].id, asOf: today), try kit.rankingReport(asOf: today),
            try kit.semiannualReport(asOf: today), try kit.warningReport(asOf: today),
        ]
        for report in reports {
            let html = ReportRenderer.html(report)
            let parser = XMLParser(data: Data(html.utf8))
            let counter = Counter()
            parser.delegate = counter
            #expect(parser.parse(), "\(report.title): \(String(describing: parser.parserError))")
            let charts = report.sections.flatMap(\.blocks).compactMap {
                if case .chart(let c) = $0 { return c } else { return nil }
            }
            // Trend lines are drawings, one for a desktop and one for a phone, each with type near the body's size
            // where it is shown; bars are HTML, their labels at body size.
            #expect((counter.elements["svg"] ?? 0) == 2 * charts.filter { $0.kind == .trend }.count)
            for size in html.components(separatedBy: "font-size=\"").dropFirst().compactMap({
                Double($0.prefix { $0 != "\"" })
            }) {
                #expect((14...16).contains(size), "type of \(size) units in a drawing")
            }
            #expect((counter.elements["figure"] ?? 0) == charts.count)
            #expect((counter.elements["table"] ?? 0) >= charts.count)
            #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org"), "no external assets")
            #expect(!html.contains("<script") && !html.contains("src="))
            let csv = ReportRenderer.csv(report)
            #expect(csv.count == report.tables.count && csv.allSatisfy { $0.text.hasPrefix("\u{FEFF}") })
            #expect(ReportRenderer.markdown(report).hasPrefix("# \(report.title)"))
            #expect(try JSONDecoder().decode(Report.self, from: Data(ReportRenderer.json(report).utf8)) == report)
        }
    }

    @Test("the same inputs give byte-identical output; a past report ignores later facts")
    func deterministic() async throws {
        let (kit, city) = try await demoKit()
        let past = today.adding(days: -100)
        let subject = city.agencies[7].id
        let first = ReportRenderer.html(try kit.creditFile(of: subject, asOf: past))
        #expect(first == ReportRenderer.html(try kit.creditFile(of: subject, asOf: past)))
        let ranking = try ReportRenderer.json(try kit.rankingReport(asOf: past))
        var record = Fixtures.record(subject: subject, decisionDate: today, severity: .serious)
        record.actDate = today.adding(days: -1)
        try await kit.enter(record)
        #expect(first == ReportRenderer.html(try kit.creditFile(of: subject, asOf: past)))
        #expect(try ranking == ReportRenderer.json(try kit.rankingReport(asOf: past)))
    }

    @Test("creditkit report writes the files it names")
    func command() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ck-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (kit, city) = try await demoKit()
        let files = try ReportCommand.write(
            kind: .file, subject: city.agencies[0].creditCode.rawValue, asOf: today, format: "csv", out: dir, kit: kit)
        #expect(files.count >= 5 && files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let all = try ReportCommand.write(kind: .file, subject: nil, asOf: today, format: "md", out: dir, kit: kit)
        #expect(all.count == city.agencies.count)
    }

    /// A registered module's report kind, as `creditkit report --kind` finds it.
    func moduleReport(_ kind: String, subject: String?, kit: CreditKit) throws -> Report {
        let module = try #require(ReportCommand.moduleReports.first { $0.kind == kind })
        return try ReportCommand.moduleReport(module, subject: subject, asOf: today, kit: kit)
    }

    @Test("the bidding lists: the blacklist with its terms, the agencies, a tenderer's integrity file")
    func biddingLists() async throws {
        let (kit, city) = try await demoKit()
        #expect(
            ReportCommand.moduleReports.map(\.kind) == [
                "ppp", "blacklist", "agencies", "integrity", "investment", "investment-registry", "debt", "townships",
                "townships-board",
            ])
        // The demo city's one PPP project, its three findings and the official each is traced to.
        let ppp = try moduleReport("ppp", subject: nil, kit: kit)
        #expect(ppp.keyFigures.first?.value == "1")
        let traced = try #require(ppp.tables.first { $0.name == "ppp-findings" }?.rows)
        #expect(traced.count == 3 && traced.allSatisfy { !$0[3].hasPrefix("未记录") })
        #expect(ReportCommand.help.contains("integrity (with --subject): a tenderer's integrity file"))
        // The sector stories' reports, each figure against what the story built (DemoCity+Sectors.swift).
        func figures(_ kind: String) throws -> [String: String] {
            Dictionary(
                uniqueKeysWithValues: try moduleReport(kind, subject: nil, kit: kit).keyFigures.map {
                    ($0.label, $0.value)
                })
        }
        let debt = try figures("debt")
        #expect(debt["地区"] == "7" && debt["地区年度"] == "14" && debt["黄色（地区年度）"] == "2" && debt["超过警戒线"] == "2")
        #expect(debt["拖欠未清偿（元）"] == "1000000" && debt["核查线索"] == "5")
        let investment = try figures("investment")
        #expect(investment["协议"] == "2" && investment["承诺事项"] == "3" && investment["到期承诺"] == "2")
        #expect(investment["按期兑现"] == "1" && investment["到期未兑付奖补（元）"] == "2000000" && investment["核查线索"] == "3")
        // Six counties with the same figures share the second place; the next would be eighth.
        let ranking = try #require(
            try moduleReport("debt", subject: nil, kit: kit).tables.first { $0.name == "debt-ranking" })
        #expect(ranking.rows.map { $0[0] } == ["1", "2", "2", "2", "2", "2", "2"])
        let registry = try figures("investment-registry")
        #expect(registry["已兑现"] == "1" && registry["已撤回"] == "1" && registry["未定期限"] == "1")
        let blacklist = try moduleReport("blacklist", subject: nil, kit: kit)
        let rows = try #require(blacklist.tables.first { $0.name == "bidding-blacklist" }?.rows)
        #expect(rows.count == 1 && rows[0][2].hasPrefix("串通投标"))
        let agencies = try moduleReport("agencies", subject: nil, kit: kit)
        #expect(agencies.tables.first { $0.name == "bidding-agencies" }?.rows.count == 1)
        let colluder = try #require(city.enterprises.first { $0.name == rows[0][0] })
        let file = try moduleReport("integrity", subject: colluder.creditCode.rawValue, kit: kit)
        #expect(file.keyFigures.contains { $0.value.hasPrefix("否") })
        #expect(throws: CLIError.self) { try moduleReport("integrity", subject: nil, kit: kit) }
    }
}
