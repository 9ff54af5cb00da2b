import CreditKitCore
import Foundation
import OpenContracting

/// Writes `creditkit ocds check`'s findings one at a time, as they are made (核查结果输出): a header, a line per
/// finding, and a footer with what needs them all (the counts), so no finding waits in memory for the others.
struct FindingsWriter {
    let format: String
    let asOf: LocalDate
    private var count = 0
    private var byRule: [String: Int] = [:]

    init(format: String, asOf: LocalDate) {
        self.format = format
        self.asOf = asOf
    }

    /// Before the first finding.
    func header() -> String {
        switch format {
        case "csv": CSVText.document([["rule", "ocid", "subject", "name", "date", "dates", "facts"]])
        case "md":
            "# 开放合同数据核查（截至 \(asOf)）\n\n| 规则 | 项目（ocid） | 对象 | 日期 | 相关日期 | 事实 |\n|---|---|---|---|---|---|\n"
        default: #"{"findings":["#
        }
    }

    /// One finding.
    mutating func line(_ f: Finding) -> String {
        count += 1
        byRule[f.rule.rawValue, default: 0] += 1
        let date = OCDSCommand.date(of: f).description
        let ocid = f.fact("ocid") ?? f.fact("project") ?? ""
        let others = f.facts.filter { !["ocid", "name"].contains($0.name) }
        switch format {
        case "csv":
            let facts = others.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
            let dates = f.dates.map { "\($0.name) \($0.date)" }.joined(separator: "; ")
            return CSVText.document([
                [f.rule.rawValue, ocid, f.subject.rawValue, f.fact("name") ?? "", date, dates, facts]
            ])
        case "md":
            // For a reader: the rule's title, the organisation's name, every date, the facts labelled in Chinese.
            // Each finding read with its own module's labels (a name means what its module says).
            let labels = FactLabels.of(f.rule, among: allSectorModules).adding(Self.flagLabels)
            let cell = OCDSCommand.markdownCell
            let who = f.fact("name").map { "\($0) (\(f.subject))" } ?? f.subject.rawValue
            return "| \(cell(f.title.chinese)) `\(f.rule)` | \(cell(ocid)) | \(cell(who)) | \(date) | "
                + cell(f.dates.map { "\(labels.label($0.name)) \($0.date)" }.joined(separator: "，")) + " | "
                + cell(others.map(labels.text).joined(separator: "；")) + " |\n"
        default:
            var w = CanonicalWriter()
            w.openObject()
            w.key("rule")
            w.string(f.rule.rawValue)
            w.key("ocid")
            w.string(ocid)
            w.key("subject")
            w.string(f.subject.rawValue)
            if let name = f.fact("name") {
                w.key("name")
                w.string(name)
            }
            w.key("date")
            w.string(date)
            w.key("facts")
            w.openObject()
            for fact in others {
                w.key(string: fact.name)
                w.string(fact.value)
            }
            for d in f.dates {
                w.key(string: d.name)
                w.string(d.date.description)
            }
            w.closeObject()
            w.closeObject()
            return (count > 1 ? "," : "") + String(decoding: w.bytes, as: UTF8.self)
        }
    }

    /// After the last finding: the counts.
    func footer(_ report: OCDSReader.Report) -> String {
        switch format {
        case "csv": return ""
        case "md":
            return "\n共读取 \(report.releases) 条发布，核查线索 \(count) 条；无法读取的行 \(report.malformed.count) 行，"
                + "数据质量提示 \(report.notes.count) 条（`--notes FILE` 可全部写出）。\n"
        default:
            var w = CanonicalWriter()
            w.openObject()
            w.key("releases")
            w.integer(report.releases)
            w.key("findings")
            w.integer(count)
            w.key("malformedLines")
            w.integer(report.malformed.count)
            w.key("dataQualityNotes")
            w.integer(report.notes.count)
            w.key("byRule")
            w.openObject()
            for (rule, n) in byRule.sorted(by: { $0.key < $1.key }) {
                w.key(string: rule)
                w.integer(n)
            }
            w.closeObject()
            w.closeObject()
            return #"],"summary":"# + String(decoding: w.bytes, as: UTF8.self) + "}\n"
        }
    }

    /// The red flags' facts, in Chinese.
    static let flagLabels = FactLabels(names: ["release": "发布", "indicator": "指标", "value": "值", "group": "对象"])
}

/// Standard output through a buffer of about a megabyte (标准输出缓冲), written as it fills.
final class BufferedOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 20) }

    func write(_ text: String) {
        buffer += text.utf8
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
