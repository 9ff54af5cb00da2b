import Bidding
import CreditKitCore
import Foundation
import Synchronization
import Townships

/// The clock the demo replays its history with: set to each day as the story reaches it.
final class DemoClock: LedgerClock {
    private let instant: Mutex<Timestamp>
    init(_ start: Timestamp) { instant = Mutex(start) }
    func now() -> Timestamp { instant.withLock { $0 } }
    func set(_ value: Timestamp) { instant.withLock { $0 = value } }
}

/// A realistic small city, built from a date: the structure of Qinhuangdao (a city government, its departments,
/// seven districts and counties with their bureaus and townships), invented officials, enterprises, records and
/// commitments over the two years up to that date. Every name of a person is invented.
struct DemoCity {
    /// One step of the story, on the day the ledger learns of it.
    struct Scheduled {
        enum Action {
            case event(any LedgerEvent)
            case registerOfficial(Int, on: LocalDate)
            case startTenure(Int)
            case endTenure(Int, on: LocalDate, reason: TenureEndReason)
            /// Enters `records[index]`.
            case enterRecord(Int)
            /// A lifecycle step of `records[index]`, made once the record's ID is known.
            case lifecycle(Int, Lifecycle)
            /// Makes `commitments[index]`.
            case makeCommitment(Int)
            /// A step of `commitments[index]`.
            case commitmentStep(Int, CommitmentStep)
            /// Records `decisions[index]`.
            case recordDecision(Int)
            /// Holds the principal of `decisions[index]` to account.
            case holdAccountable(Int, official: Int, form: AccountabilityForm, on: LocalDate)
            /// A complaint, `complaints[index]`.
            case receiveComplaint(Int)
            /// Verifies `complaints[index]`, entering `records[record]`.
            case verifyComplaint(Int, record: Int, on: LocalDate)
            /// Rejects `complaints[index]`.
            case rejectComplaint(Int, on: LocalDate, reason: String)
            /// Blacklists a tenderer: the record, its term and the listing in one batch.
            case blacklist(BiddingBlacklist.Decision)
            /// A step made through the kit on the day (a module's step that needs what the ledger holds by then:
            /// a commitment's entry, the tenure of the official who answers).
            case perform(@Sendable (CreditKit, LocalDate) async throws -> Void)
        }

        /// A step of a commitment's lifecycle.
        enum CommitmentStep {
            case publish(on: LocalDate)
            case end(on: LocalDate, CommitmentOutcome)
            case change(on: LocalDate, CommitmentChange)
        }

        /// A step of a record's lifecycle; objections and repairs are numbered so their decisions can find them.
        enum Lifecycle {
            case rectify(on: LocalDate)
            case review(on: LocalDate, ReviewOutcome)
            case publish(on: LocalDate)
            case object(key: Int, on: LocalDate, grounds: String)
            case resolve(key: Int, on: LocalDate, ObjectionOutcome, reason: String, corrected: String?)
            case applyForRepair(key: Int, on: LocalDate)
            case decideRepair(key: Int, on: LocalDate, granted: Bool, reason: String)
        }
        var known: LocalDate
        var order: Int
        var action: Action
    }

    struct Post {
        var official: Int
        var agency: Agency
        var post: String
        var principal: Bool
        var start: LocalDate
        var end: LocalDate?
    }

    let today: LocalDate
    var rng: SplitMix64
    var events: [Scheduled] = []
    var agencies: [Agency] = []
    var governments: [Agency] = []
    var departments: [Agency] = []
    var townships: [Agency] = []
    var enterprises: [Enterprise] = []
    var officials: [(id: SubjectID, residentID: ResidentID, name: String)] = []
    var posts: [Post] = []
    var records: [CreditRecord] = []
    var complaints: [ComplaintReceived] = []
    var commitments: [Commitment] = []
    var decisions: [MajorDecisionMade] = []
    let keys: VaultKeys
    var transfers = 0
    var retirements = 0
    var organizationNumber = 10_000_000

    init(today: LocalDate, keys: VaultKeys) {
        self.today = today
        self.keys = keys
        self.rng = SplitMix64(state: UInt64(bitPattern: Int64(today.daysSinceEpoch)) &* 2_654_435_761)
    }

    var start: LocalDate { today.adding(days: -730) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func chance(_ percent: Int) -> Bool { Int(rng.next() % 100) < percent }
    mutating func day(from: LocalDate, to: LocalDate) -> LocalDate {
        let span = max(0, from.days(until: to))
        return from.adding(days: Int(rng.next() % UInt64(span + 1)))
    }

    mutating func schedule(_ event: any LedgerEvent, lagDays: Int = 0) {
        schedule(.event(event), on: event.effectiveDate.adding(days: lagDays))
    }

    mutating func schedule(_ action: Scheduled.Action, on day: LocalDate) {
        events.append(Scheduled(known: min(today, day), order: events.count, action: action))
    }

    mutating func newCode(authority: Character, category: Character, region: RegionCode) -> UnifiedSocialCreditCode {
        organizationNumber += 1 + Int(rng.next() % 997)
        return try! UnifiedSocialCreditCode(
            registrationAuthority: authority, category: category, region: region, organizationNumber: organizationNumber
        )
    }

    mutating func agency(
        _ name: String, _ level: AdministrativeLevel, _ kind: AgencyKind, _ region: String, parent: Agency?
    ) -> Agency {
        let region = try! RegionCode(region)
        let agency = Agency(
            creditCode: newCode(authority: "1", category: kind == .publicInstitution ? "2" : "1", region: region),
            name: name, level: level, kind: kind, region: region, parent: parent?.id)
        agencies.append(agency)
        schedule(.event(AgencyRegistered(agency: agency, on: start.adding(days: -400))), on: start)
        return agency
    }

    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎")
    static let givenNames = [
        "建国", "海涛", "丽娟", "志强", "晓燕", "国华", "秀英", "文博", "立新", "红梅", "振宇", "春雷", "静怡", "明辉",
        "桂芳", "永刚", "雪峰", "淑珍", "德胜", "慧敏", "卫东", "晓东", "玉兰", "俊杰", "凤霞", "宏伟", "佳琪", "长青",
    ]

    mutating func official(region: String) -> Int {
        let name = String(pick(DemoCity.surnames)) + pick(DemoCity.givenNames)
        let birth = try! LocalDate(year: 1965, month: 1, day: 1).adding(days: Int(rng.next() % 9000))
        let id = try! ResidentID(region: RegionCode(region), birthDate: birth, sequence: Int(rng.next() % 1000))
        officials.append((SubjectID(keys.token(for: id)), id, name))
        schedule(.registerOfficial(officials.count - 1, on: start.adding(days: -400)), on: start)
        return officials.count - 1
    }

    /// The story for a date. The keys make the officials' tokens, as the ledger will.
    static func build(today: LocalDate, keys: VaultKeys) throws -> DemoCity {
        var city = DemoCity(today: today, keys: keys)
        city.buildAgencies()
        city.buildEnterprises()
        city.buildPosts()
        city.buildRecords()
        city.buildCommitments()
        try city.buildLifecycles()
        city.buildComplaints()
        city.buildRectifications()
        city.buildCommitmentStories()
        if !city.events.contains(where: {
            if case .commitmentStep(_, .end(_, .breached)) = $0.action { return true }
            return false
        }) {
            city.buildLeadershipBreach()
        }
        city.buildDecision()
        city.buildTenders()
        city.buildTownships()
        city.buildLicences()
        city.buildPPP()
        city.buildInvestment()
        city.buildDebt()
        city.buildOfficialFiles()
        return city
    }
}
