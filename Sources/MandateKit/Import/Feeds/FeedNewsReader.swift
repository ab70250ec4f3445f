import Foundation

/// RSS and Atom feeds of every dialect: every entry becomes an item dated by its own text or its date; an
/// entry with neither a title nor text is skipped with a warning.
struct FeedNewsReader: NewsReader {
  var formats: [ImportFormat] { [.rss, .atom] }

  func read(
    _ url: URL, file: String, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ImportError.unreadable(path: url.path, reason: TextFile.describe(error))
    }
    let feed: ParsedFeed
    do {
      feed = try FeedParser.parse(data)
    } catch {
      reject(RejectedRecord(file: file, line: max(error.line, 1), reason: error.message))
      return
    }
    let noun = feed.kind == .atom ? "entry" : "item"
    for line in feed.skipped {
      warn(ImportWarning(file: file, line: line, message: "\(noun) skipped: it has neither a title nor text"))
    }
    for entry in feed.entries {
      try item(
        RawItem(
          title: entry.title, body: entry.body, url: entry.url, published: entry.published,
          publishedPrecision: entry.publishedPrecision, language: entry.language, role: .item, position: entry.line))
    }
  }
}
