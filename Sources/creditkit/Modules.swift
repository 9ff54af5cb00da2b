import Bidding
import CreditKitCore
import Debt
import InvestmentPromotion
import PPP
import Procurement
import Townships

/// Every sector module the tool registers, so it can read any ledger they write.
let allSectorModules: [any SectorModule] = [
    ProcurementModule(), PPPModule(), BiddingModule(), InvestmentPromotionModule(), DebtModule(), TownshipsModule(),
]

/// The commands the registered modules add, one line each for the tool's help.
let moduleToolLines: [String] = allSectorModules.flatMap { module in
    module.tools.map { tool in
        "  " + "\(module.id) \(tool.name)".padding(toLength: 16, withPad: " ", startingAt: 0) + tool.summary
    }
}
