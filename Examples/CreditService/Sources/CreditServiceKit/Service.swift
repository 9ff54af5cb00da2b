import Bidding
import CreditKitCore
import Debt
import Foundation
import Hummingbird
import InvestmentPromotion
import OpenContracting
import PPP
import Procurement
import Townships

/// Every sector module, as the service registers them.
public let serviceModules: [any SectorModule] = [
    ProcurementModule(), PPPModule(), BiddingModule(), InvestmentPromotionModule(), DebtModule(), TownshipsModule(),
]

/// An error the service answers with: its HTTP status and a JSON body `{"error": code, "message": …}`.
struct ServiceError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func unauthorized() -> ServiceError {
        ServiceError(status: .unauthorized, code: "unauthorized", message: "a valid bearer token is required")
    }

    static func forbidden(_ principal: Principal, _ what: String) -> ServiceError {
        ServiceError(status: .forbidden, code: "forbidden", message: "\(principal) may not \(what)")
    }

    static func badRequest(_ message: String) -> ServiceError {
        ServiceError(status: .badRequest, code: "bad-request", message: message)
    }

    static func notFound(_ message: String) -> ServiceError {
        ServiceError(status: .notFound, code: "not-found", message: message)
    }

    /// The status of a CreditKit error: refused by the policy 403, unknown 404, the ledger busy with another
    /// writer 503, other storage faults 500, the rest 422. The message is cut at 300 characters (a long input is not
    /// echoed whole).
    init(_ error: CreditKitError) {
        switch error.code {
        case .forbidden: status = .forbidden
        case .unknownSubject: status = .notFound
        case .storage where error.message.contains("locked") || error.message.contains("busy"):
            status = .serviceUnavailable
        case .storage, .brokenChain, .crypto, .personalDataLost: status = .internalServerError
        default: status = .unprocessableContent
        }
        code = error.code.rawValue
        message = error.message.count > 300 ? String(error.message.prefix(300)) + "…" : error.message
    }
}

/// The reference credit service (信用服务): the SDK behind HTTP routes, each request acting as the principal its bearer
/// token names. `routes(_:)` adds the routes to a router; ``CreditService/application(configuration:address:)`` makes
/// the whole application.
public struct CreditService: Sendable {
    /// The kit, acting as the system; each request acts through `kit.acting(as:)`.
    public let kit: CreditKit
    /// The tokens and their principals.
    public let tokens: TokenBook
    /// The key that signs tree heads, when the keys file holds one.
    public let headKey: TreeHeadKey?
    /// One OCDS check at a time.
    let uploads = UploadGate()
    /// Where uploads wait while they are checked: a folder of the service's own, emptied when it starts.
    let uploadFolder: URL

    /// Makes the service over a kit.
    /// - Parameters:
    ///   - kit: The kit.
    ///   - tokens: The tokens.
    ///   - headKey: The key that signs tree heads.
    public init(kit: CreditKit, tokens: TokenBook, headKey: TreeHeadKey? = nil) {
        self.kit = kit
        self.tokens = tokens
        self.headKey = headKey
        // A folder per process; the leftovers of a service stopped mid-upload (its process gone) go when the next one
        // starts.
        let temporary = FileManager.default.temporaryDirectory
        uploadFolder = temporary.appendingPathComponent("creditservice-uploads-\(getpid())")
        // A temporary folder that cannot be listed has no leftovers this service can clear: nothing to tidy.
        let stale = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in stale where name.hasPrefix("creditservice-uploads-") {
            guard let pid = Int32(name.dropFirst("creditservice-uploads-".count)), pid != getpid(), kill(pid, 0) != 0
            else { continue }
            // Absence is the meaning: another process may have removed it first.
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
        // Absence is the meaning: a folder that cannot be made shows when the first upload cannot be written.
        try? FileManager.default.createDirectory(
            at: uploadFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Opens the ledger the configuration names and makes the application listening on an address.
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - address: Where to listen.
    /// - Returns: The application.
    /// - Throws: When the ledger or the tokens cannot be read.
    public static func application(configuration: ServiceConfiguration, address: BindAddress) throws
        -> some ApplicationProtocol
    {
        let kit = try CreditKit(store: .sqlite(configuration.store), modules: serviceModules)
        let service = CreditService(
            kit: kit, tokens: try TokenBook(configuration),
            headKey: try TreeHeadKey.load(keysFile: configuration.store + ".keys"))
        let router = Router()
        service.routes(router)
        return Application(router: router, configuration: .init(address: address, serverName: "CreditService"))
    }

    /// The principal a request acts as: its bearer token's, or the anonymous public without one.
    /// - Parameter request: The request.
    /// - Returns: The principal.
    /// - Throws: ``ServiceError`` 401 for a token the service does not know (never echoed).
    func principal(_ request: Request) throws -> Principal {
        guard let header = request.headers[.authorization] else { return .anonymous }
        // The scheme's name is case-insensitive (RFC 9110); the token is never echoed.
        guard header.count > 7, header.prefix(7).lowercased() == "bearer ",
            let p = tokens.principal(for: String(header.dropFirst(7)))
        else {
            throw ServiceError.unauthorized()
        }
        return p
    }

    /// The principal of a request that must carry a token.
    func authenticated(_ request: Request) throws -> Principal {
        let p = try principal(request)
        guard p.role != .public else { throw ServiceError.unauthorized() }
        return p
    }

    /// Every route, as `openapi.yaml` describes it (a test keeps the two in step).
    public static let routeTable: [(method: String, path: String)] = [
        ("GET", "/v1/check/{code}"), ("GET", "/v1/subjects/{code}"), ("GET", "/v1/public/records"),
        ("POST", "/v1/records"), ("POST", "/v1/findings/{key}/confirm"), ("POST", "/v1/findings/{key}/dismiss"),
        ("POST", "/v1/objections"), ("GET", "/v1/reports/{kind}/{code}"), ("POST", "/v1/ocds/check"),
        ("GET", "/v1/head"), ("GET", "/v1/audit/records/{id}"), ("GET", "/v1/ping"),
    ]

    /// Adds the routes.
    /// - Parameter router: The router.
    public func routes(_ router: Router<some RequestContext>) {
        // Reads do their ledger work off the server's own threads (`offload`), so a request waiting on the store
        // never holds up the others.
        router.get("/v1/check/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            return try await answer { try await offload { try check(request, code: code) } }
        }
        router.get("/v1/subjects/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            return try await answer { try await offload { try subject(request, code: code) } }
        }
        router.get("/v1/public/records") { request, _ in
            try await answer { try await offload { try publicRecords(request) } }
        }
        router.post("/v1/records") { request, context in try await answer { try await enter(request, context) } }
        router.post("/v1/findings/:key/confirm") { request, context in
            try await answer { try await decide(request, context, confirm: true) }
        }
        router.post("/v1/findings/:key/dismiss") { request, context in
            try await answer { try await decide(request, context, confirm: false) }
        }
        router.post("/v1/objections") { request, context in
            try await answer { try await object(request, context) }
        }
        router.get("/v1/reports/:kind/:code") { request, context in
            let (kind, code) = (context.parameters.get("kind") ?? "", context.parameters.get("code") ?? "")
            return try await answer { try await offload { try report(request, kind: kind, code: code) } }
        }
        router.post("/v1/ocds/check") { request, context in
            try await answer { try await ocdsCheck(request, context) }
        }
        router.get("/v1/head") { request, _ in try await answer { try await offload { try head(request) } } }
        router.get("/v1/audit/records/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await answer { try await offload { try audit(request, id: id) } }
        }
        // Liveness, and the load run's yardstick: the framework's own cost with no ledger work.
        router.get("/v1/ping") { _, _ in json(.ok, ["ok": true]) }
    }

    /// Runs a handler and turns what it throws into the JSON error answer.
    func answer(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as ServiceError {
            return json(error.status, ["error": error.code, "message": error.message])
        } catch let error as CreditKitError {
            let e = ServiceError(error)
            return json(e.status, ["error": e.code, "message": e.message])
        } catch let error as DecodingError {
            return json(
                .badRequest, ["error": "bad-request", "message": "the body is not what the route takes: \(error)"])
        }
    }
}

/// Runs blocking ledger work on a dispatch queue rather than on the server's cooperative threads.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// At most one OCDS file is checked at a time: the check is a whole core's work and its memory.
actor UploadGate {
    private var busy = false

    /// Takes the gate, or says it is taken.
    func enter() -> Bool {
        guard !busy else { return false }
        busy = true
        return true
    }

    /// Gives the gate back.
    func leave() { busy = false }
}

/// A JSON response.
func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // A value that does not encode is a fault, answered as one (500), never as the status asked for.
    guard let data = try? encoder.encode(value) else {
        return Response(
            status: .internalServerError, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: #"{"error":"encoding","message":"the answer did not encode"}"#)))
    }
    return Response(
        status: status, headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

/// A text response of a media type.
func text(_ body: String, type: String) -> Response {
    Response(
        status: .ok, headers: [.contentType: "\(type); charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: body)))
}

/// A subject identifier from a path: a credit code, or an official's `person:` identifier.
func subjectID(_ text: String) throws -> SubjectID {
    if text.hasPrefix("person:") { return SubjectID(rawValue: text) }
    do {
        return SubjectID(try UnifiedSocialCreditCode(text))
    } catch let error as CreditKitError {
        throw ServiceError.badRequest(error.message)
    }
}

/// A date from a query parameter, or today.
func date(_ request: Request, _ name: String, kit: CreditKit) throws -> LocalDate {
    guard let text = request.uri.queryParameters.get(name) else { return kit.ledger.clock.today }
    guard let day = LocalDate(text) else {
        throw ServiceError.badRequest("\(name) is not a date (YYYY-MM-DD): '\(text)'")
    }
    return day
}
