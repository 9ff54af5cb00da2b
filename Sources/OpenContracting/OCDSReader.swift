import CreditKitCore
import Foundation

/// Reads OCDS files (开放合同数据读取): compiled releases as JSON Lines, release packages and record packages.
///
/// The layout is decided before anything is read as data: a file whose first line holds a whole JSON value is JSON
/// Lines, one value (a release, or a package) per line; a file whose first line does not, and that is one JSON
/// object from its first byte to its last, is one document (a pretty-printed package). Anything else is JSON Lines
/// whose bad lines are reported with their numbers, while every other line is still read: a line is never lost.
/// JSON is read strictly (RFC 8259: no NaN, no leading zeros, no raw control characters in strings, nothing after
/// the value); a UTF-8 byte-order mark is skipped; a compressed file is refused. JSON Lines stream through a bounded
/// buffer, so a file of gigabytes is never held, and a file that shrinks while it is read is an error, not a crash.
/// Fields that deviate from the schema (numbers as strings, a date without a zone) become data-quality notes.
public enum OCDSReader {
    /// How a file holds its releases.
    public enum Layout: String, Hashable, Sendable {
        /// One JSON value per line.
        case jsonLines = "JSON Lines"
        /// One JSON document (a package), over many lines.
        case document = "one document"
    }

    /// What a read found besides the releases.
    public struct Report: Hashable, Sendable {
        /// The file's layout.
        public var layout = Layout.jsonLines
        /// How many releases were read.
        public var releases = 0
        /// The units read: the non-blank lines of JSON Lines, or 1 for a document.
        public var lines = 0
        /// Those units read as JSON (a line with a package counts once, however many releases it holds).
        public var documents = 0
        /// Lines that are not JSON, with their numbers.
        public var malformed: [(line: Int, message: String)] = []
        /// Deviations from the schema.
        public var notes: [DataQualityNote] = []
        /// The lines the read spanned, blank ones included: where a later part's numbering starts.
        public internal(set) var lineSpan = 0

        /// An empty report, to which parts' reports are appended.
        public init() {}

        /// Compares reports.
        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.layout == rhs.layout && lhs.releases == rhs.releases && lhs.lines == rhs.lines
                && lhs.documents == rhs.documents && lhs.notes == rhs.notes
                && lhs.malformed.map(\.line) == rhs.malformed.map(\.line)
        }

        /// Hashes a report.
        /// - Parameter hasher: The hasher.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(releases)
            hasher.combine(lines)
            hasher.combine(notes)
        }

        /// Adds the report of the part that follows this one in the file, its line numbers moved on by the lines
        /// this one spans.
        /// - Parameter later: The later part's report, numbered from 1.
        public mutating func append(_ later: Report) {
            let shift = lineSpan
            releases += later.releases
            lines += later.lines
            documents += later.documents
            malformed += later.malformed.map { ($0.line + shift, $0.message) }
            notes += later.notes.map { DataQualityNote(line: $0.line + shift, field: $0.field, message: $0.message) }
            lineSpan += later.lineSpan
        }
    }

    /// The buffer JSON Lines stream through; a longer line grows it for as long as it lasts.
    static let chunkSize = 4 << 20

    /// Reads a file, calling `body` with each release in order.
    /// - Parameters:
    ///   - path: The file.
    ///   - body: Called per release.
    /// - Returns: The report; every non-blank line is either read or reported malformed.
    /// - Throws: `CreditKitError` (`invalidArgument`) when the file cannot be read, is compressed, or changes size
    ///   while it is read; what `body` throws.
    public static func read(path: String, _ body: (OCDSRelease) throws -> Void) throws -> Report {
        let file = try OCDSFile(path: path)
        return try read(file, from: 0, to: file.size, body)
    }

    /// Cuts a JSON Lines file into `count` parts at line ends, for reading on several threads; their reports,
    /// appended in order with ``Report/append(_:)``, are the whole file's.
    /// - Parameters:
    ///   - path: The file.
    ///   - count: How many parts.
    /// - Returns: Each part's byte range; one part for a document.
    /// - Throws: `CreditKitError` (`invalidArgument`) when the file cannot be read or is compressed.
    public static func parts(of path: String, count: Int) throws -> [Range<Int>] {
        let file = try OCDSFile(path: path)
        let start = try file.dataStart()
        guard count > 1, try layout(of: file, from: start) == .jsonLines else { return [0..<file.size] }
        var cuts = [0]
        for i in 1..<count {
            cuts.append(try file.lineEnd(after: max(cuts[i - 1], file.size * i / count)))
        }
        cuts.append(file.size)
        return (0..<count).map { cuts[$0]..<cuts[$0 + 1] }
    }

    /// Reads one part of a file cut by ``parts(of:count:)``, calling `body` with each release in order.
    /// - Parameters:
    ///   - path: The file.
    ///   - part: The part's byte range.
    ///   - body: Called per release.
    /// - Returns: The part's report, its lines numbered from 1.
    /// - Throws: As ``read(path:_:)``.
    public static func read(path: String, part: Range<Int>, _ body: (OCDSRelease) throws -> Void) throws -> Report {
        let file = try OCDSFile(path: path)
        return try read(file, from: part.lowerBound, to: part.upperBound, body)
    }

    static func read(_ file: OCDSFile, from: Int, to: Int, _ body: (OCDSRelease) throws -> Void) throws -> Report {
        var report = Report()
        let start = from == 0 ? try file.dataStart() : from
        if from == 0, try layout(of: file, from: start) == .document {
            report.layout = .document
            let whole = try file.bytes(start..<to)
            try whole.withUnsafeBytes { all in
                var scanner = JSONScanner(all)
                try readWholeDocument(&scanner, name: file.path, report: &report, body)
            }
            report.lines = 1
            report.documents = 1
            report.lineSpan = whole.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return report
        }
        var lineNumber = 0
        try file.forEachLine(from: start, to: to) { line in
            lineNumber += 1
            try readLine(line, number: lineNumber, report: &report, body)
        }
        report.lineSpan = lineNumber
        try check(report)
        return report
    }

    /// Reads bytes held in memory (a test's text, a part already read), calling `body` with each release in order.
    /// - Parameters:
    ///   - data: The bytes: JSON Lines of releases, or one release or record package.
    ///   - body: Called per release.
    /// - Returns: The report.
    /// - Throws: `CreditKitError` (`invalidArgument`) for compressed bytes; what `body` throws.
    public static func read(data: Data, _ body: (OCDSRelease) throws -> Void) throws -> Report {
        var report = Report()
        try data.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            let start = try OCDSFile.dataStart(of: UnsafeRawBufferPointer(rebasing: all.prefix(8)), name: "the data")
            let rest = UnsafeRawBufferPointer(rebasing: all[start...])
            if layout(of: rest) == .document {
                report.layout = .document
                var scanner = JSONScanner(rest)
                try readWholeDocument(&scanner, name: "the data", report: &report, body)
                report.lines = 1
                report.documents = 1
                report.lineSpan = rest.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                return
            }
            var lineStart = 0
            var lineNumber = 0
            while lineStart < rest.count {
                lineNumber += 1
                let end = rest[lineStart...].firstIndex(of: 0x0A) ?? rest.count
                try readLine(
                    UnsafeRawBufferPointer(rebasing: rest[lineStart..<end]), number: lineNumber, report: &report, body)
                lineStart = end + 1
            }
            report.lineSpan = lineNumber
        }
        try check(report)
        return report
    }

    /// A file that is one document: its releases, or an error naming the file, the problem and the byte where a
    /// release or package does not read (the document is one value, so there is no other line to go on with).
    static func readWholeDocument(
        _ scanner: inout JSONScanner, name: String, report: inout Report, _ body: (OCDSRelease) throws -> Void
    ) throws {
        do {
            try readDocument(&scanner, line: 1, report: &report, body)
        } catch let failure as JSONScanner.Failure {
            throw CreditKitError(
                .decoding,
                "\(name) is one JSON document that does not read as OCDS: \(failure.message) at byte "
                    + "\(failure.offset)")
        }
    }

    /// One line of JSON Lines: blank, a whole value, or malformed.
    static func readLine(
        _ line: UnsafeRawBufferPointer, number: Int, report: inout Report, _ body: (OCDSRelease) throws -> Void
    ) throws {
        var scanner = JSONScanner(line)
        guard scanner.peek() != nil else { return }
        report.lines += 1
        var attempt = Report()
        do {
            try readDocument(&scanner, line: number, report: &attempt, body)
            report.documents += 1
            report.releases += attempt.releases
            report.notes += attempt.notes
        } catch let failure as JSONScanner.Failure {
            report.malformed.append((number, "\(failure.message) at byte \(failure.offset)"))
        }
    }

    /// The reader's own promise: every non-blank line read or reported.
    static func check(_ report: Report) throws {
        guard report.documents + report.malformed.count == report.lines else {
            throw CreditKitError(
                .invalidArgument,
                "the OCDS reader lost count: \(report.lines) lines, \(report.documents) read, "
                    + "\(report.malformed.count) malformed")
        }
    }

    /// The first non-blank line of some bytes (without its newline), and the first byte that is not white space
    /// after it (the start of the next non-blank line), if the bytes hold one.
    static func head(of bytes: UnsafeRawBufferPointer) -> (first: UnsafeRawBufferPointer, next: UInt8?) {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        var start = 0
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        var next = end
        while next < bytes.count, isSpace(bytes[next]) { next += 1 }
        return (UnsafeRawBufferPointer(rebasing: bytes[start..<end]), next < bytes.count ? bytes[next] : nil)
    }

    /// The layout of a file: read from its start only as far as its first two non-blank lines, and whole only
    /// when those look like a pretty-printed document.
    static func layout(of file: OCDSFile, from start: Int) throws -> Layout {
        var length = 64 << 10
        while true {
            let end = min(file.size, start + length)
            let prefix = try file.bytes(start..<end)
            let decided: Layout? = try prefix.withUnsafeBytes { bytes in
                let (first, next) = head(of: bytes)
                // Not yet seen the next line's start (or the first line's end): read further, unless at the end.
                guard next != nil || end == file.size else { return nil }
                guard isDocumentCandidate(first: first, next: next) else { return .jsonLines }
                let whole = try file.bytes(start..<file.size)
                return whole.withUnsafeBytes { isOneValue($0) ? .document : .jsonLines }
            }
            if let decided { return decided }
            length *= 2
        }
    }

    /// The layout of bytes held in memory.
    static func layout(of bytes: UnsafeRawBufferPointer) -> Layout {
        let (first, next) = head(of: bytes)
        return isDocumentCandidate(first: first, next: next) && isOneValue(bytes) ? .document : .jsonLines
    }

    /// Whether the head looks like a pretty-printed document: a first line that starts an object but is not a
    /// whole value, and a next line that does not start another object (as a second line of JSON Lines would).
    static func isDocumentCandidate(first: UnsafeRawBufferPointer, next: UInt8?) -> Bool {
        startsObjectButIsNotAValue(first) && next != UInt8(ascii: "{")
    }

    /// Whether bytes are one JSON value and nothing more.
    static func isOneValue(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var scanner = JSONScanner(bytes)
        do {
            try scanner.skipValue()
            try scanner.expectEnd()
            return true
        } catch {
            // Not one value: JSON Lines, whose bad lines are reported.
            return false
        }
    }

    static func startsObjectButIsNotAValue(_ line: UnsafeRawBufferPointer) -> Bool {
        var scanner = JSONScanner(line)
        guard scanner.peek() == UInt8(ascii: "{") else { return false }
        do {
            try scanner.skipValue()
            try scanner.expectEnd()
            return false
        } catch {
            // The first line is not a whole value: perhaps the start of a pretty-printed document.
            return true
        }
    }

    /// One document: a release, a release package (`releases`) or a record package (`records[].compiledRelease`),
    /// with nothing after it. Its releases are handed to `body` only once all of it has read as strict JSON.
    static func readDocument(
        _ s: inout JSONScanner, line: Int, report: inout Report, _ body: (OCDSRelease) throws -> Void
    ) throws {
        // Look ahead for a package's keys without consuming.
        let start = s.index
        var isPackage = false
        var probe = s
        try probe.object { p, key in
            if key.equals("releases") || key.equals("records") { isPackage = true }
            try p.skipValue()
        }
        s.index = start
        var decoder = ReleaseDecoder(line: line)
        var releases: [OCDSRelease] = []
        if isPackage {
            try s.object { s, key in
                if key.equals("releases") {
                    try s.array { s in releases.append(try decoder.release(&s)) }
                } else if key.equals("records") {
                    try s.array { s in
                        try s.object { s, key in
                            if key.equals("compiledRelease") {
                                releases.append(try decoder.release(&s))
                            } else {
                                try s.skipValue()
                            }
                        }
                    }
                } else {
                    try s.skipValue()
                }
            }
        } else {
            releases.append(try decoder.release(&s))
        }
        try s.expectEnd()
        for r in releases { try body(r) }
        report.releases += releases.count
        report.notes += decoder.notes
    }
}
