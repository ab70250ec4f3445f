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
  /// converted. A declaration that is not well-formed counts as naming none: the file is checked, and since
  /// such a declaration fails the parse anyway, checking costs nothing but the wording of its error. (Found by
  /// fuzzing: "<?xml\u{FF}…" and "<?xml version=on=…" named ISO-8859-1 and were read as UTF-8 unchecked.)
  static func readsAsUTF8(_ bytes: [UInt8]) -> Bool {
    let head = Array(bytes.prefix(4))
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x00])
      || head.starts(with: [0x3C, 0x00]) || head.starts(with: [0x00, 0x3C])
    {
      return false
    }
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard let name = XMLDeclaration(bytes, at: start)?.encoding?.lowercased() else { return true }
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

/// A well-formed XML declaration (XML 1.0 §2.8): `<?xml` S `version` Eq '1.x' [S `encoding` Eq 'name']
/// [S `standalone` Eq 'yes'|'no'] S? `?>`; nil when the bytes at `start` are anything else.
struct XMLDeclaration {
  var encoding: String?

  init?(_ bytes: [UInt8], at start: Int) {
    var index = start
    func literal(_ text: String) -> Bool {
      let expected = Array(text.utf8)
      guard bytes[index...].starts(with: expected) else { return false }
      index += expected.count
      return true
    }
    func spaces() -> Bool {
      let from = index
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
      return index > from
    }
    func quoted(_ valid: (ArraySlice<UInt8>) -> Bool) -> String? {
      _ = spaces()
      guard literal("=") else { return nil }
      _ = spaces()
      guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { return nil }
      let quote = bytes[index]
      let from = index + 1
      guard let end = bytes[from...].firstIndex(of: quote), valid(bytes[from..<end]) else { return nil }
      index = end + 1
      return String(decoding: bytes[from..<end], as: UTF8.self)
    }
    func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    guard literal("<?xml"), spaces(), literal("version"),
      quoted({ $0.starts(with: [0x31, 0x2E]) && $0.count > 2 && $0.dropFirst(2).allSatisfy(isDigit) }) != nil
    else { return nil }
    var gap = spaces()
    if gap, literal("encoding") {
      encoding = quoted { name in
        guard let first = name.first, isLetter(first) else { return false }
        return name.allSatisfy { isLetter($0) || isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
      }
      guard encoding != nil else { return nil }
      gap = spaces()
    }
    if gap, literal("standalone") {
      guard quoted({ Array($0) == Array("yes".utf8) || Array($0) == Array("no".utf8) }) != nil else { return nil }
      _ = spaces()
    }
    guard literal("?>") else { return nil }
  }
}
