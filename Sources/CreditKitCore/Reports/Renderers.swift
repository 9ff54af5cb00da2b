import Foundation

/// Writes reports as Markdown, one self-contained HTML file, CSV files or JSON (报告输出).
public enum ReportRenderer {
    /// Markdown: headings, key figures, pipe tables; a chart appears as its table.
    /// - Parameter report: The report.
    /// - Returns: The text.
    public static func markdown(_ report: Report) -> String {
        // Text from the data (a region's name, a project's) never becomes Markdown or HTML of its own: line breaks
        // become spaces, and the characters that start markup are escaped.
        func text(_ s: String) -> String {
            var out = ""
            out.reserveCapacity(s.utf8.count)
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\n", "\r", "\u{2028}", "\u{2029}": out += " "
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\\", "`", "*", "_", "[", "]", "#", "|": out += "\\" + String(scalar)
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        out += " "
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out
        }
        func cell(_ s: String) -> String { text(s) }
        func table(_ t: ReportTable) -> String {
            var out = "**\(cell(t.caption))**\n\n| " + t.headers.map(cell).joined(separator: " | ") + " |\n|"
            out += String(repeating: "---|", count: t.headers.count) + "\n"
            if t.rows.isEmpty {
                out += "| 无记录 None" + String(repeating: " |", count: max(1, t.headers.count)) + "\n"
            }
            for row in t.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            return out
        }
        var out = "# \(text(report.title))\n\n\(text(report.subtitle))\n\n截至 as of \(report.asOf)\n\n"
        for f in report.keyFigures {
            out += "- **\(text(f.label))**: \(text(f.value))\(f.note.isEmpty ? "" : " — \(text(f.note))")\n"
        }
        for section in report.sections {
            out += "\n## \(text(section.title))\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let p): out += text(p) + "\n\n"
                case .table(let t): out += table(t) + "\n"
                case .chart(let c): out += table(c.table) + "\n"
                }
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Control characters have no place in (X)HTML: each becomes the replacement character.
            case _
            where ch.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F }:
                out += "\u{FFFD}"
            default: out.append(ch)
            }
        }
        return out
    }

    static let style = """
        body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
        main { max-width: 1200px; margin: 0 auto; padding: 24px 16px; }
        h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.25em; margin: 32px 0 12px; border-bottom: 2px solid #d9e2ec; padding-bottom: 4px; }
        .sub { color: #52606d; margin: 0 0 16px; }
        .figures { display: flex; flex-wrap: wrap; gap: 12px; }
        .figure { box-sizing: border-box; background: #fff; border-radius: 8px; padding: 12px 16px; min-width: 160px; flex: 1 1 160px; box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
        .figure .v { font-size: 1.6em; font-weight: 600; color: #0b5cad; } .figure .l { color: #52606d; font-size: 0.9em; } .figure .n { color: #7b8794; font-size: 0.8em; }
        .scroll { overflow-x: auto; background: #fff; border-radius: 8px; margin: 8px 0 16px; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92em; } caption { text-align: left; font-weight: 600; padding: 8px; }
        th, td { border-bottom: 1px solid #e4e7eb; padding: 6px 8px; text-align: left; vertical-align: top; } th { background: #f0f4f8; }
        figure { margin: 8px 0; background: #fff; border-radius: 8px; padding: 8px; } figcaption { font-weight: 600; padding: 4px; }
        svg { width: 100%; max-width: 760px; height: auto; display: block; } svg.narrow { display: none; }
        .bars { padding: 4px; } .bar-row { display: grid; grid-template-columns: minmax(7em, 32%) 1fr 7.5em; gap: 4px 10px; align-items: center; padding: 3px 0; }
        .bar-label { color: #334e68; overflow-wrap: anywhere; } .bar-value { color: #102a43; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .bar-track { position: relative; height: 1.3em; background: #eef2f7; border-radius: 4px; } .bar { height: 100%; border-radius: 4px; background: #2f80ed; }
        .bar-track.shared { background: transparent; border-left: 1px solid #9fb3c8; border-radius: 0; }
        .ref { position: absolute; top: -4px; bottom: -4px; border-left: 2px dashed #c0392b; } .refs { color: #c0392b; font-size: 0.9em; padding: 4px; }
        @media (max-width: 600px) { svg.wide { display: none; } svg.narrow { display: block; } main { padding: 12px 8px; } h1 { font-size: 1.3em; } .bar-row { grid-template-columns: 1fr 6.5em; } .bar-label { grid-column: 1 / -1; }
          table.stack thead { display: none; } table.stack tr { display: block; border-bottom: 2px solid #d9e2ec; padding: 4px 0; }
          table.stack td { display: grid; grid-template-columns: 7.5em 1fr; gap: 8px; border: none; padding: 3px 8px; }
          table.stack td::before { content: attr(data-label); color: #52606d; font-size: 0.9em; } }
        """

    /// One self-contained HTML file: no external assets, inline SVG charts each followed by its table, readable on
    /// a wide screen and a phone, every element closed so the file also parses as XML.
    /// - Parameter report: The report.
    /// - Returns: The HTML.
    public static func html(_ report: Report) -> String {
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(report.title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <main>
            <h1>\(escape(report.title))</h1>
            <p class="sub">\(escape(report.subtitle)) · 截至 as of \(report.asOf)</p>
            <div class="figures">

            """
        for f in report.keyFigures {
            out +=
                "<div class=\"figure\"><div class=\"l\">\(escape(f.label))</div><div class=\"v\">\(escape(f.value))</div>"
                + "<div class=\"n\">\(escape(f.note))</div></div>\n"
        }
        out += "</div>\n"
        for section in report.sections {
            out += "<section>\n<h2>\(escape(section.title))</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let p): out += "<p>\(escape(p))</p>\n"
                case .table(let t): out += table(t)
                case .chart(let c): out += chart(c) + table(c.table)
                }
            }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func table(_ t: ReportTable) -> String {
        // A table of four columns or more becomes a stack of cards on a phone, each cell under its header's name, so
        // it reads without sideways scrolling and no column is squeezed to a character a line.
        let stack = t.headers.count >= 4
        var out =
            "<div class=\"scroll\"><table\(stack ? " class=\"stack\"" : "")>\n<caption>\(escape(t.caption))</caption>\n<thead><tr>"
        out += t.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        // An empty table says so, rather than showing headers over nothing.
        if t.rows.isEmpty { out += "<tr><td colspan=\"\(max(1, t.headers.count))\">无记录 None</td></tr>\n" }
        for row in t.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let label = stack && i < t.headers.count ? " data-label=\"\(escape(t.headers[i]))\"" : ""
                out += "<td\(label)>\(escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    static func chart(_ c: ReportChart) -> String {
        let f = ReportFormat.number
        switch c.kind {
        case .bar:
            // Bars in HTML, not a drawing: labels at body size on a desktop and a phone alike, wrapped, never cut;
            // each bar a share of its track (its own maximum when the chart has tracks, the axis maximum otherwise);
            // legal limits as dashed lines across every track, named under the bars.
            var out = "<figure class=\"chart\"><figcaption>\(escape(c.caption))</figcaption>\n<div class=\"bars\">\n"
            for (i, (label, value)) in zip(c.labels, c.values).enumerated() {
                let track = c.tracks.flatMap { $0.indices.contains(i) ? $0[i] : nil } ?? c.maximum
                let share = track > 0 ? max(0, min(value / track, 1)) * 100 : 0
                let colour = c.colours.flatMap { $0.indices.contains(i) ? $0[i] : nil } ?? "#2f80ed"
                let shown = c.tracks == nil ? f(value) : "\(f(value)) / \(f(track))"
                out +=
                    "<div class=\"bar-row\"><div class=\"bar-label\">\(escape(label))</div>"
                    + "<div class=\"bar-track\(c.tracks == nil ? " shared" : "")\">"
                    + "<div class=\"bar\" style=\"width: \(f(share))%; background: \(escape(colour))\"></div>"
                for line in c.references where c.maximum > 0 {
                    out +=
                        "<div class=\"ref\" style=\"left: \(f(max(0, min(line.value / c.maximum, 1)) * 100))%\"></div>"
                }
                out += "</div><div class=\"bar-value\">\(escape(shown))</div></div>\n"
            }
            out += "</div>\n"
            if !c.references.isEmpty {
                out +=
                    "<div class=\"refs\">"
                    + c.references.map { "┆ \(escape($0.label))（\(f($0.value))）" }.joined(separator: "　") + "</div>\n"
            }
            return out + "</figure>\n"
        case .trend:
            // Two drawings, one shown on a desktop and one on a phone, each sized so that its type comes out at about
            // the body's size where it is shown (a drawing scales with its box: one drawing for both would have
            // labels twice the body's size on one and half on the other).
            return "<figure class=\"chart\"><figcaption>\(escape(c.caption))</figcaption>\n"
                + trend(c, width: 760, font: 16, labels: 6, cls: "wide")
                + trend(c, width: 380, font: 14, labels: 4, cls: "narrow") + "</figure>\n"
        }
    }

    /// A trend drawn `width` units wide with type of `font` units: each point carries its value over a white halo (a
    /// line behind it never hides a digit), at most `labels` points labelled (neighbours never touch; the table has
    /// every value); legal limits are dashed lines across the plot, each in its own colour with its label on a row of
    /// its own under the axis, so close lines never share a label.
    static func trend(_ c: ReportChart, width: Double, font: Double, labels: Int, cls: String) -> String {
        let n = max(c.values.count, 1)
        let f = ReportFormat.number
        let left = font * 3.2
        let top = font * 1.4
        let plot = width * 0.3
        let bottom = top + plot
        let first = left + font * 2
        let step = n > 1 ? (width - first - font * 2) / Double(n - 1) : 0
        func y(_ v: Double) -> Double { bottom - max(0, min(v, c.maximum)) / c.maximum * plot }
        let palette = ["#7b8794", "#d69e2e", "#dd6b20", "#c0392b", "#6b46c1"]
        let row = font * 1.6
        let height = bottom + font * 2.2 + row * Double(c.references.count)
        let text = "font-size=\"\(f(font))\""
        var svg =
            "<svg class=\"\(cls)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "style=\"max-width: \(f(width))px\" role=\"img\" aria-label=\"\(escape(c.caption))\">\n"
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(width - 8))\" y2=\"\(f(bottom))\" stroke=\"#9fb3c8\"/>"
            + "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\" stroke=\"#9fb3c8\"/>\n"
        svg +=
            "<text x=\"\(f(left - 6))\" y=\"\(f(top + font / 3))\" text-anchor=\"end\" \(text) fill=\"#52606d\">\(f(c.maximum))</text>"
            + "<text x=\"\(f(left - 6))\" y=\"\(f(bottom + font / 3))\" text-anchor=\"end\" \(text) fill=\"#52606d\">0</text>\n"
        for (i, line) in c.references.enumerated() {
            let colour = palette[i % palette.count]
            let ly = y(line.value)
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(ly))\" x2=\"\(f(width - 8))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>"
            let at = bottom + font * 2.2 + row * Double(i)
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(at + font / 2))\" x2=\"\(f(left + font * 2.5))\" y2=\"\(f(at + font / 2))\" stroke=\"\(colour)\" stroke-width=\"3\" stroke-dasharray=\"8 5\"/>"
            svg +=
                "<text x=\"\(f(left + font * 3))\" y=\"\(f(at + font * 0.85))\" \(text) fill=\"\(colour)\">\(escape(line.label))</text>\n"
        }
        let points = c.values.enumerated().map { i, v in "\(f(first + Double(i) * step)),\(f(y(v)))" }
        svg +=
            "<polyline fill=\"none\" stroke=\"#2f80ed\" stroke-width=\"3\" points=\"\(points.joined(separator: " "))\"/>\n"
        let every = max(1, (n + labels - 1) / labels)
        for (i, (label, value)) in zip(c.labels, c.values).enumerated() {
            let x = first + Double(i) * step
            svg += "<circle cx=\"\(f(x))\" cy=\"\(f(y(value)))\" r=\"\(f(font / 3))\" fill=\"#0b5cad\"/>"
            guard i % every == 0 else { continue }
            svg +=
                "<text x=\"\(f(x))\" y=\"\(f(y(value) - font * 0.6))\" text-anchor=\"middle\" \(text) fill=\"#102a43\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">\(f(value))</text>"
            svg +=
                "<text x=\"\(f(x))\" y=\"\(f(bottom + font * 1.4))\" text-anchor=\"middle\" \(text) fill=\"#52606d\">\(escape(String(label.prefix(10))))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// CSV: one file per table (key figures first), UTF-8 with a byte-order mark so spreadsheet programs read the
    /// Chinese, CRLF line ends.
    /// - Parameter report: The report.
    /// - Returns: File names (the table names with `.csv`) and contents, in order.
    public static func csv(_ report: Report) -> [(name: String, text: String)] {
        var used: [String: Int] = [:]
        return report.tables.map { t in
            used[t.name, default: 0] += 1
            let name = used[t.name]! == 1 ? t.name : "\(t.name)-\(used[t.name]!)"
            return (name + ".csv", CSVText.document([t.headers] + t.rows))
        }
    }

    /// JSON: the report model, keys sorted, indented.
    /// - Parameter report: The report.
    /// - Returns: The text.
    /// - Throws: The encoder's error (a figure that is not a finite number); never an empty object instead.
    public static func json(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
