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

  /// Every spelling that stands for `name` (itself included) when `name` is an alias or a variant.
  public func spellings(of name: String) -> [String] {
    let key = name.lowercased()
    for alias in aliases
    where alias.name.lowercased() == key || alias.variants.contains(where: { $0.lowercased() == key }) {
      return [alias.name] + alias.variants
    }
    return [name]
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

/// One name of a body, operation or exercise and its other spellings.
public struct Alias: Sendable, Equatable, Codable {
  public var name: String
  public var variants: [String]
  public var note: String?

  public init(name: String, variants: [String], note: String? = nil) {
    self.name = name
    self.variants = variants
    self.note = note
  }
}

/// A declared priority of the term, such as "Countering illicit trafficking in narcotic drugs".
public struct Priority: Sendable, Equatable, Codable {
  public var id: String
  public var title: String
  public var description: String?
  public var items: [Item]
  /// Where the priority's `id` stands in its file, so that `rename` can edit it in place.
  public var location: FileLocation?

  public init(
    id: String, title: String, description: String? = nil, items: [Item], location: FileLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.items = items
    self.location = location
  }

  private enum CodingKeys: String, CodingKey {
    case id, title, description, items
  }
}

/// A sub-item of a priority: the unit that news is tagged against and that gets a status.
public struct Item: Sendable, Equatable, Codable {
  public var id: String
  /// The declared wording, verbatim from the source.
  public var text: String
  /// A few words that name the item in lists ("UN cooperation"); `shortLabel` falls back to the
  /// first words of `text` when the mandate gives none.
  public var label: String?
  /// Terms and phrases that signal evidence in news.
  public var keywords: [String]
  public var due: Day?
  /// What would count as done.
  public var indicator: String?
  /// Relative importance for weighted coverage; 1 when not given.
  public var weight: Double
  /// Where the item's `id` stands in its file, so that `rename` can edit it in place.
  public var location: FileLocation?

  public init(
    id: String, text: String, label: String? = nil, keywords: [String] = [], due: Day? = nil,
    indicator: String? = nil, weight: Double = 1, location: FileLocation? = nil
  ) {
    self.id = id
    self.text = text
    self.label = label
    self.keywords = keywords
    self.due = due
    self.indicator = indicator
    self.weight = weight
    self.location = location
  }

  private enum CodingKeys: String, CodingKey {
    case id, text, label, keywords, due, indicator, weight
  }

  /// The longest label drawn from the text when the mandate gives none, in characters.
  public static let derivedLabelLength = 32

  /// What lists print beside the id: the `label`, else the first words of the text.
  public var shortLabel: String { label ?? Event.firstWords(of: text, limit: Self.derivedLabelLength) }

  /// A short digest of the declared wording; a tag remembers it so that `check` can flag tags
  /// made against wording that has since changed.
  public var fingerprint: String { Fingerprint.of(text: text) }
}
