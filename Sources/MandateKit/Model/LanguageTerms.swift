/// Terms in one language: an item's keywords, an alias's variants.
///
/// The mandate YAML gives them as a plain list (in the mandate's `language`) or per language
/// (`keywords: {en: [...], ru: [...]}`); matching reads every language alike, since each word is
/// stemmed by its own script, while `check` and the views keep the languages apart.
public struct LanguageTerms: Sendable, Equatable, Codable {
  /// A language tag ("en", "ru"); nil for a plain list, which is in the mandate's `language`.
  public var language: String?
  public var terms: [String]

  public init(language: String?, terms: [String]) {
    self.language = language
    self.terms = terms
  }
}

extension [LanguageTerms] {
  /// Every term, language after language.
  var allTerms: [String] { flatMap(\.terms) }

  /// Whether any list names its language (the YAML used the mapping form).
  var namesLanguages: Bool { contains { $0.language != nil } }

  /// The lists as a JSON mapping, language to terms (a plain list under "").
  var byLanguage: [String: [String]] {
    Dictionary(map { ($0.language ?? "", $0.terms) }, uniquingKeysWith: +)
  }

  /// Lists from a JSON mapping, in the order of their languages.
  static func from(_ mapping: [String: [String]]) -> [LanguageTerms] {
    mapping.sorted { $0.key < $1.key }.map { LanguageTerms(language: $0.key.isEmpty ? nil : $0.key, terms: $0.value) }
  }
}
