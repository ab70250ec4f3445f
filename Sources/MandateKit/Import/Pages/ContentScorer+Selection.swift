extension ContentScorer {
  /// The elements that make up the article, in page order: the best candidate and its siblings that
  /// score close to it (an article split into several blocks), or the whole body when nothing scored.
  func articleNodes() -> [Int] {
    guard let body = document.first("body") ?? document.first("html") ?? (document.count > 0 ? 0 : nil) else {
      return []
    }
    let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
    guard var top = ranked.first?.key, top != body, let topScore = ranked.first?.value else { return [body] }
    top = promotedToCommonAncestor(top, topScore: topScore, ranked: ranked.prefix(5), body: body)
    top = climbedToBetterParent(top, body: body)
    // A wrapper with nothing else in it is the same article, with whatever its markup adds around it.
    while let parent = document.parent(of: top), parent != body, tree.liveChildren(parent).count == 1 {
      top = parent
    }
    return withSiblings(top, body: body)
  }

  /// When three or more of the other near-best candidates sit under one ancestor of the best, that
  /// ancestor is the article (a story split into several scored blocks).
  private func promotedToCommonAncestor(
    _ top: Int, topScore: Double, ranked: ArraySlice<(key: Int, value: Double)>, body: Int
  ) -> Int {
    let alternatives = ranked.dropFirst().filter { topScore > 0 && $0.value / topScore >= 0.75 }.map(\.key)
    guard alternatives.count >= 3 else { return top }
    var parent = document.parent(of: top)
    while let current = parent, current != body {
      if alternatives.filter({ document.contains(current, $0) }).count >= 3 { return current }
      parent = document.parent(of: current)
    }
    return top
  }

  /// Climbs to a parent that scores higher than the candidate (parents get a share of every paragraph,
  /// so a higher parent holds more of the article), stopping where scores fall below a third.
  private func climbedToBetterParent(_ top: Int, body: Int) -> Int {
    var lastScore = scores[top] ?? 0
    let threshold = lastScore / 3
    var parent = document.parent(of: top)
    while let current = parent, current != body {
      guard let score = scores[current] else {
        parent = document.parent(of: current)
        continue
      }
      if score < threshold { break }
      if score > lastScore { return current }
      lastScore = score
      parent = document.parent(of: current)
    }
    return top
  }

  /// The candidate and its siblings that belong to the article: those scoring at least a fifth of it
  /// (more easily when they share its class), and paragraphs of prose that are not links.
  private func withSiblings(_ top: Int, body: Int) -> [Int] {
    guard let parent = document.parent(of: top) else { return [top] }
    let topScore = scores[top] ?? 0
    let threshold = max(10, topScore * 0.2)
    var nodes: [Int] = []
    for sibling in tree.liveChildren(parent) {
      if sibling == top {
        nodes.append(sibling)
        continue
      }
      var bonus = 0.0
      if !tree.classes[top].isEmpty && tree.classes[sibling] == tree.classes[top] { bonus += topScore * 0.2 }
      if let score = scores[sibling], score + bonus >= threshold {
        nodes.append(sibling)
      } else if isParagraph(sibling) {
        let length = tree.textLength[sibling]
        let density = tree.linkDensity(sibling)
        if length > 80 && density < 0.25 {
          nodes.append(sibling)
        } else if length > 0 && length < 80 && density == 0 && Self.endsSentence(tree.text(sibling)) {
          nodes.append(sibling)
        }
      }
    }
    return nodes
  }

  /// A `p`, or a `div` the method reads as one (no block inside).
  private func isParagraph(_ node: Int) -> Bool {
    let name = document.names[node]
    return name == "p" || (name == "div" && !tree.hasDescendant(node, named: BoilerplatePatterns.paragraphBreakers))
  }

  /// Whether a short text has a full stop followed by a space or the end.
  static func endsSentence(_ text: String) -> Bool {
    text.hasSuffix(".") || text.contains(". ")
  }
}
