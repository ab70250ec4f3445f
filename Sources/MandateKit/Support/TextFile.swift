import Foundation

/// Reads a user's text file, turning the ways it can fail to be text into diagnostics.
public enum TextFile {
  /// The file's text, or a diagnostic when it cannot be read, is empty (when `allowEmpty` is
  /// false), holds a NUL byte, or is not valid UTF-8. A leading byte-order mark is dropped.
  public static func read(_ url: URL, displayPath: String, allowEmpty: Bool = false) -> Result<String, Diagnostic> {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return .failure(
        .error(
          "unreadable-file", "cannot read file: \(describe(error))",
          at: FileLocation(file: displayPath, line: 1, column: 1)))
    }
    return decode(data, displayPath: displayPath, allowEmpty: allowEmpty)
  }

  public static func decode(_ data: Data, displayPath: String, allowEmpty: Bool = false) -> Result<String, Diagnostic> {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if !allowEmpty && bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return .failure(.error("empty-file", "file is empty", at: FileLocation(file: displayPath, line: 1, column: 1)))
    }
    if let nul = bytes.firstIndex(of: 0) {
      let position = TextPosition.of(byteOffset: nul, in: bytes)
      return .failure(
        .error(
          "binary-file", "file is not text: it holds a NUL byte",
          at: FileLocation(file: displayPath, line: position.line, column: position.column)))
    }
    if let bad = firstInvalidUTF8(bytes) {
      let position = TextPosition.of(byteOffset: bad, in: bytes)
      return .failure(
        .error(
          "invalid-utf8", String(format: "file is not valid UTF-8: byte 0x%02X at offset %d", bytes[bad], bad),
          at: FileLocation(file: displayPath, line: position.line, column: position.column)))
    }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; upper = 0x9F
      case 0xF0: length = 4; lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; upper = 0x8F
      default: return index
      }
      guard index + length <= count else { return index }
      for offset in 1..<length {
        let byte = bytes[index + offset]
        let (low, high) = offset == 1 ? (lower, upper) : (0x80, 0xBF)
        if byte < low || byte > high { return index }
      }
      index += length
    }
    return nil
  }

  static func describe(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
    if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError { return "permission denied" }
    return nsError.localizedDescription
  }
}

/// Converts byte offsets into 1-based line and column (columns in Unicode scalars).
public enum TextPosition {
  public static func of(byteOffset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = 0
    let end = min(byteOffset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return (line, column)
  }

  public static func of(byteOffset: Int, in text: String) -> (line: Int, column: Int) {
    of(byteOffset: byteOffset, in: Array(text.utf8))
  }
}
