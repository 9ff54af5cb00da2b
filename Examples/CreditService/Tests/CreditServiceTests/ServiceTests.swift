import CreditKitCore
import CreditKitTesting
import CreditServiceKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A ledger with a credit office, a regulator that decides penalties, a bureau, an official, and a token per role.
struct World {
    let folder: URL
    let kit: CreditKit
    let service: CreditService
    let office = Fixtures.agency(index: 1, level: .city)
    let regulator = Fixtures.agency(index: 2)
    let bureau = Fixtures.agency(index: 3)
    let official: SubjectID
    static let tokens = [
        "office": ("op-0001", "credit-office", 1), "regulator": ("op-0142", "reporting-unit", 2),
        "bureau": ("op-0300", "reporting-unit", 3), "auditor": ("audit-01", "auditor", 0),
    ]

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("credit-service-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("ledger.sqlite").path
        kit = try CreditKit(store: .sqlite(store), modules: serviceModules, clock: FixedClock.demo)
        for a in [office, regulator, bureau] { try await kit.register(a, on: LocalDate("2020-01-01")!) }
        official = try await kit.registerOfficial(
            residentID: try ResidentID("130321197305120011"), name: "张建国", on: LocalDate("2020-01-01")!
        ).id
        let configuration = ServiceConfiguration(
            store: store,
            tokens: Self.tokens.map { token, p in
                ServiceConfiguration.Token(
                    sha256: ServiceConfiguration.digest(of: "secret-\(token)"), id: p.0, role: p.1,
                    unit: p.2 == 0 ? nil : Fixtures.creditCode(index: p.2).rawValue)
            })
        service = CreditService(
            kit: kit, tokens: try TokenBook(configuration),
            headKey: try TreeHeadKey.loadOrAdd(keysFile: store + ".keys").key)
    }

    /// The headers of a role's token.
    func auth(_ role: String) -> HTTPFields { [.authorization: "Bearer secret-\(role)"] }

    /// A penalty decided by the regulator on the bureau.
    func penalty(_ number: String) -> String {
        """
        {"subject":"\(bureau.id)","polarity":"dishonesty","basis":"administrativePenalty","severity":"serious",
         "actDate":"2026-01-05","decisionDate":"2026-02-02",
         "authority":{"name":"\(regulator.name)","creditCode":"\(regulator.creditCode)"},
         "documentNumber":"\(number)","legalBasis":[{"document":"《中华人民共和国大气污染防治法》","article":"第九十九条"}],
         "facts":"超标排放大气污染物。","amount":50000,"responsibleOfficials":[],
         "penalty":{"violation":"超标排放大气污染物","kinds":["fine"],"content":"罚款5万元"}}
        """
    }

    func app() -> some ApplicationProtocol {
        let router = Router()
        service.routes(router)
        return Application(router: router)
    }
}

func body(_ response: TestResponse) -> String { String(buffer: response.body) }

func object(_ response: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
}

@Suite("CreditService through a real HTTP client")
struct ServiceTests {
    @Test("each route answers its roles, and each role is refused what it may not do, writing nothing")
    func routesAndRoles() async throws {
        let w = try await World()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        try await w.app().test(.live) { client in
            // Entering a record: the regulator its own decision; the bureau and the auditor are refused.
            let created = try await client.execute(
                uri: "/v1/records", method: .post, headers: w.auth("regulator"),
                body: ByteBuffer(string: w.penalty("秦环罚〔2026〕1号")))
            #expect(created.status == .created, "\(body(created))")
            let record = try #require(try object(created)["record"] as? Int)
            let head = w.kit.view.head
            for role in ["bureau", "auditor"] {
                let refused = try await client.execute(
                    uri: "/v1/records", method: .post, headers: w.auth(role),
                    body: ByteBuffer(string: w.penalty("秦环罚〔2026〕2号")))
                #expect(refused.status == .forbidden && body(refused).contains("forbidden"), "\(role)")
            }
            #expect(w.kit.view.head == head)
            // No token, or an unknown one: 401, and the token is never echoed.
            let none = try await client.execute(uri: "/v1/check/\(w.bureau.id)?purpose=funding", method: .get)
            #expect(none.status == .unauthorized)
            let unknown = try await client.execute(
                uri: "/v1/check/\(w.bureau.id)?purpose=funding", method: .get,
                headers: [.authorization: "Bearer not-a-token-zz9"])
            #expect(unknown.status == .unauthorized && !body(unknown).contains("zz9"))
            // The credit check: restricted by the serious record, with its reason.
            let check = try await client.execute(
                uri: "/v1/check/\(w.bureau.id)?purpose=honours&on=2026-03-01", method: .get, headers: w.auth("bureau"))
            let answer = try object(check)
            #expect(check.status == .ok && answer["allowed"] as? Bool == false)
            #expect((answer["restrictions"] as? [[String: Any]])?.first?["record"] as? Int == record)
            // The audit trail: the auditor reads who entered it; a reporting unit may not.
            let trail = try await client.execute(
                uri: "/v1/audit/records/\(record)", method: .get, headers: w.auth("auditor"))
            let steps = try #require(try object(trail)["steps"] as? [[String: Any]])
            #expect(steps.first?["by"] as? String == "reporting-unit \(w.regulator.creditCode) op-0142")
            let hidden = try await client.execute(
                uri: "/v1/audit/records/\(record)", method: .get, headers: w.auth("regulator"))
            #expect(hidden.status == .forbidden)
            // An objection by the bureau to its own record.
            let objection = try await client.execute(
                uri: "/v1/objections", method: .post, headers: w.auth("bureau"),
                body: ByteBuffer(string: #"{"record":\#(record),"on":"2026-02-10","grounds":"处罚金额有误"}"#))
            #expect(objection.status == .created, "\(body(objection))")
            // Reports: the credit office reads the bureau's file; a reporting unit may not.
            let file = try await client.execute(
                uri: "/v1/reports/file/\(w.bureau.id)?format=html&asOf=2026-03-01", method: .get,
                headers: w.auth("office"))
            #expect(file.status == .ok && file.headers[.contentType]?.hasPrefix("text/html") == true)
            let refusedFile = try await client.execute(
                uri: "/v1/reports/file/\(w.bureau.id)", method: .get, headers: w.auth("bureau"))
            #expect(refusedFile.status == .forbidden)
            // The public view needs no token; the signed head neither.
            let page = try await client.execute(uri: "/v1/public/records?page=1&size=10", method: .get)
            let total = try object(page)["total"] as? Int
            #expect(page.status == .ok && total == 0)
            let headAnswer = try await client.execute(uri: "/v1/head", method: .get)
            let size = try object(headAnswer)["treeSize"] as? Int ?? 0
            #expect(headAnswer.status == .ok && size > 4)
        }
    }

    @Test(
        "attack: a page beyond any, another day's public view without a token, an objection for another, odd formats and kinds"
    )
    func attacks() async throws {
        let w = try await World()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let record = try await w.kit.enter(
            try JSONDecoder().decode(CreditRecord.self, from: Data(w.penalty("秦环罚〔2026〕7号").utf8)))
        try await w.app().test(.live) { client in
            // Paging cannot overflow into a crash.
            let huge = try await client.execute(
                uri: "/v1/public/records?page=4611686018427387904&size=200", method: .get)
            #expect(huge.status == .badRequest)
            // The public reads today's view only; another day's needs a token.
            let past = try await client.execute(uri: "/v1/public/records?asOf=2025-10-01", method: .get)
            #expect(past.status == .forbidden)
            let pastWithToken = try await client.execute(
                uri: "/v1/public/records?asOf=2025-10-01", method: .get, headers: w.auth("auditor"))
            #expect(pastWithToken.status == .ok)
            // Only the record's subject objects to it: the regulator may not object for the bureau's record.
            let objection = try await client.execute(
                uri: "/v1/objections", method: .post, headers: w.auth("regulator"),
                body: ByteBuffer(
                    string: #"{"record":\#(record.rawValue),"on":"2026-02-10","grounds":"x","by":"\#(w.bureau.id)"}"#))
            #expect(objection.status == .forbidden || objection.status == .unprocessableContent, "\(body(objection))")
            // The scheme's name is case-insensitive.
            let lower = try await client.execute(
                uri: "/v1/check/\(w.bureau.id)?purpose=funding", method: .get,
                headers: [.authorization: "bearer secret-bureau"])
            #expect(lower.status == .ok)
            // A format or kind the service has not is refused at once; a credit file is an agency's.
            let xml = try await client.execute(
                uri: "/v1/reports/file/\(w.bureau.id)?format=xml", method: .get, headers: w.auth("office"))
            #expect(xml.status == .badRequest)
            let person = try await client.execute(
                uri: "/v1/reports/file/\(w.official)", method: .get, headers: w.auth("office"))
            #expect(person.status == .notFound)
            // A reporting unit may not even ask for a finding to be decided.
            let decide = try await client.execute(
                uri: "/v1/findings/x/dismiss", method: .post, headers: w.auth("regulator"),
                body: ByteBuffer(string: "{}"))
            #expect(decide.status == .forbidden)
        }
    }

    @Test("every route for every role: who is answered and who is refused (401 without a token, 403 by role)")
    func everyRouteEveryRole() async throws {
        let w = try await World()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let record = try await w.kit.enter(
            try JSONDecoder().decode(CreditRecord.self, from: Data(w.penalty("秦环罚〔2026〕8号").utf8)))
        let ocds = #"{"ocid":"o-1","buyer":{"id":"B1"},"tender":{"procurementMethod":"open","numberOfTenderers":1}}"#
        typealias Row = (
            method: HTTPRequest.Method, uri: String, body: String?, expected: [String?: HTTPResponse.Status]
        )
        let anyone: [String?: HTTPResponse.Status] = [
            nil: .ok, "office": .ok, "regulator": .ok, "bureau": .ok, "auditor": .ok,
        ]
        let tokenHolders: [String?: HTTPResponse.Status] = [
            nil: .unauthorized, "office": .ok, "regulator": .ok, "bureau": .ok, "auditor": .ok,
        ]
        let officeAndAuditors: [String?: HTTPResponse.Status] = [
            nil: .unauthorized, "office": .ok, "regulator": .forbidden, "bureau": .forbidden, "auditor": .ok,
        ]
        let rows: [Row] = [
            (.get, "/v1/check/\(w.bureau.id)?purpose=funding", nil, tokenHolders),
            (.get, "/v1/subjects/\(w.bureau.id)", nil, tokenHolders),
            (.get, "/v1/public/records", nil, anyone),
            (.get, "/v1/head", nil, anyone),
            (.get, "/v1/ping", nil, anyone),
            (.post, "/v1/ocds/check?asOf=2016-12-31", ocds + "\n", tokenHolders),
            (.get, "/v1/reports/file/\(w.bureau.id)", nil, officeAndAuditors),
            (.get, "/v1/audit/records/\(record.rawValue)", nil, officeAndAuditors),
            (
                .post, "/v1/findings/no-such-key/dismiss", #"{"on":"2026-06-01","by":"x","reason":"y"}"#,
                [
                    nil: .unauthorized, "office": .notFound, "regulator": .forbidden, "bureau": .forbidden,
                    "auditor": .forbidden,
                ]
            ),
            (
                .post, "/v1/records", nil,
                [
                    nil: .unauthorized, "office": .created, "regulator": .created, "bureau": .forbidden,
                    "auditor": .forbidden,
                ]
            ),
            (
                .post, "/v1/objections",
                #"{"record":\#(record.rawValue),"on":"2026-02-10","grounds":"有误","by":"\#(w.bureau.id)"}"#,
                [nil: .unauthorized, "auditor": .forbidden, "regulator": .forbidden, "bureau": .created]
            ),
        ]
        try await w.app().test(.live) { client in
            var n = 20
            for row in rows {
                // Roles in a fixed order, so a write allowed once is tried by the refused roles first.
                for role in [nil, "auditor", "regulator", "office", "bureau"] as [String?] {
                    guard let expected = row.expected[role] else { continue }
                    n += 1
                    let body = row.uri == "/v1/records" ? w.penalty("秦环罚〔2026〕\(n)号") : row.body
                    let r = try await client.execute(
                        uri: row.uri, method: row.method, headers: role.map { w.auth($0) } ?? [:],
                        body: body.map { ByteBuffer(string: $0) })
                    #expect(
                        r.status == expected,
                        "\(row.method) \(row.uri) as \(role ?? "no token"): \(String(buffer: r.body))")
                }
            }
        }
    }

    @Test("officials are named for the credit office and auditors, masked for a reporting unit")
    func masking() async throws {
        let w = try await World()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        try await w.app().test(.live) { client in
            for (role, named) in [("office", true), ("auditor", true), ("regulator", false)] {
                let r = try await client.execute(uri: "/v1/subjects/\(w.official)", method: .get, headers: w.auth(role))
                #expect(r.status == .ok)
                #expect(body(r).contains("130321********0011") == named && body(r).contains("张建国") == false, "\(role)")
            }
        }
    }

    @Test("findings are decided by the credit office only; an uploaded OCDS file is checked")
    func findingsAndOCDS() async throws {
        let w = try await World()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        // A serious penalty never published: a publication finding against the regulator.
        var penalty = Fixtures.record(subject: w.bureau.id, decisionDate: LocalDate("2026-02-02")!, severity: .serious)
        penalty.authority = Authority(name: w.regulator.name, creditCode: w.regulator.creditCode)
        _ = try await w.kit.enter(penalty)
        let finding = try #require(try w.kit.runChecks(asOf: LocalDate("2026-06-01")!).first)
        let key = try #require(finding.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let dismissal = #"{"on":"2026-06-01","by":"市信用办","reason":"已在省平台公示"}"#
        try await w.app().test(.live) { client in
            let refused = try await client.execute(
                uri: "/v1/findings/\(key)/dismiss", method: .post, headers: w.auth("regulator"),
                body: ByteBuffer(string: dismissal))
            #expect(refused.status == .forbidden, "\(body(refused))")
            let done = try await client.execute(
                uri: "/v1/findings/\(key)/dismiss", method: .post, headers: w.auth("office"),
                body: ByteBuffer(string: dismissal))
            #expect(done.status == .ok, "\(body(done))")
            let again = try await client.execute(
                uri: "/v1/findings/\(key)/dismiss", method: .post, headers: w.auth("office"),
                body: ByteBuffer(string: dismissal))
            #expect(again.status == .notFound)
            let line =
                #"{"ocid":"ocds-s-1","date":"2016-05-01","buyer":{"id":"B1","name":"某局"},"tender":{"procurementMethod":"open","numberOfTenderers":1}}"#
            let checked = try await client.execute(
                uri: "/v1/ocds/check?asOf=2016-12-31", method: .post, headers: w.auth("auditor"),
                body: ByteBuffer(string: line + "\n"))
            let answer = try object(checked)
            #expect(checked.status == .ok && answer["releases"] as? Int == 1)
            let rules = (answer["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
            #expect(rules.contains("bidding.flag.single-bid"))
        }
    }

    @Test("openapi.yaml describes every route the service has, and no other")
    func openAPIInStep() async throws {
        let spec = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("openapi.yaml"), encoding: .utf8)
        var documented: Set<String> = []
        var path: String?
        for line in spec.split(separator: "\n") {
            if line.hasPrefix("  /v1/"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
                let method = ["get", "post", "put", "delete"].first(where: { line == "    \($0):" })
            {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let served = Set(CreditService.routeTable.map { "\($0.method) \($0.path)" })
        #expect(documented == served)
        // Each route of the table is routed: a request reaches a handler (never the router's own 404 without body).
        let w = try await World()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        try await w.app().test(.live) { client in
            for route in CreditService.routeTable {
                let uri = route.path.replacingOccurrences(of: "{code}", with: "X").replacingOccurrences(
                    of: "{key}", with: "X"
                ).replacingOccurrences(of: "{kind}", with: "file").replacingOccurrences(of: "{id}", with: "1")
                let r = try await client.execute(
                    uri: uri, method: route.method == "GET" ? .get : .post, headers: w.auth("auditor"),
                    body: ByteBuffer(string: "{}"))
                #expect(body(r).hasPrefix("{") || r.status == .ok, "\(route.method) \(route.path): \(r.status)")
            }
        }
    }
}
