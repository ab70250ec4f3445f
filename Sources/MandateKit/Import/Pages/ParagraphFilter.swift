import Foundation

/// Drops paragraphs that are boilerplate whatever element they sit in: photo credits, share and
/// follow prompts, "read more" links, cookie and newsletter notices, copyright lines, bylines, and the
/// headline printed again. Like jusText, it judges short paragraphs only: a long paragraph that
/// mentions cookies is an article about cookies.
enum ParagraphFilter {
  /// Paragraphs longer than this are always kept.
  static let shortLimit = 200

  /// Openings of boilerplate paragraphs (lowercase).
  static let openings = [
    "photo:", "photo by", "photos:", "photograph:", "photograph by", "image:", "image by", "image credit", "credit:",
    "picture:", "illustration:", "фото:", "фото -", "фото –", "фото из", "(photo", "advertisement", "share this",
    "share on", "share via", "follow us", "read more", "read also", "related:", "related articles", "related stories",
    "see also:", "sign up for", "subscribe to", "click here", "copyright", "©", "(c) ", "all rights reserved",
    "tags:", "читайте также", "по теме:", "подписывайтесь", "поделиться", "реклама",
  ]

  /// Whole paragraphs that are furniture (lowercase, without final punctuation).
  static let furniture: Set<String> = [
    "advertisement", "share", "tweet", "print", "email", "comments", "comment", "share this article", "share this",
    "follow us", "read more", "related", "related articles", "skip to content", "back to top", "close",
    "loading", "subscribe", "sign up",
  ]

  static func filter(_ paragraphs: [String], headline: String?) -> [String] {
    let title = headline.map { $0.lowercased() }
    var kept: [String] = []
    for (index, paragraph) in paragraphs.enumerated() {
      guard paragraph.count <= shortLimit else {
        kept.append(paragraph)
        continue
      }
      let lowered = paragraph.lowercased()
      if lowered == title { continue }
      if isBoilerplate(lowered) || isDateLine(paragraph) { continue }
      // A byline opens or closes the text ("By Jane Doe", "Автор: …"), never sits in the middle.
      if (index < 2 || index == paragraphs.count - 1) && isByline(paragraph) { continue }
      kept.append(paragraph)
    }
    return kept
  }

  static func isBoilerplate(_ lowered: String) -> Bool {
    let bare = lowered.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
    if furniture.contains(bare) { return true }
    if openings.contains(where: lowered.hasPrefix) { return true }
    if lowered.contains("cookie")
      && ["accept", "consent", "agree", "we use", "uses cookies", "privacy"].contains(where: lowered.contains)
    {
      return true
    }
    return lowered.contains("newsletter")
      && ["sign up", "subscribe", "inbox", "email"].contains(where: lowered.contains)
  }

  /// Whether a paragraph is only a date with a word or two ("Published: 04.09.2024, 14:05", "Updated 1 June").
  static func isDateLine(_ paragraph: String) -> Bool {
    guard paragraph.count <= 100 else { return false }
    let mentions = DateExtractor.mentions(in: paragraph, referenceDate: Day(year: 2000, month: 1, day: 1))
    guard !mentions.isEmpty else { return false }
    var rest = paragraph
    for mention in mentions { rest = rest.replacingOccurrences(of: mention.text, with: " ") }
    let words = rest.split { !$0.isLetter }.filter { !["at", "on", "am", "pm", "в", "г"].contains($0.lowercased()) }
    return words.count <= 3
  }

  static func isByline(_ paragraph: String) -> Bool {
    guard paragraph.count <= 80, !paragraph.contains(". ") else { return false }
    for prefix in ["By ", "BY ", "Автор:", "Author:", "Written by "] where paragraph.hasPrefix(prefix) {
      let rest = paragraph.dropFirst(prefix.count)
      return rest.first?.isUppercase ?? false
    }
    return false
  }
}
