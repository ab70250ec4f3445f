import Testing

@testable import MandateKit

/// `suggest --format json` writes its strings, numbers and days straight into bytes: the same
/// bytes as the general encoders give.
@Suite struct SuggestionRendererTests {
  @Test func passagesAreEscapedAsTheEventEncoderEscapesThem() {
    let samples = [
      "", "plain", "quote \" and \\ backslash", "tab\tnew\nline\r", "\u{01}\u{08}\u{0C}\u{1F}\u{7F}",
      "миротворческих «сил»",
      "\u{02}marked\u{03} not \u{02}", "emoji 🇰🇿 and é",
    ]
    for sample in samples {
      var expected: [UInt8] = []
      EventLineEncoder.appendString(sample, to: &expected)
      var text = sample
      var written: [UInt8] = []
      text.withUTF8 { EventLineEncoder.appendString(bytes: $0, to: &written) }
      #expect(written == expected, "\(sample)")
      var highlighted: [UInt8] = []
      EventLineEncoder.appendString(Highlight.render(sample, open: "**", close: "**"), to: &highlighted)
      var snippet: [UInt8] = []
      SuggestionRenderer.appendSnippet(sample, to: &snippet)
      #expect(snippet == highlighted, "\(sample)")
    }
  }

  @Test func numbersAndDaysAreWrittenAsTheirStrings() {
    for value in [0, 0.0004, 0.0005, 0.005, 0.05, 0.5, 0.25, 1, 1.2, 3.141_59, 12.419, 99.9996, 1234.5, -0.5, -2.007] {
      var written: [UInt8] = []
      SuggestionRenderer.appendNumber(value, to: &written)
      #expect(String(decoding: written, as: UTF8.self) == SuggestionRenderer.number(value), "\(value)")
    }
    for value in [0, 7, 10, 99, 12_345, 9_876_543_210, -3] {
      var written: [UInt8] = []
      SuggestionRenderer.appendInteger(value, to: &written)
      #expect(String(decoding: written, as: UTF8.self) == String(value))
    }
    for day in [Day(year: 2024, month: 4, day: 10), Day(year: 99, month: 12, day: 31), Day(year: 1, month: 1, day: 1)]
      .compactMap({ $0 })
    {
      var written: [UInt8] = []
      SuggestionRenderer.appendDay(day, to: &written)
      #expect(String(decoding: written, as: UTF8.self) == "\"\(day.description)\"")
    }
  }
}
