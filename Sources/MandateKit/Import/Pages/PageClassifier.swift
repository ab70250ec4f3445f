import Foundation

/// Tells pages that are not an article (an empty shell, search results, a section index, a page
/// without text) from articles, so that they are reported with the reason instead of imported as
/// rubbish.
enum PageClassifier {
  struct Rejection: Equatable {
    var reason: String
    var line: Int
  }

  /// A page showing less text than this, menus included, has no article.
  static let minimumVisible = 200
  /// An article text shorter than this is not an article.
  static let minimumText = 150

  static func rejection(tree: ContentTree, main: MainText, metadata: PageMetadata, url: String?) -> Rejection? {
    let document = tree.document
    let line = max(1, Int(main.roots.first.map { document.nodes[$0].line } ?? 1))
    let visible = visibleLength(document)
    if visible < minimumVisible {
      let scripts = document.elements(named: "script").count
      let shell = scripts > 0 ? " (an empty shell: its content is filled in by scripts it runs)" : ""
      return Rejection(reason: "not an article: the page shows \(visible) characters of text\(shell)", line: line)
    }
    let links = main.roots.reduce(0) { $0 + linkCount(tree, in: $1) }
    if let query = searchSignal(url: url, tree: tree, roots: main.roots), links >= 3 {
      return Rejection(reason: "not an article: search results\(query) with \(links) links", line: line)
    }
    let articles = main.roots.flatMap { outermostArticles(document, in: $0) }
    let total = main.roots.reduce(0) { $0 + Int(tree.textLength[$1]) }
    // Stories listed one after another, none of them holding most of the text.
    if articles.count >= 3, !articles.contains(where: { Int(tree.textLength[$0]) * 2 >= total }) {
      return Rejection(
        reason: "not an article: a section index listing \(articles.count) articles (<article> elements)", line: line)
    }
    let linkedHeadings = main.roots.reduce(0) { $0 + linkedHeadingCount(tree, in: $1) }
    if linkedHeadings >= 4 && (main.paragraphs.map(\.count).max() ?? 0) < 400 {
      return Rejection(
        reason: "not an article: a section index of \(linkedHeadings) linked headlines with short summaries",
        line: line)
    }
    if main.linkDensity > 0.5 && links >= 10 {
      return Rejection(
        reason: "not an article: a list of \(links) links (\(Int(main.linkDensity * 100))% of its text is links)",
        line: line)
    }
    if main.length < minimumText {
      return Rejection(
        reason: "not an article: no article text found (\(main.length) characters of text)",
        line: line)
    }
    return nil
  }

  /// Characters of text outside scripts, styles, form controls and hidden elements.
  static func visibleLength(_ document: HTMLDocument) -> Int {
    var hidden = [Bool](repeating: false, count: document.count)
    var length = 0
    for node in 0..<document.count {
      let parentHidden = document.parent(of: node).map { hidden[$0] } ?? false
      if document.isElement(node) {
        hidden[node] =
          parentHidden || BoilerplatePatterns.neverText.contains(document.names[node])
          || document.hasAttribute("hidden", node)
      } else if !parentHidden {
        length += Int(document.withTextBytes(node, TextMeasure.measure).length)
      }
    }
    return length
  }

  /// `<article>` elements below `root` that are not inside another one.
  static func outermostArticles(_ document: HTMLDocument, in root: Int) -> [Int] {
    var result: [Int] = []
    var node = root
    while node < document.subtreeEnd(root) {
      if document.names[node] == "article" {
        result.append(node)
        node = document.subtreeEnd(node)
      } else {
        node += 1
      }
    }
    return result
  }

  static func linkCount(_ tree: ContentTree, in root: Int) -> Int {
    (root..<tree.document.subtreeEnd(root)).filter { tree.live[$0] && tree.names[$0] == "a" && tree.textLength[$0] > 0 }
      .count
  }

  /// Headings whose text is mostly a link: the headlines of a list of stories.
  static func linkedHeadingCount(_ tree: ContentTree, in root: Int) -> Int {
    (root..<tree.document.subtreeEnd(root)).filter { node in
      guard tree.live[node], ["h2", "h3", "h4"].contains(tree.names[node]), tree.textLength[node] > 0 else {
        return false
      }
      return tree.linkDensity(node) > 0.8
    }.count
  }

  /// " for "query"" (or "") when the address or the page says it shows search results; nil otherwise.
  static func searchSignal(url: String?, tree: ContentTree, roots: [Int]) -> String? {
    if let url, let components = URLComponents(string: url) {
      let keys: Set<String> = ["q", "query", "search", "s", "text", "searchword", "keyword", "keywords"]
      if let item = components.queryItems?.first(where: { keys.contains($0.name.lowercased()) }),
        let value = item.value, !value.isEmpty
      {
        return " for \"\(value)\""
      }
      let segments = components.path.lowercased().split(separator: "/")
      if segments.contains(where: {
        ["search", "poisk", "suche", "recherche", "buscar", "search-results"].contains($0)
      }) {
        return ""
      }
    }
    // A results list holds the text; a search box elsewhere on the page says nothing.
    var ancestor = roots.first
    while let node = ancestor {
      if tree.words(node).contains(.searchResults) { return "" }
      ancestor = tree.document.parent(of: node)
    }
    return nil
  }
}
