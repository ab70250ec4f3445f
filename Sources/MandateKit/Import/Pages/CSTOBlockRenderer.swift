/// A page's visible text as blocks, each remembering the element it came from, so that where one
/// item of a list ends and the next begins can follow the page's structure (see `CSTOHTMLPage`).
struct CSTOBlockRenderer {
  struct Block {
    var lines: [String]
    /// The innermost block element holding the text.
    var anchor: Int
  }

  let tree: ContentTree

  func blocks() -> [Block] {
    let document = tree.document
    var blocks: [Block] = []
    var lines: [String] = []
    var line = CollapsedText()
    var anchors: [(end: Int, node: Int)] = []
    var anchor = 0
    func endLine() {
      if !line.isEmpty { lines.append(line.string) }
      line = CollapsedText()
    }
    func endBlock() {
      endLine()
      if !lines.isEmpty { blocks.append(Block(lines: lines, anchor: anchor)) }
      lines.removeAll()
    }
    var node = 0
    while node < document.count {
      while let last = anchors.last, last.end <= node {
        anchors.removeLast()
        endBlock()
      }
      guard tree.live[node] else {
        node = document.subtreeEnd(node)
        continue
      }
      if document.isElement(node) {
        let name = document.names[node]
        if name == "br" {
          endLine()
        } else if name == "td" || name == "th" {
          line.space()
        }
        if BoilerplatePatterns.blocks.contains(name) {
          endBlock()
          anchors.append((document.subtreeEnd(node), node))
        }
      } else {
        if line.isEmpty && lines.isEmpty { anchor = anchors.last?.node ?? 0 }
        document.withTextBytes(node) { line.append($0) }
      }
      node += 1
    }
    endBlock()
    return blocks
  }

  /// Whether two consecutive blocks belong to different items of a list (the teasers of a news column):
  /// below the element holding both, they sit in two siblings of the same kind and class; paragraphs
  /// without a class are one item's paragraphs, not items.
  static func isItemBoundary(_ document: HTMLDocument, _ first: Int, _ second: Int) -> Bool {
    var firstPath: [Int] = [first]
    while let parent = document.parent(of: firstPath.last!) { firstPath.append(parent) }
    var child = second
    while let parent = document.parent(of: child) {
      if let index = firstPath.firstIndex(of: parent) {
        guard index > 0 else { return false }
        let other = firstPath[index - 1]
        let name = document.names[other]
        let className = document.attribute("class", of: other) ?? ""
        return name == document.names[child] && className == (document.attribute("class", of: child) ?? "")
          && (name != "p" || !className.isEmpty)
      }
      child = parent
    }
    return false
  }
}
