import BiddingExample
import Foundation
import Testing

@Suite("BiddingExample")
struct BiddingExampleTests {
    @Test("records the tender, finds what the bureau did late, blacklists the colluder, scores the bidders")
    func story() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-bidding-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try await runBiddingExample(writingTo: directory)
        #expect(
            lines.filter { $0.hasPrefix("finding ") }.map { String($0.split(separator: " ")[1]) } == [
                "bidding.tender.short-period", "bidding.objection.late-reply", "bidding.panel.invalid",
                "bidding.report.late", "bidding.payment.late-sme", "bidding.bond.late-refund",
            ])
        // 11,380,000 yuan paid 21 days late at 0.05% a day.
        #expect(lines.contains { $0.contains("interestOwed=119490") })
        #expect(lines.contains { $0.hasPrefix("blacklisted") && $0.hasSuffix("from 2025-06-10 through 2027-06-09") })
        #expect(lines.filter { $0.hasPrefix("may ") }.map { $0.contains("? no") } == [true, false, false])
        #expect(lines.contains { $0.hasPrefix("may ") && $0.hasSuffix("减免投标保证金") })
        #expect(
            lines.filter { $0.hasPrefix("participant ") }.map { $0.split(separator: " ").last! } == [
                "(A)", "(D)", "(B)",
            ])
        let file = try String(contentsOf: directory.appendingPathComponent("integrity-file.md"), encoding: .utf8)
        #expect(file.contains("第六十条") && file.contains("否决") && !file.contains("sanction.bidding.blacklist"))
        let html = try String(contentsOf: directory.appendingPathComponent("credit-file.html"), encoding: .utf8)
        #expect(html.contains("招标投标 Bidding"))
    }
}
