import Foundation

/// Pages of the CSTO websites (English and Russian) saved as text: every teaser and the main article become items.
///
/// Teasers carry no date of their own; the page's date only helps to infer a missing year
/// ("On 7 February" on a page of 2024). The main article takes the page's date when its text
/// states none. What a page cut short lacks is reported as warnings, and what it has is imported.
struct CSTOPageReader: NewsReader {
  var formats: [ImportFormat] { [.cstoPage] }

  func read(
    _ url: URL, file: String, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
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
    try Self.emit(page, file: file, item: item, warn: warn)
  }

  /// Hands a parsed page's items and warnings on; shared with readers of the site's pages in other forms.
  /// `url` and `language` are the page's, when its form gives them (a page saved as HTML): the teasers
  /// are previews of other pages, so only the main article takes the address.
  static func emit(
    _ page: CSTOPage, file: String, url: String? = nil, language: String? = nil, item: (RawItem) throws -> Void,
    warn: (ImportWarning) -> Void
  ) throws {
    for warning in page.warnings { warn(ImportWarning(file: file, line: warning.line, message: warning.message)) }
    let pageDate = page.main?.pageDate
    // The page's own language tag, else the one its footer shows.
    let language = language ?? page.language
    for teaser in page.teasers {
      try item(
        RawItem(
          title: nil, body: teaser.body, referenceDate: pageDate, language: language, role: .teaser,
          position: teaser.line, truncated: teaser.truncated))
    }
    if let main = page.main {
      try item(
        RawItem(
          title: main.title, body: main.body, url: url, published: main.pageDate, language: language, role: .main,
          position: main.line, truncated: main.truncated))
    }
  }
}
