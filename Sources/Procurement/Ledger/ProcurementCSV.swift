import CreditKitCore
import Foundation

/// The procurement facts ledger as a CSV file (采购事实台账): one row per fact, as a purchaser's platform exports
/// it, read by `creditkit import FILE --store PATH --module procurement`.
///
/// Every row names its project, its purchaser's unified social credit code, the fact and its day; the other
/// columns are filled as the fact needs them and left empty otherwise.
public enum ProcurementCSV {
    /// The facts a row can state, by the `fact` column's value.
    public static let facts = [
        "registered", "documents-issued", "clarified", "evaluated", "result", "contract-signed", "published", "filed",
        "delivered", "acceptance-organised", "acceptance-passed", "invoice-received", "payment", "bid-bond",
        "performance-bond", "bond-refunded", "challenge", "challenge-answered",
    ]

    /// The layout.
    public static let layout = ModuleCSVLayout(
        name: "procurement-facts", summary: "one procurement fact per row (采购事实台账)",
        columns: [
            .init("project", "the project number (采购项目编号)", required: true),
            .init("purchaser", "the purchaser's unified social credit code (采购人)", required: true),
            .init("fact", "what happened: " + facts.joined(separator: ", "), required: true),
            .init("date", "the day it happened, YYYY-MM-DD", required: true),
            .init("name", "registered: the project's name"),
            .init("method", "registered: 公开招标, 邀请招标, 竞争性谈判, 竞争性磋商, 询价, 单一来源, 框架协议 (or open-tender, ...)"),
            .init("category", "registered: goods, services or works"),
            .init("budget", "registered: the budget in yuan"),
            .init("deadline", "documents-issued: the bid deadline; clarified: the new deadline, if moved"),
            .init("bidders", "evaluated, result: how many bid"),
            .init("confirmed", "result: the day the winner was confirmed"),
            .init("contract", "contract facts, payments, performance bonds: the contract number"),
            .init("supplier", "result, contract-signed, bonds, challenge: the supplier's name"),
            .init("supplier_code", "the supplier's credit code or other identifier"),
            .init("sme", "the supplier declared itself an SME: 是 or 否"),
            .init("amount", "contract-signed, payment, bonds: the amount in yuan"),
            .init("payment_term_days", "contract-signed: the agreed payment term in days"),
            .init("pays_on_acceptance", "contract-signed: payment runs from acceptance: 是 or 否"),
            .init("acceptance_due", "contract-signed: the agreed acceptance day"),
            .init("award_notice", "contract-signed: the award notice's day, when no result row gives it"),
            .init("challenge", "challenge, challenge-answered: the challenge's number"),
        ],
        facts: { table, _ in try table.rows.map(fact) })

    /// The fact one row states.
    /// - Parameter row: The row.
    /// - Returns: The fact, as a ledger event.
    /// - Throws: `CreditKitError` (`invalidCSV`) naming the line and the column that does not fit.
    public static func fact(_ row: CSVTable.Row) throws -> any LedgerEvent {
        let project = ProcurementProcess.project(
            CaseID(try row.text("project")), purchaser: try row.subject("purchaser"))
        guard let day = try row.date("date") else { throw row.error("date", "is empty; it must be filled") }
        func required<T>(_ value: T?, _ column: String) throws -> T {
            guard let value else { throw row.error(column, "is empty; this fact needs it") }
            return value
        }
        func supplier() throws -> Counterparty {
            Counterparty(
                name: try row.text("supplier"), identifier: row.optional("supplier_code"),
                isSME: try row.flag("sme") ?? false)
        }
        let fact = try row.text("fact")
        switch fact {
        case "registered":
            let methodText = try row.text("method")
            guard
                let method = ProcurementMethod.allCases.first(where: {
                    $0.chineseName == methodText || $0.rawValue == methodText
                })
            else { throw row.error("method", "'\(methodText)' is not a procurement method") }
            return project.on(
                day,
                ProjectRegistered(
                    name: try row.text("name"), method: method, category: row.optional("category"),
                    budget: try row.money("budget")))
        case "documents-issued":
            return project.on(day, TenderDocumentsIssued(bidDeadline: try required(row.date("deadline"), "deadline")))
        case "clarified":
            return project.on(day, TenderClarified(newBidDeadline: try row.date("deadline")))
        case "evaluated":
            return project.on(day, EvaluationReported(bidders: try required(row.count("bidders"), "bidders")))
        case "result":
            return project.on(
                day,
                ResultAnnounced(
                    winnerConfirmedOn: try required(row.date("confirmed"), "confirmed"), suppliers: [try supplier()],
                    bidders: try row.count("bidders")))
        case "contract-signed":
            return project.on(
                day,
                ContractSigned(
                    contract: try row.text("contract"), supplier: try supplier(),
                    amount: try required(row.money("amount"), "amount"),
                    paymentTermDays: try row.count("payment_term_days"),
                    paysOnAcceptance: try row.flag("pays_on_acceptance") ?? false,
                    acceptanceDue: try row.date("acceptance_due"), awardNoticeOn: try row.date("award_notice")))
        case "published", "filed", "delivered", "acceptance-organised", "acceptance-passed", "invoice-received":
            let milestones: [String: ContractMilestone] = [
                "published": .published, "filed": .filed, "delivered": .delivered,
                "acceptance-organised": .acceptanceOrganised, "acceptance-passed": .acceptancePassed,
                "invoice-received": .invoiceReceived,
            ]
            return project.on(
                day, ContractMilestoneReached(contract: try row.text("contract"), milestone: milestones[fact]!))
        case "payment":
            return project.on(
                day,
                PaymentMade(contract: try row.text("contract"), amount: try required(row.money("amount"), "amount")))
        case "bid-bond", "performance-bond":
            return project.on(
                day,
                BondPosted(
                    bond: fact == "bid-bond" ? .bid : .performance, supplier: try supplier(),
                    contract: fact == "bid-bond" ? nil : try row.text("contract"),
                    amount: try required(row.money("amount"), "amount")))
        case "bond-refunded":
            return project.on(day, BondRefunded(supplier: try supplier()))
        case "challenge":
            return project.on(day, ChallengeReceived(challenge: try row.text("challenge"), supplier: try supplier()))
        case "challenge-answered":
            return project.on(day, ChallengeAnswered(challenge: try row.text("challenge")))
        default:
            throw row.error("fact", "'\(fact)' is not one of \(facts.joined(separator: ", "))")
        }
    }
}
