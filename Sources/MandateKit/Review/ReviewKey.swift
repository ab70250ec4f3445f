/// One instruction to `mandate review`: a key, with the rest of its line for `t` and `n`.
///
/// A terminal sends single keys (and asks for the rest of the line after `t` and `n`); a pipe
/// sends one instruction per line, so a review can be scripted: `1`, `r`, `t P2.3`, `n text`.
public enum ReviewKey: Equatable, Sendable {
  /// Accept the numbered candidate (1-based).
  case accept(Int)
  /// Reject every candidate shown.
  case reject
  /// Tag items by id (`t P2.3 P4.1`); an empty list asks for one.
  case tag([String])
  /// Toggle material / declaratory.
  case material
  /// Toggle contradicts / supports.
  case contradicts
  /// Set the note for the next decision on this event; nil clears it.
  case note(String?)
  /// Keep a suspect tag: record it again against the item's current wording.
  case keep
  /// Withdraw a suspect tag.
  case withdraw
  case skip
  case undo
  case quit
  case help
  case unknown(String)

  /// The keys a terminal must ask the rest of the line for.
  public static let takingText: Set<Character> = ["t", "n"]

  /// The instruction a line holds; nil for a blank line.
  public init?(line: String) {
    let trimmed = line.trimmingWhitespace
    guard let first = trimmed.first else { return nil }
    let rest = trimmed.dropFirst()
    if let number = Int(trimmed), number >= 0 {
      self = .accept(number)
      return
    }
    switch first {
    case "t" where rest.isEmpty || rest.first == " ":
      self = .tag(rest.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
    case "n" where rest.isEmpty || rest.first == " ":
      let note = String(rest).trimmingWhitespace
      self = .note(note.isEmpty ? nil : note)
    default:
      guard rest.isEmpty else {
        self = .unknown(trimmed)
        return
      }
      switch first {
      case "r": self = .reject
      case "m": self = .material
      case "c": self = .contradicts
      case "k": self = .keep
      case "x": self = .withdraw
      case "s": self = .skip
      case "u": self = .undo
      case "q": self = .quit
      case "?", "h": self = .help
      default: self = .unknown(trimmed)
      }
    }
  }
}
