import Foundation
import Testing

@testable import MandateKit

@Suite struct EventLineEncoderTests {
  /// The fast encoder writes exactly what JSONEncoder writes with sorted keys.
  @Test func matchesJSONEncoderByteForByte() throws {
    var generator = SystemRandomNumberGenerator()
    let samples = [
      "", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\rcr", "\u{0}\u{1}\u{1F}\u{7F}",
      "Кириллица “curly” ’", "emoji 🛰️ \u{2028}\u{2029}", "<script>alert(1)</script>",
    ]
    for _ in 0..<200 {
      let event = Event(
        id: {
          let hex = String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 16)
          return String(repeating: "0", count: 16 - hex.count) + hex
        }(),
        date: Bool.random() ? Day(ordinal: Int.random(in: 0...30_000)) : nil,
        dateEnd: Bool.random() ? Day(ordinal: Int.random(in: 0...30_000)) : nil,
        datePrecision: DatePrecision.allCases.randomElement()!,
        dateBasis: [.text, .title, .published, .none].randomElement()!,
        dateEvidence: Bool.random() ? samples.randomElement()! : nil,
        title: Bool.random() ? samples.randomElement()! : nil,
        text: samples.shuffled().joined(separator: " "), language: Bool.random() ? "en" : nil,
        sources: (0..<Int.random(in: 0...3)).map { _ in
          EventSource(
            file: Bool.random() ? samples.randomElement()! : nil,
            position: Bool.random() ? Int.random(in: -5...100_000) : nil,
            url: Bool.random() ? "https://example.org/a?b=c&d=\"e\"" : nil,
            role: [.teaser, .main, .item].randomElement()!,
            name: Bool.random() ? samples.randomElement()! : nil, firstSeen: Day(ordinal: Int.random(in: 0...30_000)),
            published: Bool.random() ? Day(ordinal: Int.random(in: 0...30_000)) : nil,
            fetched: Bool.random()
              ? FetchProvenance(
                from: samples.randomElement()!, at: "2026-12-05T10:00:00Z",
                snapshot: Bool.random() ? String(repeating: "ab", count: 32) : nil) : nil)
        },
        aliases: (0..<Int.random(in: 0...2)).map { _ in String(Int.random(in: 0...1_000_000), radix: 16) })
      let expected = Array(try JSON.encode(event, pretty: false).utf8)
      #expect(event.recordLine() == expected)
      #expect(try Event.decode(line: event.recordLine()) == event)
    }
  }

  @Test func peekReadsTopLevelKeysOnly() {
    let line = RecordLine(
      bytes: Array(
        #"{"aliases":[],"date":"2024-04-10","id":"abc","sources":[{"file":"x","role":"teaser"}],"text":"a \"id\":\"fake\""}"#
          .utf8), number: 1)
    #expect(line.peek("id") == "abc")
    #expect(line.peek("date") == "2024-04-10")
    #expect(line.peek("date_end") == nil)
    #expect(line.sortKey == "2024-04-10||abc")
  }
}
