import Foundation

/// Renders diagnostics the way compilers do: `FILE:LINE:COL: error: message`, the source line,
/// and a caret under the column; or as JSON for editors and CI.
public struct DiagnosticFormatter {
  /// Source text by file path, so that each file is read once however many diagnostics it has.
  private var sources: [String: [Substring]] = [:]
  private let style: TerminalStyle
  /// Files are read relative to this directory when their path is relative.
  private let baseDirectory: URL?

  public init(style: TerminalStyle = .plain, baseDirectory: URL? = nil) {
    self.style = style
    self.baseDirectory = baseDirectory
  }

  /// Supplies source text directly, for files that are not on disk or were just read.
  public mutating func register(text: String, for file: String) {
    sources[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  public mutating func format(_ diagnostic: Diagnostic) -> String {
    var out = header(diagnostic.severity.rawValue, diagnostic.message, diagnostic.location)
    out += excerpt(at: diagnostic.location)
    for note in diagnostic.notes {
      out += header("note", note.message, note.location)
      out += excerpt(at: note.location)
    }
    return out
  }

  public mutating func format(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { format($0) }.joined()
  }

  /// "2 errors and 1 warning in 3 files", or nil when there is nothing to say.
  public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    let fileText = plural(files, "file")
    if errors == 0 && warnings == 0 { return "\(fileText) checked: no problems" }
    return "\(plural(errors, "error")) and \(plural(warnings, "warning")) in \(fileText)"
  }

  private func header(_ severity: String, _ message: String, _ location: FileLocation?) -> String {
    let label: String
    switch severity {
    case "error": label = style.apply(.boldRed, "error:")
    case "warning": label = style.apply(.boldYellow, "warning:")
    default: label = style.apply(.boldCyan, "\(severity):")
    }
    let place = location.map { style.apply(.bold, "\($0):") + " " } ?? ""
    return "\(place)\(label) \(style.apply(.bold, message))\n"
  }

  private mutating func excerpt(at location: FileLocation?) -> String {
    guard let location, location.line >= 1, let lines = lines(of: location.file),
      location.line <= lines.count
    else { return "" }
    let line = lines[location.line - 1]
    if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return "" }
    let printable = String(
      line.unicodeScalars.map { scalar -> Character in
        // Keep the caret aligned and the terminal safe: show control characters as spaces.
        scalar == "\t" ? "\t" : (scalar.value < 0x20 || scalar.value == 0x7f ? " " : Character(scalar))
      })
    let clipped = printable.count > 200 ? String(printable.prefix(200)) + "…" : printable
    var pad = ""
    for (index, character) in printable.enumerated() where index < location.column - 1 {
      pad.append(character == "\t" ? "\t" : " ")
    }
    if pad.count > 200 { pad = String(repeating: " ", count: 200) }
    return "\(clipped)\n\(pad)\(style.apply(.boldGreen, "^"))\n"
  }

  private mutating func lines(of file: String) -> [Substring]? {
    if let cached = sources[file] { return cached }
    var url = URL(fileURLWithPath: file)
    if !file.hasPrefix("/"), let baseDirectory {
      url = baseDirectory.appendingPathComponent(file)
    }
    guard let data = try? Data(contentsOf: url), data.count < 64 << 20 else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    sources[file] = lines
    return lines
  }
}

extension Diagnostic {
  /// The JSON shape printed by `check --format json`: one flat object per diagnostic.
  public struct JSONForm: Codable, Equatable, Sendable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var severity: String
    public var code: String
    public var message: String
    public var notes: [NoteForm]

    public struct NoteForm: Codable, Equatable, Sendable {
      public var file: String?
      public var line: Int?
      public var column: Int?
      public var message: String
    }
  }

  public var jsonForm: JSONForm {
    JSONForm(
      file: location?.file, line: location?.line, column: location?.column,
      severity: severity.rawValue, code: code, message: message,
      notes: notes.map {
        .init(file: $0.location?.file, line: $0.location?.line, column: $0.location?.column, message: $0.message)
      })
  }
}
