// The hand-written canonical form of records, the hottest event. Keys and order follow the synthesised
// `Encodable` conformances exactly; `CanonicalEncoderTests` compares the two paths byte for byte.

extension RecordEntered: CanonicalEncodable {
    /// Writes `{"record":{…}}`.
    /// - Parameter writer: The writer.
    public func writeCanonical(to writer: inout CanonicalWriter) {
        writer.openObject()
        writer.key("record")
        record.writeCanonical(to: &writer)
        writer.closeObject()
    }
}

extension CreditRecord: CanonicalEncodable {
    /// Writes the record's fields in declaration order, leaving out absent optionals.
    /// - Parameter writer: The writer.
    public func writeCanonical(to writer: inout CanonicalWriter) {
        writer.openObject()
        writer.key("subject")
        writer.string(subject.rawValue)
        writer.key("polarity")
        writer.string(polarity.rawValue)
        writer.key("basis")
        writer.string(basis.rawValue)
        if let severity {
            writer.key("severity")
            writer.string(severity.rawValue)
        }
        writer.key("actDate")
        writer.date(actDate)
        writer.key("decisionDate")
        writer.date(decisionDate)
        writer.key("authority")
        authority.writeCanonical(to: &writer)
        writer.key("documentNumber")
        writer.string(documentNumber)
        writer.key("legalBasis")
        writer.openArray()
        for citation in legalBasis {
            writer.element()
            citation.writeCanonical(to: &writer)
        }
        writer.closeArray()
        writer.key("facts")
        writer.string(facts)
        if let amount {
            writer.key("amount")
            writer.decimal(amount)
        }
        writer.key("responsibleOfficials")
        writer.openArray()
        for official in responsibleOfficials {
            writer.element()
            writer.string(official.rawValue)
        }
        writer.closeArray()
        if let sector {
            writer.key("sector")
            writer.string(sector.rawValue)
        }
        if let penalty {
            writer.key("penalty")
            penalty.writeCanonical(to: &writer)
        }
        writer.closeObject()
    }
}

extension PenaltyDetails: CanonicalEncodable {
    /// Writes the details' fields in declaration order, leaving out absent optionals.
    /// - Parameter writer: The writer.
    public func writeCanonical(to writer: inout CanonicalWriter) {
        writer.openObject()
        writer.key("violation")
        writer.string(violation)
        writer.key("kinds")
        writer.openArray()
        for kind in kinds {
            writer.element()
            writer.string(kind.rawValue)
        }
        writer.closeArray()
        writer.key("content")
        writer.string(content)
        if let confiscated {
            writer.key("confiscated")
            writer.decimal(confiscated)
        }
        if let licence {
            writer.key("licence")
            writer.string(licence)
        }
        writer.closeObject()
    }
}

extension Authority: CanonicalEncodable {
    /// Writes `{"name":…,"creditCode":…}`.
    /// - Parameter writer: The writer.
    public func writeCanonical(to writer: inout CanonicalWriter) {
        writer.openObject()
        writer.key("name")
        writer.string(name)
        if let creditCode {
            writer.key("creditCode")
            writer.string(creditCode.rawValue)
        }
        writer.closeObject()
    }
}

extension LegalCitation: CanonicalEncodable {
    /// Writes `{"document":…,"article":…}`.
    /// - Parameter writer: The writer.
    public func writeCanonical(to writer: inout CanonicalWriter) {
        writer.openObject()
        writer.key("document")
        writer.string(document)
        if let article {
            writer.key("article")
            writer.string(article)
        }
        writer.closeObject()
    }
}
