import Bidding
import CreditKitCore
import Foundation
import OpenContracting

/// `creditkit ocds flags`: the red flags alone, read with a Cardinal settings file and printed in Cardinal's shape
/// or as a report.
enum OCDSFlagsCommand {
    static let help = """
        creditkit ocds flags FILE [--settings SETTINGS.ini] [--format cardinal|json|csv|md] [--no-meta]
                                  [--threads N] [--bid-status LOCAL=OCDS ...] [--currency CUR]

        The red flags (bidding.flag.*) over every release of FILE, with the meaning of OCP Cardinal's eleven
        indicators (R003 R018 R024 R025 R028 R030 R035 R036 R038 R048 R058).

          --settings FILE       a Cardinal settings file (INI, as `ocdscardinal init` writes it), read unchanged:
                                only the indicators whose section is present are computed, each with the
                                section's properties; the `prepare` settings that change what an indicator sees
                                ([defaults], [codelists.*], [redactions], [corrections], [modifications]) are
                                applied as each release is read. An unknown section or key is an error naming it.
                                Without it: every indicator with Cardinal's defaults.
          --format FMT          cardinal: the JSON `ocdscardinal indicators` prints ({"OCID": ..., "Buyer": ...,
                                "ProcuringEntity": ..., "Tenderer": ..., "Meta": ...}), to diff with it;
                                json (default): each flag with its Chinese name, group, key, value and date;
                                csv; md (a table in Chinese)
          --no-meta             leave out the quartiles and fences (`Meta`), as Cardinal's --no-meta does
          --threads N           read on N threads (default: every core)
          --bid-status A=B      read bid status A as B, as [codelists.bid_status] does
          --currency CUR        compare bid prices in this currency (default: each process's first)
        """

    static func run(_ file: String, _ arguments: inout ArgumentParser) throws {
        var settings = RedFlagSettings()
        if let path = try arguments.option("--settings") {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CLIError(message: "cannot read the settings file \(path): \(error.localizedDescription)")
            }
            do {
                settings = try RedFlagSettings(cardinalINI: text)
            } catch let error as CardinalSettingsError {
                throw CLIError(message: "\(path): \(error)")
            }
            if settings.enabled.isEmpty {
                FileHandle.standardError.write(
                    Data(
                        "note: \(path) has no indicator section ([R003] ... [R058]): as in Cardinal, nothing is computed\n"
                            .utf8))
            }
        }
        while let pair = try arguments.option("--bid-status") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CLIError(message: "--bid-status takes LOCAL=OCDS, not '\(pair)'")
            }
            settings.bidStatuses[parts[0]] = parts[1]
        }
        if let currency = try arguments.option("--currency") { settings.currency = currency }
        let format = try arguments.option("--format") ?? "json"
        let noMeta = arguments.flag("--no-meta")
        let threads = try threadCount(&arguments)
        try arguments.finish()
        guard ["cardinal", "json", "csv", "md"].contains(format) else {
            throw CLIError(message: "--format takes cardinal, json, csv or md")
        }
        var (scan, report): (RedFlagScan, OCDSReader.Report)
        do {
            (scan, report) = try RedFlagScan.scan(path: file, settings: settings, threads: threads)
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
        let flags = scan.finish()
        for (line, message) in report.malformed {
            FileHandle.standardError.write(Data("line \(line): \(message)\n".utf8))
        }
        if !report.notes.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "note: \(report.notes.count) data-quality notes (`creditkit ocds check --notes FILE` lists them)\n"
                        .utf8))
        }
        print(render(flags, meta: noMeta ? nil : scan.meta, releases: report.releases, format: format))
    }

    /// `--threads N`, 1 or more; every core by default.
    static func threadCount(_ arguments: inout ArgumentParser) throws -> Int {
        guard let text = try arguments.option("--threads") else { return ProcessInfo.processInfo.activeProcessorCount }
        guard let n = Int(text), (1...256).contains(n) else {
            throw CLIError(message: "--threads takes a whole number from 1 to 256, not '\(text)'")
        }
        return n
    }

    static func render(
        _ flags: [RedFlag], meta: [RedFlagCode: [String: Double]]?, releases: Int, format: String
    ) -> String {
        func value(_ v: Double) -> String { v.isFinite ? v.description : "" }
        switch format {
        case "cardinal":
            return CardinalOutput.json(flags, meta: meta)
        case "csv":
            return CSVText.document(
                [["indicator", "rule", "flag", "group", "key", "name", "value", "date"]]
                    + flags.map { f in
                        [
                            f.code.rawValue, f.code.rule.rawValue, f.code.name.chinese, f.group.rawValue, f.key,
                            f.name ?? "", value(f.value), f.date?.description ?? "",
                        ]
                    }
            ).trimmingCharacters(in: .newlines)
        case "md":
            let cell = OCDSCommand.markdownCell
            let flags = flags.sorted { ($0.code, $0.group, $0.key) < ($1.code, $1.group, $1.key) }
            var out = "# 招投标风险信号\n\n共读取 \(releases) 条发布，风险信号 \(flags.count) 条。\n\n"
            let counts = Dictionary(grouping: flags, by: \.code).mapValues(\.count)
            out += "| 指标 | 名称 | 条数 |\n|---|---|---:|\n"
            for code in RedFlagCode.allCases where counts[code] != nil {
                out += "| \(code.rawValue) | \(code.name.chinese) | \(counts[code]!) |\n"
            }
            out += "\n| 指标 | 名称 | 对象 | 标识 | 名称（数据所载） | 值 | 最近发布日 |\n|---|---|---|---|---|---:|---|\n"
            for f in flags {
                out +=
                    "| \(f.code.rawValue) | \(f.code.name.chinese) | \(f.group.chinese) | \(cell(f.key)) | "
                    + "\(cell(f.name ?? "")) | \(value(f.value)) | \(f.date?.description ?? "") |\n"
            }
            return out
        default:
            var w = CanonicalWriter()
            w.openObject()
            w.key("flags")
            w.openArray()
            for f in flags {
                w.element()
                w.openObject()
                w.key("indicator")
                w.string(f.code.rawValue)
                w.key("rule")
                w.string(f.code.rule.rawValue)
                w.key("flag")
                w.string(f.code.name.chinese)
                w.key("group")
                w.string(f.group.rawValue)
                w.key("key")
                w.string(f.key)
                if let name = f.name {
                    w.key("name")
                    w.string(name)
                }
                w.key("value")
                w.double(f.value)
                if let date = f.date {
                    w.key("date")
                    w.date(date)
                }
                w.closeObject()
            }
            w.closeArray()
            w.key("summary")
            w.openObject()
            w.key("releases")
            w.integer(releases)
            w.key("flags")
            w.integer(flags.count)
            w.key("byIndicator")
            w.openObject()
            let counts = Dictionary(grouping: flags, by: \.code).mapValues(\.count)
            for code in RedFlagCode.allCases where counts[code] != nil {
                w.key(string: code.rawValue)
                w.integer(counts[code]!)
            }
            w.closeObject()
            w.closeObject()
            if let meta {
                w.key("meta")
                w.openObject()
                for (code, figures) in meta.sorted(by: { $0.key < $1.key }) {
                    w.key(string: code.rawValue)
                    w.openObject()
                    for (name, v) in figures.sorted(by: { $0.key < $1.key }) {
                        w.key(string: name)
                        w.double(v)
                    }
                    w.closeObject()
                }
                w.closeObject()
            }
            w.closeObject()
            return String(decoding: w.bytes, as: UTF8.self)
        }
    }
}
