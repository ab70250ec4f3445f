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
    for teaser in page.teasers {
      try item(
        RawItem(
          title: nil, body: teaser.body, referenceDate: page.main.pageDate, role: .teaser, position: teaser.line,
          truncated: teaser.truncated))
    }
    try item(
      RawItem(
        title: page.main.title, body: page.main.body, published: page.main.pageDate, role: .main,
        position: page.main.line))
  }
}
