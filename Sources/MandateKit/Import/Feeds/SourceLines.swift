import Foundation

/// Maps XMLParser's positions back to the file, to report where an entry's start tag begins.
///
/// XMLParser reports the position of the tag's closing '>', which is a later line when attributes wrap; the
/// source is scanned back to the '<' so that the line points where a person would look.
struct SourceLines {
  private let bytes: [UInt8]
  private let lineStarts: [Int]

  init(_ data: Data) {
    bytes = Array(data)
    var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
    var offset = 0
    while let newline = firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: offset) {
      starts.append(newline + 1)
      offset = newline + 1
    }
    lineStarts = starts
  }

  /// The line of the '<' that opens the tag whose '>' XMLParser reported at `line`:`column`.
  func tagStartLine(line: Int, column: Int) -> Int {
    guard line >= 1, line <= lineStarts.count, column >= 1 else { return line }
    let start = lineStarts[line - 1]
    // libxml2 counts columns in characters; single-byte encodings make that the byte offset, so try both.
    for candidate in [scalarOffset(from: start, count: column - 1), start + column - 1] {
      guard let position = candidate, position < bytes.count, bytes[position] == UInt8(ascii: ">") else { continue }
      var result = line
      var index = position
      while index > 0 {
        index -= 1
        if bytes[index] == UInt8(ascii: "<") { return result }
        if bytes[index] == UInt8(ascii: "\n") { result -= 1 }
      }
    }
    return line
  }

  /// Whether nothing but whitespace, or the start of a character cut in half, follows `line`:`column`.
  ///
  /// An error there means the file was cut off, whatever libxml2 called it ("incomplete UTF-8 sequence",
  /// "'>' expected", …).
  func isAtEnd(line: Int, column: Int) -> Bool {
    guard line >= 1, line <= lineStarts.count, column >= 1,
      let position = scalarOffset(from: lineStarts[line - 1], count: column - 1)
    else { return false }
    let rest = bytes[min(position, bytes.count)...]
    if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return true }
    guard let lead = rest.first, lead >= 0xC0, rest.count < 4 else { return false }
    return rest.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
  }

  private func scalarOffset(from start: Int, count: Int) -> Int? {
    var position = start
    for _ in 0..<count {
      guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else { return nil }
      position += 1
      while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
    }
    return position
  }
}
