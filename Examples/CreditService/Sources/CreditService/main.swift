// CreditService: the reference credit service. Usage: CreditService CONFIG.json [--port N]
// The configuration names the ledger and the bearer tokens (kept as SHA-256 digests); see Examples/CreditService/README.md.
import CreditKitCore
import CreditServiceKit
import Foundation
import Hummingbird

var arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: CreditService CONFIG.json [--port N]\n".utf8))
    exit(2)
}
arguments = arguments.dropFirst()
var port = 8080
if arguments.first == "--port", let n = arguments.dropFirst().first.flatMap({ Int($0) }) { port = n }
do {
    let app = try CreditService.application(
        configuration: try ServiceConfiguration.load(path), address: .hostname("127.0.0.1", port: port))
    try await app.runService()
} catch {
    FileHandle.standardError.write(Data("CreditService: \(error)\n".utf8))
    exit(1)
}
