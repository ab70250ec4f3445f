/// Closest-match suggestions for misspelt keys, ids and enum values ("did you mean …?").
public enum Spelling {
  /// The Levenshtein distance between `a` and `b`, compared case-insensitively.
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// The candidate nearest to `word`, if it is near enough to be a plausible typo.
  public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    closest(to: word, in: candidates, limit: 1).first
  }

  /// Up to `limit` candidates ordered by distance; ties keep the candidates' order.
  public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int) -> [String] {
    let threshold = max(2, word.count / 3)
    let lowered = word.lowercased()
    var scored: [(distance: Int, order: Int, candidate: String)] = []
    for (order, candidate) in candidates.enumerated() {
      let lowerCandidate = candidate.lowercased()
      var d = distance(lowered, lowerCandidate)
      // A prefix ("P2" for "P2.3") is a good hint even when the distance is large.
      if d > threshold, lowerCandidate.hasPrefix(lowered) || lowered.hasPrefix(lowerCandidate) {
        d = threshold
      }
      if d <= threshold { scored.append((d, order, candidate)) }
    }
    return scored.sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }.prefix(limit).map(\.candidate)
  }
}
