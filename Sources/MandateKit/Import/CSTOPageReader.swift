import Foundation

/// Pages of the CSTO website saved as text: every teaser and the main article become items.
///
/// Teasers carry no date of their own; the page's date only helps to infer a missing year
/// ("On 7 February" on a page of 2024). The main article takes the page's date when its text
/// states none.
struct CSTOPageReader: NewsReader {
  var formats: [ImportFormat] { [.cstoPage] }

  func read(
    _ url: URL, file: String, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void
  ) throws {
    let text: String
    switch TextFile.read(url, displayPath: file, allowEmpty: true) {
    case .success(let value): text = value
    case .failure(let diagnostic):
      reject(RejectedRecord(file: file, line: diagnostic.location?.line ?? 1, reason: diagnostic.message))
      return
    }
    let page: CSTOPage
    do {
      page = try CSTOPageParser.parse(text)
    } catch {
      reject(RejectedRecord(file: file, line: error.line, reason: error.message))
      return
    }
    for raw in Self.items(of: page, url: nil, language: nil, position: \.line) { try item(raw) }
  }

  /// The page's teasers, then its main article, as raw items; `url` and `language` are the page's (the
  /// teasers are previews of other pages, so only the main article takes the address); `position`
  /// picks what sources record as the place on the page (the line of a text copy, the order on an
  /// HTML page).
  static func items(of page: CSTOPage, url: String?, language: String?, position: KeyPath<PageItem, Int>)
    -> [RawItem]
  {
    var items = page.teasers.map { teaser in
      RawItem(
        title: nil, body: teaser.body, referenceDate: page.main.pageDate, language: language, role: .teaser,
        position: teaser[keyPath: position], truncated: teaser.truncated)
    }
    items.append(
      RawItem(
        title: page.main.title, body: page.main.body, url: url, published: page.main.pageDate, language: language,
        role: .main, position: page.main[keyPath: position]))
    return items
  }
}
