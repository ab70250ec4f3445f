import Foundation

/// The HTML entities that RSS 0.91 feeds may use because Netscape's DTD declares them.
///
/// An RSS 0.91 feed names `http://my.netscape.com/publish/formats/rss-0.91.dtd` in its DOCTYPE, and that
/// DTD declares the ISO Latin-1 entities (`&eacute;`, `&nbsp;`, `&copy;`…), so such feeds write them bare.
/// The parser never reads external DTDs (they are a way to reach the network and the disk), so libxml2
/// would call them undeclared. For a feed that names that DTD, and only for one, each such reference
/// outside comments and CDATA sections becomes the numeric reference of the same character before
/// XMLParser sees the file, padded with leading zeros to the same length when it fits, so that error
/// columns stay where they were.
enum FeedEntities {
  /// `data` with Latin-1 entity references made numeric when its DOCTYPE names Netscape's RSS 0.91 DTD;
  /// nil when it does not (or is not in an ASCII-compatible encoding), so that it is parsed as it is.
  static func expandingRSS091Entities(in data: Data) -> Data? {
    guard namesRSS091DTD([UInt8](data.prefix(4096))) else { return nil }
    let bytes = [UInt8](data)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<"), let end = skippedSectionEnd(bytes, at: index) {
        out.append(contentsOf: bytes[index..<end])
        index = end
        continue
      }
      if byte == UInt8(ascii: "&"), let (replacement, end) = numericReference(bytes, at: index) {
        out.append(contentsOf: replacement)
        index = end
        continue
      }
      out.append(byte)
      index += 1
    }
    return Data(out)
  }

  /// Whether the DOCTYPE before the root element names the RSS 0.91 DTD (by its public id or its file).
  static func namesRSS091DTD(_ bytes: [UInt8]) -> Bool {
    let head = bytes.prefix(4096)
    guard head.first != 0xFF, head.first != 0xFE, head.first != 0x00, !(head.count > 1 && head[1] == 0x00),
      let start = find(Array("<!DOCTYPE".utf8), in: head)
    else { return false }
    let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
    let doctype = String(decoding: head[start..<end], as: UTF8.self)
    return doctype.contains("rss-0.91.dtd") || doctype.contains("DTD RSS 0.91")
  }

  /// The end of a comment or CDATA section starting at `index`, whose text is left alone.
  private static func skippedSectionEnd(_ bytes: [UInt8], at index: Int) -> Int? {
    for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>")] {
      let opening = Array(open.utf8)
      guard bytes[index...].starts(with: opening) else { continue }
      let rest = bytes[(index + opening.count)...]
      guard let found = find(Array(close.utf8), in: rest) else { return bytes.count }
      return found + close.utf8.count
    }
    return nil
  }

  /// "&eacute;" at `index` as "&#0233;" (same length when it fits), with the index after it.
  private static func numericReference(_ bytes: [UInt8], at index: Int) -> ([UInt8], Int)? {
    var end = index + 1
    while end < bytes.count, end - index <= 8, bytes[end] < 0x80,
      Character(UnicodeScalar(bytes[end])).isLetter
        || Character(UnicodeScalar(bytes[end])).isNumber
    {
      end += 1
    }
    guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1,
      let code = HTMLEntities.latin1Codes[String(decoding: bytes[(index + 1)..<end], as: UTF8.self)]
    else { return nil }
    let length = end + 1 - index
    let digits = String(code)
    let padded = String(repeating: "0", count: max(0, length - 3 - digits.count)) + digits
    return (Array("&#\(padded);".utf8), end + 1)
  }

  private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
    guard let first = needle.first else { return nil }
    var index = haystack.startIndex
    while let candidate = haystack[index...].firstIndex(of: first) {
      if haystack[candidate...].starts(with: needle) { return candidate }
      index = candidate + 1
    }
    return nil
  }
}
