import IntegrityFileExample
import Testing

@Suite("IntegrityFileExample")
struct IntegrityFileExampleTests {
    @Test(
        "the director's grade and bar follow the file and the appeal; intake once; the export and the submission count")
    func story() async throws {
        let lines = try await runIntegrityFileExample()
        // 100 − 5 (report filed late) − 10 (admonishing talk) = 85, barred; the appeal revokes the talk on 15 August.
        #expect(
            lines == [
                "2026-07-01: 诚信良好 85分；选拔任用受限",
                "2026-08-14: 诚信良好 85分；选拔任用受限",
                "2026-08-15: 诚信优秀 95分；选拔任用无限制",
                "intake: 1 record taken in, 1 enterprise registered; again: 0 added, 1 held already",
                "FollowTheMoney: Company 1, PublicBody 2, Sanction 1",
                "submission 2026-Q3: 1 new, 0 changed",
            ])
        #expect(!lines.joined().contains("孙建华"))
    }
}
