import CreditKitCore
import Foundation
import Hummingbird
import OpenContracting

/// What the routes answer with.
struct CheckAnswer: Encodable {
    struct Reason: Encodable {
        var measure: String?
        var incentive: String?
        var department: String
        var record: Int64
        var rule: String
        var basis: [String]
        var from: String
        var until: String
        var adjustment: String?
    }
    var subject: String
    var purpose: String
    var date: String
    var allowed: Bool
    var restrictions: [Reason]
    var incentives: [Reason]
}

struct SubjectAnswer: Encodable {
    struct Record: Encodable {
        var id: Int64
        var polarity: String
        var basis: String
        var severity: String?
        var decisionDate: String
        var authority: String
        var documentNumber: String
        var standing: String
        var responsible: [String]
    }
    var id: String
    var name: String
    var kind: String
    var records: [Record]
}

struct Page<Item: Encodable>: Encodable {
    var page: Int
    var size: Int
    var total: Int
    var items: [Item]
}

struct AuditAnswer: Encodable {
    struct Step: Encodable {
        var entry: Int64
        var step: String
        var on: String
        var recordedAt: String
        var by: String?
    }
    var record: Int64
    var steps: [Step]
}

struct OCDSAnswer: Encodable {
    struct Found: Encodable {
        var rule: String
        var ocid: String
        var subject: String
        var name: String?
        var facts: [String: String]
    }
    var releases: Int
    var malformedLines: Int
    var findings: [Found]
}

/// The body of `POST /v1/findings/{key}/confirm|dismiss`.
struct Decision: Decodable {
    var on: LocalDate
    var by: String
    var authority: Authority?
    var documentNumber: String?
    var reason: String?
}

/// The body of `POST /v1/objections`.
struct ObjectionBody: Decodable {
    var record: Int64
    var on: LocalDate
    var grounds: String
    var by: String?
}

extension CreditService {
    /// `GET /v1/check/{code}?purpose=…&on=…`: the credit check with every reason. Any authenticated principal.
    func check(_ request: Request, code text: String) throws -> Response {
        _ = try authenticated(request)
        let code = try subjectID(text)
        let purposeText = request.uri.queryParameters.get("purpose") ?? ""
        guard let purpose = CheckPurpose(rawValue: purposeText) else {
            throw ServiceError.badRequest(
                "purpose is one of \(CheckPurpose.allCases.map(\.rawValue).joined(separator: ", ")), not '\(purposeText)'"
            )
        }
        let on = try date(request, "on", kit: kit)
        guard let answer = kit.check(code, for: purpose, on: on) else {
            throw ServiceError.notFound("\(code) is not registered on \(on)")
        }
        func reason(_ r: CreditCheck.Reason) -> CheckAnswer.Reason {
            CheckAnswer.Reason(
                measure: r.measure?.chineseName, incentive: r.incentive?.chineseName, department: r.department,
                record: r.record.rawValue, rule: r.rule.rawValue, basis: r.legalBasis.map(\.description),
                from: r.from.description, until: r.until.description, adjustment: r.adjustment)
        }
        return json(
            .ok,
            CheckAnswer(
                subject: code.rawValue, purpose: purpose.rawValue, date: on.description, allowed: answer.allowed,
                restrictions: answer.restrictions.map(reason), incentives: answer.incentives.map(reason)))
    }

    /// `GET /v1/subjects/{code}`: the subject and its records; officials named only for a principal that may read
    /// personal data, masked otherwise.
    func subject(_ request: Request, code: String) throws -> Response {
        let principal = try authenticated(request)
        let id = try subjectID(code)
        let asOf = try date(request, "asOf", kit: kit)
        let acting = kit.acting(as: principal)
        guard let profile = try acting.profile(of: id, asOf: asOf) else {
            throw ServiceError.notFound("\(id) is not registered on \(asOf)")
        }
        let records = try profile.records.filter { $0.role != .decidingAuthority }.map { item in
            SubjectAnswer.Record(
                id: item.id.rawValue, polarity: item.record.polarity.rawValue, basis: item.record.basis.chineseName,
                severity: item.record.severity?.chineseName, decisionDate: item.record.decisionDate.description,
                authority: item.record.authority.name, documentNumber: item.record.documentNumber,
                standing: item.standing,
                responsible: try item.record.responsibleOfficials.map { try acting.name(of: $0) })
        }
        return json(
            .ok,
            SubjectAnswer(
                id: id.rawValue, name: try acting.name(of: id), kind: profile.subject.kind.rawValue, records: records))
    }

    /// `GET /v1/public/records?page=…&size=…&asOf=…`: the credit website's view, paged (no token needed).
    func publicRecords(_ request: Request) throws -> Response {
        let principal = try principal(request)
        // The public sees today's view; another day's is for a principal with a token.
        if principal.role == .public, request.uri.queryParameters.get("asOf") != nil {
            throw ServiceError.forbidden(principal, "ask for the public view of another day")
        }
        let asOf = try date(request, "asOf", kit: kit)
        let page = request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1
        let size = request.uri.queryParameters.get("size").flatMap { Int($0) } ?? 20
        guard (1...100_000).contains(page), (1...200).contains(size) else {
            throw ServiceError.badRequest("page is 1 to 100000, size 1 to 200")
        }
        let all = try Disclosure.publicRecords(of: kit, asOf: asOf)
        let items = all.dropFirst((page - 1) * size).prefix(size).map { r in
            Dictionary(uniqueKeysWithValues: zip(PublicRecord.headers(r.layout), r.row))
                .merging(["layout": r.layout.chineseName]) { a, _ in a }
        }
        return json(.ok, Page(page: page, size: size, total: all.count, items: Array(items)))
    }

    /// `POST /v1/records`: a record, entered as the request's principal in one batch (a reporting unit only for
    /// what it decided).
    func enter(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let principal = try authenticated(request)
        let body = try await request.body.collect(upTo: 1 << 20)
        let record = try JSONDecoder().decode(CreditRecord.self, from: Data(buffer: body))
        let id = try await kit.acting(as: principal).enter(record)
        return json(.created, ["record": id.rawValue])
    }

    /// `POST /v1/findings/{key}/confirm|dismiss`: the credit office's decision on an open finding.
    func decide(_ request: Request, _ context: some RequestContext, confirm: Bool) async throws -> Response {
        let principal = try authenticated(request)
        // Only the credit office and systems decide findings: said before any check is run.
        guard [.creditOffice, .system].contains(principal.role) else {
            throw ServiceError.forbidden(principal, "decide findings")
        }
        let key = (context.parameters.get("key") ?? "").removingPercentEncoding ?? ""
        let body = try await request.body.collect(upTo: 1 << 16)
        let decision = try JSONDecoder().decode(Decision.self, from: Data(buffer: body))
        let acting = kit.acting(as: principal)
        let open = try await offload { try acting.runChecks(asOf: decision.on) }
        guard let finding = open.first(where: { $0.key == key }) else {
            throw ServiceError.notFound("no open finding with key '\(key)' on \(decision.on)")
        }
        if confirm {
            guard let authority = decision.authority, let number = decision.documentNumber else {
                throw ServiceError.badRequest("a confirmation names the authority and the document number")
            }
            let record = try await acting.confirm(
                finding, on: decision.on, by: decision.by, authority: authority, documentNumber: number)
            return json(.created, ["record": record.rawValue])
        }
        guard let reason = decision.reason else { throw ServiceError.badRequest("a dismissal gives its reason") }
        try await acting.dismiss(finding, on: decision.on, by: decision.by, reason: reason)
        return json(.ok, ["dismissed": key])
    }

    /// `POST /v1/objections`: an objection to a record, by the record's subject (or the credit office for it).
    func object(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let principal = try authenticated(request)
        let body = try await request.body.collect(upTo: 1 << 16)
        let objection = try JSONDecoder().decode(ObjectionBody.self, from: Data(buffer: body))
        guard let by = objection.by.map({ SubjectID(rawValue: $0) }) ?? principal.unit else {
            throw ServiceError.badRequest("an objection names who files it (by)")
        }
        let id = try await kit.acting(as: principal).fileObjection(
            CreditRecord.ID(objection.record), on: objection.on, by: by, grounds: objection.grounds)
        return json(.created, ["objection": id.rawValue])
    }

    /// `GET /v1/reports/{kind}/{code}?asOf=…&format=json|html|md`: a credit file (`file`) or the ranking (`ranking`,
    /// code `all`), for the credit office, auditors and systems.
    func report(_ request: Request, kind: String, code: String) throws -> Response {
        let principal = try authenticated(request)
        guard [.creditOffice, .auditor, .system].contains(principal.role) else {
            throw ServiceError.forbidden(principal, "read reports")
        }
        let format = request.uri.queryParameters.get("format") ?? "json"
        guard ["json", "html", "md"].contains(format) else {
            throw ServiceError.badRequest("format is json, html or md, not '\(format.prefix(20))'")
        }
        let asOf = try date(request, "asOf", kit: kit)
        let acting = kit.acting(as: principal)
        let report: Report
        switch kind {
        case "file":
            let id = try subjectID(code)
            guard case .agency? = kit.view.subject(id)?.subject else {
                throw ServiceError.notFound("\(id) is no registered agency: a credit file is an agency's")
            }
            report = try acting.creditFile(of: id, asOf: asOf)
        case "ranking": report = try acting.rankingReport(asOf: asOf)
        case let other: throw ServiceError.notFound("no report kind '\(other.prefix(20))' (file, ranking)")
        }
        switch format {
        case "html": return text(ReportRenderer.html(report), type: "text/html")
        case "md": return text(ReportRenderer.markdown(report), type: "text/markdown")
        case "json": return text(try ReportRenderer.json(report), type: "application/json")
        case let other: throw ServiceError.badRequest("format is json, html or md, not '\(other)'")
        }
    }

    /// `POST /v1/ocds/check?asOf=…`: an uploaded OCDS file, streamed to disk, checked with every module.
    func ocdsCheck(_ request: Request, _ context: some RequestContext) async throws -> Response {
        _ = try authenticated(request)
        let asOf = try date(request, "asOf", kit: kit)
        guard await uploads.enter() else {
            throw ServiceError(
                status: .serviceUnavailable, code: "busy", message: "another OCDS file is being checked; try again")
        }
        defer { Task { await uploads.leave() } }
        // In the service's own upload folder, readable by the service alone.
        let file = uploadFolder.appendingPathComponent("ocds-\(UUID().uuidString).jsonl")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw ServiceError(status: .internalServerError, code: "storage", message: "cannot take in the upload")
        }
        // Tidying after the answer: a copy left behind is cleared when the next service starts, and the answer stands.
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        var size = 0
        for try await chunk in request.body {
            size += chunk.readableBytes
            guard size <= 512 << 20 else {
                try handle.close()
                throw ServiceError(status: .contentTooLarge, code: "too-large", message: "an upload is 512 MB at most")
            }
            try handle.write(contentsOf: Data(buffer: chunk))
        }
        try handle.close()
        let (findings, report): ([Finding], OCDSReader.Report)
        do {
            (findings, report) = try await offload {
                try OCDSRun.check(path: file.path, modules: serviceModules, asOf: asOf)
            }
        } catch let error as CreditKitError {
            // The message speaks of the upload, never of where the server keeps it.
            var e = error
            e.message = e.message.replacingOccurrences(of: file.path, with: "the upload")
            throw e
        }
        return json(
            .ok,
            OCDSAnswer(
                releases: report.releases, malformedLines: report.malformed.count,
                findings: findings.map { f in
                    OCDSAnswer.Found(
                        rule: f.rule.rawValue, ocid: f.fact("ocid") ?? f.fact("project") ?? "",
                        subject: f.subject.rawValue, name: f.fact("name"),
                        facts: Dictionary(f.facts.map { ($0.name, $0.value) }) { a, _ in a })
                }))
    }

    /// `GET /v1/head`: the ledger's signed tree head, for anyone to check the ledger against later.
    func head(_ request: Request) throws -> Response {
        _ = try principal(request)
        guard let headKey else {
            throw ServiceError(
                status: .serviceUnavailable, code: "no-key", message: "the keys file holds no key that signs heads")
        }
        return json(.ok, try kit.signedTreeHead(key: headKey))
    }

    /// `GET /v1/audit/records/{id}`: who entered, changed and decided a record; the credit office, auditors, systems.
    func audit(_ request: Request, id: String) throws -> Response {
        let principal = try authenticated(request)
        guard [.creditOffice, .auditor, .system].contains(principal.role) else {
            throw ServiceError.forbidden(principal, "read the audit trail")
        }
        guard let n = Int64(id) else {
            throw ServiceError.badRequest("a record's number")
        }
        let steps = try kit.audit(of: CreditRecord.ID(n)).map {
            AuditAnswer.Step(
                entry: $0.entry.rawValue, step: $0.step, on: $0.on.description, recordedAt: $0.recordedAt.description,
                by: $0.by?.canonicalText)
        }
        return json(.ok, AuditAnswer(record: n, steps: steps))
    }
}
