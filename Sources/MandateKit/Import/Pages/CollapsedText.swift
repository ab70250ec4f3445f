/// Text built from a page's text nodes the way a browser shows it: every run of white space
/// (no-break spaces included) is one space, and there is none at either end.
struct CollapsedText {
  private var bytes: [UInt8] = []
  private var pendingSpace = false

  var isEmpty: Bool { bytes.isEmpty }

  /// Appends UTF-8 text.
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    var index = 0
    let count = text.count
    while index < count {
      let byte = text[index]
      if TextMeasure.isSpace(byte) {
        pendingSpace = true
        index += 1
        continue
      }
      if byte == 0xC2, index + 1 < count, text[index + 1] == 0xA0 {
        pendingSpace = true
        index += 2
        continue
      }
      if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
      pendingSpace = false
      bytes.append(byte)
      index += 1
    }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// A word boundary without text, as between two table cells.
  mutating func space() { pendingSpace = true }

  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// The bytes with ASCII letters in lowercase.
  var asciiLowercased: [UInt8] { bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
}

/// Counts what the content scoring needs from a text node without making a string.
enum TextMeasure {
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

  /// Characters once white space is collapsed (runs inside the text count one, at the ends none), and commas
  /// of the scripts that use them (Latin, Arabic, the fullwidth and vertical forms).
  static func measure(_ text: UnsafeBufferPointer<UInt8>) -> (length: Int32, commas: Int32) {
    var length: Int32 = 0
    var commas: Int32 = 0
    var pendingSpace = false
    var index = 0
    let count = text.count
    while index < count {
      let byte = text[index]
      if isSpace(byte) || (byte == 0xC2 && index + 1 < count && text[index + 1] == 0xA0) {
        pendingSpace = true
        index += byte == 0xC2 ? 2 : 1
        continue
      }
      if byte & 0xC0 != 0x80 {
        if pendingSpace && length > 0 { length += 1 }
        pendingSpace = false
        length += 1
      }
      if byte == 0x2C {
        commas += 1
      } else if index + 1 < count, byte == 0xD8, text[index + 1] == 0x8C {
        commas += 1
      } else if index + 2 < count, isWideComma(byte, text[index + 1], text[index + 2]) {
        commas += 1
      }
      index += 1
    }
    return (length, commas)
  }

  /// U+FF0C, U+FE50, U+FE10, U+FE11, U+2E41, U+2E34, U+2E32 in UTF-8.
  private static func isWideComma(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
    switch (a, b, c) {
    case (0xEF, 0xBC, 0x8C), (0xEF, 0xB9, 0x90), (0xEF, 0xB8, 0x90), (0xEF, 0xB8, 0x91), (0xE2, 0xB9, 0x81),
      (0xE2, 0xB8, 0xB4), (0xE2, 0xB8, 0xB2):
      return true
    default: return false
    }
  }
}
