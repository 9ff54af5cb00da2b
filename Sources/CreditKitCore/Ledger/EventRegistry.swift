import Foundation

/// The event types a ledger can read back (事件注册表), by kind string.
///
/// The core registers its own; each sector module adds its types when the kit is created. Reading an entry whose
/// kind is not registered is an error naming the kind (a module is missing), never a silent skip.
public struct EventRegistry: Sendable {
    typealias Decode = @Sendable ([UInt8]) throws -> any LedgerEvent
    private(set) var decoders: [EventKind: (version: Int, decode: Decode)] = [:]

    /// An empty registry.
    public init() {}

    /// The registry of the core's own events.
    public static var core: EventRegistry {
        var registry = EventRegistry()
        for type in CoreEvents.all { registry.register(type) }
        return registry
    }

    /// Adds an event type.
    /// - Parameter type: The event type; a later registration of the same kind replaces an earlier one.
    public mutating func register<E: LedgerEvent>(_ type: E.Type) {
        if let opening = E.self as? any AnyCaseEvent.Type, opening.opensCase { openingKinds.insert(E.kind) }
        if E.self is any CommitmentMaking.Type { commitmentKinds.insert(E.kind) }
        if E.self is any AnyCaseEvent.Type { caseKinds.insert(E.kind) }
        if E.self is any CommitmentLifecycleEvent.Type { commitmentStepKinds.insert(E.kind) }
        decoders[E.kind] = (
            E.version,
            { bytes in
                try JSONDecoder().decode(E.self, from: Data(bytes))
            }
        )
    }

    /// Adds event types.
    /// - Parameter types: The event types.
    public mutating func register(_ types: [any LedgerEvent.Type]) {
        for type in types { register(type) }
    }

    /// The kinds of the registered facts that open a case (a project registered): a case's other facts need one
    /// before them.
    public private(set) var openingKinds: Set<EventKind> = []

    /// The kinds of the registered events that make a commitment (``CommitmentMade``, and a sector's facts that are
    /// commitments, such as a promise to an investor): the entry's sequence number is the commitment's ID.
    public private(set) var commitmentKinds: Set<EventKind> = []

    /// The kinds of the registered case facts, which the view indexes by case.
    public private(set) var caseKinds: Set<EventKind> = []

    /// The kinds of the registered events that are a step of a commitment's lifecycle (its fulfilment, change or
    /// withdrawal), the core's and a sector's.
    public private(set) var commitmentStepKinds: Set<EventKind> = []

    /// The registered kinds, sorted.
    public var kinds: [EventKind] { decoders.keys.sorted() }

    /// Whether a kind is registered.
    /// - Parameter kind: The kind.
    /// - Returns: `true` when it can be decoded.
    public func knows(_ kind: EventKind) -> Bool { decoders[kind] != nil }

    /// Decodes an entry's payload into its event.
    /// - Parameter entry: The entry.
    /// - Returns: The event.
    /// - Throws: ``CreditKitError/Code/unknownEventKind`` naming the kind when no module registered it;
    ///   ``CreditKitError/Code/decoding`` when the payload does not decode.
    public func decode(_ entry: LedgerEntry) throws -> any LedgerEvent {
        guard let decoder = decoders[entry.kind] else {
            throw CreditKitError(
                .unknownEventKind,
                "entry \(entry.sequence) has kind '\(entry.kind)', which no registered module provides; register the module that defines it",
                context: ["sequence": String(entry.sequence), "kind": entry.kind.rawValue])
        }
        guard entry.version <= decoder.version else {
            throw CreditKitError(
                .unknownEventKind,
                "entry \(entry.sequence) has '\(entry.kind)' version \(entry.version); this build reads up to \(decoder.version)"
            )
        }
        do {
            return try decoder.decode(entry.payload)
        } catch {
            throw CreditKitError(
                .decoding, "entry \(entry.sequence) of kind '\(entry.kind)' does not decode: \(error)",
                context: ["sequence": String(entry.sequence)])
        }
    }
}

extension EventRegistry {
    /// Decodes an entry into a specific event type.
    /// - Parameters:
    ///   - entry: The entry.
    ///   - type: The expected type.
    /// - Returns: The event, or `nil` when the entry is of another type.
    /// - Throws: As ``decode(_:)``.
    public func decode<E: LedgerEvent>(_ entry: LedgerEntry, as type: E.Type) throws -> E? {
        guard entry.kind == E.kind else { return nil }
        return try decode(entry) as? E
    }
}
