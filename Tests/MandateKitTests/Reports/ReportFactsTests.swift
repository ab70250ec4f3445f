import Foundation
import Testing

@testable import MandateKit

/// The byte-level readers the report uses on the index's compact sources JSON, and the fast
/// path of `Event.firstWords`, against what a JSON parser and the general path give.
@Suite struct ReportFactsTests {
  @Test(arguments: [
    #"[{"file":"a/b.jsonl","position":12,"role":"item","url":"https://x.org/a?b=1"}]"#,
    #"[{"file":"C:\\news\\x.csv","position":-3,"role":"item"}]"#,
    #"[{"file":"caf\u00e9 \"quoted\"\n.txt","role":"main"},{"url":"https://second"}]"#,
    #"[{"role":"teaser"}]"#,
  ])
  func sourcesFieldsMatchAJSONParser(_ json: String) throws {
    let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let bytes = Array(json.utf8)
    for key in ["file", "url"] {
      let value = bytes.withUnsafeBufferPointer { ReportBuilder.firstValue(key, in: $0) }
      #expect(value == parsed.lazy.compactMap { $0[key] as? String }.first)
    }
    let position = bytes.withUnsafeBufferPointer { ReportBuilder.firstNumber("position", in: $0) }
    #expect(position == parsed.lazy.compactMap { $0["position"] as? Int }.first)
  }

  @Test(arguments: [
    "Plain ASCII title", "  leading and trailing  ", "two  spaces", "tab\there", "line\nbreak", "",
    "Пресс-релиз ОДКБ", "non\u{00A0}breaking", String(repeating: "word ", count: 60),
  ])
  func firstWordsFastPathAgreesWithTheGeneralOne(_ text: String) {
    let general: String = {
      let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      return flat.count > 160 ? "" : flat
    }()
    let result = Event.firstWords(of: text, limit: 160)
    if general.isEmpty && !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      #expect(result.hasSuffix("…"))
    } else {
      #expect(result == general)
    }
  }

  /// The titles and sources of many events, read in chunks on several connections, are what one
  /// connection reads at once; unknown ids are left out.
  @Test func factsReadInParallelAreTheFactsReadAtOnce() throws {
    let (folder, builder) = try ShippedReportTests.shippedWorkspace()
    defer { withExtendedLifetime(folder) {} }
    let ids = try builder.index.read { db in try String.fetchAll(db, sql: "SELECT id FROM event ORDER BY rowid") }
    #expect(ids.count > 6)
    let asked = ids + ["0000000000000000", "not an id"]
    let atOnce = try builder.index.read { db in try ReportBuilder.facts(db, ids: asked) }
    let chunked = try builder.detailedFacts(ids: asked, chunkSize: 3)
    #expect(atOnce.count == ids.count)
    #expect(chunked.keys.sorted() == atOnce.keys.sorted())
    for (id, fact) in atOnce {
      let other = try #require(chunked[id])
      #expect(
        [other.title, other.source, other.sourceURL ?? "", other.language ?? "", other.date?.description ?? ""]
          == [fact.title, fact.source, fact.sourceURL ?? "", fact.language ?? "", fact.date?.description ?? ""])
    }
  }
}

/// Event ids as 64-bit keys and days read from bytes, which the report's scans use instead of strings.
@Suite struct EventKeyTests {
  @Test func keysAreTheHexDigitsOfFullIds() {
    #expect(EventKey.of("0123456789abcdef") == 0x0123_4567_89ab_cdef)
    #expect(EventKey.of("ffffffffffffffff") == UInt64.max)
    // Not an index id: uppercase, too short or long, a sign, a non-hex letter.
    for id in ["0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "+123456789abcdef", "0123456789abcdeg", ""] {
      #expect(EventKey.of(id) == nil, "\(id)")
    }
    // And back: the id a key spells, leading zeros included.
    for id in ["0123456789abcdef", "ffffffffffffffff", "0000000000000000", "00000000000000a1"] {
      #expect(EventKey.of(id).map(EventKey.id) == id)
    }
  }

  @Test func daysReadFromBytesAgreeWithDaysReadFromStrings() {
    for text in ["2024-02-29", "2023-02-29", "2024-1-05", "2024/01/05", "", "20240105xx", "2024-13-01"] {
      let fromBytes = Array(text.utf8).withUnsafeBufferPointer { Day(isoBytes: $0) }
      #expect(fromBytes == Day(iso: text), "\(text)")
      #expect(Day(iso: text[...]) == Day(iso: text), "\(text)")
    }
    #expect(Day(iso: "2024-02-29") == Day(year: 2024, month: 2, day: 29))
    #expect(Day(iso: "2023-02-29") == nil)
  }
}
