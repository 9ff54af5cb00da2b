import Bidding
import CreditKitCore
import Foundation
import Testing

/// Ledgers written before the case kit stored three bidding facts under other keys (`bidder`, `from`); they still
/// read, fold the same, and what is written now reads back too.
@Suite("Bidding payloads written before the case kit")
struct BiddingLegacyPayloadTests {
    let tenderer = "11130300MA0TENDER1"

    func decode<F: CaseFacts>(_ json: String, as: F.Type) throws -> CaseEvent<F> {
        try JSONDecoder().decode(CaseEvent<F>.self, from: Data(json.utf8))
    }

    @Test("a bond posted and refunded under `bidder`, candidates publicised `from` a day")
    func legacy() throws {
        let posted = try decode(
            #"{"project":"ZB-1","tenderer":"\#(tenderer)","bond":"bid","bidder":{"name":"甲公司","isSME":false},"amount":50000,"on":"2025-03-18"}"#,
            as: BondPosted<BiddingProcess>.self)
        #expect(posted.supplier.name == "甲公司" && posted.amount == 50_000 && posted.on == LocalDate("2025-03-18")!)
        #expect(posted.caseID == "ZB-1" && posted.owner == SubjectID(rawValue: tenderer) && posted.bond == .bid)
        let refunded = try decode(
            #"{"project":"ZB-1","tenderer":"\#(tenderer)","bidder":{"name":"甲公司","isSME":false},"on":"2025-04-23"}"#,
            as: BondRefunded<BiddingProcess>.self)
        #expect(refunded.supplier.name == "甲公司")
        let publicised = try decode(
            #"{"project":"ZB-1","tenderer":"\#(tenderer)","candidates":[{"name":"甲公司","isSME":false}],"from":"2025-03-26","through":"2025-03-28"}"#,
            as: CandidatesPublicised.self)
        #expect(publicised.on == LocalDate("2025-03-26")! && publicised.through == LocalDate("2025-03-28")!)
        // Folded, they give what the facts written today give.
        var old = BiddingProcess(case: "ZB-1", owner: SubjectID(rawValue: tenderer))
        posted.apply(to: &old, sequence: 1)
        publicised.apply(to: &old, sequence: 2)
        refunded.apply(to: &old, sequence: 3)
        #expect(
            old.bidBonds.first?.refunded?.on == LocalDate("2025-04-23")!
                && old.publicity?.on == LocalDate("2025-03-26")!)
    }

    @Test("what is written now uses `supplier` and `on`, and reads back equal")
    func current() throws {
        let tender = BiddingProcess.project("ZB-1", tenderer: SubjectID(rawValue: tenderer))
        let event = tender.on(
            LocalDate("2025-03-18")!,
            BondPosted(bond: .performance, supplier: Counterparty(name: "甲公司"), contract: "HT-1", amount: 9))
        let bytes = try CanonicalEncoder().encode(event)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"project":"ZB-1","tenderer":"\#(tenderer)","on":"2025-03-18","bond":"performance","supplier":{"name":"甲公司","isSME":false},"contract":"HT-1","amount":9}"#
        )
        #expect(try JSONDecoder().decode(CaseEvent<BondPosted<BiddingProcess>>.self, from: Data(bytes)) == event)
    }
}
