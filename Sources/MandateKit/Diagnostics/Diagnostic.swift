/// A position in a user's file: 1-based line and column (columns count Unicode scalars, as
/// libyaml does).
public struct FileLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found in user data, collected rather than thrown so that one run reports them all.
public struct Diagnostic: Hashable, Sendable {
  public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// A second place that explains the first, such as where a duplicated id was first defined.
  public struct Note: Hashable, Sendable {
    public var message: String
    public var location: FileLocation?

    public init(_ message: String, at location: FileLocation?) {
      self.message = message
      self.location = location
    }
  }

  public var severity: Severity
  /// A stable, kebab-case name of the kind of problem, for editors, CI and tests.
  public var code: String
  public var message: String
  public var location: FileLocation?
  public var notes: [Note]

  public init(
    _ severity: Severity, _ code: String, _ message: String, at location: FileLocation?,
    notes: [Note] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }

  public static func error(
    _ code: String, _ message: String, at location: FileLocation?, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.error, code, message, at: location, notes: notes)
  }

  public static func warning(
    _ code: String, _ message: String, at location: FileLocation?, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.warning, code, message, at: location, notes: notes)
  }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Diagnostics in reading order: by file, line, column, then severity.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      let a = lhs.element.location
      let b = rhs.element.location
      let keyA = (a?.file ?? "", a?.line ?? 0, a?.column ?? 0)
      let keyB = (b?.file ?? "", b?.line ?? 0, b?.column ?? 0)
      if keyA != keyB { return keyA < keyB }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}

/// A diagnostic can stand for a failure, so that single-problem readers can return `Result`.
extension Diagnostic: Error {}
