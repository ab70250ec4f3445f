/// The article text of a page: the element content scoring picks, cleaned of furniture, as
/// paragraphs, with boilerplate paragraphs dropped.
struct MainText {
  var paragraphs: [String]
  /// The elements the text came from, in page order.
  var roots: [Int]
  /// The share of the chosen elements' text that is link text.
  var linkDensity: Double
  /// The rules of the attempt that gave it.
  var rules: ContentScorer.Rules = .all
  var length: Int { paragraphs.reduce(0) { $0 + $1.count } }
}

enum MainTextExtractor {
  /// A text shorter than this makes the extractor try again with fewer rules, as Readability does: a
  /// site that puts its article in a "sidebar-content" block loses it to the first rules.
  static let retryBelow = 500

  static let attempts: [ContentScorer.Rules] = [
    .all, [.weightClasses, .cleanConditionally], [.cleanConditionally], [],
  ]

  /// The article text; `tree` is left as the chosen attempt left it (what it removed stays removed), for
  /// the rules that look at the article's markup afterwards.
  static func extract(_ tree: ContentTree, headline: String?) -> MainText {
    var best: MainText?
    for rules in attempts {
      let text = attempt(tree, rules: rules, headline: headline)
      if text.length >= retryBelow { return text }
      // Fewer rules let furniture back in: a later attempt counts only when it finds much more text (an
      // article the first rules took for furniture), not a heading or a notice more.
      if best.map({ text.length > $0.length * 3 / 2 + 100 }) ?? true { best = text }
    }
    guard let best else { return MainText(paragraphs: [], roots: [], linkDensity: 0) }
    return best.rules == attempts.last ? best : attempt(tree, rules: best.rules, headline: headline)
  }

  static func attempt(_ tree: ContentTree, rules: ContentScorer.Rules, headline: String?) -> MainText {
    tree.reset()
    var scorer = ContentScorer(tree: tree, rules: rules)
    scorer.removeFurniture()
    scorer.score()
    let roots = scorer.articleNodes()
    let density =
      roots.isEmpty
      ? 0
      : roots.reduce(0.0) { $0 + tree.linkLength[$1] }
        / Double(max(1, roots.reduce(0) { $0 + Int(tree.textLength[$1]) }))
    ContentCleaner(tree: tree, rules: rules, headline: headline).clean(roots)
    let paragraphs = ParagraphFilter.filter(PageTextRenderer(tree: tree).paragraphs(roots), headline: headline)
    return MainText(paragraphs: paragraphs, roots: roots, linkDensity: density, rules: rules)
  }
}
