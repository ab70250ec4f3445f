import Foundation

extension AgreementReport {
  /// The agreement of `analysts` over the events placed in `range` (every event when nil), read
  /// from the workspace's ledger under the shared lock.
  public static func build(
    workspace: Workspace, mandate: Mandate, analysts: [String], range: DayRange?, quarter: String?
  ) throws -> AgreementReport {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    return try withExtendedLifetime(lock) {
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let decisions = try index.decisions(mandate: mandate.id)
      let events = try range.map { Set(try index.events(EventQuery(range: $0)).map(\.id)) }
      return try compute(decisions: decisions, mandate: mandate, analysts: analysts, events: events, quarter: quarter)
    }
  }

  /// The report as text: the scores, the confusion counts and the disagreements.
  public func text() -> String {
    let name = method == "cohen" ? "Cohen's kappa" : "Fleiss' kappa"
    let scope = quarter.map { " in \($0)" } ?? ""
    var lines = [
      "Agreement of \(analysts.joined(separator: ", ")) (\(name)) over \(overall.units) event/item pair\(overall.units == 1 ? "" : "s") of \(events) event\(events == 1 ? "" : "s") all decided\(scope)",
      "",
      Self.row("", "pairs", "agreement", "kappa"),
      Self.row("overall", overall),
    ]
    for entry in priorities + items where entry.score.units > 0 { lines.append(Self.row(entry.id, entry.score)) }
    let width = max(12, (categories.map(\.count).max() ?? 0) + 1)
    for table in confusion {
      lines.append("")
      lines.append("\(table.first) (rows) against \(table.second) (columns), kappa \(Self.kappa(table.score.kappa)):")
      lines.append(
        "".padding(toLength: width, withPad: " ", startingAt: 0) + categories.map { Self.pad($0, width) }.joined())
      for (row, category) in categories.enumerated() {
        lines.append(Self.pad(category, width) + table.counts[row].map { Self.pad(String($0), width) }.joined())
      }
    }
    lines.append("")
    lines.append(disagreements.isEmpty ? "no disagreements" : "disagreements (\(disagreements.count)):")
    for disagreement in disagreements {
      let held = zip(analysts, disagreement.categories).map { "\($0): \($1)" }.joined(separator: ", ")
      lines.append("  \(disagreement.event.prefix(8)) \(disagreement.item)  \(held)")
    }
    return lines.map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
      .joined(separator: "\n") + "\n"
  }

  private static func row(_ label: String, _ score: Kappa.Score) -> String {
    row(label, String(score.units), String(format: "%.2f", score.observed), kappa(score.kappa))
  }

  private static func row(_ label: String, _ units: String, _ observed: String, _ kappa: String) -> String {
    pad(label, 10) + pad(units, 7) + pad(observed, 11) + kappa
  }

  static func kappa(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "n/a" }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
  }
}
