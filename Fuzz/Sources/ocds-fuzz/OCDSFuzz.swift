// What libFuzzer runs on each input (main.swift hands it to the driver): every input is read as an OCDS file, and the reader's own accounting must hold —
// in JSON Lines, every non-blank line is either a document or a malformed line, and the callback saw every
// release the report counts. A crash, a hang (libFuzzer's -timeout) or a failed check is a finding.
import Foundation
import OpenContracting

func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    var seen = 0
    let report: OCDSReader.Report
    do {
        report = try OCDSReader.read(data: data) { _ in seen += 1 }
    } catch {
        // A refusal (gzip, not UTF-8, an empty package) is an answer, not a finding.
        return 0
    }
    precondition(seen == report.releases, "the callback saw \(seen) releases, the report says \(report.releases)")
    if report.layout == .jsonLines {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).filter { line in
            line.contains { ![0x20, 0x09, 0x0D].contains($0) }
        }.count
        precondition(report.lines == lines, "the report counts \(report.lines) lines, the input has \(lines)")
        precondition(
            report.documents + report.malformed.count == report.lines,
            "\(report.documents) documents and \(report.malformed.count) malformed lines, of \(report.lines)")
    }
    return 0
}
