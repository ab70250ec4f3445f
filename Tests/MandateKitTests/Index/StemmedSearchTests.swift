import Foundation
import GRDB
import Testing

@testable import MandateKit

/// `events --search` finds word forms: the index stems every word, and highlights the forms it
/// matched.
@Suite struct StemmedSearchTests {
  static func index() throws -> EventIndex {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles + [TestPaths.fixture("russian/peacekeeping.jsonl")])
    return try scratch.index()
  }

  @Test func aRussianWordFindsItsForms() throws {
    let hits = try Self.index().search(EventQuery(search: "миротворческий"))
    #expect(hits.count == 3)
    let marked = hits.map { ($0.markedTitle ?? "") + " " + $0.snippet }.joined(separator: " ")
    for form in ["миротворческих", "Миротворческие", "миротворческого"] {
      #expect(marked.contains("\(Highlight.start)\(form)\(Highlight.end)"), "\(form) not marked")
    }
  }

  @Test func phrasesCaseAndYo() throws {
    let index = try Self.index()
    #expect(try index.search(EventQuery(search: "\"миротворческие силы\"")).count == 2)
    let upper = try index.search(EventQuery(search: "ОДКБ")).count
    #expect(upper == 2)
    #expect(try index.search(EventQuery(search: "одкб")).count == upper)
    // «ё» is «е» both ways.
    #expect(try index.search(EventQuery(search: "\"объединенных наций\"")).count == 1)
    #expect(try index.search(EventQuery(search: "\"Объединённых Наций\"")).count == 1)
  }

  @Test func englishFormsMeetToo() throws {
    let index = try Self.index()
    let peacekeepers = try index.search(EventQuery(search: "peacekeepers")).map(\.event.id)
    let peacekeeping = try index.search(EventQuery(search: "peacekeeping")).map(\.event.id)
    #expect(!peacekeeping.isEmpty)
    #expect(Set(peacekeepers) == Set(peacekeeping))
    // Snowball's English stemmer is coarse: "operations" meets "operating" too.
    let hit = try #require(try index.search(EventQuery(search: "operations")).first)
    #expect(hit.snippet.contains("\(Highlight.start)operating\(Highlight.end)"))
  }

  /// An index built by a version without the stemming tokenizer is rebuilt, not read.
  @Test func anIndexOfTheOlderFormatIsRebuilt() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([TestPaths.fixture("russian/peacekeeping.jsonl")])
    _ = try scratch.index()
    try scratch.index().write { db in try db.execute(sql: "UPDATE meta SET value = '4' WHERE key = 'format'") }
    let lock = try WorkspaceLock(stateDirectory: scratch.workspace.stateDirectory, mode: .shared)
    let (index, preparation) = try EventIndex.open(scratch.workspace, lock: lock)
    #expect(preparation == .rebuilt(reason: "outdated or damaged"))
    #expect(try index.search(EventQuery(search: "миротворческий")).count == 3)
  }
}
