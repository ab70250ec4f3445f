import Foundation

/// A source the analyst watches: an entry of `Sources.yaml`, fetched by a plain `mandate fetch`.
public struct WatchedSource: Sendable, Equatable {
  /// Recorded with every event source read from it, like `import --source`.
  public var name: String
  public var url: String
  /// What it is, when the analyst says: `feed`, `page`, or a format name (`rss`, `csto-page`…);
  /// nil: from the Content-Type and the content.
  public var kind: SourceKind?
  /// The language of its items, for those that name none.
  public var language: String?
  /// For a feed: also fetch the page each item links to, and import the article as the item's event.
  public var follow: Bool
  /// Where the entry starts in `Sources.yaml`.
  public var location: FileLocation?

  public init(
    name: String, url: String, kind: SourceKind? = nil, language: String? = nil, follow: Bool = false,
    location: FileLocation? = nil
  ) {
    self.name = name
    self.url = url
    self.kind = kind
    self.language = language
    self.follow = follow
    self.location = location
  }

  /// A name for an address: its host without `www.`.
  public static func defaultName(for url: String) -> String {
    guard let host = URL(string: url)?.host?.lowercased() else { return url }
    return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
  }
}

/// What a watched source is: a feed, a page, or one import format by name.
public struct SourceKind: Sendable, Equatable, Hashable, CustomStringConvertible {
  public let name: String

  /// `feed`, `page`, or an import format's name; nil for anything else.
  public init?(_ name: String) {
    guard name == "feed" || name == "page" || ImportFormat(rawValue: name) != nil else { return nil }
    self.name = name
  }

  public static let feed = SourceKind("feed")!
  public static let page = SourceKind("page")!

  /// Every name accepted, for messages.
  public static var names: [String] { ["feed", "page"] + ImportFormat.allCases.map(\.rawValue) }

  public var description: String { name }

  /// The one format this kind names, if it names one.
  public var format: ImportFormat? { ImportFormat(rawValue: name) }

  /// Whether a body read as `format` is what this kind promises.
  func accepts(_ format: ImportFormat) -> Bool {
    switch name {
    case "feed": return format == .rss || format == .atom
    case "page": return !(format == .rss || format == .atom || format == .jsonl || format == .csv)
    default: return self.format == format
    }
  }
}
