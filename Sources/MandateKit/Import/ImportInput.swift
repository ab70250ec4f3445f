import Foundation

/// One input of an import: a file on disk, and where it came from when it was downloaded.
public struct ImportInput: Sendable, Equatable {
  /// The file to read.
  public var file: URL
  /// Where the file's bytes were fetched from; nil for a file the analyst gave.
  public var origin: InputOrigin?

  public init(file: URL, origin: InputOrigin? = nil) {
    self.file = file
    self.origin = origin
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

  public init(
    url: String, contentType: String? = nil, contentLanguage: String? = nil, fetchedAt: Date, snapshot: String? = nil
  ) {
    self.url = url
    self.contentType = contentType
    self.contentLanguage = contentLanguage
    self.fetchedAt = fetchedAt
    self.snapshot = snapshot
  }
}

/// What a reader is given: the file, how sources name it, and its origin when it was fetched.
struct ReaderInput: Sendable {
  var url: URL
  /// The file as sources record it (relative to the workspace when inside it).
  var file: String
  var origin: InputOrigin?
}
