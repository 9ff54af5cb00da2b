/// CSV text (逗号分隔文件) as spreadsheet programs read Chinese: UTF-8 with a byte-order mark, CRLF line ends,
/// fields quoted when they hold a comma, a quote or a line break. A field that a spreadsheet would run as a formula
/// (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return, and not a plain number) starts with an
/// apostrophe, so a name or a fact that came from outside cannot run in the reader's spreadsheet.
public enum CSVText {
    /// One field, quoted when needed, a formula made plain text.
    /// - Parameter text: The value.
    /// - Returns: The field.
    public static func field(_ text: String) -> String {
        let safe = isFormula(text) ? "'" + text : text
        return safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    /// Whether a spreadsheet would read a value as a formula: it starts with a formula sign and is not a number such
    /// as `-1.85` or `+5`.
    static func isFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        let rest = text.dropFirst()
        let isNumber =
            (first == "-" || first == "+") && !rest.isEmpty && rest.filter({ $0 == "." }).count <= 1
            && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && rest.first != "." && rest.last != "."
        return !isNumber
    }

    /// A whole document.
    /// - Parameter rows: The rows, the header first.
    /// - Returns: The text, starting with the byte-order mark.
    public static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
