import Foundation
import Testing

@testable import MandateKit

@Suite struct MandateLoaderTests {
  let loader = MandateLoader()

  @Test func readsEveryFieldOfAValidMandate() throws {
    let result = loader.loadFixture("valid.yaml")
    #expect(result.diagnostics.isEmpty)
    let mandate = try #require(result.mandate)
    #expect(mandate.id == "valid")
    #expect(mandate.term == DayRange(start: Day(iso: "2025-07-01")!, end: Day(iso: "2026-06-30")!))
    #expect(
      mandate.source
        == MandateSource(
          title: "Example declaration", url: "https://example.org/priorities", published: Day(iso: "2025-06-15")))
    #expect(mandate.language == "en")
    #expect(mandate.aliases == [Alias(name: "EO", variants: ["Example Organisation"])])
    #expect(mandate.priorities.map(\.id) == ["P1"])
    #expect(mandate.priorities[0].description == "Working with neighbours.")
    let item = try #require(mandate.item(id: "P1.1"))
    #expect(item.text == "deepening cooperation with neighbours")
    #expect(item.keywords == ["neighbours", "EO"])
    #expect(item.due == Day(iso: "2026-03-31"))
    #expect(item.indicator == "A joint statement signed.")
    #expect(item.weight == 2)
    #expect(item.location == MandateKit.FileLocation(file: "valid.yaml", line: 22, column: 13))
    #expect(mandate.item(id: "P1.2")?.weight == 1)
    #expect(mandate.spellings(of: "example organisation") == ["EO", "Example Organisation"])
    #expect(mandate.priority(ofItem: "P1.2")?.id == "P1")
  }

  /// One of every validation error, each with its exact position and wording.
  @Test func reportsEveryValidationErrorWithItsPosition() {
    let result = loader.loadFixture("every-error.yaml")
    #expect(result.mandate == nil)
    let lines = result.diagnostics.sortedByLocation().map(\.summary)
    #expect(
      lines == [
        "2:1 error missing-field: missing required key `holder` in the mandate",
        "3:5 error invalid-id: mandate id `Bad_Id` must be a slug: lower-case letters, digits and single dashes (e.g. `kz-csto-2024`)",
        "4:8 error empty-text: `title` in the mandate is empty",
        "5:15 error wrong-type: expected `organisation` in the mandate to be text, found a list",
        "8:8 error term-order: the term ends (2024-01-01) before it starts (2024-12-31)",
        "11:1 error unknown-key: unknown key `langauge` in the mandate; did you mean `language`?",
        "18:24 error duplicate-keyword: keyword `un` is listed twice in item P1.1",
        "19:14 error due-outside-term: `due` 2025-06-01 of item P1.1 lies outside the term 2024-12-31 to 2024-01-01",
        "20:13 error item-id-prefix: item id `P2.1` does not extend its priority's id `P1` (expected `P1.<n>`)",
        "21:15 error empty-text: `text` in item P2.1 is empty",
        "22:19 error wrong-type: expected `keywords` in item P2.1 to be a list, or a mapping of language tags to lists, found a string",
        "23:13 error duplicate-id: id `P1.1` is already used",
        "23:13 warning no-keywords: item P1.1 has no keywords; suggestions will rely on its text alone",
        "25:9 error unknown-key: unknown key `keyword` in item P1.1; did you mean `keywords`?",
        "26:14 error invalid-date: `due` in item P1.1 is not a valid date: `2024-02-30` (expected YYYY-MM-DD)",
        "27:17 error invalid-weight: `weight` of item P1.1 must be greater than 0, found -1",
        "28:5 error missing-field: missing required key `title` in priority P2",
        "29:12 error empty-list: priority P2 has no items",
      ])
    let notes = result.diagnostics.flatMap { d in
      d.notes.map { "\(d.code) -> \($0.location!.line):\($0.location!.column) \($0.message)" }
    }.sorted()
    #expect(
      notes == [
        "duplicate-id -> 16:13 first defined here",
        "duplicate-keyword -> 18:20 first listed here",
        "term-order -> 7:10 the term starts here",
      ])
  }

  /// Files that are not a mandate at all: one clear error each, at the right place.
  @Test(arguments: [
    ("empty.yaml", "1:1 error empty-file: file is empty"),
    ("comments-only.yaml", "1:1 error empty-file: file is empty"),
    ("binary.yaml", "3:9 error binary-file: file is not text: it holds a NUL byte"),
    ("invalid-utf8.yaml", "3:11 error invalid-utf8: file is not valid UTF-8: byte 0xC3 at offset 26"),
    ("tabs.yaml", "4:1 error tab-indent: tab character in indentation; YAML indents with spaces only"),
    ("list.yaml", "1:1 error wrong-type: expected the mandate to be a mapping, found a list"),
    (
      "alias-bomb.yaml",
      "2:8 error yaml-alias: aliases (*name) are not supported in mandate files; write the value out in full"
    ),
    (
      "syntax.yaml",
      "5:1 error yaml-syntax: found unexpected end of stream while scanning a quoted scalar started at 3:8"
    ),
    ("two-documents.yaml", "2:1 error yaml-documents: expected one YAML document, found a second one here"),
    (
      "unknown-schema.yaml",
      "1:9 error unsupported-schema: unsupported schema version 2; this version of mandate reads schema 1"
    ),
  ])
  func refusesFilesThatAreNotAMandate(_ name: String, _ expected: String) {
    let result = loader.loadFixture(name)
    #expect(result.mandate == nil)
    #expect(result.diagnostics.map(\.summary) == [expected])
    #expect(result.diagnostics.allSatisfy { $0.location?.file == name })
  }

  @Test func reportsBothPlacesOfADuplicatedKey() throws {
    let result = loader.loadFixture("duplicate-key.yaml")
    #expect(result.diagnostics.map(\.summary) == ["6:1 error duplicate-key: key `title` appears twice in the mandate"])
    let note = try #require(result.diagnostics.first?.notes.first)
    #expect(note.location?.line == 3)
    #expect(note.message == "first written here")
  }

  @Test func reportsWrongTypes() {
    let result = loader.loadFixture("wrong-types.yaml")
    #expect(
      result.diagnostics.sortedByLocation().map(\.summary) == [
        "6:7 error wrong-type: expected the term to be a mapping, found a number",
        "7:9 error missing-field: the source needs a `title` or a `url`",
        "8:13 error wrong-type: expected `priorities` in the mandate to be a list, found a mapping",
      ])
  }

  /// libyaml puts an error or a node at the very end of a text without a final line break on the line after
  /// the last; both loaders point at the end of the last line instead (found by fuzzing).
  @Test func errorAtTheEndOfTheTextIsOnItsLastLine() {
    let result = loader.load(text: "schema: 1\nid: [a", file: "m.yaml")
    #expect(result.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["2:7"])
    let ledger = LedgerParser(file: "l.yaml", mandateID: "m").parse("schema: 1\nmandate: m\ndecisions: [")
    #expect(ledger.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["3:13"])
    let ended = loader.load(text: "schema: 1\nid: [a\n", file: "m.yaml")
    #expect(ended.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["3:1"])
    let empty = loader.load(text: "---", file: "m.yaml")
    #expect(
      empty.diagnostics.map(\.summary) == ["1:4 error wrong-type: expected the mandate to be a mapping, found nothing"])
    // libyaml's line breaks include LS (U+2028), so its line numbers do too.
    let separated = loader.load(text: "schema: 1\u{2028}id: [a", file: "m.yaml")
    #expect(separated.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["2:7"])
  }

  @Test func schemaMustBeAWholeNumber() {
    let result = loader.load(text: "schema: one\nid: x\n", file: "m.yaml")
    #expect(
      result.diagnostics.map(\.summary) == [
        "1:9 error wrong-type: expected `schema` in the mandate to be a whole number, found a string"
      ])
    let missing = loader.load(text: "id: x\n", file: "m.yaml")
    #expect(
      missing.diagnostics.map(\.summary) == ["1:1 error missing-field: missing required key `schema` in the mandate"])
  }

  @Test func deepNestingIsRefusedWithoutCrashing() {
    let flow = "schema: 1\nid: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
    let result = loader.load(text: flow, file: "deep.yaml")
    #expect(result.diagnostics.map(\.code) == ["yaml-nesting"])
    #expect(result.diagnostics.first?.location?.line == 2)

    var block = "schema: 1\n"
    for depth in 0..<10_000 { block += String(repeating: " ", count: depth % 2) + "- " }
    block += "x\n"
    let blockResult = loader.load(text: block, file: "deep.yaml")
    #expect(blockResult.diagnostics.count == 1)
    #expect(blockResult.mandate == nil)
  }

  @Test func aBillionLaughsIsRefusedAtTheFirstAlias() {
    // A larger bomb than the fixture: refusing at the first alias keeps the time constant.
    var text = "a: &a [" + Array(repeating: "\"lol\"", count: 20).joined(separator: ",") + "]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"] {
      text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 20).joined(separator: ",") + "]\n"
      previous = name
    }
    // Refused at the first alias (line 2), before anything is expanded: the one diagnostic says
    // where, so nothing after it was read (expansion would take hours).
    let result = loader.load(text: text, file: "bomb.yaml")
    #expect(result.diagnostics.map(\.code) == ["yaml-alias"])
    #expect(result.diagnostics.map { $0.location?.line } == [2])
  }

  @Test func aMandateWithNoPrioritiesIsAnError() {
    let text = """
      schema: 1
      id: empty-priorities
      title: T
      organisation: O
      holder: H
      term: {start: 2024-01-01, end: 2024-12-31}
      source: A declaration
      priorities: []
      """
    let result = loader.load(text: text, file: "empty-priorities.yaml")
    #expect(
      result.diagnostics.map(\.summary) == [
        "8:13 error empty-list: `priorities` is empty: a mandate needs at least one priority"
      ])
  }

  @Test func warnsWhenTheFileNameDoesNotMatchTheID() throws {
    let text = try String(contentsOf: TestPaths.fixture("priorities/valid.yaml"), encoding: .utf8)
    let result = loader.load(text: text, file: "Priorities/other.yaml")
    #expect(result.mandate != nil)
    #expect(
      result.diagnostics.map(\.summary) == [
        "2:5 warning file-name: mandate `valid` is stored in `other.yaml`; name the file `valid.yaml` so that it is easy to find"
      ])
  }

  @Test(arguments: [
    ("kz-csto-2024", true), ("a", true), ("a-1", true), ("Bad", false), ("a--b", false), ("-a", false), ("a_b", false),
    ("", false),
  ])
  func mandateIDsAreSlugs(_ id: String, _ valid: Bool) {
    #expect(Slug.isValid(id) == valid)
  }

  @Test(arguments: [
    ("P2.3", true), ("P2.3.1", true), ("Q1.a", true), ("P2", false), ("P2.", false), (".3", false), ("2.3", false),
  ])
  func itemIDsExtendAPriorityID(_ id: String, _ valid: Bool) {
    #expect(Slug.isItemID(id) == valid)
  }
}

@Suite struct KeywordAliasTests {
  @Test func twoSpellingsOfOneAliasInAnItemAreRedundant() {
    let text = """
      schema: 1
      id: m
      title: T
      organisation: O
      holder: H
      term: {start: 2024-01-01, end: 2024-12-31}
      source: A declaration
      aliases:
        - {name: CIS, variants: [Commonwealth of Independent States]}
      priorities:
        - id: P1
          title: P
          items:
            - {id: P1.1, text: t, keywords: [CIS, Commonwealth of Independent States]}
      """
    let result = MandateLoader().load(text: text, file: "m.yaml")
    #expect(result.mandate != nil)
    #expect(
      result.diagnostics.map(\.summary) == [
        "14:45 warning redundant-keyword: keyword `Commonwealth of Independent States` in item P1.1 is an alias of `CIS` (both spell `CIS`); one of them is enough"
      ])
  }

  @Test func anAliasSpellingMayOnlyBeListedOnce() {
    let text = """
      schema: 1
      id: m
      title: T
      organisation: O
      holder: H
      term: {start: 2024-01-01, end: 2024-12-31}
      source: A declaration
      aliases:
        - {name: CIS, variants: [Commonwealth of Independent States]}
        - {name: Commonwealth, variants: [commonwealth of independent states]}
      priorities:
        - id: P1
          title: P
          items: [{id: P1.1, text: t, keywords: [x]}]
      """
    let result = MandateLoader().load(text: text, file: "m.yaml")
    #expect(
      result.diagnostics.map(\.summary) == [
        "10:37 error duplicate-alias: `commonwealth of independent states` is already listed as an alias"
      ])
  }
}
