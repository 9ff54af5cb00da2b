import Bidding
import CreditKitCore
import Debt
import InvestmentPromotion
import PPP
import Procurement
import Townships

/// Every sector module the benchmark registers: the one list to extend when a sector is added.
let benchModules: [any SectorModule] = [
    ProcurementModule(), PPPModule(), BiddingModule(), InvestmentPromotionModule(), DebtModule(), TownshipsModule(),
]
