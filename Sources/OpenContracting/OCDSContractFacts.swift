import CreditKitCore
import Foundation

extension CaseRef where State: ContractingCase {
    /// The contract facts of an OCDS process as facts of this case (合同事实导入), the same for every sector: each
    /// signed contract with its publication, deliveries and payments. What the ledger would refuse is left out and
    /// counted instead, so one bad release does not refuse a file: a contract number signed twice, a milestone or a
    /// payment dated before its contract was signed, a payment that is not positive.
    /// - Parameters:
    ///   - contracts: The process's contracts, as read from the release.
    ///   - unnamedSupplier: The name a contract without a supplier is given.
    ///   - tally: Counts the facts left out.
    /// - Returns: The facts, in the order of the contracts.
    public func ocdsContractFacts(
        _ contracts: [CaseContract], unnamedSupplier: String, tally: inout OCDSImportTally
    ) -> [any AnyCaseEvent<State>] {
        var out: [any AnyCaseEvent<State>] = []
        var signedNumbers: Set<String> = []
        for c in contracts {
            guard let signed = c.signed?.on else { continue }
            guard signedNumbers.insert(c.id).inserted else {
                tally.inconsistentFacts += 1
                continue
            }
            let supplier = (c.suppliers.first ?? Counterparty(name: unnamedSupplier)).checkedForImport(&tally)
            out.append(
                on(
                    signed,
                    ContractSigned(
                        contract: c.id, supplier: supplier, amount: max(c.amount ?? 0, 0),
                        awardNoticeOn: c.awardNotice.flatMap { $0 <= signed ? $0 : nil })))
            func after(_ day: LocalDate, _ fact: ContractMilestoneReached<State>) {
                if day >= signed { out.append(on(day, fact)) } else { tally.inconsistentFacts += 1 }
            }
            if let published = c.published?.on {
                after(published, ContractMilestoneReached(contract: c.id, milestone: .published))
            }
            for delivery in c.deliveries {
                after(delivery.on, ContractMilestoneReached(contract: c.id, milestone: .delivered))
            }
            for payment in c.payments {
                guard let day = payment.on, let amount = payment.amount, amount > 0, day >= signed else {
                    tally.inconsistentFacts += 1
                    continue
                }
                out.append(on(day, PaymentMade(contract: c.id, amount: amount)))
            }
        }
        return out
    }
}

extension Counterparty {
    /// The counterparty as an import writes it: an identifier of the credit code's form that fails its check is
    /// left out (the name stays) and counted, rather than refusing the whole file or naming no firm unseen.
    /// - Parameter tally: Counts the identifiers left out.
    /// - Returns: The counterparty.
    public func checkedForImport(_ tally: inout OCDSImportTally) -> Counterparty {
        do {
            try validate()
            return self
        } catch {
            tally.invalidCreditCodes += 1
            return Counterparty(name: name, identifier: nil, isSME: isSME)
        }
    }
}
