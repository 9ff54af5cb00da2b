/// CSV text (逗号分隔文件) as spreadsheet programs read Chinese: UTF-8 with a byte-order mark, CRLF line ends,
/// fields quoted when they hold a comma, a quote or a line break.
public enum CSVText {
    /// One field, quoted when needed.
    /// - Parameter text: The value.
    /// - Returns: The field.
    public static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A whole document.
    /// - Parameter rows: The rows, the header first.
    /// - Returns: The text, starting with the byte-order mark.
    public static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
