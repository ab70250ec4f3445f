import Foundation

/// Saved and fetched web pages: one article page gives one event (role main), with its headline, text,
/// canonical address, publication day and language; a page of the CSTO website gives every teaser
/// and its article, as its text copy does; a page that is not an article is rejected with the reason.
struct HTMLPageReader: NewsReader {
  var formats: [ImportFormat] { [.html] }

  func read(
    _ url: URL, file: String, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws {
    try read(ReaderInput(url: url, file: file, origin: nil), item: item, reject: reject, warn: warn)
  }

  func read(
    _ input: ReaderInput, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws {
    let data: Data
    do {
      data = try Data(contentsOf: input.url)
    } catch {
      reject(RejectedRecord(file: input.file, line: 1, reason: "cannot read file: \(TextFile.describe(error))"))
      return
    }
    guard data.contains(where: { !TextMeasure.isSpace($0) }) else {
      reject(RejectedRecord(file: input.file, line: 1, reason: "file is empty"))
      return
    }
    switch HTMLPage.read([UInt8](data), origin: input.origin) {
    case .article(let article):
      try item(
        RawItem(
          title: article.headline, body: article.text, url: article.url, published: article.published?.day,
          language: article.language, role: .main, position: nil))
    case .cstoPage(let page, let url, let language):
      try CSTOPageReader.emit(page, file: input.file, url: url, language: language, item: item, warn: warn)
    case .notArticle(let reason, let line):
      reject(RejectedRecord(file: input.file, line: line, reason: reason))
    }
  }
}
