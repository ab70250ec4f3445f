import Foundation
import MandateKit

/// The quarterly report on a benchmark workspace, in process, by phase: opening the index
/// (freshness check), building the model, rendering each format. `--runs N` (default 5) warm
/// runs after one cold run; the figures are medians of the warm runs.
enum ReportBench {
  static func run(_ arguments: [String]) throws {
    guard let root = Measure.option("--workspace", in: arguments) else {
      throw BenchError.usage("report --workspace DIR [--quarter 2024Q2] [--runs N]")
    }
    let quarterName = Measure.option("--quarter", in: arguments) ?? "2024Q2"
    let runs = Int(Measure.option("--runs", in: arguments) ?? "5") ?? 5
    let workspace = Workspace(root: URL(fileURLWithPath: root))
    guard let mandate = MandateCatalog.load(workspace).mandates.first else { throw BenchError.failed("no mandate") }
    var phases: [String: [Double]] = [:]
    var tags = 0
    var events = 0
    for _ in 0...runs {
      var index: EventIndex?
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      phases["open", default: []].append(
        try Measure.seconds { index = try EventIndex.open(workspace, lock: lock).index })
      guard let index else { throw BenchError.failed("no index") }
      let builder = ReportBuilder(mandate: mandate, index: index, lock: lock)
      guard let quarter = builder.quarters.quarter(named: quarterName) else {
        throw BenchError.failed("no quarter \(quarterName)")
      }
      var report: QuarterlyReport?
      phases["build", default: []].append(
        try Measure.seconds {
          report = try builder.build(ReportOptions(scope: .quarter(quarter), today: MandateClock.today()))
        })
      guard let report else { throw BenchError.failed("no report") }
      tags = report.counts.tagsInPeriod
      events = report.counts.eventsInPeriod
      for format in ReportFormat.allCases {
        let renderer = try ReportRenderers.renderer(for: format)
        phases["render-\(format.rawValue)", default: []].append(
          try Measure.seconds { _ = try renderer.render(report, context: RenderContext(width: 100, style: .plain)) })
      }
    }
    let cold = phases.mapValues { $0[0] }
    let warm = phases.mapValues { Measure.median(Array($0.dropFirst())) }
    let order = ["open", "build"] + ReportFormat.allCases.map { "render-\($0.rawValue)" }
    print(
      "case report quarter \(quarterName) events_in_period \(events) tags_in_period \(tags) "
        + order.map { String(format: "%@_s %.3f", $0, warm[$0] ?? 0) }.joined(separator: " ")
        + String(format: " cold_open_build_s %.3f", (cold["open"] ?? 0) + (cold["build"] ?? 0))
        + String(format: " peak_rss_mb %.0f", Measure.peakRSSMegabytes))
  }
}
