import Foundation

/// Renders `mandate suggest`.
public enum SuggestionRenderer {
  public enum Format: String, CaseIterable, Sendable {
    case text, json
  }

  /// The JSON shape of one event's suggestions.
  public struct JSONSuggestion: Encodable, Sendable {
    public var event: String
    public var date: String?
    public var date_precision: String
    public var title: String?
    public var headline: String
    public var snippet: String
    public var candidates: [Candidate]

    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(event, forKey: .event)
      try container.encode(date, forKey: .date)
      try container.encode(date_precision, forKey: .date_precision)
      try container.encode(title, forKey: .title)
      try container.encode(headline, forKey: .headline)
      try container.encode(snippet, forKey: .snippet)
      try container.encode(candidates, forKey: .candidates)
    }

    enum CodingKeys: String, CodingKey {
      case event, date, date_precision, title, headline, snippet, candidates
    }
  }

  public static func render(
    _ suggestions: [Suggestion], format: Format, abbreviations: [String: String], width: Int, style: TerminalStyle
  ) throws -> String {
    switch format {
    case .json:
      return try JSON.encode(
        suggestions.map {
          JSONSuggestion(
            event: $0.event.id, date: $0.event.date?.description, date_precision: $0.event.datePrecision.rawValue,
            title: $0.event.title, headline: $0.event.headline,
            snippet: Highlight.render($0.snippet, open: "**", close: "**"), candidates: $0.candidates)
        }) + "\n"
    case .text:
      return suggestions.map { text($0, abbreviation: abbreviations[$0.event.id], width: width, style: style) }.joined(
        separator: "\n")
    }
  }

  static func text(_ suggestion: Suggestion, abbreviation: String?, width: Int, style: TerminalStyle) -> String {
    let event = suggestion.event
    let (open, close) = style.enabled ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("**", "**")
    var out = "\(EventRenderer.dateLabel(event))  \(style.apply(.cyan, abbreviation ?? String(event.id.prefix(8))))  "
    out += Event.firstWords(of: event.headline, limit: max(20, width - out.count)) + "\n"
    out +=
      TextWrap.block(
        Highlight.render(suggestion.snippet, open: open, close: close), width: width + (style.enabled ? 40 : 0),
        firstPrefix: "    ", indent: "    ") + "\n"
    for (rank, candidate) in suggestion.candidates.enumerated() {
      let head =
        "  \(rank + 1). \(candidate.item.padding(toLength: 6, withPad: " ", startingAt: 0)) \(String(format: "%.2f", candidate.score))  "
      out +=
        TextWrap.block(
          reasons(candidate.reasons), width: width, firstPrefix: style.apply(.bold, head),
          indent: String(repeating: " ", count: head.count)) + "\n"
    }
    return out
  }

  /// "keyword “UNRCCA” ×1 in text (+3.41), item word “peacekeeping” ×2 in title (+1.20)".
  public static func reasons(_ reasons: [Reason], limit: Int = 4) -> String {
    var parts = reasons.prefix(limit).map { reason in
      "\(reason.kind.rawValue.replacingOccurrences(of: "-", with: " ")) “\(reason.term)” ×\(reason.count) in \(reason.field) (+\(String(format: "%.2f", reason.contribution)))"
    }
    if reasons.count > limit { parts.append("\(reasons.count - limit) more") }
    return parts.joined(separator: ", ")
  }
}
