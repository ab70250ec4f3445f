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
  /// Written byte by byte into one buffer: `suggest --format json` writes about 1 KB per event
  /// for every event of the index.
  public static func jsonBytes(_ suggestion: Suggestion) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(1024 + suggestion.snippet.utf8.count + suggestion.candidates.count * 512)
    func string(_ value: String?) {
      if let value { EventLineEncoder.appendString(value, to: &out) } else { out.append(contentsOf: JSONKeys.null) }
    }
    let event = suggestion.event
    out.append(contentsOf: JSONKeys.event)
    string(event.id)
    out.append(contentsOf: JSONKeys.date)
    if let date = event.date { appendDay(date, to: &out) } else { out.append(contentsOf: JSONKeys.null) }
    out.append(contentsOf: JSONKeys.datePrecision)
    string(event.datePrecision.rawValue)
    out.append(contentsOf: JSONKeys.title)
    string(event.title)
    out.append(contentsOf: JSONKeys.headline)
    string(event.headline)
    out.append(contentsOf: JSONKeys.snippet)
    appendSnippet(suggestion.snippet, to: &out)
    out.append(contentsOf: JSONKeys.candidates)
    // Read in place: copying each candidate and reason would count references to every string.
    suggestion.candidates.withUnsafeBufferPointer { candidates in
      for index in candidates.indices {
        out.append(contentsOf: index == 0 ? JSONKeys.item : JSONKeys.nextItem)
        string(candidates[index].item)
        out.append(contentsOf: JSONKeys.score)
        appendNumber(candidates[index].score, to: &out)
        out.append(contentsOf: JSONKeys.reasons)
        candidates[index].reasons.withUnsafeBufferPointer { reasons in
          for position in reasons.indices {
            out.append(contentsOf: position == 0 ? JSONKeys.kind : JSONKeys.nextKind)
            string(reasons[position].kind.rawValue)
            out.append(contentsOf: JSONKeys.term)
            string(reasons[position].term)
            if let matched = reasons[position].matched {
              out.append(contentsOf: JSONKeys.matched)
              string(matched)
            }
            out.append(contentsOf: JSONKeys.field)
            string(reasons[position].field)
            out.append(contentsOf: JSONKeys.count)
            appendInteger(reasons[position].count, to: &out)
            out.append(contentsOf: JSONKeys.weight)
            appendNumber(reasons[position].weight, to: &out)
            out.append(contentsOf: JSONKeys.contribution)
            appendNumber(reasons[position].contribution, to: &out)
            out.append(UInt8(ascii: "}"))
          }
        }
        out.append(contentsOf: "]}".utf8)
      }
    }
    out.append(contentsOf: "]}".utf8)
    return out
  }

  /// A day as its JSON string, "2024-04-10" (`Day.description`, quoted).
  static func appendDay(_ day: Day, to out: inout [UInt8]) {
    guard (0...9999).contains(day.year), (0...99).contains(day.month), (0...99).contains(day.day) else {
      EventLineEncoder.appendString(day.description, to: &out)
      return
    }
    func digits(_ value: Int, _ width: Int) {
      var divisor = 1
      for _ in 1..<width { divisor *= 10 }
      while divisor > 0 {
        out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
        divisor /= 10
      }
    }
    out.append(UInt8(ascii: "\""))
    digits(day.year, 4)
    out.append(UInt8(ascii: "-"))
    digits(day.month, 2)
    out.append(UInt8(ascii: "-"))
    digits(day.day, 2)
    out.append(UInt8(ascii: "\""))
  }

  /// The keys of `jsonBytes` with their punctuation, as bytes.
  private enum JSONKeys {
    static let null = Array("null".utf8)
    static let highlight = Array("**".utf8)
    static let event = Array("{\"event\":".utf8)
    static let date = Array(",\"date\":".utf8)
    static let datePrecision = Array(",\"date_precision\":".utf8)
    static let title = Array(",\"title\":".utf8)
    static let headline = Array(",\"headline\":".utf8)
    static let snippet = Array(",\"snippet\":".utf8)
    static let candidates = Array(",\"candidates\":[".utf8)
    static let item = Array("{\"item\":".utf8)
    static let nextItem = Array(",{\"item\":".utf8)
    static let score = Array(",\"score\":".utf8)
    static let reasons = Array(",\"reasons\":[".utf8)
    static let kind = Array("{\"kind\":".utf8)
    static let nextKind = Array(",{\"kind\":".utf8)
    static let term = Array(",\"term\":".utf8)
    static let matched = Array(",\"matched\":".utf8)
    static let field = Array(",\"field\":".utf8)
    static let count = Array(",\"count\":".utf8)
    static let weight = Array(",\"weight\":".utf8)
    static let contribution = Array(",\"contribution\":".utf8)
  }

  /// The passage as a JSON string with its highlights as `**`: what `Highlight.render` and then
  /// `EventLineEncoder.appendString` give, in one pass over its bytes.
  static func appendSnippet(_ snippet: String, to out: inout [UInt8]) {
    var snippet = snippet
    snippet.withUTF8 { EventLineEncoder.appendString(bytes: $0, to: &out, markers: JSONKeys.highlight) }
  }

  /// `number(_:)` written into `out`.
  static func appendNumber(_ value: Double, to out: inout [UInt8]) {
    let thousandths = Int((value * 1000).rounded())
    if thousandths < 0 { out.append(UInt8(ascii: "-")) }
    let magnitude = abs(thousandths)
    appendInteger(magnitude / 1000, to: &out)
    var fraction = magnitude % 1000
    guard fraction != 0 else { return }
    out.append(UInt8(ascii: "."))
    var digits = 3
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    // `digits` places, with leading zeros: 5 thousandths is ".005", 50 is ".05".
    var divisor = 1
    for _ in 1..<digits { divisor *= 10 }
    while divisor > 0 {
      out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
      divisor /= 10
    }
  }

  /// A non-negative integer's decimal digits written into `out`; others as `String` writes them.
  static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    guard value >= 0 else {
      out.append(contentsOf: String(value).utf8)
      return
    }
    if value < 10 {
      out.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 && count < 10 {
        buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
    }
    guard rest == 0 else {
      out.append(contentsOf: String(value).utf8)
      return
    }
    withUnsafeBytes(of: &digits) { buffer in
      for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
    }
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
