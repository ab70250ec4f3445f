/// Why `mandate rename` refused; in every case nothing was written.
public enum RenameError: MandateError, Equatable {
  case unknownID(String, mandate: String, suggestions: [String])
  case sameID(String)
  case idExists(String, at: FileLocation?)
  case invalidPriorityID(String)
  case invalidItemID(String, priority: String)
  case moveBetweenPriorities(String, to: String, from: String)
  case cannotEditInPlace(String, at: FileLocation?)
  case editLeavesErrors(file: String, [Diagnostic])
  case unexpectedResult(file: String)

  public var errorDescription: String? {
    switch self {
    case .unknownID(let id, let mandate, let suggestions):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "`\($0)`" }.joined(separator: ", "))?"
      return "no item or priority `\(id)` in \(mandate)\(hint)"
    case .sameID(let id):
      return "`\(id)` is already called so; nothing to rename"
    case .idExists(let id, let location):
      let place = location.map { " (\($0))" } ?? ""
      return "`\(id)` already exists\(place); choose an unused id"
    case .invalidPriorityID(let id):
      return "`\(id)` is not a valid priority id: letters and digits without dots (e.g. `P2`)"
    case .invalidItemID(let id, let priority):
      return
        "`\(id)` is not a valid item id: an item of \(priority) is named `\(priority).` and a number or name (e.g. `\(priority).4`)"
    case .moveBetweenPriorities(let id, let new, let priority):
      return
        "`\(new)` would move item \(id) out of priority \(priority): moving an item between priorities is not a rename; its new id must start with `\(priority).`"
    case .cannotEditInPlace(let id, let location):
      let place = location.map { " at \($0)" } ?? ""
      return
        "the id `\(id)`\(place) is written in a form rename cannot edit in place (a tag, an anchor, escapes or a block scalar); write it plainly and run rename again"
    case .editLeavesErrors(let file, let diagnostics):
      let first = diagnostics.first.map { diagnostic in
        ": " + (diagnostic.location.map { "\($0.line):\($0.column): " } ?? "") + diagnostic.message
      }
      return "renaming would leave \(file) with errors\(first ?? "")"
    case .unexpectedResult(let file):
      return "the edited \(file) did not read back as the same mandate with the new ids; please report this"
    }
  }
}
