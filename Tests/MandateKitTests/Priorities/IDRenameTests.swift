import Foundation
import Testing

@testable import MandateKit

@Suite struct IDRenameTests {
  static let file = "Priorities/rename.yaml"
  static let text = try! String(contentsOf: TestPaths.fixture("priorities/rename.yaml"), encoding: .utf8)

  static func mandate(_ text: String = text) throws -> Mandate {
    let result = MandateLoader().load(text: text, file: file)
    return try #require(result.mandate, "\(result.diagnostics.map(\.summary))")
  }

  static func renamed(_ old: String, _ new: String, in text: String = text) throws -> String {
    try IDRename(old, to: new, in: mandate(text), text: text, file: file).text
  }

  /// `text` with the one occurrence of `target` replaced: the expected output of an edit that must
  /// change those bytes and no others.
  static func replacing(_ target: String, with replacement: String, in text: String = text) throws -> String {
    let parts = text.components(separatedBy: target)
    try #require(parts.count == 2, "`\(target)` must occur once in the fixture")
    return parts.joined(separator: replacement)
  }

  @Test func prioritiesKnowWhereTheirIdIsWritten() throws {
    let priorities = try Self.mandate().priorities
    #expect(priorities.map { $0.location?.description } == ["\(Self.file):11:9", "\(Self.file):24:9"])
    #expect(try Self.mandate().items.map { $0.location?.description }.last == "\(Self.file):27:16")
  }

  @Test func anItemIsRenamedInItsOwnQuotingStyle() throws {
    #expect(try Self.renamed("P1.1", "P1.9") == Self.replacing("- id: \"P1.1\"  ", with: "- id: \"P1.9\"  "))
    #expect(try Self.renamed("P1.2", "P1.20") == Self.replacing("- id: 'P1.2'\n", with: "- id: 'P1.20'\n"))
    #expect(try Self.renamed("P10.1", "P10.x") == Self.replacing("id:    P10.1 #", with: "id:    P10.x #"))
  }

  @Test func anIdInAFlowMappingAfterNonASCIITextIsFoundByItsColumn() throws {
    #expect(try Self.renamed("P1.3", "P1.30") == Self.replacing("id: P1.3, keywords", with: "id: P1.30, keywords"))
  }

  @Test func aPriorityIsRenamedWithItsItemsAndNothingElse() throws {
    let rename = try IDRename("P1", to: "P7", in: Self.mandate(), text: Self.text, file: Self.file)
    #expect(rename.isPriority)
    #expect(
      rename.changes.map { "\($0.old)>\($0.new)" } == ["P1>P7", "P1.1>P7.1", "P1.2>P7.2", "P1.3>P7.3"])
    #expect(rename.mandate.priorities.map(\.id) == ["P7", "P10"])
    #expect(rename.mandate.items.map(\.id) == ["P7.1", "P7.2", "P7.3", "P10.1"])
    #expect(
      rename.text == """
        # Every way of writing an id that `rename` must edit in place, and text it must leave alone.
        schema: 1
        id: rename
        title: A mandate whose P1 and P1.1 are mentioned in its title
        organisation: Example Organisation
        holder: Example Chair
        term: {start: 2025-07-01, end: 2026-06-30}
        source: https://example.org/priorities

        priorities:
          - id: P7   # the first priority
            title: Cooperation (P1.1 and P1.2 below)
            items:
              - id: "P7.1"          # double-quoted
                text: >-
                  deepening cooperation,
                  as P1.1 says
                keywords: [neighbours]
              - id: 'P7.2'
                text: |
                  holding a summit
                keywords: [summit]
              - {text: "Ünïcödé — before the id", id: P7.3, keywords: [flow]}
          - id: P10
            title: The tenth priority, whose id starts like P1
            items:
              - id:    P10.1 # spaced
                text: an item whose id starts like P1.1
                keywords: [ten]

        """)
  }

  @Test func windowsLineEndingsAreKept() throws {
    let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
    let expected = try Self.replacing("id: P1.3, keywords", with: "id: P1.30, keywords", in: crlf)
    #expect(try Self.renamed("P1.3", "P1.30", in: crlf) == expected)
  }

  static func refusal(_ old: String, _ new: String, in text: String = text) throws -> String? {
    let mandate = try mandate(text)
    do {
      _ = try IDRename(old, to: new, in: mandate, text: text, file: file)
      return nil
    } catch {
      return error.errorDescription
    }
  }

  @Test(arguments: [
    ("P1.7", "P1.8", "no item or priority `P1.7` in rename; did you mean `P1.1`, `P1.2`, `P1.3`?"),
    ("Budget", "P9", "no item or priority `Budget` in rename"),
    ("P1.1", "P1.2", "`P1.2` already exists (Priorities/rename.yaml:19:13); choose an unused id"),
    ("P1", "P10", "`P10` already exists (Priorities/rename.yaml:24:9); choose an unused id"),
    ("P1.1", "P1.1", "`P1.1` is already called so; nothing to rename"),
    (
      "P1.1", "P10.1",
      "`P10.1` would move item P1.1 out of priority P1: moving an item between priorities is not a rename; its new id must start with `P1.`"
    ),
    (
      "P1.1", "P1..2",
      "`P1..2` is not a valid item id: an item of P1 is named `P1.` and a number or name (e.g. `P1.4`)"
    ),
    ("P1.1", "P1", "`P1` is not a valid item id: an item of P1 is named `P1.` and a number or name (e.g. `P1.4`)"),
    ("P1", "P9.1", "`P9.1` is not a valid priority id: letters and digits without dots (e.g. `P2`)"),
    ("P1", "9P", "`9P` is not a valid priority id: letters and digits without dots (e.g. `P2`)"),
    // A valid id that YAML reads as null when written plainly: the edited text is read back and refused.
    ("P1", "null", "renaming would leave Priorities/rename.yaml with errors: 11:9: `id` in a priority is empty"),
  ])
  func refusals(old: String, new: String, message: String) throws {
    #expect(try Self.refusal(old, new) == message)
  }

  @Test func anIdWrittenWithATagIsNotGuessedAt() throws {
    let tagged = try Self.replacing("- id: 'P1.2'", with: "- id: !!str P1.2")
    #expect(
      try Self.refusal("P1.2", "P1.5", in: tagged)
        == "the id `P1.2` at Priorities/rename.yaml:19:13 is written in a form rename cannot edit in place (a tag, an anchor, escapes or a block scalar); write it plainly and run rename again"
    )
  }
}
