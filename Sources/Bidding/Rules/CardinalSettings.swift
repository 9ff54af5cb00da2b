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
    /// each with the properties its section sets and Cardinal's defaults for the rest. The settings of Cardinal's
    /// `prepare` command that change what an indicator sees are applied to each release as it is read:
    /// `[defaults]` (`currency`, `bid_status`, `award_status`; `item_classification_scheme` and `party_roles` fill
    /// fields no indicator reads), `[codelists.bid_status]`, `[codelists.award_status]`, `[redactions]`,
    /// `[corrections]`, and `[modifications]` but `move_auctions` (auctions are not read). Lines starting with `;` or
    /// `#` are comments, and so is the rest of a line after ` ;` or ` #`.
    /// - Parameter text: The file's text.
    /// - Throws: ``CardinalSettingsError`` for an unknown section or key (named), a value of the wrong kind, a line
    ///   that is neither, or `move_auctions = true`.
    public init(cardinalINI text: String) throws {
        self.init()
        enabled = []
        var section = ""
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Self.strippingComment(raw.trimmingCharacters(in: .whitespaces))
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            func fail(_ message: String) -> CardinalSettingsError {
                CardinalSettingsError(line: lineNumber, message: message)
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail("'\(line)' opens a section but does not close it") }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if let code = RedFlagCode(rawValue: section) {
                    enabled.insert(code)
                } else if section == "R003.procurement_method_details" {
                    enabled.insert(.shortSubmissionPeriod)
                } else if !Self.otherSections.contains(section) {
                    throw fail("unknown section [\(section)]")
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw fail("'\(line)' is neither a section nor a key") }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            let name = section.isEmpty ? key : "[\(section)] \(key)"
            func natural() throws -> Int {
                guard let n = Int(value), n >= 0 else { throw fail("\(name) takes a whole number, not '\(value)'") }
                return n
            }
            func decimal() throws -> Double {
                guard let d = Double(value), d.isFinite else { throw fail("\(name) takes a number, not '\(value)'") }
                return d
            }
            func boolean() throws -> Bool {
                switch value.lowercased() {
                case "true": return true
                case "false": return false
                default: throw fail("\(name) takes true or false, not '\(value)'")
                }
            }
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
                    throw fail(
                        "\(name) is not supported: CreditKit does not read /auctions (run Cardinal's prepare first)")
                }
            case ("modifications", "prefix_buyer_or_procuring_entity_id"): preparation.buyerPrefix = value
            case ("modifications", "prefix_tenderer_or_supplier_id"): preparation.tendererPrefix = value
            case ("modifications", "split_procurement_method_details"): preparation.methodDetailsSeparator = value
            case ("codelists.bid_status", _): bidStatuses[key] = value
            case ("codelists.award_status", _): awardStatuses[key] = value
            case ("exclusions", "procurement_method_details"): excludedMethodDetails = list
            case ("R003", "threshold"): submissionPeriodDays = try natural()
            case ("R003", "procurement_methods"): submissionPeriodMethods = list
            case ("R003.procurement_method_details", _): submissionPeriodByMethodDetails[key] = try natural()
            case ("R018", "procurement_methods"): singleBidMethods = list
            case ("R024", "threshold"): closePriceThreshold = try decimal()
            case ("R025", "percentile"):
                let p = try natural()
                guard p <= 100 else { throw fail("\(name) is a percentile, from 0 to 100, not '\(value)'") }
                topTendererPercentile = p
            case ("R025", "threshold"): unsuccessfulBidsThreshold = try decimal()
            case ("R035", "threshold"): allButWinnerThreshold = try natural()
            case ("R038", "threshold"): disqualificationThreshold = try decimal()
            case ("R038", "minimum_submitted_bids"): minimumSubmittedBids = try natural()
            case ("R038", "minimum_contracting_processes"): minimumContractingProcesses = try natural()
            case ("R048", "digits"): classificationDigits = try natural()
            case ("R048", "threshold"): heterogeneityThreshold = try natural()
            case ("R048", "minimum_contracting_processes"): minimumAwardedProcesses = try natural()
            case ("R058", "threshold"): discountThreshold = try decimal()
            default: throw fail("unknown key \(name)")
            }
        }
    }

    /// The sections other than an indicator's that Cardinal's settings may hold.
    static let otherSections: Set<String> = [
        "output", "defaults", "redactions", "corrections", "modifications", "codelists.bid_status",
        "codelists.award_status", "exclusions",
    ]

    /// A line without a trailing comment (` ;` or ` #` and what follows).
    static func strippingComment(_ line: String) -> String {
        var previous: Character = " "
        for i in line.indices {
            if (line[i] == ";" || line[i] == "#") && previous.isWhitespace && i != line.startIndex {
                return line[..<i].trimmingCharacters(in: .whitespaces)
            }
            previous = line[i]
        }
        return line
    }
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
