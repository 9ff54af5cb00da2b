import CreditKitCore
import Foundation
import Testing

@testable import creditkit

/// Every rule a registered module declares is named by a test: its id stands in a test file, where the tests
/// check it on each side of its limit. A rule declared with no test fails here, naming it.
@Suite("Rule coverage")
struct RuleCoverageTests {
    /// The text of every Swift file under `Tests/` but this one.
    static func testSources() throws -> String {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let me = URL(fileURLWithPath: #filePath).lastPathComponent
        guard let walker = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var text = ""
        for case let url as URL in walker where url.pathExtension == "swift" && url.lastPathComponent != me {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        return text
    }

    @Test("every declared rule, the core's and every registered module's, is named in a test")
    func everyRuleTested() throws {
        let text = try Self.testSources()
        #expect(text.count > 100_000, "the tests were read")
        var declared: [RuleID] = CoreLaw.all.map(\.id)
        for module in allSectorModules { declared += module.rules.map(\.id) }
        declared += DecisionLaw.xinBaragLeftBanner.map(\.id)
        #expect(declared.count >= 78, "the core's, procurement's and bidding's rules are declared")
        let untested = declared.filter { !text.contains("\"\($0.rawValue)\"") }
        #expect(untested.isEmpty, "rules no test names: \(untested.map(\.rawValue))")
    }

    @Test("a module's figures are exactly its declarations' versions, and each id is declared once")
    func declaredOnce() throws {
        for module in allSectorModules {
            let ids = module.rules.map(\.id)
            #expect(Set(ids).count == ids.count, "module \(module.id) declares a rule twice")
            #expect(module.ruleFigures == module.rules.flatMap(\.figures))
            for rule in module.rules {
                #expect(rule.figures.allSatisfy { $0.rule == rule.id && $0.title == rule.title })
            }
        }
    }
}
