import Foundation

/// A CSV file read for import (CSV 表格): a header row naming the columns, then the data rows, each addressed by
/// column name with typed readers whose errors name the line and the column.
///
/// It reads what spreadsheet programs write: UTF-8 with or without a byte-order mark, CRLF or LF line ends, fields
/// in double quotes where they hold a comma, a quote (doubled) or a line break. Blank lines are skipped.
public struct CSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// The row's line in the file (1 is the header).
        public let line: Int
        let fields: [String: String]

        /// The text of a column, trimmed; `nil` when the column is absent or the cell empty.
        /// - Parameter column: The column's name.
        /// - Returns: The text, or `nil`.
        public func optional(_ column: String) -> String? {
            guard let raw = fields[column], let first = raw.utf8.first, let last = raw.utf8.last else { return nil }
            // Most cells have no space at either end: no trimming to do.
            if first != 0x20 && first != 0x09 && first < 0x80 && last != 0x20 && last != 0x09 && last < 0x80 {
                return raw
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }

        /// The text of a column that must be filled.
        /// - Parameter column: The column's name.
        /// - Returns: The text.
        /// - Throws: ``CreditKitError/Code/invalidCSV`` naming the line and column when the cell is empty.
        public func text(_ column: String) throws -> String {
            guard let text = optional(column) else { throw error(column, "is empty; it must be filled") }
            return text
        }

        /// A calendar day, `YYYY-MM-DD`.
        /// - Parameter column: The column's name.
        /// - Returns: The day, or `nil` for an empty cell.
        /// - Throws: ``CreditKitError/Code/invalidCSV`` when the cell is not a real date.
        public func date(_ column: String) throws -> LocalDate? {
            guard let text = optional(column) else { return nil }
            guard let day = LocalDate(text) else { throw error(column, "'\(text)' is not a date YYYY-MM-DD") }
            return day
        }

        /// An amount in yuan, plain decimal text (`1234.50`), not negative.
        /// - Parameter column: The column's name.
        /// - Returns: The amount, or `nil` for an empty cell.
        /// - Throws: ``CreditKitError/Code/invalidCSV`` when the cell is not a plain, non-negative amount.
        public func money(_ column: String) throws -> Decimal? {
            guard let text = optional(column) else { return nil }
            guard let value = CSVTable.plainDecimal(text), value >= 0, text.utf8.first != UInt8(ascii: "-") else {
                throw error(column, "'\(text)' is not an amount such as 1234.50")
            }
            return value
        }

        /// A whole number, not negative.
        /// - Parameter column: The column's name.
        /// - Returns: The number, or `nil` for an empty cell.
        /// - Throws: ``CreditKitError/Code/invalidCSV`` when the cell is not a whole number.
        public func count(_ column: String) throws -> Int? {
            guard let text = optional(column) else { return nil }
            guard let n = Int(text), n >= 0 else { throw error(column, "'\(text)' is not a whole number") }
            return n
        }

        /// Yes or no: `是`/`否`, `yes`/`no`, `true`/`false`, `1`/`0`.
        /// - Parameter column: The column's name.
        /// - Returns: The answer, or `nil` for an empty cell.
        /// - Throws: ``CreditKitError/Code/invalidCSV`` for anything else.
        public func flag(_ column: String) throws -> Bool? {
            guard let text = optional(column)?.lowercased() else { return nil }
            switch text {
            case "是", "yes", "true", "1": return true
            case "否", "no", "false", "0": return false
            default: throw error(column, "'\(text)' is not 是/否 (yes/no)")
            }
        }

        /// An organisation named by its unified social credit code.
        /// - Parameter column: The column's name.
        /// - Returns: The subject identifier.
        /// - Throws: ``CreditKitError/Code/invalidCSV`` naming the line and column when the cell is empty or not a
        ///   valid credit code.
        public func subject(_ column: String) throws -> SubjectID {
            let code = try text(column)
            do {
                return SubjectID(try UnifiedSocialCreditCode(code))
            } catch let failure as CreditKitError {
                throw error(column, failure.message)
            }
        }

        /// An error about a cell of this row.
        /// - Parameters:
        ///   - column: The column.
        ///   - message: What is wrong.
        /// - Returns: The error, naming the line and the column.
        public func error(_ column: String, _ message: String) -> CreditKitError {
            CreditKitError(
                .invalidCSV, "line \(line), column \(column): \(message)",
                context: ["line": String(line), "column": column])
        }
    }

    /// The header's column names, in order.
    public let columns: [String]
    /// The data rows, in order.
    public let rows: [Row]

    /// Reads plain decimal text as spreadsheets write it (`1234.50`, `-3`, `.5`): ASCII digits with at most one
    /// point and an optional leading minus, at most 38 digits; `nil` for anything else (a thousands separator, an
    /// exponent, a currency sign, Chinese numerals).
    /// - Parameter text: The text.
    /// - Returns: The value, or `nil`.
    public static func plainDecimal(_ text: String) -> Decimal? {
        plainDecimal(text, grouped: false)
    }

    /// Reads plain decimal text, optionally with thousands separators as spreadsheets export them
    /// (`1,234,567.89`: groups of three digits, commas only before the point).
    /// - Parameters:
    ///   - text: The text.
    ///   - grouped: Whether commas between groups of three digits are allowed.
    /// - Returns: The value, or `nil`.
    public static func plainDecimal(_ text: String, grouped: Bool) -> Decimal? {
        if grouped, text.utf8.contains(UInt8(ascii: ",")) {
            let integer = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let unsigned = integer.hasPrefix("-") ? integer.dropFirst() : integer
            let groups = unsigned.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            return plainDecimal(text.replacingOccurrences(of: ",", with: ""), grouped: false)
        }
        var significand: UInt64 = 0
        var digits = 0
        var scale = 0
        var point = false
        var negative = false
        var index = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "."):
                guard !point else { return nil }
                point = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                significand = significand &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                if point { scale += 1 }
            default: return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        // Eighteen digits fit a UInt64 exactly; longer text takes Foundation's slower, exact reading, up to the 38
        // digits a Decimal holds (more would be cut silently, so they are not an amount).
        guard digits <= 18 else {
            guard digits <= 38 else { return nil }
            return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        }
        return Decimal(sign: negative ? .minus : .plus, exponent: -scale, significand: Decimal(significand))
    }

    /// Reads a CSV text.
    /// - Parameters:
    ///   - text: The whole file.
    ///   - required: Columns the header must name.
    ///   - allowed: The only columns the header may name, when given (a misspelt column is refused, not ignored).
    /// - Throws: ``CreditKitError/Code/invalidCSV`` for a missing header or required column, a repeated or unknown
    ///   column, a quote out of place, or a row with more fields than the header.
    public init(_ text: String, required: [String] = [], allowed: [String]? = nil) throws {
        var records = try Self.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !records.isEmpty else { throw CreditKitError(.invalidCSV, "the file has no header row") }
        let header = records.removeFirst()
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        columns = names
        guard Set(names).count == names.count else {
            throw CreditKitError(.invalidCSV, "the header names a column twice: \(names.joined(separator: ","))")
        }
        if let allowed {
            let unknown = names.filter { !allowed.contains($0) }
            guard unknown.isEmpty else {
                throw CreditKitError(
                    .invalidCSV,
                    "the header names column(s) the layout does not have: \(unknown.joined(separator: ", ")); "
                        + "its columns are \(allowed.joined(separator: ","))")
            }
        }
        let missing = required.filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw CreditKitError(
                .invalidCSV,
                "the header lacks the column(s) \(missing.joined(separator: ", ")); it has \(names.joined(separator: ","))"
            )
        }
        rows = try records.map { record in
            guard record.fields.count <= header.fields.count else {
                throw CreditKitError(
                    .invalidCSV,
                    "line \(record.line) has \(record.fields.count) fields, the header \(header.fields.count)",
                    context: ["line": String(record.line)])
            }
            var fields: [String: String] = [:]
            for (i, value) in record.fields.enumerated() { fields[names[i]] = value }
            return Row(line: record.line, fields: fields)
        }
    }

    /// Splits the text into records of fields, each with the line it starts on; blank lines are left out.
    static func records(_ text: String) throws -> [(line: Int, fields: [String])] {
        var out: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var chars = Array(text)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                        let next = i + 1 < chars.count ? chars[i + 1] : "\n"
                        guard next == "," || next == "\n" || next == "\r\n" || next == "\r" else {
                            throw CreditKitError(
                                .invalidCSV, "line \(line): text after a closing quote; quote the whole field",
                                context: ["line": String(line)])
                        }
                    }
                } else {
                    // A line break inside a quoted field: LF, CRLF (one Character in Swift) or a lone CR.
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else {
                    throw CreditKitError(
                        .invalidCSV, "line \(line): a quote inside an unquoted field; quote the field and double it",
                        context: ["line": String(line)])
                }
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                    out.append((start, fields))
                }
                fields = []
                field = ""
                line += 1
                start = line
            } else {
                field.append(c)
            }
            i += 1
        }
        guard !quoted else {
            throw CreditKitError(
                .invalidCSV, "a quote opened on line \(start) is never closed", context: ["line": String(start)])
        }
        return out
    }
}
