import Foundation

/// Feed text as plain text: titles on one line, bodies in paragraphs.
extension FeedXMLDelegate {
  /// Titles are single lines: line breaks and runs of XML whitespace become one space, nothing else changes.
  static func titleText(_ raw: String, _ mode: TextMode) -> String? {
    let text: String
    switch mode {
    case .text: text = raw
    case .html, .xhtml: text = HTMLText.plainText(raw)
    case .ignored: return nil
    }
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(scalar)
      }
    }
    return String(result).nonEmpty
  }

  static func bodyText(_ raw: String, _ mode: TextMode) -> String? {
    switch mode {
    case .html, .xhtml: return HTMLText.plainText(raw).nonEmpty
    case .text: return plainParagraphs(raw).nonEmpty
    case .ignored: return nil
    }
  }

  /// Literal text in the same shape as converted HTML: blank lines separate paragraphs, other spacing collapses.
  static func plainParagraphs(_ text: String) -> String {
    var collector = HTMLText.ParagraphCollector()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
        collector.breakParagraph()
      } else {
        for scalar in line.unicodeScalars { collector.append(scalar) }
        collector.space()
      }
    }
    return collector.finish()
  }
}

extension String {
  /// Without white space and line breaks at either end.
  var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
  /// Nil when empty.
  var nonEmpty: String? { isEmpty ? nil : self }
}
