import CreditKitCore
import Foundation

/// An OCDS 1.1 compiled release (开放合同数据发布), decoded only as far as the checks use it.
public struct OCDSRelease: Hashable, Sendable {
    /// A party (参与方).
    public struct Party: Hashable, Sendable {
        /// Its id within the release.
        public var id: String
        /// Its name.
        public var name: String?
        /// Its roles (`buyer`, `supplier`, `tenderer`, `procuringEntity`, ...).
        public var roles: [String] = []
        /// `details.scale`: `sme`, `micro`, `large`.
        public var scale: String?

        /// Whether the party is a small, medium or micro enterprise.
        public var isSME: Bool { scale == "sme" || scale == "micro" }
    }

    /// The tender (招标).
    public struct Tender: Hashable, Sendable {
        /// Its id.
        public var id: String?
        /// Its title.
        public var title: String?
        /// `planning`, `active`, `cancelled`, `complete`, ...
        public var status: String?
        /// `open`, `selective`, `limited`, `direct`.
        public var procurementMethod: String?
        /// The local method's name.
        public var procurementMethodDetails: String?
        /// `goods`, `works`, `services`.
        public var mainProcurementCategory: String?
        /// The documents issued: the tender period's start, as a China-time date.
        public var periodStart: LocalDate?
        /// The bid deadline: the tender period's end.
        public var periodEnd: LocalDate?
        /// The bid deadline as an instant (seconds since 1970 UTC), for comparing with bid times.
        public var periodEndInstant: Int64?
        /// The tender period's start as milliseconds since 1970 UTC, when it is given as a date-time with its offset
        /// (a plain date gives none): the submission period is measured between two such instants.
        public var periodStartMillis: Int64?
        /// The tender period's end as milliseconds since 1970 UTC, when it is given as a date-time with its offset.
        public var periodEndMillis: Int64?
        /// The procuring entity's party id.
        public var procuringEntity: String?
        /// The number of tenderers.
        public var numberOfTenderers: Int?
        /// The estimated value.
        public var value: Decimal?
        /// The publication dates of its clarification documents (`documentType` `clarifications`, read without
        /// regard to case or spaces).
        public var clarifications: [LocalDate] = []

        /// An empty tender, to fill in.
        public init() {}
    }

    /// A bid (投标).
    public struct Bid: Hashable, Sendable {
        /// Its id.
        public var id: String?
        /// When it was submitted.
        public var date: LocalDate?
        /// Its status.
        public var status: String?
        /// Its price.
        public var value: Decimal?
        /// The price's currency.
        public var currency: String?
        /// When it was submitted, as an instant (seconds since 1970 UTC).
        public var instant: Int64?
        /// The tenderers' party ids.
        public var tenderers: [String] = []
        /// How many tenderers the bid names, with an id or without (a joint bid whose partner has no id is still
        /// joint).
        public var tendererEntries = 0

        /// An empty bid, to fill in.
        public init() {}
    }

    /// An award (中标、成交).
    public struct Award: Hashable, Sendable {
        /// Its id.
        public var id: String?
        /// `awards.date`.
        public var date: LocalDate?
        /// The date of its `awardNotice` document, when there is one.
        public var noticeDate: LocalDate?
        /// Its status.
        public var status: String?
        /// Its value.
        public var value: Decimal?
        /// The suppliers' party ids.
        public var suppliers: [String] = []
        /// How many suppliers the award names, with an id or without.
        public var supplierEntries = 0
        /// The classification codes of the items awarded (`items.classification.id`), in order.
        public var itemClassifications: [String] = []

        /// The award notice day: the notice document's date where present, else the award date.
        public var notice: LocalDate? { noticeDate ?? date }

        /// An empty award, to fill in.
        public init() {}
    }

    /// A payment (付款).
    public struct Payment: Hashable, Sendable {
        /// The day paid.
        public var date: LocalDate?
        /// The amount.
        public var amount: Decimal?
    }

    /// A contract (合同).
    public struct Contract: Hashable, Sendable {
        /// Its id.
        public var id: String?
        /// The award it comes from.
        public var awardID: String?
        /// The day it was signed.
        public var dateSigned: LocalDate?
        /// Its status.
        public var status: String?
        /// Its value.
        public var value: Decimal?
        /// Deliveries met (milestones of type `delivery` with status `met`): their `dateMet`.
        public var deliveries: [LocalDate] = []
        /// Payments (`implementation.transactions`).
        public var payments: [Payment] = []
        /// The earliest publication date of its `contractSigned` or `contractNotice` document: the contract's
        /// publication.
        public var published: LocalDate?
        /// The contract's period (`period.startDate`, `period.endDate`): for a PPP or concession, its term.
        public var periodStart: LocalDate?
        /// The period's last day.
        public var periodEnd: LocalDate?
        /// The charges of a PPP contract (`implementation.charges`, the OCDS for PPPs extension): who pays each.
        public var charges: [Charge] = []
        /// The concessionaire's performance failures (`implementation.performanceFailures`, OCDS for PPPs).
        public var failures: [PerformanceFailure] = []

        /// An empty contract, to fill in.
        public init() {}
    }

    /// A performance failure under a PPP contract (绩效不达标, OCDS for PPPs: `implementation.performanceFailures`).
    public struct PerformanceFailure: Hashable, Sendable {
        /// Its id.
        public var id: String?
        /// The period's first day.
        public var periodStart: LocalDate?
        /// The period's last day.
        public var periodEnd: LocalDate?
        /// What failed.
        public var category: String?
        /// The penalty the contract sets, in words.
        public var penaltyContracted: String?
        /// The penalty imposed, in words.
        public var penaltyImposed: String?
        /// Whether the penalty was paid (`penaltyPaid`), when the data says.
        public var penaltyPaid: Bool?
    }

    /// A charge under a PPP contract (收费安排, OCDS for PPPs: `implementation.charges`).
    public struct Charge: Hashable, Sendable {
        /// Its id.
        public var id: String?
        /// Its title.
        public var title: String?
        /// Who pays it: `government` or `user`.
        public var paidBy: String?
    }

    /// The contracting process's id.
    public var ocid: String = ""
    /// The release date.
    public var date: LocalDate?
    /// The buyer (采购人).
    public var buyer: Party?
    /// The parties.
    public var parties: [Party] = []
    /// The tender.
    public var tender: Tender?
    /// The bids (`bids.details`).
    public var bids: [Bid] = []
    /// The awards.
    public var awards: [Award] = []
    /// The contracts.
    public var contracts: [Contract] = []

    /// An empty release, to fill in.
    public init() {}

    /// The award a contract comes from: the one its `awardID` names, or the only award of the process.
    /// - Parameter contract: The contract.
    /// - Returns: The award, or `nil`.
    public func award(of contract: Contract) -> Award? {
        awards.first { $0.id != nil && $0.id == contract.awardID } ?? (awards.count == 1 ? awards[0] : nil)
    }

    /// The first day the release speaks of, to register its process on: the tender period's start, else the
    /// earliest award or signing, else the release date.
    public var firstDate: LocalDate? {
        tender?.periodStart ?? awards.compactMap(\.date).min() ?? contracts.compactMap(\.dateSigned).min() ?? date
    }

    /// A party by id.
    /// - Parameter id: The id.
    /// - Returns: The party, or `nil`.
    public func party(_ id: String) -> Party? { parties.first { $0.id == id } }

    /// The suppliers of a contract as counterparties: its award's suppliers, named as the parties list names them
    /// (the id when the list does not), SMEs by their `details.scale`.
    /// - Parameter contract: The contract.
    /// - Returns: The suppliers.
    public func suppliers(of contract: Contract) -> [Counterparty] {
        (award(of: contract)?.suppliers ?? []).map { id in
            let party = party(id)
            return Counterparty(name: party?.name ?? id, identifier: id, isSME: party?.isSME ?? false)
        }
    }
}

/// Something in the data that deviates from the schema but did not stop the reading (数据质量提示).
public struct DataQualityNote: Hashable, Sendable {
    /// The line of the file (1-based).
    public var line: Int
    /// The field, for example `contracts.dateSigned`.
    public var field: String
    /// What was found.
    public var message: String
}

extension OCDSRelease {
    /// A text's UTF-8 bytes with the ASCII capitals lower-cased (and, if asked, spaces dropped), byte by byte: how
    /// codes and English words of the data (`documentType`, method details) are compared, without Foundation's
    /// locale-aware lower-casing, which costs more than reading the release.
    /// - Parameters:
    ///   - text: The text.
    ///   - droppingSpaces: Whether to drop U+0020.
    /// - Returns: The folded bytes.
    public static func foldASCII(_ text: String, droppingSpaces: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 where !(droppingSpaces && b == 0x20) { out.append((65...90).contains(b) ? b | 0x20 : b) }
        return out
    }
}
