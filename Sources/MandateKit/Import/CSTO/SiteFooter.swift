/// The links that end every news page of a CSTO website, in the site's language: "Go back / Back to
/// the section / Back to the all news" on the English site, «Вернуться назад / Вернуться в раздел /
/// Вернуться ко всем новостям» on the Russian one.
///
/// The footer tells where a saved page's news ends and which site, so which language, it comes from.
struct SiteFooter: Equatable, Sendable {
  /// The site's language tag.
  var language: String
  /// The footer's lines, lowercased with whitespace collapsed, as `CSTOPageParser.isFooterLine` compares them.
  var lines: [String]
  /// The footer as a person reads it, for messages.
  var text: String

  static let english = SiteFooter(
    language: "en", lines: ["go back", "back to the section", "back to the all news"],
    text: "'Go back / Back to the section / Back to the all news'")

  static let russian = SiteFooter(
    language: "ru", lines: ["вернуться назад", "вернуться в раздел", "вернуться ко всем новостям"],
    text: "'Вернуться назад / Вернуться в раздел / Вернуться ко всем новостям'")

  /// Every site's footer, English first.
  static let all = [english, russian]

  /// Every footer line of every site.
  static let allLines = all.flatMap(\.lines)

  /// The footer a page without one would have had: the Russian site's when its text is Russian.
  static func guess(_ blocks: [CSTOPageBlock]) -> SiteFooter {
    var sample = ""
    for block in blocks {
      for line in block.lines {
        sample += line
        sample += "\n"
      }
      if sample.utf8.count >= LanguageDetector.window { break }
    }
    return LanguageDetector.detect(title: nil, text: sample) == "ru" ? russian : english
  }
}
