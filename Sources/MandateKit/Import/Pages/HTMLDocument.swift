import CHTMLParser

/// A parsed HTML page: its elements and text in document order.
///
/// libxml2's HTML parser (the one browsers' tolerance is measured against in lxml, and so in
/// trafilatura) builds the tree; this type copies it into flat arrays so that the extractor walks
/// indices instead of pointers and never sees libxml2's types. Element and attribute names are
/// lowercase; entities are decoded; text is UTF-8.
final class HTMLDocument {
  /// One node: an element or a run of text. Links are indices into `nodes`, -1 for none.
  struct Node {
    var isElement: Bool
    var parent: Int32
    var firstChild: Int32
    var nextSibling: Int32
    /// The 1-based source line (0 when libxml2 did not know it).
    var line: Int32
    var value: Range<Int>
    var attributes: Range<Int>
  }

  let nodes: [Node]
  /// Element names ("" for text nodes), kept as strings because every rule compares them.
  let names: [String]
  /// For each node, one past its last descendant.
  private let ends: [Int32]
  private let attributeNames: [String]
  private let attributeValues: [Range<Int>]
  private let bytes: [UInt8]

  /// Parses UTF-8 bytes; nil only when the page is too large for the parser (2 GB) or memory ran out.
  init?(utf8: [UInt8]) {
    guard
      let parsed = utf8.withUnsafeBufferPointer({ buffer in
        buffer.withMemoryRebound(to: CChar.self) { mandate_html_parse($0.baseAddress, $0.count) }
      })
    else { return nil }
    defer { mandate_html_free(parsed) }
    let document = parsed.pointee
    bytes =
      document.strings_length == 0
      ? []
      : Array(
        UnsafeBufferPointer(
          start: UnsafeRawPointer(document.strings).assumingMemoryBound(to: UInt8.self), count: document.strings_length)
      )
    let attributes = UnsafeBufferPointer(start: document.attributes, count: document.attribute_count)
    var names: [String] = []
    var values: [Range<Int>] = []
    names.reserveCapacity(attributes.count)
    values.reserveCapacity(attributes.count)
    for attribute in attributes {
      let name = Int(attribute.name_offset)..<Int(attribute.name_offset + attribute.name_length)
      names.append(Self.string(bytes, name))
      values.append(Int(attribute.value_offset)..<Int(attribute.value_offset + attribute.value_length))
    }
    attributeNames = names
    attributeValues = values
    let raw = UnsafeBufferPointer(start: document.nodes, count: document.node_count)
    var nodes: [Node] = []
    var nodeNames: [String] = []
    nodes.reserveCapacity(raw.count)
    nodeNames.reserveCapacity(raw.count)
    for node in raw {
      let isElement = node.kind == Int32(MANDATE_HTML_ELEMENT)
      let value = Int(node.value_offset)..<Int(node.value_offset + node.value_length)
      let attributes = Int(node.attributes_start)..<Int(node.attributes_start + node.attributes_count)
      nodes.append(
        Node(
          isElement: isElement, parent: node.parent, firstChild: node.first_child, nextSibling: node.next_sibling,
          line: node.line, value: value, attributes: attributes))
      nodeNames.append(isElement ? Self.string(bytes, value) : "")
    }
    // In document order a parent comes before its children, so its end is known when theirs is needed.
    var ends = [Int32](repeating: Int32(nodes.count), count: nodes.count)
    for index in nodes.indices {
      let node = nodes[index]
      ends[index] =
        node.nextSibling >= 0 ? node.nextSibling : node.parent >= 0 ? ends[Int(node.parent)] : Int32(nodes.count)
    }
    self.nodes = nodes
    self.names = nodeNames
    self.ends = ends
  }

  private static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }

  var count: Int { nodes.count }

  func isElement(_ node: Int) -> Bool { nodes[node].isElement }

  /// The text of a text node (for an element: its name).
  func text(_ node: Int) -> String { Self.string(bytes, nodes[node].value) }

  /// Calls `body` with the UTF-8 bytes of a text node, without making a string.
  func withTextBytes<Result>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[nodes[node].value])) }
  }

  /// The value of attribute `name` (lowercase) of an element, or nil.
  func attribute(_ name: String, of node: Int) -> String? {
    for index in nodes[node].attributes where attributeNames[index] == name {
      return Self.string(bytes, attributeValues[index])
    }
    return nil
  }

  /// Whether an element has attribute `name`, whatever its value.
  func hasAttribute(_ name: String, _ node: Int) -> Bool {
    nodes[node].attributes.contains { attributeNames[$0] == name }
  }

  /// Every attribute of an element, in source order.
  func attributes(of node: Int) -> [(name: String, value: String)] {
    nodes[node].attributes.map { (attributeNames[$0], Self.string(bytes, attributeValues[$0])) }
  }

  /// The children of a node, in order.
  func children(of node: Int) -> ChildSequence { ChildSequence(nodes: nodes, next: nodes[node].firstChild) }

  /// The element children of a node.
  func elementChildren(of node: Int) -> [Int] { children(of: node).filter { nodes[$0].isElement } }

  /// The parent of a node, or nil for a top-level one.
  func parent(of node: Int) -> Int? {
    let parent = nodes[node].parent
    return parent < 0 ? nil : Int(parent)
  }

  /// One past the last descendant of `node`: in document order a subtree is a contiguous range.
  func subtreeEnd(_ node: Int) -> Int { Int(ends[node]) }

  /// Elements named `name`, in document order, within `node`'s subtree (the whole page by default).
  func elements(named name: String, in node: Int? = nil) -> [Int] {
    let range = node.map { $0..<subtreeEnd($0) } ?? 0..<nodes.count
    return range.filter { names[$0] == name }
  }

  /// The first element named `name`.
  func first(_ name: String) -> Int? { names.firstIndex(of: name) }

  /// Whether `ancestor` is `node` or one of its ancestors.
  func contains(_ ancestor: Int, _ node: Int) -> Bool {
    ancestor <= node && node < subtreeEnd(ancestor)
  }

  /// The text of a subtree with whitespace runs collapsed to single spaces and trimmed; scripts and
  /// styles are left out.
  func textContent(_ node: Int) -> String {
    var text = CollapsedText()
    for index in node..<subtreeEnd(node) where !nodes[index].isElement {
      if let parent = parent(of: index), Self.codeElements.contains(names[parent]) { continue }
      withTextBytes(index) { text.append($0) }
    }
    return text.string
  }

  /// Elements whose text is code for the browser, never shown.
  static let codeElements: Set<String> = ["script", "style", "template", "noscript"]

  /// Iterates over sibling nodes by index.
  struct ChildSequence: Sequence, IteratorProtocol {
    let nodes: [Node]
    var following: Int32

    init(nodes: [Node], next: Int32) {
      self.nodes = nodes
      following = next
    }

    mutating func next() -> Int? {
      guard following >= 0 else { return nil }
      defer { following = nodes[Int(following)].nextSibling }
      return Int(following)
    }
  }
}
