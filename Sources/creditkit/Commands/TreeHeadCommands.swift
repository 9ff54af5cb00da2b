import CreditKitCore
import Foundation

/// Reads a signed tree head from a JSON file.
func readHead(_ path: String) throws -> SignedTreeHead {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError(message: "cannot read the head \(path)")
    }
    do {
        return try JSONDecoder().decode(SignedTreeHead.self, from: data)
    } catch {
        throw CLIError(message: "\(path) is not a signed tree head from `creditkit head`: \(error)")
    }
}

/// Reads a public key: a file holding PEM or hex, or 64 hex digits given on the command line.
func readPublicKey(_ text: String) throws -> [UInt8] {
    let content =
        FileManager.default.fileExists(atPath: text)
        ? String(decoding: FileManager.default.contents(atPath: text) ?? Data(), as: UTF8.self) : text
    do {
        return try TreeHeadKey.publicKey(from: content)
    } catch let error as CreditKitError {
        throw CLIError(message: "--public-key \(text): \(error.message)")
    }
}

/// JSON as the tree-head commands print it: indented, keys sorted.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

enum HeadCommand: Command {
    static let name = "head"
    static let summary = "print the ledger's signed tree head as JSON, to publish (or its public key)"
    static let help = """
        usage: creditkit head PATH [--size N] [--public-key] [--new-key]

        Verifies the chain of the ledger at PATH, computes the RFC 6962 Merkle root over its entries and
        prints a tree head signed with Ed25519 (the size, the root, the last entry's hash and the time) as
        JSON. Publish it where the ledger's keepers cannot take it back; later, `creditkit verify PATH
        --against HEAD.json --public-key KEY` proves the ledger still holds those entries unchanged.
        The signing key is the signing= line of the keys file PATH.keys. The ledger is opened to read
        only (SQLite may leave its empty -wal and -shm side files).

          --size N       sign the head of the first N entries (an earlier state, re-published now)
          --public-key   print the public key instead (PEM), for those who will check the heads: send
                         it to them once, by a channel they trust, and they pin it
          --new-key      add a signing key to PATH.keys when it has none (a keys file made before
                         heads existed); a new key starts a new series of heads, so readers must pin
                         the new public key
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let wantsKey = arguments.flag("--public-key")
        let newKey = arguments.flag("--new-key")
        let sizeText = try arguments.option("--size")
        try arguments.finish()
        let location = try arguments.location(path)
        guard try location.exists() else { throw CLIError(message: "no ledger at \(location.shown)") }
        let size = try sizeText.map { text in
            guard let n = Int64(text), n >= 0 else {
                throw CLIError(message: "--size takes a number of entries, not '\(text)'")
            }
            return n
        }
        let keysPath = location.keysPath
        guard FileManager.default.fileExists(atPath: keysPath) else {
            throw CLIError(message: "the keys file \(keysPath) is missing: it holds the key that signs heads")
        }
        let key: TreeHeadKey
        if let held = try TreeHeadKey.load(keysFile: keysPath) {
            key = held
        } else if newKey {
            key = try TreeHeadKey.loadOrAdd(keysFile: keysPath).key
            FileHandle.standardError.write(
                Data("note: a signing key was added to \(keysPath); publish its public key (--public-key)\n".utf8))
        } else {
            throw CLIError(
                message: "\(keysPath) holds no signing key (it was made before heads existed); add one with "
                    + "`creditkit head \(location.typed) --new-key`, and publish its public key")
        }
        if wantsKey {
            print(key.publicKeyPEM, terminator: "")
            return
        }
        let store = try location.openStore()
        do {
            try printJSON(try Ledger.signedTreeHead(store: store, key: key, size: size))
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
    }
}

enum ProveCommand: Command {
    static let name = "prove"
    static let summary = "an inclusion or consistency proof over the ledger, as JSON"
    static let help = """
        usage: creditkit prove PATH --entry N [--head HEAD.json]
               creditkit prove PATH --since EARLIER.json [--head LATER.json]

        Prints a proof as JSON that anyone holding the signed heads can check with `creditkit check-proof`
        (or the algorithm in Docs/TRANSPARENCY.md):
          --entry N          that entry N is in the tree of the head given with --head (default: of the
                             ledger as it is now; then sign a head too, with `creditkit head`)
          --since EARLIER    that the tree of the later head (--head, default: the ledger now) extends
                             the tree of the earlier one, every earlier entry unchanged
        A proof is made only when the ledger still holds the heads it names: a head of more entries than
        the ledger has, or whose root the ledger's entries no longer reach, is refused saying so. The
        ledger is opened to read only (SQLite may leave its empty -wal and -shm side files).
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let path = try arguments.positional("the ledger file PATH")
        let entryText = try arguments.option("--entry")
        let since = try arguments.option("--since").map(readHead)
        let head = try arguments.option("--head").map(readHead)
        try arguments.finish()
        let location = try arguments.location(path)
        guard try location.exists() else { throw CLIError(message: "no ledger at \(location.shown)") }
        let store = try location.openStore()
        let size = try head?.treeSize ?? store.head().sequence
        // Each head named must be one this ledger still holds: its entries reach the head's root.
        for (name, named) in [("--head", head), ("--since", since)] {
            guard let named else { continue }
            let walk = try Ledger.signedTreeHeadCheck(store: store, head: named)
            if let problem = walk { throw CLIError(message: "\(name): \(problem)") }
        }
        do {
            switch (entryText, since) {
            case (let text?, nil):
                guard let entry = Int64(text), entry >= 1 else {
                    throw CLIError(message: "--entry takes an entry number from 1, not '\(text)'")
                }
                try printJSON(try Ledger.inclusionProof(store: store, entry: entry, treeSize: size))
            case (nil, let earlier?):
                try printJSON(try Ledger.consistencyProof(store: store, from: earlier.treeSize, to: size))
            default:
                throw CLIError(message: "give either --entry N or --since EARLIER.json; see `creditkit prove --help`")
            }
        } catch let error as CreditKitError {
            throw CLIError(message: error.message)
        }
    }
}

enum CheckProofCommand: Command {
    static let name = "check-proof"
    static let summary = "check a proof from `creditkit prove` against signed heads, without the ledger"
    static let help = """
        usage: creditkit check-proof PROOF.json --head HEAD.json --public-key KEY [--since EARLIER.json]

        Checks, without the ledger file, what a proof from `creditkit prove` claims:
          an inclusion proof   that its entry (number and chain hash) is in the tree of HEAD;
          a consistency proof  that the tree of HEAD extends the tree of EARLIER (give --since).
        Each head's Ed25519 signature is checked first under KEY (a PEM file from `creditkit head PATH
        --public-key`, or 64 hex digits): a head the ledger's key did not sign proves nothing.
        Exit 0 when the proof holds, 1 saying what does not.
        """

    static func run(_ arguments: inout ArgumentParser) async throws {
        let proofPath = try arguments.positional("the proof PROOF.json")
        guard let headPath = try arguments.option("--head") else {
            throw CLIError(message: "give the signed head the proof is about with --head HEAD.json")
        }
        guard let keyText = try arguments.option("--public-key") else {
            throw CLIError(message: "give the public key the heads must be signed with: --public-key KEY")
        }
        let sincePath = try arguments.option("--since")
        try arguments.finish()
        let key = try readPublicKey(keyText)
        let head = try readHead(headPath)
        guard head.isSigned(by: key) else {
            throw CLIError(message: "\(headPath) is not signed by that key (forged or altered head): nothing is proved")
        }
        guard let data = FileManager.default.contents(atPath: proofPath) else {
            throw CLIError(message: "cannot read the proof \(proofPath)")
        }
        struct FormatOnly: Decodable { var format: String? }
        let format: String?
        do {
            format = try JSONDecoder().decode(FormatOnly.self, from: data).format
        } catch {
            throw CLIError(message: "\(proofPath) is not a JSON object, so not a proof from `creditkit prove`")
        }
        do {
            switch format {
            case InclusionProof.formatName:
                if sincePath != nil {
                    throw CLIError(message: "an inclusion proof is checked against one head: leave out --since")
                }
                let proof = try JSONDecoder().decode(InclusionProof.self, from: data)
                try proof.check(against: head)
                print(
                    "ok: entry \(proof.entry) (hash \(proof.entryHash)) is in the tree of \(head.treeSize) entries "
                        + "signed at \(head.timestamp)")
            case ConsistencyProof.formatName:
                guard let sincePath else {
                    throw CLIError(message: "a consistency proof needs the earlier head: --since EARLIER.json")
                }
                let earlier = try readHead(sincePath)
                guard earlier.isSigned(by: key) else {
                    throw CLIError(message: "\(sincePath) is not signed by that key: nothing is proved")
                }
                let proof = try JSONDecoder().decode(ConsistencyProof.self, from: data)
                try proof.check(from: earlier, to: head)
                print(
                    "ok: the \(head.treeSize) entries of \(headPath) extend the \(earlier.treeSize) of \(sincePath), "
                        + "every earlier entry unchanged")
            default:
                throw CLIError(message: "\(proofPath) is not a proof from `creditkit prove` (no known format)")
            }
        } catch let error as CreditKitError {
            throw CLIError(message: "the proof does not hold: \(error.message)")
        } catch let error as DecodingError {
            throw CLIError(message: "\(proofPath) is not a well-formed proof: \(error)")
        }
    }
}
