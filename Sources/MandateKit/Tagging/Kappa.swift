/// Chance-corrected agreement between coders, as qualitative-coding tools report inter-coder
/// reliability: Cohen's kappa for two coders, Fleiss' kappa for more.
public enum Kappa {
  /// Observed agreement, the agreement expected by chance, and kappa (nil when chance agreement
  /// is total, so that kappa is undefined).
  public struct Score: Sendable, Equatable, Codable {
    public var units: Int
    public var observed: Double
    public var expected: Double
    public var kappa: Double?
  }

  /// Cohen's kappa of a square confusion matrix (rows: the first coder's categories, columns:
  /// the second's).
  public static func cohen(_ matrix: [[Int]]) -> Score {
    let total = matrix.reduce(0) { $0 + $1.reduce(0, +) }
    guard total > 0 else { return Score(units: 0, observed: 0, expected: 0, kappa: nil) }
    let n = Double(total)
    let agreed = matrix.indices.reduce(0) { $0 + matrix[$1][$1] }
    var expected = 0.0
    for category in matrix.indices {
      let row = Double(matrix[category].reduce(0, +))
      let column = Double(matrix.reduce(0) { $0 + $1[category] })
      expected += (row / n) * (column / n)
    }
    return score(units: total, observed: Double(agreed) / n, expected: expected)
  }

  /// Fleiss' kappa of `counts[unit][category]`: how many coders put each unit in each category
  /// (every unit coded by the same number of coders, at least two).
  public static func fleiss(_ counts: [[Int]]) -> Score {
    guard let first = counts.first else { return Score(units: 0, observed: 0, expected: 0, kappa: nil) }
    let raters = first.reduce(0, +)
    guard raters > 1 else { return Score(units: counts.count, observed: 0, expected: 0, kappa: nil) }
    let units = Double(counts.count)
    let r = Double(raters)
    var observed = 0.0
    var totals = Array(repeating: 0, count: first.count)
    for unit in counts {
      let pairs = unit.reduce(0) { $0 + $1 * ($1 - 1) }
      observed += Double(pairs) / (r * (r - 1))
      for (category, count) in unit.enumerated() { totals[category] += count }
    }
    let expected = totals.reduce(0.0) { sum, total in
      let share = Double(total) / (units * r)
      return sum + share * share
    }
    return score(units: counts.count, observed: observed / units, expected: expected)
  }

  private static func score(units: Int, observed: Double, expected: Double) -> Score {
    let kappa: Double? = expected >= 1 - 1e-12 ? nil : (observed - expected) / (1 - expected)
    return Score(
      units: units, observed: round(observed), expected: round(expected), kappa: kappa.map(round))
  }

  static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
