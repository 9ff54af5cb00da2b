import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

/// The toy sector works as the article says, passes the conformance suite, and the article shows it as it is.
@Suite("The toy grant sector")
struct GrantSectorTests {
    let agency = Fixtures.agency(index: 7)

    @Test("conformance, and grant.payment.late on both sides of 15 working days across National Day")
    func story() async throws {
        try await SectorModuleConformance.check(GrantModule())
        let kit = try CreditKit(store: .inMemory, keys: Fixtures.keys, modules: [GrantModule()], clock: FixedClock.demo)
        try await kit.register(agency, on: date("2025-01-01"))
        // Promised Monday 29 September 2025: the fifteenth working day after it is Monday 27 October.
        let onTime = CaseRef<Grant>("G-1", owner: agency.id)
        let late = CaseRef<Grant>("G-2", owner: agency.id)
        try await kit.ledger.append([
            onTime.on(date("2025-09-29"), GrantPromised(amount: 80_000, recipient: "青龙村")),
            onTime.on(date("2025-10-27"), GrantPaid()),
            late.on(date("2025-09-29"), GrantPromised(amount: 30_000, recipient: "河口村")),
            late.on(date("2025-10-28"), GrantPaid()),
        ])
        let findings = try kit.runChecks(asOf: date("2025-12-31")).filter { $0.rule == "grant.payment.late" }
        #expect(findings.map { $0.fact("grant") } == ["G-2"])
        #expect(findings.first?.money("amount") == 30_000 && findings.first?.number("daysLate") == 1)
        #expect(findings.first?.date("due") == date("2025-10-27") && findings.first?.subject == agency.id)
    }

    @Test("Docs/WritingASectorModule shows GrantSector.swift as it is")
    func articleListing() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = tests.deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: tests.appendingPathComponent("GrantSector.swift"), encoding: .utf8)
        let article = try String(
            contentsOf: root.appendingPathComponent("Sources/CreditKitCore/CreditKitCore.docc/WritingASectorModule.md"),
            encoding: .utf8)
        #expect(article.contains("```swift\n" + source + "```\n"), "paste GrantSector.swift into the article again")
        #expect(source.split(separator: "\n").count < 200)
    }
}
