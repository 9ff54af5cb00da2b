/// A tenure (任职): who held which post in which agency, from when to when.
///
/// Tenures are what let a sanction reach the person (惩戒到人) and let accountability for a decision follow the
/// person who held the post on the day, for life (终身责任追究), after transfer, resignation or retirement.
public struct Tenure: Hashable, Sendable, Codable {
    /// A tenure's identifier: the sequence number of the ledger entry that started it.
    public typealias ID = Tagged<Tenure, Int64>

    /// The official.
    public var official: SubjectID
    /// The agency.
    public var agency: SubjectID
    /// The post, for example 局长, 副县长, 科长.
    public var post: String
    /// Whether the post is the agency's principal responsible person (主要负责人).
    public var isPrincipal: Bool
    /// The first day in post.
    public var start: LocalDate

    /// Makes a tenure.
    /// - Parameters:
    ///   - official: The official.
    ///   - agency: The agency.
    ///   - post: The post.
    ///   - isPrincipal: Whether the post is the agency's principal responsible person.
    ///   - start: The first day in post.
    public init(official: SubjectID, agency: SubjectID, post: String, isPrincipal: Bool, start: LocalDate) {
        self.official = official
        self.agency = agency
        self.post = post
        self.isPrincipal = isPrincipal
        self.start = start
    }

}

/// Why a tenure ended (离任原因).
public enum TenureEndReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// Moved to another post (调任、交流).
    case transfer
    /// Resigned (辞职).
    case resignation
    /// Retired (退休).
    case retirement
    /// Removed from post (免职、撤职).
    case removal
    /// The term of office ended (任期届满).
    case termEnded
    /// Died in office.
    case death
}
