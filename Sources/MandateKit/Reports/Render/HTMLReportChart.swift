import Foundation

/// The geometry of the report's chart: for each quarter of the timeline, one bar per priority
/// (supporting evidence) and a track showing the share of items covered, in SVG user units.
///
/// All coordinates are computed here and formatted as strings with at most one decimal, so the
/// template only copies them and the same timeline always gives the same bytes.
struct HTMLReportChart {
  /// The chart's width in user units. It is drawn at this size on screen (never smaller) and a
  /// little smaller on A4 paper (about 700 CSS pixels), so that its smallest labels, 12 units,
  /// stay at 11 px or more on both.
  static let width = 760.0
  static let left = 40.0
  static let right = 12.0
  static let top = 36.0
  static let plotHeight = 200.0
  /// How many colours the stylesheet defines (`c0`…); more priorities reuse them, told apart by
  /// the id under each bar.
  static let colours = 8

  var width: String
  var height: String
  var label: String
  var description: String
  var isEmpty: Bool
  var plotLeft: String
  var plotRight: String
  var baseline: String
  var ticks: [Tick]
  var quarters: [Quarter]
  var legend: [LegendEntry]
  var tableQuarters: [String]
  var tableRows: [TableRow]
  var tableCoverage: [String]

  struct Tick {
    var y: String
    var textX: String
    var textY: String
    var label: String
  }

  struct Quarter {
    var label: String
    var centre: String
    var labelY: String
    var hasDates: Bool
    var dates: String
    var datesY: String
    var bars: [Bar]
    var coverage: CoverageTrack
  }

  struct Bar {
    var x: String
    var y: String
    var width: String
    var height: String
    var colour: String
    var title: String
    var hasCount: Bool
    var count: Int
    var centre: String
    var countY: String
    var hasID: Bool
    var priority: String
    var idY: String
  }

  struct CoverageTrack {
    var x: String
    var y: String
    var width: String
    var fill: String
    var textY: String
    var text: String
  }

  struct LegendEntry {
    var priority: String
    var title: String
    var colour: String
  }

  struct TableRow {
    var priority: String
    var cells: [Int]
  }

  init(_ timeline: [QuarterlyReport.TimelineQuarter], priorities: [(id: String, title: String)]) {
    let n: (Double) -> String = { HTMLReportView.number($0, decimals: 1) }
    // Term-relative quarters (`Q3`) say nothing of their dates: print them under the label.
    let showDates = timeline.contains { !$0.label.contains(" ") }
    let baselineY = Self.top + Self.plotHeight
    let labelY = baselineY + 36
    let trackY = labelY + (showDates ? 38 : 22)
    let maximum = timeline.flatMap(\.evidence).map(\.count).max() ?? 0
    let step = Self.step(for: maximum)
    let scaleTop = Double(max(step, Int((Double(maximum) / Double(step)).rounded(.up)) * step))
    let plotWidth = Self.width - Self.left - Self.right
    let groupWidth = timeline.isEmpty ? plotWidth : plotWidth / Double(timeline.count)
    let padding = groupWidth * 0.08
    let slot = priorities.isEmpty ? 0 : (groupWidth - 2 * padding) / Double(priorities.count)
    let colour = Dictionary(
      priorities.enumerated().map { ($0.element.id, "c\($0.offset % Self.colours)") }, uniquingKeysWith: { a, _ in a })

    width = n(Self.width)
    height = n(trackY + 22)
    isEmpty = timeline.isEmpty
    plotLeft = n(Self.left)
    plotRight = n(Self.width - Self.right)
    baseline = n(baselineY)
    ticks = stride(from: 0, through: Int(scaleTop), by: step).map { value in
      let y = baselineY - Double(value) / scaleTop * Self.plotHeight
      return Tick(y: n(y), textX: n(Self.left - 6), textY: n(y + 4), label: "\(value)")
    }
    quarters = timeline.enumerated().map { index, quarter in
      let start = Self.left + Double(index) * groupWidth + padding
      let bars = quarter.evidence.enumerated().map { position, entry in
        let height = Double(entry.count) / scaleTop * Self.plotHeight
        let x = start + Double(position) * slot + slot * 0.08
        let barWidth = slot * 0.84
        return Bar(
          x: n(x), y: n(baselineY - height), width: n(barWidth), height: n(height),
          colour: colour[entry.priority] ?? "c0",
          title: "\(entry.priority) in \(quarter.label): \(Self.tags(entry.count))",
          hasCount: entry.count > 0 && barWidth >= 12, count: entry.count, centre: n(x + barWidth / 2),
          countY: n(baselineY - height - 4), hasID: barWidth >= 16, priority: entry.priority, idY: n(baselineY + 16))
      }
      let trackWidth = groupWidth - 2 * padding
      return Quarter(
        label: quarter.label, centre: n(start + trackWidth / 2), labelY: n(labelY), hasDates: showDates,
        dates: "\(quarter.start) to \(quarter.end)", datesY: n(labelY + 16), bars: bars,
        coverage: CoverageTrack(
          x: n(start), y: n(trackY), width: n(trackWidth),
          fill: n(trackWidth * HTMLReportView.clamped(quarter.coverage)), textY: n(trackY - 5),
          text: "coverage \(HTMLReportView.percent(quarter.coverage))"))
    }
    legend = priorities.map { LegendEntry(priority: $0.id, title: $0.title, colour: colour[$0.id] ?? "c0") }
    tableQuarters = timeline.map(\.label)
    tableRows = priorities.map { priority in
      TableRow(
        priority: priority.id,
        cells: timeline.map { quarter in quarter.evidence.first { $0.priority == priority.id }?.count ?? 0 })
    }
    tableCoverage = timeline.map { HTMLReportView.percent($0.coverage) }
    let span = timeline.first.map { first in " from \(first.label) to \(timeline.last!.label)" } ?? ""
    label =
      "Bar chart: supporting tags per priority in each quarter of the term\(span), and the share of items covered."
    description = timeline.map { quarter in
      let counts = quarter.evidence.map { "\($0.priority) \($0.count)" }.joined(separator: ", ")
      return "\(quarter.label): \(counts); coverage \(HTMLReportView.percent(quarter.coverage))."
    }.joined(separator: " ")
  }

  /// The gridline step: 1, 2 or 5 times a power of ten, giving at most five steps.
  static func step(for maximum: Int) -> Int {
    var power = 1
    while power < Int.max / 100 {
      for factor in [1, 2, 5] where maximum <= factor * power * 5 { return factor * power }
      power *= 10
    }
    return power
  }

  static func tags(_ count: Int) -> String {
    count == 1 ? "1 supporting tag" : "\(count) supporting tags"
  }
}
