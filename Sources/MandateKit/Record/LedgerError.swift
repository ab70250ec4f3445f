import Foundation

/// A ledger that cannot be used: commands that read decisions refuse rather than go on as if the
/// ledger were empty (a report would then say "nothing achieved").
public enum LedgerError: MandateError, Equatable {
  /// The file cannot be read as a whole; the diagnostic is the one `mandate check` prints, its
  /// file relative to `root`.
  case unreadable(Diagnostic, root: URL)

  public var diagnostic: Diagnostic {
    switch self {
    case .unreadable(let diagnostic, _): return diagnostic
    }
  }

  public var errorDescription: String? {
    let diagnostic = diagnostic
    var text = (diagnostic.location.map { "\($0): " } ?? "") + diagnostic.message
    for note in diagnostic.notes {
      text += "\n  " + (note.location.map { "\($0): " } ?? "") + note.message
    }
    return text
  }
}
