/// The parts of a mandate given per language: keywords and alias variants (a plain list, in the
/// mandate's `language`, or a mapping of language tags to lists) and translations (a mapping of
/// language tags to texts).
extension MandateBuilder {
  typealias Located = (value: String, location: FileLocation)

  /// The lists under `key`: one without a language for a plain list, else one per language of the
  /// mapping, in the order written. Nil when the key is absent or its value is neither.
  mutating func languageLists(_ reader: inout MappingReader, _ key: String) -> [(
    language: Located?, terms: [Located]
  )]? {
    guard let node = reader.valueNode(key) else { return nil }
    guard node.mapping != nil else {
      return reader.strings(key, expected: "a list, or a mapping of language tags to lists").map { [(nil, $0)] }
    }
    guard
      var languages = MappingReader(
        node, file: file, context: "`\(key)` of \(reader.context)", diagnostics: &diagnostics)
    else { return nil }
    var seen: [String: FileLocation] = [:]
    var result: [(language: Located?, terms: [Located])] = []
    for tag in languages.keys {
      guard let location = languages.keyLocation(tag) else { continue }
      let language = checkLanguage(tag, at: location, in: languages.context, seen: &seen)
      result.append((language.map { ($0, location) }, languages.strings(tag) ?? []))
    }
    languages.rejectUnknownKeys(languages.keys)
    diagnostics += languages.diagnostics
    return result
  }

  /// The translations under `key`: language tag to text.
  mutating func translations(_ reader: inout MappingReader, _ key: String = "translations") -> [String: String] {
    guard let node = reader.valueNode(key) else { return [:] }
    guard node.mapping != nil else {
      if case .scalar(let text, true) = node.value, ["", "~", "null", "Null", "NULL"].contains(text) { return [:] }
      reader.appendDiagnostic(
        .error(
          "wrong-type",
          "expected `\(key)` in \(reader.context) to be a mapping of language tags to texts, found \(node.kindDescription)",
          at: node.location(in: file)))
      return [:]
    }
    guard
      var languages = MappingReader(
        node, file: file, context: "`\(key)` of \(reader.context)", diagnostics: &diagnostics)
    else { return [:] }
    var seen: [String: FileLocation] = [:]
    var result: [String: String] = [:]
    for tag in languages.keys {
      guard let location = languages.keyLocation(tag) else { continue }
      let language = checkLanguage(tag, at: location, in: languages.context, seen: &seen)
      guard let text = languages.string(tag, required: false), let language else { continue }
      if let own = mandateLanguage, LanguageTag.primary(own) == LanguageTag.primary(language) {
        diagnostics.append(
          .warning(
            "translation-language",
            "a translation into `\(language)` in \(reader.context), the mandate's own language: the declared wording is already in it",
            at: location))
      }
      result[language] = text.value
    }
    languages.rejectUnknownKeys(languages.keys)
    diagnostics += languages.diagnostics
    return result
  }

  /// The tag in its usual case, or nil with an error when `tag` is not a language tag or names a
  /// language already listed in the same mapping.
  mutating func checkLanguage(
    _ tag: String, at location: FileLocation, in context: String, seen: inout [String: FileLocation]
  )
    -> String?
  {
    guard let language = LanguageTag.normalize(tag) else {
      diagnostics.append(
        .error(
          "invalid-language-key",
          "\(tag.isEmpty ? "an empty key" : "`\(tag)`") in \(context) is not a language tag; write a code such as `en` or `ru`",
          at: location))
      return nil
    }
    if let first = seen[language] {
      diagnostics.append(
        .error(
          "duplicate-language", "language `\(tag)` is listed twice in \(context)", at: location,
          notes: [.init("first listed here", at: first)]))
      return nil
    }
    seen[language] = location
    return language
  }

  /// Keywords listed twice in one language are errors; two spellings of one alias in one language
  /// are redundant. (One alias in two languages is how a mandate names a body for each.)
  mutating func checkKeywords(_ lists: [(language: Located?, terms: [Located])], item name: String) {
    var seenKeywords: [String: FileLocation] = [:]
    var seenAliases: [String: (keyword: String, location: FileLocation)] = [:]
    for list in lists {
      let language = list.language?.value ?? mandateLanguage ?? ""
      let place = list.language.map { "the `\($0.value)` keywords of \(name)" } ?? name
      for keyword in list.terms {
        let key = language + "|" + Self.termKey(keyword.value)
        if let first = seenKeywords[key] {
          diagnostics.append(
            .error(
              "duplicate-keyword", "keyword `\(keyword.value)` is listed twice in \(place)",
              at: keyword.location,
              notes: [.init("first listed here", at: first)]))
          continue
        }
        seenKeywords[key] = keyword.location
        // Two spellings of one alias match the same news: the second adds nothing.
        if let alias = aliasNames[Self.termKey(keyword.value)] {
          if let first = seenAliases[language + "|" + alias] {
            diagnostics.append(
              .warning(
                "redundant-keyword",
                "keyword `\(keyword.value)` in \(name) is an alias of `\(first.keyword)` (both spell `\(alias)`); one of them is enough",
                at: keyword.location, notes: [.init("`\(first.keyword)` is listed here", at: first.location)]))
          } else {
            seenAliases[language + "|" + alias] = (keyword.value, keyword.location)
          }
        }
      }
    }
  }

  /// How two keywords or spellings compare: case, runs of spaces and «ё» aside.
  static func termKey(_ term: String) -> String {
    Mandate.spellingKey(term).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
