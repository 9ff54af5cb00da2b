/// A namespace of rule declarations (规则目录), such as a sector's `…Law` enum: conforming gives it the short
/// builders its declarations are written with.
///
/// ```swift
/// public enum GrantLaw: LawCatalogue {
///     public static let late = RuleDeclaration(
///         "grant.payment.late", name("逾期拨付补助", "grant paid late"),
///         RuleVersion(figure: Figure(15, .workingDays), basis: [cite("《补助资金管理办法》", "第九条")], from: day("2024-01-01")))
/// }
/// ```
public protocol LawCatalogue {}

extension LawCatalogue {
    /// A citation of a document and, optionally, one of its articles.
    /// - Parameters:
    ///   - document: The document, for example 《政府采购法》.
    ///   - article: The article, for example 第四十六条.
    /// - Returns: The citation.
    public static func cite(_ document: String, _ article: String? = nil) -> LegalCitation {
        LegalCitation(document: document, article: article)
    }

    /// A name in Chinese and English.
    /// - Parameters:
    ///   - chinese: The Chinese.
    ///   - english: The English.
    /// - Returns: The name.
    public static func name(_ chinese: String, _ english: String) -> LocalizedName {
        LocalizedName(chinese: chinese, english: english)
    }

    /// A day written in a declaration, `YYYY-MM-DD`; a malformed constant stops the program when the declaration is
    /// first read, which every module's rule tests do.
    /// - Parameter text: The day.
    /// - Returns: The day.
    public static func day(_ text: String) -> LocalDate { LocalDate(text)! }
}
