import CSV
import Foundation

/// Renders event lists (`mandate events`) and single events (`mandate show`).
public enum EventRenderer {
  public enum Format: String, CaseIterable, Sendable {
    case text, json, csv
  }

  /// The JSON shape of an event in `events --format json` and `show --format json`.
  public struct JSONEvent: Codable, Equatable, Sendable {
    public var id: String
    public var date: String?
    public var date_end: String?
    public var date_precision: String
    public var date_basis: String
    public var date_evidence: String?
    public var title: String?
    public var headline: String
    public var text: String
    public var language: String?
    public var sources: [EventSource]
    public var aliases: [String]
    public var snippet: String?
    public var rank: Double?
    /// The same event reported in another language (`show` only).
    public var linked: Linked?

    /// Another language's report of the same event.
    public struct Linked: Codable, Equatable, Sendable {
      public var id: String
      public var language: String?
      public var headline: String
    }

    public init(_ event: Event, hit: SearchHit? = nil) {
      id = event.id
      date = event.date?.description
      date_end = event.dateEnd?.description
      date_precision = event.datePrecision.rawValue
      date_basis = event.dateBasis.rawValue
      date_evidence = event.dateEvidence
      title = event.title
      headline = event.headline
      text = event.text
      language = event.language
      sources = event.sources
      aliases = event.aliases
      snippet = hit.map { Highlight.render($0.snippet, open: "**", close: "**") }
      rank = hit?.rank
    }

    private enum CodingKeys: String, CodingKey {
      case id, date, date_end, date_precision, date_basis, date_evidence, title, headline, text, language, sources
      case aliases, snippet, rank, linked
    }

    /// Dates, the title and the evidence are always present, `null` when unknown, so that scripts
    /// can rely on the keys; the search fields only appear for searches.
    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(date, forKey: .date)
      try container.encode(date_end, forKey: .date_end)
      try container.encode(date_precision, forKey: .date_precision)
      try container.encode(date_basis, forKey: .date_basis)
      try container.encode(date_evidence, forKey: .date_evidence)
      try container.encode(title, forKey: .title)
      try container.encode(headline, forKey: .headline)
      try container.encode(text, forKey: .text)
      try container.encode(language, forKey: .language)
      try container.encode(sources, forKey: .sources)
      try container.encode(aliases, forKey: .aliases)
      try container.encodeIfPresent(snippet, forKey: .snippet)
      try container.encodeIfPresent(rank, forKey: .rank)
      try container.encodeIfPresent(linked, forKey: .linked)
    }
  }

  public static func list(
    _ events: [Event], hits: [SearchHit]? = nil, abbreviations: [String: String], format: Format, width: Int,
    style: TerminalStyle
  ) throws -> String {
    switch format {
    case .json:
      let items = events.enumerated().map { JSONEvent($0.element, hit: hits?[$0.offset]) }
      return try JSON.encode(items) + "\n"
    case .csv:
      return try csv(events)
    case .text:
      guard !events.isEmpty else { return "" }
      if let hits { return searchText(hits, abbreviations: abbreviations, width: width, style: style) }
      let rows = events.map { event in
        [
          event.dateLabel, abbreviations[event.id] ?? String(event.id.prefix(8)), String(event.sources.count),
          oneLine(event.headline),
        ]
      }
      let columns = [
        TableColumn("date"), TableColumn("id"), TableColumn("src", alignment: .right),
        TableColumn("title", flexible: true),
      ]
      return TableRenderer.render(columns: columns, rows: rows, width: width)
    }
  }

  static func searchText(_ hits: [SearchHit], abbreviations: [String: String], width: Int, style: TerminalStyle)
    -> String
  {
    let (open, close) = style.enabled ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("**", "**")
    var out = ""
    for hit in hits {
      let event = hit.event
      let id = abbreviations[event.id] ?? String(event.id.prefix(8))
      let title =
        hit.markedTitle.map { Highlight.render(oneLine($0), open: open, close: close) } ?? oneLine(event.headline)
      let head = "\(event.dateLabel)  \(style.apply(.cyan, id))  "
      let indent = String(repeating: " ", count: TextWrap.visibleWidth(head))
      out += TextWrap.block(title, width: width, firstPrefix: head, indent: indent) + "\n"
      let snippet = Highlight.render(oneLine(hit.snippet), open: open, close: close)
      out += TextWrap.block(snippet, width: width, firstPrefix: "    ", indent: "    ") + "\n"
    }
    return out
  }

  static func csv(_ events: [Event]) throws -> String {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream)
    try writer.write(row: ["id", "date", "date_end", "date_precision", "title", "text", "sources", "first_source"])
    for event in events {
      let first = event.sources.first.map { $0.url ?? "\($0.file ?? ""):\($0.position ?? 0)" } ?? ""
      try writer.write(
        row: [
          event.id, event.date?.description ?? "", event.dateEnd?.description ?? "", event.datePrecision.rawValue,
          event.title ?? "", event.text, String(event.sources.count), first,
        ].map(SpreadsheetSafety.neutralize))
    }
    writer.stream.close()
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// One event in full: date and its evidence, sources, aliases and the text.
  /// One event in full; `linked` is the same event reported in another language (see `CrossLanguageLinker`).
  public static func detail(
    _ event: Event, linked: Event? = nil, format: Format, width: Int, style: TerminalStyle
  ) throws -> String {
    if format == .json {
      var json = JSONEvent(event)
      json.linked = linked.map { JSONEvent.Linked(id: $0.id, language: $0.language, headline: $0.headline) }
      return try JSON.encode(json) + "\n"
    }
    var out = style.apply(.bold, "event \(event.id)") + "\n"
    if !event.aliases.isEmpty { out += "also known as: \(event.aliases.joined(separator: ", "))\n" }
    var dateLine = "date: \(event.dateLabel)"
    if event.datePrecision != .none { dateLine += " (\(event.datePrecision.rawValue) precision" }
    switch event.dateBasis {
    case .text: dateLine += ", stated in the text: \"\(event.dateEvidence ?? "")\")"
    case .title: dateLine += ", stated in the title: \"\(event.dateEvidence ?? "")\")"
    case .published: dateLine += ", the day its source published it: the text names no day of its own)"
    case .none: dateLine += ": no date found in the text and none given by the source"
    }
    out += dateLine + "\n"
    if let language = event.language { out += "language: \(language)\n" }
    if let linked {
      out +=
        "also reported in \(linked.language ?? "another language"): \(linked.id.prefix(8)) \(oneLine(linked.headline))\n"
    }
    out += "sources (\(event.sources.count)):\n"
    for source in event.sources {
      var place = source.file.map { "\($0)\(source.position.map { ":\($0)" } ?? "")" } ?? ""
      if let url = source.url { place += place.isEmpty ? url : " \(url)" }
      let name = source.name.map { " [\($0)]" } ?? ""
      let published = source.published.map { ", published \($0)" } ?? ""
      out +=
        "  \(source.role.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(place)\(name)\(published), first seen \(source.firstSeen)\n"
      if let fetched = source.fetched {
        let kept = fetched.snapshot.map { ", kept as Snapshots/\($0.prefix(2))/\($0).gz" } ?? ""
        out += "         fetched \(fetched.at) from \(fetched.from)\(kept)\n"
      }
    }
    out += "\n"
    if let title = event.title { out += TextWrap.block(title, width: width, firstPrefix: "", indent: "") + "\n\n" }
    for paragraph in event.text.components(separatedBy: "\n\n") {
      out +=
        paragraph.split(separator: "\n").map { TextWrap.block(String($0), width: width, firstPrefix: "", indent: "") }
        .joined(separator: "\n") + "\n\n"
    }
    return String(out.dropLast())
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
  }
}

/// Protection for cells that spreadsheets would run as formulas.
public enum SpreadsheetSafety {
  /// Prefixes a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return with a
  /// quote, so that Excel and LibreOffice show it as text instead of evaluating it.
  public static func neutralize(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first else { return cell }
    return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + cell : cell
  }
}
