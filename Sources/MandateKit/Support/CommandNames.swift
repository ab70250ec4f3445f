/// What to say when the first word of a command line names no command ("did you mean …?").
public enum CommandNames {
  /// The message for `arguments` when their first word is not an option and not one of `known`;
  /// nil when the command line is fine (or empty) as far as its command goes.
  public static func unknownCommandMessage(_ arguments: [String], known: [String]) -> String? {
    guard let word = arguments.first, !word.hasPrefix("-"), !known.contains(word) else { return nil }
    let hint = Spelling.closest(to: word, in: known).map { "; did you mean `\($0)`?" } ?? ""
    return "no command `\(word)`\(hint) (`mandate --help` lists every command)"
  }
}
