/// A page's tree as the main-text extractor works on it: which nodes are still in, and how much text,
/// link text and how many commas each element holds.
///
/// Removing a node removes its subtree; the statistics are recomputed in one backward pass (children
/// come after their parents in document order), so every rule sees the tree as it stands.
final class ContentTree {
  let document: HTMLDocument
  /// Nodes taken out, with their subtrees.
  var removed: [Bool]
  /// The raw `class` of each element ("" when absent), to tell siblings of one kind.
  let classes: [String]
  /// The boilerplate word lists found in each element's class and in its id.
  let classWords: [ClassWords]
  let idWords: [ClassWords]
  /// Characters of collapsed text in each node's subtree (live nodes only).
  private(set) var textLength: [Int32]
  /// Characters of text inside links; in-page links (`href="#…"`) count 0.3 of theirs.
  private(set) var linkLength: [Double]
  private(set) var commas: [Int32]
  /// Whether each node and all its ancestors are in.
  private(set) var live: [Bool]

  /// Per text node: collapsed length and commas, which never change.
  private let ownLength: [Int32]
  private let ownCommas: [Int32]
  /// Per node: the weight of the innermost enclosing link (0 outside links).
  private let linkWeight: [Double]

  init(_ document: HTMLDocument) {
    self.document = document
    let count = document.count
    var classes = [String](repeating: "", count: count)
    var classWords = [ClassWords](repeating: [], count: count)
    var idWords = [ClassWords](repeating: [], count: count)
    var lengths = [Int32](repeating: 0, count: count)
    var commas = [Int32](repeating: 0, count: count)
    var linkWeight = [Double](repeating: 0, count: count)
    for node in 0..<count {
      if let parent = document.parent(of: node) { linkWeight[node] = linkWeight[parent] }
      if document.isElement(node) {
        classes[node] = document.attribute("class", of: node) ?? ""
        classWords[node] = ClassWords(of: classes[node])
        idWords[node] = ClassWords(of: document.attribute("id", of: node) ?? "")
        if document.names[node] == "a" {
          let href = document.attribute("href", of: node) ?? ""
          linkWeight[node] = href.hasPrefix("#") ? 0.3 : 1
        }
      } else if let parent = document.parent(of: node), HTMLDocument.codeElements.contains(document.names[parent]) {
        // Scripts and styles are never text; their often long content is not measured.
        continue
      } else {
        (lengths[node], commas[node]) = document.withTextBytes(node, TextMeasure.measure)
      }
    }
    self.classes = classes
    self.classWords = classWords
    self.idWords = idWords
    self.linkWeight = linkWeight
    ownLength = lengths
    ownCommas = commas
    removed = [Bool](repeating: false, count: count)
    textLength = lengths
    linkLength = [Double](repeating: 0, count: count)
    self.commas = commas
    live = [Bool](repeating: true, count: count)
  }

  var names: [String] { document.names }

  /// The word lists found in the class or the id.
  func words(_ node: Int) -> ClassWords { classWords[node].union(idWords[node]) }

  /// Readability's class weight of an element.
  func weight(_ node: Int) -> Double { BoilerplatePatterns.weight(class: classWords[node], id: idWords[node]) }

  /// Puts every node back, as before any rule ran.
  func reset() {
    for index in removed.indices { removed[index] = false }
    refresh()
  }

  /// Recomputes `live` and the per-element statistics after removals.
  func refresh() {
    // Local copies: the loops touch every node, and a class's arrays are checked for exclusive access on
    // every element access.
    let nodes = document.nodes
    let count = nodes.count
    var live = [Bool](repeating: false, count: count)
    var textLength = [Int32](repeating: 0, count: count)
    var linkLength = [Double](repeating: 0, count: count)
    var commas = [Int32](repeating: 0, count: count)
    for node in 0..<count {
      let parent = nodes[node].parent
      let isLive = !removed[node] && (parent < 0 || live[Int(parent)])
      live[node] = isLive
      if isLive && !nodes[node].isElement {
        textLength[node] = ownLength[node]
        commas[node] = ownCommas[node]
        linkLength[node] = Double(ownLength[node]) * linkWeight[node]
      }
    }
    for node in stride(from: count - 1, through: 0, by: -1) where live[node] {
      let parent = Int(nodes[node].parent)
      guard parent >= 0 else { continue }
      textLength[parent] += textLength[node]
      linkLength[parent] += linkLength[node]
      commas[parent] += commas[node]
    }
    self.live = live
    self.textLength = textLength
    self.linkLength = linkLength
    self.commas = commas
  }

  /// Takes out a live node and its subtree, and subtracts what it held from its ancestors' statistics,
  /// so that rules applied one element after another see the earlier removals.
  func remove(_ node: Int) {
    guard live[node] else { return }
    removed[node] = true
    for index in node..<document.subtreeEnd(node) { live[index] = false }
    var ancestor = document.parent(of: node)
    while let current = ancestor {
      textLength[current] -= textLength[node]
      linkLength[current] -= linkLength[node]
      commas[current] -= commas[node]
      ancestor = document.parent(of: current)
    }
  }

  /// Link text over all text; 0 for an element without text.
  func linkDensity(_ node: Int) -> Double {
    textLength[node] == 0 ? 0 : linkLength[node] / Double(textLength[node])
  }

  /// Whether `child` is the only live element child of `parent` (without listing a long child list).
  func isOnlyElementChild(_ child: Int, of parent: Int) -> Bool {
    for sibling in document.children(of: parent) where sibling != child && live[sibling] && document.isElement(sibling)
    {
      return false
    }
    return true
  }

  /// Live element children.
  func liveChildren(_ node: Int) -> [Int] {
    document.children(of: node).filter { live[$0] && document.isElement($0) }
  }

  /// Live descendants of `node` (not itself) named in `names`.
  func descendants(of node: Int, named names: Set<String>) -> [Int] {
    ((node + 1)..<document.subtreeEnd(node)).filter { live[$0] && names.contains(document.names[$0]) }
  }

  /// Whether a live descendant of `node` is named in `names`.
  func hasDescendant(_ node: Int, named names: Set<String>) -> Bool {
    ((node + 1)..<document.subtreeEnd(node)).contains { live[$0] && names.contains(document.names[$0]) }
  }

  /// Whether an ancestor of `node` (not itself) is named `name`, looking at most `depth` levels up.
  func hasAncestor(_ node: Int, named name: String, depth: Int = .max) -> Bool {
    var current = document.parent(of: node)
    var level = 0
    while let ancestor = current, level < depth {
      if names[ancestor] == name { return true }
      current = document.parent(of: ancestor)
      level += 1
    }
    return false
  }

  /// The collapsed text of a live subtree.
  func text(_ node: Int) -> String {
    var text = CollapsedText()
    for index in node..<document.subtreeEnd(node) where live[index] && !document.isElement(index) {
      document.withTextBytes(index) { text.append($0) }
    }
    return text.string
  }
}
