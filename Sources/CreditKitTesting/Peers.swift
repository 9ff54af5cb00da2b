import Foundation

/// The shared real-data folder (公开数据样本) that integration tests read: public OCDS files and OCP Cardinal's
/// fixtures.
///
/// It is `CREDITKIT_PEERS` when that is set (the folder that holds the `.jsonl` files), else `shared/peers/ocds`
/// beside the package's folder, as the project's work machines and CI lay it out. Tests that need it take the
/// ``isAvailable`` trait condition, so a checkout without the folder skips them with ``missingMessage`` rather than
/// failing on a missing file.
public enum Peers {
    /// The folder of OCDS files.
    public static let ocds: URL = {
        if let given = ProcessInfo.processInfo.environment["CREDITKIT_PEERS"], !given.isEmpty {
            return URL(fileURLWithPath: given)
        }
        // Sources/CreditKitTesting/Peers.swift → the package → the folder beside it.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/peers/ocds")
    }()

    /// Whether the folder is there.
    public static var isAvailable: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: ocds.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Why tests that need the folder were skipped.
    public static var missingMessage: String {
        "no OCDS peers folder at \(ocds.path): set CREDITKIT_PEERS to the folder of .jsonl files to run these tests"
    }

    /// A file of the folder.
    /// - Parameter name: Its path inside the folder, for example `sample-data-real-examples.compiled.jsonl`.
    /// - Returns: Its URL.
    public static func file(_ name: String) -> URL { ocds.appendingPathComponent(name) }

    /// Every `.jsonl` file under the folder, as paths relative to it, sorted.
    /// - Returns: The relative paths.
    /// - Throws: When the folder cannot be listed.
    public static func allFiles() throws -> [String] {
        let root = ocds.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".jsonl") }.sorted()
    }
}
