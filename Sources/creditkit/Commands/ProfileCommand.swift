import CreditKitCore
import Foundation

enum ProfileCommand: Command {
    static let name = "profile"
    static let summary = "a subject's records and commitments as of a date"
    static let help = """
        usage: creditkit profile PATH --subject CODE [--as-of YYYY-MM-DD]

        Prints what the ledger at PATH says of a subject on a date: its registration, posts held,
        records (as subject or as responsible official) and commitments.

          --subject CODE    an agency's or enterprise's unified social credit code, an official's
                            resident ID number (looked up through the vault keys), or a subject ID
                            such as person:<token>
          --as-of DATE      the effective date (default: today in China time)
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        guard let code = try arguments.option("--subject") else {
            throw CLIError(message: "--subject CODE is required; see `creditkit profile --help`")
        }
        let asOf = try arguments.dateOption("--as-of")
        try arguments.finish()
        let location = try arguments.location(path)
        let kit = try openKit(location)
        let subject = try resolveSubject(code, kit: kit)
        guard let profile = try kit.profile(of: subject, asOf: asOf) else {
            throw CLIError(
                message: "\(code) is not registered in \(location.shown) as of \(asOf.map(String.init) ?? "today")")
        }
        print(try ProfileText.render(profile, kit: kit))
    }

    static func resolveSubject(_ code: String, kit: CreditKit) throws -> SubjectID {
        if code.hasPrefix("person:") { return SubjectID(rawValue: code) }
        // Not a valid ID number: absence means the code is a credit code or a subject ID, read below.
        if code.count == 18, let id = try? ResidentID(code), kit.view.subject(SubjectID(rawValue: code)) == nil {
            guard let official = kit.official(for: id) else {
                throw CLIError(message: "no official with resident ID \(id.masked) is registered")
            }
            return official
        }
        do {
            return SubjectID(try UnifiedSocialCreditCode(code))
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
    }
}

/// Renders a profile as readable text.
enum ProfileText {
    static func name(of subject: SubjectID, kit: CreditKit) throws -> String {
        switch kit.view.subject(subject)?.subject {
        case .agency(let a)?: return a.name
        case .enterprise(let e)?: return e.name
        case .official?: return try kit.displayName(of: subject) + " (" + masked(subject, kit: kit) + ")"
        case nil: return subject.rawValue
        }
    }

    /// An official's masked ID number, or the start of the token once the personal data was erased.
    static func masked(_ official: SubjectID, kit: CreditKit) throws -> String {
        if kit.view.subject(official)?.personalDataErasedOn != nil {
            return "token \(official.rawValue.dropFirst(7).prefix(12))…"
        }
        return try kit.personalData(of: official).residentID.masked
    }

    static func render(_ profile: SubjectProfile, kit: CreditKit) throws -> String {
        var lines: [String] = []
        let id = profile.subject.id
        switch profile.subject {
        case .agency(let a):
            lines.append("\(a.name)  [\(a.level.chineseName) \(a.kind.chineseName)]")
            lines.append("统一社会信用代码 credit code: \(a.creditCode)   区划 region: \(a.region)")
            if let parent = a.parent { lines.append("上级 parent: \(try name(of: parent, kit: kit))") }
        case .enterprise(let e):
            lines.append(
                "\(e.name)  [\(e.isSME ? "中小企业 SME" : "企业")]  roles: \(e.roles.map(\.rawValue).joined(separator: ", "))"
            )
            lines.append("统一社会信用代码 credit code: \(e.creditCode)")
        case .official:
            lines.append("\(try name(of: id, kit: kit))  [公务人员 official]")
            if let erased = profile.state.personalDataErasedOn { lines.append("personal data erased on \(erased)") }
        }
        lines.append(
            "as of \(profile.asOf); registered \(profile.state.registeredOn); entry #\(profile.state.sequence)")
        if !profile.tenures.isEmpty {
            lines.append("")
            lines.append("任职 tenures (\(profile.tenures.count))")
            for t in profile.tenures {
                let who =
                    profile.subject.kind == .official
                    ? try name(of: t.tenure.agency, kit: kit) : try name(of: t.tenure.official, kit: kit)
                let end = t.end.map { "\($0) (\(t.endReason?.rawValue ?? ""))" } ?? "in post"
                lines.append(
                    "  \(t.tenure.start) – \(end)  \(t.tenure.post)\(t.tenure.isPrincipal ? " 主要负责人" : "")  \(who)")
            }
        }
        lines.append("")
        let decided = profile.records.filter { $0.role == .decidingAuthority }
        let about = profile.records.filter { $0.role != .decidingAuthority }
        let dishonest = about.filter { $0.record.polarity == .dishonesty }
        let standing = about.filter(\.isInForce)
        lines.append(
            "信用记录 records (\(about.count): \(dishonest.count) dishonesty, \(about.count - dishonest.count) good; "
                + "\(standing.count) in force, \(about.count - standing.count) revoked or repaired)")
        if !decided.isEmpty { lines.append("  (and \(decided.count) records this body decided about others)") }
        for item in about {
            let r = item.record
            let cls = r.severity.map { " \($0.chineseName)" } ?? ""
            let role =
                item.role == .responsibleOfficial
                ? "  [责任人 responsible; subject \(try name(of: r.subject, kit: kit))]" : ""
            let amount = r.amount.map { "  ¥\($0)" } ?? ""
            let state = item.isInForce ? "" : "  [\(item.standing)]"
            lines.append(
                "  #\(item.id) \(r.decisionDate) \(r.polarity == .good ? "守信" : "失信")\(cls) \(r.basis.chineseName)  \(r.documentNumber)\(amount)\(role)\(state)"
            )
            lines.append(
                "      \(r.facts)  — \(r.authority.name); \(r.legalBasis.map(\.description).joined(separator: "; "))")
        }
        if profile.subject.kind == .official {
            // Lifelong accountability for major decisions (终身追责), as the ledger holds it for this official.
            let applied = try kit.ledger.read(concerning: id, through: kit.view).compactMap {
                try kit.ledger.registry.decode($0, as: AccountabilityApplied.self)
            }.filter { $0.official == id && $0.on <= profile.asOf }
            lines.append("")
            lines.append("问责 accountability (\(applied.count))")
            for a in applied {
                lines.append(
                    "  \(a.on) \(a.form.chineseName)，\(a.by)；决定 decision #\(a.decision.rawValue) of "
                        + (try name(of: a.agency, kit: kit)))
            }
        }
        lines.append("")
        lines.append("承诺 commitments (\(profile.commitments.count))")
        for item in profile.commitments {
            let c = item.commitment
            let due = c.dueDate.map { "due \($0)" } ?? "standing"
            lines.append("  #\(item.id) \(c.madeOn) \(c.kind.chineseName), \(due): \(c.terms)  → \(c.beneficiary)")
        }
        return lines.joined(separator: "\n")
    }
}
