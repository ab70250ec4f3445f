import Foundation

/// One input of an import: a file on disk, and where it came from when it was downloaded.
public struct ImportInput: Sendable, Equatable {
  /// The file to read.
  public var file: URL
  /// Where the file's bytes were fetched from; nil for a file the analyst gave.
  public var origin: InputOrigin?
  /// The format, when known (a fetched source's kind); nil: the import's `--format`, else detected.
  public var format: ImportFormat?
  /// A name recorded with every source read from this input (a watched source's name); nil: the
  /// import's `--source`.
  public var sourceName: String?

  public init(file: URL, origin: InputOrigin? = nil, format: ImportFormat? = nil, sourceName: String? = nil) {
    self.file = file
    self.origin = origin
    self.format = format
    self.sourceName = sourceName
  }
}

/// Where and how a downloaded input was fetched: what readers need beyond the bytes (the HTTP
/// charset and language, the address a page was served from) and what sources record as
/// provenance.
public struct InputOrigin: Sendable, Equatable {
  /// The address the body was served from, after redirects.
  public var url: String
  /// The HTTP `Content-Type` header, e.g. "text/html; charset=windows-1251".
  public var contentType: String?
  /// The HTTP `Content-Language` header.
  public var contentLanguage: String?
  /// When the body was fetched.
  public var fetchedAt: Date
  /// The content address of the kept body (its SHA-256 in hex), when it is kept.
  public var snapshot: String?
  /// For a page fetched because a feed item links to it (`fetch --follow`): that link. The
  /// page's article and the item are one piece of news, and become one event.
  public var link: String?
  /// The language the analyst gave for the source (`Sources.yaml`), for items that name none.
  public var language: String?

  public init(
    url: String, contentType: String? = nil, contentLanguage: String? = nil, fetchedAt: Date, snapshot: String? = nil,
    link: String? = nil, language: String? = nil
  ) {
    self.url = url
    self.contentType = contentType
    self.contentLanguage = contentLanguage
    self.fetchedAt = fetchedAt
    self.snapshot = snapshot
    self.link = link
    self.language = language
  }

  /// What the record keeps of this origin on every source read from it.
  public var provenance: FetchProvenance {
    FetchProvenance(from: url, at: Timestamp.format(fetchedAt), snapshot: snapshot)
  }
}

/// What a reader is given: the file, how sources name it, and its origin when it was fetched.
struct ReaderInput: Sendable {
  var url: URL
  /// The file as sources record it (relative to the workspace when inside it).
  var file: String
  var origin: InputOrigin?
}
