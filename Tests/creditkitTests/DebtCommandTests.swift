import CreditKitCore
import CreditKitTesting
import Debt
import Foundation
import Testing

@testable import creditkit

@Suite("creditkit debt assess and import --module debt")
struct DebtCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-debt-cli-\(UUID())")
    static let header =
        "地区代码,地区名称,年度,一般债务余额,专项债务余额,一般债务限额,专项债务限额,综合财力,一般公共预算支出,政府性基金预算支出,一般债务付息支出,专项债务付息支出,逾期债务"

    func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("creditkit debt assess: the module's command through the tool, its exit codes and errors")
    func assess() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(
            "f.csv", Self.header + "\n130302,海港区,2024,30000,20000,40000,30000,100000,200000,50000,2000,500,0\n")
        let ok = try #require(await runModuleTool("debt", ["assess", file, "--as-of", "2025-06-30"]))
        #expect(ok.exitCode == 0 && ok.error.isEmpty && ok.output.contains("\"debtRatio\": \"50.00\""))
        let missing = try #require(
            await runModuleTool("debt", ["assess", folder.appendingPathComponent("no.csv").path]))
        #expect(missing.exitCode == 1 && missing.error.contains("cannot read"))
        let unknown = try #require(await runModuleTool("debt", ["audit"]))
        #expect(unknown.exitCode == 1 && unknown.error.contains("these exist: assess"))
        let help = try #require(await runModuleTool("debt", ["assess", "--help"]))
        #expect(help.exitCode == 0 && help.output.contains("usage: creditkit debt assess"))
        #expect(await runModuleTool("ppp", ["assess"]) == nil)
    }

    @Test("creditkit import --module debt picks the layout the header names: figures, then arrears")
    func importsBothLayouts() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("ledger.sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let government = Agency(
            creditCode: Fixtures.creditCode(index: 60), name: "海港区人民政府", level: .county, kind: .government,
            region: try RegionCode("130302"))
        let bureau = Fixtures.agency(index: 61)
        let firm = Fixtures.enterprise(index: 62)
        do {
            let kit = try CreditKit(store: .sqlite(store), modules: allSectorModules, clock: FixedClock.demo)
            try await kit.register(government, on: LocalDate("2015-01-01")!)
            try await kit.register(bureau, on: LocalDate("2015-01-01")!)
            try await kit.register(firm, on: LocalDate("2015-01-01")!)
            try await kit.close()
        }
        let figures = try write(
            "figures.csv",
            "\u{FEFF}" + Self.header + "\r\n130302,海港区,2024,30000,20000,40000,30000,100000,200000,50000,2000,500,0\r\n")
        var parser = ArgumentParser([figures, "--store", store, "--module", "debt"], command: ImportCommand.self)
        try await ImportCommand.run(&parser)
        let arrears = try write(
            "arrears.csv",
            "欠款编号,债务单位,债权企业,款项类别,金额,应付日期,登记日期\nQ-1,\(bureau.id),\(firm.id),服务,5000,2024-03-01,2024-03-02\n")
        parser = ArgumentParser([arrears, "--store", store, "--module", "debt"], command: ImportCommand.self)
        try await ImportCommand.run(&parser)
        let kit = try openKit(store)
        let years = try kit.debt.assessments(asOf: LocalDate("2026-12-31")!)
        #expect(years.map(\.figures.year) == [2024] && years[0].figures.generalBalance == 30_000)
        #expect(try kit.debt.file(of: bureau.id, asOf: LocalDate("2026-12-31")!).arrears.map(\.id) == ["Q-1"])
    }
}
