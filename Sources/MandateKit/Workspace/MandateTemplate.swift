import Foundation

/// The commented mandate file `mandate init` writes for a new workspace: every field of the
/// format with what it means, filled with what the command was given and placeholders that
/// `mandate check` accepts, so that the analyst edits a valid file rather than a blank one.
public struct MandateTemplate: Sendable, Equatable {
  public var id: String
  public var title: String
  public var organisation: String
  public var holder: String
  public var term: DayRange

  public init(id: String, title: String?, organisation: String?, holder: String?, term: DayRange) {
    self.id = id
    self.title = title ?? "Priorities of the chairmanship, \(term.start.year)"
    self.organisation = organisation ?? "The organisation"
    self.holder = holder ?? "The chair"
    self.term = term
  }

  /// `2025-01-01..2025-12-31`; nil unless both are days and the end is not before the start.
  public static func term(_ text: String) -> DayRange? {
    let parts = text.components(separatedBy: "..")
    guard parts.count == 2, let start = Day(iso: parts[0].trimmingWhitespace),
      let end = Day(iso: parts[1].trimmingWhitespace), start <= end
    else { return nil }
    return DayRange(start: start, end: end)
  }

  /// The calendar year of `day`, the term a new mandate gets when none is given.
  public static func defaultTerm(today: Day) -> DayRange {
    DayRange(start: Day(year: today.year, month: 1, day: 1)!, end: Day(year: today.year, month: 12, day: 31)!)
  }

  /// A mandate id from a folder's name: lower-case letters and digits joined by single dashes.
  public static func id(fromFolderName name: String) -> String {
    let words = name.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
    let id = words.joined(separator: "-")
    return Slug.isValid(id) ? String(id.prefix(64)) : "my-mandate"
  }

  /// The file's text.
  public var text: String {
    let due = min(term.end, Day(year: term.start.year, month: 12, day: 31)!)
    return """
      # The mandate: what the holder of the chair promised for the term, as priorities with
      # sub-items. Edit it to the declared text, then run `mandate check`. Every field is shown;
      # those marked optional may be deleted. The format: docs/priorities-format.md in mandate.
      schema: 1  # the format's version
      id: \(id)  # used by --mandate, Tags/\(id)/ and Reports/\(id)/
      title: \(yaml(title))
      organisation: \(yaml(organisation))
      holder: \(yaml(holder))  # who holds the chair for the term
      term:  # days as YYYY-MM-DD; reports divide the term into quarters
        start: \(term.start)
        end: \(term.end)
      source:  # where the priorities were published: a title, a url, or both
        title: Where the priorities were published
        url: https://example.org/priorities
        published: \(term.start)  # optional
      language: en  # optional: the language of the item texts

      # Optional: other names of the bodies, operations and exercises the items name. A keyword
      # that is one of these spellings matches all of them in the news.
      aliases:
        - name: UN
          variants: [United Nations]
          note: Optional free text.

      priorities:
        - id: P1  # letters and digits, no dots
          title: The first priority, as declared
          description: Optional free text about the priority.
          items:
            - id: P1.1  # the priority's id, a dot, then a number
              label: First item  # optional: a few words naming the item in lists
              text: >-
                the first sub-item, word for word as the declaration states it
              keywords:  # terms that signal evidence in news; suggestions need them
                - UN
                - joint declaration
              due: \(due)  # optional: a day within the term
              indicator: What would count as done.  # optional
              weight: 1  # optional: its importance in weighted coverage (default 1)

      """
  }

  private func yaml(_ text: String) -> String {
    // Plain when it cannot be read as anything else; quoted otherwise.
    let plain =
      !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || " ,.()'’-".contains($0) }
      && text.first?.isLetter == true
    guard !plain else { return text }
    return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

}
