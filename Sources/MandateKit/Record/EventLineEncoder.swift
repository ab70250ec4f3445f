/// Writes an event as the one JSON line stored in `Events/`, byte for byte what `JSONEncoder`
/// with sorted keys and unescaped slashes writes (a test checks this), several times faster,
/// because an import writes every event it creates.
enum EventLineEncoder {
  static func encode(_ event: Event) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(event.text.utf8.count + (event.title?.utf8.count ?? 0) + 256 * max(event.sources.count, 1))
    out.append(UInt8(ascii: "{"))
    var first = true
    func key(_ name: StaticString) {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      out.append(UInt8(ascii: "\""))
      name.withUTF8Buffer { out.append(contentsOf: $0) }
      out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }
    key("aliases")
    out.append(UInt8(ascii: "["))
    for (index, alias) in event.aliases.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      appendString(alias, to: &out)
    }
    out.append(UInt8(ascii: "]"))
    if let date = event.date {
      key("date")
      appendString(date.description, to: &out)
    }
    key("date_basis")
    appendString(event.dateBasis.rawValue, to: &out)
    if let end = event.dateEnd {
      key("date_end")
      appendString(end.description, to: &out)
    }
    if let evidence = event.dateEvidence {
      key("date_evidence")
      appendString(evidence, to: &out)
    }
    key("date_precision")
    appendString(event.datePrecision.rawValue, to: &out)
    key("id")
    appendString(event.id, to: &out)
    if let language = event.language {
      key("language")
      appendString(language, to: &out)
    }
    key("sources")
    appendSources(event.sources, to: &out)
    key("text")
    appendString(event.text, to: &out)
    if let title = event.title {
      key("title")
      appendString(title, to: &out)
    }
    out.append(UInt8(ascii: "}"))
    return out
  }

  /// The sources array alone, as the index stores it.
  static func encode(sources: [EventSource]) -> String {
    var out: [UInt8] = []
    appendSources(sources, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// A JSON array of strings, as the index stores aliases.
  static func encode(strings: [String]) -> String {
    var out: [UInt8] = [UInt8(ascii: "[")]
    for (index, string) in strings.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      appendString(string, to: &out)
    }
    out.append(UInt8(ascii: "]"))
    return String(decoding: out, as: UTF8.self)
  }

  static func appendSources(_ sources: [EventSource], to out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    for (index, source) in sources.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      var first = true
      func key(_ name: StaticString) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        first = false
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
      }
      if let fetched = source.fetched {
        key("fetched")
        out.append(contentsOf: Array(#"{"at":"#.utf8))
        appendString(fetched.at, to: &out)
        out.append(contentsOf: Array(#","from":"#.utf8))
        appendString(fetched.from, to: &out)
        if let snapshot = fetched.snapshot {
          out.append(contentsOf: Array(#","snapshot":"#.utf8))
          appendString(snapshot, to: &out)
        }
        out.append(UInt8(ascii: "}"))
      }
      if let file = source.file {
        key("file")
        appendString(file, to: &out)
      }
      key("first_seen")
      appendString(source.firstSeen.description, to: &out)
      if let name = source.name {
        key("name")
        appendString(name, to: &out)
      }
      if let position = source.position {
        key("position")
        out.append(contentsOf: String(position).utf8)
      }
      if let published = source.published {
        key("published")
        appendString(published.description, to: &out)
      }
      key("role")
      appendString(source.role.rawValue, to: &out)
      if let url = source.url {
        key("url")
        appendString(url, to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
    out.append(UInt8(ascii: "]"))
  }

  /// A JSON string literal, escaped as `JSONEncoder` escapes: `\"`, `\\`, `\b \f \n \r \t`, and
  /// other control characters as `\u00XX`; everything else raw UTF-8.
  static func appendString(_ string: String, to out: inout [UInt8]) {
    var string = string
    string.withUTF8 { appendString(bytes: $0, to: &out) }
  }

  /// `appendString` on UTF-8 bytes; with `markers`, `Highlight`'s markers (bytes 02 and 03) are
  /// written as those bytes instead of being escaped (a passage's highlights as `**`).
  static func appendString(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], markers: [UInt8]? = nil) {
    out.append(UInt8(ascii: "\""))
    var runStart = 0
    for index in 0..<bytes.count {
      let byte = bytes[index]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
      if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
      runStart = index + 1
      if let markers, byte == 0x02 || byte == 0x03 {
        out.append(contentsOf: markers)
        continue
      }
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      default:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
      }
    }
    if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    out.append(UInt8(ascii: "\""))
  }
}
