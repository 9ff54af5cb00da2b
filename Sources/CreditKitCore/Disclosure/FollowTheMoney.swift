import Foundation

/// One entity in the FollowTheMoney data model (FollowTheMoney 实体), the model of OpenSanctions and Aleph: an ID, a
/// schema (`PublicBody`, `Company`, `Person`, `Sanction`) and multi-valued properties, every value text.
public struct FollowTheMoneyEntity: Hashable, Sendable {
    /// One property with its values.
    public struct Property: Hashable, Sendable {
        /// The property's name in the schema (`name`, `uscCode`, `startDate`, …).
        public var name: String
        /// Its values.
        public var values: [String]
    }

    /// The entity's ID, stable across exports of the same ledger.
    public var id: String
    /// The schema.
    public var schema: String
    /// The properties, in the order written; empty values are never kept.
    public private(set) var properties: [Property] = []

    /// Makes an entity with no properties.
    /// - Parameters:
    ///   - id: The ID.
    ///   - schema: The schema.
    public init(id: String, schema: String) {
        self.id = id
        self.schema = schema
    }

    /// Adds values to a property, skipping blank ones.
    /// - Parameters:
    ///   - name: The property.
    ///   - values: The values.
    public mutating func add(_ name: String, _ values: String...) {
        let kept = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !kept.isEmpty else { return }
        if let i = properties.firstIndex(where: { $0.name == name }) {
            properties[i].values.append(contentsOf: kept)
        } else {
            properties.append(Property(name: name, values: kept))
        }
    }

    /// The values of a property (none when absent).
    /// - Parameter name: The property.
    /// - Returns: Its values.
    public func values(_ name: String) -> [String] { properties.first { $0.name == name }?.values ?? [] }

    /// The entity as one line of JSON: `{"id":…,"schema":…,"properties":{"name":[…],…}}`.
    public var jsonLine: String {
        var w = CanonicalWriter()
        w.openObject()
        w.key("id")
        w.string(id)
        w.key("schema")
        w.string(schema)
        w.key("properties")
        w.openObject()
        for property in properties {
            w.key(string: property.name)
            w.openArray()
            for value in property.values {
                w.element()
                w.string(value)
            }
            w.closeArray()
        }
        w.closeObject()
        w.closeObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// The export of the public view to FollowTheMoney (FollowTheMoney 导出), for the tools anti-corruption investigators
/// and sanctions screeners already use: agencies as `PublicBody`, the enterprises the listings name as `Company`, each public dishonesty
/// record as a `Sanction` of its layout (行政处罚信息, 其他失信信息), and each joint-sanction measure in force on the day
/// because of such a record as a `Sanction` of its own, with the imposing department, the rule, the dates and the
/// reason.
///
/// It exports what ``Disclosure/publicRecords(of:asOf:knownAt:)`` shows and nothing more: a record the public may not
/// see (unreviewed, unpublished, revoked, repaired, past its display window, a discipline decision) is not exported,
/// nor are the measures it carries. Officials appear only as the public view shows them, masked to the surname and
/// without an identifier (the surname, then one `*` per other character of the name), one `Person` per record so that the export links no two records to one person; or not at
/// all (``OfficialTreatment/omitted``), with their records.
public enum FollowTheMoney {
    /// How officials appear (公职人员的呈现方式).
    public enum OfficialTreatment: String, Hashable, Sendable, CaseIterable {
        /// As the public view shows them: the surname and asterisks, no identifier (脱敏).
        case masked
        /// Not at all, nor the records about them (省略).
        case omitted
    }

    /// The entities of the public view on a day, in a stable order: organisations by credit code, then each record's
    /// person (when shown), listing and measures by record.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - asOf: The day; today by default.
    ///   - knownAt: What the ledger knew; now by default.
    ///   - officials: How officials appear.
    ///   - idPrefix: What every entity ID starts with, so that exports of several platforms do not collide.
    /// - Returns: The entities.
    /// - Throws: Storage errors, a display rule with no figure in force, or the vault's errors for a masked name.
    public static func entities(
        of kit: CreditKit, asOf: LocalDate? = nil, knownAt: Timestamp? = nil, officials: OfficialTreatment = .masked,
        idPrefix: String = "creditkit"
    ) throws -> [FollowTheMoneyEntity] {
        let now = kit.ledger.clock.now()
        let day = asOf ?? now.chinaDate
        let known = knownAt ?? now
        let view = kit.view
        let shown = try Disclosure.publicRecords(of: kit, asOf: day, knownAt: known)
        let records = try kit.records(knownAt: known)
        var organisations: [SubjectID: FollowTheMoneyEntity] = [:]
        // Government bodies are public; an enterprise is exported only as the subject of a listing, so that the export
        // tells nothing of enterprises the public view does not show.
        let listed = Set(shown.compactMap { records[$0.id]?.subject })
        let registered = view.subjects(asOf: day, knownAt: known).filter { state in
            switch state.subject {
            case .agency: true
            case .enterprise: listed.contains(state.subject.id)
            case .official: false
            }
        }
        let exported = Set(registered.map(\.subject.id))
        for state in registered {
            // A parent registered after the day is left out: the link would point at nothing.
            organisations[state.subject.id] = organisationEntity(
                state.subject, idPrefix: idPrefix, parentShown: { exported.contains($0) })
        }
        var out = organisations.values.sorted { $0.id < $1.id }
        for record in shown {
            guard let full = records[record.id] else {
                throw CreditKitError(.storage, "public record \(record.id) is not among the ledger's records")
            }
            let subjectEntity: String
            if let organisation = organisations[full.subject] {
                subjectEntity = organisation.id
            } else if view.subject(full.subject)?.subject.kind == .official {
                guard officials == .masked else { continue }
                var person = FollowTheMoneyEntity(id: "\(idPrefix)-person-r\(record.id.rawValue)", schema: "Person")
                person.add("name", record.subjectName)
                person.add("country", "cn")
                out.append(person)
                subjectEntity = person.id
            } else {
                // A record whose subject was registered after the day (a late registration): the organisation is
                // exported as it is known now, so that the listing has its subject.
                guard let state = view.subject(full.subject, knownAt: known) else {
                    throw CreditKitError(.storage, "record \(record.id)'s subject \(full.subject) is not registered")
                }
                let e = organisationEntity(state.subject, idPrefix: idPrefix, parentShown: { _ in false })
                organisations[full.subject] = e
                out.append(e)
                subjectEntity = e.id
            }
            var listing = FollowTheMoneyEntity(id: "\(idPrefix)-record-\(record.id.rawValue)", schema: "Sanction")
            listing.add("entity", subjectEntity)
            listing.add("authority", record.authorityName)
            listing.add("authorityId", record.documentNumber)
            listing.add("program", record.layout.chineseName)
            listing.add("programId", "record.\(full.basis.rawValue)")
            listing.add("recordId", String(record.id.rawValue))
            listing.add("reason", record.facts)
            listing.add("provisions", record.legalBasis)
            listing.add("summary", record.conductType)
            listing.add("startDate", record.decisionDate.description)
            listing.add("endDate", record.displayUntil.description)
            listing.add("status", "公示中")
            listing.add("country", "cn")
            listing.add(
                "description",
                record.remarks + (record.authorityCode.isEmpty ? "" : "；认定机关统一社会信用代码 \(record.authorityCode)"))
            out.append(listing)
            out += measures(
                of: record, subject: full.subject, entity: subjectEntity, kit: kit, day: day, known: known,
                idPrefix: idPrefix)
        }
        return out
    }

    /// The joint-sanction measures in force on the day because of one public record, each with every purpose it
    /// restricts.
    private static func measures(
        of record: PublicRecord, subject: SubjectID, entity: String, kit: CreditKit, day: LocalDate, known: Timestamp,
        idPrefix: String
    ) -> [FollowTheMoneyEntity] {
        struct Key: Hashable {
            var measure: SanctionMeasure
            var department: String
            var rule: RuleID
        }
        var purposes: [Key: [CheckPurpose]] = [:]
        var reasons: [Key: CreditCheck.Reason] = [:]
        var order: [Key] = []
        for purpose in CheckPurpose.allCases {
            guard let check = kit.view.check(subject, for: purpose, on: day, policy: kit.policy, knownAt: known)
            else { continue }
            for reason in check.restrictions where reason.record == record.id {
                guard let measure = reason.measure else { continue }
                let key = Key(measure: measure, department: reason.department, rule: reason.rule)
                if purposes[key] == nil {
                    order.append(key)
                    reasons[key] = reason
                }
                purposes[key, default: []].append(purpose)
            }
        }
        return order.enumerated().map { n, key in
            let reason = reasons[key]!
            var e = FollowTheMoneyEntity(id: "\(idPrefix)-record-\(record.id.rawValue)-m\(n + 1)", schema: "Sanction")
            e.add("entity", entity)
            e.add("authority", key.department)
            e.add("program", key.measure.chineseName)
            e.add("programId", key.rule.rawValue)
            e.add("authorityId", record.documentNumber)
            e.add("recordId", String(record.id.rawValue))
            e.add("reason", "\(record.conductType)：\(record.facts)")
            e.add("provisions", reason.legalBasis.map(\.description).joined(separator: "；"))
            e.add("summary", "限制" + purposes[key, default: []].map(\.chineseName).joined(separator: "、"))
            e.add("startDate", reason.from.description)
            e.add("endDate", reason.until.description)
            e.add("status", "执行中")
            e.add("country", "cn")
            if let adjustment = reason.adjustment { e.add("description", adjustment) }
            return e
        }
    }

    /// An agency as a `PublicBody`, an enterprise as a `Company`, by credit code.
    private static func organisationEntity(
        _ subject: Subject, idPrefix: String, parentShown: (SubjectID) -> Bool
    ) -> FollowTheMoneyEntity {
        var e = FollowTheMoneyEntity(
            id: organisationID(subject.id, idPrefix: idPrefix),
            schema: subject.kind == .agency ? "PublicBody" : "Company")
        switch subject {
        case .agency(let agency):
            e.add("name", agency.name)
            e.add("uscCode", agency.creditCode.rawValue)
            e.add("legalForm", agency.kind.chineseName)
            e.add("classification", agency.level.chineseName)
            if let parent = agency.parent, parentShown(parent) {
                e.add("parent", organisationID(parent, idPrefix: idPrefix))
            }
        case .enterprise(let enterprise):
            e.add("name", enterprise.name)
            e.add("uscCode", enterprise.creditCode.rawValue)
            if enterprise.isSME { e.add("classification", "中小企业") }
        case .official:
            break
        }
        e.add("country", "cn")
        e.add("jurisdiction", "cn")
        return e
    }

    private static func organisationID(_ subject: SubjectID, idPrefix: String) -> String {
        "\(idPrefix)-org-\(subject.rawValue)"
    }

    /// The entities as JSON Lines: one entity per line, each line ending in a line feed — the form `ftm` and
    /// OpenSanctions' tools read.
    /// - Parameter entities: The entities.
    /// - Returns: The text.
    public static func jsonLines(_ entities: [FollowTheMoneyEntity]) -> String {
        entities.map { $0.jsonLine + "\n" }.joined()
    }
}
