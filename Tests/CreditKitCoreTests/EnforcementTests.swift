import CreditKitCore
import CreditKitTesting
import Foundation
import Testing

@Suite("Law-enforcement integrity (行政执法诚信)")
struct EnforcementTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    /// A bureau with two certified officers: 王 valid through 2026-06-30, 李 through 2027-12-31.
    func world() async throws -> (LifecycleWorld, [SubjectID]) {
        let world = try await LifecycleWorld(today: "2026-11-23")
        var officers: [SubjectID] = []
        for (i, name) in ["王执法", "李执法", "张无证"].enumerated() {
            officers.append(
                try await world.kit.registerOfficial(
                    residentID: Fixtures.residentID(index: 60 + i), name: name, on: day("2020-01-01")
                ).id)
        }
        try await world.kit.append([
            EnforcementCertificateIssued(
                official: officers[0], unit: world.bureau.id, number: "冀A-0001", validFrom: day("2023-07-01"),
                validUntil: day("2026-06-30")),
            EnforcementCertificateIssued(
                official: officers[1], unit: world.bureau.id, number: "冀A-0002", validFrom: day("2023-01-01"),
                validUntil: day("2027-12-31")),
        ])
        return (world, officers)
    }

    func act(
        _ world: LifecycleWorld, _ number: String, _ on: String, _ officers: [SubjectID],
        exception: LegalCitation? = nil
    ) async throws {
        try await world.kit.append(
            EnforcementActRecorded(
                unit: world.bureau.id, caseNumber: number, matter: "行政处罚", officers: officers, on: day(on),
                exception: exception))
    }

    func findings(_ world: LifecycleWorld, _ rule: String, asOf: String = "2026-11-23") throws -> [Finding] {
        try world.kit.enforcementFindings(asOf: day(asOf)).filter { $0.rule.rawValue == rule }
    }

    @Test(
        "enforcement.officer.uncertified: the certificate's last day is valid, the next day is not; a revocation counts from its day"
    )
    func certificates() async throws {
        let (world, officers) = try await world()
        try await act(world, "A1", "2026-06-30", [officers[0], officers[1]])
        try await act(world, "A2", "2026-07-01", [officers[0], officers[1]])
        try await act(world, "A3", "2026-03-01", [officers[2], officers[1]])
        try await world.kit.append(
            EnforcementCertificateRevoked(
                official: officers[1], number: "冀A-0002", on: day("2026-09-01"), reason: "调离执法岗位"))
        try await act(world, "A4", "2026-08-31", [officers[1], officers[0]])
        let found = try findings(world, "enforcement.officer.uncertified")
        let pairs = Set(found.map { "\($0.fact("case") ?? "") \($0.fact("officer") ?? "")" })
        #expect(
            pairs == [
                "A2 \(officers[0].rawValue)", "A3 \(officers[2].rawValue)", "A4 \(officers[0].rawValue)",
            ])
        try await act(world, "A5", "2026-09-01", [officers[1], officers[0]])
        let after = try findings(world, "enforcement.officer.uncertified").filter { $0.fact("case") == "A5" }
        #expect(Set(after.compactMap { $0.fact("officer") }) == [officers[0].rawValue, officers[1].rawValue])
        #expect(found.allSatisfy { $0.subject == world.bureau.id && $0.basis.contains { $0.article == "第四十二条" } })
    }

    @Test(
        "enforcement.officers.minimum: two officers pass, one does not unless a law provides otherwise; not before 2021-07-15"
    )
    func minimum() async throws {
        let (world, officers) = try await world()
        try await act(world, "B1", "2026-05-01", [officers[0], officers[1]])
        try await act(world, "B2", "2026-05-01", [officers[1]])
        try await act(
            world, "B3", "2026-05-01", [officers[1]],
            exception: LegalCitation(document: "《中华人民共和国行政处罚法》（2021）", article: "第五十一条"))
        try await act(world, "B4", "2021-07-14", [officers[1]])
        #expect(try findings(world, "enforcement.officers.minimum").map { $0.fact("case") } == ["B2"])
    }

    @Test(
        "enforcement.unit.overturned-share: 1 of 10 (exactly 10%) is not above; 2 of 19 (10.53%) is; a year is judged once over"
    )
    func overturnedShare() async throws {
        for (acts, overturned, flagged) in [(10, 1, false), (19, 2, true)] {
            let (world, officers) = try await world()
            for i in 0..<acts {
                try await act(world, "C\(i)", "2025-03-\(String(format: "%02d", i + 1))", [officers[1], officers[0]])
            }
            for i in 0..<overturned {
                try await world.kit.append(
                    EnforcementReviewConcluded(
                        unit: world.bureau.id, caseNumber: "C\(i)", route: i == 0 ? .reconsideration : .litigation,
                        outcome: i == 0 ? .revoked : .confirmedUnlawful, on: day("2025-09-01"), by: "市人民政府"))
            }
            // An upheld review does not count.
            try await world.kit.append(
                EnforcementReviewConcluded(
                    unit: world.bureau.id, caseNumber: "C9", route: .reconsideration, outcome: .upheld,
                    on: day("2025-10-01"), by: "市人民政府"))
            let found = try findings(world, "enforcement.unit.overturned-share")
            #expect(found.count == (flagged ? 1 : 0), "\(acts) acts, \(overturned) overturned")
            if flagged {
                #expect(found[0].fact("share") == "10.53%" && found[0].fact("year") == "2025")
            }
            // During the year itself it is not judged.
            #expect(try findings(world, "enforcement.unit.overturned-share", asOf: "2025-12-31").isEmpty)
            let record = try world.kit.enforcementYear(of: world.bureau.id, year: 2025)
            #expect(record.acts == acts && record.overturned == overturned && record.reviews == overturned + 1)
        }
    }

    @Test(
        "the credit file's enforcement section and the indicator: 2 overturned and 1 uncertified act in 2025 take 5 of 10"
    )
    func fileAndIndicator() async throws {
        let (world, officers) = try await world()
        for i in 0..<4 { try await act(world, "E\(i)", "2025-04-0\(i + 1)", [officers[1], officers[0]]) }
        try await act(world, "E9", "2025-05-01", [officers[2], officers[1]])
        for (i, outcome) in [EnforcementReviewOutcome.revoked, .changed, .upheld].enumerated() {
            try await world.kit.append(
                EnforcementReviewConcluded(
                    unit: world.bureau.id, caseNumber: "E\(i)", route: .reconsideration, outcome: outcome,
                    on: day("2025-08-0\(i + 1)"), by: "市人民政府"))
        }
        let file = try world.kit.creditFile(of: world.bureau.id, asOf: day("2026-01-10"))
        let table = try #require(file.tables.first { $0.name == "enforcement" })
        #expect(table.rows.first { $0[0] == "2025" } == ["2025", "5", "3", "2", "40%", "1"])
        #expect(table.rows.first { $0[0] == "2026" } == ["2026", "0", "0", "0", "—", "0"])
        // An agency with no act has no section.
        #expect(
            try world.kit.creditFile(of: world.regulator.id, asOf: day("2026-01-10")).tables.allSatisfy {
                $0.name != "enforcement"
            })

        let indicator = try EnforcementIndicator.of(world.kit, year: 2025)
        let context = try EvaluationContext(
            view: world.kit.view, asOf: day("2026-01-10"), profile: world.kit.profile, commitments: [:])
        let score = try indicator.score(world.bureau.id, in: context)
        #expect(score.points == 5 && score.items.map(\.points) == [-4, -1])
        #expect(try indicator.score(world.regulator.id, in: context).points == 10)
        #expect(throws: CreditKitError.self) { try indicator.score(officers[0], in: context) }
    }

    @Test("bad enforcement facts are refused and write nothing")
    func refusals() async throws {
        let (world, officers) = try await world()
        let head = await world.kit.ledger.head
        let bad: [any LedgerEvent] = [
            EnforcementCertificateIssued(
                official: officers[2], unit: world.bureau.id, number: "X", validFrom: day("2026-01-02"),
                validUntil: day("2026-01-01")),
            EnforcementCertificateIssued(
                official: world.bureau.id, unit: world.bureau.id, number: "X", validFrom: day("2026-01-01"),
                validUntil: day("2027-01-01")),
            EnforcementActRecorded(
                unit: world.bureau.id, caseNumber: "D1", matter: "检查", officers: [], on: day("2026-01-01")),
            EnforcementActRecorded(
                unit: world.bureau.id, caseNumber: "D1", matter: "检查", officers: [officers[0], officers[0]],
                on: day("2026-01-01")),
            EnforcementActRecorded(
                unit: officers[0], caseNumber: "D1", matter: "检查", officers: [officers[1]], on: day("2026-01-01")),
            EnforcementReviewConcluded(
                unit: world.bureau.id, caseNumber: " ", route: .litigation, outcome: .revoked, on: day("2026-01-01"),
                by: "法院"),
        ]
        for event in bad {
            await #expect(throws: CreditKitError.self) { try await world.kit.append(event) }
        }
        #expect(await world.kit.ledger.head == head)
    }
}
