import CreditKitCore
import CreditKitTesting
import Foundation
import OpenContracting
import Testing

/// The attacks on the reader that once lost lines, crashed or read lenient JSON (issue: integrity under attack).
@Suite("OCDS reader under attack")
struct OCDSReaderAttackTests {
    static let sample = Peers.ocds.appendingPathComponent("sample-data-real-examples.compiled.jsonl")

    /// The sample's lines, read once.
    static func sampleLines() throws -> [String] {
        try String(contentsOf: sample, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// A scratch file holding some bytes.
    static func file(_ bytes: [UInt8], name: String = UUID().uuidString + ".jsonl") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test("attack: a raw newline inside a string on line 1 loses no other line")
    func rawNewlineOnLineOne() throws {
        var lines = try Self.sampleLines()
        let total = lines.count
        // Cut the first line inside its ocid string: a raw newline there is not JSON.
        let first = lines[0]
        let cut = first.range(of: "\"ocid\":\"")!.upperBound
        lines[0] = String(first[..<cut]) + "\n" + String(first[cut...])
        let url = try Self.file(Array(lines.joined(separator: "\n").utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        var count = 0
        let report = try OCDSReader.read(path: url.path) { _ in count += 1 }
        #expect(report.layout == .jsonLines)
        #expect(report.malformed.map(\.line) == [1, 2])
        #expect(count == total - 1 && report.releases == total - 1)
        #expect(report.lines == total + 1 && report.documents + report.malformed.count == report.lines)
    }

    @Test("attack: a file cut short while it is read is an error naming the file, not a crash")
    func truncatedWhileRead() throws {
        let bytes = try Array(Data(contentsOf: Self.sample))
        // Over two chunks of the reader's buffer, so the cut is met on a later read.
        let url = try Self.file(bytes + bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        var cut = false
        #expect(
            performing: {
                _ = try OCDSReader.read(path: url.path) { _ in
                    if !cut {
                        cut = true
                        let handle = try FileHandle(forWritingTo: url)
                        try handle.truncate(atOffset: 1000)
                        try handle.close()
                    }
                }
            },
            throws: { error in
                (error as? CreditKitError)?.message.contains("changed while it was read") == true
            })
    }

    @Test("attack: a byte-order mark no longer loses line 1")
    func byteOrderMark() throws {
        let lines = try Self.sampleLines().prefix(5)
        var count = 0
        let report = try OCDSReader.read(data: Data([0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\n").utf8))) {
            _ in count += 1
        }
        #expect(count == 5 && report.malformed.isEmpty)
        let url = try Self.file([0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\n").utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try OCDSReader.read(path: url.path) { _ in }.releases == 5)
    }

    @Test("attack: compressed input is refused by name, not read as malformed lines")
    func compressed() throws {
        let gzip: [UInt8] =
            [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] + Array(repeating: 7, count: 40)
        let url = try Self.file(gzip, name: UUID().uuidString + ".jsonl.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            performing: { try OCDSReader.read(path: url.path) { _ in } },
            throws: { error in
                (error as? CreditKitError)?.message.contains("gzip-compressed") == true
            })
        #expect(throws: CreditKitError.self) { try OCDSReader.read(data: Data(gzip)) { _ in } }
    }

    @Test(
        "attack: lenient JSON is malformed (NaN, a leading zero, a raw tab, something after the value, a bad escape)",
        arguments: [
            #"{"ocid":"a","tender":{"value":{"amount":NaN}}}"#,
            #"{"ocid":"a","tender":{"numberOfTenderers":007}}"#,
            "{\"ocid\":\"a\tb\"}",
            #"{"ocid":"a"} x"#,
            #"{"ocid":"a"}{"ocid":"b"}"#,
            #"{"ocid":"a","x":[1,}]}"#,
            #"{"ocid":"a","x":"\q"}"#,
            #"{"ocid":"a","x":-}"#,
            #"{"ocid":"a","x":1.}"#,
            #"{"ocid":"a","x":tru}"#,
            #"{"ocid":"a","x":{"k" 1}}"#,
        ])
    func lenientJSON(line: String) throws {
        let good = #"{"ocid":"good"}"#
        var seen: [String] = []
        let report = try OCDSReader.read(data: Data((good + "\n" + line + "\n" + good).utf8)) { seen.append($0.ocid) }
        #expect(report.malformed.map(\.line) == [2], "\(line)")
        #expect(seen == ["good", "good"])
    }

    @Test("attack: a high surrogate before another escape is read, not a crash; a lone one becomes U+FFFD")
    func surrogates() throws {
        let text = #"""
            {"ocid":"X-\ud800\u0041"}
            {"ocid":"Y-\udbff\udbff"}
            {"ocid":"Z-\ud83d\ude00"}
            """#
        var seen: [String] = []
        let report = try OCDSReader.read(data: Data(text.utf8)) { seen.append($0.ocid) }
        #expect(seen == ["X-\u{FFFD}A", "Y-\u{FFFD}\u{FFFD}", "Z-😀"] && report.malformed.isEmpty)
    }

    @Test("attack: bytes that are not UTF-8 make their line malformed, not a string with U+FFFD")
    func invalidUTF8() throws {
        let good = Array(#"{"ocid":"好"}"#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE5, 0xA5], [0xF5, 0x80, 0x80, 0x80]] {
            let line = Array(#"{"ocid":"a"#.utf8) + bad + Array(#"b"}"#.utf8)
            var seen: [String] = []
            let report = try OCDSReader.read(data: Data(good + [0x0A] + line + [0x0A] + good)) { seen.append($0.ocid) }
            #expect(report.malformed.map(\.line) == [2] && seen == ["好", "好"], "\(bad)")
        }
    }

    @Test("attack: a FIFO or a folder is refused at once, not waited on")
    func notARegularFile() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("ck-fifo-\(UUID())").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        for path in [fifo, FileManager.default.temporaryDirectory.path] {
            #expect(
                performing: { try OCDSReader.read(path: path) { _ in } },
                throws: { error in
                    (error as? CreditKitError)?.message.contains("not a regular file") == true
                })
        }
    }

    @Test("attack: a pretty-printed package after blank lines is one document; a broken one is an error naming it")
    func documents() throws {
        let package = "\n\r\n  {\n  \"releases\": [\n    {\"ocid\": \"a\"},\n    {\"ocid\": \"b\"}\n  ]\n}\n"
        var seen: [String] = []
        let report = try OCDSReader.read(data: Data(package.utf8)) { seen.append($0.ocid) }
        #expect(report.layout == .document && seen == ["a", "b"])
        for broken in ["{\n  \"releases\": {\"a\": 1}\n}\n", "{\n  \"releases\": [1, 2]\n}\n"] {
            let url = try Self.file(Array(broken.utf8))
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(
                performing: { try OCDSReader.read(path: url.path) { _ in } },
                throws: { error in
                    let e = error as? CreditKitError
                    return e?.code == .decoding && e?.message.contains("one JSON document that does not read") == true
                })
        }
        // A first line that starts an object but breaks off, followed by JSON Lines: JSON Lines, line 1 malformed.
        let lines = "{\"ocid\":\"broken\",\n{\"ocid\":\"c\"}\n"
        let jsonLines = try OCDSReader.read(data: Data(lines.utf8)) { _ in }
        #expect(jsonLines.layout == .jsonLines && jsonLines.malformed.map(\.line) == [1] && jsonLines.releases == 1)
    }

    @Test("strict JSON still reads what RFC 8259 allows: escapes, exponents, negative zero, nesting, white space")
    func strictAllows() throws {
        let line = #" { "ocid" : "a\/b\u00e9\"" , "x" : [ -0 , 1.5e-3 , 2E+2 , true , false , null , { } , [ ] ] } "#
        var seen: [String] = []
        let report = try OCDSReader.read(data: Data(line.utf8)) { seen.append($0.ocid) }
        #expect(seen == ["a/bé\""] && report.malformed.isEmpty)
    }

    @Test("fuzz: mutated real lines never crash, hang or lose a line (seeded)")
    func fuzz() throws {
        let lines = try Self.sampleLines()
        var rng = SplitMix64(state: 20_261_130)
        print("OCDS reader fuzz: seed 20261130")
        let tokens: [[UInt8]] = [
            Array("\n".utf8), Array("\"".utf8), Array("\\".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8),
            Array("]".utf8), Array(",".utf8), Array(":".utf8), Array("NaN".utf8), Array("00".utf8), [0x09], [0x00],
            [0xEF, 0xBB, 0xBF], [0xFF], Array("\\u12".utf8),
        ]
        var files = 0
        var mutatedLines = 0
        for _ in 0..<300 {
            var text = Array(
                (0..<8).map { _ in lines[Int(rng.next() % UInt64(lines.count))] }.joined(separator: "\n").utf8)
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let at = Int(rng.next() % UInt64(text.count))
                switch rng.next() % 4 {
                case 0: text.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
                case 1: text.remove(at: at)
                case 2: text[at] = UInt8(truncatingIfNeeded: rng.next())
                default: text.removeSubrange(at..<min(text.count, at + Int(rng.next() % 200)))
                }
            }
            let expectedLines = text.split(separator: 0x0A, omittingEmptySubsequences: false).filter { line in
                line.contains { ![0x20, 0x09, 0x0D].contains($0) }
            }.count
            var count = 0
            let report = try OCDSReader.read(data: Data(text)) { _ in count += 1 }
            files += 1
            mutatedLines += report.malformed.count
            if report.layout == .jsonLines {
                #expect(report.lines == expectedLines)
                #expect(report.documents + report.malformed.count == report.lines)
            }
            #expect(count == report.releases)
        }
        print("OCDS reader fuzz: \(files) files, \(mutatedLines) malformed lines found")
        #expect(mutatedLines > 0)
    }
}
