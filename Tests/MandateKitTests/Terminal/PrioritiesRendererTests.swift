import Foundation
import Testing

@testable import MandateKit

@Suite struct PrioritiesRendererTests {
  func mandate() throws -> Mandate {
    try #require(MandateLoader().loadFixture("valid.yaml").mandate)
  }

  @Test func textWrapsToTheWidth() throws {
    let text = try PrioritiesRenderer.render(try mandate(), format: .text, width: 40)
    assertGolden(text, "priorities/valid.txt")
    for line in text.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
  }

  @Test func markdownEscapesAndLists() throws {
    assertGolden(try PrioritiesRenderer.render(try mandate(), format: .markdown), "priorities/valid.md")
  }

  @Test func jsonRoundTrips() throws {
    let original = try mandate()
    let json = try PrioritiesRenderer.render(original, format: .json)
    assertGolden(json, "priorities/valid.json")
    let decoded = try JSONDecoder().decode(Mandate.self, from: Data(json.utf8))
    #expect(decoded.items.map(\.text) == original.items.map(\.text))
    #expect(decoded.term == original.term)
  }

  @Test func shippedMandateGoldens() throws {
    let mandate = try #require(
      MandateLoader().load(
        url: TestPaths.repositoryRoot.appendingPathComponent("Priorities/kz-csto-2024.yaml"),
        displayPath: "Priorities/kz-csto-2024.yaml"
      ).mandate)
    assertGolden(try PrioritiesRenderer.render(mandate, format: .text, width: 100), "priorities/kz-csto-2024.txt")
    assertGolden(try PrioritiesRenderer.render(mandate, format: .markdown), "priorities/kz-csto-2024.md")
  }

  @Test func markdownEscapesMarkup() {
    #expect(
      Markdown.escape("<script>alert(1)</script> *bold* [x](y)")
        == "&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](y)")
    #expect(Markdown.link("a]b", url: "https://x/(y)") == "[a\\]b](https://x/%28y%29)")
  }

  @Test func wrapping() {
    #expect(TextWrap.lines("one two three four", width: 10) == ["one two", "three four"])
    #expect(TextWrap.lines("averyveryverylongword x", width: 10) == ["averyveryverylongword", "x"])
    #expect(TextWrap.lines("", width: 10) == [""])
  }
}
