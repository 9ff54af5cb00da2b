import Bidding
import CreditKitCore
import Foundation
import OpenContracting

/// `creditkit ocds flags`: the red flags alone, read with a Cardinal settings file and printed in Cardinal's shape
/// or as a report; `creditkit ocds settings`: a settings file to start from.
enum OCDSFlagsCommand {
    static let help = """
        creditkit ocds flags FILE [--settings SETTINGS.ini] [--format cardinal|json|csv|md] [--no-meta] [--count]
                                  [--threads N] [--bid-status LOCAL=OCDS ...] [--currency CUR]
        creditkit ocds settings   print a settings file with every section and key, at Cardinal's defaults

        The red flags (bidding.flag.*) over every release of FILE, with the meaning of OCP Cardinal's eleven
        indicators (R003 R018 R024 R025 R028 R030 R035 R036 R038 R048 R058).

          --settings FILE, -s   a Cardinal settings file (INI, as `ocdscardinal init` writes it), read unchanged:
                                only the indicators whose section is present are computed, each with the
                                section's properties; the `prepare` settings that change what an indicator sees
                                ([defaults], [codelists.*], [redactions], [corrections], [modifications]) are
                                applied as each release is read. An unknown section or key is an error naming it.
                                Without it: every indicator with Cardinal's defaults. `ocds check --settings`
                                reads the same file for the red flags among its findings.
          --format FMT          cardinal: the JSON `ocdscardinal indicators` prints ({"OCID": ..., "Buyer": ...,
                                "ProcuringEntity": ..., "Tenderer": ..., "Meta": ...}), to diff with it;
                                json (default): each flag with its Chinese name, group, key, value and date;
                                csv; md (a report in Chinese, with the quartiles and fences used)
          --no-meta             leave out the quartiles and fences (`Meta`), as Cardinal's --no-meta does
          --count               print the number of results per group on stderr, as Cardinal's --count does
          --threads N           read on N threads (default: every core)
          --bid-status A=B      read bid status A as B; given after the settings file, it adds to its
                                [codelists.bid_status] and wins over the same status there
          --currency CUR        compare bid prices in this currency (default: each process's first); wins over
                                the settings file's `currency`
        Bid and award statuses outside the OCDS codelists, and bids left out for another currency, are counted
        on stderr: no flag reads them. A file of which no line reads is an error.
        """

    static func run(_ file: String, _ arguments: inout ArgumentParser) throws {
        var settings = try settingsOption(&arguments) ?? RedFlagSettings()
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
        let count = arguments.flag("--count")
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
        // Nothing read from a file that has lines is no answer: an empty result would read as "no flag".
        if report.releases == 0, !report.malformed.isEmpty {
            throw CLIError(message: "no line of \(file) could be read as a release: nothing was computed")
        }
        for note in notes(scan, report: report) { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        if count {
            for group in RedFlagGroup.allCases {
                let n = Set(flags.filter { $0.group == group }.map(\.key)).count
                if n > 0 { FileHandle.standardError.write(Data("\(group.rawValue): \(n)\n".utf8)) }
            }
        }
        print(
            render(flags, meta: noMeta ? nil : scan.meta, releases: report.releases, format: format),
            terminator: format == "csv" ? "" : "\n")
    }

    /// `--settings FILE` (or `-s FILE`), read as a Cardinal settings file; `nil` when not given.
    static func settingsOption(_ arguments: inout ArgumentParser) throws -> RedFlagSettings? {
        guard let path = try arguments.option("--settings") ?? arguments.option("-s") else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIError(message: "cannot read the settings file \(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CLIError(message: "the settings file \(path) is not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(message: "cannot read the settings file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(message: "the settings file \(path) is not UTF-8 text")
        }
        let settings: RedFlagSettings
        do {
            // A byte-order mark before the first section is not part of it.
            settings = try RedFlagSettings(cardinalINI: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch let error as CardinalSettingsError {
            throw CLIError(message: "\(path): \(error)")
        }
        if settings.enabled.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "note: \(path) has no indicator section ([R003] ... [R058]): as in Cardinal, no flag is computed\n"
                        .utf8))
        }
        return settings
    }

    /// What the data did that the flags could not read: statuses outside the codelists, other currencies, notes.
    static func notes(_ scan: RedFlagScan, report: OCDSReader.Report) -> [String] {
        var out: [String] = []
        let unknown = scan.unknownStatuses.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        for kind in ["bid", "award"] {
            let these = unknown.filter { $0.key.hasPrefix(kind + " ") }
            guard !these.isEmpty else { continue }
            let total = these.reduce(0) { $0 + $1.value }
            let list = these.prefix(5).map { "\($0.key.dropFirst(kind.count + 1)) \($0.value)" }.joined(separator: ", ")
            out.append(
                "\(total) \(kind)s have a status outside the OCDS codelist (\(list)\(these.count > 5 ? ", ..." : "")), "
                    + "which no flag reads: map them with [codelists.\(kind)_status] in --settings"
                    + (kind == "bid" ? " or --bid-status" : ""))
        }
        if scan.mismatchedCurrencies > 0 {
            out.append(
                "\(scan.mismatchedCurrencies) priced bids were left out of price comparisons for being in another "
                    + "currency than the one compared (--currency, or each process's first)")
        }
        if !report.notes.isEmpty {
            out.append("\(report.notes.count) data-quality notes (`creditkit ocds check --notes FILE` lists them)")
        }
        return out
    }

    /// `--threads N`, 1 or more; every core by default.
    static func threadCount(_ arguments: inout ArgumentParser) throws -> Int {
        guard let text = try arguments.option("--threads") else { return ProcessInfo.processInfo.activeProcessorCount }
        guard let n = Int(text), (1...256).contains(n) else {
            throw CLIError(message: "--threads takes a whole number from 1 to 256, not '\(text)'")
        }
        return n
    }

    /// What a flag's value is, in Chinese, for the report's readers.
    static func meaning(_ code: RedFlagCode) -> String {
        switch code {
        case .priceCloseToWinner, .heavilyDiscountedBid: "（次低有效报价 − 中标报价）÷ 中标报价"
        case .excessiveUnsuccessfulBids: "中标项目数 ÷ 有效投标项目数"
        case .allButWinnerDisqualified: "被否决的其他投标人数"
        case .excessiveDisqualifications: "被否决投标数 ÷ 提交投标数"
        case .heterogeneousSupplier: "中标品目的一级分类数"
        default: "1 表示出现该信号"
        }
    }

    /// A value for a reader: at most four decimal places.
    static func shown(_ v: Double) -> String {
        guard v.isFinite else { return "" }
        let rounded = (v * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Whether a flag is a process flag's companion mark on one of its tenderers (value 0 or 1), not a flag of the
    /// organisation's own.
    static func isMark(_ f: RedFlag) -> Bool { !f.code.groups.contains(f.group) }

    static func render(
        _ flags: [RedFlag], meta: [RedFlagCode: [String: Double]]?, releases: Int, format: String
    ) -> String {
        func value(_ v: Double) -> String { v.isFinite ? v.description : "" }
        switch format {
        case "cardinal":
            return CardinalOutput.json(flags, meta: meta)
        case "csv":
            // Each row ends as CSV rows end (CR LF), the last too: the caller prints no newline of its own.
            return CSVText.document(
                [["indicator", "rule", "flag", "group", "group_name", "mark", "key", "name", "value", "date"]]
                    + flags.map { f in
                        [
                            f.code.rawValue, f.code.rule.rawValue, f.code.name.chinese, f.group.rawValue,
                            f.group.chinese, isMark(f) ? "1" : "0", f.key, f.name ?? "", value(f.value),
                            f.date?.description ?? "",
                        ]
                    })
        case "md":
            return markdown(flags, meta: meta, releases: releases)
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
                w.key("mark")
                w.bool(isMark(f))
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
            w.key("byIndicator")
            w.openObject()
            // Counted per group, as Cardinal counts: a process and the tenderers it marks are not added together.
            let byCode = Dictionary(grouping: flags, by: \.code)
            for code in RedFlagCode.allCases {
                guard let these = byCode[code] else { continue }
                w.key(string: code.rawValue)
                w.openObject()
                for group in RedFlagGroup.allCases {
                    let n = these.filter { $0.group == group }.count
                    if n > 0 {
                        w.key(string: group.rawValue)
                        w.integer(n)
                    }
                }
                w.closeObject()
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

    /// The report in Chinese: counts by flag and group, what each value means, the fences used, then every flag.
    static func markdown(_ flags: [RedFlag], meta: [RedFlagCode: [String: Double]]?, releases: Int) -> String {
        let cell = OCDSCommand.markdownCell
        let flags = flags.sorted { ($0.code, $0.group, $0.key) < ($1.code, $1.group, $1.key) }
        let own = flags.filter { !isMark($0) }
        var out = "# 招投标风险信号\n\n共读取 \(releases) 条发布；风险信号 \(own.count) 条"
        out += "（另有 \(flags.count - own.count) 条对相关投标人的伴随标记）。\n\n"
        out += "| 指标 | 名称 | 采购项目 | 采购人 | 采购组织单位 | 投标人 | 伴随标记（投标人） | 值的含义 |\n"
        out += "|---|---|---:|---:|---:|---:|---:|---|\n"
        for code in RedFlagCode.allCases {
            let these = flags.filter { $0.code == code }
            guard !these.isEmpty else { continue }
            func n(_ group: RedFlagGroup) -> Int { these.filter { $0.group == group && !isMark($0) }.count }
            out +=
                "| \(code.rawValue) | \(code.name.chinese) | \(n(.process)) | \(n(.buyer)) | \(n(.procuringEntity)) | "
                + "\(n(.tenderer)) | \(these.filter(isMark).count) | \(meaning(code)) |\n"
        }
        out += "\n伴随标记：一个采购项目出现 R024、R028、R030、R035 或 R058 信号时，对其中的投标人（中标人、次低报价人等）"
        out += "所作的标记，值为 0 或 1，不是对该投标人本身的判断。\n"
        if let meta, !meta.isEmpty {
            out += "\n## 判断界限（四分位数与围栏值）\n\n| 指标 | 项 | 值 |\n|---|---|---:|\n"
            for (code, figures) in meta.sorted(by: { $0.key < $1.key }) {
                for (name, v) in figures.sorted(by: { $0.key < $1.key }) {
                    out += "| \(code.rawValue) | \(name) | \(v.isFinite ? shown(v) : "无（无可比数据）") |\n"
                }
            }
        }
        out += "\n## 明细\n\n| 指标 | 名称 | 对象 | 标识 | 对象名称（数据所载；项目为采购人） | 值 | 最近发布日 |\n"
        out += "|---|---|---|---|---|---:|---|\n"
        for f in flags {
            let what = isMark(f) ? "\(f.group.chinese)（伴随标记）" : f.group.chinese
            out +=
                "| \(f.code.rawValue) | \(f.code.name.chinese) | \(what) | \(cell(f.key)) | "
                + "\(cell(f.name ?? "")) | \(shown(f.value)) | \(f.date?.description ?? "") |\n"
        }
        return out
    }

    /// A settings file with every section and key at Cardinal's defaults, commented out where a default holds.
    static let template = """
        ; Settings for `creditkit ocds flags --settings FILE` and `creditkit ocds check --settings FILE`, in OCP
        ; Cardinal's format: the same file works with `ocdscardinal indicators`. A line starting with ; is a comment.
        ; Only the indicators whose section is present are computed; delete a section to leave its flag out.

        ; Top level: the currency prices are compared in (default: each process's first), and the values of
        ; tender/procurementMethodDetails whose awards do not compare prices (a | between values), or the only ones
        ; that do.
        ; currency = CNY
        ; no_price_comparison_procurement_methods = 竞争性磋商
        ; price_comparison_procurement_methods = 公开招标|邀请招标

        [defaults]
        ; What a release lacks: a bid's currency and status, an award's status.
        ; currency = CNY
        ; bid_status = valid
        ; award_status = active

        [codelists.bid_status]
        ; A local bid status and the OCDS one it means.
        ; qualified = valid

        [codelists.award_status]
        ; Active = active

        [redactions]
        ; Amounts and organisation ids that stand for withheld data (a | between values).
        ; amount = 0
        ; organization_id = placeholder

        [corrections]
        ; award_status_by_contract_status = true

        [modifications]
        ; prefix_buyer_or_procuring_entity_id = CN-
        ; prefix_tenderer_or_supplier_id = CN-
        ; split_procurement_method_details = -

        [exclusions]
        ; Values of tender/procurementMethodDetails left out of every flag.
        ; procurement_method_details = 单一来源

        [R003]
        ; The shortest submission period in whole days, not flagged; only some procurementMethods, if given.
        ; threshold = 15
        ; procurement_methods = open|selective|limited

        [R003.procurement_method_details]
        ; A period of its own per procurementMethodDetails.
        ; 公开招标 = 20

        [R018]
        ; procurement_methods = open|selective

        [R024]
        ; A fixed lower fence instead of Q1 - 1.5 IQR.
        ; threshold = 0.05

        [R025]
        ; percentile = 75
        ; threshold = 0.05

        [R028]

        [R030]

        [R035]
        ; threshold = 1

        [R036]

        [R038]
        ; threshold = 0.5
        ; minimum_submitted_bids = 2
        ; minimum_contracting_processes = 2

        [R048]
        ; digits = 2
        ; threshold = 10
        ; minimum_contracting_processes = 20

        [R058]
        ; A fixed upper fence instead of Q3 + 1.5 IQR.
        ; threshold = 0.5

        """
}
