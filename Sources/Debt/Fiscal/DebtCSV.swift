import CreditKitCore
import Foundation

/// The debt module's CSV layouts (债务数据表格): the figures by region and year as fiscal departments keep them
/// (Chinese headers, amounts in 万元, UTF-8 with or without BOM), and the arrears.
public enum DebtCSV {
    /// The columns of the figures file, in order; every one but 隐性债务 must be in the header.
    public static let figureColumns: [ModuleCSVLayout.Column] = [
        .init("地区代码", "the six-digit administrative division code", required: true),
        .init("地区名称", "the region's name", required: true),
        .init("年度", "the year, four digits", required: true),
        .init("一般债务余额", "general debt balance, 万元", required: true),
        .init("专项债务余额", "special debt balance, 万元", required: true),
        .init("一般债务限额", "general debt limit, 万元", required: true),
        .init("专项债务限额", "special debt limit, 万元", required: true),
        .init("综合财力", "combined fiscal resources, 万元", required: true),
        .init("一般公共预算支出", "general public budget expenditure, 万元", required: true),
        .init("政府性基金预算支出", "government-fund budget expenditure, 万元", required: true),
        .init("一般债务付息支出", "interest paid on general debt, 万元", required: true),
        .init("专项债务付息支出", "interest paid on special debt, 万元", required: true),
        .init("逾期债务", "overdue debt, 万元", required: true),
        .init("隐性债务", "hidden debt, 万元, when known"),
        .init("更正说明", "import only: the reason, when the row corrects a region-year already in the ledger"),
    ]

    /// A figures file read leniently: every row that names a region and a year, with the cells that could not be
    /// read left unknown and named as problems.
    public struct FiguresFile: Sendable {
        /// The rows read, each with its line and, when the row corrects a year already reported, the reason.
        public var rows: [(line: Int, figures: DebtYearFigures, correction: String?)]
        /// The cells and rows that could not be read: a text amount, a negative one, a bad region code or year, a
        /// region-year repeated.
        public var problems: [DebtDataProblem]
    }

    /// Reads a figures file.
    /// - Parameter text: The file's text.
    /// - Returns: The rows and the problems.
    /// - Throws: `CreditKitError` (`invalidCSV`) when the file cannot be read as the layout at all: no header,
    ///   a column missing or unknown, a quote out of place.
    public static func readFigures(_ text: String) throws -> FiguresFile {
        try readFigures(
            CSVTable(text, required: figureColumns.filter(\.required).map(\.name), allowed: figureColumns.map(\.name)))
    }

    /// Reads the rows of a figures table.
    /// - Parameter table: The table, its header checked.
    /// - Returns: The rows and the problems.
    public static func readFigures(_ table: CSVTable) -> FiguresFile {
        var out = FiguresFile(rows: [], problems: [])
        var seen: [String: Int] = [:]
        for row in table.rows {
            let code = row.optional("地区代码") ?? ""
            func problem(_ field: String, _ year: Int?, _ reason: String) {
                out.problems.append(
                    DebtDataProblem(region: code, year: year, line: row.line, field: field, reason: reason))
            }
            let region: RegionCode
            do {
                region = try RegionCode(code)
            } catch {
                let reason = (error as? CreditKitError)?.message ?? "\(error)"
                problem("地区代码", nil, "地区代码无效，本行不评估 (\(reason); the row is not judged)")
                continue
            }
            let yearText = row.optional("年度") ?? ""
            guard yearText.utf8.count == 4, yearText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let year = Int(yearText), LocalDate.supportedYears.contains(year)
            else {
                problem("年度", nil, "'\(yearText)' 不是四位年份，本行不评估 (not a four-digit year; the row is not judged)")
                continue
            }
            let key = "\(region)-\(year)"
            if let first = seen[key] {
                problem("年度", year, "与第\(first)行的地区年度重复，本行不评估 (repeats line \(first); the row is not judged)")
                continue
            }
            seen[key] = row.line
            func amount(_ column: String) -> Decimal? {
                guard let text = row.optional(column) else { return nil }
                guard let value = CSVTable.plainDecimal(text, grouped: true) else {
                    problem(column, year, "'\(text)' 不是金额（万元，如1234.56） (not an amount in 万元 such as 1234.56)")
                    return nil
                }
                return value
            }
            var figures = DebtYearFigures(
                region: region, regionName: row.optional("地区名称"), year: year,
                generalBalance: amount("一般债务余额"), specialBalance: amount("专项债务余额"),
                generalLimit: amount("一般债务限额"), specialLimit: amount("专项债务限额"), fiscalResources: amount("综合财力"),
                generalExpenditure: amount("一般公共预算支出"), fundExpenditure: amount("政府性基金预算支出"),
                generalInterest: amount("一般债务付息支出"), specialInterest: amount("专项债务付息支出"),
                overdue: amount("逾期债务"), hidden: amount("隐性债务"))
            // An amount negative or too large, a name with control characters: named, and left out of the judgement.
            for fault in figures.droppingFaults() { problem(fault.field, year, fault.reason) }
            out.rows.append((row.line, figures, row.optional("更正说明")))
        }
        return out
    }

    /// `debt-figures`: each row a region's year reported by the region's people's government as the ledger knows
    /// it (the government of the highest level with that region code), for the year's last day (or the day of the
    /// import while the year runs). A row for a region-year already in the ledger corrects it when its 更正说明 gives
    /// the reason. A file with any cell that cannot be read, a year not begun, or a region without a government is
    /// refused whole, every such line named.
    public static let figuresLayout = ModuleCSVLayout(
        name: "debt-figures",
        summary: "debt and fiscal figures by region and year (地区代码, 年度, 一般债务余额 … in 万元)",
        columns: figureColumns
    ) { table, kit in
        try figureFacts(table, kit: kit)
    }

    static func figureFacts(_ table: CSVTable, kit: CreditKit) throws -> [any LedgerEvent] {
        let file = readFigures(table)
        var faults = file.problems.map { p in (line: p.line ?? 0, text: "line \(p.line ?? 0) \(p.field): \(p.reason)") }
        let view = kit.view
        let today = kit.ledger.clock.now().chinaDate
        // A region's reporting government: of the governments with its code, the one of the highest level; two of
        // that level make the region ambiguous.
        var governments: [RegionCode: [Agency]] = [:]
        for s in view.subjects(ofKind: .agency) {
            if case .agency(let a) = s.subject, a.kind == .government { governments[a.region, default: []].append(a) }
        }
        var events: [any LedgerEvent] = []
        var reported: [SubjectID: [CaseID: DebtYear]] = [:]
        for (line, figures, correction) in file.rows {
            let candidates = governments[figures.region] ?? []
            guard let top = candidates.map(\.level).min() else {
                faults.append(
                    (
                        line,
                        "line \(line): no people's government of region \(figures.region) is registered (an agency "
                            + "of kind government with that region code)"
                    ))
                continue
            }
            let highest = candidates.filter { $0.level == top }
            guard highest.count == 1 else {
                faults.append(
                    (
                        line,
                        "line \(line): region \(figures.region) has \(highest.count) governments of level \(top): "
                            + highest.map(\.name).joined(separator: ", ")
                    ))
                continue
            }
            let government = highest[0].id
            guard let day = figures.reportDay(on: today) else {
                faults.append((line, "line \(line): the year \(figures.year) has not begun on \(today)"))
                continue
            }
            if reported[government] == nil {
                var own: [CaseID: DebtYear] = [:]
                for y in try kit.ledger.cases(DebtYear.self, view: view, owner: government, asOf: .distantFuture) {
                    own[y.id] = y
                }
                reported[government] = own
            }
            let number = DebtYear.number(figures.region, figures.year)
            switch (reported[government]?[number], correction) {
            case (nil, nil):
                events.append(DebtYear.report(figures, by: government, on: day))
            case (nil, _?):
                faults.append((line, "line \(line): 更正说明 is filled, but \(number) was never reported"))
            case (let held?, nil):
                let entry = held.reported?.evidence.first.map { " (entry #\($0))" } ?? ""
                faults.append(
                    (
                        line,
                        "line \(line): \(number) is reported already\(entry); to correct it, give the reason in 更正说明"
                    ))
            case (let held?, let reason?):
                events.append(
                    CaseRef<DebtYear>(number, owner: government).on(
                        max(day, held.reported?.on ?? day), DebtYearCorrected(figures, reason: reason)))
            }
        }
        if !faults.isEmpty {
            faults.sort { $0.line < $1.line }
            let shown = faults.prefix(20).map(\.text).joined(separator: "; ")
            throw CreditKitError(
                .invalidCSV, shown + (faults.count > 20 ? "; and \(faults.count - 20) more" : ""),
                context: ["line": String(faults[0].line)])
        }
        return events
    }

    /// The columns of the arrears file.
    public static let arrearColumns: [ModuleCSVLayout.Column] = [
        .init("欠款编号", "the arrear's number, unique for the debtor", required: true),
        .init("债务单位", "the debtor agency's unified social credit code", required: true),
        .init("债权企业", "the creditor enterprise's unified social credit code", required: true),
        .init("款项类别", "货物/服务/工程/工资 (goods, services, works, wages)", required: true),
        .init("金额", "the amount owed, in yuan", required: true),
        .init("应付日期", "the due day, YYYY-MM-DD", required: true),
        .init("登记日期", "the day the arrear is recorded, YYYY-MM-DD", required: true),
        .init("项目", "the project (required for wages)"),
        .init("工资月份", "for wages, the month worked as YYYY-MM"),
        .init("交付日期", "the delivery or completion day, from which an SME's payment term runs"),
        .init("约定付款期限", "a payment term the contract agreed, in days"),
    ]

    /// `debt-arrears`: each row an arrear recorded, owed by a registered agency to a registered enterprise.
    public static let arrearsLayout = ModuleCSVLayout(
        name: "debt-arrears",
        summary: "arrears owed by agencies (欠款编号, 债务单位, 债权企业, 款项类别, 金额, 应付日期, 登记日期 …)",
        columns: arrearColumns
    ) { table, _ in
        try table.rows.map { row in
            let kinds: [String: ArrearKind] = [
                "货物": .goods, "服务": .services, "工程": .works, "工资": .wages, "goods": .goods,
                "services": .services, "works": .works, "wages": .wages,
            ]
            let kindText = try row.text("款项类别")
            guard let kind = kinds[kindText] else {
                throw row.error("款项类别", "'\(kindText)' is not 货物, 服务, 工程 or 工资")
            }
            var month: LocalDate?
            if let text = row.optional("工资月份") {
                guard let m = LocalDate(text + "-01") else {
                    throw row.error("工资月份", "'\(text)' is not a month YYYY-MM")
                }
                month = m
            }
            guard let amount = try row.money("金额") else { throw row.error("金额", "is empty; it must be filled") }
            guard let due = try row.date("应付日期"), let recorded = try row.date("登记日期") else {
                throw row.error("应付日期", "the due and record days must be filled")
            }
            return DebtArrear.arrear(CaseID(rawValue: try row.text("欠款编号")), debtor: try row.subject("债务单位")).on(
                recorded,
                ArrearRecorded(
                    creditor: try row.subject("债权企业"), kind, amount: amount, due: due, project: row.optional("项目"),
                    workMonth: month, delivered: try row.date("交付日期"), agreedTermDays: try row.count("约定付款期限")))
        }
    }
}
