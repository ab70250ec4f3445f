/// Finds the charset a page declares in its markup before the page can be parsed: `<meta charset>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML declaration's `encoding`.
///
/// The scan reads bytes as ASCII (every encoding a page can declare this way keeps ASCII where it
/// is), skips comments, and stops at the first declaration in the first 64 KiB, as browsers' prescan
/// does (they look at 1 KiB first, then re-check while parsing; 64 KiB covers heads full of scripts).
enum MetaCharsetScanner {
  static let limit = 64 << 10

  static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let end = min(bytes.count, limit)
    if starts(bytes, at: 0, with: "<?xml"), let close = find(bytes, "?>", from: 5, end: end) {
      let attributes = Self.attributes(bytes, from: 5, end: close).attributes
      if let encoding = attributes["encoding"], !encoding.isEmpty { return encoding }
    }
    var index = 0
    while index < end {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      if starts(bytes, at: index, with: "<!--") {
        guard let close = find(bytes, "-->", from: index + 4, end: end) else { return nil }
        index = close + 3
        continue
      }
      guard starts(bytes, at: index, with: "<meta"), index + 5 < end,
        isSpace(bytes[index + 5]) || bytes[index + 5] == 0x2F
      else {
        index += 1
        continue
      }
      let (attributes, next) = Self.attributes(bytes, from: index + 5, end: end)
      if let charset = attributes["charset"], !charset.isEmpty { return charset }
      if attributes["http-equiv"]?.lowercased() == "content-type", let content = attributes["content"],
        let charset = PageCharset.charsetParameter(content)
      {
        return charset
      }
      index = next
    }
    return nil
  }

  /// The attributes of a tag whose name ends at `start`, up to its `>` (or `end`), and the index after it.
  static func attributes(_ bytes: [UInt8], from start: Int, end: Int) -> (attributes: [String: String], next: Int) {
    var result: [String: String] = [:]
    var index = start
    func skipSpaces() { while index < end, isSpace(bytes[index]) || bytes[index] == 0x2F { index += 1 } }
    while true {
      skipSpaces()
      guard index < end, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "?") else {
        return (result, min(index + 1, end))
      }
      let nameStart = index
      while index < end, !isSpace(bytes[index]), ![0x3D, 0x3E, 0x2F].contains(bytes[index]) { index += 1 }
      let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
      while index < end, isSpace(bytes[index]) { index += 1 }
      guard index < end, bytes[index] == UInt8(ascii: "=") else {
        if result[name] == nil { result[name] = "" }
        continue
      }
      index += 1
      while index < end, isSpace(bytes[index]) { index += 1 }
      var value: ArraySlice<UInt8> = []
      if index < end, bytes[index] == 0x22 || bytes[index] == 0x27 {
        let quote = bytes[index]
        let valueStart = index + 1
        index = valueStart
        while index < end, bytes[index] != quote { index += 1 }
        value = bytes[valueStart..<index]
        index = min(index + 1, end)
      } else {
        let valueStart = index
        while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        value = bytes[valueStart..<index]
      }
      // The first of a repeated attribute counts, as in browsers.
      if result[name] == nil { result[name] = String(decoding: value, as: UTF8.self).trimmingWhitespace }
    }
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

  /// Whether `literal` (lowercase ASCII) is at `index`, ignoring ASCII case.
  static func starts(_ bytes: [UInt8], at index: Int, with literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    for offset in 0..<count {
      var byte = bytes[index + offset]
      if (0x41...0x5A).contains(byte) { byte += 0x20 }
      if byte != literal.utf8Start[offset] { return false }
    }
    return true
  }

  static func find(_ bytes: [UInt8], _ literal: StaticString, from start: Int, end: Int) -> Int? {
    var index = start
    while index + literal.utf8CodeUnitCount <= end {
      if starts(bytes, at: index, with: literal) { return index }
      index += 1
    }
    return nil
  }
}
