/// A sub-item of a priority: the unit that news is tagged against and that gets a status.
public struct Item: Sendable, Equatable, Codable {
  public var id: String
  /// The declared wording, verbatim from the source.
  public var text: String
  /// The analyst's translations of `text`, by language tag: read by suggestions for news in that
  /// language, never part of the declared wording (they do not make tags suspect when edited).
  public var translations: [String: String]
  /// A few words that name the item in lists ("UN cooperation"); `shortLabel` falls back to the
  /// first words of `text` when the mandate gives none.
  public var label: String?
  /// Terms and phrases that signal evidence in news, per language (a plain list in the YAML is in
  /// the mandate's language).
  public var keywordsByLanguage: [LanguageTerms]
  public var due: Day?
  /// What would count as done.
  public var indicator: String?
  /// Relative importance for weighted coverage; 1 when not given.
  public var weight: Double
  /// Where the item's `id` stands in its file, so that `rename` can edit it in place.
  public var location: FileLocation?

  /// Every keyword, language after language.
  public var keywords: [String] { keywordsByLanguage.allTerms }

  public init(
    id: String, text: String, label: String? = nil, keywords: [String] = [], due: Day? = nil,
    indicator: String? = nil, weight: Double = 1, location: FileLocation? = nil
  ) {
    self.init(
      id: id, text: text, label: label, keywordsByLanguage: [LanguageTerms(language: nil, terms: keywords)], due: due,
      indicator: indicator, weight: weight, location: location)
  }

  public init(
    id: String, text: String, translations: [String: String] = [:], label: String? = nil,
    keywordsByLanguage: [LanguageTerms], due: Day? = nil, indicator: String? = nil, weight: Double = 1,
    location: FileLocation? = nil
  ) {
    self.id = id
    self.text = text
    self.translations = translations
    self.label = label
    self.keywordsByLanguage = keywordsByLanguage
    self.due = due
    self.indicator = indicator
    self.weight = weight
    self.location = location
  }

  private enum CodingKeys: String, CodingKey {
    case id, text, translations, label, keywords, due, indicator, weight
    case keywordsByLanguage = "keywords_by_language"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    text = try container.decode(String.self, forKey: .text)
    translations = try container.decodeIfPresent([String: String].self, forKey: .translations) ?? [:]
    label = try container.decodeIfPresent(String.self, forKey: .label)
    if let mapping = try container.decodeIfPresent([String: [String]].self, forKey: .keywordsByLanguage) {
      keywordsByLanguage = .from(mapping)
    } else {
      keywordsByLanguage = [
        LanguageTerms(language: nil, terms: try container.decodeIfPresent([String].self, forKey: .keywords) ?? [])
      ]
    }
    due = try container.decodeIfPresent(Day.self, forKey: .due)
    indicator = try container.decodeIfPresent(String.self, forKey: .indicator)
    weight = try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(text, forKey: .text)
    if !translations.isEmpty { try container.encode(translations, forKey: .translations) }
    try container.encodeIfPresent(label, forKey: .label)
    try container.encode(keywords, forKey: .keywords)
    if keywordsByLanguage.namesLanguages {
      try container.encode(keywordsByLanguage.byLanguage, forKey: .keywordsByLanguage)
    }
    try container.encodeIfPresent(due, forKey: .due)
    try container.encodeIfPresent(indicator, forKey: .indicator)
    try container.encode(weight, forKey: .weight)
  }

  /// The longest label drawn from the text when the mandate gives none, in characters.
  public static let derivedLabelLength = 32

  /// What lists print beside the id: the `label`, else the first words of the text.
  public var shortLabel: String { label ?? Event.firstWords(of: text, limit: Self.derivedLabelLength) }

  /// A short digest of the declared wording; a tag remembers it so that `check` can flag tags
  /// made against wording that has since changed.
  public var fingerprint: String { Fingerprint.of(text: text) }
}
