import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads every feed dialect a news reader handles into entries, refusing anything hostile or broken.
///
/// RSS 0.90, 0.91, 0.92 and 2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0; the Dublin Core and content modules; text,
/// HTML and XHTML content (and Atom 0.3's escaped and base64 modes); `xml:base` and relative links; dates as
/// `FeedDate` reads them. `FeedEntry` says which element gives which field in each dialect.
///
/// Feeds come from outside the organisation, so parsing is defensive: Foundation's streaming `XMLParser` is used
/// with external entities off, documents that declare entities are refused before parsing (their text would be
/// dropped silently, and they are the vehicle of entity bombs and XXE), and any XML error — even one libxml2 only
/// reports as a warning — fails the whole file. A half-read feed would look complete and silently lose news.
public enum FeedParser {
  /// How much of a file `kind(of:)` looks at; the root element of a real feed comes well before this.
  static let sniffLength = 8192

  /// Sniffs the root element: "rss" (or RDF) → .rss, "feed" in an Atom namespace → .atom; nil otherwise. Reads only
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
    return FeedDialect.of(rootName: root.name, namespace: root.namespace, version: root.version)?.kind
  }

  /// Parses a whole feed. Entries that lack both a title and a body are skipped (they carry nothing to import), and
  /// their lines listed in `skipped`.
  ///
  /// Any XML error fails the whole file with the parser's position; there are no partial results.
  public static func parse(_ data: Data) throws(FeedParseError) -> ParsedFeed {
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
  static func parseDocument(_ data: Data) throws(FeedParseError) -> ParsedFeed {
    do {
      return try parseWithXMLParser(data)
    } catch {
      // libxml2 reports line 0 when it stops before its first line ("\0" alone: "no root element"); the file
      // is not empty (that is caught before), so its first line is at fault. Found by fuzzing.
      throw FeedParseError(message: error.message, line: max(error.line, 1), column: error.column)
    }
  }

  private static func parseWithXMLParser(_ data: Data) throws(FeedParseError) -> ParsedFeed {
    if let bad = FeedUTF8.firstInvalidByte(in: data) {
      let bytes = [UInt8](data)
      let (line, column) = TextPosition.of(byteOffset: bad, in: bytes)
      // libxml2's own message for the same fault (code 9), so that the error reads the same wherever the byte is.
      throw FeedParseError(
        message: "XML error at line \(line): \(describe(code: 9))", line: line,
        column: column - (line == 1 ? bomLength(bytes) : 0))
    }
    let padding = FeedProcessingInstructions(padding: FeedEntities.expandingRSS091Entities(in: data) ?? data)
    do {
      return try parsePadded(padding.data)
    } catch {
      throw FeedParseError(
        message: error.message, line: error.line,
        column: padding.originalColumn(line: error.line, column: error.column))
    }
  }

  /// The XMLParser run proper, on bytes that `FeedProcessingInstructions` has made safe for it.
  private static func parsePadded(_ data: Data) throws(FeedParseError) -> ParsedFeed {
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
    guard let dialect = reader.dialect else {
      throw FeedParseError(message: "no root element", line: parser.lineNumber, column: parser.columnNumber)
    }
    if !reader.openElements.isEmpty {
      throw FeedParseError(
        message: truncationMessage(reader.openElements), line: parser.lineNumber, column: parser.columnNumber)
    }
    let (entries, skipped) = reader.finishedEntries()
    return ParsedFeed(dialect: dialect, entries: entries, skipped: skipped)
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
    guard name == "feed" || name.hasSuffix(":feed") else { return "" }
    return " (not in the Atom 1.0 namespace \(FeedNamespace.atom) or the Atom 0.3 namespace \(FeedNamespace.atom03))"
  }

  static func truncationMessage(_ open: [String]) -> String {
    let missing = open.reversed().prefix(4).map { "</\($0)>" }.joined(separator: ", ")
    return "truncated XML: missing \(missing)" + (open.count > 4 ? ", …" : "")
  }
}
