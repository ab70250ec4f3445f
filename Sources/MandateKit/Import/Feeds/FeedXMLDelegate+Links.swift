import Foundation

/// Links in feeds: resolved against their base, and only those safe to show.
extension FeedXMLDelegate {
  /// Resolves a reference against an absolute base; anything that cannot be resolved is returned unchanged.
  func resolve(_ reference: String, against base: String?) -> String {
    let reference = reference.trimmed
    guard Self.scheme(of: reference) == nil, let base, Self.scheme(of: base) != nil,
      let baseURL = URL(string: base), let resolved = URL(string: reference, relativeTo: baseURL)
    else { return reference }
    return resolved.absoluteString
  }

  /// A link safe to show: http(s) or relative, without the control characters browsers silently strip.
  static func sanitizedURL(_ raw: String) -> String? {
    // Browsers remove tabs and newlines anywhere in a URL, so "java\tscript:" must be judged without them.
    let collapsed = String(raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
    let trimmed = collapsed.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0}"..."\u{20}"))
    guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
      return nil
    }
    if let scheme = scheme(of: trimmed), scheme != "http", scheme != "https" { return nil }
    return trimmed
  }

  /// The lower-cased URL scheme, or nil for a relative reference.
  static func scheme(of url: String) -> String? {
    var scheme = ""
    for scalar in url.unicodeScalars {
      if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
      let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
      let other = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
      guard letter || (!scheme.isEmpty && other) else { return nil }
      scheme.unicodeScalars.append(scalar)
    }
    return nil
  }
}
