/// What an organisation's chair promised for a term: the priorities and their sub-items.
///
/// Loaded from `Priorities/<id>.yaml` by `MandateLoader`; every later layer (import, tagging,
/// reports) refers to items by their `id`, so the ids are the stable part of this model.
public struct Mandate: Sendable, Equatable, Codable {
  /// The format version of the file this mandate came from.
  public var schema: Int
  public var id: String
  public var title: String
  public var organisation: String
  public var holder: String
  public var term: DayRange
  public var source: MandateSource
  public var language: String?
  /// Other names of bodies, operations and exercises, so that news naming "CIS ATC" matches a
  /// keyword "Anti-Terrorism Center of the CIS".
  public var aliases: [Alias]
  public var priorities: [Priority]
  /// Where the mandate was loaded from, as named in diagnostics; not part of its JSON form.
  public var file: String?

  private enum CodingKeys: String, CodingKey {
    case schema, id, title, organisation, holder, term, source, language, aliases, priorities
  }

  public init(
    schema: Int = MandateLoader.supportedSchema, id: String, title: String, organisation: String,
    holder: String, term: DayRange, source: MandateSource, language: String? = nil,
    aliases: [Alias] = [], priorities: [Priority], file: String? = nil
  ) {
    self.schema = schema
    self.id = id
    self.title = title
    self.organisation = organisation
    self.holder = holder
    self.term = term
    self.source = source
    self.language = language
    self.aliases = aliases
    self.priorities = priorities
    self.file = file
  }

  /// Every sub-item in document order.
  public var items: [Item] { priorities.flatMap(\.items) }

  public func item(id: String) -> Item? {
    for priority in priorities {
      if let item = priority.items.first(where: { $0.id == id }) { return item }
    }
    return nil
  }

  public func priority(id: String) -> Priority? { priorities.first { $0.id == id } }

  /// The priority an item belongs to.
  public func priority(ofItem itemID: String) -> Priority? {
    priorities.first { $0.items.contains { $0.id == itemID } }
  }

  /// Every spelling that stands for `name` (itself included) when `name` is an alias or a variant,
  /// in every language.
  /// For many names, build a `SpellingTable` once.
  public func spellings(of name: String) -> [String] {
    SpellingTable(self).spellings(of: name)
  }

  /// How spellings compare: case aside, «ё» as «е».
  static func spellingKey(_ spelling: String) -> String {
    let lower = spelling.lowercased()
    // Characters compare by canonical equivalence: a decomposed «ё» is «ё» too.
    guard lower.contains("ё") else { return lower }
    return String(lower.map { $0 == "ё" ? "е" : $0 })
  }
}

/// Where the priorities were published.
public struct MandateSource: Sendable, Equatable, Codable {
  public var title: String?
  public var url: String?
  public var published: Day?

  public init(title: String? = nil, url: String? = nil, published: Day? = nil) {
    self.title = title
    self.url = url
    self.published = published
  }
}

/// A declared priority of the term, such as "Countering illicit trafficking in narcotic drugs".
public struct Priority: Sendable, Equatable, Codable {
  public var id: String
  public var title: String
  /// The analyst's translations of `title`, by language tag (see `Item.translations`).
  public var translations: [String: String]
  public var description: String?
  public var items: [Item]
  /// Where the priority's `id` stands in its file, so that `rename` can edit it in place.
  public var location: FileLocation?

  public init(
    id: String, title: String, translations: [String: String] = [:], description: String? = nil, items: [Item],
    location: FileLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.translations = translations
    self.description = description
    self.items = items
    self.location = location
  }

  private enum CodingKeys: String, CodingKey {
    case id, title, translations, description, items
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    title = try container.decode(String.self, forKey: .title)
    translations = try container.decodeIfPresent([String: String].self, forKey: .translations) ?? [:]
    description = try container.decodeIfPresent(String.self, forKey: .description)
    items = try container.decode([Item].self, forKey: .items)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    if !translations.isEmpty { try container.encode(translations, forKey: .translations) }
    try container.encodeIfPresent(description, forKey: .description)
    try container.encode(items, forKey: .items)
  }
}
