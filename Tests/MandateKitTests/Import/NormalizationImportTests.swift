import Foundation
import Testing

@testable import MandateKit

/// NFC and NFD copies of the same news are one event, and the index sees composed text.
@Suite struct NormalizationImportTests {
  static let composed =
    "On 10 April 2024, the Secr\u{E9}tariat and the D\u{E9}l\u{E9}gation of Qaza\u{1A3}stan met in Astana "
    + "to discuss the \u{201C}r\u{E9}sum\u{E9}\u{201D} of the joint exercises of the member states."
  static var decomposed: String { composed.decomposedStringWithCanonicalMapping }

  static func line(_ title: String, _ body: String) -> String {
    let object = ["title": title, "body": body, "date": "2024-04-11"]
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  @Test func nfcAndNFDCopiesAreOneEvent() throws {
    #expect(Array(Self.composed.utf8) != Array(Self.decomposed.utf8))
    let scratch = try ScratchWorkspace()
    let file = try scratch.folder.file(
      "news.jsonl",
      Self.line("R\u{E9}sum\u{E9} of the exercises", Self.composed) + "\n"
        + Self.line("Re\u{301}sume\u{301} of the exercises", Self.decomposed) + "\n")
    let report = try scratch.importFiles([file])
    #expect(report.items == 2)
    #expect(report.newEvents == 1)
    let events = try scratch.index().events(EventQuery())
    #expect(events.count == 1)
    #expect(Array(events[0].text.unicodeScalars) == Array(Self.composed.unicodeScalars))
    #expect(events[0].sources.count == 2)
    // The record holds the composed text (compared as bytes: String equality is canonical).
    let record = try scratch.recordFiles().values.reduce(Data(), +)
    #expect(record.range(of: Data("Secr\u{E9}tariat".utf8)) != nil)
    #expect(record.range(of: Data("Secre\u{301}tariat".utf8)) == nil)
  }

  @Test func aDecomposedRecordLineIsSearchedComposed() throws {
    let scratch = try ScratchWorkspace()
    let file = try scratch.folder.file("news.jsonl", Self.line("Talks", Self.composed) + "\n")
    try scratch.importFiles([file])
    // Someone edits the record by hand on a system that writes decomposed text.
    let events = scratch.workspace.eventsDirectory.appendingPathComponent("2024-04.jsonl")
    let original = try String(contentsOf: events, encoding: .utf8)
    try original.decomposedStringWithCanonicalMapping.write(to: events, atomically: true, encoding: .utf8)
    let index = try scratch.index()
    let found = try index.events(EventQuery())
    #expect(found.count == 1)
    #expect(Array(found[0].text.unicodeScalars) == Array(Self.composed.unicodeScalars))
    #expect(try index.search(EventQuery(search: "Secr\u{E9}tariat")).count == 1)
    #expect(try index.search(EventQuery(search: "Secre\u{301}tariat")).count == 1)
    #expect(try index.search(EventQuery(search: "\"D\u{E9}le\u{301}gation of\"")).count == 1)
  }
}
