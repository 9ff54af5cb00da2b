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
