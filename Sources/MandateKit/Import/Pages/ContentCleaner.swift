/// Takes what is not article text out of the chosen article: forms, asides, share bars, bylines and
/// credits, the headline printed again, and lists, tables and blocks that look like furniture (the
/// conditional cleaning of Readability's method: many links, more list items or images than
/// paragraphs, form fields, little text).
struct ContentCleaner {
  let tree: ContentTree
  let rules: ContentScorer.Rules
  /// The page's headline, so that the article does not repeat it.
  let headline: String?

  var document: HTMLDocument { tree.document }

  func clean(_ roots: [Int]) {
    let dataTables = self.dataTables(in: roots)
    conditionally(["form", "fieldset"], roots, dataTables)
    removeAll(in: roots) { name, _ in ["footer", "aside", "object", "embed", "link"].contains(name) }
    removeAll(in: roots) { _, node in
      tree.words(node).contains(.share) && tree.textLength[node] < 500
    }
    removeHeadings(in: roots)
    conditionally(["table", "ul", "div"], roots, dataTables)
    removeAll(in: roots) { name, node in
      guard tree.textLength[node] < 250 else { return false }
      if document.attribute("itemprop", of: node)?.lowercased() == "author" { return true }
      if name == "a" && document.attribute("rel", of: node)?.lowercased() == "author" { return false }
      return tree.words(node).contains(.byline)
    }
  }

  /// Removes every live element below the roots (not a root) for which `test` holds.
  private func removeAll(in roots: [Int], where test: (String, Int) -> Bool) {
    for root in roots {
      var node = root + 1
      while node < document.subtreeEnd(root) {
        if tree.live[node] && document.isElement(node) && test(document.names[node], node) {
          tree.remove(node)
          node = document.subtreeEnd(node)
        } else {
          node += 1
        }
      }
    }
  }

  /// Removes headings with furniture classes, and headings that repeat the headline.
  private func removeHeadings(in roots: [Int]) {
    let titleWords = headline.map(Self.words) ?? []
    removeAll(in: roots) { name, node in
      guard BoilerplatePatterns.headings.contains(name) else { return false }
      if rules.contains(.weightClasses), ["h1", "h2"].contains(name), tree.weight(node) < 0 {
        return true
      }
      return !titleWords.isEmpty && Self.similarity(titleWords, Self.words(tree.text(node))) > 0.75
    }
  }

  static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }

  /// How much of `other` is made of words of `reference` (1 = nothing new), by characters.
  static func similarity(_ reference: [String], _ other: [String]) -> Double {
    guard !reference.isEmpty, !other.isEmpty else { return 0 }
    let known = Set(reference)
    let new = other.filter { !known.contains($0) }.joined(separator: " ")
    return 1 - Double(new.count) / Double(other.joined(separator: " ").count)
  }

  /// Removes elements named in `names` that look like furniture, innermost first.
  private func conditionally(_ names: Set<String>, _ roots: [Int], _ dataTables: Set<Int>) {
    guard rules.contains(.cleanConditionally) else { return }
    for root in roots {
      for node in stride(from: document.subtreeEnd(root) - 1, to: root, by: -1)
      where tree.live[node] && names.contains(document.names[node]) {
        if isKept(node, dataTables) { continue }
        if looksLikeFurniture(node) { tree.remove(node) }
      }
    }
  }

  private func isKept(_ node: Int, _ dataTables: Set<Int>) -> Bool {
    if dataTables.contains(node) || tree.hasAncestor(node, named: "code") { return true }
    var ancestor = document.parent(of: node)
    while let current = ancestor {
      if dataTables.contains(current) { return true }
      ancestor = document.parent(of: current)
    }
    return false
  }

  private func looksLikeFurniture(_ node: Int) -> Bool {
    let name = document.names[node]
    let weight = rules.contains(.weightClasses) ? tree.weight(node) : 0
    if weight < 0 { return true }
    guard tree.commas[node] < 10 else { return false }
    let length = Double(tree.textLength[node])
    var isList = name == "ul" || name == "ol"
    if !isList, length > 0 {
      let listLength = tree.descendants(of: node, named: ["ul", "ol"]).reduce(0) { $0 + Double(tree.textLength[$1]) }
      isList = listLength / length > 0.9
    }
    let paragraphs = Double(tree.descendants(of: node, named: ["p"]).count)
    let images = Double(tree.descendants(of: node, named: ["img"]).count)
    let items = Double(tree.descendants(of: node, named: ["li"]).count) - 100
    // Form fields and embeds were taken out before scoring; they still tell what a block was.
    let inputs = Double(countAll(in: node, named: ["input"]))
    let embeds = countAll(in: node, named: ["object", "embed", "iframe"])
    let headingLength = tree.descendants(of: node, named: BoilerplatePatterns.headings).reduce(0) {
      $0 + Double(tree.textLength[$1])
    }
    let headingDensity = length > 0 ? headingLength / length : 0
    let inFigure = tree.hasAncestor(node, named: "figure")
    let density = tree.linkDensity(node)
    if images > 1 && paragraphs / images < 0.5 && !inFigure { return true }
    if !isList && items > paragraphs { return true }
    if inputs > (paragraphs / 3).rounded(.down) { return true }
    if !isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && !inFigure { return true }
    if !isList && weight < 25 && density > 0.2 { return true }
    if weight >= 25 && density > 0.5 { return true }
    return (embeds == 1 && length < 75) || embeds > 1
  }

  /// Elements named in `names` below `node`, removed or not.
  private func countAll(in node: Int, named names: Set<String>) -> Int {
    ((node + 1)..<document.subtreeEnd(node)).reduce(0) { $0 + (names.contains(document.names[$1]) ? 1 : 0) }
  }

  /// Tables that hold data rather than layout: those with a summary, caption, header cells or column
  /// groups, or enough rows and columns, and no table inside.
  func dataTables(in roots: [Int]) -> Set<Int> {
    var result: Set<Int> = []
    for root in roots {
      for table in document.elements(named: "table", in: root) where tree.live[table] {
        if isDataTable(table) { result.insert(table) }
      }
    }
    return result
  }

  private func isDataTable(_ table: Int) -> Bool {
    if document.attribute("role", of: table) == "presentation" { return false }
    if document.attribute("datatable", of: table) == "0" { return false }
    if document.hasAttribute("summary", table) { return true }
    let inside = (table + 1)..<document.subtreeEnd(table)
    let names = document.names
    if inside.contains(where: { ["caption", "col", "colgroup", "tfoot", "thead", "th"].contains(names[$0]) }) {
      return true
    }
    if inside.contains(where: { names[$0] == "table" }) { return false }
    let rows = inside.filter { names[$0] == "tr" }
    let columns =
      rows.map { row in document.elementChildren(of: row).filter { ["td", "th"].contains(names[$0]) }.count }
      .max() ?? 0
    if rows.count == 1 || columns == 1 { return false }
    if rows.count >= 10 || columns > 4 { return true }
    return rows.count * columns > 10
  }
}
