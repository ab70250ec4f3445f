import Foundation

/// Text from news made safe to print: a title can carry control characters (ESC sequences that
/// clear the screen or set the terminal's title, BEL, NUL) that a terminal would obey. The
/// record keeps them verbatim; everything mandate prints or writes as text shows each one as
/// its visible Unicode symbol (ESC as ␛, NUL as ␀, DEL as ␡) instead. Tab, newline and carriage
/// return stay. Bidirectional and zero-width characters are text, and stay as they are.
public enum TerminalSafety {
  /// `text` with control characters made visible; with `keepingStyle`, the colour sequences
  /// (`ESC [ digits ; … m`) that mandate's own styling writes are kept.
  public static func neutralize(_ text: String, keepingStyle: Bool = false) -> String {
    guard text.containsUTF8Byte(where: needsPicture) else { return text }
    return String(decoding: neutralize(bytes: Array(text.utf8), keepingStyle: keepingStyle), as: UTF8.self)
  }

  /// `neutralize(_:keepingStyle:)` on UTF-8 bytes; returns `utf8` itself when nothing changes.
  public static func neutralize(bytes utf8: [UInt8], keepingStyle: Bool = false) -> [UInt8] {
    guard utf8.contains(where: needsPicture) else { return utf8 }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 16)
    var index = 0
    while index < utf8.count {
      let byte = utf8[index]
      if keepingStyle, byte == 0x1B, let end = styleSequenceEnd(utf8, from: index) {
        out.append(contentsOf: utf8[index...end])
        index = end + 1
        continue
      }
      if needsPicture(byte) {
        // U+2400 + byte for C0 controls, U+2421 for DEL: three bytes of UTF-8 each.
        let scalar = byte == 0x7F ? 0x2421 : 0x2400 + UInt32(byte)
        out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
      } else {
        out.append(byte)
      }
      index += 1
    }
    return out
  }

  private static func needsPicture(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
  }

  /// The index of the `m` ending an SGR sequence starting at `start`, if there is one.
  private static func styleSequenceEnd(_ bytes: [UInt8], from start: Int) -> Int? {
    guard start + 2 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
    var index = start + 2
    while index < bytes.count, index - start < 24 {
      let byte = bytes[index]
      if byte == UInt8(ascii: "m") { return index }
      guard (0x30...0x39).contains(byte) || byte == UInt8(ascii: ";") else { return nil }
      index += 1
    }
    return nil
  }
}
