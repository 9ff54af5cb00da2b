// The writer of the crash harness and the many-writers tests (Tests/LedgerCrashTests, Tests/CreditKitPostgreSQLTests):
// it appends batches of twenty records (or as many as its fourth argument says) to a ledger file or a PostgreSQL
// ledger (a libpq URI, in the schema its third argument names) and prints `ack N` once batch N is committed, until it
// is killed, or, given a count, that many batches.
//
//     ledger-crash-writer PATH|URI [BATCHES] [SCHEMA] [RECORDS-PER-BATCH]
//
// Or it follows a PostgreSQL ledger as a reading service does: `follow URI SCHEMA COUNT` opens the ledger, prints
// `ready`, follows it every 100 ms and, once its view holds COUNT records, prints `seen T` (the wall-clock time in
// microseconds since 1970) and ends.
import CreditKitCore
import CreditKitPostgreSQL
import CreditKitTesting
import Foundation

/// Writes a line at once, unbuffered: what is printed is what was acknowledged.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

/// The follower: a service that only reads, seeing another process's writes through `Ledger.follow(every:)`.
func follow(url: String, schema: String, count: Int) async throws {
    let kit = try CreditKit(store: .postgreSQL(url, schema: schema, readingOnly: true), keys: Fixtures.keys)
    let following = Task { try await kit.ledger.follow(every: .milliseconds(100)) }
    say("ready")
    while kit.view.recordCount < count {
        try await Task.sleep(for: .milliseconds(2))
    }
    say("seen \(Int64(Date().timeIntervalSince1970 * 1_000_000))")
    following.cancel()
    try await following.value
}

do {
    if CommandLine.arguments.count == 5, CommandLine.arguments[1] == "follow" {
        let arguments = CommandLine.arguments
        try await follow(url: arguments[2], schema: arguments[3], count: Int(arguments[4]) ?? 1)
        exit(0)
    }
    let path = CommandLine.arguments[1]
    let arguments = CommandLine.arguments
    let limit = arguments.count > 2 ? Int(arguments[2]) : nil
    let schema = arguments.count > 3 ? arguments[3] : "creditkit"
    let size = arguments.count > 4 ? Int(arguments[4]) ?? 20 : 20
    let kit = try CreditKit(
        store: PostgreSQLConnectionString.isPostgreSQL(path) ? .postgreSQL(path, schema: schema) : .sqlite(path),
        keys: Fixtures.keys)
    let agency = Fixtures.agency(index: 1)
    if kit.view.subject(agency.id) == nil {
        try await kit.register(agency, on: LocalDate(year: 2024, month: 1, day: 1))
    }
    var batch = kit.view.recordCount / size
    say("open \(batch)")
    var written = 0
    while limit.map({ written < $0 }) ?? true {
        written += 1
        batch += 1
        let day = try LocalDate(year: 2025, month: 1, day: 1).adding(days: batch % 300)
        let records = (0..<size).map { i in
            RecordEntered(
                record: Fixtures.record(subject: agency.id, decisionDate: day, amount: Decimal(batch * 100 + i)))
        }
        try await kit.ledger.append(records)
        say("ack \(batch)")
    }
} catch {
    // Said plainly on stderr (the tests show it), with a status of its own instead of a trap.
    FileHandle.standardError.write(Data("ledger-crash-writer: \(error)\n".utf8))
    exit(3)
}
