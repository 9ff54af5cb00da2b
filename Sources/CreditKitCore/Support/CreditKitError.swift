/// An error raised by CreditKit (CreditKit 错误): a stable code, a message saying what was wrong with which value
/// and what is accepted, and context.
///
/// Errors are structs with static codes, so new codes do not break code that switches over the known ones.
public struct CreditKitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable machine-readable code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's text, for example `invalid-credit-code`.
        public var rawValue: String
        /// Makes a code from its text.
        /// - Parameter rawValue: The code's text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's text.
        public var description: String { rawValue }

        /// A unified social credit code is malformed.
        public static let invalidCreditCode = Code(rawValue: "invalid-credit-code")
        /// A resident ID number is malformed.
        public static let invalidResidentID = Code(rawValue: "invalid-resident-id")
        /// A region code is malformed.
        public static let invalidRegionCode = Code(rawValue: "invalid-region-code")
        /// A date is malformed or impossible.
        public static let invalidDate = Code(rawValue: "invalid-date")
        /// An amount is negative or otherwise not acceptable.
        public static let invalidAmount = Code(rawValue: "invalid-amount")
        /// An event failed validation; the batch it was in wrote nothing.
        public static let invalidEvent = Code(rawValue: "invalid-event")
        /// A subject was referred to but never registered.
        public static let unknownSubject = Code(rawValue: "unknown-subject")
        /// A subject, tenure or other entity was registered twice.
        public static let duplicate = Code(rawValue: "duplicate")
        /// A stored event kind has no registered decoder (a sector module is missing).
        public static let unknownEventKind = Code(rawValue: "unknown-event-kind")
        /// The canonical encoding refused a value (floating point, `Date`, ...).
        public static let encoding = Code(rawValue: "encoding")
        /// A stored payload could not be decoded.
        public static let decoding = Code(rawValue: "decoding")
        /// The storage engine failed.
        public static let storage = Code(rawValue: "storage")
        /// The hash chain does not hold.
        public static let brokenChain = Code(rawValue: "broken-chain")
        /// A cryptographic operation failed, or a key is missing or wrong.
        public static let crypto = Code(rawValue: "crypto")
        /// Personal data was asked for but has been erased.
        public static let erased = Code(rawValue: "erased")
        /// Personal data that should be in the vault is missing or does not open, and no erasure was recorded: an
        /// integrity fault, never shown as erased.
        public static let personalDataLost = Code(rawValue: "personal-data-lost")
        /// A lifecycle step the law does not allow here (repair before the minimum period, an objection against a
        /// revoked record); nothing was written.
        public static let invalidTransition = Code(rawValue: "invalid-transition")
        /// An argument is outside what the call accepts.
        public static let invalidArgument = Code(rawValue: "invalid-argument")
        /// A CSV file that does not fit its layout: the message names the line and the column.
        public static let invalidCSV = Code(rawValue: "invalid-csv")
        /// A tree head or a proof does not hold: not signed by the key, not of this ledger, or not leading to
        /// its root (``InclusionProof``, ``ConsistencyProof``).
        public static let invalidProof = Code(rawValue: "invalid-proof")
        /// The principal may not do this (a write its role does not allow, a read that would unmask personal data);
        /// nothing was written.
        public static let forbidden = Code(rawValue: "forbidden")
    }

    /// What kind of failure this is.
    public var code: Code
    /// What was wrong, with which value, and what is accepted.
    public var message: String
    /// Extra facts: the index of the event in its batch, a sequence number, an SQL statement.
    public var context: [String: String]

    /// Makes an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - message: What was wrong, with which value, and what is accepted.
    ///   - context: Extra facts.
    public init(_ code: Code, _ message: String, context: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// The code, the message and the context, on one line.
    public var description: String {
        var text = "\(code): \(message)"
        if !context.isEmpty {
            text +=
                " (" + context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                + ")"
        }
        return text
    }

    /// The same error with one more fact of context.
    /// - Parameters:
    ///   - key: The fact's name.
    ///   - value: The fact.
    /// - Returns: A copy with the fact added.
    public func with(_ key: String, _ value: String) -> CreditKitError {
        var copy = self
        copy.context[key] = value
        return copy
    }
}
