import CreditKitCore
import Foundation
import Testing

@Suite("What the documentation shows is valid")
struct DocumentationCodeTests {
    @Test("every credit code written in the DocC articles and the README passes its check characters")
    func creditCodesInDocs() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var files = [root.appendingPathComponent("README.md")]
        let sources = root.appendingPathComponent("Sources")
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let docc = sources.appendingPathComponent(module).appendingPathComponent("\(module).docc")
            guard let articles = try? FileManager.default.contentsOfDirectory(atPath: docc.path) else { continue }
            files += articles.filter { $0.hasSuffix(".md") }.map { docc.appendingPathComponent($0) }
        }
        let pattern = try Regex(#"UnifiedSocialCreditCode\("([0-9A-Z]{18})"\)"#)
        var seen = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let code = String(match.output[1].substring!)
                seen += 1
                #expect(throws: Never.self, "\(file.lastPathComponent): \(code)") { try UnifiedSocialCreditCode(code) }
            }
        }
        #expect(seen > 0, "no credit code found to check")
    }

    @Test("an agency whose credit code was issued in another province than its region is refused")
    func regionAgrees() async throws {
        let kit = try CreditKit(store: .inMemory)
        let code = try UnifiedSocialCreditCode("1113030040512006XW")
        let wrong = Agency(
            creditCode: code, name: "秦皇岛市交通运输局", level: .city, kind: .department, region: try RegionCode("440300"))
        await #expect(throws: CreditKitError.self) { try await kit.register(wrong, on: LocalDate("2020-01-01")!) }
        let right = Agency(
            creditCode: code, name: "秦皇岛市交通运输局", level: .city, kind: .department, region: try RegionCode("130302"))
        try await kit.register(right, on: LocalDate("2020-01-01")!)
    }
}
