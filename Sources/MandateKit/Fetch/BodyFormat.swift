import Foundation

/// The import format of a fetched body: from its content first, as for files, with the
/// Content-Type (else the address's extension) as the hint a file's extension would give.
enum BodyFormat {
  /// The format, or why there is none (a sentence after the address).
  static func of(_ body: Data, contentType: String?, url: String, kind: SourceKind?) -> Result<ImportFormat, Failure> {
    if let forced = kind?.format { return .success(forced) }
    let hint = self.hint(contentType: contentType, url: url)
    guard let format = NewsReaders.detect(head: body.prefix(64 << 10), extension: hint) else {
      let type = contentType.map { "\($0)" } ?? "no Content-Type"
      return .failure(Failure(description: "cannot tell what it is (\(type)): not a form mandate reads"))
    }
    if let kind, !kind.accepts(format) {
      return .failure(
        Failure(description: "expected a \(kind) (its kind in \(SourceList.fileName)), found \(format.rawValue)"))
    }
    return .success(format)
  }

  struct Failure: Error, Equatable {
    var description: String
  }

  /// The media type of a `Content-Type` header, lowercased, without parameters.
  static func mediaType(_ contentType: String?) -> String? {
    guard let contentType else { return nil }
    let type = contentType.split(separator: ";", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces).lowercased()
    return type?.isEmpty == false ? type : nil
  }

  /// The extension a file of this type would have.
  static func hint(contentType: String?, url: String) -> String {
    switch mediaType(contentType) {
    case "application/rss+xml", "application/rdf+xml": return "rss"
    case "application/atom+xml": return "atom"
    case "application/x-ndjson", "application/jsonl", "application/json-seq", "application/json": return "jsonl"
    case "text/csv": return "csv"
    case "text/html", "application/xhtml+xml": return "html"
    case "text/plain": return "txt"
    case "application/xml", "text/xml": return "xml"
    default:
      return URL(string: url)?.pathExtension.lowercased() ?? ""
    }
  }
}
