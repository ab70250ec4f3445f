/// Finds the element that holds a page's article, by content scoring.
///
/// The method is Readability's, as published: paragraphs of 25 characters or more give their parent a
/// score for their length and their commas (prose has commas; menus and link lists do not), half of it
/// to the grandparent and less further up; containers start from a score for their element name and
/// the words of their class and id, and end multiplied by the share of their text that is not links.
/// The best container, adjusted upwards when its ancestors hold as much, and the siblings that score
/// close to it, are the article.
struct ContentScorer {
  /// Which of the method's rules apply; a page whose article comes out short is tried again with
  /// fewer of them, because sites put their article in an element whose class looks like furniture.
  struct Rules: OptionSet, Sendable {
    let rawValue: Int
    /// Remove elements whose class, id or role says menu, sidebar, comments, …, before scoring.
    static let stripUnlikely = Rules(rawValue: 1)
    /// Let class and id words raise or lower scores.
    static let weightClasses = Rules(rawValue: 2)
    /// Remove lists, tables and blocks that look like furniture from the chosen article.
    static let cleanConditionally = Rules(rawValue: 4)
    static let all: Rules = [.stripUnlikely, .weightClasses, .cleanConditionally]
  }

  let tree: ContentTree
  let rules: Rules
  /// Candidate scores by element; absent for elements no paragraph reached.
  private(set) var scores: [Int: Double] = [:]

  init(tree: ContentTree, rules: Rules) {
    self.tree = tree
    self.rules = rules
  }

  var document: HTMLDocument { tree.document }

  /// Removes what is never article text, and furniture when the rules say so.
  func removeFurniture() {
    let names = document.names
    var node = 0
    while node < document.count {
      guard document.isElement(node), !tree.removed[node] else {
        node += 1
        continue
      }
      if isFurniture(node, names[node]) {
        tree.removed[node] = true
        node = document.subtreeEnd(node)
      } else {
        node += 1
      }
    }
    tree.refresh()
  }

  private func isFurniture(_ node: Int, _ name: String) -> Bool {
    if BoilerplatePatterns.neverText.contains(name) { return true }
    if document.hasAttribute("hidden", node) { return true }
    if document.attribute("aria-hidden", of: node) == "true" { return true }
    if let style = document.attribute("style", of: node), BoilerplatePatterns.hidesElement(style: style) { return true }
    guard rules.contains(.stripUnlikely), name != "body", name != "a", name != "html" else { return false }
    if let role = document.attribute("role", of: node)?.lowercased(), BoilerplatePatterns.unlikelyRoles.contains(role) {
      return true
    }
    let words = tree.words(node)
    guard words.contains(.unlikely), !words.contains(.maybe) else { return false }
    return !tree.hasAncestor(node, named: "table") && !tree.hasAncestor(node, named: "code")
  }

  /// Scores every candidate container from the paragraphs under it.
  mutating func score() {
    let names = document.names
    for node in 0..<document.count where tree.live[node] && document.isElement(node) {
      let name = names[node]
      if BoilerplatePatterns.scoredAsParagraphs.contains(name) {
        addParagraph(length: tree.textLength[node], commas: tree.commas[node], parent: effectiveParent(of: node))
      } else if name == "div" {
        if !tree.hasDescendant(node, named: BoilerplatePatterns.paragraphBreakers) {
          addParagraph(length: tree.textLength[node], commas: tree.commas[node], parent: effectiveParent(of: node))
        } else {
          for run in inlineRuns(of: node) { addParagraph(length: run.length, commas: run.commas, parent: node) }
        }
      }
    }
    for (node, score) in scores { scores[node] = score * (1 - tree.linkDensity(node)) }
  }

  /// The parent a paragraph counts for: a `div` that only wraps it is looked through, as the method
  /// replaces such a wrapper by the paragraph.
  func effectiveParent(of node: Int) -> Int? {
    var child = node
    while let parent = document.parent(of: child) {
      guard document.names[parent] == "div", tree.isOnlyElementChild(child, of: parent),
        tree.textLength[parent] == tree.textLength[child], tree.linkDensity(parent) < 0.25
      else { return parent }
      child = parent
    }
    return nil
  }

  /// Runs of inline content directly inside a container (text between its blocks), split at double line
  /// breaks, each measured as a paragraph.
  func inlineRuns(of node: Int) -> [(length: Int32, commas: Int32)] {
    var runs: [(length: Int32, commas: Int32)] = []
    var length: Int32 = 0
    var commas: Int32 = 0
    var breaks = 0
    func flush() {
      if length > 0 { runs.append((length, commas)) }
      (length, commas) = (0, 0)
    }
    for child in document.children(of: node) where tree.live[child] {
      let name = document.names[child]
      if name == "br" {
        breaks += 1
        if breaks >= 2 { flush() }
        continue
      }
      if document.isElement(child)
        && (BoilerplatePatterns.blocks.contains(name) || BoilerplatePatterns.paragraphBreakers.contains(name))
      {
        flush()
      } else if tree.textLength[child] > 0 {
        breaks = 0
        length += tree.textLength[child]
        commas += tree.commas[child]
      }
    }
    flush()
    return runs
  }

  private mutating func addParagraph(length: Int32, commas: Int32, parent: Int?) {
    guard length >= 25, let parent else { return }
    let score = 2 + Double(commas) + Double(min(length / 100, 3))
    var ancestor: Int? = parent
    var level = 0
    while let current = ancestor, level < 5 {
      // The root element is never a candidate: the article is inside it.
      guard let above = document.parent(of: current) else { break }
      let divider = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
      let initial = scores[current] == nil ? initialScore(current) : 0
      scores[current, default: initial] += score / divider
      ancestor = above
      level += 1
    }
  }

  /// A container's score before paragraphs count: by element name, and by class and id words.
  func initialScore(_ node: Int) -> Double {
    var score: Double
    switch document.names[node] {
    case "div": score = 5
    case "pre", "td", "blockquote": score = 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
    default: score = 0
    }
    if rules.contains(.weightClasses) {
      score += tree.weight(node)
    }
    return score
  }
}
