import Foundation

/// Renders `mandate suggest`, one event at a time, so that output for 100,000 events streams.
///
/// JSON is an array with one compact object per line: `event`, `date`, `date_precision`,
/// `title`, `headline`, `snippet` (matches in `**`), `candidates` (ranked: `item`, `score`,
/// `reasons`: `kind`, `term`, `matched` (the form found, when the news wrote the term otherwise),
/// `field`, `count`, `weight`, `contribution`).
public struct SuggestionRenderer {
  public enum Format: String, CaseIterable, Sendable {
    case text, json
  }

  let format: Format
  let width: Int
  let style: TerminalStyle
  /// Each item's short label (`Item.shortLabel`), printed beside its id.
  let labels: [String: String]
  private var count = 0

  public init(format: Format, width: Int = 80, style: TerminalStyle = .plain, labels: [String: String] = [:]) {
    self.format = format
    self.width = width
    self.style = style
    self.labels = labels
  }

  /// What comes before the first suggestion.
  public func begin() -> String { format == .json ? "[" : "" }

  /// One suggestion; `abbreviation` is the id as `events` prints it.
  public mutating func render(_ suggestion: Suggestion, abbreviation: String? = nil) -> String {
    defer { count += 1 }
    switch format {
    case .json: return (count == 0 ? "\n" : ",\n") + Self.json(suggestion)
    case .text: return (count == 0 ? "" : "\n") + text(suggestion, abbreviation: abbreviation)
    }
  }

  /// What separates a JSON suggestion rendered by `json(_:)` from the previous one; counts it.
  public mutating func separator() -> String {
    defer { count += 1 }
    return count == 0 ? "\n" : ",\n"
  }

  /// What comes after the last suggestion.
  public func end() -> String { format == .json ? (count == 0 ? "]\n" : "\n]\n") : "" }

  /// A whole list at once (tests, small outputs).
  public static func render(
    _ suggestions: [Suggestion], format: Format, width: Int = 80, style: TerminalStyle = .plain,
    labels: [String: String] = [:]
  ) -> String {
    var renderer = SuggestionRenderer(format: format, width: width, style: style, labels: labels)
    return renderer.begin() + suggestions.map { renderer.render($0) }.joined() + renderer.end()
  }

  /// One suggestion as a compact JSON object.
  public static func json(_ suggestion: Suggestion) -> String {
    String(decoding: jsonBytes(suggestion), as: UTF8.self)
  }

  /// `json(_:)` as UTF-8 bytes, for output that streams bytes (no String to validate again).
  public static func jsonBytes(_ suggestion: Suggestion) -> [UInt8] {
    var out: [UInt8] = []
    func key(_ name: String, first: Bool = false) {
      if !first { out.append(UInt8(ascii: ",")) }
      EventLineEncoder.appendString(name, to: &out)
      out.append(UInt8(ascii: ":"))
    }
    func string(_ value: String?) {
      if let value { EventLineEncoder.appendString(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }
    func number(_ value: Double) { out.append(contentsOf: Self.number(value).utf8) }
    let event = suggestion.event
    out.append(UInt8(ascii: "{"))
    key("event", first: true)
    string(event.id)
    key("date")
    string(event.date?.description)
    key("date_precision")
    string(event.datePrecision.rawValue)
    key("title")
    string(event.title)
    key("headline")
    string(event.headline)
    key("snippet")
    string(Highlight.render(suggestion.snippet, open: "**", close: "**"))
    key("candidates")
    out.append(UInt8(ascii: "["))
    for (index, candidate) in suggestion.candidates.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "{"))
      key("item", first: true)
      string(candidate.item)
      key("score")
      number(candidate.score)
      key("reasons")
      out.append(UInt8(ascii: "["))
      for (position, reason) in candidate.reasons.enumerated() {
        if position > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "{"))
        key("kind", first: true)
        string(reason.kind.rawValue)
        key("term")
        string(reason.term)
        if let matched = reason.matched {
          key("matched")
          string(matched)
        }
        key("field")
        string(reason.field)
        key("count")
        out.append(contentsOf: String(reason.count).utf8)
        key("weight")
        number(reason.weight)
        key("contribution")
        number(reason.contribution)
        out.append(UInt8(ascii: "}"))
      }
      out.append(contentsOf: "]}".utf8)
    }
    out.append(contentsOf: "]}".utf8)
    return out
  }

  /// Up to three decimals, without trailing zeros: 0.5, 3, 12.419.
  static func number(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let sign = thousandths < 0 ? "-" : ""
    let magnitude = abs(thousandths)
    var fraction = magnitude % 1000
    guard fraction != 0 else { return sign + String(magnitude / 1000) }
    var digits = 3
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let text = String(fraction)
    return sign + String(magnitude / 1000) + "." + String(repeating: "0", count: digits - text.count) + text
  }

  func text(_ suggestion: Suggestion, abbreviation: String?) -> String {
    let event = suggestion.event
    let head = "\(event.dateLabel)  \(style.apply(.cyan, abbreviation ?? String(event.id.prefix(8))))  "
    var out = head + Event.firstWords(of: event.headline, limit: max(20, width - TextWrap.visibleWidth(head))) + "\n"
    out += Self.passage(suggestion.snippet, width: width, style: style) + "\n"
    if suggestion.candidates.isEmpty { out += "    no suggestion\n" }
    for (rank, candidate) in suggestion.candidates.enumerated() {
      out += Self.candidate(candidate, rank: rank + 1, label: labels[candidate.item], width: width, style: style) + "\n"
    }
    return out
  }

  /// The passage, indented and wrapped to the width, its highlighted words in bold yellow on a
  /// terminal and between `**` elsewhere.
  static func passage(_ snippet: String, width: Int, style: TerminalStyle) -> String {
    let (open, close) = style.enabled ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("**", "**")
    return TextWrap.block(
      Highlight.render(EventRenderer.oneLine(snippet), open: open, close: close), width: width, firstPrefix: "    ",
      indent: "    ")
  }

  /// "  1. P1.1 UN cooperation  0.99" and, under it, the reasons wrapped to the width.
  static func candidate(_ candidate: Candidate, rank: Int, label: String?, width: Int, style: TerminalStyle) -> String {
    let name = label.map { "\(candidate.item) \($0)" } ?? candidate.item
    let head = "  \(rank). " + style.apply(.bold, name) + "  " + String(format: "%.2f", candidate.score)
    let indent = String(repeating: " ", count: 4 + String(rank).count)
    return head + "\n" + TextWrap.block(reasons(candidate.reasons), width: width, firstPrefix: indent, indent: indent)
  }

  /// "keyword “UNRCCA” ×1 in text (+3.41), keyword “миротворческие силы” as “миротворческих сил” ×2 in
  /// title (+4.10), item word “peacekeeping” ×2 in title (+1.20)": the form found is named when the
  /// news wrote the term otherwise (inflected, or another spelling of an alias).
  public static func reasons(_ reasons: [Reason], limit: Int = Candidate.listedReasons) -> String {
    var parts = reasons.prefix(limit).map { reason in
      let form = reason.matched.map { " as “\($0)”" } ?? ""
      return
        "\(reason.kind.rawValue.replacingOccurrences(of: "-", with: " ")) “\(reason.term)”\(form) ×\(reason.count) in \(reason.field) (+\(String(format: "%.2f", reason.contribution)))"
    }
    if reasons.count > limit { parts.append("\(reasons.count - limit) more") }
    return parts.joined(separator: ", ")
  }
}
