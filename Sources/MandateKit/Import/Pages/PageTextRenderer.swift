/// The text of chosen parts of a page, as paragraphs: each block (paragraph, heading, list item,
/// table row, quotation) is a paragraph; a line break inside one stays a line break, two make a new
/// paragraph; preformatted text keeps its lines; white space is collapsed as a browser shows it.
struct PageTextRenderer {
  let tree: ContentTree

  var document: HTMLDocument { tree.document }

  /// The paragraphs of the live parts of `roots`, in page order.
  func paragraphs(_ roots: [Int]) -> [String] {
    var builder = ParagraphBuilder()
    for root in roots { render(root, into: &builder) }
    return builder.finish()
  }

  func render(_ root: Int, into builder: inout ParagraphBuilder) {
    let names = document.names
    // Open elements: where each ends, whether it is a block, whether it is preformatted.
    var open: [(end: Int, block: Bool, pre: Bool)] = []
    var preDepth = 0
    var node = root
    let end = document.subtreeEnd(root)
    while node < end {
      while let last = open.last, last.end <= node {
        open.removeLast()
        if last.pre { preDepth -= 1 }
        if last.block { builder.paragraphBreak() }
      }
      guard tree.live[node] else {
        node = document.subtreeEnd(node)
        continue
      }
      if !document.isElement(node) {
        document.withTextBytes(node) { preDepth > 0 ? builder.appendPreformatted($0) : builder.append($0) }
        node += 1
        continue
      }
      let name = names[node]
      if name == "br" {
        builder.lineBreak()
      } else if name == "td" || name == "th" {
        builder.space()
      }
      let block = BoilerplatePatterns.blocks.contains(name)
      if block { builder.paragraphBreak() }
      let pre = name == "pre" || name == "listing" || name == "xmp" || name == "plaintext"
      if pre { preDepth += 1 }
      open.append((document.subtreeEnd(node), block, pre))
      node += 1
    }
    while let last = open.popLast() {
      if last.block { builder.paragraphBreak() }
    }
  }
}

/// Collects paragraphs and the lines inside them.
struct ParagraphBuilder {
  private var paragraphs: [String] = []
  private var lines: [String] = []
  private var line = CollapsedText()
  /// Line breaks in a row since the last text; two make a paragraph break.
  private var breaks = 0

  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    if !text.contains(where: { !TextMeasure.isSpace($0) }) {
      if !line.isEmpty { line.space() }
      return
    }
    breaks = 0
    line.append(text)
  }

  /// Preformatted text: its line breaks are kept.
  mutating func appendPreformatted(_ text: UnsafeBufferPointer<UInt8>) {
    var start = 0
    for index in 0..<text.count where text[index] == 0x0A {
      line.append(UnsafeBufferPointer(rebasing: text[start..<index]))
      endLine()
      start = index + 1
    }
    line.append(UnsafeBufferPointer(rebasing: text[start..<text.count]))
  }

  mutating func space() { if !line.isEmpty { line.space() } }

  mutating func lineBreak() {
    breaks += 1
    if breaks >= 2 {
      paragraphBreak()
    } else {
      endLine()
    }
  }

  private mutating func endLine() {
    if !line.isEmpty {
      // Collapsing handles ASCII spaces and no-break spaces; other Unicode spaces (U+3000, U+2003) are text
      // inside a line but not at its ends.
      let text = line.string.trimmingWhitespace
      if !text.isEmpty { lines.append(text) }
    }
    line = CollapsedText()
  }

  mutating func paragraphBreak() {
    endLine()
    if !lines.isEmpty { paragraphs.append(lines.joined(separator: "\n")) }
    lines.removeAll()
    breaks = 0
  }

  mutating func finish() -> [String] {
    paragraphBreak()
    return paragraphs
  }
}
