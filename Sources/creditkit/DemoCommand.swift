import CreditKitCore
import Foundation

enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "build a realistic small city's two-year credit history into a ledger and summarise it"
    static let help = """
        usage: creditkit demo [--store PATH] [--as-of YYYY-MM-DD]

        Builds the credit history of a small city (the structure of Qinhuangdao: its government,
        departments, seven districts and counties with bureaus and townships; invented officials with
        tenures and transfers; enterprises; records of every basis and class; commitments) over the two
        years up to the date, writes it to the SQLite ledger, verifies the chain and prints a summary.
        The same date gives the same city.

          --store PATH    the ledger file (default ./creditkit.sqlite). An existing file there, with its
                          .keys file, is replaced: the demo always starts afresh.
          --as-of DATE    the demo's "today" (default: today in China time)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.option("--store") ?? "./creditkit.sqlite"
        let today = try arguments.dateOption("--as-of") ?? SystemClock().today
        try arguments.finish()

        var replaced = false
        for suffix in ["", "-wal", "-shm", ".keys"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
            replaced = true
        }
        let keys = try VaultKeys.loadOrCreate(at: path + ".keys")
        let city = DemoCity.build(today: today, keys: keys)
        let clock = DemoClock(Timestamp(startOf: city.start))
        let kit = try CreditKit(store: .sqlite(path), keys: keys, modules: allSectorModules, clock: clock)
        let started = ContinuousClock.now
        try await replay(city, into: kit, clock: clock)
        try await kit.close()
        let report = try await kit.verify()
        guard report.isValid else {
            throw CLIError(message: "the demo ledger does not verify: \(report.problem ?? "")")
        }
        let elapsed = ContinuousClock.now - started
        if replaced { print("(replaced the earlier demo ledger at \(path))") }
        print(summary(city: city, kit: kit, path: path, report: report, elapsed: elapsed))
    }

    /// Appends the story day by day, each day's facts as one batch recorded on that day.
    static func replay(_ city: DemoCity, into kit: CreditKit, clock: DemoClock) async throws {
        let days = Dictionary(grouping: city.events, by: \.known)
        var tenureIDs: [Int: Tenure.ID] = [:]
        let realNow = SystemClock().now()
        for day in days.keys.sorted() {
            let dayStart = Timestamp(microseconds: Timestamp(startOf: day).microseconds + 8 * 3_600_000_000)
            clock.set(day == city.today ? min(dayStart, realNow) : dayStart)
            var batch: [any LedgerEvent] = []
            func flush() async throws {
                if !batch.isEmpty { try await kit.ledger.append(batch) }
                batch = []
            }
            for item in days[day]!.sorted(by: { $0.order < $1.order }) {
                switch item.action {
                case .event(let event):
                    batch.append(event)
                case .registerOfficial(let index, let on):
                    try await flush()
                    let official = city.officials[index]
                    try await kit.registerOfficial(residentID: official.residentID, name: official.name, on: on)
                case .startTenure(let index):
                    try await flush()
                    let post = city.posts[index]
                    tenureIDs[index] = try await kit.startTenure(
                        Tenure(
                            official: city.officials[post.official].id, agency: post.agency.id, post: post.post,
                            isPrincipal: post.principal, start: post.start))
                case .endTenure(let index, let on, let reason):
                    try await flush()
                    guard let id = tenureIDs[index] else {
                        throw CLIError(message: "demo story error: post \(index) ends on \(on) before it started")
                    }
                    try await kit.endTenure(id, on: on, reason: reason)
                }
            }
            try await flush()
        }
    }

    static func summary(
        city: DemoCity, kit: CreditKit, path: String, report: VerificationReport, elapsed: Duration
    ) -> String {
        let view = kit.view
        let today = city.today
        var profiles: [SubjectProfile] = []
        for agency in city.agencies {
            if let p = try? kit.profile(of: agency.id, asOf: today) { profiles.append(p) }
        }
        let records = profiles.flatMap { $0.records.filter { $0.role == .recordSubject } }
        let dishonest = records.filter { $0.record.polarity == .dishonesty }
        func count(_ severity: Severity) -> Int { dishonest.filter { $0.record.severity == severity }.count }
        let byBasis = Dictionary(grouping: records, by: \.record.basis).map { ($0.key, $0.value.count) }
            .sorted { ($1.1, $0.0.rawValue) < ($0.1, $1.0.rawValue) }
        let commitments = profiles.flatMap { $0.commitments.filter { $0.role == .promisor } }
        let worst = profiles.map { p in (p, p.records.filter { $0.record.polarity == .dishonesty }.count) }
            .sorted { ($1.1, $0.0.subject.id) < ($0.1, $1.0.subject.id) }.prefix(5)
        let levels = Dictionary(grouping: city.agencies, by: \.level)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let sample = worst.first?.0.subject.id.rawValue ?? ""
        let moved = city.movedPost
        var lines = [
            "CreditKit demo — 秦皇岛市 (a fictional two-year history on the city's real structure)",
            "history \(city.start) → \(today); as of \(today)",
            "",
            "ledger    \(path)   (vault keys: \(path).keys)",
            "entries   \(report.entryCount), head hash \(report.head.hash)",
            "verify    ok — every entry's SHA-256 chain recomputed (\(String(format: "%.2f", seconds)) s to build and check)",
            "",
            "agencies  \(city.agencies.count): city \(levels[.city]?.count ?? 0), county \(levels[.county]?.count ?? 0), "
                + "township/street \(levels[.township]?.count ?? 0)",
            "officials \(city.officials.count) (names and ID numbers sealed in the vault; \(city.transfers) transfers, "
                + "\(city.retirements) retirements)",
            "enterprises \(city.enterprises.count) (\(city.enterprises.filter(\.isSME).count) SMEs)",
            "records   \(records.count) on agencies: \(dishonest.count) dishonesty (serious \(count(.serious)), "
                + "ordinary \(count(.ordinary)), minor \(count(.minor))), \(records.count - dishonest.count) good",
            "          by basis: " + byBasis.map { "\($0.0.chineseName) \($0.1)" }.joined(separator: ", "),
            "commitments \(commitments.count) (\(view.commitmentCount) in the ledger)",
            "",
            "most dishonesty records as of \(today):",
        ]
        for (profile, n) in worst {
            lines.append("  \(n)  \(ProfileText.name(of: profile.subject.id, kit: kit))  \(profile.subject.id)")
        }
        lines.append("")
        lines.append("next:")
        lines.append("  swift run creditkit profile \(path) --subject \(sample)")
        if let moved {
            let official = city.officials[moved.official]
            lines.append(
                "  swift run creditkit profile \(path) --subject \(official.id)"
                    + "   (an official, \(official.residentID.masked), sanctioned, then moved post;"
                    + " --subject also takes the resident ID number)")
        }
        lines.append("  swift run creditkit verify \(path)")
        return lines.joined(separator: "\n")
    }
}
