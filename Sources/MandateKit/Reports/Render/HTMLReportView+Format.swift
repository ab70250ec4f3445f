import Foundation

extension HTMLReportView {
  /// `18%` for a share of 0…1, in whole percents as the text and Markdown reports write them.
  static func percent(_ share: Double) -> String {
    number(clamped(share) * 100, decimals: 0) + "%"
  }

  /// A share as a CSS width percentage, kept within 0…100 whatever the model says.
  static func width(_ share: Double) -> String {
    number(clamped(share) * 100, decimals: 1)
  }

  static func clamped(_ share: Double) -> Double {
    share.isFinite ? min(1, max(0, share)) : 0
  }

  /// A number rounded to `decimals`, without trailing zeros and never `-0` (so that the same
  /// model always gives the same bytes).
  static func number(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return "0" }
    // Half away from zero (31.25 → 31.3), as people round, not printf's half to even.
    let factor = pow(10, Double(decimals))
    var text = String(format: "%.\(decimals)f", (value * factor).rounded() / factor)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// A fragment id for a priority or item id: letters, digits, `.`, `-` and `_` kept, others
  /// replaced, so the id is always a valid one-word attribute value.
  static func anchor(_ id: String, prefix: String = "item-") -> String {
    let kept = id.unicodeScalars.map { scalar -> String in
      let allowed =
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "." || scalar == "-" || scalar == "_"
      return allowed ? String(scalar) : "-"
    }
    return prefix + kept.joined()
  }

  /// Declaratory · material · contradicting, as in the table's column heading.
  static func counts(_ counts: QuarterlyReport.EvidenceCounts) -> String {
    "\(counts.declaratory) · \(counts.material) · \(counts.contradicting)"
  }

  static func countsLabel(_ counts: QuarterlyReport.EvidenceCounts) -> String {
    "\(counts.declaratory) declaratory, \(counts.material) material, \(counts.contradicting) contradicting"
  }

  /// The URL when it is an `http:` or `https:` one, the only kinds that become links: anything
  /// else (`javascript:`, `data:`, a file path) is shown as text. Whitespace and control
  /// characters, which browsers strip or fold before reading a scheme, disqualify it too.
  static func webURL(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
    let unsafe = url.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    return unsafe ? nil : url
  }
}
