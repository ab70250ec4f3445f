/// Which character encoding a saved or fetched page is in, and how that was decided.
///
/// Browsers decide in this order: a byte-order mark, the HTTP `Content-Type` charset, then a
/// `<meta charset>` or `http-equiv` declaration near the top, then a guess. Declarations are often
/// wrong in one way: a page re-saved as UTF-8 keeps its old `windows-1251` or `ISO-8859-1` meta, or
/// a server adds a default charset to every response. Bytes that are valid UTF-8 with non-ASCII
/// characters in them are practically never text in a single-byte encoding, so such a page is read as
/// UTF-8 whatever it declares; every other declaration is followed.
struct PageCharset: Equatable, Sendable {
  /// The encoding's name as iconv knows it ("UTF-8", "WINDOWS-1251", "KOI8-R", "UTF-16LE", …).
  var name: String
  /// Where the decision came from, for messages: "byte-order mark", "HTTP header", "<meta> declaration",
  /// "the bytes (valid UTF-8)" or "a guess from the bytes".
  var source: String
  /// Bytes to skip at the start (a byte-order mark).
  var skip: Int

  static let utf8 = "UTF-8"

  /// The encoding of `bytes`, given the HTTP `Content-Type` header when the page was fetched.
  static func detect(_ bytes: [UInt8], contentType: String?) -> PageCharset {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return PageCharset(name: utf8, source: "byte-order mark", skip: 3) }
    if bytes.starts(with: [0xFF, 0xFE]) { return PageCharset(name: "UTF-16LE", source: "byte-order mark", skip: 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return PageCharset(name: "UTF-16BE", source: "byte-order mark", skip: 2) }
    if let sixteen = utf16WithoutMark(bytes) {
      return PageCharset(name: sixteen, source: "the bytes (UTF-16)", skip: 0)
    }
    let validity = UTF8Validity(bytes)
    if validity == .validWithNonASCII { return PageCharset(name: utf8, source: "the bytes (valid UTF-8)", skip: 0) }
    let declared: [(String?, String)] = [
      (contentType.flatMap(charsetParameter).flatMap(canonicalName), "HTTP header"),
      (MetaCharsetScanner.declaredCharset(bytes).flatMap(canonicalName), "<meta> declaration"),
    ]
    for case (let name?, let source) in declared {
      // A page that says UTF-8 but is not valid UTF-8 was converted without its declaration: guess.
      if name == utf8 && validity == .invalid { continue }
      return PageCharset(name: name, source: source, skip: 0)
    }
    if validity != .invalid { return PageCharset(name: utf8, source: "the bytes (valid UTF-8)", skip: 0) }
    return PageCharset(name: guessSingleByte(bytes), source: "a guess from the bytes", skip: 0)
  }

  /// The `charset` parameter of a `Content-Type` value ("text/html; charset=windows-1251").
  static func charsetParameter(_ contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let parts = parameter.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, String(parts[0]).trimmingWhitespace.lowercased() == "charset" else { continue }
      let value = String(parts[1]).trimmingWhitespace.trimmingCharacters(in: ["\"", "'"])
      return value.isEmpty ? nil : value
    }
    return nil
  }

  /// The iconv name for an encoding label as pages write it, following the WHATWG Encoding standard's
  /// labels (so "latin1" and "ascii" mean windows-1252, and "gb2312" its superset GB18030); nil for an
  /// unknown label. A `<meta>` saying UTF-16 cannot be right (it was read as ASCII), so it means UTF-8.
  static func canonicalName(_ label: String) -> String? {
    let key = label.trimmingWhitespace.lowercased()
    if let name = labels[key] { return name }
    for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_"] where key.hasPrefix(prefix) {
      if let number = Int(key.dropFirst(prefix.count)), (2...16).contains(number), number != 12 {
        return number == 9 ? "WINDOWS-1254" : "ISO-8859-\(number)"
      }
    }
    if key.hasPrefix("windows-125") || key.hasPrefix("cp125") || key.hasPrefix("x-cp125") {
      if let digit = key.last?.wholeNumberValue, key.dropLast().hasSuffix("125") { return "WINDOWS-125\(digit)" }
    }
    return nil
  }

  static let labels: [String: String] = [
    "utf-8": utf8, "utf8": utf8, "unicode-1-1-utf-8": utf8, "unicode11utf8": utf8, "unicode20utf8": utf8,
    "x-unicode20utf8": utf8, "utf-16": utf8, "utf-16le": utf8, "utf-16be": utf8, "unicode": utf8,
    "iso-8859-1": "WINDOWS-1252", "iso8859-1": "WINDOWS-1252", "latin1": "WINDOWS-1252", "l1": "WINDOWS-1252",
    "us-ascii": "WINDOWS-1252", "ascii": "WINDOWS-1252", "iso_8859-1": "WINDOWS-1252", "cp819": "WINDOWS-1252",
    "ibm819": "WINDOWS-1252", "iso-ir-100": "WINDOWS-1252", "x-cp1252": "WINDOWS-1252",
    "koi8-r": "KOI8-R", "koi8_r": "KOI8-R", "koi8": "KOI8-R", "koi": "KOI8-R", "cskoi8r": "KOI8-R",
    "koi8-u": "KOI8-U", "koi8-ru": "KOI8-U", "ibm866": "IBM866", "cp866": "IBM866", "866": "IBM866",
    "csibm866": "IBM866", "x-mac-cyrillic": "MAC-CYRILLIC", "x-mac-ukrainian": "MAC-CYRILLIC",
    "macintosh": "MACINTOSH", "mac": "MACINTOSH", "x-mac-roman": "MACINTOSH", "csmacintosh": "MACINTOSH",
    "latin2": "ISO-8859-2", "latin3": "ISO-8859-3", "latin4": "ISO-8859-4", "cyrillic": "ISO-8859-5",
    "arabic": "ISO-8859-6", "greek": "ISO-8859-7", "hebrew": "ISO-8859-8", "latin5": "WINDOWS-1254",
    "latin6": "ISO-8859-10", "latin9": "ISO-8859-15", "tis-620": "WINDOWS-874", "windows-874": "WINDOWS-874",
    "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "ms_kanji": "CP932", "x-sjis": "CP932",
    "windows-31j": "CP932", "csshiftjis": "CP932", "euc-jp": "EUC-JP", "x-euc-jp": "EUC-JP",
    "iso-2022-jp": "ISO-2022-JP", "gbk": "GB18030", "gb2312": "GB18030", "gb_2312-80": "GB18030",
    "x-gbk": "GB18030", "chinese": "GB18030", "csgb2312": "GB18030", "gb18030": "GB18030",
    "big5": "BIG5-HKSCS", "big5-hkscs": "BIG5-HKSCS", "x-x-big5": "BIG5-HKSCS", "cn-big5": "BIG5-HKSCS",
    "euc-kr": "CP949", "ks_c_5601-1987": "CP949", "windows-949": "CP949", "korean": "CP949",
  ]

  /// "UTF-16LE"/"UTF-16BE" when the page starts with `<` encoded as UTF-16 without a byte-order mark.
  static func utf16WithoutMark(_ bytes: [UInt8]) -> String? {
    guard bytes.count >= 4 else { return nil }
    if bytes[0] == UInt8(ascii: "<") && bytes[1] == 0 && bytes[3] == 0 { return "UTF-16LE" }
    if bytes[0] == 0 && bytes[1] == UInt8(ascii: "<") && bytes[2] == 0 { return "UTF-16BE" }
    return nil
  }

  /// A single-byte encoding for undeclared text that is not UTF-8: Cyrillic when most letters are
  /// high bytes (windows-1251 or KOI8-R by which half holds the lowercase letters, which dominate
  /// running text), otherwise windows-1252.
  static func guessSingleByte(_ bytes: [UInt8]) -> String {
    var ascii = 0
    var lowerHalf = 0
    var upperHalf = 0
    for byte in bytes.prefix(1 << 20) {
      switch byte {
      case 0x41...0x5A, 0x61...0x7A: ascii += 1
      case 0xC0...0xDF: lowerHalf += 1
      case 0xE0...0xFF: upperHalf += 1
      default: break
      }
    }
    // Markup is ASCII letters too; Cyrillic text still brings far more high bytes than a Western page.
    guard lowerHalf + upperHalf > ascii / 4 else { return "WINDOWS-1252" }
    return upperHalf >= lowerHalf ? "WINDOWS-1251" : "KOI8-R"
  }
}

/// Whether bytes are UTF-8, and whether they hold anything beyond ASCII.
///
/// A page cut off mid-character, or with one stray byte pasted in, is still UTF-8: a few bad bytes
/// among many good multi-byte characters count as valid (they decode to U+FFFD).
enum UTF8Validity {
  case ascii, validWithNonASCII, invalid

  init(_ bytes: [UInt8]) {
    guard bytes.contains(where: { $0 >= 0x80 }) else {
      self = .ascii
      return
    }
    if TextFile.firstInvalidUTF8(bytes) == nil {
      self = .validWithNonASCII
      return
    }
    var multiByte = 0
    var invalid = 0
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    decoding: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): if encoded.count > 1 { multiByte += 1 }
      case .error: invalid += 1
      case .emptyInput: break decoding
      }
    }
    self = invalid == 0 || (multiByte > 0 && invalid * 50 <= multiByte) ? .validWithNonASCII : .invalid
  }
}
