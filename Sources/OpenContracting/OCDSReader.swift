import CreditKitCore
import Foundation

/// Reads OCDS files (开放合同数据读取): compiled releases as JSON Lines, release packages and record packages.
///
/// A malformed line is reported with its number and the rest of the file is still read; fields that deviate from
/// the schema (numbers as strings, a date without a zone) become data-quality notes, never a crash.
public enum OCDSReader {
    /// What a read found besides the releases.
    public struct Report: Hashable, Sendable {
        /// How many releases were read.
        public var releases = 0
        /// Lines that are not JSON, with their numbers.
        public var malformed: [(line: Int, message: String)] = []
        /// Deviations from the schema.
        public var notes: [DataQualityNote] = []

        /// Compares reports.
        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.releases == rhs.releases && lhs.notes == rhs.notes
                && lhs.malformed.map(\.line) == rhs.malformed.map(\.line)
        }

        /// Hashes a report.
        /// - Parameter hasher: The hasher.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(releases)
            hasher.combine(notes)
        }
    }

    /// Reads a file, calling `body` with each release in order. The file is mapped into memory, not copied: pages
    /// are read as the scan reaches them, so a file of gigabytes streams through without being held.
    /// - Parameters:
    ///   - path: The file.
    ///   - body: Called per release.
    /// - Returns: The report.
    /// - Throws: `CreditKitError` (`invalidArgument`) when the file cannot be read, or what `body` throws.
    public static func read(path: String, _ body: (OCDSRelease) throws -> Void) throws -> Report {
        try read(data: map(path), body)
    }

    /// A file mapped into memory.
    /// - Parameter path: The file.
    /// - Returns: Its bytes, mapped.
    /// - Throws: `CreditKitError` (`invalidArgument`) when it cannot be read.
    public static func map(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw CreditKitError(.invalidArgument, "cannot read OCDS file \(path)")
        }
    }

    /// Reads bytes, calling `body` with each release in order.
    /// - Parameters:
    ///   - data: The bytes: JSON Lines of releases, or one release or record package.
    ///   - body: Called per release.
    /// - Returns: The report.
    /// - Throws: What `body` throws.
    public static func read(data: Data, _ body: (OCDSRelease) throws -> Void) throws -> Report {
        var report = Report()
        try data.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            var lineStart = 0
            var lineNumber = 0
            var wholeFileTried = false
            while lineStart < all.count {
                lineNumber += 1
                let end =
                    memchr(all.baseAddress! + lineStart, 0x0A, all.count - lineStart).map {
                        all.baseAddress!.distance(to: UnsafeRawPointer($0))
                    } ?? all.count
                let line = UnsafeRawBufferPointer(rebasing: all[lineStart..<end])
                lineStart = end + 1
                var scanner = JSONScanner(line)
                guard scanner.peek() != nil else { continue }
                do {
                    try readDocument(&scanner, line: lineNumber, report: &report, body)
                } catch let failure as JSONScanner.Failure {
                    // A pretty-printed package spans lines: read the whole file as one document once.
                    if lineNumber == 1, !wholeFileTried {
                        wholeFileTried = true
                        var whole = JSONScanner(all)
                        var attempt = Report()
                        do {
                            try readDocument(&whole, line: 1, report: &attempt, body)
                            report = attempt
                            return
                        } catch is JSONScanner.Failure {
                            // Not one document either: the first line is reported as malformed below. Any other
                            // error (the body's own) is rethrown, never read as malformed data.
                        }
                    }
                    report.malformed.append((lineNumber, "\(failure.message) at byte \(failure.offset)"))
                }
            }
        }
        return report
    }

    /// One document: a release, a release package (`releases`) or a record package (`records[].compiledRelease`).
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
        if isPackage {
            var releases: [OCDSRelease] = []
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
            for r in releases { try body(r) }
            report.releases += releases.count
        } else {
            let release = try decoder.release(&s)
            try body(release)
            report.releases += 1
        }
        report.notes += decoder.notes
    }
}
