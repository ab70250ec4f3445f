/// One name of a body, operation or exercise and its other spellings, in any language: "UN",
/// "United Nations", «ООН», «Организация Объединенных Наций».
public struct Alias: Sendable, Equatable, Codable {
  public var name: String
  /// The other spellings, per language (a plain list in the YAML is in the mandate's language).
  public var variantsByLanguage: [LanguageTerms]
  public var note: String?

  /// Every other spelling, language after language.
  public var variants: [String] { variantsByLanguage.allTerms }

  public init(name: String, variants: [String], note: String? = nil) {
    self.init(name: name, variantsByLanguage: [LanguageTerms(language: nil, terms: variants)], note: note)
  }

  public init(name: String, variantsByLanguage: [LanguageTerms], note: String? = nil) {
    self.name = name
    self.variantsByLanguage = variantsByLanguage
    self.note = note
  }

  private enum CodingKeys: String, CodingKey {
    case name, variants, note
    case variantsByLanguage = "variants_by_language"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    note = try container.decodeIfPresent(String.self, forKey: .note)
    if let mapping = try container.decodeIfPresent([String: [String]].self, forKey: .variantsByLanguage) {
      variantsByLanguage = .from(mapping)
    } else {
      variantsByLanguage = [
        LanguageTerms(language: nil, terms: try container.decodeIfPresent([String].self, forKey: .variants) ?? [])
      ]
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(variants, forKey: .variants)
    if variantsByLanguage.namesLanguages {
      try container.encode(variantsByLanguage.byLanguage, forKey: .variantsByLanguage)
    }
    try container.encodeIfPresent(note, forKey: .note)
  }
}
