import Foundation
import Testing

@testable import MandateKit

/// Russian news meets the mandate's Russian keywords whatever the word forms, and suggestions say
/// which keyword, in which form, where and with what weight, as they do for English.
@Suite struct RussianSuggestionTests {
  static func workspace() throws -> (ScratchWorkspace, Mandate, [Suggestion]) {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([TestPaths.fixture("russian/peacekeeping.jsonl")])
    let mandate = try #require(MandateCatalog.load(scratch.workspace).mandates.first)
    let suggester = try Suggester(mandate: mandate, index: try scratch.index(), state: LedgerState([]))
    return (scratch, mandate, try suggester.suggest(SuggestionQuery()))
  }

  @Test func everyFormMeetsThePeacekeepingItem() throws {
    let (_, _, suggestions) = try Self.workspace()
    let peacekeeping = suggestions.filter { $0.event.headline.lowercased().contains("миротвор") }
    #expect(peacekeeping.count == 3)
    for suggestion in peacekeeping {
      #expect(suggestion.candidates.first?.item == "P2.3", "\(suggestion.event.headline)")
    }
  }

  @Test func reasonsNameTheKeywordTheFormAndWhere() throws {
    let (_, _, suggestions) = try Self.workspace()
    let exercise = try #require(suggestions.first { $0.event.headline.hasPrefix("Учение миротворческих сил") })
    let reasons = try #require(exercise.candidates.first?.reasons)
    let keyword = try #require(reasons.first { $0.term == "миротворческие силы" })
    #expect(keyword.kind == .keyword)
    #expect(keyword.matched == "миротворческих сил")
    #expect(keyword.field == "title")
    #expect(keyword.count == 2)
    #expect(keyword.weight == FeatureSet.keywordWeight)
    let text = SuggestionRenderer.reasons([keyword])
    #expect(text.hasPrefix("keyword “миротворческие силы” as “миротворческих сил” ×2 in title (+"))
    // The passage marks the forms the text uses (the longest match at a place: the alias
    // «Миротворческие силы ОДКБ» of "Collective Peacekeeping Forces").
    #expect(exercise.snippet.contains("\(Highlight.start)миротворческих сил ОДКБ\(Highlight.end)"))
    // The form as written is no news: a reason for the keyword's own words names none.
    let written = try #require(suggestions.first { $0.event.headline.hasPrefix("Миротворческие силы") })
    let same = try #require(written.candidates.first?.reasons.first { $0.term == "миротворческие силы" })
    #expect(same.matched == nil)
    let json = SuggestionRenderer.json(exercise)
    #expect(json.contains(#""term":"миротворческие силы","matched":"миротворческих сил","field":"title""#))
  }

  @Test func anAliasInRussianIsTheSameFeatureAsInEnglish() throws {
    let (_, mandate, suggestions) = try Self.workspace()
    let report = try #require(suggestions.first { $0.event.headline == "Доклад о наркотиках" })
    let reasons = report.candidates.flatMap(\.reasons)
    // «ООН» is listed for P1.1 in Russian and "UN" in English: one feature, named by the first.
    let un = try #require(reasons.first { $0.term == "UN" })
    #expect(un.matched == "Организации Объединённых Наций")
    #expect(reasons.filter { $0.term == "ООН" }.isEmpty)
    let features = FeatureSet(mandate: mandate)
    let p11 = try #require(features.weights.first { $0.item == "P1.1" })
    let terms = p11.features.map { features.features[$0.feature].term }
    #expect(terms.contains("UN") && !terms.contains("ООН"))
  }

  /// A form is shown as the news wrote it, each run of spaces, line breaks and no-break spaces as one space.
  @Test func formsCollapseTheirSpaces() {
    let text = "учение  миротворческих\n\u{00A0}сил ОДКБ"
    #expect(FeatureMatches.collapsed(text, 0..<text.utf8.count) == "учение миротворческих сил ОДКБ")
    let start = "учение  ".utf8.count
    #expect(FeatureMatches.collapsed(text, start..<(text.utf8.count - " ОДКБ".utf8.count)) == "миротворческих сил")
  }
}
