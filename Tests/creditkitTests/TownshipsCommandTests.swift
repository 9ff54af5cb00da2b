import CreditKitCore
import CreditKitTesting
import Foundation
import FoundationXML
import Testing
import Townships

@testable import creditkit

@Suite("creditkit import --module townships, report --kind townships, deadline for a local rule")
struct TownshipsCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-townships-cli-\(UUID())")

    func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a catalogue and 12345 work orders import by their headers; the report and the board count them")
    func importAndReport() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("ledger.sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let region = try RegionCode("130302")
        let township = Agency(
            creditCode: Fixtures.creditCode(index: 70), name: "西港镇人民政府", level: .township, kind: .government,
            region: region)
        do {
            let kit = try CreditKit(store: .sqlite(store), modules: allSectorModules, clock: FixedClock.demo)
            try await kit.register(township, on: LocalDate("2015-01-01")!)
            try await kit.close()
        }
        let catalogue = try write(
            "catalogue.csv",
            "\u{FEFF}乡镇（街道）,事项编号,服务领域,承诺内容,目标,完成时限,承诺办理时限,责任科室,公开日期\r\n"
                + "\(township.id),JY-01,就业,新增公益性岗位,50个,2025-06-30,,社会事务办,2025-01-10\r\n"
                + "\(township.id),JZ-01,住房,办理居住证明,,,3个工作日,便民服务中心,2025-01-10\r\n")
        var parser = ArgumentParser(
            [catalogue, "--store", store, "--module", "townships"], command: ImportCommand.self)
        try await ImportCommand.run(&parser)
        let orders = try write(
            "orders.csv",
            "工单编号,乡镇（街道）,受理日期,服务领域,诉求内容,核实结果,核实日期,办结日期,办理结果\n"
                + "12345-7,\(township.id),2025-03-01,停车,占道停车,属实,2025-03-02,,\n")
        parser = ArgumentParser([orders, "--store", store, "--module", "townships"], command: ImportCommand.self)
        try await ImportCommand.run(&parser)
        let kit = try openKit(store)
        let asOf = LocalDate("2025-12-31")!
        let report = try ReportCommand.moduleReport(
            try #require(ReportCommand.moduleReports.first { $0.kind == "townships" }), subject: nil, asOf: asOf,
            kit: kit)
        let figures = Dictionary(uniqueKeysWithValues: report.keyFigures.map { ($0.label, $0.value) })
        // One township; the dated item fell due unmet; the founded order is unresolved, so it is not eligible.
        #expect(figures["乡镇（街道）"] == "1" && figures["公开承诺事项"] == "2" && figures["到期承诺"] == "1")
        #expect(figures["按期兑现"] == "0" && figures["属实投诉"] == "1" && figures["诚信乡镇（街道）"] == "0")
        #expect(figures["乡镇（街道）核查线索"] == "1" && figures["部门违规派转事项"] == "0")
        let board = try ReportCommand.moduleReport(
            try #require(ReportCommand.moduleReports.first { $0.kind == "townships-board" }), subject: nil, asOf: asOf,
            kit: kit)
        #expect(board.keyFigures.first { $0.label == "逾期未兑现" }?.value == "1")
        // A catalogue imported twice is refused, never doubled.
        parser = ArgumentParser([catalogue, "--store", store, "--module", "townships"], command: ImportCommand.self)
        await #expect(throws: (any Error).self) { try await ImportCommand.run(&parser) }
    }

    @Test("creditkit deadline --rule takes the Langfang .late ids in that profile, and names the profile elsewhere")
    func deadlineForLocalRule() async throws {
        var parser = ArgumentParser(
            [
                "--from", "2025-09-26", "--rule", "disclosure.list-change.late", "--profile", "langfang-transport",
            ], command: DeadlineCommand.self)
        try await DeadlineCommand.run(&parser)
        parser = ArgumentParser(
            ["--from", "2025-09-26", "--rule", "disclosure.policy-interpretation.late"], command: DeadlineCommand.self)
        do {
            try await DeadlineCommand.run(&parser)
            Issue.record("the national profile answered a local rule")
        } catch let error as CLIError {
            #expect(error.message.contains("--profile langfang-transport"), "\(error.message)")
        }
    }

    @Test("creditkit init makes an empty ledger; a roster registers bodies and enterprises; a second run adds nothing")
    func initAndRoster() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("new.sqlite").path
        var parser = ArgumentParser([store], command: InitCommand.self)
        try await InitCommand.run(&parser)
        #expect(FileManager.default.fileExists(atPath: store + ".keys"))
        // A new, empty ledger reopens on its checkpoint without a warning, and its chain verifies.
        do {
            let fresh = try openKit(store)
            #expect(fresh.ledger.restoration.warnings.isEmpty, "\(fresh.ledger.restoration.warnings)")
            #expect(try await fresh.verify().isValid)
        }
        parser = ArgumentParser([store], command: InitCommand.self)
        await #expect(throws: CLIError.self) { try await InitCommand.run(&parser) }
        let county = Fixtures.creditCode(index: 80)
        let township = Fixtures.creditCode(index: 81)
        let firm = Fixtures.creditCode(index: 82, authority: "9")
        let roster = try write(
            "subjects.csv",
            "统一社会信用代码,名称,主体类别,登记日期,层级,机关类型,行政区划代码,上级单位,中小企业,角色\n"
                + "\(county),海港区人民政府,机关,2020-01-01,县级,人民政府,130302,,,\n"
                + "\(township),西港镇人民政府,机关,2020-01-01,乡镇（街道）,人民政府,130302,\(county),,\n"
                + "\(firm),秦皇岛港城物业有限公司,企业,2020-01-01,,,,,是,供应商、投标人\n")
        parser = ArgumentParser([roster, "--store", store], command: ImportCommand.self)
        try await ImportCommand.run(&parser)
        do {
            let kit = try openKit(store)
            #expect(kit.view.subjectCount == 3)
            guard case .agency(let a)? = kit.view.subject(SubjectID(township))?.subject else {
                Issue.record("the township is not registered")
                return
            }
            #expect(a.level == .township && a.parent == SubjectID(county))
            guard case .enterprise(let e)? = kit.view.subject(SubjectID(firm))?.subject else {
                Issue.record("the enterprise is not registered")
                return
            }
            #expect(e.isSME && e.roles == [.supplier, .bidder])
        }
        // The same roster again registers nothing; one that says otherwise is refused, naming the line.
        parser = ArgumentParser([roster, "--store", store], command: ImportCommand.self)
        try await ImportCommand.run(&parser)
        let changed = try write(
            "changed.csv",
            "统一社会信用代码,名称,主体类别,登记日期,层级,机关类型,行政区划代码,上级单位,中小企业,角色\n"
                + "\(township),西港镇人民政府,机关,2020-01-01,县级,人民政府,130302,,,\n")
        parser = ArgumentParser([changed, "--store", store], command: ImportCommand.self)
        do {
            try await ImportCommand.run(&parser)
            Issue.record("a roster contradicting the ledger was accepted")
        } catch let error as CLIError {
            #expect(
                error.message.contains("line 2") && error.message.contains("registered otherwise"), "\(error.message)")
        }
        let loaded = try openKit(store)
        #expect(loaded.view.subjectCount == 3 && loaded.ledger.restoration.warnings.isEmpty)

        // A roster listing a bureau and a township before the county they belong to is taken in the parents' order.
        let city = Fixtures.creditCode(index: 83)
        let bureau = Fixtures.creditCode(index: 84)
        let town = Fixtures.creditCode(index: 85)
        let unordered = try write(
            "unordered.csv",
            "统一社会信用代码,名称,主体类别,登记日期,层级,机关类型,行政区划代码,上级单位,中小企业,角色\n"
                + "\(town),石门寨镇人民政府,机关,2020-01-01,乡镇（街道）,人民政府,130302,\(bureau),,\n"
                + "\(bureau),海港区住房和城乡建设局,机关,2020-01-01,县级,政府部门,130302,\(city),,\n"
                + "\(city),海港区人民政府（新）,机关,2020-01-01,县级,人民政府,130302,,,\n")
        parser = ArgumentParser([unordered, "--store", store], command: ImportCommand.self)
        try await ImportCommand.run(&parser)
        #expect(try openKit(store).view.subjectCount == 6)
    }

    @Test("the demo's gallery links every HTML report it wrote, by its title")
    func gallery() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try write("ranking-2026-12-01.html", "<html><head><title>政务诚信评价排名</title></head></html>")
        let b = try write("townships-2026-12-01.html", "<html><head><title>乡镇（街道）政务诚信报告</title></head></html>")
        let c = try write("file-x-2026-12-01.html", "<html><head><title>信用档案</title></head></html>")
        let md = try write("file-x-2026-12-01.md", "# 信用档案")
        let alone = try write("file-y-2026-12-01.md", "# 信用档案")
        let page = try DemoCommand.gallery([a, b, c, md, alone], asOf: LocalDate("2026-12-01")!)
        #expect(page.contains("<a href=\"ranking-2026-12-01.html\">政务诚信评价排名</a> <span"))
        #expect(page.contains("<a href=\"townships-2026-12-01.html\">乡镇（街道）政务诚信报告</a>"))
        // The Markdown of a report is linked beside its HTML; a Markdown file with no HTML is not a report's.
        #expect(
            page.contains("<a href=\"file-x-2026-12-01.html\">信用档案</a> · <a href=\"file-x-2026-12-01.md\">Markdown</a>")
        )
        #expect(!page.contains("file-y-2026-12-01.md"))
        #expect(XMLParser(data: Data(page.utf8)).parse())
    }

    @Test("findings read in Chinese: labels for the facts' names, and the Chinese of their values")
    func chineseFacts() async throws {
        let kit = try CreditKit(store: .inMemory, modules: allSectorModules, clock: FixedClock.demo)
        let township = Agency(
            creditCode: Fixtures.creditCode(index: 90), name: "西港镇人民政府", level: .township, kind: .government,
            region: try RegionCode("130302"))
        try await kit.register(township, on: LocalDate("2020-01-01")!)
        try await kit.townships.record([
            TownshipCommitment.item("TC-1", township: township.id).on(
                LocalDate("2025-01-02")!,
                TownshipCommitmentPublished(
                    .parking, promise: "新增泊位", deadline: LocalDate("2025-03-31")!, office: "城管办"))
        ])
        let finding = try #require(try kit.townships.findings(asOf: LocalDate("2025-04-10")!).first)
        let text = try FindingsCommand.factsText(finding, kit: kit)
        #expect(text.contains("事项=TC-1") && text.contains("领域=停车") && text.contains("逾期天数=10"), "\(text)")
        #expect(text.contains("状态=尚未办结") && !text.contains("daysLate"), "\(text)")
        #expect(text.contains("标准=0日"), "\(text)")
        #expect(FactLabels.figure("3 wd") == "3个工作日" && FactLabels.figure("1 month") == "1个月")
        #expect(FactLabels.figure("0 count") == "0" && FactLabels.figure("31 Mar") == "3月31日")
        #expect(FactLabels.figure("0 d") == "0日（到期当日）" && FactLabels.figure("no figure") == "no figure")
    }

    @Test("a header missing a required column is judged by the layout it most resembles, and the column is named")
    func closestLayout() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("l.sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var parser = ArgumentParser([store], command: InitCommand.self)
        try await InitCommand.run(&parser)
        let services = try write("services.csv", "办件编号,事项编号,受理日期,办结日期,超时说明,说明日期\nS-1,JZ-01,2025-03-03,,,\n")
        parser = ArgumentParser([services, "--store", store, "--module", "townships"], command: ImportCommand.self)
        do {
            try await ImportCommand.run(&parser)
            Issue.record("a services file without its township column was accepted")
        } catch let error as CLIError {
            #expect(error.message.contains("乡镇（街道）") && !error.message.contains("服务领域"), "\(error.message)")
        }
    }

    @Test("a fact's label is its own module's: the same name reads by the module whose rule found it")
    func labelsByModule() {
        func finding(_ rule: RuleID) -> Finding {
            Finding(
                rule: rule, title: LocalizedName(chinese: "测试", english: "test"), basis: [], subject: "x",
                severity: .minor, facts: [.init("name", "甲"), .init("deadline", "2025-01-01")], dates: [], evidence: [],
                asOf: LocalDate("2025-01-01")!)
        }
        let township = FindingsCommand.labels(for: finding("townships.finance.unpublished"))
        let procurement = FindingsCommand.labels(for: finding("procurement.contract.late"))
        let core = FindingsCommand.labels(for: finding("disclosure.proactive.late"))
        #expect(township.label("name") == "村名" && procurement.label("name") == "名称")
        #expect(township.label("deadline") == "承诺期限" && core.label("deadline") == "期限")
    }
}
