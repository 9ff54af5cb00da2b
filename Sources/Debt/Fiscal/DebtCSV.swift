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
    ]

    /// A figures file read leniently: every row that names a region and a year, with the cells that could not be
    /// read left unknown and named as problems.
    public struct FiguresFile: Sendable {
        /// The rows read, each with its line.
        public var rows: [(line: Int, figures: DebtYearFigures)]
        /// The cells and rows that could not be read: a text amount, a negative one, a bad region code or year, a
        /// region-year repeated.
        public var problems: [DebtDataProblem]
    }

    /// Reads a figures file.
    /// - Parameter text: The file's text.
    /// - Returns: The rows and the problems.
    /// - Throws: ``CreditKitError/Code/invalidCSV`` when the file cannot be read as the layout at all: no header,
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
                problem("地区代码", nil, reason + "; the row is not judged")
                continue
            }
            guard let yearText = row.optional("年度"), let year = Int(yearText),
                LocalDate.supportedYears.contains(year)
            else {
                problem("年度", nil, "'\(row.optional("年度") ?? "")' is not a year; the row is not judged")
                continue
            }
            let key = "\(region)-\(year)"
            if let first = seen[key] {
                problem("年度", year, "region \(region)'s \(year) repeats line \(first); the row is not judged")
                continue
            }
            seen[key] = row.line
            func amount(_ column: String) -> Decimal? {
                guard let text = row.optional(column) else { return nil }
                guard let value = CSVTable.plainDecimal(text) else {
                    problem(column, year, "'\(text)' is not an amount in 万元 such as 1234.56")
                    return nil
                }
                guard value >= 0 else {
                    problem(column, year, "'\(text)' is negative")
                    return nil
                }
                return value
            }
            let figures = DebtYearFigures(
                region: region, regionName: row.optional("地区名称"), year: year,
                generalBalance: amount("一般债务余额"), specialBalance: amount("专项债务余额"),
                generalLimit: amount("一般债务限额"), specialLimit: amount("专项债务限额"), fiscalResources: amount("综合财力"),
                generalExpenditure: amount("一般公共预算支出"), fundExpenditure: amount("政府性基金预算支出"),
                generalInterest: amount("一般债务付息支出"), specialInterest: amount("专项债务付息支出"),
                overdue: amount("逾期债务"), hidden: amount("隐性债务"))
            out.rows.append((row.line, figures))
        }
        return out
    }

    /// `debt-figures`: each row a region's year reported, by the region's people's government as the ledger knows
    /// it (the agency of kind government with that region code), on the day of the import. A file with any cell
    /// that cannot be read is refused whole, its lines named.
    public static let figuresLayout = ModuleCSVLayout(
        name: "debt-figures",
        summary: "debt and fiscal figures by region and year (地区代码, 年度, 一般债务余额 … in 万元)",
        columns: figureColumns
    ) { table, kit in
        try figureFacts(table, kit: kit)
    }

    static func figureFacts(_ table: CSVTable, kit: CreditKit) throws -> [any LedgerEvent] {
        let file = readFigures(table)
        if !file.problems.isEmpty {
            let lines = file.problems.map { p in "line \(p.line ?? 0) \(p.field): \(p.reason)" }
            throw CreditKitError(
                .invalidCSV, lines.joined(separator: "; "), context: ["line": String(file.problems[0].line ?? 0)])
        }
        let view = kit.view
        let day = kit.ledger.clock.now().chinaDate
        var governments: [RegionCode: SubjectID] = [:]
        for s in view.subjects(ofKind: .agency) {
            if case .agency(let a) = s.subject, a.kind == .government, governments[a.region] == nil {
                governments[a.region] = a.id
            }
        }
        return try file.rows.map { line, figures in
            guard let government = governments[figures.region] else {
                throw CreditKitError(
                    .invalidCSV,
                    "line \(line): no people's government of region \(figures.region) is registered; register it "
                        + "(an agency of kind government with that region code) first",
                    context: ["line": String(line)])
            }
            return DebtYear.report(figures, by: government, on: day)
        }
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
