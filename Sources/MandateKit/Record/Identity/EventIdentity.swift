/// Content-derived keys of an occurrence.
///
/// The id is the first 16 hex digits of the SHA-256 of the normalized title and text, so the same
/// news gets the same id whatever the import order. The other keys find occurrences that are the
/// same event without being identical: the same URL, or a teaser whose text opens an article.
/// The title key serves URL matches (same page, same headline).
struct EventIdentity: Sendable, Hashable {
  /// Words of the text that make up `leadKey`; a shorter text cannot be matched by its prefix.
  static let leadWords = 16

  var id: String
  var idKey: UInt64
  /// FNV-1a of the first `leadWords` normalized words of the text, when it has that many.
  var leadKey: UInt64?
  var urlKey: UInt64?
  /// FNV-1a of the normalized title.
  var titleKey: UInt64?

  init(title: String?, text: String, url: String?) {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(text.utf8.count + (title?.utf8.count ?? 0) + 2)
    var titleKey: UInt64?
    if let title {
      TextNormalizer.append(title, to: &buffer)
      if !buffer.isEmpty { titleKey = buffer.withUnsafeBytes { FNV1a.hash($0) } }
    }
    buffer.append(0x0A)
    var textOnly: [UInt8] = []
    let words = TextNormalizer.append(text, to: &textOnly)
    buffer.append(contentsOf: textOnly)
    var hasher = SHA256()
    hasher.update(buffer)
    let digest = hasher.finalize()
    id = Hex.encode(digest.prefix(8))
    idKey = digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    self.titleKey = titleKey
    leadKey = words >= Self.leadWords ? Self.leadKey(of: textOnly) : nil
    urlKey = url.flatMap(Self.urlKey)
  }

  /// FNV-1a of the first `leadWords` words of normalized text.
  static func leadKey(of normalized: [UInt8]) -> UInt64 {
    var spaces = 0
    var end = normalized.count
    for (index, byte) in normalized.enumerated() where byte == 0x20 {
      spaces += 1
      if spaces == leadWords {
        end = index
        break
      }
    }
    return normalized.withUnsafeBytes { FNV1a.hash(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
  }

  /// A key for a URL that ignores the fragment, a trailing slash, the scheme and the case of the
  /// host, so that `http://Site/a/` and `https://site/a#top` are one page.
  static func urlKey(_ url: String) -> UInt64? {
    var text = url.trimmingWhitespace
    guard !text.isEmpty else { return nil }
    if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
    while text.hasSuffix("/") { text.removeLast() }
    for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
      text = String(text.dropFirst(scheme.count))
    }
    if let slash = text.firstIndex(of: "/") {
      text = text[..<slash].lowercased() + text[slash...]
    } else {
      text = text.lowercased()
    }
    return text.isEmpty ? nil : FNV1a.hash(text)
  }
}
