import CreditKitCore
import Foundation

/// A Cardinal settings file that cannot be read (Cardinal 设置文件错误): the line, and what is wrong with it.
public struct CardinalSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line of the file (1-based).
    public var line: Int
    /// What is wrong.
    public var message: String

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

extension RedFlagSettings {
    /// Reads the settings from an OCP Cardinal settings file (its INI format, as `ocdscardinal init` writes it), so
    /// a Cardinal user's file works unchanged (Cardinal 设置文件).
    ///
    /// As in Cardinal, only the indicators whose section is present (`[R003]` … `[R058]`, even empty) are computed,
    /// each with the properties its section sets and Cardinal's defaults for the rest; a section given twice counts
    /// as its last, and a key given twice as its last value. The settings of Cardinal's `prepare` command that change
    /// what an indicator sees are applied to each release as it is read: `[defaults]` (`currency`, `bid_status`,
    /// `award_status`; `item_classification_scheme` and `party_roles` fill fields no indicator reads),
    /// `[codelists.bid_status]`, `[codelists.award_status]`, `[redactions]`, `[corrections]`, and `[modifications]` but
    /// `move_auctions` (auctions are not read). As Cardinal's INI reader: lines end with LF, CR LF or CR; a line
    /// starting with `;` or `#` is a comment (a `;` or `#` later in a line is part of the value); `=` or `:` separates
    /// a key from its value; a value in single or double quotes loses them; `true`, `yes`, `on`, `1` and `false`,
    /// `no`, `off`, `0` are booleans.
    /// - Parameter text: The file's text.
    /// - Throws: ``CardinalSettingsError`` for an unknown section or key (named, with its line), a value of the wrong
    ///   kind, a line that is neither, or `move_auctions = true`.
    public init(cardinalINI text: String) throws {
        self.init()
        enabled = []
        // First the file as sections of keys (a section again replaces it), then each key applied.
        var order: [String] = [""]
        var sections: [String: [(key: String, value: String, line: Int)]] = ["": []]
        var section = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            func fail(_ message: String) -> CardinalSettingsError {
                CardinalSettingsError(line: lineNumber, message: message)
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail("'\(line)' opens a section but does not close it") }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard
                    RedFlagCode(rawValue: section) != nil || section == "R003.procurement_method_details"
                        || Self.otherSections.contains(section)
                else { throw fail("unknown section [\(section)]") }
                if sections[section] == nil { order.append(section) }
                sections[section] = []
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw fail("'\(line)' is neither a section nor a key")
            }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw fail("'\(line)' gives a value without a key") }
            var value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            sections[section]!.removeAll { $0.key == key }
            sections[section]!.append((key, value, lineNumber))
        }
        for section in order {
            if let code = RedFlagCode(rawValue: section) { enabled.insert(code) }
            if section == "R003.procurement_method_details" { enabled.insert(.shortSubmissionPeriod) }
            for (key, value, line) in sections[section]! {
                try apply(section: section, key: key, value: value, line: line)
            }
        }
    }

    /// Sets one key of a section.
    private mutating func apply(section: String, key: String, value: String, line: Int) throws {
        func fail(_ message: String) -> CardinalSettingsError { CardinalSettingsError(line: line, message: message) }
        let name = section.isEmpty ? key : "[\(section)] \(key)"
        func whole(allowingNegative: Bool = false) throws -> Int {
            guard let n = Int(value), allowingNegative || n >= 0 else {
                throw fail("\(name) takes a whole number, not '\(value)'")
            }
            return n
        }
        func decimal() throws -> Double {
            // Decimal digits only, as Cardinal reads a number (no hexadecimal, no inf or nan).
            guard value.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let d = Double(value),
                d.isFinite
            else { throw fail("\(name) takes a number, not '\(value)'") }
            return d
        }
        func boolean() throws -> Bool {
            switch value.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: throw fail("\(name) takes true or false, not '\(value)'")
            }
        }
        // An empty list is no list: every method (Cardinal splits on `|` and keeps no empty piece).
        let list = Set(value.split(separator: "|").map(String.init))
        switch (section, key) {
        case ("", "currency"): currency = value
        case ("", "no_price_comparison_procurement_methods"): noPriceComparisonMethods = list
        case ("", "price_comparison_procurement_methods"): priceComparisonMethods = list
        case ("output", "info_currency_mismatches"): _ = try boolean()  // how Cardinal logs; nothing to compute
        case ("defaults", "currency"): preparation.currency = value
        case ("defaults", "bid_status"): preparation.bidStatus = value
        case ("defaults", "award_status"): preparation.awardStatus = value
        case ("defaults", "item_classification_scheme"): break  // fills a field no indicator reads
        case ("defaults", "party_roles"): _ = try boolean()  // fills a field no indicator reads
        case ("redactions", "amount"):
            preparation.redactedAmounts = Set(
                try list.map { text in
                    guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                        throw fail("\(name) takes numbers separated by |, not '\(value)'")
                    }
                    return d
                })
        case ("redactions", "organization_id"): preparation.redactedOrganizations = list
        case ("corrections", "award_status_by_contract_status"):
            preparation.awardStatusByContractStatus = try boolean()
        case ("modifications", "move_auctions"):
            if try boolean() {
                throw fail("\(name) is not supported: CreditKit does not read /auctions (run Cardinal's prepare first)")
            }
        case ("modifications", "prefix_buyer_or_procuring_entity_id"): preparation.buyerPrefix = value
        case ("modifications", "prefix_tenderer_or_supplier_id"): preparation.tendererPrefix = value
        case ("modifications", "split_procurement_method_details"): preparation.methodDetailsSeparator = value
        case ("codelists.bid_status", _): bidStatuses[key] = value
        case ("codelists.award_status", _): awardStatuses[key] = value
        case ("exclusions", "procurement_method_details"): excludedMethodDetails = list
        // R003's figures are signed in Cardinal: a negative one flags nothing.
        case ("R003", "threshold"): submissionPeriodDays = try whole(allowingNegative: true)
        case ("R003", "procurement_methods"): submissionPeriodMethods = list
        case ("R003.procurement_method_details", _):
            submissionPeriodByMethodDetails[key] = try whole(allowingNegative: true)
        case ("R018", "procurement_methods"): singleBidMethods = list
        case ("R024", "threshold"): closePriceThreshold = try decimal()
        case ("R025", "percentile"):
            let p = try whole()
            guard p <= 100 else { throw fail("\(name) is a percentile, from 0 to 100, not '\(value)'") }
            topTendererPercentile = p
        case ("R025", "threshold"): unsuccessfulBidsThreshold = try decimal()
        case ("R035", "threshold"): allButWinnerThreshold = try whole()
        case ("R038", "threshold"): disqualificationThreshold = try decimal()
        case ("R038", "minimum_submitted_bids"): minimumSubmittedBids = try whole()
        case ("R038", "minimum_contracting_processes"): minimumContractingProcesses = try whole()
        case ("R048", "digits"): classificationDigits = try whole()
        case ("R048", "threshold"): heterogeneityThreshold = try whole()
        case ("R048", "minimum_contracting_processes"): minimumAwardedProcesses = try whole()
        case ("R058", "threshold"): discountThreshold = try decimal()
        default: throw fail("unknown key \(name)")
        }
    }

    /// The sections other than an indicator's that Cardinal's settings may hold.
    static let otherSections: Set<String> = [
        "output", "defaults", "redactions", "corrections", "modifications", "codelists", "codelists.bid_status",
        "codelists.award_status", "exclusions",
    ]
}

/// The flags as OCP Cardinal's `indicators` command prints them (Cardinal 输出格式), so the two can be diffed:
/// `{"OCID": {ocid: {"R018": 1.0}}, "Buyer": …, "ProcuringEntity": …, "Tenderer": …, "Meta": …}`, groups without
/// results left out, the meta's figures rounded to four places as Cardinal rounds them.
public enum CardinalOutput {
    /// The JSON text (one line).
    /// - Parameters:
    ///   - flags: The flags, from ``RedFlagScan/finish()``.
    ///   - meta: The scan's quartiles and fences (``RedFlagScan/meta``), or `nil` to leave `Meta` out (`--no-meta`).
    /// - Returns: The text.
    public static func json(_ flags: [RedFlag], meta: [RedFlagCode: [String: Double]]?) -> String {
        var w = CanonicalWriter()
        w.openObject()
        let byGroup = Dictionary(grouping: flags, by: \.group)
        for group in [RedFlagGroup.process, .buyer, .procuringEntity, .tenderer] {
            guard let flags = byGroup[group], !flags.isEmpty else { continue }
            w.key(string: group.rawValue)
            w.openObject()
            var i = 0
            // The flags come sorted by group, key and code: one object per key.
            while i < flags.count {
                let key = flags[i].key
                w.key(string: key)
                w.openObject()
                while i < flags.count, flags[i].key == key {
                    w.key(string: flags[i].code.rawValue)
                    w.double(flags[i].value)
                    i += 1
                }
                w.closeObject()
            }
            w.closeObject()
        }
        if let meta {
            w.key("Meta")
            w.openObject()
            for (code, figures) in meta.sorted(by: { $0.key < $1.key }) {
                w.key(string: code.rawValue)
                w.openObject()
                for (name, value) in figures.sorted(by: { $0.key < $1.key }) {
                    w.key(string: name)
                    w.double((value * 10_000).rounded() / 10_000)
                }
                w.closeObject()
            }
            w.closeObject()
        }
        w.closeObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
