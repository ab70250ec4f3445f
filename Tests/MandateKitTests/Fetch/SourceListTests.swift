import Foundation
import Testing

@testable import MandateKit

@Suite struct SourceListTests {
  static let good = """
    # Sources for the KZ 2024 chairmanship
    schema: 1
    sources:
      - name: csto.int          # the CSTO's own news
        url: https://en.odkb-csto.org/rss/
        kind: feed
        language: en
        follow: true
      - name: kazinform
        url: "https://www.inform.kz/en/rss"
      - {name: mfa.kz, url: https://www.gov.kz/memleket/entities/mfa/press/news, kind: page, language: ru}
    """

  @Test func readsEveryField() throws {
    let result = SourceList.load(text: Self.good, file: "Sources.yaml")
    #expect(result.diagnostics.isEmpty)
    let list = try #require(result.list)
    #expect(
      list.sources == [
        WatchedSource(
          name: "csto.int", url: "https://en.odkb-csto.org/rss/", kind: .feed, language: "en", follow: true,
          location: FileLocation(file: "Sources.yaml", line: 4, column: 11)),
        WatchedSource(
          name: "kazinform", url: "https://www.inform.kz/en/rss",
          location: FileLocation(file: "Sources.yaml", line: 9, column: 11)),
        WatchedSource(
          name: "mfa.kz", url: "https://www.gov.kz/memleket/entities/mfa/press/news", kind: .page, language: "ru",
          location: FileLocation(file: "Sources.yaml", line: 11, column: 12)),
      ])
    #expect(list.source("kazinform")?.url == "https://www.inform.kz/en/rss")
    #expect(list.source("https://en.odkb-csto.org/rss/")?.name == "csto.int")
  }

  /// Each kind of bad entry: every problem reported, with its line, column and words.
  @Test(arguments: [
    ("sources: []\n", ["1:1 error missing-field: missing required key `schema` in the source list"]),
    (
      "schema: 2\nsources: []\n",
      ["1:9 error unsupported-schema: unsupported schema version 2; this version of mandate reads schema 1"]
    ),
    ("schema: 1\n", ["1:1 error missing-field: missing required key `sources` in the source list"]),
    (
      "schema: 1\nsources: {a: b}\n",
      ["2:10 error wrong-type: expected `sources` in the source list to be a list, found a mapping"]
    ),
    (
      "schema: 1\nsources:\n  - just a string\n",
      ["3:5 error wrong-type: expected a source to be a mapping, found a string"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n", ["3:5 error missing-field: missing required key `url` in source `a`"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: ftp://x/feed\n",
      ["4:10 error invalid-url: `url` of source `a` must start with http:// or https://, found `ftp://x/feed`"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: news\n",
      [
        "4:10 error invalid-url: `url` of source `a` is not a web address: `news` (expected one starting with http:// or https://)"
      ]
    ),
    (
      "schema: 1\nsources:\n  - name: a b\n    url: https://x/\n",
      ["3:11 error invalid-name: source name `a b` must be at most 64 characters without spaces (e.g. `csto.int`)"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: https://x/\n    kind: fead\n",
      ["5:11 error unknown-kind: unknown kind `fead` of source `a`; did you mean `feed`?"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: https://x/\n    folow: true\n",
      ["5:5 error unknown-key: unknown key `folow` in source `a`; did you mean `follow`?"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: https://x/\n    follow: sometimes\n",
      ["5:13 error wrong-type: expected `follow` in source `a` to be true or false, found a string"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: https://x/\n    kind: page\n    follow: true\n",
      ["6:13 warning follow-not-feed: `follow` applies to feeds; source `a` is of kind `page`"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: https://x/\n    language: English language\n",
      [
        "5:15 warning invalid-language: `language` should be a language tag such as `en` or `ru`, found `English language`"
      ]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: https://x/\n  - name: a\n    url: https://y/\n",
      ["5:11 error duplicate-name: source name `a` is used twice"]
    ),
    (
      "schema: 1\nsources:\n  - name: a\n    url: https://x/\n  - name: b\n    url: https://x/\n",
      ["5:5 error duplicate-url: https://x/ is listed twice"]
    ),
    (
      "schema: 1\nsources:\n\t- name: a\n",
      ["3:1 error tab-indent: tab character in indentation; YAML indents with spaces only"]
    ),
    ("", ["1:1 error empty-file: file is empty; it needs `schema: 1` and a `sources` list"]),
  ])
  func reportsBadInput(text: String, expected: [String]) {
    let result = SourceList.load(text: text, file: "Sources.yaml")
    #expect(result.diagnostics.map(\.summary) == expected)
    #expect((result.list == nil) == expected.contains { $0.contains(" error ") })
  }

  @Test func aWorkspaceWithoutTheFileWatchesNothing() throws {
    let scratch = try ScratchWorkspace()
    let result = SourceList.load(scratch.workspace)
    #expect(result.list?.sources == [])
    #expect(result.diagnostics.isEmpty)
  }
}
