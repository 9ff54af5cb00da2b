import CreditKitCore
import CreditKitTesting
import Foundation
import Procurement
import Testing

/// The procurement facts ledger as CSV: the same facts as code gives, and every misfit refused with its line and
/// column, nothing written.
@Suite("Procurement facts from CSV")
struct ProcurementCSVTests {
    let purchaser = Fixtures.agency(index: 7)

    func kit() async throws -> CreditKit {
        let kit = try CreditKit(
            store: .inMemory, keys: Fixtures.keys, modules: [ProcurementModule()], clock: FixedClock.demo)
        try await kit.register(purchaser, on: LocalDate("2025-01-02")!)
        return kit
    }

    /// The open tender of the ledger tests, as a platform exports it (a byte-order mark, CRLF, a quoted name).
    var csv: String {
        let p = purchaser.creditCode.rawValue
        let s = "秦皇岛小微科技有限公司,91130300MA0XW00010,是"
        return "\u{FEFF}"
            + [
                "project,purchaser,fact,date,name,method,category,budget,deadline,bidders,confirmed,contract,supplier,"
                    + "supplier_code,sme,amount,payment_term_days,pays_on_acceptance,acceptance_due,award_notice,challenge",
                "QHD-2025-001,\(p),registered,2025-03-01,\"办公设备采购, 第一批\",公开招标,goods,1000000,,,,,,,,,,,,,",
                "QHD-2025-001,\(p),documents-issued,2025-03-03,,,,,2025-03-24,,,,,,,,,,,,",
                "QHD-2025-001,\(p),evaluated,2025-03-26,,,,,,4,,,,,,,,,,,",
                "QHD-2025-001,\(p),result,2025-04-01,,,,,,,2025-03-28,,\(s),,,,,,",
                "QHD-2025-001,\(p),contract-signed,2025-04-10,,,,,,,,HT-001,\(s),800000,,,2025-06-30,,",
                "QHD-2025-001,\(p),published,2025-04-11,,,,,,,,HT-001,,,,,,,,,",
                "",
                "QHD-2025-001,\(p),filed,2025-04-15,,,,,,,,HT-001,,,,,,,,,",
                "QHD-2025-001,\(p),delivered,2025-06-02,,,,,,,,HT-001,,,,,,,,,",
                "QHD-2025-001,\(p),payment,2025-06-20,,,,,,,,HT-001,,,,300000.00,,,,,",
            ].joined(separator: "\r\n") + "\r\n"
    }

    @Test("a file of facts: one batch, one project, the checks find what they find for the same facts in code")
    func imported() async throws {
        let kit = try await kit()
        let entries = try await kit.importCSV(csv, layout: ProcurementCSV.layout)
        #expect(entries.count == 9)
        let projects = try kit.procurement.cases(asOf: LocalDate("2026-01-01")!)
        #expect(projects.count == 1 && projects[0].name == "办公设备采购, 第一批" && projects[0].bidders == 4)
        #expect(projects[0].contracts.first?.payments.map(\.amount) == [300_000])
        let found = try kit.procurement.findings(asOf: LocalDate("2025-07-10")!)
        #expect(Set(found.map(\.rule)) == ["procurement.acceptance.overdue", "procurement.payment.overdue-unpaid"])
        #expect(found.first { $0.rule == "procurement.payment.overdue-unpaid" }?.money("outstanding") == 500_000)
    }

    @Test(
        "a misfit is refused with its line and column, and nothing is written",
        arguments: [
            ("2025-03-01", "date", "2025-02-30", "line 2, column date"),
            ("registered", "fact", "registerd", "line 2, column fact: 'registerd' is not one of"),
            ("公开招标", "method", "拍卖", "line 2, column method"),
            ("1000000", "budget", "1,000,000", "line 2, column budget"),
            ("2025-03-24", "deadline", "", "line 3, column deadline: is empty"),
        ])
    func misfits(cell: String, column: String, replacement: String, message: String) async throws {
        let kit = try await kit()
        let head = kit.view.head
        var lines = csv.components(separatedBy: "\r\n")
        let index = lines.firstIndex { $0.contains(",\(cell),") || $0.contains(",\(cell)") }!
        let quoted = replacement.contains(",") ? "\"\(replacement)\"" : replacement
        lines[index] = lines[index].replacingOccurrences(of: cell, with: quoted)
        do {
            try await kit.importCSV(lines.joined(separator: "\r\n"), layout: ProcurementCSV.layout)
            Issue.record("accepted a misfit in \(column)")
        } catch let error as CreditKitError {
            #expect(error.code == .invalidCSV && error.message.contains(message), "\(error.message)")
        }
        #expect(kit.view.head == head)
    }

    @Test("a file without a required column, with an unclosed quote, or with a bad credit code is refused whole")
    func wholeFile() async throws {
        let kit = try await kit()
        let head = kit.view.head
        let bad = [
            csv.replacingOccurrences(of: "project,purchaser,fact,date", with: "project,buyer,fact,date"),
            csv.replacingOccurrences(of: "\"办公设备采购, 第一批\"", with: "\"办公设备采购"),
            csv.replacingOccurrences(of: purchaser.creditCode.rawValue, with: "91130300MA0NOTREG0"),
        ]
        for text in bad {
            await #expect(throws: CreditKitError.self) { try await kit.importCSV(text, layout: ProcurementCSV.layout) }
        }
        #expect(kit.view.head == head)
    }

    @Test("a file imported twice is refused the second time, naming the line already in the ledger; a repeated row too")
    func repeated() async throws {
        let kit = try await kit()
        try await kit.importCSV(csv, layout: ProcurementCSV.layout)
        let head = kit.view.head
        do {
            try await kit.importCSV(csv, layout: ProcurementCSV.layout)
            Issue.record("imported twice")
        } catch let error as CreditKitError {
            #expect(error.code == .invalidCSV && error.message.hasPrefix("line 2: this fact is in the ledger already"))
        }
        #expect(kit.view.head == head)
        let fresh = try await self.kit()
        let doubled = csv + csv.components(separatedBy: "\r\n")[10] + "\r\n"
        await #expect(throws: CreditKitError.self) { try await fresh.importCSV(doubled, layout: ProcurementCSV.layout) }
        do {
            try await fresh.importCSV(doubled, layout: ProcurementCSV.layout)
        } catch let error as CreditKitError {
            #expect(error.message == "line 12 repeats the fact of line 11", "\(error.message)")
        }
    }

    @Test("the ledger's refusal names the row's line; an unknown column and a stray quote are refused")
    func lines() async throws {
        let kit = try await kit()
        let head = kit.view.head
        let zero = csv.replacingOccurrences(of: "300000.00", with: "0")
        do {
            try await kit.importCSV(zero, layout: ProcurementCSV.layout)
            Issue.record("accepted a payment of 0")
        } catch let error as CreditKitError {
            #expect(error.message.hasPrefix("line 11: ") && error.message.contains("not positive"), "\(error.message)")
        }
        for bad in [
            csv.replacingOccurrences(of: ",challenge\r\n", with: ",challenge,ammount\r\n"),
            csv.replacingOccurrences(of: "\"办公设备采购, 第一批\"", with: "\"办公设备\"采购"),
            csv.replacingOccurrences(of: "\"办公设备采购, 第一批\"", with: "办公\"设备\""),
        ] {
            await #expect(throws: CreditKitError.self) { try await kit.importCSV(bad, layout: ProcurementCSV.layout) }
        }
        #expect(kit.view.head == head)
    }
}
