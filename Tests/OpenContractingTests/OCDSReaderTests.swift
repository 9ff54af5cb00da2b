import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Testing

@Suite("OCDS reader")
struct OCDSReaderTests {
    /// The real OCDS files, found by `CreditKitTesting`'s one helper.
    static let peers = Peers.ocds

    @Test("reads every release of the real files without a crash")
    func realFiles() throws {
        for (name, expected) in [
            ("sample-data-real-examples.compiled.jsonl", 1_410), ("portugal-base-impic.compiled.jsonl", 100),
        ] {
            let path = OCDSReaderTests.peers.appendingPathComponent(name).path
            try #require(FileManager.default.fileExists(atPath: path), "the peers folder is beside the project")
            var ocids: Set<String> = []
            var contractsSigned = 0
            var payments = 0
            let report = try OCDSReader.read(path: path) { r in
                ocids.insert(r.ocid)
                contractsSigned += r.contracts.filter { $0.dateSigned != nil }.count
                payments += r.contracts.reduce(0) { $0 + $1.payments.count }
            }
            #expect(report.releases == expected, "\(name)")
            #expect(report.malformed.isEmpty, "\(name): \(report.malformed.prefix(3))")
            #expect(ocids.count == expected)
            if name.hasPrefix("sample") {
                #expect(contractsSigned >= 600 && payments > 0)
            }
        }
    }

    @Test("every OCDS file of the peers folder, Cardinal's fixtures included, reads with no malformed line")
    func everyPeerFile() throws {
        let files =
            FileManager.default.enumerator(at: Self.peers, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "jsonl" } ?? []
        #expect(files.count >= 28)
        for file in files {
            var count = 0
            let report = try OCDSReader.read(path: file.path) { _ in count += 1 }
            #expect(report.malformed.isEmpty && count == report.releases && count > 0, "\(file.lastPathComponent)")
        }
    }

    @Test("strings with escaped quotes and backslashes end where JSON says; an unterminated one is malformed")
    func escapes() throws {
        let text = #"""
            {"ocid":"q\"1","buyer":{"id":"B\\","name":"x\\\"y"},"tender":{"title":"\\\\"}}
            {"ocid":"z","buyer":{"id":"unterminated}}
            {"ocid":"\u0041\n"}
            """#
        var seen: [OCDSRelease] = []
        let report = try OCDSReader.read(data: Data(text.utf8)) { seen.append($0) }
        #expect(seen.map(\.ocid) == ["q\"1", "A\n"])
        #expect(seen[0].buyer?.id == "B\\" && seen[0].buyer?.name == "x\\\"y" && seen[0].tender?.title == "\\\\")
        #expect(report.malformed.map(\.line) == [2])
    }

    @Test("a malformed line is reported with its number and the rest is read")
    func malformedLine() throws {
        let text = """
            {"ocid":"a","tender":{"numberOfTenderers":"3","value":{"amount":"1200.50"}}}
            {"ocid":"b",
            {"ocid":"c","contracts":[{"dateSigned":"2025-03-02T16:30:00Z"},{"dateSigned":"yesterday"}]}
            """
        var seen: [OCDSRelease] = []
        let report = try OCDSReader.read(data: Data(text.utf8)) { seen.append($0) }
        #expect(seen.map(\.ocid) == ["a", "c"])
        #expect(report.malformed.map(\.line) == [2])
        #expect(seen[0].tender?.numberOfTenderers == 3 && seen[0].tender?.value == Decimal(string: "1200.5"))
        #expect(report.notes.contains { $0.line == 1 && $0.message == "number given as a string" })
        // 2025-03-02T16:30:00Z is 3 March in China time.
        #expect(seen[1].contracts[0].dateSigned == LocalDate("2025-03-03"))
        #expect(report.notes.contains { $0.line == 3 && $0.field == "contracts.dateSigned" })
    }

    @Test(
        "dates with Z, an offset, fractions, or plain, read in China time",
        arguments: [
            ("2025-03-02", "2025-03-02"), ("2025-03-02T15:59:59Z", "2025-03-02"),
            ("2025-03-02T16:00:00Z", "2025-03-03"),
            ("2025-03-02T23:30:00+08:00", "2025-03-02"), ("2025-03-02T10:00:00-06:00", "2025-03-03"),
            ("2019-11-25T17:20:38.1610873Z", "2019-11-26"), ("2025-01-01T00:30:00+14:00", "2024-12-31"),
        ])
    func dates(text: String, expected: String) {
        #expect(OCDSDate.chinaDate(text) == LocalDate(expected))
    }

    @Test("release packages and record packages are read, pretty-printed or not")
    func packages() throws {
        let releasePackage = """
            {"uri":"x","releases":[{"ocid":"p1","awards":[{"id":"1","date":"2024-01-01","documents":[{"documentType":"awardNotice","datePublished":"2023-12-30T20:00:00Z"}]}]},{"ocid":"p2"}]}
            """
        var seen: [OCDSRelease] = []
        _ = try OCDSReader.read(data: Data(releasePackage.utf8)) { seen.append($0) }
        #expect(seen.map(\.ocid) == ["p1", "p2"])
        #expect(seen[0].awards[0].notice == LocalDate("2023-12-31"))
        let recordPackage = """
            {
              "records": [
                { "ocid": "r1", "compiledRelease": { "ocid": "r1", "parties": [ { "id": "s", "details": { "scale": "sme" } } ] } }
              ]
            }
            """
        seen = []
        let report = try OCDSReader.read(data: Data(recordPackage.utf8)) { seen.append($0) }
        #expect(seen.map(\.ocid) == ["r1"] && seen[0].parties.first?.isSME == true && report.malformed.isEmpty)
    }
}
