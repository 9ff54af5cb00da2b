import Foundation

/// A report (报告): a title, the day it speaks of, key figures, and sections of paragraphs, tables and charts.
///
/// Every chart carries its figures as a table, and every renderer writes that table too, so nothing is shown only
/// as a picture. Reports hold no time of generation: the same inputs give the same bytes.
public struct Report: Hashable, Sendable, Codable {
    /// The title.
    public var title: String
    /// A subtitle.
    public var subtitle: String
    /// The day the report speaks of.
    public var asOf: LocalDate
    /// The key figures shown first.
    public var keyFigures: [KeyFigure]
    /// The sections.
    public var sections: [ReportSection]

    /// Makes a report.
    /// - Parameters:
    ///   - title: The title.
    ///   - subtitle: A subtitle.
    ///   - asOf: The day.
    ///   - keyFigures: The key figures.
    ///   - sections: The sections.
    public init(title: String, subtitle: String, asOf: LocalDate, keyFigures: [KeyFigure], sections: [ReportSection]) {
        self.title = title
        self.subtitle = subtitle
        self.asOf = asOf
        self.keyFigures = keyFigures
        self.sections = sections
    }

    /// Every table of the report, charts' tables included, in order.
    public var tables: [ReportTable] {
        [
            ReportTable(
                name: "key-figures", caption: "关键指标 Key figures", headers: ["指标 Figure", "数值 Value", "说明 Note"],
                rows: keyFigures.map { [$0.label, $0.value, $0.note] })
        ]
            + sections.flatMap { section in
                section.blocks.compactMap { block -> ReportTable? in
                    switch block {
                    case .table(let t): t
                    case .chart(let c): c.table
                    case .paragraph: nil
                    }
                }
            }
    }
}

/// A key figure (关键指标).
public struct KeyFigure: Hashable, Sendable, Codable {
    /// What it is.
    public var label: String
    /// Its value, formatted.
    public var value: String
    /// How it was reached.
    public var note: String

    /// Makes a key figure.
    /// - Parameters:
    ///   - label: What it is.
    ///   - value: Its value.
    ///   - note: How it was reached.
    public init(_ label: String, _ value: String, note: String = "") {
        self.label = label
        self.value = value
        self.note = note
    }
}

/// A section (章节).
public struct ReportSection: Hashable, Sendable, Codable {
    /// The heading.
    public var title: String
    /// The content.
    public var blocks: [ReportBlock]

    /// Makes a section.
    /// - Parameters:
    ///   - title: The heading.
    ///   - blocks: The content.
    public init(title: String, blocks: [ReportBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum ReportBlock: Hashable, Sendable, Codable {
    /// A paragraph.
    case paragraph(String)
    /// A table.
    case table(ReportTable)
    /// A chart with its table.
    case chart(ReportChart)
}

/// A table (表格).
public struct ReportTable: Hashable, Sendable, Codable {
    /// A file-name stem for CSV, lower case with hyphens.
    public var name: String
    /// The caption.
    public var caption: String
    /// The column headers.
    public var headers: [String]
    /// The rows, one value per header.
    public var rows: [[String]]

    /// Makes a table.
    /// - Parameters:
    ///   - name: A file-name stem.
    ///   - caption: The caption.
    ///   - headers: The headers.
    ///   - rows: The rows.
    public init(name: String, caption: String, headers: [String], rows: [[String]]) {
        self.name = name
        self.caption = caption
        self.headers = headers
        self.rows = rows
    }
}

/// A chart (图表): bars or a trend line, with the same figures as a table.
public struct ReportChart: Hashable, Sendable, Codable {
    /// Bars or a line.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Horizontal bars.
        case bar
        /// A trend line over time.
        case trend
    }

    /// Bars or a line.
    public var kind: Kind
    /// The caption.
    public var caption: String
    /// The labels, one per value.
    public var labels: [String]
    /// The values.
    public var values: [Double]
    /// The largest value the axis shows (for bars, the weight or 100).
    public var maximum: Double
    /// The same figures as a table.
    public var table: ReportTable
    /// Lines drawn across the chart at legal limits (a 10% cap, a 7% warning line), each with its label; stated
    /// under the table too, so the limits are read the same in every format.
    public var references: [Reference] = []
    /// For bars each measured against a maximum of its own (an indicator's points out of its weight): those maxima,
    /// one per value. Each bar is then drawn as a share of its own full track and labelled `points / maximum`, so a
    /// full 16.67 never looks bigger than a poor 3.75 of 29.17. `nil` when every bar shares ``maximum``.
    public var tracks: [Double]?
    /// A colour per bar (CSS hex, `#c0392b`), when the bars stand for levels with colours of their own (红色、橙色、黄色预警);
    /// `nil` for the house blue.
    public var colours: [String]?

    /// A line across a chart at a value (参考线).
    public struct Reference: Hashable, Sendable, Codable {
        /// What the line marks, for example `10% 上限 cap`.
        public var label: String
        /// Where it is drawn.
        public var value: Double

        /// Makes a line.
        /// - Parameters:
        ///   - label: What it marks.
        ///   - value: Where.
        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// Makes a chart and its table.
    /// - Parameters:
    ///   - kind: Bars or a line.
    ///   - name: The table's file-name stem.
    ///   - caption: The caption.
    ///   - labelHeader: The label column's header.
    ///   - valueHeader: The value column's header.
    ///   - points: The labels and values.
    ///   - maximum: The axis maximum; the largest value (or reference line) by default.
    ///   - references: Lines at legal limits.
    public init(
        kind: Kind, name: String, caption: String, labelHeader: String, valueHeader: String,
        points: [(String, Double)], maximum: Double? = nil, references: [Reference] = []
    ) {
        self.kind = kind
        self.caption = caption
        self.labels = points.map(\.0)
        self.values = points.map(\.1)
        self.maximum = max(maximum ?? ((points.map(\.1) + references.map(\.value)).max() ?? 1), 1)
        self.references = references
        self.table = ReportTable(
            name: name, caption: caption, headers: [labelHeader, valueHeader],
            rows: points.map { [$0.0, ReportFormat.number($0.1)] }
                + references.map { ["参考线 line: \($0.label)", ReportFormat.number($0.value)] })
    }
    /// The chart with each bar measured against a maximum of its own, its table saying `points / maximum`.
    /// - Parameter tracks: The maxima, one per value.
    /// - Returns: The chart.
    public func measured(against tracks: [Double]) -> ReportChart {
        var copy = self
        copy.tracks = tracks
        copy.maximum = max(tracks.max() ?? 1, 1)
        if copy.table.headers.count == 2 { copy.table.headers.append("满分 Out of") }
        for (i, track) in tracks.enumerated() where i < copy.table.rows.count && copy.table.rows[i].count == 2 {
            copy.table.rows[i].append(ReportFormat.number(track))
        }
        return copy
    }

    /// The chart with a colour per bar.
    /// - Parameter colours: CSS hex colours, one per value.
    /// - Returns: The chart.
    public func coloured(_ colours: [String]) -> ReportChart {
        var copy = self
        copy.colours = colours
        return copy
    }

}

/// Number formatting shared by the renderers: at most two decimals, no trailing zeros.
public enum ReportFormat {
    /// Formats a number.
    /// - Parameter value: The number.
    /// - Returns: Its text.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
