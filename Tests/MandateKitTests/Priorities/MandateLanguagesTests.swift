import Foundation
import Testing

@testable import MandateKit

/// Keywords, alias variants and translations per language in the mandate YAML.
@Suite struct MandateLanguagesTests {
  let loader = MandateLoader()

  @Test func readsListsPerLanguageAndPlainListsInTheMandatesLanguage() throws {
    let result = loader.loadFixture("languages.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
    let mandate = try #require(result.mandate)
    let item = try #require(mandate.item(id: "P1.1"))
    #expect(
      item.keywordsByLanguage == [
        LanguageTerms(language: "en", terms: ["peacekeeping forces", "UN"]),
        LanguageTerms(language: "ru", terms: ["миротворческие силы", "ООН"]),
        LanguageTerms(language: "kk-Cyrl", terms: ["бітімгершілік күштер"]),
      ])
    #expect(item.keywords == ["peacekeeping forces", "UN", "миротворческие силы", "ООН", "бітімгершілік күштер"])
    #expect(item.translations == ["ru": "миротворческие силы организации"])
    #expect(mandate.priorities[0].translations == ["ru": "Сотрудничество"])
    // A plain list is in the mandate's language, which the list leaves to `language: en`.
    #expect(mandate.item(id: "P1.2")?.keywordsByLanguage == [LanguageTerms(language: nil, terms: ["summit", "UN"])])
    #expect(mandate.aliases[0].variantsByLanguage.map(\.language) == ["en", "ru"])
    // An alias spelling in any language stands for all of them; «ё» is «е».
    #expect(
      mandate.spellings(of: "организация объединенных наций")
        == ["UN", "United Nations", "ООН", "Организация Объединённых Наций"])
  }

  /// The JSON form (`mandate priorities --format json`) keeps the flat lists and says which
  /// language each came in, and reads back the same.
  @Test func jsonKeepsTheLanguages() throws {
    let mandate = try #require(loader.loadFixture("languages.yaml").mandate)
    let json = try PrioritiesRenderer.render(mandate, format: .json)
    #expect(json.contains(#""keywords_by_language" : {"#))
    #expect(json.contains(#""translations" : {"#))
    let decoded = try JSONDecoder().decode(Mandate.self, from: Data(json.utf8))
    #expect(decoded.items.map(\.keywords).map(Set.init) == mandate.items.map(\.keywords).map(Set.init))
    #expect(decoded.items.map(\.translations) == mandate.items.map(\.translations))
    #expect(decoded.aliases.map(\.variants).map(Set.init) == mandate.aliases.map(\.variants).map(Set.init))
  }

  /// One fixture per problem, each with its position and wording.
  @Test(arguments: [
    (
      "language-key.yaml",
      [
        "18:11 error invalid-language-key: `english` in `keywords` of item P1.1 is not a language tag; write a code such as `en` or `ru`"
      ]
    ),
    (
      "language-twice.yaml",
      ["19:11 error duplicate-language: language `RU` is listed twice in `keywords` of item P1.1"]
    ),
    (
      "keyword-twice-in-a-language.yaml",
      ["19:31 error duplicate-keyword: keyword `прокси` is listed twice in the `ru` keywords of item P1.1"]
    ),
    (
      "translation-not-a-mapping.yaml",
      [
        "18:23 error wrong-type: expected `translations` in item P1.1 to be a mapping of language tags to texts, found a string"
      ]
    ),
    (
      "translation-own-language.yaml",
      [
        "19:11 warning translation-language: a translation into `en` in item P1.1, the mandate's own language: the declared wording is already in it",
        "21:11 error invalid-language-key: an empty key in `translations` of item P1.1 is not a language tag; write a code such as `en` or `ru`",
      ]
    ),
    (
      "variants-twice-in-a-language.yaml",
      [
        "15:17 error duplicate-alias: `ООН` is already listed as an alias",
        "23:20 warning redundant-keyword: keyword `United Nations` in item P1.1 is an alias of `UN` (both spell `UN`); one of them is enough",
      ]
    ),
  ])
  func reportsEachProblemAtItsPlace(_ name: String, _ expected: [String]) {
    // (Each fixture keeps the id `languages`, so that the file-name warning is not tested here.)
    let diagnostics = loader.loadFixture(name).diagnostics.filter { $0.code != "file-name" }
    #expect(diagnostics.sortedByLocation().map(\.summary) == expected)
    #expect(diagnostics.allSatisfy { $0.location?.file == name })
  }

  @Test func aKeywordInTwoLanguagesIsNoDuplicate() throws {
    let diagnostics = loader.loadFixture("keyword-twice-in-a-language.yaml").diagnostics.filter {
      $0.code != "file-name"
    }
    // `PROXY` is listed for English and for Russian news alike: only «ПРОКСИ» and «прокси» clash.
    #expect(diagnostics.map(\.code) == ["duplicate-keyword"])
    #expect(diagnostics.first?.notes.map { $0.location.map { "\($0.line):\($0.column)" } } == ["19:23"])
  }

  @Test func languageTagsAreNormalized() {
    #expect(LanguageTag.normalize("en_us") == "en-US")
    #expect(LanguageTag.normalize(" RU ") == "ru")
    #expect(LanguageTag.normalize("kk-cyrl-kz") == "kk-Cyrl-KZ")
    #expect(LanguageTag.normalize("english") == nil)
    #expect(LanguageTag.primary("ru-RU") == "ru")
    #expect(LanguageTag.primary(nil) == nil)
  }
}
