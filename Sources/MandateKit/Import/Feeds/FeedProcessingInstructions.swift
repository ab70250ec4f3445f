import Foundation

/// Pads every processing instruction without data (`<?name?>`) to `<?name ?>` before XMLParser sees a feed.
///
/// libxml2 hands such an instruction to its SAX handler with a NULL data pointer, and XMLParser on Linux
/// passes that pointer to `strlen`: a feed holding `<?x?>` anywhere (`<rss><?x?></rss>`) killed `mandate
/// import` with a segmentation fault. Found by fuzzing (Scripts/fuzz.sh, target feed; the input is kept in
/// Tests/MandateKitTests/Fixtures/fuzz/feed/). XML defines an instruction's data as what follows the white
/// space after its target, so the padded instruction is the same instruction, with empty data, which libxml2
/// passes as an empty string. Nothing else changes: inside comments and CDATA sections the text gains one
/// space (a bare `<?x?>` there is vanishingly rare, and feeds' comments are never read), and the columns of
/// errors that libxml2 reports after a padded instruction are moved back by `originalColumn(line:column:)`.
///
/// The scan works in code units, so UTF-16 and UTF-32 feeds (with a byte-order mark or a `<` first) are
/// padded the same way as UTF-8 and 8-bit ones.
struct FeedProcessingInstructions {
  /// The bytes to give XMLParser: `data` itself when it holds no instruction without data.
  let data: Data
  /// Where a space was inserted, as (line, column of the space in the padded text), in file order.
  private let insertions: [(line: Int, column: Int)]

  init(padding original: Data) {
    // On the bytes in place: a feed with nothing to pad (nearly all of them) is not copied.
    (data, insertions) = original.withUnsafeBytes { raw in Self.pad(raw.bindMemory(to: UInt8.self), original) }
  }

  private static func pad(
    _ bytes: UnsafeBufferPointer<UInt8>, _ original: Data
  ) -> (data: Data, insertions: [(line: Int, column: Int)]) {
    let layout = Layout(bytes)
    let units = bytes.count / layout.width
    func ascii(_ unit: Int) -> UInt8? {
      let start = unit * layout.width
      var value: UInt8 = 0
      for index in 0..<layout.width {
        let byte = bytes[start + index]
        if index == layout.asciiIndex {
          value = byte
        } else if byte != 0 {
          return nil
        }
      }
      return value < 0x80 ? value : nil
    }
    // Unit offsets of the "?>" that closes an instruction without data.
    var closes: [Int] = []
    var unit = 0
    while unit + 1 < units {
      guard ascii(unit) == UInt8(ascii: "<"), ascii(unit + 1) == UInt8(ascii: "?") else {
        unit += 1
        continue
      }
      // The target runs to white space, "?", ">" or "<"; any other unit (non-ASCII ones too) belongs to it.
      var end = unit + 2
      while end < units {
        if let byte = ascii(end), [0x20, 0x09, 0x0A, 0x0D, 0x3F, 0x3E, 0x3C].contains(byte) { break }
        end += 1
      }
      if end > unit + 2, end + 1 < units, ascii(end) == UInt8(ascii: "?"), ascii(end + 1) == UInt8(ascii: ">") {
        closes.append(end)
      }
      unit = end
    }
    guard !closes.isEmpty else { return (original, []) }
    var space = [UInt8](repeating: 0, count: layout.width)
    space[layout.asciiIndex] = 0x20
    var padded: [UInt8] = []
    padded.reserveCapacity(bytes.count + closes.count * layout.width)
    var found: [(line: Int, column: Int)] = []
    var line = 1
    var column = 1
    var next = 0
    for unit in 0..<units {
      if next < closes.count, closes[next] == unit {
        found.append((line, column))
        padded.append(contentsOf: space)
        column += 1
        next += 1
      }
      let start = unit * layout.width
      padded.append(contentsOf: bytes[start..<start + layout.width])
      if ascii(unit) == 0x0A {
        line += 1
        column = 1
      } else if layout.width > 1 || bytes[start] & 0xC0 != 0x80 {
        column += 1
      }
    }
    padded.append(contentsOf: bytes[(units * layout.width)...])
    return (Data(padded), found)
  }

  /// The column in the original file of a position libxml2 reported in the padded text.
  func originalColumn(line: Int, column: Int) -> Int {
    column - insertions.count { $0.line == line && $0.column < column }
  }

  /// How a file's characters are laid out in code units, as libxml2 detects it from the first bytes.
  private struct Layout {
    /// Bytes per code unit: 1 (UTF-8 and 8-bit encodings), 2 (UTF-16) or 4 (UTF-32).
    var width = 1
    /// Which byte of a unit holds an ASCII character's value.
    var asciiIndex = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      let head = Array(bytes.prefix(4))
      if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || head.starts(with: [0x00, 0x00, 0x00, 0x3C]) {
        (width, asciiIndex) = (4, 3)
      } else if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || head.starts(with: [0x3C, 0x00, 0x00, 0x00]) {
        (width, asciiIndex) = (4, 0)
      } else if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C]) {
        (width, asciiIndex) = (2, 1)
      } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0x00]) {
        (width, asciiIndex) = (2, 0)
      }
    }
  }
}
