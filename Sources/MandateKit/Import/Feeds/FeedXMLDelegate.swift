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
  let lines: SourceLines
  var stack: [Element] = []
  var capture: Capture?
  var draft: Draft?
  var entryDepth = 0
  var channelDepth: Int?
  var drafts: [Draft] = []
  var channelLanguage: String?
  var channelLink: Link?
  var pendingEntityName: String?
  var problemCount = 0

  private(set) var dialect: FeedDialect?
  /// The namespace of the feed's Atom elements: Atom 1.0's, Atom 0.3's, or none for an Atom 0.3 feed without one.
  private(set) var atomNamespace = FeedNamespace.atom
  var kind: FeedKind? { dialect?.kind }
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
      dialect = FeedDialect.of(rootName: elementName, namespace: namespace, version: attributeDict["version"])
      if dialect == nil {
        rejectedRoot = (qName ?? elementName, parser.lineNumber, parser.columnNumber)
        parser.abortParsing()
      } else if dialect?.kind == .atom {
        atomNamespace = namespace
      }
      return
    }
    if capture != nil {
      // Markup nested in a field: keep it as tags for the HTML modes, ignore it otherwise.
      if capture!.mode == .html || capture!.mode == .xhtml { capture!.text += "<\(elementName)>" }
      return
    }
    guard let kind else { return }
    // An RDF feed is RSS 1.0 unless its channel and items are in RSS 0.90's namespace.
    if dialect == .rss10, namespace == FeedNamespace.rss090 { dialect = .rss090 }
    if draft == nil {
      if isEntry(elementName, namespace, kind) {
        draft = Draft(line: lines.tagStartLine(line: parser.lineNumber, column: parser.columnNumber))
        draft!.language = languageInScope()
        if kind == .rss, let about = Self.rdfAbout(attributeDict) { draft!.about = (about, base) }
        entryDepth = depth
      } else {
        startChannelField(elementName, namespace, attributeDict, kind, depth: depth, base: base)
      }
      return
    }
    if depth == entryDepth + 1 {
      switch kind {
      case .rss: startRSSField(elementName, namespace, attributeDict, depth: depth, base: base)
      case .atom: startAtomField(elementName, namespace, attributeDict, depth: depth, base: base)
      }
    } else if depth == entryDepth + 2, kind == .atom, elementName == "name", namespace == atomNamespace,
      stack[depth - 2].name == "author", stack[depth - 2].namespace == atomNamespace
    {
      capture = Capture(field: .author, depth: depth, mode: .text)
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

  func isEntry(_ name: String, _ namespace: String, _ kind: FeedKind) -> Bool {
    switch kind {
    case .rss: return name == "item" && FeedNamespace.rss.contains(namespace)
    case .atom: return name == "entry" && namespace == atomNamespace
    }
  }

  func startChannelField(
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
      if depth == 2, name == "link", namespace == atomNamespace, channelLink == nil,
        isAlternate(attributes["rel"]), let href = attributes["href"]
      {
        channelLink = (href, base)
      }
    }
  }

  func append(_ text: String) {
    guard capture != nil else { return }
    if capture!.mode == .xhtml {
      capture!.text += text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    } else {
      capture!.text += text
    }
  }

  func languageInScope() -> String? {
    for element in stack.reversed() {
      if let language = element.language { return language.trimmed.nonEmpty }
    }
    return nil
  }
}
