import CreditKitCore
import Foundation

/// Decodes releases from the scanner, noting deviations instead of failing on them.
struct ReleaseDecoder {
    var line: Int
    var notes: [DataQualityNote] = []

    mutating func note(_ field: String, _ message: String) {
        notes.append(DataQualityNote(line: line, field: field, message: message))
    }

    /// A date: `YYYY-MM-DD`, or a date-time with `Z` or an offset, read as the calendar date in China time.
    mutating func date(_ s: inout JSONScanner, _ field: String) throws -> LocalDate? {
        let (text, _, isScalar) = try s.scalarText()
        guard let text else {
            if !isScalar { note(field, "not a date") }
            return nil
        }
        if let d = OCDSDate.chinaDate(text) { return d }
        note(field, "'\(text.prefix(40))' is not a date or date-time")
        return nil
    }

    /// A date and its instant (seconds since 1970 UTC; a plain date is midnight in China time).
    mutating func moment(_ s: inout JSONScanner, _ field: String) throws -> (LocalDate, Int64)? {
        let (text, _, isScalar) = try s.scalarText()
        guard let text else {
            if !isScalar { note(field, "not a date") }
            return nil
        }
        if let m = OCDSDate.moment(text) { return m }
        note(field, "'\(text.prefix(40))' is not a date or date-time")
        return nil
    }

    /// A date, its instant, and, for a date-time with its offset, the instant in milliseconds.
    mutating func instant(_ s: inout JSONScanner, _ field: String) throws -> (LocalDate, Int64, Int64?)? {
        let (text, _, isScalar) = try s.scalarText()
        guard let text else {
            if !isScalar { note(field, "not a date") }
            return nil
        }
        if let m = OCDSDate.moment(text) { return (m.date, m.instant, OCDSDate.millis(text, instant: m.instant)) }
        note(field, "'\(text.prefix(40))' is not a date or date-time")
        return nil
    }

    /// The locale numbers are read in, made once.
    static let posix = Locale(identifier: "en_US_POSIX")

    mutating func decimal(_ s: inout JSONScanner, _ field: String) throws -> Decimal? {
        let (text, wasString, _) = try s.scalarText()
        guard let text else { return nil }
        // Checked as bytes first: a digit, sign, point or exponent only (iterating characters costs more than
        // the rest of the release).
        guard !text.isEmpty,
            text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 43 || $0 == 45 || $0 == 46 || $0 | 0x20 == 101 }),
            let value = Decimal(string: text, locale: Self.posix)
        else {
            note(field, "'\(text.prefix(40))' is not a number")
            return nil
        }
        if wasString { note(field, "number given as a string") }
        return value
    }

    mutating func integer(_ s: inout JSONScanner, _ field: String) throws -> Int? {
        guard let value = try decimal(&s, field) else { return nil }
        let whole = NSDecimalNumber(decimal: value).intValue
        guard Decimal(whole) == value else {
            note(field, "\(value) is not a whole number")
            return nil
        }
        return whole
    }

    mutating func text(_ s: inout JSONScanner, _ field: String) throws -> String? {
        let (text, _, isScalar) = try s.scalarText()
        if !isScalar { note(field, "expected text") }
        return text
    }

    mutating func amount(_ s: inout JSONScanner, _ field: String) throws -> Decimal? {
        guard s.peek() == UInt8(ascii: "{") else {
            try s.skipValue()
            note(field, "expected an object with an amount")
            return nil
        }
        var amount: Decimal?
        try s.object { s, key in
            if key.equals("amount") { amount = try decimal(&s, field + ".amount") } else { try s.skipValue() }
        }
        return amount
    }

    mutating func money(_ s: inout JSONScanner, _ field: String) throws -> (Decimal?, String?) {
        guard s.peek() == UInt8(ascii: "{") else {
            try s.skipValue()
            note(field, "expected an object with an amount")
            return (nil, nil)
        }
        var amount: Decimal?
        var currency: String?
        try s.object { s, key in
            if key.equals("amount") {
                amount = try decimal(&s, field + ".amount")
            } else if key.equals("currency") {
                currency = try text(&s, field + ".currency")
            } else {
                try s.skipValue()
            }
        }
        return (amount, currency)
    }

    mutating func ids(_ s: inout JSONScanner, _ field: String) throws -> [String] {
        var entries = 0
        return try ids(&s, field, entries: &entries)
    }

    /// The ids of an array of organisation references, and how many entries the array has, with an id or without.
    mutating func ids(_ s: inout JSONScanner, _ field: String, entries: inout Int) throws -> [String] {
        var out: [String] = []
        guard s.peek() == UInt8(ascii: "[") else {
            try s.skipValue()
            return out
        }
        try s.arrayOrSkip { s in
            entries += 1
            guard s.peek() == UInt8(ascii: "{") else { return try s.skipValue() }
            try s.objectOrSkip { s, key in
                if key.equals("id"), let id = try text(&s, field + ".id") { out.append(id) } else { try s.skipValue() }
            }
        }
        return out
    }

    /// The `documentType` and `datePublished` of each document in an array, the type lower-cased without spaces.
    mutating func documents(_ s: inout JSONScanner, _ field: String, _ body: (String, LocalDate) -> Void) throws {
        try s.arrayOrSkip { s in
            var type: String?
            var published: LocalDate?
            try s.objectOrSkip { s, key in
                if key.equals("documentType") {
                    type = try text(&s, field + ".documentType")
                } else if key.equals("datePublished") {
                    published = try date(&s, field + ".datePublished")
                } else {
                    try s.skipValue()
                }
            }
            if let type, let published {
                // The types are English words: folded without their spaces.
                body(String(decoding: OCDSRelease.foldASCII(type, droppingSpaces: true), as: UTF8.self), published)
            }
        }
    }

    mutating func release(_ s: inout JSONScanner) throws -> OCDSRelease {
        let skipsBefore = s.shapeSkips
        defer {
            if s.shapeSkips > skipsBefore {
                note(
                    "release",
                    "\(s.shapeSkips - skipsBefore) value(s) of the wrong shape skipped (an object for an array, or the reverse)"
                )
            }
        }
        guard s.peek() == UInt8(ascii: "{") else { throw s.fail("a release is a JSON object") }
        var r = OCDSRelease()
        try s.object { s, key in
            switch key.count {
            case 4 where key.equals("ocid"): r.ocid = try text(&s, "ocid") ?? ""
            case 4 where key.equals("date"): r.date = try date(&s, "date")
            case 4 where key.equals("bids"):
                try s.objectOrSkip { s, key in
                    guard key.equals("details") else { return try s.skipValue() }
                    try s.arrayOrSkip { s in r.bids.append(try bid(&s)) }
                }
            case 5 where key.equals("buyer"): r.buyer = try party(&s, "buyer")
            case 6 where key.equals("tender"): r.tender = try tender(&s)
            case 6 where key.equals("awards"): try s.arrayOrSkip { s in r.awards.append(try award(&s)) }
            case 7 where key.equals("parties"): try s.arrayOrSkip { s in r.parties.append(try party(&s, "parties")) }
            case 9 where key.equals("contracts"): try s.arrayOrSkip { s in r.contracts.append(try contract(&s)) }
            default: try s.skipValue()
            }
        }
        return r
    }

    mutating func party(_ s: inout JSONScanner, _ field: String) throws -> OCDSRelease.Party {
        var p = OCDSRelease.Party(id: "")
        try s.objectOrSkip { s, key in
            if key.equals("id") {
                p.id = try text(&s, field + ".id") ?? ""
            } else if key.equals("name") {
                p.name = try text(&s, field + ".name")
            } else if key.equals("roles") {
                try s.arrayOrSkip { s in if let role = try text(&s, field + ".roles") { p.roles.append(role) } }
            } else if key.equals("details") {
                try s.objectOrSkip { s, key in
                    if key.equals("scale") {
                        p.scale = try text(&s, field + ".details.scale")
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        return p
    }

    mutating func tender(_ s: inout JSONScanner) throws -> OCDSRelease.Tender {
        var t = OCDSRelease.Tender()
        try s.objectOrSkip { s, key in
            if key.equals("id") {
                t.id = try text(&s, "tender.id")
            } else if key.equals("title") {
                t.title = try text(&s, "tender.title")
            } else if key.equals("status") {
                t.status = try text(&s, "tender.status")
            } else if key.equals("procurementMethod") {
                t.procurementMethod = try text(&s, "tender.procurementMethod")
            } else if key.equals("procurementMethodDetails") {
                t.procurementMethodDetails = try text(&s, "tender.procurementMethodDetails")
            } else if key.equals("mainProcurementCategory") {
                t.mainProcurementCategory = try text(&s, "tender.mainProcurementCategory")
            } else if key.equals("numberOfTenderers") {
                t.numberOfTenderers = try integer(&s, "tender.numberOfTenderers")
            } else if key.equals("value") {
                t.value = try amount(&s, "tender.value")
            } else if key.equals("procuringEntity") {
                t.procuringEntity = try party(&s, "tender.procuringEntity").id
            } else if key.equals("documents") {
                try documents(&s, "tender.documents") { type, published in
                    if type == "clarifications" { t.clarifications.append(published) }
                }
            } else if key.equals("tenderPeriod") {
                try s.objectOrSkip { s, key in
                    if key.equals("startDate") {
                        if let (day, _, millis) = try instant(&s, "tender.tenderPeriod.startDate") {
                            t.periodStart = day
                            t.periodStartMillis = millis
                        }
                    } else if key.equals("endDate") {
                        if let (day, instant, millis) = try instant(&s, "tender.tenderPeriod.endDate") {
                            t.periodEnd = day
                            t.periodEndInstant = instant
                            t.periodEndMillis = millis
                        }
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        return t
    }

    mutating func bid(_ s: inout JSONScanner) throws -> OCDSRelease.Bid {
        var b = OCDSRelease.Bid()
        try s.objectOrSkip { s, key in
            if key.equals("id") {
                b.id = try text(&s, "bids.details.id")
            } else if key.equals("date") {
                if let (day, instant) = try moment(&s, "bids.details.date") {
                    b.date = day
                    b.instant = instant
                }
            } else if key.equals("status") {
                b.status = try text(&s, "bids.details.status")
            } else if key.equals("value") {
                (b.value, b.currency) = try money(&s, "bids.details.value")
            } else if key.equals("tenderers") {
                b.tenderers = try ids(&s, "bids.details.tenderers", entries: &b.tendererEntries)
            } else {
                try s.skipValue()
            }
        }
        return b
    }

    mutating func award(_ s: inout JSONScanner) throws -> OCDSRelease.Award {
        var a = OCDSRelease.Award()
        try s.objectOrSkip { s, key in
            if key.equals("id") {
                a.id = try text(&s, "awards.id")
            } else if key.equals("date") {
                a.date = try date(&s, "awards.date")
            } else if key.equals("status") {
                a.status = try text(&s, "awards.status")
            } else if key.equals("value") {
                a.value = try amount(&s, "awards.value")
            } else if key.equals("suppliers") {
                a.suppliers = try ids(&s, "awards.suppliers", entries: &a.supplierEntries)
            } else if key.equals("items") {
                try s.arrayOrSkip { s in
                    try s.objectOrSkip { s, key in
                        guard key.equals("classification") else { return try s.skipValue() }
                        try s.objectOrSkip { s, key in
                            if key.equals("id"), let id = try text(&s, "awards.items.classification.id") {
                                a.itemClassifications.append(id)
                            } else {
                                try s.skipValue()
                            }
                        }
                    }
                }
            } else if key.equals("documents") {
                try documents(&s, "awards.documents") { type, published in
                    if type == "awardnotice" { a.noticeDate = min(a.noticeDate ?? published, published) }
                }
            } else {
                try s.skipValue()
            }
        }
        return a
    }

    mutating func failure(_ s: inout JSONScanner) throws -> OCDSRelease.PerformanceFailure {
        var f = OCDSRelease.PerformanceFailure()
        let field = "contracts.implementation.performanceFailures"
        try s.objectOrSkip { s, key in
            if key.equals("id") {
                f.id = try text(&s, field + ".id")
            } else if key.equals("period") {
                try s.objectOrSkip { s, key in
                    if key.equals("startDate") {
                        f.periodStart = try date(&s, field + ".period.startDate")
                    } else if key.equals("endDate") {
                        f.periodEnd = try date(&s, field + ".period.endDate")
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.equals("category") {
                f.category = try text(&s, field + ".category")
            } else if key.equals("penaltyContracted") {
                f.penaltyContracted = try text(&s, field + ".penaltyContracted")
            } else if key.equals("penaltyImposed") {
                f.penaltyImposed = try text(&s, field + ".penaltyImposed")
            } else if key.equals("penaltyPaid") {
                // A JSON boolean; the literal is checked as it is skipped.
                switch s.peek() {
                case UInt8(ascii: "t")?:
                    try s.skipValue()
                    f.penaltyPaid = true
                case UInt8(ascii: "f")?:
                    try s.skipValue()
                    f.penaltyPaid = false
                case UInt8(ascii: "n")?:
                    try s.skipValue()
                default:
                    try s.skipValue()
                    note(field + ".penaltyPaid", "expected true or false")
                }
            } else {
                try s.skipValue()
            }
        }
        return f
    }

    mutating func contract(_ s: inout JSONScanner) throws -> OCDSRelease.Contract {
        var c = OCDSRelease.Contract()
        try s.objectOrSkip { s, key in
            if key.equals("id") {
                c.id = try text(&s, "contracts.id")
            } else if key.equals("awardID") {
                c.awardID = try text(&s, "contracts.awardID")
            } else if key.equals("dateSigned") {
                c.dateSigned = try date(&s, "contracts.dateSigned")
            } else if key.equals("status") {
                c.status = try text(&s, "contracts.status")
            } else if key.equals("value") {
                c.value = try amount(&s, "contracts.value")
            } else if key.equals("documents") {
                try documents(&s, "contracts.documents") { type, published in
                    if type == "contractsigned" || type == "contractnotice" {
                        c.published = min(c.published ?? published, published)
                    }
                }
            } else if key.equals("milestones") {
                try s.arrayOrSkip { s in
                    var type: String?
                    var status: String?
                    var met: LocalDate?
                    try s.objectOrSkip { s, key in
                        if key.equals("type") {
                            type = try text(&s, "contracts.milestones.type")
                        } else if key.equals("status") {
                            status = try text(&s, "contracts.milestones.status")
                        } else if key.equals("dateMet") {
                            met = try date(&s, "contracts.milestones.dateMet")
                        } else {
                            try s.skipValue()
                        }
                    }
                    if type == "delivery", status == "met", let met { c.deliveries.append(met) }
                }
            } else if key.equals("period") {
                try s.objectOrSkip { s, key in
                    if key.equals("startDate") {
                        c.periodStart = try date(&s, "contracts.period.startDate")
                    } else if key.equals("endDate") {
                        c.periodEnd = try date(&s, "contracts.period.endDate")
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.equals("implementation") {
                try s.objectOrSkip { s, key in
                    if key.equals("charges") {
                        return try s.arrayOrSkip { s in
                            var charge = OCDSRelease.Charge()
                            try s.objectOrSkip { s, key in
                                if key.equals("id") {
                                    charge.id = try text(&s, "contracts.implementation.charges.id")
                                } else if key.equals("title") {
                                    charge.title = try text(&s, "contracts.implementation.charges.title")
                                } else if key.equals("paidBy") {
                                    charge.paidBy = try text(&s, "contracts.implementation.charges.paidBy")
                                } else {
                                    try s.skipValue()
                                }
                            }
                            c.charges.append(charge)
                        }
                    }
                    if key.equals("performanceFailures") {
                        return try s.arrayOrSkip { s in c.failures.append(try failure(&s)) }
                    }
                    guard key.equals("transactions") else { return try s.skipValue() }
                    try s.arrayOrSkip { s in
                        var p = OCDSRelease.Payment()
                        try s.objectOrSkip { s, key in
                            if key.equals("date") {
                                p.date = try date(&s, "contracts.implementation.transactions.date")
                            } else if key.equals("value") || key.equals("amount") {
                                p.amount = try amount(&s, "contracts.implementation.transactions.value")
                            } else {
                                try s.skipValue()
                            }
                        }
                        c.payments.append(p)
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        return c
    }
}

/// OCDS dates read as calendar dates in China time (UTC+8).
public enum OCDSDate {
    /// The China-time calendar date of `YYYY-MM-DD` or an ISO 8601 date-time with `Z` or an offset; `nil` for
    /// anything else.
    /// - Parameter text: The text.
    /// - Returns: The date.
    public static func chinaDate(_ text: String) -> LocalDate? { moment(text)?.date }

    /// The instant in milliseconds since 1970-01-01 UTC of a date-time with `Z` or an offset, its fraction of a
    /// second kept to the millisecond; `nil` for a plain date, which names no instant of its own.
    /// - Parameters:
    ///   - text: The text, which ``moment(_:)`` read.
    ///   - instant: Its instant in whole seconds, from ``moment(_:)``.
    /// - Returns: The milliseconds.
    public static func millis(_ text: String, instant: Int64) -> Int64? {
        let b = Array(text.utf8)
        guard b.count > 10 else { return nil }
        var ms: Int64 = 0
        if b.count > 19, b[19] == UInt8(ascii: ".") {
            var scale: Int64 = 100
            var i = 20
            while i < b.count, (48...57).contains(b[i]), scale > 0 {
                ms += Int64(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        return instant * 1_000 + ms
    }

    /// The China-time calendar date and the instant (seconds since 1970-01-01 UTC) of `YYYY-MM-DD` (midnight in
    /// China time) or an ISO 8601 date-time with `Z` or an offset; `nil` for anything else.
    /// - Parameter text: The text.
    /// - Returns: The date and the instant.
    public static func moment(_ text: String) -> (date: LocalDate, instant: Int64)? {
        let b = Array(text.utf8)
        guard b.count >= 10, let day = LocalDate.parse(b[0..<10]) else { return nil }
        if b.count == 10 { return (day, Int64(day.daysSinceEpoch) * 86_400 - 8 * 3_600) }
        // RFC 3339: `T` in either case (or a space) between the date and the time, `Z` in either case.
        guard b.count >= 19, b[10] | 0x20 == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"),
            b[16] == UInt8(ascii: ":")
        else { return nil }
        func two(_ i: Int) -> Int? {
            guard (48...57).contains(b[i]), (48...57).contains(b[i + 1]) else { return nil }
            return Int(b[i] - 48) * 10 + Int(b[i + 1] - 48)
        }
        guard let h = two(11), let m = two(14), let sec = two(17), h < 24, m < 60, sec <= 60 else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let digits = i
            while i < b.count, (48...57).contains(b[i]) { i += 1 }
            guard i > digits else { return nil }  // a point must have digits after it
        }
        var offsetMinutes: Int
        if i == b.count {
            return nil  // no zone: not a valid OCDS date-time
        } else if b[i] | 0x20 == UInt8(ascii: "z") && i + 1 == b.count {
            offsetMinutes = 0
        } else if (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) && i + 6 == b.count
            && b[i + 3] == UInt8(ascii: ":"),
            let oh = two(i + 1), let om = two(i + 4), oh < 24, om < 60
        {
            offsetMinutes = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let minutesUTC = h * 60 + m - offsetMinutes
        let minutesChina = minutesUTC + 8 * 60
        let dayShift = minutesChina >= 0 ? minutesChina / 1440 : -((-minutesChina + 1439) / 1440)
        let instant = Int64(day.daysSinceEpoch) * 86_400 + Int64(minutesUTC) * 60 + Int64(sec)
        return (day.adding(days: dayShift), instant)
    }
}
