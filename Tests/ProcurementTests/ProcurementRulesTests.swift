import CreditKitCore
import Foundation
import Procurement
import Testing

/// Each rule on both sides of its limit, over processes built by hand (as the ledger builds them: complete).
@Suite("Procurement rules at their limits")
struct ProcurementRulesTests {
    let rules = try! ProcurementRules()

    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func dated(_ text: String, _ entry: LedgerEntry.ID = 1) -> ProcurementProcess.Dated {
        .init(day(text), evidence: [entry])
    }

    func process(_ method: ProcurementMethod = .openTender, _ body: (inout ProcurementProcess) -> Void)
        -> ProcurementProcess
    {
        var p = ProcurementProcess(id: "P-1", purchaser: "91130300MA0000000X", isComplete: true)
        p.method = method
        p.budget = 1_000_000
        body(&p)
        return p
    }

    func contract(_ body: (inout ProcurementProcess.Contract) -> Void) -> ProcurementProcess {
        process { p in
            var c = ProcurementProcess.Contract(id: "C-1")
            c.suppliers = [Counterparty(name: "小微公司", isSME: true)]
            c.amount = 100_000
            c.evidence = [10]
            body(&c)
            p.contracts = [c]
        }
    }

    func found(_ p: ProcurementProcess, _ asOf: String = "2026-06-30") throws -> [String] {
        try rules.findings(for: p, asOf: day(asOf)).map(\.rule.rawValue)
    }

    func one(_ p: ProcurementProcess, _ asOf: String = "2026-06-30") throws -> Finding {
        let all = try rules.findings(for: p, asOf: day(asOf))
        try #require(all.count == 1, "\(all.map(\.rule))")
        return all[0]
    }

    @Test("late signing: the 30th day after the notice, and a contract still unsigned after it")
    func signing() throws {
        let onTime = contract {
            $0.awardNotice = day("2025-03-03"); $0.signed = dated("2025-04-02")
        }
        #expect(try !found(onTime).contains("procurement.contract.late-signing"))
        let late = contract {
            $0.awardNotice = day("2025-03-03"); $0.signed = dated("2025-04-03")
        }
        #expect(try found(late).contains("procurement.contract.late-signing"))
        let unsigned = contract { $0.awardNotice = day("2025-03-03") }
        #expect(try found(unsigned, "2025-04-02").isEmpty)
        let open = try one(unsigned, "2025-04-03")
        #expect(open.rule == "procurement.contract.late-signing" && open.fact("state") == "not yet")
    }

    @Test("publication within 2 working days, across National Day 2025")
    func publication() throws {
        // Signed Monday 29 September: 30 September is the first working day after it, 9 October the second.
        let base = { (published: String) in
            self.contract {
                $0.signed = self.dated("2025-09-29", 10); $0.published = self.dated(published, 11)
                $0.filed = self.dated("2025-09-30", 12)
            }
        }
        #expect(try found(base("2025-10-09")).isEmpty)
        let late = try one(base("2025-10-10"))
        #expect(late.rule == "procurement.contract.late-publication" && late.date("due") == day("2025-10-09"))
        #expect(late.fact("daysLate") == "1" && late.evidence == [10, 11])
    }

    @Test("filing within 7 working days, counting the make-up Saturday 11 October 2025")
    func filing() throws {
        let base = { (filed: String) in
            self.contract {
                $0.signed = self.dated("2025-09-26"); $0.published = self.dated("2025-09-28", 11)
                $0.filed = self.dated(filed, 12)
            }
        }
        #expect(try found(base("2025-10-13")).isEmpty)
        #expect(try one(base("2025-10-14")).rule == "procurement.contract.late-filing")
        let unfiled = contract {
            $0.signed = dated("2025-09-26"); $0.published = dated("2025-09-28", 11)
        }
        #expect(try found(unfiled, "2025-10-13").isEmpty)
        #expect(try one(unfiled, "2025-10-14").fact("state") == "not yet")
    }

    @Test("the shortest tender period for each method, plainly counted or in working days")
    func periods() throws {
        func p(_ method: ProcurementMethod, _ issued: String, _ deadline: String) throws -> [String] {
            try found(
                process(method) {
                    $0.documentsIssued = dated(issued); $0.bidDeadline = day(deadline)
                })
        }
        #expect(try p(.openTender, "2025-02-01", "2025-02-21").isEmpty)
        #expect(try p(.openTender, "2025-02-01", "2025-02-20") == ["procurement.tender.short-period"])
        #expect(try p(.invitedTender, "2025-02-01", "2025-02-20") == ["procurement.tender.short-period"])
        #expect(try p(.competitiveConsultation, "2025-03-01", "2025-03-11").isEmpty)
        #expect(
            try p(.competitiveConsultation, "2025-03-01", "2025-03-10") == [
                "procurement.tender.short-period.consultation"
            ])
        // Negotiation: issued Tuesday 30 September 2025; 9, 10 and (make-up) 11 October are the three working days.
        #expect(try p(.competitiveNegotiation, "2025-09-30", "2025-10-11").isEmpty)
        #expect(
            try p(.competitiveNegotiation, "2025-09-30", "2025-10-10") == [
                "procurement.tender.short-period.negotiation"
            ])
        #expect(try p(.requestForQuotation, "2025-03-07", "2025-03-12").isEmpty)
        #expect(
            try p(.requestForQuotation, "2025-03-07", "2025-03-11") == ["procurement.tender.short-period.quotation"])
        #expect(try p(.singleSource, "2025-03-07", "2025-03-08").isEmpty)
    }

    @Test("a clarification at least 15 days before the deadline, unless the deadline moves")
    func clarification() throws {
        func p(_ clarified: String, deadline: String = "2025-03-31") throws -> [String] {
            try found(
                process {
                    $0.documentsIssued = dated("2025-03-01"); $0.bidDeadline = day(deadline)
                    $0.clarifications = [dated(clarified, 2)]
                })
        }
        #expect(try p("2025-03-16").isEmpty)
        #expect(try p("2025-03-17") == ["procurement.tender.short-clarification"])
        #expect(try p("2025-03-17", deadline: "2025-04-01").isEmpty)
    }

    @Test("an open or invited tender awarded with fewer than three bidders")
    func bidders() throws {
        func p(_ method: ProcurementMethod, _ bidders: Int, awarded: Bool = true) throws -> [String] {
            try found(
                process(method) {
                    $0.documentsIssued = dated("2025-03-01"); $0.bidDeadline = day("2025-03-31")
                    $0.bidders = bidders
                    $0.awarded = awarded
                })
        }
        #expect(try p(.openTender, 3).isEmpty)
        #expect(try p(.openTender, 2) == ["procurement.tender.too-few-bidders"])
        #expect(try p(.openTender, 2, awarded: false).isEmpty)
        #expect(try p(.competitiveNegotiation, 2).isEmpty)
    }

    @Test(
        "the winner within 5 working days of the report (across Labour Day), the result within 2 (across Spring Festival)"
    )
    func result() throws {
        func confirmation(_ confirmed: String) throws -> [String] {
            try found(
                process {
                    $0.evaluationReport = dated("2025-04-28"); $0.winnerConfirmed = dated(confirmed, 2)
                    $0.resultAnnounced = dated(confirmed, 2)
                })
        }
        #expect(try confirmation("2025-05-08").isEmpty)
        #expect(try confirmation("2025-05-09") == ["procurement.result.late-confirmation"])
        func notice(_ announced: String) throws -> [String] {
            try found(
                process {
                    $0.winnerConfirmed = dated("2025-01-27"); $0.resultAnnounced = dated(announced, 3)
                })
        }
        #expect(try notice("2025-02-06").isEmpty)
        #expect(try notice("2025-02-07") == ["procurement.result.late-notice"])
    }

    @Test("bid bonds: at most 2% of the budget, refunded within 5 working days; performance bonds at most 10%")
    func bonds() throws {
        func bid(_ amount: Decimal, refunded: String? = "2025-03-05") -> ProcurementProcess {
            process { p in
                p.resultAnnounced = dated("2025-03-03", 5)
                var bond = ProcurementProcess.Bond(
                    holder: Counterparty(name: "落标公司", isSME: false), amount: amount,
                    posted: day("2025-02-20"), evidence: [4])
                bond.refunded = refunded.map { dated($0, 6) }
                p.bidBonds = [bond]
            }
        }
        #expect(try found(bid(20_000)).isEmpty)
        #expect(try found(bid(Decimal(string: "20000.01")!)) == ["procurement.bond.excessive-bid-bond"])
        #expect(try found(bid(10_000, refunded: "2025-03-10")).isEmpty)
        let late = try one(bid(10_000, refunded: "2025-03-11"))
        #expect(late.rule == "procurement.bond.late-refund" && late.fact("winner") == "no")
        #expect(try one(bid(10_000, refunded: nil), "2025-03-11").fact("state") == "not yet")
        // The winner's bond runs from the signing of its contract.
        let winner = process { p in
            p.resultAnnounced = dated("2025-03-03", 5)
            var c = ProcurementProcess.Contract(id: "C-1")
            c.suppliers = [Counterparty(name: "中标公司", isSME: false)]
            c.signed = dated("2025-03-20", 7)
            c.published = dated("2025-03-20", 8)
            c.filed = dated("2025-03-20", 9)
            p.contracts = [c]
            var bond = ProcurementProcess.Bond(
                holder: Counterparty(name: "中标公司", isSME: false), amount: 100, posted: day("2025-02-20"))
            bond.refunded = dated("2025-03-26", 6)
            p.bidBonds = [bond]
        }
        #expect(try found(winner).isEmpty)
        func performance(_ amount: Decimal) throws -> [String] {
            try found(
                contract {
                    $0.amount = 500_000; $0.performanceBond = amount
                })
        }
        #expect(try performance(50_000).isEmpty)
        #expect(try performance(Decimal(string: "50000.01")!) == ["procurement.bond.excessive-performance-bond"])
    }

    @Test("acceptance by the agreed date")
    func acceptance() throws {
        let onTime = contract {
            $0.acceptanceDue = day("2025-06-30"); $0.acceptancePassed = dated("2025-06-30", 20)
        }
        #expect(try found(onTime).isEmpty)
        let late = contract {
            $0.acceptanceDue = day("2025-06-30"); $0.acceptancePassed = dated("2025-07-01", 20)
        }
        #expect(try one(late).fact("state") == "accepted late")
        let none = contract { $0.acceptanceDue = day("2025-06-30") }
        #expect(try found(none, "2025-06-30").isEmpty)
        #expect(try one(none, "2025-07-01").rule == "procurement.acceptance.overdue")
    }

    @Test("an SME paid within 30 days; a last day on a Saturday moves to Monday")
    func payment() throws {
        func paid(_ delivered: String, _ on: String) -> ProcurementProcess {
            contract {
                $0.deliveries = [dated(delivered, 20)]
                $0.payments = [.init(on: day(on), amount: 100_000, evidence: [21])]
            }
        }
        // Delivered 27 February 2025: the 30th day is Saturday 29 March, so Monday 31 March is the last.
        #expect(try found(paid("2025-02-27", "2025-03-31")).isEmpty)
        let late = try one(paid("2025-02-27", "2025-04-01"))
        #expect(late.rule == "procurement.payment.late-sme" && late.date("due") == day("2025-03-31"))
        // One day late on 100,000 yuan at 0.05% a day.
        #expect(late.fact("interestOwed") == "50")
        let large = contract {
            $0.suppliers = [Counterparty(name: "大型公司", isSME: false)]
            $0.deliveries = [dated("2025-02-27")]
        }
        #expect(try found(large).isEmpty)
    }

    @Test(
        "an agreed term counts, up to 60 days; payment on acceptance runs from acceptance, or the agreed date when late"
    )
    func paymentTerms() throws {
        func term(_ days: Int, paid: String) throws -> [String] {
            try found(
                contract {
                    $0.paymentTermDays = days; $0.deliveries = [dated("2025-03-03", 20)]
                    $0.payments = [.init(on: day(paid), amount: 100_000)]
                })
        }
        #expect(try term(45, paid: "2025-04-17").isEmpty)
        #expect(try term(45, paid: "2025-04-18") == ["procurement.payment.late-sme"])
        // 90 agreed counts as 60: the 60th day, 2 May 2025, falls in the Labour Day break, so 6 May is the last.
        #expect(try term(90, paid: "2025-05-06").isEmpty)
        #expect(try term(90, paid: "2025-05-07") == ["procurement.payment.late-sme"])
        func acceptance(passed: String, paid: String) throws -> [String] {
            try found(
                contract {
                    $0.paysOnAcceptance = true; $0.acceptanceDue = day("2025-06-30")
                    $0.acceptancePassed = dated(passed, 20)
                    $0.payments = [.init(on: day(paid), amount: 100_000)]
                })
        }
        #expect(try acceptance(passed: "2025-06-20", paid: "2025-07-21").isEmpty)
        #expect(try acceptance(passed: "2025-06-20", paid: "2025-07-22") == ["procurement.payment.late-sme"])
        // Accepted late on 20 July: the period still runs from the agreed 30 June (due 30 July).
        #expect(try acceptance(passed: "2025-07-20", paid: "2025-07-30") == ["procurement.acceptance.overdue"])
        #expect(
            try Set(acceptance(passed: "2025-07-20", paid: "2025-07-31"))
                == ["procurement.acceptance.overdue", "procurement.payment.late-sme"])
    }

    @Test("overdue and unpaid: the amount outstanding and the interest accrued on the day looked at")
    func unpaid() throws {
        let partly = contract {
            $0.deliveries = [dated("2025-03-03", 20)]
            $0.payments = [.init(on: day("2025-03-20"), amount: 40_000, evidence: [21])]
        }
        #expect(try found(partly, "2025-04-02").isEmpty)
        let open = try one(partly, "2025-04-03")
        #expect(open.rule == "procurement.payment.overdue-unpaid" && open.severity == .ordinary)
        #expect(open.fact("outstanding") == "60000" && open.fact("interestAccrued") == "30")
        let settled = contract {
            $0.deliveries = [dated("2025-03-03", 20)]
            $0.payments = [.init(on: day("2025-03-20"), amount: 100_000)]
        }
        #expect(try found(settled, "2025-05-01").isEmpty)
    }

    @Test("a challenge answered within 7 working days, across National Day 2025")
    func challenge() throws {
        func p(_ answered: String?) -> ProcurementProcess {
            process { p in
                var c = ProcurementProcess.Challenge(id: "Q-1", received: dated("2025-09-26", 30))
                c.answered = answered.map { dated($0, 31) }
                p.challenges = [c]
            }
        }
        #expect(try found(p("2025-10-13")).isEmpty)
        #expect(try found(p("2025-10-14")) == ["procurement.challenge.late-reply"])
        #expect(try found(p(nil), "2025-10-13").isEmpty)
        #expect(try one(p(nil), "2025-10-14").fact("state") == "not yet")
    }

    @Test("a cancelled process and facts after the day looked at are not judged")
    func scope() throws {
        var cancelled = contract {
            $0.awardNotice = day("2025-03-03"); $0.signed = dated("2025-05-03")
        }
        #expect(try !found(cancelled).isEmpty)
        cancelled.cancelled = true
        #expect(try found(cancelled).isEmpty)
        let future = contract {
            $0.awardNotice = day("2025-03-03"); $0.signed = dated("2025-05-03")
        }
        #expect(try found(future, "2025-03-01").isEmpty)
    }
}
