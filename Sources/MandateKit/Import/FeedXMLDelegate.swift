import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An error reported by libxml2 through XMLParser, with where it happened and what was open at the time.
struct XMLProblem {
  var code: Int
  var line: Int
  var column: Int
  /// The innermost open element, to say which closing tag was expected.
  var openElement: String?
  /// The entity XMLParser asked about just before an undeclared-entity error.
  var entityName: String?
}

/// The SAX delegate that turns XMLParser events into feed entries.
///
/// Streaming avoids building a document tree (only finished entries are kept), and lets the parse stop at the
/// root element when the file is not a feed.
final class FeedXMLDelegate: NSObject, XMLParserDelegate {
  private struct Element {
    var name: String
    var qualifiedName: String
    var namespace: String
    /// `xml:lang` on this element ("" resets it, per XML 1.0 §2.12).
    var language: String?
    /// The `xml:base` in force here, already resolved against the enclosing one.
    var base: String?
  }

  private enum Field {
    case title, link, description, content, summary, guid, pubDate, dcDate, dcLanguage, published, updated, id
    case channelLanguage, channelLink
  }

  /// How the captured text is to be read.
  private enum TextMode {
    /// Literal text (RSS titles, Atom `type="text"`).
    case text
    /// HTML source carried as text (RSS descriptions, Atom `type="html"`).
    case html
    /// Real child elements (Atom `type="xhtml"`), serialised back to HTML so HTMLText can read them.
    case xhtml
    /// Content we cannot use, such as base64 media or out-of-line `src` content.
    case ignored
  }

  private struct Capture {
    var field: Field
    var depth: Int
    var mode: TextMode
    var base: String?
    var text = ""
  }

  private struct Draft {
    var line: Int
    var language: String?
    var title: String?
    var content: String?
    var summary: String?
    var link: (href: String, base: String?)?
    var permaLink: (href: String, base: String?)?
    var alternateLink: (href: String, base: String?)?
    var firstLinkWithoutRel: (href: String, base: String?)?
    var guid: String?
    var pubDate: String?
    var dcDate: String?
    var dcLanguage: String?
    var published: String?
    var updated: String?
  }

  private let lines: SourceLines
  private var stack: [Element] = []
  private var capture: Capture?
  private var draft: Draft?
  private var entryDepth = 0
  private var channelDepth: Int?
  private var drafts: [Draft] = []
  private var channelLanguage: String?
  private var channelLink: (href: String, base: String?)?
  private var pendingEntityName: String?
  private var problemCount = 0

  private(set) var kind: FeedKind?
  private(set) var rejectedRoot: (name: String, line: Int, column: Int)?
  private(set) var firstProblem: XMLProblem?
  private(set) var lastProblem: XMLProblem?

  /// Elements still open, outermost first; non-empty at the end means the file was cut off.
  var openElements: [String] { stack.map(\.qualifiedName) }

  /// Whether `problem` means the input ended too early rather than that it is malformed.
  ///
  /// libxml2 ends a cut-off document with XML_ERR_DOCUMENT_END at the last position, or fails on the half
  /// character left at the end; either way the first error sits at the end of the input.
  func isTruncation(_ problem: XMLProblem) -> Bool {
    guard !stack.isEmpty, problem.code != 89 else { return false }
    if problem.code == 5 || lines.isAtEnd(line: problem.line, column: problem.column) { return true }
    guard let last = lastProblem else { return false }
    return last.code == 5 && last.line == problem.line && last.column == problem.column
  }

  init(data: Data) {
    lines = SourceLines(data)
  }

  // MARK: XMLParserDelegate

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    let namespace = namespaceURI ?? ""
    let base = attributeDict["xml:base"].map { resolve($0, against: stack.last?.base) } ?? stack.last?.base
    stack.append(
      Element(
        name: elementName, qualifiedName: qName ?? elementName, namespace: namespace,
        language: attributeDict["xml:lang"], base: base))
    let depth = stack.count

    if depth == 1 {
      kind = feedKind(rootName: elementName, namespace: namespace)
      if kind == nil {
        rejectedRoot = (qName ?? elementName, parser.lineNumber, parser.columnNumber)
        parser.abortParsing()
      }
      return
    }
    if capture != nil {
      // Markup nested in a field: keep it as tags for the HTML modes, ignore it otherwise.
      if capture!.mode == .html || capture!.mode == .xhtml { capture!.text += "<\(elementName)>" }
      return
    }
    guard let kind else { return }
    if draft == nil {
      if isEntry(elementName, namespace, kind) {
        draft = Draft(line: lines.tagStartLine(line: parser.lineNumber, column: parser.columnNumber))
        draft!.language = languageInScope()
        entryDepth = depth
      } else {
        startChannelField(elementName, namespace, attributeDict, kind, depth: depth, base: base)
      }
      return
    }
    guard depth == entryDepth + 1 else { return }
    switch kind {
    case .rss: startRSSField(elementName, namespace, attributeDict, depth: depth, base: base)
    case .atom: startAtomField(elementName, namespace, attributeDict, depth: depth, base: base)
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    let depth = stack.count
    if let current = capture {
      if depth == current.depth {
        finish(current)
        capture = nil
      } else if current.mode == .html || current.mode == .xhtml {
        capture!.text += "</\(elementName)>"
      }
    }
    if let current = draft, depth == entryDepth {
      drafts.append(current)
      draft = nil
    }
    if depth == channelDepth { channelDepth = nil }
    if !stack.isEmpty { stack.removeLast() }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    append(string)
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    append(String(decoding: CDATABlock, as: UTF8.self))
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
    // Never supply content: this only remembers the name for the error message that follows.
    pendingEntityName = name
    return nil
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    let problem = XMLProblem(
      code: (parseError as NSError).code, line: parser.lineNumber, column: parser.columnNumber,
      openElement: stack.last?.qualifiedName, entityName: pendingEntityName)
    pendingEntityName = nil
    if firstProblem == nil { firstProblem = problem }
    lastProblem = problem
    problemCount += 1
    // Parsing goes on after an error only to learn whether it was the end of the input (a truncation); an entity
    // loop or a flood of errors is not worth following.
    if problem.code == 89 || problemCount > 50 { parser.abortParsing() }
  }

  // MARK: Fields

  private func isEntry(_ name: String, _ namespace: String, _ kind: FeedKind) -> Bool {
    switch kind {
    case .rss: return name == "item" && FeedNamespace.rss.contains(namespace)
    case .atom: return name == "entry" && namespace == FeedNamespace.atom
    }
  }

  private func startChannelField(
    _ name: String, _ namespace: String, _ attributes: [String: String], _ kind: FeedKind, depth: Int, base: String?
  ) {
    switch kind {
    case .rss:
      if name == "channel", FeedNamespace.rss.contains(namespace) {
        channelDepth = depth
      } else if let channelDepth, depth == channelDepth + 1 {
        if name == "language", FeedNamespace.rss.contains(namespace) || namespace == FeedNamespace.dublinCore {
          capture = Capture(field: .channelLanguage, depth: depth, mode: .text)
        } else if name == "link", FeedNamespace.rss.contains(namespace) {
          capture = Capture(field: .channelLink, depth: depth, mode: .text, base: base)
        }
      }
    case .atom:
      if depth == 2, name == "link", namespace == FeedNamespace.atom, channelLink == nil,
        isAlternate(attributes["rel"]), let href = attributes["href"]
      {
        channelLink = (href, base)
      }
    }
  }

  private func startRSSField(
    _ name: String, _ namespace: String, _ attributes: [String: String], depth: Int, base: String?
  ) {
    var field: Field?
    var mode = TextMode.text
    if FeedNamespace.rss.contains(namespace) {
      switch name {
      case "title": field = .title
      case "link": field = .link
      case "description": (field, mode) = (.description, .html)
      case "guid": field = .guid
      case "pubDate": field = .pubDate
      default: break
      }
    } else if namespace == FeedNamespace.content, name == "encoded" {
      (field, mode) = (.content, .html)
    } else if namespace == FeedNamespace.dublinCore {
      field = name == "date" ? .dcDate : name == "language" ? .dcLanguage : nil
    }
    if field == .guid, attributes["isPermaLink"]?.trimmed.lowercased() == "false" {
      // Remember that this guid is not a link by capturing it as a plain identifier only.
      capture = Capture(field: .id, depth: depth, mode: .text)
      return
    }
    if let field { capture = Capture(field: field, depth: depth, mode: mode, base: base) }
  }

  private func startAtomField(
    _ name: String, _ namespace: String, _ attributes: [String: String], depth: Int, base: String?
  ) {
    guard namespace == FeedNamespace.atom else { return }
    let mode = Self.atomMode(attributes["type"])
    switch name {
    case "title": capture = Capture(field: .title, depth: depth, mode: mode)
    case "content":
      // Out-of-line content (`src`) is a reference to fetch, which the importer never does.
      capture = Capture(field: .content, depth: depth, mode: attributes["src"] == nil ? mode : .ignored)
    case "summary": capture = Capture(field: .summary, depth: depth, mode: mode)
    case "published": capture = Capture(field: .published, depth: depth, mode: .text)
    case "updated": capture = Capture(field: .updated, depth: depth, mode: .text)
    case "id": capture = Capture(field: .id, depth: depth, mode: .text)
    case "link":
      guard let href = attributes["href"] else { return }
      let rel = attributes["rel"]?.trimmed ?? ""
      if rel.isEmpty, draft!.firstLinkWithoutRel == nil { draft!.firstLinkWithoutRel = (href, base) }
      if !rel.isEmpty, isAlternate(rel), draft!.alternateLink == nil { draft!.alternateLink = (href, base) }
    default: break
    }
  }

  /// Atom's `type` attribute: the three named kinds, or a media type (RFC 4287 §4.1.3).
  private static func atomMode(_ type: String?) -> TextMode {
    let type = type?.trimmed.lowercased() ?? ""
    switch type {
    case "", "text": return .text
    case "html": return .html
    case "xhtml": return .xhtml
    default:
      if type.hasPrefix("text/html") { return .html }
      if type.contains("xhtml") { return .xhtml }
      if type.hasPrefix("text/") { return .text }
      return .ignored
    }
  }

  private func isAlternate(_ rel: String?) -> Bool {
    let rel = rel?.trimmed ?? ""
    return rel.isEmpty || rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate"
  }

  private func append(_ text: String) {
    guard capture != nil else { return }
    if capture!.mode == .xhtml {
      capture!.text += text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    } else {
      capture!.text += text
    }
  }

  private func finish(_ capture: Capture) {
    let raw = capture.text
    switch capture.field {
    case .channelLanguage:
      if channelLanguage == nil { channelLanguage = raw.trimmed.nonEmpty }
      return
    case .channelLink:
      if channelLink == nil, let href = raw.trimmed.nonEmpty { channelLink = (href, capture.base) }
      return
    default:
      break
    }
    guard var entry = draft else { return }
    switch capture.field {
    case .title: entry.title = entry.title ?? Self.titleText(raw, capture.mode)
    case .description, .summary: entry.summary = entry.summary ?? Self.bodyText(raw, capture.mode)
    case .content: entry.content = entry.content ?? Self.bodyText(raw, capture.mode)
    case .link:
      if entry.link == nil, let href = raw.trimmed.nonEmpty { entry.link = (href, capture.base) }
    case .guid:
      entry.guid = entry.guid ?? raw.trimmed.nonEmpty
      if entry.permaLink == nil, let href = raw.trimmed.nonEmpty { entry.permaLink = (href, capture.base) }
    case .id: entry.guid = entry.guid ?? raw.trimmed.nonEmpty
    case .pubDate: entry.pubDate = entry.pubDate ?? raw
    case .dcDate: entry.dcDate = entry.dcDate ?? raw
    case .dcLanguage: entry.dcLanguage = entry.dcLanguage ?? raw.trimmed.nonEmpty
    case .published: entry.published = entry.published ?? raw
    case .updated: entry.updated = entry.updated ?? raw
    case .channelLanguage, .channelLink: break
    }
    draft = entry
  }

  // MARK: Results

  /// The entries read, in file order, with channel-level defaults applied now that the whole channel is known.
  func finishedEntries() -> [FeedEntry] {
    let channelBase = channelLink.flatMap { Self.sanitizedURL(resolve($0.href, against: $0.base)) }
    return drafts.compactMap { draft in
      let body = draft.content ?? draft.summary ?? ""
      guard draft.title != nil || !body.isEmpty else { return nil }
      let link: (href: String, base: String?)?
      switch kind {
      case .atom: link = draft.alternateLink ?? draft.firstLinkWithoutRel
      default: link = draft.link ?? draft.permaLink
      }
      let published: Day?
      switch kind {
      case .atom: published = FeedDate.day(draft.published) ?? FeedDate.day(draft.updated)
      default: published = FeedDate.day(draft.pubDate) ?? FeedDate.day(draft.dcDate)
      }
      return FeedEntry(
        title: draft.title, body: body,
        url: link.flatMap { Self.sanitizedURL(resolve($0.href, against: $0.base ?? channelBase)) },
        published: published, language: draft.language ?? draft.dcLanguage ?? channelLanguage,
        guid: draft.guid, line: draft.line)
    }
  }

  private func languageInScope() -> String? {
    for element in stack.reversed() {
      if let language = element.language { return language.trimmed.nonEmpty }
    }
    return nil
  }

  // MARK: Text

  /// Titles are single lines: line breaks and runs of XML whitespace become one space, nothing else changes.
  private static func titleText(_ raw: String, _ mode: TextMode) -> String? {
    let text: String
    switch mode {
    case .text: text = raw
    case .html, .xhtml: text = HTMLText.plainText(raw)
    case .ignored: return nil
    }
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(scalar)
      }
    }
    return String(result).nonEmpty
  }

  private static func bodyText(_ raw: String, _ mode: TextMode) -> String? {
    switch mode {
    case .html, .xhtml: return HTMLText.plainText(raw).nonEmpty
    case .text: return plainParagraphs(raw).nonEmpty
    case .ignored: return nil
    }
  }

  /// Literal text in the same shape as converted HTML: blank lines separate paragraphs, other spacing collapses.
  static func plainParagraphs(_ text: String) -> String {
    var collector = HTMLText.ParagraphCollector()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
        collector.breakParagraph()
      } else {
        for scalar in line.unicodeScalars { collector.append(scalar) }
        collector.space()
      }
    }
    return collector.finish()
  }

  // MARK: Links

  /// Resolves a reference against an absolute base; anything that cannot be resolved is returned unchanged.
  private func resolve(_ reference: String, against base: String?) -> String {
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

/// Maps XMLParser's positions back to the file, to report where an entry's start tag begins.
///
/// XMLParser reports the position of the tag's closing '>', which is a later line when attributes wrap; the
/// source is scanned back to the '<' so that the line points where a person would look.
struct SourceLines {
  private let bytes: [UInt8]
  private let lineStarts: [Int]

  init(_ data: Data) {
    bytes = Array(data)
    var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
    var offset = 0
    while let newline = firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: offset) {
      starts.append(newline + 1)
      offset = newline + 1
    }
    lineStarts = starts
  }

  /// The line of the '<' that opens the tag whose '>' XMLParser reported at `line`:`column`.
  func tagStartLine(line: Int, column: Int) -> Int {
    guard line >= 1, line <= lineStarts.count, column >= 1 else { return line }
    let start = lineStarts[line - 1]
    // libxml2 counts columns in characters; single-byte encodings make that the byte offset, so try both.
    for candidate in [scalarOffset(from: start, count: column - 1), start + column - 1] {
      guard let position = candidate, position < bytes.count, bytes[position] == UInt8(ascii: ">") else { continue }
      var result = line
      var index = position
      while index > 0 {
        index -= 1
        if bytes[index] == UInt8(ascii: "<") { return result }
        if bytes[index] == UInt8(ascii: "\n") { result -= 1 }
      }
    }
    return line
  }

  /// Whether nothing but whitespace, or the start of a character cut in half, follows `line`:`column`.
  ///
  /// An error there means the file was cut off, whatever libxml2 called it ("incomplete UTF-8 sequence",
  /// "'>' expected", …).
  func isAtEnd(line: Int, column: Int) -> Bool {
    guard line >= 1, line <= lineStarts.count, column >= 1,
      let position = scalarOffset(from: lineStarts[line - 1], count: column - 1)
    else { return false }
    let rest = bytes[min(position, bytes.count)...]
    if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return true }
    guard let lead = rest.first, lead >= 0xC0, rest.count < 4 else { return false }
    return rest.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
  }

  private func scalarOffset(from start: Int, count: Int) -> Int? {
    var position = start
    for _ in 0..<count {
      guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else { return nil }
      position += 1
      while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
    }
    return position
  }
}

extension String {
  fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
