import Foundation

/// Finds entity declarations in the DOCTYPE before XMLParser sees the file.
///
/// libxml2 as used by Foundation on Linux silently drops the text of user-declared entities (so a feed relying on
/// them would lose words without notice), never reads external ones, and refuses exponential expansion. Refusing
/// the declarations outright turns all three into one clear error and does not depend on those libxml2 details.
enum PrologScan {
  /// The first `<!ENTITY` in the internal DTD subset, with its 1-based line and column; nil when there is none.
  static func entityDeclaration(in data: Data) -> (name: String, line: Int, column: Int)? {
    let bytes = asciiCompatibleBytes(data)
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count {
      if isSpace(bytes[index]) {
        index += 1
      } else if matches(bytes, at: index, "<?") {
        index = after(bytes, "?>", from: index + 2)
      } else if matches(bytes, at: index, "<!--") {
        index = after(bytes, "-->", from: index + 4)
      } else if matches(bytes, at: index, "<!DOCTYPE") {
        return scanDoctype(bytes, from: index + 9)
      } else {
        return nil  // The root element (or garbage, which XMLParser will report).
      }
    }
    return nil
  }

  private static func scanDoctype(_ bytes: [UInt8], from start: Int) -> (name: String, line: Int, column: Int)? {
    var index = start
    var inSubset = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        index = after(bytes, byte: byte, from: index + 1)
        continue
      }
      if inSubset {
        if matches(bytes, at: index, "<!--") {
          index = after(bytes, "-->", from: index + 4)
          continue
        }
        if matches(bytes, at: index, "<?") {
          index = after(bytes, "?>", from: index + 2)
          continue
        }
        if matches(bytes, at: index, "<!ENTITY") {
          let (line, column) = position(of: index, in: bytes)
          return (entityName(bytes, from: index + 8), line, column)
        }
        if byte == UInt8(ascii: "]") { inSubset = false }
      } else if byte == UInt8(ascii: "[") {
        inSubset = true
      } else if byte == UInt8(ascii: ">") {
        return nil
      }
      index += 1
    }
    return nil
  }

  private static func entityName(_ bytes: [UInt8], from start: Int) -> String {
    var index = start
    while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "%") { index += 1 }
    var end = index
    while end < bytes.count, end - index < 64, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
      bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "'")
    {
      end += 1
    }
    let name = String(decoding: bytes[index..<end], as: UTF8.self)
    return name.isEmpty ? "?" : name
  }

  /// UTF-16 feeds are transcoded so the byte scan sees ASCII; other encodings in use for feeds are ASCII-compatible.
  private static func asciiCompatibleBytes(_ data: Data) -> [UInt8] {
    let head = Array(data.prefix(4))
    let encoding: String.Encoding?
    switch head {
    case let h where h.starts(with: [0xFF, 0xFE]) || h.starts(with: [0x3C, 0x00, 0x3F, 0x00]):
      encoding = .utf16LittleEndian
    case let h where h.starts(with: [0xFE, 0xFF]) || h.starts(with: [0x00, 0x3C, 0x00, 0x3F]):
      encoding = .utf16BigEndian
    default:
      encoding = nil
    }
    if let encoding, let text = String(data: data, encoding: encoding) {
      return Array(text.utf8)
    }
    return Array(data)
  }

  private static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<offset] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func matches(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
    // StaticString keeps this allocation-free: it runs once per byte of a prolog comment, which a hostile file
    // can make megabytes long.
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    return literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
  }

  /// The index just after the next `literal` at or after `index`, or the end when there is none.
  private static func after(_ bytes: [UInt8], _ literal: StaticString, from index: Int) -> Int {
    let first = literal.withUTF8Buffer { $0[0] }
    var index = index
    while let candidate = firstIndex(of: first, in: bytes, from: index) {
      if matches(bytes, at: candidate, literal) { return candidate + literal.utf8CodeUnitCount }
      index = candidate + 1
    }
    return bytes.count
  }

  /// The index just after the next `byte` at or after `index`, or the end when there is none.
  private static func after(_ bytes: [UInt8], byte: UInt8, from index: Int) -> Int {
    firstIndex(of: byte, in: bytes, from: index).map { $0 + 1 } ?? bytes.count
  }
}

/// The first `byte` at or after `start`, found with memchr so that scanning megabytes stays fast even in debug builds.
func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
  guard start < bytes.count else { return nil }
  return bytes.withUnsafeBufferPointer { buffer -> Int? in
    guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), buffer.count - start) else {
      return nil
    }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }
}
