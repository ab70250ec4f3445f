/// BCP 47 language tags as sources write them ("en", "ru-RU", "en_us", "RU") and as the record
/// keeps them ("en", "ru-RU", "en-US").
public enum LanguageTag {
  /// The tag in its usual case (language lower case, a two-letter region upper case, a script
  /// title case: "kk-Cyrl-KZ"), with `_` read as `-`; nil when it is not a tag.
  public static func normalize(_ tag: String) -> String? {
    let text = tag.trimmingWhitespace.replacingOccurrences(of: "_", with: "-")
    guard Slug.isLanguageTag(text) else { return nil }
    let parts = text.split(separator: "-")
    return parts.enumerated().map { index, part in
      if index == 0 { return part.lowercased() }
      if part.count == 2 { return part.uppercased() }
      if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
      return part.lowercased()
    }.joined(separator: "-")
  }

  /// The language alone ("ru" of "ru-RU"), lower case; nil when `tag` is nil or not a tag.
  public static func primary(_ tag: String?) -> String? {
    guard let tag else { return nil }
    // The record's own tags are normalized: "en", "ru", "ru-RU"; a report reads thousands.
    let bytes = tag.utf8
    if (2...3).contains(bytes.count), bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
      return tag
    }
    guard let normalized = normalize(tag) else { return nil }
    return String(normalized.split(separator: "-")[0])
  }
}
