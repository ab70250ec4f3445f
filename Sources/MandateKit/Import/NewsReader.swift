import Foundation

/// The formats `mandate import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
  case cstoPage = "csto-page"
  case rss, atom, jsonl, csv
  /// A saved or fetched web page of any outlet.
  case html
}

/// Reads one kind of news file into raw items.
///
/// Readers stream: they hand each item to `item` as soon as it is read, so that a 1 GB file never
/// sits in memory. A record that cannot be used goes to `reject` with its line and the reason (the
/// import then exits 1); something missing that did not stop the reading (a page cut short, a feed
/// item with nothing in it) goes to `warn`; a file that cannot be read at all throws.
protocol NewsReader: Sendable {
  var formats: [ImportFormat] { get }
  func read(
    _ url: URL, file: String, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws
  /// Reads an input that may carry where it was fetched from (its address, HTTP charset and
  /// language). Readers that have a use for the origin implement this; the rest read the file.
  func read(
    _ input: ReaderInput, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws
}

extension NewsReader {
  func read(
    _ input: ReaderInput, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws {
    try read(input.url, file: input.file, item: item, reject: reject, warn: warn)
  }
}

/// The registry of readers, and the detection of a file's format.
public enum NewsReaders {
  static let all: [any NewsReader] = [
    CSTOPageReader(), FeedNewsReader(), JSONLReader(), CSVNewsReader(), HTMLPageReader(),
  ]

  static func reader(for format: ImportFormat) -> any NewsReader {
    all.first { $0.formats.contains(format) }!
  }

  /// The format of `url`, from its first bytes and its extension.
  public static func detect(_ url: URL) throws(ImportError) -> ImportFormat {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw .unreadable(
        path: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "permission denied" : "no such file")
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 64 << 10)) ?? Data()
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      // Web pages are decoded from UTF-16 like any other charset; the other formats are read as UTF-8.
      let text = PageDecoder.utf16([UInt8](head.dropFirst(2))[...], bigEndian: head.first == 0xFE)
      if looksLikeHTML(String(decoding: text, as: UTF8.self)) { return .html }
      throw .unreadable(
        path: url.path,
        reason: "the file is UTF-16 (it starts with a byte-order mark); mandate reads UTF-8: convert it first, "
          + "e.g. iconv -f UTF-16 -t UTF-8")
    }
    if let format = detect(head: head, extension: url.pathExtension.lowercased()) { return format }
    throw .undetectable(path: url.path)
  }

  package static func detect(head: Data, extension ext: String) -> ImportFormat? {
    var bytes = [UInt8](head)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let text = String(decoding: bytes, as: UTF8.self)
    let trimmed = text.drop { $0.isWhitespace }
    if let encoding = PageCharset.utf16WithoutMark(bytes) {
      let text = PageDecoder.utf16(bytes[...], bigEndian: encoding == "UTF-16BE")
      return looksLikeHTML(String(decoding: text, as: UTF8.self)) ? .html : nil
    }
    if trimmed.hasPrefix("<") {
      if let kind = FeedParser.kind(of: Data(bytes)) { return kind == .atom ? .atom : .rss }
      if looksLikeHTML(text) { return .html }
      return nil
    }
    if trimmed.hasPrefix("{") { return .jsonl }
    switch ext {
    case "jsonl", "ndjson": return .jsonl
    case "csv": return .csv
    case "rss": return .rss
    case "atom": return .atom
    default: break
    }
    if CSTOPageParser.looksLikePage(text) { return .cstoPage }
    if ["html", "htm", "xhtml", "shtml"].contains(ext) { return .html }
    if let firstLine = text.split(separator: "\n", maxSplits: 1).first {
      let header = firstLine.lowercased().split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces.union(["\""]))
      }
      if header.contains("body") || (header.contains("title") && header.contains("date")) { return .csv }
    }
    return nil
  }
}

extension NewsReaders {
  /// Tags that only HTML has, looked for (in any case) in the first bytes of a file that starts with `<`.
  static let htmlMarkers = [
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<section",
    "<h1", "<table", "<span", "<script", "<link", "<a ",
  ]

  static func looksLikeHTML(_ head: String) -> Bool {
    let lowered = head.prefix(64 << 10).lowercased()
    return htmlMarkers.contains { lowered.contains($0) }
  }
}

extension NewsReaders {
  /// Reads `url` with the reader of `format`, as `mandate import` does: for tools that check the
  /// readers (the fuzz harness) without going through an import.
  package static func read(
    _ url: URL, format: ImportFormat, file: String, origin: InputOrigin? = nil, item: (RawItem) throws -> Void,
    reject: (RejectedRecord) -> Void, warn: (ImportWarning) -> Void
  ) throws {
    try reader(for: format).read(
      ReaderInput(url: url, file: file, origin: origin), item: item, reject: reject, warn: warn)
  }
}

/// Failures of `mandate import` that concern a whole file or the whole run.
public enum ImportError: MandateError, Equatable {
  case unreadable(path: String, reason: String)
  case undetectable(path: String)
  case malformed(path: String, line: Int, reason: String)
  case strictRejections(count: Int)
  case noInput

  public var errorDescription: String? {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .undetectable(let path):
      return
        "cannot tell the format of \(path) (not a web page, CSTO page, RSS, Atom, JSONL or CSV); name it with --format"
    case .malformed(let path, let line, let reason):
      return "\(path):\(line): \(reason)"
    case .strictRejections(let count):
      return "\(count) record\(count == 1 ? "" : "s") rejected; with --strict nothing was written"
    case .noInput:
      return "no files to import"
    }
  }
}
