import Foundation

/// The UTF-8 check that has to run before XMLParser sees a feed.
///
/// libxml2, as Foundation drives it on Linux, hands element, attribute, namespace-prefix and
/// processing-instruction names to XMLParser without checking that they are UTF-8 when it reads the file as
/// UTF-8, and XMLParser force-unwraps their conversion to String: one byte such as 0xFF in a tag name
/// (`<rss a\u{FF}="1">`, or `<\u{FF}>` alone) kills the whole `mandate import`. Found by fuzzing (Scripts/fuzz.sh,
/// target feed; regression inputs in Tests/MandateKitTests/Fixtures/fuzz/feed/). Files in other encodings are
/// converted by libxml2 (through iconv) before their names reach XMLParser, so they are left to it.
enum FeedUTF8 {
  /// The offset of the first byte that is not UTF-8 in a file libxml2 reads as UTF-8; nil when there is none
  /// or the file is in another encoding.
  ///
  /// A character cut in half at the very end is not reported: libxml2 stops before it, and the parser's
  /// truncation message ("truncated XML: missing </channel>") says more.
  static func firstInvalidByte(in data: Data) -> Int? {
    let bytes = [UInt8](data)
    guard readsAsUTF8(bytes), let bad = TextFile.firstInvalidUTF8(bytes) else { return nil }
    let rest = bytes[bad...]
    if rest.count < 4, rest.first.map({ $0 >= 0xC2 && $0 <= 0xF4 }) ?? false,
      rest.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 })
    {
      return nil
    }
    return bad
  }

  /// Whether libxml2 reads `bytes` as UTF-8: no UTF-16 or UTF-32 signature, and the XML declaration (if any)
  /// names no encoding, a Unicode one (a file of 8-bit characters declared "UTF-16" is read as UTF-8: libxml2
  /// cannot switch to a wider encoding, and the names reach XMLParser unchecked), or one that cannot be
  /// converted. A malformed declaration names none.
  static func readsAsUTF8(_ bytes: [UInt8]) -> Bool {
    let head = Array(bytes.prefix(4))
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x00])
      || head.starts(with: [0x3C, 0x00]) || head.starts(with: [0x00, 0x3C])
    {
      return false
    }
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let prolog = bytes[start..<min(bytes.count, start + 256)]
    // "<?xml" opens a declaration only when white space follows; "<?xml\u{FF}…" is a processing
    // instruction whose target libxml2 hands on unchecked, whatever encoding it names later. Found by
    // fuzzing, from the RSS 0.91 seed with its ISO-8859-1 declaration.
    guard prolog.starts(with: Array("<?xml".utf8)), prolog.count > 5,
      [0x20, 0x09, 0x0A, 0x0D].contains(prolog[prolog.startIndex + 5]),
      let close = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: start)
    else { return true }
    let declaration = String(decoding: bytes[start..<close], as: UTF8.self).lowercased()
    guard let key = declaration.range(of: "encoding") else { return true }
    let value = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let quote = value.first, quote == "\"" || quote == "'" else { return true }
    let name = String(value.dropFirst().prefix { $0 != quote })
    if ["utf", "ucs", "iso-10646", "unicode"].contains(where: { name.hasPrefix($0) }) { return true }
    // libxml2 converts a file whose declared encoding it can open (its own converters, else iconv's); one it
    // cannot open ("foo", or bytes that make no encoding name, as in "yutf\u{FC}-8") leaves the file read as
    // UTF-8, names unchecked. Found by fuzzing, after the check above first trusted any declared name.
    return !canConvert(from: name)
  }

  /// Whether `name` is an encoding name (XML's EncName) that iconv can convert to UTF-8.
  static func canConvert(from name: String) -> Bool {
    guard let first = name.first, first.isASCII, first.isLetter,
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
    else { return false }
    let converter = iconv_open("UTF-8", name)
    if converter == iconv_t(bitPattern: -1) { return false }
    iconv_close(converter)
    return true
  }
}
