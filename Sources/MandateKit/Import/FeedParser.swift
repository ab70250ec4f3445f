import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One entry of an RSS or Atom feed.
///
/// It carries only what the news importer needs to file an item against priorities; feed-level metadata
/// (title, generator, images) is ignored.
public struct FeedEntry: Equatable, Sendable {
  /// The entry's title as plain text: whitespace runs and line breaks are collapsed, nothing else is changed.
  ///
  /// RSS titles are plain text, so markup written as `&lt;b&gt;` stays literal "<b>" (escaped when rendered);
  /// Atom titles of `type="html"`/`"xhtml"` are converted like bodies.
  public var title: String?
  /// The entry's text: RSS `content:encoded` if present else `description`; Atom `content` if present else `summary`.
  /// HTML is turned into plain text (see HTMLText): paragraphs separated by "\n\n", entities decoded, tags and scripts
  /// removed.
  public var body: String
  /// RSS `link` (or `guid` with isPermaLink not "false"); Atom `link rel="alternate"` (or the first link without rel).
  ///
  /// Relative links are resolved against `xml:base` or, failing that, the channel's/feed's own link when that is an
  /// absolute http(s) URL; otherwise they are kept as written. Links with a scheme other than http or https
  /// (`javascript:`, `data:`, `file:`) are dropped, because they would be dangerous to show as a link.
  public var url: String?
  /// RSS `pubDate` (RFC 822, e.g. "Wed, 10 Apr 2024 09:30:00 +0300"; also accept `dc:date` ISO 8601);
  /// Atom `published`, else `updated` (RFC 3339). The calendar day in the timestamp's own offset (no time-zone
  /// conversion).
  ///
  /// A malformed date gives nil rather than an error: the entry is still worth importing.
  public var published: Day?
  /// `xml:lang` or the channel's `language`, when given.
  public var language: String?
  /// RSS `guid` / Atom `id`.
  public var guid: String?
  /// 1-based line of the entry's start tag in the file.
  public var line: Int
}

/// The two feed formats understood; RDF-based RSS 1.0 and 0.90 count as `.rss`.
public enum FeedKind: String, Sendable {
  /// RSS 0.9x/2.0 (`<rss>`) or RDF-based RSS 1.0/0.90 (`<rdf:RDF>`).
  case rss
  /// Atom 1.0 (`<feed>` in the `http://www.w3.org/2005/Atom` namespace).
  case atom
}

/// Why a feed could not be read; `line`/`column` are 1-based (0 when unknown).
///
/// The message is meant for the person running the import and names the problem in their terms
/// ("truncated XML: missing </channel>") rather than in libxml2's error codes.
public struct FeedParseError: Error, Equatable, Sendable {
  /// What went wrong, in words for the person running the import.
  public var message: String
  /// The 1-based line where the problem was found, or 0 when the file as a whole is at fault (it is empty).
  public var line: Int
  /// The 1-based column (in characters) where the problem was found, or 0 when unknown.
  public var column: Int
}

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 files into entries, refusing anything hostile or broken.
///
/// Feeds come from outside the organisation, so parsing is defensive: Foundation's streaming `XMLParser` is used
/// with external entities off, documents that declare entities are refused before parsing (their text would be
/// dropped silently, and they are the vehicle of entity bombs and XXE), and any XML error — even one libxml2 only
/// reports as a warning — fails the whole file. A half-read feed would look complete and silently lose news.
public enum FeedParser {
  /// How much of a file `kind(of:)` looks at; the root element of a real feed comes well before this.
  static let sniffLength = 8192

  /// Sniffs the root element: "rss" (or RDF) → .rss, "feed" in the Atom namespace → .atom; nil otherwise. Reads only
  /// the first few KB.
  ///
  /// This lets the importer pick files by content rather than extension. It says nothing about validity: a sniffed
  /// feed can still fail `parse(_:)`.
  public static func kind(of data: Data) -> FeedKind? {
    var head = data.prefix(sniffLength)
    // Never let XMLParser see a byte that is not UTF-8 where libxml2 reads UTF-8 (see `FeedUTF8`); the root
    // element comes before it in any feed, so sniffing the bytes up to it suffices.
    if let bad = FeedUTF8.firstInvalidByte(in: head) { head = head.prefix(bad) }
    let parser = XMLParser(data: FeedProcessingInstructions(padding: head).data)
    configure(parser)
    let sniffer = RootSniffer()
    parser.delegate = sniffer
    _ = parser.parse()
    guard let root = sniffer.root else { return nil }
    return feedKind(rootName: root.name, namespace: root.namespace)
  }

  /// Parses a whole feed. Entries that lack both a title and a body are skipped (they carry nothing to import).
  ///
  /// Any XML error fails the whole file with the parser's position; there are no partial results.
  public static func parse(_ data: Data) throws(FeedParseError) -> (kind: FeedKind, entries: [FeedEntry]) {
    guard !isBlank(data) else { throw FeedParseError(message: "empty file", line: 0, column: 0) }
    if let declaration = PrologScan.entityDeclaration(in: data) {
      throw FeedParseError(
        message: "entity declaration <!ENTITY \(declaration.name)> refused (possible entity bomb or external entity)",
        line: declaration.line, column: declaration.column)
    }
    return try parseDocument(data)
  }

  /// Parses with XMLParser alone, without the entity-declaration pre-check.
  ///
  /// Kept separate so tests can show that libxml2's own defences (bomb refusal, unread external entities) hold
  /// even if the pre-check were bypassed.
  static func parseDocument(_ data: Data) throws(FeedParseError) -> (kind: FeedKind, entries: [FeedEntry]) {
    do {
      return try parseWithXMLParser(data)
    } catch {
      // libxml2 reports line 0 when it stops before its first line ("\0" alone: "no root element"); the file
      // is not empty (that is caught before), so its first line is at fault. Found by fuzzing.
      throw FeedParseError(message: error.message, line: max(error.line, 1), column: error.column)
    }
  }

  private static func parseWithXMLParser(_ data: Data) throws(FeedParseError) -> (
    kind: FeedKind, entries: [FeedEntry]
  ) {
    if let bad = FeedUTF8.firstInvalidByte(in: data) {
      let bytes = [UInt8](data)
      let (line, column) = TextPosition.of(byteOffset: bad, in: bytes)
      // libxml2's own message for the same fault (code 9), so that the error reads the same wherever the byte is.
      throw FeedParseError(
        message: "XML error at line \(line): \(describe(code: 9))", line: line,
        column: column - (line == 1 ? bomLength(bytes) : 0))
    }
    let padding = FeedProcessingInstructions(padding: data)
    do {
      return try parsePadded(padding.data)
    } catch {
      throw FeedParseError(
        message: error.message, line: error.line,
        column: padding.originalColumn(line: error.line, column: error.column))
    }
  }

  /// The XMLParser run proper, on bytes that `FeedProcessingInstructions` has made safe for it.
  private static func parsePadded(_ data: Data) throws(FeedParseError) -> (kind: FeedKind, entries: [FeedEntry]) {
    let parser = XMLParser(data: data)
    configure(parser)
    let reader = FeedXMLDelegate(data: data)
    parser.delegate = reader
    let finished = parser.parse()
    if let root = reader.rejectedRoot {
      throw FeedParseError(
        message: "not an RSS or Atom feed: root element <\(root.name)>" + rootHint(root.name),
        line: root.line, column: root.column)
    }
    if let problem = reader.firstProblem { throw error(for: problem, reader: reader) }
    guard finished else {
      let code = (parser.parserError as NSError?)?.code ?? 0
      throw FeedParseError(
        message: "XML error at line \(parser.lineNumber): parsing stopped (libxml2 error \(code))",
        line: parser.lineNumber, column: parser.columnNumber)
    }
    guard let kind = reader.kind else {
      throw FeedParseError(message: "no root element", line: parser.lineNumber, column: parser.columnNumber)
    }
    if !reader.openElements.isEmpty {
      throw FeedParseError(
        message: truncationMessage(reader.openElements), line: parser.lineNumber, column: parser.columnNumber)
    }
    return (kind, reader.finishedEntries())
  }

  /// Settings shared by sniffing and parsing; external entities stay off explicitly so no default can change it.
  private static func configure(_ parser: XMLParser) {
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
  }

  /// 1 when `bytes` starts with a UTF-8 byte-order mark (one scalar that libxml2 does not count as a column).
  private static func bomLength(_ bytes: [UInt8]) -> Int {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 1 : 0
  }

  private static func isBlank(_ data: Data) -> Bool {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let body = data.starts(with: bom) ? data.dropFirst(3) : data[...]
    return body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
  }

  private static func rootHint(_ name: String) -> String {
    name == "feed" || name.hasSuffix(":feed") ? " (not in the Atom 1.0 namespace \(FeedNamespace.atom))" : ""
  }

  private static func truncationMessage(_ open: [String]) -> String {
    let missing = open.reversed().prefix(4).map { "</\($0)>" }.joined(separator: ", ")
    return "truncated XML: missing \(missing)" + (open.count > 4 ? ", …" : "")
  }

  /// Turns the first libxml2 error into a message; the codes are libxml2's `xmlParserErrors`.
  static func error(for problem: XMLProblem, reader: FeedXMLDelegate) -> FeedParseError {
    let line = problem.line
    let column = problem.column
    func xml(_ text: String) -> FeedParseError {
      FeedParseError(message: "XML error at line \(line): \(text)", line: line, column: column)
    }
    if reader.isTruncation(problem) {
      return FeedParseError(message: truncationMessage(reader.openElements), line: line, column: column)
    }
    switch problem.code {
    case 89:
      return FeedParseError(message: "entity expansion refused (possible entity bomb)", line: line, column: column)
    case 4:
      return FeedParseError(message: "not XML: no start tag found", line: line, column: column)
    case 5:
      // XML_ERR_DOCUMENT_END also means "goes on after the root", or "there is no root at all".
      if reader.kind == nil { return FeedParseError(message: "no root element", line: line, column: column) }
      return xml("content after the end of the root element")
    case 26, 27:
      // Without a name the reference was a parameter entity in the DTD, where the HTML hint would mislead.
      guard let name = problem.entityName else { return xml("undeclared entity") }
      let hint =
        problem.code == 27
        ? "external DTDs are not read" : "XML only knows &amp; &lt; &gt; &quot; &apos;; HTML entities need CDATA"
      return xml("undeclared entity &\(name); (\(hint))")
    case 76:
      let expected = problem.openElement.map { " (expected </\($0)>)" } ?? ""
      return xml("mismatched closing tag\(expected)")
    default:
      return xml(describe(code: problem.code))
    }
  }

  /// Short descriptions of the libxml2 errors that broken feeds actually produce.
  static func describe(code: Int) -> String {
    switch code {
    case 2: return "out of memory"
    case 6, 7, 8: return "invalid character reference"
    case 9: return "invalid character (the file is not valid UTF-8, or contains a control character)"
    case 10...17: return "misplaced character or entity reference"
    case 22, 68: return "name expected (a bare '&' or '<' must be written &amp; or &lt;)"
    case 23: return "entity reference without ';'"
    case 31, 32, 79: return "unsupported or unknown encoding"
    case 38: return "'<' inside an attribute value"
    case 39, 40, 41, 65: return "malformed attribute"
    case 42: return "duplicate attribute"
    case 45: return "unfinished comment"
    case 57: return "malformed XML declaration"
    case 61: return "malformed DOCTYPE"
    case 62: return "']]>' in text"
    case 63: return "unfinished CDATA section"
    case 73: return "'>' expected"
    case 77: return "unfinished tag"
    case 80: return "'--' inside a comment"
    case 81: return "text does not match the declared encoding"
    case 85, 86: return "not well-formed"
    case 201: return "undeclared namespace prefix"
    default: return "malformed XML (libxml2 error \(code))"
    }
  }
}

/// Namespaces that decide what an element means; prefixes are the author's choice, URIs are not.
enum FeedNamespace {
  static let atom = "http://www.w3.org/2005/Atom"
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  static let content = "http://purl.org/rss/1.0/modules/content/"
  static let dublinCore = "http://purl.org/dc/elements/1.1/"
  /// RSS elements are unqualified in 0.9x/2.0 and namespaced in 1.0, 0.90 and UserLand's rare 2.0 variant.
  static let rss: Set<String> = [
    "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
  ]
}

/// The feed kind a root element announces, or nil when it announces none.
func feedKind(rootName: String, namespace: String) -> FeedKind? {
  switch (rootName, namespace) {
  case ("rss", _): return .rss
  case ("RDF", FeedNamespace.rdf): return .rss
  case ("feed", FeedNamespace.atom): return .atom
  default: return nil
  }
}

/// Stops at the first element, which is all `kind(of:)` needs.
final class RootSniffer: NSObject, XMLParserDelegate {
  var root: (name: String, namespace: String)?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    root = (elementName, namespaceURI ?? "")
    parser.abortParsing()
  }
}

/// The UTF-8 check that has to run before XMLParser sees a feed.
///
/// libxml2, as Foundation drives it on Linux, hands element, attribute, namespace-prefix and
/// processing-instruction names to XMLParser without checking that they are UTF-8 when it reads the file as
/// UTF-8, and XMLParser force-unwraps their conversion to String: one byte such as 0xFF in a tag name
/// (`<rss a\u{FF}="1">`, or `<\u{FF}>` alone) kills the whole `mandate import`. Found by fuzzing (Scripts/fuzz.sh,
/// target feed; regression inputs in Tests/MandateKitTests/Fixtures/fuzz/feed/). Files in other encodings are
/// converted by libxml2 (through iconv) before their names reach XMLParser, so they are left to it.
enum FeedUTF8 {
  /// The offset of the first byte that is not UTF-8 in a file libxml2 reads as UTF-8; nil when there is none
  /// or the file is in another encoding.
  ///
  /// A character cut in half at the very end is not reported: libxml2 stops before it, and the parser's
  /// truncation message ("truncated XML: missing </channel>") says more.
  static func firstInvalidByte(in data: Data) -> Int? {
    let bytes = [UInt8](data)
    guard readsAsUTF8(bytes), let bad = TextFile.firstInvalidUTF8(bytes) else { return nil }
    let rest = bytes[bad...]
    if rest.count < 4, rest.first.map({ $0 >= 0xC2 && $0 <= 0xF4 }) ?? false,
      rest.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 })
    {
      return nil
    }
    return bad
  }

  /// Whether libxml2 reads `bytes` as UTF-8: no UTF-16 or UTF-32 signature, and the XML declaration (if any)
  /// names no encoding, a Unicode one (a file of 8-bit characters declared "UTF-16" is read as UTF-8: libxml2
  /// cannot switch to a wider encoding, and the names reach XMLParser unchecked), or one that cannot be
  /// converted. A malformed declaration names none.
  static func readsAsUTF8(_ bytes: [UInt8]) -> Bool {
    let head = Array(bytes.prefix(4))
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x00])
      || head.starts(with: [0x3C, 0x00]) || head.starts(with: [0x00, 0x3C])
    {
      return false
    }
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let prolog = bytes[start..<min(bytes.count, start + 256)]
    guard prolog.starts(with: Array("<?xml".utf8)),
      let close = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: start)
    else { return true }
    let declaration = String(decoding: bytes[start..<close], as: UTF8.self).lowercased()
    guard let key = declaration.range(of: "encoding") else { return true }
    let value = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let quote = value.first, quote == "\"" || quote == "'" else { return true }
    let name = String(value.dropFirst().prefix { $0 != quote })
    if ["utf", "ucs", "iso-10646", "unicode"].contains(where: { name.hasPrefix($0) }) { return true }
    // libxml2 converts a file whose declared encoding it can open (its own converters, else iconv's); one it
    // cannot open ("foo", or bytes that make no encoding name, as in "yutf\u{FC}-8") leaves the file read as
    // UTF-8, names unchecked. Found by fuzzing, after the check above first trusted any declared name.
    return !canConvert(from: name)
  }

  /// Whether `name` is an encoding name (XML's EncName) that iconv can convert to UTF-8.
  static func canConvert(from name: String) -> Bool {
    guard let first = name.first, first.isASCII, first.isLetter,
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
    else { return false }
    let converter = iconv_open("UTF-8", name)
    if converter == iconv_t(bitPattern: -1) { return false }
    iconv_close(converter)
    return true
  }
}

/// Finds entity declarations in the DOCTYPE before XMLParser sees the file.
///
/// libxml2 as used by Foundation on Linux silently drops the text of user-declared entities (so a feed relying on
/// them would lose words without notice), never reads external ones, and refuses exponential expansion. Refusing
/// the declarations outright turns all three into one clear error and does not depend on those libxml2 details.
enum PrologScan {
  /// The first `<!ENTITY` in the internal DTD subset, with its 1-based line and column; nil when there is none.
  static func entityDeclaration(in data: Data) -> (name: String, line: Int, column: Int)? {
    let bytes = asciiCompatibleBytes(data)
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count {
      if isSpace(bytes[index]) {
        index += 1
      } else if matches(bytes, at: index, "<?") {
        index = after(bytes, "?>", from: index + 2)
      } else if matches(bytes, at: index, "<!--") {
        index = after(bytes, "-->", from: index + 4)
      } else if matches(bytes, at: index, "<!DOCTYPE") {
        return scanDoctype(bytes, from: index + 9)
      } else {
        return nil  // The root element (or garbage, which XMLParser will report).
      }
    }
    return nil
  }

  private static func scanDoctype(_ bytes: [UInt8], from start: Int) -> (name: String, line: Int, column: Int)? {
    var index = start
    var inSubset = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        index = after(bytes, byte: byte, from: index + 1)
        continue
      }
      if inSubset {
        if matches(bytes, at: index, "<!--") {
          index = after(bytes, "-->", from: index + 4)
          continue
        }
        if matches(bytes, at: index, "<?") {
          index = after(bytes, "?>", from: index + 2)
          continue
        }
        if matches(bytes, at: index, "<!ENTITY") {
          let (line, column) = position(of: index, in: bytes)
          return (entityName(bytes, from: index + 8), line, column)
        }
        if byte == UInt8(ascii: "]") { inSubset = false }
      } else if byte == UInt8(ascii: "[") {
        inSubset = true
      } else if byte == UInt8(ascii: ">") {
        return nil
      }
      index += 1
    }
    return nil
  }

  private static func entityName(_ bytes: [UInt8], from start: Int) -> String {
    var index = start
    while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "%") { index += 1 }
    var end = index
    while end < bytes.count, end - index < 64, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
      bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "'")
    {
      end += 1
    }
    let name = String(decoding: bytes[index..<end], as: UTF8.self)
    return name.isEmpty ? "?" : name
  }

  /// UTF-16 feeds are transcoded so the byte scan sees ASCII; other encodings in use for feeds are ASCII-compatible.
  private static func asciiCompatibleBytes(_ data: Data) -> [UInt8] {
    let head = Array(data.prefix(4))
    let encoding: String.Encoding?
    switch head {
    case let h where h.starts(with: [0xFF, 0xFE]) || h.starts(with: [0x3C, 0x00, 0x3F, 0x00]):
      encoding = .utf16LittleEndian
    case let h where h.starts(with: [0xFE, 0xFF]) || h.starts(with: [0x00, 0x3C, 0x00, 0x3F]):
      encoding = .utf16BigEndian
    default:
      encoding = nil
    }
    if let encoding, let text = String(data: data, encoding: encoding) {
      return Array(text.utf8)
    }
    return Array(data)
  }

  private static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<offset] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func matches(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
    // StaticString keeps this allocation-free: it runs once per byte of a prolog comment, which a hostile file
    // can make megabytes long.
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    return literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
  }

  /// The index just after the next `literal` at or after `index`, or the end when there is none.
  private static func after(_ bytes: [UInt8], _ literal: StaticString, from index: Int) -> Int {
    let first = literal.withUTF8Buffer { $0[0] }
    var index = index
    while let candidate = firstIndex(of: first, in: bytes, from: index) {
      if matches(bytes, at: candidate, literal) { return candidate + literal.utf8CodeUnitCount }
      index = candidate + 1
    }
    return bytes.count
  }

  /// The index just after the next `byte` at or after `index`, or the end when there is none.
  private static func after(_ bytes: [UInt8], byte: UInt8, from index: Int) -> Int {
    firstIndex(of: byte, in: bytes, from: index).map { $0 + 1 } ?? bytes.count
  }
}

/// The first `byte` at or after `start`, found with memchr so that scanning megabytes stays fast even in debug builds.
func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
  guard start < bytes.count else { return nil }
  return bytes.withUnsafeBufferPointer { buffer -> Int? in
    guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), buffer.count - start) else {
      return nil
    }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }
}
