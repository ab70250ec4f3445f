/// Git's conflict markers left in a ledger by a merge that stopped (`<<<<<<<`, `|||||||`,
/// `=======`, `>>>>>>>` at the start of a line): the file is an unresolved merge, not a ledger, and
/// nothing may be read from it as if it were.
enum LedgerConflict {
  /// An `unresolved-merge` error at the first marker, with a note at each side's first line;
  /// nil when the text has no marker.
  static func find(in text: String, file: String) -> Diagnostic? {
    guard text.contains("<<<<<<<") || text.contains(">>>>>>>") || text.contains("\n=======") else { return nil }
    var markers: [(line: Int, kind: Character, label: String)] = []
    var number = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      guard let first = line.first, "<|=>".contains(first), line.count >= 7 else { continue }
      let run = line.prefix(7)
      guard run.allSatisfy({ $0 == first }) else { continue }
      let rest = line.dropFirst(7)
      guard rest.isEmpty || rest.first == " " || (first == "=" && rest.allSatisfy(\.isWhitespace)) else { continue }
      markers.append((number, first, rest.trimmingCharacters(in: .whitespaces)))
    }
    guard let start = markers.first(where: { $0.kind == "<" || $0.kind == ">" }) else { return nil }
    let location = FileLocation(file: file, line: start.line, column: 1)
    let opening = markers.first { $0.kind == "<" }
    let separator = markers.first { $0.kind == "=" && $0.line > (opening?.line ?? 0) }
    let base = markers.first { $0.kind == "|" && $0.line > (opening?.line ?? 0) }
    let closing = markers.first { $0.kind == ">" && $0.line > (separator?.line ?? 0) }
    let blocks = markers.count { $0.kind == "<" }
    var message = "unresolved git merge: conflict markers"
    if let opening, let closing {
      message +=
        " from line \(opening.line) (`<<<<<<< \(opening.label)`) to line \(closing.line) (`>>>>>>> \(closing.label)`)"
    } else {
      message += " at line \(start.line)"
    }
    if blocks > 1 { message += ", and \(blocks - 1) more conflict\(blocks == 2 ? "" : "s") below" }
    message +=
      "; no decision is read until it is resolved: keep the decisions of both sides and delete the marker lines, or `git merge --abort` and merge again, one branch at a time, after `mandate init`"
    var notes: [Diagnostic.Note] = []
    if let opening, let separator {
      let end = (base?.line ?? separator.line) - 1
      notes.append(side("ours", opening.label, from: opening.line + 1, to: end, file: file))
    }
    if let separator, let closing {
      notes.append(side("theirs", closing.label, from: separator.line + 1, to: closing.line - 1, file: file))
    }
    return .error("unresolved-merge", message, at: location, notes: notes)
  }

  private static func side(_ name: String, _ label: String, from: Int, to: Int, file: String) -> Diagnostic.Note {
    let title = label.isEmpty ? name : "\(name) (\(label))"
    guard to >= from else { return .init("\(title): nothing", at: nil) }
    let lines = to == from ? "line \(from)" : "lines \(from)-\(to)"
    return .init("\(title): \(lines)", at: FileLocation(file: file, line: from, column: 1))
  }
}
