import Foundation
import MandateKit

/// Small pieces of wording and links the pages share.
enum Format {
  /// Declaratory · material · contradicting.
  static func counts(_ counts: QuarterlyReport.EvidenceCounts) -> String {
    "\(counts.declaratory) · \(counts.material) · \(counts.contradicting)"
  }

  static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(count == 1 ? noun : noun + "s")" }

  /// `2024-06-30 14:05 UTC`.
  static func instant(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: date)
  }

  static func eventHref(_ id: String) -> String { "/events/\(id)" }
  static func itemHref(_ id: String) -> String { "/items/\(FormData.encode(id))" }

  /// A quarter as the URLs write it: `2024Q2`, or `Q3` of a term that does not start a
  /// calendar quarter.
  static func quarterParameter(_ quarter: Quarter) -> String { quarter.slug.replacingOccurrences(of: "-", with: "") }

  /// `http:` and `https:` URLs only become links.
  static func webURL(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
    let unsafe = url.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    return unsafe ? nil : url
  }
}

/// A piece of text, marked or not: highlights become `<mark>` while every piece stays escaped.
struct Segment {
  var text: String
  var marked: Bool

  /// Splits text with `Highlight` markers into segments.
  static func split(_ text: String) -> [Segment] {
    var segments: [Segment] = []
    var current = ""
    var marked = false
    for character in text {
      if character == Character(Highlight.start) || character == Character(Highlight.end) {
        if !current.isEmpty { segments.append(Segment(text: current, marked: marked)) }
        current = ""
        marked = character == Character(Highlight.start)
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { segments.append(Segment(text: current, marked: marked)) }
    return segments
  }
}

/// An option of a `<select>`.
struct Option {
  var value: String
  var label: String
  var selected: Bool
}

/// A share drawn as a bar, with the number written beside it.
struct Bar {
  var label: String
  var percent: String
  var width: String
  var detail: String

  init(_ label: String, _ share: QuarterlyReport.Share) {
    self.label = label
    percent = HTMLReportRenderer.percent(share.share)
    width = HTMLReportRenderer.width(share.share)
    detail = "\(share.covered) of \(share.items) items"
  }
}
