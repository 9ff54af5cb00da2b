import CreditKitCore

/// The checks every `SectorModule` must pass (领域模块一致性测试).
public enum SectorModuleConformance {
    /// Checks a module: a well-formed ID (lower-case letters, digits and hyphens), both names, event kinds that
    /// start with the ID and a dot and do not clash with the core's, and a registry that builds.
    /// - Parameter module: The module.
    /// - Throws: ``ConformanceFailure`` saying what is wrong.
    public static func check(_ module: some SectorModule) throws {
        let id = module.id.rawValue
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !id.isEmpty, id.allSatisfy(allowed.contains), id.first != "-", id.last != "-" else {
            throw ConformanceFailure(message: "sector ID '\(id)' is not lower-case letters, digits and hyphens")
        }
        guard !module.name.chinese.isEmpty, !module.name.english.isEmpty else {
            throw ConformanceFailure(message: "module \(id) lacks a Chinese or an English name")
        }
        for type in module.eventTypes {
            guard type.kind.rawValue.hasPrefix(id + "."), !EventRegistry.core.knows(type.kind) else {
                throw ConformanceFailure(message: "module \(id) has event kind '\(type.kind)' outside its namespace")
            }
        }
        do { _ = try EventRegistry.core(with: [module]) } catch {
            throw ConformanceFailure(message: "module \(id) does not register: \(error)")
        }
    }
}
