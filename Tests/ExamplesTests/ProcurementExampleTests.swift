import Foundation
import ProcurementExample
import Testing

@Suite("ProcurementExample")
struct ProcurementExampleTests {
    @Test("imports, checks, confirms and dismisses, sanctions, scores and writes the credit file")
    func story() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-procurement-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try await runProcurementExample(writingTo: directory)
        #expect(lines.first == "imported 3 projects (19 facts) from the platform export")
        #expect(
            lines.filter { $0.hasPrefix("finding ") }.map { $0.split(separator: " ")[1] } == [
                "procurement.payment.late-sme:", "procurement.tender.short-period:",
                "procurement.contract.late-signing:", "procurement.payment.overdue-unpaid:",
                "procurement.acceptance.overdue:",
            ])
        // 180,000 yuan paid 21 days late; 260,000 unpaid 47 days past 14 November, at 0.05% a day.
        #expect(lines.contains { $0.contains("interestOwed=1890") })
        #expect(lines.contains { $0.contains("daysLate=47 outstanding=260000 interestAccrued=6110") })
        #expect(lines.contains("dismissed procurement.tender.short-period"))
        #expect(lines.contains("confirmed 4 findings as dishonesty records"))
        #expect(lines.contains { $0.hasPrefix("joint measures:") && $0.contains("sanction.procurement.sme-arrears") })
        #expect(lines.contains { $0.hasPrefix("may the bureau be honoured on 2026-01-06? no") })
        // The four confirmed findings are deducted once, among the dishonesty records: the procurement indicator
        // leaves them out, so its points are whole (one deduction per fact).
        #expect(lines.contains("score 89.09 (B); procurement conduct 9.09 of 9.09"))
        let file = try String(contentsOf: directory.appendingPathComponent("credit-file.md"), encoding: .utf8)
        #expect(file.contains("## 政府采购 Government procurement") && file.contains("dismissed: 采购文件"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("credit-file.html").path))
    }
}
