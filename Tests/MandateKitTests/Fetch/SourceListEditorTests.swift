import Foundation
import Testing

@testable import MandateKit

@Suite struct SourceListEditorTests {
  static func text(_ scratch: ScratchWorkspace) throws -> String {
    try String(contentsOf: SourceList.url(scratch.workspace), encoding: .utf8)
  }

  @Test func addCreatesTheFile() throws {
    let scratch = try ScratchWorkspace()
    let list = try SourceListEditor.add(
      WatchedSource(name: "csto.int", url: "https://en.odkb-csto.org/rss/", kind: .feed, language: "en", follow: true),
      workspace: scratch.workspace)
    #expect(list.sources.map(\.name) == ["csto.int"])
    #expect(
      try Self.text(scratch) == """
        # The sources `mandate fetch` fetches; edit by hand or with `mandate sources add|remove`.
        # Format: docs/sources-format.md
        schema: 1
        sources:
          - name: csto.int
            url: https://en.odkb-csto.org/rss/
            kind: feed
            language: en
            follow: true

        """)
  }

  /// Comments, order, quoting and indentation stay; the new entry follows the last one, before
  /// the comments that introduce what comes next.
  @Test func addAndRemoveKeepCommentsAndOrder() throws {
    let scratch = try ScratchWorkspace()
    let original = """
      # watched sources
      sources:
          # the CSTO
          - name: csto.int   # official
            url: 'https://en.odkb-csto.org/rss/'

          # Kazakh agencies
          - name: kazinform
            url: https://www.inform.kz/en/rss
            # follow: true   (too many pages)

      # the schema last, for once
      schema: 1

      """
    try original.write(to: SourceList.url(scratch.workspace), atomically: true, encoding: .utf8)
    try SourceListEditor.add(
      WatchedSource(name: "tass", url: "https://tass.com/rss/v2.xml", language: "en"), workspace: scratch.workspace)
    #expect(
      try Self.text(scratch) == """
        # watched sources
        sources:
            # the CSTO
            - name: csto.int   # official
              url: 'https://en.odkb-csto.org/rss/'

            # Kazakh agencies
            - name: kazinform
              url: https://www.inform.kz/en/rss
              # follow: true   (too many pages)
            - name: tass
              url: https://tass.com/rss/v2.xml
              language: en

        # the schema last, for once
        schema: 1

        """)
    let removed = try SourceListEditor.remove("https://en.odkb-csto.org/rss/", workspace: scratch.workspace)
    #expect(removed.name == "csto.int")
    try SourceListEditor.remove("tass", workspace: scratch.workspace)
    #expect(
      try Self.text(scratch) == """
        # watched sources
        sources:
            # the CSTO

            # Kazakh agencies
            - name: kazinform
              url: https://www.inform.kz/en/rss
              # follow: true   (too many pages)

        # the schema last, for once
        schema: 1

        """)
    try SourceListEditor.remove("kazinform", workspace: scratch.workspace)
    #expect(SourceList.load(scratch.workspace).list?.sources == [])
    try SourceListEditor.add(WatchedSource(name: "a", url: "https://a.example/feed"), workspace: scratch.workspace)
    #expect(SourceList.load(scratch.workspace).list?.sources.map(\.name) == ["a"])
  }

  @Test func quotesWhatPlainYAMLWouldMisread() {
    #expect(SourceListEditor.scalar("https://x/a?b=c&d=e") == "https://x/a?b=c&d=e")
    #expect(SourceListEditor.scalar("yes") == "\"yes\"")
    #expect(SourceListEditor.scalar("a #b") == "\"a #b\"")
    #expect(SourceListEditor.scalar("-x") == "\"-x\"")
    #expect(SourceListEditor.scalar("1.5") == "\"1.5\"")
  }

  @Test func refusesDuplicatesUnknownNamesAndBrokenFiles() throws {
    let scratch = try ScratchWorkspace()
    try SourceListEditor.add(
      WatchedSource(name: "csto.int", url: "https://en.odkb-csto.org/rss/"), workspace: scratch.workspace)
    #expect(
      throws: SourceListError.nameTaken(
        name: "csto.int", location: FileLocation(file: "Sources.yaml", line: 5, column: 11))
    ) {
      try SourceListEditor.add(WatchedSource(name: "csto.int", url: "https://x/"), workspace: scratch.workspace)
    }
    #expect(throws: SourceListError.urlTaken(url: "https://en.odkb-csto.org/rss/", name: "csto.int")) {
      try SourceListEditor.add(
        WatchedSource(name: "other", url: "https://en.odkb-csto.org/rss/"), workspace: scratch.workspace)
    }
    #expect(throws: SourceListError.unknown("csto.in", names: ["csto.int"])) {
      try SourceListEditor.remove("csto.in", workspace: scratch.workspace)
    }
    #expect(
      SourceListError.unknown("csto.in", names: ["csto.int"]).errorDescription
        == "no source `csto.in` in Sources.yaml; did you mean `csto.int`?")
    try "schema: 1\nsources: 5\n".write(to: SourceList.url(scratch.workspace), atomically: true, encoding: .utf8)
    #expect(throws: SourceListError.invalidFile(errors: 1)) {
      try SourceListEditor.add(WatchedSource(name: "a", url: "https://a/"), workspace: scratch.workspace)
    }
    #expect(
      SourceListError.invalidFile(errors: 1).errorDescription
        == "Sources.yaml has 1 error; run `mandate check` and fix it first")
  }
}
