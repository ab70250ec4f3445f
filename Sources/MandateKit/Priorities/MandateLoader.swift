import Foundation

/// Loads a mandate from YAML, collecting every problem as a diagnostic with its position.
///
/// The loader never throws for bad user data: it returns what it could read and the
/// diagnostics; a mandate is only returned when there were no errors.
public struct MandateLoader: Sendable {
  /// The mandate format version this build reads.
  public static let supportedSchema = 1

  static let topKeys = [
    "schema", "id", "title", "organisation", "holder", "term", "source", "language", "aliases", "priorities",
  ]
  static let termKeys = ["start", "end"]
  static let sourceKeys = ["title", "url", "published"]
  static let aliasKeys = ["name", "variants", "note"]
  static let priorityKeys = ["id", "title", "translations", "description", "items"]
  static let itemKeys = ["id", "text", "translations", "label", "keywords", "due", "indicator", "weight"]

  public init() {}

  public struct Result: Sendable {
    public var mandate: Mandate?
    public var diagnostics: [Diagnostic]
  }

  /// Reads and validates the file at `url`; `displayPath` is how the file is named in messages.
  public func load(url: URL, displayPath: String) -> Result {
    switch TextFile.read(url, displayPath: displayPath) {
    case .failure(let diagnostic):
      return Result(mandate: nil, diagnostics: [diagnostic])
    case .success(let text):
      return load(text: text, file: displayPath)
    }
  }

  public func load(text: String, file: String) -> Result {
    let root: YAMLNode?
    do {
      root = try YAMLReader.read(text)
    } catch {
      return Result(mandate: nil, diagnostics: [MandateLoader.diagnostic(for: error, text: text, file: file)])
    }
    guard let root else {
      return Result(
        mandate: nil,
        diagnostics: [.error("empty-file", "file is empty", at: FileLocation(file: file, line: 1, column: 1))])
    }
    var builder = MandateBuilder(file: file)
    let mandate = builder.build(root)
    let diagnostics = builder.diagnostics
    return Result(mandate: diagnostics.hasErrors ? nil : mandate, diagnostics: diagnostics)
  }

  /// Turns a YAML read error into a diagnostic, with the position of the character at fault and
  /// a clearer message for the common mistake of indenting with tabs.
  static func diagnostic(for error: YAMLReadError, text: String, file: String) -> Diagnostic {
    var line = error.line
    var column = error.column
    if line == 0 {
      // A reader error: `column` holds a byte offset.
      (line, column) = TextPosition.of(byteOffset: column, in: text)
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if error.code == "yaml-syntax", line >= 1, line <= lines.count {
      let source = lines[line - 1]
      let indentation = source.prefix { $0 == " " || $0 == "\t" }
      if let tab = indentation.firstIndex(of: "\t") {
        let tabColumn = source.distance(from: source.startIndex, to: tab) + 1
        return .error(
          "tab-indent", "tab character in indentation; YAML indents with spaces only",
          at: FileLocation(file: file, line: line, column: tabColumn))
      }
    }
    return .error(error.code, error.message, at: FileLocation(file: file, line: line, column: column))
  }
}
