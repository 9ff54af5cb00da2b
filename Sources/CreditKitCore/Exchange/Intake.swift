import Foundation
import Synchronization

/// A layout reporting units send records in (归集格式): the public view's own layouts, so that what one platform
/// publishes another can take in (`Docs/PUBLIC-LAYOUTS.md`, and `Docs/EXCHANGE.md` for what intake reads of each
/// column).
public enum IntakeLayout: String, Hashable, Sendable, CaseIterable {
    /// The 双公示 administrative-penalty layout (行政处罚信息).
    case penalty
    /// Other government dishonesty information (其他失信信息): judgments, judgment defaulters, verified complaints,
    /// sector findings.
    case dishonesty
    /// The 双公示 licence layout (行政许可信息).
    case licence

    /// 行政处罚信息, 其他失信信息, 行政许可信息: the name a JSON file keys the layout's rows by.
    public var chineseName: String {
        switch self {
        case .penalty: PublicRecord.Layout.penalty.chineseName
        case .dishonesty: PublicRecord.Layout.dishonesty.chineseName
        case .licence: PublicLicence.layoutName
        }
    }

    /// The columns a file may have: the layout's headers, and the columns intake reads beyond them.
    public var columns: [String] {
        switch self {
        case .penalty: PublicRecord.penaltyHeaders + [Intake.severityColumn, Intake.actDateColumn]
        case .dishonesty: PublicRecord.dishonestyHeaders + [Intake.actDateColumn]
        case .licence: PublicLicence.headers
        }
    }

    /// The columns every row must fill.
    public var required: [String] {
        switch self {
        case .penalty:
            [
                "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据",
                "处罚类别", "处罚内容", "处罚决定日期", "处罚机关", "处罚机关统一社会信用代码",
            ]
        case .dishonesty:
            ["主体名称", "主体类别", "统一社会信用代码", "失信信息类别", "认定文书号", "失信事实", "认定依据", "认定日期", "认定机关"]
        case .licence:
            [
                "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可内容",
                "许可决定日期", "有效期自", "许可机关", "许可机关统一社会信用代码",
            ]
        }
    }

    /// The layout whose required columns a header names, if exactly one's do.
    /// - Parameter header: The header's column names.
    /// - Returns: The layout.
    public static func recognised(by header: [String]) -> IntakeLayout? {
        let names = Set(header)
        let fitting = allCases.filter { $0.required.allSatisfy(names.contains) }
        return fitting.count == 1 ? fitting[0] : nil
    }
}

/// One thing wrong with a file taken in (归集问题): where (a CSV line, or a JSON record's layout and position), the
/// column, and what.
public struct IntakeProblem: Hashable, Sendable, CustomStringConvertible {
    /// The row's line in a CSV file (1 is the header), or its position (from 1) in its layout's array in a JSON file.
    public var line: Int
    /// Where, as the message says it: `line 7` or `其他失信信息 #3`.
    public var place: String
    /// The column, when one cell is at fault.
    public var column: String?
    /// What is wrong.
    public var message: String

    /// `line 7, column 处罚决定日期: '2025-02-30' is not a date YYYY-MM-DD`.
    public var description: String {
        "\(place)\(column.map { ", column \($0)" } ?? ""): \(message)"
    }
}

/// A file refused whole by intake (归集被拒): every bad row, each with its place; nothing was written.
public struct IntakeRejected: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var problems: [IntakeProblem]
    /// How many rows the file has.
    public var rows: Int

    /// Every problem on a line of its own, after a count.
    public var description: String {
        "\(problems.count) problem(s) in \(rows) row(s); nothing was written:\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// What a file taken in added (归集结果).
public struct IntakeResult: Sendable {
    /// The layouts read, with their rows.
    public var rows: [(layout: IntakeLayout, count: Int)]
    /// The entries appended, in one batch (none when every row was held already).
    public var entries: [LedgerEntry]
    /// The records and licences appended.
    public var added: Int
    /// The rows whose record or licence the ledger holds already, exactly so (a file taken in again).
    public var alreadyHeld: [IntakeProblem]
    /// Enterprises registered from the rows, by their credit code and name.
    public var registered: [SubjectID]
}

/// Intake of records from reporting units (信用信息归集): files in the 双公示 layouts and the layout of other
/// dishonesty information, as CSV or as JSON, validated row by row, taken in whole in one batch or refused whole.
public enum Intake {
    /// 失信等级: a penalty's dishonesty class (轻微, 一般, 严重); 一般 when the column is absent or empty.
    public static let severityColumn = "失信等级"
    /// 行为发生日期: when the conduct took place; the decision date when absent or empty.
    public static let actDateColumn = "行为发生日期"
}

/// One row of a file taken in, by column name.
struct IntakeRow {
    var place: String
    var line: Int
    var fields: [String: String]

    func problem(_ column: String?, _ message: String) -> IntakeProblem {
        IntakeProblem(line: line, place: place, column: column, message: message)
    }

    func optional(_ column: String) -> String? {
        guard let raw = fields[column] else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func text(_ column: String) throws(IntakeProblem) -> String {
        guard let text = optional(column) else { throw problem(column, "is empty; it must be filled") }
        return text
    }

    func date(_ column: String) throws(IntakeProblem) -> LocalDate? {
        guard let text = optional(column) else { return nil }
        guard let day = LocalDate(text) else { throw problem(column, "'\(text)' is not a date YYYY-MM-DD") }
        return day
    }

    func requiredDate(_ column: String) throws(IntakeProblem) -> LocalDate {
        guard let day = try date(column) else { throw problem(column, "is empty; it must be filled") }
        return day
    }

    /// An amount, plain decimal text, not negative, multiplied by `scale` (10,000 for a column in 万元).
    func money(_ column: String, scale: Decimal = 1) throws(IntakeProblem) -> Decimal? {
        guard let text = optional(column) else { return nil }
        guard let value = CSVTable.plainDecimal(text), value >= 0, !text.hasPrefix("-") else {
            throw problem(column, "'\(text)' is not an amount such as 1234.50")
        }
        return value * scale
    }

    func code(_ column: String) throws(IntakeProblem) -> UnifiedSocialCreditCode {
        let text = try self.text(column)
        do { return try UnifiedSocialCreditCode(text) } catch let error as CreditKitError {
            throw problem(column, error.message)
        } catch {
            throw problem(column, "\(error)")
        }
    }
}

extension IntakeProblem: Error {}

extension CreditKit {
    /// Takes in a CSV file from a reporting unit (信用信息归集): every row validated (the credit codes' check
    /// characters, real dates, the layout's required cells, known kinds and classes), an enterprise not yet known
    /// registered from its row, a government body required to be registered already; then every record or licence in
    /// one batch. A row whose record the ledger holds already exactly so (the same authority and document number, the
    /// same content) is skipped, so a file taken in twice adds its records once; the same document number with other
    /// content, in the file or in the ledger, is a problem. Any problem refuses the whole file: nothing is written.
    /// - Parameters:
    ///   - text: The file's text (UTF-8, with or without a byte-order mark).
    ///   - layout: The layout; by default the one whose required columns the header names.
    ///   - checkOnly: Validate only: report the problems, or what would be added, and write nothing.
    /// - Returns: What was added.
    /// - Throws: ``IntakeRejected`` with every bad row; ``CreditKitError/Code/invalidCSV`` for a file that is not a
    ///   table of a layout (no header, unknown or missing columns); storage errors.
    @discardableResult
    public func intake(csv text: String, layout: IntakeLayout? = nil, checkOnly: Bool = false) async throws
        -> IntakeResult
    {
        let table = try CSVTable(text)
        guard let chosen = layout ?? IntakeLayout.recognised(by: table.columns) else {
            throw CreditKitError(
                .invalidCSV,
                "the header fits no intake layout; its columns are \(table.columns.joined(separator: ",")); "
                    + IntakeLayout.allCases.map { "\($0.rawValue) needs \($0.required.joined(separator: ","))" }
                    .joined(separator: "; "))
        }
        let unknown = table.columns.filter { !chosen.columns.contains($0) }
        let missing = chosen.required.filter { !table.columns.contains($0) }
        guard unknown.isEmpty, missing.isEmpty else {
            throw CreditKitError(
                .invalidCSV,
                (unknown.isEmpty
                    ? ""
                    : "the header names column(s) \(chosen.chineseName) does not have: "
                        + "\(unknown.joined(separator: ", ")); ")
                    + (missing.isEmpty ? "" : "the header lacks \(missing.joined(separator: ", ")); ")
                    + "its columns are \(chosen.columns.joined(separator: ","))")
        }
        let rows = table.rows.map { IntakeRow(place: "line \($0.line)", line: $0.line, fields: $0.fields) }
        return try await intake([(chosen, rows)], checkOnly: checkOnly)
    }

    /// Takes in a JSON file from a reporting unit: an object keyed by layout names (行政处罚信息, 其他失信信息, 行政许可信息)
    /// holding arrays of objects keyed by the layout's columns, as `creditkit publish --format json` writes; every
    /// value text. The same checks and the same all-or-nothing batch as ``intake(csv:layout:checkOnly:)``.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - checkOnly: Validate only.
    /// - Returns: What was added.
    /// - Throws: ``IntakeRejected`` with every bad record; ``CreditKitError/Code/invalidArgument`` for a file that is
    ///   not JSON of that shape; storage errors.
    @discardableResult
    public func intake(json data: Data, checkOnly: Bool = false) async throws -> IntakeResult {
        let top: Any
        do { top = try JSONSerialization.jsonObject(with: data) } catch {
            throw CreditKitError(.invalidArgument, "the file is not JSON: \(error.localizedDescription)")
        }
        if let key = DuplicateJSONKey.first(in: data) {
            throw CreditKitError(
                .invalidArgument,
                "the file names the key '\(key)' twice in one object; a reader would keep one and drop the other, so "
                    + "nothing is taken in")
        }
        guard let object = top as? [String: Any] else {
            throw CreditKitError(
                .invalidArgument,
                "the file is not a JSON object keyed by layout (\(IntakeLayout.allCases.map(\.chineseName).joined(separator: ", ")))"
            )
        }
        var batches: [(IntakeLayout, [IntakeRow])] = []
        // Each layout in its own order (penalties, other dishonesty information, licences), whatever the file's.
        let order = IntakeLayout.allCases.map(\.chineseName)
        for key in object.keys.sorted(by: {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }) {
            guard let layout = IntakeLayout.allCases.first(where: { $0.chineseName == key }) else {
                throw CreditKitError(
                    .invalidArgument,
                    "'\(key)' is not a layout; the keys are \(IntakeLayout.allCases.map(\.chineseName).joined(separator: ", "))"
                )
            }
            guard let array = object[key] as? [Any] else {
                throw CreditKitError(.invalidArgument, "\(key) is not an array of records")
            }
            var rows: [IntakeRow] = []
            for (i, element) in array.enumerated() {
                let place = "\(key) #\(i + 1)"
                guard let record = element as? [String: Any] else {
                    throw CreditKitError(.invalidArgument, "\(place) is not an object")
                }
                var fields: [String: String] = [:]
                for (name, value) in record {
                    guard layout.columns.contains(name) else {
                        throw CreditKitError(
                            .invalidArgument,
                            "\(place) has the key '\(name)', which \(key) does not have; its keys are "
                                + layout.columns.joined(separator: ","))
                    }
                    guard let text = value as? String else {
                        throw CreditKitError(.invalidArgument, "\(place), \(name): every value is text, in quotes")
                    }
                    fields[name] = text
                }
                rows.append(IntakeRow(place: place, line: i + 1, fields: fields))
            }
            batches.append((layout, rows))
        }
        return try await intake(batches, checkOnly: checkOnly)
    }

    private func intake(_ batches: [(IntakeLayout, [IntakeRow])], checkOnly: Bool) async throws -> IntakeResult {
        let rowCount = batches.reduce(0) { $0 + $1.1.count }
        /// Reads every row against the ledger as it stands: what it holds, whom it has registered.
        @Sendable func read(_ kit: CreditKit) throws -> (IntakeResult, [any LedgerEvent], [IntakeRow]) {
            var reader = try IntakeReader(kit: kit)
            for (layout, rows) in batches {
                for row in rows { reader.read(row, as: layout) }
            }
            guard reader.problems.isEmpty else { throw IntakeRejected(problems: reader.problems, rows: rowCount) }
            let (facts, places) = reader.batch()
            let result = IntakeResult(
                rows: batches.map { ($0.0, $0.1.count) }, entries: [], added: reader.added, alreadyHeld: reader.held,
                registered: reader.registered)
            return (result, facts, places)
        }
        if checkOnly {
            try await ledger.refresh()
            return try read(self).0
        }
        // Read again under the write lock, after taking in what other writers appended: two intakes of one file at
        // once add its records once, the second finding them held.
        let outcome = Mutex<(IntakeResult, [IntakeRow])?>(nil)
        do {
            let entries = try await append(building: { [self] _ in
                let (result, facts, places) = try read(self)
                outcome.withLock { $0 = (result, places) }
                return facts
            })
            guard var (result, _) = outcome.withLock({ $0 }) else {
                throw CreditKitError(.storage, "the intake was not read")
            }
            result.entries = entries
            return result
        } catch let error as CreditKitError {
            // The ledger refused a fact: the row it came from, and nothing written.
            guard let index = error.context["index"].flatMap(Int.init),
                let places = outcome.withLock({ $0?.1 }), places.indices.contains(index)
            else {
                throw error
            }
            let problem = places[index].problem(nil, "the ledger refuses it: \(error.message)")
            throw IntakeRejected(problems: [problem], rows: rowCount)
        }
    }
}

/// Reads rows into facts, collecting every problem.
struct IntakeReader {
    let kit: CreditKit
    let view: CoreView
    /// Today in China, by the ledger's clock: no decision is dated after it.
    let today: LocalDate
    /// The records the ledger holds, by authority and document number.
    var recordsByDocument: [String: [(CreditRecord.ID, CreditRecord)]] = [:]
    /// The licence cases the ledger holds, by authority and document number.
    var licences: [String: LicenceGranted] = [:]
    var problems: [IntakeProblem] = []
    var held: [IntakeProblem] = []
    var added = 0
    var registered: [SubjectID] = []
    /// Enterprises to register, with the row that first named them and the earliest day a row needs them by.
    var newEnterprises: [SubjectID: (enterprise: Enterprise, on: LocalDate, row: IntakeRow)] = [:]
    var facts: [(fact: any LedgerEvent, row: IntakeRow)] = []
    /// The rows of the file so far, by document number, with their authority: a record is known by its authority
    /// and document number, whether or not a row gives the authority's code.
    var seenRecords: [String: [(Authority, String)]] = [:]
    /// The first row of each licensing body and document number in the file.
    var seen: [String: String] = [:]

    init(kit: CreditKit) throws {
        self.kit = kit
        view = kit.view
        today = kit.ledger.clock.now().chinaDate
        for (id, record) in try kit.records() {
            recordsByDocument[record.documentNumber, default: []].append((id, record))
        }
        if view.kindsSeen.contains(LicenceGranted.kind) {
            for state in view.subjects(ofKind: .agency) {
                let facts = try kit.ledger.caseFacts(
                    of: state.subject.id, sector: "core", view: view, asOf: .distantFuture)
                for licence in facts.cases(LicenceCase.self) {
                    if let granted = licence.granted?.facts {
                        licences["\(state.subject.id.rawValue)\u{0}\(licence.id.rawValue)"] = granted
                    }
                }
            }
        }
    }

    /// Whether two authorities are the same: by their codes when both give one, else by name.
    static func same(_ a: Authority, _ b: Authority) -> Bool {
        if let x = a.creditCode, let y = b.creditCode { return x == y }
        return a.name == b.name
    }

    mutating func read(_ row: IntakeRow, as layout: IntakeLayout) {
        do {
            switch layout {
            case .penalty, .dishonesty: try readRecord(row, as: layout)
            case .licence: try readLicence(row)
            }
        } catch {
            problems.append(error)
        }
    }

    /// The subject a row names: a registered body or enterprise under the same name, or an enterprise to register.
    mutating func subject(
        _ row: IntakeRow, name nameColumn: String, category categoryColumn: String, code codeColumn: String,
        day: LocalDate
    ) throws(IntakeProblem) -> SubjectID {
        let category = try row.text(categoryColumn)
        guard category == "法人及非法人组织" else {
            throw row.problem(
                categoryColumn,
                "'\(category)': only 法人及非法人组织 are taken in from a file; an official's record comes through the vault "
                    + "(registerOfficial and enter), so that no ID number sits in a plain file")
        }
        let code = try row.code(codeColumn)
        let name = try row.text(nameColumn)
        let id = SubjectID(code)
        if let state = view.subject(id) {
            let held: String
            switch state.subject {
            case .agency(let a): held = a.name
            case .enterprise(let e): held = e.name
            case .official: throw row.problem(codeColumn, "\(id) is not an organisation")
            }
            guard held == name else {
                throw row.problem(nameColumn, "'\(name)' is not the name \(id) is registered under ('\(held)')")
            }
            return id
        }
        guard code.registrationAuthority != "1" else {
            throw row.problem(
                codeColumn,
                "\(id) ('\(name)') is a government body's code, and no body is registered under it; register the body "
                    + "first (creditkit import subjects.csv)")
        }
        // Only a code the market regulator issued (9: 企业, 个体工商户, 农民专业合作社) is an enterprise to register from a
        // row; a social organisation's or another authority's code is registered first, as a body is.
        guard code.registrationAuthority == "9" else {
            throw row.problem(
                codeColumn,
                "\(id) ('\(name)') is not an enterprise's code (its registration authority is "
                    + "'\(code.registrationAuthority)', not the market regulator's 9) and nothing is registered under it; "
                    + "register it first (creditkit import subjects.csv)")
        }
        if let pending = newEnterprises[id] {
            guard pending.enterprise.name == name else {
                throw row.problem(nameColumn, "'\(name)' is not the name \(pending.row.place) gives \(id)")
            }
            newEnterprises[id]?.on = min(pending.on, day)
        } else {
            newEnterprises[id] = (Enterprise(creditCode: code, name: name, roles: [], isSME: false), day, row)
        }
        return id
    }

    mutating func readRecord(_ row: IntakeRow, as layout: IntakeLayout) throws(IntakeProblem) {
        let penalty = layout == .penalty
        let documentNumber = try row.text(penalty ? "行政处罚决定书文号" : "认定文书号")
        let decided = try row.requiredDate(penalty ? "处罚决定日期" : "认定日期")
        guard decided <= today else {
            throw row.problem(penalty ? "处罚决定日期" : "认定日期", "\(decided) is in the future (today is \(today))")
        }
        let acted = try row.date(Intake.actDateColumn) ?? decided
        guard acted <= decided else {
            throw row.problem(Intake.actDateColumn, "\(acted) is after the decision date \(decided)")
        }
        let authorityName = try row.text(penalty ? "处罚机关" : "认定机关")
        let codeColumn = penalty ? "处罚机关统一社会信用代码" : "认定机关统一社会信用代码"
        let authorityCode = row.optional(codeColumn) == nil ? nil : try row.code(codeColumn)
        let authority = Authority(name: authorityName, creditCode: authorityCode)
        if let code = authorityCode, let held = view.subject(SubjectID(code))?.subject, case .agency(let body) = held,
            body.name != authorityName
        {
            throw row.problem(
                penalty ? "处罚机关" : "认定机关",
                "'\(authorityName)' is not the name \(code) is registered under ('\(body.name)')")
        }
        let subject = try self.subject(
            row, name: penalty ? "行政相对人名称" : "主体名称", category: penalty ? "行政相对人类别" : "主体类别",
            code: penalty ? "行政相对人代码_1(统一社会信用代码)" : "统一社会信用代码", day: decided)
        guard authorityCode.map({ SubjectID($0) != subject }) ?? true else {
            throw row.problem(codeColumn, "the deciding authority is the subject itself")
        }
        let basis: RecordBasis
        let severity: Severity
        var details: PenaltyDetails?
        var amount: Decimal?
        if penalty {
            basis = .administrativePenalty
            let classText = row.optional(Intake.severityColumn) ?? Severity.ordinary.chineseName
            guard let s = Severity.allCases.first(where: { $0.chineseName == classText }) else {
                throw row.problem(Intake.severityColumn, "'\(classText)' is not 轻微, 一般 or 严重")
            }
            severity = s
            var kinds: [PenaltyKind] = []
            for part in try row.text("处罚类别").split(whereSeparator: { "、,，;；".contains($0) }) {
                let name = part.trimmingCharacters(in: .whitespaces)
                guard let kind = PenaltyKind.allCases.first(where: { $0.chineseName == name }) else {
                    throw row.problem(
                        "处罚类别",
                        "'\(name)' is not a kind of penalty of the Administrative Penalty Law art. 9 ("
                            + PenaltyKind.allCases.map(\.chineseName).joined(separator: "、") + ")")
                }
                kinds.append(kind)
            }
            amount = try row.money("罚款金额(万元)", scale: 10_000)
            guard kinds.contains(.fine) == (amount != nil) else {
                throw row.problem(
                    "罚款金额(万元)", kinds.contains(.fine) ? "a fine needs its amount" : "an amount is given but no fine")
            }
            details = PenaltyDetails(
                violation: try row.text("违法行为类型"), kinds: kinds, content: try row.text("处罚内容"),
                confiscated: try row.money("没收违法所得、没收非法财物的金额(万元)", scale: 10_000),
                licence: row.optional("暂扣或吊销证照名称及编号"))
        } else {
            let classText = try row.text("失信信息类别")
            // 失信被执行人（严重）: the basis, then the class in brackets, as the public layout writes it.
            let parts = classText.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
                .split(separator: "(", maxSplits: 1)
            let basisName = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let severityName = parts.count == 2 ? parts[1].trimmingCharacters(in: CharacterSet(charactersIn: ") ")) : ""
            guard
                let b = RecordBasis.allCases.first(where: {
                    $0.chineseName == basisName && $0 != .administrativePenalty
                        && $0.allowedPolarities.contains(.dishonesty)
                })
            else {
                throw row.problem(
                    "失信信息类别",
                    "'\(basisName)' is not a class of other dishonesty information ("
                        + RecordBasis.allCases.filter {
                            $0 != .administrativePenalty && $0.allowedPolarities.contains(.dishonesty)
                        }.map(\.chineseName).joined(separator: "、") + "); a penalty takes the 行政处罚信息 layout")
            }
            guard let s = Severity.allCases.first(where: { $0.chineseName == severityName }) else {
                throw row.problem("失信信息类别", "'\(classText)' does not end in its class: （轻微）, （一般） or （严重）")
            }
            basis = b
            severity = s
            amount = try row.money("涉及金额(元)")
        }
        let record = CreditRecord(
            subject: subject, polarity: .dishonesty, basis: basis, severity: severity, actDate: acted,
            decisionDate: decided, authority: authority, documentNumber: documentNumber,
            legalBasis: [LegalCitation(document: try row.text(penalty ? "处罚依据" : "认定依据"))],
            facts: try row.text(penalty ? "违法事实" : "失信事实"), amount: amount, penalty: details)
        if let first = seenRecords[documentNumber]?.first(where: { Self.same($0.0, authority) }) {
            throw row.problem(
                nil, "document \(documentNumber) of \(authorityName) is given again (first at \(first.1))")
        }
        seenRecords[documentNumber, default: []].append((authority, row.place))
        if let existing = recordsByDocument[documentNumber]?.first(where: { Self.same($0.1.authority, authority) }) {
            let differing = differences(
                record, existing.1, id: existing.0, statesClass: !penalty || row.optional(Intake.severityColumn) != nil,
                statesActDate: row.optional(Intake.actDateColumn) != nil)
            guard differing.isEmpty else {
                throw row.problem(
                    nil,
                    "document \(documentNumber) of \(authorityName) is held already as record \(existing.0) with another "
                        + differing.joined(separator: ", ")
                        + "; a correction goes through an objection (异议), not a second record")
            }
            held.append(row.problem(nil, "held already as record \(existing.0)"))
            return
        }
        facts.append((RecordEntered(record: record), row))
        added += 1
    }

    /// What a row states otherwise than the record held under its document number: only what the layout carries
    /// (a held record's responsible officials, sector or cited articles split apart are not in a row), and the facts
    /// as entered or as corrected on an objection since.
    func differences(
        _ row: CreditRecord, _ held: CreditRecord, id: CreditRecord.ID, statesClass: Bool, statesActDate: Bool
    ) -> [String] {
        var out: [String] = []
        if row.subject != held.subject { out.append("subject (\(held.subject))") }
        if row.basis != held.basis { out.append("class of record (\(held.basis.chineseName))") }
        if statesClass, row.severity != held.severity {
            out.append("dishonesty class (\(held.severity?.chineseName ?? "none"))")
        }
        if row.decisionDate != held.decisionDate { out.append("decision date (\(held.decisionDate))") }
        if statesActDate, row.actDate != held.actDate { out.append("act date (\(held.actDate))") }
        let corrected = view.lifecycle(id).correctedFacts(asOf: .distantFuture)
        if row.facts != held.facts, row.facts != corrected { out.append("facts") }
        if row.amount != held.amount { out.append("amount (\(held.amount.map { "\($0)" } ?? "none"))") }
        let basisText = held.legalBasis.map(\.description).joined(separator: "；")
        if row.legalBasis.map(\.document) != [basisText] { out.append("legal basis (\(basisText))") }
        if let details = held.penalty, let given = row.penalty, details != given { out.append("penalty details") }
        return out
    }

    mutating func readLicence(_ row: IntakeRow) throws(IntakeProblem) {
        let authorityCode = try row.code("许可机关统一社会信用代码")
        let authority = SubjectID(authorityCode)
        guard case .agency(let agency)? = view.subject(authority)?.subject else {
            throw row.problem("许可机关统一社会信用代码", "no government body is registered under \(authority)")
        }
        let authorityName = try row.text("许可机关")
        guard agency.name == authorityName else {
            throw row.problem(
                "许可机关", "'\(authorityName)' is not the name \(authority) is registered under ('\(agency.name)')")
        }
        let decided = try row.requiredDate("许可决定日期")
        guard decided <= today else {
            throw row.problem("许可决定日期", "\(decided) is in the future (today is \(today))")
        }
        if let registered = view.subject(authority)?.registeredOn, decided < registered {
            throw row.problem(
                "许可决定日期", "\(decided) is before \(authorityName) is registered in the ledger (\(registered))")
        }
        let categoryText = try row.text("许可类别")
        guard let category = LicenceCategory.allCases.first(where: { $0.chineseName == categoryText }) else {
            throw row.problem(
                "许可类别",
                "'\(categoryText)' is not one of \(LicenceCategory.allCases.map(\.chineseName).joined(separator: "、"))")
        }
        guard try row.text("行政相对人类别") == "法人及非法人组织" else {
            throw row.problem("行政相对人类别", "only licences of 法人及非法人组织 are kept: the layout does not mask a person")
        }
        // The holder is kept with the licence (its name and code), not registered from it; a holder the ledger
        // knows must bear the name it is registered under.
        let holderCode = try row.code("行政相对人代码_1(统一社会信用代码)")
        let holderName = try row.text("行政相对人名称")
        if let held = view.subject(SubjectID(holderCode))?.subject {
            let registeredName: String? =
                switch held {
                case .agency(let a): a.name
                case .enterprise(let e): e.name
                case .official: nil
                }
            guard registeredName == holderName else {
                throw row.problem(
                    "行政相对人名称",
                    "'\(holderName)' is not the name \(holderCode.rawValue) is registered under ('\(registeredName ?? "")')"
                )
            }
        }
        let untilText = row.optional("有效期至")
        let until = untilText == "长期" ? nil : try row.date("有效期至")
        let granted = LicenceGranted(
            holderName: holderName, holderCode: holderCode,
            documentName: try row.text("行政许可决定文书名称"), category: category,
            certificateName: row.optional("许可证书名称"), certificateNumber: row.optional("许可编号"),
            content: try row.text("许可内容"), validFrom: try row.requiredDate("有效期自"), validUntil: until)
        let number = try row.text("行政许可决定文书号")
        let key = "\(authority.rawValue)\u{0}\(number)"
        if let first = seen[key] {
            throw row.problem(nil, "licence \(number) of \(authorityName) is given again (first at \(first))")
        }
        seen[key] = row.place
        if let existing = licences[key] {
            guard existing == granted else {
                throw row.problem(nil, "licence \(number) of \(authorityName) is held already with other content")
            }
            held.append(row.problem(nil, "held already as licence \(number)"))
            return
        }
        // A licence held already may have changed status since; a new one is taken in only as in force.
        if let status = row.optional("当前状态"), !["正常", "已到期"].contains(status) {
            throw row.problem(
                "当前状态",
                "'\(status)': a licence revoked, cancelled or withdrawn needs the day of that change, which this layout "
                    + "does not carry; take in the licence as 正常 and record the change (LicenceStatusChanged)")
        }
        let licence = LicenceCase.licence(CaseID(rawValue: number), authority: authority)
        facts.append((licence.on(decided, granted), row))
        added += 1
    }

    /// The facts in batch order, each enterprise's registration first, with the row each came from.
    mutating func batch() -> ([any LedgerEvent], [IntakeRow]) {
        var out: [any LedgerEvent] = []
        var rows: [IntakeRow] = []
        for (id, pending) in newEnterprises.sorted(by: { $0.key < $1.key }) {
            out.append(EnterpriseRegistered(enterprise: pending.enterprise, on: pending.on))
            rows.append(pending.row)
            registered.append(id)
        }
        for (fact, row) in facts {
            out.append(fact)
            rows.append(row)
        }
        return (out, rows)
    }
}

/// A JSON object that names a key twice, which JSON parsers read by keeping one value and dropping the other without a
/// word: intake refuses such a file, naming the key, instead of taking in half of it.
enum DuplicateJSONKey {
    /// The first key an object of a valid JSON text names twice, or `nil`.
    static func first(in data: Data) -> String? {
        let bytes = [UInt8](data)
        var stack: [(keys: Set<String>, expectingKey: Bool)?] = []  // nil for an array
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "{"): stack.append((keys: [], expectingKey: true))
            case UInt8(ascii: "["): stack.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if let top = stack.last, let object = top { stack[stack.count - 1] = (object.keys, true) }
            case UInt8(ascii: ":"):
                if let top = stack.last, let object = top { stack[stack.count - 1] = (object.keys, false) }
            case UInt8(ascii: "\""):
                let (text, end) = string(bytes, from: i + 1)
                i = end
                if let top = stack.last, let object = top, object.expectingKey {
                    if object.keys.contains(text) { return text }
                    stack[stack.count - 1] = (object.keys.union([text]), false)
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// A string's text from after its opening quote, and the index of its closing quote.
    private static func string(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var out: [UInt8] = []
        var scalars = String.UnicodeScalarView()
        var i = start
        func flush() {
            scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars)
            out.removeAll()
        }
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            return UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16)
        }
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "u"):
                    flush()
                    var value = hex(i) ?? 0xFFFD
                    i += 4
                    // A surrogate pair is one character.
                    if (0xD800...0xDBFF).contains(value), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u"), let low = hex(i + 2), (0xDC00...0xDFFF).contains(low)
                    {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    continue
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                default: out.append(e)
                }
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        flush()
        return (String(scalars), i)
    }
}
