extension FeatureMatches {
  /// About `width` bytes of `text` showing the first of `features` (strongest first, each with
  /// what it added to the score) that the text has, whole words, with every match of `features`
  /// in it marked; the opening of the text when none matched.
  ///
  /// The passage is the window, among those starting a little before a match, whose distinct
  /// features add up to the most: the strongest reason and as many of the next ones as fit.
  func snippet(of text: String, features wanted: [(feature: Int, weight: Double)], width: Int = 220) -> String {
    // Each feature once, with its greatest weight; a few of them, so looked up in a list.
    var weights: [(feature: Int, weight: Double)] = []
    for entry in wanted {
      if let index = weights.firstIndex(where: { $0.feature == entry.feature }) {
        weights[index].weight = max(weights[index].weight, entry.weight)
      } else {
        weights.append(entry)
      }
    }
    func weight(_ feature: Int) -> Double? { weights.first { $0.feature == feature }?.weight }
    var text = text
    return text.withUTF8 { utf8 in
      // At one place, the longest match is marked ("UN Security Council" rather than "UN").
      let marked = spans.filter { weight($0.feature) != nil }
        .sorted { ($0.range.lowerBound, $1.range.count) < ($1.range.lowerBound, $0.range.count) }
      // The strongest feature that the text shows must be in the passage; among the windows that
      // show it, the one whose distinct features add up to the most.
      let strongest = wanted.lazy.map(\.feature).first { feature in marked.contains { $0.feature == feature } }
      var anchor: (feature: Int, range: Range<Int>)?
      var best = -1.0
      // Windows start a third of the width before a match; the matches are in text order, so
      // the first one inside a window only moves forward.
      var first = 0
      var seen: [Int] = []
      for (position, candidate) in marked.enumerated() {
        if position > 0 && marked[position - 1].range.lowerBound == candidate.range.lowerBound { continue }
        let low = max(0, candidate.range.lowerBound - width / 3)
        let high = low + width
        while first < marked.count && marked[first].range.lowerBound < low { first += 1 }
        seen.removeAll(keepingCapacity: true)
        var total = 0.0
        var index = first
        while index < marked.count && marked[index].range.lowerBound < high {
          let span = marked[index]
          if span.range.upperBound <= high && !seen.contains(span.feature) {
            seen.append(span.feature)
            total += weight(span.feature) ?? 0
          }
          index += 1
        }
        guard strongest.map(seen.contains) ?? true else { continue }
        if total > best + 1e-9 {
          best = total
          anchor = candidate
        }
      }
      let anchorRange = anchor?.range ?? 0..<0
      var start = anchor == nil ? 0 : max(0, anchorRange.lowerBound - width / 3)
      var end = min(utf8.count, start + width)
      // Cut at spaces, and never inside a UTF-8 sequence.
      if start > 0 {
        while start < anchorRange.lowerBound, utf8[start - 1] != 0x20 { start += 1 }
      }
      if end < utf8.count {
        while end > anchorRange.upperBound, utf8[end] != 0x20 { end -= 1 }
        while end > start, utf8[end] & 0xC0 == 0x80 { end -= 1 }
      }
      var out: [UInt8] = []
      out.reserveCapacity(end - start + 32)
      if start > 0 { out.append(contentsOf: "…".utf8) }
      func copy(_ range: Range<Int>) {
        for index in range {
          let byte = utf8[index]
          out.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
        }
      }
      var position = start
      for span in marked where span.range.lowerBound >= position && span.range.upperBound <= end {
        copy(position..<span.range.lowerBound)
        out.append(contentsOf: Highlight.start.utf8)
        copy(span.range)
        out.append(contentsOf: Highlight.end.utf8)
        position = span.range.upperBound
      }
      copy(position..<end)
      if end < utf8.count { out.append(contentsOf: "…".utf8) }
      return String(decoding: out, as: UTF8.self)
    }
  }
}
