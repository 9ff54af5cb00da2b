import CreditKitCore
import Foundation

/// The townships and streets sector module (乡镇（街道）): public commitments over the services residents meet every
/// day, with their deadlines or promised processing times and what became of them; service cases against their
/// promised time; villages' affairs and finance publication the township oversees; the three duty lists and the tasks
/// county departments push down; residents' 12345 complaints; and the township's indicator, its county's ranking and
/// the integrity-township (诚信乡镇) list.
///
/// Register it when the kit is created: `CreditKit(store: ..., modules: [.townships])`. A township is an agency of
/// level `.township`, its county the agencies' region code. Its government-information disclosure and requests are
/// the core's (`DisclosureItem`, `DisclosureRequest`), judged for every agency. The catalogue's items are the core's
/// commitments, judged here (`SectorModule.judgesCommitments`) and counted once in the commitment indicator.
public struct TownshipsModule: SectorModule {
    /// The sector's identifier, `townships`.
    public static let sectorID: SectorID = "townships"

    /// Makes the module.
    public init() {}

    /// `townships`.
    public var id: SectorID { Self.sectorID }

    /// 乡镇（街道） (Townships and streets).
    public var name: LocalizedName { LocalizedName(chinese: "乡镇（街道）", english: "Townships and streets") }

    /// The township facts.
    public var eventTypes: [any LedgerEvent.Type] { TownshipsFacts.all.map { $0.eventType } }

    /// The township rules.
    public var checks: [any IntegrityCheck] { [TownshipsLedgerCheck()] }

    /// The township rules and the integrity-township criteria, each declared once with its figures.
    public var rules: [RuleDeclaration] { TownshipsLaw.all }

    /// The catalogue's commitments are judged here, not by the core's commitment checks.
    public var judgesCommitments: Bool { true }

    /// A township's services, disclosure, villages and complaints.
    public var indicators: [any Indicator] { [TownshipIndicator()] }

    /// `townships` (each county's ranking, the integrity-township list and every file) and `townships-board` (the
    /// public commitment board).
    public var reports: [ModuleReport] {
        [
            ModuleReport(
                kind: "townships", summary: "townships: county ranking, integrity townships, files (乡镇（街道）政务诚信)"
            ) { kit, _, asOf in try TownshipReport.make(kit, asOf: asOf) },
            ModuleReport(
                kind: "townships-board", summary: "the public board of townships' commitments (乡镇（街道）公开承诺公示)"
            ) { kit, _, asOf in try TownshipBoard.make(kit, asOf: asOf) },
        ]
    }

    /// The township section of an agency's credit file.
    /// - Parameter context: The kit, the subject and the day.
    /// - Returns: The section, or none for an agency without township facts.
    /// - Throws: Storage errors; a figure the profile lacks.
    public func reportSections(_ context: ReportContext) throws -> [ReportSection] {
        let file = try TownshipFile.of(context.subject, in: context.kit, asOf: context.asOf)
        guard !file.cases.isEmpty else { return [] }
        let eligibility = try IntegrityTownshipEligibility.judge(file, in: context.kit)
        return [file.section(eligibility: eligibility)]
    }

    /// The labels of the township findings' facts: service areas, publication contents, lists.
    public var factLabels: FactLabels {
        FactLabels(
            names: [
                "deadline": "承诺期限", "service": "办件", "promisedTime": "承诺时限", "village": "村", "name": "村名",
                "content": "公开内容",
                "period": "期间", "periodRule": "期间规则", "task": "派转事项", "township": "乡镇（街道）", "list": "清单情况",
                "edition": "清单版本", "dutyCode": "清单编码",
            ],
            values: [
                "area": Dictionary(uniqueKeysWithValues: ServiceArea.allCases.map { ($0.rawValue, $0.chineseName) }),
                "content": Dictionary(
                    uniqueKeysWithValues: VillagePublicationKind.allCases.map { ($0.rawValue, $0.chineseName) }),
                "list": ["taken back": "已列入上级部门收回事项", "on no list": "不在清单内且无准入批准"],
            ])
    }

    /// `townships-commitments` (a catalogue), `townships-12345` (work orders), `townships-assessments`,
    /// `townships-services`, `townships-villages`, `townships-duties` and `townships-tasks`.
    public var csvLayouts: [ModuleCSVLayout] { TownshipsCSV.all }

    /// A township told in every fact: a commitment with a deadline published and met, a standing service promise and
    /// one case under it, explained, a village registered and publishing, duty lists and a task pushed down, and a
    /// 12345 work order verified and resolved.
    /// - Parameter subjects: The township and a county department.
    /// - Returns: The events.
    public func sampleEvents(_ subjects: SampleSubjects) -> [any LedgerEvent] {
        let township = subjects.agency
        let day = { (n: Int) in subjects.day.adding(days: n) }
        let road = TownshipCommitment.item("CN-01", township: township)
        let card = TownshipCommitment.item("CN-02", township: township)
        let service = ServiceCase.service("BJ-001", township: township)
        let village = VillageAffairs.village("V-01", township: township)
        let lists = DutyLists.edition("2025版", township: township)
        let task = AssignedTask.task("PZ-001", township: township)
        let order = WorkOrder.order("12345-001", township: township)
        // The samples are appended from an empty ledger after the three registrations: the road is entry 4.
        return [
            road.on(
                day(0),
                TownshipCommitmentPublished(
                    .travel, promise: "硬化村道3公里", target: "3公里", deadline: day(60), office: "村镇建设办")),
            card.on(
                day(0),
                TownshipCommitmentPublished(
                    .housing, promise: "办理居住证明", promisedTime: .workingDays(3), office: "便民服务中心")),
            service.on(day(2), ServiceRequestReceived(item: "CN-02")),
            service.on(day(12), ServiceCaseStep(.overrunExplained, text: "系统故障")),
            service.on(day(12), ServiceCaseStep(.completed)),
            road.on(day(50), TownshipCommitmentAssessed(commitment: Commitment.ID(4), met: true, evidence: "验收报告")),
            village.on(day(0), VillageRegistered(name: "东村", frequentFinance: true)),
            village.on(day(20), VillagePublished(.finance, note: "一月收支")),
            lists.on(
                day(0),
                DutyListsPublished(items: [
                    DutyItem("J-001", "辖区安全生产巡查", .basic), DutyItem("P-001", "配合征兵体检", .cooperative),
                    DutyItem("S-001", "户外广告审批", .takenBack),
                ])),
            task.on(day(30), TaskAssigned(assignedBy: subjects.supervisor, title: "户外广告审批", dutyCode: "S-001")),
            order.on(day(40), WorkOrderReceived(area: .parking, summary: "小区停车难")),
            order.on(day(42), WorkOrderStep(.founded, text: "属实")),
            order.on(day(45), WorkOrderStep(.resolved, text: "已增设车位")),
        ]
    }
}

/// The facts of the townships sector (乡镇（街道）事实).
public enum TownshipsFacts {
    /// Every fact type of the sector.
    public static let all: [any CaseFacts.Type] = [
        TownshipCommitmentPublished.self, TownshipCommitmentAssessed.self, ServiceRequestReceived.self,
        ServiceCaseStep.self, VillageRegistered.self, VillagePublished.self, DutyListsPublished.self,
        TaskAssigned.self, WorkOrderReceived.self, WorkOrderStep.self,
    ]
}

extension SectorModule where Self == TownshipsModule {
    /// The townships and streets module (乡镇（街道）).
    public static var townships: TownshipsModule { TownshipsModule() }
}

extension CaseStamp {
    /// Refuses an owner registered as an agency of another level than a township or street office (a county
    /// bureau's catalogue is not a township's).
    /// - Parameter context: The ledger before the fact.
    /// - Throws: `CreditKitError` (`invalidEvent`).
    func requireTownship(in context: ValidationContext) throws {
        guard let agency = context.agency(owner), agency.level != .township else { return }
        throw CreditKitError(
            .invalidEvent,
            "\(State.ownerKey) \(owner) is \(agency.name), a \(agency.level.chineseName) body, not a township or street "
                + "office (乡镇（街道）)")
    }
}
