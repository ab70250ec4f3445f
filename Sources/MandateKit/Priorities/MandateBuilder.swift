/// Builds a `Mandate` from a YAML tree, one mapping at a time, and then checks the rules that
/// span the whole document (unique ids, dates within the term).
struct MandateBuilder {
  let file: String
  /// What was found wrong so far (the language readers in `MandateBuilder+Languages` add to it).
  var diagnostics: [Diagnostic] = []
  /// Every priority and item id with where it was first defined, for duplicate detection.
  private var ids: [String: FileLocation] = [:]
  /// Every alias spelling, lower-cased, to the alias's name.
  private(set) var aliasNames: [String: String] = [:]
  /// The mandate's `language`, the language of plain lists of keywords and variants.
  private(set) var mandateLanguage: String?

  init(file: String) { self.file = file }

  /// Labels longer than this draw a warning: they stand beside ids in tables and review screens.
  static let longestLabel = 40

  mutating func build(_ root: YAMLNode) -> Mandate? {
    guard var top = MappingReader(root, file: file, context: "the mandate", diagnostics: &diagnostics) else {
      return nil
    }
    defer { diagnostics += top.diagnostics }
    top.rejectUnknownKeys(MandateLoader.topKeys)

    // The schema comes first: a file of another version is not checked field by field.
    guard let schema = top.integer("schema", required: true) else { return nil }
    guard schema.value == MandateLoader.supportedSchema else {
      diagnostics.append(
        .error(
          "unsupported-schema",
          "unsupported schema version \(schema.value); this version of mandate reads schema \(MandateLoader.supportedSchema)",
          at: schema.location))
      return nil
    }

    let id = top.string("id", required: true)
    if let id, !Slug.isValid(id.value) {
      diagnostics.append(
        .error(
          "invalid-id",
          "mandate id `\(id.value)` must be a slug: lower-case letters, digits and single dashes (e.g. `kz-csto-2024`)",
          at: id.location))
    }
    let title = top.string("title", required: true)
    let organisation = top.string("organisation", required: true)
    let holder = top.string("holder", required: true)
    let term = readTerm(&top)
    let source = readSource(&top)
    let language = top.string("language", required: false)
    if let language, !Slug.isLanguageTag(language.value) {
      diagnostics.append(
        .warning(
          "invalid-language", "`language` should be a language tag such as `en` or `ru`, found `\(language.value)`",
          at: language.location))
    }
    mandateLanguage = language.flatMap { LanguageTag.normalize($0.value) }
    let aliases = readAliases(&top)
    var priorities: [Priority] = []
    if let nodes = top.list("priorities", required: true) {
      if nodes.isEmpty {
        diagnostics.append(
          .error(
            "empty-list", "`priorities` is empty: a mandate needs at least one priority",
            at: top.valueNode("priorities")?.location(in: file)))
      }
      for node in nodes {
        if let priority = readPriority(node, term: term) { priorities.append(priority) }
      }
    }
    if let id, Slug.isValid(id.value), let base = file.split(separator: "/").last?.split(separator: ".").first,
      String(base) != id.value
    {
      diagnostics.append(
        .warning(
          "file-name",
          "mandate `\(id.value)` is stored in `\(base).yaml`; name the file `\(id.value).yaml` so that it is easy to find",
          at: id.location))
    }
    guard let id, let title, let organisation, let holder, let term, let source else { return nil }
    return Mandate(
      schema: schema.value, id: id.value, title: title.value, organisation: organisation.value,
      holder: holder.value, term: term, source: source, language: language?.value, aliases: aliases,
      priorities: priorities, file: file)
  }

  private mutating func readTerm(_ top: inout MappingReader) -> DayRange? {
    guard let node = top.valueNode("term") else {
      top.missing("term")
      return nil
    }
    guard var term = MappingReader(node, file: file, context: "the term", diagnostics: &diagnostics) else { return nil }
    defer { diagnostics += term.diagnostics }
    term.rejectUnknownKeys(MandateLoader.termKeys)
    let start = term.day("start", required: true)
    let end = term.day("end", required: true)
    guard let start, let end else { return nil }
    if end.value < start.value {
      diagnostics.append(
        .error(
          "term-order", "the term ends (\(end.value)) before it starts (\(start.value))", at: end.location,
          notes: [.init("the term starts here", at: start.location)]))
    }
    return DayRange(start: start.value, end: end.value)
  }

  private mutating func readSource(_ top: inout MappingReader) -> MandateSource? {
    guard let node = top.valueNode("source") else {
      top.missing("source")
      return nil
    }
    if let text = node.scalar {
      let trimmed = text.trimmingWhitespace
      guard !trimmed.isEmpty else {
        diagnostics.append(.error("empty-text", "`source` in the mandate is empty", at: node.location(in: file)))
        return nil
      }
      return trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://")
        ? MandateSource(url: trimmed) : MandateSource(title: trimmed)
    }
    guard var source = MappingReader(node, file: file, context: "the source", diagnostics: &diagnostics) else {
      return nil
    }
    defer { diagnostics += source.diagnostics }
    source.rejectUnknownKeys(MandateLoader.sourceKeys)
    let title = source.string("title", required: false)
    let url = source.string("url", required: false)
    let published = source.day("published", required: false)
    if title == nil && url == nil && !source.has("title") && !source.has("url") {
      diagnostics.append(.error("missing-field", "the source needs a `title` or a `url`", at: source.location))
    }
    return MandateSource(title: title?.value, url: url?.value, published: published?.value)
  }

  private mutating func readAliases(_ top: inout MappingReader) -> [Alias] {
    guard let nodes = top.list("aliases", required: false) else { return [] }
    var aliases: [Alias] = []
    var seen: [String: FileLocation] = [:]
    for node in nodes {
      guard var reader = MappingReader(node, file: file, context: "an alias", diagnostics: &diagnostics) else {
        continue
      }
      reader.rejectUnknownKeys(MandateLoader.aliasKeys)
      let name = reader.string("name", required: true)
      let lists = languageLists(&reader, "variants") ?? []
      if reader.valueNode("variants") == nil { reader.missing("variants") }
      let note = reader.string("note", required: false)
      diagnostics += reader.diagnostics
      guard let name else { continue }
      let variants = lists.flatMap(\.terms)
      for spelling in [(name.value, name.location)] + variants.map({ ($0.value, $0.location) }) {
        let key = Self.termKey(spelling.0)
        if let first = seen[key] {
          diagnostics.append(
            .error(
              "duplicate-alias", "`\(spelling.0)` is already listed as an alias", at: spelling.1,
              notes: [.init("first listed here", at: first)]))
        } else {
          seen[key] = spelling.1
        }
      }
      aliases.append(
        Alias(
          name: name.value,
          variantsByLanguage: lists.map { LanguageTerms(language: $0.language?.value, terms: $0.terms.map(\.value)) },
          note: note?.value))
      for spelling in [name.value] + variants.map(\.value) { aliasNames[Self.termKey(spelling)] = name.value }
    }
    return aliases
  }

  private mutating func readPriority(_ node: YAMLNode, term: DayRange?) -> Priority? {
    guard var reader = MappingReader(node, file: file, context: "a priority", diagnostics: &diagnostics) else {
      return nil
    }
    let id = reader.string("id", required: true)
    let name = id.map { "priority \($0.value)" } ?? "a priority"
    reader.context = name
    reader.rejectUnknownKeys(MandateLoader.priorityKeys)
    if let id {
      if !Slug.isPriorityID(id.value) {
        diagnostics.append(
          .error(
            "invalid-id", "priority id `\(id.value)` must be letters and digits without dots (e.g. `P2`)",
            at: id.location))
      }
      register(id: id.value, at: id.location)
    }
    let title = reader.string("title", required: true)
    let translations = translations(&reader)
    let description = reader.string("description", required: false)
    var items: [Item] = []
    if let nodes = reader.list("items", required: true) {
      if nodes.isEmpty {
        diagnostics.append(
          .error("empty-list", "\(name) has no items", at: reader.valueNode("items")?.location(in: file)))
      }
      for itemNode in nodes {
        if let item = readItem(itemNode, priorityID: id?.value, term: term) { items.append(item) }
      }
    }
    diagnostics += reader.diagnostics
    guard let id, let title else { return nil }
    return Priority(
      id: id.value, title: title.value, translations: translations, description: description?.value, items: items,
      location: id.location)
  }

  private mutating func readItem(_ node: YAMLNode, priorityID: String?, term: DayRange?) -> Item? {
    guard var reader = MappingReader(node, file: file, context: "an item", diagnostics: &diagnostics) else {
      return nil
    }
    let id = reader.string("id", required: true)
    let name = id.map { "item \($0.value)" } ?? "an item"
    reader.context = name
    reader.rejectUnknownKeys(MandateLoader.itemKeys)
    defer { diagnostics += reader.diagnostics }
    if let id {
      if let priorityID, !id.value.hasPrefix(priorityID + "."), Slug.isPriorityID(priorityID) {
        diagnostics.append(
          .error(
            "item-id-prefix",
            "item id `\(id.value)` does not extend its priority's id `\(priorityID)` (expected `\(priorityID).<n>`)",
            at: id.location))
      } else if !Slug.isItemID(id.value) {
        diagnostics.append(
          .error(
            "invalid-id", "item id `\(id.value)` must look like `P2.3`: its priority's id, a dot and a number or name",
            at: id.location))
      }
      register(id: id.value, at: id.location)
    }
    let text = reader.string("text", required: true)
    let label = reader.string("label", required: false)
    if let label, label.value.count > Self.longestLabel {
      diagnostics.append(
        .warning(
          "long-label",
          "the label of \(name) has \(label.value.count) characters; lists read best with labels of at most \(Self.longestLabel)",
          at: label.location))
    }
    let lists = languageLists(&reader, "keywords") ?? []
    let keywords = lists.flatMap(\.terms)
    checkKeywords(lists, item: name)
    if keywords.isEmpty && reader.valueNode("keywords") == nil, let id {
      diagnostics.append(
        .warning(
          "no-keywords", "item \(id.value) has no keywords; suggestions will rely on its text alone",
          at: id.location))
    }
    let due = reader.day("due", required: false)
    if let due, let term, due.value < term.start || due.value > term.end {
      diagnostics.append(
        .error(
          "due-outside-term", "`due` \(due.value) of \(name) lies outside the term \(term.start) to \(term.end)",
          at: due.location))
    }
    let indicator = reader.string("indicator", required: false)
    let weight = reader.number("weight")
    if let weight, weight.value <= 0 {
      diagnostics.append(
        .error(
          "invalid-weight",
          "`weight` of \(name) must be greater than 0, found \(PrioritiesRenderer.formatNumber(weight.value))",
          at: weight.location))
    }
    let translations = translations(&reader)
    guard let id, let text else { return nil }
    return Item(
      id: id.value, text: text.value, translations: translations, label: label?.value,
      keywordsByLanguage: lists.map { LanguageTerms(language: $0.language?.value, terms: $0.terms.map(\.value)) },
      due: due?.value, indicator: indicator?.value, weight: weight?.value ?? 1, location: id.location)
  }

  private mutating func register(id: String, at location: FileLocation) {
    if let first = ids[id] {
      diagnostics.append(
        .error(
          "duplicate-id", "id `\(id)` is already used", at: location, notes: [.init("first defined here", at: first)]))
    } else {
      ids[id] = location
    }
  }
}
