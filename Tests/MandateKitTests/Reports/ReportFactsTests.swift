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
    for key in ["file", "url"] {
      #expect(ReportBuilder.firstValue(key, in: json) == parsed.lazy.compactMap { $0[key] as? String }.first)
    }
    #expect(ReportBuilder.firstNumber("position", in: json) == parsed.lazy.compactMap { $0["position"] as? Int }.first)
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
}
