import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

/// The README's commands, run as a new user runs them: the built `creditkit` tool, against a demo ledger and the small
/// files a platform would have; each must succeed, and a date its comment promises must be the one printed.
@Suite("The README's commands work as written")
struct ReadmeCommandTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the tool; returns its exit code, standard output and standard error.
    func run(
        _ tool: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self)
        )
    }

    @Test("every `swift run creditkit` line of the README runs, and the deadline it promises is the one printed")
    func readmeCommands() throws {
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("creditkit")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "build the tool first: \(tool.path)")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ck-readme-\(UUID())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var lines: [String] = []
        var inShell = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = line == "```sh"
                continue
            }
            if inShell, line.hasPrefix("swift run creditkit ") { lines.append(String(line)) }
        }
        #expect(lines.count >= 20, "\(lines.count) commands found")
        // The files a platform brings: a roster, a township's catalogue, a debt spreadsheet.
        let county = Fixtures.creditCode(index: 500)
        let township = Fixtures.creditCode(index: 501)
        try Data(
            ("统一社会信用代码,名称,主体类别,登记日期,层级,机关类型,行政区划代码\n"
                + "\(county),海港区人民政府,机关,2020-01-01,县级,人民政府,130302\n"
                + "\(township),西港镇人民政府,机关,2020-01-01,乡镇（街道）,人民政府,130302\n").utf8
        ).write(to: work.appendingPathComponent("subjects.csv"))
        try Data(
            ("乡镇（街道）,事项编号,服务领域,承诺内容,目标,完成时限,承诺办理时限,责任科室,公开日期\n"
                + "\(township),JY-01,就业,新增公益性岗位,50个,2025-06-30,,社会事务办,2025-01-10\n").utf8
        ).write(to: work.appendingPathComponent("catalogue.csv"))
        try Data(
            ("地区代码,地区名称,年度,一般债务余额,专项债务余额,一般债务限额,专项债务限额,综合财力,一般公共预算支出,政府性基金预算支出,一般债务付息支出,专项债务付息支出,逾期债务\n"
                + "130302,海港区,2024,30000,20000,40000,30000,100000,200000,50000,2000,500,0\n").utf8
        ).write(to: work.appendingPathComponent("figures.csv"))
        var subject: String?
        var official: String?
        var ran = 0
        for line in lines {
            var command = line.dropFirst("swift run creditkit ".count).split(separator: "#", maxSplits: 1)
            let comment = command.count > 1 ? String(command.removeLast()) : ""
            var text = String(command[0])
            // Optional parts in brackets are left out; a placeholder takes a code the demo printed.
            while let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") {
                text.removeSubrange(open...close)
            }
            if text.contains("<official from the summary>") {
                guard let official else { continue }
                text = text.replacingOccurrences(of: "<official from the summary>", with: official)
            }
            if text.contains("<credit code") {
                guard let subject, !text.contains("<OCDS") else { continue }
                text = text.replacingOccurrences(of: "<credit code from the summary>", with: subject)
                    .replacingOccurrences(of: "<credit code>", with: subject)
            }
            // What needs a file only a platform has (its own OCDS or procurement export, another ledger) is skipped.
            if text.contains(" FILE ") || text.contains("facts.csv") || text.contains("ledger.sqlite") { continue }
            // The README's OCDS file is the peers folder's (CREDITKIT_PEERS when set, as for the OCDS tests).
            if text.contains("../shared/peers/ocds/") {
                try #require(Peers.isAvailable, "\(Peers.missingMessage)")
                text = text.replacingOccurrences(of: "../shared/peers/ocds/", with: Peers.ocds.path + "/")
            }
            var arguments = text.split(separator: " ").map(String.init)
            var redirect: String?
            if let i = arguments.firstIndex(of: ">") {
                redirect = arguments[i + 1]
                arguments.removeSubrange(i...(i + 1))
            }
            let (status, output, error) = try run(tool, arguments, in: work)
            ran += 1
            #expect(status == 0, "creditkit \(arguments.joined(separator: " ")): exit \(status)\n\(error)")
            if let redirect { try Data(output.utf8).write(to: work.appendingPathComponent(redirect)) }
            if arguments.first == "demo" {
                subject =
                    output.split(separator: "\n").compactMap { l -> String? in
                        guard let r = l.range(of: "--subject ") else { return nil }
                        let code = l[r.upperBound...].prefix { !$0.isWhitespace }
                        return code.count == 18 ? String(code) : nil
                    }.first
                #expect(subject != nil, "the demo's summary names a subject")
                official =
                    output.split(separator: "\n").compactMap { l -> String? in
                        guard l.contains("creditkit official"), let r = l.range(of: "--subject ") else { return nil }
                        return String(l[r.upperBound...].prefix { !$0.isWhitespace })
                    }.first
                #expect(official?.hasPrefix("person:") == true, "the demo's summary names an official")
            }
            // A date the comment promises is the one printed.
            let promised = String(comment.trimmingCharacters(in: .whitespaces).prefix(10))
            if LocalDate(promised) != nil {
                #expect(output.split(separator: "\n").last.map(String.init) == promised, "\(line)")
            }
        }
        #expect(ran >= 18, "\(ran) commands ran")
    }
}
