import CreditKitCore
import Foundation

extension CaseRef where State: ContractingCase {
    /// The contract facts of an OCDS process as facts of this case (合同事实导入), the same for every sector: each
    /// signed contract with its publication, deliveries and payments. What the ledger would refuse is left out and
    /// counted instead, so one bad release does not refuse a file: the facts of a contract never signed or without a
    /// number, a contract number signed twice, a milestone or a payment dated before its contract was signed, a
    /// payment that is not positive. A supplier's code that fails its check is dropped (``Counterparty/checkedForImport(_:unnamed:)``).
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
            let facts = c.deliveries.count + c.payments.count + (c.published == nil ? 0 : 1)
            // A contract never signed, without a number, or signed twice: its facts have no contract to go to.
            guard let signed = c.signed?.on, !c.id.allSatisfy(\.isWhitespace), signedNumbers.insert(c.id).inserted
            else {
                tally.inconsistentFacts += facts + (c.signed == nil ? 0 : 1)
                continue
            }
            let supplier = (c.suppliers.first ?? Counterparty(name: unnamedSupplier)).checkedForImport(
                &tally, unnamed: unnamedSupplier)
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
    public func checkedForImport(_ tally: inout OCDSImportTally, unnamed: String = "（未列明名称）") -> Counterparty {
        let named = name.allSatisfy(\.isWhitespace) ? unnamed : name
        guard let identifier, !identifier.allSatisfy(\.isWhitespace) else {
            return Counterparty(name: named, identifier: nil, isSME: isSME)
        }
        do {
            try validate()
            return Counterparty(name: named, identifier: identifier, isSME: isSME)
        } catch {
            tally.invalidCreditCodes.insert(identifier)
            return Counterparty(name: named, identifier: nil, isSME: isSME)
        }
    }
}
