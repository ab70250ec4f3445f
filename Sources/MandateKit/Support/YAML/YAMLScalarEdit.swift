/// Replaces scalars of a YAML text at the positions libyaml reported, leaving every other byte as
/// it was: comments, quoting, indentation, line endings.
///
/// A hand-edited mandate is the analyst's text; sending it through an emitter would lose its
/// comments and layout, so `rename` edits the text itself. Each replacement is checked against
/// the bytes at its position first, and a scalar written in a form this does not handle (a tag,
/// an anchor, escapes, a block scalar) is refused rather than guessed at.
enum YAMLScalarEdit {
  struct Replacement: Sendable {
    /// Where libyaml saw the scalar start (an opening quote for a quoted scalar).
    var location: FileLocation
    var old: String
    var new: String
  }

  /// The scalar at `location` is not `old` written plainly or between simple quotes.
  struct Mismatch: Error, Equatable {
    var location: FileLocation
  }

  /// `text` with every replacement applied; the replaced values must not need quoting differently
  /// from the ones they replace (ids never do).
  static func apply(_ replacements: [Replacement], to text: String) throws(Mismatch) -> String {
    var bytes = Array(text.utf8)
    let lineStarts = Self.lineStarts(bytes)
    var edits: [(range: Range<Int>, new: [UInt8])] = []
    for replacement in replacements {
      guard let start = offset(of: replacement.location, in: bytes, lineStarts: lineStarts),
        let range = valueRange(of: Array(replacement.old.utf8), at: start, in: bytes)
      else { throw Mismatch(location: replacement.location) }
      edits.append((range, Array(replacement.new.utf8)))
    }
    // From the end backwards, so that earlier offsets stay valid.
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      bytes.replaceSubrange(edit.range, with: edit.new)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The byte offset where each line starts, counting line breaks as libyaml does: CR LF, CR, LF,
  /// NEL, LS and PS each end a line.
  static func lineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    var index = 0
    while index < bytes.count {
      if let length = breakLength(bytes, at: index) {
        index += length
        starts.append(index)
      } else {
        index += 1
      }
    }
    return starts
  }

  private static func breakLength(_ bytes: [UInt8], at index: Int) -> Int? {
    func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
    switch bytes[index] {
    case 0x0D: return byte(1) == 0x0A ? 2 : 1
    case 0x0A: return 1
    case 0xC2 where byte(1) == 0x85: return 2
    case 0xE2 where byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9): return 3
    default: return nil
    }
  }

  /// The byte offset of a 1-based line and column (in Unicode scalars), or nil when the line is
  /// shorter.
  static func offset(of location: FileLocation, in bytes: [UInt8], lineStarts: [Int]) -> Int? {
    guard location.line >= 1, location.line <= lineStarts.count, location.column >= 1 else { return nil }
    var index = lineStarts[location.line - 1]
    for _ in 1..<location.column {
      guard index < bytes.count, breakLength(bytes, at: index) == nil else { return nil }
      index += 1
      // Skip the continuation bytes of a multi-byte scalar.
      while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
    }
    return index
  }

  /// The bytes of the value `old` when the scalar at `start` is exactly `old`, plain or quoted.
  private static func valueRange(of old: [UInt8], at start: Int, in bytes: [UInt8]) -> Range<Int>? {
    guard start < bytes.count, !old.isEmpty else { return nil }
    let quote = bytes[start]
    let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
    let valueStart = quoted ? start + 1 : start
    let valueEnd = valueStart + old.count
    guard valueEnd <= bytes.count, Array(bytes[valueStart..<valueEnd]) == old else { return nil }
    if quoted {
      return valueEnd < bytes.count && bytes[valueEnd] == quote ? valueStart..<valueEnd : nil
    }
    // A plain scalar ends at a blank, a line break, the end, or a flow indicator.
    guard valueEnd < bytes.count else { return valueStart..<valueEnd }
    let terminators: [UInt8] = [0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")]
    let ends = terminators.contains(bytes[valueEnd]) || breakLength(bytes, at: valueEnd) != nil
    return ends ? valueStart..<valueEnd : nil
  }
}
