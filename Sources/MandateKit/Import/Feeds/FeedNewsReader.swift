import Foundation

/// RSS 2.0 and Atom feeds: every entry becomes an item dated by its own text or its pubDate.
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
    let entries: [FeedEntry]
    do {
      entries = try FeedParser.parse(data).entries
    } catch {
      reject(RejectedRecord(file: file, line: max(error.line, 1), reason: error.message))
      return
    }
    for entry in entries {
      try item(
        RawItem(
          title: entry.title, body: entry.body, url: entry.url, published: entry.published, language: entry.language,
          role: .item, position: entry.line))
    }
  }
}
